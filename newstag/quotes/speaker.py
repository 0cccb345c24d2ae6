"""Who said it: the speaker of a quote, read from the bunsetu around its cue.

The speaker is the subject of the cue's clause: a subject between the quote and its cue
(「…」とX氏は語った), else the nearest subject before the quote that governs the cue (a は topic
anywhere in the sentence, a が subject or から agent with no clause boundary in between), else a
source (〜によると; an outlet only when the cue is one it speaks through: と報じた, という), else the
owner of an occasion (Xの会見で), else the subject carried over from the sentences before. The words
found are resolved to an entity by :mod:`newstag.quotes.naming`. Every speaker keeps the rule that
chose it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .. import ginza_adapter as ga
from .brackets import Pair
from .context import BRACKETS, CLOSE, OPEN, Ctx, Cue, Found, Speaker, attributive, speechlike
from .naming import by_text, common_words, make, mention_in, org_role, same_type, title_in

TOPIC = ("は", "も")
SUBJ = ("が",)
_AGENT = ("から", "より")
_NOMINAL_TAGS = ("名詞", "代名詞", "接尾辞-名詞的")
_PRONOUN_SUBJECT = re.compile(r"^(?:同|彼|彼女|両氏|両者|両首脳)")
_DEMONSTRATIVE = ("これ", "それ", "あれ", "この", "その")
# conjunctive particles that end a clause of its own: a が subject before them is not the cue's
_CLAUSE_ENDS = ("が", "けれど", "けれども", "けど", "ので", "のに", "から", "ば", "たら", "なら", "ものの")
_FORMAL_NOUNS = ("こと", "事", "もの", "物", "ところ", "所", "点", "よう", "ため", "はず", "わけ", "旨", "内容")
_EMBEDDING = ("と", "ことを", "ことが", "ことに", "ことも")
_HEARSAY_AFTER = ("ということ", "という。", "といい", "とのこと")
_CARRY_BACK = 4  # sentences of a paragraph searched back for a carried-over subject
_ASIDE_MARKS = ("=", "＝")  # 山川春子さん（65）=3月退職=: an aside (age, former post) in Asahi style


@dataclass
class Site:
    """Where a bracket chain stands: its region (title or paragraph) and the region's sentences."""

    base: int  # doc offset of the region
    text: str  # the region's text
    tops: list[Pair]  # top-level bracket pairs (region offsets)
    bounds: list[tuple[int, int]]  # sentences (region offsets)
    region: int
    offset: int  # sentences in earlier regions (sentence numbers run across regions)


@dataclass
class Cand:
    """A subject-like phrase: its words (doc offsets), particle and what kind of words they are."""

    start: int
    end: int
    particle: str
    index: int
    entity_like: bool
    pronoun: bool
    comma: bool = False  # followed by 、 (Xは、…)


# -- the speaker of one chain ------------------------------------------------------------------------
def speaker_of(ctx: Ctx, site: Site, group: list[Pair], si: int, cue: Cue, prev: list[Found],
               after_limit: int | None = None) -> Speaker | None:
    """The speaker of the bracket chain ``group`` in sentence ``si`` of ``site``, reported by ``cue``.

    ``after_limit`` ends the stretch searched for a subject after the quote (a coordinated chain:
    「A」、Y氏も「B」と語った: Y is the second chain's speaker, not the first's).
    """
    first, last = group[0], group[-1]
    s_start = site.base + site.bounds[si][0]
    q_open, q_close = site.base + first.open, site.base + last.close + 1
    g = site.offset + si
    after_end = cue.start if after_limit is None else min(cue.start, after_limit)
    if not cue.agentive:
        # 「…」と言われた, との証言を得た: the subject hears or is told; the から agent speaks
        agents = [c for c in candidates(ctx, site, s_start, q_open) + candidates(ctx, site, q_close, after_end)
                  if c.particle in _AGENT]
        if agents:
            return make(ctx, agents[-1].start, agents[-1].end, "speaker.agent", q_open)
        return None
    doc = ctx.doc
    modified = _modified_noun(ctx, cue)
    if modified is not None:
        return modified
    # 「…」とX氏は語った: a subject between the quote and its cue
    after = candidates(ctx, site, q_close, after_end)
    between = [c for c in after if c.entity_like and c.particle not in ("では",) + _AGENT]
    if between:
        return resolve(ctx, between[0], "speaker.after_quote", prev, g, q_open)
    if cue.rule.endswith(".kou"):
        # 「…」。店主の男性はそう話した: an unnamed speaker in the reporting sentence
        common = [c for c in after if c.particle in TOPIC + SUBJ and not _time_word(doc, c.end)]
        if common:
            c = common[0]
            # 民間エコノミストの|一人は: the whole phrase from the start of the reporting sentence
            head = ctx.text[q_close:c.start].lstrip("。")
            start = c.start - len(head) if head and not any(ch in head for ch in "、" + BRACKETS) else c.start
            return Speaker(start, c.end, "speaker.unnamed_after_quote", None, ctx.text[start:c.end])
    src_from = _from_phrase(ctx, q_close, after_end)
    if src_from is not None:
        # 「…」と近所の人から通報があった: the から phrase says who spoke
        return make(ctx, src_from[0], src_from[1], "speaker.from", q_open)
    return subject_speaker(ctx, site, si, s_start, q_open, cue, prev)


