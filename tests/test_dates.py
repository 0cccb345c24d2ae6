"""newstag_dates: extraction and TIMEX3 normalisation (table-driven), plus a few parsed checks."""

from __future__ import annotations

import datetime as dt
import json

import pydantic
import pytest

from newstag.dates.component import tag_text
from newstag.dates.extract import to_int
from newstag.dates.lexicon import DateLexicon, load_lexicon

from .conftest import assert_offsets

P = "2025-02-13"  # a Thursday, ISO week 2025-W07

# (text, published, [(surface, value), ...]) — every date the text holds, in order.
CASES = [
    # full and partial dates
    ("政府は2022年2月12日に方針を発表した。", P, [("2022年2月12日", "2022-02-12")]),
    ("首相は12日、記者団の取材に応じた。", P, [("12日", "2025-02-12")]),
    ("12日(現地時間)、両首脳が電話で会談した。", P, [("12日", "2025-02-12")]),
    ("首脳会談は2月20日に開かれる見通しだ。", P, [("2月20日", "2025-02-20")]),
    ("会議は14日に開催される予定だ。", P, [("14日", "2025-02-14")]),
    ("両国は昨年12月25日に合意した。", P, [("昨年12月25日", "2024-12-25")]),
    ("2014年にロシアがクリミアを併合した。", P, [("2014年", "2014")]),
    ("2008年4月に死んだ。", P, [("2008年4月", "2008-04")]),
    ("1984年以降、示威行動が続いた。", P, [("1984年", "1984")]),
    ("トランプ氏は24年11月の大統領選で勝利した。", P, [("24年11月", "2024-11")]),
    # eras
    ("令和7年の税制改正について説明した。", P, [("令和7年", "2025")]),
    ("平成23年3月11日に東日本大震災が発生した。", P, [("平成23年3月11日", "2011-03-11")]),
    ("天皇陛下は令和元年5月1日に即位された。", P, [("令和元年5月1日", "2019-05-01")]),
    ("令和7年度予算案が衆院を通過した。", P, [("令和7年度", "FY2025")]),
    ("昭和の時代を振り返る展示が開かれている。", P, []),
    # kanji and full-width numerals
    ("二〇二五年の目標を掲げた。", P, [("二〇二五年", "2025")]),
    ("同社は２月１２日に発表した。", P, [("２月１２日", "2025-02-12")]),
    ("十二月に開かれた会合で決まった。", P, [("十二月", "2024-12")]),
    ("約三年間にわたって交渉した。", P, [("約三年間", "P3Y")]),
    # relative days
    ("きょうの東京株式市場は反発した。", P, [("きょう", "2025-02-13")]),
    ("首相は今日、官邸で会見した。", P, [("今日", "2025-02-13")]),
    ("知事は昨日、辞任を表明した。", P, [("昨日", "2025-02-12")]),
    ("きのう発表された統計によると", P, [("きのう", "2025-02-12")]),
    ("政府はあすにも決定する。", P, [("あす", "2025-02-14")]),
    ("新制度は明日から実施される。", P, [("明日", "2025-02-14")]),
    ("一昨日の夜に発生した火災", P, [("一昨日", "2025-02-11")]),
    ("3日前に届いた書簡", P, [("3日前", "2025-02-10")]),
    ("5日後に結果が公表される。", P, [("5日後", "2025-02-18")]),
    ("2年前の選挙では敗れた。", P, [("2年前", "2023")]),
    # relative periods
    ("今月の会合で議論する。", P, [("今月", "2025-02")]),
    ("先月発表された報告書", P, [("先月", "2025-01")]),
    ("来月に訪米する予定だ。", P, [("来月", "2025-03")]),
    ("今年の春闘が始まった。", P, [("今年", "2025")]),
    ("昨年の総選挙で議席を減らした。", P, [("昨年", "2024")]),
    ("去年の夏は猛暑だった。", P, [("去年", "2024")]),
    ("来年の大統領選に出馬する。", P, [("来年", "2026")]),
    ("今週中に結論を出す。", P, [("今週", "2025-W07")]),
    ("先週の閣議で決定した。", P, [("先週", "2025-W06")]),
    ("来週の首脳会談で協議する。", P, [("来週", "2025-W08")]),
    ("年内の合意を目指す。", P, [("年内", "2025")]),
    ("今年度の補正予算が成立した。", P, [("今年度", "FY2024")]),
    ("今年度の補正予算が成立した。", "2025-04-10", [("今年度", "FY2025")]),
    ("来年度予算の概算要求", P, [("来年度", "FY2025")]),
    ("2024年度の決算を発表した。", P, [("2024年度", "FY2024")]),
    ("来週月曜に発表する。", P, [("来週月曜", "2025-02-17")]),
    ("大統領は金曜日に声明を出した。", P, [("金曜日", "2025-02-07")]),
    # combined relative forms
    ("今月11日、連立交渉が合意に達した。", "2005-11-11", [("今月11日", "2005-11-11")]),
    ("総選挙は来年1月までに実施される予定だ。", "2007-10-20", [("来年1月", "2008-01")]),
    ("今年7月の武力鎮圧を支持した。", "2007-10-20", [("今年7月", "2007-07")]),
    ("都は昨年秋から交渉してきた。", "2010-02-12", [("昨年", "2009")]),
    # anaphors, against the most recent date of the text
    ("大統領は10日に来日した。同日、首相と会談した。", P, [("10日", "2025-02-10"), ("同日", "2025-02-10")]),
    ("首相は11日に帰国した。前日には声明を出した。", P, [("11日", "2025-02-11"), ("前日", "2025-02-10")]),
    ("9日に会談し、翌日には共同声明を出した。", P, [("9日", "2025-02-09"), ("翌日", "2025-02-10")]),
    ("両氏は12日に会談した。当日は雪だった。", P, [("12日", "2025-02-12"), ("当日", "2025-02-12")]),
    ("首相は12日に会見した。投票は16日に行われる予定で、当日は混雑が予想される。", P,
     [("12日", "2025-02-12"), ("16日", "2025-02-16"), ("当日", "2025-02-16")]),
    ("10月18日に帰国し、翌19日に記者会見した。", "2007-10-20", [("10月18日", "2007-10-18"), ("翌19日", "2007-10-19")]),
    ("2024年5月1日に施行され、同月20日に改正された。", P, [("2024年5月1日", "2024-05-01"), ("同月20日", "2024-05-20")]),
    ("2019年1月に就任し、同年4月に辞任した。", P, [("2019年1月", "2019-01"), ("同年4月", "2019-04")]),
    ("10日に出発し、その3日後に到着した。", P, [("10日", "2025-02-10"), ("3日後", "2025-02-13")]),
    # この日: the story day, not a flash-back mentioned after it
    ("日銀は12日、利上げを決めた。総裁は10日に慎重な姿勢を示していた。この日の東京市場では円高が進んだ。", P,
     [("12日", "2025-02-12"), ("10日", "2025-02-10"), ("この日", "2025-02-12")]),
    # a boundary date (以来) does not anchor 前日
    ("両首脳の会談は12日に行われた。2022年2月12日以来となる。前日には捕虜が交換された。", P,
     [("12日", "2025-02-12"), ("2022年2月12日", "2022-02-12"), ("前日", "2025-02-11")]),
    # weekdays check or correct the month
    ("首相は17日(月)に訪米する予定だ。", P, [("17日", "2025-02-17")]),
    ("12日(日)の会合で議論した。", P, [("12日", "2025-01-12")]),
    ("3日(月)に発表する予定だ。", "2025-02-27", [("3日", "2025-03-03")]),
    # times, on the day when it is known
    ("両首脳は12日午前10時に会談した。", P, [("12日", "2025-02-12"), ("午前10時", "2025-02-12T10:00")]),
    ("14日15時半から会見する予定だ。", P, [("14日", "2025-02-14"), ("15時半", "2025-02-14T15:30")]),
    ("事故は11日午後3時ごろ発生した。", P, [("11日", "2025-02-11"), ("午後3時ごろ", "2025-02-11T15:00")]),
    ("地震は13日未明に発生した。", P, [("13日", "2025-02-13"), ("未明", "2025-02-13TNI")]),
    ("会見は午後2時から始まった。", None, [("午後2時", "XXXX-XX-XXT14:00")]),
    ("二月十二日に発表した。", P, [("二月十二日", "2025-02-12")]),
    ("20日午前（日本時間21日未明）に会談した。", "2025-02-22",
     [("20日", "2025-02-20"), ("21日", "2025-02-21"), ("未明", "2025-02-21TNI")]),
    ("首相は13日正午に発表した。", P, [("13日", "2025-02-13"), ("正午", "2025-02-13T12:00")]),
    ("手当は毎月1日に支給される。", P, [("毎月", "P1M")]),
    # durations
    ("両首脳は90分間会談した。", P, [("90分間", "PT90M")]),
    ("約1時間30分にわたる電話会談", P, [("約1時間30分", "PT1H30M")]),
    ("3年間の任期を終えた。", P, [("3年間", "P3Y")]),
    ("2カ月以内に買収する。", P, [("2カ月", "P2M")]),
    ("選挙からほぼ2ヶ月がたった。", P, [("ほぼ2ヶ月", "P2M")]),
    ("工事には3か月かかる。", P, [("3か月", "P3M")]),
    ("両党は39年間対立してきた。", P, [("39年間", "P39Y")]),
    ("8年半にわたり亡命していた。", P, [("8年半", "P8Y6M")]),
    ("約2時間の会談", P, [("約2時間", "PT2H")]),
    ("半年間の休養", P, [("半年間", "P6M")]),
    ("1週間の日程で訪欧する。", P, [("1週間", "P1W")]),
    ("3日間の会期", P, [("3日間", "P3D")]),
    ("10年以上続いた紛争", P, [("10年", "P10Y")]),
    ("1時間半の講演", P, [("1時間半", "PT1H30M")]),
    # ranges: one interval, the second day keeping the first one's month (or the next)
    ("大会は12日から14日まで開催される。", P, [("12日から14日", "2025-02-12/2025-02-14")]),
    ("3月10日～12日に開かれる。", P, [("3月10日～12日", "2025-03-10/2025-03-12")]),
    ("11月28日から12月3日まで開かれた。", P, [("11月28日から12月3日", "2024-11-28/2024-12-03")]),
    ("1月30日から2日まで開かれた。", P, [("1月30日から2日", "2025-01-30/2025-02-02")]),
    ("会期は3月30日(日)～2日(水)。", P, [("3月30日(日)～2日", "2025-03-30/2025-04-02")]),
    # month and year boundaries
    ("28日に会談した。", "2025-01-03", [("28日", "2024-12-28")]),
    ("5日に開催される予定だ。", "2025-12-30", [("5日", "2026-01-05")]),
    ("12月30日に発表した。", "2025-01-05", [("12月30日", "2024-12-30")]),
    ("1月6日から実施される。", "2024-12-28", [("1月6日", "2025-01-06")]),
    ("30日に死去した。", "2025-03-01", [("30日", "2025-01-30")]),
    ("29日に合意した。", "2024-03-01", [("29日", "2024-02-29")]),
    ("12月に開かれた会議で決まった。", "2025-01-10", [("12月", "2024-12")]),
    ("新法は1月に施行される。", "2025-12-20", [("1月", "2026-01")]),
    ("20日に会談した。", P, [("20日", "2025-01-20")]),
    ("20日に会談する予定だ。", P, [("20日", "2025-02-20")]),
    ("来年1月に就任する。", "2025-12-20", [("来年1月", "2026-01")]),
    ("先週の会合", "2025-01-02", [("先週", "2024-W52")]),
    ("今週の会合", "2024-12-31", [("今週", "2025-W01")]),
    # published=None: an early absolute date anchors, otherwise X placeholders
    ("2025年2月12日、首相は訪米した。14日には大統領と会談する予定だ。", None,
     [("2025年2月12日", "2025-02-12"), ("14日", "2025-02-14")]),
    ("首相は12日、記者会見を開いた。", None, [("12日", "XXXX-XX-12")]),
    ("10月18日に帰国し、19日に会見した。", None, [("10月18日", "XXXX-10-18"), ("19日", "XXXX-10-19")]),
    ("きょうの会合", None, [("きょう", None)]),
    # decades, centuries, sets
    ("1990年代に急成長した。", P, [("1990年代", "199")]),
    ("21世紀の課題", P, [("21世紀", "20")]),
    ("毎年95万ドルを支払う。", P, [("毎年", "P1Y")]),
    # a month after an explicit year in the same sentence takes that year (or the next one)
    ("2008年4月に死に、5月には会談した。", P, [("2008年4月", "2008-04"), ("5月", "2008-05")]),
    ("寒波は2019年12月から3月まで続いた。", P, [("2019年12月", "2019-12"), ("3月", "2020-03")]),
    ("25年度予算案を閣議決定した。", P, [("25年度", "FY2025")]),
    ("今秋にも衆院を解散する見通しだ。", P, [("今秋", "2025")]),
    ("任期は約4年だ。", P, [("約4年", "P4Y")]),
    ("2年間連続で雇用された者", P, [("2年間", "P2Y")]),
    ("被告に懲役3年を求刑した。", P, [("3年", "P3Y")]),
    # an anaphor in apposition takes the explicit day; a stative clause (なる) is not scheduled
    ("首相は10日に会見した。前日の9日には党の役員会に出席した。", P,
     [("10日", "2025-02-10"), ("前日", "2025-02-09"), ("9日", "2025-02-09")]),
    ("会談は2月7日に続き2回目となる。", P, [("2月7日", "2025-02-07")]),
    # not dates
    ("物価は2カ月連続で上昇した。", P, []),
    ("日経平均株価は3日続伸した。", P, []),
    ("30歳の男性が2頭のパンダと300万人の来場者を迎えた。", P, []),
    ("付加価値税は3パーセント増税され、約20%となる。", P, []),
    ("1日に3回服用する。", P, []),
    ("日経平均は前日比100円高となった。", P, []),
    ("毎日新聞によると、", P, []),
    ("戦争が3年目を迎えた。", P, []),
    ("運転を一時停止した。一日も早い復旧を目指す。", P, []),
    ("兄弟はきょうだいとも読む。", P, []),
    ("20歳5ヶ月の若さで優勝した。", P, []),
]


