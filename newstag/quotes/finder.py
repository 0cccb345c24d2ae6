"""Find quoted speech in a parsed Doc and attribute it to its speaker.

Direct quotes are bracket pairs (「…」, 『…』 at top level) followed by the quotative と and a
reporting cue from the lexicon; what stands between 」 and the cue decides whether a bracket is
speech, a term (「…」という, 「…」の) or a name (米紙「…」は). The speaker is read from the bunsetu of
the reporting sentence: the subject (は/が/も) of the reporting clause, a source (〜によると), or the
subject carried over from the previous sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from .. import ginza_adapter as ga
from ..doc_state import mention_spans, regions, results
from .brackets import Pair, chains, matched_pairs, sentence_stops, top_level
from .lexicon import CueLexicon

_KATAKANA_NAME = re.compile(r"^[\u30A0-\u30FFA-Za-zＡ-Ｚａ-ｚ0-9０-９・＝=\-\s.&'’]+$")
_PRONOUN_SUBJECT = re.compile(r"^(?:同|彼|彼女|両氏|両者|両首脳)")
_TOPIC = ("は", "も")
_NOMINAL_TAGS = ("名詞", "代名詞", "接尾辞-名詞的")
_SUBJ = ("が",)
_WINDOW = 20  # tokens searched after と for the cue


@dataclass
class Cue:
    """A reporting cue found after a bracket chain."""

    start: int
    end: int
    rule: str
    token: int  # index of the cue's main token


@dataclass
class Speaker:
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
    sent: int = 0  # index of the logical sentence in its region (for carry-over)
    region: int = 0


@dataclass
class _Ctx:
    doc: Doc
    lex: CueLexicon
    starts: Any  # token start offsets (numpy array), for char → token lookups
    mentions: list[tuple[int, int, str, str, str]] = field(default_factory=list)
    _mention_starts: list[int] = field(default_factory=list)
    _longest: int = 0
    text: str = ""  # doc.text once: spaCy rebuilds Doc.text on every access (quadratic on long docs)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = self.doc.text

    def overlaps(self, s: int, e: int) -> bool:
        """Does an entity mention overlap [s, e)? (mentions are sorted by start; bisect, no scan)"""
        if len(self._mention_starts) != len(self.mentions):
            self._mention_starts = [m[0] for m in self.mentions]
            self._longest = max((m[1] - m[0] for m in self.mentions), default=0)
        k = bisect_left(self._mention_starts, e)
        lo = bisect_left(self._mention_starts, s - self._longest, 0, k)
        return any(self.mentions[i][1] > s for i in range(lo, k))

    def tok(self, char: int) -> Token:
        """The token covering a character offset."""
        return self.doc[max(0, int(np.searchsorted(self.starts, char, side="right")) - 1)]

    def span(self, s: int, e: int) -> Span | None:
        return self.doc.char_span(s, e, alignment_mode="expand")


def token_starts(doc: Doc) -> Any:
    """Character offset of every token, as one array (no Python loop over the doc)."""
    return doc.to_array(IDX) if len(doc) else np.zeros(0, dtype="uint64")


def mentions_of(doc: Doc) -> list[tuple[int, int, str, str, str]]:
    """(start, end, entity id, text, type) of every entity mention, sorted."""
    out = []
    for ent in results(doc, "entities"):
        for m in ent.mentions:
            out.append((m.start, m.end, ent.id, m.text, ent.type))
    if not out:
        out = [(sp.start_char, sp.end_char, sp.id_, sp.text, sp.label_) for sp in mention_spans(doc) if sp.id_]
    return sorted(out)


def find_quotes(doc: Doc, lex: CueLexicon) -> list[Found]:
    """All direct quotes of the doc's regions, with cue and speaker."""
    if not len(doc):
        return []
    ctx = _Ctx(doc, lex, token_starts(doc), mentions_of(doc))
    titles = {(sp.start_char, sp.end_char) for sp in doc.spans["newstag_title"]} if "newstag_title" in doc.spans else set()
    found: list[Found] = []
    prev: list[Found] = []  # quotes so far; a speaker carries over into the next sentence
    offset = 0  # sentences in earlier regions, so that sentence numbers run across paragraphs
    for r, region in enumerate(regions(doc)):
        base = region.start_char
        text = region.text
        tops = top_level(matched_pairs(text))
        stops = sentence_stops(text, tops)
        bounds = _sentences(len(text), stops)
        is_title = (region.start_char, region.end_char) in titles
        for group in chains(tops, text) if tops else []:
            cue = _classify(ctx, group, text, base, is_title, tops)
            if cue is None:
                continue
            si = _sentence_of(bounds, group[0].open)
            speaker = _speaker(ctx, group, base, text, tops, bounds[si], cue, bounds, si, offset, prev)
            for p in group:
                f = Found(base + p.open + 1, base + p.close, "direct", cue, cue.rule, speaker, offset + si, r)
                found.append(f)
                prev.append(f)
        offset += len(bounds)
    return found


