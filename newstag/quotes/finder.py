"""Find quoted speech in a parsed Doc and attribute it to its speaker.

Direct quotes are bracket pairs (「…」, 『…』, ｢…｣ at top level) told apart from names, titles and
terms by what stands around them (the frames below, their words in ``data/cues.json``):

- ``direct.to``: 」+ the quotative と + a reporting verb or noun (と述べた, と批判した, と説明。);
  ``direct.to_speech``: speech-like words + と + an unlisted verb (と胸を張った), a noun predicate
  (と低姿勢だった) or a verbal noun ending the clause (と復帰を要望。);
- ``direct.opinion``: 「…」との<opinion noun>+verb (との見方を示した, との証言を得た);
- ``direct.voice``: 「…」という/といった/と…する + a noun for said words (という声が上がった);
- ``direct.toiu``: hearsay 「…」という。 / 「…」ということです; ``direct.tomono``: Xの証言は「…」というもの;
- ``direct.koto``: 「…」ことを明らかにした / ことも示唆した;
- ``….kou``: 「…」。X氏はこう語った; ``direct.lead_in``: X氏は次のように語った。「…」。「…」
  (and a paragraph that is only a quote after a sentence ending in a reporting verb);
- ``direct.label``: a paragraph (近所の住民) naming the speaker of the quote paragraph after it;
- ``direct.coordinated``: 「A」、Y氏も「B」と語った: A shares B's cue, each keeps its own subject;
- ``direct.bare_end``: X知事は記者団に「…」。: speech closing a sentence whose named topic or
  subject speaks (no cue; a thing as topic, スローガンは「…」。, is no speaker).

Adjacent brackets before one cue (「A」「B」と語った) are separate quotes with one speaker; 『』 nested
in 「」 is part of the outer quote. The speaker is found by :mod:`newstag.quotes.speaker`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..doc_state import regions
from .brackets import Pair, chains, matched_pairs, sentence_stops, top_level
from .context import (
    KATAKANA_NAME,
    OPEN,
    STOP_TOKENS,
    Ctx,
    Cue,
    Found,
    Speaker,
    attributive,
    inflection,
    make_ctx,
    passive_after,
    sentence_of,
    skip_adnominal,
    speechlike,
    split_sentences,
    verb_group_end,
)
from .lexicon import CueLexicon
from .naming import make
from .speaker import Site, candidates, speaker_of, subject_speaker

_WINDOW = 20  # tokens searched after と for the cue
# 「…」ということです (NHK), 「…」ということだ: hearsay quoting the bracket itself
_HEARSAY = ("ことです。", "ことだ。", "ことである。", "ことでした。")
_KOU = re.compile(r"^[^「」『』｢｣。]*?(こう|このように|次のように|そう|そのように)")
_KOTO = re.compile(r"^(?:こと|事)(?:を|も|は|が)?")
_COORDINATED = re.compile(r"^と?、\s*(?:また|さらに|一方|一方で|他方)?、?[^。「」『』｢｣、]{1,24}(?:は|も|が)、?$")
_LABEL = re.compile(r"^\s*[（(]([^（）()「」。]{1,20})[）)]\s*$")
_COPULA = ("だ", "です", "でし", "だっ", "である", "でござい")


@dataclass
class _Sentence:
    """A sentence of the doc (global index = position in the list), for cues before their quotes."""

    site: Site
    si: int


def find_quotes(doc: Doc, lex: CueLexicon) -> list[Found]:
    """All direct quotes of the doc's regions, with cue and speaker."""
    if not len(doc):
        return []
    ctx = make_ctx(doc, lex)
    titles = {(sp.start_char, sp.end_char) for sp in doc.spans["newstag_title"]} if "newstag_title" in doc.spans else set()
    found: list[Found] = []
    sentences: list[_Sentence] = []
    leads: dict[int, tuple[Cue | None, Speaker | None, str] | None] = {}  # sentence → what reports its next sentence
    offset = 0  # sentences in earlier regions, so that sentence numbers run across paragraphs
    for r, region in enumerate(regions(doc)):
        base, text = region.start_char, region.text
        tops = top_level(matched_pairs(text))
        bounds = split_sentences(len(text), sentence_stops(text, tops))
        site = Site(base, text, tops, bounds, r, offset)
        sentences.extend(_Sentence(site, si) for si in range(len(bounds)))
        is_title = (region.start_char, region.end_char) in titles
        groups = chains(tops, text) if tops else []
        cues = [_classify(ctx, site, gr, is_title) for gr in groups]
        limits: list[int | None] = [None] * len(groups)
        for i in range(len(groups) - 1):
            nxt = cues[i + 1]
            if cues[i] is None and nxt is not None and not is_title and _coordinated(text, groups[i], groups[i + 1]):
                # 「A」、Y氏も「B」と語った: A shares B's cue; the words between name B's speaker
                cues[i] = replace(nxt, rule="direct.coordinated")
                limits[i] = base + groups[i][-1].close + 1
        for group, cue, limit in zip(groups, cues, limits, strict=True):
            si = sentence_of(bounds, group[0].open)
            g = offset + si
            rule = cue.rule if cue else ""
            speaker = None
            if cue is not None:
                speaker = speaker_of(ctx, site, group, si, cue, found, limit)
            elif not is_title and _standalone(text, bounds[si], group):
                lead = _lead(ctx, sentences, leads, g - 1, found)
                if lead is None:
                    continue
                cue, speaker, rule = lead
                leads[g] = lead  # 「…」。「…」: the next quote sentence has the same lead
            elif not is_title and (speaker := _bare_end(ctx, site, si, group, found)) is not None:
                rule = "direct.bare_end"  # X社は取材に「…」。: the quote is the sentence's predicate
            else:
                continue
            for p in group:
                found.append(Found(base + p.open + 1, base + p.close, "direct", cue, rule, speaker, g, r))
        offset += len(bounds)
    return found


