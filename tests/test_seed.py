"""The shared seed article and dev articles, scored by the shared scorer (skipped when ../shared is absent)."""

from __future__ import annotations

import importlib.util
import json

import pytest


def _newseval(shared):
    spec = importlib.util.spec_from_file_location("newseval", shared / "eval" / "newseval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def seed_result(shared_dir, tagger):
    return _newseval(shared_dir).evaluate(shared_dir / "seed" / "gold.json", tagger)


def test_seed_body(seed_result):
    assert seed_result["body"] == {"covers_body": True, "boilerplate_tagged": []}


def test_seed_title_and_byline(shared_dir, tagger):
    gold = json.loads((shared_dir / "seed" / "gold.json").read_text(encoding="utf-8"))
    a = tagger((shared_dir / "seed" / "article.txt").read_text(encoding="utf-8"), published=gold["published"])
    assert a.title == gold["title"]
    assert not any(m.start < a.body.start or m.end > a.body.end
                   for e in a.entities for m in e.mentions
                   if not (a.title_span and a.title_span.start <= m.start < a.title_span.end))
