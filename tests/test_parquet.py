"""``newstag batch --format parquet``: one table per kind, read back with pandas, equal to ``to_frame``."""

from __future__ import annotations

import json
import math
import sys

import pytest

import newstag
from newstag import dataset
from newstag.frames import COLUMNS

from .conftest import EXAMPLES

pd = pytest.importorskip("pandas")
pq = pytest.importorskip("pyarrow.parquet")

KINDS = list(COLUMNS)
TEXTS = [
    "東山市の佐野和夫市長は8日、市役所で記者会見し、来年度から給食費を無償化すると発表した。"
    "佐野市長は「子育て世帯の負担を減らしたい」と述べた。",
    "西川電機は15日、北米の工場を閉鎖すると発表した。",
    "青葉県の森本恵子知事は2日、台湾を訪問し、頼清徳総統と会談した。",
]


def _norm(df: pd.DataFrame) -> list[dict]:
    """Rows as plain Python values: arrays to lists, NaN/NA to None, whole floats to ints."""
    def value(x):
        if hasattr(x, "tolist") and not isinstance(x, str):
            x = x.tolist()
        if isinstance(x, list):
            return [value(v) for v in x]
        if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
            return None
        if isinstance(x, float) and x.is_integer():
            return int(x)
        return x

    return [{k: value(v) for k, v in row.items()} for row in df.astype(object).to_dict("records")]


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "pages"
    (root / "more").mkdir(parents=True)
    for i, text in enumerate(TEXTS):
        (root / f"p{i}.txt").write_text(text, encoding="utf-8")
    (root / "more" / "scraped_page.txt").write_text((EXAMPLES / "scraped_page.txt").read_text(encoding="utf-8"),
                                                     encoding="utf-8")
    (root / "more" / "article.html").write_text((EXAMPLES / "article.html").read_text(encoding="utf-8"),
                                                 encoding="utf-8")
    return root


def test_folder_to_parquet_reads_back_as_to_frame(run_cli, folder, tmp_path, tagger):
    out = tmp_path / "tables"
    code, _, err = run_cli("batch", folder, "-f", "parquet", "-o", f"{out}/", "--published", "2025-03-05",
                       "--batch-size", "1", "--part-size", "2", "--no-progress")
    assert code == 0, err
    ids = ["more/article.html", "more/scraped_page.txt", "p0.txt", "p1.txt", "p2.txt"]
    items = [(dataset.read_page(str(folder / i)), {"id": i, "published": "2025-03-05"}) for i in ids]
    articles = list(tagger.pipe(items))
    for kind in KINDS:
        back = pd.read_parquet(out / kind)
        assert list(back.columns) == COLUMNS[kind], kind
        expected = newstag.to_frame(articles, kind=kind)
        assert len(expected) > 0, kind
        order = {i: n for n, i in enumerate(ids)}  # parts hold the articles in input order
        back = back.sort_values("article", key=lambda s: s.map(order), kind="stable")
        assert _norm(back) == _norm(expected), kind
    assert pd.read_parquet(out / "errors").empty
    # 5 records, 2 per part: parts 0..2, one row group per finished batch of 1
    parts = sorted(p.name for p in (out / "articles").iterdir())
    assert parts == ["part-000000.parquet", "part-000001.parquet", "part-000002.parquet"]
    assert [pq.ParquetFile(out / "articles" / p).num_row_groups for p in parts] == [2, 2, 1]
    assert "5 articles tagged, 0 records failed" in err


def test_parquet_errors_table_and_dtypes(run_cli, tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "tables"
    src.write_text("\n".join([json.dumps({"id": "ok", "text": TEXTS[1]}, ensure_ascii=False),
                              json.dumps({"id": "bad", "text": "本文。", "published": "2025-02-30"}),
                              "{broken"]) + "\n", encoding="utf-8")
    code, _, _ = run_cli("batch", src, "-f", "parquet", "-o", out, "--published", "2025-07-16", "--no-progress")
    assert code == 0
    errors = _norm(pd.read_parquet(out / "errors"))
    assert [(e["article"], e["line"]) for e in errors] == [("bad", 2), (None, 3)]
    assert "published" in errors[0]["error"] and "JSON" in errors[1]["error"]
    articles = pd.read_parquet(out / "articles")
    assert articles["article"].tolist() == ["ok"] and str(articles["published"][0]) == "2025-07-16"
    assert articles["n_entities"].dtype == "int64"
    entities = pd.read_parquet(out / "entities")
    assert set(entities["article"]) == {"ok"} and entities["titles"].map(list).tolist() == [[]] * len(entities)


def test_parquet_needs_an_output_folder_and_does_not_overwrite(run_cli, tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "tables"
    src.write_text(json.dumps({"id": "a", "text": TEXTS[1]}, ensure_ascii=False) + "\n", encoding="utf-8")
    code, _, err = run_cli("batch", src, "-f", "parquet")
    assert code == 2 and "output folder" in err
    assert run_cli("batch", src, "-f", "parquet", "-o", out, "--no-progress")[0] == 0
    code, _, err = run_cli("batch", src, "-f", "parquet", "-o", out, "--no-progress")
    assert code == 2 and "--resume" in err
    code, _, err = run_cli("batch", src, "-f", "parquet", "-o", out, "--no-progress", "--resume")
    assert code == 0 and "0 articles tagged, 0 records failed, 1 already in the output" in err
    assert pd.read_parquet(out / "articles")["article"].tolist() == ["a"]


def test_missing_pyarrow_names_the_extra(run_cli, tmp_path, monkeypatch):
    src = tmp_path / "in.jsonl"
    src.write_text("", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    code, _, err = run_cli("batch", src, "-f", "parquet", "-o", tmp_path / "tables")
    assert code == 2 and 'pip install "newstag[parquet]"' in err
    with pytest.raises(ImportError, match=r"newstag\[parquet\]"):
        dataset.ParquetOutput(str(tmp_path / "t2"))


def test_schemas_have_the_frame_columns():
    for kind in KINDS:
        assert dataset.arrow_schema(kind).names == COLUMNS[kind]
    assert dataset.arrow_schema("errors").names == dataset.ERROR_COLUMNS
    assert set(dataset.TABLES) == {*KINDS, "errors"} and dataset.TABLES[-1] == "articles"
