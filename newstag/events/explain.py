"""Why an event was found or missed: gold events beside the predicted ones.

``python -m newstag.evaluate events GOLD.json [GOLD.json ...]`` tags each gold file's article and
prints every gold event with the predicted event it matches (and whether date and status agree),
or why it was missed:

- ``wrong entity``: a gold participant is not among the article's entities, or a trigger of the
  type built an event with other participants;
- ``trigger but no argument``: a trigger of the type stands in a sentence naming a participant
  but gave no event (the reason the extractor recorded is shown);
- ``no trigger``: no trigger of the type where the participants are named.

Then the predicted events that match no gold event (with their rule ids and evidence). Matching
follows the news scorer's conventions: same type and the same set of participants, a participant
matching when a name or mention of its entity equals a gold name (a title or honorific of up to
six characters may stand next to the name); optional gold events are neither hits nor misses.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from ..models import Article, Event

TYPED = ("CALL", "MEETING", "VISIT", "AGREEMENT", "POSITION")
_TALKS = {"CALL", "MEETING"}


def _nf(s: str | None) -> str:
    return unicodedata.normalize("NFKC", s or "").replace(" ", "")


def name_match(pred: Sequence[str], gold: Sequence[str], exact: bool = False) -> bool:
    """A predicted name matches a gold name when equal, or (not exact) when it is the gold name with
    a short title or honorific before or after it (ゼレンスキー大統領)."""
    for g in map(_nf, gold):
        for n in map(_nf, pred):
            if n == g or (not exact and len(g) >= 2 and (n.startswith(g) or n.endswith(g)) and len(n) - len(g) <= 6):
                return True
    return False


@dataclass
class GoldCheck:
    """One gold event and what the tagger made of it."""

    gold: dict[str, Any]
    matched: Event | None = None
    kind: str = ""  # '' (found), 'wrong entity', 'trigger but no argument', 'no trigger'
    detail: list[str] = field(default_factory=list)


@dataclass
class FileReport:
    """The explanation of one gold file."""

    path: str
    article: Article
    checks: list[GoldCheck]
    spurious: list[Event]
    names: dict[str, list[str]]

    @property
    def pairs(self) -> list[tuple[Event, dict[str, Any]]]:
        return [(c.matched, c.gold) for c in self.checks if c.matched is not None]


def tag_with_doc(tagger, text: str, published: str | None) -> tuple[Doc, Article]:
    """Tag one text and keep its Doc (the trigger trace needs it). Uses the Tagger's own steps."""
    from ..convert import doc_to_article
    from ..ginza_adapter import concat_docs, gap_doc
    from ..segment.component import set_layout

    prep = tagger._prepare(text, published, None, None)
    parsed = iter(tagger._parse([prep.text[s:e] for s, e, parse in prep.pieces if parse]))
    docs = [next(parsed) if parse else gap_doc(tagger.nlp.vocab, prep.text[s:e]) for s, e, parse in prep.pieces]
    doc = concat_docs(docs) if docs else tagger.nlp.make_doc("")
    doc._.newstag_published = prep.published
    set_layout(doc, prep.layout)
    for _, proc in tagger._newstag:
        doc = proc(doc)
    art = doc_to_article(doc, text=prep.text, published=prep.published, layout=prep.layout)
    return doc, art


