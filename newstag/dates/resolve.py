"""Normalising temporal expressions to TIMEX3-style values.

Values: ``2025-02-12`` (day), ``2025-02`` (month), ``2025`` (year), ``FY2024`` (Japanese fiscal
year, April to March, named by the year it starts in: 2024年度 and, on 2025-02-13, 今年度),
``2025-SP`` (season), ``2025-W07`` (ISO week), ``199`` (decade), ``20`` (century),
``2025-02-12T15:30`` / ``2025-02-12T23:59:30`` / ``2025-02-12TNI`` (clock time, part of day),
``2025-08-20/2025-08-21`` (a written range: one interval), ``PT1H30M`` / ``PT1.5H`` / ``P3Y`` /
``P2M`` (durations) and ``P1Y`` (SET: 毎年, 毎月, 毎日). Parts that nothing anchors are ``X``:
``XXXX-XX-12``, ``XXXX-02-12``. An era name alone (平成, 昭和の時代) is not a date. Parts of a
month or year (上旬, 末, 初頭) keep the month's or year's value; 年明け and 年末 name January and
December.

Reference date. Relative expressions (きょう, 昨年, 今週, 3日前) are resolved against the
publication date. With ``published=None`` the reference is the first complete absolute date (year,
month and day) that starts within the first :data:`EARLY_ANCHOR_CHARS` characters of the tagged
text; without one, deictic words get no value (None) and partial dates keep X placeholders.

Partial dates: one rule. A month-day or a month written without a year, and a day written
without a month, are read in the time the text is talking about. Its *focus* is the latest date
written before it whose year is known, that is not a boundary (…以来, …まで) and not scheduled
after publication.

1. When the focus lies more than :data:`NEAR_DAYS` days (two months) before publication, the
   text narrates an older period and the missing part is the focus's: a month-day or a month
   takes its year (2002年1月に…。…5月に…、11月に… are all 2002), a day alone written after a day
   without a year takes the candidate nearest that day (2019年11月20日…11月21日…25日). The news
   itself outranks the narrative: a month-day with a candidate within :data:`NEAR_DAYS` days of
   publication that fits the tense (a month: the publication month) is read as in 2.
2. Otherwise the candidate nearest the publication date is taken: the same month-day in the
   adjacent years, the same day in the adjacent months.
3. The clause's tense chooses only between candidates of similar distance (the farther at most
   :data:`SIMILAR` times as far as the nearer): a past clause (…した, …していた) takes one on or
   before publication, a scheduled one (…する予定, 開催される) one on or after it (one day of
   tolerance either way). It never outweighs a clearly nearer candidate: in an article of
   2014-01-27, 「1月20日に…を伝えていた」 is 2014-01-20 whatever the parse says, and 9月18日 in an
   article of 2009-08-31 is 2009-09-18 even when the clause reads as past.

A weekday in brackets, 12日(水), must agree: only candidates with that weekday are kept. A month
or a day right after a date and a range connector (2019年12月から3月, 1月30日から2日) keeps that
date's year or month, or the next one when it is smaller.

Ranges. Two days joined by a span connector (から, ～) become one interval value
(``2014-08-10/2014-09-06``, text ``8月10日から9月6日``); two consecutive days joined by と or ・
(9月1日と2日, 7月20・21日) too. Months stay separate (9月から10月にかけて: two DATEs).

Anaphors. 同日, その日, 同じ日, 当日, 前日, 翌日, 同月 take the most recent date written before
them (not a boundary date, not a date glossed in brackets such as 12日夜(日本時間13日未明));
翌14日 is the 14th in the week after it; 同年, 翌年 count from the last year written out. この日
takes the day of the story: the latest day so far that is not after publication and whose clause
is neither scheduled nor a flash-back (…していた). An anaphor in apposition (前日の9日) and a
relative day glossed in brackets (今日(22日)) take the explicit day. All fall back to the
reference.

Quotations. Inside 「…」 a relative day word (きょう, あす, 昨日) is the speaker's: it is counted
from the date of the statement when the sentence gives it outside the quote (「…」と22日に述べた,
22日、「あすにも…」と), else from the reference.

Years without a century or era. A bare 14年 continues an era named earlier in the paragraph
(平成14年…、16年 is 2004); otherwise two digits are a short year (14年改修 is 2014) when the text
writes full years and 19NN/20NN lies within 30 years before publication (or the next year), and
anything else is a duration (10年務めた, 10年で). 24年11月 and 25年度 are always years.

Times (午前10時, 15時半, 23:59, 未明) are TIME values on the day of the latest date earlier in
the same sentence, else on the story day, else ``XXXX-XX-XX``.

Counted offsets. 3日前, 2年後 count from the reference; after その/から (その3日後, 出演から
2年後) they count from the most recent date of the text.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from .extract import Candidate, to_int
from .lexicon import DateLexicon

Tense = Literal["past", "perfect", "future"] | None
"""past: …した / …している; perfect: …していた (a flash-back); future: scheduled; None: unknown."""
TenseFn = Callable[[int, int], Tense]

#: with published=None, a complete date starting this early in the text anchors the others
EARLY_ANCHOR_CHARS = 300
#: days within which a date is "near" publication (the news itself), and beyond which a date is older
NEAR_DAYS = 61
#: tense chooses between candidates whose distances differ by at most this factor
SIMILAR = 4
_SENTENCE_END = re.compile("[。！？!?\n]")
_TOLERANCE = dt.timedelta(days=1)
_WEEKDAY_PAREN = re.compile(r"^[(（][月火水木金土日](?:曜日?)?[)）]")
_DURATION_AFTER_YEAR = ("で", "を", "が", "も")  # 10年で300個, 10年を費やし, 10年が経過: a count of years


@dataclass
class Resolved:
    """A normalised expression (offsets into the text given to :func:`resolve`)."""

    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    rule: str
    day: dt.date | None = None  # the day it names (a day-level DATE), for ranges and quotations


@dataclass(frozen=True)
class Period:
    """A candidate reading of a partial date: the days it covers and its value."""

    start: dt.date
    end: dt.date
    value: str

    def distance(self, ref: dt.date) -> int:
        if self.start <= ref <= self.end:
            return 0
        return min(abs((self.start - ref).days), abs((self.end - ref).days))


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    if 1 <= y <= 9999 and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]:
        return dt.date(y, m, d)
    return None


def _month_period(y: int, m: int) -> Period:
    return Period(dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), f"{y:04d}-{m:02d}")


def _day_period(d: dt.date) -> Period:
    return Period(d, d, d.isoformat())


def _fmt(y: int | None, m: int | None = None, d: int | None = None) -> str:
    out = f"{y:04d}" if y is not None else "XXXX"
    if m is not None or d is not None:
        out += f"-{m:02d}" if m is not None else "-XX"
    if d is not None:
        out += f"-{d:02d}"
    return out


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _number(s: str) -> str | None:
    """A duration's amount as TIMEX3 writes it: 3, 1.5 (ASCII, full-width or kanji)."""
    s = unicodedata.normalize("NFKC", s).replace("．", ".")
    if "." in s:
        whole, _, frac = s.partition(".")
        return f"{int(whole)}.{frac}" if whole.isdigit() and frac.isdigit() else None
    n = to_int(s)
    return None if n is None else str(n)