# -- sentences within a region (bracket-aware) -----------------------------------------------------
def _sentences(n: int, stops: list[int]) -> list[tuple[int, int]]:
    out, s = [], 0
    for e in stops:
        if e > s:
            out.append((s, e))
        s = e
    if s < n:
        out.append((s, n))
    return out or [(0, n)]


def _sentence_of(bounds: list[tuple[int, int]], pos: int) -> int:
    starts = [s for s, _ in bounds]
    return max(0, bisect_right(starts, pos) - 1)


# -- is this bracket chain speech? -----------------------------------------------------------------
def _content_tokens(ctx: _Ctx, s: int, e: int) -> list[Token]:
    sp = ctx.span(s, e)
    return [t for t in sp if t.pos_ not in ("PUNCT", "SYM", "SPACE")] if sp is not None else []


def speechlike(ctx: _Ctx, s: int, e: int) -> bool:
    """Does the bracketed text read like speech (ends in a predicate, or holds a sentence)?"""
    text = ctx.text[s:e]
    if "。" in text.rstrip("。") or "、" in text and len(text) > 25:
        return True
    toks = [t for t in _content_tokens(ctx, s, e) if not (t.pos_ == "PART" and t.dep_ == "mark")]
    if not toks:
        return False
    last = toks[-1]
    if last.pos_ in ("VERB", "ADJ", "AUX"):
        return True
    # ～か, ～よ, ～ね after a predicate; or a clause cut short (まさかこうなるとは)
    if last.pos_ == "PART" and len(toks) > 1 and toks[-2].pos_ in ("VERB", "ADJ", "AUX"):
        return True
    return last.pos_ in ("ADP", "PART", "SCONJ") and len(text) >= 8 and any(t.pos_ == "VERB" for t in toks)


def _name_like(ctx: _Ctx, text: str, base: int, p: Pair) -> bool:
    """A bracketed name: 米紙「…」, SNS「…」, or a bare katakana/Latin name."""
    inner = text[p.open + 1:p.close]
    if _KATAKANA_NAME.match(inner):
        return True
    before = text[max(0, p.open - 8):p.open]
    return any(before.endswith(n) for n in ctx.lex.media_nouns)


def _after_re(lex: CueLexicon) -> re.Pattern[str]:
    aux = "|".join(sorted((re.escape(a) for a in lex.speech_auxiliaries), key=len, reverse=True))
    return re.compile(rf"^(?:{aux})*(と)")


_AFTER_CACHE: dict[int, re.Pattern[str]] = {}


