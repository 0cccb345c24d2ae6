"""``newstag_segment``: mark title, byline, body and paragraphs on a Doc.

The :class:`~newstag.Tagger` finds the layout before parsing (so boilerplate is never parsed) and
sets the span groups itself; in a user's own pipeline this component finds it from ``doc.text``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..doc_state import ensure_extensions
from .layout import Layout
from .text import segment_text


def set_layout(doc: Doc, layout: Layout) -> None:
    """Write a layout into the doc's span groups (character ranges snapped outward to tokens)."""

    def spans(ranges):
        out = []
        for s, e in ranges:
            sp = doc.char_span(s, e, alignment_mode="expand")
            if sp is not None and len(sp):
                out.append(sp)
        return out

    doc.spans["newstag_title"] = spans([layout.title] if layout.title else [])
    doc.spans["newstag_byline"] = spans([layout.byline] if layout.byline else [])
    doc.spans["newstag_body"] = spans([layout.body] if layout.body[1] > layout.body[0] else [])
    doc.spans["newstag_paragraphs"] = spans(layout.paragraphs)


class SegmentComponent:
    """Find the article body in a doc's text unless the layout is already set."""

    def __init__(self, nlp: Language, name: str, *, enabled: bool = True) -> None:
        self.name = name
        self.enabled = enabled
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        if "newstag_body" in doc.spans:
            return doc
        if self.enabled:
            set_layout(doc, segment_text(doc.text))
        else:
            set_layout(doc, Layout(body=(0, len(doc.text)), paragraphs=[(0, len(doc.text))] if doc.text else []))
        return doc


@Language.factory(
    "newstag_segment",
    default_config={"enabled": True},
    assigns=["doc.spans"],
)
def make_segment(nlp: Language, name: str, enabled: bool) -> SegmentComponent:
    """Factory for ``newstag_segment``; ``enabled=False`` treats the whole doc as body."""
    return SegmentComponent(nlp, name, enabled=enabled)