def fiscal_year(d: dt.date) -> int:
    """The Japanese fiscal year (April to March) holding d, named by its starting year."""
    return d.year if d.month >= 4 else d.year - 1


class Resolver:
    """Resolves the candidates of one document, in text order (the state is per document)."""

    def __init__(self, lex: DateLexicon, text: str, published: dt.date | None, tense: TenseFn) -> None:
        self.lex = lex
        self.text = text
        self.tense_fn = tense
        self.ref: dt.date | None = published
        self._ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        self._newlines = [i for i, ch in enumerate(text) if ch == "\n"]
        self.full_years = re.search("(?<![0-9０-９])(?:19|20|１９|２０)[0-9０-９]{2}年", text) is not None
        self._tenses: dict[tuple[int, int], Tense] = {}
        # anchors for anaphors and times
        self.recent_day: dt.date | None = None
        self.story_day: dt.date | None = None
        self.recent_ym: tuple[int | None, int] | None = None
        self.recent_year: int | None = None
        self.day_in_sentence: tuple[int, str] | None = None  # (sentence, day value)
        # the date in focus: the latest date with a known year that is not scheduled after publication
        self.focus: Period | None = None
        self.day_focus: dt.date | None = None  # the latest such day written without a year
        self.era: tuple[int, str] | None = None  # (paragraph, era name) of the latest era year
        # the last day- or month-level expression, for ranges: (end, year, month, day)
        self.prev_day: tuple[int, int | None, int | None, int] | None = None
        self.prev_month: tuple[int, int | None, int] | None = None
        self.unanchored_month: int | None = None  # with no reference: the month of the last 10月18日

    # -- helpers -------------------------------------------------------------------------------
    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self._ends, pos - 1)

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self._newlines, pos - 1)

    def tense(self, c: Candidate) -> Tense:
        key = (c.start, c.end)
        if key not in self._tenses:
            self._tenses[key] = self.tense_fn(c.start, c.end) if self.ref is not None else None
        return self._tenses[key]

    def fits(self, p: Period, tense: Tense) -> bool:
        """Is the candidate possible for the clause's tense (against publication)?"""
        if self.ref is None or tense is None:
            return True
        if tense == "future":
            return p.end >= self.ref - _TOLERANCE
        return p.start <= self.ref + _TOLERANCE

    def nearest(self, opts: list[Period], ref: dt.date, tense: Tense) -> Period | None:
        """Step 2 and 3 of the rule: nearest to ref; tense chooses between similar distances."""
        if not opts:
            return None
        best = min(opts, key=lambda p: (p.distance(ref), p.start < ref))
        if self.fits(best, tense):
            return best
        fit = [p for p in opts if self.fits(p, tense)]
        if not fit:
            return best
        alt = min(fit, key=lambda p: (p.distance(ref), p.start < ref))
        return alt if alt.distance(ref) <= SIMILAR * best.distance(ref) + 1 else best

    def _near_publication(self, p: Period, month: bool) -> bool:
        assert self.ref is not None
        if month:
            return p.start <= self.ref <= p.end
        return p.distance(self.ref) <= NEAR_DAYS

    def older_focus(self) -> Period | None:
        """The date in focus when the text narrates a period more than a month before publication."""
        f = self.focus
        if f is None or self.ref is None or (self.ref - f.end).days <= NEAR_DAYS:
            return None
        return f

    def in_parens(self, pos: int) -> bool:
        """Is pos inside brackets (a gloss: 日本時間13日未明, 22日)?"""
        lo = max(0, pos - 30)
        window = self.text[lo:pos]
        opened = max(window.rfind("("), window.rfind("（"))
        return opened >= 0 and opened > max(window.rfind(")"), window.rfind("）"))

    def _year_of(self, c: Candidate) -> tuple[int | None, str]:
        p = c.parts
        if "era" in p:
            n = 1 if p["ey"] == "元" else to_int(p["ey"])
            self.era = (self.paragraph(c.start), p["era"])
            return (self.lex.eras[p["era"]] + (n or 1) - 1, "era")
        if "y" in p:
            return to_int(p["y"]), "year"
        if "y2" in p:
            n = int(to_int(p["y2"]) or 0)
            if self.era is not None and self.era[0] == self.paragraph(c.start):
                return self.lex.eras[self.era[1]] + n - 1, "era-continued"
            y = 2000 + n
            limit = (self.ref.year if self.ref else dt.date.today().year) + 10
            return (y if y <= limit else y - 100), "short-year"
        if "ry" in p:
            w = p["ry"]
            if w == "同年":
                return self.recent_year, "anaphor"
            if w == "翌年":
                return (self.recent_year + 1 if self.recent_year else None), "anaphor"
            off = self.lex.relative_years.get(w, 0)
            return (self.ref.year + off if self.ref else None), "relative"
        return None, ""

    def _boundary(self, c: Candidate) -> bool:
        return any(self.text.startswith(w, c.end) for w in self.lex.boundary_after)

    # -- what a resolved date leaves behind -----------------------------------------------------
    def _note(self, c: Candidate, period: Period, *, yearless: bool = False, tense: Tense | str = "?") -> None:
        """Remember a date as the focus, and (a day) as an anchor for anaphors, times and ranges.

        ``yearless``: the year was not written (2月12日, 12日, きょう); only a written year is the
        antecedent of 同年/翌年, and only a day written without a year is a focus for a bare day.
        """
        day = period.start if period.start == period.end else None
        if day is not None:
            self.day_in_sentence = (self.sentence(c.start), day.isoformat())
            self.prev_day = (c.end, day.year, day.month, day.day)
        if self._boundary(c):
            return
        if not yearless:
            self.recent_year = period.start.year
        if period.start.month == period.end.month and period.start.year == period.end.year:
            self.recent_ym = (period.start.year, period.start.month)
        scheduled = self.ref is not None and period.start > self.ref + _TOLERANCE
        if not scheduled:
            self.focus = period
            self.day_focus = day if yearless else None
        if day is None or self.in_parens(c.start):
            return
        self.recent_day = day
        if tense == "?":
            tense = self.tense(c)
        if tense not in ("future", "perfect") and not scheduled and (self.story_day is None or day > self.story_day):
            self.story_day = day

    def older_day_focus(self) -> dt.date | None:
        """The day in focus for a bare day: a day written without a year, more than two months old."""
        f = self.older_focus()
        return self.day_focus if f is not None and self.day_focus == f.start else None

    # -- entry point ---------------------------------------------------------------------------
    def early_anchor(self, cands: list[Candidate], region_start: int) -> dt.date | None:
        for c in cands:
            if c.start - region_start > EARLY_ANCHOR_CHARS:
                break
            p = c.parts
            if c.kind == "date" and ("y" in p or "era" in p) and "m" in p and "d" in p:
                y = to_int(p["y"]) if "y" in p else None
                if "era" in p:
                    n = 1 if p["ey"] == "元" else to_int(p["ey"])
                    y = self.lex.eras[p["era"]] + (n or 1) - 1
                m, d = to_int(p["m"]), to_int(p["d"])
                if y and m and d and (day := _safe_date(y, m, d)):
                    return day
        return None

    def resolve(self, c: Candidate) -> Resolved | None:
        fn = getattr(self, f"_r_{c.kind}", None)
        out = fn(c) if fn is not None else None
        if out is None:
            return None
        typ, value, rule, *day = out  # a day-level date also returns the day it names
        res = Resolved(c.start, c.end, typ, value, f"{c.kind}:{rule}", day[0] if day else None)
        if typ == "DATE" and value and re.fullmatch(r"[0-9X]{4}-[0-9X]{2}-[0-9]{2}", value):
            self.day_in_sentence = (self.sentence(c.start), value)  # XXXX-XX-12 too: for 12日午前10時
        return res

    # -- one method per candidate kind -----------------------------------------------------------
    def _r_date(self, c: Candidate):
        p = c.parts
        m = to_int(p["m"]) if "m" in p else None
        d = to_int(p["d"]) if "d" in p else None
        d2 = to_int(p["d2"]) if "d2" in p else None
        if (m is not None and not 1 <= m <= 12) or (d is not None and not 1 <= d <= 31):
            return None
        if "rm" in p:  # 今月11日, 同月5日
            return self._month_relative_day(c, p["rm"], d)
        y, how = self._year_of(c)
        if "fy" in p:
            return "DATE", (f"FY{y:04d}" if y is not None else "FYXXXX"), f"{how}+fiscal-year"
        if y is None and how:  # a relative year with no reference
            return "DATE", _fmt(None, m, d), f"{how}+unanchored"
        if y is None:
            return self._partial(c, m, d, d2)
        if m is None:
            return self._year_part(c, y, how)
        if d is None:
            period = _month_period(y, m)
            self._note(c, period)
            self.prev_month = (c.end, y, m)
            return "DATE", period.value, how
        day = _safe_date(y, m, d)
        if day is None:
            return None
        self._note(c, _day_period(day))
        return "DATE", self._with_span(day, d2), how, day

    def _with_span(self, day: dt.date, d2: int | None) -> str:
        """7月20・21日: the interval of the days written once."""
        if d2 is None:
            return day.isoformat()
        end = _safe_date(day.year, day.month, d2)
        return f"{day.isoformat()}/{end.isoformat()}" if end else day.isoformat()

    def _year_part(self, c: Candidate, y: int, how: str):
        p = c.parts
        if "season" in p:
            self._note(c, Period(dt.date(y, 1, 1), dt.date(y, 12, 31), str(y)))
            return "DATE", f"{y:04d}-{self.lex.seasons[p['season']]}", how + "+season"
        month = self.lex.parts_of_year.get(p["ypart"]) if "ypart" in p else None
        if month is not None:
            period = _month_period(y, month)
            self._note(c, period)
            return "DATE", period.value, how + "+part-of-year"
        self._note(c, Period(dt.date(y, 1, 1), dt.date(y, 12, 31), str(y)))
        return "DATE", _fmt(y), how

    def _partial(self, c: Candidate, m: int | None, d: int | None, d2: int | None):
        """2月12日 or 7月 without a year: the one rule of the module docstring."""
        assert m is not None
        got = self._range_month(c, m) if d is None else None
        if got is not None:
            return got
        if self.ref is None:
            y = self.focus.start.year if self.focus is not None else None
            rule = "focus" if y is not None else "unanchored"
            if d is None:
                return "DATE", _fmt(y, m), rule
            day = _safe_date(y, m, d) if y is not None else None
            if day is not None:
                self._note(c, _day_period(day), yearless=True)
                return "DATE", self._with_span(day, d2), rule, day
            self.prev_day = (c.end, None, m, d)
            self.unanchored_month = m
            return "DATE", _fmt(None, m, d), "unanchored"
        tense = self.tense(c)
        years = range(self.ref.year - 1, self.ref.year + 2)
        focus = self.older_focus()
        if d is None:
            opts = [_month_period(y, m) for y in years]
        else:
            opts = [_day_period(x) for y in years if (x := _safe_date(y, m, d))]
        rule = "published"
        wd = c.parts.get("wd")
        if wd is not None and d is not None:
            matching = [o for o in opts if o.start.weekday() == self.lex.weekdays[wd]]
            if matching:
                opts, rule = matching, rule + "+weekday"
        got_p: Period | None = None
        if focus is not None and not any(self._near_publication(o, d is None) and self.fits(o, tense) for o in opts):
            fy = focus.start.year
            cand = _month_period(fy, m) if d is None else (_day_period(x) if (x := _safe_date(fy, m, d)) else None)
            if cand is not None and self.fits(cand, tense):
                got_p, rule = cand, "focus"
        if got_p is None:
            got_p = self.nearest(opts, self.ref, tense)
            rule += f"+{tense or 'nearest'}"
        if got_p is None:
            return None
        if d is None:
            self._note(c, got_p, yearless=True, tense=tense)
            self.prev_month = (c.end, got_p.start.year, m)
            return "DATE", got_p.value, rule
        self._note(c, got_p, yearless=True, tense=tense)
        return "DATE", self._with_span(got_p.start, d2), rule, got_p.start

    def _range_month(self, c: Candidate, m: int):
        """2019年12月から3月: a month right after a month and a connector keeps its year (or the next)."""
        prev = self.prev_month
        if prev is None or prev[1] is None or self.text[prev[0]:c.start] not in self.lex.range_connectors:
            return None
        y = prev[1] + (1 if m < prev[2] else 0)
        period = _month_period(y, m)
        self._note(c, period, yearless=True)
        self.prev_month = (c.end, y, m)
        return "DATE", period.value, "range"

    def _month_relative_day(self, c: Candidate, word: str, d: int | None):
        if d is None:
            return None
        if word in ("同月", "翌月"):
            if self.recent_ym is None or self.recent_ym[0] is None:
                return "DATE", _fmt(None, self.recent_ym[1] if self.recent_ym else None, d), "anaphor+unanchored"
            y, m = _add_months(self.recent_ym[0], self.recent_ym[1], 1 if word == "翌月" else 0)
            rule = "anaphor"
        else:
            if self.ref is None:
                return "DATE", _fmt(None, None, d), "relative+unanchored"
            y, m = _add_months(self.ref.year, self.ref.month, self.lex.relative_months[word])
            rule = "relative"
        day = _safe_date(y, m, d)
        if day is None:
            return None
        self._note(c, _day_period(day), yearless=True)
        return "DATE", day.isoformat(), rule, day

    def _r_day(self, c: Candidate):
        p = c.parts
        d = to_int(p["d"])
        assert d is not None
        d2 = to_int(p["d2"]) if "d2" in p else None
        got = self._range_end(c, d)
        if got is not None:
            return got
        pre = p.get("pre")
        if pre and self.recent_day is not None:  # 翌19日, 同19日: in the week after the last day
            base = self.recent_day
            opts = [x for k in (0, 1) if (x := _safe_date(*_add_months(base.year, base.month, k), d))]
            day = next((x for x in opts if (0 <= (x - base).days <= 7 if pre == "翌" else True)), None)
            if day is not None:
                self._note(c, _day_period(day), yearless=True)
                return "DATE", self._with_span(day, d2), "anaphor", day
        if self.ref is None:  # no reference: the month of the latest day written, if any
            f = self.recent_day
            day = _safe_date(f.year, f.month, d) if f is not None else None
            if day is not None:
                self._note(c, _day_period(day), yearless=True)
                return "DATE", self._with_span(day, d2), "recent-month", day
            if self.unanchored_month is not None:
                self.prev_day = (c.end, None, self.unanchored_month, d)
                return "DATE", _fmt(None, self.unanchored_month, d), "recent-month+unanchored"
            return "DATE", _fmt(None, None, d), "unanchored"
        tense = self.tense(c)
        focus = self.older_day_focus()
        base = focus or self.ref
        rule = "focus" if focus is not None else "published"
        wd = self.lex.weekdays[p["wd"]] if "wd" in p else None
        ks = range(-3, 4) if wd is not None else range(-2, 3)
        opts = [_day_period(x) for k in ks if (x := _safe_date(*_add_months(base.year, base.month, k), d))]
        if wd is not None:
            matching = [o for o in opts if o.start.weekday() == wd]
            if matching:
                opts, rule = matching, rule + "+weekday"
        else:
            opts = [o for o in opts if o.distance(base) < 62]
        got = self.nearest(opts, base, tense)
        if got is None:
            return None
        self._note(c, got, yearless=True, tense=tense)
        return "DATE", self._with_span(got.start, d2), f"{rule}+{tense or 'nearest'}", got.start

    def _range_end(self, c: Candidate, d: int):
        """12月2日から6日, 8月2日、3日: a day right after a date (and a connector) keeps its month."""
        prev = self.prev_day
        if prev is None:
            return None
        between = _WEEKDAY_PAREN.sub("", self.text[prev[0]:c.start], count=1)
        if between not in self.lex.range_connectors:
            return None
        y, m, d0 = prev[1], prev[2], prev[3]
        if m is None:
            return None
        if d < d0 and y is not None:
            y, m = _add_months(y, m, 1)
        if y is None:
            self.prev_day = (c.end, None, m, d)
            return "DATE", _fmt(None, m, d), "range+unanchored"
        day = _safe_date(y, m, d)
        if day is None:
            return None
        self._note(c, _day_period(day), yearless=True)
        return "DATE", day.isoformat(), "range", day

    def _r_word(self, c: Candidate):
        w = c.parts["word"]
        lex, ref = self.lex, self.ref
        if w in lex.sets:
            return "SET", lex.sets[w], "set"
        if w in lex.anaphors:
            return self._anaphor(c, w)
        if ref is None:
            return "DATE", None, "relative+unanchored"
        if w in lex.relative_days:
            day = ref + dt.timedelta(days=lex.relative_days[w])
            self._note(c, _day_period(day), yearless=True, tense=None)
            return "DATE", day.isoformat(), "relative-day", day
        if w in lex.relative_weeks:
            return "DATE", _week(ref + dt.timedelta(weeks=lex.relative_weeks[w])), "relative-week"
        if w in lex.relative_months:
            y, m = _add_months(ref.year, ref.month, lex.relative_months[w])
            self.recent_ym = (y, m)
            return "DATE", _fmt(y, m), "relative-month"
        if w in lex.relative_years:
            y = ref.year + lex.relative_years[w]
            self._note(c, Period(dt.date(y, 1, 1), dt.date(y, 12, 31), str(y)))
            return "DATE", _fmt(y), "relative-year"
        if w in lex.relative_fiscal_years:
            return "DATE", f"FY{fiscal_year(ref) + lex.relative_fiscal_years[w]:04d}", "relative-fiscal-year"
        month = lex.parts_of_year.get(w)
        if month is not None:  # 年明け, 年末 alone: the nearest such month
            opts = [_month_period(y, month) for y in range(ref.year - 1, ref.year + 2)]
            got = self.nearest(opts, ref, self.tense(c))
            assert got is not None
            return "DATE", got.value, "part-of-year"
        return None

    def _anaphor(self, c: Candidate, w: str):
        a = self.lex.anaphors[w]
        if a.unit == "day":
            base = self.story_day if a.ref == "story" else None
            base = base or self.recent_day or self.ref
            if base is None:
                return "DATE", None, "anaphor+unanchored"
            day = base + dt.timedelta(days=a.offset)
            self._note(c, _day_period(day), yearless=True, tense=None)
            return "DATE", day.isoformat(), f"anaphor+{a.ref}", day
        if a.unit == "month":
            if self.recent_ym is None or self.recent_ym[0] is None:
                return "DATE", None, "anaphor+unanchored"
            y, m = _add_months(self.recent_ym[0], self.recent_ym[1], a.offset)
            return "DATE", _fmt(y, m), "anaphor"
        if self.recent_year is None:
            return "DATE", None, "anaphor+unanchored"
        y = self.recent_year + a.offset
        self.recent_year = y
        return "DATE", _fmt(y), "anaphor"

    def _r_ago(self, c: Candidate):
        """3日前, 2年後: from publication; その3日後, 出演から2年後: from the last date of the text."""
        p = c.parts
        n = to_int(p["n"])
        sign = -1 if p["dir"] == "前" else 1
        u = p["u"]
        story = any(self.text.endswith(w, 0, c.start) for w in self.lex.relative_to_story_before)
        day = self.recent_day if story else self.ref
        ym = self.recent_ym if story else ((self.ref.year, self.ref.month) if self.ref else None)
        year = self.recent_year if story else (self.ref.year if self.ref else None)
        how = "story" if story else "published"
        if n is None:
            return None
        if u in ("日", "週間"):
            if day is None:
                return "DATE", None, "unanchored"
            got = day + dt.timedelta(days=sign * n * (1 if u == "日" else 7))
            return "DATE", got.isoformat(), f"{how}+days"
        if u == "年":
            return "DATE", (_fmt(year + sign * n) if year is not None else None), f"{how}+years"
        if ym is None or ym[0] is None:
            return "DATE", None, "unanchored"
        y, m = _add_months(ym[0], ym[1], sign * n)
        return "DATE", _fmt(y, m), f"{how}+months"

    def _time_day(self, c: Candidate) -> tuple[str, str]:
        if self.day_in_sentence and self.day_in_sentence[0] == self.sentence(c.start):
            return self.day_in_sentence[1], "day-in-sentence"
        if self.story_day is not None:
            return self.story_day.isoformat(), "story-day"
        return "XXXX-XX-XX", "unanchored"

    def _r_time(self, c: Candidate):
        p = c.parts
        h = to_int(p["h"]) or 0
        if p.get("ampm") == "午後" and h < 12:
            h += 12
        mi = 30 if "half" in p else (to_int(p["mi"]) if "mi" in p else 0)
        se = to_int(p["se"]) if "se" in p else None
        if mi is None or mi > 59 or (se is not None and se > 59) or h > 24:
            return None
        day, rule = self._time_day(c)
        return "TIME", f"{day}T{h:02d}:{mi:02d}" + (f":{se:02d}" if se is not None else ""), rule

    def _r_part_of_day(self, c: Candidate):
        code = self.lex.parts_of_day[c.parts["word"]]
        day, rule = self._time_day(c)
        return "TIME", f"{day}T{code}", rule

    def _r_duration(self, c: Candidate):
        p = c.parts
        keys = ("hh", "hm", "mm", "ss", "dd", "dn", "ww", "mo", "yy", "ym", "bm")
        n = {k: _number(v) for k, v in p.items() if k in keys}
        if any(v is None for v in n.values()):
            return None
        if "hh" in n:
            mins = "30" if "hhalf" in p else n.get("hm")
            return "DURATION", f"PT{n['hh']}H" + (f"{mins}M" if mins and mins != "0" else ""), "hours"
        if "mm" in n or "bm" in n:
            return "DURATION", f"PT{n.get('mm', n.get('bm'))}M", "minutes"
        if "ss" in n:
            return "DURATION", f"PT{n['ss']}S", "seconds"
        if "dd" in n or "dn" in n:
            return "DURATION", f"P{n.get('dd', n.get('dn'))}D", "days"
        if "ww" in n:
            return "DURATION", f"P{n['ww']}W", "weeks"
        if "mo" in n:
            return "DURATION", f"P{n['mo']}M" + ("15D" if "mohalf" in p else ""), "months"
        if "halfyear" in p:
            return "DURATION", "P6M", "half-year"
        if "yy" not in n:
            return None
        months = "6" if "yhalf" in p else n.get("ym")
        return "DURATION", f"P{n['yy']}Y" + (f"{months}M" if months and months != "0" else ""), "years"

    def _r_bare_year(self, c: Candidate):
        """14年 alone: an era year continued, a short year, or a count of years (see the docstring)."""
        raw = unicodedata.normalize("NFKC", c.parts["n"])
        n = to_int(raw)
        if n is None:
            return None
        if self.era is not None and self.era[0] == self.paragraph(c.start) and raw.isdigit() and len(raw) <= 2:
            y = self.lex.eras[self.era[1]] + n - 1
            self._note(c, Period(dt.date(y, 1, 1), dt.date(y, 12, 31), str(y)))
            return "DATE", _fmt(y), "era-continued"
        if self.ref is not None and self.full_years and raw.isdigit() and len(raw) == 2 \
                and not any(self.text.startswith(w, c.end) for w in _DURATION_AFTER_YEAR):
            for y in (2000 + n, 1900 + n):
                if self.ref.year - 30 <= y <= self.ref.year + 1:
                    self._note(c, Period(dt.date(y, 1, 1), dt.date(y, 12, 31), str(y)))
                    return "DATE", _fmt(y), "short-year"
        return "DURATION", f"P{n}Y", "years"

    def _r_decade(self, c: Candidate):
        p = c.parts
        if "cent" in p:
            return "DATE", f"{int(to_int(p['cent']) or 1) - 1:02d}", "century"
        dec = str(to_int(p["dec"]))
        if len(dec) == 4:
            return "DATE", dec[:3], "decade"
        now = self.ref.year if self.ref else dt.date.today().year
        full = 2000 + int(dec)
        return "DATE", str(full if full <= now else full - 100)[:3], "decade"

    def _r_weekday(self, c: Candidate):
        wd = self.lex.weekdays[c.parts["wd"]]
        if self.ref is None:
            return "DATE", f"XXXX-WXX-{wd + 1}", "unanchored"
        if "rw" in c.parts:
            monday = self.ref - dt.timedelta(days=self.ref.weekday())
            monday += dt.timedelta(weeks=self.lex.relative_weeks[c.parts["rw"]])
            day = monday + dt.timedelta(days=wd)
            self._note(c, _day_period(day), yearless=True, tense=None)
            return "DATE", day.isoformat(), "relative-week", day
        tense = self.tense(c)
        opts = [self.ref + dt.timedelta(days=k) for k in range(-7, 8)]
        cands = [_day_period(x) for x in opts if x.weekday() == wd]
        past = [p for p in cands if p.start <= self.ref]
        future = [p for p in cands if p.start >= self.ref]
        pool = (past if tense in ("past", "perfect") else future if tense == "future" else []) or cands
        got = min(pool, key=lambda p: (p.distance(self.ref), p.start < self.ref))  # type: ignore[arg-type]
        self._note(c, got, yearless=True, tense=tense)
        return "DATE", got.value, f"published+{tense or 'nearest'}", got.start


