"""The rule data compiled once per component: word sets, length indexes, the class-noun index."""

from __future__ import annotations

import re

from ..gazetteer import GazetteerIndex
from ..lexicon import ClassNouns, Context, EneMap, OrgSuffixes, Titles, class_nouns


class Lexicons:
    """The rule data, built once per component.

    The validated data files are attributes as they are (``ene``: ``ene_map.json``, ``titles``,
    ``orgs``: ``org_suffixes.json``, ``ctx``: ``context.json``; their word lists are frozensets or
    tuples already, see :mod:`newstag.entities.lexicon`), with ``index`` (the gazetteer) and
    ``classes`` (the class-noun index). The other attributes are derived from them: unions of
    lists, lists sorted longest first, lengths of the longest words, compiled patterns.
    """

    def __init__(self, ene: EneMap, titles: Titles, orgs: OrgSuffixes, ctx: Context, index: GazetteerIndex,
                 classes: ClassNouns | None = None) -> None:
        self.ene = ene
        self.titles = titles
        self.orgs = orgs
        self.ctx = ctx
        self.index = index
        self.classes = ClassNounIndex(classes if classes is not None else class_nouns())
        self.long_heads = sorted((h for h in titles.heads if len(h) >= 2), key=len, reverse=True)
        self.long_org_heads = sorted((h for h in orgs.heads if len(h) >= 2), key=len, reverse=True)
        #: event heads and the other ends of events' names, longest first
        self.event_ends = tuple(sorted({*ctx.event_heads, *ctx.event_name_ends}, key=len, reverse=True))
        #: the address levels as a pattern: an unrecognised level between two places (〇〇郡)
        levels = "|".join(map(re.escape, ctx.address_levels))
        self.address_gap = re.compile(r"^[\u4e00-\u9fff々ヶケ]{1,4}(?:" + levels + ")$") if levels else None
        #: country affixes, longest first (the first one a word ends with is its affix)
        self.country_affixes = tuple(sorted(ctx.country_affixes, key=len, reverse=True))
        #: every word that ends a compound naming a thing: facility_heads, event_heads and compound_name_ends, longest first
        self.compound_name_ends = tuple(sorted({*ctx.facility_heads, *ctx.event_heads, *ctx.compound_name_ends}, key=len, reverse=True))
        #: words after which a one-character given-name piece is no part of the name
        self.tail_stops = {*ctx.facility_suffixes, *ctx.name_heads, *ctx.compound_name_ends}
        self.place_context_len = max((len(w) for w in ctx.place_contexts), default=0)
        self.org_context_len = max((len(w) for w in ctx.org_contexts), default=0)
        self.person_context_len = max((len(w) for w in ctx.person_contexts), default=0)
        self.short_forms_set = set(index.short)
        self.facility_lens = sorted({len(f) for f in ctx.facility_suffixes}, reverse=True)
        self.head_lens = sorted({len(h) for h in self.long_heads}, reverse=True)
        self.long_head_set = set(self.long_heads)
        self.org_head_lens = sorted({len(h) for h in self.long_org_heads}, reverse=True)
        self.long_org_head_set = set(self.long_org_heads)
        self.title_suffixes = sorted({*self.long_heads, *titles.honorifics}, key=len, reverse=True)
        self.title_suffix_set = set(self.title_suffixes)
        self.title_suffix_lens = sorted({len(h) for h in self.title_suffixes}, reverse=True)

    def starts_with_facility(self, text: str) -> bool:
        """Does the word start with a facility word (廟(びょう) is one token in GiNZA)?"""
        return any(text[:n] in self.ctx.facility_suffixes for n in self.facility_lens if len(text) >= n)

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


