"""Class nouns in newstag_entities: the text says what a name names (texts and names invented for these tests)."""

from __future__ import annotations

import pytest

from newstag.entities import lexicon

ENTITY_PIPES = ("newstag_segment", "newstag_entities", "newstag_dates", "newstag_quotes", "newstag_events")


@pytest.fixture(scope="module")
def tag_entities(tagger):
    """GiNZA + newstag_entities only, on the session pipeline."""
    nlp = tagger.nlp
    component = nlp.get_pipe("newstag_entities")
    disabled = [n for n in ENTITY_PIPES if n in nlp.pipe_names]

    def run(text: str):
        return component(nlp(text, disable=disabled))

    return run


def typed(doc) -> set[tuple[str, str]]:
    return {(m.label_, m.text) for m in doc.spans["newstag_entities"]}


# (text, (type, mention) pairs that must be present)
TYPED = [
    # a class noun before the name: の, である, 、, ・ or nothing between them
    ("ロックバンドのザルヴォネスが新しいアルバムを発表した。", {("ORG", "ザルヴォネス")}),
    ("模型メーカーのコルベリオは新製品を公開した。", {("ORG", "コルベリオ")}),
    ("航空会社ソラヴィアは国際線の運航を再開した。", {("ORG", "ソラヴィア")}),
    ("跡地は航空機大手のヴェルトラックスが買い取った。", {("ORG", "ヴェルトラックス")}),
    ("「春の坂道」は、日本の音楽ユニット、ミルフェノンの3枚目のシングル。", {("ORG", "ミルフェノン")}),
    ("同社は昨年、子会社のパルメトリクスに事業を移管した。", {("ORG", "パルメトリクス")}),
    ("女優のエレナ・ボルコヴァと結婚した。", {("PERSON", "エレナ・ボルコヴァ")}),
    ("同年、東京の出版社である青柳堂から刊行された。", {("ORG", "青柳堂")}),
    ("2021年、北陸ガスは配管事業を子会社の北陸ガスネットワークへ移した。", {("ORG", "北陸ガスネットワーク")}),
    ("元財務省の官僚である川端裕至が説明した。", {("PERSON", "川端裕至")}),
    # a class noun after という
    ("1970年代には「ザルヴォネス」というバンドで活動した。", {("ORG", "ザルヴォネス")}),
    # the subject of a defining sentence
    ("ヴェルマーク・ブラザーズは、アメリカ合衆国出身のロックバンド。", {("ORG", "ヴェルマーク・ブラザーズ"), ("PLACE", "アメリカ合衆国")}),
    ("東雲證券は、かつて存在した日本の証券会社である。", {("ORG", "東雲證券")}),
    ("FCリンデンは、ドイツのケルンを本拠地とするプロサッカークラブである。", {("ORG", "FCリンデン")}),
    ("ミレーナ・コヴァチは、クロアチアの政治家。", {("PERSON", "ミレーナ・コヴァチ")}),
    ("初代大森玄蔵は、日本の実業家。", {("PERSON", "大森玄蔵")}),
    ("ノルテックスとは、東京都に本社を置く精密機器メーカーである。", {("ORG", "ノルテックス")}),
    # lists closed by a class noun or a count
    ("ベルトランやカミナスなどの企業と提携した。", {("ORG", "ベルトラン"), ("ORG", "カミナス")}),
    ("ノルディス、ヴァレンタ、コスモリンクの3社が共同で出資した。",
     {("ORG", "ノルディス"), ("ORG", "ヴァレンタ"), ("ORG", "コスモリンク")}),
    ("ノルディス・ヴァレンタ・コスモリンクの3社が共同で出資した。",
     {("ORG", "ノルディス"), ("ORG", "ヴァレンタ"), ("ORG", "コスモリンク")}),
]


@pytest.mark.parametrize(("text", "expected"), TYPED)
def test_class_noun_types_the_name(tag_entities, text, expected):
    got = typed(tag_entities(text))
    assert expected <= got, got


# (text, mentions that must not be found, mentions that must stay)
NOT_MENTIONS = [
    # a facility, a work or an event defined as such: nothing inside it is a mention
    ("宮ノ森駅は、北海道札幌市にある駅。", {"宮ノ森"}, {("PLACE", "北海道札幌市")}),
    ("新潟市立白浜中学校は、新潟県新潟市にある市立中学校。", {"新潟市"}, set()),
    ("「ロンドンの霧」は、日本の作家による長編小説である。", {"ロンドン"}, set()),
    ("小説「ウィーンの灯」が映画化された。", {"ウィーン"}, set()),
    ("「リスボンの夜」という小説を発表した。", {"リスボン"}, set()),
    ("日本は、2大会連続の出場となる大会。", set(), {("PLACE", "日本")}),
    # a name ending in a facility or event word as a token of its own names that thing
    ("決勝はドラガン・ヴェリア・サーキットで行われた。", {"ドラガン・ヴェリア・サーキット", "ドラガン・ヴェリア"}, set()),
    ("翌年、吉岡城は落城した。", {"吉岡"}, {("PLACE", "吉岡城")}),  # the castle is a facility PLACE
    ("部隊はマクファーレン飛行場に移動した。", {"マクファーレン"}, set()),
    # common words after a class noun are not names
    ("バンドのメンバーが来日した。", {"メンバー"}, set()),
    ("歌手、タレント、女優として活動した。", {"タレント", "女優"}, set()),
    ("彼女は都内の芸能事務所に所属し、アイドルグループで活動した。", {"芸能事務所", "アイドルグループ"}, set()),
    # a legal form is part of the name, not a class noun before it
    ("株式会社カネミツは新工場を建てた。", {"カネミツ"}, {("ORG", "株式会社カネミツ")}),
    # places and countries in a list stay places
    ("日本や米国などの企業が参加した。", set(), {("PLACE", "日本"), ("PLACE", "米国")}),
]


@pytest.mark.parametrize(("text", "absent", "present"), NOT_MENTIONS)
def test_class_noun_not_a_mention(tag_entities, text, absent, present):
    got = typed(tag_entities(text))
    assert not {m for _t, m in got} & absent, got
    assert present <= got, got


def test_class_noun_provenance(tag_entities):
    doc = tag_entities("ロックバンドのザルヴォネスは、ミレーナ・コヴァチとの共演を発表した。ミレーナ・コヴァチは、クロアチアの歌手。")
    rules = {m.text: m.rule for e in doc._.newstag_entities for m in e.mentions}
    assert rules["ザルヴォネス"] == "org:class-noun"
    assert rules["ミレーナ・コヴァチ"].split(">")[0] in ("person:class-noun", "sudachi:人名")


def test_class_nouns_data_validates():
    data = lexicon.class_nouns()
    assert "ロックバンド" in data.org and "政治家" in data.person and "駅" in data.not_entity
    words = [*data.org, *data.person, *data.not_entity]
    assert len(words) == len(set(words)), "a class word has one type"
    with pytest.raises(ValueError):
        lexicon.ClassNouns.model_validate({"org": [], "person": [], "not_entity": [], "names": []})
