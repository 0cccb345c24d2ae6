"""The order the mention rules run in, and the resolution of their overlaps: the one place that
decides which candidates become mentions.

Per region (title or paragraph, :func:`run_region`), the steps of :data:`STEPS` run in order over
one :class:`~.region.Region`; each adds candidates (``r.cands``) or drops and adjusts them, and a
later rule may read what an earlier one found. Then, over the whole doc (:func:`find_mentions`),
people named with a title or an honorific are found again where the article names them alone,
:func:`resolve` keeps the best non-overlapping candidates (priority, then length), bracketed short
forms and employers are added, and titled people get their affiliation.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable

from spacy.tokens import Doc, Span

from ...doc_state import regions
from . import facility, filters, lexical, org, org_context, person, place, readings, shapes, signals
from .candidate import Candidate
from .lexicons import Lexicons
from .region import Region
from .registry import priority_of
from .tokens import KANJI

Step = Callable[[Region], None]

#: the steps over one region, in order (rules and filters; a rule's priority, not its place here,
#: decides an overlap, but a rule reads the candidates of the steps before it)
STEPS: tuple[Step, ...] = (
    person.find_titles,            # the title index every rule reads (no candidates)
    person.titled_persons,         # person:title, person:honorific
    place.datelines,               # place:dateline, org:dateline
    lexical.gazetteer_names,       # gazetteer:<source>
    place.short_forms,             # place:short-form
    org.country_prefixed_orgs,     # org:country-prefix
    place.short_form_words,        # place:short-form (訪日, 渡米)
    place.place_head_names,        # place:head
    org.org_compounds,             # org:suffix, org:state-body, org:department, place:suffix, person:leader-of
    org.media_names,               # org:media
    org.prefixed_names,            # org:prefix
    org.no_head_names,             # org:suffix (〇〇の会)
    org.club_form_names,           # org:club
    org.member_title_bodies,       # org:suffix (衆議院 + 議員)
    org.standalone_org_words,      # org:suffix (連合軍, 幕府)
    org.nickname_towns,            # org:club
    org.numbered_units,            # org:unit
    signals.mixed_script_names,    # sudachi:固有名詞
    signals.sudachi_names,         # sudachi:人名, sudachi:地名, org:founder-name
    signals.ginza_entities,        # ginza:<label>, person:lone-surname, person:kana-given-name, org:club
    shapes.team_names,             # org:team-shape
    shapes.place_surname_persons,  # person:place-surname
    shapes.word_compounds,         # org:word-compound
    shapes.landform_names,         # place:landform
    person.person_context,         # person:context
    place.place_context,           # place:context
    person.family_names,           # person:family
    person.dotted_names,           # person:dotted-name
    person.kin_names,              # person:kin
    signals.ipadic_orgs,           # ipadic:組織
    org_context.context_orgs,      # org:team, org:context
    org_context.acronym_names,     # org:acronym
    place.suffix_in_next_word,     # place:suffix (〇〇 + 県知事)
    place.river_sides,             # place:river-side (〇〇 + 川沿い)
    place.river_names,             # place:river (隅田川 + の + ほとり: Sudachi's surname)
    place.country_in_word,         # gazetteer:<source> (日本 in 日本人)
    org.extend_era_prefixes,       # 旧 + 〇〇銀行
    org.extend_legal_forms,        # 〇〇, Inc.
    lexical.class_noun_names,      # org:class-noun, person:class-noun; names of things lose their mentions
    org_context.named_orgs,        # org:named-as
    org_context.bracketed_orgs,    # org:named-as
    org.office_names,              # org:office-head
    org.org_place_branches,        # org:suffix (〇〇製鉄 + 千葉)
    org_context.coordinated_orgs,  # org:coordinated
    org_context.source_outlets,    # org:source
    filters.drop_orgs_opening_things,
    filters.trim_org_breakers,
    filters.trim_side_suffixes,
    filters.drop_thing_names,
    filters.drop_kind_compounds,
    filters.drop_generic_bodies,
    filters.drop_descriptors_before_names,
    filters.drop_numbered_things,
    filters.drop_inside_facilities_and_events,
    filters.drop_quoted_names,
    filters.drop_event_namesakes,
    readings.trim_readings,        # 小澤征爾(せいじ) → 小澤征爾
    readings.drop_codes,           # UTC+9
    readings.drop_job_words,       # タレント・〇〇 → 〇〇
    readings.trim_glued_honorifics,  # 石井 + 一氏 → 石井一
    filters.extend_regnal_numbers,   # 〇〇 + 14 + 世
    place.join_address_chains,     # place:chain
    facility.facility_names,       # place:facility (〇〇駅, 〇〇公園: the names inside it are no mentions)
)


def run_region(lex: Lexicons, doc: Doc, region: Span, *, ents: list[Span] | None = None, text: str | None = None) -> Region:
    """Run :data:`STEPS` over one region; the candidates are in the returned region's ``cands``."""
    r = Region(lex, doc, region, ents=ents, text=text)
    for step in STEPS:
        step(r)
    return r


