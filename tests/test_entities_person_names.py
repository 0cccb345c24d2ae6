"""Whole person names where Sudachi splits them so that a rule would keep only a part: a given
name Sudachi does not know read as a word of the title (宮脇 + 政史 + 市長), a dotted foreign name
whose first word Sudachi splits into common katakana words (ショー + カット + ・ハミード), a given
name alone joining the full name written earlier (雅子さん after 赤木雅子さん).

Texts written for these tests; the people are invented.
"""

from __future__ import annotations

import pytest

from .test_entities import ents, tag_entities  # noqa: F401  (the fixture)

FULL_NAMES = [
    # (text, people)
    ("大分市の宮脇政史市長は会見で述べた。", ["宮脇政史"]),  # 政史: a common noun for Sudachi, GiNZA's person goes on
    ("前橋市の小暮典史市長は述べた。", ["小暮典史"]),  # a given name Sudachi knows (unchanged)
    ("鈴木防衛政務官は述べた。", ["鈴木"]),  # a field before the title stays in the title
    ("田中財務大臣と鈴木経済産業大臣が会談した。", ["田中", "鈴木"]),
    ("首都でショーカット・ハミード外相らと会談した。", ["ショーカット・ハミード"]),  # ショー + カット, one word
    ("ダッカでサーカット・ラフマン首相と会談した。", ["サーカット・ラフマン"]),
    ("ヘッドコーチのジョン・スミス氏が語った。", ["ジョン・スミス"]),  # a common katakana word before no dot stays out
    ("元衆議院議員・石井一氏が発言した。", ["石井一"]),  # Sudachi's given name 一氏: the honorific stays out
    ("法王ベネディクト16世は声明を出した。", ["ベネディクト16世"]),  # a regnal number belongs to the name
    ("国王カール・グスタフ16世は訪日した。", ["カール・グスタフ16世"]),  # (Sudachi's person ends before the number)
    ("国王ラーマ9世が即位した。", ["ラーマ9世"]),
]


@pytest.mark.parametrize("text, people", FULL_NAMES)
def test_whole_person_name(tag_entities, text, people):  # noqa: F811
    doc = tag_entities(text)
    assert sorted(e.name for e in ents(doc) if e.type == "PERSON") == sorted(people)


GIVEN_NAME_ALONE = [
    # (text, {entity name: [its mentions]} for the people)
    ("山岸美和子さんが会見した。夫の山岸浩二さんも同席し、美和子さんは「驚いた」と話した。",
     {"山岸美和子": ["山岸美和子", "美和子"], "山岸浩二": ["山岸浩二"]}),
    ("県警によると、死亡したのは会社員の石原真由美さん。真由美さんは自宅にいた。",
     {"石原真由美": ["石原真由美", "真由美"]}),
    ("鈴木雅子さんと佐藤さんが会見した。", {"鈴木雅子": ["鈴木雅子"], "佐藤": ["佐藤"]}),  # a surname alone stays apart
]


@pytest.mark.parametrize("text, people", GIVEN_NAME_ALONE)
def test_given_name_joins_full_name(tag_entities, text, people):  # noqa: F811
    doc = tag_entities(text)
    got = {e.name: [m.text for m in e.mentions] for e in ents(doc) if e.type == "PERSON"}
    assert got == people
