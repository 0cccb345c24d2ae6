"""The plain text of news pages as a browser copies them: the article among menus, rankings,
captions, credits and paywall notices.

Each page is invented (names, places, events) in the shape of a Japanese portal or newspaper
site: a portal's page with its source credit and pagination, a paywalled article whose free part
ends in ``…``, a fully paywalled page, a series column with an ornament between paragraphs, an
opinion piece with sub-headings, a business article among share buttons repeated at the foot.
"""

from __future__ import annotations

import pytest

from newstag.segment import read_page, segment_text

MENU = "ホーム\n速報\nライブ\nオリジナル\nランキング\n有料\n主要\n国内\n国際\n経済\nエンタメ\nスポーツ\nIT\n科学\nライフ\n地域\n"
# a site's own notice, printed with the share tools above and below every article
SERVICE = ("記事利用サービスについて\n企業での記事共有や会議資料への転載・複製、注文印刷などをご希望の方は、"
           "リンク先をご覧ください。\n詳しくはこちら\n")
SHARE = "記事を印刷する\nメールで送る\nリンクをコピーする\nnote\nTwitter\nFacebook\nはてなブックマーク\n"


def lines(*parts: str) -> str:
    """A copied page: one part a line, blank lines between (as browsers copy block elements)."""
    return "\n\n".join(parts) + "\n"


PORTAL = lines(
    MENU,
    "「毎朝400個しか焼けない」…閉店寸前のパン店、常連の一言で行列店に",
    "5/14(火) 9:05配信",
    "217",
    "（瀬戸内テレビ）",
    "「もう店を畳もうと思っていた」",
    "岡山県北部の小さな町で60年続くパン店が、常連客の投稿をきっかけに連日行列のできる店になった。店主の森川和夫さんは驚きを隠さない。",
    "【写真】看板商品の「塩バターロール」をもっと見る",
    "店は森川さんの父が1964年に開いた。原材料費の高騰で赤字が続き、森川さんは今年3月に閉店を決めていた。",
    "投稿で客足が一変",
    "転機は4月の投稿だった。常連の大学生が店の写真と共に「なくなってほしくない」と書き込むと、投稿は数日で10万回以上共有された。",
    "朝6時の開店前から",
    "店の前には",
    "列ができています",
    "現在は開店前から客が並び、看板商品は昼前に売り切れる日が続く。森川さんは閉店を撤回し、後継者を探すという。",
    "次ページは：「町の財産を守りたい」地元の高校生も手伝いに",
    "前へ", "1", "2", "次へ", "1/2ページ",
    "【関連記事】",
    "【動画】行列の先頭に並んだ客に聞いた",
    "「この味を残したい」廃業寸前の豆腐店を救った一通の手紙",
    "最終更新:5/14(火) 12:40",
    "瀬戸内テレビ",
    "アクセスランキング（国内）",
    "1", "県知事選に元副知事の大西氏が出馬表明 与党が推薦へ",
    "2", "高速道路で12台が絡む事故 3人が軽傷",
    "3", "人気俳優の佐伯亮さんが結婚を発表",
    "Copyright © 2024 Setouchi TV 無断転載を禁じます。",
)

PAYWALLED = lines(
    MENU,
    "記事",
    "連載",
    "暮らしと家族",
    "第3回 「お母さんの味を覚えたい」 10歳の娘が台所に立った日",
    "有料会員記事",
    "生活部・高田真理2024年5月8日 11時00分",
    "シェア", "ツイート", "ブックマーク", "メール", "印刷",
    "台所で母親の手元を見つめる千夏さん=2024年4月20日、横浜市港北区、高田真理撮影",
    "[PR]",
    "母のノート 第3話",
    "横浜市に住む会社員の川村由紀さんは、昨年の秋に乳がんの手術を受けた。",
    "退院後、10歳の長女千夏さんが「料理を教えてほしい」と言い出した。",
    "【第1話】突然の告知、まだ幼い娘にどう伝えるか",
    "【連載一覧】暮らしと家族",
    "川村さんは毎週末、娘と一緒に台所に立つことにした。最初に教えたのは、だし巻き卵だった。",
    "卵を巻く娘の手元を見ていると、涙が出そうになった=2024年4月27日、家族提供",
    "「焦げても大丈夫。何度でも作ればいいんだよ」",
    "川村さんがそう声をかけると、千夏さんは…",
    "この記事は有料会員記事です。残り1204文字有料会員になると続きをお読みいただけます。",
    "今すぐ登録（1カ月間無料）ログインする",
    "関連ニュース",
    "港湾の再開発、市長が見直し表明 住民説明会で",
    "11:00",
    "関連記事",
    "保育園の入園倍率、過去最高に 共働き世帯の増加で",
    "9:00",
    "朝日ヶ丘新報に掲載の記事・写真の無断転載を禁じます。",
)

