"""Name shapes read without GiNZA's entities (newstag.entities.rules.shapes), in both profiles."""

from __future__ import annotations

import pytest

import newstag
from newstag.entities.rules import RULES
from newstag.entities.rules.shapes import name_shapes

from .conftest import assert_invariants


@pytest.fixture(scope="session")
def profiles(tagger) -> dict[bool, newstag.Tagger]:
    """Both profiles: the session tagger and the other one, loaded once."""
    other = newstag.Tagger(ginza_ner=not tagger.ginza_ner)
    return {tagger.ginza_ner: tagger, other.ginza_ner: other}


SHAPE_RULES = ("org:team-shape", "person:place-surname", "org:word-compound", "place:landform")


def found(article) -> dict[str, tuple[str, str]]:
    """Mention text → (type, rule) of every mention."""
    return {m.text: (e.type, m.rule) for e in article.entities for m in e.mentions}


# (sentence, mention, type, rule): invented names
FOUND = [
    # a home town + a plural katakana nickname: a club
    ("彼は2010年にダラス・カウボーイズと契約し、2年後に退団した。", "ダラス・カウボーイズ", "ORG", "org:team-shape"),
    ("翌年、ブルックリン・ネッツへのトレードが決まった。", "ブルックリン・ネッツ", "ORG", "org:team-shape"),
    ("卒業後、高松ファイブアローズの練習生となった。", "高松ファイブアローズ", "ORG", None),
    # a surname Sudachi reads as a place: after a person word, before a personal title
    ("記者は女優高田真理を取材した。", "高田真理", "PERSON", "person:place-surname"),
    ("この日は投手の秋田勇気が先発した。", "秋田勇気", "PERSON", "person:place-surname"),
    ("新製品について、秋田社長は会見で「量産を急ぐ」と述べた。", "秋田", "PERSON", "person:place-surname"),
    # a name + a landform word
    ("一行は峠を越えて、佐倉海岸に出た。", "佐倉海岸", "PLACE", "place:landform"),
    ("調査隊は杉浦湖の周辺を調べた。", "杉浦湖", "PLACE", None),
    # common words + an organisation head, one whole compound
    ("この空港は、連邦航空局の審査を受けた。", "連邦航空局", "ORG", "org:word-compound"),
    ("同年、中央規律検査委員会は調査を始めた。", "中央規律検査委員会", "ORG", "org:word-compound"),
]

# (sentence, text that must not be a mention of the type)
NOT_FOUND = [
    ("ロバーツ・ジョーンズ氏は記者団に答えた。", "ロバーツ・ジョーンズ", "ORG"),  # a person's name ending in ズ
    ("彼はナイアガラ・フォールズを訪れた。", "ナイアガラ・フォールズ", "ORG"),  # a place
    ("市は移住相談会を来月開く。", "移住相談会", "ORG"),  # a meeting, not a body
    ("同社は音響制作会社として設立された。", "音響制作会社", "ORG"),  # a kind of company
    ("各地の教職員研修課に通知した。", "教職員研修課", "ORG"),  # a department of a kind
    ("千葉・市原監督が指揮を執った。", "市原", "PERSON"),  # part of a dotted club name before a title
    ("中村岳さんが優勝した。", "中村岳", "PLACE"),  # an honorific: a person
]


@pytest.mark.parametrize("ginza_ner", [True, False])
@pytest.mark.parametrize(("text", "name", "typ", "rule"), FOUND, ids=[c[1] for c in FOUND])
def test_shapes_find_names(profiles, ginza_ner, text, name, typ, rule):
    article = profiles[ginza_ner](text)
    got = found(article)
    assert name in got and got[name][0] == typ, got
    if rule is not None and not ginza_ner:
        assert got[name][1] == rule
    assert_invariants(article)


@pytest.mark.parametrize("ginza_ner", [True, False])
@pytest.mark.parametrize(("text", "name", "typ"), NOT_FOUND, ids=[c[1] for c in NOT_FOUND])
def test_shapes_leave_other_words(profiles, ginza_ner, text, name, typ):
    """No shape rule proposes these; without ner nothing else does (with ner GiNZA may)."""
    got = found(profiles[ginza_ner](text))
    t, rule = got.get(name, ("", ""))
    assert rule not in SHAPE_RULES, got
    if not ginza_ner:
        assert t != typ, got


def test_lone_titled_surname_joins_the_full_name(profiles):
    text = "元代表の秋田正樹選手が復帰を決めた。クラブは秋田選手に主将を任せる。"
    for tagger in profiles.values():
        people = [e for e in tagger(text).entities if e.type == "PERSON"]
        assert [(e.name, sorted({m.text for m in e.mentions})) for e in people] == [("秋田正樹", ["秋田", "秋田正樹"])]


def test_rules_registered_and_data_valid():
    for rule in SHAPE_RULES:
        assert RULES[rule].where.startswith("newstag.entities.rules.shapes.")
    shapes = name_shapes()
    assert shapes.team_nickname_ends and "会社" in shapes.word_compound_not_heads