def _classify(ctx: _Ctx, group: list[Pair], text: str, base: int, is_title: bool, tops: list[Pair]) -> Cue | None:
    """The reporting cue that makes this chain speech, or None when it is a name or a term."""
    lex = ctx.lex
    pat = _AFTER_CACHE.get(id(lex))
    if pat is None:
        pat = _AFTER_CACHE[id(lex)] = _after_re(lex)
    last = group[-1]
    inner = [(base + p.open + 1, base + p.close) for p in group]
    speech = any(speechlike(ctx, s, e) for s, e in inner)
    if not speech and any(_name_like(ctx, text, base, p) for p in group):
        return None
    after = text[last.close + 1:]
    if after.startswith("という") and (after[3:4] in ("。", "") or after[3:].startswith(_HEARSAY)) and speech and not is_title:
        s = base + last.close + 1
        return Cue(s, s + 3, "direct.toiu", ctx.tok(s).i)
    m = pat.match(after)
    if not m:
        if after[:1] == "。" and speech and not is_title:
            return _kou(ctx, base + last.close + 2, base + len(text))
        return None
    to_char = base + last.close + 1 + m.start(1)
    to_tok = ctx.tok(to_char)
    if to_tok.idx != to_char or not to_tok.text.startswith("と"):
        return None
    limit = min(len(ctx.doc), to_tok.i + 1 + _WINDOW)
    sent_end = base + len(text)
    nxt = base + last.close + 1 + m.end(1)
    if ctx.text[nxt:nxt + 1] == "の":
        return _opinion(ctx, to_tok, limit) if speech and not is_title else None
    for j in range(to_tok.i + 1, limit):
        t = ctx.doc[j]
        if t.idx >= sent_end or t.text in ("。", "「", "『", "！", "？") or (t.text == "、" and j > to_tok.i + 1 and t.i > 0 and ctx.doc[j - 1].pos_ in ("VERB", "AUX", "SCONJ")):
            break
        lemma = t.lemma_
        if lemma in lex.naming_verbs:
            return None
        v = lex.verb(lemma)
        if v is None:
            continue
        if v.adjacent_only and j != to_tok.i + 1:
            continue
        if v.needs_speech and not speech:
            return None
        if v.adjacent_only and j + 1 < len(ctx.doc) and ctx.doc[j + 1].lemma_ in ("れる", "られる"):
            return None  # 「…」とされる: hearsay with nobody saying it
        if v.predicative_only and j > to_tok.i + 1 and ctx.doc[j - 1].text == "と":
            continue  # 「…」と通報があったということです: a hearsay frame over a clause of its own
        if (v.predicative_only or not speech) and _attributive(ctx.doc, j):
            return None  # 「…」という声, 「…」と書かれた看板: the bracket names a thing
        if is_title and (v.needs_speech or not speech):
            return None
        start = to_tok.idx if v.adjacent_only else t.idx
        return Cue(start, _verb_group_end(ctx.doc, j), v.id, j)
    if speech and not is_title and len(ctx.text[inner[-1][0]:inner[-1][1]]) >= 5:
        # 「…」と胸を張った: speech with an unlisted reporting phrase; the cue is the verb after と
        for j in range(to_tok.i + 1, limit):
            t = ctx.doc[j]
            if t.text in ("。", "「", "『"):
                break
            if t.pos_ == "VERB":
                if _attributive(ctx.doc, j):
                    return None  # 「…」という機運, 「…」とする理由: the bracket describes a noun
                return Cue(t.idx, _verb_group_end(ctx.doc, j), "direct.to_speech", j)
    return None


# 「…」ということです (NHK), 「…」ということだ: hearsay quoting the bracket itself
_HEARSAY = ("ことです。", "ことだ。", "ことである。", "ことでした。")
_KOU = re.compile(r"^[^「」『』。]*?(こう|このように|次のように|そう|そのように)")


def _kou(ctx: _Ctx, start: int, limit_char: int) -> Cue | None:
    """「…」。X氏はこう語った: the next sentence reports the quote with こう."""
    doc = ctx.doc
    m = _KOU.match(ctx.text[start:limit_char])
    if not m:
        return None
    k = ctx.tok(start + m.end(1)).i
    for j in range(k, min(len(doc), k + 6)):
        t = doc[j]
        if t.text in ("。", "「", "『"):
            break
        v = ctx.lex.verb(t.lemma_)
        if v is not None and not v.needs_speech:
            return Cue(t.idx, _verb_group_end(doc, j), v.id + ".kou", j)
    return None


