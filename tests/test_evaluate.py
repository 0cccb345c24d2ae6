"""The NER evaluation command: reading Stockmark-format files, flattening, scoring."""

from __future__ import annotations

import json

import pytest

from newstag import evaluate

RECORDS = [
    {"curid": "1", "text": "岸田文雄は日本の政治家。",
     "entities": [{"name": "岸田文雄", "span": [0, 4], "type": "人名"}, {"name": "日本", "span": [5, 7], "type": "地名"}]},
    {"curid": "2", "text": "トヨタ自動車は東京モーターショーに出展した。",
     "entities": [{"name": "トヨタ自動車", "span": [0, 6], "type": "法人名"}, {"name": "東京モーターショー", "span": [7, 16], "type": "イベント名"}]},
]


@pytest.fixture
def stockmark_file(tmp_path):
    path = tmp_path / "ner.json"
    path.write_text(json.dumps(RECORDS, ensure_ascii=False), encoding="utf-8")
    return path


def test_read_stockmark_maps_types_and_drops_others(stockmark_file):
    recs = evaluate.read_stockmark(stockmark_file)
    assert recs[0] == ("岸田文雄は日本の政治家。", {(0, 4, "PERSON"), (5, 7, "PLACE")})
    assert recs[1][1] == {(0, 6, "ORG")}  # イベント名 is not a newstag type


@pytest.mark.parametrize("spans, expected", [
    ({(0, 4, "ORG"), (0, 2, "PLACE")}, {(0, 4, "ORG")}),                    # 日本政府 ⊃ 日本
    ({(0, 2, "PLACE"), (3, 5, "PLACE")}, {(0, 2, "PLACE"), (3, 5, "PLACE")}),  # disjoint: both kept
    ({(0, 3, "PERSON"), (0, 3, "ORG")}, {(0, 3, "PERSON"), (0, 3, "ORG")}),  # same span, two types: both scored
])
def test_flatten(spans, expected):
    assert evaluate.flatten(spans) == expected


@pytest.mark.parametrize("spans, expected", [
    ({(0, 7, "PLACE"), (7, 10, "PLACE")}, {(0, 10, "PLACE")}),                 # 中華人民共和国 + 北京市
    ({(0, 3, "PLACE"), (3, 6, "PLACE"), (6, 9, "PLACE")}, {(0, 9, "PLACE")}),  # a whole address chain
    ({(0, 2, "PLACE"), (3, 5, "PLACE")}, {(0, 2, "PLACE"), (3, 5, "PLACE")}),  # 日本・韓国: not adjacent
    ({(0, 2, "PLACE"), (2, 4, "ORG")}, {(0, 2, "PLACE"), (2, 4, "ORG")}),      # only places join
])
def test_join_places(spans, expected):
    assert evaluate.join_places(spans) == expected


def test_score():
    pairs = [({(0, 4, "PERSON"), (5, 7, "ORG")}, {(0, 4, "PERSON"), (5, 7, "PLACE")})]
    res = evaluate.score(pairs)
    assert res["PERSON"]["f1"] == 1.0
    assert res["ORG"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 1, "gold": 0}
    assert res["PLACE"]["r"] == 0.0
    assert res["ALL"]["p"] == 0.5 and res["ALL"]["r"] == 0.5


def test_bad_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError, match="JSON list"):
        evaluate.read_stockmark(path)