def subject_speaker(ctx: Ctx, site: Site, si: int, s: int, e: int, cue: Cue, prev: list[Found]) -> Speaker | None:
    """The speaker named before the quote in [s, e): subject, source, an unnamed subject, or carried over."""
    g = site.offset + si
    cands = candidates(ctx, site, s, e)
    before = [c for c in cands if c.entity_like]
    if before and _embedded(ctx.text, cue):
        # Xは、Yが「…」と述べたと伝えた: the quote's own subject is the nearest one
        return resolve(ctx, before[-1], "speaker.embedded", prev, g, e)
    picked = _pick(ctx, cands, e)
    if picked is not None:
        c, rule = picked
        if not c.entity_like:
            return Speaker(c.start, c.end, "speaker.unnamed", None, ctx.text[c.start:c.end])
        return resolve(ctx, c, rule, prev, g, e)
    occ = _occasion(ctx, site, s, e, cands)
    if occ is not None:
        return occ
    src = _source(ctx, s, e)
    if src is not None:
        words = ctx.text[src[0]:src[1]]
        if words.startswith(_DEMONSTRATIVE):
            pass  # これによると「…」: the source is what was just reported; its speaker carries over
        elif _media(ctx, words) and not _reports(ctx, cue):
            pass  # 〜紙によると、「…」と語った: the outlet cites the words of the subject left out
        else:
            return make(ctx, src[0], src[1], "speaker.source", e)
    # 取材に応じた男性は「…」: a speaker the text does not name; nothing carries over
    common = [c for c in cands if c.particle in TOPIC and _speaker_noun(ctx, c.end)]  # 総統府も「…」
    if common:
        c = common[-1]
        return Speaker(c.start, c.end, "speaker.unnamed", None, ctx.text[c.start:c.end])
    return carry(ctx, site, si, prev) if cue.carries else None


def _pick(ctx: Ctx, cands: list[Cand], quote: int) -> tuple[Cand, str] | None:
    """The subject of the reporting clause among the phrases before the quote.

    The nearest は/も topic, unless a が subject or から agent stands between it and the quote with
    no clause boundary before the quote (Xは…、Y総裁が会見し「…」と表明: Y). Two topics in a row
    (Xは、Yは「…」): Y is what the quote is about and X speaks.
    """
    topics = [c for c in cands if c.particle == "は" and not _time_word(ctx.doc, c.end)]
    if len(topics) >= 2 and topics[-2].comma and not topics[-1].comma and _adjacent(ctx, topics[-1], quote) \
            and (topics[-2].entity_like or _speaker_noun(ctx, topics[-2].end)):
        return topics[-2], "speaker.first_topic"
    ent = [c for c in cands if c.entity_like]
    topic = next((c for c in reversed(ent) if c.particle in TOPIC), None)
    subj = next((c for c in reversed(ent) if c.particle in SUBJ + _AGENT and not _place_like(ctx, c)
                 and not (c.particle in SUBJ and _nominalized(ctx, c.end, quote))), None)
    if subj is not None and (topic is None or subj.start > topic.start) and not _clause_boundary(ctx, subj.end, quote):
        return subj, "speaker.subject"
    if topic is not None:
        return topic, "speaker.topic"
    if subj is not None and subj.particle in SUBJ:
        return subj, "speaker.subject"
    de = [c for c in ent if c.particle == "では" and not _place_like(ctx, c)]
    if de:
        return de[-1], "speaker.de"
    return None


