"""``newstag.network`` and ``newstag.timeline``: who met whom across articles, and when."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

import newstag
from newstag.graph import timex_start
from newstag.models import Article, Entity, Event, Mention, Participant, TextSpan

nx = pytest.importorskip("networkx")
pd = pytest.importorskip("pandas")

ARTICLES = [
    ("a1", "2025-09-05", "山岡健一外相は3日、来日したカナダのレイチェル・モリス外相と東京都内で会談した。"
                         "両外相は経済協力の拡大で合意した。モリス外相は4日、広島市を訪問する予定だ。"),
    ("a2", "2025-09-11", "山岡健一外相は10日、韓国の朴智勲外相と電話で会談した。北朝鮮のミサイル発射について意見を交わした。"),
    ("a3", "2025-09-11", "大阪府の村井達也知事は来月、ベトナムを訪問する。"),
]


@pytest.fixture(scope="module")
def articles(tagger):
    return list(tagger.pipe([(text, {"id": i, "published": p}) for i, p, text in ARTICLES]))


def _edges(g):
    return sorted((d["article"], d["type"], tuple(sorted((u, v))), d["status"], d["date"])
                  for u, v, d in g.edges(data=True))


def test_nodes_join_entities_across_articles_by_name(articles):
    g = newstag.network(articles)
    assert isinstance(g, nx.MultiGraph)
    assert g.nodes["山岡健一"] == {"type": "PERSON", "articles": ["a1", "a2"], "mentions": 2}
    assert g.nodes["朴智勲"]["articles"] == ["a2"] and g.nodes["ベトナム"]["type"] == "PLACE"
    names = {e.name for a in articles for e in a.entities}
    assert set(g.nodes) == names  # every entity is a node, also one in no event (北朝鮮)
    assert "北朝鮮" in set(nx.isolates(g))


def test_edges_are_events_between_participants(articles):
    g = newstag.network(articles)
    assert _edges(g) == [
        ("a1", "AGREEMENT", ("レイチェル・モリス", "山岡健一"), "occurred", "2025-09-03"),
        ("a1", "MEETING", ("レイチェル・モリス", "山岡健一"), "occurred", "2025-09-03"),
        ("a1", "VISIT", ("レイチェル・モリス", "広島市"), "planned", "2025-09-04"),  # the place is the destination
        ("a2", "CALL", ("山岡健一", "朴智勲"), "occurred", "2025-09-10"),
        ("a3", "VISIT", ("ベトナム", "村井達也"), "planned", "2025-10"),
    ]
    call = g.get_edge_data("山岡健一", "朴智勲")
    assert list(call) == ["a2/V1"]
    assert call["a2/V1"]["roles"] == {"山岡健一": "agent", "朴智勲": "counterpart"}
    assert call["a2/V1"]["rule"] and call["a2/V1"]["trigger"] in ARTICLES[1][2]
    assert g.number_of_edges("山岡健一", "レイチェル・モリス") == 2  # a MultiGraph: one edge per event


def test_visits_false_keeps_participants_only(articles):
    g = newstag.network(articles, visits=False)
    assert {d["type"] for _, _, d in g.edges(data=True)} == {"MEETING", "AGREEMENT", "CALL"}


def test_timeline_orders_dated_events(articles):
    t = newstag.timeline(articles)
    assert list(t.columns[:2]) == ["time", "precision"] and list(t.columns[2:]) == newstag.frames.COLUMNS["events"]
    assert [(str(x.date()), p, a, k) for x, p, a, k in zip(t["time"], t["precision"], t["article"], t["type"],
                                                            strict=True)] == [
        ("2025-09-03", "day", "a1", "VISIT"), ("2025-09-03", "day", "a1", "MEETING"),
        ("2025-09-03", "day", "a1", "AGREEMENT"), ("2025-09-04", "day", "a1", "VISIT"),
        ("2025-09-10", "day", "a2", "CALL"), ("2025-10-01", "month", "a3", "VISIT"),
    ]
    assert pd.api.types.is_datetime64_any_dtype(t["time"])


def _hand_article(ident, text, entities, events):
    """An article from (name, type) entities (first occurrence as the mention) and (type, [(name, role)]) events."""
    ents = []
    for k, (name, typ) in enumerate(entities, 1):
        s = text.index(name)
        ents.append(Entity(id=f"E{k}", type=typ, name=name, mentions=[Mention(start=s, end=s + len(name), text=name)]))
    by_name = {e.name: e.id for e in ents}
    evs = [Event(id=f"V{k}", type=typ, trigger=TextSpan(start=0, end=1, text=text[0]), date=date, rule="test",
                 participants=[Participant(entity=by_name[n], role=r) for n, r in parts])
           for k, (typ, parts, date) in enumerate(events, 1)]
    return Article(id=ident, text=text, body=TextSpan(start=0, end=len(text), text=text), entities=ents, events=evs)


def test_three_parties_give_three_edges_and_the_type_is_the_majority():
    text = "北海銀行と南洋商事と東邦電力は協議した。北海銀行は声明を出した。"
    a = _hand_article("x", text, [("北海銀行", "ORG"), ("南洋商事", "ORG"), ("東邦電力", "ORG")],
                      [("MEETING", [("北海銀行", "party"), ("南洋商事", "party"), ("東邦電力", "party")], None),
                       ("STATEMENT", [("北海銀行", "speaker")], None)])
    b = _hand_article(None, "北海銀行の支店で。", [("北海銀行", "PLACE")], [])
    c = _hand_article("z", "北海銀行が発表。", [("北海銀行", "ORG")], [])
    g = newstag.network([b, a, c])  # b has no id: its key is its position, as in to_frame
    assert g.nodes["北海銀行"]["type"] == "ORG" and g.nodes["北海銀行"]["articles"] == [0, "x", "z"]
    assert sorted(tuple(sorted((u, v))) for u, v in g.edges()) == [
        ("北海銀行", "南洋商事"), ("北海銀行", "東邦電力"), ("南洋商事", "東邦電力")]
    assert newstag.timeline([a, b]).empty


@pytest.mark.parametrize("value, expected", [
    ("2025-02-12", (dt.datetime(2025, 2, 12), "day")),
    ("2025-02-12T15:30", (dt.datetime(2025, 2, 12, 15, 30), "minute")),
    ("2025-02-12TNI", (dt.datetime(2025, 2, 12), "day")),
    ("2025-W07", (dt.datetime(2025, 2, 10), "week")),
    ("2025-02", (dt.datetime(2025, 2, 1), "month")),
    ("2025", (dt.datetime(2025, 1, 1), "year")),
    ("XXXX-XX-12", None), ("XXXX-02-12", None), ("199", None), ("PT90M", None), ("2025-13-01", None),
    ("2025-W54", None), ("", None), (None, None),
])
def test_timex_start(value, expected):
    assert timex_start(value) == expected


def test_bad_arguments_and_missing_networkx(articles, monkeypatch):
    with pytest.raises(TypeError, match="articles"):
        newstag.network("本文")
    with pytest.raises(TypeError, match=r"articles\[1\]"):
        newstag.timeline([articles[0], {"text": "x"}])
    with pytest.raises(TypeError, match="visits"):
        newstag.network(articles, visits="yes")
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(ImportError, match=r'pip install "newstag\[network\]"'):
        newstag.network(articles)
