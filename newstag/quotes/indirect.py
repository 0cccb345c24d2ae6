"""Reported speech without brackets: 〜と述べた, 〜と指摘した, 〜との見方を示した.

Only clear patterns count: a predicate, the quotative と, and a reporting verb from the lexicon
marked ``indirect``; the reported clause is the predicate's dependency subtree, cut after the
speaker's subject phrase. A clause with no speaker in its sentence is not reported.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..doc_state import regions
from .brackets import matched_pairs, sentence_stops, top_level
from .context import Cue, Found, make_ctx, split_sentences, verb_group_end
from .lexicon import CueLexicon
from .naming import make
from .speaker import TOPIC, Site, candidates

_PREDICATE_POS = ("VERB", "ADJ", "AUX")


def find_indirect(doc: Doc, lex: CueLexicon, direct: list[Found]) -> list[Found]:
    """Indirect quotes of the doc's regions (never overlapping a direct quote)."""
    if not len(doc):
        return []
    ctx = make_ctx(doc, lex)
    taken = [(f.start, f.end) for f in direct]
    out: list[Found] = []
    titles = {(sp.start_char, sp.end_char) for sp in doc.spans["newstag_title"]} if "newstag_title" in doc.spans else set()
    for r, region in enumerate(regions(doc)):
        if (region.start_char, region.end_char) in titles:
            continue
        base, text = region.start_char, region.text
        tops = top_level(matched_pairs(text))
        bounds = split_sentences(len(text), sentence_stops(text, tops))
        site = Site(base, text, tops, bounds, r, 0)
        for si, (ss, se) in enumerate(bounds):
            sent = ctx.span(base + ss, base + se)
            if sent is None:
                continue
            for to in sent:
                if to.text != "と" or to.pos_ != "ADP" or to.i == 0 or to.i + 1 >= len(doc):
                    continue
                pred = doc[to.i - 1]
                if pred.pos_ not in _PREDICATE_POS or pred.text in ("」", "』"):
                    continue
                j = to.i + 1
                v = lex.verb(doc[j].lemma_)
                if v is None or not v.indirect:
                    continue
                cands = [c for c in candidates(ctx, site, base + ss, to.idx) if c.entity_like and c.particle in TOPIC]
                if not cands:
                    continue
                subj = cands[-1]
                head = pred.head if pred.pos_ == "AUX" and pred.head.i < pred.i else pred
                start = max(head.left_edge.idx, _after_subject(doc, subj.end))
                end = to.idx
                if end - start < 4 or any(ts < end and start < te for ts, te in taken):
                    continue
                if any(ch in doc.text[start:end] for ch in "「」『』。"):
                    continue
                cue = Cue(doc[j].idx, verb_group_end(doc, j), v.id, j)
                out.append(Found(start, end, "indirect", cue, "indirect." + v.id, make(ctx, subj.start, subj.end, "speaker.topic", subj.start), si, r))
                taken.append((start, end))
    return out


def _after_subject(doc: Doc, subj_end: int) -> int:
    """First character after the subject phrase, its particle and a following comma."""
    text = doc.text
    k = subj_end
    while k < len(text) and text[k] in "はがも、, 　":
        k += 1
    return k