def _ids(case):
    return case[0][:18]


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[_ids(c) for c in CASES])
def test_date_table(text, published, expected):
    pub = dt.date.fromisoformat(published) if published else None
    dates = tag_text(text, pub)
    assert [(d.text, d.value) for d in dates] == expected
    for d in dates:
        assert text[d.start:d.end] == d.text
        assert d.rule


def test_table_is_large_enough():
    assert len(CASES) >= 80


TYPES = [
    ("12日午前10時に90分間会談した。毎年開かれる。", [("DATE", "12日"), ("TIME", "午前10時"), ("DURATION", "90分間"), ("SET", "毎年")]),
]


@pytest.mark.parametrize(("text", "expected"), TYPES)
def test_types(text, expected):
    assert [(d.type, d.text) for d in tag_text(text, dt.date(2025, 2, 13))] == expected


@pytest.mark.parametrize(("numeral", "value"), [
    ("2025", 2025), ("２０２５", 2025), ("二〇二五", 2025), ("十二", 12), ("二十五", 25), ("三十一", 31), ("百", 100), ("年", None),
])
def test_numerals(numeral, value):
    assert to_int(numeral) == value


def test_ids_are_in_text_order():
    dates = tag_text("12日に会談した。13日に帰国した。", dt.date(2025, 2, 13))
    assert [d.id for d in dates] == ["D1", "D2"]
    assert [d.start for d in dates] == sorted(d.start for d in dates)


