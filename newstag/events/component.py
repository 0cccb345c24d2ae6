"""``newstag_events``: (scaffold — filled in by its issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..doc_state import ensure_extensions


class EventsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.newstag_events = []
        doc.spans["newstag_events"] = []
        return doc


@Language.factory("newstag_events", default_config={}, assigns=["doc.spans", "doc._.newstag_events"])
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