FULLY_PAYWALLED = lines(
    MENU,
    "ニュース", "国際", "ホーム", "ニュース", "国際",
    "［焦点］港湾ストが長期化、物流混乱が周辺国に波及…労組と政府の溝深く",
    "2024/05/08 06:30",
    "[読者会員限定]",
    "読者会員限定です",
    "ログインして閲覧",
    "本紙の購読者は、",
    "読者会員登録をしていただくと閲覧できます。（登録・利用料無料）",
    "新規登録",
    "よくある質問はこちら",
    "あわせて読みたい",
    "中央銀行、政策金利を据え置き…物価の先行きに慎重姿勢",
    "北方の港町に「杉浦通り」誕生、記念式典に200人",
    "大統領選の候補者討論会、移民政策で応酬　野党のハーパー氏が攻勢",
    "無断転載・複製を禁じます",
)

SERIES = lines(
    MENU,
    "その他の記事",
    "©2024 Example Press. All rights reserved.",
    "谷口健の東アジア通信",
    "「ベントー」が映す食文化の交流",
    "2024/05/07 01:00谷口 健有料会員記事",
    "国際",
    "アジア",
    "谷口健の東アジア通信",
    "反応",
    "港町の食堂で「ベントー」と書かれた品書きを見かけた。かつての統治時代に伝わった言葉が、今も日常の中に残っている。",
    "□ □",
    "支局に勤めていた頃、地元の記者から「ベントーは日本語だと知らない若者も多い」と聞いたことがある。言葉は形を変えながら暮らしに根づいている。",
    "特集・連載：",
    "谷口健の東アジア通信",
    "反応",
    "ランキング",
    "1時間24時間1週間ソーシャル",
    "「ひとりで火をつけた」倉庫火災、逮捕の男が供述",
    "県の魅力度ランキング、最下位から脱出",
    "外相会談で海洋協力を確認 北川外相",
)

OPINION = lines(
    "モデレーター・記者",
    "連載一覧",
    "論壇とは",
    "「成長」を語るなら、地方の交通を守る政策から",
    "三好和也・東都大学大学院教授",
    "2024年5月8日",
    "文字",
    "印刷",
    "記者会見で質問に答える大川首相＝首相官邸で2024年5月1日、石井誠撮影",
    "「路線が消えれば、町も消える」",
    "地方のバス会社の経営者から何度も聞いてきた言葉だ。人口が減る地域で、公共交通は暮らしの土台になっている。",
    "赤字路線の廃止が相次ぐ",
    "ある県では昨年度、バス路線の2割が廃止された。住民からは通院や買い物に困るという声が上がっている。",
    "県の担当者は「事業者への補助には限りがある」と説明するが、代わりの移動手段は示されていない。",
    "住民の足はどこへ向かうのか？",
    "私たちが調査した町では、高齢者の半数が週に一度も外出できていなかった。交通の問題は、孤立の問題でもある。",
    "…",
    "この記事は有料記事です。",
    "残り1820文字（全文2650文字）",
    "いますぐ登録して続きを読む",
    "または",
    "ログインして続きを読む",
    "関連記事",
    "＜三好和也氏＞過疎地の医療を誰が支えるのか",
    "＜森田聡子氏＞少子化対策の「財源」を問う",
    "三好和也",
    "東都大学大学院教授",
    "1970年生まれ。専門は交通政策。著書に『地方の足』など。",
    "注目コンテンツ",
    "サイトポリシー",
    "利用規約",
)

