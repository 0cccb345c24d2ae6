"""Texts over Sudachi's input limit are parsed in pieces; offsets still index Article.text."""

from __future__ import annotations

from newstag.segment.chunk import SUDACHI_MAX_BYTES, chunk_range

from .conftest import assert_offsets

PARA = "政府は12日、新たな経済対策を閣議決定した。総額は約20兆円に上り、物価高への対応を柱とする。"


def test_chunk_ranges_cover_and_fit():
    text = ("あ" * 30000) + "。" + ("い、" * 20000) + ("x" * 70000)
    pieces = chunk_range(text, 0, len(text), SUDACHI_MAX_BYTES)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))
    assert all(len(text[s:e].encode()) <= SUDACHI_MAX_BYTES for s, e in pieces)


def test_paragraph_over_sudachi_limit(tagger):
    text = PARA * 400  # one paragraph, ~53 kB
    assert len(text.encode()) > SUDACHI_MAX_BYTES
    a = tagger(text)
    assert a.body.text == text
    assert len(a.sentences) == 800
    assert_offsets(a)


def test_line_without_punctuation(tagger):
    text = "速報" * 8500  # ~51 kB, no punctuation at all
    a = tagger(text)
    assert a.body.end == len(text)
    assert_offsets(a)
