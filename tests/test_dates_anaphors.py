"""Date anaphors (同日, この日, 翌14日 …), glossed relative days (今日(22日)) and dates in quotations.

Table-driven; every case gives its publication date.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newstag.dates.component import tag_text

# (text, published, [(surface, value), ...])
CASES = [
    # the most recent date written before them
    ("救助隊は12日、女性を救出した。同日、男性も見つかった。", "2025-10-13", [("12日", "2025-10-12"), ("同日", "2025-10-12")]),
    ("救助隊は12日、女性を救出した。副大臣は同じ日、現場を視察した。", "2025-10-13",
     [("12日", "2025-10-12"), ("同じ日", "2025-10-12")]),
    ("委員会は3月31日に報告書を出した。その日のうちに知事が会見した。", "2025-04-02",
     [("3月31日", "2025-03-31"), ("その日", "2025-03-31")]),
    ("首相は1日に帰国した。前日には首脳会談に臨んだ。", "2025-03-03", [("1日", "2025-03-01"), ("前日", "2025-02-28")]),
    ("両国は12月31日に合意し、翌日に発表した。", "2026-01-05", [("12月31日", "2025-12-31"), ("翌日", "2026-01-01")]),
    # 翌14日: the 14th in the week after the last day, across a month end
    ("当局は13日に警戒を強め、翌14日に専門家会合を開いた。", "2025-10-15",
     [("13日", "2025-10-13"), ("翌14日", "2025-10-14")]),
    ("大会は12月30日に開幕し、翌2日に閉幕した。", "2026-01-05", [("12月30日", "2025-12-30"), ("翌2日", "2026-01-02")]),
    # 翌14日 far from the last day written: the day is read on its own
    ("専門誌は10月20日号で特集を組んだ。当局は翌14日に会合を開いた。", "2025-10-15",
     [("10月20日", "2025-10-20"), ("翌14日", "2025-10-14")]),
    # この日: the story day, not a flash-back (…ていた) nor a scheduled day
    ("市長は12日、辞職を表明した。副市長は11日に慰留していた。この日、議会も開かれた。", "2025-06-13",
     [("12日", "2025-06-12"), ("11日", "2025-06-11"), ("この日", "2025-06-12")]),
    ("理事会は9日に開かれた。総会は20日に開かれる予定だ。この日の議題は人事だった。", "2025-06-10",
     [("9日", "2025-06-09"), ("20日", "2025-06-20"), ("この日", "2025-06-09")]),
    # a date glossed in brackets is not the antecedent
    ("大統領は12日夜(日本時間13日未明)演説した。同日、閣議も開かれた。", "2025-10-13",
     [("12日", "2025-10-12"), ("13日", "2025-10-13"), ("未明", "2025-10-13TNI"), ("同日", "2025-10-12")]),
    # an anaphor in apposition, a relative day glossed in brackets
    ("首相は10日に会見した。前日の9日には党大会に出た。", "2025-02-13",
     [("10日", "2025-02-10"), ("前日", "2025-02-09"), ("9日", "2025-02-09")]),
    ("軍は22日、「今日(22日)午後4時、全権を掌握した」と発表した。", "2025-05-24",
     [("22日", "2025-05-22"), ("今日", "2025-05-22"), ("22日", "2025-05-22"), ("午後4時", "2025-05-22T16:00")]),
    # inside a quotation, relative days count from the statement's date
    ("市長は22日、「あすにも辞表を出す」と述べた。", "2025-05-24", [("22日", "2025-05-22"), ("あす", "2025-05-23")]),
    ("「きょうで区切りをつけたい」と監督は28日に語った。", "2025-03-01", [("きょう", "2025-02-28"), ("28日", "2025-02-28")]),
    ("「きのうは眠れなかった」と選手は話した。", "2025-03-01", [("きのう", "2025-02-28")]),
    # 同月, 同年, 翌年: the last month or year written out
    ("条例は2024年5月1日に施行され、同月20日に改正された。", "2025-02-13",
     [("2024年5月1日", "2024-05-01"), ("同月20日", "2024-05-20")]),
    ("競技場は2020年の大会後に解体され、翌年に新設される。3月1日に計画が決まった。", "2015-03-05",
     [("2020年", "2020"), ("翌年", "2021"), ("3月1日", "2015-03-01")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[c[0][:16] for c in CASES])
def test_anaphors_and_quotes(text, published, expected):
    dates = tag_text(text, dt.date.fromisoformat(published))
    assert [(d.text, d.value) for d in dates] == expected
    for d in dates:
        assert text[d.start:d.end] == d.text


def test_title_of_a_work_holds_no_dates():
    text = "局はドラマ「明日、また会おう」の放送を14日に打ち切った。"
    dates = tag_text(text, dt.date(2025, 2, 15))
    assert [(d.text, d.value) for d in dates] == [("14日", "2025-02-14")]


def test_story_day_with_the_parse(tagger):
    text = ("議長は12日、会期の延長を決めた。野党は11日の段階で延長に反対し、抗議を強めていた。"
            "この日、与党は採決を見送った。")
    article = tagger(text, published="2025-06-13")
    assert [(d.text, d.value) for d in article.dates] == [
        ("12日", "2025-06-12"), ("11日", "2025-06-11"), ("この日", "2025-06-12")]