def _attributive(doc: Doc, j: int) -> bool:
    """Does the verb at j modify a following noun (書かれた|看板)?"""
    k = j + 1
    while k < len(doc) and doc[k].pos_ in ("AUX", "SCONJ") and doc[k].text not in ("、", "。"):
        k += 1
    return k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].text not in ("、", "。")


def _opinion(ctx: _Ctx, to_tok: Token, limit: int) -> Cue | None:
    """「…」との見方を示した: an opinion noun completed by a reporting verb."""
    doc = ctx.doc
    j = to_tok.i + 1
    if j >= len(doc) or doc[j].text != "の":
        return None
    for k in range(j + 1, min(limit, j + 4)):
        if doc[k].lemma_ in ctx.lex.opinion_nouns:
            for v in range(k + 1, min(limit, k + 4)):
                if doc[v].lemma_ in ctx.lex.opinion_verbs:
                    return Cue(doc[k].idx, _verb_group_end(doc, v), "direct.opinion", v)
                if doc[v].text in ("。", "、"):
                    return None
            return None
    return None


def _verb_group_end(doc: Doc, j: int) -> int:
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


# -- who said it ----------------------------------------------------------------------------------
@dataclass
class _Cand:
    start: int
    end: int
    particle: str
    index: int
    entity_like: bool
    pronoun: bool


def _candidates(ctx: _Ctx, s: int, e: int, base: int, text: str, tops: list[Pair]) -> list[_Cand]:
    """Subject-like bunsetu (…は, …が, …も, …では) in doc chars [s, e), outside quotes."""
    sp = ctx.span(s, e)
    if sp is None or not len(sp):
        return []
    out: list[_Cand] = []
    phrases = ga.bunsetu_spans(sp)
    for idx, b in enumerate(phrases):
        toks = [t for t in b if t.pos_ != "PUNCT" or t.text in ("」", "』")]
        while toks and toks[-1].text in ("、", ","):
            toks.pop()
        if len(toks) < 2:
            continue
        first = b[0]
        rel = first.idx - base
        inside = next((p for p in tops if p.open <= rel <= p.close), None)
        if inside is not None:
            # a bracketed name as subject (「…」は) is fine; words inside a quote are not
            if not (rel == inside.open and base + inside.close < b.end_char and not speechlike(ctx, base + inside.open + 1, base + inside.close)):
                continue
        last = toks[-1]
        particle = last.text
        prev = toks[-2]
        if particle in ("は", "も") and prev.text == "で":
            if len(toks) < 3:
                continue
            particle, prev, cut = "では", toks[-3], len(toks) - 2
        elif particle in ("は", "も") and prev.text == "から" and prev.pos_ == "ADP":
            # 野党からは「…」との批判が出た: the から phrase speaks
            if len(toks) < 3:
                continue
            particle, prev, cut = particle, toks[-3], len(toks) - 2
        elif particle in _TOPIC + _SUBJ and last.pos_ == "ADP":
            cut = len(toks) - 1
        else:
            continue
        if not (prev.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or prev.tag_.startswith(_NOMINAL_TAGS) or prev.text in ("」", "』")):
            continue
        if prev.head.dep_ == "acl" and prev.head.i != prev.i and particle == "が":
            continue
        phrase = toks[:cut]
        ps, pe = phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)
        k = idx
        while k > 0 and _bare_nominal(phrases[k - 1]) and phrases[k - 1].end_char == ps:
            k -= 1
            ps = phrases[k].start_char
        if k > 0 and _org_role(ctx, ps, pe) and not any(ms < pe and ps < me for ms, me, *_ in ctx.mentions) \
                and _common_words(ctx, ps, pe):
            # 中国外務省の|報道官は, 立憲民主党会派の|幹部は: the role speaks for the organisation
            # named in the genitive before it
            g = phrases[k - 1]
            gt = g.text.rstrip("、")
            no = g.start_char + len(gt) - 1
            j = k - 1
            while j > 0 and _bare_nominal(phrases[j - 1]) and phrases[j - 1].end_char == phrases[j].start_char:
                j -= 1  # 立憲民主党|会派の: a name the parser put in a bunsetu of its own
            gs = phrases[j].start_char
            if g.end_char == ps and gt.endswith("の") and any(
                    gs <= ms and me <= no and _common_words(ctx, me, no) for ms, me, _, _, _ in ctx.mentions):
                ps = gs
                phrase = [t for b in phrases[j:k] for t in b] + phrase
        out.append(_Cand(ps, pe, particle, idx, _entity_like(ctx, phrase, ps, pe), bool(_PRONOUN_SUBJECT.match(ctx.text[ps:pe]))))
        out[-1].index = idx
    # AはじめB幹部は → A
    for c in out:
        inner = ctx.text[c.start:c.end]
        for marker in ctx.lex.hajime_markers:
            k = inner.find(marker)
            if k > 0:
                c.end = c.start + k
                c.entity_like = True
                break
        else:
            marker = ""
        if marker:
            continue
        if c.index > 0:
            pb = phrases[c.index - 1]
            t = pb.text.rstrip("、")
            for marker in ctx.lex.hajime_markers:
                if t.endswith(marker) and len(t) > len(marker):
                    c.start, c.end = pb.start_char, pb.start_char + len(t) - len(marker)
                    c.entity_like = True
                    break
    return out


