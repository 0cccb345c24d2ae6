"""HTML pages: the article from trafilatura, kept whole; title and date from the page's metadata.

The pages are invented, in the markup shapes of Japanese news sites: a portal page with its source
credit and a ranking, a paywalled article with a photo credit and a notice, a fully paywalled
page, a column whose ``<title>`` carries the site name, an article dated only by JSON-LD.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newstag.segment import extract_html, read_page

NAV = "".join(f"<li><a href='/{i}'>{w}</a></li>" for i, w in enumerate(
    ["ホーム", "速報", "国内", "国際", "経済", "エンタメ", "スポーツ", "IT", "科学", "地域"]))


def page(*, title: str, body: str, head: str = "", before: str = "", after: str = "") -> str:
    """A whole news page: menus, the article, related lists and a footer around it."""
    return (
        "<!DOCTYPE html><html lang='ja'><head><meta charset='utf-8'>"
        f"<title>{title}</title>{head}</head><body>"
        f"<header><nav><ul>{NAV}</ul></nav></header>"
        f"<main><article>{before}<div class='article-body'>{body}</div></article>{after}</main>"
        "<aside><h2>アクセスランキング</h2><ol>"
        "<li><a href='/r1'>県知事選に元副知事の大西氏が出馬表明 与党が推薦へ</a></li>"
        "<li><a href='/r2'>人気俳優の佐伯亮さんが結婚を発表</a></li></ol></aside>"
        "<footer><p>Copyright © 2024 Example Media. 無断転載を禁じます。</p></footer>"
        "</body></html>"
    )


def p(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def meta(prop: str, content: str) -> str:
    return f"<meta property='{prop}' content='{content}'>"


# the article paragraphs of each page (what trafilatura returns, and newstag must keep)
PORTAL_TEXT = [
    "「もう店を畳もうと思っていた」",
    "岡山県北部の小さな町で60年続くパン店が、常連客の投稿をきっかけに連日行列のできる店になった。店主の森川和夫さんは驚きを隠さない。",
    "店は森川さんの父が1964年に開いた。原材料費の高騰で赤字が続き、森川さんは今年3月に閉店を決めていた。",
    "転機は4月の投稿だった。常連の大学生が店の写真と共に「なくなってほしくない」と書き込むと、投稿は数日で10万回以上共有された。",
    "現在は開店前から客が並び、看板商品は昼前に売り切れる日が続く。森川さんは閉店を撤回し、後継者を探すという。",
]
PAYWALLED_TEXT = [
    "横浜市に住む会社員の川村由紀さんは、昨年の秋に乳がんの手術を受けた。退院後、10歳の長女千夏さんが「料理を教えてほしい」と言い出した。",
    "川村さんは毎週末、娘と一緒に台所に立つことにした。最初に教えたのは、だし巻き卵だった。",
    "「焦げても大丈夫。何度でも作ればいいんだよ」",
    "川村さんがそう声をかけると、千夏さんは…",
]
OPINION_TEXT = [
    "「路線が消えれば、町も消える」",
    "地方のバス会社の経営者から何度も聞いてきた言葉だ。人口が減る地域で、公共交通は暮らしの土台になっている。",
    "ある県では昨年度、バス路線の2割が廃止された。住民からは通院や買い物に困るという声が上がっている。",
    "県の担当者は「事業者への補助には限りがある」と説明するが、代わりの移動手段は示されていない。",
]

PORTAL = page(
    title="「毎朝400個しか焼けない」…閉店寸前のパン店、常連の一言で行列店に（瀬戸内テレビ） - 地域ニュース - Example!ニュース",
    head=meta("og:title", "「毎朝400個しか焼けない」…閉店寸前のパン店、常連の一言で行列店に（瀬戸内テレビ）")
    + meta("og:site_name", "Example!ニュース") + meta("article:published_time", "2024-05-14T09:05:00+09:00"),
    before="<h1>「毎朝400個しか焼けない」…閉店寸前のパン店、常連の一言で行列店に</h1>"
    "<p class='date'>5/14(火) 9:05配信</p>",
    body=p(*PORTAL_TEXT[:3]) + "<h2>投稿で客足が一変</h2>" + p(*PORTAL_TEXT[3:]),
    after="<section><h2>【関連記事】</h2><ul><li><a href='/a'>「この味を残したい」廃業寸前の豆腐店を救った一通の手紙</a></li></ul></section>",
)

PAYWALLED = page(
    title="「お母さんの味を覚えたい」 10歳の娘が台所に立った日：朝日ヶ丘新報デジタル",
    head=meta("og:title", "「お母さんの味を覚えたい」 10歳の娘が台所に立った日：朝日ヶ丘新報デジタル")
    + meta("og:site_name", "朝日ヶ丘新報デジタル") + meta("article:published_time", "2024-05-08T11:00:00+09:00"),
    before="<h1>第3回 「お母さんの味を覚えたい」 10歳の娘が台所に立った日</h1>"
    "<p class='byline'>生活部・高田真理 <time>2024年5月8日 11時00分</time></p>"
    "<figure><img src='/p.jpg'><figcaption>台所で母親の手元を見つめる千夏さん=2024年4月20日、横浜市港北区、高田真理撮影</figcaption></figure>",
    body=p(*PAYWALLED_TEXT)
    + "<div class='paywall'><p>この記事は有料会員記事です。残り1204文字有料会員になると続きをお読みいただけます。</p>"
    "<p>今すぐ登録（1カ月間無料）ログインする</p></div>",
    after="<section><h2>関連ニュース</h2><ul><li><a href='/n'>港湾の再開発、市長が見直し表明 住民説明会で</a></li></ul></section>",
)

LD = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                 "headline": "「成長」を語るなら、地方の交通を守る政策から",
                 "datePublished": "2024-05-08T05:00:00+09:00",
                 "publisher": {"@type": "Organization", "name": "東都日報"}}, ensure_ascii=False)
OPINION = page(
    title="「成長」を語るなら、地方の交通を守る政策から | 論壇 | 東都日報",
    head=f"<script type='application/ld+json'>{LD}</script>",
    before="<h1>「成長」を語るなら、地方の交通を守る政策から</h1><p class='author'>三好和也・東都大学大学院教授</p>",
    body=p(*OPINION_TEXT[:2]) + "<h2>赤字路線の廃止が相次ぐ</h2>" + p(*OPINION_TEXT[2:])
    + "<div class='paywall'><p>この記事は有料記事です。</p><p>残り1820文字（全文2650文字）</p>"
    "<p><a href='/login'>ログインして続きを読む</a></p></div>",
)

FULLY_PAYWALLED = page(
    title="［焦点］港湾ストが長期化、物流混乱が周辺国に波及…労組と政府の溝深く : 国際 : ニュース : 北星新聞オンライン",
    head=meta("og:title", "［焦点］港湾ストが長期化、物流混乱が周辺国に波及…労組と政府の溝深く")
    + meta("og:site_name", "北星新聞オンライン") + meta("article:published_time", "2024-05-08T06:30:00+09:00"),
    before="<h1>［焦点］港湾ストが長期化、物流混乱が周辺国に波及…労組と政府の溝深く</h1><time>2024/05/08 06:30</time>",
    body="<p>[読者会員限定]</p><p>読者会員限定です</p><p><a href='/login'>ログインして閲覧</a></p>"
    "<p>本紙の購読者は、読者会員登録をしていただくと閲覧できます。（登録・利用料無料）</p>",
    after="<section><h2>あわせて読みたい</h2><ul><li><a href='/x'>大統領選の候補者討論会、移民政策で応酬 野党のハーパー氏が攻勢</a></li></ul></section>",
)

# (page, title, first words of the body, last words of the body, words outside the tagged text, date)
CASES = [
    pytest.param(PORTAL, "「毎朝400個しか焼けない」…閉店寸前のパン店、常連の一言で行列店に",
                 "「もう店を畳もうと思っていた」", "後継者を探すという。",
                 ["大西氏", "佐伯亮", "豆腐店", "Example Media", "9:05配信"], "2024-05-14", id="portal"),
    pytest.param(PAYWALLED, "「お母さんの味を覚えたい」 10歳の娘が台所に立った日",
                 "横浜市に住む会社員の川村由紀さん", "千夏さんは…",
                 ["高田真理撮影", "有料会員記事です", "港湾の再開発", "ログインする"], "2024-05-08", id="paywalled"),
    pytest.param(OPINION, "「成長」を語るなら、地方の交通を守る政策から",
                 "「路線が消えれば、町も消える」", "示されていない。",
                 ["有料記事", "残り1820文字", "東都日報", "三好和也・東都大学"], "2024-05-08", id="opinion-json-ld"),
]


@pytest.mark.parametrize("html, title, first, last, outside, published", CASES)
def test_html_article(html, title, first, last, outside, published):
    pg = read_page(html)
    lay = pg.layout
    assert pg.source == "html"
    assert lay.title is not None and pg.text[lay.title[0]:lay.title[1]] == title
    body = pg.text[lay.body[0]:lay.body[1]]
    assert body.startswith(first), body[:40]
    assert body.endswith(last), body[-40:]
    tagged = "\n".join(pg.text[s:e] for s, e in lay.regions())
    for junk in outside:
        assert junk not in tagged, junk
    assert pg.published == dt.date.fromisoformat(published)


@pytest.mark.parametrize("html, paragraphs", [(PORTAL, PORTAL_TEXT), (PAYWALLED, PAYWALLED_TEXT),
                                              (OPINION, OPINION_TEXT)])
def test_html_keeps_every_paragraph_trafilatura_returns(html, paragraphs):
    """Every article paragraph in trafilatura's text is in newstag's body, whole and in order.

    (On these short pages trafilatura may give the whole ``<article>`` on one line, headline,
    byline, caption and paywall notice included: newstag keeps all the paragraphs of it.)
    """
    import trafilatura

    extracted = " ".join((trafilatura.extract(html) or "").split())
    pg = read_page(html)
    body = pg.text[pg.layout.body[0]:pg.layout.body[1]]
    at = 0
    for para in paragraphs:
        assert para in extracted, para  # trafilatura has it ...
        found = body.find(para, at)
        assert found >= 0, para  # ... and so has newstag's body
        at = found + len(para)
    assert [pg.text[s:e] for s, e in pg.layout.paragraphs if pg.text[s:e] in paragraphs] == paragraphs


# (trafilatura's flattened text, the page's blocks, the lines newstag reads)
FLATTENED = [
    ("見出し 記者・山田一郎 本文の一文目。二文目。 この記事は有料記事です。",
     ["見出し", "記者・山田一郎", "本文の一文目。二文目。", "この記事は有料記事です。"],
     ["見出し", "記者・山田一郎", "本文の一文目。二文目。", "この記事は有料記事です。"]),
    # spaces inside a block stay; a block word inside a sentence is not a cut (it does not end at a space)
    ("第2回 「母の味」 を探して 1 2 本文は一文だけ。",
     ["第2回 「母の味」 を探して", "1", "2", "本文は一文だけ。", "「母の味」"],
     ["第2回 「母の味」 を探して", "1", "2", "本文は一文だけ。"]),
    # lines that are blocks already are left alone
    ("本文の一段落目。\n本文の 二段落目。", ["本文の一段落目。", "本文の 二段落目。", "二段落目。"],
     ["本文の一段落目。", "本文の 二段落目。"]),
]


@pytest.mark.parametrize("flat, blocks, expected", FLATTENED)
def test_unflatten_restores_page_lines(flat, blocks, expected):
    from newstag.segment.html import unflatten

    out = unflatten(flat, blocks)
    assert len(out) == len(flat)
    assert out.split("\n") == expected


def test_sub_headings_inside_trafilatura_body_are_kept():
    pg = read_page(PORTAL)
    body = pg.text[pg.layout.body[0]:pg.layout.body[1]]
    assert "投稿で客足が一変" in body
    pg = read_page(OPINION)
    assert "赤字路線の廃止が相次ぐ" in pg.text[pg.layout.body[0]:pg.layout.body[1]]


def test_fully_paywalled_html_is_its_headline():
    pg = read_page(FULLY_PAYWALLED)
    lay = pg.layout
    assert lay.title is not None
    assert pg.text[lay.title[0]:lay.title[1]] == "［焦点］港湾ストが長期化、物流混乱が周辺国に波及…労組と政府の溝深く"
    assert lay.body[0] == lay.body[1] and lay.paragraphs == []
    tagged = "\n".join(pg.text[s:e] for s, e in lay.regions())
    assert "ハーパー" not in tagged and "会員" not in tagged


# (<title>, site names the page declares, the title without them)
SITE_TITLES = [
    ("港湾ストが長期化、物流混乱が波及：北星新聞デジタル", ("北星新聞デジタル",), "港湾ストが長期化、物流混乱が波及"),
    ("港湾ストが長期化、物流混乱が波及 - 東都ニュース", ("東都ニュース",), "港湾ストが長期化、物流混乱が波及"),
    ("港湾ストが長期化 | 国際 | 東都日報", ("東都日報",), "港湾ストが長期化 | 国際"),
    ("首相「責任を果たす」 続投に意欲", ("東都日報",), "首相「責任を果たす」 続投に意欲"),
]


@pytest.mark.parametrize("title, sites, expected", SITE_TITLES)
def test_site_name_dropped_from_title(title, sites, expected):
    from newstag.segment.html import strip_site_name

    assert strip_site_name(title, sites) == expected


def test_title_prefers_the_shorter_agreeing_heading():
    """``<title>`` with a section and the site; ``<h1>`` without: the heading is the headline."""
    pg = extract_html(OPINION)
    assert pg.title is not None and pg.text[pg.title[0]:pg.title[1]] == "「成長」を語るなら、地方の交通を守る政策から"


def test_no_article_in_html_goes_through_the_text_path():
    html = ("<html><body><div><span>メニュー</span><span>ログイン</span></div>"
            "<div>東都市は8日、市内の全小学校に太陽光パネルを設置すると発表した。</div></body></html>")
    pg = read_page(html)
    assert pg.source in ("html", "html-text")
    body = pg.text[pg.layout.body[0]:pg.layout.body[1]]
    assert "太陽光パネル" in body


# (og:title, headings on the page, the headline newstag takes)
HEADINGS = [
    # a series label before the heading's text, a byline after the meta title's: the shorter agreeing form
    ("【北川淳の欧州通信】港町の食堂に残る「ベントー」という言葉",
     ("【北川淳の欧州通信】港町の食堂に残る「ベントー」という言葉", "港町の食堂に残る「ベントー」という言葉"),
     "港町の食堂に残る「ベントー」という言葉"),
    ("港湾ストが長期化 政府は調停へ | | 三好和也", ("港湾ストが長期化 政府は調停へ",), "港湾ストが長期化 政府は調停へ"),
    # a heading that only occurs inside the headline (a related headline, a section) does not agree
    ("速報 与野党が補正予算案で合意 来週にも成立", ("与野党が補正予算案で合意",), "速報 与野党が補正予算案で合意 来週にも成立"),
    ("与野党が補正予算案で合意", ("ニュース", "ランキング"), "与野党が補正予算案で合意"),
]


@pytest.mark.parametrize("og, headings, expected", HEADINGS)
def test_headline_from_meta_and_headings(og, headings, expected):
    from newstag.segment.html import _Meta, headline

    assert headline(_Meta(og_title=og, headings=headings), None, ("東都日報",)) == expected
