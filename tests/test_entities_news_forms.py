"""Names written the way Japanese news writes them (rule ``org:country-prefix``): a foreign company
named by its country's one-letter form and its name, written together (米〇〇, 英〇〇, 独〇〇).

Texts written for these tests; the companies are invented or well-known real ones.
"""

from __future__ import annotations

import pytest

from .test_entities import ents, tag_entities  # noqa: F401  (the fixture)

COUNTRY_PREFIXED = [
    # (text, ORG mentions, the country forms tagged PLACE)
    ("米グーグルは20日、新しい検索機能を発表した。", ["グーグル"], ["米"]),
    ("米エヌビディアの株価が上昇した。", ["エヌビディア"], ["米"]),
    ("独シーメンスと仏ルノーは提携した。", ["シーメンス", "ルノー"], ["独", "仏"]),
    ("米アマゾン・ドット・コムは声明を出した。", ["アマゾン・ドット・コム"], ["米"]),  # Sudachi reads アマゾン as a place
    ("英BPと米Zentrixは合弁会社を設立した。", ["BP", "Zentrix"], ["英", "米"]),
    ("露ガスプロムは供給を止めた。", ["ガスプロム"], ["露"]),
    # not a company
    ("米メディアによると、会談は延期された。", [], ["米"]),  # a common word
    ("米トランプ大統領は会見した。", [], []),  # a person before a title
    ("米カリフォルニア州で山火事が起きた。", [], ["米", "カリフォルニア州"]),  # a place: the name goes on (州)
    ("米IT大手のハルモニアは決算を発表した。", [], ["米"]),
    ("米ボーイング787型機が着陸した。", [], ["米"]),  # a product: a number follows
    ("米ドル建ての債券を発行した。", [], []),
]


@pytest.mark.parametrize("text, orgs, places", COUNTRY_PREFIXED)
def test_country_prefixed_companies(tag_entities, text, orgs, places):  # noqa: F811
    doc = tag_entities(text)
    found = [(e.type, m.text, m.rule) for e in ents(doc) for m in e.mentions]
    assert sorted(t for ty, t, _ in found if ty == "ORG") == sorted(orgs)
    assert all(r == "org:country-prefix" for ty, t, r in found if ty == "ORG" and t in orgs)
    assert sorted(t for ty, t, _ in found if ty == "PLACE") == sorted(places)


# The head of an office written right after a person's name is the person's title (〇〇局 + 長 are two
# words to Sudachi): the name is a PERSON with that title; the office itself (報道局, 総務部) stays an
# organisation mention (org:office-head), as a head's title names it anywhere else.
OFFICE_TITLES = [
    ("中国外務省の王平副報道局長は定例記者会見で反発した。", "王平", "副報道局長", ["中国外務省"]),
    ("外務省の田中一郎報道局長は述べた。", "田中一郎", "報道局長", ["外務省", "報道局"]),
    ("同社の山田総務部長が説明した。", "山田", "総務部長", ["総務部"]),
]


@pytest.mark.parametrize("text, person, title, orgs", OFFICE_TITLES)
def test_office_head_after_a_name_is_the_persons_title(tag_entities, text, person, title, orgs):  # noqa: F811
    doc = tag_entities(text)
    people = [e for e in ents(doc) if e.type == "PERSON"]
    assert [e.name for e in people] == [person]
    assert title in people[0].titles
    assert sorted(e.name for e in ents(doc) if e.type == "ORG") == sorted(orgs)


# A bare acronym before は/が/の is an organisation (org:acronym) unless it is a term Sudachi's
# dictionary lists (news writes many: LNG, PKO, PTSD, MRI).
ACRONYMS = [
    ("LNGの輸入量が増えた。", []),
    ("PKOの派遣期間を延長した。", []),
    ("PTSDの症状を訴える人が多い。", []),
    ("ZKRは新しい規約を発表した。", ["ZKR"]),
]


@pytest.mark.parametrize("text, orgs", ACRONYMS)
def test_bare_acronyms(tag_entities, text, orgs):  # noqa: F811
    doc = tag_entities(text)
    assert sorted(m.text for e in ents(doc) if e.type == "ORG" for m in e.mentions) == orgs
