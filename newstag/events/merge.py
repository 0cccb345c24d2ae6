"""One event per happening: merging repeated mentions of the same event.

Two candidates describe the same happening when they have the same type, the same participants,
the same status and compatible dates (equal, or one unknown). A MEETING with the same
participants, status and a compatible date as a CALL is that call mentioned again (電話会談 …
その会談で). POSITIONs of one holder and stance merge like the others (a restatement: …の反対の姿勢は
変わらず); two stances dated on different days stay two. Headline events (title, subheadings) only
count when they repeat a body event; otherwise they are dropped, as headlines name actors loosely
(米, 露 for their leaders).
"""

from __future__ import annotations

from .extract import Candidate


def _dates_fit(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def same_happening(a: Candidate, b: Candidate) -> bool:
    if a.ids != b.ids or a.status != b.status or not _dates_fit(a.date, b.date):
        return False
    ta, tb = a.rule.type, b.rule.type
    if ta == tb == "POSITION":
        # (dates already fit) a later mention of the same holder's stance (…の反対の姿勢は変わらず) restates it
        return a.stance == b.stance
    if ta == tb:
        return True
    return {ta, tb} == {"CALL", "MEETING"}


def country_level_repeat(a: Candidate, b: Candidate, affiliation: dict[str, str | None], countries: set[str]) -> bool:
    """Is ``a`` (between countries: 日米首脳会談) the same happening as ``b`` (between people of
    those countries: 首相は大統領と会談)?"""
    if not a.ids or not a.ids <= countries or b.ids & countries or a.status != b.status or not _dates_fit(a.date, b.date):
        return False
    if {a.rule.type, b.rule.type} - {"CALL", "MEETING"} and a.rule.type != b.rule.type:
        return False
    if a.rule.type == "POSITION" and (a.stance != b.stance or a.sent_start != b.sent_start):
        return False  # ドイツは反対した。…ショルツ首相は懸念を示した: two stances, not one reported twice
    homes = {affiliation.get(p) for p in b.ids}
    return bool(homes & a.ids) and homes <= a.ids | {None}


def _absorb(keep: Candidate, other: Candidate) -> None:
    if keep.rule.type == "MEETING" and other.rule.type == "CALL":
        # the call is the more specific reading: take its trigger
        keep.rule, keep.start_char, keep.end_char, keep.anchor = other.rule, other.start_char, other.end_char, other.anchor
        keep.participants = other.participants
    keep.date = keep.date or other.date
    keep.place = keep.place or other.place
    keep.duration = keep.duration or other.duration
    keep.topic = keep.topic or other.topic
    keep.extra_rules.append(other.rule.id)


def merge(cands: list[Candidate], affiliation: dict[str, str | None] | None = None, countries: set[str] | None = None) -> list[Candidate]:
    """Merge candidates (in text order) into one per happening; drop unmatched headline events.

    With ``affiliation`` (person → country entity) and ``countries``, an event between countries
    is dropped when an event between people of those countries reports the same happening.
    Candidates are looked up by their participant set (same happenings share it), so merging
    stays linear in the number of candidates.
    """
    body = [c for c in cands if not c.headline]
    heads = [c for c in cands if c.headline]
    out: list[Candidate] = []
    by_ids: dict[frozenset[str], list[Candidate]] = {}
    for c in body:
        key = c.ids
        for k in by_ids.get(key, ()):
            if same_happening(k, c):
                _absorb(k, c)
                break
        else:
            out.append(c)
            by_ids.setdefault(key, []).append(c)
    if affiliation and countries:
        by_home: dict[str, list[Candidate]] = {}
        for k in out:
            if k.ids and not k.ids & countries:
                for h in {affiliation.get(p) for p in k.ids} - {None}:
                    by_home.setdefault(h, []).append(k)  # type: ignore[arg-type]
        drop = set()
        for c in out:
            if c.ids and c.ids <= countries:
                near = {id(k): k for h in c.ids for k in by_home.get(h, ())}
                if any(k is not c and country_level_repeat(c, k, affiliation, countries) for k in near.values()):
                    drop.add(id(c))
        out = [c for c in out if id(c) not in drop]
        by_ids = {}
        for c in out:
            by_ids.setdefault(c.ids, []).append(c)
    for h in heads:
        for k in by_ids.get(h.ids, ()):
            if same_happening(k, h):
                k.duration = k.duration or h.duration
                k.place = k.place or h.place
                break
    return out
