"""Body detection for the plain text of a scraped page.

The method is line-level and general (no site-specific strings): every line gets features —
sentence-likeness (ends with 。, has 、 and particles), length, list and link markers, menu-like
runs of short space-separated items, repetition elsewhere on the page — and a score. The body is
the block of lines with the maximum total score (a maximum-subarray over lines), which keeps
short sub-headings between prose paragraphs and drops menus, rankings, related-headline lists,
comment counters and footers around it. The title is the best headline-like line before the body;
a short name-like line between title and body is the byline.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .layout import Layout

_SENT_END = re.compile(r"[。．！？!?」』）)]\s*$")
_PROSE_END = re.compile(r"[。．！？!?]\s*[」』）)]*\s*$")
_PARTICLES = re.compile(r"[はがをにでとのへもや]")
_JA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_BULLET = re.compile(r"^\s*(?:[•・●○◆◇■□▶▷►※\-\*＊]|\d{1,3}[.)．]|\[\d+\]|\d{1,3}\s*$)")
# bounded repeats: a long line must not make these searches quadratic
_URLISH = re.compile(r"https?://|www\.|@[\w.-]{1,200}\.\w+|\[[a-z_]{1,50}[^\]]{0,200}\]", re.I)
# a byline names someone: a run of kanji (a Japanese name or desk), or a 記者/= credit
_NAMEISH = re.compile(r"[\u4e00-\u9fff々]{2,}|記者|特派員|[=＝]|^(?:by|By|BY)\s")
_DIGITS_ONLY = re.compile(r"^[\d\s,.:/\-]+$")
# a dateline or timestamp: "2025年3月5日 14:32", "3/5(水) 12:00配信", "2025.03.05 更新"
_DATELINE = re.compile(
    r"^[\s\d０-９年月日時分秒/.:：\-()（）月火水木金土日曜]*(?:配信|更新|公開|掲載|投稿)?[\s\d０-９:：]*$"
)


@dataclass
class _Line:
    start: int
    end: int  # without the newline, trailing spaces stripped
    text: str

    @property
    def length(self) -> int:
        return len(self.text)


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            s = pos + lead
            out.append(_Line(s, s + len(stripped), stripped))
        pos += len(raw)
    return out


def _prose_end(s: str) -> bool:
    """Ends like a sentence (。 and closing brackets); only the tail is searched (linear time)."""
    return _PROSE_END.search(s[-40:]) is not None


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s).strip()


def _menu_like(s: str) -> bool:
    """Several short items separated by spaces: a menu, a tag list, a share bar."""
    parts = [p for p in re.split(r"\s{1,}|\u3000", s) if p]
    return len(parts) >= 3 and max(len(p) for p in parts) <= 25 and not _prose_end(s)


def _self_repeating(s: str) -> bool:
    """A line that repeats one of its own phrases (skip links, breadcrumbs)."""
    n = len(s)
    for k in range(6, n // 2 + 1):
        for i in range(0, n - 2 * k + 1):
            if s[i:i + k] in s[i + k:]:
                return True
        if k > 12:
            break
    return False


def _is_prose(line: _Line) -> bool:
    s = line.text
    if len(s) < 20:
        return False
    if not _prose_end(s):
        return False
    ja = len(_JA.findall(s))
    if ja < 0.4 * len(s):
        return False
    particles = len(_PARTICLES.findall(s))
    return particles >= max(2, len(s) // 40)


def _score(line: _Line, repeated: bool) -> float:
    s = line.text
    if _is_prose(line) and not repeated:
        bonus = 1.0 + min(s.count("、"), 5) * 0.1
        return line.length * bonus
    if repeated or _BULLET.match(s) or _URLISH.search(s) or _DIGITS_ONLY.match(s) or _menu_like(s):
        return -max(20.0, float(line.length))
    # short non-prose lines (sub-headings, captions) cost a little: kept between prose lines,
    # trimmed at the edges of the block.
    return -min(12.0, 2.0 + line.length * 0.2)


def _title_score(line: _Line, repeated: bool, distance: int) -> float:
    s = line.text
    if len(s) < 6 or len(s) > 200:  # first: the patterns below backtrack on long lines
        return -1.0
    if repeated or _URLISH.search(s) or _DIGITS_ONLY.match(s) or _BULLET.match(s) or _DATELINE.match(s):
        return -1.0
    score = min(len(s), 40) / 40.0
    if _menu_like(s):
        score -= 1.0
    if _self_repeating(s):
        score -= 1.0
    if s.endswith("。"):
        score -= 0.5
    if not _JA.search(s):
        score -= 0.5
    score -= 0.05 * distance
    return score


def _byline_like(line: _Line) -> bool:
    s = line.text
    return (1 < len(s) <= 30 and not _prose_end(s) and "、" not in s and "「" not in s
            and not _DATELINE.match(s) and bool(_NAMEISH.search(s)))


def segment_text(text: str, *, title: tuple[int, int] | None = None) -> Layout:
    """Find title, byline, body and paragraphs in the plain text of a page.

    Args:
        text: the page text.
        title: a known title range (from HTML metadata); when given it is not searched for.
    """
    lines = _lines(text)
    if not lines:
        return Layout(title=None, body=(0, 0), paragraphs=[])
    if len(lines) == 1:
        ln = lines[0]
        return Layout(title=None, body=(ln.start, ln.end), paragraphs=[(ln.start, ln.end)])

    counts = Counter(_norm(ln.text) for ln in lines)
    repeated = [counts[_norm(ln.text)] > 1 and ln.length > 3 for ln in lines]
    if title is not None:
        # the known title line is not a body candidate
        body_lines = [(i, ln) for i, ln in enumerate(lines) if not (ln.start >= title[0] and ln.end <= title[1])]
    else:
        body_lines = list(enumerate(lines))
    if not body_lines:  # the known title is all there is
        return Layout(title=title, body=(0, 0), paragraphs=[])
    scores = [_score(ln, repeated[i]) for i, ln in body_lines]

    # maximum-subarray over lines
    best, best_rng, cur, cur_start = float("-inf"), (0, 0), 0.0, 0
    for k, sc in enumerate(scores):
        if cur <= 0:
            cur, cur_start = sc, k
        else:
            cur += sc
        if cur > best:
            best, best_rng = cur, (cur_start, k)
    if best <= 0:
        # nothing prose-like: the whole text (minus a known title) is the body
        lo, hi = 0, len(body_lines) - 1
    else:
        lo, hi = best_rng
    block = [ln for _, ln in body_lines[lo:hi + 1]]
    first_idx = body_lines[lo][0]

    # title: best headline-like line before the body (within a few lines)
    title_rng = title
    byline_rng = None
    if title_rng is None and first_idx > 0:
        cands = []
        for i in range(max(0, first_idx - 8), first_idx):
            ln = lines[i]
            cands.append((_title_score(ln, repeated[i], first_idx - i - 1), i))
        sc, ti = max(cands)
        if sc > 0.2:
            title_rng = (lines[ti].start, lines[ti].end)
            for j in range(ti + 1, first_idx):
                if _byline_like(lines[j]) and not repeated[j]:
                    byline_rng = (lines[j].start, lines[j].end)
                    break
    elif title_rng is None and first_idx == 0 and len(block) > 1 and not _is_prose(block[0]):
        # a clean article whose first line is its headline
        t = block.pop(0)
        title_rng = (t.start, t.end)

    if not block:
        return Layout(title=title_rng, byline=byline_rng, body=(0, 0), paragraphs=[])
    paragraphs = [(ln.start, ln.end) for ln in block]
    return Layout(title=title_rng, byline=byline_rng, body=(block[0].start, block[-1].end), paragraphs=paragraphs)
