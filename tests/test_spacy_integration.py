"""newstag inside a user's own spaCy pipeline: add_pipe, span groups, the Article extension, DocBin."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import DocBin

import newstag
from newstag import pipeline
from newstag.pipeline import COMPONENTS

from .conftest import EXAMPLES, assert_offsets

TEXT = (EXAMPLES / "clean_article.txt").read_text(encoding="utf-8")
TITLE = "ドイツ外相が来日、エネルギー安全保障で協力強化へ"
GROUPS = ("newstag_title", "newstag_body", "newstag_paragraphs",
          "newstag_entities", "newstag_dates", "newstag_quotes", "newstag_events")


@pytest.fixture(scope="module")
def user_nlp():
    """What a user does: their own ja_ginza pipeline, newstag's components added by name."""
    nlp = spacy.load("ja_ginza")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@pytest.fixture(scope="module")
def doc(user_nlp):
    return user_nlp(TEXT)


def _groups(doc):
    return {k: [(s.start, s.end, s.label_, s.id_) for s in doc.spans[k]] for k in doc.spans if k.startswith("newstag_")}


def test_components_added_after_ginza(user_nlp):
    assert user_nlp.pipe_names[-len(COMPONENTS):] == list(COMPONENTS)
    assert "parser" in user_nlp.pipe_names


def test_span_groups_on_the_doc(doc):
    for key in GROUPS:
        assert key in doc.spans, key
    assert doc.spans["newstag_title"][0].text == TITLE
    assert len(doc.spans["newstag_paragraphs"]) == 3


def test_article_extension(doc):
    a = doc._.newstag_article
    assert isinstance(a, newstag.Article)
    assert a.text == doc.text and a.title == TITLE and len(a.paragraphs) == 3
    assert_offsets(a)
    # the Article and the span groups tell the same story
    assert {m.id_ for m in doc.spans["newstag_entities"]} == {e.id for e in a.entities}
    assert len(doc.spans["newstag_dates"]) == len(a.dates)
    assert len(doc.spans["newstag_quotes"]) == len(a.quotes)


def test_same_result_as_the_tagger(doc, tagger):
    """The user's pipeline and the Tagger find the same layout in a clean article.

    (Results may differ slightly: the Tagger parses paragraph by paragraph, a user's pipeline
    parses the whole text at once.)
    """
    a, b = doc._.newstag_article, tagger(TEXT)
    assert (a.title, a.body, a.paragraphs) == (b.title, b.body, b.paragraphs)


def test_docbin_round_trip_keeps_span_groups(doc, user_nlp):
    before = _groups(doc)
    assert before["newstag_paragraphs"] and before["newstag_title"]
    db = DocBin()
    db.add(doc)
    (restored,) = DocBin().from_bytes(db.to_bytes()).get_docs(user_nlp.vocab)
    assert _groups(restored) == before
    # the layout comes back through the extension too (result lists are not stored by DocBin)
    a = restored._.newstag_article
    assert (a.title, a.body, a.paragraphs) == (TITLE, doc._.newstag_article.body, doc._.newstag_article.paragraphs)


def test_load_returns_the_language(monkeypatch):
    blank = spacy.blank("ja")
    seen = {}

    def fake_load(model, **kwargs):
        seen.update(model=model, **kwargs)
        return blank

    monkeypatch.setattr(pipeline.spacy, "load", fake_load)
    nlp = newstag.load("ja_ginza", exclude=["ner"])
    assert isinstance(nlp, Language) and nlp is blank
    assert nlp.pipe_names == list(COMPONENTS)
    assert seen == {"model": "ja_ginza", "exclude": ["ner"]}


def test_the_tagger_runs_on_newstag_load(tagger):
    assert isinstance(tagger.nlp, Language)
    assert tagger.nlp.pipe_names[-len(COMPONENTS):] == list(COMPONENTS)
