"""Dependency helpers for event arguments: particles, noun phrases, predicate frames.

GiNZA marks the case of a phrase with ``case`` children (ADP) after its head noun, and often
heads a light-verb construction (会談を行った, 支持を表明した, 合意に達した) on the light verb.
These helpers read that structure; nothing here looks at word distance.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..ginza_adapter import sudachi_tag

_LEAD = re.compile(r"^(など|ら|たち|だけ|のみ|ら)+")
_NOUNISH = ("名詞", "接頭辞", "接尾辞")
_JOINERS = {"・", "=", "＝", "･", "/", "／"}
_OPEN = ("(", "（")
_CLOSE = (")", "）")
_ASIDE = 10  # tokens a bracketed reading or gloss inside a name phrase may hold


def particles(tok: Token) -> str:
    """The case particles after a phrase head, joined: 'は', 'との', 'について' ('' when none)."""
    out: list[Token] = []
    for c in tok.children:
        if c.i > tok.i and c.dep_ == "case":
            out.append(c)
            out.extend(f for f in c.children if f.dep_ == "fixed")
    if not out:
        return ""
    out.sort(key=lambda t: t.i)
    return _LEAD.sub("", "".join(t.orth_ for t in out))


def is_nounish(tok: Token) -> bool:
    return sudachi_tag(tok).startswith(_NOUNISH) or tok.orth_ in _JOINERS


def compound_run(tok: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun compound ending at ``tok`` (ウラジーミル・プーチン大統領).

    Extends left over nouns, prefixes, suffixes and name joiners (・) until a particle, a
    punctuation mark or a predicate: the phrase an entity mention heads.
    """
    doc = tok.doc
    start = tok.i
    # not bounded by GiNZA's sentence: it sometimes splits inside a name phrase; a 。 or a
    # line break is never nounish
    while True:
        while start - 1 >= 0 and is_nounish(doc[start - 1]) and doc[start - 1].pos_ not in ("ADP", "AUX", "VERB", "PUNCT", "SCONJ", "SPACE"):
            start -= 1
        opening = _aside_before(tok, start)
        if opening is None:
            break
        start = opening  # 李某(リ・ボウ)大統領, 某前台湾(中華民国)総裁: a reading or gloss in brackets inside the name phrase
    return start, tok.i + 1


def _aside_before(tok: Token, start: int) -> int | None:
    """The position of the word before a bracketed aside that ends just before ``start`` (the
    aside holds nouns only, at most _ASIDE tokens, and follows a noun), else None."""
    doc = tok.doc
    close = start - 1
    if close < 1 or start > tok.i or doc[close].orth_ not in _CLOSE:
        return None
    for j in range(close - 1, max(-1, close - 1 - _ASIDE), -1):
        t = doc[j]
        if t.orth_ in _OPEN:
            if j == close - 1 or j == 0:
                return None
            before = doc[j - 1]
            if not is_nounish(before) or before.pos_ in ("ADP", "AUX", "VERB", "PUNCT", "SCONJ", "SPACE"):
                return None
            return j - 1
        if not (is_nounish(t) or t.orth_ in ("、", ",", "，")) or t.pos_ in ("ADP", "AUX", "VERB", "SCONJ", "SPACE"):
            return None
    return None


def members(tok: Token) -> list[Token]:
    """Coordinated phrase heads: AとBが → [A, B]; A、B、Cと → [A, B, C]; A(や|、)B → [A, B]."""
    out: list[Token] = []

    def visit(t: Token) -> None:
        # the parser may hang the previous conjunct on the first word of a compound
        kids = list(t.children) + [g for c in t.children if c.dep_ == "compound" and c.i < t.i for g in c.children]
        # A、Xでもある B: a copular clause describing B sits between the conjuncts; the parser hangs A
        # on the clause's noun
        kids += [g for c in t.children if c.dep_ == "acl" and c.i < t.i and _copular(c) for g in c.children if g.dep_ == "nmod"]
        for c in sorted(kids, key=lambda x: x.i):
            if c.i >= t.i or c.dep_ not in ("nmod", "conj", "appos"):
                continue
            p = particles(c)
            comma = any(g.orth_ in ("、", ",", "，", "/", "／") and g.dep_ in ("punct", "dep", "cc") for g in c.children)
            if p in ("と", "や", "及び", "および", "とか") or (p == "" and comma):
                visit(c)
                out.append(c)

    visit(tok)
    out.append(tok)
    return out


def ancestors(tok: Token, limit: int = 8) -> list[Token]:
    out: list[Token] = []
    cur = tok
    while cur.head.i != cur.i and len(out) < limit:
        cur = cur.head
        out.append(cur)
    return out


def subtree_range(tok: Token) -> tuple[int, int]:
    """Token range of a phrase's subtree without its trailing case particles."""
    toks = list(tok.subtree)
    start = toks[0].i
    end = tok.i + 1
    for t in toks:
        if t.i > tok.i and not (t.dep_ in ("case", "fixed") or t.head.dep_ == "case" or t.pos_ == "PUNCT"):
            end = max(end, t.i + 1)
    return start, end


def _copular(tok: Token) -> bool:
    """Is ``tok`` the noun of a copular clause (会長である, 代表でもある)?"""
    return tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "cop" for c in tok.children)