def explain_file(path: str | Path, tagger, texts: str | Path | None = None) -> FileReport:
    """Tag the article of a gold file and explain each gold event (see the module docstring)."""
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    base = Path(texts) if texts else Path(path).parent
    text = (base / gold["source"]).read_text(encoding="utf-8")
    doc, art = tag_with_doc(tagger, text, gold.get("published"))
    names = {e.id: [e.name] + [m.text for m in e.mentions] for e in art.entities}
    gold_entities = gold.get("entities", [])

    def gold_names(name: str) -> list[str]:
        for e in gold_entities:
            if name in e.get("names", []):
                return e["names"]
        return [name]

    def ok(p: Event, g: dict) -> bool:
        if p.type != g["type"] or len(p.participants) != len(g["participants"]):
            return False
        pn = [names.get(a.entity, []) for a in p.participants]
        return all(any(name_match(n, gold_names(gn)) for n in pn) for gn in g["participants"])

    preds = [e for e in art.events if e.type in TYPED]
    golds = [g for g in gold.get("events", []) if g.get("type") in TYPED]
    used: set[int] = set()
    checks = []
    for g in golds:
        c = GoldCheck(g)
        for i, p in enumerate(preds):
            if i not in used and ok(p, g):
                used.add(i)
                c.matched = p
                break
        checks.append(c)
    spurious = [p for i, p in enumerate(preds) if i not in used and not any(ok(p, g) for g in golds if g.get("optional"))]
    misses = [c for c in checks if c.matched is None]
    if misses:
        _diagnose(misses, doc, tagger, names, gold_names)
    return FileReport(str(path), art, checks, spurious, names)


def _diagnose(misses: list[GoldCheck], doc: Doc, tagger, names: dict[str, list[str]], gold_names) -> None:
    """Sort each miss into one of the three kinds, from the events component's trigger trace."""
    from .component import TriggerTrace

    comp = tagger.nlp.get_pipe("newstag_events")
    trace: list[TriggerTrace] = []
    comp.candidates(doc, trace)
    text = doc.text
    mentions: dict[str, list[tuple[int, int]]] = {}
    for e in getattr(doc._, "newstag_entities", None) or []:
        mentions[e.id] = [(m.start, m.end) for m in e.mentions]

    def entity_of(gname: str) -> list[str]:
        return [eid for eid, ns in names.items() if name_match(ns, gold_names(gname))]

    def label(eid: str) -> str:
        return names.get(eid, [eid])[0]

    for c in misses:
        g = c.gold
        typ = g["type"]
        wanted = {eid for n in g["participants"] for eid in entity_of(n)}
        untagged = [n for n in g["participants"] if not entity_of(n)]
        family = _TALKS if typ in _TALKS else {typ}
        near = []
        for t in trace:
            if t.rule.type not in family and not any(b.rule.type in family for b in t.built):
                continue
            sent = t.span.sent
            lo = sent.start_char
            if sent.start > 0:
                lo = doc[sent.start - 1].sent.start_char  # zero subjects come from the sentence before
            named_here = {eid for eid in wanted if any(lo <= s and e <= sent.end_char for s, e in mentions.get(eid, ()))}
            built_ids = {p for b in t.built for p, _ in b.participants}
            if named_here or built_ids & wanted or (not wanted and not g["participants"]):
                near.append((t, named_here, built_ids))
        trig = lambda t: f"{t.span.text}@{t.span.start_char} ({t.rule.id}{', headline' if t.headline else ''})"  # noqa: E731
        if untagged:
            c.kind = "wrong entity"
            c.detail.append("not an entity of the article: " + ", ".join(untagged))
        with_events = [x for x in near if x[0].built]
        without = [x for x in near if not x[0].built]
        for t, _, _ in with_events:
            for b in t.built:
                if b.rule.type in family:
                    who = [label(p) for p, _ in b.participants]
                    c.detail.append(f"{trig(t)} built {b.rule.type}{who} date {b.date} status {b.status}")
        for t, _, _ in without:
            c.detail.append(f"{trig(t)}: {t.why or 'no event'}")
        if not c.kind:
            if with_events:
                c.kind = "wrong entity"
            elif without:
                c.kind = "trigger but no argument"
            else:
                c.kind = "no trigger"
                sents = sorted({text[s.start_char:s.end_char].strip()[:90] for eid in wanted for s0, e0 in mentions.get(eid, ())[:3]
                                for s in [doc.char_span(s0, e0, alignment_mode="expand").sent] if s is not None})
                c.detail.extend(f"named in: {s}" for s in sents[:3])


