"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "data" / "examples"


@pytest.fixture(scope="session")
def tagger():
    import newstag

    return newstag.Tagger()


@pytest.fixture
def run_cli(monkeypatch, tagger, capsys):
    """Run the ``newstag`` command in-process with the session's tagger; returns (exit code, stdout, stderr)."""
    import io
    import sys

    from newstag import cli

    monkeypatch.setattr(cli, "make_tagger", lambda model: tagger)

    def _run(*argv, stdin: str | None = None):
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cli.main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seed" / "gold.json").exists():
        pytest.skip("../shared is not present")
    return SHARED


def assert_offsets(article) -> None:
    """Every span-like thing indexes article.text exactly."""
    text = article.text
    spans = [article.body, *article.paragraphs, *article.sentences]
    spans += [x for x in (article.title_span, article.byline) if x is not None]
    spans += [m for e in article.entities for m in e.mentions]
    spans += list(article.dates) + list(article.quotes) + [ev.trigger for ev in article.events]
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text), s
        assert text[s.start:s.end] == s.text, s
    ids = {e.id for e in article.entities}
    for q in article.quotes:
        assert q.speaker is None or q.speaker in ids
    for ev in article.events:
        assert all(p.entity in ids for p in ev.participants)
        assert ev.place is None or ev.place in ids
    for e in article.entities:
        assert e.affiliation is None or e.affiliation in ids


def _within(x, outer) -> bool:
    return outer is not None and outer.start <= x.start and x.end <= outer.end


def assert_invariants(article) -> None:
    """What must hold for any input at all (the fuzz tests check it on every result).

    Offsets index the text; ids are unique, numbered in order and every reference resolves; tags
    lie within the title or the body; the layout is ordered and nested; JSON round trip is exact.
    """
    from newstag import Article

    assert_offsets(article)
    text = article.text
    assert (article.title is None) == (article.title_span is None)
    assert article.title is None or article.title == article.title_span.text
    # layout: paragraphs in order, inside the body; sentences in order, inside title or a paragraph
    for a, b in zip(article.paragraphs, article.paragraphs[1:], strict=False):
        assert a.end <= b.start, (a, b)
    for p in article.paragraphs:
        assert _within(p, article.body) and p.end > p.start, p
    for a, b in zip(article.sentences, article.sentences[1:], strict=False):
        assert a.end <= b.start, (a, b)
    for s in article.sentences:
        assert s.end > s.start and not text[s.start].isspace() and not text[s.end - 1].isspace(), s
        assert _within(s, article.title_span) or any(_within(s, p) for p in article.paragraphs), s
    # ids: unique, "E1", "E2", ... (and the same for dates, quotes, events)
    for prefix, items in (("E", article.entities), ("D", article.dates), ("Q", article.quotes), ("V", article.events)):
        assert [x.id for x in items] == [f"{prefix}{i}" for i in range(1, len(items) + 1)], [x.id for x in items]
    # tags lie within the title or the body, and are not empty
    tags = [m for e in article.entities for m in e.mentions] + list(article.dates) + [ev.trigger for ev in article.events]
    for t in tags:
        assert t.end > t.start, t
    for t in tags + list(article.quotes):
        assert _within(t, article.title_span) or _within(t, article.body), t
    for e in article.entities:
        assert e.mentions and e.name, e
    first = [min(m.start for m in e.mentions) for e in article.entities]
    assert first == sorted(first), "entity ids follow the order of first mention"
    starts = [ev.trigger.start for ev in article.events]
    assert starts == sorted(starts), "event ids follow text order"
    quote_ids = {q.id for q in article.quotes}
    for ev in article.events:
        assert ev.quote is None or ev.quote in quote_ids, ev
    for q in article.quotes:
        if q.sentence is not None:
            s = article.sentences[q.sentence]
            assert s.start <= q.start <= s.end, (q, s)
    # the JSON round trip is exact
    assert Article.model_validate_json(article.model_dump_json()) == article
