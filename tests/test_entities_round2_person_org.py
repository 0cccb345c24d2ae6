"""Person or organisation: katakana names Sudachi reads as a person's.

* a katakana word standing alone that IPADIC lists as a company (a maker named after its founder)
  is the company (rule ``ipadic:組織``), not a person; inside a dotted name it stays a person's part;
* a katakana name written right after more katakana (ブルーリッジ + ジョンソン) is the tail of a
  longer word Sudachi split, no person;
* a name ending in the word of a facility or a race (〇〇砦, 〇〇座, 〇〇記念) names that thing.

Texts written for these tests; the names are invented or well-known makers.
"""

from __future__ import annotations

import pytest

from .test_entities import ents, tag_entities  # noqa: F401  (the fixture)

CASES = [
    # (text, PERSON mentions, ORG mentions)
    ("ローランドは新しい電子ピアノを発売した。", [], ["ローランド"]),
    ("同社はローランドと楽器の共同開発で合意した。", [], ["ローランド"]),
    ("ローランド・ハミルトンは英国の作家。", ["ローランド・ハミルトン"], []),  # a dotted name: a person
    ("フレッド・ミキモトは記者会見で質問に答えた。", ["フレッド・ミキモト"], []),
    # the tail of a longer katakana word
    ("ブルーリッジジョンソンは新型の自転車を発表した。", [], []),
    ("シルバーモリスは工場を新設した。", [], []),
    ("ロイヤルエドワーズのコーヒーを飲んだ。", [], []),
    ("試合はクロスジョーンズが制した。", [], []),
    # a name after a dot or a Latin position word is still a person
    ("FWジョンソンが決勝点を挙げた。", ["ジョンソン"], []),
    ("ピーター・モリスは会見で引退を表明した。", ["ピーター・モリス"], []),
    # a name ending in a facility's or a race's word (砦, 座, 記念, 運河, 天文台) names that thing
    ("前年は坂井記念から始動した。", [], []),
    ("芝居小屋の谷口座で公演が開かれた。", [], []),
    ("兵は吉川砦に籠もった。", [], []),
]


# a name before a post that someone holds (〇〇社長を務めた, 〇〇副社長に就任) is the body the post belongs to
POSTS = [
    # (text, PERSON mentions, ORG mentions)
    ("2015年から第3代ベルテックス代表取締役社長を務め、翌年退任した。", [], ["ベルテックス"]),
    ("佐藤は2019年にノルディア副社長に就任した。", ["佐藤"], ["ノルディア"]),
    ("山田社長は会見を開いた。", ["山田"], []),  # no post verb: the titled person
]


@pytest.mark.parametrize("text, persons, orgs", CASES + POSTS)
def test_katakana_person_or_org(tag_entities, text, persons, orgs):  # noqa: F811
    doc = tag_entities(text)
    found = [(e.type, m.text) for e in ents(doc) for m in e.mentions]
    assert sorted(t for ty, t in found if ty == "PERSON") == sorted(persons)
    assert sorted(t for ty, t in found if ty == "ORG") == sorted(orgs)
