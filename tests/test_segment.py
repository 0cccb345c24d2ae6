"""Article-body segmentation on pages written to model real sites."""

from __future__ import annotations

import pytest

from newstag.segment import extract_html, looks_like_html, segment_text

from .conftest import EXAMPLES, assert_offsets

# (page, title, first body words, last body words, words that must be outside the body)
PAGES = [
    (
        "トップ ニュース 天気 スポーツ 経済\n\n"
        "大阪府知事、万博跡地の再開発計画を発表\n\n"
        "2025年5月20日 10:00 共同\n\n"
        "大阪府の吉田一郎知事は20日、大阪市此花区の夢洲で開かれた万博の跡地について、"
        "国際会議場と商業施設を中心とする再開発計画を発表した。\n\n"
        "吉田知事は記者会見で「世界から人が集まる拠点にしたい」と述べた。事業費は約2000億円を見込む。\n\n"
        "この記事を共有する\n\n"
        "関連ニュース\n"
        "・万博の来場者数、最終的に2500万人超\n"
        "・夢洲へのアクセス鉄道、延伸を検討\n\n"
        "人気記事ランキング\n1\n猛暑日が続く見通し 熱中症に警戒を\n2\n新型スマホの予約開始\n",
        "大阪府知事、万博跡地の再開発計画を発表",
        "大阪府の吉田一郎知事は20日",
        "約2000億円を見込む。",
        ["関連ニュース", "猛暑日", "新型スマホ", "この記事を共有する", "トップ ニュース"],
    ),
    (
        "本文へ移動 メニュー 検索 ログイン\n"
        "速報 国際\n"
        "国連安保理、停戦決議案を採択 米は棄権\n"
        "ニューヨーク=田中太郎\n"
        "国連安全保障理事会は25日、中東での即時停戦を求める決議案を賛成多数で採択した。米国は棄権した。\n"
        "採決に先立ち、議長国の代表は「人道状況は限界に達している」と訴えた。\n"
        "決議は人質の解放と人道支援の拡大も求めている。ただ、実効性を疑問視する声もある。\n"
        "コメント 32件\n"
        "いいね! 120\n"
        "あわせて読みたい\n"
        "- 原油価格が急騰、中東情勢の緊迫で\n"
        "- 円相場、1ドル=150円台に\n"
        "© 2025 Example Shimbun\n",
        "国連安保理、停戦決議案を採択 米は棄権",
        "国連安全保障理事会は25日",
        "実効性を疑問視する声もある。",
        ["コメント 32件", "原油価格", "Example Shimbun", "あわせて読みたい"],
    ),
]


@pytest.mark.parametrize("page, title, first, last, outside", PAGES)
def test_segment_pages(page, title, first, last, outside):
    lay = segment_text(page)
    assert lay.title is not None and page[lay.title[0]:lay.title[1]] == title
    body = page[lay.body[0]:lay.body[1]]
    assert body.startswith(first) and body.endswith(last)
    for junk in outside:
        assert junk not in body
    # paragraphs lie inside the body and in order
    assert all(lay.body[0] <= s < e <= lay.body[1] for s, e in lay.paragraphs)
    assert lay.paragraphs == sorted(lay.paragraphs)


def test_short_title_above_dateline_and_share_bar():
    page = (
        "ホーム 国際 政治 経済\n首相、来月訪米へ 大統領と初会談\n2025年3月5日 14:32\nシェア ポスト\n"
        "石破首相は来月上旬に訪米し、大統領と初めて会談する方向で調整に入った。政府関係者が明らかにした。\n"
        "会談では関税問題が主な議題となる見通しだ。\n関連記事\n・円安進む\n"
    )
    lay = segment_text(page)
    assert page[lay.title[0]:lay.title[1]] == "首相、来月訪米へ 大統領と初会談"
    assert lay.byline is None  # a bare dateline is not a byline
    assert page[lay.body[0]:lay.body[1]].endswith("見通しだ。")


def test_byline_between_title_and_body():
    page = PAGES[1][0]
    lay = segment_text(page)
    assert lay.byline is not None and page[lay.byline[0]:lay.byline[1]] == "ニューヨーク=田中太郎"


def test_subheading_between_paragraphs_is_kept():
    page = (
        "政府、来年度予算案を閣議決定 過去最大に\n\n"
        "政府は27日の臨時閣議で、一般会計の総額が115兆円となる来年度予算案を決定した。過去最大を更新した。\n\n"
        "防衛費は9兆円台に\n\n"
        "防衛関係費は前年度から約1兆円増え、初めて9兆円を超えた。財務省は財源の確保を急ぐ方針だ。\n"
    )
    lay = segment_text(page)
    body = page[lay.body[0]:lay.body[1]]
    assert "防衛費は9兆円台に" in body
    assert len(lay.paragraphs) == 3


def test_clean_article_comes_through_whole():
    text = (EXAMPLES / "clean_article.txt").read_text(encoding="utf-8")
    lay = segment_text(text)
    assert text[lay.title[0]:lay.title[1]] == text.splitlines()[0]
    assert text[lay.body[0]:lay.body[1]] == text.split("\n", 2)[2].strip()


@pytest.mark.parametrize("text", ["", "\n\n", "単語", "「", "<<<>>>", "a\u0000b\n\n\ud800"])
def test_segment_odd_inputs(text):
    lay = segment_text(text)
    assert 0 <= lay.body[0] <= lay.body[1] <= len(text)


def test_scraped_example_through_tagger(tagger):
    page = (EXAMPLES / "scraped_page.txt").read_text(encoding="utf-8")
    a = tagger(page, published="2025-03-05")
    assert a.title.startswith("日米首脳が電話会談")
    assert a.body.text.startswith("石破茂首相は4日夜")
    assert a.body.text.endswith("協議を行った。")
    assert "ランキング" not in a.body.text and "利用規約" not in a.body.text
    assert a.byline is not None and "山田花子" in a.byline.text
    assert_offsets(a)


def test_html_detection_and_extraction(tagger):
    html = (EXAMPLES / "article.html").read_text(encoding="utf-8")
    assert looks_like_html(html)
    assert not looks_like_html("首相は「<重要>」と述べた。")
    page = extract_html(html)
    assert page.published is not None and page.published.isoformat() == "2025-04-16"
    a = tagger(html)
    assert a.title == "経団連会長が訪中、経済交流の拡大を要請"
    assert a.published.isoformat() == "2025-04-16"
    assert "十倉雅和会長は15日" in a.body.text
    assert "ランキング" not in a.text[a.body.start:a.body.end]
    assert "<p>" not in a.text
    assert_offsets(a)


def test_explicit_published_beats_page_date(tagger):
    html = (EXAMPLES / "article.html").read_text(encoding="utf-8")
    assert tagger(html, published="2025-04-20").published.isoformat() == "2025-04-20"


@pytest.mark.parametrize("html", [
    "<html><body><p>途中で切れた<div><p>文書",
    "<div><p>閉じない段落<span>さらに",
    "<html><head><title>題名だけ</title></head></html>",
])
def test_broken_html_never_crashes(tagger, html):
    a = tagger(html)
    assert_offsets(a)
