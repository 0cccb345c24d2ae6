"""newstag_events: participants from the predicate's frame (one table per frame, negatives included).

Same harness as test_events.py: entity mentions are set by the test (names of test_events.ENTS
unless a case lists its own), dates come from newstag_dates, published 2024-03-13. Each case
asserts (type, participants, date, status) of all events.
"""

from __future__ import annotations

import pytest

from .test_events import ENTS, project, tag_doc

# AとBによる会談 / AとBの会談が行われた: the actors are on the trigger noun, also under a passive light verb
BY_PHRASE = [
    ("その後、岸田首相と尹錫悦大統領による会談で説得をしたが、合意しなかった。",
     [("MEETING", ("尹錫悦", "岸田"), None, "occurred")]),
    ("林外相と王毅外相による会談が12日、開かれた。",
     [("MEETING", ("林", "王毅"), "2024-03-12", "occurred")]),
    ("岸田首相と尹錫悦大統領の会談は12日に行われた。",
     [("MEETING", ("尹錫悦", "岸田"), "2024-03-12", "occurred")]),
    # the passive of a stance verb still has its holder in the に / によって phrase
    ("日本の決定は中国外務省によって批判された。",
     [("POSITION", ("中国外務省",), None, "occurred")]),
]

# visiting a person is meeting them; 視察 is a visit to a named place
VISITS = [
    ("岸田首相は12日、パリでマクロン大統領を表敬訪問した。",
     [("MEETING", ("マクロン", "岸田"), "2024-03-12", "occurred"), ("VISIT", ("岸田",), "2024-03-12", "occurred")]),
    ("林外相は12日、ゼレンスキー大統領を訪ね、支援を伝えた。",
     [("MEETING", ("ゼレンスキー", "林"), "2024-03-12", "occurred"), ("VISIT", ("林",), "2024-03-12", "occurred")]),
    ("林外相は12日、東京都を視察した。", [("VISIT", ("林",), "2024-03-12", "occurred")]),
    # the place a relative clause of the visit modifies is its destination; the visitor is the topic
    ("林外相は12日、視察したキーウで記者団に語った。", [("VISIT", ("林",), "2024-03-12", "occurred")]),
    # negatives: 視察 without a named place; the people a relative clause modifies are the visitors
    ("林外相は12日、工場を視察した。", []),
    ("キーウを訪れた観光客は増えている。", []),
]


# signing an accord (条約, 協定, 合意 …) is an agreement even with one named signatory; a date
# prefixing the accord's name dates it; 〜を予定 carries the trigger's arguments and plans it
SIGNINGS = [
    ("ベトナムは12日、地域の自由貿易協定に署名した。", [("AGREEMENT", ("ベトナム",), "2024-03-12", "occurred")]),
    ("カナダは20日に友好協力条約に署名を予定している。", [("AGREEMENT", ("カナダ",), "2024-03-20", "planned")]),
    ("ベトナムは今年2月停戦合意に調印した。", [("AGREEMENT", ("ベトナム",), "2024-02", "occurred")]),
    ("ベトナムは12日、カナダとの協定に署名した。", [("AGREEMENT", ("カナダ", "ベトナム"), "2024-03-12", "occurred")]),
    # negatives: a partner named but unresolved; what is signed is no accord (a contract needs its partner)
    ("ベトナムは12日、隣国との協定に署名した。", []),
    ("トヨタ自動車は12日、販売契約に署名した。", []),
]


# who holds a stance when its noun is received, faced, arises or is talked about
STANCE_HOLDERS = [
    # the target of a stance is not its holder: the genitive or the から phrase is
    ("トヨタ自動車は、パナソニックの強い反対に直面している。", [("POSITION", ("パナソニック",), None, "occurred")]),
    ("トヨタ自動車は、株主からの大きな反対に直面している。", []),
    ("林外相は12日、数々の批判に耳を傾ける考えを示した。", []),
    ("林外相は12日、中国外務省の批判に応えた。", [("POSITION", ("中国外務省",), "2024-03-12", "occurred")]),
    # a stance arising (批判があった, 批判が相次いだ) is held by the から phrase only
    ("林外相は「自身への批判があったことは承知している」と述べた。", []),
    ("12日、中国外務省から批判が相次いだ。", [("POSITION", ("中国外務省",), "2024-03-12", "occurred")]),
    # a stance noun that a speaker talks about is not the speaker's
    ("こうした批判について、林外相は「重く受け止める」と述べた。", []),
    # a faction named after a person (X元首相派) is not the person
    ("12日、政府を支持する岸田首相派の議員らが集まった。", []),
    # a place with では is where, not who
    ("ソウルでは「停戦案は歓迎だ」という声が多い。", []),
]