BUSINESS = lines(
    MENU,
    "電子版を検索",
    "検索",
    "/",
    "物流大手2社が共同配送 運転手不足に対応",
    "物流",
    "2024年5月8日 11:23 (2024年5月8日 12:07更新)",
    SHARE,
    SERVICE,
    "物流大手の北星運輸と南海ロジは8日、関東と東北を結ぶ幹線輸送で共同配送を始めると発表した。トラック運転手の不足に対応する。",
    "共同配送に使う大型トラック",
    "両社は7月から、それぞれの拠点で荷物を積み替え、1台のトラックで運ぶ。積載率を高め、運転手の拘束時間を減らす。",
    "北星運輸の担当者は「1社だけでは人手を確保できない」と話す。2社は年内に対象路線を広げる方針だ。",
    "アプリで開く",
    "すべての記事が読み放題",
    "有料会員が初回１カ月無料",
    SHARE,
    SERVICE,
    "関連企業・業界",
    "北星運輸",
    "南海ロジ",
    "© Example Keizai Inc. All rights reserved.",
)

# (page, title, first words of the body, last words of the body, what must stay outside the body)
CASES = [
    pytest.param(PORTAL, "「毎朝400個しか焼けない」…閉店寸前のパン店、常連の一言で行列店に",
                 "「もう店を畳もうと思っていた」", "後継者を探すという。",
                 ["（瀬戸内テレビ）", "次ページは", "関連記事", "大西氏", "佐伯亮", "1/2ページ", "最終更新"], id="portal"),
    pytest.param(PAYWALLED, "第3回 「お母さんの味を覚えたい」 10歳の娘が台所に立った日",
                 "横浜市に住む会社員の川村由紀さん", "千夏さんは…",
                 ["高田真理撮影", "有料会員記事", "母のノート 第3話", "港湾の再開発", "保育園", "無断転載", "[PR]"],
                 id="paywalled-free-part"),
    pytest.param(SERIES, "「ベントー」が映す食文化の交流",
                 "港町の食堂で", "暮らしに根づいている。",
                 ["谷口 健有料会員記事", "特集・連載", "倉庫火災", "北川外相", "反応"], id="series-ornament"),
    pytest.param(OPINION, "「成長」を語るなら、地方の交通を守る政策から",
                 "「路線が消えれば、町も消える」", "孤立の問題でもある。",
                 ["石井誠撮影", "三好和也・東都大学", "この記事は有料記事です", "森田聡子", "1970年生まれ"], id="opinion-subheadings"),
    pytest.param(BUSINESS, "物流大手2社が共同配送 運転手不足に対応",
                 "物流大手の北星運輸と南海ロジは8日", "対象路線を広げる方針だ。",
                 ["ご希望の方は", "アプリで開く", "関連企業", "Example Keizai"], id="business-share-bars"),
]


@pytest.mark.parametrize("page, title, first, last, outside", CASES)
def test_body_of_page_text(page, title, first, last, outside):
    lay = segment_text(page)
    assert lay.title is not None and page[lay.title[0]:lay.title[1]] == title
    body = page[lay.body[0]:lay.body[1]]
    assert body.startswith(first), body[:40]
    assert body.endswith(last), body[-40:]
    for junk in outside:
        assert junk not in body, junk
    assert all(lay.body[0] <= s < e <= lay.body[1] for s, e in lay.paragraphs)
    assert lay.paragraphs == sorted(lay.paragraphs)


# (page, lines inside the body range that are kept though they are not sentences)
KEPT_INSIDE = [
    pytest.param(PORTAL, ["【写真】看板商品の「塩バターロール」をもっと見る", "投稿で客足が一変", "店の前には"], id="portal"),
    pytest.param(PAYWALLED, ["【連載一覧】暮らしと家族", "涙が出そうになった=2024年4月27日、家族提供",
                             "「焦げても大丈夫。何度でも作ればいいんだよ」"], id="paywalled"),
    pytest.param(SERIES, ["□ □"], id="series"),
    pytest.param(OPINION, ["赤字路線の廃止が相次ぐ", "住民の足はどこへ向かうのか？"], id="opinion"),
    pytest.param(BUSINESS, ["共同配送に使う大型トラック"], id="business"),
]


@pytest.mark.parametrize("page, kept", KEPT_INSIDE)
def test_lines_between_paragraphs_are_kept(page, kept):
    """Sub-headings, links, captions and quotations between paragraphs stay in the body."""
    lay = segment_text(page)
    body = page[lay.body[0]:lay.body[1]]
    for line in kept:
        assert line in body, line