# -- is this bracket chain speech? -----------------------------------------------------------------
def _name_like(ctx: Ctx, text: str, p: Pair) -> bool:
    """A bracketed name: 米紙「…」, SNS「…」, or a bare katakana/Latin name."""
    inner = text[p.open + 1:p.close]
    if KATAKANA_NAME.match(inner):
        return True
    before = text[max(0, p.open - 8):p.open]
    return any(before.endswith(n) for n in ctx.lex.media_nouns)


def _after_re(lex: CueLexicon) -> re.Pattern[str]:
    aux = "|".join(sorted((re.escape(a) for a in lex.speech_auxiliaries), key=len, reverse=True))
    return re.compile(rf"^(?:{aux}|[―—…‥ー]+)*(と)")


_AFTER_CACHE: dict[int, re.Pattern[str]] = {}


def _classify(ctx: Ctx, site: Site, group: list[Pair], is_title: bool) -> Cue | None:
    """The reporting cue that makes this chain speech, or None when it is a name or a term."""
    lex = ctx.lex
    text, base = site.text, site.base
    pat = _AFTER_CACHE.get(id(lex))
    if pat is None:
        pat = _AFTER_CACHE[id(lex)] = _after_re(lex)
    last = group[-1]
    inner = [(base + p.open + 1, base + p.close) for p in group]
    speech = any(speechlike(ctx, s, e) for s, e in inner)
    if not speech and any(_name_like(ctx, text, p) for p in group):
        return None
    after = text[last.close + 1:]
    here = base + last.close + 1
    if after.startswith("という") and speech and not is_title:
        if after[3:4] in ("。", "") or after[3:].startswith(_HEARSAY):
            return Cue(here, here + 3, "direct.toiu", ctx.tok(here).i)
        if after[3:].startswith("もの") and _statement_topic(ctx, site, group):
            # ある被告の証言は「…」というもので: the words of a statement noun
            return Cue(here, here + 5, "direct.tomono", ctx.tok(here).i)
    m = pat.match(after)
    if not m:
        if speech and not is_title:
            if after[:1] == "。":
                return _kou(ctx, here + 1, base + len(text))
            k = _KOTO.match(after)
            if k:
                return _koto(ctx, here + k.end(), base + len(text))
        return None
    to_char = here + m.start(1)
    to_tok = ctx.tok(to_char)
    if to_tok.idx != to_char or not to_tok.text.startswith("と"):
        return None
    nxt = here + m.end(1)
    if ctx.text[nxt:nxt + 1] == "の":
        return _opinion(ctx, to_tok, min(len(ctx.doc), to_tok.i + 1 + _WINDOW)) if speech and not is_title else None
    return _after_to(ctx, site, to_tok, speech, is_title, inner[-1])


