"""Cut text into pieces GiNZA accepts.

Sudachi refuses an input of more than 49,149 UTF-8 bytes, and also an input whose *normalised*
form (lower-cased, NFKC) exceeds 65,535 bytes: a few characters expand a lot under NFKC
(``㍿`` → ``株式会社``, U+FDFA → 18 Arabic letters), so a piece well under the first limit can
still break the second. Pieces are sized against both.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

SUDACHI_MAX_BYTES = 49149
#: Sudachi's limit on the normalised input; we keep a margin below it
SUDACHI_MAX_NORMALIZED_BYTES = 65535
_NORMALIZED_BUDGET = SUDACHI_MAX_NORMALIZED_BYTES - 4096
# well under Sudachi's limit; shorter chunks also keep the parser's cost linear
DEFAULT_MAX_BYTES = 12000

_SENT_BREAK = re.compile(r"(?<=[。．！？!?\n])")
_SOFT_BREAK = re.compile(r"(?<=[、，,\s])")


def _bytes(s: str) -> int:
    return len(s.encode("utf-8", "surrogatepass"))


@lru_cache(maxsize=65536)
def _char_normalized_bytes(c: str) -> int:
    """An upper bound of the bytes Sudachi's normalisation makes of one character."""
    a = unicodedata.normalize("NFKC", c.lower())
    b = unicodedata.normalize("NFKC", c).lower()
    return max(_bytes(a), _bytes(b), _bytes(c))


def _normalized_bytes(s: str) -> int:
    if s.isascii():
        return len(s)
    return sum(_char_normalized_bytes(c) for c in s)


def _fits(s: str, max_bytes: int) -> bool:
    return _bytes(s) <= max_bytes and (s.isascii() or _normalized_bytes(s) <= _NORMALIZED_BUDGET)


def chunk_range(text: str, start: int, end: int, max_bytes: int = DEFAULT_MAX_BYTES) -> list[tuple[int, int]]:
    """Split text[start:end] into contiguous ranges Sudachi accepts.

    Each range has at most ``max_bytes`` UTF-8 bytes (capped at Sudachi's 49,149) and a
    normalised size under Sudachi's second limit. Cuts go after sentence ends when possible, then
    after commas or spaces, and only as a last resort in the middle of a run of characters. Runs
    in linear time (plus a log factor) in the length of the range.
    """
    max_bytes = max(4, min(max_bytes, SUDACHI_MAX_BYTES))
    if end <= start or _fits(text[start:end], max_bytes):
        return [(start, end)] if end > start else []
    seg = text[start:end]
    # prefix sums of raw and normalised byte sizes: raw[i] = bytes of seg[:i]
    raw = [0, *accumulate(_bytes(c) for c in seg)]
    norm = [0, *accumulate(_char_normalized_bytes(c) if not c.isascii() else 1 for c in seg)]
    sent = [m.start() for m in _SENT_BREAK.finditer(seg)]
    soft = [m.start() for m in _SOFT_BREAK.finditer(seg)]
    out: list[tuple[int, int]] = []
    cur, n = 0, len(seg)
    while cur < n:
        # the furthest end that respects both budgets
        limit = min(bisect_right(raw, raw[cur] + max_bytes), bisect_right(norm, norm[cur] + _NORMALIZED_BUDGET)) - 1
        if limit >= n:
            out.append((start + cur, end))
            break
        limit = max(limit, cur + 1)  # one character always fits
        cut = limit
        for breaks in (sent, soft):
            k = bisect_right(breaks, limit) - 1
            if k >= 0 and breaks[k] > cur:
                cut = breaks[k]
                break
        out.append((start + cur, start + cut))
        cur = cut
    return out
