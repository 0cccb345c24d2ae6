"""From a trigger match to an event: predicate frame, participants, place, date, status, topic.

Arguments come from the dependency tree (GiNZA): the subject (は/が) and the と/との/とも
companions of the trigger's predicate frame; the subject is searched up the tree when the
trigger sits in a subordinate clause, and carried from the previous sentence when the sentence
has none (zero anaphora).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..doc_state import results
from .arguments import EntityIndex
from .lexicon import Cues, TriggerRule
from .syntax import ancestors, compound_run, is_nounish, members, particles, subtree_range
from .when import ClauseTime, DateIndex
from .when import _point_value as point_value

_TOPIC_EDGES = ("に", "を", "で", "について", "への", "に対する", "に対して", "をめぐる", "を巡る")
_TIME_SUFFIXES = {"後", "前", "中", "際", "時", "直後", "直前", "以降"}
# 会談した時も / 電話で話したとき: a time a clause modifies is when, not who
_TIME_NOUNS = _TIME_SUFFIXES | {"とき", "頃", "ころ", "折", "瞬間"}
# 入団契約 / 移籍 / 加入: joining an organisation (a joining contract binds the party to it)


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
    hosts: list[str] = field(default_factory=list)  # VISIT: the people visited (知事を表敬訪問)
    each: bool = False  # the agents acted each on their own (the speakers of the stances こうした批判 points back to)
    unnamed: bool = False  # a counterpart is named, but as no entity (住民らと協議, 代表者を招いて協議)

    def add_companions(self, ids) -> None:
        for i in ids:
            if i not in self.companions:
                self.companions.append(i)


_AGREEMENT_TOPIC = ("について", "についての", "に関する", "に関して", "をめぐる", "を巡る", "で", "に", "を")


_PREVIOUS_WINDOW = 40


def _brackets(doc: Doc) -> tuple[dict[int, int], dict[int, tuple[int, int]]]:
    """Tokens inside 「…」 / 『…』 (brackets excluded): the outermost pair each lies in (numbered
    by its opening token) and the innermost pair, as a token range. An unclosed bracket ends with
    its paragraph."""
    outer: dict[int, int] = {}
    inner: dict[int, tuple[int, int]] = {}
    stack: list[int] = []
    def close(end: int) -> None:
        open_ = stack.pop()
        for i in range(open_ + 1, end):
            inner.setdefault(i, (open_ + 1, end))  # inner pairs close first: the innermost is set first

    for t in doc:
        if "\n" in t.orth_:
            while stack:
                close(t.i)
            continue
        if t.orth_ in ("」", "』") and stack:
            close(t.i)
        elif stack:
            outer[t.i] = stack[0]
        if t.orth_ in ("「", "『"):
            stack.append(t.i)
    while stack:
        close(len(doc))
    return outer, inner


# 米国の支持, AとBによる会談: the phrase on a noun trigger that names its actors
_GENITIVES = ("の", "による", "によります")
# こうした批判について: a stance noun as what another predicate is about
_ABOUT = ("について", "についての", "に対し", "に対して", "をめぐって", "を巡って", "に関して", "については")
_ADDRESSEE = {"に対し", "に対して"}
_DISTRIBUTIVE = ("各", "諸")  # 各国の会議: each of a kind, no one holder
_AGENT_OF_PASSIVE = ("に", "によって", "により", "から", "には", "からも", "にも")




def _demonstrative(tok: Token, cues: Cues) -> bool:
    """Does a demonstrative point the noun back to what was just said (こうした批判, これらの懸念)?"""
    for c in tok.children:
        if c.i > tok.i:
            continue
        if c.dep_ == "acl" and c.lemma_ in ("する", "いう", "言う") and any(g.lemma_ in cues.demonstrative_adverbs for g in c.children):
            return True
        if c.dep_ in ("det", "nmod") and (c.lemma_ in cues.demonstrative_words or (
                c.orth_ in ("ら", "等") and any(g.lemma_ in cues.demonstrative_words for g in c.children))):
            return True  # この批判 / これらの懸念 (これ hangs on ら)
    return False


def _passive(tok: Token) -> bool:
    """Is the predicate in the passive (支持される, 批判された)?"""
    return tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lemma_ in ("れる", "られる") and c.i > tok.i for c in tok.children)


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
        self.sent_subject: dict[int, str | None] = {}
        self._noted: list[int] = []  # sorted keys of sent_subject
        self.events: list[Candidate] = []
        self.trigger_tokens: set[int] = set()
        self.quoted, self.bracket = _brackets(doc)
        self._unquote_names()
        self.quotes = sorted(results(doc, "quotes"), key=lambda q: q.start)
        self._quote_starts = [q.start for q in self.quotes]  # bisect instead of scanning all quotes
        self.blocking: dict[int, TriggerRule] = {}
        self.when = ClauseTime(doc, cues, dates, self.trigger_tokens)
        self.why = ""  # why the last build() gave no event (for the explain command)
        self.each = False  # set by _agents when the agents are speakers who acted each on their own
        self.headline_people: list[str] = []  # people the headline names (set by the component)
        c = cues
        self.light = set(c.light_verbs)
        self.frame_nouns = set(c.frame_nouns)
        self.nominal = set(c.nominalizers)
        self.subj_p = set(c.subject_particles)
        self.comp_p = set(c.companion_particles)
        self.place_p = set(c.place_particles)
        self.topic_p = c.topic_particles

    def _unquote_names(self) -> None:
        """「法と正義」は…拒否した: brackets that hold one name only are no quote (a party, a work)."""
        seen: set[int] = set()
        for i, o in list(self.quoted.items()):
            if o in seen or i != o + 1:
                continue
            seen.add(o)
            inner = self.bracket.get(i)
            if inner is None or inner[0] != i:
                continue
            s, e = inner
            if any(r.tok_start <= s and e <= r.tok_end for r in self.ents.in_range(s, s + 1)) \
                    or self.ents.surface.get(self.doc[s:e].text):
                for k in range(s, e):
                    if self.quoted.get(k) == o:
                        del self.quoted[k]

    # -- predicate frame --------------------------------------------------------------------------
    def frame(self, anchor: Token) -> list[Token]:
        """The trigger plus the light verbs / stance nouns that carry its arguments."""
        out = [anchor]
        cur = anchor
        while cur.head.i != cur.i:
            h = cur.head
            p = particles(cur)
            if cur.dep_ in ("obj", "obl", "nsubj", "compound", "nmod") and p in ("", "を", "に", "には", "へ", "が", "は", "の", "も", "をも", "にも") and (
                h.lemma_ in self.light or h.lemma_ in self.frame_nouns or (p in ("を", "も", "に", "にも", "") and h.lemma_ in self.cues.receive_verbs)
            ):
                out.append(h)
                cur = h
                continue
            if p == "と" and cur.pos_ == "NOUN" and h.lemma_ in self.light and h.i > cur.i \
                    and any(c.dep_ == "obj" and c.i > cur.i and particles(c) == "を" for c in h.children):
                # 入団契約と記者会見をした: the first of coordinated objects of a light verb
                out.append(h)
                cur = h
                continue
            if cur.dep_ == "compound" and p == "" and h.i > cur.i and h.lemma_ in _TIME_SUFFIXES and not out[1:]:
                # Xとの会談直前に / 会談後、: the time noun heads the compound, the trigger's arguments hang on it
                out.append(h)
            break
        return out

    # -- subject ----------------------------------------------------------------------------------
    def _subject_child(self, head: Token, anchor: Token, skip: set[int]) -> Token | None:
        best = None
        for c in head.children:
            if c.i in skip or c.i >= anchor.i or self._quoted_arg(c, anchor):
                continue  # a subject inside a quote (「日本側は…」と批判した) is the quoted speaker's, not the trigger's
            if particles(c) in self.subj_p and self.ents.resolve(c, self._previous()) and not self._locative(c):
                if best is None or c.i > best.i:
                    best = c
            elif c.pos_ in ("NOUN", "NUM", "PROPN") and c.dep_ in ("obl", "nmod"):
                # ソフトバンクが17日、… : the parser may hang the subject on a date
                for g in c.children:
                    if g.i < anchor.i and not self._quoted_arg(g, anchor) and particles(g) in ("は", "が") and self.ents.resolve(g, self._previous()):
                        best = g if best is None or g.i > best.i else best
        return best

    @staticmethod
    def _genitives(anchor: Token) -> list[Token]:
        """The phrases naming a noun trigger's actor: Xの批判, Xによる反対."""
        # (Xの強い反対: the parser may hang X on the adjective)
        heads = [anchor] + [c for c in anchor.children if c.i < anchor.i and c.dep_ in ("acl", "amod") and c.pos_ == "ADJ"]
        return [c for h in heads for c in h.children if c.i < anchor.i and c.dep_ == "nmod" and particles(c) in _GENITIVES]

    def _locative(self, tok: Token) -> bool:
        """関西地区では…: a では phrase naming a place other than a country is where, not who."""
        if particles(tok) not in ("では", "でも"):
            return False
        ids = self.ents.resolve(tok, self._previous())
        return all(self.ents.label(i) == "PLACE" and not self.ents.is_country(i) for i in ids)

    def _quoted_arg(self, tok: Token, anchor: Token) -> bool:
        """Is ``tok`` inside a quote that does not hold the trigger itself (「中国当局は…」と「遺憾の意」
        を表明: the subject of the first quote is not the second's)?"""
        q = self.quoted.get(tok.i)
        return q is not None and q != self.quoted.get(anchor.i)

    def subject(self, anchor: Token, frame: list[Token], skip: set[int], visit: bool = False) -> tuple[Token | None, str | None, bool]:
        """The subject phrase of the frame, or the entity of the noun its relative clause modifies;
        the flag says that a relative clause's noun takes the subject slot (訪れた観光客: no entity,
        and no subject from elsewhere either). With ``visit``, a place that the clause modifies
        (視察した福島県内で) is the destination, and the subject is searched above it."""
        for f in frame:
            s = self._subject_child(f, anchor, skip)
            if s is not None:
                return s, None, False
        for f in frame:
            for c in f.children:
                if c.dep_ in ("advcl", "acl", "csubj") and c.i < anchor.i and c.i not in skip:
                    s = self._subject_child(c, anchor, skip)
                    if s is not None:
                        return s, None, False
        for f in frame:
            for c in f.children:
                if c.i < anchor.i and c.i not in skip and c.lemma_ in _TIME_NOUNS and c.pos_ == "NOUN":
                    # Xがハワイに行った際、電話をもらった: the time clause's subject, when the predicate has none
                    for g in c.children:
                        if g.dep_ == "acl" and g.i < c.i:
                            s = self._subject_child(g, anchor, skip)
                            if s is not None:
                                return s, None, False
        cur = frame[-1]
        for h in ancestors(cur):
            if h.i < anchor.i and not self._quoted_arg(h, anchor) and particles(h) in self.subj_p and self.ents.resolve(h, self._previous()):
                return h, None, False  # a mis-attached clause hanging on its own subject
            if cur.i == frame[-1].i and cur.dep_ in ("acl", "csubj") and particles(cur) == "は" and h.pos_ in ("NOUN", "PROPN") \
                    and any(c.dep_ == "mark" and c.orth_ == "の" for c in cur.children) and self.ents.resolve(h, self._previous()):
                return h, None, False  # Xに参加するのは、A、B、C(だ): a cleft, whose predicate names the subject
            if cur.i == frame[-1].i and cur.dep_ == "acl" and cur.head.lemma_ not in self.nominal and cur.head.lemma_ not in self.frame_nouns \
                    and cur.head.lemma_ not in _TIME_NOUNS \
                    and not (visit and self.ents.label(self.ents.head_entity(h) or "") == "PLACE"):
                # the trigger's clause modifies a noun: that noun is its subject (a day it modifies dates it instead)
                return None, self.ents.head_entity(h), h.i not in self.dates.tokens
            if cur.dep_ in ("nmod",) and h.lemma_ not in self.nominal and h.i not in self.trigger_tokens:
                s = self._subject_child(h, anchor, skip)
                if s is not None:
                    return s, None, False
            s = self._subject_child(h, anchor, skip | {cur.i})
            if s is not None:
                return s, None, False
            for c in h.children:
                if c.dep_ in ("advcl", "acl") and c.i < anchor.i and c.i != cur.i:
                    s = self._subject_child(c, anchor, skip)
                    if s is not None:
                        return s, None, False
            cur = h
        topic = self._sentence_topic(anchor) or self._comma_topic(anchor)
        if topic is not None:
            return topic, None, False
        return None, None, False

    def _leading_subject(self, sent: Span, span: Span) -> list[str]:
        """Xが記者会見で、…てはならないと述べた: a reported judgement's holder that the parser hung
        inside the reported clause — the sentence's first が phrase (a person or an organisation,
        outside quotes), set off from the clause by a comma."""
        prev = self._previous()
        for t in self.doc[sent.start:span.start]:
            if t.i in self.quoted:
                continue
            p = particles(t)
            if p in ("は", "が"):
                ids = self.ents.resolve(t, prev)
                if not ids and (t.lemma_ in _TIME_NOUNS or t.text.endswith(tuple(_TIME_NOUNS))):
                    continue  # (閣議後は、: a time, not a topic)
                h = t.head
                if not ids and h.i < span.start and h.dep_ == "advcl" and h.pos_ in ("VERB", "ADJ", "AUX") \
                        and any(c.dep_ == "mark" and c.pos_ == "SCONJ" for c in h.children):
                    continue  # (その意図は語られないが、Xが…と主張した: the subject of a subordinate clause that has closed)
                if p != "が" or not ids or any(self.ents.label(i) not in ("PERSON", "ORG") for i in ids):
                    return []
                if not any(c.orth_ == "、" and c.i not in self.quoted for c in self.doc[t.i + 1:span.start]):
                    return []
                return ids
        return []

    def _comma_topic(self, anchor: Token) -> Token | None:
        """岸田首相、バイデン大統領と会談へ: a particle-less name phrase set off by a comma at the start
        of the sentence (the headline and lead style) is its topic; a date or a place is not."""
        sent = self.full_sentence(anchor)
        for t in self.doc[sent.start:anchor.i]:
            if t.orth_ in ("、", ","):
                head = self.doc[t.i - 1] if t.i > sent.start else None
                if head is None or particles(head) or head.i in self.dates.tokens or t.head.i != head.i:
                    return None
                eid = self.ents.head_entity(head)
                if eid is None or self.ents.label(eid) not in ("PERSON", "ORG") or self.quoted.get(head.i) is not None:
                    return None
                return head
            if t.pos_ in ("ADP", "VERB", "AUX", "SCONJ") or t.orth_ in ("「", "『", "(", "（"):
                return None
        return None

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
            if t.orth_ in ("「", "『") and (t.i + 1 in self.quoted or t.i + 1 not in self.bracket):
                depth += 1  # (「法と正義」は: brackets holding a name only are transparent)
            elif t.orth_ in ("」", "』") and (t.i - 1 in self.quoted or t.i - 1 not in self.bracket):
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
    def _by_phone(self, frame: list[Token]) -> bool:
        """Does a で phrase of the frame name a remote medium (電話で, オンラインで)?"""
        media = set(self.cues.call_media)
        return any(c.lemma_ in media and particles(c) == "で" for f in frame for c in f.children)

    # -- topic ------------------------------------------------------------------------------------
    def topic_for(self, frame: list[Token], skip: set[int], ptypes: tuple[str, ...]) -> Token | None:
        """The argument a position or agreement is about: the first listed particle wins
        (について / に対して before を / に), then the nearest to the trigger."""
        best: tuple[int, int, Token] | None = None
        for f in frame:
            for c in f.children:
                if c.i in skip or c.i > f.i:
                    continue
                if c.i in self.dates.tokens or c.lemma_ in self.cues.day_parts:
                    continue  # (12日の午前中に: a time, not what the stance is about)
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
        date_ends = self.dates.ends
        for t in self.doc[s:e]:
            if t.orth_ == "、" and t.i > s:
                prev = self.doc[t.i - 1]
                if t.i in date_ends or prev.pos_ in ("VERB", "AUX") or prev.lemma_ == "て":
                    s = t.i + 1
        return self.doc[s:e].text

    # -- the event --------------------------------------------------------------------------------
    def suppressed(self, anchor: Token, frame: list[Token], talk: bool = False) -> str:
        """Why a trigger names no happening of its own ('' when it does): the topic of an agreement
        or position (相互訪問に合意, 訪問に反対) and background states (欧州訪問中の長官)."""
        nxt = self.doc[anchor.i + 1] if anchor.i + 1 < len(self.doc) else None
        prev = self.doc[anchor.i - 1] if anchor.i > 0 else None
        if nxt is not None and nxt.lemma_ == "中" and particles(nxt) == "の" and not (prev is not None and prev.orth_ == "を"):
            return "background state (〜中の)"  # (Xを訪問中の長官: a clause with its own object reports the visit)
        if anchor.i == anchor.sent.start and nxt is not None and nxt.orth_ == "に":
            return "connective (反対に、)"
        if self._bracketed_name(anchor, frame):
            return "a name or a slogan in brackets (「クーデター反対」と書かれた, 『首脳会談』の)"
        h = anchor.head
        if (anchor.dep_ == "compound" and h.i > anchor.i and h.pos_ in ("NOUN", "PROPN") and h.lemma_ not in self.frame_nouns
                and h.lemma_ not in self.light and h.i not in self.trigger_tokens and h.lemma_ not in _TIME_SUFFIXES):
            return f"modifier inside the compound noun {h.text}"
        own = {t.i for t in frame}
        cur = frame[-1]
        for h in ancestors(cur, limit=4):
            if cur.dep_ in ("advcl", "conj", "ROOT"):
                break  # a clause of its own (会談し、合意した)
            p = particles(cur)
            if len(p) > 1 and p.endswith("も"):
                p = p[:-1]  # 〜することでも一致, 〜にも反対: the same edge as で / に
            rule = self.blocking.get(h.i)
            if talk and cur.i == frame[-1].i and cur.pos_ in ("NOUN", "PROPN") and p in ("で", "では", "にて"):
                return ""  # 12日の会談で合意した: the meeting is the setting of the agreement, not what is agreed
            if rule is not None and h.i not in own:
                # 相互訪問に合意 / 協議を再開することで一致 / 会談を歓迎: what is agreed or judged
                if rule.type in ("AGREEMENT", "POSITION") and (p in _TOPIC_EDGES or cur.dep_ == "acl") and not self._told_as_past(anchor):
                    return f"what the {rule.type} at {h.text} is about"
                return ""
            cur = h
        return ""

    def _ongoing(self, anchor: Token) -> bool:
        """Is the trigger an ongoing state describing a noun (訪問中の長官)?"""
        nxt = self.doc[anchor.i + 1] if anchor.i + 1 < len(self.doc) else None
        return nxt is not None and nxt.lemma_ == "中" and particles(nxt) == "の" and nxt.head.i > nxt.i

    def _told_as_past(self, anchor: Token) -> bool:
        """Does a relative clause of the trigger noun tell it as past (12日に行われた訪問について反発):
        then it happened, whatever is said about it."""
        return anchor.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "acl" and c.i < anchor.i and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lemma_ == "た" for a in c.children)
            and c.lemma_ not in self.cues.status.planned_heads
            for c in anchor.children)

    def _bracketed_name(self, anchor: Token, frame: list[Token]) -> bool:
        """Is the trigger a word of a bracketed name or slogan, not of a quoted statement? The
        brackets hold no predicate and are followed by の, a noun or a naming verb (と書かれた,
        という, と題する); 「遺憾の意」を表明 (the object of a predicate outside) and 「極めて遺憾」
        とした (a quoted stance) are statements."""
        inside = self.bracket.get(anchor.i)
        if inside is None or not inside[0] <= frame[-1].i < inside[1]:
            return False
        start, end = inside
        if any(t.pos_ in ("VERB", "AUX") for t in self.doc[start:end] if t.i != anchor.i):
            return False
        nxt = self.doc[end + 1] if end + 1 < len(self.doc) else None
        if nxt is None:
            return False
        if nxt.orth_ == "の" or nxt.pos_ in ("NOUN", "PROPN"):
            return True
        after = self.doc[end + 2] if end + 2 < len(self.doc) else None
        return nxt.orth_ == "と" and after is not None and after.lemma_ in self.cues.naming_verbs

    def build(self, rule: TriggerRule, span: Span, anchor: Token, region: Span, headline: bool) -> list[Candidate]:
        """The events one trigger match stands for (none when its participants are not found)."""
        self.why = ""
        sent = self.full_sentence(anchor)
        frame = self.frame(anchor)
        why = self.suppressed(anchor, frame, rule.type in ("CALL", "MEETING"))
        if why:
            self.why = why
            return []
        if rule.type == "MEETING" and self._by_phone(frame):
            # 電話で約30分間会談, 電話でXと会談: a meeting held by telephone is a call
            rule = rule.model_copy(update={"id": rule.id + "+by_phone", "type": "CALL", "cameo": "041", "mode": "telephone"})
        if rule.exclude_compounds:
            cs, ce = compound_run(anchor)
            words = self.doc[cs:ce].text
            if any(w in words for w in rule.exclude_compounds):
                self.why = f"excluded compound {words}"
                return []  # 共同記者会見: a press conference, not a meeting
        skip = {t.i for t in span} | {t.i for t in frame}
        if rule.complement:
            # Xは、Yは撤退すべきだと主張した: a later subject on the reporting verb belongs to the clause
            named = [c.i for c in anchor.children if c.i < span.start and particles(c) in self.subj_p and self.ents.resolve(c, self._previous())]
            skip.update(named[1:])
        a = Args()
        # parties named inside the trigger's compound: 日中首脳会談, 米露首脳会談
        s, _ = compound_run(anchor)
        a.inner = list(dict.fromkeys(r.entity for r in self.ents.in_range(s, span.start)))
        self.each = False
        a.agents, gap = self._agents(anchor, frame, skip, rule.type == "VISIT", rule.type == "POSITION")
        a.each = self.each
        if rule.complement and not a.agents and not gap:
            a.agents = self._leading_subject(sent, span)
        self._companions_and_place(rule, span, anchor, frame, skip, sent, a)
        if rule.type in ("POSITION", "AGREEMENT"):
            tp = tuple(self.topic_p) if rule.type == "POSITION" else _AGREEMENT_TOPIC
            a.topic_tok = self.topic_for(frame, skip, tp)
        if rule.type == "AGREEMENT":
            self._agreement_partners(rule, anchor, frame, skip, a)
        if rule.type == "VISIT" and a.place is None and frame[-1].dep_ == "acl":
            eid = self.ents.head_entity(frame[-1].head)
            a.place = eid if eid and self.ents.label(eid) == "PLACE" else None  # 視察した福島県内で
        if rule.type == "VISIT" and a.place is None and anchor.i >= 2 and self.doc[anchor.i - 1].orth_ in ("を", "に", "へ") \
                and self.doc[anchor.i - 1].head.i == anchor.i - 2:
            a.place = self._place(self.doc[anchor.i - 2])  # Xを訪問中の: the parser may hang X on a later verb
        if rule.type == "VISIT" and a.place is None and a.inner:
            a.place = next((i for i in a.inner if self.ents.label(i) == "PLACE"), None)
        if rule.type == "VISIT" and a.place is None and anchor.lemma_ in self.cues.visit_places:
            a.place = self.ents.named(self.cues.visit_places[anchor.lemma_])  # 訪米: the country it names
        # zero anaphora: no subject anywhere before the trigger in this sentence
        if not a.agents and not gap and len(a.inner) < 2 and not self.sentence_has_subject(self.doc[sent.start:anchor.i]):
            carried_subj = self.sent_subject.get(self._prev_sent_start(sent, region))
            if carried_subj:
                a.agents, a.carried = [carried_subj], True
        if not a.agents and a.companions and rule.type in ("CALL", "MEETING"):
            a.agents = self._leader_pair_agent(sent, a.companions)
        if not a.agents and a.companions and rule.type == "CALL":
            a.agents = self._first_person(anchor, a.companions)
        exclude: set[int] = set()
        accord_date = None
        if a.topic_tok is not None:
            exclude = set(range(*subtree_range(a.topic_tok)))
            for sp, d in self.dates.between(min(exclude, default=0), max(exclude, default=-1) + 1):
                if sp.start in exclude and sp.end < len(self.doc) and self.doc[sp.end].orth_ == "、" \
                        and not self.when.in_nested_clause(sp.root, a.topic_tok):
                    exclude.discard(sp.start)  # トヨタは20日、…ことで合意: the date of the whole sentence
                elif rule.type == "AGREEMENT" and compound_run(a.topic_tok)[0] <= sp.end <= a.topic_tok.i and point_value(d):
                    accord_date = point_value(d)  # 4月停戦合意に調印: a date prefixing the accord's name dates it
        nominal = len(frame) == 1 and anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ != "ROOT" and not self._ongoing(anchor) \
            and not (particles(anchor) in ("は", "が", "も") and (
                (rule.alone and anchor.head.lemma_ in self.cues.decision_verbs)
                or (rule.type == "POSITION" and anchor.head.lemma_ in self.cues.emergence_verbs))) \
            and not (rule.type in ("CALL", "MEETING") and particles(anchor) in ("で", "では", "にて") and self.when.past_verb(anchor.head))
        # (理事会は12日、…を採択した: a session deciding is dated by its decision; 12日、批判が相次いだ;
        # その後の会談で説得した: a meeting as the setting of a past act is dated as that act)
        date = self.when.date_for(anchor, frame, sent, region, exclude, clause_only=rule.date_scope == "clause" or nominal) or accord_date
        base = dict(
            frame=frozenset(t.i for t in frame), rule=rule, start_char=span.start_char, end_char=span.end_char,
            anchor=anchor.i, sent_start=sent.start, date=date, headline=headline, carried=a.carried,
            status=self.when.status_for(frame, date, stance=rule.type == "POSITION"),
            duration=self.when.duration_for(frame, sent) if rule.type in ("CALL", "MEETING") else None,
            topic=self.text_of(a.topic_tok) if a.topic_tok is not None else None,
        )
        a.companions = [c for c in a.companions if c not in a.agents]
        if a.topic_tok is not None and rule.type == "POSITION":  # what a position is about is never its holder
            ts, te = subtree_range(a.topic_tok)
            topical = {r.entity for r in self.ents.in_range(ts, te)}
            a.agents = [x for x in a.agents if x not in topical or x in a.companions]
        out = self._assemble(rule, frame, skip, sent, a, base)
        if not out:
            self.why = f"arguments incomplete (subject {a.agents}, companions {a.companions}, inner {a.inner}, place {a.place})"
        return out

    def _agents(self, anchor: Token, frame: list[Token], skip: set[int], visit: bool = False, stance: bool = False) -> tuple[list[str], bool]:
        """Subject entities, and whether the subject slot is taken (so that no subject may be
        carried into it) although it names no entity: by the noun a relative clause modifies
        (訪れた観光客), or by the target of a passive or receiving frame (支持された, 批判を受けた),
        whose holder is the から / に / によって phrase. A genitive on a noun trigger wins (米国の支持)."""
        prev = self._previous()
        receive = next((f for f in frame[1:] if f.lemma_ in self.cues.receive_verbs), None)
        if receive is None and stance and anchor.pos_ in ("NOUN", "PROPN", "ADJ") and anchor.head.i > anchor.i \
                and anchor.head.lemma_ in self.cues.receive_verbs and anchor.dep_ in ("obl", "obj", "advcl"):
            receive = anchor.head  # 反対に直面: the parser may take the stance noun for a clause
        if receive is not None:
            # Xは…から批判を受けた: X is the target, the から phrase (if any) holds the position
            # (Xの批判を浴びた, Xの反対に直面: or the genitive on the stance noun)
            named = [c for c in receive.children if particles(c) in ("から", "からの")] + self._genitives(anchor) + [
                c for c in anchor.children if c.i < anchor.i and c.dep_ == "nmod" and particles(c) == "からの"]  # (Xからの批判を受けた)
            ids = [i for c in named if c.i not in skip for i in self.ents.resolve(c, prev)]
            if not ids and _demonstrative(anchor, self.cues):
                ids = self._voiced_before(anchor)  # こうした批判を受け止める: those just voiced
                self.each = True
            elif not ids and any(particles(c) in ("から", "からの") for c in named):
                # (the sides are named, as no entity: 産業界から; not 数々の批判, whose holders are unnamed)
                ids = self._voiced_after(anchor)  # Xは産業界からの批判を受けた。A氏は「…」と語った。
                self.each = True
            return ids, True
        h = anchor.head
        if stance and len(frame) == 1 and anchor.pos_ in ("NOUN", "PROPN") and (
                (particles(anchor) in ("が", "も", "は") and h.lemma_ in self.cues.emergence_verbs) or particles(anchor) in _ABOUT):
            # 批判が相次いだ / Xから批判が出た: the stance arises, held by whom its own phrase names
            # (Xの批判) or the から phrase, not by the sentence's topic; こうした批判について、Yは…と
            # 話した: the stance is what Y speaks about, not Y's
            named = self._genitives(anchor) + [c for c in h.children if particles(c) in ("から", "からの") and c.i < anchor.i]
            ids = [i for c in named if c.i not in skip for i in self.ents.resolve(c, prev)]
            if not ids and particles(anchor) in _ABOUT and _demonstrative(anchor, self.cues):
                # こうした批判について、Yは…: the stances are those just voiced, each its speaker's
                ids = self._voiced_before(anchor)
                self.each = True
            return ids, True
        if stance and len(frame) == 1 and particles(anchor) in ("を", "も") and _passive(h):
            # 懸念を抱かれ / 不信感を持たれた: the subject is the target, the に / から phrase holds the stance
            named = self._genitives(anchor) + [c for c in h.children if particles(c) in _AGENT_OF_PASSIVE and c.i < h.i]
            return [i for c in named if c.i not in skip for i in self.ents.resolve(c, prev)], True
        arising = h
        while arising.dep_ in ("nmod", "conj") and particles(arising) in ("や", "と", "") and arising.head.i > arising.i \
                and arising.head.pos_ in ("NOUN", "PROPN"):
            arising = arising.head  # 批判の電話やメールが: up the coordination
        if stance and len(frame) == 1 and anchor.pos_ in ("NOUN", "PROPN") and particles(anchor) == "の" and h.pos_ in ("NOUN", "PROPN") \
                and particles(arising) in ("が", "も", "は") and arising.head.lemma_ in self.cues.emergence_verbs:
            # 批判の声が上がった / 抗議の電話が殺到した: the same, the stance noun describing what arises
            named = self._genitives(anchor) + [c for c in arising.head.children if particles(c) in ("から", "からの") and c.i < h.i]
            return [i for c in named if c.i not in skip for i in self.ents.resolve(c, prev)], True
        # (会談が行われた / 会議が開かれた: the trigger noun is the subject of a passive light verb; its
        # actors are on the noun, 〜の会談 / 〜による会談)
        passive = next((f for f in frame if _passive(f) and not (f.lemma_ in self.light and any(
            t.head.i == f.i and t.dep_ == "nsubj" for t in frame))), None)
        if passive is not None:
            # Xは…に支持された: the に / によって phrase holds the position
            return [i for c in passive.children if c.i < passive.i and c.i not in skip and particles(c) in _AGENT_OF_PASSIVE
                    for i in self.ents.resolve(c, prev)], True
        if self._ongoing(anchor):
            # Xを訪問中の長官: the noun the ongoing state describes is the actor
            nxt = self.doc[anchor.i + 1]
            eid = self.ents.head_entity(nxt.head)
            return ([eid] if eid else []), True
        subj_tok, rel_entity, gap = self.subject(anchor, frame, skip, visit)
        q = self.quoted.get(anchor.i)
        if not stance and q is not None and subj_tok is not None and self.quoted.get(subj_tok.i) != q:
            # 「…Xとの政策合意は…」と語った: a speaker is no party to an event the quote only mentions
            # (a stance voiced in a quote may still be the speaker's own)
            return [], True
        if subj_tok is not None and subj_tok.lemma_ in self.cues.non_actor_heads:
            return [], True  # 株価は反発した: a market move, not a stance
        agents = self.ents.resolve(subj_tok, prev) if subj_tok is not None else ([rel_entity] if rel_entity else [])
        if subj_tok is not None and subj_tok.i > anchor.i:
            # Xに参加するのは、AとB、C: a conjunct of the cleft's predicate the parser hung on the clause
            for c in frame[-1].children:
                if frame[-1].i < c.i < subj_tok.i and particles(c) == "と" and c.i not in skip:
                    agents += [i for i in self.ents.resolve(c, prev) if i not in agents]
        for c in anchor.children:
            if c.i < anchor.i and c.dep_ == "nmod" and particles(c) in _GENITIVES and c.i not in skip \
                    and anchor.pos_ != "VERB" and not self._affiliation_phrase(c):
                ids = self.ents.resolve(c, prev)
                if ids:
                    agents = ids
                elif stance and self._people_phrase(c):
                    return [], True  # 両幹事長の批判 / 住民らの反発: the holders are named, as no entity
        return agents, gap

    def _quotes_from(self, lo: int, hi: int):
        """Quotes starting in [lo, hi) (characters), in text order."""
        for k in range(bisect_left(self._quote_starts, lo), bisect_left(self._quote_starts, hi)):
            yield self.quotes[k]

    def _voiced_before(self, anchor: Token) -> list[str]:
        """Speakers (people or organisations) of the quotes in the two sentences before the
        anchor's, in the same region, less the anchor sentence's own actors."""
        sent = self.full_sentence(anchor)
        region = next((r for r in self.regions if r.start <= anchor.i < r.end), None)
        if region is None:
            return []
        k = bisect_left(self._noted, sent.start)
        starts = [i for i in self._noted[max(0, k - 2):k] if i >= region.start]
        if not starts:
            return []
        lo, hi = self.doc[starts[0]].idx, self.doc[sent.start].idx
        own = {r.entity for r in self.ents.in_range(sent.start, sent.end)}
        out: list[str] = []
        for q in self._quotes_from(lo, hi):
            if q.end <= hi and q.speaker and q.speaker not in own and q.speaker not in out \
                    and self.ents.label(q.speaker) in ("PERSON", "ORG"):
                out.append(q.speaker)
        return out

    def _voiced_after(self, anchor: Token) -> list[str]:
        """Xは労働組合と産業界からの批判を受けた。A組合長は「…」と語った。B氏は「…」と語った。: a
        stance from sides named as no entity is told by the quotes that follow, in the next two
        sentences of the region, each told by a named speaker (the first sentence without a quote
        ends the list)."""
        n = bisect_right(self._region_starts, anchor.i) - 1
        if n < 0 or anchor.i >= self._sorted_regions[n].end:
            return []
        region = self._sorted_regions[n]
        bounds = self._sentence_starts(n) + [region.end]
        k = bisect_right(bounds, anchor.i)
        out: list[str] = []
        for j in range(k, min(k + 2, len(bounds) - 1)):
            if bounds[j] >= bounds[j + 1] or bounds[j] >= len(self.doc):
                break  # (the region ends with the anchor's sentence)
            lo = self.doc[bounds[j]].idx
            hi = self.doc[bounds[j + 1] - 1].idx + len(self.doc[bounds[j + 1] - 1].text)
            said = [q.speaker for q in self._quotes_from(lo, hi) if q.speaker and self.ents.label(q.speaker) in ("PERSON", "ORG")]
            if not said:
                break
            out.extend(x for x in dict.fromkeys(said) if x not in out)
        return out

    def _people_phrase(self, tok: Token) -> bool:
        """Does the phrase name people or sides without naming an entity (両幹事長, 住民ら, 野党側)?"""
        s, e = compound_run(tok)
        text = self.doc[s:e].text
        return text.startswith("両") or text.endswith(("ら", "たち", "側", "者", "陣営")) or self.ents._member_word(tok)

    def _first_person(self, anchor: Token, companions: list[str]) -> list[str]:
        """「Xから電話があり、私も…」: in a quote told in the first person (私, 僕 …), a call with a
        named other side and no named subject is the speaker's own."""
        q = self.bracket.get(anchor.i)
        if q is None:
            return []
        start, end = q
        if not any(t.pos_ == "PRON" and t.lemma_ in self.cues.first_person for t in self.doc[start:end]):
            return []
        lo, hi = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1].text)
        for quote in self.quotes:
            if quote.start <= lo and hi <= quote.end + 1 and quote.speaker and quote.speaker not in companions \
                    and self.ents.label(quote.speaker) == "PERSON":
                return [quote.speaker]
        return []

    def _affiliation_phrase(self, tok: Token) -> bool:
        """米国のブリンケン国務長官: a genitive phrase right before a person's name phrase is that
        person's affiliation, never a participant of its own (whatever the parser hangs it on)."""
        no = next((c for c in tok.children if c.dep_ == "case" and c.orth_ == "の" and c.i > tok.i), None)
        if no is None:
            return False
        end = no.i + 1
        while end < len(self.doc) and end - no.i <= 6 and is_nounish(self.doc[end]) \
                and self.doc[end].pos_ not in ("ADP", "AUX", "VERB", "PUNCT", "SCONJ", "SPACE"):
            end += 1
        return any(self.ents.label(r.entity) == "PERSON" for r in self.ents.in_range(no.i + 1, end))

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
                if p in cases and c.lemma_ in _TIME_NOUNS:
                    continue  # Xの罷免後に電話があり: a time, not the one called
                if p in cases:
                    ids = self.ents.resolve(c, prev)
                    a.add_companions(ids)
                    a.unnamed = a.unnamed or (not ids and c.pos_ in ("NOUN", "PROPN"))
                elif p not in self.subj_p and c.dep_ in ("obj", "obl", "advmod", "nmod") and self.ents.head_entity(c) is None:
                    # Xと、…額を交渉: the parser may hang the partner on another noun of the clause
                    for g in self._nominal_descendants(c):
                        if particles(g) == "と" and self.ents.head_entity(g.head) is None:
                            a.add_companions(self.ents.resolve(g, prev))
                elif (p in self.place_p or (rule.type == "VISIT" and p in ("を", "に", "へ"))) and a.place is None:
                    a.place = self._place(c)
                if rule.type == "VISIT" and p == "を" and c.i < anchor.i:
                    a.hosts += [i for i in self.ents.resolve(c, prev) if self.ents.label(i) == "PERSON" and i not in a.hosts]
        if rule.type in ("CALL", "MEETING"):
            for f in frame:
                for c in f.children:
                    if c.dep_ == "advcl" and c.lemma_ in self.cues.invite_verbs and c.i < anchor.i:
                        # 代表者を招いて協議した: who was invited is the counterpart
                        for g in c.children:
                            if particles(g) == "を":
                                ids = self.ents.resolve(g, prev)
                                a.add_companions(ids)
                                a.unnamed = a.unnamed or not ids
        last = frame[-1]
        if not a.companions and rule.type in ("CALL", "MEETING") and last.pos_ in ("NOUN", "PROPN") and last.head.i > last.i \
                and particles(last) in ("で", "では", "にて", "の中で"):
            # Xとは来週の会談で説明する: the と-phrase on the verb the meeting is the setting of is its counterpart
            # (会合で、Yに対して…求めた: also the one addressed there)
            for g in last.head.children:
                if g.i in skip or g.i in self.quoted:
                    continue  # (「…」と会見で述べた: a quote, not a partner)
                p = particles(g)
                if (g.i < anchor.i and p in cases and self._no_verb_between(g.i, anchor.i)) or (g.i > anchor.i and p in _ADDRESSEE):
                    a.add_companions(self.ents.resolve(g, prev))
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
            if len(a.inner) >= 2 and not a.companions and all(self._can_hold(i) for i in a.inner):
                return [Candidate(participants=[(i, "party") for i in a.inner], place=a.place, **base)]
            if len(a.inner) == 1 and not a.companions and not a.agents and self._members_session(rule, frame[0], a.inner[0]):
                # EU外相会談, ASEAN首脳会議: the session of a body's members
                return [Candidate(participants=[(a.inner[0], "holder")], place=a.place, **base)]
            companions = a.companions or (self._inherit_partner(a.agents, sent) if a.carried else [])
            if not companions and t == "CALL" and not a.unnamed and len(a.agents) == 1:
                companions = self._headline_person(a.agents[0])
                if companions:
                    base = {**base, "rule": rule.model_copy(update={"id": rule.id + "+headline_counterpart"})}
            if not companions:
                if len(a.agents) >= 2:
                    return [Candidate(participants=[(x, "party") for x in a.agents], place=a.place, **base)]
                if len(a.agents) == 1 and t == "MEETING" and not a.carried and self._can_hold(a.agents[0]):
                    if a.unnamed:
                        # 住民らと協議した: one named side, the other unnamed
                        return [Candidate(participants=[(a.agents[0], "holder")], place=a.place, **base)]
                    body = self._body_of(a.agents[0])
                    if rule.alone and body is not None and self._holds_session(frame, a.agents[0]):
                        # 理事会を開いた: a body's own session; a member who convenes it speaks for the body
                        return [Candidate(participants=[(body, "holder")], place=a.place, **base)]
                return []
            if not a.agents:
                return []
            split = t == "CALL" or self._split(sent)
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
            if len(parts) == 1:
                parts += self._talks_partner(parts[0], sent, frame[0]) or self._joined_body(parts[0], sent, frame[0])
            elif not parts and not a.carried:
                parts = self._joined_body(None, sent, frame[0])
            if len(parts) == 1 and rule.mode == "sign" and not a.carried and self._signs_alone(a):
                # Xは…条約に署名した: the one named signatory of a named accord
                return [Candidate(participants=[(parts[0], "party")], place=a.place, **base)]
            if len(parts) < 2:
                return []
            return [Candidate(participants=[(p, "party") for p in parts], place=a.place, **base)]
        if t == "VISIT":
            people = [x for x in a.agents if self.ents.label(x) in ("PERSON", "ORG") or self.ents.is_country(x)]
            if not people or ("place" in rule.requires and a.place is None) or a.place in people:
                return []
            out = [Candidate(participants=[(x, "visitor") for x in people], place=a.place, **base)]
            hosts = [h for h in a.hosts if h not in people]
            if hosts:
                # 知事を表敬訪問した: visiting a person is meeting them
                meet = rule.model_copy(update={"id": rule.id + "+host", "type": "MEETING", "cameo": "040", "mode": "meet"})
                out.append(Candidate(participants=[(x, "agent") for x in people] + [(h, "counterpart") for h in hosts],
                                     place=a.place, **{**base, "rule": meet}))
            return out
        if t == "POSITION":
            if not a.agents:
                return []
            if "proposal" in rule.requires and (
                    a.topic_tok is None or not _ends_with_any(self.doc[slice(*compound_run(a.topic_tok))].text, self.cues.proposal_nouns)):
                return []
            split = len(a.agents) > 1 and (a.each or self._split(sent))
            groups = [[x] for x in a.agents] if split else [a.agents]  # AとBはそれぞれ…反対した: one stance each
            return [Candidate(participants=[(x, "holder") for x in g], place=a.place, stance=rule.stance, **base) for g in groups]
        return []

    def _talks_partner(self, party: str, sent: Span, anchor: Token) -> list[str]:
        """XはYと交渉したものの、…買収を見送った: the other side of a talk of the same sentence,
        before the trigger, between the one named party and one other (the parser may hang the talk
        clause anywhere, even inside a quote)."""
        for e in reversed(self.events):
            if e.sent_start != sent.start or e.headline:
                break
            if e.anchor < anchor.i and e.rule.type in ("MEETING", "CALL") and party in e.ids and len(e.ids) == 2:
                return [p for p in e.ids if p != party]
        return []

    def _headline_person(self, agent: str) -> list[str]:
        """テリー伊藤氏は…電話で会話した時も: a call with no other side named, in an article whose
        headline names one person (and not the caller), was with that person."""
        if len(self.headline_people) != 1 or self.ents.label(agent) != "PERSON" or agent in self.headline_people:
            return []
        return list(self.headline_people)

    def _joined_body(self, party: str, sent: Span, anchor: Token) -> list[str]:
        """Xが…Yに移籍することが決まり、入団契約をした: a joining contract (入団契約, 入社契約) binds the
        party to the organisation its sentence says it joins (the に / へ phrase of 移籍, 入団 …). With no
        party given, the one who joins (the subject of the joining word) is the party: both are returned."""
        s, e = compound_run(anchor)
        if not any(w in self.doc[s:e].text for w in self.cues.join_words):
            return []
        prev = self._previous()
        for t in self.doc[sent.start:anchor.i]:
            if t.lemma_ not in self.cues.join_words:
                continue
            who = [party] if party else [i for c in t.children if c.i < t.i and particles(c) in ("が", "は")
                                         for i in self.ents.resolve(c, prev) if self.ents.label(i) in ("PERSON", "ORG")][:1]
            for c in t.children:
                if c.i < t.i and particles(c) in ("に", "へ", "への") and who:
                    ids = [i for i in self.ents.resolve(c, prev) if i not in who and self.ents.label(i) == "ORG"]
                    if ids:
                        return ids[:1] if party else who + ids[:1]
        return []

    def _holds_session(self, frame: list[Token], eid: str) -> bool:
        """Is the entity the holder of the session the trigger names: Xの理事会, Xは総会を開いた
        (a verb of holding, whose own subject is no unnamed body), Xは…会議で決定した (the session
        as the setting of a decision)? Speaking at a conference (会議で述べた) is not holding it."""
        prev = self._previous()
        anchor = frame[0]
        for c in anchor.children:
            if c.i < anchor.i and c.dep_ == "nmod" and particles(c) in _GENITIVES and eid in self.ents.resolve(c, prev):
                if not any(r.entity == eid for r in self.ents.in_range(c.i, c.i + 1)):
                    return False  # X関連の会合: the phrase is headed by another noun, not by the body
                s = compound_run(c)[0]
                # 各大陸連盟の会合: "each" names no one body
                return not (self.doc[s].text in _DISTRIBUTIVE or (s > 0 and self.doc[s - 1].text in _DISTRIBUTIVE))
        holding = [f for f in frame[1:] if f.lemma_ in self.cues.session_verbs]
        if holding:
            return not any(particles(c) in ("が", "は") and not self.ents.resolve(c, prev) for f in holding for c in f.children)
        last = frame[-1]
        if particles(last) in ("で", "にて", "において") and last.head.i != last.i:
            h = last.head
            return any(t.lemma_ in self.cues.decision_verbs for t in [h, *(c for c in h.children if c.dep_ == "compound")])
        return False

    def _signs_alone(self, a: Args) -> bool:
        """A signing with one named party: what is signed is an accord (条約, 協定, 合意 …) and no
        counterpart is named in any form (米テスラとの契約: a partner the article does not resolve)."""
        t = a.topic_tok
        if t is None or a.unnamed or not _ends_with_any(self.doc[slice(*compound_run(t))].text, self.cues.accord_nouns):
            return False
        return not any(particles(g) in ("と", "との", "とも", "とは") for g in t.subtree if g.i != t.i)

    def _no_verb_between(self, i: int, j: int) -> bool:
        return not any(t.pos_ == "VERB" for t in self.doc[i + 1:j])

    def _split(self, sent: Span) -> bool:
        """Does the sentence say its coordinated parties acted each on their own (相次いで, それぞれ,
        いずれも)?"""
        for tok in sent:
            if tok.lemma_ in self.cues.split_cues or tok.text in self.cues.split_cues:
                return True
            if tok.i + 1 < sent.end and tok.text + self.doc[tok.i + 1].text in self.cues.split_cues:
                return True
        return False

    def _members_session(self, rule: TriggerRule, anchor: Token, eid: str) -> bool:
        """Is the trigger compound a session of one body's members — the body (an organisation: not a
        country, 日本首脳会議 is no such thing) named inside it before a word for its members (首脳, 外相 …)?"""
        if self.ents.label(eid) != "ORG":
            return False
        s, e = compound_run(anchor)
        last = max((r.tok_end for r in self.ents.in_range(s, e) if r.entity == eid), default=e)
        between = self.doc[last:anchor.i + 1].text
        return any(w in between for w in self.cues.member_titles)

    def _body_of(self, eid: str) -> str | None:
        """The body that holds a session: an organisation or a country itself, a person's
        organisation (党首が会議を開催 → the party); None for a person without one."""
        if self.ents.label(eid) == "ORG" or self.ents.is_country(eid):
            return eid
        aff = self.ents.affiliation(eid) if self.ents.label(eid) == "PERSON" else None
        return aff if aff is not None and self.ents.label(aff) == "ORG" else None

    def _can_hold(self, eid: str) -> bool:
        """Can the entity hold a meeting on its own (a person, an organisation, a country)?"""
        return self.ents.label(eid) in ("PERSON", "ORG") or self.ents.is_country(eid)

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
        """Start of the latest sentence noted before ``sent`` in the same region."""
        k = bisect_left(self._noted, sent.start)
        if k and self._noted[k - 1] >= region.start:
            return self._noted[k - 1]
        return None

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
        insort(self._noted, sent.start)
