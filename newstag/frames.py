"""Tidy pandas DataFrames of tagged articles: one row per article, entity, mention, date, quote or event.

pandas is an optional extra: ``pip install "newstag[pandas]"``.

>>> import newstag
>>> events = newstag.to_frame(articles, kind="events")
>>> events.groupby("type").size()
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from .models import Article, Entity

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

Kind = Literal["articles", "entities", "mentions", "dates", "quotes", "events"]

#: the columns of each kind of frame, in order (empty frames have them too); the Parquet tables of
#: ``newstag batch --format parquet`` have the same columns
COLUMNS: dict[str, list[str]] = {
    "articles": ["article", "url", "title", "published", "text", "body_start", "body_end", "n_paragraphs",
                 "n_sentences", "n_entities", "n_dates", "n_quotes", "n_events"],
    "entities": ["article", "id", "type", "kind", "name", "titles", "n_mentions", "mention_texts",
                 "affiliation_id", "affiliation_name", "rule"],
    "mentions": ["article", "entity_id", "entity_name", "type", "start", "end", "text", "title", "rule"],
    "dates": ["article", "id", "type", "start", "end", "text", "value", "rule"],
    "quotes": ["article", "id", "kind", "start", "end", "text", "speaker_id", "speaker_name", "speaker_text",
               "cue", "sentence", "rule"],
    "events": ["article", "id", "type", "trigger", "trigger_start", "trigger_end", "participant_ids",
               "participant_names", "participant_roles", "participants", "date", "place_id", "place_name",
               "status", "stance", "topic", "duration", "quote_id", "quote_text", "cameo", "mode", "rule"],
}
KINDS: tuple[str, ...] = tuple(COLUMNS)


def _pandas():
    try:
        import pandas
    except ImportError as exc:
        raise ImportError('newstag.to_frame needs pandas: pip install "newstag[pandas]"') from exc
    return pandas


def _name(entities: dict[str, Entity], eid: str | None) -> str | None:
    if eid is None:
        return None
    e = entities.get(eid)
    return e.name if e is not None else None


def rows(key: Any, a: Article, kind: str) -> list[dict[str, Any]]:
    """The rows of one article for one kind of frame, as dicts keyed by :data:`COLUMNS` ``[kind]``.

    Args:
        key: the value of the ``article`` column (the article's id, or its position).
        a: the article.
        kind: one of :data:`KINDS`.
    """
    if kind not in COLUMNS:
        raise ValueError(f"kind must be one of {', '.join(repr(k) for k in KINDS)}, got {kind!r}")
    if kind == "articles":
        return [{"article": key, "url": a.url, "title": a.title, "published": a.published, "text": a.text,
                 "body_start": a.body.start, "body_end": a.body.end, "n_paragraphs": len(a.paragraphs),
                 "n_sentences": len(a.sentences), "n_entities": len(a.entities), "n_dates": len(a.dates),
                 "n_quotes": len(a.quotes), "n_events": len(a.events)}]
    ents = {e.id: e for e in a.entities}
    if kind == "entities":
        return [{"article": key, "id": e.id, "type": e.type, "kind": e.kind, "name": e.name, "titles": list(e.titles),
                 "n_mentions": len(e.mentions), "mention_texts": [m.text for m in e.mentions],
                 "affiliation_id": e.affiliation, "affiliation_name": _name(ents, e.affiliation), "rule": e.rule}
                for e in a.entities]
    if kind == "mentions":
        return [{"article": key, "entity_id": e.id, "entity_name": e.name, "type": e.type, "start": m.start,
                 "end": m.end, "text": m.text, "title": m.title, "rule": m.rule or e.rule}
                for e in a.entities for m in e.mentions]
    if kind == "dates":
        return [{"article": key, "id": d.id, "type": d.type, "start": d.start, "end": d.end, "text": d.text,
                 "value": d.value, "rule": d.rule} for d in a.dates]
    if kind == "quotes":
        return [{"article": key, "id": q.id, "kind": q.kind, "start": q.start, "end": q.end, "text": q.text,
                 "speaker_id": q.speaker, "speaker_name": _name(ents, q.speaker), "speaker_text": q.speaker_text,
                 "cue": q.cue, "sentence": q.sentence, "rule": q.rule} for q in a.quotes]
    quotes = {q.id: q for q in a.quotes}
    events = []
    for ev in a.events:
        ids = [p.entity for p in ev.participants]
        names = [_name(ents, i) or i for i in ids]
        roles = [p.role for p in ev.participants]
        q = quotes.get(ev.quote) if ev.quote else None
        events.append({
            "article": key, "id": ev.id, "type": ev.type, "trigger": ev.trigger.text,
            "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end,
            "participant_ids": ids, "participant_names": names, "participant_roles": roles,
            "participants": "; ".join(f"{n} ({r})" for n, r in zip(names, roles, strict=True)),
            "date": ev.date, "place_id": ev.place, "place_name": _name(ents, ev.place),
            "status": ev.status, "stance": ev.stance, "topic": ev.topic, "duration": ev.duration,
            "quote_id": ev.quote, "quote_text": q.text if q is not None else None,
            "cameo": ev.cameo, "mode": ev.mode, "rule": ev.rule,
        })
    return events


def to_frame(articles: Article | Iterable[Article], kind: Kind = "entities") -> pd.DataFrame:
    """A tidy DataFrame of one kind of result across articles.

    Args:
        articles: one :class:`~newstag.models.Article` or an iterable of them.
        kind: ``"entities"`` (one row per entity, default), ``"mentions"`` (per mention),
            ``"dates"``, ``"quotes"``, ``"events"`` or ``"articles"`` (one row per article: id, url,
            title, published, text, where the body lies, and how many items of each kind it has).

    Returns:
        A DataFrame whose first column ``article`` is the article's ``id``, or its position in
        ``articles`` when it has none; the other columns are listed in :data:`COLUMNS`. Entity ids
        are resolved to names alongside (``speaker_id``/``speaker_name``, ``place_id``/
        ``place_name``); event participants come as parallel lists ``participant_ids``,
        ``participant_names``, ``participant_roles`` and as one readable string ``participants``.

    Raises:
        ImportError: pandas is not installed (``pip install "newstag[pandas]"``).
        ValueError: unknown ``kind``.
        TypeError: ``articles`` holds something other than Articles.
    """
    if kind not in COLUMNS:
        raise ValueError(f"kind must be one of {', '.join(repr(k) for k in KINDS)}, got {kind!r}")
    pd = _pandas()
    if isinstance(articles, Article):
        articles = [articles]
    elif isinstance(articles, (str, bytes)) or not isinstance(articles, Iterable):
        raise TypeError(f"articles must be an Article or an iterable of Articles, got {type(articles).__name__}")
    out: list[dict[str, Any]] = []
    for i, a in enumerate(articles):
        if not isinstance(a, Article):
            raise TypeError(f"articles[{i}] must be a newstag Article, got {type(a).__name__}")
        out.extend(rows(a.id if a.id is not None else i, a, kind))
    return pd.DataFrame(out, columns=COLUMNS[kind])


__all__ = ["COLUMNS", "KINDS", "rows", "to_frame"]
