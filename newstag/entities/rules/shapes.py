"""Name shapes read without GiNZA's entities (issue 19: the pipeline may run without GiNZA's ``ner``).

Each rule proposes names that, with GiNZA's ``ner``, mostly came from GiNZA's own entities
(``ginza:<label>``) or from rules that accept a candidate only when GiNZA agrees; here the
evidence is Sudachi's tags, the gazetteer, the titles and ``name_shapes.json``:

- ``org:team-shape``: a club's home town (or a proper noun) + its plural katakana nickname
  (〇〇・〇〇ズ, 〇〇〇〇ーズ), which Sudachi files as a common noun;
- ``place:landform``: a name (a Sudachi place or surname, unknown katakana) + a landform word
  (〇〇山, 〇〇川, 〇〇盆地), which GiNZA reads as a Mountain or a River;
- ``org:word-compound``: an organisation named by common words only (〇〇〇〇委員会);
- ``person:place-surname``: a kanji surname Sudachi files as a place (its reading as a place
  wins in context), named as a person by a given name after it, a personal title or honorific
  after it (〇〇社長, 〇〇氏), or a word for a person before it (女優〇〇〇〇).

Both profiles run them.
"""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from ...data_files import package_json
from ...ginza_adapter import can_be_surname, sudachi_tag
from .region import Region
from .registry import mention_rule
from .tokens import DOTS, KANJI, is_common_word, is_katakana, is_noun, is_number, is_person_pos, is_place_pos, is_propn


