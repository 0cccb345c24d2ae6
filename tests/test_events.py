"""newstag_events: typed events, their participants, date, place, status; merging.

Most cases run the events component on a GiNZA parse whose entity mentions are set by the test
itself (string search over the names listed with the case), so they check the event rules and
not the entity recogniser. Dates come from the real ``newstag_dates`` component.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from spacy.tokens import Span

from newstag.events.lexicon import TriggerFile, load_cues, load_triggers, shipped_triggers
from newstag.models import Entity, Mention

from .conftest import assert_offsets

PUBLISHED = dt.date(2024, 3, 13)

# name -> (type, titles)
ENTS = {
    "岸田": ("PERSON", ["首相"]),
    "バイデン": ("PERSON", ["大統領"]),
    "習近平": ("PERSON", ["国家主席"]),
    "尹錫悦": ("PERSON", ["大統領"]),
    "マクロン": ("PERSON", ["大統領"]),
    "ショルツ": ("PERSON", ["首相"]),
    "メローニ": ("PERSON", ["首相"]),
    "林": ("PERSON", ["外相"]),
    "王毅": ("PERSON", ["外相"]),
    "トヨタ自動車": ("ORG", []),
    "パナソニック": ("ORG", []),
    "中国外務省": ("ORG", []),
    "サンフランシスコ": ("PLACE", []),
    "キーウ": ("PLACE", []),
    "ウクライナ": ("PLACE", []),
    "ソウル": ("PLACE", []),
    "ワシントン": ("PLACE", []),
    "ロシア": ("PLACE", []),
    "ゼレンスキー": ("PERSON", ["大統領"]),
    "ドイツ": ("PLACE", []),
    "イタリア": ("PLACE", []),
    "米国": ("PLACE", []),
    "日本": ("PLACE", []),
    "中国": ("PLACE", []),
    "カナダ": ("PLACE", []),
    "東京都": ("PLACE", []),
    "メキシコ": ("PLACE", []),
    "韓国": ("PLACE", []),
    "チョ・テヨル": ("PERSON", ["外相"]),
    "ベトナム": ("PLACE", []),
    "チン": ("PERSON", ["首相"]),
    "フランス": ("PLACE", []),
}


def tag_doc(tagger, text: str, names: dict[str, tuple[str, list[str]]] | None = None, affiliations: dict[str, str] | None = None):
    """Parse with GiNZA, set entity mentions by string search, run dates + events."""
    names = ENTS if names is None else names
    nlp = tagger.nlp
    newstag_pipes = [n for n in nlp.pipe_names if n.startswith("newstag_")]
    doc = nlp(text, disable=newstag_pipes)
    doc._.newstag_published = PUBLISHED
    taken = [False] * len(text)
    found: dict[str, list[tuple[int, int]]] = {}
    for name in sorted(names, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not any(taken[start:end]):
                taken[start:end] = [True] * len(name)
                found.setdefault(name, []).append((start, end))
            start = text.find(name, end)
    order = sorted(found, key=lambda n: min(found[n]))
    ents, spans = [], []
    for k, name in enumerate(order, 1):
        typ, titles = names[name]
        eid = f"E{k}"
        ents.append(Entity(id=eid, type=typ, name=name, titles=titles,
                           mentions=[Mention(start=s, end=e, text=text[s:e]) for s, e in sorted(found[name])]))
        for s, e in found[name]:
            sp = doc.char_span(s, e, alignment_mode="expand")
            spans.append(Span(doc, sp.start, sp.end, label=typ, span_id=eid))
    ids = {e.name: e.id for e in ents}
    for e in ents:
        e.affiliation = ids.get((affiliations or {}).get(e.name, ""))
    doc._.newstag_entities = ents
    doc.spans["newstag_entities"] = spans
    doc = nlp.get_pipe("newstag_dates")(doc)
    doc._.newstag_events = []
    doc = nlp.get_pipe("newstag_events")(doc)
    return doc


def project(doc) -> list[tuple]:
    names = {e.id: e.name for e in doc._.newstag_entities}
    return sorted(
        (ev.type, tuple(sorted(names[p.entity] for p in ev.participants)), ev.date, ev.status)
        for ev in doc._.newstag_events
    )


# (text, expected [(type, participants, date, status)])
CASES = [
    # CALL: AはBと電話会談
    ("岸田首相は12日、バイデン大統領と電話会談を行った。",
     [("CALL", ("バイデン", "岸田"), "2024-03-12", "occurred")]),
    # CALL: a list of counterparts gives one call each
    ("マクロン大統領は10日、ドイツのショルツ首相、イタリアのメローニ首相と相次いで電話で協議した。",
     [("CALL", ("ショルツ", "マクロン"), "2024-03-10", "occurred"),
      ("CALL", ("マクロン", "メローニ"), "2024-03-10", "occurred")]),
    # MEETING: AとBが会談
    ("岸田首相とバイデン大統領が11日、会談した。",
     [("MEETING", ("バイデン", "岸田"), "2024-03-11", "occurred")]),
    # MEETING with place; 両首脳 resolves to the two leaders named before (AGREEMENT)
    ("バイデン大統領は11日、サンフランシスコで習近平国家主席と会談した。両首脳は軍同士の対話再開で合意した。",
     [("AGREEMENT", ("バイデン", "習近平"), "2024-03-11", "occurred"),
      ("MEETING", ("バイデン", "習近平"), "2024-03-11", "occurred")]),
    # VISIT: Xを訪問 (the place is not a participant)
    ("林外相は3日、ウクライナの首都キーウを訪問した。",
     [("VISIT", ("林",), "2024-03-03", "occurred")]),
    # AGREEMENT: AとBは…ことで合意 (提携 is the agreed matter, not a second event)
    ("トヨタ自動車とパナソニックは8日、電池事業で提携することで合意した。",
     [("AGREEMENT", ("トヨタ自動車", "パナソニック"), "2024-03-08", "occurred")]),
    # POSITION: what it is about is the topic, never a participant
    ("中国外務省は12日、日本の決定を強く非難した。",
     [("POSITION", ("中国外務省",), "2024-03-12", "occurred")]),
    # status: planned
    ("岸田首相は来月、ワシントンを訪問する予定だ。",
     [("VISIT", ("岸田",), "2024-04", "planned")]),
    # status: hypothetical
    ("岸田首相は、尹錫悦大統領との会談を検討している。",
     [("MEETING", ("尹錫悦", "岸田"), None, "hypothetical")]),
    # status: negated
    ("林外相は12日、王毅外相と会談しなかった。",
     [("MEETING", ("林", "王毅"), "2024-03-12", "negated")]),
    # dropped subject carried from the previous sentence; 〜入り is a visit
    ("岸田首相は10日、ソウル入りした。11日には尹錫悦大統領と会談した。",
     [("MEETING", ("尹錫悦", "岸田"), "2024-03-11", "occurred"),
      ("VISIT", ("岸田",), "2024-03-10", "occurred")]),
    # 相互訪問に合意 is an AGREEMENT, not a VISIT
    ("習近平国家主席は、バイデン大統領との相互訪問に合意した。",
     [("AGREEMENT", ("バイデン", "習近平"), None, "occurred")]),
    # no participants in the syntax: no event
    ("停戦交渉の早期開始が求められている。", []),
    # a visit named as a background state is no event of its own
    ("中東訪問中の林外相は12日、停戦案への支持を表明した。",
     [("POSITION", ("林",), "2024-03-12", "occurred")]),
    # 会談し、…で合意: the agreement's parties are the meeting's; 〜で一致 agrees too
    ("林外相は12日、王毅外相と会談し、対話の継続で合意した。",
     [("AGREEMENT", ("林", "王毅"), "2024-03-12", "occurred"),
      ("MEETING", ("林", "王毅"), "2024-03-12", "occurred")]),
    ("岸田首相とバイデン大統領は12日、防衛協力の強化で一致した。",
     [("AGREEMENT", ("バイデン", "岸田"), "2024-03-12", "occurred")]),
    # Xと…することで合意: the partner sits in the agreed clause
    ("トヨタ自動車は8日、パナソニックと電池事業で提携することで合意したと発表した。",
     [("AGREEMENT", ("トヨタ自動車", "パナソニック"), "2024-03-08", "occurred")]),
    # オンラインで会談 is a call
    ("岸田首相は12日、ショルツ首相とオンラインで会談した。",
     [("CALL", ("ショルツ", "岸田"), "2024-03-12", "occurred")]),
    # a trigger word inside a compound noun names no event: 支持率, 反対派
    ("岸田首相の内閣支持率は12日の調査で低下した。", []),
    # 受け入れる is a position only about a proposal or demand
    ("ウクライナは12日、米国の停戦案を受け入れた。ドイツは難民を受け入れた。",
     [("POSITION", ("ウクライナ",), "2024-03-12", "occurred")]),
    # Japanese is head-final: a と-phrase the parser hangs on an earlier verb belongs to the trigger
    ("林外相は12日、キーウを訪れ、ゼレンスキー大統領と会談した。",
     [("MEETING", ("ゼレンスキー", "林"), "2024-03-12", "occurred"),
      ("VISIT", ("林",), "2024-03-12", "occurred")]),
    # 非難する声明を出した: the statement is the holder's own
    ("中国外務省は12日、日本の決定を非難する声明を出した。",
     [("POSITION", ("中国外務省",), "2024-03-12", "occurred")]),
    # acquisitions: the target company is the other party when no seller is named
    ("トヨタ自動車は12日、パナソニックを買収することで合意したと発表した。",
     [("AGREEMENT", ("トヨタ自動車", "パナソニック"), "2024-03-12", "occurred")]),
    # a future date plans the event; the past tense of the text wins over the date
    ("岸田首相は20日、バイデン大統領と会談する。",
     [("MEETING", ("バイデン", "岸田"), "2024-03-20", "planned")]),
    # an unrecognised foreign name heads 米テスラ: no party rather than the wrong one
    ("パナソニックは12日、米テスラとの電池供給契約を締結した。", []),
    # a date modifying a noun (来年度の大綱) does not date a later event; no subject is carried
    # into a sentence that names its own (経済界からは)
    ("トヨタ自動車とパナソニックは12日、来年度の事業計画について合意した。経済界からは、計画に懸念の声が上がった。",
     [("AGREEMENT", ("トヨタ自動車", "パナソニック"), "2024-03-12", "occurred")]),
    # a stance stated in the non-past is held now, not planned
    ("中国外務省は、日本の決定に強く反対する。",
     [("POSITION", ("中国外務省",), None, "occurred")]),
    # 会った (に-counterpart), 到着 (needs a place), 調印
    ("岸田首相は12日、バイデン大統領に会った。",
     [("MEETING", ("バイデン", "岸田"), "2024-03-12", "occurred")]),
    ("林外相は12日、キーウに到着した。",
     [("VISIT", ("林",), "2024-03-12", "occurred")]),
    ("トヨタ自動車とパナソニックは12日、合弁契約に調印した。",
     [("AGREEMENT", ("トヨタ自動車", "パナソニック"), "2024-03-12", "occurred")]),
    # status: 否定 negates (12日 dates the denial, not the meeting), 〜ば is hypothetical
    ("林外相は12日、王毅外相との会談を否定した。",
     [("MEETING", ("林", "王毅"), None, "negated")]),
    ("岸田首相がバイデン大統領と会談すれば、協力が進む。",
     [("MEETING", ("バイデン", "岸田"), None, "hypothetical")]),
    # Xは批判を受けた: X is the target; the holder is who criticised (から), if named
    ("トヨタ自動車は12日、パナソニックから批判を受けた。林外相は強い批判を浴びた。",
     [("POSITION", ("パナソニック",), "2024-03-12", "occurred")]),
    # 遺憾の意を表明 opposes; 妥結 concludes an agreement, and the talks it was reached in are a
    # meeting of their own (a MEETING and the AGREEMENT reached in it stay two)
    ("中国外務省は12日、日本の決定について遺憾の意を表明した。",
     [("POSITION", ("中国外務省",), "2024-03-12", "occurred")]),
    ("カナダとメキシコは12日、関税交渉で妥結した。",
     [("AGREEMENT", ("カナダ", "メキシコ"), "2024-03-12", "occurred"),
      ("MEETING", ("カナダ", "メキシコ"), None, "occurred")]),  # (negotiations: dated by their own clause only)
    # a bare 都 stands for the latest place named with that suffix (東京都)
    ("東京都は12日、新たな計画を発表した。都はパナソニックと協議した。",
     [("MEETING", ("パナソニック", "東京都"), "2024-03-12", "occurred")]),
    # 株価が反発: a market move, not a stance; 反対に、… is a connective
    ("トヨタ自動車の株価は12日、反発した。", []),
    ("反対に、トヨタ自動車は12日、増益となった。", []),
    # 両国 → the two countries of the earlier event
    ("カナダとメキシコは5日、国境管理で合意した。両国は来月、協議を行う予定だ。",
     [("AGREEMENT", ("カナダ", "メキシコ"), "2024-03-05", "occurred"),
      ("MEETING", ("カナダ", "メキシコ"), "2024-04", "planned")]),
    # an unnamed spokesperson of an organisation holds its position; a subject inside the quote does not
    ("中国外務省の報道官は12日の記者会見で「日本側は歴史を直視すべきだ」と批判しました。",
     [("POSITION", ("中国外務省",), "2024-03-12", "occurred")]),
    # 来月 dates the conference of the agreed clause, not the agreement (NHK style)
    ("林外相は12日、ソウルで王毅外相と会談した。両外相は、来月、東京で開かれる会議に向けて緊密に連携することで一致した。",
     [("AGREEMENT", ("林", "王毅"), "2024-03-12", "occurred"),
      ("MEETING", ("林", "王毅"), "2024-03-12", "occurred")]),
    # a past-tense agreement never takes a later date: 来月 belongs to what was agreed
    ("カナダとメキシコは、来月、首脳会談を開くことで合意した。",
     [("AGREEMENT", ("カナダ", "メキシコ"), None, "occurred")]),
    # 〜ことでも一致: a further point agreed on; the meeting it names is its content, not an event
    ("林外相と王毅外相は12日、会談した。両外相は、首脳会談の早期実現を目指すことでも一致した。",
     [("AGREEMENT", ("林", "王毅"), "2024-03-12", "occurred"),
      ("MEETING", ("林", "王毅"), "2024-03-12", "occurred")]),
    # a party named inside the agreed clause is still a party
    ("林外相と王毅外相は12日、会談した。両外相は、王毅外相が来月日本を訪問する方向で調整することで一致した。",
     [("AGREEMENT", ("林", "王毅"), "2024-03-12", "occurred"),
      ("MEETING", ("林", "王毅"), "2024-03-12", "occurred")]),
    # a name the tagger reads as another part of speech (チン as an adverb) still heads its title
    ("岸田首相は12日、訪問先のベトナムでチン首相と会談し、安全保障分野での協力を強化することで合意しました。",
     [("AGREEMENT", ("チン", "岸田"), "2024-03-12", "occurred"),
      ("MEETING", ("チン", "岸田"), "2024-03-12", "occurred")]),
    # business wire style: Yを買収すると発表, Yと資本業務提携を結んだ (a compound 提携 word)
    ("トヨタ自動車は12日、パナソニックを買収すると発表した。",
     [("AGREEMENT", ("トヨタ自動車", "パナソニック"), "2024-03-12", "occurred")]),
    ("トヨタ自動車は12日、パナソニックと資本業務提携を結んだ。",
     [("AGREEMENT", ("トヨタ自動車", "パナソニック"), "2024-03-12", "occurred")]),
    # 来週 (a TIMEX week) after the publication day: the visit is planned
    ("中国外務省は12日、王毅外相が来週、日本を訪問すると発表した。",
     [("VISIT", ("王毅",), "2024-W12", "planned")]),
    # a meeting held by telephone is a call, whatever stands between 電話で and 会談
    ("岸田首相は12日、バイデン大統領と電話で約30分間会談した。",
     [("CALL", ("バイデン", "岸田"), "2024-03-12", "occurred")]),
    ("岸田首相は12日、電話でバイデン大統領と会談した。",
     [("CALL", ("バイデン", "岸田"), "2024-03-12", "occurred")]),
    # status from a wish or an intention: 会談したい考え, 会談に意欲 (hypothetical), 会談する意向 (planned);
    # a stance stated as a policy or a wish is held now
    ("林外相は王毅外相と会談したい考えだ。", [("MEETING", ("林", "王毅"), None, "hypothetical")]),
    ("林外相は王毅外相との会談に意欲を示した。", [("MEETING", ("林", "王毅"), None, "hypothetical")]),
    ("林外相は王毅外相と会談する意向を示した。", [("MEETING", ("林", "王毅"), None, "planned")]),
    ("中国外務省は日本の決定に反対する方針を示した。", [("POSITION", ("中国外務省",), None, "occurred")]),
    ("中国外務省は日本の決定を支持したいとしている。", [("POSITION", ("中国外務省",), None, "occurred")]),
    # a (joint) press conference is no meeting between its hosts
    ("トヨタ自動車とパナソニックは12日、東京都内で共同記者会見を開いた。", []),
    # NHK style: 訪問先のXで…と会談し (the meeting is found when the names are)
    ("林外相は12日、訪問先のソウルで韓国のチョ・テヨル外相と会談し、連携を確認しました。",
     [("MEETING", ("チョ・テヨル", "林"), "2024-03-12", "occurred")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:18] for c in CASES])
def test_event_cases(tagger, text, expected):
    assert project(tag_doc(tagger, text)) == sorted(expected)


# merging: one event per happening
MERGE_CASES = [
    # the call mentioned again as 会談 is the same call (duration attached)
    ("岸田首相は12日、バイデン大統領と約30分間電話会談した。岸田首相はバイデン大統領との会談で、連携を確認した。",
     [("CALL", ("バイデン", "岸田"), "2024-03-12", "occurred")]),
    # a second mention without a date takes the first one's date
    ("林外相は12日、王毅外相と会談した。林外相は王毅外相との会談について記者団に説明した。",
     [("MEETING", ("林", "王毅"), "2024-03-12", "occurred")]),
    # different dates: two meetings
    ("林外相は5日、王毅外相と会談した。林外相は12日にも王毅外相と会談した。",
     [("MEETING", ("林", "王毅"), "2024-03-05", "occurred"),
      ("MEETING", ("林", "王毅"), "2024-03-12", "occurred")]),
    # a holder's stance restated later without a date is the same stance ...
    ("中国外務省は12日、日本の決定に反対した。その後も中国外務省の反対の姿勢は変わらなかった。",
     [("POSITION", ("中国外務省",), "2024-03-12", "occurred")]),
    # ... but stances of one holder on two different days are two
    ("中国外務省は5日、日本の決定に反対した。中国外務省は12日、米国の提案にも反対した。",
     [("POSITION", ("中国外務省",), "2024-03-05", "occurred"),
      ("POSITION", ("中国外務省",), "2024-03-12", "occurred")]),
]


@pytest.mark.parametrize(("text", "expected"), MERGE_CASES, ids=[c[0][:18] for c in MERGE_CASES])
def test_merging(tagger, text, expected):
    assert project(tag_doc(tagger, text)) == sorted(expected)


@pytest.mark.parametrize("text", [
    "トヨタ自動車は新たな計画を発表した。これに対し、中国外務省は反発した。",
    "林外相は記者会見を開いた。これに対し、中国外務省は強く批判した。",
])
def test_a_pointing_back_pronoun_is_no_topic(tagger, text):
    # これに対し is a connective: the stance is found, but これ is not what it is about
    events = [e for e in tag_doc(tagger, text)._.newstag_events if e.type == "POSITION"]
    assert [(e.stance, e.topic) for e in events] == [("oppose", None)]


def test_an_aide_is_not_the_person_a_spokesperson_is(tagger):
    names = {"トランプ": ("PERSON", ["大統領"]), "自民党": ("ORG", [])}
    assert project(tag_doc(tagger, "トランプ大統領の側近は12日、法案に反対した。", names)) == []
    assert project(tag_doc(tagger, "トランプ大統領の報道官は12日、法案に反対した。", names)) == [
        ("POSITION", ("トランプ",), "2024-03-12", "occurred")]
    # an organisation's unnamed member holds its position
    assert project(tag_doc(tagger, "自民党の幹部は12日、法案への支持を表明した。", names)) == [
        ("POSITION", ("自民党",), "2024-03-12", "occurred")]


@pytest.mark.parametrize(("text", "topic"), [
    ("カナダとメキシコは12日、防衛協力の強化で合意した。", "防衛協力の強化"),  # a verbal noun + で is what was agreed
    ("カナダとメキシコは12日、東京で合意した。", None),  # a place is not
    ("カナダとメキシコは12日、協議で合意した。", None),  # nor the talks where it was agreed
])
def test_agreement_topic_with_de(tagger, text, topic):
    assert [e.topic for e in tag_doc(tagger, text)._.newstag_events if e.type == "AGREEMENT"] == [topic]


def test_status_of_a_stance_under_consideration(tagger):
    # 支持する方向で検討: the stance is being considered, not held
    doc = tag_doc(tagger, "中国外務省は12日、日本の決定を支持する方向で検討している。")
    assert project(doc) == [("POSITION", ("中国外務省",), "2024-03-12", "hypothetical")]


def test_a_country_and_its_leader_hold_two_positions(tagger):
    # ドイツは反対した。ドイツのショルツ首相は…懸念を示した: not one stance reported twice
    text = "フランスは12日、賛成したが、ドイツは反対した。ドイツのショルツ首相は「貿易戦争は誰の利益にもならない」と懸念を示した。"
    doc = tag_doc(tagger, text, affiliations={"ショルツ": "ドイツ"})
    assert project(doc) == sorted([("POSITION", ("ドイツ",), "2024-03-12", "occurred"),
                                   ("POSITION", ("フランス",), "2024-03-12", "occurred"),
                                   ("POSITION", ("ショルツ",), "2024-03-12", "occurred")])


def test_parties_inside_the_trigger_compound(tagger):
    # 日中首脳会談: the countries named inside the compound are the parties
    doc = tag_doc(tagger, "2019年12月の日中首脳会談では、海洋問題も取り上げられた。", {"日": ("PLACE", []), "中": ("PLACE", [])})
    assert project(doc) == [("MEETING", ("中", "日"), "2019-12", "occurred")]


def test_leader_pair_gives_the_missing_agent(tagger):
    # 米中首脳の対話 … Xと会談した日: the agent is the other country's named leader; the day the
    # relative clause modifies dates the meeting
    names = {"習近平": ("PERSON", ["国家主席"]), "バイデン": ("PERSON", ["大統領"]), "米": ("PLACE", []),
             "中国": ("PLACE", []), "中": ("PLACE", [])}
    text = "中国の習近平国家主席は13日、北京で演説した。米中首脳の対面での対話は、バイデン大統領と会談した2022年11月14日以来となる。"
    doc = tag_doc(tagger, text, names, {"習近平": "中"})  # 中 stands for the affiliation here
    assert project(doc) == [("MEETING", ("バイデン", "習近平"), "2022-11-14", "occurred")]


def test_relative_clause_of_a_later_word_gives_no_subject(tagger):
    # 停滞している日米の協議: the relative clause is 停滞's, not the call's
    names = {"石破": ("PERSON", ["首相"]), "バイデン": ("PERSON", ["大統領"]), "日": ("PLACE", []), "米": ("PLACE", [])}
    text = "石破首相は4日夜、アメリカのバイデン大統領と約40分間電話会談を行い、停滞している日米の協議を早期に再開することで一致した。"
    doc = tag_doc(tagger, text, names)
    assert [(t, p) for t, p, _, _ in project(doc)] == [("AGREEMENT", ("バイデン", "石破")), ("CALL", ("バイデン", "石破"))]


def test_country_level_mention_of_a_leaders_meeting(tagger):
    # 日米首脳会談 and 首相は大統領と会談: one meeting, between the people
    names = {"岸田": ("PERSON", ["首相"]), "バイデン": ("PERSON", ["大統領"]), "日": ("PLACE", []), "米": ("PLACE", [])}
    text = "日米首脳会談が12日、開かれた。岸田首相は12日、バイデン大統領と会談した。"
    doc = tag_doc(tagger, text, names, {"岸田": "日", "バイデン": "米"})
    assert project(doc) == [("MEETING", ("バイデン", "岸田"), "2024-03-12", "occurred")]


def test_arguments_place_duration_stance_topic(tagger):
    doc = tag_doc(tagger, "岸田首相は12日、バイデン大統領と約30分間電話会談した。")
    (ev,) = doc._.newstag_events
    assert (ev.duration, ev.cameo, ev.mode, ev.rule.split("+")[0]) == ("PT30M", "041", "telephone", "call.denwa_kaidan")
    assert {p.role for p in ev.participants} == {"agent", "counterpart"}
    doc = tag_doc(tagger, "バイデン大統領は11日、サンフランシスコで習近平国家主席と会談した。")
    (ev,) = doc._.newstag_events
    names = {e.id: e.name for e in doc._.newstag_entities}
    assert names[ev.place] == "サンフランシスコ"
    doc = tag_doc(tagger, "米国は、ウクライナのNATO加盟に反対の立場を表明した。")
    (ev,) = doc._.newstag_events
    assert (ev.type, ev.stance, ev.topic) == ("POSITION", "oppose", "ウクライナのNATO加盟")
    assert [names_of(doc, ev)] == [["米国"]]


def names_of(doc, ev) -> list[str]:
    names = {e.id: e.name for e in doc._.newstag_entities}
    return [names[p.entity] for p in ev.participants]


def test_visit_word_names_its_place(tagger):
    doc = tag_doc(tagger, "林外相は12日、米国の国務長官と会談した。林外相は来月訪米する。")
    (ev,) = [e for e in doc._.newstag_events if e.type == "VISIT"]
    names = {e.id: e.name for e in doc._.newstag_entities}
    assert (names[ev.place], ev.status) == ("米国", "planned")


def test_person_heads_the_phrase_not_the_country(tagger):
    doc = tag_doc(tagger, "岸田首相は12日、ドイツのショルツ首相と会談した。")
    (ev,) = doc._.newstag_events
    assert sorted(names_of(doc, ev)) == ["ショルツ", "岸田"]


def test_statements_are_kept_and_numbered(tagger):
    article = tagger("岸田首相は12日、バイデン大統領と電話会談した。岸田首相は「有意義な会談だった」と述べた。", published="2024-03-13")
    assert_offsets(article)
    assert [e.id for e in article.events] == [f"V{i}" for i in range(1, len(article.events) + 1)]
    starts = [e.trigger.start for e in article.events]
    assert starts == sorted(starts)
    assert len(article.events) == len({(e.type, e.trigger.start) for e in article.events})
    assert len([e for e in article.events if e.type == "STATEMENT"]) == len(article.quotes)


def test_headlines_only_repeat_body_events(tagger):
    # a title's event counts only when the body reports it; a one-line text is all body
    text = "米、対中関税に反対表明\n\n岸田首相は12日、バイデン大統領と電話会談を行った。\n"
    article = tagger(text, published="2024-03-13")
    typed = [e for e in article.events if e.type != "STATEMENT"]
    assert [e.type for e in typed] == ["CALL"]
    assert typed[0].trigger.start > text.index("\n")
    article = tagger("岸田首相は12日、バイデン大統領と電話会談を行った", published="2024-03-13")
    assert [e.type for e in article.events if e.type != "STATEMENT"] == ["CALL"]


def test_empty_and_no_entities(tagger):
    for text in ("", "。", "会談した。", "電話会談、訪問、合意、反対。"):
        article = tagger(text)
        assert_offsets(article)
        assert [e for e in article.events if e.type != "STATEMENT"] == []


def test_shipped_data_validates():
    rules = shipped_triggers()
    assert {r.type for r in rules} == {"CALL", "MEETING", "VISIT", "AGREEMENT", "POSITION"}
    assert all(r.stance for r in rules if r.type == "POSITION")
    cues = load_cues()
    assert cues.groups and cues.light_verbs


def test_user_trigger_file(tmp_path: Path, tagger):
    extra = {"triggers": [{"id": "meeting.user.kondan", "type": "MEETING", "cameo": "040", "mode": "meet",
                           "pattern": [{"LEMMA": "懇親"}]}]}
    p = tmp_path / "mine.json"
    p.write_text(json.dumps(extra, ensure_ascii=False), encoding="utf-8")
    rules = load_triggers([str(p)])
    assert rules[-1].id == "meeting.user.kondan"
    with pytest.raises(ValueError, match="duplicate"):
        load_triggers([str(p), str(p)])
    with pytest.raises(ValueError, match="not a file"):
        load_triggers([str(tmp_path / "missing.json")])
    from newstag.events.component import EventsComponent

    comp = EventsComponent(tagger.nlp, "events_plus", trigger_files=[str(p)])
    doc = tag_doc(tagger, "林外相は12日、王毅外相と懇親した。")
    doc._.newstag_events = []
    assert [(e.type, e.rule) for e in comp(doc)._.newstag_events] == [("MEETING", "meeting.user.kondan")]
    bad = {"triggers": [{"id": "x", "type": "CALL", "cameo": "041", "mode": "m", "pattern": [{"LEMMA": "x"}], "stance": "support"}]}
    with pytest.raises(ValueError):
        TriggerFile.model_validate(bad)


@pytest.mark.slow
def test_seed_events_score(tagger, shared_dir):
    """Acceptance on the seed article: events F1 >= 0.9, date accuracy 1.0 on the matched ones."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("newseval", shared_dir / "eval" / "newseval.py")
    newseval = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(newseval)
    result = newseval.evaluate(str(shared_dir / "seed" / "gold.json"), tagger)["events"]
    assert result["f1"] >= 0.9, result
    assert result["date_acc"] == 1.0, result
