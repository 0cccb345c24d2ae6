"""Article-body segmentation: find title, byline, body and paragraphs in a page's text or HTML."""

from .html import extract_html, looks_like_html
from .layout import Layout
from .text import segment_text

__all__ = ["Layout", "extract_html", "looks_like_html", "segment_text"]
