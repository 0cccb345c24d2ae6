"""Invariants over empty and naughty strings (table-driven, as GiNZA does), and argument errors.

Odd input *inside* an article never raises; a bad *argument* raises early, with a ValueError or
TypeError whose message names the argument. (``tests/test_api.py`` has the basic cases; these
are the rest.)
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

import newstag
from newstag.tagger import parse_published

from .conftest import assert_invariants

PROSE = "石破首相は15日、首相官邸で記者団に「経済対策を急ぐ」と述べた。"

# (id, text): every one must tag without raising, keep its text, and keep the invariants
NAUGHTY = [
    ("empty", ""),
    ("nul", "\x00"),
    ("nul-inside", f"石破首相は\x0015日、{PROSE}"),
    ("controls", "\x01\x02\x03\x1b[0m\x7f\x85" + PROSE),
    ("bom", "\ufeff" + PROSE),
    ("zero-width", PROSE.replace("は", "は\u200b").replace("、", "\u200d、")),
    ("rtl-override", "\u202e" + PROSE + "\u202c"),
    ("rtl-text", "مرحبا بالعالم " + PROSE + " שלום עולם"),
    ("combining", "e\u0301\u0301\u0301" + PROSE + "か\u3099\u3099"),
    ("lone-surrogates", "\ud800" + PROSE + "\udfff\ud83d\ude00"),
    ("noncharacters", "\uffff\ufffe\U0010ffff" + PROSE),
    ("variation-selector", "葛\U000e0100飾区の" + PROSE),
    ("emoji", "😀👨\u200d👩\u200d👧🇯🇵" + PROSE + "🎌"),
    ("only-punctuation", "。。。、、、「」『』！？"),
    ("only-brackets-open", "「「「「『『『『"),
    ("only-brackets-close", "」」」」』』』』"),
    ("unbalanced-quote", "首相は「経済対策を急ぐと述べた。" + PROSE),
    ("quote-never-opened", "経済対策を急ぐ」と首相は述べた。" + PROSE),
    ("deep-nesting", "彼は" + "「『" * 30 + "急ぐ" + "』」" * 30 + "と述べた。"),
    ("crossed-brackets", "首相は「経済『対策」を急ぐ』と述べた。"),
    ("empty-quote", "首相は「」と述べた。" + PROSE),
    ("half-width-kana", "ｲｼﾊﾞ首相は１５日､｢経済対策を急ぐ｣と述べた｡"),
    ("full-width-ascii", "ＡＢＣ社のＣＥＯは１５日、「ＯＫだ」と述べた。"),
    ("newlines-only", "\n\r\n\r\u2028\u2029\x0b\x0c\x85"),
    ("ideographic-spaces", "\u3000" * 50 + PROSE + "\u3000" * 50),
    ("cr-line-ends", "首相が会見\r\r" + PROSE + "\r" + PROSE),
    ("html-entities", "&lt;p&gt;" + PROSE + "&amp;&nbsp;&#12354;"),
    ("html-fragment", "<p>" + PROSE + "</p><p>" + PROSE),
    ("truncated-html", "<!DOCTYPE html><html><head><title>速報</title></head><body><p>" + PROSE[:12]),
    ("script-only", "<script>alert('「」')</script>"),
    ("format-strings", "%s %d {0} ${x} \\n \\u3042" + PROSE),
    ("long-number", "1" * 500 + "円"),
    ("long-line-no-punct", "経済対策" * 300),
    ("normalisation-expands", "㍿" * 50 + "\ufdfa" * 20 + PROSE),
    ("mixed-scripts", "Tokyo東京とうきょうトウキョウﾄｳｷｮｳ" + PROSE),
    ("dates-everywhere", "2025年2月30日、令和99年13月、25時70分、" + PROSE),
]


@pytest.mark.parametrize("text", [t for _, t in NAUGHTY], ids=[i for i, _ in NAUGHTY])
def test_naughty_strings(tagger, text):
    article = tagger(text, published="2025-02-13")
    assert_invariants(article)
    if "<" not in text:  # plain text is kept as given (lone surrogates become U+FFFD one for one)
        assert article.text == re.sub("[\ud800-\udfff]", "\ufffd", text)


def test_lone_surrogates_become_replacement_characters(tagger):
    text = "東京\ud800都は1日、条例を施行した。"
    article = tagger(text)
    assert article.text == "東京\ufffd都は1日、条例を施行した。"
    assert article.model_dump_json()  # valid Unicode: serialises


def test_tiny_chunks_keep_offsets(tagger):
    """64-byte chunks cut sentences, words and quotes apart: results still index the text."""
    small = newstag.Tagger(nlp=tagger.nlp, max_chunk_bytes=64)
    text = PROSE * 3 + "\n" + "大阪府の吉村知事は「万博の成功に全力を尽くす。来場者の安全が第一だ」と語った。"
    assert_invariants(small(text))


def test_unsegmented_tagger_on_naughty_input(tagger):
    whole = newstag.Tagger(nlp=tagger.nlp, segment=False)
    for _, text in NAUGHTY[::3]:
        assert_invariants(whole(text))


def test_same_input_same_output_across_taggers(tagger):
    other = newstag.Tagger(nlp=tagger.nlp)
    text = "首相が会見\n\n" + PROSE + "\n" + PROSE
    assert tagger(text, published="2025-02-13") == other(text, published="2025-02-13")


# -- argument validation ---------------------------------------------------------------------------
@pytest.mark.parametrize("value, expected", [
    ("2025-02-13", dt.date(2025, 2, 13)),
    ("  2025-02-13\n", dt.date(2025, 2, 13)),
    ("20250213", dt.date(2025, 2, 13)),
    ("2025-02-13T10:00:00+09:00", dt.date(2025, 2, 13)),
    ("2025-02-13 23:59", dt.date(2025, 2, 13)),
    ("2025-02-13T01:00:00Z", dt.date(2025, 2, 13)),
    (dt.datetime(2025, 2, 13, 10, 0, tzinfo=dt.timezone.utc), dt.date(2025, 2, 13)),
])
def test_published_accepted_forms(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2025-13-40", "2025-02-30", "", "2025-02-13garbage", "13/02/2025", "令和7年2月13日"])
def test_published_invalid_string_is_value_error(value):
    with pytest.raises(ValueError, match="published"):
        parse_published(value)


@pytest.mark.parametrize("value", [20250213, 2025.0, True, ["2025-02-13"], b"2025-02-13"])
def test_published_wrong_type_is_type_error(value):
    with pytest.raises(TypeError, match="published"):
        parse_published(value)


@pytest.mark.parametrize("kwargs, exc, name", [
    ({"id": 5}, TypeError, "id"),
    ({"url": b"https://example.jp"}, TypeError, "url"),
    ({"publised": "2025-02-13"}, TypeError, "publised"),
    ({"published": "2025-13-40"}, ValueError, "published"),
])
def test_call_arguments(tagger, kwargs, exc, name):
    with pytest.raises(exc, match=name):
        tagger(PROSE, **kwargs)


@pytest.mark.parametrize("kwargs, exc, name", [
    ({"segmnt": False}, TypeError, "segmnt"),
    ({"segment": "no"}, TypeError, "segment"),
    ({"max_chunk_bytes": "12000"}, ValueError, "max_chunk_bytes"),
    ({"max_chunk_bytes": 10}, ValueError, "max_chunk_bytes"),
    ({"config": "newstag_entities"}, TypeError, "config"),
    ({"config": {"newstag_entitis": {}}}, ValueError, "newstag_entitis"),
    ({"config": {"newstag_entities": {"gazeteers": []}}}, ValueError, "gazeteers"),
    ({"config": {"newstag_dates": None}}, TypeError, "newstag_dates"),
    ({"nlp": "ja_ginza"}, TypeError, "nlp"),
])
def test_tagger_options(kwargs, exc, name):
    """Checked before the model is loaded: these fail fast."""
    with pytest.raises(exc, match=name):
        newstag.Tagger(**kwargs)


@pytest.mark.parametrize("kwargs, exc, name", [
    ({"bach_size": 2}, TypeError, "bach_size"),
    ({"batch_size": -1}, ValueError, "batch_size"),
    ({"batch_size": 1.5}, ValueError, "batch_size"),
    ({"n_process": 0}, ValueError, "n_process"),
    ({"n_process": -2}, ValueError, "n_process"),
    ({"n_process": "2"}, ValueError, "n_process"),
    ({"published": 20250213}, TypeError, "published"),
])
def test_pipe_options(tagger, kwargs, exc, name):
    with pytest.raises(exc, match=name):
        list(tagger.pipe([PROSE], **kwargs))


@pytest.mark.parametrize("item, exc, name", [
    (("本文", "2025-02-13"), TypeError, "items"),
    (("本文", {}, "extra"), TypeError, "items"),
    ((1, {}), TypeError, "items"),
    (["本文", {}], TypeError, "items"),
    ({"text": "本文"}, TypeError, "items"),
    (None, TypeError, "items"),
    (b"bytes", TypeError, "items"),
    (("本文", {"published": "2025-13-40"}), ValueError, "published"),
    (("本文", {"url": 5}), TypeError, "url"),
])
def test_pipe_items_of_wrong_shape(tagger, item, exc, name):
    with pytest.raises(exc, match=name):
        list(tagger.pipe(["正しい本文。", item]))


def test_pipe_metadata_id_is_stringified(tagger):
    [article] = tagger.pipe([(PROSE, {"id": 42})])
    assert article.id == "42"
