"""What the quote finder and the speaker resolver share: result records, the per-doc context and
small token predicates.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from ..doc_state import mention_spans, results
from .lexicon import CueLexicon

KATAKANA_NAME = re.compile(r"^[\u30A0-\u30FFA-Za-zＡ-Ｚａ-ｚ0-9０-９・＝=\-\s.&'’]+$")
OPEN = "「『｢"
CLOSE = "」』｣"
BRACKETS = OPEN + CLOSE
STOP_TOKENS = ("。", "！", "？", "!", "?")

Mention = tuple[int, int, str, str, str]  # start, end, entity id, text, entity type


@dataclass
class Cue:
    """A reporting cue found for a bracket chain.

    ``agentive`` is False for a cue whose subject is not the speaker: a passive (と言われた,
    と批判された) or a verb of receiving (との証言を得た); the speaker is then the から agent.
    """

    start: int
    end: int
    rule: str
    token: int  # index of the cue's main token
    agentive: bool = True
    carries: bool = True  # False: a voice (という声): no speaker carried over from other sentences


@dataclass
class Speaker:
    """Who said it: the words naming the speaker, the entity they resolve to and the rule."""

    start: int
    end: int
    rule: str
    entity: str | None = None
    text: str | None = None


@dataclass
class Found:
    """One quote before numbering: inner offsets, cue, speaker and provenance."""

    start: int
    end: int
    kind: str
    cue: Cue | None
    rule: str
    speaker: Speaker | None = None
    sent: int = 0  # index of the logical sentence across the doc's regions (for carry-over)
    region: int = 0


@dataclass
class Ctx:
    """Per-doc state: the doc, its text (read once), the lexicon and the entity mentions."""

    doc: Doc
    lex: CueLexicon
    starts: Any  # token start offsets (numpy array), for char → token lookups
    mentions: list[Mention] = field(default_factory=list)
    _mention_starts: list[int] = field(default_factory=list)
    _longest: int = 0
    text: str = ""  # doc.text once: spaCy rebuilds Doc.text on every access (quadratic on long docs)
    titled: dict[str, list[Mention]] = field(default_factory=dict)  # title → persons named with it
    by_text: dict[str, str] | None = None  # mention text → entity id

    def __post_init__(self) -> None:
        if not self.text:
            self.text = self.doc.text
        self._mention_starts = [m[0] for m in self.mentions]
        self._longest = max((m[1] - m[0] for m in self.mentions), default=0)

    def overlapping(self, s: int, e: int) -> list[Mention]:
        """The mentions overlapping [s, e), in text order (bisect, no scan of the whole list)."""
        k = bisect_left(self._mention_starts, e)
        lo = bisect_left(self._mention_starts, s - self._longest, 0, k)
        return [self.mentions[i] for i in range(lo, k) if self.mentions[i][1] > s]

    def overlaps(self, s: int, e: int) -> bool:
        """Does an entity mention overlap [s, e)?"""
        return bool(self.overlapping(s, e))

    def mentions_before(self, pos: int) -> list[Mention]:
        """Mentions ending at or before ``pos``, nearest last."""
        k = bisect_right(self._mention_starts, pos)
        return [m for m in self.mentions[:k] if m[1] <= pos]

    def last_before(self, pos: int) -> Mention | None:
        """The mention ending nearest before ``pos`` (at or before it), without scanning the list."""
        k = bisect_right(self._mention_starts, pos)
        best = None
        for i in range(k - 1, -1, -1):
            m = self.mentions[i]
            if best is not None and m[0] + self._longest <= best[1]:
                break  # no mention starting this early ends later than the best one
            if m[1] <= pos and (best is None or m[1] > best[1]):
                best = m
        return best

    def tok(self, char: int) -> Token:
        """The token covering a character offset."""
        return self.doc[max(0, int(np.searchsorted(self.starts, char, side="right")) - 1)]

    def span(self, s: int, e: int) -> Span | None:
        return self.doc.char_span(s, e, alignment_mode="expand")


def token_starts(doc: Doc) -> Any:
    """Character offset of every token, as one array (no Python loop over the doc)."""
    return doc.to_array(IDX) if len(doc) else np.zeros(0, dtype="uint64")


def mentions_of(doc: Doc) -> list[Mention]:
    """(start, end, entity id, text, type) of every entity mention, sorted."""
    out = []
    for ent in results(doc, "entities"):
        for m in ent.mentions:
            out.append((m.start, m.end, ent.id, m.text, ent.type))
    if not out:
        out = [(sp.start_char, sp.end_char, sp.id_, sp.text, sp.label_) for sp in mention_spans(doc) if sp.id_]
    return sorted(out)


def make_ctx(doc: Doc, lex: CueLexicon) -> Ctx:
    return Ctx(doc, lex, token_starts(doc), mentions_of(doc))


# -- sentences within a region (bracket-aware) -----------------------------------------------------
def split_sentences(n: int, stops: list[int]) -> list[tuple[int, int]]:
    """Sentence ranges of a region of length ``n`` from the positions after its stops."""
    out, s = [], 0
    for e in stops:
        if e > s:
            out.append((s, e))
        s = e
    if s < n:
        out.append((s, n))
    return out or [(0, n)]


def sentence_of(bounds: list[tuple[int, int]], pos: int) -> int:
    starts = [s for s, _ in bounds]
    return max(0, bisect_right(starts, pos) - 1)


# -- token predicates ---------------------------------------------------------------------------------
def content_tokens(ctx: Ctx, s: int, e: int) -> list[Token]:
    sp = ctx.span(s, e)
    return [t for t in sp if t.pos_ not in ("PUNCT", "SYM", "SPACE")] if sp is not None else []


_PREDICATE_POS = ("VERB", "ADJ", "AUX")
FORMAL_NOUNS = ("もの", "物", "こと", "事", "ところ", "わけ", "はず")


def speechlike(ctx: Ctx, s: int, e: int) -> bool:
    """Does the bracketed text read like speech (ends in a predicate, or holds a sentence)?

    A nominal sentence counts too: a subject and a noun predicate (「併存が基本」), or a noun of
    judgement after an adverb (「極めて遺憾」); a bare noun phrase (「異次元の対策」) does not.
    """
    text = ctx.text[s:e]
    if "。" in text.rstrip("。") or "、" in text and len(text) > 25:
        return True
    toks = [t for t in content_tokens(ctx, s, e) if not (t.pos_ == "PART" and t.dep_ == "mark")]
    if not toks:
        return False
    last = toks[-1]
    if last.pos_ in _PREDICATE_POS:
        return True
    # ～か, ～よ, ～ね after a predicate; or a clause cut short (まさかこうなるとは)
    if last.pos_ == "PART" and len(toks) > 1 and toks[-2].pos_ in _PREDICATE_POS:
        return True
    if last.pos_ in ("ADP", "PART", "SCONJ") and len(text) >= 8 and any(t.pos_ == "VERB" for t in toks):
        return True
    # a clause closed by a formal noun: 個人的な思いで述べたもの, 支援を続けること
    if last.lemma_ in FORMAL_NOUNS and len(toks) > 1 and toks[-2].pos_ in _PREDICATE_POS:
        return True
    return nominal_sentence(toks)


def nominal_sentence(toks: list[Token]) -> bool:
    """A sentence with a noun predicate: Xが基本, Xは不可欠, 極めて遺憾 (no verb needed)."""
    last = toks[-1]
    if last.pos_ not in ("NOUN", "ADJ") or len(toks) < 2:
        return False
    if last.tag_.startswith("形状詞") or "形状詞可能" in last.tag_:
        if any(t.pos_ == "ADV" for t in toks[:-1]):
            return True  # 極めて遺憾, 非常に残念
    # a subject or topic particle after a noun, outside any inner bracket: 猛省が必要, 併存が基本
    for a, b in zip(toks, toks[1:-1], strict=False):
        if b.text in ("が", "は") and b.pos_ == "ADP" and a.pos_ in ("NOUN", "PROPN", "PRON", "SCONJ", "PART"):
            return True
    return False


def inflection(t: Token) -> str:
    """Sudachi's conjugation form of a token (連用形-一般, 連体形-一般 ...), or ''."""
    forms = t.morph.get("Inflection")
    return forms[0].split(";")[-1] if forms else ""


