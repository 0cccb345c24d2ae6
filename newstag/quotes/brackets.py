"""Bracket structure of a stretch of text: pure string work, no spaCy.

Only well-formed pairs are reported; a stray 」 or an unclosed 「 never raises and never swallows
the text after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"「": "」", "『": "』", "｢": "｣"}  # ｢｣: the half-width brackets of some feeds
_MARKS = re.compile(r"[「」『』｢｣]")
_STOPS = re.compile(r"[。！？!?]")


@dataclass(frozen=True)
class Pair:
    """A matched bracket pair: ``open`` and ``close`` are the bracket positions."""

    open: int
    close: int
    char: str  # the opening bracket, 「, 『 or ｢

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def matched_pairs(text: str) -> list[Pair]:
    """All matched pairs (nested ones too), sorted by opening position.

    A closer matches the nearest open bracket of its kind; openers left unclosed inside a pair
    are dropped, so one stray 「 cannot hide the rest of the text.
    """
    stack: list[tuple[str, int]] = []
    pairs: list[Pair] = []
    for m in _MARKS.finditer(text):
        ch, pos = m.group(), m.start()
        if ch in OPENERS:
            stack.append((ch, pos))
            continue
        for k in range(len(stack) - 1, -1, -1):
            if OPENERS[stack[k][0]] == ch:
                pairs.append(Pair(stack[k][1], pos, stack[k][0]))
                del stack[k:]
                break
    return sorted(pairs, key=lambda p: p.open)


def top_level(pairs: list[Pair]) -> list[Pair]:
    """The pairs not contained in another pair (input sorted by opening position)."""
    out: list[Pair] = []
    for p in pairs:
        if out and p.open < out[-1].close:
            continue
        out.append(p)
    return out


def sentence_stops(text: str, tops: list[Pair]) -> list[int]:
    """Positions just after each sentence-final mark outside brackets (。！？)."""
    stops = []
    k = 0
    for m in _STOPS.finditer(text):
        pos = m.start()
        while k < len(tops) and tops[k].close < pos:
            k += 1
        if k < len(tops) and tops[k].open < pos < tops[k].close:
            continue
        stops.append(m.end())
    return stops


def chains(tops: list[Pair], text: str) -> list[list[Pair]]:
    """Group top-level pairs that follow each other directly (「…」「…」, 「…」、「…」)."""
    groups: list[list[Pair]] = []
    for p in tops:
        if groups:
            prev = groups[-1][-1]
            gap = text[prev.close + 1:p.open]
            if gap.strip(" 　、,・") == "" and len(gap) <= 2:
                groups[-1].append(p)
                continue
        groups.append([p])
    return groups