def _adjacent(ctx: Ctx, c: Cand, quote: int) -> bool:
    """Does the phrase stand right before the quote (Yは「…」)?"""
    gap = ctx.text[c.end:quote]
    return len(gap) <= 2 and all(ch in "はも、 　" for ch in gap)


def _clause_boundary(ctx: Ctx, s: int, e: int) -> bool:
    """Does a clause of its own end in [s, e) (…が反対したが、「…」)?"""
    sp = ctx.span(s, e)
    if sp is None:
        return False
    return any(t.pos_ == "SCONJ" and t.text in _CLAUSE_ENDS and t.idx >= s for t in sp)


def _nominalized(ctx: Ctx, s: int, e: int) -> bool:
    """Is a clause turned into a noun in [s, e) (日本が…明け暮れる|の|は, …した|こと|を)? A が subject
    before it belongs to that clause, not to the cue."""
    sp = ctx.span(s, e)
    if sp is None:
        return False
    doc = ctx.doc
    for t in sp:
        if t.idx >= s and t.text in ("の", "こと") and t.i > 0 and doc[t.i - 1].pos_ in ("VERB", "AUX", "ADJ") \
                and t.i + 1 < len(doc) and doc[t.i + 1].text in ("は", "が", "を", "も"):
            return True
    return False


def _place_like(ctx: Ctx, c: Cand) -> bool:
    """Is the phrase a place (国内では, 東京からは), not someone speaking?"""
    words = ctx.text[c.start:c.end]
    if words.endswith(tuple(ctx.lex.place_nouns)):
        return True
    m = mention_in(ctx, c.start, c.end)
    return c.particle in _AGENT and m is not None and m[4] == "PLACE" and m[1] >= c.end - 1


def _embedded(text: str, cue: Cue) -> bool:
    """Is the reporting clause itself reported (…と述べたと伝えた, …と語ったことを明らかにした)?

    Hearsay (…と述べたということです, …と述べたという。) names no second speaker.
    """
    after = text[cue.end:cue.end + 6]
    return after.startswith(_EMBEDDING) and not after.startswith(_HEARSAY_AFTER)


def _modified_noun(ctx: Ctx, cue: Cue) -> Speaker | None:
    """「…」と話す住民: the cue modifies the noun naming the speaker."""
    doc = ctx.doc
    ct = doc[cue.token]
    entry = ctx.lex.verb(ct.lemma_)
    if not (ct.dep_ == "acl" and ct.pos_ == "VERB" and ct.head.i > ct.i and attributive(doc, cue.token)
            and entry is not None and not (entry.adjacent_only or entry.predicative_only)):
        return None
    noun = ct.head
    nxt = doc[noun.i + 1].text if noun.i + 1 < len(doc) else ""
    if noun.pos_ in ("NOUN", "PROPN", "PRON") and not noun.tag_.endswith("副詞可能") and noun.lemma_ not in _FORMAL_NOUNS \
            and nxt in ("は", "が", "も", "ら", "たち", "、"):
        phrase = ga.bunsetu_phrase_span(noun)
        return make(ctx, max(phrase.start_char, cue.end), noun.idx + len(noun.text), "speaker.modified_noun", cue.start)
    return None


