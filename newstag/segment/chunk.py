"""Cut text into pieces GiNZA accepts.

Sudachi refuses an input of more than 49,149 UTF-8 bytes, and also an input whose *normalised*
form (lower-cased, NFKC) exceeds 65,535 bytes: a few characters expand a lot under NFKC
(``㍿`` → ``株式会社``, U+FDFA → 18 Arabic letters), so a piece well under the first limit can
still break the second. Pieces are sized against both.

GiNZA's bunsetu recogniser is worse than quadratic in the length of a sentence (it walks token
ancestors for every pair of bunsetu): 600 tokens without a sentence end take ~1 s, 1,200 take
~13 s. A run longer than ``MAX_RUN_CHARS`` with no sentence end (a list, a menu, a broken scrape)
is therefore parsed in pieces, cut after a comma or space where possible.
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
#: longest run of text without a sentence end parsed as one piece (news sentences are far shorter)
MAX_RUN_CHARS = 400

_SENT_BREAK = re.compile(r"(?<=[。．！？!?\n])")
_SOFT_BREAK = re.compile(r"(?<=[、，,\s])")


def _long_run(max_run: int) -> re.Pattern:
    return re.compile(r"[^。．！？!?\n]{" + str(max_run + 1) + "}")


_LONG_RUN = _long_run(MAX_RUN_CHARS)


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


def _forced_cuts(n: int, sent: list[int], soft: list[int], max_run: int) -> list[int]:
    """Cut points that split every run of more than max_run characters without a sentence end."""
    forced = []
    bounds = [0, *sent, n]
    for a, b in zip(bounds, bounds[1:], strict=False):
        p = a
        while b - p > max_run:
            lim = p + max_run
            k = bisect_right(soft, lim) - 1
            cut = soft[k] if k >= 0 and soft[k] > p + max_run // 2 else lim
            forced.append(cut)
            p = cut
    return forced


def chunk_range(
    text: str, start: int, end: int, max_bytes: int = DEFAULT_MAX_BYTES, *, max_run_chars: int = MAX_RUN_CHARS
) -> list[tuple[int, int]]:
    """Split text[start:end] into contiguous ranges Sudachi accepts.

    Each range has at most ``max_bytes`` UTF-8 bytes (capped at Sudachi's 49,149) and a
    normalised size under Sudachi's second limit. Cuts go after sentence ends when possible, then
    after commas or spaces, and only as a last resort in the middle of a run of characters. A run
    of more than ``max_run_chars`` characters without a sentence end is always cut (see above).
    Runs in linear time (plus a log factor) in the length of the range.
    """
    max_bytes = max(4, min(max_bytes, SUDACHI_MAX_BYTES))
    max_run_chars = max(2, max_run_chars)
    if end <= start:
        return []
    long_run = _LONG_RUN if max_run_chars == MAX_RUN_CHARS else _long_run(max_run_chars)
    if _fits(text[start:end], max_bytes) and not long_run.search(text, start, end):
        return [(start, end)]
    seg = text[start:end]
    # prefix sums of raw and normalised byte sizes: raw[i] = bytes of seg[:i]
    raw = [0, *accumulate(_bytes(c) for c in seg)]
    norm = [0, *accumulate(_char_normalized_bytes(c) if not c.isascii() else 1 for c in seg)]
    sent = [m.start() for m in _SENT_BREAK.finditer(seg)]
    soft = [m.start() for m in _SOFT_BREAK.finditer(seg)]
    forced = _forced_cuts(len(seg), sent, soft, max_run_chars)
    out: list[tuple[int, int]] = []
    cur, n = 0, len(seg)
    while cur < n:
        # the furthest end that respects both budgets
        limit = min(bisect_right(raw, raw[cur] + max_bytes), bisect_right(norm, norm[cur] + _NORMALIZED_BUDGET)) - 1
        k = bisect_right(forced, cur)
        if k < len(forced) and forced[k] <= limit:
            out.append((start + cur, start + forced[k]))
            cur = forced[k]
            continue
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
