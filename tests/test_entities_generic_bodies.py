"""Bodies with no name (``filters.drop_generic_bodies``): an organisation of common words that the
text calls one of a kind (各〇〇, それぞれの〇〇, 〇〇 + 員) is no entity; a named body stays one.

Texts written for these tests.
"""

from __future__ import annotations

import pytest

from .test_entities import ENTITY_PIPES, ents, tag_entities  # noqa: F401  (the fixture)


def _orgs(doc) -> list[str]:
    return sorted(m.text for e in ents(doc) if e.type == "ORG" for m in e.mentions)


GENERIC = [
    # (text, a word that must not be an ORG mention)
    ("各大陸連盟の会合で改革案が議論された。", "大陸連盟"),
    ("与野党のそれぞれの県議会団は自主投票とした。", "県議会団"),
    ("停戦監視部隊員が襲撃を受けた。", "停戦監視部隊"),
    ("同県庁を訪れた監督は知事と面会した。", "同県庁"),
    ("与党が少数党となったため、法案は否決された。", "少数党"),  # a word of quantity before the head
    ("野党が多数党であるため、予算案は通らなかった。", "多数党"),
    ("与党の党連合は過半数を失った。", "党連合"),  # a strong head before another: a kind of alliance
    ("英国のTV局BBCが特番を放送した。", "TV局"),  # a kind of body written before the name
    ("地域リーグ所属の社会人サッカークラブチームFC北浜は声明を出した。", "社会人サッカークラブチーム"),
    ("同社はプロ野球球団「北浜マリナーズ」の株主だ。", "野球球団"),
]


@pytest.mark.parametrize("text, word", GENERIC)
def test_a_body_of_a_kind_is_no_entity(tag_entities, text, word):  # noqa: F811
    assert not any(word in m for m in _orgs(tag_entities(text)))


NAMED = [
    ("全国大学野球連盟は新しい規則を発表した。", "全国大学野球連盟"),
    ("北陸電機労働組合は賃上げを求めた。", "北陸電機労働組合"),
    ("トヨタ自動車の社員が表彰された。", "トヨタ自動車"),
    ("国防省は声明を発表した。", "国防省"),  # a field before a strong head still names the body
    ("保守連合が総選挙で勝利した。", "保守連合"),
    ("英国のTV局BBCが特番を放送した。", "BBC"),
    ("同社はプロ野球球団「北浜マリナーズ」の株主だ。", "北浜マリナーズ"),
]


@pytest.mark.parametrize("text, name", NAMED)
def test_a_named_body_stays(tag_entities, text, name):  # noqa: F811
    assert name in _orgs(tag_entities(text))


ACTIVITY_OFFICES = [
    # (text, the ORG mentions): a department named by what it does is an office of an unnamed body;
    # a ministry named by its field (内政部, 外交部) is a state body and stays
    ("反政府勢力の指導部は声明を出した。", []),
    ("同社の営業部が対応した。", []),
    ("市の生活保護担当課は説明した。", []),
    ("台湾の内政部は発表した。", ["内政部"]),
    ("中国外交部は反発した。", ["中国外交部"]),
    # the parliament inside a member's title says what the person is, not which body
    ("自民党の国会議員らが集まった。", ["自民党"]),
    ("国会は法案を可決した。", ["国会"]),
]


@pytest.mark.parametrize("text, orgs", ACTIVITY_OFFICES)
def test_offices_named_by_activity(tag_entities, text, orgs):  # noqa: F811
    assert _orgs(tag_entities(text)) == sorted(orgs)


ACTIVITY_COMPOUNDS = [
    # (text, the words GiNZA is made to read as one Company, the ORG mentions left): a place + a verbal
    # noun names what is done there, no body; a company's own name (a proper noun) + the same kind of
    # word, or a name spelt out in words, stays GiNZA's organisation
    ("この山は浅間信仰の霊場として栄えた。", "浅間信仰", []),
    ("ここは蔵王観光の拠点となる宿です。", "蔵王観光", []),
    ("ソニー開発の新しい端末が届いた。", "ソニー開発", ["ソニー開発"]),
]


@pytest.mark.parametrize("text, span, orgs", ACTIVITY_COMPOUNDS)
def test_a_place_and_an_activity_is_no_body(tagger, text, span, orgs):
    from spacy.tokens import Span

    nlp = tagger.nlp
    doc = nlp(text, disable=[n for n in ENTITY_PIPES if n in nlp.pipe_names])
    start = text.index(span)
    sp = doc.char_span(start, start + len(span))
    assert sp is not None
    doc.ents = [Span(doc, sp.start, sp.end, label="Company")]  # GiNZA's reading, as on web text
    doc = nlp.get_pipe("newstag_entities")(doc)
    assert _orgs(doc) == orgs
