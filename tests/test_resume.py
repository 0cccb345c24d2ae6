"""``newstag batch --resume``: a run killed with SIGKILL leaves whole records; resuming ends with each id once.

The killed run is a real ``python -m newstag`` process; the resumed run is in-process, with the
session's tagger (loading GiNZA a second time would only cost time).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from .conftest import ROOT

TOWNS = ["北川町", "南浜市", "東山村", "西野町", "青葉市", "緑ヶ丘町", "白石村", "桜台市"]
NEWS = ["新しい条例を施行した", "補正予算案を発表した", "図書館の建設を決めた", "防災訓練を実施した",
        "観光協会と協定を結んだ"]
N = 200


def _records() -> list[dict]:
    """200 tiny articles, all different."""
    return [{"id": f"r{i:03d}", "text": f"{TOWNS[i % len(TOWNS)]}は{i % 28 + 1}日、{NEWS[i % len(NEWS)]}。",
             "published": "2025-08-30"} for i in range(N)]


def _write_input(path: Path) -> list[str]:
    recs = _records()
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return [r["id"] for r in recs]


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newstag", "batch", *args, "--no-progress"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _kill_when(proc: subprocess.Popen, ready, what: str) -> None:
    """SIGKILL the process as soon as ``ready()`` holds (it must still be running then)."""
    deadline = time.monotonic() + 300
    while not ready():
        if proc.poll() is not None:
            pytest.fail(f"the batch ended before {what}: {proc.stderr.read().decode()[-2000:]}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"no {what} after 300 s")
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL


def _is_record(raw: bytes) -> bool:
    try:
        return "id" in json.loads(raw.decode("utf-8"))
    except ValueError:  # UnicodeDecodeError included
        return False


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def test_jsonl_killed_mid_way_then_resumed(run_cli, tmp_path):
    src, dest = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = _write_input(src)
    proc = _start(str(src), "-o", str(dest), "--batch-size", "2")
    _kill_when(proc, lambda: dest.exists() and dest.read_bytes().count(b"\n") >= 20, "20 records")
    # every line is a whole record; a batch is one write(), which Linux may cut at a page boundary
    # when the kill lands inside it: only the last line can be torn, and --resume drops it
    whole, _, tail = dest.read_bytes().rpartition(b"\n")
    done = [json.loads(line)["id"] for line in whole.decode("utf-8").splitlines()]
    if tail and _is_record(tail):  # cut right before its newline: a whole record, kept
        done.append(json.loads(tail)["id"])
        tail = b""
    assert 20 <= len(done) < N and done == ids[:len(done)]

    code, _, err = run_cli("batch", src, "-o", dest, "--resume", "--batch-size", "8", "--no-progress")
    assert code == 0
    recs = [json.loads(line) for line in _lines(dest)]
    assert [r["id"] for r in recs] == ids  # every id once, in input order
    assert not [r for r in recs if "error" in r]
    assert recs[-1]["text"] == _records()[-1]["text"]
    assert f"{N - len(done)} articles tagged, 0 records failed, {len(done)} already in the output" in err
    assert ("dropped a torn last line" in err) == bool(tail)


def _committed(out: Path) -> list[Path]:
    folder = out / "articles"
    return sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []


def _check_tables(out: Path, *, committed_only: bool = False) -> list[str]:
    """Every table reads whole and agrees with the articles table; returns its ids.

    ``committed_only``: read only the parts present in ``articles`` (renamed in last): right after a
    kill, the other tables may hold the next part already, when the kill came between the renames.
    """
    pd = pytest.importorskip("pandas")

    def read(table: str):
        if not committed_only:
            return pd.read_parquet(out / table)
        return pd.concat([pd.read_parquet(out / table / p.name) for p in _committed(out)], ignore_index=True)

    articles = read("articles")
    ids = articles["article"].tolist()
    counts = {"entities": "n_entities", "dates": "n_dates", "quotes": "n_quotes", "events": "n_events"}
    for table, column in counts.items():
        rows = Counter(read(table)["article"])
        assert {a: rows.get(a, 0) for a in ids} == dict(zip(ids, articles[column], strict=True)), table
        assert set(rows) <= set(ids), table
    entities = read("entities")
    mentions = Counter(read("mentions")["article"])
    assert dict(mentions) == {a: n for a, n in entities.groupby("article")["n_mentions"].sum().items() if n}
    return ids


def test_parquet_killed_mid_way_then_resumed(run_cli, tmp_path):
    pytest.importorskip("pyarrow")
    src, out = tmp_path / "in.jsonl", tmp_path / "tables"
    ids = _write_input(src)
    proc = _start(str(src), "-f", "parquet", "-o", str(out), "--batch-size", "2", "--part-size", "10")
    _kill_when(proc, lambda: len(_committed(out)) >= 2, "2 committed parts")
    done = _check_tables(out, committed_only=True)  # what the kill left reads whole
    assert 20 <= len(done) < N and done == ids[:len(done)]

    code, _, err = run_cli("batch", src, "-f", "parquet", "-o", out, "--resume", "--batch-size", "8",
                           "--part-size", "50", "--no-progress")
    assert code == 0
    assert _check_tables(out) == ids
    assert not [p for t in out.iterdir() for p in t.iterdir() if p.name.startswith(".")]  # no temporary parts
    assert f"{N - len(done)} articles tagged, 0 records failed, {len(done)} already in the output" in err


def test_resume_drops_a_torn_last_line(run_cli, tmp_path):
    src, dest = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = _write_input(src)
    src.write_text("".join(src.read_text(encoding="utf-8").splitlines(keepends=True)[:5]), encoding="utf-8")
    code, _, _ = run_cli("batch", src, "-o", dest, "--no-progress")
    assert code == 0
    lines = _lines(dest)
    dest.write_text("\n".join(lines[:3]) + "\n" + lines[3][: len(lines[3]) // 2], encoding="utf-8")  # torn 4th
    code, _, err = run_cli("batch", src, "-o", dest, "--resume", "--no-progress")
    assert code == 0 and "dropped a torn last line" in err
    assert [json.loads(line)["id"] for line in _lines(dest)] == ids[:5]
    assert "2 articles tagged, 0 records failed, 3 already in the output" in err


def test_resume_keeps_a_whole_last_line_without_newline(run_cli, tmp_path):
    src, dest = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = _write_input(src)
    src.write_text("".join(src.read_text(encoding="utf-8").splitlines(keepends=True)[:3]), encoding="utf-8")
    assert run_cli("batch", src, "-o", dest, "--no-progress")[0] == 0
    lines = _lines(dest)
    dest.write_text("\n".join(lines[:2]), encoding="utf-8")
    code, _, err = run_cli("batch", src, "-o", dest, "--resume", "--no-progress")
    assert code == 0 and "torn" not in err
    assert [json.loads(line)["id"] for line in _lines(dest)] == ids[:3]


def test_resume_counts_failed_records_as_done(run_cli, tmp_path):
    src, dest = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text('{"id": "a", "text": "北川町は1日、条例を施行した。"}\n{broken\n{"text": 5}\n', encoding="utf-8")
    assert run_cli("batch", src, "-o", dest, "--no-progress")[0] == 0
    before = dest.read_text(encoding="utf-8")
    code, _, err = run_cli("batch", src, "-o", dest, "--resume", "--no-progress")
    assert code == 0 and dest.read_text(encoding="utf-8") == before
    assert "0 articles tagged, 0 records failed, 3 already in the output" in err


def test_parquet_resume_removes_what_a_kill_left_between_renames(run_cli, tmp_path):
    pytest.importorskip("pyarrow")
    src, out = tmp_path / "in.jsonl", tmp_path / "tables"
    ids = _write_input(src)
    src.write_text("".join(src.read_text(encoding="utf-8").splitlines(keepends=True)[:4]), encoding="utf-8")
    assert run_cli("batch", src, "-f", "parquet", "-o", out, "--part-size", "2", "--batch-size", "2",
                   "--no-progress")[0] == 0
    # as if killed after a part of the other tables was renamed in, before articles' was, while the
    # next part was open
    (out / "articles" / "part-000001.parquet").unlink()
    for table in out.iterdir():
        if table.name != "articles":
            (table / "part-000001.parquet").rename(table / "part-000007.parquet")
    (out / "events" / ".part-000008.parquet.tmp").write_bytes(b"PAR1 half a file")
    code, _, err = run_cli("batch", src, "-f", "parquet", "-o", out, "--resume", "--no-progress")
    assert code == 0 and "2 articles tagged, 0 records failed, 2 already in the output" in err
    assert sorted(p.name for t in out.iterdir() for p in t.iterdir()) == sorted(
        f"part-00000{i}.parquet" for i in (0, 1) for _ in range(7))
    assert _check_tables(out) == ids[:4]


@pytest.mark.parametrize("content", ["hello\nworld\n", '{"id": "x"}\nnot json\n{"id": "y"}\n'])
def test_resume_refuses_an_output_that_is_not_newstag_jsonl(run_cli, tmp_path, content):
    src, dest = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_input(src)
    dest.write_text(content, encoding="utf-8")
    code, _, err = run_cli("batch", src, "-o", dest, "--resume")
    assert code == 2 and "not a newstag record" in err
    assert dest.read_text(encoding="utf-8") == content


def test_resume_needs_an_output_file(run_cli, tmp_path):
    src = tmp_path / "in.jsonl"
    _write_input(src)
    code, out, err = run_cli("batch", src, "--resume")
    assert code == 2 and out == "" and "-o FILE" in err


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_resume_over_a_folder_tags_only_the_new_pages(run_cli, tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    pages, out = tmp_path / "pages", tmp_path / ("tables" if fmt == "parquet" else "out.jsonl")
    (pages / "east").mkdir(parents=True)
    recs = _records()
    for r in recs[:3]:
        (pages / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    assert run_cli("batch", pages, "-f", fmt, "-o", out, "--no-progress")[0] == 0
    for r in recs[3:5]:  # pages saved after the first run, one in a sub-folder
        (pages / "east" / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    code, _, err = run_cli("batch", pages, "-f", fmt, "-o", out, "--resume", "--no-progress")
    assert code == 0 and "2 articles tagged, 0 records failed, 3 already in the output" in err
    if fmt == "parquet":
        got = pd.read_parquet(out / "articles")[["article", "text"]].values.tolist()
    else:
        got = [[r["id"], r["text"]] for r in map(json.loads, _lines(out))]
    assert sorted(got) == sorted([[f"east/{r['id']}.txt", r["text"]] for r in recs[3:5]]
                                 + [[f"{r['id']}.txt", r["text"]] for r in recs[:3]])


@pytest.mark.parametrize("fail_on", ["write_table", "close"])
def test_parquet_write_stopped_half_way_commits_no_torn_part(run_cli, tmp_path, tagger, monkeypatch, fail_on):
    """Ctrl-C (or an error) in the middle of writing a batch or committing a part: the part is dropped."""
    pq = pytest.importorskip("pyarrow.parquet")
    from newstag import dataset

    src, out = tmp_path / "in.jsonl", tmp_path / "tables"
    ids = _write_input(src)[:8]
    src.write_text("".join(src.read_text(encoding="utf-8").splitlines(keepends=True)[:8]), encoding="utf-8")
    recs = list(dataset.iter_records(dataset.expand_inputs([str(src)]), None))[:6]
    results = list(zip(recs, tagger.pipe([r.item for r in recs]), strict=True))
    writer = dataset.ParquetOutput(str(out), part_size=4)
    writer.write(results[:4])  # part 0, committed
    real = getattr(pq.ParquetWriter, fail_on)
    calls = []

    def stop_at_the_third(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 3:  # the batch (or the part) is in two tables only
            raise KeyboardInterrupt
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, fail_on, stop_at_the_third)
    with pytest.raises(KeyboardInterrupt):
        writer.write(results[4:6])
        writer.close()
    monkeypatch.setattr(pq.ParquetWriter, fail_on, real)
    writer.close()  # what the command's `finally` does: the torn part is dropped, not committed
    assert _check_tables(out) == ids[:4]
    code, _, err = run_cli("batch", src, "-f", "parquet", "-o", out, "--resume", "--no-progress")
    assert code == 0 and "4 articles tagged, 0 records failed, 4 already in the output" in err
    assert _check_tables(out) == ids
