"""Facility names: a name + a facility head (〇〇駅, 〇〇空港, 〇〇公園, 〇〇神社, 〇〇会館) is a PLACE
whose kind says which facility it is (``facilities.json``; :attr:`newstag.models.Entity.kind`).

The evidence is Sudachi's tags and the lexicon, never GiNZA's entities, so both profiles find the
same facilities:

- one proper noun that ends in a head (上野公園, 成田空港, 山手線: Sudachi files many facility names
  as one 固有名詞), or
- a noun compound whose last word is a head and whose words before it start with a name: a proper
  noun, a surname or place Sudachi knows, an unknown katakana word, a Latin name, or a word the
  earlier rules already took as a name (浜松市 + 博物館, ポタラ + 宮, 玉津 + 公民館). A common word
  alone before the head (市民公園, 公園で遊ぶ, 駅前) names no facility.

The facility replaces the mentions found inside it (成田 in 成田空港 is no place of its own).
A known organisation name of the gazetteer over the same words stays an organisation.
"""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from ...data_files import package_json
from ...ginza_adapter import sudachi_tag
from ...models import Entity
from .candidate import Candidate
from .region import Region
from .registry import mention_rule
from .tokens import DOTS, KANJI, LATIN_NAME, is_common_word, is_katakana, is_noun, is_number, is_person_pos, is_propn

#: the id of the rule (and of the mentions it finds)
RULE = "place:facility"
#: one-kanji numerals that may open a name (二荒山神社)
KANJI_NUMERALS = frozenset("一二三四五六七八九十百千")