# -- carried over from the sentences before ----------------------------------------------------------
def carry(ctx: Ctx, site: Site, si: int, prev: list[Found]) -> Speaker | None:
    """No subject in the sentence: the speaker of the previous sentence's quote (even across a
    paragraph break), else the subject of the paragraph's last sentence that has one.

    Walking back, a sentence whose subject is about a named thing (XとYの会話は) is passed over;
    an unnamed subject (男性は) or an unattributed quote stops the walk.
    """
    g = site.offset + si
    for f in reversed(prev):
        if f.sent == g - 1 and f.speaker is not None:
            sp = f.speaker
            return Speaker(sp.start, sp.end, "speaker.carried_quote", sp.entity, sp.text)
        if f.sent < g - 1:
            break
    for k in range(si - 1, max(-1, si - 1 - _CARRY_BACK), -1):
        gk = site.offset + k
        said = [f for f in prev if f.sent == gk]
        if said:
            sp = said[-1].speaker
            if sp is None:
                return None
            return Speaker(sp.start, sp.end, "speaker.carried_quote", sp.entity, sp.text)
        ps, pe = site.bounds[k]
        cands = candidates(ctx, site, site.base + ps, site.base + pe)
        main = [c for c in cands if c.entity_like and c.particle in TOPIC] or \
               [c for c in cands if c.entity_like and c.particle in SUBJ and not _place_like(ctx, c)]
        if main:
            sp = resolve(ctx, main[0], "speaker.carried_topic", prev, gk, site.base + ps)
            if sp.entity is not None:
                return sp
            continue
        if any(c.particle in TOPIC and _speaker_noun(ctx, c.end) for c in cands):
            return None  # 男性は…: someone unnamed spoke last; nobody named carries over
    return None


# -- subject-like phrases ----------------------------------------------------------------------------
def candidates(ctx: Ctx, site: Site, s: int, e: int) -> list[Cand]:
    """Subject-like bunsetu (…は, …が, …も, …では, …から) in doc chars [s, e), outside quotes."""
    sp = ctx.span(s, e) if e > s else None
    if sp is None or not len(sp):
        return []
    base, tops = site.base, site.tops
    out: list[Cand] = []
    phrases = ga.bunsetu_spans(sp)
    for idx, b in enumerate(phrases):
        toks = [t for t in b if t.pos_ != "PUNCT" or t.text in CLOSE]
        comma = False
        while toks and toks[-1].text in ("、", ","):
            toks.pop()
        if b[-1].text in ("、", ","):
            comma = True
        if len(toks) < 2:
            continue
        first = b[0]
        rel = first.idx - base
        inside = next((p for p in tops if p.open <= rel <= p.close), None)
        opened = idx  # the bunsetu where the phrase starts (before a bracketed name it holds)
        if inside is not None:
            # a bracketed name as subject (「…」は, X局「番組名」は) is fine; words inside a quote are not
            if not (base + inside.close < b.end_char and not speechlike(ctx, base + inside.open + 1, base + inside.close)):
                continue
            if rel != inside.open:
                opened = next((n for n in range(idx - 1, -1, -1) if phrases[n].start_char <= base + inside.open), -1)
                if opened < 0 or idx - opened > 4:
                    continue
        last = toks[-1]
        particle = last.text
        prev = toks[-2]
        if particle in ("は", "も") and prev.text == "で":
            if len(toks) < 3:
                continue
            particle, prev, cut = "では", toks[-3], len(toks) - 2
        elif particle in ("は", "も") and prev.text in _AGENT and prev.pos_ == "ADP":
            # 野党からは「…」との批判が出た: the から phrase speaks
            if len(toks) < 3:
                continue
            particle, prev, cut = particle, toks[-3], len(toks) - 2
        elif particle in TOPIC + SUBJ + _AGENT and last.pos_ == "ADP":
            cut = len(toks) - 1
        else:
            continue
        phrase = toks[:cut]
        k = idx
        if opened < idx:
            phrase = [t for n in range(opened, idx) for t in phrases[n] if t.pos_ != "PUNCT" or t.text in BRACKETS] + phrase
            k = opened
        if prev.text in _ASIDE_MARKS:
            # 山川春子さん（65）=3月退職=が: the words before a =…= aside name the subject
            head = _before_aside(ctx.doc, prev.i)
            k = next((n for n, ph in enumerate(phrases) if head is not None and ph.start <= head.i < ph.end), -1)
            if head is None or k < 0:
                continue
            prev = head
            phrase = [t for t in phrases[k] if t.i <= head.i and t.pos_ != "PUNCT"]
        if not (prev.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or prev.tag_.startswith(_NOMINAL_TAGS) or prev.text in CLOSE):
            continue
        if prev.head.dep_ == "acl" and prev.head.i != prev.i and particle == "が":
            continue
        if particle in _AGENT and (prev.tag_.endswith("副詞可能") or _time_word(ctx.doc, prev.idx + len(prev.text))):
            continue  # 午後からは, 昨年から: a time, not an agent
        ps, pe = phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)
        while k > 0 and _bare_nominal(phrases[k - 1]) and phrases[k - 1].end_char == ps:
            k -= 1
            ps = phrases[k].start_char
        if k > 0 and org_role(ctx, ps, pe) and not ctx.overlaps(ps, pe) and common_words(ctx, ps, pe):
            ps, phrase = _role_owner(ctx, phrases, k, ps, phrase)
        out.append(Cand(ps, pe, particle, idx, _entity_like(ctx, phrase, ps, pe),
                        bool(_PRONOUN_SUBJECT.match(ctx.text[ps:pe])), comma))
    _hajime(ctx, out, phrases)
    return out


