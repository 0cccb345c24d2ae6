"""Finding temporal expressions: compiled regular expressions over the text of each region.

Extraction only says *what* was written (a year, a month-day, 前日, 約1時間30分); the values are
computed by :mod:`newstag.dates.resolve`. Candidates of all patterns are collected, then the
longest one wins where they overlap (今年7月 over 今年, 3日前 over 3日).

Numbers may be ASCII, full-width (２月) or kanji (二〇二五年, 十二月). Kanji numerals are accepted
only where a unit makes them unambiguous (years, months, durations, clock times after 午前/午後),
not for a bare day (一日も早く), so that idioms do not become dates.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .lexicon import DateLexicon

_D = "[0-9０-９]"
_K = "[〇一二三四五六七八九十]"
_NUM_BEFORE = "(?<![0-9０-９〇一二三四五六七八九十百千.．,，])"
_WEEKDAY = r"(?:[(（](?P<wd>[月火水木金土日])(?:曜日?)?[)）])?"
_KMONTHS = "(?:カ|ヶ|ケ|か|ヵ|箇|ｹ|ヵ)月"
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def to_int(s: str) -> int | None:
    """Parse an ASCII, full-width or kanji numeral (2025, ２０２５, 二〇二五, 二十五); None if not one."""
    s = unicodedata.normalize("NFKC", s)
    if s.isdigit():
        return int(s)
    if not s or any(c not in _KANJI_DIGITS and c not in "十百千" for c in s):
        return None
    if not any(c in "十百千" for c in s):  # positional: 二〇二五
        return int("".join(str(_KANJI_DIGITS[c]) for c in s))
    total, cur = 0, 0
    for c in s:
        if c in _KANJI_DIGITS:
            cur = _KANJI_DIGITS[c]
        else:
            mult = {"十": 10, "百": 100, "千": 1000}[c]
            total += (cur or 1) * mult
            cur = 0
    return total + cur


@dataclass
class Candidate:
    """One temporal expression as written, before normalisation.

    Attributes:
        start: character offset of the expression in the text given to :func:`find_candidates`.
        end: end offset (exclusive).
        kind: the pattern that found it (``date``, ``day``, ``relative``, ``duration`` ...).
        parts: the parsed parts (year, month, day, era offsets, units) for the resolver.
    """

    start: int
    end: int
    kind: str
    parts: dict = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.end - self.start


def _alternatives(words, lookahead: str = "(?![一-龥ァ-ヺ])") -> str:
    """A regex alternation, longest first; one-character words must not start a longer word (中国)."""
    alts = [re.escape(w) + (lookahead if len(w) == 1 else "") for w in sorted(words, key=len, reverse=True)]
    return "|".join(alts) or "(?!)"


def _initials(lex: DateLexicon) -> str:
    chars = {c for k in lex.era_initials for c in (k, chr(ord(k) + 0xFEE0) if k.isascii() else k)}
    return "[" + "".join(sorted(chars)) + "]" if chars else "(?!)"


class Patterns:
    """The compiled regular expressions for one lexicon (built once, see :func:`patterns`)."""

    def __init__(self, lex: DateLexicon) -> None:
        self.lex = lex
        eras = "|".join(map(re.escape, lex.eras))
        ini = _initials(lex)
        n_md = f"(?:{_D}{{1,2}}|{_K}{{1,3}})"
        mods = "|".join(sorted(map(re.escape, lex.duration_modifiers), key=len, reverse=True))
        num = f"(?:{_D}{{1,4}}|{_K}{{1,4}})"
        dec = f"(?:{_D}{{1,4}}[.．]{_D}{{1,2}}|{_D}{{1,4}}|{_K}{{1,4}})"  # 1.5時間, 0.5ヶ月
        mpart = _alternatives(lex.parts_of_month)
        ypart = _alternatives(lex.parts_of_year)
        season = _alternatives(lex.seasons, "(?![一-龥々ァ-ヺ])")
        after = _alternatives(lex.duration_after, "")
        self.date = re.compile(
            _NUM_BEFORE
            + "(?:(?P<era>" + eras + f")(?P<ey>元|{_D}{{1,2}}|{_K}{{1,3}})年"
            + f"|(?<![A-Za-zＡ-Ｚａ-ｚ])(?P<eri>{ini})(?P<ei>{_D}{{1,2}})年"
            + f"|(?P<y>{_D}{{4}}|[〇一二三四五六七八九]{{4}})年"
            + f"|(?<![一-龥ァ-ヺ])(?P<y2>{_D}{{2}})年(?={_D}{{1,2}}月|度)"
            + "|(?P<ry>今年|ことし|本年|昨年|去年|来年|一昨年|再来年|同年|翌年))"
            + f"(?:(?P<fy>度)|(?P<m>{n_md})月(?:(?P<d>{n_md})日{_WEEKDAY}|(?P<mpart>{mpart}))?"
            + f"|(?P<season>{season})|(?P<ypart>{ypart}))?"
        )
        self.numeric = re.compile(  # 2021/10/12, 2021.10.12, 令和3.10.12, R3/10/12
            "(?<![0-9０-９.．/／,，:：A-Za-zＡ-Ｚａ-ｚ-])"
            + f"(?:(?P<y>[12１２]{_D}{{3}})|(?P<era>{eras})(?P<ey>元|{_D}{{1,2}})|(?P<eri>{ini})(?P<ei>{_D}{{1,2}}))"
            + f"(?P<sep>[/.．／-])(?P<m>{_D}{{1,2}})(?P=sep)(?P<d>{_D}{{1,2}})(?![0-9０-９]|[.．/／-][0-9０-９])"
            + _WEEKDAY
        )
        self.slash_monthday = re.compile(  # 10/12(火): a month/day only with its weekday
            f"(?<![0-9０-９/／.．])(?P<m>{_D}{{1,2}})[/／](?P<d>{_D}{{1,2}})(?=[(（][月火水木金土日])" + _WEEKDAY
        )
        self.monthday = re.compile(
            _NUM_BEFORE + f"(?P<m>{n_md})月(?:(?P<d>{n_md})日{_WEEKDAY}|(?P<mpart>{mpart}))?(?!間)"
        )
        self.dayspan = re.compile(  # 20・21日, 20~21日 (after a month: 7月20・21日)
            "(?<![0-9０-９.．,，/／])" + f"(?P<d>{_D}{{1,2}})(?P<conn>[・~～〜－−‐-])(?P<d2>{_D}{{1,2}})日{_WEEKDAY}"
        )
        self.reldayofmonth = re.compile(f"(?P<rm>今月|先月|来月|同月|翌月)(?P<d>{_D}{{1,2}}|{_K}{{1,3}})日{_WEEKDAY}")
        self.day = re.compile(
            "(?<![0-9０-９.．,，/／第月])" + f"(?P<pre>翌|同)?(?P<d>{_D}{{1,2}})日{_WEEKDAY}"
        )
        self.ago = re.compile(
            _NUM_BEFORE + f"(?P<n>{_D}{{1,3}}|{_K}{{1,3}})(?P<u>日|週間|{_KMONTHS}|年)(?P<dir>前|後)(?!半)"
        )
        self.time = re.compile(
            _NUM_BEFORE
            + f"(?P<ampm>午前|午後)?(?P<h>{_D}{{1,2}}|{_K}{{1,3}})時"
            + f"(?:(?P<half>半)|(?P<mi>{_D}{{1,2}}|{_K}{{1,3}})分(?:(?P<se>{_D}{{1,2}})秒)?)?"
            + "(?:ごろ|頃)?(?!間|点|台|期|代|差|給|速|効)"
        )
        self.clock = re.compile(  # 23:59, 午後1:30, 10:15:30
            "(?<![0-9０-９:：.．/／])"
            + f"(?P<ampm>午前|午後)?(?P<h>{_D}{{1,2}})[:：](?P<mi>[0-5０-５]{_D})(?:[:：](?P<se>[0-5０-５]{_D}))?"
            + "(?![0-9０-９]|[:：][0-9０-９])"
        )
        self.part_of_day = re.compile("|".join(map(re.escape, lex.parts_of_day)))
        self.duration = re.compile(
            f"(?P<mod>{mods})?" + _NUM_BEFORE
            + "(?:"
            + f"(?P<hh>{dec})時間(?:(?P<hm>{num})分|(?P<hhalf>半))?"
            + f"|(?P<mm>{num})分間|(?P<ss>{num})秒間|(?P<dd>{dec})日間|(?P<ww>{num})週間"
            + f"|(?P<dn>{num})日(?={after})"
            + f"|(?P<mo>{dec}){_KMONTHS}(?P<mohalf>半)?間?"
            + f"|(?P<yy>{dec})年(?:(?P<ym>{num}){_KMONTHS})?(?P<yhalf>半)?(?P<ykan>間)?"
            + "|(?P<halfyear>半年)間?"
            + f"|(?P<bm>{_D}{{1,3}})分(?!の)"
            + ")"
        )
        self.decade = re.compile(_NUM_BEFORE + f"(?:(?P<dec>{_D}{{4}}|{_D}{{2}})年代|(?P<cent>{_D}{{1,2}})世紀)")
        self.weekday = re.compile("(?P<rw>先週|来週|今週)?(?P<wd>[月火水木金土日])曜(?:日)?")
        year_words = [w for w in lex.parts_of_year if w.startswith("年")]  # 年明け, 年末 alone
        words = list(lex.relative_days) + list(lex.relative_weeks) + list(lex.relative_months) \
            + list(lex.relative_years) + list(lex.relative_fiscal_years) + list(lex.anaphors) + list(lex.sets) + year_words
        self.words = re.compile("|".join(sorted(map(re.escape, set(words)), key=len, reverse=True)))
        opens = "|".join(re.escape(w) for w in sorted(lex.title_before, key=len, reverse=True)) or "(?!)"
        self.title = re.compile(f"(?:{opens})(?P<open>[「『])")


_CACHE: dict[int, tuple[DateLexicon, Patterns]] = {}


def patterns(lex: DateLexicon) -> Patterns:
    """The compiled patterns of a lexicon, compiled once per lexicon object."""
    hit = _CACHE.get(id(lex))
    if hit is None or hit[0] is not lex:
        hit = (lex, Patterns(lex))
        _CACHE[id(lex)] = hit
    return hit[1]


_HIRAGANA = re.compile("[ぁ-ゖ]")
_PARTICLE_BEFORE = "はがものにをとでへや"
_PARTICLE_AFTER = ("は", "の", "に", "も", "が", "を", "と", "で", "へ", "まで", "から", "、", "。")
_NOT_A_SPAN_AFTER = ("目", "前", "後", "代", "生", "度")
_RATE_AFTER = re.compile("に?[数何]|に?[0-9０-９〇一二三四五六七八九十]")  # 1日に3回, 1日数回: a rate


def _ok_word_boundary(text: str, start: int, end: int) -> bool:
    """Kana words (きょう, あす) must not sit inside a longer kana word (きょうだい)."""
    word = text[start:end]
    if text.startswith("々", end):
        return False  # その日々
    if not _HIRAGANA.match(word[0]):
        return True
    if not all(_HIRAGANA.match(ch) for ch in word):
        return True  # この日, その日: the kanji closes the word
    if start > 0 and _HIRAGANA.match(text[start - 1]) and text[start - 1] not in _PARTICLE_BEFORE:
        return False
    return end >= len(text) or not _HIRAGANA.match(text[end]) or _after(text, end, _PARTICLE_AFTER)


def _after(text: str, end: int, words) -> bool:
    return any(text.startswith(w, end) for w in words)


def title_spans(text: str, lex: DateLexicon) -> list[tuple[int, int]]:
    """The 「…」 / 『…』 that are titles of works (番組「今日のニュース」, ドラマ「明日、…」)."""
    out = []
    for m in patterns(lex).title.finditer(text):
        close = "」" if m.group("open") == "「" else "』"
        i = m.end()
        j = text.find(close, i)
        nl = text.find("\n", i)
        if j > 0 and (nl < 0 or j < nl):
            out.append((i, j))
    return out


def find_candidates(text: str, lex: DateLexicon) -> list[Candidate]:
    """All temporal expressions of ``text``, non-overlapping, in text order."""
    p = patterns(lex)
    bad = lex.not_a_date_after
    found: list[Candidate] = []
    span_cues = tuple(lex.duration_after)

    def add(m: re.Match, kind: str, **parts) -> None:
        s, e = m.span()
        parts.update({k: v for k, v in m.groupdict().items() if v is not None})
        found.append(Candidate(s, e, kind, parts))

    def add_date(m: re.Match, kind: str = "date") -> None:
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        if "eri" in g:  # R3年: the era named by its initial
            g["era"] = lex.era_initials[unicodedata.normalize("NFKC", g.pop("eri"))]
            g["ey"] = g.pop("ei")
        e = m.start("wd") - 1 if g.get("wd") else m.end()  # keep the weekday out of the text
        found.append(Candidate(m.start(), e, kind, g))

    for m in p.date.finditer(text):
        g = m.groupdict()
        if g["ry"] and not (g["m"] or g["ypart"]):
            continue  # bare 今年/昨年 (and 昨年秋): a relative word
        if not (g["m"] or g["fy"] or g["season"] or g["ypart"]) and _after(text, m.end(), ("間", "代", "ぶり", "目", "以上", "分")):
            continue
        add_date(m)
    for m in p.numeric.finditer(text):
        add_date(m)
    for m in p.slash_monthday.finditer(text):
        add_date(m)
    for m in p.monthday.finditer(text):
        if m.start() > 0 and text[m.start() - 1] in "カヶケかヵ箇ｹ数年":
            continue
        add_date(m)
    for m in p.reldayofmonth.finditer(text):
        add_date(m)
    for m in p.dayspan.finditer(text):
        d, d2 = to_int(m.group("d")), to_int(m.group("d2"))
        if d and d2 and d < d2 <= 31:
            add_date(m, "day")
    for m in p.day.finditer(text):
        d = to_int(m.group("d"))
        if not d or d > 31 or _after(text, m.end(), bad.day):
            continue
        rate = _RATE_AFTER.match(text, m.end())
        if rate and (d <= 2 or rate.group()[-1] in "数何"):
            continue  # 1日に3回, 2日に1回, 1日数回: a rate, not a date (12日に3カ国を訪問 is a date)
        add_date(m, "day")
    for m in p.ago.finditer(text):
        if m.group("u") == "年" and len(m.group("n")) > 3:
            continue
        add(m, "ago")
    for m in p.time.finditer(text):
        h = to_int(m.group("h"))
        if h is None or h > 24 or (not m.group("ampm") and not unicodedata.normalize("NFKC", m.group("h")).isdigit()):
            continue
        add(m, "time")
    for m in p.clock.finditer(text):
        h = to_int(m.group("h"))
        if h is not None and h <= 24:
            add(m, "time")
    for m in p.part_of_day.finditer(text):
        add(m, "part_of_day", word=m.group())
    for m in p.duration.finditer(text):
        g = m.groupdict()
        if _after(text, m.end(), _NOT_A_SPAN_AFTER) or (
                _after(text, m.end(), ("連続",)) and not m.group().endswith("間")) or text[max(0, m.start() - 1):m.start()] == "歳":
            continue
        if g["yy"] is not None and (len(g["yy"]) > 3 or _after(text, m.end(), ("ば",))):
            continue  # 2025年半ば
        if g["yy"] is not None and not (g["ym"] or g["yhalf"] or g["ykan"]):
            cued = g["mod"] or _after(text, m.end(), span_cues) or any(
                text.endswith(w, 0, m.start()) for w in lex.duration_before) or not g["yy"].isdigit()
            if not cued:  # 10年: a count of years or a short year (14年, 平成…22年); the resolver decides
                if g["yy"].isdigit() or to_int(g["yy"]) is not None:
                    found.append(Candidate(m.start("yy"), m.end(), "bare_year", {"n": g["yy"]}))
                continue
        if g["bm"] is not None and not (g["mod"] or _after(text, m.end(), span_cues)):
            continue
        if g["bm"] is not None and m.start("bm") > 0 and text[m.start("bm") - 1] == "時":
            continue
        add(m, "duration")
    for m in p.decade.finditer(text):
        add(m, "decade")
    for m in p.weekday.finditer(text):
        before = text[max(0, m.start() - 2):m.start()]
        if before[-1:] in ("毎", "(", "（") or before == "毎週" or (before and before[-1] in "0123456789０１２３４５６７８９"):
            continue  # 毎週水曜 is a SET, 第1日曜 an ordinal, (水) belongs to a date
        add(m, "weekday")
    for m in p.words.finditer(text):
        w = m.group()
        if not _ok_word_boundary(text, m.start(), m.end()):
            continue
        if w in lex.anaphors and _after(text, m.end(), bad.anaphors):
            continue
        if w in lex.sets and _after(text, m.end(), bad.sets):
            continue
        end, parts = m.end(), {"word": w}
        if w in lex.relative_months:  # 来月上旬, 今月末: the part of the month belongs to the date
            part = next((x for x in sorted(lex.parts_of_month, key=len, reverse=True) if text.startswith(x, end)), None)
            if part:
                end, parts["mpart"] = end + len(part), part
        found.append(Candidate(m.start(), end, "word", parts))
    chosen = _join_day_spans(_select(found))
    titles = title_spans(text, lex)
    if titles:
        chosen = [c for c in chosen if not any(s <= c.start < e for s, e in titles)]
    return chosen


def _join_day_spans(cands: list[Candidate]) -> list[Candidate]:
    """7月 + 20・21日 → one candidate 7月20・21日 (a month, then a span of days written once)."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (c.kind == "day" and "d2" in c.parts and prev is not None and prev.kind == "date" and prev.end == c.start
                and "m" in prev.parts and "d" not in prev.parts and "mpart" not in prev.parts):
            out[-1] = Candidate(prev.start, c.end, "date", {**prev.parts, **c.parts})
            continue
        out.append(c)
    return out


def _select(found: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidate where candidates overlap (earliest first on ties)."""
    if not found:
        return []
    chosen: list[Candidate] = []
    taken = bytearray(max(c.end for c in found) + 1)  # expressions are short: linear overall
    for c in sorted(found, key=lambda c: (-c.length, c.start)):
        if c.length <= 0 or any(taken[c.start:c.end]):
            continue
        chosen.append(c)
        taken[c.start:c.end] = b"\x01" * c.length
    return sorted(chosen, key=lambda c: c.start)
