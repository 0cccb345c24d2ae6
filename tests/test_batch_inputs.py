"""``newstag batch`` inputs: folders and globs of .txt/.html pages, page files, JSONL ids, encodings."""

from __future__ import annotations

import json

import pytest

from newstag import dataset
from newstag.models import Article

PAGE_TEXT = "北川市議会は12日、新しい図書館の建設計画を承認した。\n完成は2027年春の予定だ。\n"
HTML_PAGE = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="{charset}"><title>南浜町で港の改修が完了</title></head>
<body><nav><a href="/">トップ</a> | <a href="/news">ニュース</a></nav>
<article><h1>南浜町で港の改修が完了</h1>
<p>南浜町は20日、3年にわたった漁港の改修工事が完了したと発表した。新しい岸壁では大型の漁船も接岸できる。</p>
<p>町の担当者は「漁業者の負担が大きく減る」と話した。記念式典は来月に開かれる。</p>
</article><footer>Copyright 南浜新報</footer></body></html>
"""


@pytest.fixture
def pages(tmp_path):
    """A folder of pages: two at the top, one in a sub-folder, and files that are not pages."""
    root = tmp_path / "pages"
    (root / "port").mkdir(parents=True)
    (root / "library.txt").write_text(PAGE_TEXT, encoding="utf-8")
    (root / "port" / "harbour.html").write_text(HTML_PAGE.format(charset="utf-8"), encoding="utf-8")
    (root / "port" / "old.HTM").write_bytes(HTML_PAGE.format(charset="shift_jis").encode("cp932"))
    (root / "notes.md").write_text("# not a page", encoding="utf-8")
    (root / ".draft.txt").write_text("下書き。", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text("隠しフォルダ。", encoding="utf-8")
    return root


def _ids(sources):
    return [(s.kind, s.id) for s in sources]


def test_folder_gives_pages_with_relative_ids(pages):
    assert _ids(dataset.expand_inputs([str(pages)])) == [
        ("page", "library.txt"), ("page", "port/harbour.html"), ("page", "port/old.HTM")]


def test_glob_ids_are_relative_to_its_fixed_folders(pages, monkeypatch):
    assert _ids(dataset.expand_inputs([str(pages / "**" / "*.html")])) == [("page", "port/harbour.html")]
    monkeypatch.chdir(pages)
    assert _ids(dataset.expand_inputs(["*/*.html", "*.txt"])) == [("page", "port/harbour.html"), ("page", "library.txt")]


def test_page_file_keeps_its_name_and_other_files_are_jsonl(pages, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("", encoding="utf-8")
    page = str(pages / "library.txt")
    assert _ids(dataset.expand_inputs([page, str(src), "-"])) == [("page", page), ("jsonl", None), ("jsonl", None)]


@pytest.mark.parametrize("make, message", [
    (lambda d: str(d / "missing.jsonl"), "cannot read"),
    (lambda d: str(d / "nothing-*.txt"), "no files match"),
    (lambda d: str(d), "no .txt/.html/.htm files"),
])
def test_bad_inputs(tmp_path, make, message):
    with pytest.raises(ValueError, match=message):
        dataset.expand_inputs([make(tmp_path)])


@pytest.mark.parametrize("data, expected", [
    (PAGE_TEXT.encode("utf-8"), PAGE_TEXT),
    (b"\xef\xbb\xbf" + PAGE_TEXT.encode("utf-8"), PAGE_TEXT),  # a BOM is dropped
    (PAGE_TEXT.encode("cp932"), PAGE_TEXT),
    (PAGE_TEXT.encode("euc_jp"), PAGE_TEXT),
    (HTML_PAGE.format(charset="shift_jis").encode("cp932"), HTML_PAGE.format(charset="shift_jis")),
    (HTML_PAGE.format(charset="euc-jp").encode("euc_jp"), HTML_PAGE.format(charset="euc-jp")),
])
def test_read_page_decodes_japanese_encodings(tmp_path, data, expected):
    path = tmp_path / "page"
    path.write_bytes(data)
    assert dataset.read_page(str(path)) == expected


def test_read_page_never_raises_on_bad_bytes(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes("南浜町は20日、".encode() + b"\xff\xfe\x80" + "発表した。".encode())
    text = dataset.read_page(str(path))
    assert text.startswith("南浜町は20日、") and text.endswith("発表した。")


def test_jsonl_record_without_id_gets_file_and_line(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "東町は1日、条例を施行した。"}\n\n{"id": 5, "text": "西町は2日、予算案を発表した。"}\n'
                   '{"text": 3}\n[1]\n', encoding="utf-8")
    recs = list(dataset.iter_records(dataset.expand_inputs([str(src)]), None))
    assert [(r.id, r.line, r.error is None) for r in recs] == [
        (f"{src}:1", 1, True), ("5", 3, True), (f"{src}:4", 4, False), (None, 5, False)]
    assert [r.key for r in recs] == [f"{src}:1", "5", f"{src}:4", ("line", 5)]


def test_batch_over_a_folder(run_cli, pages, tmp_path):
    dest = tmp_path / "out.jsonl"
    (pages / "gone.txt").symlink_to(pages / "deleted.txt")  # cannot be read: reported, the batch goes on
    code, _, err = run_cli("batch", pages, "-o", dest, "--published", "2025-05-21", "--no-progress")
    assert code == 0
    recs = [json.loads(line) for line in dest.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["gone.txt", "library.txt", "port/harbour.html", "port/old.HTM"]
    assert "cannot read" in recs[0]["error"] and recs[0]["line"] is None
    library, harbour, old = (Article.model_validate(r) for r in recs[1:])
    assert library.text == PAGE_TEXT and str(library.published) == "2025-05-21"
    assert harbour.title == "南浜町で港の改修が完了"  # HTML detected from the content, as for single files
    assert "Copyright" not in harbour.body.text and "トップ" not in harbour.body.text
    assert old.title == harbour.title and old.body.text == harbour.body.text  # a Shift_JIS page
    assert "3 articles tagged, 1 records failed" in err


def test_batch_bad_folder_is_usage_error(run_cli, tmp_path):
    code, out, err = run_cli("batch", tmp_path, "-o", tmp_path / "out.jsonl")
    assert code == 2 and out == "" and "no .txt/.html/.htm files" in err
