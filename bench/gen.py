"""Deterministic generator of article-like Japanese news texts for the benchmark.

Articles are built from sentence templates (written for this benchmark, not taken from any real
article) filled with fictional people, real organisation and place names, numbers and dates. The
same seed always gives the same texts. Random numbers and generated katakana names keep the
vocabulary growing, as in a real news stream, so that the long-run memory check is meaningful.
"""

from __future__ import annotations

import random

SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山口", "松本", "井上", "木村"]
GIVEN = ["健一", "裕子", "大輔", "美穂", "誠", "直樹", "恵", "亮", "真由美", "拓也", "陽子", "修", "由紀", "浩二", "彩"]
TITLES = ["首相", "外相", "官房長官", "経済産業相", "知事", "市長", "社長", "会長", "代表", "議員", "教授", "委員長"]
KATA = list("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロワン")
FOREIGN_TITLES = ["大統領", "首相", "外相", "国防相", "財務相", "報道官"]
COUNTRIES = ["アメリカ", "中国", "韓国", "ドイツ", "フランス", "イギリス", "インド", "オーストラリア", "ブラジル", "カナダ", "ウクライナ", "ロシア", "インドネシア", "ベトナム"]
CITIES = ["東京都内", "大阪市", "名古屋市", "福岡市", "札幌市", "横浜市", "京都市", "神戸市", "広島市", "仙台市", "那覇市", "金沢市"]
FOREIGN_CITIES = ["ワシントン", "北京", "ソウル", "ベルリン", "パリ", "ロンドン", "ニューデリー", "ジャカルタ", "キーウ", "ブリュッセル"]
ORGS = ["外務省", "財務省", "経済産業省", "国土交通省", "厚生労働省", "防衛省", "日本銀行", "東京証券取引所", "国際通貨基金", "世界保健機関", "国連安全保障理事会", "気象庁"]
COMPANIES = ["トヨタ自動車", "ソニーグループ", "日立製作所", "パナソニック", "三菱重工業", "日本製鉄", "任天堂", "ソフトバンクグループ", "東京電力ホールディングス", "本田技研工業"]
TOPICS = ["エネルギー安全保障", "半導体の供給網", "気候変動対策", "地域の安全保障", "通商協議", "物価高対策", "防災体制", "人工知能の規制", "観光振興", "食料安全保障", "少子化対策", "脱炭素投資"]
VERBS_SAID = ["述べた", "語った", "強調した", "明らかにした", "説明した", "話した"]
QUOTES = [
    "{topic}は先送りできない課題だ",
    "国民の理解を得られるよう丁寧に説明していきたい",
    "両国の協力をさらに深めることで一致した",
    "現時点で具体的な計画はない",
    "状況を注視し、必要な対応を取る",
    "{topic}について率直な意見交換ができた",
    "早期の合意を目指して協議を続ける",
    "影響は極めて大きいと考えている",
]
WEEKDAYS = "月火水木金土日"


def _person(rng: random.Random) -> tuple[str, str]:
    surname = rng.choice(SURNAMES)
    return surname, surname + rng.choice(GIVEN)


def _foreigner(rng: random.Random) -> tuple[str, str]:
    first = "".join(rng.choice(KATA) for _ in range(rng.randint(2, 4)))
    last = "".join(rng.choice(KATA) for _ in range(rng.randint(3, 5)))
    return last, f"{first}・{last}"


def _sentence(rng: random.Random) -> str:
    short, full = _person(rng)
    fshort, ffull = _foreigner(rng)
    title = rng.choice(TITLES)
    ftitle = rng.choice(FOREIGN_TITLES)
    country = rng.choice(COUNTRIES)
    topic = rng.choice(TOPICS)
    day = rng.randint(1, 28)
    month = rng.randint(1, 12)
    quote = rng.choice(QUOTES).format(topic=topic)
    templates = [
        f"{full}{title}は{day}日、{rng.choice(CITIES)}で{country}の{ffull}{ftitle}と会談し、{topic}で協力を強化することで合意した。",
        f"{short}氏は記者会見で「{quote}」と{rng.choice(VERBS_SAID)}。",
        f"{country}の{ffull}{ftitle}は{day}日、{rng.choice(FOREIGN_CITIES)}で演説し、{topic}をめぐる各国の取り組みを評価した。",
        f"{rng.choice(ORGS)}によると、{topic}に関する会合は{month}月{day}日から{rng.randint(2, 5)}日間の日程で開かれる予定だ。",
        f"{rng.choice(COMPANIES)}は{day}日、{topic}に向けて今後{rng.randint(2, 10)}年間で約{rng.randint(100, 9999)}億円を投資すると発表した。",
        f"{short}{title}は{rng.choice(CITIES)}を訪れ、{topic}の現状について地元の関係者から説明を受けた。",
        f"会談は約{rng.randint(20, 90)}分間行われ、{ffull}{ftitle}は「{quote}」と応じたという。",
        f"{rng.choice(ORGS)}の担当者は「{quote}」と話している。",
        f"{month}月{day}日（{rng.choice(WEEKDAYS)}）の東京株式市場では、日経平均株価が前日比{rng.randint(10, 999)}円{rng.choice(['高', '安'])}で取引を終えた。",
        f"{fshort}{ftitle}の来日は{rng.choice(['就任後初めて', '昨年以来', '約3年ぶり'])}で、{rng.randint(2, 4)}日間の日程で{rng.choice(CITIES)}なども訪問する。",
        f"関係者によると、政府は{topic}について来年{month}月までに新たな方針をまとめる方向で調整している。",
        f"{rng.choice(COMPANIES)}の{short}社長は{day}日、「{quote}」と{rng.choice(VERBS_SAID)}。",
    ]
    return rng.choice(templates)


def _headline(rng: random.Random) -> str:
    country = rng.choice(COUNTRIES)
    topic = rng.choice(TOPICS)
    return rng.choice([
        f"{country}と{topic}で協力強化へ　首脳会談で合意",
        f"{topic}、来月にも閣僚級会合　政府が調整",
        f"{rng.choice(COMPANIES)}、{topic}に大型投資を発表",
        f"{country}外相が来日、{topic}で意見交換",
    ])


def article(rng: random.Random, paragraphs: tuple[int, int] = (3, 6), sentences: tuple[int, int] = (2, 4)) -> str:
    """One article: a headline, a blank line, then paragraphs separated by blank lines."""
    paras = [
        "".join(_sentence(rng) for _ in range(rng.randint(*sentences)))
        for _ in range(rng.randint(*paragraphs))
    ]
    return _headline(rng) + "\n\n" + "\n\n".join(paras) + "\n"


def articles(n: int, seed: int = 0, **kwargs) -> list[str]:
    """``n`` articles from ``seed`` (same seed, same texts)."""
    rng = random.Random(seed)
    return [article(rng, **kwargs) for _ in range(n)]


def short_articles(n: int, seed: int = 0) -> list[str]:
    """``n`` short articles (a headline and one paragraph of one sentence) for the long-run check."""
    rng = random.Random(seed)
    return [article(rng, paragraphs=(1, 1), sentences=(1, 1)) for _ in range(n)]


def huge_article(min_bytes: int = 1_000_000, seed: int = 0) -> str:
    """One article of at least ``min_bytes`` UTF-8 bytes (many paragraphs)."""
    rng = random.Random(seed)
    parts = [_headline(rng), ""]
    size = 0
    while size < min_bytes:
        p = "".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
        parts.append(p + "\n")
        size += len(p.encode("utf-8")) + 2
    return "\n".join(parts)
