"""newstag_events: a body's own session, meetings with an unnamed side, group words of parties.

Same harness as test_events.py (entity mentions set by the test, dates from newstag_dates,
published 2024-03-13). Each case asserts (type, participants, date, status) of all events.
"""

from __future__ import annotations

import pytest

from .test_events import ENTS, project, tag_doc

NAMES = {
    **ENTS,
    "北海電機": ("ORG", []),
    "南洋化学": ("ORG", []),
    "みどり党": ("ORG", []),
    "青空党": ("ORG", []),
    "港湾労組": ("ORG", []),
    "大和通信": ("ORG", []),
    "国際卓球連盟": ("ORG", []),
    "山川": ("PERSON", ["党首"]),
    "北方諸国連合": ("ORG", []),
}

# a body's session (理事会, 総会, 会議) stands with its one named holder
SESSIONS = [
    ("北海電機は12日、臨時株主総会を開き、社長の交代を承認した。",
     [("MEETING", ("北海電機",), "2024-03-12", "occurred")]),
    ("国際卓球連盟の理事会は12日、新しい規則を採択した。",
     [("MEETING", ("国際卓球連盟",), "2024-03-12", "occurred")]),
    ("みどり党は12日の全国幹事長会議で、連立からの離脱を決定した。",
     [("MEETING", ("みどり党",), "2024-03-12", "occurred")]),
    # a member who convenes the session speaks for the body
    ("みどり党の山川党首は、来月に全国会議を開催する方針だ。",
     [("MEETING", ("みどり党",), "2024-04", "planned")]),
    # negatives: speaking at a conference is not holding it; 各 names no one body; a video call is no session
    ("北海電機の社長は12日、業界の会議で新製品について述べた。", []),
    ("南洋化学は各国際卓球連盟の会合で支援を訴える。", []),
    ("北海電機は12日、テレビ会議を開いた。", []),
    # the session of a body's members, the body inside the compound before a word for them
    ("北方諸国連合首脳会議は12日、共同声明を採択した。", [("MEETING", ("北方諸国連合",), "2024-03-12", "occurred")]),
    ("北方諸国連合外相会談が12日、開かれた。", [("MEETING", ("北方諸国連合",), "2024-03-12", "occurred")]),
    # but not a country (ドイツ首脳会議 names no body), nor a session merely related to the body
    ("ドイツ首脳会議は12日に開かれた。", []),
    ("北方諸国連合関連の会合は12日に開かれた。", []),
]

# a counterpart that is named but is no entity: the meeting stands with its one named side
UNNAMED = [
    ("港湾労組は12日、地元の住民らと協議した。",
     [("MEETING", ("港湾労組",), "2024-03-12", "occurred")]),
    ("南洋化学は12日、取引先の代表者を招いて協議した。",
     [("MEETING", ("南洋化学",), "2024-03-12", "occurred")]),
    # members of named bodies stand for the bodies; the one addressed at a meeting is its other side
    ("山川党首は12日に開かれた会合で、青空党の議員らに対して協力を求めた。",
     [("MEETING", ("山川", "青空党"), "2024-03-12", "occurred")]),
    ("港湾労組は12日、みどり党の議員らと協議した。", [("MEETING", ("みどり党", "港湾労組"), "2024-03-12", "occurred")]),
    ("山川党首は12日の会合で、記者らに対して説明した。", []),
    # but a bare verb with no counterpart at all is no meeting
    ("南洋化学は12日、対応を協議した。", []),
]

# 両党 means two parties (names ending in 党); a news medium quoted as a source is no member of 両社
GROUPS = [
    ("みどり党と青空党は12日に会談した。両党は連立の継続で合意した。",
     [("AGREEMENT", ("みどり党", "青空党"), "2024-03-12", "occurred"),
      ("MEETING", ("みどり党", "青空党"), "2024-03-12", "occurred")]),
    ("大和通信によると、北海電機と南洋化学は12日に会談した。両社は提携で合意した。",
     [("AGREEMENT", ("北海電機", "南洋化学"), "2024-03-12", "occurred"),
      ("MEETING", ("北海電機", "南洋化学"), "2024-03-12", "occurred")]),
]


# a counted group (A、B、Cの三者) stands for its members; talks with Xに対して, each when いずれも
TALKS = [
    ("北海電機、南洋化学、大和通信の三者は、交渉は続くと言明している。",
     [("MEETING", ("北海電機", "南洋化学", "大和通信"), None, "occurred")]),
    ("港湾労組は、これまでにも北海電機と南洋化学に対して買収交渉を進めたが、いずれも決裂した。",
     [("MEETING", ("北海電機", "港湾労組"), None, "occurred"), ("MEETING", ("南洋化学", "港湾労組"), None, "occurred")]),
    ("港湾労組は12日、北海電機と南洋化学に対して交渉を進めた。",
     [("MEETING", ("北海電機", "南洋化学", "港湾労組"), "2024-03-12", "occurred")]),
    ("北海電機、南洋化学、大和通信など5社は12日、協議を行った。",
     [("MEETING", ("北海電機", "南洋化学", "大和通信"), "2024-03-12", "occurred")]),
    # negatives: a count with no members named before it; one named member is no group
    ("三者は交渉は続くと言明している。", []),
    ("北海電機の三者は交渉は続くと言明している。", []),
]


def _run(tagger, text, expected, affiliations=None):
    assert project(tag_doc(tagger, text, NAMES, affiliations)) == sorted(expected)


@pytest.mark.parametrize(("text", "expected"), SESSIONS, ids=[c[0][:18] for c in SESSIONS])
def test_sessions(tagger, text, expected):
    _run(tagger, text, expected, {"山川": "みどり党"})


@pytest.mark.parametrize(("text", "expected"), UNNAMED, ids=[c[0][:18] for c in UNNAMED])
def test_unnamed_counterpart(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), GROUPS, ids=[c[0][:18] for c in GROUPS])
def test_group_words(tagger, text, expected):
    _run(tagger, text, expected)


@pytest.mark.parametrize(("text", "expected"), TALKS, ids=[c[0][:18] for c in TALKS])
def test_talks(tagger, text, expected):
    _run(tagger, text, expected)
