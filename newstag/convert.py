"""Doc → Article: the one pure function from spaCy's world to the pydantic models."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from .doc_state import results, sentence_bounds
from .models import Article, TextSpan
from .segment.layout import Layout


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(start=start, end=end, text=text[start:end])


def doc_to_article(
    doc: Doc,
    *,
    text: str | None = None,
    published: dt.date | None = None,
    id: str | None = None,
    url: str | None = None,
    layout: Layout | None = None,
) -> Article:
    """Build the Article for a processed Doc.

    Args:
        doc: a Doc that went through the newstag components.
        text: the article text the doc's offsets index (defaults to ``doc.text``).
        published: overrides ``doc._.newstag_published``.
        id, url: caller metadata.
        layout: exact character ranges of title, byline, body and paragraphs (the Tagger knows
            them before parsing); without it they are read from the doc's span groups.
    """
    text = doc.text if text is None else text
    if published is None and Doc.has_extension("newstag_published"):
        published = doc._.newstag_published
    if layout is not None:
        return _build(doc, text, published, id, url, layout)
    title_span = None
    if "newstag_title" in doc.spans and len(doc.spans["newstag_title"]):
        t = doc.spans["newstag_title"][0]
        title_span = _span(text, t.start_char, t.end_char)
    byline = None
    if "newstag_byline" in doc.spans and len(doc.spans["newstag_byline"]):
        b = doc.spans["newstag_byline"][0]
        byline = _span(text, b.start_char, b.end_char)
    if "newstag_body" in doc.spans and len(doc.spans["newstag_body"]):
        b = doc.spans["newstag_body"][0]
        body = _span(text, b.start_char, b.end_char)
    else:
        body = _span(text, 0, len(text))
    if "newstag_paragraphs" in doc.spans:
        paragraphs = [_span(text, p.start_char, p.end_char) for p in doc.spans["newstag_paragraphs"]]
    else:
        paragraphs = [body] if body.end > body.start else []
    return _finish(doc, text, published, id, url, title_span, byline, body, paragraphs)


def _build(doc: Doc, text: str, published, id, url, layout: Layout) -> Article:
    title_span = _span(text, *layout.title) if layout.title else None
    byline = _span(text, *layout.byline) if layout.byline else None
    body = _span(text, *layout.body)
    paragraphs = [_span(text, s, e) for s, e in layout.paragraphs]
    return _finish(doc, text, published, id, url, title_span, byline, body, paragraphs)


def _finish(doc: Doc, text: str, published, id, url, title_span, byline, body, paragraphs) -> Article:
    # sentences never run past their region (title / paragraph) and carry no edge blanks
    sentences = [_span(text, s, e) for s, e in sentence_bounds(doc)]
    return Article(
        id=id,
        url=url,
        text=text,
        title=title_span.text if title_span else None,
        title_span=title_span,
        byline=byline,
        published=published,
        body=body,
        paragraphs=paragraphs,
        sentences=sentences,
        entities=results(doc, "entities"),
        dates=results(doc, "dates"),
        quotes=results(doc, "quotes"),
        events=results(doc, "events"),
    )
