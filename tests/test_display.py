"""The HTML view: highlights in title and body, tables of results, escaping, files."""

from __future__ import annotations

import datetime as dt
import re
from html import escape, unescape

import pytest

import newstag
from newstag.display import render
from newstag.models import Article, DateExpr, Entity, Event, Mention, Participant, Quote, TextSpan

from .conftest import EXAMPLES, assert_offsets

TITLE = "首相が米大統領と電話会談、関税で懸念伝える"
BOILER = "ホーム 政治 経済\n\n"
PARA1 = "石破茂首相は4日夜、トランプ米大統領と約30分間電話で会談した。"
PARA2 = "石破首相は会談で「A&B社の<関税>への影響は大きい」と述べた。トランプ氏は来月、東京を訪れる予定だ。"
FOOTER = "\n\nアクセスランキング 1 新幹線が運転見合わせ"
TEXT = f"{BOILER}{TITLE}\n\n{PARA1}\n{PARA2}{FOOTER}"


def _span(sub: str, nth: int = 0) -> tuple[int, int]:
    pos = -1
    for _ in range(nth + 1):
        pos = TEXT.index(sub, pos + 1)
    return pos, pos + len(sub)


def _ts(sub: str, nth: int = 0) -> TextSpan:
    s, e = _span(sub, nth)
    return TextSpan(start=s, end=e, text=sub)


def _mention(sub: str, nth: int = 0, title: str | None = None) -> Mention:
    s, e = _span(sub, nth)
    return Mention(start=s, end=e, text=sub, title=title, rule="test")


def make_article(id: str | None = "a1") -> Article:
    """A hand-tagged article: boilerplate around a title and two paragraphs."""
    title, p1, p2 = _ts(TITLE), _ts(PARA1), _ts(PARA2)
    body = TextSpan(start=p1.start, end=p2.end, text=TEXT[p1.start:p2.end])
    entities = [
        Entity(id="E1", type="PERSON", name="石破茂", titles=["首相"], rule="test-person",
               mentions=[_mention("石破茂", title="首相"), _mention("石破", 1, title="首相")]),
        Entity(id="E2", type="PERSON", name="トランプ", titles=["大統領"], affiliation="E3", rule="test-person",
               mentions=[_mention("トランプ"), _mention("トランプ", 1, title="氏")]),
        Entity(id="E3", type="PLACE", name="米", rule="test-place", mentions=[_mention("米", 1)]),
        Entity(id="E4", type="ORG", name="A&B社", rule="test-org", mentions=[_mention("A&B社")]),
        Entity(id="E5", type="PLACE", name="東京", rule="test-place", mentions=[_mention("東京")]),
    ]
    q_start, q_end = _span("A&B社の<関税>への影響は大きい")
    quotes = [Quote(id="Q1", start=q_start, end=q_end, text=TEXT[q_start:q_end], speaker="E1",
                    speaker_text="石破首相", cue="述べた", sentence=2, rule="test-quote")]
    dates = [
        DateExpr(id="D1", start=_span("4日夜")[0], end=_span("4日夜")[1], text="4日夜", type="TIME",
                 value="2025-03-04TNI", rule="test-date"),
        DateExpr(id="D2", start=_span("約30分間")[0], end=_span("約30分間")[1], text="約30分間", type="DURATION",
                 value="PT30M", rule="test-date"),
        DateExpr(id="D3", start=_span("来月")[0], end=_span("来月")[1], text="来月", type="DATE",
                 value="2025-04", rule="test-date"),
    ]
    events = [
        Event(id="V1", type="CALL", trigger=_ts("電話で会談"), rule="test-call", date="2025-03-04",
              participants=[Participant(entity="E1", role="agent"), Participant(entity="E2", role="counterpart")]),
        Event(id="V2", type="STATEMENT", trigger=_ts("述べた"), quote="Q1", rule="test-statement",
              participants=[Participant(entity="E1", role="speaker")]),
        Event(id="V3", type="VISIT", trigger=_ts("訪れる"), status="planned", place="E5", date="2025-04",
              participants=[Participant(entity="E2", role="visitor")], rule="test-visit"),
    ]
    sentences = [title, _ts(PARA1), _ts("石破首相は会談で「A&B社の<関税>への影響は大きい」と述べた。"),
                 _ts("トランプ氏は来月、東京を訪れる予定だ。")]
    return Article(id=id, text=TEXT, title=TITLE, title_span=title, published=dt.date(2025, 3, 5), body=body,
                   paragraphs=[p1, p2], sentences=sentences, entities=entities, dates=dates, quotes=quotes,
                   events=events)


