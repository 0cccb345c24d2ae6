"""Facility names (newstag.entities.rules.facility): PLACE entities with a kind, in both profiles,
and the corpus conventions of ``newstag.evaluate ner`` (irex / stockmark)."""

from __future__ import annotations

import json

import pytest

import newstag
from newstag import evaluate
from newstag.entities.rules import RULES
from newstag.entities.rules.facility import facilities, facility_kind

from .conftest import assert_invariants


@pytest.fixture(scope="session")
def profiles(tagger) -> dict[bool, newstag.Tagger]:
    """Both profiles: the session tagger and the other one, loaded once."""
    other = newstag.Tagger(ginza_ner=not tagger.ginza_ner)
    return {tagger.ginza_ner: tagger, other.ginza_ner: other}


def places(article) -> dict[str, str | None]:
    """Mention text → the kind of its PLACE entity."""
    return {m.text: e.kind for e in article.entities if e.type == "PLACE" for m in e.mentions}


# (sentence, facility name, kind): invented sentences and names
FOUND = [
    ("一行は午前、北浦駅から列車に乗った。", "北浦駅", "station"),
    ("同便は夕方、大森空港に着陸した。", "大森空港", "airport"),
    ("日曜日には鶴見公園で花見をする家族が多い。", "鶴見公園", "park"),
    ("式典は港南公民館で開かれた。", "港南公民館", "venue"),
    ("企画展は浜北市博物館で来月まで続く。", "浜北市博物館", "museum"),
    ("観光客はバルドラ宮の庭園を見学した。", "バルドラ宮", "castle"),
    ("翌朝、私たちは鷲尾神社にお参りした。", "鷲尾神社", "religious"),
    ("コンサートは横浜アリーナで行われた。", "横浜アリーナ", "venue"),
    ("京王線沿線で中古住宅を探しています。", "京王線", "railway"),  # (沿線: a trailer, no part of the name)
    ("物件は南武線・横浜線の二路線が使えます。", "南武線", "railway"),  # a list of lines: ・ ends the first
    ("物件は南武線・横浜線の二路線が使えます。", "横浜線", "railway"),
    ("店は国道１２号線沿いにあります。", "国道１２号線", "road"),  # a numbered road: 国道 + number + 号線
    ("県道５号を北へ進むと峠に出る。", "県道５号", "road"),
    ("渋滞は国道２０号線バイパスの入口から続いた。", "国道２０号線バイパス", "road"),
]

# (sentence, words that must not be a facility PLACE): generic uses of the head words
NOT_FOUND = [
    ("子供たちは公園で遊んでいる。", "公園"),
    ("駅前はいつも混雑している。", "駅前"),
    ("近くの市民公園に行った。", "市民公園"),
    ("庭には立派な日本庭園がある。", "日本庭園"),
    ("手相では感情線が長いと言われた。", "感情線"),
    ("大雨で上下線とも運休となった。", "上下線"),
    ("米軍基地の移設をめぐり、議論が続いている。", "米軍基地"),
    ("ナッシュビルで新しいアルバムを録音した。", "ナッシュビル"),
    ("国道沿いに３本の道がある。", "国道"),  # a road word without its number names no road
]


@pytest.mark.parametrize("ner", [True, False])
@pytest.mark.parametrize(("text", "name", "kind"), FOUND)
def test_facility_found(profiles, ner, text, name, kind):
    art = profiles[ner](text)
    assert_invariants(art)
    assert places(art).get(name, "missing") == kind, [(e.type, e.name, e.kind) for e in art.entities]


@pytest.mark.parametrize("ner", [True, False])
@pytest.mark.parametrize(("text", "word"), NOT_FOUND)
def test_no_facility(profiles, ner, text, word):
    art = profiles[ner](text)
    assert all(not (m.text == word and e.kind is not None) for e in art.entities for m in e.mentions)


def test_place_listed_after_a_facility(tagger):
    """工場は京葉線・千葉県・市川市: a place after a facility and ・ is a list item, no part of a name."""
    assert places(tagger("工場は京葉線・千葉県・市川市の境にある。")) == {"京葉線": "railway", "千葉県": None, "市川市": None}


