"""Hypothesis strategies for naughty article inputs, and the fuzzing profiles.

Profiles:
    ``FAST`` — the default run (CI): few, short examples, derandomised so CI is stable.
    ``LONG`` — behind ``-m long``: ``NEWSTAG_FUZZ_EXAMPLES`` examples (default 10,000), random.

GiNZA parses ~2.4k characters a second, so every strategy keeps its texts short; the big inputs
(very long lines, 1 MB pages) have their own tests.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example,
            HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture]

#: number of examples of the main long-profile test
LONG_EXAMPLES = int(os.environ.get("NEWSTAG_FUZZ_EXAMPLES", "10000"))

settings.register_profile(
    "newstag-fast", max_examples=25, deadline=None, derandomize=True, database=None,
    suppress_health_check=_SLOW_OK, print_blob=True,
)
settings.register_profile(
    "newstag-long", max_examples=LONG_EXAMPLES, deadline=None, suppress_health_check=_SLOW_OK,
    print_blob=True,
    # a failure found late is what we want to see; shrinking a slow GiNZA input can take long
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
)
FAST = settings.get_profile("newstag-fast")
LONG = settings.get_profile("newstag-long")


def fast(n: int) -> settings:
    """The fast profile with ``n`` examples."""
    return settings(FAST, max_examples=n)


def long(divisor: int = 1) -> settings:
    """The long profile with ``NEWSTAG_FUZZ_EXAMPLES // divisor`` examples."""
    return settings(LONG, max_examples=max(1, LONG_EXAMPLES // divisor))


# -- building blocks ----------------------------------------------------------------------------
#: sentences and phrases written for these tests (realistic news prose, no shared-article text)
SENTENCES = [
    "石破首相は15日、首相官邸で記者団の取材に応じた。",
    "フランスのマクロン大統領は3日、パリでインドのモディ首相と会談した。",
    "日銀の植田総裁は記者会見で「物価の動向を注視する」と述べた。",
    "大阪府の吉村知事は「万博の成功に全力を尽くす。来場者の安全が第一だ」と語った。",
    "国連のグテーレス事務総長は声明で、停戦合意を歓迎するとした。",
    "トヨタ自動車は8日、2025年3月期の決算を発表した。",
    "政府は来週にも経済対策を閣議決定する方針だ。",
    "両首脳は約1時間にわたって電話で協議し、協力を強化することで一致した。",
    "外務省によると、林外相は来月上旬に韓国を訪問する予定だ。",
    "会談後、首相は「率直な意見交換ができた」と話した。",
    "同社の広報担当者は『現時点でコメントできない』としている。",
    "気象庁は午前10時半、大雨警報を発表した。",
    "欧州連合（EU）は声明を出し、制裁の延長に反対しない考えを示した。",
    "市民団体の代表は「計画の撤回を求める。住民の声を聞くべきだ」と訴えた。",
]
PHRASES = [
    "東京都", "ニューヨーク", "国会", "首相", "大統領", "氏", "さん", "記者", "発表", "会談",
    "電話", "訪問", "合意", "反対", "支持", "2025年2月13日", "昨年", "来週", "午後3時", "90分",
    "毎週月曜日", "12日", "（共同）", "【ワシントン＝山田太郎】", "と述べた", "と語った", "によると",
]
SEPARATORS = ["\n", "\n\n", "\r\n", "\r", " ", "\u3000", "\t", "\n \n", "\x0b", "\x0c", "\u2028", "\x85"]
OPENERS = ["「", "『", "（", "(", "“", "【", "〈", "《", "\""]
CLOSERS = ["」", "』", "）", ")", "”", "】", "〉", "》", "\""]
SPECIALS = [
    "\x00", "\x01", "\x08", "\x1b[31m", "\x7f", "\ufeff", "\u200b", "\u200c", "\u200d", "\u2060",
    "\u202e", "\u202c", "\u200f", "\u061c", "\ufffd", "\uffff", "\ufdfa", "㍿", "㌔", "\ud800",
    "\udfff", "\ud83d\ude00", "e\u0301\u0301\u0301", "か\u3099", "は\u309a", "\u0300", "😀",
    "👨\u200d👩\u200d👧", "🇯🇵", "葛\U000e0100", "\U0010ffff", "\ue000", "مرحبا بالعالم",
    "שלום עולם", "\u202bשלום\u202c", "Ω≈ç√∫", "ﬃ", "İ", "ß", "𠮷野家", "髙橋", "ヴ", "ゔ",
    "ｱｲｳｴｵ ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟ", "ＡＢＣ１２３", "ABC123", "１２．５％", "12.5%", "ｰ", "〜", "～",
    "&amp;", "&nbsp;", "&#12354;", "<br>", "</p>", "<", ">", "\\", "${x}", "%s", "{0}",
]
#: the characters of Japanese news text, plus the marks that delimit it
JA_ALPHABET = st.sampled_from(
    list("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだでどばびぶべぼぱぴぷぺぽっゃゅょー")
    + list("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンガギグゲゴザジズゼゾダデドバビブベボパピプペポッャュョ")
    + list("日本政府首相大統領外相会談電話訪問合意反対支持発表東京大阪国連米中韓仏独英露年月時分午前後今昨来週氏者党議会社長")
    + list("０１２３４５６７８９0123456789、。・「」『』（）")
)
NO_PUNCT_ALPHABET = st.sampled_from(list("あいうえおかきくけこアイウエオカキクケコ日本政府首相会談東京都大阪府ー々"))
WIDTH_ALPHABET = st.sampled_from(
    list("ｱｲｳｴｵｶｷｸｹｺﾊﾟﾋﾟﾌﾟﾞｰｯｬ､｡｢｣･") + list("ＡＢＣＸＹＺａｂｃ０１２３４５６７８９！？＠＃％＆（）［］＝＋")
    + list("ABCXYZabc0123456789!?@#%&()[]=+") + list("アイウエオ日本") + [" ", "\u3000"]
)
#: any code point, lone surrogates included
ANY_CHAR = st.characters(exclude_categories=())


def _join(parts: list[str]) -> str:
    return "".join(parts)


@st.composite
def nested_brackets(draw, max_depth: int = 6) -> str:
    """Quotes inside quotes, balanced or not: 「『「…」』, 「…『…」, …」」」."""
    depth = draw(st.integers(0, max_depth))
    out = []
    stack = []
    for _ in range(depth):
        k = draw(st.integers(0, len(OPENERS) - 1))
        out.append(draw(st.sampled_from(["", "彼は", "首相は", "関係者によると、"])))
        out.append(OPENERS[k])
        stack.append(k)
        out.append(draw(st.sampled_from(SENTENCES + PHRASES + [""])))
    while stack:
        k = stack.pop()
        # sometimes the closer is missing, wrong or doubled
        out.append(draw(st.sampled_from([CLOSERS[k], CLOSERS[k], "", "」", "』", CLOSERS[k] * 2])))
        out.append(draw(st.sampled_from(["", "と述べた。", "と語った", "とした。", "。"])))
    out.append(draw(st.sampled_from(["", "」", "』", "」」」", "「", "『『"])))
    return "".join(out)


@st.composite
def html_junk(draw) -> str:
    """An HTML page or fragment with junk, cut at a random point (truncated downloads)."""
    paras = draw(st.lists(st.sampled_from(SENTENCES), min_size=0, max_size=4))
    head = draw(st.sampled_from(["<!DOCTYPE html>", "<html>", "<!-- c -->", "<div>", "<meta charset=utf-8>", ""]))
    title = draw(st.sampled_from(["", "<title>速報：首相が会見</title>", "<title></title>", "<title>"]))
    nav = draw(st.sampled_from(["", "<nav><a href=/>ホーム</a> <a href=/n>ニュース</a></nav>", "<ul><li>天気<li>経済"]))
    tags = draw(st.lists(st.sampled_from([
        "<p>", "</p>", "<br>", "<b>", "</i>", "<script>var a='<p>';</script>", "<style>p{}</style>",
        "<span class=\"x\">", "</div>", "<a href='", "&nbsp;", "&#x3042;", "<![CDATA[", "]]>", "<!--",
        "<time datetime=\"2025-02-13\">", "<img src=x onerror=alert(1)>", "<p\x00>",
    ]), max_size=6))
    body = "".join(f"<p>{p}</p>{draw(st.sampled_from(tags or ['']))}" for p in paras)
    page = f"{head}<head>{title}</head><body>{nav}<article>{body}</article></body></html>"
    cut = draw(st.integers(0, len(page)))
    return page[:cut] if draw(st.booleans()) else page


def _pieces() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(SENTENCES),
        st.sampled_from(PHRASES),
        st.sampled_from(SEPARATORS),
        st.sampled_from(SPECIALS),
        st.sampled_from(OPENERS + CLOSERS),
        st.text(JA_ALPHABET, max_size=30),
        st.text(ANY_CHAR, max_size=12),
        st.text(WIDTH_ALPHABET, max_size=20),
        nested_brackets(max_depth=3),
    )


#: a text made of any of the above, joined: the workhorse of the fuzz tests (< ~600 chars)
naughty_text = st.lists(_pieces(), max_size=20).map(_join)


@st.composite
def noisy_article(draw) -> str:
    """A realistic article (title, byline, paragraphs) with junk inserted at random places."""
    title = draw(st.sampled_from(["", "首相、経済対策を表明", "速報　外相会談で合意", "【独自】新制度の概要判明"]))
    byline = draw(st.sampled_from(["", "政治部　山田花子", "（共同）"]))
    paras = draw(st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map(_join), min_size=1, max_size=4))
    text = "\n".join(x for x in [title, byline, *paras] if x)
    for pos, junk in draw(st.lists(st.tuples(st.integers(0, 10**6), _pieces()), max_size=5)):
        k = pos % (len(text) + 1)
        text = text[:k] + junk + text[k:]
    return text


#: a line with no punctuation at all (menus, broken scrapes, captions run together)
def long_line(min_size: int = 300, max_size: int = 1500) -> st.SearchStrategy[str]:
    return st.text(NO_PUNCT_ALPHABET, min_size=min_size, max_size=max_size)


#: every kind of input, for the main fuzz test
any_input = st.one_of(naughty_text, noisy_article(), nested_brackets(), html_junk(), st.text(WIDTH_ALPHABET, max_size=80))