def _visible_text(html: str) -> str:
    """The text a browser shows, without the small labels and tables."""
    body = html.split('<div style="line-height:1.4">')[0]
    body = re.sub(r'<div style="color:#868e96[^"]*">[^<]*</div>', "", body)  # published / id line
    body = re.sub(r'<span style="[^"]*font-size:0\.(62|7)em[^"]*">[^<]*</span>', "", body)
    return unescape(re.sub(r"<[^>]+>", "", body))


def test_hand_article_is_consistent():
    assert_offsets(make_article())


def test_repr_html_is_render():
    a = make_article()
    assert a._repr_html_() == render(a)


def test_text_kept_as_written_and_boilerplate_left_out():
    shown = _visible_text(render(make_article()))
    # exactly title + paragraphs, no spaces put between tokens, nothing else
    assert shown.replace("\n", "") == TITLE + PARA1 + PARA2
    assert "ホーム" not in shown and "ランキング" not in shown


def test_every_mention_is_highlighted_with_its_type_colour():
    from newstag.display import COLOURS

    html = render(make_article())
    for e in make_article().entities:
        for m in e.mentions:
            pattern = (rf'<mark style="background:{re.escape(COLOURS[e.type])};[^"]*" title="{re.escape(e.id)} '
                       rf'[^"]*">{re.escape(escape(m.text))}<span')
            assert re.search(pattern, html), (e.id, m.text)


def test_dates_quote_speaker_and_events_in_text():
    html = render(make_article())
    for d in ("4日夜", "約30分間", "来月"):
        assert re.search(rf'<mark style="background:[^"]*" title="D\d [A-Z]+ = [^"]*">{d}<span', html)
    # the quote is one highlighted span ending in its speaker's name
    m = re.search(r'<span style="background:#f3e8ff[^"]*" title="Q1 [^"]*">(.*?)<span style="[^"]*">([^<]*)</span></span>', html)
    assert m and m.group(2) == "石破茂"
    assert unescape(re.sub(r"<[^>]+>", "", m.group(1))).replace("ORG", "") == "A&B社の<関税>への影響は大きい"
    for trigger in ("電話で会談", "述べた", "訪れる"):
        assert re.search(rf'<mark style="background:transparent;border-bottom:2px dotted[^"]*" title="V\d [A-Z]+[^"]*">{trigger}<span[^>]*>[A-Z]+</span></mark>', html)


