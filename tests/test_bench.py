"""bench/bench.py: real dev texts, both profiles against bare GiNZA in one run, per-component times."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import bench  # noqa: E402


def test_dev_texts_reads_articles_and_pages(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "01_a.txt").write_text("見出し\n\n政府は1日、会見した。", encoding="utf-8")
    (tmp_path / "02_b.txt").write_text("見出し\n\n市は2日、発表した。", encoding="utf-8")
    (tmp_path / "01_a.json").write_text("{}", encoding="utf-8")  # gold files are not texts
    (tmp_path / "pages" / "page_1.txt").write_text("ページ本文。", encoding="utf-8")
    texts, note = bench.dev_texts(tmp_path)
    assert texts == ["見出し\n\n政府は1日、会見した。", "見出し\n\n市は2日、発表した。", "ページ本文。"]
    assert "2 articles + 1 pages" in note


@pytest.mark.parametrize("where", [None, Path("/nonexistent/shared/dev")])
def test_dev_texts_absent_is_skipped(where: Path | None) -> None:
    texts, note = bench.dev_texts(where)
    assert texts == [] and "skipped" in note


def test_throughput_ratios_are_against_the_first_side() -> None:
    seen: dict[str, list[int]] = {"bare": [], "fast": []}
    sides = {"bare": lambda ts: seen["bare"].append(len(ts)), "fast": lambda ts: seen["fast"].append(len(ts))}
    texts = ["あ" * 100] * 6
    r = bench.bench_throughput(sides, texts, repeat=2)
    # a warm-up on the first 4 texts, then every side gets all the texts in each repeat
    assert seen == {"bare": [4, 6, 6], "fast": [4, 6, 6]}
    assert r["texts"] == 6 and r["input_chars"] == 600
    assert set(r["chars_per_s"]) == {"bare", "fast"}
    assert set(r["ratio"]) == {"fast"}  # the reference has no ratio to itself
    assert len(r["seconds"]["fast"]) == 2


def test_report_shows_both_profiles_and_components() -> None:
    r = {
        "machine": {"cpu": "cpu", "cores": 2, "memory_gb": 8.0},
        "load_avg_before": (1.0, 1.0, 1.0),
        "throughput": {"real dev": {
            "texts": 2, "input_chars": 1000,
            "chars_per_s": {"bare ja_ginza": 1000, "newstag with ner": 900, "newstag without ner": 2000},
            "ratio": {"newstag with ner": 0.9, "newstag without ner": 2.0},
            "ratio_cpu": {"newstag with ner": 0.91, "newstag without ner": 1.98},
        }},
        "components": {"texts": "real dev", "cpu_seconds": {"newstag without ner": {"tok2vec": 3.0, "newstag_entities": 1.0}}},
        "peak_rss_mb": 900, "peak_rss_children_mb": 0,
    }
    table = bench.report(r)
    assert "2,000 chars/s = 2.00× bare" in table
    assert "900 chars/s = 0.90× bare" in table
    assert "4.0 s: tok2vec 3.0 (75%), entities 1.0 (25%)" in table


def test_component_times_cover_ginza_and_newstag(tagger) -> None:
    texts = ["見出し\n\n山田太郎市長は3日、市役所で記者会見を開いた。", "見出し\n\n北山電機は5日、新工場を建設すると発表した。"]
    before = [a.model_dump() for a in tagger.pipe(texts)]
    parts = bench.component_times(tagger, texts)
    assert {"tok2vec", "parser", "newstag_entities", "newstag_events", "other"} <= set(parts)
    assert ("ner" in parts) == tagger.ginza_ner
    assert all(v >= 0 for v in parts.values())
    # the timing wrappers are removed again: the tagger gives the same Articles as before
    assert [a.model_dump() for a in tagger.pipe(texts)] == before
