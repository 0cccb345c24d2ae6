"""IPADIC's proper-noun dictionary as a gazetteer of organisations (rule ``ipadic:組織``).

Texts written for these tests; the companies are well-known real ones, named bare (no 社, no 株式会社).
"""

from __future__ import annotations

import multiprocessing

import pytest

from newstag.entities.ipadic_lexicon import lookup

from .test_entities import ENTITY_PIPES

LOOKUPS = [
    ("任天堂", "ORG"),
    ("ソニー", "ORG"),
    ("自民党", "ORG"),
    ("NHK", "ORG"),  # IPADIC spells it ＮＨＫ: half-width letters are looked up full-width
    ("ＮＨＫ", "ORG"),
    ("東京", "PLACE"),
    ("田中", "PERSON"),
    ("ホゲホゲ", None),  # unknown katakana: IPADIC's unknown-word rule calls it 組織, which is no evidence
    ("Zyxwvut", None),  # unknown Latin word, likewise
    ("日本放送協会", None),  # three words, not one
    ("社員", None),  # a common noun
    ("", None),
    (" ", None),
]


@pytest.mark.parametrize("surface,expected", LOOKUPS)
def test_lookup(surface, expected):
    assert lookup(surface) == expected


def _lookup_in_child(words):
    return [lookup(w) for w in words]


def test_lookup_in_forked_process():
    lookup("ソニー")  # the parent has a tagger before the fork
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(1) as pool:
        assert pool.apply(_lookup_in_child, (["任天堂", "ホゲホゲ", "東京"],)) == ["ORG", None, "PLACE"]


@pytest.fixture(scope="module")
def mentions(tagger):
    nlp = tagger.nlp
    component = nlp.get_pipe("newstag_entities")
    disabled = [n for n in ENTITY_PIPES if n in nlp.pipe_names]

    def run(text: str) -> set[tuple[str, str, str]]:
        doc = component(nlp(text, disable=disabled))
        return {(m.text, e.type, m.rule) for e in doc._.newstag_entities for m in e.mentions}

    return run


# (text, (mention, type) pairs that must be present)
BARE_COMPANIES = [
    ("マツダは来年から新型車の生産を始めると発表した。", {("マツダ", "ORG")}),
    ("江崎グリコが秋に新しい菓子を発売した。", {("江崎グリコ", "ORG")}),
    ("当時ヤマハは楽器の輸出を拡大していた。", {("ヤマハ", "ORG")}),
    ("同社の部品はトヨタや日産にも納入されている。", {("トヨタ", "ORG"), ("日産", "ORG")}),
    ("作品にはホンダ・NSXや日産・スカイラインなどの車種が登場する。", {("ホンダ", "ORG"), ("日産", "ORG")}),
    ("ヤンマーが農業機械の輸出を増やした。", {("ヤンマー", "ORG")}),
    ("ソフトバンクが携帯電話事業への参入を表明した。", {("ソフトバンク", "ORG")}),
    ("前夜の試合は日本ハムが3対1で勝利した。", {("日本ハム", "ORG")}),
    ("ネスレの日本法人が値上げを発表した。", {("ネスレ", "ORG"), ("日本", "PLACE")}),
]


@pytest.mark.parametrize("text,expected", BARE_COMPANIES)
def test_bare_company_names(mentions, text, expected):
    found = mentions(text)
    assert expected <= {(t, typ) for t, typ, _ in found}, found


# (text, word that IPADIC lists as 組織 but that is not a bare organisation name here)
NOT_ORGS = [
    ("社会の変化に対応する必要がある。", "社会"),  # IPADIC also lists it as 組織
    ("彼は毎日練習を続けている。", "毎日"),  # likewise
    ("金子一郎氏が講演した。", "金子"),  # a surname
    ("同社はボーイング787の導入を決めた。", "ボーイング"),  # a product
    ("ユナイテッド航空の便が欠航した。", "ユナイテッド"),  # the start of a longer name
]


@pytest.mark.parametrize("text,word", NOT_ORGS)
def test_not_bare_company(mentions, text, word):
    found = mentions(text)
    assert not [m for m in found if m[0] == word and m[1:] == ("ORG", "ipadic:組織")], found
