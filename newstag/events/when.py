"""When an event happened and how sure the text is of it: the date and the status of its clause.

The date comes from the trigger's own clause (a date hanging on the predicate frame), else from
the sentence (not from inside the topic or a quotation), else from the nearest earlier one in the
paragraph (同日, この日 resolved by ``newstag_dates``). The status comes from the frame's tense
and modality: negated (〜なかった, 見送る), hypothetical (可能性, 検討, 〜ば), planned (予定, 方針,
a later date, a non-past sentence end), else occurred.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..models import DateExpr
from .lexicon import Cues
from .syntax import ancestors, particles

# 支持する方向で検討, 会談することで調整: a で phrase that frames the trigger's clause
_MANNER_NOUNS = {"方向", "こと", "事", "形", "線"}
_SETTING_PARTICLES = {"で", "にて", "において", "では", "でも"}
_PLACE_OF = {"席", "場", "中", "冒頭", "後"}  # パーティーの席で, 会議の場で: the setting is the の-noun
_TIME_HEADS = {"後", "前", "際", "時", "とき", "直後", "直前", "うち"}
_TIME_SUFFIXES = ("後", "直後", "直前", "前")  # 閣議後, 会談直前: one token for a compound time phrase


@dataclass
class DateIndex:
    """Date expressions of the doc with their token spans."""

    items: list[tuple[Span, DateExpr]]
    tokens: set[int] = field(default_factory=set)  # token indices covered by a date
    starts: list[int] = field(default_factory=list)  # token starts of items, sorted
    ends: set[int] = field(default_factory=set)

    def between(self, start: int, end: int) -> list[tuple[Span, DateExpr]]:
        """The dates starting in tokens [start, end), in text order."""
        return self.items[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    @classmethod
    def build(cls, doc: Doc, dates: list[DateExpr]) -> DateIndex:
        items = []
        for d in dates:
            sp = doc.char_span(d.start, d.end, alignment_mode="expand")
            if sp is not None and len(sp):
                items.append((sp, d))
        items.sort(key=lambda x: x[0].start)
        return cls(items, {i for sp, _ in items for i in range(sp.start, sp.end)}, [sp.start for sp, _ in items],
                   {sp.end for sp, _ in items})


def _after_parenthesis(doc: Doc, k: int, limit: int = 8) -> int:
    """The token index after a short parenthesis opening at ``k`` ((UTC+9), (月), (現地時間)), else ``k``."""
    if k >= len(doc) or doc[k].orth_ not in ("(", "（"):
        return k
    for j in range(k + 1, min(len(doc), k + limit)):
        if doc[j].orth_ in (")", "）"):
            return j + 1
        if doc[j].orth_ in ("。", "「", "」") or "\n" in doc[j].orth_:
            break
    return k


def _quote_openings(doc: Doc) -> dict[int, int]:
    """Tokens inside 「…」 / 『…』: the opening token of the outermost pair each lies in (an unclosed
    pair ends with its line)."""
    out: dict[int, int] = {}
    stack: list[int] = []
    for t in doc:
        if "\n" in t.orth_:
            stack.clear()
        elif t.orth_ in ("」", "』"):
            if stack:
                stack.pop()
        elif stack:
            out[t.i] = stack[0]
        if t.orth_ in ("「", "『"):
            stack.append(t.i)
    return out


def _time_phrase(noun: Token) -> bool:
    """Is a noun a time phrase before or after something (閣議後, 会談直前, 会議の後, 投票前)?"""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.lemma_ in _TIME_HEADS or (len(noun.lemma_) > 2 and noun.lemma_.endswith(_TIME_SUFFIXES)):
        return True
    h = noun.head
    return h.i > noun.i and h.lemma_ in _TIME_HEADS and particles(noun) in ("の", "")


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


class ClauseTime:
    """Dates and statuses of trigger frames in one doc."""

    def __init__(self, doc: Doc, cues: Cues, dates: DateIndex, trigger_tokens: set[int]) -> None:
        self.doc = doc
        self.cues = cues
        self.dates = dates
        self.trigger_tokens = trigger_tokens  # filled by the component before the first trigger is read
        self.published: dt.date | None = getattr(doc._, "newstag_published", None)
        self.dur_p = set(cues.durative_particles)
        self.light = set(cues.light_verbs)
        self.day_parts = set(cues.day_parts)
        self.nominal = set(cues.nominalizers)
        self.quote_of = _quote_openings(doc)
        self.expected: set[frozenset[int]] = set()  # frames of stances only expected (反発が予想される)
        # nouns dated where they are introduced (8月29日に行われたパーティー, 12日の会合): a later
        # mention as a clause's setting (パーティーの席で) takes that date
        self.dated_nouns: dict[str, list[tuple[int, str]]] = {}
        for sp, d in dates.items:
            value = _point_value(d)
            noun = self._dated_noun(sp)
            if value and noun is not None:
                self.dated_nouns.setdefault(noun.lemma_, []).append((noun.i, value))
        for mentions in self.dated_nouns.values():
            mentions.sort()

    def _dated_noun(self, sp: Span) -> Token | None:
        """The noun a date introduces: through a relative clause (12日に開かれた会合) or の (12日の会合)."""
        root = sp.root
        h = root.head
        if h.i == root.i:
            return None
        if h.dep_ == "acl" and h.pos_ == "VERB" and h.head.i > h.i and h.head.pos_ in ("NOUN", "PROPN") and not self._durative(sp):
            return h.head
        if particles(root) == "の" and h.pos_ in ("NOUN", "PROPN") and h.i > root.i:
            return h
        if h.pos_ == "VERB" and h.dep_ == "advcl" and h.i > root.i and not self._durative(sp):
            return self._comma_relative(h)
        return None

    def _comma_relative(self, verb: Token) -> Token | None:
        """The noun a relative clause set off by a comma modifies (29日に行われた、自らの…を祝う
        パーティーで): the parser hangs such a clause on the main predicate. The clause ends in
        た and a comma; the noun is the next phrase on the same head, starting right after it."""
        doc = self.doc
        tail = max([verb.i] + [c.i for c in verb.children if c.dep_ == "aux" and c.i > verb.i])
        if doc[tail].lemma_ != "た" or tail + 2 >= len(doc) or doc[tail + 1].orth_ != "、":
            return None
        for n in verb.head.children:
            if n.i > tail and n.left_edge.i == tail + 2 and n.pos_ in ("NOUN", "PROPN") and particles(n) in _SETTING_PARTICLES:
                return n
        return None

    def _settings(self, frame: list[Token]) -> list[Token]:
        """The nouns of the で-phrases that set the trigger's clause or the clauses above it
        (会合で, パーティーの席で → パーティー)."""
        out = []
        chain = [*frame, *ancestors(frame[-1], limit=6)]
        # (本会議で、投票を行い、…否決された: a setting before coordinated clauses is theirs too)
        # (本会議で、投票を行い、賛成を得られず否決された: the parser may nest the earlier clauses)
        heads = list(chain)
        frontier = chain
        for _ in range(3):
            frontier = [c for t in frontier for c in t.children if c.dep_ == "advcl" and c.i < t.i and c.pos_ == "VERB"]
            heads += frontier
        for t in heads:
            for c in t.children:
                if c.i < t.i and c.pos_ in ("NOUN", "PROPN") and particles(c) in _SETTING_PARTICLES \
                        and c.lemma_ not in self.nominal and c.lemma_ not in _MANNER_NOUNS:  # (…することで一致: no setting)
                    if c.lemma_ in _PLACE_OF and c.i > 0:
                        c = next((g for g in c.children if particles(g) == "の" and g.pos_ in ("NOUN", "PROPN")), c)
                    out.append(c)
        return out

    def setting_date(self, frame: list[Token], sent: Span) -> str | None:
        """The date of a setting introduced earlier with its date (8月29日に行われたパーティーで… 。
        パーティーの席で…と批判した): the latest earlier mention of the same noun."""
        best: tuple[int, str] | None = None
        for n in self._settings(frame):
            if len(n.lemma_) < 2:
                continue
            mentions = self.dated_nouns.get(n.lemma_, [])
            k = bisect_left(mentions, (sent.start, "")) - 1  # the latest mention before the sentence
            if k >= 0 and (best is None or mentions[k][0] > best[0]):
                best = mentions[k]
        return best[1] if best else None

    def _foreign_quote(self, sp: Span, anchor: Token) -> bool:
        """Is the date inside a quotation that does not hold the trigger (「2022年に…」と述べ、…を批判した)?"""
        q = self.quote_of.get(sp.start)
        return q is not None and q != self.quote_of.get(anchor.i)

    def _other_clause(self, sp: Span, frame: list[Token]) -> bool:
        """Does the date sit in a relative clause of a noun other than the trigger (2021年に訪問した
        キーウを再び訪れた), below the trigger's own clause chain? A date of the sentence's narrative
        (Xは3日、…), wherever the parser hangs it, is not."""
        chain = {t.i for t in frame} | {t.i for t in ancestors(frame[-1], limit=12)}
        cur = sp.root
        for _ in range(12):
            h = cur.head
            if h.i == cur.i or h.i in chain:
                return False
            if cur.dep_ == "acl" and cur.pos_ == "VERB" and cur.i not in self.dates.tokens and h.lemma_ not in _TIME_HEADS:
                # (a comma between the date and that verb says the parser stretched the clause:
                # Xは5月21日に、…を支持する派の代表者を招いて協議した)
                return not self._narrative(sp) and not any(t.orth_ == "、" for t in self.doc[sp.end:cur.i])
            cur = h
        return False

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
        h = root.head
        if _time_phrase(h):
            return False  # 6日の閣議後は、…述べた; 12日の会議の後、: a time phrase of the clause, not a noun's date
        return particles(root) == "の" and h.i not in self.trigger_tokens and h.lemma_ not in self.day_parts

    def date_for(self, anchor: Token, frame: list[Token], sent: Span, region: Span, exclude: set[int] = frozenset(), clause_only: bool = False) -> str | None:  # type: ignore[assignment]
        """The clause's own date, else the sentence's (not one inside the topic), else the
        nearest earlier one in the paragraph (同日, この日 resolved by newstag_dates)."""
        fset = {t.i for t in frame}
        sent_dates = [(sp, d) for sp, d in self.dates.between(sent.start, sent.end)
                      if _point_value(d) and sp.start not in exclude and not self._foreign_quote(sp, anchor)]
        if self.published and self._past(frame):
            # 一致した / 合意した: a later date (来月の会議に向けて…) belongs to what was agreed, not to the act
            sent_dates = [(sp, d) for sp, d in sent_dates if not _after(_point_value(d) or "", self.published)]
        own = [(sp, d) for sp, d in sent_dates if sp.root.head.i in fset and not self._durative(sp)]
        if own:
            # 政府は15日、Xが来月上旬に訪問し…と明らかにした: of two dates the parser hangs on the
            # frame, the one nearest the trigger is its own (the first is the reporting clause's)
            return _point_value(min(own, key=lambda x: abs(x[0].start - anchor.i))[1])
        for sp, d in sent_dates:
            h = sp.root.head
            if h.dep_ == "acl" and h.head.i in fset and h.pos_ == "VERB" and not self._durative(sp):
                return _point_value(d)  # 17日に行われた首相の訪問, 12月に予定している首脳会談
        settings = {t.i for t in self._settings(frame)}
        for sp, d in sent_dates:
            noun = self._dated_noun(sp)
            if noun is not None and noun.i in settings:
                return _point_value(d)  # 27日に開催した本会議で…否決された: the setting's date is the clause's
        last = frame[-1]
        if last.dep_ == "acl":
            for sp, d in sent_dates:
                # …と会談した2022年2月12日(以来): the clause describes the day it modifies
                if sp.start <= last.head.i < sp.end or (sp.end == last.head.i and last.head.lemma_ in self.dur_p):
                    return _point_value(d)
        if clause_only:
            # (パーティーの席で…批判を問いたい: a setting introduced with its date dates a nominal trigger too)
            return self.setting_date(frame, sent)
        usable = [(sp, d) for sp, d in sent_dates if not self._durative(sp) and not self._adnominal(sp) and not self._other_clause(sp, frame)]
        before = [x for x in usable if x[0].start < anchor.i]
        if before:
            return _point_value(before[-1][1])
        above = {t.i for t in ancestors(frame[-1])}
        for sp, d in usable:
            if sp.root.head.i in above:
                return _point_value(d)
        introduced = self.setting_date(frame, sent)
        if introduced is not None:
            return introduced
        if self._past(frame):
            reported = self._report_date(sent, region)
            if reported is not None:
                return reported
        if self._pluperfect(frame):
            return None  # …と訴えていた: a state before the narrative, not dated by an earlier sentence
        prior = [(sp, d) for sp, d in self.dates.between(region.start, sent.start) if sp.end <= sent.start and _point_value(d)]
        prior = [x for x in prior if not self._durative(x[0]) and not self._adnominal(x[0]) and self._main_clause(x[0])]
        if prior:
            return _point_value(prior[-1][1])
        return None

    def _report_date(self, sent: Span, region: Span) -> str | None:
        """…と合意した。Xが27日語った。: the date of a bare attribution sentence right after the
        event's (a reporting verb with a subject and a date of its own, and no quote, object or
        complement after its subject), which dates what it reports."""
        doc = self.doc
        if sent.end >= region.end:
            return None
        nxt = doc[sent.end].sent
        if nxt.end > region.end or nxt.end - nxt.start > 40:
            return None
        root = nxt.root
        verbs = set(self.cues.report_verbs)
        if root.lemma_ not in verbs and not (root.lemma_ == "する" and any(
                c.lemma_ in verbs and c.i < root.i and c.dep_ in ("advcl", "compound", "obj") for c in root.children)):
            return None
        if root.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lemma_ == "た" for c in root.children):
            return None
        subj = [c for c in root.children if c.dep_ == "nsubj" and particles(c) in ("が", "は")]
        if not subj or any(t.orth_ in ("「", "」", "『", "』") for t in nxt):
            return None
        after = subj[0].i
        for c in root.children:
            if c.i > after and (c.dep_ in ("ccomp", "csubj") or particles(c) in ("と", "を", "について", "とも")):
                return None  # 〜の経緯を語った / 〜と述べた: the sentence reports content of its own
        own = [(sp, d) for sp, d in self.dates.between(nxt.start, nxt.end)
               if _point_value(d) and sp.root.head.i == root.i and not self._durative(sp)]
        return _point_value(own[0][1]) if len(own) == 1 else None

    @staticmethod
    def _narrative(sp: Span) -> bool:
        """A date set off by a comma right after the topic or at the sentence's start (Xは3日、;
        Xは3日に、; 5月28日(UTC+9)、: a time zone or weekday note may come before the comma)."""
        doc = sp.doc
        k = _after_parenthesis(doc, sp.end)
        if k < len(doc) and doc[k].orth_ == "に":
            k += 1  # Xは23日に、
        if k >= len(doc) or doc[k].orth_ != "、":
            return False
        j = sp.start - 1
        if j >= 1 and doc[j].orth_ == "、" and doc[j - 1].orth_ == "は":
            j -= 1  # Xは、3日、
        return sp.start == 0 or doc[sp.start].is_sent_start or doc[j].orth_ in ("。", "は")

    def _main_clause(self, sp: Span) -> bool:
        """Does a date belong to its sentence's narrative, so that a later sentence may inherit it?
        Not when it sits in a relative clause (今年4月に調印したときの, 12月に予定している会談) or in a
        clause of a period (5月13日に事件が起きて以来). A date set off by a comma right after the
        topic or at the sentence's start (Xは3日、来日した…と会談した) is the narrative's, wherever
        the parser hangs it."""
        if self._narrative(sp):
            return True
        cur = sp.root
        for _ in range(12):
            if cur.head.i == cur.i:
                return True
            if cur.dep_ == "acl" and cur.head.lemma_ not in _TIME_HEADS:
                return False  # (発表し、その数時間後: a clause on a time word is still the narrative's)
            if cur.dep_ == "nmod" and particles(cur) == "の":
                return False  # 調印したときの長
            if cur.i not in self.dates.tokens and cur.pos_ == "VERB" and (cur.head.lemma_ in self.dur_p or any(
                    c.i > cur.i and c.lemma_ in self.dur_p and c.dep_ in ("case", "mark", "fixed") for c in cur.children)):
                return False
            cur = cur.head
        return True

    @staticmethod
    def past_verb(tok: Token) -> bool:
        """Is the token a verb in the past tense (説得をした: also through its light verb)?"""
        if tok.pos_ != "VERB":
            return False
        if any(c.dep_ == "aux" and c.lemma_ == "た" and c.i > tok.i for c in tok.children):
            return True
        return False

    def _pluperfect(self, frame: list[Token]) -> bool:
        """Is the trigger's predicate in 〜ていた (主張していた, 拒否していた): what held before the
        narrative's moment?"""
        last = frame[-1]
        if last.pos_ != "VERB":
            return False
        kids = [c for c in last.children if c.i > last.i]
        return any(c.orth_ in ("て", "で") and c.dep_ == "mark" and any(g.lemma_ == "いる" for g in c.children) for c in kids) \
            and any(c.dep_ == "aux" and c.lemma_ == "た" for c in kids)

    def _past(self, frame: list[Token]) -> bool:
        """Is the trigger's predicate in the past tense (〜した, 〜しました)?"""
        last = frame[-1]
        return last.pos_ == "VERB" and any(c.dep_ == "aux" and c.lemma_ == "た" and c.i > last.i for c in last.children)

    def in_nested_clause(self, tok: Token, top: Token) -> bool:
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
        for sp, d in self.dates.between(sent.start, sent.end):
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
        if any(f.lemma_ in st.negated_heads for f in frame[1:]) or (len(frame) == 1 and frame[0].pos_ == "VERB" and frame[0].lemma_ in st.negated_heads):
            return "negated"  # 買収を見送った: the trigger's own predicate calls it off
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
        chain: list[tuple[Token, bool]] = []
        cur = frame[-1]
        crossed = False
        for h in ancestors(cur, limit=3):
            if cur.dep_ in ("advcl", "conj") and cur.pos_ in ("VERB", "ADJ", "AUX"):
                # 訪問し、会談する予定だ: a coordinated clause shares the modality of a noun over both;
                # the next verb's own meaning (反対し、…を提案した; 非難したが、…否定) is not the trigger's
                crossed = True
            elif not (cur.dep_ in ("acl", "ccomp", "csubj", "compound") or particles(cur) in ("", "の", "を", "に", "が", "は", "も", "について", "についても")
                      or (particles(cur) == "で" and cur.lemma_ in _MANNER_NOUNS)):
                break
            chain.append((h, crossed))
            cur = h
        for h, across in chain:
            if across and h.pos_ not in ("NOUN", "PROPN"):
                continue
            if h.lemma_ in st.negated_heads:
                return "negated"
            if stance and h.lemma_ in st.appeal_heads:
                return "occurred"  # 反対を呼びかけた: the caller holds it
            if stance and h.lemma_ in st.expectation_heads:
                self.expected.add(frozenset(t.i for t in frame))
                return "hypothetical"  # 反発が強まることが予想される: a stance only expected
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
