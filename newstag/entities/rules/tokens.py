"""Token predicates and character classes shared by all the mention rules (no rule state).

Tags come from Sudachi through :mod:`newstag.ginza_adapter` (``sudachi_tag``); a few predicates
ask Sudachi's dictionary directly (:func:`is_common_word`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from ...ginza_adapter import sudachi_tag

KATAKANA = re.compile(r"^[\u30a1-\u30fa\u30fc\u30fd\u30fe\u30f4\u30f5\u30f6ヴ]+$")
#: one katakana letter or the long-vowel mark (not the middle dot ・)
KATAKANA_CHAR = re.compile(r"[\u30a1-\u30fa\u30fc\u30fd\u30fe]")
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z0-9&.\-']*$")
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
#: a Latin name of one or more words (X JAPAN, MAD-WORDS, encounter+)
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9\-.+&!']*(?: [A-Za-z0-9][A-Za-z0-9\-.+&!']*)*")
KANJI = re.compile(r"^[\u4e00-\u9fff\u3005]+$")
HIRAGANA = re.compile(r"^[\u3041-\u3096]+$")
MIXED_KANJI = re.compile(r"[\u4e00-\u9fff]")
MIXED_OTHER = re.compile(r"[\u30a1-\u30faA-Za-z]")
INITIAL = re.compile(r"^[A-Z]\.?$")
#: a league's grade: a letter and a number (J1, B2) or a katakana name and a letter (セリエA)
LEAGUE_GRADE = re.compile(r"[A-Z][0-9]|[\u30a1-\u30fa\u30fc]+[A-Z]")
DOTS = {"・", "･", "·", "‧", "=", "＝", "゠"}
OPEN = {"(", "（"}
CLOSE = {")", "）"}
OPEN_QUOTE = {"「", "『", "“", "\""}
CLOSE_QUOTE = {"」", "』", "”", "\""}


#: a number right after a name that makes it a model's name (EMU + 100型, CRJ + 200を, 〇〇 + A320): the number ends the word,
#: with no counter after it (not 3月, 2位, 123便, 5社)
NUMBER_AFTER = re.compile(r" ?[A-Z]?[0-9０-９]+(?=[型系形式]|[ぁ-ん、。」』]|$)")
#: a year that ends a name: the edition of an event (〇〇カップ2011)
EDITION_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}$")

#: what may follow the name of an event: the year or season of its edition (〇〇カップ2011, 〇〇リーグ2019-20)
EDITION_TAIL = "0123456789０１２３４５６７８９-–/ "
#: a numbered district or block written right after a place (〇〇 + 16区, 〇〇県 + 第2区, 〇〇町 + 一丁目, + 350番地)
ADDRESS_TAIL = re.compile(r"第?[0-9０-９]+区|[0-9０-９一二三四五六七八九十]+丁目|[0-9０-９]+番地")

#: a numbered edition written right before a name (第19回〇〇): the name is an event
EDITION_BEFORE = re.compile(r"第[0-9０-９一二三四五六七八九十百]+回$")


def written_shape(text: str) -> str:
    """How a name is written, for ``unsure_ginza_orgs``: latin-upper (NASA, G-8), latin-words (two
    Latin words or more), latin-mixed (other Latin), katakana, or other (kanji, mixed scripts)."""
    if re.fullmatch(r"[A-Za-z0-9 .\-&'+/!]+", text):
        if re.fullmatch(r"[A-Z0-9&.\-]+", text):
            return "latin-upper"
        return "latin-words" if " " in text else "latin-mixed"
    return "katakana" if re.fullmatch(r"[ァ-ヴー・]+", text) else "other"



def is_noun(t: Token) -> bool:
    """A noun, a nominal suffix or a prefix (Sudachi)."""
    tag = sudachi_tag(t)
    return tag.startswith("名詞") or tag.startswith("接尾辞-名詞的") or tag.startswith("接頭辞")


def is_number(t: Token) -> bool:
    """A numeral (Sudachi 数詞 or spaCy's like_num)."""
    return sudachi_tag(t).startswith("名詞-数詞") or t.like_num


def is_propn(t: Token) -> bool:
    """A Sudachi proper noun (固有名詞)."""
    return sudachi_tag(t).startswith("名詞-固有名詞")


def is_person_pos(t: Token) -> bool:
    """A Sudachi person name (固有名詞-人名)."""
    return sudachi_tag(t).startswith("名詞-固有名詞-人名")


def is_place_pos(t: Token) -> bool:
    """A Sudachi place name (固有名詞-地名)."""
    return sudachi_tag(t).startswith("名詞-固有名詞-地名")


def is_katakana(t: Token) -> bool:
    """All katakana (no ・)."""
    return bool(KATAKANA.match(t.text))


#: the word id Sudachi gives the words its plugins make up (joined unknown katakana)
UNKNOWN_WORD_ID = 0x0FFFFFFF


@lru_cache(maxsize=1)
def _sudachi():
    from sudachipy import dictionary, tokenizer

    return dictionary.Dictionary(dict="core").create(), tokenizer.Tokenizer.SplitMode.C


@lru_cache(maxsize=20_000)
def is_common_word(word: str) -> bool:
    """Is the word one common noun of Sudachi's dictionary (バドミントン), rather than a name or an
    unknown word (an unknown foreign surname, which GiNZA also tags 普通名詞)?"""
    tok, mode = _sudachi()
    ms = tok.tokenize(word, mode)
    # Sudachi joins unknown katakana into one word it does not flag OOV; such words have no word id
    return len(ms) == 1 and not ms[0].is_oov() and ms[0].word_id() != UNKNOWN_WORD_ID and ms[0].part_of_speech()[1] == "普通名詞"


def is_namey(t: Token) -> bool:
    """Could be part of a name: katakana, a proper noun, a capitalised Latin word."""
    return is_katakana(t) or is_propn(t) or bool(LATIN_NAME.match(t.text))


def club_form_start(ch: str) -> bool:
    """Can a one-letter piece start a spelt-out club form (F of F.C., S of S.C.)?"""
    return ch in ("F", "S", "A", "C")


@lru_cache(maxsize=20_000)
def reading(word: str) -> str:
    """Sudachi's katakana reading of a word or a short phrase (小澤征爾 → オザワセイジ)."""
    tok, mode = _sudachi()
    return "".join(m.reading_form() for m in tok.tokenize(word, mode))