def _after_to(ctx: Ctx, site: Site, to_tok: Token, speech: bool, is_title: bool, last_inner: tuple[int, int]) -> Cue | None:
    """The cue after 「…」と: a reporting verb or noun within the clause."""
    lex, doc = ctx.lex, ctx.doc
    sent_end = site.base + len(site.text)
    limit = min(len(doc), to_tok.i + 1 + _WINDOW)
    j = to_tok.i + 1
    while j < limit:
        t = doc[j]
        if t.idx >= sent_end or t.text in STOP_TOKENS:
            break
        if t.text in OPEN:
            skip = _object_bracket(ctx, site, t)
            if skip is None:
                break
            limit = min(len(doc), limit + skip - j)
            j = skip  # 「…」と「遺憾の意」を表明した: a bracketed object on the way to the cue
            continue
        if t.text == "、" and j > to_tok.i + 1 and doc[j - 1].pos_ in ("VERB", "AUX", "SCONJ"):
            break
        lemma = t.lemma_
        if lemma in lex.naming_verbs:
            return None
        v = lex.verb(lemma)
        if v is None:
            if not speech and t.pos_ == "VERB" and inflection(t).startswith("終止形"):
                return None  # 名称を「X」と改めると発表: と belongs to the verb that ends its clause
            j += 1
            continue
        if v.adjacent_only and j != to_tok.i + 1:
            j += 1
            continue
        if v.needs_speech and not speech:
            return None
        if v.adjacent_only and passive_after(doc, j):
            return None  # 「…」とされる: hearsay with nobody saying it
        if v.predicative_only and j > to_tok.i + 1 and doc[j - 1].text == "と":
            j += 1
            continue  # 「…」と通報があったということです: a hearsay frame over a clause of its own
        if (v.predicative_only or not speech) and attributive(doc, j):
            if speech and not is_title and _voice_noun(ctx, j):
                return Cue(to_tok.idx, verb_group_end(doc, j), "direct.voice", j, carries=False)
            return None  # 「…」という機運, 「…」と書かれた看板: the bracket names a thing
        if is_title and (v.needs_speech or not speech):
            return None
        start = to_tok.idx if v.adjacent_only else t.idx
        return Cue(start, verb_group_end(doc, j), v.id, j, agentive=not passive_after(doc, j))
    if speech and not is_title and last_inner[1] - last_inner[0] >= 5:
        return _unlisted(ctx, to_tok, limit)
    return None


def _unlisted(ctx: Ctx, to_tok: Token, limit: int) -> Cue | None:
    """「…」と胸を張った, と低姿勢だった, と復帰を要望。: speech with an unlisted reporting phrase."""
    doc = ctx.doc
    for j in range(to_tok.i + 1, limit):
        t = doc[j]
        if t.text in ("。", "「", "『", "｢") or t.text in STOP_TOKENS:
            break
        if t.pos_ == "VERB":
            if attributive(doc, j):
                if _voice_noun(ctx, j):
                    return Cue(to_tok.idx, verb_group_end(doc, j), "direct.voice", j, carries=False)
                return None  # 「…」という機運, 「…」とする理由: the bracket describes a noun
            return Cue(t.idx, verb_group_end(doc, j), "direct.to_speech", j, agentive=not passive_after(doc, j))
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        if t.pos_ in ("NOUN", "ADJ") and nxt is not None:
            if nxt.pos_ == "AUX" and nxt.text.startswith(_COPULA) and (j + 2 >= len(doc) or doc[j + 2].pos_ in ("AUX", "PUNCT")):
                return Cue(t.idx, verb_group_end(doc, j), "direct.to_manner", j)  # と低姿勢だった
            if "サ変可能" in t.tag_ and nxt.text in ("。", "、") and j > to_tok.i + 1:
                return Cue(t.idx, t.idx + len(t.text), "direct.to_noun", j)  # と復帰を要望。
    return None


def _object_bracket(ctx: Ctx, site: Site, t: Token) -> int | None:
    """Token index after a bracketed object (「遺憾の意」を) met on the way to a cue; None when the
    bracket is a quote of its own (followed by と) or not a closed pair."""
    rel = t.idx - site.base
    p = next((p for p in site.tops if p.open == rel), None)
    if p is None:
        return None
    after = site.text[p.close + 1:p.close + 2]
    if after not in ("を", "が", "の", "に"):
        return None
    return ctx.tok(site.base + p.close + 1).i


