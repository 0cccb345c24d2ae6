"""Known GiNZA and Sudachi failures, and how newstag stays clear of them.

* GiNZA issue #248: in split mode A, a quote holding several sentences made GiNZA (5.1) crash
  (the sentence splitter cut inside 「…」 and the bunsetu/CoNLL-U code indexed across the cut).
  newstag parses per paragraph and finds quotes itself from the brackets, so a split-mode-A
  pipeline (``ginza.set_split_mode(nlp, "A")``, passed as ``Tagger(nlp=...)``) must work too.
* Sudachi refuses inputs over 49,149 UTF-8 bytes, and inputs whose normalised form (NFKC,
  lower case) is over 65,535 bytes: ``chunk_range`` cuts paragraphs under both limits.
* GiNZA's bunsetu recogniser is worse than quadratic in sentence length: runs of text with no
  sentence end are parsed in pieces of at most ``MAX_RUN_CHARS`` characters.
* Memory: repeated calls must not grow the process (spaCy's ``memory_zone`` drops the strings
  of each batch).
"""

from __future__ import annotations

import gc
import os

import ginza
import pytest

import newstag
from newstag.segment.chunk import MAX_RUN_CHARS, SUDACHI_MAX_BYTES, SUDACHI_MAX_NORMALIZED_BYTES, chunk_range

from .conftest import assert_invariants

# -- GiNZA #248: several sentences inside one quote, split mode A ---------------------------------
MULTI_SENTENCE_QUOTES = [
    # (text, the words inside the brackets of each quote)
    ("大阪府の吉村知事は「万博の成功に全力を尽くす。来場者の安全が第一だ」と語った。",
     ["万博の成功に全力を尽くす。来場者の安全が第一だ"]),
    ("市民団体の代表は「計画の撤回を求める。住民の声を聞くべきだ。署名も集めた」と訴えた。",
     ["計画の撤回を求める。住民の声を聞くべきだ。署名も集めた"]),
    ("外相は『協議は続く。結論はまだだ』と述べ、「双方が歩み寄った。前進だ」と付け加えた。",
     ["協議は続く。結論はまだだ", "双方が歩み寄った。前進だ"]),
    ("首相は記者団に「経済を立て直す！　賃上げも進める？　当然だ」と強調した。",
     ["経済を立て直す！　賃上げも進める？　当然だ"]),
]


@pytest.fixture(scope="module")
def split_mode_a(tagger):
    """A Tagger over the session's pipeline with GiNZA's compound splitter in mode A.

    The mode must be set before the Tagger is built (the Tagger skips the splitter when it is
    idle), which is the documented way: ``ginza.set_split_mode(nlp, "A"); Tagger(nlp=nlp)``.
    """
    nlp = tagger.nlp
    splitter = nlp.get_pipe("compound_splitter")
    before = splitter.split_mode
    ginza.set_split_mode(nlp, "A")
    try:
        yield newstag.Tagger(nlp=nlp)
    finally:
        splitter.split_mode = before


def test_split_mode_a_is_in_effect(split_mode_a):
    assert split_mode_a.nlp.pipe_names.count("newstag_quotes") == 1  # components not added twice
    doc = split_mode_a.nlp("国家公務員の選挙管理委員会", disable=split_mode_a._disable)
    assert [t.text for t in doc][:3] == ["国家", "公務", "員"]


@pytest.mark.parametrize("text, quotes", MULTI_SENTENCE_QUOTES)
def test_ginza_split_mode_a_parses_multi_sentence_quotes(split_mode_a, text, quotes):
    doc = split_mode_a.nlp(text, disable=split_mode_a._disable)
    assert doc.text == text
    assert len(list(doc.sents)) >= 2  # GiNZA does cut inside the quote
    # every token lies in exactly one bunsetu, and the bunsetu tile the doc
    spans = ginza.bunsetu_spans(doc)
    assert [t.i for sp in spans for t in sp] == list(range(len(doc)))


@pytest.mark.parametrize("text, quotes", MULTI_SENTENCE_QUOTES)
def test_newstag_in_split_mode_a_keeps_whole_quotes(split_mode_a, text, quotes):
    article = split_mode_a(text)
    assert_invariants(article)
    assert [q.text for q in article.quotes] == quotes
    assert all(q.speaker_text for q in article.quotes)


# -- Sudachi's input limits ------------------------------------------------------------------------
def _sized(unit: str, n_bytes: int) -> str:
    """``unit`` repeated, padded with ASCII to exactly n_bytes UTF-8 bytes."""
    k = n_bytes // len(unit.encode())
    return unit * k + "a" * (n_bytes - k * len(unit.encode()))


