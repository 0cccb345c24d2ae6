"""``newstag_quotes``: quoted statements, their speakers, and one STATEMENT event per quote."""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..doc_state import ensure_extensions, sentence_bounds
from ..models import Event, Participant, Quote, TextSpan
from .finder import Found, find_quotes
from .indirect import find_indirect
from .lexicon import CueLexicon, load_lexicon

#: CAMEO 010 "make statement"
STATEMENT_CAMEO = "010"


class QuotesComponent:
    """Tag direct quotes (and, when ``indirect`` is set, reported speech) with their speakers.

    Args:
        cues: path of a cue lexicon JSON file (see ``newstag/quotes/data/cues.json``); None uses
            the shipped one.
        indirect: also report bracket-less speech (〜と述べた) as ``kind="indirect"`` quotes.
            Off by default: news annotation usually lists quoted words only, and reported clauses
            are hard to delimit exactly.
    """

    def __init__(self, nlp: Language, name: str, *, cues: str | None = None, indirect: bool = False) -> None:
        if cues is not None and not isinstance(cues, str):
            raise TypeError(f"cues must be a path string or None, got {type(cues).__name__}")
        self.name = name
        self.indirect = bool(indirect)
        self.lexicon: CueLexicon = load_lexicon(cues)
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        found = find_quotes(doc, self.lexicon)
        if self.indirect:
            found += find_indirect(doc, self.lexicon, found)
        found.sort(key=lambda f: (f.start, f.end))
        quotes, events, spans = to_results(doc, found)
        doc._.newstag_quotes = quotes
        doc._.newstag_events = events
        doc.spans["newstag_quotes"] = spans
        return doc


def to_results(doc: Doc, found: list[Found]) -> tuple[list[Quote], list[Event], list[Span]]:
    """Number the quotes Q1…, build their STATEMENT events and span group."""
    text = doc.text
    sent_starts = [s for s, _ in sentence_bounds(doc)]
    quotes: list[Quote] = []
    events: list[Event] = []
    spans: list[Span] = []
    for n, f in enumerate(found, 1):
        qid = f"Q{n}"
        sp = f.speaker
        sentence = bisect_right(sent_starts, f.start) - 1 if sent_starts else None
        q = Quote(
            id=qid,
            start=f.start,
            end=f.end,
            text=text[f.start:f.end],
            speaker=sp.entity if sp else None,
            speaker_text=sp.text if sp else None,
            cue=text[f.cue.start:f.cue.end] if f.cue else None,
            kind=f.kind,  # type: ignore[arg-type]
            sentence=sentence if sentence is not None and sentence >= 0 else None,
            rule=f"{f.rule}|{sp.rule if sp else 'speaker.none'}",
            cue_span=TextSpan(start=f.cue.start, end=f.cue.end, text=text[f.cue.start:f.cue.end]) if f.cue else None,
            cue_rule=f.rule,
            speaker_span=TextSpan(start=sp.start, end=sp.end, text=text[sp.start:sp.end]) if sp else None,
            speaker_rule=sp.rule if sp else "speaker.none",
        )
        quotes.append(q)
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is not None:
            spans.append(Span(doc, span.start, span.end, label=f.kind.upper(), span_id=qid))
        if f.cue is not None:
            events.append(Event(
                id=f"V{n}",
                type="STATEMENT",
                trigger=TextSpan(start=f.cue.start, end=f.cue.end, text=text[f.cue.start:f.cue.end]),
                participants=[Participant(entity=sp.entity, role="speaker")] if sp and sp.entity else [],
                quote=qid,
                cameo=STATEMENT_CAMEO,
                status="occurred",
                rule=f.rule,
            ))
    return quotes, events, spans


@Language.factory(
    "newstag_quotes",
    default_config={"cues": None, "indirect": False},
    assigns=["doc.spans", "doc._.newstag_quotes", "doc._.newstag_events"],
)
def make_quotes(nlp: Language, name: str, cues: str | None, indirect: bool) -> QuotesComponent:
    return QuotesComponent(nlp, name, cues=cues, indirect=indirect)
