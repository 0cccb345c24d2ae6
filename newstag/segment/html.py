"""HTML input: detect it and extract title, body text and publication date with trafilatura."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<!--|<meta|<div|<article|<p[\s>])", re.I)
_TAG = re.compile(r"</?(?:html|body|div|p|span|a|article|section|h[1-6]|br|li|ul|script|meta|title)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page or fragment rather than plain text."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return len(_TAG.findall(head)) >= 3


@dataclass
class ExtractedPage:
    text: str
    title: tuple[int, int] | None
    published: dt.date | None
    url: str | None


def _fallback_text(html: str) -> str:
    try:
        import lxml.html

        root = lxml.html.fromstring(html)
        for bad in root.xpath("//script|//style|//noscript"):
            bad.drop_tree()
        return root.text_content()
    except Exception:  # broken markup: strip tags by hand
        return re.sub(r"<[^>]*>", "\n", html)


def extract_html(html: str) -> ExtractedPage:
    """Extract the article from an HTML page.

    The analysed text is ``title + "\\n\\n" + body`` so the title has offsets too. When trafilatura
    finds nothing (fragments, broken pages) the page's visible text is used instead and the
    plain-text segmenter decides the body.
    """
    import trafilatura

    title = body = url = None
    published = None
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception:  # trafilatura's parser on broken markup: fall back to visible text
        doc = None
    if doc is not None:
        get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
        title, body, url = get("title"), get("text"), get("url")
        date = get("date")
        if date:
            try:
                published = dt.date.fromisoformat(str(date)[:10])
            except ValueError:
                published = None
    if not body:
        return ExtractedPage(text=_fallback_text(html).strip(), title=None, published=published, url=url)
    title = (title or "").strip()
    if title:
        text = f"{title}\n\n{body.strip()}"
        return ExtractedPage(text=text, title=(0, len(title)), published=published, url=url)
    return ExtractedPage(text=body.strip(), title=None, published=published, url=url)
