"""Document-level entities: mentions of one referent become one :class:`~newstag.models.Entity`.

Mentions join when they share a gazetteer key (米 = 米国 = アメリカ), an abbreviation in brackets
(北大西洋条約機構(NATO)), an organisation name plus a head (ポルシェ / ポルシェ社), or when a
person's surname (トランプ) is the last part of a full name found in the article
(ドナルド・トランプ). The name of an entity is its fullest mention.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..models import Entity, Mention
from .gazetteer import GazetteerIndex, norm
from .rules.candidate import Candidate
from .rules.tokens import DOTS, reading

_DOT_SPLIT = re.compile("[" + re.escape("".join(sorted(DOTS))) + "]")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
#: suffixes of administrative areas and regions: a place and the place + one of them are one referent
_ADMIN_SUFFIXES = (*"市県州省区町村郡府", "地方", "地区", "地域")
_NAME_TAIL = re.compile(r"[\u30a1-\u30fa\u30fcA-Za-z][\u30a1-\u30fa\u30fc・A-Za-z0-9&]+")
#: a Japanese given name, or the end of one (音 of 奏音)
_GIVEN_NAME = re.compile(r"[\u4e00-\u9fff々]{1,3}|[\u3041-\u3096]{2,4}")
_KANJI_NAME = re.compile(r"[\u4e00-\u9fff々]{2,6}|[\u4e00-\u9fff々]{1,4}[\u3041-\u3096]{2,4}")


def _is_kanji_full_name(surface: str) -> bool:
    """石破茂, 林芳正, 福島みずほ: a Japanese name of three or more kanji (or kanji and a hiragana
    given name), surname first."""
    s = norm(surface)
    return len(s) >= 3 and _KANJI_NAME.fullmatch(s) is not None


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _tail_names_whole(head: str, tail: str, index: GazetteerIndex, named: set[str]) -> bool:
    """Whether an organisation written head + tail is still named by its tail alone: the head is a
    place or an organisation (ドイツ + 連邦議会, NTT + ドコモ), or the tail is a katakana or Latin name of
    its own (浦和 + レッズ), not a common head (人民党)."""
    ref = index.get(head)
    if (ref is not None and ref.type in ("PLACE", "ORG")) or head in named:
        return True
    return len(tail) >= 3 and _NAME_TAIL.fullmatch(tail) is not None


def _keyed_elsewhere(short: Candidate, long: Candidate) -> bool:
    """A bare name the gazetteer ties to another referent than the longer name: a Japanese paper
    writes its own country's bodies bare (外務省 is Japan's, not ロシア外務省); a foreign body's bare
    name (連邦議会) follows the country the article writes it with."""
    if not short.key or short.key == long.key:
        return False
    return long.key is not None or short.key.startswith("JP:")


def _is_short_form(short: str, long: str, short_forms: Mapping[str, Sequence[str]]) -> bool:
    """富山県警 for 富山県警察, 富山地検 for 富山地方検察庁, 最高検 for 最高検察庁: the long name with its
    head written in the short form news uses (``short_forms``), the name before the head as it is."""
    for head, forms in short_forms.items():
        if long.endswith(head) and len(long) > len(head):
            stem = long[: -len(head)]
            if any(short == stem + f for f in forms):
                return True
    return False


def unify_types(cands: list[Candidate]) -> None:
    """One surface form keeps one type in an article: the type of its best-supported mention."""
    best: dict[str, Candidate] = {}
    for c in cands:
        k = norm(c.surface)
        if k not in best or c.priority > best[k].priority:
            best[k] = c
    for c in cands:
        top = best[norm(c.surface)]
        if top.type != c.type and top.priority >= 72 and c.priority < top.priority:
            c.type = top.type
            c.rule = f"{top.rule}>{c.rule}"
            c.key = top.key


def build_entities(cands: list[Candidate], index: GazetteerIndex, org_heads: set[str], text: str,
                   short_forms: Mapping[str, Sequence[str]] | None = None) -> tuple[list[Entity], list[str]]:
    """Group mentions into entities; returns the entities and each candidate's entity id.

    ``short_forms`` maps organisation heads to the short forms news writes for them (警察 → 警).
    """
    short_forms = short_forms or {}
    for c in cands:
        c.surface = text[c.start:c.end]
        if c.key is None and c.type in ("PLACE", "ORG"):
            ref = index.get(c.surface)
            if ref is not None and ref.type == c.type:
                c.key = ref.key
    unify_types(cands)
    n = len(cands)
    uf = _UnionFind(n)
    by_key: dict[tuple[str, str], int] = {}
    for i, c in enumerate(cands):
        # one name, one referent: the same text of one type joins whatever key it has (AU / AU)
        for k in ((c.type, c.key), (c.type, "text:" + norm(c.surface))) if c.key else ((c.type, "text:" + norm(c.surface)),):
            if k in by_key:
                uf.union(by_key[k], i)
            else:
                by_key[k] = i
    pos = {id(c): i for i, c in enumerate(cands)}
    for i, c in enumerate(cands):
        alias = c.alias_of
        if alias is not None and id(alias) in pos and alias.type == c.type:
            uf.union(pos[id(alias)], i)
    # ORG name + head: ポルシェ / ポルシェ社, ロイター / ロイター通信
    # one mention per name and key stands for all of them (they are joined above by their text), so
    # the pairs below are of names, not of mentions: linear in the article's length
    first: dict[tuple[str, str | None], int] = {}
    for i, c in enumerate(cands):
        if c.type == "ORG":
            first.setdefault((norm(c.surface), c.key), i)
    orgs = [(i, a) for (a, _key), i in first.items()]
    named = {norm(c.surface) for c in cands if c.type in ("PLACE", "ORG")}
    for i, a in orgs:
        for j, b in orgs:
            if len(b) > len(a) >= 2 and b.startswith(a) and b[len(a):] in org_heads:
                uf.union(i, j)
            elif len(b) > len(a) >= 2 and b.endswith(a) and _tail_names_whole(b[: -len(a)], a, index, named) \
                    and not _keyed_elsewhere(cands[i], cands[j]):
                uf.union(i, j)  # パキスタン人民党 / 人民党, 浦和レッズ / レッズ
            elif len(b) > len(a) >= 2 and _is_short_form(a, b, short_forms):
                uf.union(i, j)  # 富山県警察 / 富山県警, 最高検察庁 / 最高検
    # people: a surname alone joins the latest full name it ends (or starts, for kanji names)
    full: list[tuple[int, Candidate]] = [(i, c) for i, c in enumerate(cands)
                                         if c.type == "PERSON" and (c.surname or _is_kanji_full_name(c.surface))]
    people = [(j, f, norm(f.surface)) for j, f in enumerate(cands) if f.type == "PERSON"]
    # each full name's normalised forms, computed once (not once per pair of mentions)
    full_forms = [(j, f, norm(f.surface), norm(f.surname or ""), norm(_DOT_SPLIT.split(f.surface)[-1]))
                  for j, f in full]
    full_kanji = {j: _KANJI_NAME.fullmatch(fs) is not None for j, _f, fs, _s, _l in full_forms}
    for i, c in enumerate(cands):
        if c.type != "PERSON" or c.surname:
            continue
        t = norm(c.surface)
        match = None
        for j, f, fs, sur, last in full_forms:
            if j == i or len(fs) <= len(t):  # (海江田 / 海江田万里: a three-kanji surname)
                continue
            # a Japanese full name Sudachi keeps as one word (石破茂): the surname is a prefix
            kanji_prefix = full_kanji[j] and len(fs) > len(t) >= 1 and fs.startswith(t)
            if sur == t or last == t or kanji_prefix:
                if match is None or (f.start <= c.start and (cands[match].start > c.start or f.start > cands[match].start)):
                    match = j
        if match is None and _GIVEN_NAME.fullmatch(t):
            # 雅子さん after 赤木雅子さん: a Japanese given name alone (or its end, 音 of 奏音, where the
            # text before the mention writes the rest of it) stands for the full name
            for j, f, fs, sur, _last in full_forms:
                given = fs[len(sur):] if sur and fs.startswith(sur) else ""
                rest = given[: len(given) - len(t)]
                if j != i and given.endswith(t) and len(given) >= 2 and (len(t) >= 2 or rest) and text[max(0, c.start - len(rest)):c.start] == rest \
                        and (match is None or f.start <= c.start):
                    match = j
        if match is None:
            # Korean and Chinese names in katakana put the surname first (チョ・テヨル … チョ外相)
            for j, f, fs, _sur, _last in full_forms:
                parts = _DOT_SPLIT.split(fs)
                if j != i and len(parts) == 2 and parts[0] == t and len(t) <= 3 and f.start <= c.start:
                    match = j
        if match is None and len(t) >= 2 and not _KANJI_NAME.fullmatch(t):
            # オダギリ … オダギリジョー, やしき … やしきたかじん: a kana name the article wrote in full,
            # surname and given name run together
            for j, f, fs in people:
                if j != i and len(fs) - len(t) >= 2 and fs.startswith(t) and not any(d in fs for d in DOTS) \
                        and (match is None or f.start <= c.start):
                    match = j
        if match is not None:
            uf.union(match, i)
    # セイジ・オザワ after 小澤征爾: a name in katakana read as a Japanese full name in the article
    kanji_full = [(j, reading(norm(f.surface))) for j, f in full if _is_kanji_full_name(f.surface)]
    if kanji_full:
        for i, c in enumerate(cands):
            parts = _DOT_SPLIT.split(norm(c.surface)) if c.type == "PERSON" else []
            if len(parts) == 2 and all(_KATAKANA.fullmatch(x) for x in parts):
                said = {parts[0] + parts[1], parts[1] + parts[0]}
                j = next((j for j, rd in kanji_full if rd in said), None)
                if j is not None:
                    uf.union(j, i)
    # places: a name and the name with its administrative suffix (金海 / 金海市)
    places = {norm(c.surface): i for i, c in enumerate(cands) if c.type == "PLACE"}
    for i, c in enumerate(cands):
        s = norm(c.surface)
        suffix = next((x for x in _ADMIN_SUFFIXES if s.endswith(x) and len(s) - len(x) >= 2), None) if c.type == "PLACE" else None
        short = s[: -len(suffix)] if suffix else ""
        if short in places and not (cands[places[short]].key and c.key and cands[places[short]].key != c.key):
            uf.union(places[short], i)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(uf.find(i), []).append(i)
    ordered = sorted(groups.values(), key=lambda g: min(cands[i].start for i in g))
    ids = [""] * n
    for num, g in enumerate(ordered, 1):
        for i in g:
            ids[i] = f"E{num}"
    entities = []
    for num, g in enumerate(ordered, 1):
        ms = sorted((cands[i] for i in g), key=lambda c: c.start)
        best = max(ms, key=lambda c: c.priority)
        name = max((c.surface for c in ms), key=lambda s: (len(s.replace("・", "")) + (1 if any(d in s for d in DOTS) else 0), -ms[0].start))
        titles: list[str] = []
        for c in ms:
            if c.title and not c.title_is_honorific and c.title not in titles:
                titles.append(c.title)
        affiliation = None
        for c in ms:
            if c.affiliation is not None and id(c.affiliation) in pos:
                aid = ids[pos[id(c.affiliation)]]
                if aid != f"E{num}":
                    affiliation = aid
                    break
        entities.append(Entity(
            id=f"E{num}",
            type=best.type,  # type: ignore[arg-type]
            name=name,
            mentions=[Mention(start=c.start, end=c.end, text=c.surface, title=c.title, rule=c.rule) for c in ms],
            titles=titles,
            affiliation=affiliation if best.type == "PERSON" else None,
            rule=best.rule,
        ))
    return entities, ids