class Facilities(BaseModel):
    """``facilities.json``: the facility heads by kind."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = ""
    kinds: dict[str, tuple[str, ...]] = Field(description="Kind (station, airport, park, …) → the head words naming one (駅, 空港, 公園).")
    name_prefixes: frozenset[str] = Field(default_factory=frozenset,
                                          description="Words that may open a facility's name before its name word (国立, 県立, 新).")
    not_in_word: frozenset[str] = Field(default_factory=frozenset,
                                        description="Kinds whose heads count only as a word of their own (〇〇 + 神社), not at the end of one proper noun "
                                                    "(〇〇神宮 alone names the religious body as often as the site).")
    after_common_word: frozenset[str] = Field(default_factory=frozenset,
                                              description="Kinds whose head, as Sudachi's suffix, names a facility after one common word (金閣 + 寺); "
                                                          "other suffixes after a common word name a kind of thing (感情 + 線).")
    trailers: frozenset[str] = Field(default_factory=frozenset,
                                     description="Words after a facility's name that are no part of it (〇〇駅 + 前, 〇〇公園 + 内).")

    road_numbers: frozenset[str] = Field(default_factory=frozenset,
                                         description="Words that open a numbered road's name before its number and counter (国道 + 3 + 号線, 県道 + 12 + 号).")
    road_number_counters: frozenset[str] = Field(default_factory=frozenset, description="The counters after a road's number (号, 号線).")
    road_number_tails: frozenset[str] = Field(default_factory=frozenset,
                                              description="Words after a numbered road that name a part of that road (〇〇号線 + バイパス).")

    def head_kinds(self) -> dict[str, str]:
        """Head word → kind."""
        return {h: k for k, heads in self.kinds.items() for h in heads}


@cache
def facilities() -> Facilities:
    """The shipped ``facilities.json``, validated."""
    return Facilities.model_validate(package_json("newstag.entities", "facilities.json"))


@cache
def _trailer_len() -> int:
    return max((len(t) for t in facilities().trailers), default=0)


@cache
def _heads() -> tuple[dict[str, str], tuple[str, ...]]:
    table = facilities().head_kinds()
    return table, tuple(sorted(table, key=len, reverse=True))


def facility_kind(name: str) -> str | None:
    """The kind of facility a name ends in (成田空港 → airport), or None."""
    table, ordered = _heads()
    for h in ordered:
        if name.endswith(h) and len(name) > len(h):
            return table[h]
    return None


def _name_token(r: Region, k: int, covered: set[int]) -> bool:
    """Token k can name a facility: a proper noun, a surname or place Sudachi knows, an unknown
    katakana word, a Latin name, or a word an earlier rule took as part of a name."""
    t = r.doc[k]
    if k in r.title_tokens:
        return False
    if is_propn(t) or bool(LATIN_NAME.match(t.text)) and len(t.text) > 1:
        return True
    if is_katakana(t) and len(t.text) >= 2 and not is_common_word(t.text):
        return True
    return k in covered


def _trailer_at(r: Region, k: int) -> bool:
    """Do the words from token k on spell a trailer, a word after a facility's name that is no part
    of it (〇〇駅 + 前, 〇〇駅 + 南口, 〇〇庁舎 + 西 + 玄関, 〇〇駅 + 徒歩)? A trailer may take more
    than one token; it must end where a token ends."""
    trailers = facilities().trailers
    text = ""
    while k < r.b and len(text) < _trailer_len():
        text += r.doc[k].text
        if text in trailers:
            return True
        k += 1
    return False


def _list_dot(r: Region, j: int) -> bool:
    """Is the ・ after token j a list's separator (〇〇線・〇〇線, 〇〇駅・〇〇町), not a dot inside a
    foreign name (〇〇・ホール)? Token j ends in a facility's head and the words after the dot
    are another item: a place Sudachi or the gazetteer knows, or a compound ending in a head."""
    doc = r.doc
    if j + 2 >= r.b or doc[j + 1].text not in DOTS or facility_kind(doc[j].text) is None and doc[j].text not in _heads()[0]:
        return False
    if r.is_place_token(doc[j + 2]):
        return True
    k = j + 2
    while k < r.b and k - j < 8 and (is_noun(doc[k]) or is_katakana(doc[k])) and doc[k].text not in DOTS:
        k += 1
    return k > j + 2 and (facility_kind(doc[k - 1].text) is not None or doc[k - 1].text in _heads()[0])


def _compound_start(r: Region, j: int) -> int:
    """The first token of the noun compound ending at token j (at most 6 words back); a list of
    facilities or places joined by ・ (〇〇空港・〇〇空港, 〇〇町・〇〇駅) is no one compound."""
    i = j
    doc = r.doc
    while i - 1 >= r.a and j - (i - 1) < 6 and r.compound_tok(i - 1) and not is_number(doc[i - 1]) \
            and (i - 1) not in r.title_tokens and doc[i - 1].text not in ("、", "。") \
            and not (doc[i - 1].text in DOTS and (facility_kind(doc[i - 2].text) is not None or r.is_place_token(doc[i - 2]))):
        i -= 1
    return i


def _numeral_opening(r: Region, i: int) -> int:
    """The name's first token when a one-kanji numeral opens it (二 + 荒山 + 神社, 三 + 峰 + 神社):
    Sudachi splits the numeral off a proper noun it does not know whole; a count (二 + 神社) has no
    proper noun after the numeral, and a numeral after a number or a noun (第 + 二) is no opening."""
    doc = r.doc
    if i - 1 < r.a or i - 1 in r.title_tokens or not is_propn(doc[i]) or is_person_pos(doc[i]):
        return i
    t = doc[i - 1]
    if len(t.text) != 1 or t.text not in KANJI_NUMERALS or not is_number(t) or t.idx + 1 != doc[i].idx:
        return i
    p = r.tok(i - 2)
    if p is not None and (is_noun(p) or is_number(p) or sudachi_tag(p).startswith("接頭辞")):
        return i
    return i - 1


@mention_rule(RULE, family="place", priority=81,
              doc="a name + a facility head (〇〇駅, 〇〇空港, 〇〇公園, 〇〇神社, 〇〇会館): a PLACE whose kind names the facility")
def facility_names(r: Region) -> None:
    """Add the facility names of the region (see the module docstring) and drop the candidates
    inside them."""
    table, ordered = _heads()
    fac = facilities()
    doc = r.doc
    found: list[tuple[int, int, str]] = []
    covered = {k for c in r.cands for k in range(c.tok_start, c.tok_end)}  # tokens earlier rules took as names
    for j in range(r.a, r.b):
        t = doc[j]
        w = t.text
        nxt = r.tok(j + 1)
        if nxt is not None and not _trailer_at(r, j + 1) and not _list_dot(r, j) and (
                is_noun(nxt) and "副詞可能" not in sudachi_tag(nxt) or is_katakana(nxt) or nxt.text in DOTS or is_number(nxt)):
            continue  # the compound goes on (〇〇駅 + ビル): its last word decides
        if j in r.title_tokens:
            continue
        if w in table:
            i = _compound_start(r, j)
            while i < j and not _name_token(r, i, covered) and not (doc[i].text in fac.name_prefixes and i + 1 < j and _name_token(r, i + 1, covered)):
                i += 1  # 今年 + 〇〇公園: the words before the name are no part of it
            if i == j:
                p = r.tok(j - 1)
                # 金閣 + 寺 (Sudachi: a suffix after a common word of two kanji or more)
                if not (p is not None and sudachi_tag(t).startswith("接尾辞") and table[w] in fac.after_common_word
                        and KANJI.match(p.text) and len(p.text) >= 2 and is_noun(p) and (j - 1) not in r.title_tokens):
                    continue
                i = j - 1
            if i == j - 1 and r.is_country(doc[i]):
                continue  # 日本 + 庭園: a kind of garden, not one
            i = _numeral_opening(r, i)
            found.append((i, j + 1, table[w]))
        elif is_propn(t) and not is_person_pos(t) and len(w) >= 3:
            head = next((h for h in ordered if w.endswith(h) and len(w) > len(h) and len(h) >= 2 or h == w[-1:] and h in ("駅", "線", "港")), None)
            if head is None or is_katakana(t) or table[head] in fac.not_in_word:
                continue  # (ナッシュビル: a katakana name that only ends like a facility word; 〇〇神宮: also the religious body)
            i = _compound_start(r, j)
            while i < j and not _name_token(r, i, covered) and doc[i].text not in fac.name_prefixes:
                i += 1
            found.append((i, j + 1, table[head]))
    found.extend(numbered_roads(r))
    if not found:
        return
    generic = (*r.lex.orgs.state_bodies, *r.lex.orgs.unit_heads)
    suffixes = tuple(r.lex.ctx.place_suffixes)
    for i, j, kind in found:
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        if any(c.start == start and c.end == end and c.type == "ORG" and c.rule.startswith("gazetteer") for c in r.cands):
            continue  # a known organisation's name (the gazetteer's) stays one
        if j - 1 > i and r.text(i, j - 1).endswith(generic):
            continue  # 〇〇軍 + 基地, 〇〇政府 + 庁舎: a body's facility, named by no name of its own
        if doc[j - 1].text in DOTS or j - 2 >= i and doc[j - 2].text in DOTS and is_katakana(doc[j - 1]):
            continue  # 〇〇・ホール: a foreign name whose last word is a facility's word
        # the names inside are no mentions, but an organisation or a place with its suffix opening
        # the name stays one (〇〇電鉄 + 〇〇線, 〇〇市 + 博物館; not 〇〇 in 〇〇空港)
        kept = []
        for c in r.cands:
            if not (start <= c.start and c.end <= end):
                kept.append(c)
            elif c.start == start and c.end < end and (
                    c.type == "ORG" or c.type == "PLACE" and r.doc_text[c.start:c.end].endswith(suffixes) and c.end - c.start >= 2):
                c.opens_facility = True
                kept.append(c)
        r.cands = kept
        r.add(i, j, "PLACE", RULE, kind=kind)


def numbered_roads(r: Region) -> list[tuple[int, int, str]]:
    """The numbered roads of the region: 国道 + a number + 号 / 号線 (国道3号線, 県道12号), with a
    word naming a part of it written on (〇〇号線 + バイパス); a road word alone or without its
    counter (国道沿い, 国道 + 3 + 本) names no road."""
    fac = facilities()
    doc = r.doc
    out = []
    for i in range(r.a, r.b - 2):
        if doc[i].text not in fac.road_numbers or i in r.title_tokens:
            continue
        k = i + 1
        while k < r.b and is_number(doc[k]) and k - i <= 3:
            k += 1
        if k == i + 1 or k >= r.b or doc[k].text not in fac.road_number_counters:
            continue
        k += 1
        if k < r.b and doc[k].text in fac.road_number_tails:
            k += 1
        out.append((i, k, "road"))
    return out


def set_kinds(entities: list[Entity], mentions: list[Candidate], ids: list[str]) -> None:
    """Give each PLACE entity all of whose mentions name a facility the kind of its longest mention
    (an entity that joined a plain place keeps no kind)."""
    best: dict[str, Candidate | None] = {}
    for c, eid in zip(mentions, ids, strict=False):
        if c.kind is None:
            best[eid] = None
        elif eid not in best or (b := best[eid]) is not None and c.end - c.start > b.end - b.start:
            best[eid] = c
    for e in entities:
        b = best.get(e.id)
        if e.type == "PLACE" and b is not None:
            e.kind = b.kind  # type: ignore[assignment]
