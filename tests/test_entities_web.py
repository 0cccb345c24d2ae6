"""Web-document forms (issue 18, KWDLC's blogs and shop pages): everyday words before familiar
honorifics (花屋さん, 神様), kinds of shops and services (ラーメン屋, ペット保険, 行政書士事務所).

Texts written for these tests.
"""

from __future__ import annotations

import pytest

from .test_entities import ents, tag_entities  # noqa: F401  (the fixture)


def _mentions(doc, type_: str) -> list[str]:
    return sorted(m.text for e in ents(doc) if e.type == type_ for m in e.mentions)


ROLES = [
    # (text, a word before a familiar honorific that is no person)
    ("駅前のパン屋さんで朝食を買いました。", "屋"),
    ("近所の八百屋さんが今月で閉店します。", "八百屋"),
    ("地元の作家さんたちの作品展に行きました。", "作家"),
    ("地主が土地を貸し、借地人さんが家を建てる仕組みです。", "借地人"),
    ("昔から縁結びの神様として親しまれている神社です。", "神"),
    ("娘はお姫様のドレスを着たがります。", "姫"),
]


@pytest.mark.parametrize("text, word", ROLES)
def test_a_role_before_a_familiar_honorific_is_no_person(tag_entities, text, word):  # noqa: F811
    assert not any(word in m for m in _mentions(tag_entities(text), "PERSON"))


NAMES = [
    # (text, the person before the honorific)
    ("担当の西さんに詳しく説明していただきました。", "西"),
    ("林さんは週末に陶芸教室を開いています。", "林"),
    ("中村様からのご意見にお答えします。", "中村"),
    ("姪のみゆちゃんと公園で遊びました。", "みゆ"),
    ("講師は元教師の坂口由美子さんです。", "坂口由美子"),
]


@pytest.mark.parametrize("text, name", NAMES)
def test_a_name_before_a_familiar_honorific_stays(tag_entities, text, name):  # noqa: F811
    assert name in _mentions(tag_entities(text), "PERSON")


KINDS = [
    # (text, a kind of shop or service that is no organisation)
    ("商店街に新しいラーメン屋ができました。", "ラーメン屋"),
    ("大正時代から続く和菓子屋です。", "和菓子屋"),
    ("犬や猫にもペット保険があります。", "ペット保険"),
    ("県内の行政書士事務所を紹介しています。", "行政書士事務所"),
]


@pytest.mark.parametrize("text, word", KINDS)
def test_a_kind_of_shop_is_no_org(tag_entities, text, word):  # noqa: F811
    assert word not in _mentions(tag_entities(text), "ORG")


SHOPS = [
    # (text, a shop named by a proper noun + 屋: an organisation)
    ("ジャムは上野屋さんで買ったものです。", "上野屋"),
]


@pytest.mark.parametrize("text, name", SHOPS)
def test_a_named_shop_is_an_org(tag_entities, text, name):  # noqa: F811
    assert name in _mentions(tag_entities(text), "ORG")
    assert name not in _mentions(tag_entities(text), "PERSON")