def attributive(doc: Doc, j: int) -> bool:
    """Does the verb at j modify a following noun (書かれた|看板, という|差別的な|意図), rather than end
    or join a clause (と言われ|今回の…: a conjunctive form before the next clause)?"""
    k = j + 1
    last = doc[j]
    while k < len(doc) and doc[k].pos_ in ("AUX", "SCONJ") and doc[k].text not in ("、", "。"):
        last = doc[k]
        k += 1
    if last.pos_ == "SCONJ" or inflection(last).startswith("連用形"):
        return False
    k = skip_adnominal(doc, k)
    if not (k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].text not in ("、", "。")):
        return False
    return True


def skip_adnominal(doc: Doc, k: int) -> int:
    """Index after adjectives standing before a noun (大きな|, 差別的|な|, 新しい|): 差別的な意図 → 意図."""
    start = k
    while k < len(doc) and k < start + 4:
        t = doc[k]
        if t.pos_ == "ADJ" or (t.tag_.startswith("形状詞") and k + 1 < len(doc) and doc[k + 1].text == "な"):
            k += 2 if doc[k + 1 : k + 2].text == "な" else 1
            continue
        if t.tag_.startswith("連体詞"):
            k += 1
            continue
        break
    return k


def passive_after(doc: Doc, j: int) -> bool:
    """Is the verb at j passive (言わ|れ, 批判さ|れ)?"""
    k = j + 1
    while k < len(doc) and k <= j + 2:
        t = doc[k]
        if t.lemma_ in ("れる", "られる"):
            return True
        if t.lemma_ != "する":
            return False
        k += 1
    return False


def verb_group_end(doc: Doc, j: int) -> int:
    """End of the cue's verb group: 述べ|た, 話し|て|い|ます, 分析|し|て|いる, 明らか|に|し|た."""
    end = doc[j].idx + len(doc[j].text)
    k = j + 1
    while k < len(doc):
        t = doc[k]
        if t.text == "に" and not doc[j].tag_.startswith("形状詞") and not (k + 1 < len(doc) and doc[k + 1].lemma_ == "する"):
            break  # 述べる|にとどめた: the cue ends before に
        if t.pos_ in ("AUX",) or (t.pos_ in ("SCONJ", "VERB") and t.dep_ in ("mark", "fixed", "aux") and t.lemma_ in ("て", "で", "いる", "おる", "する", "ます", "ば")):
            end = t.idx + len(t.text)
            k += 1
            continue
        if (t.text == "に" and doc[j].pos_ == "ADJ") or (t.lemma_ == "する" and k == j + 1) or (t.lemma_ == "する" and doc[k - 1].text == "に"):
            # 明らか|に|し|た, 分析|し|て
            end = t.idx + len(t.text)
            k += 1
            continue
        break
    return end