def _before_aside(doc: Doc, close: int) -> Token | None:
    """The last word before the =…= aside closed at token ``close`` (and before a （65） just before
    it), or None when the aside is not opened within a few tokens of the same clause."""
    for i in range(close - 1, max(-1, close - 14), -1):
        t = doc[i]
        if t.text in ("、", "。", "「", "」"):
            return None
        if t.text in _ASIDE_MARKS:
            j = i - 1
            if j >= 0 and doc[j].text in (")", "）"):
                while j >= 0 and doc[j].text not in ("(", "（") and i - j < 8:
                    j -= 1
                j -= 1
            return doc[j] if j >= 0 and doc[j].pos_ != "PUNCT" else None
    return None


def _role_owner(ctx: Ctx, phrases: list[Span], k: int, ps: int, phrase: list[Token]) -> tuple[int, list[Token]]:
    """中国外務省の|報道官は, 立憲民主党会派の|幹部は, Xの|ある|幹部が: the role speaks for the
    organisation named in the genitive before it; returns the widened start and tokens."""
    j = k - 1
    while j > 0 and _determiner(phrases[j]):
        j -= 1  # Xの|ある|幹部: a determiner between the genitive and the role
    g = phrases[j]
    gt = g.text.rstrip("、")
    no = g.start_char + len(gt) - 1
    if not gt.endswith("の") or any(not _determiner(p) for p in phrases[j + 1:k]):
        return ps, phrase
    i = j
    while i > 0 and _bare_nominal(phrases[i - 1]) and phrases[i - 1].end_char == phrases[i].start_char:
        i -= 1  # 立憲民主党|会派の: a name the parser put in a bunsetu of its own
    gs = phrases[i].start_char
    if any(gs <= ms and me <= no and common_words(ctx, me, no) for ms, me, _, _, _ in ctx.overlapping(gs, no)) \
            or by_text(ctx, ctx.text[g.start_char:no]) is not None or same_type(ctx, ctx.text[g.start_char:no]) == "ORG":
        # (or the genitive is a name the tagger found elsewhere in the article but not here)
        return gs, [t for b in phrases[i:k] for t in b] + phrase
    return ps, phrase


def _determiner(b: Span) -> bool:
    """A bunsetu that is only a determiner (ある, 別の, 一部の)."""
    toks = [t for t in b if t.pos_ != "PUNCT"]
    # ある after a genitive is tagged as a verb (Xの|ある|幹部): as a bunsetu of its own it is a determiner
    return bool(toks) and (all(t.pos_ == "DET" for t in toks) or b.text.rstrip("、") in ("ある", "一部の", "別の", "複数の", "某"))


def _hajime(ctx: Ctx, out: list[Cand], phrases: list[Span]) -> None:
    """AはじめB幹部は → A (in place)."""
    for c in out:
        inner = ctx.text[c.start:c.end]
        marker = next((m for m in ctx.lex.hajime_markers if inner.find(m) > 0), "")
        if marker:
            c.end = c.start + inner.find(marker)
            c.entity_like = True
            continue
        if c.index > 0:
            pb = phrases[c.index - 1]
            t = pb.text.rstrip("、")
            for marker in ctx.lex.hajime_markers:
                if t.endswith(marker) and len(t) > len(marker):
                    c.start, c.end = pb.start_char, pb.start_char + len(t) - len(marker)
                    c.entity_like = True
                    break