def _voice_noun(ctx: Ctx, j: int) -> bool:
    """Does the verb at j (いう, といった, 指摘する) modify a noun for said words (声, 証言, 電話)?"""
    doc = ctx.doc
    voice = ctx.lex.voice_nouns
    k = j + 1
    while k < len(doc) and doc[k].pos_ in ("AUX", "SCONJ"):
        k += 1
    k = skip_adnominal(doc, k)
    head = None
    while k < len(doc) and k < j + 6:
        t = doc[k]
        if t.pos_ in ("NOUN", "PROPN"):
            head = t
        elif t.pos_ == "ADP" and t.text != "の" and k + 1 < len(doc) and doc[k + 1].text == "の":
            k += 1  # 利用者|から|の|苦情: a case particle before the genitive
        elif not (t.text == "の" and t.pos_ == "ADP"):
            break
        k += 1
    if head is not None and head.lemma_ in voice:
        return True
    v = doc[j]
    if v.dep_ == "acl" and v.head.i > j and v.head.lemma_ in voice and v.head.i - j <= 12:
        return True
    # といった|直接の購入を求める|声が: a relative clause between the frame and the voice noun
    for m in range(k, min(len(doc), j + 14)):
        t = doc[m]
        if t.text in ("、", "。") or t.text in OPEN:
            return False
        if t.pos_ == "VERB" and not attributive(doc, m):
            return False
        if t.lemma_ in voice and t.pos_ == "NOUN" and m > 0 and doc[m - 1].pos_ in ("VERB", "AUX", "ADJ"):
            return True
    return False


def _statement_topic(ctx: Ctx, site: Site, group: list[Pair]) -> bool:
    """Is the chain's sentence about a statement (Xの証言は「…」というもの)?"""
    si = sentence_of(site.bounds, group[0].open)
    s = site.base + site.bounds[si][0]
    cands = candidates(ctx, site, s, site.base + group[0].open)
    return any(c.particle == "は" and ctx.text[c.start:c.end].endswith(tuple(ctx.lex.voice_nouns + ctx.lex.opinion_nouns)) for c in cands)


def _kou(ctx: Ctx, start: int, limit_char: int) -> Cue | None:
    """「…」。X氏はこう語った: the next sentence reports the quote with こう."""
    doc = ctx.doc
    m = _KOU.match(ctx.text[start:limit_char])
    if not m:
        return None
    k = ctx.tok(start + m.end(1)).i
    for j in range(k, min(len(doc), k + 6)):
        t = doc[j]
        if t.text in ("。", "「", "『", "｢"):
            break
        v = ctx.lex.verb(t.lemma_)
        if v is not None and not v.needs_speech:
            return Cue(t.idx, verb_group_end(doc, j), v.id + ".kou", j)
    return None


def _koto(ctx: Ctx, start: int, limit_char: int) -> Cue | None:
    """「…」ことを明らかにした, ことも示唆した: a reporting verb whose object is the quoted clause."""
    doc = ctx.doc
    k = ctx.tok(start).i
    for j in range(k, min(len(doc), k + 8)):
        t = doc[j]
        if t.idx >= limit_char or t.text in OPEN or t.text in STOP_TOKENS:
            break
        if t.text == "、" and j > k and doc[j - 1].pos_ in ("VERB", "AUX", "SCONJ"):
            break
        v = ctx.lex.verb(t.lemma_)
        if v is None or v.needs_speech or v.adjacent_only or v.predicative_only:
            continue
        nxt = doc[j + 1:j + 3]
        if any(x.lemma_ == "なる" for x in nxt) or passive_after(doc, j):
            return None  # 「…」ことが明らかになった: nobody says it
        return Cue(t.idx, verb_group_end(doc, j), "direct.koto", j)
    return None


def _opinion(ctx: Ctx, to_tok: Token, limit: int) -> Cue | None:
    """「…」との見方を示した, との証言を得た: an opinion noun completed by a reporting verb."""
    doc = ctx.doc
    j = to_tok.i + 1
    if j >= len(doc) or doc[j].text != "の":
        return None
    for k in range(j + 1, min(limit, j + 4)):
        if doc[k].lemma_ in ctx.lex.opinion_nouns:
            for v in range(k + 1, min(limit, k + 4)):
                if doc[v].lemma_ in ctx.lex.opinion_verbs:
                    hears = doc[v].lemma_ in ctx.lex.receiving_verbs
                    return Cue(doc[k].idx, verb_group_end(doc, v), "direct.opinion", v, agentive=not hears)
                if doc[v].text in ("。", "、"):
                    return None
            return None
    return None


