"""The public API contract: types, JSON round trip, offsets, argument errors."""

from __future__ import annotations

import datetime as dt

import pytest

import newstag
from newstag import Article

from .conftest import EXAMPLES, assert_offsets

SAMPLE = (EXAMPLES / "clean_article.txt").read_text(encoding="utf-8")


def test_call_returns_article(tagger):
    a = tagger(SAMPLE, published="2025-06-11")
    assert isinstance(a, Article)
    assert a.published == dt.date(2025, 6, 11)
    assert a.title == "ドイツ外相が来日、エネルギー安全保障で協力強化へ"
    assert a.body.text.startswith("ドイツのアンナ・シュミット外相は10日")
    assert a.body.text.endswith("視察する予定だ。")
    assert len(a.paragraphs) == 3
    assert len(a.sentences) >= 7
    assert_offsets(a)


def test_json_round_trip_and_schema(tagger):
    a = tagger(SAMPLE, published=dt.date(2025, 6, 11))
    assert Article.model_validate_json(a.model_dump_json()) == a
    schema = Article.model_json_schema()
    for field in ("text", "title", "published", "body", "paragraphs", "sentences", "entities", "dates", "quotes", "events"):
        assert field in schema["properties"]


def test_pickle(tagger):
    import pickle

    a = tagger(SAMPLE)
    assert pickle.loads(pickle.dumps(a)) == a


@pytest.mark.parametrize("published, expected", [
    (None, None),
    ("2025-02-13", dt.date(2025, 2, 13)),
    (dt.date(2024, 12, 31), dt.date(2024, 12, 31)),
    (dt.datetime(2024, 1, 2, 10, 30), dt.date(2024, 1, 2)),
])
def test_published_forms(tagger, published, expected):
    assert tagger("東京都は1日、新しい条例を施行した。", published=published).published == expected


@pytest.mark.parametrize("bad", ["2025-13-40", "yesterday", "2025/02/13x"])
def test_bad_published_names_argument(tagger, bad):
    with pytest.raises(ValueError, match="published"):
        tagger("本文です。", published=bad)


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["list"]])
def test_bad_text_names_argument(tagger, bad):
    with pytest.raises(TypeError, match="text"):
        tagger(bad)


def test_published_wrong_type(tagger):
    with pytest.raises(TypeError, match="published"):
        tagger("本文です。", published=20250213)


def test_unknown_option_is_type_error(tagger):
    with pytest.raises(TypeError):
        tagger("本文です。", publised="2025-01-01")  # typo on purpose


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t　\n"])
def test_empty_text_gives_empty_article(tagger, text):
    a = tagger(text)
    assert a.text == text
    assert a.body.text == "" and a.paragraphs == [] and a.sentences == [] and a.entities == []


def test_one_line_text_is_its_own_body(tagger):
    text = "日銀は19日の金融政策決定会合で、政策金利を0.5%に引き上げることを決めた。"
    a = tagger(text)
    assert a.body.text == text and a.title is None
    assert [s.text for s in a.sentences] == [text]


def test_pipe_items_and_metadata(tagger):
    items = [
        "東京都は1日、新しい条例を施行した。",
        ("大阪府は2日、補正予算案を発表した。", {"id": "osaka", "published": "2025-04-03", "url": "https://example.jp/a"}),
    ]
    out = list(tagger.pipe(items, published="2025-04-01", batch_size=1))
    assert [a.id for a in out] == [None, "osaka"]
    assert [a.published for a in out] == [dt.date(2025, 4, 1), dt.date(2025, 4, 3)]
    assert out[1].url == "https://example.jp/a"


def test_pipe_rejects_bad_arguments(tagger):
    with pytest.raises(TypeError, match="items"):
        list(tagger.pipe("単一の文字列"))
    with pytest.raises(ValueError, match="batch_size"):
        list(tagger.pipe(["a"], batch_size=0))
    with pytest.raises(ValueError, match="published"):
        list(tagger.pipe(["a"], published="2025-02-30"))


def test_module_level_tag_reuses_default_tagger(monkeypatch, tagger):
    from newstag import tagger as tagger_mod

    monkeypatch.setattr(tagger_mod, "_DEFAULT", tagger)
    a = newstag.tag("東京都は1日、新しい条例を施行した。", published="2025-04-01")
    assert a.published == dt.date(2025, 4, 1)


def test_tagger_options_validated():
    with pytest.raises(TypeError, match="model"):
        newstag.Tagger(model=3)
    with pytest.raises(ValueError, match="max_chunk_bytes"):
        newstag.Tagger(max_chunk_bytes=1)


@pytest.mark.parametrize("kwargs, exc, word", [
    ({"items": "単一の文字列"}, TypeError, "items"),
    ({"items": None}, TypeError, "items"),
    ({"items": ["a"], "batch_size": True}, ValueError, "batch_size"),
    ({"items": ["a"], "n_process": 0}, ValueError, "n_process"),
    ({"items": ["a"], "published": "2025-13-40"}, ValueError, "published"),
])
def test_pipe_checks_arguments_when_called(tagger, kwargs, exc, word):
    # raised by the call itself, before any Article is drawn from the iterator
    with pytest.raises(exc, match=word):
        tagger.pipe(**kwargs)
