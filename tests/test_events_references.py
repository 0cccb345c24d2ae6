"""newstag_events: participants named by reference — a bare stem of an organisation, the other
side of a talk in the same sentence, members named as included (Aを加えた / Aを含む), 各国 for
the parties of a multilateral event, the subject of a sentence led by a closed subordinate clause.

Same harness as test_events.py (entity mentions by string search over the names below, published
2024-03-13); each case asserts (type, participants, date, status) of all typed events of the text.
"""

from __future__ import annotations

import pytest

from .test_events import ENTS, project, tag_doc

NAMES = {
    **ENTS,
    "南洋グループ": ("ORG", []),
    "大和通信": ("ORG", []),
    "東邦電機": ("ORG", []),
    "鈴木一郎": ("PERSON", ["幹事長"]),
    "ASEAN": ("ORG", []),
    "フランス": ("PLACE", []),
    "佐藤次郎": ("PERSON", ["外務副大臣"]),
    "ヨハン・ファルケンベルグ": ("PERSON", []),
    "緑と未来": ("ORG", []),
}

# 南洋グループ … 南洋と: the bare stem of an organisation named in full before stands for it
SHORT_FORMS = [
    ("南洋グループは10日、新事業を発表した。大和通信は12日、南洋と交渉した。",
     [("MEETING", ("南洋グループ", "大和通信"), "2024-03-12", "occurred")]),
    ("東邦電機は南洋グループの株式を取得した。南洋は13日、東邦電機と協議した。",
     [("MEETING", ("南洋グループ", "東邦電機"), "2024-03-13", "occurred")]),
    # negative: a word that is no stem of a name named in full stays unnamed
    ("南洋グループは10日、新事業を発表した。大和通信は12日、北洋と交渉した。",
     [("MEETING", ("大和通信",), "2024-03-12", "occurred")]),
]

# ファルケンベルク氏 for ヨハン・ファルケンベルグ: a katakana name spelt as one named before but for
# voicing marks or long vowels
KANA_VARIANTS = [
    ("ヨハン・ファルケンベルグ氏は11日、辞任した。ファルケンベルク氏は12日、改革案への支持を表明した。",
     [("POSITION", ("ヨハン・ファルケンベルグ",), "2024-03-12", "occurred")]),
    ("ヨハン・ファルケンベルグ氏は11日、辞任した。ファルケンベールグ氏は12日、林外相と会談した。",
     [("MEETING", ("ヨハン・ファルケンベルグ", "林"), "2024-03-12", "occurred")]),
    # negative: another name
    ("ヨハン・ファルケンベルグ氏は11日、辞任した。ファルケンハイン氏は12日、改革案への支持を表明した。", []),
]

# 「緑と未来」は…拒否した: brackets that hold a name tagged elsewhere are no quote, and the name
# they hold is the entity even where the parser splits it at its inner particle
BRACKETED_NAMES = [
    ("政党「緑と未来」は11日、声明を出した。また「緑と未来」は12日、連立案を拒否した。",
     [("POSITION", ("緑と未来",), "2024-03-12", "occurred")]),
    # negative: bracketed words that name no entity of the article
    ("政党「緑と未来」は11日、声明を出した。また「青い森と川」は12日、連立案を拒否した。", []),
]

# XはYと交渉したものの、…買収を見送った: an agreement with one named party takes the other side
# of a talk earlier in the same sentence
TALK_PARTNERS = [
    # (the parser hangs the talk clause inside the quote)
    ("大和通信は東邦電機と交渉したものの、緊急理事会の後、「成長を続けるために本業に集中しなければいけない」と買収を見送った。",
     [("AGREEMENT", ("大和通信", "東邦電機"), None, "negated"), ("MEETING", ("大和通信", "東邦電機"), None, "occurred")]),
    ("大和通信は東邦電機と交渉を続けたが、「本業の経営に集中しなければならない」として買収を見送った。",
     [("AGREEMENT", ("大和通信", "東邦電機"), None, "negated"), ("MEETING", ("大和通信", "東邦電機"), None, "occurred")]),
    # negative: the talk is in another sentence and names another agent
    ("東邦電機は南洋グループと交渉した。大和通信は12日、買収を見送った。",
     [("MEETING", ("南洋グループ", "東邦電機"), None, "occurred")]),
]

