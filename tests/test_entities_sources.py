"""A news outlet cited as the source of a report (〇〇スポーツによると, 〇〇新聞が伝えた): the noun
run before the frame, ending in a media word after a word that is no kind of outlet, is an ORG
(org:source); kinds of outlets (地元テレビ), people and bodies cited the same way are not.

Texts written for these tests; the outlets and the people are invented.
"""

from __future__ import annotations

import pytest

from .test_entities import ents, tag_entities  # noqa: F401  (the fixture)

SOURCES = [
    # (text, organisations)
    ("東海スポーツによると、監督は9月に入院していた。", ["東海スポーツ"]),
    ("試合は延期されたと、南洋新聞が伝えた。", ["南洋新聞"]),
    ("マニラ・ヘラルドによれば、政府は非常事態を宣言した。", ["マニラ・ヘラルド"]),
    ("48NEWSによると、市議会は予算案を否決した。", ["48NEWS"]),
    ("地元の日刊紙とnewsasia.netによると、死者は12人に上った。", ["newsasia.net"]),
    ("北国新聞・南洋新聞によると、工場は閉鎖された。", ["北国新聞", "南洋新聞"]),  # two outlets listed, not one name
    ("地元テレビによると、けが人はいない。", []),  # a kind of outlet
    ("一部新聞が報じたが、同社は否定した。", []),
    ("関係者によると、会談は2時間に及んだ。", []),
    ("田中氏によると、計画は白紙になった。", []),  # a person cited as the source
]


@pytest.mark.parametrize("text, orgs", SOURCES)
def test_cited_outlet(tag_entities, text, orgs):  # noqa: F811
    doc = tag_entities(text)
    got = [e.name for e in ents(doc) if e.type == "ORG"]
    for o in orgs:
        assert o in got
    assert not [g for g in got if g not in orgs and any(w in g for w in ("テレビ", "新聞", "NEWS", ".net"))]


def test_cited_outlet_rule(tag_entities):  # noqa: F811
    doc = tag_entities("東海スポーツによると、監督は9月に入院していた。")
    org = next(e for e in ents(doc) if e.name == "東海スポーツ")
    assert org.rule == "org:source"
