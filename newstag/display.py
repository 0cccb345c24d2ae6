"""An HTML view of a tagged article: for Jupyter (``Article._repr_html_``) and for files.

Only the title and the body are shown (never the page's boilerplate). In the text, entity mentions
are coloured by type, dates and event triggers are marked, and each quote is highlighted with its
speaker; compact tables of entities, dates, quotes and events follow. The HTML uses inline styles
only (it survives notebook renderers that drop ``<style>``), every piece of article text is
HTML-escaped, and Japanese is left exactly as written: no spaces are put between tokens.

>>> from newstag.display import render
>>> html = render(article)                     # the HTML as a string
>>> render(article, "article.html")            # also writes a standalone page
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from .models import Article, Entity

#: background colour per mark kind (entity types, date types, event triggers)
COLOURS: dict[str, str] = {
    "PERSON": "#ffd8a8",
    "ORG": "#a5d8ff",
    "PLACE": "#b2f2bb",
    "DATE": "#fff3bf",
    "TIME": "#fff3bf",
    "DURATION": "#ffec99",
    "SET": "#ffec99",
    "EVENT": "transparent",
}
_QUOTE_STYLE = "background:#f3e8ff;border-bottom:2px solid #9c36b5;padding:0 1px"
_LABEL_STYLE = ("font-size:0.62em;font-weight:bold;line-height:1;margin-left:0.3em;vertical-align:middle;"
                "font-family:sans-serif;color:#495057;text-transform:uppercase")
_SPEAKER_STYLE = ("font-size:0.7em;font-weight:bold;margin-left:0.3em;padding:0 0.3em;border-radius:0.3em;"
                  "background:#9c36b5;color:#fff;vertical-align:middle;font-family:sans-serif")
_TABLE_STYLE = "border-collapse:collapse;margin:0.3em 0 1em 0;font-size:0.85em"
_CELL_STYLE = "border:1px solid #dee2e6;padding:2px 6px;text-align:left;vertical-align:top"


@dataclass(frozen=True)
class _Mark:
    """An inline highlight: a mention, a date or an event trigger."""

    start: int
    end: int
    kind: str  # a key of COLOURS
    label: str  # shown after the text
    tip: str  # tooltip (ids, values, provenance)
    priority: int  # lower wins when marks overlap


@dataclass(frozen=True)
class _QuoteMark:
    start: int
    end: int
    speaker: str
    tip: str


def _style_mark(kind: str) -> str:
    if kind == "EVENT":
        return "background:transparent;border-bottom:2px dotted #e03131;padding:0 1px"
    return f"background:{COLOURS.get(kind, '#e9ecef')};padding:0.1em 0.25em;border-radius:0.3em"


def _entity_name(entities: dict[str, Entity], eid: str | None) -> str:
    if eid is None:
        return ""
    e = entities.get(eid)
    return e.name if e is not None else eid


def _marks(article: Article, entities: dict[str, Entity]) -> list[_Mark]:
    marks: list[_Mark] = []
    for e in article.entities:
        for m in e.mentions:
            tip = f"{e.id} {e.type}" + (f" ({e.kind})" if e.kind else "") + f": {e.name}" + (f" / title {m.title}" if m.title else "") + (f" / rule {m.rule or e.rule}" if (m.rule or e.rule) else "")
            marks.append(_Mark(m.start, m.end, e.type, e.type, tip, 0))
    for d in article.dates:
        tip = f"{d.id} {d.type} = {d.value or '?'}" + (f" / rule {d.rule}" if d.rule else "")
        marks.append(_Mark(d.start, d.end, d.type, d.type, tip, 1))
    for ev in article.events:
        who = ", ".join(f"{_entity_name(entities, p.entity)} ({p.role})" for p in ev.participants)
        tip = f"{ev.id} {ev.type} [{ev.status}]" + (f": {who}" if who else "") + (f" / rule {ev.rule}" if ev.rule else "")
        marks.append(_Mark(ev.trigger.start, ev.trigger.end, "EVENT", ev.type, tip, 2))
    return marks


def _quote_marks(article: Article, entities: dict[str, Entity]) -> list[_QuoteMark]:
    out = []
    for q in article.quotes:
        speaker = _entity_name(entities, q.speaker) or q.speaker_text or "?"
        tip = f"{q.id} {q.kind} quote, speaker {speaker}" + (f", cue {q.cue}" if q.cue else "") + (f" / rule {q.rule}" if q.rule else "") \
            + (f" / named by 「{q.speaker_span.text}」" if q.speaker_span else "")
        out.append(_QuoteMark(q.start, q.end, speaker, tip))
    return out


def _clip_non_overlapping(items: Iterable, start: int, end: int, key) -> list:
    """Keep the items inside [start, end), clipped, dropping those that overlap a kept one."""
    kept = []
    last = start
    for it in sorted(items, key=key):
        s, e = max(it.start, start), min(it.end, end)
        if e <= s or s < last:
            continue
        kept.append((s, e, it))
        last = e
    return kept


def _render_inline(text: str, start: int, end: int, marks: list[tuple[int, int, _Mark]]) -> str:
    out = []
    pos = start
    for s, e, m in marks:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(text[pos:s]))
        colour = ";color:#e03131" if m.kind == "EVENT" else ""
        label = f'<span style="{_LABEL_STYLE}{colour}">{escape(m.label)}</span>'
        out.append(f'<mark style="{_style_mark(m.kind)}" title="{escape(m.tip)}">{escape(text[s:e])}{label}</mark>')
        pos = e
    out.append(escape(text[pos:end]))
    return "".join(out)


def _render_region(text: str, start: int, end: int, marks: list[_Mark], quotes: list[_QuoteMark]) -> str:
    kept_quotes = _clip_non_overlapping(quotes, start, end, key=lambda q: (q.start, -(q.end - q.start)))
    kept_marks = _clip_non_overlapping(marks, start, end, key=lambda m: (m.start, m.priority, -(m.end - m.start)))
    out = []
    pos = start
    for qs, qe, q in kept_quotes:
        out.append(_render_inline(text, pos, qs, kept_marks))
        inner = _render_inline(text, qs, qe, kept_marks)
        out.append(f'<span style="{_QUOTE_STYLE}" title="{escape(q.tip)}">{inner}'
                   f'<span style="{_SPEAKER_STYLE}">{escape(q.speaker)}</span></span>')
        pos = qe
    out.append(_render_inline(text, pos, end, kept_marks))
    return "".join(out)


def _table(title: str, header: list[str], rows: list[list[str]]) -> str:
    head = f'<div style="font-weight:bold;margin-top:0.6em">{escape(title)} ({len(rows)})</div>'
    if not rows:
        return head
    th = "".join(f'<th style="{_CELL_STYLE};background:#f8f9fa">{escape(h)}</th>' for h in header)
    body = "".join("<tr>" + "".join(f'<td style="{_CELL_STYLE}">{escape(c)}</td>' for c in row) + "</tr>" for row in rows)
    return f'{head}<table style="{_TABLE_STYLE}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


def _tables(article: Article, entities: dict[str, Entity]) -> str:
    def name(eid: str | None) -> str:
        return _entity_name(entities, eid)

    ent_rows = [[e.id, e.name, e.type + (f" ({e.kind})" if e.kind else ""), "、".join(e.titles), str(len(e.mentions)), name(e.affiliation), e.rule]
                for e in article.entities]
    date_rows = [[d.id, d.text, d.type, d.value or "", d.rule] for d in article.dates]
    quote_rows = [[q.id, name(q.speaker) or q.speaker_text or "", q.text, q.kind, q.cue or ""] for q in article.quotes]
    event_rows = [[ev.id, ev.type, ev.trigger.text, "、".join(f"{name(p.entity)} ({p.role})" for p in ev.participants),
                   ev.date or "", name(ev.place), ev.status, ev.stance or "", ev.rule]
                  for ev in article.events]
    return "".join([
        _table("entities", ["id", "name", "type", "titles", "mentions", "affiliation", "rule"], ent_rows),
        _table("dates", ["id", "text", "type", "value", "rule"], date_rows),
        _table("quotes", ["id", "speaker", "quote", "kind", "cue"], quote_rows),
        _table("events", ["id", "type", "trigger", "participants", "date", "place", "status", "stance", "rule"], event_rows),
    ])


def render(article: Article, path: str | os.PathLike[str] | None = None) -> str:
    """The HTML view of an article: highlighted title and body, then tables of the results.

    Args:
        article: a tagged :class:`~newstag.models.Article`.
        path: when given, a standalone UTF-8 HTML page holding the view is also written there.

    Returns:
        The HTML fragment (the same one ``Article._repr_html_`` shows in Jupyter).
    """
    if not isinstance(article, Article):
        raise TypeError(f"article must be a newstag Article, got {type(article).__name__}")
    text = article.text
    entities = {e.id: e for e in article.entities}
    marks = _marks(article, entities)
    quotes = _quote_marks(article, entities)
    parts = ['<div class="newstag-article" style="line-height:2.1;max-width:60em">']
    meta = [f"published {article.published}" if article.published else "", f"id {article.id}" if article.id else "",
            article.url or ""]
    meta_text = " · ".join(m for m in meta if m)
    if meta_text:
        parts.append(f'<div style="color:#868e96;font-size:0.8em;font-family:sans-serif">{escape(meta_text)}</div>')
    if article.title_span is not None:
        t = article.title_span
        parts.append(f'<div style="font-size:1.25em;font-weight:bold;margin:0.2em 0 0.5em 0">'
                     f"{_render_region(text, t.start, t.end, marks, quotes)}</div>")
    paragraphs = [(p.start, p.end) for p in article.paragraphs]
    if not paragraphs and article.body.end > article.body.start:
        paragraphs = [(article.body.start, article.body.end)]
    for s, e in paragraphs:
        parts.append(f'<p style="white-space:pre-wrap;margin:0 0 0.6em 0">{_render_region(text, s, e, marks, quotes)}</p>')
    parts.append(f'<div style="line-height:1.4">{_tables(article, entities)}</div>')
    parts.append("</div>")
    html = "".join(parts)
    if path is not None:
        title = escape(article.title or article.id or "newstag")
        page = (f'<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n</head>\n'
                f"<body>\n{html}\n</body>\n</html>\n")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(page)
    return html


__all__ = ["COLOURS", "render"]
