"""IPADIC's proper nouns as a gazetteer: is a surface one known 組織 / 地域 / 人名 word?

IPADIC (through ``fugashi`` and the ``ipadic`` package, which ships the compiled dictionary: nothing
is downloaded) lists many organisations by their bare name (任天堂, ソニー, 自民党, ＮＨＫ) as
``名詞,固有名詞,組織``. Only words of the dictionary count: IPADIC's unknown-word rules label any
unknown katakana or alphabet run 組織 too (``is_unk``), which says nothing.

One MeCab tagger is made lazily per process (a forked worker makes its own), used under a lock, and
lookups are cached.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from typing import Any, Literal

LexType = Literal["ORG", "PERSON", "PLACE"]

#: IPADIC's third POS level → newstag type
CLASSES: dict[str, LexType] = {"組織": "ORG", "地域": "PLACE", "人名": "PERSON"}

# IPADIC spells Latin letters and digits full-width (ＮＨＫ); half-width ones are unknown words
_FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}

# (process id, tagger, lock): a forked worker makes its own tagger and lock; a MeCab tagger is
# not safe to share between threads
_state: tuple[int, Any, threading.Lock] | None = None


def _tagger() -> tuple[Any, threading.Lock]:
    global _state
    st = _state
    if st is None or st[0] != os.getpid():
        import fugashi
        import ipadic

        st = (os.getpid(), fugashi.GenericTagger(ipadic.MECAB_ARGS), threading.Lock())
        _state = st
    return st[1], st[2]


@lru_cache(maxsize=50_000)
def lookup(surface: str) -> LexType | None:
    """The type of ``surface`` when the whole of it is one known IPADIC proper noun of class
    組織 (ORG), 地域 (PLACE) or 人名 (PERSON); ``None`` otherwise (several words, an unknown word,
    a common noun, an empty or blank string)."""
    if not surface or not surface.strip():
        return None
    tagger, lock = _tagger()
    with lock:
        words = tagger(surface.translate(_FULL_WIDTH))
        if len(words) != 1 or words[0].is_unk:
            return None
        feature = tuple(words[0].feature)
    if len(feature) < 3 or feature[0] != "名詞" or feature[1] != "固有名詞":
        return None
    return CLASSES.get(feature[2])
