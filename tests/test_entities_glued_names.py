"""A person's name glued to a common word in one compound Sudachi splits (〇〇 + 工房, 〇〇 + 式,
〇〇 + 鉱山): GiNZA often reads the whole as a person; the word after the name says what the
compound names (``founder_heads``, ``eponym_heads`` and ``landform_heads`` in name_shapes.json).

Texts written for these tests; the names are invented.
"""

from __future__ import annotations

import pytest

from .test_entities import ents, tag_entities  # noqa: F401  (the fixture)

GLUED = [
    # (text, [(name, type)] of all entities)
    ("注文は高田工房へお任せください。", [("高田工房", "ORG")]),  # a workshop named after its founder
    ("高木工房の職人が語った。", [("高木工房", "ORG")]),
    ("兼松式の訓練法を取り入れた。", []),  # a method named after a person: no mention
    ("この藤森式の学習法で成績が上がった。", []),
    ("中川鉱山で銀が見つかった。", [("中川鉱山", "PLACE")]),  # a mine is a place
    ("山田太郎さんが会見した。", [("山田太郎", "PERSON")]),  # a name alone stays a person
    # the head outside Sudachi's person run (〇〇 + 歯科 + です): the business, not its founder
    ("駅前にある杉浦歯科です。", [("杉浦歯科", "ORG")]),
    ("大阪の森下歯科です。", [("大阪", "PLACE"), ("森下歯科", "ORG")]),
]


@pytest.mark.parametrize("text, expected", GLUED)
def test_name_glued_to_head(tag_entities, text, expected):  # noqa: F811
    doc = tag_entities(text)
    assert sorted((e.name, e.type) for e in ents(doc)) == sorted(expected)
