"""newstag_events: who the participants are (name phrases, anaphors, coordination, clause roles).

Same harness as test_events.py: entity mentions are set by string search over the names of
test_events.ENTS plus the names below, dates come from newstag_dates, published 2024-03-13. Each
case asserts (type, participants, date, status) of all typed events of the text.
"""

from __future__ import annotations

import pytest

from .test_events import ENTS, project, tag_doc

NAMES = {
    **ENTS,
    "朴正洙": ("PERSON", ["大統領"]),
    "陳水生": ("PERSON", ["総統"]),
    "ハサン・アリフ": ("PERSON", ["首相"]),
    "鈴木一郎": ("PERSON", ["幹事長"]),
    "北海道議会": ("ORG", []),
    "日本水泳協会": ("ORG", []),
    "佐藤次郎": ("PERSON", ["代表"]),
}

# a reading or gloss in brackets inside the name phrase (X(よみ)大統領, X前台湾(中華民国)総統)
# does not cut the person off the title that carries the case particle
ASIDES = [
    ("朴正洙(パク・ジョンス)大統領は12日、支援の継続を歓迎した。", [("POSITION", ("朴正洙",), "2024-03-12", "occurred")]),
    ("陳水生前台湾(中華民国)総統は13日、協定の締結に反対した。", [("POSITION", ("陳水生",), "2024-03-13", "occurred")]),
    ("ハサン・アリフ(Hasan Arif)首相は12日、林外相と会談した。", [("MEETING", ("ハサン・アリフ", "林"), "2024-03-12", "occurred")]),
    # negative: a bracketed clause is no aside of a name
    ("首相(昨年就任した)は12日、支援の継続を歓迎した。", []),
]

# Xとの会談直前に / 会談後、: a time noun heading the trigger's compound carries its arguments
TIME_HEADS = [
    ("林外相は、王毅外相との会談後に記者団の取材に応じた。", [("MEETING", ("林", "王毅"), None, "occurred")]),
    ("岸田首相は12日、尹錫悦大統領との首脳会談直後に記者団に語った。", [("MEETING", ("尹錫悦", "岸田"), "2024-03-12", "occurred")]),
    # negative: no counterpart named on the compound, no meeting
    ("林外相は会談後に記者団の取材に応じた。", []),
]

# 会談したとき / 電話で話した時: a time the trigger's clause modifies is no participant; the topic is the subject
TIME_CLAUSES = [
    ("林外相は、王毅外相と電話で話したとき、支援を約束した。", [("CALL", ("林", "王毅"), None, "occurred")]),
    ("岸田首相は、バイデン大統領と会談した時にも同じ説明をした。", [("MEETING", ("バイデン", "岸田"), None, "occurred")]),
    # negative: the people a clause modifies are its subject, and they are no entity
    ("王毅外相と会談した議員は支援を約束した。", []),
]

# A、Xでもある B: a copular clause describing the second name sits between coordinated names
COPULAR_COORDINATION = [
    ("鈴木一郎幹事長、党の顧問でもある佐藤次郎元代表がそれぞれ反対を表明した。",
     [("POSITION", ("佐藤次郎",), None, "occurred"), ("POSITION", ("鈴木一郎",), None, "occurred")]),
    ("鈴木一郎幹事長、党顧問でもある佐藤次郎元代表が12日、岸田首相と会談した。",
     [("MEETING", ("佐藤次郎", "岸田", "鈴木一郎"), "2024-03-12", "occurred")]),
    # (the parser may hang the first name on the clause's noun instead)
    ("鈴木一郎幹事長代理、日本商工会会長でもある佐藤次郎元代表が支持を表明した。",
     [("POSITION", ("佐藤次郎", "鈴木一郎"), None, "occurred")]),
    ("鈴木一郎副幹事長、日本医師会顧問でもある佐藤次郎元代表はそれぞれ批判した。",
     [("POSITION", ("佐藤次郎",), None, "occurred"), ("POSITION", ("鈴木一郎",), None, "occurred")]),
    # negative: the description alone names nobody else
    ("党の顧問である佐藤次郎元代表が反対を表明した。", [("POSITION", ("佐藤次郎",), None, "occurred")]),
]

