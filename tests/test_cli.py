"""The ``newstag`` command: single files, stdin, HTML, batch JSONL mode, exit codes.

Most tests call ``newstag.cli.main`` in-process with the session's tagger (loading GiNZA takes
seconds); one smoke test runs ``python -m newstag`` as a user would.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from newstag import cli
from newstag.models import Article

from .conftest import EXAMPLES, ROOT

CLEAN = EXAMPLES / "clean_article.txt"
HTML = EXAMPLES / "article.html"
CLEAN_TEXT = CLEAN.read_text(encoding="utf-8")
CLEAN_TITLE = "ドイツ外相が来日、エネルギー安全保障で協力強化へ"


@pytest.fixture
def run(monkeypatch, tagger, capsys):
    """Run the command in-process; returns (exit code, stdout, stderr)."""
    monkeypatch.setattr(cli, "make_tagger", lambda model: tagger)

    def _run(*argv: str, stdin: str | None = None):
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cli.main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_single_file_table(run):
    code, out, _ = run(CLEAN, "--published", "2025-06-11")
    assert code == 0
    assert out.splitlines()[:2] == [f"title:     {CLEAN_TITLE}", "published: 2025-06-11"]
    assert "\nentities (" in out and "\nevents (" in out


def test_json_and_html_input(run):
    code, out, _ = run(HTML, "-f", "json")
    assert code == 0
    a = Article.model_validate_json(out)
    assert a.id == str(HTML) and a.title == "経団連会長が訪中、経済交流の拡大を要請"
    assert str(a.published) == "2025-04-16"  # the page's own date
    assert "ランキング" not in a.body.text


def test_jsonl_several_files_and_output_file(run, tmp_path):
    dest = tmp_path / "out.jsonl"
    code, out, _ = run(CLEAN, HTML, "-f", "jsonl", "-o", dest, "--published", "2025-06-11")
    assert code == 0 and out == ""
    arts = [Article.model_validate_json(line) for line in dest.read_text(encoding="utf-8").splitlines()]
    assert [a.id for a in arts] == [str(CLEAN), str(HTML)]
    # an explicit --published wins over the page's own date (as in Tagger)
    assert [str(a.published) for a in arts] == ["2025-06-11", "2025-06-11"]


def test_stdin(run):
    code, out, _ = run("-f", "jsonl", stdin=CLEAN_TEXT)
    assert code == 0
    a = Article.model_validate_json(out)
    assert a.id == "<stdin>" and a.title == CLEAN_TITLE


@pytest.mark.parametrize("argv", [
    ["--published", "yesterday", str(CLEAN)],
    ["--format", "xml", str(CLEAN)],
    ["--no-such-option"],
    [str(EXAMPLES / "does-not-exist.txt")],
    ["--batch", "--format", "table", str(CLEAN)],
    ["--batch-size", "0", str(CLEAN)],
    ["--n-process", "two", str(CLEAN)],
    ["batch", "--published", "2025-02-30"],
])
def test_bad_usage_exits_2(run, argv):
    code, out, err = run(*argv)
    assert code == 2 and out == ""
    assert "newstag" in err and "error" in err


def test_help_exits_0(run):
    code, out, _ = run("batch", "--help")
    assert code == 0 and "JSONL" in out


def _write_records(path, lines):
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
                              for line in lines) + "\n", encoding="utf-8")


RECORDS = [
    {"id": "ok-1", "text": CLEAN_TEXT, "published": "2025-06-11"},
    {"id": "bad-date", "text": "東京都は1日、新しい条例を施行した。", "published": "2025-13-01"},
    {"id": "no-text", "published": "2025-06-11"},
    {"id": 7, "text": ["not", "a", "string"]},
    "{not json",
    "",
    {"id": "ok-2", "text": "大阪府は2日、補正予算案を発表した。"},
    [1, 2],
]


def _check_batch_output(lines):
    recs = [json.loads(line) for line in lines]
    assert len(recs) == 7  # one per non-blank input line, in input order
    ok1 = Article.model_validate(recs[0])
    assert ok1.id == "ok-1" and ok1.title == CLEAN_TITLE and str(ok1.published) == "2025-06-11"
    errors = [(r["id"], r["line"]) for r in recs if "error" in r]
    assert errors == [("bad-date", 2), ("no-text", 3), ("7", 4), (None, 5), (None, 8)]
    by_id = {r["id"]: r["error"] for r in recs[1:4]}
    assert "published" in by_id["bad-date"]
    assert "text" in by_id["no-text"] and "text" in by_id["7"]
    assert "JSON" in recs[4]["error"] and "object" in recs[6]["error"]
    ok2 = Article.model_validate(recs[5])
    assert ok2.id == "ok-2" and str(ok2.published) == "2025-07-01"  # the --published default


def test_batch_mode_reports_bad_records_and_goes_on(run, tmp_path):
    src, dest = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_records(src, RECORDS)
    code, out, err = run("batch", src, "-o", dest, "--published", "2025-07-01", "--batch-size", "2")
    assert code == 0 and out == ""
    _check_batch_output(dest.read_text(encoding="utf-8").splitlines())
    assert "7/7" in err  # tqdm's progress bar on stderr
    assert "2 articles tagged, 5 records failed" in err


def test_batch_flag_from_stdin_to_stdout(run):
    lines = [json.dumps(r, ensure_ascii=False) if not isinstance(r, str) else r for r in RECORDS]
    code, out, err = run("--batch", "--published", "2025-07-01", "--no-progress", stdin="\n".join(lines))
    assert code == 0
    _check_batch_output(out.splitlines())
    assert "7/7" not in err


def test_batch_record_that_breaks_the_tagger_is_isolated(run, tmp_path, monkeypatch, tagger):
    class Fragile:
        """Fails on one text, inside pipe() and alone, like a tagger bug would."""

        def pipe(self, items, **kw):
            items = list(items)
            if any(t == "BOOM" for t, _ in items):
                raise RuntimeError("boom")
            return tagger.pipe(items, **kw)

        def __call__(self, text, **kw):
            if text == "BOOM":
                raise RuntimeError("boom")
            return tagger(text, **kw)

    monkeypatch.setattr(cli, "make_tagger", lambda model: Fragile())
    src = tmp_path / "in.jsonl"
    _write_records(src, [{"id": "a", "text": "東京都は1日、条例を施行した。"}, {"id": "b", "text": "BOOM"},
                         {"id": "c", "text": "大阪府は2日、予算案を発表した。"}])
    code, out, _ = run("batch", src, "--no-progress")
    recs = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["id"] for r in recs] == ["a", "b", "c"]
    assert recs[1]["error"] == "RuntimeError: boom" and "error" not in recs[0] and "error" not in recs[2]


def test_batch_n_process_2_keeps_order(run, tmp_path):
    src = tmp_path / "in.jsonl"
    texts = [f"東京都は{d}日、新しい条例を施行した。" for d in range(1, 7)]
    _write_records(src, [{"id": str(i), "text": t} for i, t in enumerate(texts)] + ["{bad"])
    code, out, _ = run("batch", src, "--n-process", "2", "--batch-size", "1", "--no-progress")
    recs = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["id"] for r in recs] == ["0", "1", "2", "3", "4", "5", None]
    assert [r["text"] for r in recs[:6]] == texts


def test_python_dash_m_smoke():
    """As in the README: a real process, the sample article, exit 0 and a table."""
    proc = subprocess.run([sys.executable, "-m", "newstag", str(CLEAN), "--published", "2025-06-11"],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"title:     {CLEAN_TITLE}\npublished: 2025-06-11")


@pytest.mark.parametrize("copies", [1, 200])  # output held in the buffer until exit / written at once
def test_output_to_a_closed_pipe_exits_quietly(copies):
    """``newstag … | head``: the reader leaves early; no traceback, exit status 1 (--explain: no GiNZA)."""
    proc = subprocess.Popen([sys.executable, "-m", "newstag", "-", "--explain"], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # before the command has read its input, so before it writes
    _, err = proc.communicate(("\n".join([CLEAN_TEXT] * copies)).encode("utf-8"), timeout=300)
    assert proc.returncode == 1, err.decode()
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()


@pytest.mark.parametrize("raw, error", [
    ('{"id": 1, "text": "本文。", "published": 20250213}', "published"),
    ('{"id": 1, "text": "本文。", "published": "2025-02-30"}', "published"),
    ('{"id": 1, "text": null}', "text"),
    ('{"id": 1, "text": "本文。", "url": 5}', "url"),
    ('"just a string"', "object"),
    ("{", "JSON"),
    ('{"id": 1, "text": "本文。", "published": ""}', None),
    ('{"id": 1, "text": "本文。", "published": "2025-02-13T10:00:00+09:00"}', None),
])
def test_parse_record(raw, error):
    import datetime as dt

    rec = cli._parse_record(3, raw, dt.date(2025, 1, 1))
    if error is None:
        assert rec.error is None and rec.item is not None and rec.item[1]["id"] == "1"
    else:
        assert rec.item is None and error in rec.error and rec.line == 3