@pytest.mark.parametrize("unit", ["a", "é", "あ", "😀"])
def test_sudachi_refuses_more_than_49149_bytes(tagger, unit):
    """The upstream limit itself (tokenizer only: cheap). If this starts failing, Sudachi changed."""
    tokenizer = tagger.nlp.tokenizer
    assert tokenizer(_sized(unit, SUDACHI_MAX_BYTES)).text == _sized(unit, SUDACHI_MAX_BYTES)
    with pytest.raises(Exception, match="49149"):
        tokenizer(_sized(unit, SUDACHI_MAX_BYTES + 1))


def test_sudachi_refuses_long_normalised_input(tagger):
    """Under 49,149 bytes, but ㍿ normalises to 株式会社 (4x): over Sudachi's 65,535-byte limit."""
    text = "㍿" * 6000  # 18,000 bytes; 72,000 once normalised
    with pytest.raises(Exception, match=str(SUDACHI_MAX_NORMALIZED_BYTES)):
        tagger.nlp.tokenizer(text)


@pytest.fixture(scope="module")
def max_chunk_tagger(tagger):
    """Chunks as large as Sudachi allows, so the limit itself is exercised."""
    return newstag.Tagger(nlp=tagger.nlp, max_chunk_bytes=SUDACHI_MAX_BYTES)


@pytest.mark.parametrize("text", [
    pytest.param("a" * (SUDACHI_MAX_BYTES + 1), id="ascii-49150"),
    # 49,152 bytes: byte 49,149 falls inside a character (katakana and emoji runs parse fast)
    pytest.param("ア" * 16384, id="3-byte-char-across-limit"),
    pytest.param("x" + "😀" * 12288, id="4-byte-char-across-limit"),  # 49,153 bytes
    pytest.param("𠮷" * 12288, id="4-byte-kanji"),
    pytest.param("😀" * 30000, id="emoji-120kB"),
    pytest.param(("é" * 100 + " ") * 300, id="2-byte-words"),
])
def test_paragraph_over_the_byte_limit(max_chunk_tagger, text):
    assert len(text.encode()) > SUDACHI_MAX_BYTES
    article = max_chunk_tagger(text)
    assert article.text == text and article.body.text == text.strip()
    assert_invariants(article)


def test_paragraph_over_the_normalised_limit(tagger):
    """U+FDFA expands 11x under NFKC: 2,000 of them fit one 12 kB chunk but not Sudachi's 64 kB."""
    text = "\ufdfa" * 2000
    with pytest.raises(Exception, match=str(SUDACHI_MAX_NORMALIZED_BYTES)):
        tagger.nlp.tokenizer(text)
    article = tagger(text)
    assert article.body.text == text
    assert_invariants(article)


def test_emoji_only_text(tagger):
    text = "🎌🗾😀👨\u200d👩\u200d👧🇯🇵" * 3000
    article = tagger(text)
    assert article.body.text == text
    assert_invariants(article)


# -- GiNZA's bunsetu recogniser on long sentences ---------------------------------------------------
def test_long_runs_without_sentence_end_are_cut():
    text = "、".join(["山田太郎氏", "佐藤花子氏", "マクロン大統領", "トヨタ自動車"] * 100) + "が会談した。"
    pieces = chunk_range(text, 0, len(text))
    assert len(pieces) > 1 and all(e - s <= MAX_RUN_CHARS for s, e in pieces)
    assert all(text[e - 1] == "、" for s, e in pieces[:-1])  # cut after a comma, not inside a name


def test_long_comma_list_is_tagged(tagger):
    """~1,200 tokens and no sentence end: GiNZA alone needs minutes (cubic); in pieces, seconds."""
    text = "出席者は" + "、".join(["山田太郎氏", "佐藤花子氏", "マクロン大統領", "トヨタ自動車"] * 60) + "だった。"
    article = tagger(text)
    assert_invariants(article)
    assert article.body.text == text


# -- memory on repeated calls --------------------------------------------------------------------
def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc")
def test_repeated_calls_do_not_grow_memory(tagger):
    text = "吉村知事は「全力を尽くす」と語った。"

    def call(i: int) -> None:
        # a new number and a new name each time: strings that would pile up in the StringStore
        tagger(f"{text}ザ{i:x}ルスキー氏が{i}日に会見した。")

    for i in range(30):  # warm-up: caches, lazily loaded lexicons and gazetteers
        call(i)
    gc.collect()
    strings = set(tagger.nlp.vocab.strings)
    before = _rss_mb()
    for i in range(30, 230):
        call(i)
    gc.collect()
    grown = _rss_mb() - before
    # memory_zone drops the texts of tokens; spaCy keeps only morphological feature strings
    # (GiNZA's Reading=…), which are bounded by the lexicon
    leaked = [s for s in set(tagger.nlp.vocab.strings) - strings if "=" not in s]
    assert leaked == []
    assert grown < 20, f"RSS grew {grown:.1f} MB over 200 calls"
