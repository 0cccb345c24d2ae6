"""From a trigger match to an event: predicate frame, participants, place, date, status, topic.

Arguments come from the dependency tree (GiNZA): the subject (は/が) and the と/との/とも
companions of the trigger's predicate frame; the subject is searched up the tree when the
trigger sits in a subordinate clause, and carried from the previous sentence when the sentence
has none (zero anaphora).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..models import DateExpr
from .arguments import EntityIndex
from .lexicon import Cues, TriggerRule
from .syntax import ancestors, compound_run, members, particles, subtree_range

_TOPIC_EDGES = ("に", "を", "で", "について", "への", "に対する", "に対して", "をめぐる", "を巡る")
# 支持する方向で検討, 会談することで調整: a で phrase that frames the trigger's clause
_MANNER_NOUNS = {"方向", "こと", "事", "形", "線"}
_TIME_SUFFIXES = {"後", "前", "中", "際", "時", "直後", "直前", "以降"}


@dataclass
class Candidate:
    """An event before merging (token positions kept for ordering and headline handling)."""

    rule: TriggerRule
    start_char: int
    end_char: int
    anchor: int
    sent_start: int
    participants: list[tuple[str, str]]  # (entity id, role)
    date: str | None = None
    place: str | None = None
    status: str = "occurred"
    stance: str | None = None
    topic: str | None = None
    duration: str | None = None
    headline: bool = False
    carried: bool = False
    extra_rules: list[str] = field(default_factory=list)
    frame: frozenset[int] = frozenset()

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(p for p, _ in self.participants)


@dataclass
class Args:
    """Arguments collected for one trigger before the event is assembled."""

    agents: list[str] = field(default_factory=list)
    companions: list[str] = field(default_factory=list)
    inner: list[str] = field(default_factory=list)
    place: str | None = None
    topic_tok: Token | None = None
    carried: bool = False

    def add_companions(self, ids) -> None:
        for i in ids:
            if i not in self.companions:
                self.companions.append(i)


_AGREEMENT_TOPIC = ("について", "についての", "に関する", "に関して", "をめぐる", "を巡る", "で", "に", "を")


_PREVIOUS_WINDOW = 40


@dataclass
class DateIndex:
    """Date expressions of the doc with their token spans."""

    items: list[tuple[Span, DateExpr]]
    tokens: set[int] = field(default_factory=set)  # token indices covered by a date
    starts: list[int] = field(default_factory=list)  # each item's first token, for bisect

    @classmethod
    def build(cls, doc: Doc, dates: list[DateExpr]) -> DateIndex:
        items = []
        for d in dates:
            sp = doc.char_span(d.start, d.end, alignment_mode="expand")
            if sp is not None and len(sp):
                items.append((sp, d))
        items.sort(key=lambda x: x[0].start)
        return cls(items, {i for sp, _ in items for i in range(sp.start, sp.end)}, [sp.start for sp, _ in items])

    def starting_in(self, lo: int, hi: int) -> list[tuple[Span, DateExpr]]:
        """The dates whose span starts at a token in [lo, hi), in order (bisect: linear overall)."""
        return self.items[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]


def _point_value(d: DateExpr) -> str | None:
    if d.type not in ("DATE", "TIME") or not d.value or not d.value[:1].isdigit():
        return None
    return d.value[:10] if d.type == "TIME" else d.value


def _after(value: str, published: dt.date) -> bool:
    """Is a TIMEX date (2025-02-14, 2025-03, 2026) wholly after the publication day?"""
    pub = published.isoformat()
    if len(value) == 8 and value[4:6] == "-W" and value[:4].isdigit() and value[6:].isdigit():
        try:  # 来週 → 2025-W14: after when its Monday is
            return dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 1) > published
        except ValueError:
            return False
    n = len(value)
    if n not in (4, 7, 10) or not value.replace("-", "").isdigit():
        return False
    return value > pub[:n]


def _quoted_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens inside 「…」 / 『…』 (brackets excluded)."""
    out: set[int] = set()
    depth = 0
    for t in doc:
        if t.orth_ in ("」", "』"):
            depth = max(0, depth - 1)
        elif depth:
            out.add(t.i)
        if t.orth_ in ("「", "『"):
            depth += 1
        elif "\n" in t.orth_:
            depth = 0  # an unclosed bracket ends with its paragraph
    return out


def _ends_with_any(text: str, words: list[str]) -> bool:
    return any(text.endswith(w) for w in words)


