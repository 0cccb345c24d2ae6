"""newstag_events: the date and the status of an event come from its own clause.

Same harness as test_events.py (entity mentions set by the test, dates from newstag_dates,
published 2024-03-13). Each case asserts (type, participants, date, status).
"""

from __future__ import annotations

import pytest

from .test_events import project, tag_doc

CASES = [
    # a coordinated clause shares the modality of a noun over both (予定) ...
    ("林外相はウクライナを訪問し、ゼレンスキー大統領と会談する予定だ。",
     [("MEETING", ("ゼレンスキー", "林"), None, "planned"), ("VISIT", ("林",), None, "planned")]),
    # ... but not the meaning of the next verb: 反対し、…を提案した is an opposition held, not a proposal
    ("ドイツは12日、日本の決定に反対し、代わりに別の案を提案した。",
     [("POSITION", ("ドイツ",), "2024-03-12", "occurred")]),
    # 非難したが、…否定した: the denial is someone else's
    ("中国外務省は12日、日本の決定を非難したが、カナダはこれを否定した。",
     [("POSITION", ("中国外務省",), "2024-03-12", "occurred")]),
    # a relative clause of the trigger noun dates it (17日に行われた訪問) and tells it as past, even
    # when a stance is taken on it
    ("12日に行われた岸田首相のキーウ訪問について、ロシアは反発した。",
     [("POSITION", ("ロシア",), None, "occurred"), ("VISIT", ("岸田",), "2024-03-12", "occurred")]),
    # 来月に予定している会談: the relative clause dates and plans it
    ("岸田首相は、来月に予定している尹錫悦大統領との会談について説明した。",
     [("MEETING", ("尹錫悦", "岸田"), "2024-04", "planned")]),
    # a date inside a relative clause of an earlier sentence is not carried to a later sentence
    ("トヨタ自動車は、5日に発表した計画を見直した。林外相は王毅外相と会談した。",
     [("MEETING", ("林", "王毅"), None, "occurred")]),
    # nor a date of a clause of a period (〜が起きて以来)
    ("カナダは5日に事件が起きて以来、警戒を強めている。林外相は王毅外相と会談した。",
     [("MEETING", ("林", "王毅"), None, "occurred")]),
    # nor to a clause in 〜ていた (a state before the narrative's moment) ...
    ("ドイツは12日、新たな制裁を決めた。ドイツはロシアの提案に反対していた。",
     [("POSITION", ("ドイツ",), None, "occurred")]),
    # while the date of an earlier sentence's main clause is
    ("ドイツは12日、新たな制裁を決めた。ドイツはロシアの提案に反対した。",
     [("POSITION", ("ドイツ",), "2024-03-12", "occurred")]),
    ("林外相は12日、ソウルに到着した。林外相は王毅外相と会談した。",
     [("MEETING", ("林", "王毅"), "2024-03-12", "occurred"), ("VISIT", ("林",), "2024-03-12", "occurred")]),
    # a part of the day after the date (12日の午前中) still dates the clause
    ("林外相は12日の午前中、王毅外相と会談した。",
     [("MEETING", ("林", "王毅"), "2024-03-12", "occurred")]),
    # 懸念をもって: もつ carries the stance noun's clause (and its date)
    ("林外相は12日、カナダの決定を懸念をもって注視すると述べた。",
     [("POSITION", ("林",), "2024-03-12", "occurred")]),
    # Xを訪問中の長官: an ongoing visit with its own object is a visit, dated by the main clause;
    # 中東訪問中の (a compound) is a background label only
    ("ウクライナの首都キーウを訪問中の林外相が12日語った。",
     [("VISIT", ("林",), "2024-03-12", "occurred")]),
    ("中東訪問中の林外相は12日、停戦案への支持を表明した。",
     [("POSITION", ("林",), "2024-03-12", "occurred")]),
    # 政府は15日、Xが来月上旬に訪問し…: of two dates on the frame the nearer is the visit's own
    ("政府は15日、林外相が来月上旬にソウルを訪問し、尹錫悦大統領と会談する方向で調整していると明らかにした。",
     [("MEETING", ("尹錫悦", "林"), "2024-04", "planned"), ("VISIT", ("林",), "2024-04", "planned")]),
    # a time-zone note between the sentence's date and its comma (12日(日本時間)、) keeps the date
    # the narrative's, so a later sentence inherits it
    ("政府は3月12日(日本時間)、新たな制裁を決めた。林外相は王毅外相と会談した。",
     [("MEETING", ("林", "王毅"), "2024-03-12", "occurred")]),
    # …合意した。Xが12日語った。: a bare attribution sentence right after dates what it reports
    ("日本は、来年の共同演習でカナダと合意した。訪日中の林外相が12日語った。",
     [("AGREEMENT", ("カナダ", "日本"), "2024-03-12", "occurred")]),
    ("日本は、共同演習でカナダと合意した。林外相が12日、明らかにした。",
     [("AGREEMENT", ("カナダ", "日本"), "2024-03-12", "occurred")]),
    # ... not when that sentence reports content of its own (an object, a quote) ...
    ("日本は、共同演習でカナダと合意した。林外相が12日、その経緯を語った。",
     [("AGREEMENT", ("カナダ", "日本"), None, "occurred")]),
    ("日本は共同演習でカナダと合意した。林外相は12日、「大きな前進だ」と語った。",
     [("AGREEMENT", ("カナダ", "日本"), None, "occurred")]),
    # ... nor for a planned event: the date is the announcement's, not the meeting's
    ("林外相は王毅外相と会談する予定だ。林外相が12日明らかにした。",
     [("MEETING", ("林", "王毅"), None, "planned")]),
    # a date inside a quotation is the quote's, never the stance's or the meeting's outside it
    ("林外相は「2022年に我々は大きな過ちを犯した」と述べ、ロシアの決定を批判した。",
     [("POSITION", ("林",), None, "occurred")]),
    ("林外相は、「5日に会った時、彼は何も言わなかった」と話し、王毅外相と会談した。",
     [("MEETING", ("林", "王毅"), None, "occurred")]),
    # a date inside a relative clause of another noun dates that clause only ...
    ("ドイツは、5日に成立した法律に反対した。",
     [("POSITION", ("ドイツ",), None, "occurred")]),
    # ... while the sentence's own date, set off by a comma after the topic, dates the stance
    ("ドイツは5日、成立した法律に反対した。",
     [("POSITION", ("ドイツ",), "2024-03-05", "occurred")]),
    ("ドイツは、5日、成立した法律に反対した。",
     [("POSITION", ("ドイツ",), "2024-03-05", "occurred")]),
    # Xは5日に、…: also the narrative's date, inherited by a later sentence
    ("検察は12日に、容疑者の死を受けて捜査の打ち切りを決定し、捜査も中断される模様と言う。林外相は王毅外相と会談した。",
     [("MEETING", ("林", "王毅"), "2024-03-12", "occurred")]),
    # the date of the clause's setting (5日に開かれた会合で) is the clause's own ...
    ("ドイツは、5日に開かれた会合で、ロシアの決定に反対した。",
     [("POSITION", ("ドイツ",), "2024-03-05", "occurred")]),
    # ... also when the setting was introduced with its date in an earlier sentence
    ("林外相は5日に開かれたパーティーで挨拶した。林外相はパーティーの席で、ロシアの決定を批判した。",
     [("POSITION", ("林",), "2024-03-05", "occurred")]),
    # a setting before coordinated clauses (会議で、討論を行い、…反対した) sets them all
    ("ドイツは5日に開いた会議で、討論を行い、ロシアの提案に反対した。",
     [("POSITION", ("ドイツ",), "2024-03-05", "occurred")]),
    # ... also when the parser nests the coordinated clauses one in another
    ("ドイツは5日に開いた会議で、討論を行い、意見を交わし、ロシアの提案に反対した。",
     [("POSITION", ("ドイツ",), "2024-03-05", "occurred")]),
    # a stance only expected (反発が強まる見通し, 反発が予想される) is held by no one yet: no event
    ("ドイツは12日、カナダの決定に反発が強まる見通しだと述べた。", []),
    ("林外相は12日、日本の決定には韓国の反発が強まることが予想されると述べた。", []),
    # while the one who calls for a stance holds it
    ("林外相は国民に新たな税制への反対を呼びかけた。",
     [("POSITION", ("林",), None, "occurred")]),
    # a date on a time phrase (12日の閣議後, 12日の会議の後) dates the clause ...
    ("ドイツは、12日の閣議後の会見で、ロシアの決定に反対した。",
     [("POSITION", ("ドイツ",), "2024-03-12", "occurred")]),
    ("12日の閣議後、林外相は記者団に対しロシアの決定を批判した。",
     [("POSITION", ("林",), "2024-03-12", "occurred")]),
    ("12日の会議の後、ドイツはロシアの決定に反対した。",
     [("POSITION", ("ドイツ",), "2024-03-12", "occurred")]),
    # ... while a date on another noun (5日の報告書) does not
    ("林外相は、5日の報告書の内容を批判した。",
     [("POSITION", ("林",), None, "occurred")]),
    # a setting introduced with its date (5日に…行われたパーティー), also in a relative clause set off
    # by a comma, dates a later clause set there, a nominal trigger's too, over an intervening date
    ("林外相は5日に都内で行われた、日本とカナダの交流を祝うパーティーで挨拶した。カナダは3日に新たな制裁を決めていた。"
     "林外相はパーティーの席で、ロシアの決定を批判した。",
     [("POSITION", ("林",), "2024-03-05", "occurred")]),
    ("林外相は5日に都内で行われた、日本とカナダの交流を祝うパーティーで挨拶した。カナダは3日に新たな制裁を決めていた。"
     "林外相はパーティーの席で、ロシアの決定への反対を改めて強調した。",
     [("POSITION", ("林",), "2024-03-05", "occurred")]),
    ("林外相は5日に都内で行われたパーティーで挨拶した。カナダは3日に新たな制裁を決めていた。"
     "林外相はパーティーの席で、ロシアの決定への反対を改めて強調した。",
     [("POSITION", ("林",), "2024-03-05", "occurred")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:18] for c in CASES])
def test_date_and_status_of_the_clause(tagger, text, expected):
    assert project(tag_doc(tagger, text)) == sorted(expected)


# Full pipeline (own entities): a date set off after the topic (Xは3日、) is the sentence's even where
# the parser hangs it on a relative clause (3日 → 来日した), so the next sentence's agreement inherits it.
LEAD_DATE = [
    ("山岡健一外相は3日、来日したカナダのレイチェル・モリス外相と東京都内で会談した。両外相は経済協力の拡大で合意した。",
     {("AGREEMENT", "2025-09-03"), ("MEETING", "2025-09-03"), ("VISIT", "2025-09-03")}),
]


@pytest.mark.parametrize(("text", "expected"), LEAD_DATE, ids=[c[0][:12] for c in LEAD_DATE])
def test_lead_date_survives_a_misparse(tagger, text, expected):
    article = tagger(text, published="2025-09-05")
    assert {(e.type, e.date) for e in article.events} == expected
