"""The tense of the clause a date belongs to: past, future (scheduled) or unknown.

With a GiNZA parse, the date's clause is found by walking up the dependency heads from the
date to the first predicate, passing over reporting frames (…によると), quoted words and clause
chains left open by a continuative or subordinate form (述べ、…強調していた). The predicate is
past when た (or the resultative/progressive ている) is among its auxiliaries, perfect (a flash-back)
when ていた / ておった is; future when it is,
or depends on, a scheduling noun (予定, 方針, 見通し …) or is a plain non-past event verb
(開催される会議; not a stative one such as なる, ある); unknown otherwise. Without a parse,
:func:`text_tense` looks for the first past or future cue after the date in its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from .lexicon import DateLexicon
from .resolve import Tense

_SENTENCE_END = re.compile("[。！？!?\n]")
_PREDICATE_POS = ("VERB", "ADJ")
_MAX_STEPS = 10


def text_tense(lex: DateLexicon, text: str, start: int, end: int) -> Tense:
    """Parse-free tense: the first cue after the date, up to the end of its sentence."""
    m = _SENTENCE_END.search(text, end)
    stop = m.end() if m else len(text)
    window = text[end:stop]
    best: tuple[int, Tense] | None = None
    kinds = ((lex.text_perfect_cues, "perfect"), (lex.text_future_cues, "future"), (lex.text_past_cues, "past"))
    for cues, tense in kinds:
        for cue in cues:
            i = window.find(cue)
            if i >= 0 and (best is None or i < best[0]):
                best = (i, tense)  # type: ignore[assignment]
    return best[1] if best else None


def _aux_tail(pred: Token) -> list[Token]:
    """The auxiliaries, markers and fixed parts right after a predicate (行っ|た, 強調|し|て|い|た)."""
    out = []
    for t in pred.doc[pred.i + 1:min(len(pred.doc), pred.i + 8)]:
        if t.pos_ in ("AUX", "SCONJ") or t.dep_ in ("aux", "cop", "mark", "fixed") or (t.lemma_ == "いる" and out):
            out.append(t)
        else:
            break
    return out


def _inside_quote(text: str, date_end: int, pos: int) -> bool:
    """Whether an opening bracket between the date and pos is still open at pos."""
    between = text[date_end:pos]
    return between.count("「") > between.count("」") or between.count("『") > between.count("』")


def _is_predicate(t: Token) -> bool:
    """A verb or adjective, or a noun with a copula or auxiliary (開催される, 予定だ).

    A bare common noun the parser calls VERB (前日比) is not a predicate: its Sudachi tag says so.
    """
    if any(c.dep_ in ("cop", "aux") for c in t.children):
        return True
    return t.pos_ in _PREDICATE_POS and (not t.tag_ or not t.tag_.startswith("名詞"))


def _continues(pred: Token, tail: list[Token]) -> bool:
    """A continuative form (述べ、 / 会談し、) or て-form leaves the clause open."""
    last = tail[-1] if tail else pred
    nxt = pred.doc[last.i + 1] if last.i + 1 < len(pred.doc) else None
    if last.pos_ == "SCONJ" and not (nxt is not None and nxt.lemma_ == "いる"):
        return True  # 向かって, 取り囲まれながら: a subordinate clause takes its main clause's tense
    infl = "".join(last.morph.get("Inflection"))
    return "連用形" in infl and ((nxt is not None and nxt.text == "、") or pred.dep_ == "advcl")


def doc_tense(lex: DateLexicon, doc: Doc, start: int, end: int, text: str | None = None) -> Tense:
    """Tense of the clause governing the date at [start, end) of a parsed doc."""
    if text is None:
        text = doc.text
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span[-1]
    future = set(lex.future_predicates)
    for _ in range(_MAX_STEPS):
        head = tok.head
        if head.i == tok.i:
            return None
        tok = head
        if tok.i < span.end and tok.i >= span.start:
            continue
        if tok.lemma_ in future:
            return "future"
        if not _is_predicate(tok) or tok.lemma_ in lex.reporting_predicates or tok.dep_ == "fixed":
            continue
        if _inside_quote(text, end, tok.idx):
            continue  # the date is outside the quote: a predicate quoted after it is not its clause
        tail = _aux_tail(tok)
        lemmas = [t.lemma_ for t in tail]
        stay = next((k for k, w in enumerate(lemmas) if w in ("いる", "おる")), None)
        if stay is not None and "た" in lemmas[stay + 1:]:
            return "perfect"  # 述べていた: before the story's time
        if "た" in lemmas or stay is not None:
            return "past"
        if tok.head.lemma_ in future or any(c.lemma_ in future for c in tok.children if c.i > tok.i):
            return "future"
        if _continues(tok, tail) or (tok.dep_ == "acl" and tok.head.lemma_ in lex.simultaneous_nouns):
            continue
        if tok.pos_ == "VERB" and tok.lemma_ not in lex.stative_predicates:
            return "future"  # 開催される会議, 訪問する
        return None
    return None


def tense_function(lex: DateLexicon, doc: Doc, has_parse: bool) -> Callable[[int, int], Tense]:
    """The tense function the resolver calls: parse-based when GiNZA ran, text-based otherwise."""
    if has_parse:
        text = doc.text  # once: spaCy rebuilds Doc.text on every access
        return lambda s, e: doc_tense(lex, doc, s, e, text)
    text = doc.text
    return lambda s, e: text_tense(lex, text, s, e)