class Extractor:
    """Builds candidates for one doc; keeps the discourse state (sentence subjects, events)."""

    def __init__(self, doc: Doc, cues: Cues, entities: EntityIndex, dates: DateIndex, regions: list[Span]) -> None:
        self.doc = doc
        self.cues = cues
        self.ents = entities
        self.dates = dates
        self.regions = regions
        self._sorted_regions = sorted(regions, key=lambda r: r.start)
        self._region_starts = [r.start for r in self._sorted_regions]
        self._bounds: dict[int, list[int]] = {}
        self.published: dt.date | None = getattr(doc._, "newstag_published", None)
        self.sent_subject: dict[int, str | None] = {}
        self.events: list[Candidate] = []
        self.trigger_tokens: set[int] = set()
        self.quoted = _quoted_tokens(doc)
        self.blocking: dict[int, TriggerRule] = {}
        c = cues
        self.light = set(c.light_verbs)
        self.frame_nouns = set(c.frame_nouns)
        self.nominal = set(c.nominalizers)
        self.subj_p = set(c.subject_particles)
        self.comp_p = set(c.companion_particles)
        self.place_p = set(c.place_particles)
        self.topic_p = c.topic_particles
        self.dur_p = set(c.durative_particles)

    # -- predicate frame --------------------------------------------------------------------------
    def frame(self, anchor: Token) -> list[Token]:
        """The trigger plus the light verbs / stance nouns that carry its arguments."""
        out = [anchor]
        cur = anchor
        while cur.head.i != cur.i:
            h = cur.head
            p = particles(cur)
            if cur.dep_ in ("obj", "obl", "nsubj", "compound", "nmod") and p in ("", "を", "に", "には", "へ", "が", "は", "の", "も", "をも", "にも") and (
                h.lemma_ in self.light or h.lemma_ in self.frame_nouns or (p in ("を", "も") and h.lemma_ in self.cues.receive_verbs)
            ):
                out.append(h)
                cur = h
                continue
            break
        return out

    # -- subject ----------------------------------------------------------------------------------
    def _subject_child(self, head: Token, anchor: Token, skip: set[int]) -> Token | None:
        best = None
        for c in head.children:
            if c.i in skip or c.i >= anchor.i or self._quoted_arg(c, anchor):
                continue  # a subject inside a quote (「日本側は…」と批判した) is the quoted speaker's, not the trigger's
            if particles(c) in self.subj_p and self.ents.resolve(c, self._previous()):
                if best is None or c.i > best.i:
                    best = c
            elif c.pos_ in ("NOUN", "NUM", "PROPN") and c.dep_ in ("obl", "nmod"):
                # ソフトバンクが17日、… : the parser may hang the subject on a date
                for g in c.children:
                    if g.i < anchor.i and not self._quoted_arg(g, anchor) and particles(g) in ("は", "が") and self.ents.resolve(g, self._previous()):
                        best = g if best is None or g.i > best.i else best
        return best

    def _quoted_arg(self, tok: Token, anchor: Token) -> bool:
        """Is ``tok`` inside a quote that does not hold the trigger itself?"""
        return tok.i in self.quoted and anchor.i not in self.quoted

    def subject(self, anchor: Token, frame: list[Token], skip: set[int]) -> tuple[Token | None, str | None]:
        """The subject phrase of the frame, or the head noun of its relative clause."""
        for f in frame:
            s = self._subject_child(f, anchor, skip)
            if s is not None:
                return s, None
        for f in frame:
            for c in f.children:
                if c.dep_ in ("advcl", "acl", "csubj") and c.i < anchor.i and c.i not in skip:
                    s = self._subject_child(c, anchor, skip)
                    if s is not None:
                        return s, None
        cur = frame[-1]
        for h in ancestors(cur):
            if h.i < anchor.i and not self._quoted_arg(h, anchor) and particles(h) in self.subj_p and self.ents.resolve(h, self._previous()):
                return h, None  # a mis-attached clause hanging on its own subject
            if cur.i == frame[-1].i and cur.dep_ == "acl" and cur.head.lemma_ not in self.nominal and cur.head.lemma_ not in self.frame_nouns:
                # the trigger's clause modifies a noun: that noun is its subject
                eid = self.ents.head_entity(h)
                return None, eid
            if cur.dep_ in ("nmod",) and h.lemma_ not in self.nominal and h.i not in self.trigger_tokens:
                s = self._subject_child(h, anchor, skip)
                if s is not None:
                    return s, None
            s = self._subject_child(h, anchor, skip | {cur.i})
            if s is not None:
                return s, None
            for c in h.children:
                if c.dep_ in ("advcl", "acl") and c.i < anchor.i and c.i != cur.i:
                    s = self._subject_child(c, anchor, skip)
                    if s is not None:
                        return s, None
            cur = h
        topic = self._sentence_topic(anchor)
        if topic is not None:
            return topic, None
        return None, None

    def full_sentence(self, anchor: Token) -> Span:
        """The anchor's sentence, bounded by a 。 outside quotes: GiNZA also ends sentences at a
        。 inside brackets (「…。…」と述べ), which would cut the speaker off the cue."""
        doc = anchor.doc
        n = bisect_right(self._region_starts, anchor.i) - 1
        start = anchor.sent.start
        if n >= 0 and anchor.i < self._sorted_regions[n].end:
            bounds = self._sentence_starts(n)
            start = bounds[bisect_right(bounds, anchor.i) - 1]
        return doc[min(start, anchor.sent.start):anchor.sent.end]

    def _sentence_starts(self, n: int) -> list[int]:
        """Token indices where a sentence starts in region n (after a 。 outside quotes), computed once
        per region so that long paragraphs stay linear."""
        bounds = self._bounds.get(n)
        if bounds is None:
            region = self._sorted_regions[n]
            bounds = [region.start]
            depth = 0
            for t in region.doc[region.start:region.end]:
                if t.orth_ in ("「", "『"):
                    depth += 1
                elif t.orth_ in ("」", "』"):
                    depth = max(0, depth - 1)
                elif depth == 0 and t.orth_ in ("。", "！", "？", "!", "?"):
                    bounds.append(t.i + 1)
            self._bounds[n] = bounds
        return bounds

    def _sentence_topic(self, anchor: Token) -> Token | None:
        """The sentence's は-topic outside quotes: its scope runs over the whole sentence even when
        the parser hangs it on an inner clause."""
        depth = 0
        for t in anchor.doc[self.full_sentence(anchor).start:anchor.i]:
            if t.orth_ in ("「", "『"):
                depth += 1
            elif t.orth_ in ("」", "』"):
                depth = max(0, depth - 1)
            elif depth == 0 and particles(t) == "は" and self.ents.resolve(t, self._previous()):
                return t
        return None

    def sentence_has_subject(self, sent: Span) -> bool:
        """Does the sentence name some subject or topic (は, が, も, からは …)?"""
        for t in sent:
            if particles(t) in ("は", "が", "も", "からは", "としては", "では"):
                if particles(t) != "では" or self.ents.head_entity(t) is not None:
                    return True
        return False

    def _previous(self) -> list[list[str]]:
        # the participant lists of the latest events (readers search them newest first; a bounded
        # window keeps long documents linear)
        return [[p for p, _ in e.participants] for e in self.events[-_PREVIOUS_WINDOW:] if not e.headline]

    # -- dates, place, duration -------------------------------------------------------------------
    def _durative(self, sp: Span) -> bool:
        """A date marking the start or end of a period (昨年秋より, 2014年以来, 来月まで)."""
        if particles(sp.root) in self.dur_p:
            return True
        k = sp.end
        while k < len(self.doc) and k < sp.end + 3 and self.doc[k].pos_ in ("NOUN", "NUM") and self.doc[k].lemma_ not in self.dur_p:
            k += 1  # 昨年秋より: a season or part-of-month noun before the particle
        return k < len(self.doc) and self.doc[k].lemma_ in self.dur_p

    def _adnominal(self, sp: Span) -> bool:
        """A date modifying a noun with の (来年度の予算) other than an event trigger (11日の協議)."""
        root = sp.root
        return particles(root) == "の" and root.head.i not in self.trigger_tokens

    def date_for(self, anchor: Token, frame: list[Token], sent: Span, region: Span, exclude: set[int] = frozenset(), clause_only: bool = False) -> str | None:  # type: ignore[assignment]
        """The clause's own date, else the sentence's (not one inside the topic), else the
        nearest earlier one in the paragraph (同日, この日 resolved by newstag_dates)."""
        fset = {t.i for t in frame}
        sent_dates = [(sp, d) for sp, d in self.dates.starting_in(sent.start, sent.end) if _point_value(d) and sp.start not in exclude]
        if self.published and self._past(frame):
            # 一致した / 合意した: a later date (来月の会議に向けて…) belongs to what was agreed, not to the act
            sent_dates = [(sp, d) for sp, d in sent_dates if not _after(_point_value(d) or "", self.published)]
        for sp, d in sent_dates:
            root = sp.root
            if root.head.i in fset and not self._durative(sp):
                return _point_value(d)
        last = frame[-1]
        if last.dep_ == "acl":
            for sp, d in sent_dates:
                # …と会談した2022年2月12日(以来): the clause describes the day it modifies
                if sp.start <= last.head.i < sp.end or (sp.end == last.head.i and last.head.lemma_ in self.dur_p):
                    return _point_value(d)
        if clause_only:
            return None
        usable = [(sp, d) for sp, d in sent_dates if not self._durative(sp) and not self._adnominal(sp)]
        before = [x for x in usable if x[0].start < anchor.i]
        if before:
            return _point_value(before[-1][1])
        above = {t.i for t in ancestors(frame[-1])}
        for sp, d in usable:
            if sp.root.head.i in above:
                return _point_value(d)
        prior = [(sp, d) for sp, d in self.dates.starting_in(region.start, sent.start) if sp.end <= sent.start and _point_value(d)]
        prior = [x for x in prior if not self._durative(x[0]) and not self._adnominal(x[0])]
        if prior:
            return _point_value(prior[-1][1])
        return None

    def _by_phone(self, frame: list[Token]) -> bool:
        """Does a で phrase of the frame name a remote medium (電話で, オンラインで)?"""
        media = set(self.cues.call_media)
        return any(c.lemma_ in media and particles(c) == "で" for f in frame for c in f.children)

    def _past(self, frame: list[Token]) -> bool:
        """Is the trigger's predicate in the past tense (〜した, 〜しました)?"""
        last = frame[-1]
        return last.pos_ == "VERB" and any(c.dep_ == "aux" and c.lemma_ == "た" and c.i > last.i for c in last.children)

    def _in_nested_clause(self, tok: Token, top: Token) -> bool:
        """Does ``tok`` hang (below ``top``) on a relative clause of some noun other than ``top``
        (来月、東京で開かれる会議に向けて連携すること: 来月 is the conference's date)?"""
        cur = tok
        for _ in range(12):
            if cur.i == top.i or cur.head.i == cur.i:
                return False
            if cur.dep_ == "acl" and cur.head.i != top.i:
                return True
            cur = cur.head
        return False

    def duration_for(self, frame: list[Token], sent: Span) -> str | None:
        fset = {t.i for t in frame}
        for sp, d in self.dates.starting_in(sent.start, sent.end):
            if d.type != "DURATION" or not d.value:
                continue
            cur = sp.root
            for _ in range(3):
                if cur.head.i in fset:
                    return d.value
                if cur.head.i == cur.i:
                    break
                cur = cur.head
        return None

    # -- status -----------------------------------------------------------------------------------
    def status_for(self, frame: list[Token], date: str | None, stance: bool = False) -> str:
        """negated (〜なかった, せず, 否定), hypothetical (可能性, 検討, 〜ば), planned (予定, 方針,
        見通し, a later date, a non-past sentence end), else occurred. A stance in the non-past
        (支持する。) is held now, not planned."""
        st = self.cues.status
        for f in frame:
            for c in f.children:
                if c.dep_ == "aux" and c.lemma_ in st.negated_aux and c.pos_ == "AUX":
                    return "negated"
                if c.dep_ in ("mark", "case") and c.lemma_ in st.hypothetical_marks and c.i > f.i:
                    return "hypothetical"
                if c.dep_ == "aux" and c.lemma_ in st.hypothetical_aux and c.i > f.i and not stance:
                    return "hypothetical"  # 会談したい考えだ: a wish (支持したい is a stance held)
        for f in frame[1:]:
            for c in f.children:
                if particles(c) == "を" and c.i < f.i:
                    # 会談に意欲を示した, 会談に向けた調整を進める: the light verb's object qualifies the trigger
                    if c.lemma_ in st.hypothetical_heads:
                        return "hypothetical"
                    if c.lemma_ in st.planned_heads and not stance:
                        return "planned"
        chain = []
        cur = frame[-1]
        for h in ancestors(cur, limit=3):
            if not (cur.dep_ in ("acl", "ccomp", "csubj", "compound") or particles(cur) in ("", "の", "を", "に", "が", "は", "も", "について", "についても")
                    or (particles(cur) == "で" and cur.lemma_ in _MANNER_NOUNS)):
                break
            chain.append(h)
            cur = h
        for h in chain:
            if h.lemma_ in st.negated_heads:
                return "negated"
            if h.lemma_ in st.hypothetical_heads:
                return "hypothetical"
            if h.lemma_ in st.planned_heads and not stance:  # 反対する方針を示した: a stance held now
                return "planned"
            if h.pos_ == "VERB" and h.dep_ == "ROOT" and h.lemma_ not in self.light:
                break
        last = frame[-1]
        past = any(c.dep_ == "aux" and c.lemma_ == "た" for c in last.children)
        if stance:
            return "occurred"
        if date and self.published and not past and _after(date, self.published):
            return "planned"
        if last.pos_ == "VERB":
            auxes = [c for c in last.children if c.dep_ == "aux"]
            tail = max([last.i] + [a.i for a in auxes])
            nxt = self.doc[tail + 1] if tail + 1 < len(self.doc) else None
            if not any(a.lemma_ in ("た", "だ") for a in auxes) and nxt is not None and nxt.orth_ == "。":
                return "planned"
        return "occurred"

    # -- topic ------------------------------------------------------------------------------------
    def topic_for(self, frame: list[Token], skip: set[int], ptypes: tuple[str, ...]) -> Token | None:
        """The argument a position or agreement is about: the first listed particle wins
        (について / に対して before を / に), then the nearest to the trigger."""
        best: tuple[int, int, Token] | None = None
        for f in frame:
            for c in f.children:
                if c.i in skip or c.i > f.i:
                    continue
                if c.i in self.dates.tokens:
                    continue
                if c.pos_ == "PRON" and c.tag_.startswith("代名詞"):
                    continue  # これに対し / それに反発: a connective pointing back, not what the stance is about
                p = particles(c)
                if len(p) > 1 and p.endswith("も"):
                    p = p[:-1]  # ことでも一致, についても懸念: the same edge
                if p not in ptypes or (p == "で" and c.lemma_ not in ("こと", "事") and (not c.tag_.endswith("サ変可能") or c.i in self.trigger_tokens) and "ことで" not in ptypes):
                    continue
                key = (ptypes.index(p), -c.i, c)
                if best is None or key[:2] < best[:2]:
                    best = key
        return best[2] if best else None

    def text_of(self, tok: Token) -> str:
        """The topic phrase, without a leading sentence date or a preceding coordinated clause
        (…と会談し、協力を強化すること → 協力を強化すること)."""
        s, e = subtree_range(tok)
        date_ends = {sp.end for sp, _ in self.dates.items}
        for t in self.doc[s:e]:
            if t.orth_ == "、" and t.i > s:
                prev = self.doc[t.i - 1]
                if t.i in date_ends or prev.pos_ in ("VERB", "AUX") or prev.lemma_ == "て":
                    s = t.i + 1
        return self.doc[s:e].text

    # -- the event --------------------------------------------------------------------------------
    def suppressed(self, anchor: Token, frame: list[Token]) -> bool:
        """Triggers that name no happening of their own: the topic of an agreement or position
        (相互訪問に合意, 訪問に反対) and background states (欧州訪問中の長官)."""
        nxt = self.doc[anchor.i + 1] if anchor.i + 1 < len(self.doc) else None
        if nxt is not None and nxt.lemma_ == "中" and particles(nxt) == "の":
            return True
        if anchor.i == anchor.sent.start and nxt is not None and nxt.orth_ == "に":
            return True  # 反対に、…: a connective, not a stance
        h = anchor.head
        if (anchor.dep_ == "compound" and h.i > anchor.i and h.pos_ in ("NOUN", "PROPN") and h.lemma_ not in self.frame_nouns
                and h.lemma_ not in self.light and h.i not in self.trigger_tokens and h.lemma_ not in _TIME_SUFFIXES):
            return True  # a modifier inside a compound noun: 支持率, 反対派, 協議会
        own = {t.i for t in frame}
        cur = frame[-1]
        for h in ancestors(cur, limit=4):
            if cur.dep_ in ("advcl", "conj", "ROOT"):
                break  # a clause of its own (会談し、合意した)
            p = particles(cur)
            if len(p) > 1 and p.endswith("も"):
                p = p[:-1]  # 〜することでも一致, 〜にも反対: the same edge as で / に
            rule = self.blocking.get(h.i)
            if rule is not None and h.i not in own:
                # 相互訪問に合意 / 協議を再開することで一致 / 会談を歓迎: what is agreed or judged
                return rule.type in ("AGREEMENT", "POSITION") and (p in _TOPIC_EDGES or cur.dep_ == "acl")
            cur = h
        return False

    def build(self, rule: TriggerRule, span: Span, anchor: Token, region: Span, headline: bool) -> list[Candidate]:
        """The events one trigger match stands for (none when its participants are not found)."""
        sent = self.full_sentence(anchor)
        frame = self.frame(anchor)
        if self.suppressed(anchor, frame):
            return []
        if rule.type == "MEETING" and self._by_phone(frame):
            # 電話で約30分間会談, 電話でXと会談: a meeting held by telephone is a call
            rule = rule.model_copy(update={"id": rule.id + "+by_phone", "type": "CALL", "cameo": "041", "mode": "telephone"})
        if rule.exclude_compounds:
            cs, ce = compound_run(anchor)
            words = self.doc[cs:ce].text
            if any(w in words for w in rule.exclude_compounds):
                return []  # 共同記者会見: a press conference, not a meeting
        skip = {t.i for t in span} | {t.i for t in frame}
        a = Args()
        # parties named inside the trigger's compound: 日中首脳会談, 米露首脳会談
        s, _ = compound_run(anchor)
        a.inner = list(dict.fromkeys(r.entity for r in self.ents.in_range(s, span.start)))
        a.agents = self._agents(anchor, frame, skip)
        self._companions_and_place(rule, span, anchor, frame, skip, sent, a)
        if rule.type in ("POSITION", "AGREEMENT"):
            tp = tuple(self.topic_p) if rule.type == "POSITION" else _AGREEMENT_TOPIC
            a.topic_tok = self.topic_for(frame, skip, tp)
        if rule.type == "AGREEMENT":
            self._agreement_partners(rule, anchor, frame, skip, a)
        if rule.type == "VISIT" and a.place is None and a.inner:
            a.place = next((i for i in a.inner if self.ents.label(i) == "PLACE"), None)
        if rule.type == "VISIT" and a.place is None and anchor.lemma_ in self.cues.visit_places:
            a.place = self.ents.named(self.cues.visit_places[anchor.lemma_])  # 訪米: the country it names
        # zero anaphora: no subject anywhere before the trigger in this sentence
        if not a.agents and len(a.inner) < 2 and not self.sentence_has_subject(self.doc[sent.start:anchor.i]):
            carried_subj = self.sent_subject.get(self._prev_sent_start(sent, region))
            if carried_subj:
                a.agents, a.carried = [carried_subj], True
        if not a.agents and a.companions and rule.type in ("CALL", "MEETING"):
            a.agents = self._leader_pair_agent(sent, a.companions)
        exclude: set[int] = set()
        if a.topic_tok is not None:
            exclude = set(range(*subtree_range(a.topic_tok)))
            for sp, _ in self.dates.items:
                if sp.start in exclude and sp.end < len(self.doc) and self.doc[sp.end].orth_ == "、" \
                        and not self._in_nested_clause(sp.root, a.topic_tok):
                    exclude.discard(sp.start)  # トヨタは20日、…ことで合意: the date of the whole sentence
        nominal = len(frame) == 1 and anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ != "ROOT"
        date = self.date_for(anchor, frame, sent, region, exclude, clause_only=rule.date_scope == "clause" or nominal)
        base = dict(
            frame=frozenset(t.i for t in frame), rule=rule, start_char=span.start_char, end_char=span.end_char,
            anchor=anchor.i, sent_start=sent.start, date=date, headline=headline, carried=a.carried,
            status=self.status_for(frame, date, stance=rule.type == "POSITION"),
            duration=self.duration_for(frame, sent) if rule.type in ("CALL", "MEETING") else None,
            topic=self.text_of(a.topic_tok) if a.topic_tok is not None else None,
        )
        a.companions = [c for c in a.companions if c not in a.agents]
        if a.topic_tok is not None and rule.type == "POSITION":  # what a position is about is never its holder
            ts, te = subtree_range(a.topic_tok)
            topical = {r.entity for r in self.ents.in_range(ts, te)}
            a.agents = [x for x in a.agents if x not in topical or x in a.companions]
        return self._assemble(rule, frame, skip, sent, a, base)

    def _agents(self, anchor: Token, frame: list[Token], skip: set[int]) -> list[str]:
        """Subject entities; a genitive on a noun trigger wins (米国の支持, 両首脳の会談)."""
        prev = self._previous()
        receive = next((f for f in frame[1:] if f.lemma_ in self.cues.receive_verbs), None)
        if receive is not None:
            # Xは…から批判を受けた: X is the target, the から phrase (if any) holds the position
            return [i for c in receive.children if particles(c) in ("から", "からの") for i in self.ents.resolve(c, prev)]
        subj_tok, rel_entity = self.subject(anchor, frame, skip)
        if subj_tok is not None and subj_tok.lemma_ in self.cues.non_actor_heads:
            return []  # 株価は反発した: a market move, not a stance
        agents = self.ents.resolve(subj_tok, prev) if subj_tok is not None else ([rel_entity] if rel_entity else [])
        for c in anchor.children:
            if c.i < anchor.i and c.dep_ == "nmod" and particles(c) == "の" and c.i not in skip:
                ids = self.ents.resolve(c, prev)
                if ids:
                    agents = ids
        return agents

    def _companions_and_place(self, rule: TriggerRule, span: Span, anchor: Token, frame: list[Token], skip: set[int], sent: Span, a: Args) -> None:
        """と/との/とも companions and the で/にて place (for visits also the を/に place)."""
        prev = self._previous()
        cases = set(rule.counterpart_cases or self.comp_p)
        arg_heads = list(frame) + [t for t in span if t.i != anchor.i] + [
            c for f in frame for c in f.children
            if c.dep_ == "advcl" and c.i not in skip and (c.lemma_ in self.cues.split_cues or c.text in self.cues.split_cues)
        ]
        for f in arg_heads:
            for c in sorted(f.children, key=lambda x: x.i):
                if c.i in skip:
                    continue
                p = particles(c)
                if p in cases:
                    a.add_companions(self.ents.resolve(c, prev))
                elif p not in self.subj_p and c.dep_ in ("obj", "obl", "advmod", "nmod") and self.ents.head_entity(c) is None:
                    # Xと、…額を交渉: the parser may hang the partner on another noun of the clause
                    for g in self._nominal_descendants(c):
                        if particles(g) == "と" and self.ents.head_entity(g.head) is None:
                            a.add_companions(self.ents.resolve(g, prev))
                elif (p in self.place_p or (rule.type == "VISIT" and p in ("を", "に", "へ"))) and a.place is None:
                    a.place = self._place(c)
        if not a.companions and rule.type in ("CALL", "MEETING", "AGREEMENT"):
            for g in self.doc[sent.start:anchor.i]:
                if g.head.i < g.i and particles(g) in cases and not any(t.pos_ == "VERB" for t in self.doc[g.i + 1:anchor.i]):
                    # Japanese is head-final: a と-phrase hung on an earlier word belongs to the next predicate
                    a.add_companions(self.ents.resolve(g, prev))

    def _agreement_partners(self, rule: TriggerRule, anchor: Token, frame: list[Token], skip: set[int], a: Args) -> None:
        """Partners of an agreement found on what was agreed, or as seller / acquired company."""
        prev = self._previous()
        t = a.topic_tok
        if t is not None:
            # Xとの相互訪問に合意: the partner hangs on the agreed matter
            for c in t.children:
                if particles(c) in ("との", "と") and c.i < t.i:
                    a.add_companions(self.ents.resolve(c, prev))
        if t is not None and not a.companions and len(a.agents) < 2:
            # Xと…することで合意: the partner sits in the agreed clause, on its predicate
            for g in t.subtree:
                on_predicate = g.head.pos_ == "VERB" or (
                    g.head.dep_ in ("obl", "obj") and g.head.head.pos_ == "VERB" and self.ents.head_entity(g.head) is None)
                if g.i != t.i and particles(g) in ("と", "とも") and g.i < anchor.i and on_predicate:
                    a.add_companions(self.ents.resolve(g, prev))
        if not a.companions:
            for f in frame:
                for c in f.children:
                    if c.i not in skip and particles(c) in self.cues.source_particles:
                        a.add_companions(i for i in self.ents.resolve(c, prev) if self.ents.label(i) != "PLACE")
        if rule.mode == "acquire" and not a.companions:
            for c in anchor.children:
                if c.i not in skip and particles(c) == "を":
                    a.add_companions(i for i in self.ents.resolve(c, prev) if self.ents.label(i) == "ORG")

    def _assemble(self, rule: TriggerRule, frame: list[Token], skip: set[int], sent: Span, a: Args, base: dict) -> list[Candidate]:
        """Participants with roles, per event type; [] when the syntax does not give them."""
        t = rule.type
        if t in ("CALL", "MEETING"):
            if "conference" in rule.requires:
                conf = self._conference(frame, skip)
                if conf is None or not a.agents:
                    return []
                return [Candidate(participants=[(x, "attendee") for x in a.agents], place=a.place, **{**base, "topic": conf})]
            if len(a.inner) >= 2 and not a.companions:
                return [Candidate(participants=[(i, "party") for i in a.inner], place=a.place, **base)]
            companions = a.companions or (self._inherit_partner(a.agents, sent) if a.carried else [])
            if not companions:
                if len(a.agents) >= 2:
                    return [Candidate(participants=[(x, "party") for x in a.agents], place=a.place, **base)]
                return []
            if not a.agents:
                return []
            split = t == "CALL" or any(tok.lemma_ in self.cues.split_cues or tok.text in self.cues.split_cues for tok in sent)
            groups = [[c] for c in companions] if split else [companions]
            return [Candidate(participants=[(x, "agent") for x in a.agents] + [(c, "counterpart") for c in g], place=a.place, **base)
                    for g in groups]
        if t == "AGREEMENT":
            parts = list(dict.fromkeys(a.agents + a.companions + (a.inner if len(a.inner) >= 2 else [])))
            if len(parts) == 1 and a.carried:
                parts += [p for p in self._inherit_partner(parts, sent) if p not in parts]
            if len(parts) < 2:
                # 会談し、合意した: the agreement's parties are those of the meeting clause
                clauses = {c.i for f in frame for c in f.children if c.dep_ in ("advcl", "conj")}
                for e in self.events:
                    if e.frame & clauses and e.rule.type in ("MEETING", "CALL") and (not parts or parts[0] in e.ids):
                        parts = list(dict.fromkeys(parts + [p for p, _ in e.participants]))
            if len(parts) < 2:
                return []
            return [Candidate(participants=[(p, "party") for p in parts], place=a.place, **base)]
        if t == "VISIT":
            people = [x for x in a.agents if self.ents.label(x) in ("PERSON", "ORG") or self.ents.is_country(x)]
            if not people or ("place" in rule.requires and a.place is None) or a.place in people:
                return []
            return [Candidate(participants=[(x, "visitor") for x in people], place=a.place, **base)]
        if t == "POSITION":
            if not a.agents:
                return []
            if "proposal" in rule.requires and (
                    a.topic_tok is None or not _ends_with_any(self.doc[slice(*compound_run(a.topic_tok))].text, self.cues.proposal_nouns)):
                return []
            return [Candidate(participants=[(x, "holder") for x in a.agents], place=a.place, stance=rule.stance, **base)]
        return []

    def _leader_pair_agent(self, sent: Span, companions: list[str]) -> list[str]:
        """A meeting with a named counterpart and no subject, in a sentence about the leaders of two
        countries (米露首脳の対話 … Xと会談した日): the agent is the other country's named leader."""
        leaders = next((g for g in self.cues.groups if "首脳" in g.pattern), None)
        if leaders is None:
            return []
        for t in sent:
            if not t.text.endswith("首脳"):
                continue
            s, e = compound_run(t)
            countries = [r.entity for r in self.ents.in_range(s, e) if self.ents.is_country(r.entity)]
            if len(set(countries)) != 2:
                continue
            named = [p for p in self.ents.entities if self.ents.label(p) == "PERSON" and self.ents.affiliation(p) in countries
                     and self.ents.fits(p, leaders) and p not in companions]
            if len(named) == 1:
                return named
        return []

    def _nominal_descendants(self, tok: Token, depth: int = 2) -> list[Token]:
        """Descendants reached through nouns only (no clause in between), up to ``depth``."""
        out: list[Token] = []
        frontier = [tok]
        for _ in range(depth):
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and c.dep_ not in ("acl", "advcl"):
                        out.append(c)
                        nxt.append(c)
            frontier = nxt
        return out

    def _place(self, tok: Token) -> str | None:
        for m in members(tok):
            eid = self.ents.head_entity(m)
            if eid and self.ents.label(eid) == "PLACE":
                return eid
        s, e = subtree_range(tok)
        for r in self.ents.in_range(s, e):
            if r.label == "PLACE":
                return r.entity
        return None

    def _conference(self, frame: list[Token], skip: set[int]) -> str | None:
        for f in frame:
            for c in f.children:
                if c.i in skip or particles(c) not in ("に", "へ"):
                    continue
                s, e = compound_run(c)
                text = self.doc[s:e].text
                if any(text.endswith(x) for x in self.cues.conference_suffixes) and len(text) > 2:
                    return text
        return None

    def _inherit_partner(self, agents: list[str], sent: Span) -> list[str]:
        """Zero anaphora for the partner: the latest event of the previous sentences with the
        same agent and exactly one other participant (都は協会と交渉した。…合意した)."""
        if len(agents) != 1:
            return []
        for e in reversed(self.events):
            if e.headline or e.sent_start >= sent.start:
                continue
            ids = [p for p, _ in e.participants]
            if agents[0] in ids and len(ids) == 2:
                return [i for i in ids if i != agents[0]]
            break
        return []

    def _prev_sent_start(self, sent: Span, region: Span) -> int | None:
        prev = None
        for k in sorted(self.sent_subject):
            if k < sent.start and k >= region.start:
                prev = k
        return prev

    def note_sentence(self, sent: Span, region: Span) -> None:
        """Record the subject of a sentence (its main-clause は/が phrase) for zero anaphora."""
        if sent.start in self.sent_subject:
            return
        root = sent.root
        subj = None
        for c in sorted(root.children, key=lambda x: x.i):
            if particles(c) in ("は", "が"):
                ids = self.ents.resolve(c, self._previous())
                if ids and self.ents.label(ids[0]) in ("PERSON", "ORG", "PLACE"):
                    subj = ids[0] if len(ids) == 1 else None
        if subj is None and not self.sentence_has_subject(sent):
            subj = self.sent_subject.get(self._prev_sent_start(sent, region))
        self.sent_subject[sent.start] = subj