# -- quotes whose cue stands before them -------------------------------------------------------------
def _coordinated(text: str, a: list[Pair], b: list[Pair]) -> bool:
    """「A」、Y氏も「B」と… : only a new subject (and また) stands between two chains."""
    return bool(_COORDINATED.match(text[a[-1].close + 1:b[0].open]))


_BARE_RULES = ("speaker.topic", "speaker.subject", "speaker.first_topic", "speaker.source")


def _bare_end(ctx: Ctx, site: Site, si: int, group: list[Pair], found: list[Found]) -> Speaker | None:
    """X社は取材に「現時点ではお答えできない」。: speech closing a sentence that names its speaker
    (a topic or subject before it, no verb after it) is a quote of that speaker; None otherwise."""
    text, base = site.text, site.base
    s, e = site.bounds[si]
    first, last = group[0], group[-1]
    if text[last.close + 1:e].strip() not in ("", "。") or not text[s:first.open].strip(" 　、"):
        return None
    if any(_name_like(ctx, text, p) for p in group):
        return None
    if not all(speechlike(ctx, base + p.open + 1, base + p.close) for p in group):
        return None
    probe = Cue(base + last.close + 1, base + last.close + 1, "direct.bare_end", ctx.tok(base + last.close).i, carries=False)
    sp = subject_speaker(ctx, site, si, base + s, base + first.open, probe, found)
    if sp is None or not sp.rule.startswith(_BARE_RULES):
        return None
    return sp if sp.entity is not None else None


def _standalone(text: str, sentence: tuple[int, int], group: list[Pair]) -> bool:
    """Is the chain a sentence of its own (「…」。, 「…」「…」)?"""
    s, e = sentence
    return not text[s:group[0].open].strip() and text[group[-1].close + 1:e].strip() in ("", "。")


def _lead(ctx: Ctx, sentences: list[_Sentence], leads: dict, g: int, found: list[Found]) -> tuple[Cue | None, Speaker | None, str] | None:
    """What reports a stand-alone quote sentence from the sentence before it (number ``g``): a
    lead-in (X氏は次のように語った。), a sentence ending in a reporting verb before a quote
    paragraph, or a speaker label paragraph ((近所の住民)); None when nothing does."""
    if g < 0 or g >= len(sentences):
        return None
    if g in leads:
        return leads[g]
    leads[g] = None
    sent = sentences[g]
    site, si = sent.site, sent.si
    s, e = site.bounds[si]
    words = site.text[s:e]
    label = _LABEL.match(words)
    if label and len(site.bounds) == 1:
        ls, le = site.base + s + label.start(1), site.base + s + label.end(1)
        sp = make(ctx, ls, le, "speaker.label", ls)
        leads[g] = (None, sp, "direct.label")
        return leads[g]
    if any(site.base + s <= f.start < site.base + e for f in found):
        return None  # a sentence with quotes of its own reports those
    cue = _lead_cue(ctx, site, si)
    if cue is None:
        return None
    before_cue = ctx.text[site.base + s:cue.start].rstrip("、 　")
    marked = before_cue.endswith(tuple(ctx.lex.lead_in_markers))
    if not marked and si != len(site.bounds) - 1:
        return None  # …と言った。「…」 within one paragraph: too loose without 次のように
    sp = subject_speaker(ctx, site, si, site.base + s, cue.start, cue, found)
    leads[g] = (cue, sp, "direct.lead_in")
    return leads[g]


def _lead_cue(ctx: Ctx, site: Site, si: int) -> Cue | None:
    """The reporting verb ending sentence ``si`` (…次のように語った。 / …がやって来て言った。)."""
    doc = ctx.doc
    s, e = site.bounds[si]
    sp = ctx.span(site.base + s, site.base + e)
    if sp is None:
        return None
    toks = [t for t in sp if t.pos_ not in ("PUNCT", "SPACE") or t.text in (":", "：")]
    k = len(toks) - 1
    while k >= 0 and (toks[k].pos_ in ("AUX", "SCONJ") or toks[k].text in (":", "：")):
        k -= 1
    if k < 0:
        return None
    t = toks[k]
    v = ctx.lex.verb(t.lemma_)
    if v is None or v.needs_speech or v.adjacent_only or t.pos_ not in ("VERB", "NOUN") or passive_after(doc, t.i):
        return None
    if inflection(t).startswith("連体形") and k + 1 < len(toks) and toks[k + 1].pos_ == "NOUN":
        return None
    return Cue(t.idx, verb_group_end(doc, t.i), "direct.lead_in", t.i)
