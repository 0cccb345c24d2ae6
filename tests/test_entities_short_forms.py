"""One referent, one entity: the short forms news writes for an organisation it named in full
(〇〇県警 for 〇〇県警察, 〇〇地検 for 〇〇地方検察庁, the name without its country or parent).

Texts written for these tests; the places are real, the events invented.
"""

from __future__ import annotations

import pytest

from .test_entities import ents, tag_entities  # noqa: F401  (the fixture)

SHORT_FORMS = [
    # (text, the ORG mentions expected in one entity)
    ("静岡県警察は5日、男を逮捕した。静岡県警によると、男は容疑を認めている。", ["静岡県警察", "静岡県警"]),
    ("広島地方検察庁は男を起訴した。広島地検の次席検事が会見した。", ["広島地方検察庁", "広島地検"]),
    ("最高検察庁は方針を示した。最高検の幹部が述べた。", ["最高検察庁", "最高検"]),
    # the tail of a name is the name when the head is a place or an organisation …
    ("オーストリア連邦議会は法案を可決した。連邦議会の議長が述べた。", ["オーストリア連邦議会", "連邦議会"]),
    # … or when the tail is a katakana name of its own
    ("NTTドコモは新料金を発表した。ドコモの社長が会見した。", ["NTTドコモ", "ドコモ"]),
]


@pytest.mark.parametrize("text, mentions", SHORT_FORMS)
def test_short_form_joins_full_name(tag_entities, text, mentions):  # noqa: F811
    doc = tag_entities(text)
    orgs = [e for e in ents(doc) if e.type == "ORG"]
    assert [sorted(m.text for m in e.mentions) for e in orgs] == [sorted(mentions)]
    assert orgs[0].name == mentions[0]  # the entity is named by its full name


def test_bare_japanese_ministry_stays_apart(tag_entities):  # noqa: F811
    doc = tag_entities("ロシア外務省は声明を出した。一方、外務省の報道官は日本の立場を説明した。")
    orgs = sorted(e.name for e in ents(doc) if e.type == "ORG")
    assert orgs == ["ロシア外務省", "外務省"]


POLICE = [
    # (text, ORG names): a prefecture's police (〇〇県警) and a station (〇〇署) are organisations
    ("神奈川県警川崎署は、男を逮捕した。", ["神奈川県警川崎署"]),
    ("大阪府警は捜査本部を設置した。", ["大阪府警"]),
    ("男は戸塚署に出頭した。", ["戸塚署"]),
    ("税務署の職員が調べた。", []),  # a kind of office, no name
    ("各部署の担当者が集まった。", []),
]


@pytest.mark.parametrize("text, names", POLICE)
def test_police_bodies(tag_entities, text, names):  # noqa: F811
    doc = tag_entities(text)
    assert sorted(e.name for e in ents(doc) if e.type == "ORG") == sorted(names)