def resolve(
    lex: DateLexicon,
    text: str,
    cands: list[Candidate],
    published: dt.date | None,
    tense: TenseFn,
    *,
    first_region_start: int = 0,
) -> list[Resolved]:
    """Normalise candidates (offsets into ``text``), in text order."""
    r = Resolver(lex, text, published, tense)
    if published is None:
        r.ref = r.early_anchor(cands, first_region_start)
    quotes = _quote_spans(text)
    out: list[Resolved] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if nxt is not None and _apposition(lex, text, c, nxt):
            # 前日の9日, 今日(22日): the explicit day says which day the word is
            second = r.resolve(nxt)
            if second is not None and second.value:
                out.append(Resolved(c.start, c.end, "DATE", second.value, "word:apposition", second.day))
                out.append(second)
                i += 2
                continue
        if c.kind == "word" and c.parts["word"] in lex.relative_days and r.ref is not None:
            said = _statement_day(r, cands, out, c, quotes)
            if said is not None:
                day = said + dt.timedelta(days=lex.relative_days[c.parts["word"]])
                out.append(Resolved(c.start, c.end, "DATE", day.isoformat(), "word:relative-day+statement", day))
                i += 1
                continue
        res = r.resolve(c)
        if res is not None:
            out.append(res)
        i += 1
    return _join_ranges(lex, text, out)


