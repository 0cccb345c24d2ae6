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


ADJECTIVES = [
    # (text, a katakana word used as an adjective that IPADIC also lists as a company)
    ("アットホームな雰囲気の整骨院です。", "アットホーム"),
    ("港町にはユニークな建物が並んでいます。", "ユニーク"),
    ("最近はアクティブに出かけています。", "アクティブ"),
]


@pytest.mark.parametrize("text, word", ADJECTIVES)
def test_an_adjective_is_no_company(tag_entities, text, word):  # noqa: F811
    assert word not in _mentions(tag_entities(text), "ORG")


def test_a_company_name_before_a_particle_stays(tag_entities):  # noqa: F811
    assert "ソニー" in _mentions(tag_entities("兄は昨年ソニーに入社した。"), "ORG")


PLACE_TRAILERS = [
    # (text, the place, the word after it that is no part of it)
    ("ドナウ川周辺の町を訪ねました。", "ドナウ川", "周辺"),
    ("九州全域で雨が降りました。", "九州", "全域"),
    ("東京都葛飾区在住の会社員です。", "東京都葛飾区", "在住"),
    ("札幌周辺では雪が降り続いています。", "札幌", "周辺"),
]


@pytest.mark.parametrize("text, place, trailer", PLACE_TRAILERS)
def test_a_place_ends_before_its_positional_word(tag_entities, text, place, trailer):  # noqa: F811
    places = _mentions(tag_entities(text), "PLACE")
    assert place in places
    assert not any(p.endswith(trailer) for p in places)


GLUED = [
    # (text, a katakana name glued to a common katakana word: a road, a resort, a brand)
    ("夏休みにビーナスラインをドライブしました。", "ビーナスライン"),
    ("ディズニーリゾートで花火を見ました。", "ディズニーリゾート"),
]


@pytest.mark.parametrize("text, word", GLUED)
def test_a_name_glued_to_a_common_word_is_no_person(tag_entities, text, word):  # noqa: F811
    assert not any(word in m for m in _mentions(tag_entities(text), "PERSON"))


def test_a_dotted_foreign_name_stays_a_person(tag_entities):  # noqa: F811
    assert "マーク・ウッドベリー" in _mentions(tag_entities("会見にはマーク・ウッドベリーも登壇した。"), "PERSON")


GLUED_PLACES = [
    # (text, a place written in one word with its affix: 産, 一)
    ("北海道産の小豆を使った羊羹です。", "北海道"),
    ("日本一きれいな砂浜を目指しています。", "日本"),
]


@pytest.mark.parametrize("text, place", GLUED_PLACES)
def test_a_place_glued_to_its_affix_is_a_mention(tag_entities, text, place):  # noqa: F811
    assert place in _mentions(tag_entities(text), "PLACE")


def test_a_common_word_ending_in_an_affix_holds_no_place(tag_entities):  # noqa: F811
    assert _mentions(tag_entities("両チームの規則が統一された。"), "PLACE") == []


def test_a_country_before_its_cuisine_is_a_place(tag_entities):  # noqa: F811
    assert "ロシア" in _mentions(tag_entities("ロシア料理の教室に通っています。"), "PLACE")