def _org_role(ctx: _Ctx, s: int, e: int) -> bool:
    """Do the words [s, e) end in an unnamed role speaking for an organisation (報道官, 幹部, 関係者)?

    Only the words after a genitive の count (Xの報道官), or the whole run when there is none
    (政府高官); a role word inside a longer noun is not enough.
    """
    words = ctx.text[s:e]
    tail = words.rsplit("の", 1)[-1]
    return any(tail.endswith(r) for r in ctx.lex.org_roles) and not any(ch in tail for ch in "、「」『』")


def _common_words(ctx: _Ctx, s: int, e: int) -> bool:
    """Are the words [s, e) only common nouns (会派, 報道官), no name (ミラー報道官, アップル)?"""
    if s >= e:
        return True
    sp = ctx.span(s, e)
    if sp is None:
        return False
    toks = [t for t in sp if t.idx >= s]
    if len(toks) < len(sp):
        # a name and its title in one token (トランプ大統領): the title must be a known one
        head = sp[0].idx + len(sp[0].text)
        if ctx.text[s:head] not in ctx.lex.titles:
            return False
    return all(
        t.pos_ == "NOUN" and not t.tag_.startswith("名詞-固有名詞") and not _KATAKANA_NAME.match(t.text) or t.tag_.startswith("接尾辞")
        for t in toks)


def _bare_nominal(b: Span) -> bool:
    """A bunsetu that is only a noun (a compound name split by the parser: ミュラー|建設組合組合長は)."""
    last = b[-1]
    return all(t.text not in "、「」『』" for t in b) and (last.pos_ in ("NOUN", "PROPN") or last.tag_.startswith(_NOMINAL_TAGS)) and not last.tag_.startswith("名詞-普通名詞-副詞可能")


def _entity_like(ctx: _Ctx, phrase: list[Token], s: int, e: int) -> bool:
    if ctx.overlaps(s, e):
        return True
    for t in phrase:
        if t.pos_ == "PROPN" or t.tag_.startswith("名詞-固有名詞") or any(t.ent_type_.startswith(p) for p in ctx.lex.speaker_ene_prefixes if t.ent_type_):
            return True
    txt = ctx.text[s:e]
    if txt.startswith(("「", "『")) or any(t.text in ("」", "』") for t in phrase):
        before = ctx.text[max(0, s - 8):s]
        if any(before.endswith(n) for n in ctx.lex.media_nouns):
            return True
    return any(txt.endswith(tt) for tt in ctx.lex.titles) or bool(_PRONOUN_SUBJECT.match(txt))


