"""Organisations found by a general cue next to them.

``org:coordinated``: a name listed with an organisation another rule found (A + や/、/と/及び + B)
is an organisation of the same list; a name with a reading of its own (a person, a place) keeps it,
and a common word is no name.

Texts written for these tests; the companies and people are invented.
"""

from __future__ import annotations

import pytest

from .test_entities import ents, tag_entities  # noqa: F401  (the fixture)

COORDINATED = [
    # (text, ORG mentions by org:coordinated, mentions that must keep another type or none)
    ("部品はカワセ電機やフロリアンから調達している。", ["フロリアン"], []),
    ("出資者にはトモエ銀行、ヴェルカント、ハルネスの3者が名を連ねた。", ["ヴェルカント", "ハルネス"], []),
    ("この技術はミズホ重工とゼルトニクスが共同で開発した。", ["ゼルトニクス"], []),
    ("両国のファンドはオルテア及びサクラ精機の株式を取得した。", ["オルテア"], []),
    # a person, a place or a common word listed with the company keeps its own reading
    ("会見にはカワセ電機と山田太郎が出席した。", [], [("PERSON", "山田太郎")]),
    ("カワセ電機や東京の企業が参加した。", [], [("PLACE", "東京")]),
    ("カワセ電機やメーカー各社が値上げした。", [], []),
    ("ABD・XPLとカワセ電機は合意した。", [], []),  # Latin names joined by ・ are a list of their own
]


@pytest.mark.parametrize("text, orgs, others", COORDINATED)
def test_coordinated_orgs(tag_entities, text, orgs, others):  # noqa: F811
    doc = tag_entities(text)
    found = [(e.type, m.text, m.rule) for e in ents(doc) for m in e.mentions]
    assert sorted(t for ty, t, r in found if r == "org:coordinated") == sorted(orgs)
    for typ, name in others:
        assert (typ, name) in [(ty, t) for ty, t, _ in found]


CONTEXTS = [
    # (text, ORG mentions by org:context)
    ("2019年8月、ベルナリスへ期限付き移籍した。", ["ベルナリス"]),
    ("同作はグランフィルム配給で公開された。", ["グランフィルム"]),
    ("駅前にはミナトエステート所有のビルが並ぶ。", ["ミナトエステート"]),
    ("シリーズはイギリスのソルティアが製作した。", ["ソルティア"]),
    # a person before が製作 keeps the person's reading
    ("本作は山田太郎が製作した。", []),
]


SOURCE_NOUNS = [
    # (text, ORG mentions by org:class-noun): 〇〇元 / 〇〇先 say a company's role
    ("発売元のベルナリスは回収を始めた。", ["ベルナリス"]),
    ("製造元のルクサリオに問い合わせた。", ["ルクサリオ"]),
    ("主な取引先のオルテアが経営破綻した。", ["オルテア"]),
]


@pytest.mark.parametrize("text, orgs", SOURCE_NOUNS)
def test_source_class_nouns(tag_entities, text, orgs):  # noqa: F811
    doc = tag_entities(text)
    found = [(e.type, m.text, m.rule) for e in ents(doc) for m in e.mentions]
    assert sorted(t for ty, t, r in found if ty == "ORG") == sorted(orgs)


HEADED_RUNS = [
    # (text, ORG mentions by org:context): common nouns + an organisation head before a context
    ("詩集を開拓社から刊行した。", ["開拓社"]),
    ("若者らと郷土防衛隊を結成した。", ["郷土防衛隊"]),
    ("その後、文化振興会の設立に参加した。", ["文化振興会"]),
    # a class noun before the context is no name
    ("1990年に子会社を設立した。", []),
    ("米国でタバコ会社を設立した。", []),
]



# a whole compound of common words + an organisation head is claimed first by the shape rule
# org:word-compound, which needs no context (same span as the context frame would give)
CLAIMED_FIRST = {"郷土防衛隊": "org:word-compound"}


@pytest.mark.parametrize("text, orgs", CONTEXTS + HEADED_RUNS)
def test_org_context_frames(tag_entities, text, orgs):  # noqa: F811
    doc = tag_entities(text)
    found = [(e.type, m.text, m.rule) for e in ents(doc) for m in e.mentions]
    assert sorted(t for ty, t, r in found if ty == "ORG") == sorted(orgs)
    assert all(r == CLAIMED_FIRST.get(t, "org:context") for ty, t, r in found if ty == "ORG")


TOWN_CLUBS = [
    # (text, the club's ORG mention): a town written before a club's name in a club context
    ("2018年、横浜ヴォルティスへ期限付き移籍した。", "横浜ヴォルティス"),
    ("開幕節の仙台ブリザーノ戦で初得点を挙げた。", "仙台ブリザーノ"),
]


@pytest.mark.parametrize("text, org", TOWN_CLUBS)
def test_town_in_club_name(tag_entities, text, org):  # noqa: F811
    doc = tag_entities(text)
    found = [(e.type, m.text) for e in ents(doc) for m in e.mentions]
    assert ("ORG", org) in found