def find_mentions(lex: Lexicons, doc: Doc, *, text: str | None = None) -> list[Candidate]:
    """The mentions of the doc's regions (title and body paragraphs), in order, resolved.
    ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds it on every access)."""
    found: list[Candidate] = []
    per_region = []
    if text is None:
        text = doc.text
    ents = list(doc.ents)  # (rebuilt on every access too)
    ent_starts = [e.start for e in ents]
    for region in regions(doc):
        lo = bisect_left(ent_starts, region.start)
        hi = bisect_left(ent_starts, region.end)
        r = run_region(lex, doc, region, ents=[e for e in ents[lo:hi] if e.end <= region.end], text=text)
        per_region.append((r, r.cands))
    known = person.known_names(resolve([c for _, cs in per_region for c in cs]), text)
    kanji_known = [k for k in known if KANJI.match(k) and 2 <= len(k) <= 6]  # full names 習氏 may shorten
    for r, cands in per_region:
        people = [c for c in resolve(cands) if c.type == "PERSON"]
        cands.extend(m for m in (readings.trim_reading(r, k) for k in person.known_name_mentions(r, known, kanji_known))
                     if not any(p.start <= m.start and m.end <= p.end for p in people))
        kept = resolve(cands)
        extra = org_context.bracket_aliases(r, kept) + org_context.employers(r, kept)
        if extra:
            kept = resolve(kept + extra)
        kept = readings.reading_aliases(r, kept)
        person.link_affiliations(r, kept)
        found.extend(kept)
    spans = [(r.doc[r.a].idx, r.doc[r.b - 1].idx + len(r.doc[r.b - 1].text)) for r, _ in per_region if r.b > r.a]
    more = org_context.propagated_orgs(lex, doc, text, found, spans)  # 株式会社〇〇 … 〇〇は
    if more:
        found = sorted(found + more, key=lambda c: (c.start, -c.end))
    return found


def resolve(cands: list[Candidate]) -> list[Candidate]:
    """Keep the best candidates: by priority, then length; a country or person may nest inside
    an ORG compound (ロシア軍, トランプ政権)."""
    ordered = sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    kept: list[Candidate] = []
    starts: list[tuple[int, int]] = []  # (start, index in kept), sorted: only nearby kept ones can overlap
    longest = 0
    for c in ordered:
        clash = False
        hi = bisect_left(starts, (c.end, -1))
        lo = bisect_left(starts, (c.start - longest, -1))
        for _, n in starts[lo:hi]:
            k = kept[n]
            if not c.overlaps(k):
                continue
            if (c.start, c.end) == (k.start, k.end):
                clash = True
                break
            if (k.type == "ORG" or k.kind is not None) and c.inside(k) and _may_nest(c, k):
                continue
            if (c.type == "ORG" or c.kind is not None) and k.inside(c) and _may_nest(k, c):
                continue
            clash = True
            break
        if not clash:
            insort(starts, (c.start, len(kept)))
            kept.append(c)
            longest = max(longest, c.end - c.start)
    return sorted(kept, key=lambda c: (c.start, -c.end))


def _may_nest(inner: Candidate, org: Candidate) -> bool:
    """The country in ロシア軍 / ロシア大統領府 or the person in トランプ政権 stays a mention;
    a one-letter form inside a name (中 in 中日新聞) does not. An organisation opening a facility's
    name stays one too (〇〇電鉄 in 〇〇電鉄〇〇線, 〇〇市 in 〇〇市博物館)."""
    if org.kind is not None:
        return inner.opens_facility
    if inner.type not in ("PLACE", "PERSON") or not org.rule.startswith("org:") or inner.priority < priority_of("gazetteer") - 10:
        return False
    return inner.start == org.start or inner.rule == "person:leader-of"  # (第2次〇〇内閣: the leader inside)