def test_place_inside_facility_is_no_mention(tagger):
    """成田 in 成田空港 is no place of its own; the facility is the mention."""
    art = tagger("視察団は大森空港に到着した。")
    assert "大森" not in places(art)
    assert places(art).get("大森空港") == "airport"


@pytest.mark.parametrize(("text", "name"), [
    ("首相はフランスとドイツを訪問した後、神戸市に戻った。", "フランス"),
    ("首相はフランスとドイツを訪問した後、神戸市に戻った。", "神戸市"),
    ("週末は鷲尾温泉の旅館に泊まった。", "鷲尾温泉"),  # a spa town is a place, not a facility
])
def test_plain_places_have_no_kind(tagger, text, name):
    assert places(tagger(text)).get(name, "missing") is None


def test_rule_registered_and_data_valid():
    assert RULES["place:facility"].family == "place"
    data = facilities()
    heads = [h for hs in data.kinds.values() for h in hs]
    assert len(heads) == len(set(heads)), "a head word belongs to one kind"
    assert set(data.kinds) <= set(newstag.models.PlaceKind.__args__)
    assert facility_kind("北浦駅") == "station" and facility_kind("駅") is None


def test_kind_round_trips(tagger):
    art = tagger("一行は北浦駅から列車に乗った。")
    again = newstag.models.Article.model_validate_json(art.model_dump_json())
    assert [e.kind for e in again.entities] == [e.kind for e in art.entities]


# --- corpus conventions of newstag.evaluate ner

@pytest.mark.parametrize(("types", "expected"), [
    (["地名", "DATE", "ARTIFACT"], "irex"),
    (["地名", "OPTIONAL"], "irex"),
    (["人名", "施設名", "法人名"], "stockmark"),
    ([], "stockmark"),
])
def test_detect_convention(tmp_path, types, expected):
    path = tmp_path / "x.json"
    path.write_text(json.dumps([{"text": "あ" * 10, "entities": [{"span": [0, 1], "type": t} for t in types]}]), encoding="utf-8")
    assert evaluate.detect_convention(path) == expected


@pytest.mark.parametrize(("args", "expected"), [
    (("PLACE", "station", "irex"), "PLACE"),
    (("PLACE", "station", "stockmark"), None),
    (("PLACE", None, "stockmark"), "PLACE"),
    (("PLACE", "station", None), "PLACE"),
    (("ORG", None, "irex", "北浦政府", True), None),
    (("ORG", None, "stockmark", "北浦政府", True), "ORG"),
    (("ORG", None, "irex", "北浦政府", False), "ORG"),
    (("ORG", None, "irex", "南海日報"), None),
    (("ORG", None, "irex", "南海新聞社"), "ORG"),
])
def test_corpus_type(args, expected):
    assert evaluate.corpus_type(*args) == expected


def test_convention_option_scores(tmp_path, capsys):
    text = "一行は北浦駅から列車に乗った。"
    s = text.index("北浦駅")
    path = tmp_path / "x.json"
    path.write_text(json.dumps([{"text": text, "entities": [{"span": [s, s + 3], "type": "地名"}]}]), encoding="utf-8")
    evaluate.main(["ner", str(path), "--json", "--convention", "irex"])
    irex = json.loads(capsys.readouterr().out)
    evaluate.main(["ner", str(path), "--json", "--convention", "stockmark"])
    sm = json.loads(capsys.readouterr().out)
    assert irex["PLACE"]["tp"] == 1 and irex["PLACE"]["pred"] == 1
    assert sm["PLACE"]["tp"] == 0 and sm["PLACE"]["pred"] == 0


def test_kind_in_frames_and_display(tagger):
    from newstag.display import render
    from newstag.frames import to_frame

    art = tagger("一行は北浦駅から列車に乗った。")
    df = to_frame(art, "entities").set_index("name")
    assert df.loc["北浦駅", "kind"] == "station"
    assert "PLACE (station)" in render(art)
