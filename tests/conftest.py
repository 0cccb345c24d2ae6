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
