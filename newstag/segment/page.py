"""One entry point for a page as a user gives it: plain text or HTML, to analysed text and layout."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .html import extract_html, looks_like_html
from .layout import Layout
from .text import LineDecision, _segment, decisions


@dataclass
class Page:
    """The text newstag analyses, where the article lies in it, and what the page said about itself."""

    text: str
    layout: Layout
    published: dt.date | None = None
    url: str | None = None
    source: str = "text"  # "html": trafilatura's body; "html-text": an HTML page's visible text; "text"


def whole(text: str) -> Layout:
    """The layout that takes all of ``text`` (stripped) as the body."""
    s = len(text) - len(text.lstrip())
    e = len(text.rstrip())
    return Layout(body=(s, max(s, e)), paragraphs=[(s, e)] if e > s else [])


def read_page(text: str, *, segment: bool = True) -> Page:
    """Find the article in a page: HTML through trafilatura, plain text through the line segmenter.

    Args:
        text: the page, as plain text or HTML.
        segment: find the body (default True); False takes the whole text (after HTML extraction).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if looks_like_html(text):
        page = extract_html(text)
        if not segment:  # all of the extracted text is the body (the title too)
            return Page(page.text, whole(page.text), page.published, page.url, "html")
        if page.layout is not None:
            return Page(page.text, page.layout, page.published, page.url, "html")
        return Page(page.text, _segment(page.text).layout, page.published, page.url, "html-text")
    return Page(text, _segment(text).layout if segment else whole(text), None, None, "text")


def explain_page(text: str) -> list[LineDecision]:
    """The line decisions behind :func:`read_page` (HTML: over the text its HTML path analyses)."""
    if looks_like_html(text):
        page = extract_html(text)
        if page.layout is not None and page.lines is not None:
            head = []
            if page.title is not None:  # the headline newstag put before trafilatura's text
                s, e = page.title
                head = [LineDecision(1, s, e, page.text[s:e], None, ("html-title",), "title")]
            return head + decisions(page.lines, page.layout)
        text = page.text
    res = _segment(text)
    return decisions(res.lines, res.layout)
