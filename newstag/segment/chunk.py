"""Cut text into pieces GiNZA accepts (Sudachi refuses inputs over 49,149 bytes)."""

from __future__ import annotations

import re

SUDACHI_MAX_BYTES = 49149
# well under Sudachi's limit; shorter chunks also keep the parser's cost linear
DEFAULT_MAX_BYTES = 12000

_SENT_BREAK = re.compile(r"(?<=[。．！？!?\n])")
_SOFT_BREAK = re.compile(r"(?<=[、，,\s])")


def _bytes(s: str) -> int:
    return len(s.encode("utf-8", "surrogatepass"))


def _split(text: str, start: int, end: int, max_bytes: int, pattern: re.Pattern) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    cur = start
    cuts = [start + m.start() for m in pattern.finditer(text[start:end])] + [end]
    last_ok = None
    for c in cuts:
        if c <= cur:
            continue
        if _bytes(text[cur:c]) <= max_bytes:
            last_ok = c
            continue
        if last_ok is not None and last_ok > cur:
            pieces.append((cur, last_ok))
            cur = last_ok
            last_ok = c if _bytes(text[cur:c]) <= max_bytes else None
            if last_ok is None:
                pieces.append((cur, c))  # still too long: refined by the caller
                cur = c
        else:
            pieces.append((cur, c))
            cur = c
    if cur < end:
        pieces.append((cur, end))
    return pieces


def chunk_range(text: str, start: int, end: int, max_bytes: int = DEFAULT_MAX_BYTES) -> list[tuple[int, int]]:
    """Split text[start:end] into contiguous ranges of at most max_bytes UTF-8 bytes.

    Cuts go after sentence ends when possible, then after commas or spaces, and only as a last
    resort in the middle of a run of characters.
    """
    if _bytes(text[start:end]) <= max_bytes:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    for s, e in _split(text, start, end, max_bytes, _SENT_BREAK):
        if _bytes(text[s:e]) <= max_bytes:
            out.append((s, e))
            continue
        for s2, e2 in _split(text, s, e, max_bytes, _SOFT_BREAK):
            if _bytes(text[s2:e2]) <= max_bytes:
                out.append((s2, e2))
                continue
            # hard cut: at most max_bytes/4 characters per piece (UTF-8 is at most 4 bytes a char)
            step = max(1, max_bytes // 4)
            for k in range(s2, e2, step):
                out.append((k, min(e2, k + step)))
    return out