def _source(ctx: _Ctx, s: int, e: int) -> tuple[int, int] | None:
    """〜によると / 〜によれば before the quote: the source's words."""
    text = ctx.text[s:e]
    best = None
    for marker in ctx.lex.source_markers:
        for m in re.finditer(re.escape(marker), text):
            head = text[:m.start()]
            cut = max(head.rfind(c) for c in "、。「」 ")
            ws = cut + 1
            we = m.start()
            for suffix in ("など", "等"):
                if text[ws:we].endswith(suffix):
                    we -= len(suffix)
            if we > ws and (best is None or ws > best[0] - s):
                best = (s + ws, s + we)
    return best


def _speaker(ctx: _Ctx, group: list[Pair], base: int, text: str, tops: list[Pair], sent: tuple[int, int],
             cue: Cue, bounds: list[tuple[int, int]], si: int, offset: int, prev: list[Found]) -> Speaker | None:
    first, last = group[0], group[-1]
    s_start = base + sent[0]
    doc = ctx.doc
    # 「…」と話す住民: the cue modifies the noun naming the speaker
    ct = doc[cue.token]
    cue_entry = ctx.lex.verb(ct.lemma_)
    if ct.dep_ == "acl" and ct.pos_ == "VERB" and ct.head.i > ct.i and _attributive(doc, cue.token) \
            and cue_entry is not None and not (cue_entry.adjacent_only or cue_entry.predicative_only):
        noun = ct.head
        nxt = doc[noun.i + 1].text if noun.i + 1 < len(doc) else ""
        if noun.pos_ in ("NOUN", "PROPN", "PRON") and not noun.tag_.endswith("副詞可能") and noun.lemma_ not in _FORMAL_NOUNS \
                and nxt in ("は", "が", "も", "ら", "たち", "、"):
            phrase = ga.bunsetu_phrase_span(noun)
            return _make(ctx, max(phrase.start_char, cue.end), noun.idx + len(noun.text), "speaker.modified_noun")
    # 「…」とX氏は語った: a subject between the quote and its cue
    after = _candidates(ctx, base + last.close + 1, cue.start, base, text, tops)
    between = [c for c in after if c.entity_like and c.particle != "では"]
    if between:
        return _resolve(ctx, between[0], "speaker.after_quote", prev, offset + si)
    if cue.rule.endswith(".kou"):
        # 「…」。店主の男性はそう話した: an unnamed speaker in the reporting sentence
        common = [c for c in after if c.particle in _TOPIC + _SUBJ and not _time_word(doc, c.end)]
        if common:
            c = common[0]
            # 民間エコノミストの|一人は: the whole phrase from the start of the reporting sentence
            head = ctx.text[base + last.close + 1:c.start].lstrip("。")
            start = c.start - len(head) if head and not any(ch in head for ch in "、「」『』") else c.start
            return Speaker(start, c.end, "speaker.unnamed_after_quote", None, ctx.text[start:c.end])
    src_from = _from_phrase(ctx, base + last.close + 1, cue.start)
    if src_from is not None:
        # 「…」と近所の人から通報があった: the から phrase says who spoke
        return _make(ctx, src_from[0], src_from[1], "speaker.from")
    before = [c for c in _candidates(ctx, s_start, base + first.open, base, text, tops) if c.entity_like]
    if before and _embedded(ctx.text, cue):
        # Xは、Yが「…」と述べたと伝えた: the quote's own subject is the nearest one
        return _resolve(ctx, before[-1], "speaker.embedded", prev, offset + si)
    for particles, rule in ((_TOPIC, "speaker.topic"), (_SUBJ, "speaker.subject"), (("では",), "speaker.de")):
        cands = [c for c in before if c.particle in particles
                 and not (c.particle == "では" and ctx.text[c.start:c.end].endswith(_PLACE_NOUNS))]
        if cands:
            return _resolve(ctx, cands[-1], rule, prev, offset + si)
    src = _source(ctx, s_start, base + first.open)
    if src is not None:
        return _make(ctx, src[0], src[1], "speaker.source")
    # 取材に応じた男性は「…」: a speaker the text does not name; nothing carries over
    common = [c for c in _candidates(ctx, s_start, base + first.open, base, text, tops)
              if c.particle in _TOPIC and _plain_noun(doc, c.end)]  # 総統府も「…」: no carry-over past a subject
    if common:
        c = common[-1]
        return Speaker(c.start, c.end, "speaker.unnamed", None, ctx.text[c.start:c.end])
    return _carry(ctx, base, text, tops, bounds, si, offset, prev)


