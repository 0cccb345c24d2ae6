"""``newstag_entities``: (scaffold — filled in by its issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..doc_state import ensure_extensions


class EntitiesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.newstag_entities = []
        doc.spans["newstag_entities"] = []
        return doc


@Language.factory("newstag_entities", default_config={}, assigns=["doc.spans", "doc._.newstag_entities"])
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    return EntitiesComponent(nlp, name)