def test_shipped_lexicon_validates_and_rejects_unknown_keys(tmp_path):
    lex = load_lexicon()
    assert lex.eras["令和"] == 2019
    raw = json.loads(lex.model_dump_json())
    raw["misspelt"] = {}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(pydantic.ValidationError):
        load_lexicon(str(bad))


def test_user_lexicon_extends_relative_words(tmp_path):
    raw = json.loads(load_lexicon().model_dump_json())
    raw["relative_days"]["本日中"] = 0
    path = tmp_path / "lex.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    lex = load_lexicon(str(path))
    assert isinstance(lex, DateLexicon)
    dates = tag_text("本日中に回答する。", dt.date(2025, 2, 13), lexicon=lex)
    assert [(d.text, d.value) for d in dates] == [("本日中", "2025-02-13")]


@pytest.mark.parametrize("text", ["", "。", "日", "年月日", "99月99日", "32日", "0時", "令和", "「」" * 10, "\n\n"])
def test_odd_input_does_not_raise(text):
    for d in tag_text(text, dt.date(2025, 2, 13)):
        assert text[d.start:d.end] == d.text


# --- with GiNZA: tense from the parse, span group, regions -------------------------------------

def test_parsed_tense_and_spans(tagger):
    text = ("首脳会談\n\n"
            "米大統領は20日に開催される国際会議で、新たな方針を示す見通しだ。"
            "一方、ロシア通信によると、両国の外相は20日、電話で会談した。")
    article = tagger(text, published="2025-02-13")
    assert_offsets(article)
    assert [(d.text, d.value) for d in article.dates] == [("20日", "2025-02-20"), ("20日", "2025-01-20")]


