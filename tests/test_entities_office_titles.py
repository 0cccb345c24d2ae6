"""A person's title that names an office or a body written right after the name (山田太郎 +
刑事部長, 〇〇 + 球団社長): the name is the person and the office belongs to the title; the name is no
part of an organisation (the office itself stays a mention of its own, org:office-head, as Stockmark
annotates it).

Texts written for these tests; the people and the companies are invented.
"""

from __future__ import annotations

import pytest

from .test_entities import ents, tag_entities  # noqa: F401  (the fixture)

OFFICE_TITLES = [
    # (text, people, organisations)
    ("北海道警の山田太郎刑事部長は会見した。", ["山田太郎"], ["北海道警", "刑事部"]),  # 刑事 + 部 + 長, as Sudachi splits it
    ("東都テレビの川村正和制作局長は述べた。", ["川村正和"], ["東都テレビ", "制作局"]),
    ("ヤクルトの吉岡健球団社長は語った。", ["吉岡健"], ["ヤクルト"]),  # 球団 opens the title, closes no name
    ("トヨタ自動車社長が会見した。", [], ["トヨタ自動車"]),  # a company's name before the title stays one
]


@pytest.mark.parametrize("text, people, orgs", OFFICE_TITLES)
def test_office_title_after_a_name(tag_entities, text, people, orgs):  # noqa: F811
    doc = tag_entities(text)
    assert sorted(e.name for e in ents(doc) if e.type == "PERSON") == sorted(people)
    assert sorted(e.name for e in ents(doc) if e.type == "ORG") == sorted(orgs)


def test_office_keeps_its_title(tag_entities):  # noqa: F811
    doc = tag_entities("北海道警の山田太郎刑事部長は会見した。")
    person = next(e for e in ents(doc) if e.type == "PERSON")
    assert person.titles == ["刑事部長"]
