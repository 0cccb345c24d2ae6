"""Organisation extents: a club or department written after its organisation, and how the IREX
(KWDLC) convention scores a country's team.

Texts written for these tests; the schools, companies and people are invented.
"""

from __future__ import annotations

import pytest

from newstag import evaluate

from .test_entities import ents, tag_entities  # noqa: F401  (the fixture)

CLUBS = [
    # (text, ORG mentions expected, ORG mentions that must not be found)
    ("彼は北山大学サッカー部を経て入団した。", ["北山大学", "サッカー部"], []),
    ("南川高校ラグビー部の監督に就任した。", ["南川高校ラグビー部"], ["南川高校"]),
    # a club word alone names no one
    ("娘は中学でテニス部に入った。", [], ["テニス部"]),
    ("サッカー部の練習は毎日ある。", [], ["サッカー部"]),
    # its head's title after it names the office
    ("大学に進むと、レスリング部監督の指導を受けた。", ["レスリング部"], []),
]


@pytest.mark.parametrize("text, orgs, not_orgs", CLUBS)
def test_club_after_its_organisation(tag_entities, text, orgs, not_orgs):  # noqa: F811
    doc = tag_entities(text)
    found = {m.text for e in ents(doc) if e.type == "ORG" for m in e.mentions}
    joined = "".join(orgs)
    for name in orgs:
        assert name in found or joined in found, (name, found)
    for name in not_orgs:
        assert name not in found, (name, found)


IREX_TEAMS = [
    # (text, mention text, irex spans (text, type) the mention scores as)
    ("イングランド代表として試合に出場した。", "イングランド代表", [("イングランド", "PLACE")]),
    ("フランス代表の監督が会見した。", "フランス代表", [("フランス", "PLACE")]),
]


@pytest.mark.parametrize("text, mention, spans", IREX_TEAMS)
def test_irex_country_team_scores_as_country(tag_entities, text, mention, spans):  # noqa: F811
    doc = tag_entities(text)
    assert mention in {m.text for e in ents(doc) if e.type == "ORG" for m in e.mentions}
    irex = {(text[s:e], t) for s, e, t in evaluate.mention_rules(doc, "irex")}
    stockmark = {(text[s:e], t) for s, e, t in evaluate.mention_rules(doc, "stockmark")}
    for span in spans:
        assert span in irex
    assert (mention, "ORG") not in irex
    assert (mention, "ORG") in stockmark  # Stockmark keeps the team an organisation


@pytest.mark.parametrize("text, expected", [
    ("イギリス代表", "イギリス"),
    ("日本政府", "日本"),
    ("代表", None),
    ("北山大学", None),
    ("営業部代表", None),
])
def test_irex_country_of(text, expected):
    assert evaluate.irex_country_of(text) == expected


TRADES = [
    # (text, compound that names a trade or a product, not a body)
    ("この地域の主な産業はアパレル産業である。", "アパレル産業"),
    ("小ロット印刷にも対応しています。", "ロット印刷"),
    ("肌にはマッサージオイルを使う。", "マッサージオイル"),
]


@pytest.mark.parametrize("text, word", TRADES)
def test_trade_word_is_no_org(tag_entities, text, word):  # noqa: F811
    doc = tag_entities(text)
    assert word not in {m.text for e in ents(doc) if e.type == "ORG" for m in e.mentions}


@pytest.mark.parametrize("text, name", [
    ("カワセ印刷は新工場を建てた。", "カワセ印刷"),
    ("スタンダード・オイルの株価が上がった。", "スタンダード・オイル"),
])
def test_named_trade_company_stays(tag_entities, text, name):  # noqa: F811
    doc = tag_entities(text)
    assert name in {m.text for e in ents(doc) if e.type == "ORG" for m in e.mentions}


@pytest.mark.parametrize("text, start, form", [
    ("財団法人北野文化協会は", 4, "財団法人"),
    ("公益財団法人南海育英会の", 6, "公益財団法人"),      # the longest form written there
    ("社会福祉法人みどり会が", 6, "社会福祉法人"),
    ("独立行政法人海洋観測機構と", 6, "独立行政法人"),
    ("株式会社東山製作所は", 4, ""),          # 株式会社 is already inside newstag's mention
    ("北野文化協会は", 0, ""),
    ("西町の財団は", 3, ""),                  # no legal form before the name
])
def test_irex_legal_form_before(text, start, form):
    assert evaluate.irex_legal_form_before(text, start) == form


def test_irex_legal_form_scores_with_the_name(tag_entities):  # noqa: F811
    text = "財団法人北野文化協会は展示会を開いた。"
    doc = tag_entities(text)
    irex = {(text[s:e], t) for s, e, t in evaluate.mention_rules(doc, "irex")}
    stockmark = {(text[s:e], t) for s, e, t in evaluate.mention_rules(doc, "stockmark")}
    assert ("財団法人北野文化協会", "ORG") in irex
    assert ("北野文化協会", "ORG") in stockmark  # Stockmark leaves the form outside
