"""``newstag_events``: calls, meetings, visits, agreements and positions with their arguments.

Triggers are Matcher patterns from ``data/triggers.json`` (plus the user's ``trigger_files``),
compiled once. For each trigger the participants, place, date, status, stance and topic are read
from GiNZA's dependency tree (see :mod:`newstag.events.extract`); repeated mentions of one
happening are merged (:mod:`newstag.events.merge`). The typed events are appended to the
STATEMENT events the quotes component left in ``doc._.newstag_events``; all events are then
numbered V1… in text order and their triggers written to ``doc.spans["newstag_events"]``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..doc_state import ensure_extensions, regions, results
from ..models import Event, Participant, TextSpan
from .arguments import EntityIndex
from .extract import Candidate, Extractor
from .lexicon import Cues, TriggerRule, load_cues, load_triggers
from .merge import merge
from .when import DateIndex

DEFAULT_CONFIG: dict = {"trigger_files": []}


class EventsComponent:
    """Tag typed events.

    Args:
        trigger_files: paths of extra trigger files (same shape as ``data/triggers.json``);
            their rules are added to the shipped ones. Default: none.
    """

    def __init__(self, nlp: Language, name: str, *, trigger_files: list[str] | tuple[str, ...] = ()) -> None:
        if isinstance(trigger_files, str) or not all(isinstance(p, str) for p in trigger_files):
            raise TypeError("trigger_files must be a list of path strings")
        self.name = name
        self.rules: list[TriggerRule] = load_triggers(trigger_files)
        self.cues: Cues = load_cues()
        self.by_id = {r.id: r for r in self.rules}
        self.matcher = Matcher(nlp.vocab)
        for r in self.rules:
            self.matcher.add(r.id, [r.pattern])
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        events = [e for e in results(doc, "events") if e.type == "STATEMENT"]
        cands, ents = self.candidates(doc)
        text = doc.text
        affiliation = {e: ents.affiliation(e) for e in ents.entities}
        countries = {e for e in ents.entities if ents.is_country(e)}
        events += [to_event(text, c) for c in merge(cands, affiliation, countries)]
        events.sort(key=lambda e: (e.trigger.start, e.trigger.end))
        spans = []
        for n, ev in enumerate(events, 1):
            ev.id = f"V{n}"
            sp = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
            if sp is not None:
                spans.append(Span(doc, sp.start, sp.end, label=ev.type, span_id=ev.id))
        doc._.newstag_events = events
        doc.spans["newstag_events"] = spans
        return doc

    def matches(self, doc: Doc) -> list[tuple[TriggerRule, Span]]:
        """Trigger matches, longest first when they overlap (電話会談 over 会談)."""
        found = []
        seen: set[tuple[int, int]] = set()
        for match_id, s, e in self.matcher(doc):
            if (s, e) in seen:
                continue
            seen.add((s, e))
            sp = Span(doc, s, e, label=match_id)
            found.append(sp)
        kept = filter_spans(found)
        return [(self.by_id[doc.vocab.strings[sp.label]], sp) for sp in sorted(kept, key=lambda x: x.start)]

    def candidates(self, doc: Doc, trace: list[TriggerTrace] | None = None) -> tuple[list[Candidate], EntityIndex]:
        """Event candidates in text order (before merging), and the entity index they used.

        With ``trace`` (a list), one :class:`TriggerTrace` per trigger match is appended to it:
        what the match gave, or why it gave nothing.
        """
        ents = EntityIndex.build(doc, self.cues)
        regs = regions(doc)
        if not regs:
            return [], ents
        dates = DateIndex.build(doc, results(doc, "dates"))
        ex = Extractor(doc, self.cues, ents, dates, regs)
        found = self.matches(doc)
        for rule, sp in found:
            a = _anchor(rule, sp)
            ex.trigger_tokens.add(a.i)
            for t in ex.frame(a):
                ex.blocking.setdefault(t.i, rule)
        titles = {(t.start, t.end) for t in doc.spans["newstag_title"]} if "newstag_title" in doc.spans else set()
        heads = [(r.start, r.end) in titles or _is_subheading(r) for r in regs]
        if all(heads):  # a text of headline-like lines only (or one short line): all of it is body
            heads = [False] * len(regs)
        starts = [sp.start for _, sp in found]
        for region, headline in zip(regs, heads, strict=True):
            lo, hi = bisect_left(starts, region.start), bisect_left(starts, region.end)
            inside = [(r, sp) for r, sp in found[lo:hi] if sp.end <= region.end]
            k = 0
            for sent in region.sents:
                while k < len(inside) and inside[k][1].start < sent.start:
                    k += 1  # before the first sentence (GiNZA's sentences may start inside a region's first token)
                while k < len(inside) and inside[k][1].start < sent.end:
                    rule, sp = inside[k]
                    k += 1
                    built = ex.build(rule, sp, _anchor(rule, sp), region, headline)
                    ex.events.extend(built)
                    if trace is not None:
                        trace.append(TriggerTrace(rule, sp, headline, built, ex.why))
                ex.note_sentence(sent, region)
        _places_from_visits(ex.events)
        # a stance only expected (反発が強まることが予想される) is held by no one: no POSITION
        return [c for c in ex.events if not (c.rule.type == "POSITION" and c.frame in ex.when.expected)], ents


@dataclass
class TriggerTrace:
    """One trigger match and what it gave: the candidates built, or why none was."""

    rule: TriggerRule
    span: Span
    headline: bool
    built: list[Candidate]
    why: str


def _places_from_visits(cands: list[Candidate]) -> None:
    """Xを訪れ、Yと会談: a meeting in the same sentence as a participant's visit takes its place."""
    visits: dict[int, list[Candidate]] = {}
    for v in cands:
        if v.rule.type == "VISIT" and v.place:
            visits.setdefault(v.sent_start, []).append(v)
    for c in cands:
        if c.rule.type != "MEETING" or c.place is not None:
            continue
        for v in visits.get(c.sent_start, ()):
            if v.ids & c.ids and v.anchor < c.anchor:
                c.place = v.place


def _anchor(rule: TriggerRule, sp: Span):
    if rule.anchor is not None and 0 <= rule.anchor < len(sp):
        return sp[rule.anchor]
    return sp.root


def _is_subheading(region: Span) -> bool:
    text = region.text.strip()
    return 0 < len(text) <= 60 and not text.endswith(("。", "」", "』", ")"))


def to_event(text: str, c: Candidate) -> Event:
    """The result model of a merged candidate (``text`` is the doc's text)."""
    return Event(
        id="",
        type=c.rule.type,
        trigger=TextSpan(start=c.start_char, end=c.end_char, text=text[c.start_char:c.end_char]),
        participants=[Participant(entity=e, role=r) for e, r in c.participants],
        date=c.date,
        place=c.place,
        status=c.status,  # type: ignore[arg-type]
        stance=c.stance,  # type: ignore[arg-type]
        topic=c.topic,
        duration=c.duration,
        cameo=c.rule.cameo,
        mode=c.rule.mode,
        rule="+".join(dict.fromkeys([c.rule.id, *c.extra_rules])),
    )


@Language.factory("newstag_events", default_config=DEFAULT_CONFIG, assigns=["doc.spans", "doc._.newstag_events"])
def make_events(nlp: Language, name: str, trigger_files: list[str]) -> EventsComponent:
    return EventsComponent(nlp, name, trigger_files=trigger_files)