# A、Bを加えた「C」, AやBを含むN カ国: the members named as included are participants too
INCLUDED = [
    ("14日の首脳会議に参加するのは、日本、中国を加えた「ASEANプラス3」と、カナダ、ドイツ。",
     [("MEETING", ("ASEAN", "カナダ", "ドイツ", "中国", "日本"), "2024-03-14", "planned")]),
    ("カナダ、ドイツを含む5カ国は12日、ワシントンで会談した。",
     [("MEETING", ("カナダ", "ドイツ"), "2024-03-12", "occurred")]),
    # negative: a verb of including with no named member adds nobody
    ("新たな国を加えたASEANは12日、首脳会議を開いた。", [("MEETING", ("ASEAN",), "2024-03-12", "occurred")]),
]

# Aをはじめとする何人かの議員: the member named as leading the group is a participant
LEADING_MEMBERS = [
    ("鈴木一郎幹事長をはじめとする何人かの議員は、増税に反対した。",
     [("POSITION", ("鈴木一郎",), None, "occurred")]),
    ("鈴木一郎幹事長をはじめとする与党の議員が13日、林外相と会談した。",
     [("MEETING", ("林", "鈴木一郎"), "2024-03-13", "occurred")]),
    # negative: はじめ as a beginning, not a list
    ("何人かの議員は、年のはじめに増税に反対した。", []),
]

# 副大臣は: a bare title stands for the latest person named before with that title
BARE_TITLES = [
    ("外務省の佐藤次郎外務副大臣はキーウを訪れた。副大臣は12日、ゼレンスキー大統領と会談した。",
     [("MEETING", ("ゼレンスキー", "佐藤次郎"), "2024-03-12", "occurred"), ("VISIT", ("佐藤次郎",), None, "occurred")]),
    ("鈴木一郎幹事長は11日に来日した。幹事長は12日、林外相と会談した。",
     [("MEETING", ("林", "鈴木一郎"), "2024-03-12", "occurred"), ("VISIT", ("鈴木一郎",), "2024-03-11", "occurred")]),
    # negative: no person named before with the title
    ("鈴木一郎幹事長は11日に来日した。副大臣は12日、林外相と会談した。",
     [("VISIT", ("鈴木一郎",), "2024-03-11", "occurred")]),
]

# こうした批判について、Yは…: the stances pointed back to are those voiced just before, one per speaker
VOICED_BEFORE = [
    ("鈴木一郎幹事長は「説明が足りない」と述べた。佐藤次郎副大臣も「責任は重い」と話した。"
     "こうした批判について、岸田首相は「重く受け止める」と語った。",
     [("POSITION", ("佐藤次郎",), None, "occurred"), ("POSITION", ("鈴木一郎",), None, "occurred")]),
    ("トヨタ自動車は「受け入れられない」との声明を出した。これらの懸念に対し、岸田首相は説明を続けると語った。",
     [("POSITION", ("トヨタ自動車",), None, "occurred")]),
    # negatives: nothing voiced before; the only speaker is the sentence's own actor; no demonstrative
    ("岸田首相は会見を開いた。こうした批判について、岸田首相は「重く受け止める」と語った。", []),
    ("岸田首相は「説明が足りない」と述べた。こうした批判について、岸田首相は「重く受け止める」と語った。", []),
    ("鈴木一郎幹事長は「説明が足りない」と述べた。批判について、岸田首相は「重く受け止める」と語った。", []),
]

