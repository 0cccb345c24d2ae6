"""Body detection for the plain text of a scraped page (what a browser gives when a page is copied).

The method is line-level and general (no site-specific strings). Every line gets features and a
score (:mod:`newstag.segment.lines`). The body is the block of lines with the maximum total score
(a maximum-subarray over lines, which keeps short sub-headings, quotations and links between
prose paragraphs and drops menus, rankings, related-headline lists and footers around it); a
paywall notice (この記事は有料記事です, 残り800文字, 続きを読む) is a wall no block runs across.

When the page has a paywall notice, the article's visible text ends there: if the best block lies
after the first notice that closes an article (the free part right before it, or a headline and
its dateline with nothing between them and the notice), the block before that notice is the body,
or — a fully paywalled page — the headline alone. The title is the best headline-like line before
the body (a line followed by its dateline scores higher); a short name-like line between title and
body is the byline. :func:`explain` shows every line with its features, score and role.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .layout import Layout
from .lines import Line, byline_like, describe, feature_names, menu_like, self_repeating, split_lines

#: non-empty lines before the body searched for the title
TITLE_WINDOW = 40
#: the free part of a paywalled article must score at least this (about one short sentence)
MIN_FREE_PART = 15.0
#: lines of junk (an app link, a lone …) allowed between a free part and its paywall notice
NOTICE_GAP = 3

Role = Literal["title", "byline", "body", "out"]


@dataclass(frozen=True)
class LineDecision:
    """One line of the text as the segmenter saw it (see :func:`explain`)."""

    number: int
    start: int
    end: int
    text: str
    score: float | None
    features: tuple[str, ...]
    role: Role

    def __str__(self) -> str:
        sc = "  wall" if self.score is None else f"{self.score:+6.1f}"
        feats = ",".join(self.features)
        text = self.text if len(self.text) <= 60 else self.text[:59] + "…"
        return f"{self.number:>5} {self.role:<6} {sc} {feats:<28} {text}"


@dataclass
class _Result:
    lines: list[Line]
    layout: Layout
    reason: str


def _best_block(lines: list[Line]) -> tuple[int, int, float] | None:
    """Maximum-subarray over line scores; notices (score None) are walls. (lo, hi, total) or None."""
    best: tuple[int, int, float] | None = None
    cur, cur_start = 0.0, -1
    for k, ln in enumerate(lines):
        sc = ln.score
        if sc is None:
            cur, cur_start = 0.0, -1
            continue
        if cur_start < 0 or cur <= 0:
            cur, cur_start = sc, k
        else:
            cur += sc
        if cur > 0 and (best is None or cur > best[2]):
            best = (cur_start, k, cur)
    return best


def _free_part(lines: list[Line], notice: int) -> tuple[int, int, float] | None:
    """The block that ends right before a paywall notice (its free part), or None."""
    e = notice - 1
    while e >= 0 and notice - e <= NOTICE_GAP and lines[e].score is not None and lines[e].score <= 0:
        e -= 1
    if e < 0 or notice - e > NOTICE_GAP or lines[e].score is None or lines[e].score <= 0:
        return None
    # the start that maximises the block's total, back to the previous wall
    total, best, best_s = 0.0, float("-inf"), e
    s = e
    while s >= 0 and lines[s].score is not None:
        total += lines[s].score  # type: ignore[operator]
        if total > best:
            best, best_s = total, s
        s -= 1
    if best < MIN_FREE_PART:
        return None
    # the free part follows its article's header: a dateline (or byline with a date) above it
    if not any(lines[k].has("dateline") for k in range(max(0, best_s - TITLE_WINDOW), best_s)):
        return None
    return best_s, e, best


def _headline_before(lines: list[Line], notice: int) -> int | None:
    """A headline and its dateline right before a notice, with no text between: a fully paywalled page."""
    seen_date = False
    for j in range(notice - 1, max(-1, notice - 9), -1):
        ln = lines[j]
        if ln.is_text:
            return None
        if ln.has("dateline"):
            seen_date = True
        elif ln.has("label", "notice") or ln.length <= 8 or byline_like(ln):
            continue
        elif seen_date and _title_score(ln, 0, False) > 0.2:
            return j
        else:
            return None
    return None


def _title_score(ln: Line, distance: int, dated: bool) -> float:
    s = ln.text
    if len(s) < 6 or len(s) > 150:  # first: the patterns below backtrack on long lines
        return -1.0
    if ln.has("notice", "label", "caption", "dateline", "url", "digits", "bullet"):
        return -1.0
    score = min(len(s), 30) / 30.0
    if menu_like(s) or self_repeating(s):
        score -= 1.0
    if s.endswith("。"):
        score -= 0.5
    if not any("\u3040" <= c <= "\u9fff" for c in s):
        score -= 0.5
    if ln.has("repeated"):
        score -= 0.3
    if not any("\u3040" <= c <= "\u309f" for c in s):  # headlines have particles; a name and post do not
        score -= 0.3
    if dated:
        score += 0.5
    return score - 0.02 * distance


def _find_title(lines: list[Line], first: int) -> int | None:
    """The best headline-like line among the TITLE_WINDOW lines before line ``first``."""
    best, best_i = 0.2, None
    lo = max(0, first - TITLE_WINDOW)
    for i in range(first - 1, lo - 1, -1):
        dated = any(lines[k].has("dateline") for k in range(i + 1, min(first, i + 5)))
        sc = _title_score(lines[i], first - i - 1, dated)
        if sc > best:
            best, best_i = sc, i
    return best_i


def _byline_after(lines: list[Line], title: int, first: int) -> int | None:
    for j in range(title + 1, first):
        if byline_like(lines[j]) and not lines[j].has("repeated"):
            return j
    return None


def _segment(text: str, title: tuple[int, int] | None = None) -> _Result:
    lines = split_lines(text)
    if not lines:
        return _Result(lines, Layout(title=title, body=(0, 0), paragraphs=[]), "empty text")
    describe(lines)
    if title is not None:
        # the known title line is not a body candidate
        lines = [ln for ln in lines if not (ln.start >= title[0] and ln.end <= title[1])]
        if not lines:  # the known title is all there is
            return _Result(lines, Layout(title=title, body=(0, 0), paragraphs=[]), "only the known title")
    if len(lines) == 1:
        ln = lines[0]
        return _Result(lines, Layout(title=title, body=(ln.start, ln.end), paragraphs=[(ln.start, ln.end)]), "one line")

    block = _best_block(lines)
    reason = "best block"
    headline: int | None = None
    for n, ln in enumerate(lines):
        if not ln.has("notice"):
            continue
        free = _free_part(lines, n)
        head = None if free else _headline_before(lines, n)
        if free is None and head is None:
            continue
        if block is None or block[0] > n:  # the best block lies behind the paywall: not the article
            if free is not None:
                block, reason = free, f"free part before the paywall notice on line {ln.number}"
            else:
                block, headline = None, head
                reason = f"headline only: paywall notice on line {ln.number} right after the headline"
        break

    if headline is not None:
        h = lines[headline]
        title_rng = title or (h.start, h.end)
        layout = Layout(title=title_rng, body=(h.end, h.end), paragraphs=[])
        return _Result(lines, layout, reason)
    if block is None:
        # nothing article-like: the whole text (minus a known title) is the body
        lo, hi = 0, len(lines) - 1
        reason = "no article-like line: the whole text"
    else:
        lo, hi = block[0], block[1]
    body = lines[lo:hi + 1]
    title_rng, byline_rng = title, None
    if title_rng is None and lo > 0:
        ti = _find_title(lines, lo)
        if ti is not None:
            title_rng = (lines[ti].start, lines[ti].end)
            bi = _byline_after(lines, ti, lo)
            if bi is not None:
                byline_rng = (lines[bi].start, lines[bi].end)
    elif title_rng is None and lo == 0 and len(body) > 1 and not body[0].has("prose"):
        # a clean article whose first line is its headline
        t = body.pop(0)
        title_rng = (t.start, t.end)
    if not body:
        return _Result(lines, Layout(title=title_rng, byline=byline_rng, body=(0, 0), paragraphs=[]), reason)
    paragraphs = [(ln.start, ln.end) for ln in body]
    layout = Layout(title=title_rng, byline=byline_rng, body=(body[0].start, body[-1].end), paragraphs=paragraphs)
    return _Result(lines, layout, reason)


def segment_text(text: str, *, title: tuple[int, int] | None = None) -> Layout:
    """Find title, byline, body and paragraphs in the plain text of a page.

    Args:
        text: the page text.
        title: a known title range (from HTML metadata); when given it is not searched for.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    return _segment(text, title).layout


def decisions(lines: list[Line], layout: Layout) -> list[LineDecision]:
    """Each line with its role in ``layout``."""
    out = []
    para = set(layout.paragraphs)
    for ln in lines:
        if layout.title and layout.title[0] <= ln.start and ln.end <= layout.title[1]:
            role: Role = "title"
        elif layout.byline and layout.byline[0] <= ln.start and ln.end <= layout.byline[1]:
            role = "byline"
        elif (ln.start, ln.end) in para:
            role = "body"
        else:
            role = "out"
        out.append(LineDecision(ln.number, ln.start, ln.end, ln.text, ln.score, tuple(feature_names(ln)), role))
    return out


def explain(text: str) -> list[LineDecision]:
    """Every non-empty line of ``text`` with its features, score and role (title, byline, body, out).

    The debug view of :func:`segment_text`: ``print(*explain(page), sep="\\n")`` shows why each
    line is in or out of the body. HTML is explained as the text the HTML path analyses
    (see :func:`newstag.segment.read_page`).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    from .page import explain_page

    return explain_page(text)

