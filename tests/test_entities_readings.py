"""News forms around a name (``newstag.entities.rules.readings`` and the merging in
``newstag.entities.merge``): a reading in brackets, a job word before ・, a time zone, a surname
alone or a katakana reading of a full name later in the article.

Texts written for these tests; the people are invented.
"""

from __future__ import annotations

import pytest

from .test_entities import ents, tag_entities  # noqa: F401  (the fixture)


def _mentions(doc) -> list[tuple[str, str]]:
    return sorted((e.type, m.text) for e in ents(doc) for m in e.mentions)


def _entity_of(doc, text: str):
    found = [e for e in ents(doc) if any(m.text == text for m in e.mentions)]
    assert len(found) == 1, (text, [(e.type, e.name, [m.text for m in e.mentions]) for e in ents(doc)])
    return found[0]


# a reading in brackets is no part of the name (the name as written stays the mention)
READINGS = [
    # (text, the mention, its type)
    ("指揮者の柴崎征爾(せいじ)氏が会見した。", "柴崎征爾", "PERSON"),
    ("民主党の村井一(はじめ)氏が発言した。", "村井一", "PERSON"),
    ("前社長の矢代康治（こうじ）氏は辞任した。", "矢代康治", "PERSON"),
    ("基地を辺野古(へのこ)地区に移す案が出た。", "辺野古", "PLACE"),
    ("新工場は熊本県菊池市(きくちし)に建設される。", "熊本県菊池市", "PLACE"),  # (an address chain: one place)
]


@pytest.mark.parametrize("text, mention, typ", READINGS)
def test_a_reading_in_brackets_is_outside_the_name(tag_entities, text, mention, typ):  # noqa: F811
    found = _mentions(tag_entities(text))
    assert (typ, mention) in found
    assert not any("(" in m or "（" in m for _, m in found)


# a katakana reading in brackets after a name is a mention of the same person
KATAKANA_READINGS = [
    ("韓国の朴成賢(パク・ソンヒョン)前大統領が死去した。", "朴成賢", "パク・ソンヒョン"),
]


@pytest.mark.parametrize("text, name, reading", KATAKANA_READINGS)
def test_a_katakana_reading_joins_the_person(tag_entities, text, name, reading):  # noqa: F811
    doc = tag_entities(text)
    e = _entity_of(doc, name)
    assert e.type == "PERSON"
    assert reading in [m.text for m in e.mentions]


def test_a_reading_of_a_word_no_rule_names_is_no_person(tag_entities):  # noqa: F811
    doc = tag_entities("新技術「Quorix(クオリクス)」を搭載した製品を発表した。")
    assert not any(e.type == "PERSON" for e in ents(doc))


# a job word joined by ・ stays outside the person
JOB_WORDS = [
    ("元タレント・川島愛さんが死去した。", "川島愛"),
    ("歌手・森下みどりさんが結婚を発表した。", "森下みどり"),
    ("作家・江藤正樹氏の新作が出版された。", "江藤正樹"),
]


@pytest.mark.parametrize("text, name", JOB_WORDS)
def test_a_job_word_before_a_dot_is_outside_the_person(tag_entities, text, name):  # noqa: F811
    found = _mentions(tag_entities(text))
    assert ("PERSON", name) in found
    assert not any(t == "PERSON" and "・" in m for t, m in found)


# a time zone is no organisation
@pytest.mark.parametrize("text", [
    "5月23日6時40分頃(UTC+9)、前大統領が自宅で倒れた。",
    "会合は午前10時(GMT-5)に始まった。",
])
def test_a_time_zone_is_no_entity(tag_entities, text):  # noqa: F811
    assert not any(m.text.startswith(("UTC", "GMT")) for e in ents(tag_entities(text)) for m in e.mentions)


# one person, one entity: the surname alone or a katakana reading joins the full name
SAME_PERSON = [
    # (text, the full name, the later mention)
    ("社民党の北島みずほ党首は会見した。北島さんは「残念だ」と語った。", "北島みずほ", "北島"),
    ("元衆院議員の海老田万里氏が出席した。海老田氏は挨拶した。", "海老田万里", "海老田"),
    ("指揮者の小野征爾氏が来日した。公演はセイジ・オノの名で宣伝された。セイジ・オノ氏は喜んだ。", "小野征爾", "セイジ・オノ"),
]


@pytest.mark.parametrize("text, full, later", SAME_PERSON)
def test_later_mentions_join_the_full_name(tag_entities, text, full, later):  # noqa: F811
    doc = tag_entities(text)
    e = _entity_of(doc, full)
    assert e.type == "PERSON" and later in [m.text for m in e.mentions]


def test_a_place_and_the_place_with_its_suffix_are_one_entity(tag_entities):  # noqa: F811
    doc = tag_entities("事故は韓国の牙山市で起きた。牙山では住民が不安を訴えた。")
    e = _entity_of(doc, "牙山市")
    assert e.type == "PLACE" and "牙山" in [m.text for m in e.mentions]


@pytest.mark.parametrize("text, full, later", [
    ("俳優のサカモトジョー氏が結婚を発表した。サカモト氏は「幸せです」と語った。", "サカモトジョー", "サカモト"),
    ("司会のやまだたかし氏が番組を降板した。やまださんは「残念」と述べた。", "やまだたかし", "やまだ"),
])
def test_a_kana_name_written_in_full_takes_its_surname(tag_entities, text, full, later):  # noqa: F811
    e = _entity_of(tag_entities(text), full)
    assert e.type == "PERSON" and later in [m.text for m in e.mentions]


def test_a_known_name_before_a_title_is_the_person_where_a_place_has_the_name(tag_entities):  # noqa: F811
    doc = tag_entities("元代表の長崎健太選手が引退を撤回した。長崎選手は「もう一年やる」と語った。")
    e = _entity_of(doc, "長崎健太")
    assert e.type == "PERSON" and "長崎" in [m.text for m in e.mentions]
    assert not any(x.type == "PLACE" for x in ents(doc))


@pytest.mark.parametrize("text, word", [
    ("新しい政党「正義と自由の党」は声明を出した。", "正義"),  # (Sudachi reads 正義 as a given name)
    ("政党「正義と繁栄」が集会を開いた。", "正義"),
])
def test_a_name_opening_a_bracketed_group_name_is_no_person(tag_entities, text, word):  # noqa: F811
    assert not any(e.type == "PERSON" and m.text == word for e in ents(tag_entities(text)) for m in e.mentions)


@pytest.mark.parametrize("text, word", [
    ("経済誌に載った田中論文が波紋を広げた。", "田中"),  # (an essay named after its author)
    ("月刊誌の鈴木論文は反響を呼んだ。", "鈴木"),
])
def test_a_name_before_an_essay_or_an_issue_word_is_no_person(tag_entities, text, word):  # noqa: F811
    assert not any(e.type == "PERSON" and m.text.startswith(word) for e in ents(tag_entities(text)) for m in e.mentions)


def test_a_region_and_the_region_with_chiho_are_one_entity(tag_entities):  # noqa: F811
    doc = tag_entities("アンダルシア地方で山火事が続いている。政府はアンダルシアに消防隊を送った。")
    e = _entity_of(doc, "アンダルシア地方")
    assert e.type == "PLACE" and "アンダルシア" in [m.text for m in e.mentions]
