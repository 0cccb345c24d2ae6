"""What newstag keeps on a spaCy Doc: span groups and a few typed extensions.

Span groups (survive DocBin):
    ``doc.spans["newstag_title"]``, ``["newstag_body"]``, ``["newstag_paragraphs"]`` — the layout;
    ``["newstag_entities"]`` (label PERSON/ORG/PLACE, ``span.id_`` = entity id),
    ``["newstag_dates"]``, ``["newstag_quotes"]``, ``["newstag_events"]`` (event triggers).
Extensions (registered once, when the first newstag component is created):
    ``doc._.newstag_published`` (date | None), ``doc._.newstag_entities`` / ``_dates`` /
    ``_quotes`` / ``_events`` (lists of pydantic models), and ``doc._.newstag_article``,
    a getter that builds the :class:`~newstag.models.Article`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

RESULT_KEYS = ("entities", "dates", "quotes", "events")


def ensure_extensions() -> None:
    """Register newstag's Doc extensions (idempotent)."""
    if not Doc.has_extension("newstag_published"):
        Doc.set_extension("newstag_published", default=None)
    for key in RESULT_KEYS:
        name = f"newstag_{key}"
        if not Doc.has_extension(name):
            # default None, not a shared list: each component assigns a fresh list
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("newstag_article"):
        from .convert import doc_to_article

        Doc.set_extension("newstag_article", getter=lambda doc: doc_to_article(doc))


def regions(doc: Doc) -> list[Span]:
    """The parts of the doc newstag tags: title and body paragraphs, or the whole doc."""
    spans: list[Span] = []
    if "newstag_title" in doc.spans:
        spans.extend(doc.spans["newstag_title"])
    if "newstag_paragraphs" in doc.spans:
        spans.extend(doc.spans["newstag_paragraphs"])
        return sorted(spans, key=lambda s: s.start)
    return [doc[:]] if len(doc) else []


def in_regions(doc: Doc) -> list[bool]:
    """Per token: does it lie in a tagged region?"""
    mask = [False] * len(doc)
    for sp in regions(doc):
        for i in range(sp.start, sp.end):
            mask[i] = True
    return mask


def results(doc: Doc, key: str) -> list:
    """The result list a component stored (``[]`` when it has not run)."""
    value = getattr(doc._, f"newstag_{key}", None) if Doc.has_extension(f"newstag_{key}") else None
    return list(value) if value else []


def mention_spans(doc: Doc) -> list[Span]:
    """Entity mentions written by ``newstag_entities`` (label = type, ``span.id_`` = entity id)."""
    if "newstag_entities" not in doc.spans:
        return []
    return sorted(doc.spans["newstag_entities"], key=lambda s: (s.start_char, s.end_char))


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the article's sentences (what ``Article.sentences`` lists).

    GiNZA's sentences, cut at their region's edges (title / paragraph) and trimmed of blanks.
    """
    text = doc.text
    out: list[tuple[int, int]] = []
    for region in regions(doc):
        for sent in region.sents:
            s = max(sent.start_char, region.start_char)
            e = min(sent.end_char, region.end_char)
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
    return out
