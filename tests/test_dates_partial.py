"""Partial dates (no year, or no month): the one rule of newstag.dates.resolve, table-driven.

Every case gives its publication date. The rule: the text's focus (an older period it narrates)
gives the missing part; otherwise the candidate nearest publication; the tense only chooses
between candidates of similar distance.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newstag.dates.component import tag_text

# (text, published, [(surface, value), ...])
CASES = [
    # distance outranks the tense: a clearly nearer candidate wins whatever the clause says
    ("市は1月20日に説明会を開いていた。", "2024-01-27", [("1月20日", "2024-01-20")]),
    ("市は1月20日に説明会を開く。", "2024-01-27", [("1月20日", "2024-01-20")]),
    ("理事会は9月18日に告示される。", "2009-08-31", [("9月18日", "2009-09-18")]),
    ("理事会は9月18日に告示された。", "2009-08-31", [("9月18日", "2009-09-18")]),
    ("研究所は12日に結果を公表した。", "2005-10-15", [("12日", "2005-10-12")]),
    ("投手は11日に進学を表明する。", "2006-09-13", [("11日", "2006-09-11")]),
    ("同社は10月20日発行の専門誌に寄稿した。", "2005-10-15", [("10月20日", "2005-10-20")]),
    # similar distances: the tense chooses
    ("新庁舎は7月に完成する予定だ。", "2025-01-10", [("7月", "2025-07")]),
    ("新庁舎は7月に完成した。", "2025-01-10", [("7月", "2024-07")]),
    ("両氏は28日に会談する予定だ。", "2025-02-03", [("28日", "2025-02-28")]),
    ("両氏は28日に会談した。", "2025-02-03", [("28日", "2025-01-28")]),
    ("審議会は22日に答申した。", "2025-10-15", [("22日", "2025-09-22")]),
    ("審議会は22日に答申する。", "2025-10-15", [("22日", "2025-10-22")]),
    # across month and year boundaries
    ("選手は30日に引退を表明した。", "2025-01-02", [("30日", "2024-12-30")]),
    ("式典は3日に開かれる予定だ。", "2025-12-29", [("3日", "2026-01-03")]),
    ("工事は1月5日に始まる予定だ。", "2025-12-29", [("1月5日", "2026-01-05")]),
    ("市長は12月26日に辞職した。", "2026-01-04", [("12月26日", "2025-12-26")]),
    ("連盟は12月に規約を改めた。", "2026-01-15", [("12月", "2025-12")]),
    ("新制度は1月に始まる。", "2025-11-30", [("1月", "2026-01")]),
    ("29日に閉幕した。", "2028-03-02", [("29日", "2028-02-29")]),
    ("31日に締め切った。", "2025-05-02", [("31日", "2025-03-31")]),
    # the focus: an older period the text narrates gives the year (or the month)
    ("窃盗事件は2011年2月に起きた。署は同年4月に男を逮捕し、6月に起訴した。判決は11月に、確定は12月だった。",
     "2016-01-20",
     [("2011年2月", "2011-02"), ("同年4月", "2011-04"), ("6月", "2011-06"), ("11月", "2011-11"), ("12月", "2011-12")]),
    ("歌手は2019年11月20日に入院した。\n\n11月21日に手術を受け、25日に退院した。", "2025-02-13",
     [("2019年11月20日", "2019-11-20"), ("11月21日", "2019-11-21"), ("25日", "2019-11-25")]),
    ("監督は2024年10月に就任し、12月に合宿を組んだ。", "2025-03-20", [("2024年10月", "2024-10"), ("12月", "2024-12")]),
    # ... but the news itself outranks the narrative
    ("元議員は1999年4月に出国していた。10月18日に帰国した。", "2007-10-20",
     [("1999年4月", "1999-04"), ("10月18日", "2007-10-18")]),
    ("動物園では2008年4月に象が死んだ。園は2月11日、新たな象の受け入れで合意した。", "2010-02-12",
     [("2008年4月", "2008-04"), ("2月11日", "2010-02-11")]),
    ("監督は2024年10月に就任した。3月2日に開幕戦を迎えた。", "2025-03-20",
     [("2024年10月", "2024-10"), ("3月2日", "2025-03-02")]),
    # a boundary (以来, まで) or a scheduled date is no focus
    ("株価は2001年5月24日以来の高値となった。終値は11月7日に更新された。", "2005-11-09",
     [("2001年5月24日", "2001-05-24"), ("11月7日", "2005-11-07")]),
    ("2008年1月に予定される知事選について、候補は12月20日ごろ表明する。", "2007-12-12",
     [("2008年1月", "2008-01"), ("12月20日", "2007-12-20")]),
    ("2019年1月1日に新制度が始まる場合、準備は1月11日に明らかになった。", "2017-01-12",
     [("2019年1月1日", "2019-01-01"), ("1月11日", "2017-01-11")]),
    # a day written with its full date does not give its month to a later bare day
    ("同市は2008年4月3日に合併した。14日に市長が会見した。", "2025-02-20",
     [("2008年4月3日", "2008-04-03"), ("14日", "2025-02-14")]),
    # a month after a date and a range connector keeps its year, or the next one
    ("寒波は2019年12月から3月まで続いた。", "2025-02-13", [("2019年12月", "2019-12"), ("3月", "2020-03")]),
    # a weekday in brackets picks the month
    ("総会は4日(火)に開かれる。", "2025-02-20", [("4日", "2025-03-04")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[c[0][:16] for c in CASES])
def test_partial_dates(text, published, expected):
    dates = tag_text(text, dt.date.fromisoformat(published))
    assert [(d.text, d.value) for d in dates] == expected
    for d in dates:
        assert text[d.start:d.end] == d.text


# --- with GiNZA: the clause's tense from the parse --------------------------------------------

PARSED = [
    # a non-past verb in a relative clause (継続する旨) does not outweigh a clearly nearer past date
    ("局は1月20日に放送を継続する旨を病院に伝えていた。", "2024-01-27", "2024-01-20"),
    # a noun the parser calls a verb (前日比) is not the clause predicate
    ("4日の平均株価は前日比120円高の2万円となり、反発した。", "2025-11-07", "2025-11-04"),
    ("市議会は25日に開かれる本会議で予算案を採決する見通しだ。", "2025-10-12", "2025-10-25"),
    ("市議会は25日に本会議を開き、予算案を可決した。", "2025-10-12", "2025-09-25"),
]


@pytest.mark.parametrize(("text", "published", "value"), PARSED, ids=[c[0][:16] for c in PARSED])
def test_partial_dates_parsed(tagger, text, published, value):
    article = tagger(text, published=published)
    assert article.dates[0].value == value