def _apposition(lex: DateLexicon, text: str, c: Candidate, nxt: Candidate) -> bool:
    """前日の9日 (a day anaphor, の, a day) or 今日(22日) (a relative day, a day in brackets)."""
    word = c.parts.get("word")
    if c.kind != "word" or nxt.kind not in ("day", "date") or "d" not in nxt.parts:
        return False
    between = text[c.end:nxt.start]
    if word in lex.anaphors and lex.anaphors[word].unit == "day" and between == "の":
        return True
    return word in lex.relative_days and between in ("(", "（") and text[nxt.end:nxt.end + 1] in (")", "）")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """The 「…」 / 『…』 of the text as (open, close) offsets, outermost first; linear."""
    spans: list[tuple[int, int]] = []
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in "「『":
            stack.append(i)
        elif ch in "」』" and stack:
            start = stack.pop()
            if not stack:
                spans.append((start, i))
        elif ch == "\n":
            stack.clear()
    return spans


def _statement_day(r: Resolver, cands: list[Candidate], done: list[Resolved], c: Candidate,
                   quotes: list[tuple[int, int]]) -> dt.date | None:
    """The day a quotation holding c was said, when its sentence gives it outside the quote."""
    k = bisect.bisect_right(quotes, (c.start, len(r.text))) - 1
    if k < 0 or not quotes[k][0] < c.start < quotes[k][1]:
        return None
    q_open, q_close = quotes[k]
    sent = r.sentence(q_open)
    for res in reversed(done):  # 22日、「あすにも…」と述べた
        if res.start >= q_open:
            continue
        if r.sentence(res.start) != sent:
            break
        if res.day is not None and res.type == "DATE":
            return res.day
    end = r._ends[sent] if sent < len(r._ends) else len(r.text)
    for later in cands:  # 「今日は…」と22日に述べた: the day after the quote, resolved on its own
        if q_close < later.start < end and later.kind in ("day", "date") and "d" in later.parts:
            if any(a < later.start < b for a, b in quotes):
                continue
            probe = Resolver(r.lex, r.text, r.ref, r.tense_fn)
            got = probe.resolve(later)
            return got.day if got is not None else None
    return None


def _join_ranges(lex: DateLexicon, text: str, out: list[Resolved]) -> list[Resolved]:
    """8月10日から9月6日, 9月1日と2日: two dates joined by a connector become one interval."""
    joined: list[Resolved] = []
    for res in out:
        prev = joined[-1] if joined else None
        if prev is not None and prev.type == res.type == "DATE" and _joins(lex, text, prev, res):
            joined[-1] = Resolved(prev.start, res.end, "DATE", f"{prev.value}/{res.value}", "range:" + res.rule, res.day)
            continue
        joined.append(res)
    return joined


def _joins(lex: DateLexicon, text: str, a: Resolved, b: Resolved) -> bool:
    kinds = ("date:", "day:")
    if not a.value or not b.value or "/" in a.value or not (a.rule.startswith(kinds) and b.rule.startswith(kinds)):
        return False
    between = _WEEKDAY_PAREN.sub("", text[a.end:b.start], count=1)
    if a.day is not None and b.day is not None:
        if b.day <= a.day:
            return False
        if between in lex.span_connectors:
            return True
        return between in lex.range_connectors and (b.day - a.day).days == 1
    return False