# stance words beyond 支持/反対; それぞれ gives one stance per holder; a day part is a time, not a topic
STANCE_WORDS = [
    ("中国と韓国はそれぞれ12日の午前中に、強い不快感を伝えた。",
     [("POSITION", ("中国",), "2024-03-12", "occurred"), ("POSITION", ("韓国",), "2024-03-12", "occurred")]),
    ("中国と韓国は12日、強い不快感を伝えた。", [("POSITION", ("中国", "韓国"), "2024-03-12", "occurred")]),
    ("ドイツは12日、日本の決定に理解を示した。", [("POSITION", ("ドイツ",), "2024-03-12", "occurred")]),
    ("林外相は12日、ロシアの動きを牽制した。", [("POSITION", ("林",), "2024-03-12", "occurred")]),
    ("中国外務省は「事実ではない」と反論した。", [("POSITION", ("中国外務省",), None, "occurred")]),
    ("ウクライナは12日、停戦案を容認する考えを示した。", [("POSITION", ("ウクライナ",), "2024-03-12", "occurred")]),
    ("岸田首相は12日、ウクライナの努力を高く評価した。", [("POSITION", ("岸田",), "2024-03-12", "occurred")]),
    ("林外相、岸田首相がそれぞれ歓迎する意を明らかにした。",
     [("POSITION", ("岸田",), None, "occurred"), ("POSITION", ("林",), None, "occurred")]),
    # negatives: understanding a fact is no stance; an appraisal without 高く is no praise
    ("林外相は問題の深刻さを理解した。", []),
    ("トヨタ自動車は保有株の評価を見直した。", []),
]


# 電話をかける / 電話を受ける: the caller or the callee is the subject, the other the に / から phrase
PHONE_CALLS = [
    ("岸田首相は12日、バイデン大統領に電話をかけた。", [("CALL", ("バイデン", "岸田"), "2024-03-12", "occurred")]),
    ("林外相は12日、王毅外相から電話を受けた。", [("CALL", ("林", "王毅"), "2024-03-12", "occurred")]),
    # negatives: a place called is no party; no subject, no call
    ("林外相は12日、自宅に電話をかけた。", []),
    ("12日、バイデン大統領から電話があった。", []),
]


# a meeting as the setting of what is said or agreed: 会談で説明する / 会談で合意した
SETTINGS = [
    ("岸田首相は、尹錫悦大統領とは来週の会談で説明する。", [("MEETING", ("尹錫悦", "岸田"), "2024-W12", "planned")]),
    ("岸田首相は、尹錫悦大統領と12日の会談で合意した。",
     [("AGREEMENT", ("尹錫悦", "岸田"), "2024-03-12", "occurred"), ("MEETING", ("尹錫悦", "岸田"), "2024-03-12", "occurred")]),
    # a meeting as the setting of a past act is dated as that act, also from the sentence before
    ("岸田首相は12日、ソウル入りした。その後、尹錫悦大統領との会談で説得をした。",
     [("MEETING", ("尹錫悦", "岸田"), "2024-03-12", "occurred"), ("VISIT", ("岸田",), "2024-03-12", "occurred")]),
    # negatives: agreeing to hold a meeting is no meeting yet; a quote before と is no partner
    ("岸田首相は、尹錫悦大統領と会談することで合意した。", [("AGREEMENT", ("尹錫悦", "岸田"), None, "occurred")]),
    ("林外相は「ドイツと日本の協力が大切だ」と会談で述べた。", []),
    # an agreement a quote only mentions is not the speaker's
    ("林外相は「離脱しても、ドイツとの政策合意は実現を求める」と語った。", []),
]


def _run(tagger, text, expected, names=None):
    assert project(tag_doc(tagger, text, names)) == sorted(expected)


@pytest.mark.parametrize(("text", "expected"), BY_PHRASE, ids=[c[0][:18] for c in BY_PHRASE])
def test_actors_on_the_noun(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), VISITS, ids=[c[0][:18] for c in VISITS])
def test_visits(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), SIGNINGS, ids=[c[0][:18] for c in SIGNINGS])
def test_signings(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), STANCE_HOLDERS, ids=[c[0][:18] for c in STANCE_HOLDERS])
def test_stance_holders(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), STANCE_WORDS, ids=[c[0][:18] for c in STANCE_WORDS])
def test_stance_words(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), PHONE_CALLS, ids=[c[0][:18] for c in PHONE_CALLS])
def test_phone_calls(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), SETTINGS, ids=[c[0][:18] for c in SETTINGS])
def test_meeting_as_setting(tagger, text, expected):
    _run(tagger, text, expected)


_ = ENTS  # the shared entity table (cases with their own names extend it)
