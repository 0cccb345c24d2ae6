"""newstag_events: trigger frames beyond the stance words — judgements in reported speech,
contracts, deals called off.

Same harness as test_events.py (entity mentions set by the test, dates from newstag_dates,
published 2024-03-13). Each case asserts (type, participants, date, status, stance).
"""

from __future__ import annotations

import pytest

from .test_events import tag_doc


def project(doc) -> list[tuple]:
    names = {e.id: e.name for e in doc._.newstag_entities}
    return sorted(
        (ev.type, tuple(sorted(names[p.entity] for p in ev.participants)), ev.date, ev.status, ev.stance)
        for ev in doc._.newstag_events if ev.type != "STATEMENT"
    )


CASES = [
    # reported speech with a modal of obligation: the speaker supports what should be done
    ("林外相は、ロシアが即時に撤退すべきだと主張した。",
     [("POSITION", ("林",), None, "occurred", "support")]),
    # (the clause's own topic, even when the parser hangs it on the reporting verb, is no holder)
    ("林外相は12日の記者会見で、ロシアは撤退すべきだとの考えを示した。",
     [("POSITION", ("林",), "2024-03-12", "occurred", "support")]),
    ("ショルツ首相は11日、欧州は防衛費を増やす必要があると強調した。",
     [("POSITION", ("ショルツ",), "2024-03-11", "occurred", "support")]),
    ("トヨタ自動車は、生産を減らさなければならないと説明した。",
     [("POSITION", ("トヨタ自動車",), None, "occurred", "support")]),
    # ... and a prohibition, a negated obligation or calling something unlawful opposes it
    ("マクロン大統領は、年金改革を急いではならないと訴えた。",
     [("POSITION", ("マクロン",), None, "occurred", "oppose")]),
    ("ドイツは、ロシアへの制裁を緩めるべきではないとの立場を示した。",
     [("POSITION", ("ドイツ",), None, "occurred", "oppose")]),
    ("メローニ首相は、新たな税制は憲法違反であるとの見解を示した。",
     [("POSITION", ("メローニ",), None, "occurred", "oppose")]),
    # negatives: a direct quote is the quote's business; no holder, no stance; a noun's necessity
    # (対策が必要だ) is an assessment, not a position
    ("「ロシアは撤退すべきだ」と林外相は述べた。", []),
    ("撤退すべきだとの声が上がった。", []),
    ("林外相は、慎重な対応が必要だと述べた。", []),
    # a contract between two named parties is an agreement; a contract word inside another
    # compound (契約社員) is none
    ("トヨタ自動車はパナソニックと契約した。",
     [("AGREEMENT", ("トヨタ自動車", "パナソニック"), None, "occurred", None)]),
    ("トヨタ自動車は契約社員を増やした。", []),
    # a deal called off (買収を断念, 経営統合を白紙撤回) is a negated agreement; the talks before it
    # give its parties
    ("トヨタ自動車はパナソニックと交渉したが、買収を断念した。",
     [("AGREEMENT", ("トヨタ自動車", "パナソニック"), None, "negated", None),
      ("MEETING", ("トヨタ自動車", "パナソニック"), None, "occurred", None)]),
    ("トヨタ自動車とパナソニックは12日、経営統合を白紙撤回した。",
     [("AGREEMENT", ("トヨタ自動車", "パナソニック"), "2024-03-12", "negated", None)]),
    # a meal or a working meeting with a named counterpart (会食, 打ち合わせ) is a meeting
    ("岸田首相は12日夜、バイデン大統領と都内のホテルで会食した。",
     [("MEETING", ("バイデン", "岸田"), "2024-03-12", "occurred", None)]),
    ("林外相は13日、王毅外相と支援の内容について打ち合わせを行う予定だ。",
     [("MEETING", ("林", "王毅"), "2024-03-13", "planned", None)]),
    # (a dinner named without its parties is none)
    ("会食に参加した議員の一人が感染した。", []),
    # a meeting put off (会談を見合わせた) did not happen
    ("林外相は王毅外相との会談を見合わせた。",
     [("MEETING", ("林", "王毅"), None, "negated", None)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:18] for c in CASES])
def test_trigger_frames(tagger, text, expected):
    assert project(tag_doc(tagger, text)) == sorted(expected)