# Xは労働組合と産業界からの批判を受けた。A氏は「…」と語った。: a stance from sides named as no entity is
# told by the quotes that follow, one stance per speaker
VOICED_AFTER = [
    ("増税案は労働組合と産業界からの批判を受けた。鈴木一郎幹事長は「景気を冷やす」と語った。"
     "佐藤次郎副大臣も「説明が足りない」と話した。",
     [("POSITION", ("佐藤次郎",), None, "occurred"), ("POSITION", ("鈴木一郎",), None, "occurred")]),
    # negatives: no quote follows; the holders are unnamed (数々の批判), not sides named as no entity
    ("増税案は労働組合と産業界からの批判を受けた。鈴木一郎幹事長は会見を開いた。", []),
    ("岸田首相は数々の批判に耳を傾けた。鈴木一郎幹事長は「景気を冷やす」と語った。", []),
]

# 各国は: the parties of the latest event among three or more countries or organisations
EACH = [
    ("12日の首脳会議に出席したのは、カナダ、ドイツ、イタリア。各国は13日、共同声明を出すことで合意した。",
     [("AGREEMENT", ("イタリア", "カナダ", "ドイツ"), "2024-03-13", "occurred"),
      ("MEETING", ("イタリア", "カナダ", "ドイツ"), "2024-03-12", "occurred")]),
    # negatives: no multilateral event before; only a meeting of two
    ("各国は13日、共同声明を出すことで合意した。", []),
    ("カナダとドイツは12日、会談した。各国は13日、共同声明を出すことで合意した。",
     [("MEETING", ("カナダ", "ドイツ"), "2024-03-12", "occurred")]),
]

# その理由は語られないが、Xが…と述べた: the subject of a subordinate clause that has closed is no
# subject of the reported judgement
CLOSED_CLAUSES = [
    ("その理由は明らかにされていないが、鈴木一郎幹事長が記者団に、増税を急ぐことがあってはならないと述べた。",
     [("POSITION", ("鈴木一郎",), None, "occurred")]),
    # negative: the sentence's first が phrase names no entity and its clause goes on
    ("住民が会見で、規制を緩めることがあってはならないと述べた。", []),
]


def _run(tagger, text, expected):
    typed = {"CALL", "MEETING", "VISIT", "POSITION", "AGREEMENT"}
    assert [e for e in project(tag_doc(tagger, text, NAMES)) if e[0] in typed] == sorted(expected)


@pytest.mark.parametrize(("text", "expected"), SHORT_FORMS, ids=[c[0][:18] for c in SHORT_FORMS])
def test_short_forms(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), KANA_VARIANTS, ids=[c[0][:18] for c in KANA_VARIANTS])
def test_kana_variants(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), BRACKETED_NAMES, ids=[c[0][:18] for c in BRACKETED_NAMES])
def test_bracketed_names(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), TALK_PARTNERS, ids=[c[0][:18] for c in TALK_PARTNERS])
def test_talk_partners(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), INCLUDED, ids=[c[0][:18] for c in INCLUDED])
def test_included_members(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), EACH, ids=[c[0][:18] for c in EACH])
def test_each_of_the_parties(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), CLOSED_CLAUSES, ids=[c[0][:18] for c in CLOSED_CLAUSES])
def test_closed_clauses(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), LEADING_MEMBERS, ids=[c[0][:18] for c in LEADING_MEMBERS])
def test_leading_members(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), BARE_TITLES, ids=[c[0][:18] for c in BARE_TITLES])
def test_bare_titles(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), VOICED_BEFORE, ids=[c[0][:18] for c in VOICED_BEFORE])
def test_voiced_before(tagger, text, expected):
    """The quotes component runs first here (full pipeline): it names the speakers."""
    art = tagger(text, published="2024-03-13")
    names = {e.id: e.name for e in art.entities}
    got = sorted((e.type, tuple(sorted(names[p.entity] for p in e.participants)), e.date, e.status)
                 for e in art.events if e.type != "STATEMENT")
    assert got == sorted(expected)


def _full(tagger, text):
    art = tagger(text, published="2024-03-13")
    names = {e.id: e.name for e in art.entities}
    return sorted((e.type, tuple(sorted(names[p.entity] for p in e.participants)), e.date, e.status)
                  for e in art.events if e.type != "STATEMENT")


