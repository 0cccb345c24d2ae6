"""Organisation recall on web documents (issue 18, KWDLC's shop and company pages): a shop or a
business named in brackets after a word for its kind (専門店「〇〇」), or right after one
(英語塾〇〇, 料理店、〇〇); an organisation named in full, then bare (株式会社〇〇 … 〇〇は).

Texts and names invented for these tests.
"""

from __future__ import annotations

import pytest

from .test_entities import ents, tag_entities  # noqa: F401  (the fixture)


def _mentions(doc, type_: str) -> list[str]:
    return sorted(m.text for e in ents(doc) if e.type == type_ for m in e.mentions)


BRACKETED = [
    # (text, the business named in brackets after its kind)
    ("駅前にある輸入雑貨の専門店「ミモザノート」の新商品をご紹介します。", "ミモザノート"),
    ("海辺の旅館「しおかぜ亭」では地元の魚料理をお出ししています。", "しおかぜ亭"),
    ("商店街の奥にある歯科医院「あおば歯科」です。", "あおば歯科"),
    ("創業百年の和菓子の老舗、御菓子司「つきみ堂」の季節の便りです。", "つきみ堂"),
    ("ネイルサロン『リラ・ポーチ』では新しいデザインをご用意しました。", "リラ・ポーチ"),
    ("通販サイトに出店していたオンラインショップ「ゆきやま農園便」が閉店しました。", "ゆきやま農園便"),
]


NOT_BUSINESSES = [
    # (text, a bracketed name after a word that ends like a kind of business but is none)
    ("寿司を守るカバー「フレッシュくん」を全店に導入した。", "フレッシュくん"),
    ("市民ホール「ひばりホール」で演奏会が開かれた。", "ひばりホール"),
]


@pytest.mark.parametrize("text, name", NOT_BUSINESSES)
def test_a_bracketed_name_after_another_word_is_no_org(tag_entities, text, name):  # noqa: F811
    assert name not in _mentions(tag_entities(text), "ORG")


PROPAGATED = [
    # (text, the bare name of an organisation the text names in full before)
    ("株式会社モリノハコは家具の設計を手がけています。ご相談はモリノハコまでお寄せください。", "モリノハコ"),
    ("有限会社タカミネ工芸は創業三十年を迎えました。タカミネ工芸の職人が一つずつ仕上げます。", "タカミネ工芸"),
]


@pytest.mark.parametrize("text, name", PROPAGATED)
def test_a_bare_mention_of_an_org_named_in_full_is_an_org(tag_entities, text, name):  # noqa: F811
    doc = tag_entities(text)
    orgs = [m.text for e in ents(doc) if e.type == "ORG" for m in e.mentions]
    assert orgs.count(name) == 1 and any(m != name and m.endswith(name) for m in orgs)


NOT_PROPAGATED = [
    # (text, an occurrence that is part of a compound or of another name: never a mention of its own)
    ("株式会社モリノハコの新作です。モリノハコ本社のショールームで展示しています。", "モリノハコ本社"),
    ("株式会社モリノハコの新作です。スタジオモリノハコとは別の会社です。", "スタジオモリノハコ"),
]


@pytest.mark.parametrize("text, longer", NOT_PROPAGATED)
def test_an_org_name_inside_a_compound_is_not_propagated(tag_entities, text, longer):  # noqa: F811
    doc = tag_entities(text)
    start = text.index(longer)
    assert not any(m.start == start and m.end < start + len(longer) and e.type == "ORG"
                   for e in ents(doc) for m in e.mentions if m.rule == "org:propagated")


CLASSED = [
    # (text, the business named right after (or in apposition to) a word for its kind)
    ("駅前の学習塾ハルモニアは少人数制の授業が評判です。", "ハルモニア"),
    ("港の近くにあるタイ料理店、バーンチャオです。", "バーンチャオ"),
    ("北欧食器の専門店、ルミナリエッタは新作を入荷しました。", "ルミナリエッタ"),
    ("温泉旅館ミナトヤマソウの露天風呂から海が見えます。", "ミナトヤマソウ"),
]


ENTRUSTED = [
    # (text, the business a page asks its readers to entrust a job to, or whose shop list it gives)
    ("外壁の塗り替えはホシノリフォームにお任せください。", "ホシノリフォーム"),
    ("お部屋探しならクローバーハウジングへおまかせ下さい。", "クローバーハウジング"),
    ("カメラのミツバシの店舗情報をご覧いただけます。", "ミツバシ"),
]


PAGE_FRAMES = [
    # (text, the body whose web page, newsletter or service a text points to, or that a pupil enters)
    ("詳しくはサクラギ運輸のホームページをご覧ください。", "サクラギ運輸"),
    ("新しい時刻表はみなと交通の公式サイトで公開されています。", "みなと交通"),
    ("登録はアオバ書房のメールマガジンから受け付けています。", "アオバ書房"),
    ("面倒な手続きはミドリ行政書士事務所が代行いたします。", "ミドリ行政書士事務所"),
    ("息子はこの春から松本秀峰に入学しました。", "松本秀峰"),
]


@pytest.mark.parametrize("text, name", BRACKETED + CLASSED + ENTRUSTED + PAGE_FRAMES)
def test_a_business_in_a_business_frame_is_an_org(tag_entities, text, name):  # noqa: F811
    """Named in brackets after its kind, right after its kind, or in a page's business frame."""
    assert name in _mentions(tag_entities(text), "ORG")


def test_a_person_entrusted_with_a_job_stays_a_person(tag_entities):  # noqa: F811
    doc = tag_entities("会計の仕事は経理担当の山本さんにお任せください。")
    assert "山本" in _mentions(doc, "PERSON") and "山本" not in _mentions(doc, "ORG")


def test_a_persons_home_page_keeps_the_person(tag_entities):  # noqa: F811
    doc = tag_entities("作家の村井洋子さんのホームページに新作の案内が載った。")
    assert "村井洋子" in _mentions(doc, "PERSON") and not any("村井" in m for m in _mentions(doc, "ORG"))