def test_command_end_to_end(stockmark_file, capsys):
    assert evaluate.main(["ner", str(stockmark_file), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["PERSON"]["tp"] == 1  # 岸田文雄
    assert res["ALL"]["gold"] == 3
    assert evaluate.main(["ner", str(stockmark_file), "--raw-ginza"]) == 0
    assert "ja_ginza (raw NER" in capsys.readouterr().out


@pytest.mark.parametrize("text, spans, expected", [
    ("ガリア共和国北河省青松市にある", {(0, 6, "PLACE"), (9, 12, "PLACE")}, {(0, 12, "PLACE")}),  # an unrecognised level between
    ("東京と大阪", {(0, 2, "PLACE"), (3, 5, "PLACE")}, {(0, 2, "PLACE"), (3, 5, "PLACE")}),      # a particle is no level
    ("青松市桜町3丁目にある", {(0, 3, "PLACE"), (3, 5, "PLACE")}, {(0, 8, "PLACE")}),           # a numbered tail
    ("北河県桜町12-3に", {(0, 3, "PLACE"), (3, 5, "PLACE")}, {(0, 9, "PLACE")}),
    ("桜町12-3に", {(0, 2, "PLACE")}, {(0, 2, "PLACE")}),                                      # (a house number needs a prefecture)
    ("ガリア北部に", {(0, 3, "PLACE")}, {(0, 5, "PLACE")}),                                   # a part of the place
    ("ガリア諸国では", {(0, 3, "PLACE")}, {(0, 5, "PLACE")}),                                 # a group of places
    ("ガリアの北部", {(0, 3, "PLACE")}, {(0, 3, "PLACE")}),
])
def test_join_places_with_text(text, spans, expected):
    assert evaluate.join_places(spans, text) == expected


# -- spans typed OPTIONAL (KWDLC): neither a hit nor a miss ------------------------------------------

@pytest.mark.parametrize("pred, gold, optional, kept", [
    ({(0, 2, "PLACE")}, set(), {(0, 2)}, set()),                          # equal to an OPTIONAL span: not scored
    ({(0, 4, "ORG")}, set(), {(0, 2)}, set()),                            # overlapping one: not scored
    ({(1, 3, "PERSON")}, set(), {(0, 2)}, set()),
    ({(2, 4, "PLACE")}, set(), {(0, 2)}, {(2, 4, "PLACE")}),              # touching is not overlapping
    ({(0, 2, "PLACE")}, {(0, 2, "PLACE")}, {(0, 4)}, {(0, 2, "PLACE")}),  # a gold span inside stays a hit
    ({(5, 7, "ORG")}, set(), set(), {(5, 7, "ORG")}),                     # no OPTIONAL span: all scored
])
def test_drop_optional(pred, gold, optional, kept):
    assert evaluate.drop_optional(pred, gold, optional) == kept


OPTIONAL_RECORDS = [
    {"text": "日本の首都は東京である。",
     "entities": [{"name": "日本", "span": [0, 2], "type": "OPTIONAL"}, {"name": "東京", "span": [6, 8], "type": "地名"}]},
    {"text": "岸田文雄は日本の政治家。", "entities": [{"name": "岸田文雄", "span": [0, 4], "type": "人名"}]},
]


def test_read_optional(tmp_path):
    path = tmp_path / "kw.json"
    path.write_text(json.dumps(OPTIONAL_RECORDS, ensure_ascii=False), encoding="utf-8")
    assert evaluate.read_optional(path) == [{(0, 2)}, set()]
    assert evaluate.read_stockmark(path)[0][1] == {(6, 8, "PLACE")}  # OPTIONAL is no gold type


def test_optional_spans_are_not_false_positives(tmp_path, capsys):
    path = tmp_path / "kw.json"
    path.write_text(json.dumps(OPTIONAL_RECORDS, ensure_ascii=False), encoding="utf-8")
    assert evaluate.main(["ner", str(path), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    # 日本 (OPTIONAL) in record 1 is not scored; 日本 in record 2 is no gold span: a false positive
    assert (res["PLACE"]["tp"], res["PLACE"]["pred"]) == (1, 2)
    assert evaluate.main(["ner", str(path), "--json", "--count-optional"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert (res["PLACE"]["tp"], res["PLACE"]["pred"]) == (1, 3)
    assert res["ALL"]["gold"] == 2


def test_help_documents_optional(capsys):
    with pytest.raises(SystemExit):
        evaluate.main(["ner", "--help"])
    assert "OPTIONAL" in capsys.readouterr().out