def format_report(rep: FileReport) -> str:
    """The report of one file as text."""
    art = rep.article

    def who(ev: Event) -> list[str]:
        return [rep.names.get(p.entity, [p.entity])[0] for p in ev.participants]

    lines = [f"== {rep.path}"]
    for c in rep.checks:
        g = c.gold
        head = f"{g['type']}{g['participants']} date {g.get('date')} status {g.get('status')}"
        opt = " (optional)" if g.get("optional") else ""
        if c.matched is not None:
            p = c.matched
            marks = []
            if g.get("date") and p.date != g.get("date"):
                marks.append(f"DATE {p.date}")
            if p.status != g.get("status"):
                marks.append(f"STATUS {p.status}")
            lines.append(f"  ok    {head}{opt} <- {p.id} {p.trigger.text} [{p.rule}] {' '.join(marks)}".rstrip())
        else:
            lines.append(f"  MISS  {head}{opt}: {c.kind}")
            if g.get("note"):
                lines.append(f"        note: {g['note']}")
            lines.extend(f"        {d}" for d in c.detail)
    for p in rep.spurious:
        ev = "; ".join(f"{e.role} {e.text}" for e in getattr(p, "evidence", [])[:6])
        lines.append(f"  SPUR  {p.type}{who(p)} date {p.date} status {p.status} <- {p.trigger.text}@{p.trigger.start} [{p.rule}] {ev}".rstrip())
        s = next((s for s in art.sentences if s.start <= p.trigger.start < s.end), None)
        if s is not None:
            lines.append(f"        in: {s.text[:100]}")
    return "\n".join(lines)


def summary(reports: Sequence[FileReport]) -> dict[str, Any]:
    """Micro totals over the files: events P/R/F1, date and status accuracy, miss kinds."""
    tp = sum(1 for r in reports for c in r.checks if c.matched is not None and not c.gold.get("optional"))
    gold = sum(1 for r in reports for c in r.checks if not c.gold.get("optional"))
    pred = tp + sum(len(r.spurious) for r in reports)
    pairs = [pg for r in reports for pg in r.pairs]
    dated = [(p, g) for p, g in pairs if g.get("date")]
    p_ = tp / pred if pred else 0.0
    r_ = tp / gold if gold else 0.0
    return {
        "tp": tp, "pred": pred, "gold": gold, "p": round(p_, 3), "r": round(r_, 3),
        "f1": round(2 * p_ * r_ / (p_ + r_), 3) if p_ + r_ else 0.0,
        "date_acc": round(sum(p.date == g["date"] for p, g in dated) / len(dated), 3) if dated else None,
        "status_acc": round(sum(p.status == g.get("status") for p, g in pairs) / len(pairs), 3) if pairs else None,
        "misses": dict(Counter(c.kind for r in reports for c in r.checks if c.matched is None and not c.gold.get("optional"))),
    }


def main(paths: Sequence[str], *, texts: str | None = None, as_json: bool = False, quiet: bool = False) -> int:
    """Run the explain command over gold files; prints the reports and the totals."""
    from ..tagger import Tagger

    tagger = Tagger()
    reports = [explain_file(p, tagger, texts) for p in paths]
    if as_json:
        out = {"files": [{"path": r.path, "events": [
            {"gold": c.gold, "matched": c.matched.model_dump() if c.matched else None, "kind": c.kind, "detail": c.detail}
            for c in r.checks], "spurious": [p.model_dump() for p in r.spurious]} for r in reports], "totals": summary(reports)}
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    if not quiet:
        for r in reports:
            if not quiet:
                print(format_report(r))
    s = summary(reports)
    print(f"events P {s['p']:.3f} R {s['r']:.3f} F1 {s['f1']:.3f} (tp {s['tp']}, pred {s['pred']}, gold {s['gold']}); "
          f"date accuracy {s['date_acc']}, status accuracy {s['status_acc']} over the matched; misses {s['misses']}")
    return 0
