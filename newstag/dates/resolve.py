"""Normalising temporal expressions to TIMEX3-style values.

Values: ``2025-02-12`` (day), ``2025-02`` (month), ``2025`` (year; also a Japanese fiscal year,
given by the calendar year it starts in: 2024年度 and, on 2025-02-13, 今年度 are both ``2024``),
``2025-W07`` (ISO week), ``199`` (decade), ``20`` (century), ``2025-02-12T15:30`` and
``2025-02-12TNI`` (clock time, part of day), ``PT1H30M`` / ``P3Y`` / ``P2M`` (durations) and
``P1Y`` (SET, 毎年). Parts that nothing anchors are ``X``: ``XXXX-XX-12``, ``XXXX-02-12``.

Reference date. Relative expressions (きょう, 昨年, 今週, 3日前) and incomplete dates are resolved
against the publication date. With ``published=None`` the reference is the first complete
absolute date (year, month and day, e.g. 2025年2月12日 or 令和7年2月12日) that starts within the
first :data:`EARLY_ANCHOR_CHARS` characters of the tagged text; without one, deictic words get
no value (None) and incomplete dates keep X placeholders.

Incomplete dates. A day alone (12日) or a month-day (2月12日) takes the nearest calendar date to
the reference that fits the tense of its clause: on or before it (one day of tolerance, for time
zones and approximate publication dates) when the clause is past (…した, …している), on or after
it when scheduled (…する予定, 開催される, …へ), simply the nearest otherwise. This crosses month and
year boundaries: published 2025-01-03, 「28日に会談した」 is 2024-12-28. A month-day or month
takes the year of an explicit year earlier in the same sentence (2008年4月…5月). A day alone
takes the month of the most recent month-day written without a year (10月18日 … 19日) when that
date is more than a month before the reference (the article narrates an older period), or of
any explicit month-day when there is no reference. A weekday in brackets, 12日(水), must
agree: when it does not, the nearest date that fits both the day and the weekday (and the
tense) is taken.

Anaphors. 同日, その日, 当日, 前日, 翌日, 翌19日, 同月, 同年 are resolved against the most recent
date of the text (not the publication date), skipping boundary dates (…以来, …まで). この日
refers to the story day: the latest non-scheduled date so far that is not after publication
(a flash-back such as 「11日には…述べていた」 does not move it). All fall back to the reference.
An anaphor in apposition to an explicit day (前日の9日) takes that day's value.

Times (午前10時, 15時半, 未明) are TIME values on the day of the latest date earlier in the same
sentence, else on the story day, else ``XXXX-XX-XX``.

Counted offsets. 3日前, 2年後 count from the reference; after その/から (その3日後, 出演から
2年後) they count from the most recent date of the text.

Ranges (12日から14日, 3月10日～12日) are not merged: each end is its own DATE. A bare day
right after a date and a connector (から, ～, ・, 、) keeps that date's month, or the next month
when it is smaller (1月30日から2日 is 2月2日).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from .extract import Candidate, to_int
from .lexicon import DateLexicon

Tense = Literal["past", "future"] | None
TenseFn = Callable[[int, int], Tense]

#: with published=None, a complete date starting this early in the text anchors the others
EARLY_ANCHOR_CHARS = 300
_SENTENCE_END = re.compile("[。！？!?\n]")
_TOLERANCE = dt.timedelta(days=1)
_DAY_VALUE = re.compile(r"[0-9X]{4}-[0-9X]{2}-[0-9]{2}")
_WEEKDAY_PAREN = re.compile(r"^[(（][月火水木金土日](?:曜日?)?[)）]")


@dataclass
class Resolved:
    """A normalised expression (offsets into the text given to :func:`resolve`)."""

    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    rule: str


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    if 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]:
        return dt.date(y, m, d)
    return None


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


def _pick(cands: list[dt.date], ref: dt.date, tense: Tense, tolerance: dt.timedelta = _TOLERANCE) -> dt.date | None:
    """The candidate nearest to ref that fits the tense (nearest overall when none fits)."""
    if not cands:
        return None
    if tense == "past":
        fit = [c for c in cands if c <= ref + tolerance]
    elif tense == "future":
        fit = [c for c in cands if c >= ref - tolerance]
    else:
        fit = cands
    pool = fit or cands
    return min(pool, key=lambda c: (abs((c - ref).days), c < ref))


def fiscal_year(d: dt.date) -> int:
    """The Japanese fiscal year (April to March) holding d, named by its starting year."""
    return d.year if d.month >= 4 else d.year - 1


class Resolver:
    """Resolves the candidates of one document, in text order (the state is per document)."""

    def __init__(self, lex: DateLexicon, text: str, published: dt.date | None, tense: TenseFn) -> None:
        self.lex = lex
        self.text = text
        self.published = published
        self.tense_fn = tense
        self.ref: dt.date | None = published
        self._ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        self.recent_day: dt.date | None = None
        self.story_day: dt.date | None = None
        self.recent_ym: tuple[int | None, int] | None = None
        # the last month-day written without a year (…10月18日), an anchor for a later bare day
        self.recent_md: tuple[int | None, int, int, dt.date | None] | None = None
        self.recent_year: int | None = None
        self.year_in_sentence: tuple[int, int, int | None] | None = None  # (sentence, year, month)
        self.day_in_sentence: tuple[int, str] | None = None  # (sentence, day value)
        self.prev_day: tuple[int, int | None, int | None, int] | None = None  # (end, year, month, day)

    # -- helpers -------------------------------------------------------------------------------
    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self._ends, pos - 1) if self._ends else 0

    def tense(self, c: Candidate) -> Tense:
        return self.tense_fn(c.start, c.end)

    def _year_of(self, c: Candidate) -> tuple[int | None, str]:
        p = c.parts
        if "era" in p:
            n = 1 if p["ey"] == "元" else to_int(p["ey"])
            return (self.lex.eras[p["era"]] + (n or 1) - 1, "era")
        if "y" in p:
            return to_int(p["y"]), "year"
        if "y2" in p:
            y = 2000 + int(to_int(p["y2"]) or 0)
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

    def _note_day(self, c: Candidate, d: dt.date, tense: Tense | str = "?") -> None:
        """Remember a day-level date as an anchor for later anaphors and times."""
        self.day_in_sentence = (self.sentence(c.start), d.isoformat())
        self.prev_day = (c.end, d.year, d.month, d.day)
        if self._boundary(c):
            return
        self.recent_day = d
        self.recent_ym = (d.year, d.month)
        if tense == "?":
            tense = self.tense(c) if self.ref else None
        if tense != "future" and (self.ref is None or d <= self.ref):
            if self.story_day is None or d > self.story_day:
                self.story_day = d

    def _note_year(self, c: Candidate, y: int | None, m: int | None = None) -> None:
        if y is not None:
            self.recent_year = y
            self.year_in_sentence = (self.sentence(c.start), y, m)

    # -- entry point ---------------------------------------------------------------------------
    def early_anchor(self, cands: list[Candidate], region_start: int) -> dt.date | None:
        for c in cands:
            if c.start - region_start > EARLY_ANCHOR_CHARS:
                break
            p = c.parts
            if c.kind == "date" and ("y" in p or "era" in p) and "m" in p and "d" in p:
                y, _ = self._year_of(c)
                m, d = to_int(p["m"]), to_int(p["d"])
                if y and m and d and (day := _safe_date(y, m, d)):
                    return day
        return None

    def resolve(self, c: Candidate) -> Resolved | None:
        fn = getattr(self, f"_r_{c.kind}")
        out = fn(c)
        if out is None:
            return None
        typ, value, rule = out
        if typ == "DATE" and value and _DAY_VALUE.fullmatch(value):
            self.day_in_sentence = (self.sentence(c.start), value)  # XXXX-XX-12 too: for 12日午前10時
        return Resolved(c.start, c.end, typ, value, f"{c.kind}:{rule}")

    # -- one method per candidate kind -----------------------------------------------------------
    def _r_date(self, c: Candidate):
        p = c.parts
        m = to_int(p["m"]) if "m" in p else None
        d = to_int(p["d"]) if "d" in p else None
        if (m is not None and not 1 <= m <= 12) or (d is not None and not 1 <= d <= 31):
            return None
        if "rm" in p:  # 今月11日, 同月5日
            return self._month_relative_day(c, p["rm"], d)
        y, how = self._year_of(c)
        if "fy" in p:
            self._note_year(c, y)
            return "DATE", _fmt(y), f"{how}+fiscal-year"
        if y is None and how:  # a relative year with no reference
            return "DATE", _fmt(None, m, d), f"{how}+unanchored"
        if y is not None:
            self._note_year(c, y, m)
            if m is None:
                return "DATE", _fmt(y), how
            self.recent_ym = (y, m)
            if d is None:
                return "DATE", _fmt(y, m), how
            day = _safe_date(y, m, d)
            if day is None:
                return None
            if self.ref is None:
                self.recent_md = (y, m, d, day)
            self._note_day(c, day)
            return "DATE", day.isoformat(), how
        return self._month_day(c, m, d)

    def _month_day(self, c: Candidate, m: int | None, d: int | None):
        """2月12日 or 7月 without a year."""
        assert m is not None
        s = self.sentence(c.start)
        if self.year_in_sentence and self.year_in_sentence[0] == s:
            y, prev_m = self.year_in_sentence[1], self.year_in_sentence[2]
            if prev_m is not None and m < prev_m:
                y += 1  # 2019年12月から3月まで: the later month is in the next year
            rule = "year-in-sentence"
        elif self.ref is not None:
            tense = self.tense(c)
            rule = f"published+{tense or 'nearest'}"
            if d is None:
                months = [dt.date(self.ref.year + k, m, 1) for k in (-1, 0, 1)]
                got = _pick(months, self.ref.replace(day=1), tense)
                y = got.year if got else None
            else:
                opts = [x for k in (-1, 0, 1) if (x := _safe_date(self.ref.year + k, m, d))]
                wd = c.parts.get("wd")
                if wd is not None:
                    matching = [x for x in opts if x.weekday() == self.lex.weekdays[wd]]
                    if matching:
                        opts, rule = matching, rule + "+weekday"
                got = _pick(opts, self.ref, tense)
                if got is None:
                    return None
                y = got.year
        else:
            y, rule = None, "unanchored"
        self.recent_ym = (y, m)
        if d is None:
            return "DATE", _fmt(y, m), rule
        day = _safe_date(y, m, d) if y is not None else None
        if y is not None and day is None:
            return None
        if not self._boundary(c):
            self.recent_md = (y, m, d, day)
        if day is not None:
            self._note_day(c, day)
        else:
            self.prev_day = (c.end, None, m, d)
        return "DATE", _fmt(y, m, d), rule

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
        self.recent_md = (y, m, d, day)
        self._note_day(c, day)
        return "DATE", day.isoformat(), rule

    def _r_day(self, c: Candidate):
        p = c.parts
        d = to_int(p["d"])
        assert d is not None
        wd = self.lex.weekdays[p["wd"]] if "wd" in p else None
        pre = p.get("pre")
        got = self._range_end(c, d)
        if got is not None:
            return got
        if pre and self.recent_day is not None:  # 翌19日, 同19日
            base = self.recent_day
            opts = [x for k in (0, 1) if (x := _safe_date(*_add_months(base.year, base.month, k), d))]
            day = next((x for x in opts if (x >= base if pre == "翌" else True)), None)
            if day is not None:
                self._note_day(c, day)
                return "DATE", day.isoformat(), "anaphor"
        md = self.recent_md
        use_md = md is not None and (
            self.ref is None or md[3] is None or (self.ref - md[3]).days > 31)
        if use_md and md is not None:
            y, m = md[0], md[1]
            day = _safe_date(y, m, d) if y is not None else None
            if y is None:
                return "DATE", _fmt(None, m, d), "recent-month+unanchored"
            if day is not None:
                self._note_day(c, day)
                return "DATE", day.isoformat(), "recent-month"
        if self.ref is None:
            return "DATE", _fmt(None, None, d), "unanchored"
        tense = self.tense(c)
        ks = range(-3, 4) if wd is not None else range(-2, 3)
        opts = [x for k in ks if (x := _safe_date(*_add_months(self.ref.year, self.ref.month, k), d))]
        rule = f"published+{tense or 'nearest'}"
        if wd is not None:
            matching = [x for x in opts if x.weekday() == wd]
            if matching:
                opts, rule = matching, rule + "+weekday"
        else:
            opts = [x for x in opts if abs((x - self.ref).days) < 62]
        day = _pick(opts, self.ref, tense)
        if day is None:
            return None
        self._note_day(c, day, tense)
        return "DATE", day.isoformat(), rule

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
        self._note_day(c, day)
        return "DATE", day.isoformat(), "range"

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
            self._note_day(c, day, None)
            return "DATE", day.isoformat(), "relative-day"
        if w in lex.relative_weeks:
            return "DATE", _week(ref + dt.timedelta(weeks=lex.relative_weeks[w])), "relative-week"
        if w in lex.relative_months:
            y, m = _add_months(ref.year, ref.month, lex.relative_months[w])
            self.recent_ym = (y, m)
            return "DATE", _fmt(y, m), "relative-month"
        if w in lex.relative_years:
            y = ref.year + lex.relative_years[w]
            self._note_year(c, y)
            return "DATE", _fmt(y), "relative-year"
        if w in lex.relative_fiscal_years:
            return "DATE", _fmt(fiscal_year(ref) + lex.relative_fiscal_years[w]), "relative-fiscal-year"
        return None

    def _anaphor(self, c: Candidate, w: str):
        a = self.lex.anaphors[w]
        if a.unit == "day":
            base = self.story_day if a.ref == "story" else None
            base = base or self.recent_day or self.ref
            if base is None:
                return "DATE", None, "anaphor+unanchored"
            day = base + dt.timedelta(days=a.offset)
            self._note_day(c, day, None)
            return "DATE", day.isoformat(), f"anaphor+{a.ref}"
        if a.unit == "month":
            if self.recent_ym is None or self.recent_ym[0] is None:
                return "DATE", None, "anaphor+unanchored"
            y, m = _add_months(self.recent_ym[0], self.recent_ym[1], a.offset)
            return "DATE", _fmt(y, m), "anaphor"
        if self.recent_year is None:
            return "DATE", None, "anaphor+unanchored"
        y = self.recent_year + a.offset
        self._note_year(c, y)
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
        if mi is None or mi > 59:
            return None
        day, rule = self._time_day(c)
        return "TIME", f"{day}T{h:02d}:{mi:02d}", rule

    def _r_part_of_day(self, c: Candidate):
        code = self.lex.parts_of_day[c.parts["word"]]
        day, rule = self._time_day(c)
        return "TIME", f"{day}T{code}", rule

    def _r_duration(self, c: Candidate):
        p = c.parts
        n = {k: to_int(v) for k, v in p.items() if k in ("hh", "hm", "mm", "ss", "dd", "ww", "mo", "yy", "ym", "bm")}
        if any(v is None for v in n.values()):
            return None
        if "hh" in n:
            mins = 30 if "hhalf" in p else n.get("hm", 0)
            return "DURATION", f"PT{n['hh']}H" + (f"{mins}M" if mins else ""), "hours"
        if "mm" in n or "bm" in n:
            return "DURATION", f"PT{n.get('mm', n.get('bm'))}M", "minutes"
        if "ss" in n:
            return "DURATION", f"PT{n['ss']}S", "seconds"
        if "dd" in n:
            return "DURATION", f"P{n['dd']}D", "days"
        if "ww" in n:
            return "DURATION", f"P{n['ww']}W", "weeks"
        if "mo" in n:
            return "DURATION", f"P{n['mo']}M" + ("15D" if "mohalf" in p else ""), "months"
        if "halfyear" in p:
            return "DURATION", "P6M", "half-year"
        months = 6 if "yhalf" in p else n.get("ym", 0)
        return "DURATION", f"P{n['yy']}Y" + (f"{months}M" if months else ""), "years"

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
            self._note_day(c, day, None)
            return "DATE", day.isoformat(), "relative-week"
        tense = self.tense(c)
        opts = [self.ref + dt.timedelta(days=k) for k in range(-7, 8)]
        opts = [x for x in opts if x.weekday() == wd]
        day = _pick(opts, self.ref, tense, dt.timedelta(0))
        assert day is not None
        self._note_day(c, day, tense)
        return "DATE", day.isoformat(), f"published+{tense or 'nearest'}"

    def _r_era(self, c: Candidate):
        return "DATE", None, "era"


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
    out: list[Resolved] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if nxt is not None and _apposition(lex, text, c, nxt):
            # 前日の9日, 同日の12日: the explicit day says which day the anaphor is
            second = r.resolve(nxt)
            if second is not None:
                out.append(Resolved(c.start, c.end, "DATE", second.value, "word:anaphor+apposition"))
                out.append(second)
                i += 2
                continue
        res = r.resolve(c)
        if res is not None:
            out.append(res)
        i += 1
    return out


def _apposition(lex: DateLexicon, text: str, c: Candidate, nxt: Candidate) -> bool:
    word = c.parts.get("word")
    return (c.kind == "word" and word in lex.anaphors and lex.anaphors[word].unit == "day"
            and nxt.kind in ("day", "date") and text[c.end:nxt.start] == "の" and "d" in nxt.parts)