class NameShapes(BaseModel):
    """``name_shapes.json``: the word lists of :mod:`newstag.entities.rules.shapes`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = ""
    team_nickname_ends: tuple[str, ...] = Field(description="Endings of a club's plural nickname (〇〇ズ, 〇〇ス, 〇〇ツ).")
    not_team_nicknames: frozenset[str] = Field(default_factory=frozenset,
                                               description="Katakana words with such an ending that name places, things or countries (〇〇ヒルズ, 〇〇ニュース).")
    team_trailers: frozenset[str] = Field(default_factory=frozenset, description="Words that may follow a club's name inside a compound (〇〇 + 戦).")
    personal_titles: frozenset[str] = Field(default_factory=frozenset,
                                            description="Titles and honorifics no place takes as its jurisdiction (社長, 博士, 氏): the place-like word before one is a surname.")
    place_surname_max_given: int = Field(default=3, description="Longest given name (characters) read after a place-like surname in a person-word frame.")
    landform_heads: frozenset[str] = Field(default_factory=frozenset,
                                           description="Words naming a mountain, a river, a coast or another landform after its name (〇〇 + 山, 〇〇 + 盆地).")
    founder_heads: frozenset[str] = Field(default_factory=frozenset,
                                          description="Common words that, glued after a person's name in one compound Sudachi splits (〇〇 + 工房, "
                                                      "〇〇 + 学園, 〇〇 + 堂), make it the name of the business, school or studio the person "
                                                      "runs or founded: an ORG, not the person.")
    eponym_heads: frozenset[str] = Field(default_factory=frozenset,
                                         description="Words that, glued after a person's name (〇〇 + 式, 〇〇 + 型, 〇〇 + 寄り), make the "
                                                     "compound a method, a model or a side named after the person: no mention.")
    word_compound_not_heads: frozenset[str] = Field(default_factory=frozenset,
                                                    description="Heads that, after common words only, name a kind of body more often than one body (〇〇管理 + 会社, 〇〇解決 + 機関).")


@cache
def name_shapes() -> NameShapes:
    """The shipped ``name_shapes.json``, validated."""
    return NameShapes.model_validate(package_json("newstag.entities", "name_shapes.json"))


def _town(r: Region, i: int) -> bool:
    """Token i names a place that is not a country (a club's home town): Sudachi 地名 or the gazetteer."""
    t = r.tok(i)
    if t is None or i in r.title_tokens or r.is_country(t) or sudachi_tag(t).endswith("地名-国"):
        return False
    return r.is_place_token(t)


def _nickname(r: Region, k: int, shapes: NameShapes) -> bool:
    """Token k can end a club's plural nickname: katakana, no person's or place's name, a plural ending."""
    t = r.doc[k]
    return (is_katakana(t) and len(t.text) >= 3 and t.text.endswith(shapes.team_nickname_ends)
            and t.text not in shapes.not_team_nicknames and not is_person_pos(t) and not is_place_pos(t)
            and t.text not in r.lex.orgs.katakana_heads and k not in r.title_tokens)


@mention_rule("org:team-shape", family="org", priority=81,
              doc="a home town or a proper noun + a plural katakana nickname (〇〇・〇〇ズ, 〇〇〇〇ーズ): a club, with no GiNZA entity")
def team_names(r: Region) -> None:
    """A club's name: the home town (a Sudachi 地名 or gazetteer place, no country) or a proper noun
    before a plural katakana nickname Sudachi does not know as a person or a place, joined by ・
    or written on; the name ends before a particle or punctuation (or 戦)."""
    shapes = name_shapes()
    doc = r.doc
    for k in range(r.a + 1, r.b):
        if not _nickname(r, k, shapes):
            continue
        nxt = r.tok(k + 1)
        if nxt is not None and (is_katakana(nxt) or nxt.text in DOTS or nxt.text in r.lex.titles.honorifics
                                or (k + 1) in r.title_at or is_noun(nxt) and nxt.text not in shapes.team_trailers):
            continue  # the name goes on, or a title or honorific names a person
        n = k
        while n - 1 > r.a and is_katakana(doc[n - 1]) and not _town(r, n - 1) and not is_person_pos(doc[n - 1]) and k - n < 2:
            n -= 1  # 〇〇 + ファイブ + アローズ: the nickname's first words
        m = n - 1 if doc[n - 1].text in DOTS else n
        if m < n and not (m - 1 >= r.a and is_katakana(doc[m - 1])):
            continue  # a ・ joins katakana only (a list of kanji names otherwise)
        i = m
        while i - 1 >= r.a and m - i < 3 and (_town(r, i - 1) or is_propn(doc[i - 1]) and not is_person_pos(doc[i - 1])
                                             and not sudachi_tag(doc[i - 1]).endswith("地名-国")):
            i -= 1
        if i == m or not any(_town(r, x) for x in range(i, m)) and m < n:
            continue  # no home town (a dotted name needs one: 〇〇・〇〇ズ may be a person's full name)
        if i - 1 >= r.a and (doc[i - 1].text in DOTS or is_katakana(doc[i - 1])):
            continue  # part of a longer dotted name
        r.add(i, k + 1, "ORG", "org:team-shape")


def _place_surname(r: Region, i: int) -> bool:
    """Token i is a kanji word Sudachi reads here as a place (no country, no address level) that
    its dictionary also has as a surname."""
    t = r.tok(i)
    if t is None or i in r.title_tokens or not KANJI.match(t.text) or not 2 <= len(t.text) <= 3:
        return False
    if not is_place_pos(t) or sudachi_tag(t).endswith("地名-国") or r.is_country(t):
        return False
    return t.text[-1] not in r.lex.ctx.place_suffixes and can_be_surname(t.text)


def _given_name_end(r: Region, i: int, limit: int) -> int | None:
    """End of a short kanji given name starting at token i (one or two tokens, at most ``limit``
    characters, no place suffix, no title) that a particle or punctuation closes; None if none."""
    doc = r.doc
    j = i
    while j < r.b and j - i < 2 and KANJI.match(doc[j].text) and len(r.text(i, j + 1)) <= limit \
            and j not in r.title_tokens and not is_place_pos(doc[j]) and not r.org_head_end(doc[j]) \
            and doc[j].text not in r.lex.ctx.place_suffixes and not (is_number(doc[j]) and j == i):
        j += 1
    nxt = r.tok(j)
    if j == i or nxt is not None and (is_noun(nxt) or is_katakana(nxt) or nxt.text in DOTS or j in r.title_at):
        return None
    return j


def _person_word_before(r: Region, i: int) -> bool:
    """Does a word for a person (a class noun: 女優, 編集者) stand right before token i, alone or
    with の or である?"""
    doc = r.doc
    k = i - 1
    if k >= r.a and doc[k].text == "の":
        k -= 1
    elif k - 1 >= r.a and doc[k].text == "ある" and doc[k - 1].text == "で":
        k -= 2
    if k < r.a or not is_noun(doc[k]):
        return False
    hit = r.lex.classes.match(doc[k].text)
    return hit is not None and hit[0] == "PERSON"


@mention_rule("person:place-surname", family="person", priority=79,
              doc="a kanji surname Sudachi reads as a place, before a given name, a personal title or honorific (〇〇社長), or after a word for a person")
def place_surname_persons(r: Region) -> None:
    """A place-like kanji surname (〇〇, Sudachi 地名 that the dictionary also has as a 姓) is a
    person's name before a Sudachi given name (人名-名), before a personal title or honorific
    (``personal_titles``: 社長, 博士, 氏), or after a word for a person (class noun + の: 女優〇〇〇〇,
    評論家の〇〇〇), where a short kanji given name may follow it."""
    shapes = name_shapes()
    doc = r.doc
    for i in range(r.a, r.b):
        if not _place_surname(r, i) or i - 1 >= r.a and (is_propn(doc[i - 1]) or doc[i - 1].text in DOTS or KANJI.match(doc[i - 1].text)
                                                          and is_noun(doc[i - 1]) and r.lex.classes.match(doc[i - 1].text) is None):
            continue  # (inside a longer compound or a dotted name: 〇〇・〇〇 + 監督 names a club)
        nxt = r.tok(i + 1)
        if nxt is not None and sudachi_tag(nxt).endswith("人名-名") and (KANJI.match(nxt.text) or nxt.text.isalpha()) \
                and (i + 1) not in r.title_tokens:
            after = r.tok(i + 2)
            if after is None or not (is_noun(after) and (i + 2) not in r.title_at or is_katakana(after) or after.text in DOTS):
                c = r.add(i, i + 2, "PERSON", "person:place-surname")
                c.surname, c.given = doc[i].text, nxt.text
                continue
        title = r.title_at.get(i + 1)
        if title is not None and title[1] in shapes.personal_titles:
            # (no name parts: a surname alone joins the full name the article gives it, see merge)
            r.add(i, i + 1, "PERSON", "person:place-surname", title=title[1], title_is_honorific=title[2])
            continue
        if _person_word_before(r, i):
            j = _given_name_end(r, i + 1, shapes.place_surname_max_given)
            if j is not None:
                r.add(i, j, "PERSON", "person:place-surname", surname=doc[i].text, given=r.text(i + 1, j))


def _compound_word(r: Region, i: int) -> bool:
    """Token i can be a word of an organisation's kanji name: a kanji common or proper noun, no
    number, no time word, no title, no place."""
    t = r.doc[i]
    tag = sudachi_tag(t)
    return (KANJI.match(t.text) is not None and tag.startswith(("名詞-普通名詞", "名詞-固有名詞-一般")) and "副詞可能" not in tag
            and "助数詞" not in tag and i not in r.title_tokens and not is_place_pos(t) and not is_person_pos(t))


@mention_rule("org:word-compound", family="org", priority=80,
              doc="two common words or more + an organisation head, one whole compound (〇〇〇〇委員会, 〇〇〇〇局): an organisation's name, with no GiNZA entity")
def word_compounds(r: Region) -> None:
    """An organisation named by common words only: a whole kanji noun compound (nothing nounlike
    before it, a particle or punctuation after it) of two words or more, at least five
    characters, ending in an organisation head; a word saying it is one of a kind (各, 同) or a
    member word after it (〇〇 + 員) makes it no name (``drop_generic_bodies`` runs after)."""
    shapes = name_shapes()
    doc = r.doc
    lex = r.lex
    i = r.a
    while i < r.b:
        if not _compound_word(r, i) or i > r.a and (is_noun(doc[i - 1]) or is_katakana(doc[i - 1]) or doc[i - 1].text in DOTS):
            i += 1
            continue
        j = i
        while j < r.b and _compound_word(r, j):
            j += 1
        if j < r.b and j > i and KANJI.match(doc[j].text) and r.org_head_end(doc[j]) and j not in r.title_tokens:
            j += 1  # 〇〇 + 〇〇 + 局: a head Sudachi also files as a counter
        k = j - 1
        nxt = r.tok(j)
        first = doc[i].text
        if (k - i >= 2 and len(r.text(i, j)) >= 5 and r.org_head_end(doc[k]) and not r.org_head_end(doc[i])
                and doc[k].text not in shapes.word_compound_not_heads and len(first) >= 2
                and not (doc[k].text == "会" and "サ変" in sudachi_tag(doc[k - 1]))  # 〇〇 + 相談 + 会: a meeting
                and (nxt is None or not (is_noun(nxt) or is_katakana(nxt) or nxt.text in DOTS or is_number(nxt)))
                and first not in lex.ctx.kind_determiners and first not in lex.titles.not_names and first not in lex.ctx.org_descriptors
                and not first.startswith(tuple(lex.ctx.kind_determiners)) and not r.before_facility(j)):
            r.add(i, j, "ORG", "org:word-compound")
        i = j


@mention_rule("place:landform", family="place", priority=82,
              doc="a name + a landform word ending the compound (〇〇 + 山, 〇〇 + 川, 〇〇 + 盆地): a place, with no GiNZA entity")
def landform_names(r: Region) -> None:
    """〇〇山, 〇〇川, 〇〇盆地, 〇〇海岸: a name Sudachi tags a place or a surname (kanji) or an unknown
    katakana word, right before a landform word (``landform_heads``) that ends the compound, is
    one place; a title, an honorific or a facility word after it makes it something else."""
    heads = name_shapes().landform_heads
    doc = r.doc
    for k in range(r.a + 1, r.b):
        w = doc[k].text
        if w not in heads or k in r.title_tokens:
            continue
        nxt = r.tok(k + 1)
        if nxt is not None and (is_noun(nxt) or is_katakana(nxt) or nxt.text in DOTS or is_number(nxt)
                                or nxt.text in r.lex.titles.honorifics or (k + 1) in r.title_at):
            continue
        p = doc[k - 1]
        if k - 1 in r.title_tokens or not (
                KANJI.match(p.text) and (is_place_pos(p) or sudachi_tag(p).endswith("人名-姓")) and len(p.text) >= 2
                or is_katakana(p) and len(p.text) >= 2 and not is_common_word(p.text) and not is_person_pos(p)):
            continue
        if sudachi_tag(p).endswith("地名-国") or r.is_country(p):
            continue  # 中国 + 山地: a country's region, not one name
        i = k - 1
        if i - 1 >= r.a and (is_noun(doc[i - 1]) and KANJI.match(doc[i - 1].text) or is_katakana(doc[i - 1])) \
                and not is_place_pos(doc[i - 1]):
            continue  # (a longer compound: its own rules)
        if i - 1 >= r.a and is_place_pos(doc[i - 1]) and not r.is_country(doc[i - 1]):
            i -= 1  # 〇〇 + 〇〇 + 湖: a two-word name
        r.add(i, k + 1, "PLACE", "place:landform")