def test_byline_with_date_is_not_body():
    lay = segment_text(PAYWALLED)
    assert lay.byline is not None
    assert PAYWALLED[lay.byline[0]:lay.byline[1]] == "生活部・高田真理2024年5月8日 11時00分"


def test_fully_paywalled_page_is_its_headline():
    """Only the headline is visible: it is the title, the body is empty, the list after it is out."""
    page = read_page(FULLY_PAYWALLED)
    lay = page.layout
    assert lay.title is not None
    assert page.text[lay.title[0]:lay.title[1]] == "［焦点］港湾ストが長期化、物流混乱が周辺国に波及…労組と政府の溝深く"
    assert lay.body[0] == lay.body[1] and lay.paragraphs == []
    tagged = "".join(page.text[s:e] for s, e in lay.regions())
    for junk in ("中央銀行", "杉浦通り", "ハーパー", "読者会員"):
        assert junk not in tagged


# paywall-notice wording inside article prose is prose, not a wall; wire credits end sentences
PROSE_NOT_NOTICES = [
    ("市のサイトに利用者登録をすれば、過去の議事録も誰でも閲覧できる。", "notice"),
    ("職員は手紙の続きを読み上げ、会場は静まりかえった。", "notice"),
    ("会談後、外相は「双方が歩み寄った」と記者団に語った。（ワシントン＝共同）", "caption"),
    ("中央銀行は政策金利を0.25％引き上げると発表した。（ロンドン＝ロイター）", "caption"),
    ("「登録すれば、誰でも記事の続きをお読みいただけます」", "notice"),
]


@pytest.mark.parametrize("sentence, feature", PROSE_NOT_NOTICES)
def test_prose_with_notice_or_credit_words(sentence, feature):
    from newstag.segment.lines import describe, split_lines

    (ln,) = split_lines(sentence)
    describe([ln])
    assert not ln.has(feature), ln.features
    assert ln.score is not None and ln.score > 0


NOTICES = [
    ("この記事は有料会員記事です。残り980文字有料会員になると続きをお読みいただけます。", "notice"),
    ("今すぐ登録して続きを読む", "notice"),
    ("会員登録をしていただくと閲覧できます。", "notice"),
    ("残り1200文字（全文2000文字）", "notice"),
    ("会見する大川首相＝首相官邸で2024年5月1日、石井誠撮影", "caption"),
    ("（写真：共同）", "caption"),
    ("式典に出席した森川知事（代表撮影）", "caption"),
    ("[有料会員限定]", "label"),
    ("【関連記事】", "section"),
    ("アクセスランキング（国内）", "section"),
    ("次ページは：地元の高校生も手伝いに", "section"),
]


@pytest.mark.parametrize("line, feature", NOTICES)
def test_notice_caption_and_section_lines(line, feature):
    from newstag.segment.lines import describe, split_lines

    (ln,) = split_lines(line)
    describe([ln])
    assert ln.has(feature), ln.features
    assert ln.score is None if feature == "notice" else ln.score < 0


def test_paywall_notice_inside_a_long_paragraph_is_not_a_wall():
    """A long paragraph that mentions a notice's words is article text; the body runs across it."""
    page = lines(
        "ホーム ニュース 経済",
        "電子書籍の定額サービス、利用者が1000万人突破",
        "2024年5月8日 10:00",
        "出版大手の東栄書房は8日、電子書籍の定額読み放題サービスの利用者が1000万人を超えたと発表した。",
        "同社によると、利用者の多くは試し読みで作品を知り、月額会員になると続きをお読みいただけますという案内から登録している。"
        "特に漫画の利用が伸びており、昨年の同じ時期と比べて1.5倍に増えた。担当者は今後も作品数を増やすと話した。"
        "一方で、作家への分配のあり方を問う声も出ている。",
        "同社は年内に海外向けのサービスも始める方針だ。",
        "関連記事",
        "・書店の閉店相次ぐ",
    )
    lay = segment_text(page)
    body = page[lay.body[0]:lay.body[1]]
    assert body.startswith("出版大手の東栄書房") and body.endswith("始める方針だ。")
