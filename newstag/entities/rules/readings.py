"""Readings and labels written next to a name in news text: a name's reading in brackets
(小澤征爾(せいじ), 盧武鉉(ノ・ムヒョン)), a job word joined to a person by ・ (タレント・〇〇),
a time zone or another code written like a name (UTC+9)."""

from __future__ import annotations

import re

from ...ginza_adapter import sudachi_tag
from .candidate import Candidate
from .region import Region
from .registry import priority_of
from .tokens import CLOSE, KANJI, OPEN, is_common_word

#: a reading in brackets: kana only (with the middle dot, the long-vowel mark, a comma or a space)
READING = re.compile(r"[(（]([\u3041-\u3096\u30a1-\u30fa\u30fc・ 、]+)[)）]")
KATAKANA_READING = re.compile(r"[\u30a1-\u30fa\u30fc][\u30a1-\u30fa\u30fc・]*")
#: a time zone or a code of that shape: letters then a signed number (UTC+9, GMT-5)
CODE = re.compile(r"[A-Z]{2,5}[+\-−±][0-9０-９]")


def trim_readings(r: Region) -> None:
    """小澤征爾(せいじ)氏, 辺野古(へのこ)地区, 金海(キムヘ)市: a name's reading in brackets is no
    part of the name; a mention running over one ends before it (the name as written)."""
    for c in r.cands:
        trim_reading(r, c)


def trim_reading(r: Region, c: Candidate) -> Candidate:
    """``c`` ended before the first bracketed reading inside it (see :func:`trim_readings`)."""
    m = READING.search(r.doc_text, c.start, c.end)
    if m is not None and m.start() > c.start:
        c.end = m.start()
        while c.tok_end - 1 > c.tok_start and r.doc[c.tok_end - 1].idx >= c.end:
            c.tok_end -= 1
    return c


def drop_codes(r: Region) -> None:
    """UTC+9, GMT-5: a Latin code followed by a signed number is a time zone or a code, no name."""
    text = r.doc_text
    r.cands = [c for c in r.cands if CODE.match(text, c.start, min(len(text), c.end + 3)) is None]


def drop_job_words(r: Region) -> None:
    """タレント・〇〇, 歌手・〇〇: a common word joined by ・ to a Japanese name (a kanji surname
    Sudachi tags 人名) is the person's job, outside the mention."""
    doc = r.doc
    for c in r.cands:
        if c.type != "PERSON":
            continue
        for k in range(c.tok_start + 1, c.tok_end - 1):
            if doc[k].text != "・":
                continue
            before, after = doc[k - 1], doc[k + 1]
            if (KANJI.match(after.text) and "人名" in sudachi_tag(after)
                    and (sudachi_tag(before).startswith("名詞-普通名詞") and "人名" not in sudachi_tag(before)
                         or is_common_word(before.text))
                    and all(sudachi_tag(doc[i]).startswith("名詞-普通名詞") or doc[i].text == "・" for i in range(c.tok_start, k))):
                c.tok_start = k + 1
                c.start = after.idx
                if c.surname is not None and not doc[c.tok_start:c.tok_end].text.startswith(c.surname):
                    c.surname = None
                break


def reading_aliases(r: Region, kept: list[Candidate]) -> list[Candidate]:
    """盧武鉉(ノ・ムヒョン), 李明博(イ・ミョンバク): a katakana reading in brackets right after a
    mention is a mention of the same referent (its type, joined to it); a katakana reading of a
    word that is no mention (Foxton(フォクストン)) is no mention either. Returns ``kept`` updated."""
    text = r.doc_text
    by_end = {c.end: c for c in kept}
    out = []
    weak = priority_of("person:known-name")
    for c in kept:
        if c.start < 1 or text[c.start - 1] not in OPEN or c.end >= len(text) or text[c.end] not in CLOSE:
            out.append(c)
            continue
        if KATAKANA_READING.fullmatch(text, c.start, c.end) is None:
            out.append(c)
            continue
        name = by_end.get(c.start - 1)
        if name is not None and name is not c:
            c.type = name.type
            c.alias_of = name
            c.key = name.key
            out.append(c)
        elif c.priority < weak and c.start >= 2 and (KANJI.match(text[c.start - 2]) or text[c.start - 2].isascii() and text[c.start - 2].isalpha()):
            continue  # the reading of a word no rule made a name
        else:
            out.append(c)
    return out


#: honorifics Sudachi may glue to a given name it knows as one word (石井 + 一氏)
_GLUED_HONORIFICS = ("氏",)


def trim_glued_honorifics(r: Region) -> None:
    """石井 + 一氏: a given name Sudachi reads with the honorific glued to it (a 名 word ending in
    氏 right after a surname) ends before the honorific; the honorific is no part of the name."""
    doc = r.doc
    for c in r.cands:
        if c.type != "PERSON" or c.tok_end - c.tok_start < 2:
            continue
        last, before = doc[c.tok_end - 1], doc[c.tok_end - 2]
        end = last.idx + len(last.text)
        if c.end == end and len(last.text) >= 2 and last.text.endswith(_GLUED_HONORIFICS) \
                and sudachi_tag(last).endswith("人名-名") and sudachi_tag(before).endswith("人名-姓"):
            c.end = end - 1