def _from_phrase(ctx: _Ctx, s: int, e: int) -> tuple[int, int] | None:
    """A 〜から phrase right between the quotative と and its cue (と住民から通報が): its words."""
    sp = ctx.span(s, e)
    if sp is None or not len(sp):
        return None
    for b in ga.bunsetu_spans(sp):
        toks = [t for t in b if t.pos_ != "PUNCT"]
        if len(toks) >= 2 and toks[-1].text == "から" and toks[-1].pos_ == "ADP" and toks[-2].pos_ in ("NOUN", "PROPN", "PRON") \
                and not toks[-2].tag_.endswith("副詞可能") and not toks[-2].ent_type_.startswith(("Date", "Time", "Period")):
            k = toks[-1].idx
            words = ctx.text[s:k]
            start = s + max(words.rfind("、") + 1, 1 if words.startswith("と") else 0)  # 近所の|人から: the whole noun phrase
            return (start, k) if k > start else None
    return None


def _time_word(doc: Doc, end: int) -> bool:
    """Does the phrase ending at ``end`` end in a time word (今回は, 24日は)?"""
    k = doc.char_span(end - 1, end, alignment_mode="expand")
    if k is None:
        return True
    t = k[-1]
    if t.ent_type_.startswith(("N_Person", "Position", "Person")):
        return False  # 一人 (N_Person) is a count of people, not a time
    return t.tag_.endswith("副詞可能") or t.ent_type_.startswith(("Date", "Time", "Period")) or t.text in ("日", "月", "年", "時", "分")


def _plain_noun(doc: Doc, end: int) -> bool:
    """Does the phrase ending at ``end`` end in an ordinary noun (男性, 専門家), not a time word?"""
    k = doc.char_span(end - 1, end, alignment_mode="expand")
    if k is None:
        return False
    t = k[-1]
    return t.pos_ == "NOUN" and t.tag_.startswith("名詞-普通名詞") and not t.tag_.endswith("副詞可能") and not t.ent_type_.startswith(("Date", "Time", "Period"))


_FORMAL_NOUNS = ("こと", "事", "もの", "物", "ところ", "所", "点", "よう", "ため", "はず", "わけ", "旨", "内容")
# Xでは「…」として: X speaks for an organisation, unless X is a place (国内では, 現地では)
_PLACE_NOUNS = ("内", "中", "現地", "地域", "地方", "各地", "間", "国", "外", "会場", "現場", "市場", "業界")
_EMBEDDING = ("と", "ことを", "ことが", "ことに", "ことも", "という")


def _embedded(text: str, cue: Cue) -> bool:
    """Is the reporting clause itself reported (…と述べたと伝えた, …と語ったことを明らかにした)?"""
    return text[cue.end:cue.end + 3].startswith(_EMBEDDING)


def _resolve(ctx: _Ctx, c: _Cand, rule: str, prev: list[Found], si: int) -> Speaker:
    if c.pronoun and not _mention_in(ctx, c.start, c.end):
        want = _same_type(ctx, ctx.text[c.start:c.end])
        types = {m[2]: m[4] for m in ctx.mentions}
        for f in reversed(prev):
            if f.speaker is not None and f.sent >= si - 2 and (want is None or types.get(f.speaker.entity or "") == want):
                return Speaker(f.speaker.start, f.speaker.end, rule + "+pronoun", f.speaker.entity, f.speaker.text)
        if want is not None:
            # 同社は「…」: the latest organisation named before (同氏: person, 同国: place)
            last = next((m for m in reversed(ctx.mentions) if m[1] <= c.start and m[4] == want), None)
            if last is not None:
                return Speaker(c.start, c.end, rule + "+same", last[2], ctx.text[c.start:c.end])
    return _make(ctx, c.start, c.end, rule)


