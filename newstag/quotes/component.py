"""``newstag_quotes``: (scaffold — filled in by its issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..doc_state import ensure_extensions


class QuotesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.newstag_quotes = []
        doc.spans["newstag_quotes"] = []
        return doc


@Language.factory("newstag_quotes", default_config={}, assigns=["doc.spans", "doc._.newstag_quotes"])
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent(nlp, name)
