"""``newstag_dates``: (scaffold — filled in by its issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..doc_state import ensure_extensions


class DatesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.newstag_dates = []
        doc.spans["newstag_dates"] = []
        return doc


@Language.factory("newstag_dates", default_config={}, assigns=["doc.spans", "doc._.newstag_dates"])
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(nlp, name)