def _bare_nominal(b: Span) -> bool:
    """A bunsetu that is only a noun (a compound name split by the parser: ミュラー|建設組合組合長は),
    perhaps with a reading in brackets after it (朴正浩(パク・チョンホ)|大統領は)."""
    toks = _without_paren(list(b))
    if not toks:
        return False
    last = toks[-1]
    return all(t.text not in "、" + BRACKETS for t in toks) and (last.pos_ in ("NOUN", "PROPN") or last.tag_.startswith(_NOMINAL_TAGS)) \
        and not last.tag_.startswith("名詞-普通名詞-副詞可能")


def _without_paren(toks: list[Token]) -> list[Token]:
    """The tokens without a trailing bracketed aside (…(パク・チョンホ))."""
    if toks and toks[-1].text in (")", "）"):
        for i in range(len(toks) - 1, -1, -1):
            if toks[i].text in ("(", "（"):
                return toks[:i]
    return toks


def _entity_like(ctx: Ctx, phrase: list[Token], s: int, e: int) -> bool:
    if ctx.overlaps(s, e):
        return True
    for t in phrase:
        if t.pos_ == "PROPN" or t.tag_.startswith("名詞-固有名詞") or any(t.ent_type_.startswith(p) for p in ctx.lex.speaker_ene_prefixes if t.ent_type_):
            return True
    txt = ctx.text[s:e]
    if txt.startswith(tuple(OPEN)) or any(t.text in CLOSE for t in phrase):
        before = ctx.text[max(0, s - 8):s]
        if any(before.endswith(n) for n in ctx.lex.media_nouns):
            return True
    return any(txt.endswith(tt) for tt in ctx.lex.titles) or bool(_PRONOUN_SUBJECT.match(txt))


def _source(ctx: Ctx, s: int, e: int) -> tuple[int, int] | None:
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


def _from_phrase(ctx: Ctx, s: int, e: int) -> tuple[int, int] | None:
    """A 〜から phrase right between the quotative と and its cue (と住民から通報が): its words."""
    sp = ctx.span(s, e) if e > s else None
    if sp is None or not len(sp):
        return None
    for b in ga.bunsetu_spans(sp):
        toks = [t for t in b if t.pos_ != "PUNCT"]
        if len(toks) >= 2 and toks[-1].text == "から" and toks[-1].pos_ == "ADP" and toks[-2].pos_ in ("NOUN", "PROPN", "PRON") \
                and not toks[-2].tag_.endswith("副詞可能") and not _time_word(ctx.doc, toks[-2].idx + len(toks[-2].text)):
            k = toks[-1].idx
            words = ctx.text[s:k]
            start = s + max(words.rfind("、") + 1, 1 if words.startswith("と") else 0)  # 近所の|人から: the whole noun phrase
            return (start, k) if k > start else None
    return None


def _time_word(doc: Doc, end: int) -> bool:
    """Does the phrase ending at ``end`` end in a time word (今回は, 24日は, 午後からは)?"""
    k = doc.char_span(end - 1, end, alignment_mode="expand")
    if k is None:
        return True
    t = k[-1]
    if t.text.endswith("人"):
        return False  # 一人 is a count of people, not a time
    counted = "助数詞" in t.tag_ and t.i > 0 and doc[t.i - 1].pos_ == "NUM"  # 24日, 3月
    return t.tag_.endswith("副詞可能") or counted or t.text in ("日", "月", "年", "時", "分", "頃", "ごろ")


def _plain_noun(doc: Doc, end: int) -> bool:
    """Does the phrase ending at ``end`` end in an ordinary noun (男性, 専門家), not a time word?"""
    k = doc.char_span(end - 1, end, alignment_mode="expand")
    if k is None:
        return False
    t = k[-1]
    return t.pos_ == "NOUN" and t.tag_.startswith("名詞-普通名詞") and not _time_word(doc, end)


