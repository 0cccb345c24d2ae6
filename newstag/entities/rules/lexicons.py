"""The rule data compiled once per component: word sets, length indexes, the class-noun index."""

from __future__ import annotations

import re

from ..gazetteer import GazetteerIndex
from ..lexicon import ClassNouns, Context, EneMap, OrgSuffixes, Titles, class_nouns


class Lexicons:
    """The compiled rule data (built once per component)."""

    def __init__(self, ene: EneMap, titles: Titles, orgs: OrgSuffixes, ctx: Context, index: GazetteerIndex,
                 classes: ClassNouns | None = None) -> None:
        self.ene_types = dict(ene.types)
        self.title_labels = set(ene.title_labels)
        self.facility_labels = set(ene.facility_labels)
        self.event_labels = set(ene.event_labels)
        self.unsure_place_labels = set(ene.unsure_place_labels)
        self.heads = set(titles.heads)
        self.long_heads = sorted((h for h in titles.heads if len(h) >= 2), key=len, reverse=True)
        self.modifiers = set(titles.modifiers)
        self.honorifics = set(titles.honorifics)
        self.not_after = set(titles.not_after)
        self.corporate = set(titles.corporate)
        self.not_names = set(titles.not_names)
        self.person_trailers = set(titles.person_trailers)
        self.occupations = set(titles.occupations)
        self.noble_titles = set(titles.noble)
        self.occupation_honorifics = set(titles.occupation_honorifics)
        self.katakana_heads = set(orgs.katakana_heads)
        self.org_heads = set(orgs.heads)
        self.long_org_heads = sorted((h for h in orgs.heads if len(h) >= 2), key=len, reverse=True)
        self.state_bodies = set(orgs.state_bodies)
        self.strong_heads = set(orgs.strong_heads)
        self.weak_heads = set(orgs.weak_heads)
        self.org_facility_heads = tuple(orgs.org_facility_heads)
        self.thing_ends = tuple(orgs.thing_ends)
        self.polity_ends = tuple(orgs.polity_ends)
        self.person_thing_ends = tuple(orgs.person_thing_ends)
        self.kind_heads = tuple(orgs.kind_heads)
        self.unsure_ginza_orgs = {k: set(v) for k, v in orgs.unsure_ginza_orgs.items()}
        self.department_heads = tuple(orgs.department_heads)
        self.branch_heads = tuple(orgs.branch_heads)
        self.not_departments = tuple(orgs.not_departments)
        self.government_ends = set("省庁局院府")
        self.part_words = set(orgs.part_words)
        self.unit_heads = tuple(sorted(orgs.unit_heads, key=len, reverse=True))
        self.media_prefixes = set(orgs.media_prefixes)
        self.followers = set(ctx.short_form_followers)
        self.standalone = set(ctx.standalone_short_forms)
        self.short_form_verbs = set(ctx.short_form_verbs)
        self.not_short_form_words = set(ctx.not_short_form_words)
        self.org_prefixes = set(ctx.org_prefixes)
        self.legal_person_prefixes = set(ctx.org_prefixes_outside)
        self.descriptors = set(ctx.org_descriptors)
        self.org_breakers = set(ctx.org_breakers)
        self.time_after_event = set(ctx.time_after_event)
        self.person_keepers = set(ctx.person_keepers)
        self.person_keeper_ends = tuple(ctx.person_keeper_ends)
        self.direction_prefixes = set(ctx.direction_prefixes)
        self.name_trailers = set(ctx.name_trailers)
        self.team_context_words = tuple(ctx.team_context_words)
        self.military_services = set(ctx.military_services)
        self.org_name_prefixes = set(ctx.org_name_prefixes)
        self.era_prefixes = set(ctx.org_era_prefixes)
        self.not_org_words = set(ctx.not_org_words)
        self.acronym_org_particles = set(ctx.acronym_org_particles)
        self.event_after_no = set(ctx.event_after_no)
        self.place_suffixes = set(ctx.place_suffixes)
        self.facility_suffixes = set(ctx.facility_suffixes)
        self.name_heads = set(ctx.name_heads)
        self.org_trailers = set(ctx.org_trailers)
        self.facility_heads = sorted(ctx.facility_heads, key=len, reverse=True)
        self.facility_heads_t = tuple(self.facility_heads)
        self.event_heads = tuple(ctx.event_heads)
        self.event_ends = tuple(sorted({*ctx.event_heads, *ctx.event_name_ends}, key=len, reverse=True))
        self.dateline_agencies = set(ctx.dateline_agencies)
        self.suffix_word_heads = set(ctx.suffix_word_heads)
        self.suffix_word_tails = set(ctx.suffix_word_tails)
        self.koku_word_tails = set(ctx.koku_word_tails)
        self.place_heads = set(ctx.place_heads)
        self.place_contexts = set(ctx.place_contexts)
        self.place_context_len = max((len(w) for w in ctx.place_contexts), default=0)
        self.place_head_tails = set(ctx.place_head_tails)
        self.place_trailers = set(ctx.place_trailers)
        self.address_levels = tuple(ctx.address_levels)
        self.address_sublevels = tuple(ctx.address_sublevels)
        levels = "|".join(map(re.escape, ctx.address_levels))
        self.address_gap = re.compile(r"^[\u4e00-\u9fff々ヶケ]{1,4}(?:" + levels + ")$") if levels else None
        self.country_affixes = tuple(sorted(ctx.country_affixes, key=len, reverse=True))
        self.compound_name_ends = tuple(sorted({*ctx.facility_heads, *ctx.event_heads, *ctx.compound_name_ends}, key=len, reverse=True))
        self.team_heads = set(ctx.team_heads)
        self.team_kinds = set(ctx.team_kinds)
        self.team_labels = set(ctx.team_labels)
        self.club_forms = set(ctx.club_forms)
        self.name_followers = set(ctx.name_followers)
        self.kind_words = set(ctx.kind_words_before_names)
        self.bracket_org_contexts = list(ctx.bracket_org_contexts)
        self.no_name_heads = set(ctx.no_name_heads)
        self.list_enders = set(ctx.list_enders)
        self.member_titles = tuple(ctx.member_titles)
        self.office_verbs = tuple(ctx.office_verbs)
        self.standalone_orgs = set(ctx.standalone_orgs)
        self.named_org_heads = tuple(ctx.named_org_heads)
        self.latin_named_org_heads = tuple(ctx.latin_named_org_heads)
        self.office_heads = set(ctx.office_heads)
        self.not_offices = tuple(ctx.not_offices)
        self.latin_forms = set(ctx.latin_forms)
        self.org_contexts = set(ctx.org_contexts)
        self.org_contexts_weak = set(ctx.org_contexts_not_after_person)
        self.org_context_len = max((len(w) for w in self.org_contexts), default=0)
        self.person_contexts = set(ctx.person_contexts)
        self.kin_words = set(ctx.kin_words)
        self.family_words = set(ctx.family_words)
        self.name_particles = set(ctx.name_particles)
        self.latin_org_words = set(ctx.latin_org_words)
        self.given_name_ends = set(ctx.given_name_ends)
        self.lone_surname_particles = set(ctx.lone_surname_particles)
        self.not_surname_ends = tuple(ctx.not_surname_ends)
        self.name_callers = tuple(ctx.name_callers)
        self.tail_stops = {*ctx.facility_suffixes, *ctx.name_heads, *ctx.compound_name_ends}
        self.person_context_len = max((len(w) for w in self.person_contexts), default=0)
        self.index = index
        self.classes = ClassNounIndex(classes if classes is not None else class_nouns())
        self.short_forms_set = set(index.short)
        self.facility_lens = sorted({len(f) for f in self.facility_suffixes}, reverse=True)
        self.head_lens = sorted({len(h) for h in self.long_heads}, reverse=True)
        self.long_head_set = set(self.long_heads)
        self.org_head_lens = sorted({len(h) for h in self.long_org_heads}, reverse=True)
        self.long_org_head_set = set(self.long_org_heads)
        self.title_suffixes = sorted({*self.long_heads, *self.honorifics}, key=len, reverse=True)
        self.title_suffix_set = set(self.title_suffixes)
        self.title_suffix_lens = sorted({len(h) for h in self.title_suffixes}, reverse=True)

    def starts_with_facility(self, text: str) -> bool:
        """Does the word start with a facility word (廟(びょう) is one token in GiNZA)?"""
        return any(text[:n] in self.facility_suffixes for n in self.facility_lens if len(text) >= n)

    def ends_with_head(self, text: str) -> bool:
        """Does the text end in a title head of two characters or more?"""
        return any(text[-n:] in self.long_head_set for n in self.head_lens if len(text) >= n)

    def ends_with_org_head(self, text: str) -> bool:
        """Does the text end in an organisation head of two characters or more?"""
        return any(text[-n:] in self.long_org_head_set for n in self.org_head_lens if len(text) >= n)

    def title_suffix(self, text: str) -> str | None:
        """The longest title or honorific the text ends with."""
        for n in self.title_suffix_lens:
            if len(text) > n and text[-n:] in self.title_suffix_set:
                return text[-n:]
        return None


class ClassNounIndex:
    """``class_nouns.json`` compiled: class word → ORG / PERSON / NONE, looked up by the longest
    word a text ends with."""

    def __init__(self, data: ClassNouns) -> None:
        self.types: dict[str, str] = {}
        for words, typ in ((data.not_entity, "NONE"), (data.person, "PERSON"), (data.org, "ORG")):
            self.types.update((w, typ) for w in words)
        self.lens = sorted({len(w) for w in self.types}, reverse=True)
        self.links = set(data.links)
        self.copulas = set(data.copulas)
        self.one_of = set(data.one_of)
        self.quotatives = set(data.quotatives)
        self.name_ends = set(data.name_ends)
        self.separators = set(data.list_separators)
        self.list_ends = set(data.list_ends)
        self.counters = set(data.list_counters)
        self.word_len = max((len(w) for w in (*self.links, *self.copulas, *self.one_of, *self.quotatives, *self.separators, *self.list_ends)), default=0)

    def match(self, text: str) -> tuple[str, str] | None:
        """(type, class word) of the longest class word the text ends with."""
        for n in self.lens:
            if len(text) >= n and text[-n:] in self.types:
                return self.types[text[-n:]], text[-n:]
        return None


