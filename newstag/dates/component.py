"""``newstag_dates``: temporal expressions normalised against the publication date.

Writes ``doc._.newstag_dates`` (a list of :class:`~newstag.models.DateExpr`, ids ``D1``… in text
order) and ``doc.spans["newstag_dates"]`` (label DATE/TIME/DURATION/SET, ``span.id_`` = date id;
the span is the smallest token span covering the expression, the DateExpr keeps exact character
offsets). Only the title and body (:func:`~newstag.doc_state.regions`) are tagged. The rules are
documented in :mod:`newstag.dates.resolve`; extraction is in :mod:`newstag.dates.extract`.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..doc_state import ensure_extensions, regions
from ..ginza_adapter import has_bunsetu
from ..models import DateExpr
from .extract import Candidate, find_candidates
from .lexicon import DateLexicon, load_lexicon
from .resolve import TenseFn, resolve
from .tense import tense_function, text_tense


def tag_text(
    text: str,
    published: dt.date | None = None,
    *,
    lexicon: DateLexicon | None = None,
    ranges: list[tuple[int, int]] | None = None,
    tense: TenseFn | None = None,
) -> list[DateExpr]:
    """Find and normalise the temporal expressions of plain text (no parse needed).

    Args:
        text: the text.
        published: publication date (reference for relative and incomplete dates), or None.
        lexicon: the lexicon (default: the one shipped with newstag).
        ranges: ``(start, end)`` character ranges to tag (default: all of ``text``).
        tense: ``f(start, end) -> "past" | "future" | None`` for the clause of a date; default
            the parse-free :func:`~newstag.dates.tense.text_tense`.
    """
    lex = lexicon or load_lexicon()
    spans = ranges if ranges is not None else [(0, len(text))]
    cands: list[Candidate] = []
    for s, e in spans:
        for c in find_candidates(text[s:e], lex):
            c.start += s
            c.end += s
            cands.append(c)
    fn = tense or (lambda a, b: text_tense(lex, text, a, b))
    first = spans[0][0] if spans else 0
    out = resolve(lex, text, cands, published, fn, first_region_start=first)
    return [
        DateExpr(id=f"D{i}", start=r.start, end=r.end, text=text[r.start:r.end], type=r.type, value=r.value, rule=r.rule)
        for i, r in enumerate(out, 1)
    ]


def _as_date(value: object) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value  # type: ignore[return-value]
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise ValueError(f"doc._.newstag_published must be a datetime.date, an ISO date string or None, not {value!r}")


class DatesComponent:
    """Tags temporal expressions; see the module docstring."""

    def __init__(self, nlp: Language, name: str, *, lexicon: str | None = None) -> None:
        self.name = name
        self.lexicon = load_lexicon(lexicon)
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        published = _as_date(doc._.newstag_published)
        spans = [(sp.start_char, sp.end_char) for sp in regions(doc)]
        dates = tag_text(doc.text, published, lexicon=self.lexicon, ranges=spans,
                         tense=tense_function(self.lexicon, doc, has_bunsetu(doc)))
        group: list[Span] = []
        for d in dates:
            sp = doc.char_span(d.start, d.end, label=d.type, alignment_mode="expand", span_id=d.id)
            if sp is not None:
                group.append(sp)
        doc._.newstag_dates = dates
        doc.spans["newstag_dates"] = group
        return doc


@Language.factory(
    "newstag_dates",
    default_config={"lexicon": None},
    assigns=["doc.spans", "doc._.newstag_dates"],
)
def make_dates(nlp: Language, name: str, lexicon: str | None) -> DatesComponent:
    """Factory of ``newstag_dates``; ``lexicon`` is the path of a user lexicon JSON (None: built-in)."""
    return DatesComponent(nlp, name, lexicon=lexicon)