def _same_type(ctx: _Ctx, words: str) -> str | None:
    """The entity type 同X refers to (同社 → ORG, 同氏 → PERSON, 同国 → PLACE), or None."""
    if not words.startswith("同") or len(words) < 2:
        return None
    rest = words[1:]
    for typ, suffixes in ctx.lex.same_ref_types.items():
        if rest in suffixes:
            return typ
    return None


def _carry(ctx: _Ctx, base: int, text: str, tops: list[Pair], bounds: list[tuple[int, int]], si: int, offset: int,
           prev: list[Found]) -> Speaker | None:
    """No subject in the sentence: the previous sentence's speaker (even across a paragraph break)
    or the previous sentence's topic (same paragraph) carries over."""
    g = offset + si
    for f in reversed(prev):
        if f.sent == g - 1 and f.speaker is not None:
            sp = f.speaker
            return Speaker(sp.start, sp.end, "speaker.carried_quote", sp.entity, sp.text)
        if f.sent < g - 1:
            break
    if si == 0:
        return None
    ps, pe = bounds[si - 1]
    cands = [c for c in _candidates(ctx, base + ps, base + pe, base, text, tops) if c.entity_like and c.particle in _TOPIC]
    if cands:
        return _resolve(ctx, cands[0], "speaker.carried_topic", prev, g)
    return None


def _mention_in(ctx: _Ctx, s: int, e: int) -> tuple[int, int, str, str, str] | None:
    """The mention heading the words [s, e): a person if there is one, else the last mention.

    Mentions overlapping the words count too (the parser may cut a name: ハンス・|ミュラー氏).
    """
    best = None
    person = None
    for m in ctx.mentions:
        if m[0] >= e:
            break
        if m[1] > s:
            best = m
            if m[4] == "PERSON":
                person = m
    return person or best


def _make(ctx: _Ctx, s: int, e: int, rule: str) -> Speaker:
    """Speaker from the words naming it: the entity mention heading them, else the words minus titles."""
    text = ctx.text
    # 米紙「ウォール・ストリート・ジャーナル」 → the bracketed name
    o = max(text.rfind("「", s, e), text.rfind("『", s, e))
    if o >= 0:
        c = text.find("」" if text[o] == "「" else "』", o, e)
        if c > o + 1:
            s, e = o + 1, c
    while s < e and text[s] in "「『（(":
        s += 1
    while e > s and text[e - 1] in "」』）)、":
        e -= 1
    m = _mention_in(ctx, s, e)
    if m is not None:
        rest = text[m[1]:e]
        if rest and _org_role(ctx, m[1], e) and "の" in rest:
            if m[4] == "PERSON":
                if rest.endswith(tuple(ctx.lex.spokesperson_roles)):
                    return Speaker(s, e, rule + "+spokesperson", m[2], text[s:e])  # 大統領の報道官 speaks for the president
                return Speaker(s, e, rule + "+aide", None, text[s:e])  # トランプ氏の関係者: not the person
            return Speaker(s, e, rule + "+org_role", m[2], text[s:e])  # 中国外務省の報道官 → 中国外務省
        if rest and m[4] != "PERSON" and _org_role(ctx, m[1], e) and "の" not in rest:
            return Speaker(s, e, rule + "+org_role", m[2], text[s:e])  # 財務省幹部, 韓国政府高官
        return Speaker(m[0], m[1], rule, m[2], m[3])
    words = text[s:e]
    for t in sorted(ctx.lex.titles, key=len, reverse=True):
        if words.endswith(t) and len(words) >= len(t) + 2:
            words = words[: -len(t)]
            break
    return Speaker(s, s + len(words), rule, None, words)
