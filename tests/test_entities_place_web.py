"""Place rules on web-style text (KWDLC's kinds of misses and false positives): a facility's
name ends before the words after it (〇〇駅 + 南口, 〇〇庁舎 + 西 + 玄関), facility and landform
heads, a numeral opening a name, one-letter country forms that are ordinary words, and gazetteer
names used as adverbs or verbs. Invented sentences and names."""

from __future__ import annotations

import pytest

from .conftest import assert_invariants


def place_mentions(article) -> set[str]:
    """The texts of all PLACE mentions."""
    return {m.text for e in article.entities if e.type == "PLACE" for m in e.mentions}


# (sentence, a PLACE mention it must have): the facility or place with its right extent
FOUND = [
    ("事務所は北浦駅南口から徒歩３分です。", "北浦駅"),  # + 南口: the exit is no part of the name
    ("会場は港南駅徒歩５分の場所にある。", "港南駅"),  # + 徒歩: the walk from it
    ("申請書は北浦庁舎西玄関の窓口で受け付ける。", "北浦庁舎"),  # + 西 + 玄関 (two tokens)
    ("告別式は川井斎場で営まれた。", "川井斎場"),
    ("週末は高森牧場で乳しぼりを体験した。", "高森牧場"),
    ("岬の先端に立つ白浜灯台が見えた。", "白浜灯台"),
    ("一行は七森山神社に参拝した。", "七森山神社"),  # 七 + 森山 + 神社: the numeral opens the name
    ("一行は五荒川神社に参拝した。", "五荒川神社"),
    ("遺跡は武蔵台地の縁に広がる。", "武蔵台地"),  # landform suffixes
    ("鶴見原野には湿原が残る。", "鶴見原野"),
    ("夏の夜はモーゼル川沿いのレストランで食事をした。", "モーゼル川"),  # 〇〇 + 川沿い (Sudachi's one word): the river
    ("桜並木が続く神田川沿いを散歩した。", "神田川"),
    ("隅田川のほとりで花火を見物した。", "隅田川"),  # Sudachi's surname + の + ほとり: the river
    ("米アマゾンが新サービスを発表した。", "米"),  # a country before a company stays one
    ("大分で記者会見が開かれた。", "大分"),  # the city, used as a name
]

# (sentence, a text that must not be a PLACE mention)
NOT_FOUND = [
    ("事務所は北浦駅南口から徒歩３分です。", "北浦駅南口"),
    ("申請書は北浦庁舎西玄関の窓口で受け付ける。", "北浦庁舎西玄関"),
    ("一行は七森山神社に参拝した。", "森山神社"),
    ("近所に二神社がある。", "二神社"),  # a count of shrines
    ("物件は東西線沿線、南浦町・北浦駅の周辺です。", "南浦町・北浦駅"),  # a place, then a station: two names
    ("両地区の中間に展望台がある。", "中"),  # 中間: "between" needs two countries
    ("今年も「みどりの日コンサート」を開いた。", "日"),  # the day, not Japan
    ("冬休みに入ってもう大分たちます。", "大分"),  # the adverb
    ("封筒を開封してみると手紙が入っていた。", "開封"),  # the verb
]


@pytest.mark.parametrize(("text", "name"), FOUND)
def test_place_found(tagger, text, name):
    art = tagger(text)
    assert_invariants(art)
    assert name in place_mentions(art), [(e.type, [m.text for m in e.mentions]) for e in art.entities]


@pytest.mark.parametrize(("text", "name"), NOT_FOUND)
def test_place_not_found(tagger, text, name):
    art = tagger(text)
    assert_invariants(art)
    assert name not in place_mentions(art), [(e.type, [m.text for m in e.mentions]) for e in art.entities]