def test_parsed_quote_does_not_set_the_tense(tagger):
    text = "首相は11日、「来月には必ず実現する」と述べ、改革の実行を強調していた。"
    article = tagger(text, published="2025-02-13")
    assert [(d.text, d.value) for d in article.dates] == [("11日", "2025-02-11"), ("来月", "2025-03")]


@pytest.mark.parametrize(("text", "expected"), [
    ("25日に開かれる首脳会議に向け、調整を進めている。", "future"),
    ("前日に身柄交換が行われ、関係改善の機運が高まる中で実現した。", "past"),
    ("20日、ロイター通信によると、両国の外相が会談した。", "past"),
])
def test_parsed_clause_tense(tagger, text, expected):
    from newstag.dates.lexicon import load_lexicon
    from newstag.dates.tense import doc_tense

    doc = tagger.nlp(text)
    first = doc._.newstag_dates[0]
    assert doc_tense(load_lexicon(), doc, first.start, first.end) == expected


def test_span_group(tagger):
    doc = tagger.nlp("首相は12日午前10時、約1時間会談した。")
    dates = doc._.newstag_dates
    assert [(d.text, d.value) for d in dates] == [
        ("12日", "XXXX-XX-12"), ("午前10時", "XXXX-XX-12T10:00"), ("約1時間", "PT1H")]
    group = doc.spans["newstag_dates"]
    assert [d.type for d in dates] == [s.label_ for s in group]
    assert [d.id for d in dates] == [s.id_ for s in group]
    for d, s in zip(dates, group, strict=True):
        assert s.start_char <= d.start and d.end <= s.end_char


def test_published_on_the_doc_may_be_an_iso_string(tagger):
    comp = tagger.nlp.get_pipe("newstag_dates")
    doc = tagger.nlp.make_doc("12日に会談した。")
    doc._.newstag_published = "2025-01-03"
    assert [d.value for d in comp(doc)._.newstag_dates] == ["2024-12-12"]
    doc._.newstag_published = "yesterday"
    with pytest.raises(ValueError, match="newstag_published"):
        comp(doc)
