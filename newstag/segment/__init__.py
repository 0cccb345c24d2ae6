"""Article-body segmentation: find title, byline, body and paragraphs in a page's text or HTML."""

from .html import extract_html, looks_like_html
from .layout import Layout
from .page import Page, read_page
from .text import LineDecision, explain, segment_text

__all__ = ["Layout", "LineDecision", "Page", "explain", "extract_html", "looks_like_html", "read_page", "segment_text"]