# テリー伊藤氏は…電話で会話した時も: a call with no other side named, in an article whose headline names
# one person (not the caller), was with that person (full pipeline: the headline is the title line)
HEADLINE_COUNTERPARTS = [
    ("歌手の山田花子さんが死去\n\n歌手の山田花子さんが12日、東京都内の病院で亡くなった。"
     "俳優の田中太郎さんは「信じられない」と語り、先月に電話で話したときも元気だったと振り返った。",
     [("CALL", ("山田花子", "田中太郎"), "2024-02", "occurred")]),
    # negatives: the headline person is the caller; the headline names no one; it names two people
    ("歌手の山田花子さんが死去\n\n歌手の山田花子さんが12日、東京都内の病院で亡くなった。山田さんは先月、電話で話したという。", []),
    ("東京都内で火災\n\n俳優の田中太郎さんは12日、電話で話したと明かした。", []),
    ("歌手の山田花子さんと俳優の鈴木一郎さんが共演\n\n俳優の田中太郎さんは12日、電話で話したと明かした。", []),
]


@pytest.mark.parametrize(("text", "expected"), HEADLINE_COUNTERPARTS, ids=[c[0][:18] for c in HEADLINE_COUNTERPARTS])
def test_headline_counterparts(tagger, text, expected):
    assert _full(tagger, text) == sorted(expected)


# 「Xがハワイに行った際、電話をもらいました」: a time clause's subject is the predicate's when it has none
TIME_CLAUSE_SUBJECTS = [
    ("歌手の山田花子さんが死去\n\n歌手の山田花子さんが亡くなった。田中太郎さんがハワイに行った際、電話をもらったという。",
     [("CALL", ("山田花子", "田中太郎"), None, "occurred")]),
    # negative: the predicate has a subject of its own (the time clause's is someone else's)
    ("バイデン大統領が来日した際、岸田首相は林外相と電話で協議した。",
     [("CALL", ("岸田", "林"), None, "occurred"), ("VISIT", ("バイデン",), None, "occurred")]),
]


@pytest.mark.parametrize(("text", "expected"), TIME_CLAUSE_SUBJECTS, ids=[c[0][:18] for c in TIME_CLAUSE_SUBJECTS])
def test_time_clause_subjects(tagger, text, expected):
    assert _full(tagger, text) == sorted(expected)


# Xが…Yに移籍することが決まり、入団契約を結んだ: a joining contract binds the one who joins to the
# organisation joined; 入団契約と記者会見をした: the light verb of coordinated objects dates the contract
JOINING_CONTRACTS = [
    ("鈴木一郎選手が浦和レッズに移籍\n\n鈴木一郎選手がガンバ大阪から浦和レッズに移籍することが決まり、12日に入団契約を結んだ。",
     [("AGREEMENT", ("浦和レッズ", "鈴木一郎"), "2024-03-12", "occurred")]),
    ("鈴木一郎選手が浦和レッズに入団\n\n鈴木一郎選手は浦和レッズへの入団が決まり、12日、さいたま市で入団契約と記者会見をした。",
     [("AGREEMENT", ("浦和レッズ", "鈴木一郎"), "2024-03-12", "occurred")]),
    # negatives: no organisation joined is named; a contract that is no joining contract
    ("鈴木一郎選手が海外へ\n\n鈴木一郎選手は12日、入団契約を結んだ。", []),
    ("鈴木一郎選手が浦和レッズに移籍\n\n鈴木一郎選手が浦和レッズに移籍することが決まり、12日にスポンサー契約を結んだ。", []),
]


@pytest.mark.parametrize(("text", "expected"), JOINING_CONTRACTS, ids=[c[0][:18] for c in JOINING_CONTRACTS])
def test_joining_contracts(tagger, text, expected):
    assert _full(tagger, text) == sorted(expected)


@pytest.mark.parametrize(("text", "expected"), VOICED_AFTER, ids=[c[0][:18] for c in VOICED_AFTER])
def test_voiced_after(tagger, text, expected):
    assert _full(tagger, text) == sorted(expected)