def _speaker_noun(ctx: Ctx, end: int) -> bool:
    """Does the phrase ending at ``end`` end in a noun that can name someone who speaks (男性,
    住民, 担当|者, 広報|部), not a thing (今回の措置, 会話) or a time?"""
    k = ctx.doc.char_span(end - 1, end, alignment_mode="expand")
    if k is None or _time_word(ctx.doc, end):
        return False
    t = k[-1]
    if t.pos_ not in ("NOUN", "PROPN", "PRON") and not t.tag_.startswith(_NOMINAL_TAGS):
        return False
    lex = ctx.lex
    word = t.text
    if word in lex.speaker_nouns or word in lex.titles or word in lex.org_roles:
        return True
    if not any(word.endswith(x) for x in lex.speaker_noun_suffixes):
        return False
    # a one-character ending counts as the end of a compound (総統|府, 担当|者), not alone
    return len(word) > 1 or t.tag_.startswith("接尾辞") or (t.i > 0 and ctx.doc[t.i - 1].pos_ in ("NOUN", "PROPN"))


def _media(ctx: Ctx, words: str) -> bool:
    """Do the words name a news outlet (〜新聞, 〜通信, 米紙X)?"""
    words = words.strip()
    return words.endswith(tuple(ctx.lex.media_suffixes)) or bool(re.match(r"^\w{0,3}[紙誌]", words))


def _reports(ctx: Ctx, cue: Cue) -> bool:
    """Is the cue one an outlet speaks through (と報じた, としている, という) rather than a speaker's own
    act (と語った, ことを明らかにした)?"""
    if cue.rule in ("direct.toiu", "direct.tomono"):
        return True
    v = ctx.lex.verb(ctx.doc[cue.token].lemma_) if 0 <= cue.token < len(ctx.doc) else None
    return v is not None and v.reports


def _occasion(ctx: Ctx, site: Site, s: int, e: int, cands: list[Cand]) -> Speaker | None:
    """Xの会見で「…」, Xのブログで「…」: the owner of the occasion speaks, when no subject follows it."""
    sp = ctx.span(s, e) if e > s else None
    if sp is None or not len(sp):
        return None
    occasions = tuple(o + "で" for o in ctx.lex.voice_occasions)
    phrases = ga.bunsetu_spans(sp)
    for k in range(len(phrases) - 1, 0, -1):
        b = phrases[k]
        words = b.text.rstrip("、, ")
        if not words.endswith(occasions) or any(ch in words for ch in BRACKETS):
            continue
        if any(c.start >= b.end_char and (c.entity_like or _speaker_noun(ctx, c.end)) for c in cands):
            return None  # Xの会見で、記者が「…」: the subject after the occasion speaks
        g = phrases[k - 1]
        gt = g.text.rstrip("、")
        if not gt.endswith("の") or any(ch in gt for ch in BRACKETS):
            return None
        i = k - 1
        while i > 0 and _bare_nominal(phrases[i - 1]) and phrases[i - 1].end_char == phrases[i].start_char:
            i -= 1
        os_, oe = phrases[i].start_char, g.start_char + len(gt) - 1
        if not ctx.overlaps(os_, oe) and not title_in(ctx, ctx.text[os_:oe]):
            return None
        found = make(ctx, os_, oe, "speaker.occasion", e)
        return found if found.entity is not None else None
    return None


# -- from words to an entity -------------------------------------------------------------------------
def resolve(ctx: Ctx, c: Cand, rule: str, prev: list[Found], g: int, pos: int) -> Speaker:
    """The speaker a subject phrase names; 彼/同氏 may point back to a recent speaker."""
    if c.pronoun and not mention_in(ctx, c.start, c.end):
        want = same_type(ctx, ctx.text[c.start:c.end])
        if want != "ORG":
            types = {m[2]: m[4] for m in ctx.mentions}
            for f in reversed(prev):
                if f.speaker is not None and f.speaker.entity and f.sent >= g - 2 \
                        and (want is None or types.get(f.speaker.entity) == want):
                    sp = f.speaker
                    return Speaker(c.start, c.end, rule + "+pronoun", sp.entity, ctx.text[c.start:c.end])
    return make(ctx, c.start, c.end, rule, pos)