def test_tables_list_every_entity_quote_and_event():
    html = render(make_article())
    tables = html.split('<div style="line-height:1.4">')[1]
    rows = [[unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", r)] for r in re.findall(r"<tr>(.*?)</tr>", tables)]
    by_id = {r[0]: r for r in rows if r}  # header rows hold <th> only
    assert by_id["E1"][:5] == ["E1", "石破茂", "PERSON", "首相", "2"]
    assert by_id["E2"][5] == "米"  # affiliation by name
    assert by_id["E4"][1] == "A&B社"
    assert by_id["Q1"][1:3] == ["石破茂", "A&B社の<関税>への影響は大きい"]
    assert by_id["V1"][1:4] == ["CALL", "電話で会談", "石破茂 (agent)、トランプ (counterpart)"]
    assert by_id["V3"][4:7] == ["2025-04", "東京", "planned"]
    assert {"D1", "D2", "D3"} <= set(by_id)


def test_everything_escaped():
    html = render(make_article())
    assert "<関税>" not in html and "A&B" not in html
    assert "&lt;関税&gt;" in html and "A&amp;B社" in html


def test_overlapping_and_crossing_marks_never_break_the_html():
    a = make_article()
    # a date overlapping a mention and a mention running out of its paragraph
    s = a.paragraphs[0].start
    a.dates.append(DateExpr(id="D9", start=s + 1, end=s + 4, text=a.text[s + 1:s + 4]))
    a.entities[0].mentions.append(Mention(start=s - 2, end=s + 2, text=a.text[s - 2:s + 2]))
    html = render(a)
    assert html.count("<mark") == html.count("</mark>")
    assert html.count("<span") == html.count("</span>")
    assert _visible_text(html).replace("\n", "") == TITLE + PARA1 + PARA2


def test_render_writes_a_standalone_page(tmp_path):
    a = make_article()
    out = tmp_path / "a.html"
    html = render(a, out)
    page = out.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in page and html in page


def test_render_rejects_non_articles():
    with pytest.raises(TypeError, match="article"):
        render({"text": "x"})


def test_empty_article_renders():
    a = Article(text="", body=TextSpan(start=0, end=0, text=""))
    assert "entities (0)" in render(a)


def test_tagged_sample_shows_every_result(tagger):
    """End to end: whatever the components find is all in the view."""
    a = tagger((EXAMPLES / "clean_article.txt").read_text(encoding="utf-8"), published="2025-06-11")
    html = newstag.display.render(a)
    shown = _visible_text(html).replace("\n", "")
    assert shown == "".join([a.title or "", *(p.text for p in a.paragraphs)]).replace("\n", "")
    for e in a.entities:
        assert f">{escape(e.id)}</td><td" in html and escape(e.name) in html
    for q in a.quotes:
        assert f'title="{q.id} ' in html
    for ev in a.events:
        assert f">{ev.id}</td><td" in html


def _fuzz_article(draw_text: str, cuts: list[int], marks: list[tuple[int, int, int]]) -> tuple[Article, str]:
    """An article over arbitrary text: paragraphs between sorted cuts, marks anywhere."""
    n = len(draw_text)
    bounds = sorted({min(c, n) for c in cuts} | {0, n})
    paras = [TextSpan(start=s, end=e, text=draw_text[s:e]) for s, e in zip(bounds, bounds[1:], strict=False)
             if e > s][::2]  # every other stretch is boilerplate
    ents, dates, quotes = [], [], []
    for i, (a, b, kind) in enumerate(marks):
        s, e = sorted((min(a, n), min(b, n)))
        if kind == 0:
            ents.append(Entity(id=f"E{i}", type="ORG", name=draw_text[s:e] or "x",
                               mentions=[Mention(start=s, end=e, text=draw_text[s:e])]))
        elif kind == 1:
            dates.append(DateExpr(id=f"D{i}", start=s, end=e, text=draw_text[s:e]))
        else:
            quotes.append(Quote(id=f"Q{i}", start=s, end=e, text=draw_text[s:e], speaker_text="<x&y>"))
    body = TextSpan(start=0, end=n, text=draw_text)
    a = Article(text=draw_text, body=body, paragraphs=paras, entities=ents, dates=dates, quotes=quotes)
    return a, "".join(p.text for p in paras)


def test_fuzz_render_keeps_text_and_structure():
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies

    @hypothesis.settings(max_examples=100, deadline=None)
    @hypothesis.given(
        text=st.text(alphabet="あ漢「」<>&\"' \n\tA", max_size=40),
        cuts=st.lists(st.integers(0, 40), max_size=5),
        marks=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 2)), max_size=8),
    )
    def check(text, cuts, marks):
        a, shown = _fuzz_article(text, cuts, marks)
        html = render(a)
        assert html.count("<mark") == html.count("</mark>")
        assert html.count("<span") == html.count("</span>")
        assert _visible_text(html) == shown

    check()