# 議会側と / 協会は: a bare noun heading the name of an organisation named before stands for it
BARE_BODIES = [
    ("北海道議会は12日、予算案を可決した。鈴木一郎知事は13日、議会側と協議した。",
     [("MEETING", ("北海道議会", "鈴木一郎"), "2024-03-13", "occurred")]),
    ("トヨタ自動車は日本水泳協会に支援を申し出た。協会は13日、トヨタ自動車と交渉した。",
     [("MEETING", ("トヨタ自動車", "日本水泳協会"), "2024-03-13", "occurred")]),
    # negatives: a bare 政府 is the home government, not the latest one named; with no assembly
    # named before, the other side stays unnamed
    ("中国外務省は12日、声明を出した。政府側は13日、トヨタ自動車と協議した。", []),
    ("鈴木一郎知事は13日、議会側と協議した。", [("MEETING", ("鈴木一郎",), "2024-03-13", "occurred")]),
]

# who holds a stance whose noun names its holders as no entity, arises, or is held against the subject
STANCE_SOURCES = [
    # 両幹事長の批判: the holders are named on the noun (as no entity), not the sentence's topic
    ("岸田首相は「両幹事長の批判を重く受け止める」と述べた。", []),
    ("岸田首相は住民らの反発を受け止めた。", []),
    # 抗議の電話やメールが殺到した: what arises is held by nobody the sentence names
    ("パナソニックは12日、新製品を発表した。トヨタ自動車には抗議の電話やメールが殺到した。", []),
    ("トヨタ自動車には、パナソニックから抗議の声が上がった。", [("POSITION", ("パナソニック",), None, "occurred")]),
    # 懸念を抱かれた: the subject is the target; the から / に phrase holds the stance
    ("林外相は中国外務省から強い懸念を抱かれた。", [("POSITION", ("中国外務省",), None, "occurred")]),
    ("林外相は多くの国から懸念を抱かれた。", []),
]

# Xに出席したのは、A、B、C(だ): a cleft, whose predicate names the subject
CLEFTS = [
    ("12日の首脳会議に出席したのは、カナダ、ドイツ、イタリアの3カ国。",
     [("MEETING", ("イタリア", "カナダ", "ドイツ"), "2024-03-12", "occurred")]),
    ("12日にバイデン大統領と会談したのは林外相だった。", [("MEETING", ("バイデン", "林"), "2024-03-12", "occurred")]),
    # negative: the predicate names no one
    ("林外相が首脳会議に出席したのは初めてだ。", [("MEETING", ("林",), None, "occurred")]),
    ("首脳会議に出席したのは初めてだ。", []),
]


def _run(tagger, text, expected):
    typed = {"CALL", "MEETING", "VISIT", "POSITION", "AGREEMENT"}
    assert [e for e in project(tag_doc(tagger, text, NAMES)) if e[0] in typed] == sorted(expected)


@pytest.mark.parametrize(("text", "expected"), ASIDES, ids=[c[0][:18] for c in ASIDES])
def test_bracketed_asides(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), TIME_HEADS, ids=[c[0][:18] for c in TIME_HEADS])
def test_time_noun_heads(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), TIME_CLAUSES, ids=[c[0][:18] for c in TIME_CLAUSES])
def test_time_clauses(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), COPULAR_COORDINATION, ids=[c[0][:18] for c in COPULAR_COORDINATION])
def test_copular_coordination(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), BARE_BODIES, ids=[c[0][:18] for c in BARE_BODIES])
def test_bare_bodies(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), STANCE_SOURCES, ids=[c[0][:18] for c in STANCE_SOURCES])
def test_stance_sources(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), CLEFTS, ids=[c[0][:18] for c in CLEFTS])
def test_clefts(tagger, text, expected):
    _run(tagger, text, expected)


# 「Xから電話があり、私も…」: in a quote told in the first person, a call with a named other side and
# no named subject is the speaker's (full pipeline: the quotes component names the speaker)
FIRST_PERSON_CALLS = [
    ("岸田首相は「12日にバイデン大統領から電話があり、私からも支援の継続を伝えた」と語った。",
     [("CALL", ("バイデン", "岸田"), "2024-03-12")]),
    ("岸田首相は「バイデン大統領から電話をもらい、私も驚いた」と話した。", [("CALL", ("バイデン", "岸田"), None)]),
    # negative: a quote not told in the first person names no receiver
    ("岸田首相は「12日にバイデン大統領から電話があり、支援の継続を確認した」と語った。", []),
]


@pytest.mark.parametrize(("text", "expected"), FIRST_PERSON_CALLS, ids=[c[0][:18] for c in FIRST_PERSON_CALLS])
def test_first_person_calls(tagger, text, expected):
    art = tagger(text, published="2024-03-13")
    names = {e.id: e.name for e in art.entities}
    got = sorted((e.type, tuple(sorted(names[p.entity] for p in e.participants)), e.date) for e in art.events if e.type == "CALL")
    assert got == sorted(expected)
