"""Batch inputs and outputs: JSONL records and folders of pages in; JSONL or Parquet tables out; resume.

Inputs (:func:`expand_inputs`, :func:`iter_records`): JSONL files of records
``{"id", "text", "published"[, "url"]}`` (or stdin, ``-``), single ``.txt``/``.html`` pages, folders
searched recursively for such pages, and globs (``'pages/**/*.html'``). A page's id is its path
relative to the folder (or to the glob's fixed leading folders); a JSONL record without an ``id``
gets ``FILE:LINE``, so that every record can be recognised when a run is resumed.

Outputs never hold a torn record, even after SIGKILL or Ctrl-C:

- :class:`JsonlOutput` writes each finished batch of lines with one ``write`` call on an unbuffered
  file. A kill *inside* that system call can still cut the last line; a resumed run drops such a
  partial last line (its record is tagged again).
- :class:`ParquetOutput` writes one table per kind (``articles``, ``entities``, ``mentions``,
  ``dates``, ``quotes``, ``events``, plus ``errors`` for records that failed), each a folder of
  ``part-NNNNNN.parquet`` files with the columns of :func:`newstag.to_frame`. A part is written row
  group by row group under a hidden temporary name (readers skip names starting with ``.``) and
  renamed into place when it holds ``part_size`` records or the run ends; ``articles`` is renamed
  last, so it is the record of what is done. A kill loses at most the open part, which a resumed
  run tags again; a write that stops half-way (an exception, Ctrl-C) drops the open part instead of
  committing it.

``resume=True`` reads the ids already in the output and :meth:`done` tells the batch which
records to skip; new results are appended.
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .frames import COLUMNS, rows
from .models import Article

if TYPE_CHECKING:  # pragma: no cover
    import datetime as dt

    import pyarrow as pa

#: the suffixes of page files taken from folders and globs (any case)
PAGE_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm")
#: the tables written by :class:`ParquetOutput`, in commit order (``articles`` last)
TABLES: tuple[str, ...] = ("entities", "mentions", "dates", "quotes", "events", "errors", "articles")
#: the columns of the ``errors`` table: the record's id, its JSONL line (None for pages), the message
ERROR_COLUMNS: list[str] = ["article", "line", "error"]

Key = str | tuple[str, int]


# -- inputs ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Source:
    """One input: a JSONL file (``path == "-"`` for stdin) or one page file with its id."""

    kind: str  # "jsonl" or "page"
    path: str
    id: str | None = None


@dataclass
class Record:
    """One input record: an item to tag, or the reason it cannot be.

    Attributes:
        line: the JSONL line number, counted across all JSONL inputs (None for page files).
        id: the record's id (None only for a JSONL line that is not a JSON object).
        item: ``(text, metadata)`` for :meth:`Tagger.pipe`, once loaded.
        error: why the record cannot be tagged.
        path: a page file, read by :meth:`load`.
    """

    line: int | None
    id: str | None
    item: tuple[str, dict[str, Any]] | None = None
    error: str | None = None
    path: str | None = None
    published: Any = None

    @property
    def key(self) -> Key:
        """What identifies the record in an output: its id, else its line."""
        return self.id if self.id is not None else ("line", self.line or 0)

    def load(self) -> Record:
        """Read a page file (once); a file that cannot be read becomes an error."""
        if self.path is not None and self.item is None and self.error is None:
            try:
                text = read_page(self.path)
            except OSError as exc:
                self.error = f"cannot read {self.path!r}: {exc.strerror or exc}"
            else:
                self.item = (text, {"id": self.id, "published": self.published, "url": None})
        return self


def _is_page(path: str) -> bool:
    return path.lower().endswith(PAGE_SUFFIXES)


def _glob_base(pattern: str) -> str:
    """The leading folders of a glob pattern that hold no wildcard."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts[:-1]:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return str(Path(*fixed)) if fixed else "."


def _rel(path: str, base: str) -> str:
    return Path(os.path.relpath(path, base)).as_posix()


def expand_inputs(args: Iterable[str]) -> list[Source]:
    """Turn command-line inputs into sources, in order.

    ``-`` is JSONL on stdin; a folder gives its ``.txt``/``.html``/``.htm`` files (recursively,
    sorted, hidden ones skipped) with their path relative to the folder as id; a glob gives its
    matches (sorted; pages with their path relative to the glob's leading folders as id, other
    files as JSONL); a page file given by name keeps that name as id; any other file is JSONL.
    A page found in a folder or by a glob that cannot be read becomes an error record later.

    Raises:
        ValueError: an input that does not exist, a glob that matches nothing, a folder with no pages.
    """
    sources: list[Source] = []
    for arg in args:
        if arg == "-":
            sources.append(Source("jsonl", "-"))
        elif os.path.isdir(arg):
            found = []
            for dirpath, dirnames, filenames in os.walk(arg):  # symlinked files are kept, folders not followed
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                found += [os.path.join(dirpath, f) for f in filenames if not f.startswith(".") and _is_page(f)]
            if not found:
                raise ValueError(f"no {'/'.join(PAGE_SUFFIXES)} files in folder {arg!r}")
            pages = sorted((_rel(p, arg), p) for p in found)
            sources += [Source("page", p, rel) for rel, p in pages]
        elif os.path.isfile(arg):
            if not os.access(arg, os.R_OK):
                raise ValueError(f"cannot read input file {arg!r}")
            sources.append(Source("page", arg, arg) if _is_page(arg) else Source("jsonl", arg))
        elif glob.has_magic(arg):
            matches = sorted(p for p in glob.glob(arg, recursive=True) if os.path.isfile(p))
            if not matches:
                raise ValueError(f"no files match {arg!r}")
            base = _glob_base(arg)
            sources += [Source("page", p, _rel(p, base)) if _is_page(p) else Source("jsonl", p) for p in matches]
        else:
            raise ValueError(f"cannot read input {arg!r}")
    return sources


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def read_page(path: str) -> str:
    """A page file's text: UTF-8, else the charset its HTML declares, else Shift_JIS or EUC-JP.

    Bytes that do not decode become U+FFFD (odd input never raises).
    """
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    for codec in ("cp932", "euc_jp"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def parse_record(line: int, raw: str, published: dt.date | None, default_id: str | None = None) -> Record:
    """Parse one JSONL line; a bad record becomes an error, never an exception.

    Args:
        line: the line number reported in errors.
        raw: the line.
        published: the default publication date.
        default_id: the id of a record that has none (a JSON object without ``id``).
    """
    from .tagger import parse_published

    try:
        rec = json.loads(raw)
    except json.JSONDecodeError as exc:
        return Record(line, None, error=f"invalid JSON: {exc}")
    if not isinstance(rec, dict):
        return Record(line, None, error=f"a record must be a JSON object, got {type(rec).__name__}")
    ident = default_id if rec.get("id") is None else str(rec["id"])
    if "text" not in rec:
        return Record(line, ident, error="missing 'text'")
    if not isinstance(rec["text"], str):
        return Record(line, ident, error=f"'text' must be a string, got {type(rec['text']).__name__}")
    try:
        raw_pub = rec.get("published")
        # "" and null both mean "not known": the --published default applies
        pub = parse_published(None if raw_pub == "" else raw_pub, "'published'") or published
    except (TypeError, ValueError) as exc:
        return Record(line, ident, error=str(exc))
    url = rec.get("url")
    if url is not None and not isinstance(url, str):
        return Record(line, ident, error=f"'url' must be a string, got {type(url).__name__}")
    return Record(line, ident, item=(rec["text"], {"id": ident, "published": pub, "url": url}))


def iter_records(sources: Iterable[Source], published: dt.date | None) -> Iterator[Record]:
    """The records of the sources, in order; page files are read only when :meth:`Record.load` asks."""
    line = 0
    for src in sources:
        if src.kind == "page":
            yield Record(None, src.id, path=src.path, published=published)
            continue
        name = "<stdin>" if src.path == "-" else src.path
        fh = sys.stdin if src.path == "-" else open(src.path, encoding="utf-8", errors="replace")
        try:
            for n, raw in enumerate(fh, 1):
                line += 1
                if raw.strip():
                    yield parse_record(line, raw, published, default_id=f"{name}:{n}")
        finally:
            if fh is not sys.stdin:
                fh.close()


def count_records(sources: Iterable[Source]) -> int | None:
    """How many records the sources hold (None when one is stdin)."""
    n = 0
    for src in sources:
        if src.path == "-":
            return None
        if src.kind == "page":
            n += 1
        else:
            with open(src.path, encoding="utf-8", errors="replace") as fh:
                n += sum(1 for raw in fh if raw.strip())
    return n


# -- outputs --------------------------------------------------------------------------------------
Result = tuple[Record, Article | None]


def error_dict(r: Record) -> dict[str, Any]:
    """The JSON record written for a record that could not be tagged."""
    return {"id": r.id, "error": r.error, "line": r.line}


class OutputError(ValueError):
    """The output cannot be written or resumed (reported as a usage error)."""


_ID_PREFIX = re.compile(r'\{"id":\s*')


def _line_key(line: str) -> Key | None:
    """The key of one whole JSONL output line, or None when it is not a newstag record."""
    m = _ID_PREFIX.match(line)
    if m:  # fast path: newstag writes "id" first; decode only that value
        try:
            value, _ = json.JSONDecoder().raw_decode(line, m.end())
        except json.JSONDecodeError:
            return None
        if value is not None:
            return str(value)
    try:
        rec = json.loads(line)
    except json.JSONDecodeError:
        return None
    if not isinstance(rec, dict):
        return None
    if rec.get("id") is not None:
        return str(rec["id"])
    return ("line", rec["line"]) if isinstance(rec.get("line"), int) else None


def _whole_key(line: str) -> Key | None:
    """The key of a line that must be checked whole (the unterminated last one), else None."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError:
        return None
    return _line_key(line) if isinstance(rec, dict) else None


class JsonlOutput:
    """JSON lines to a file or stdout, one whole batch per ``write`` call.

    Args:
        path: the output file; None or ``"-"`` for stdout.
        resume: keep the file's records (dropping a torn last line) and append.
    """

    def __init__(self, path: str | None, *, resume: bool = False) -> None:
        self.path = None if path in (None, "-") else path
        self._done: set[Key] = set()
        self.repaired = 0  # bytes of a torn last line dropped on resume
        if self.path is None:
            if resume:
                raise OutputError("--resume needs an output file (-o FILE)")
            self._fd: int | None = None
            return
        if resume and os.path.exists(self.path):
            self._scan()
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        else:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)

    def _scan(self) -> None:
        assert self.path is not None
        good = 0  # bytes of whole lines
        with open(self.path, "rb") as fh:
            for n, raw in enumerate(fh, 1):
                if not raw.endswith(b"\n"):  # the last line, unterminated: whole, or torn by a kill
                    key = _whole_key(raw.decode("utf-8", errors="replace"))
                    if key is not None:
                        self._done.add(key)
                        with open(self.path, "ab") as out:
                            out.write(b"\n")
                        good += len(raw) + 1
                    break
                if raw.strip():
                    key = _line_key(raw.decode("utf-8", errors="replace"))
                    if key is None:
                        raise OutputError(f"cannot resume: line {n} of {self.path!r} is not a newstag record")
                    self._done.add(key)
                good += len(raw)
        size = os.path.getsize(self.path)
        if size > good:  # a torn last line: drop it, its record is tagged again
            self.repaired = size - good
            os.truncate(self.path, good)

    def done(self) -> set[Key]:
        """The keys of the records already in the output (when resuming)."""
        return self._done

    def write(self, results: list[Result]) -> None:
        """Write one finished batch: the Article, or the error record, for each input record."""
        lines = [a.model_dump_json() if a is not None else json.dumps(error_dict(r), ensure_ascii=False)
                 for r, a in results]
        if not lines:
            return
        data = "".join(line + "\n" for line in lines)
        if self._fd is None:
            sys.stdout.write(data)
            sys.stdout.flush()
            return
        buf = memoryview(data.encode("utf-8"))
        while buf:  # a short write (rare on files) goes on where it stopped
            buf = buf[os.write(self._fd, buf):]

    def close(self) -> None:
        """Close the file."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:
        raise ImportError('Parquet output needs pyarrow: pip install "newstag[parquet]"') from exc
    return pyarrow


_INT_COLUMNS = {"start", "end", "trigger_start", "trigger_end", "n_mentions", "sentence", "line", "body_start",
                "body_end", "n_paragraphs", "n_sentences", "n_entities", "n_dates", "n_quotes", "n_events"}
_LIST_COLUMNS = {"titles", "mention_texts", "participant_ids", "participant_names", "participant_roles"}


def arrow_schema(table: str) -> pa.Schema:
    """The pyarrow schema of one output table (the columns of :data:`newstag.frames.COLUMNS`)."""
    pa = _pyarrow()
    columns = ERROR_COLUMNS if table == "errors" else COLUMNS[table]

    def typ(col: str) -> pa.DataType:
        if col in _INT_COLUMNS:
            return pa.int64()
        if col in _LIST_COLUMNS:
            return pa.list_(pa.string())
        if col == "published":
            return pa.date32()
        return pa.string()

    return pa.schema([(c, typ(c)) for c in columns])


_PART = re.compile(r"part-(\d{6})\.parquet")


class ParquetOutput:
    """One Parquet table per kind under ``out_dir``, a row group per batch, parts renamed in when done.

    Args:
        out_dir: the folder of the tables (created if needed).
        resume: keep the committed parts and add new ones; without it, a folder that already holds
            tables is an error (nothing is deleted).
        part_size: records per part file (default 1,000): what a kill can lose at most.
    """

    def __init__(self, out_dir: str | None, *, resume: bool = False, part_size: int = 1000) -> None:
        if out_dir in (None, "-"):
            raise OutputError("--format parquet needs an output folder (-o OUT_DIR/)")
        if not isinstance(part_size, int) or part_size < 1:
            raise OutputError(f"part_size must be a positive int, got {part_size!r}")
        self.pa = _pyarrow()
        self.dir = Path(out_dir)
        if self.dir.exists() and not self.dir.is_dir():
            raise OutputError(f"output {out_dir!r} is a file, not a folder")
        self.part_size = part_size
        self.schemas = {t: arrow_schema(t) for t in TABLES}
        self._done: set[Key] = set()
        committed = self._committed()
        if committed and not resume:
            raise OutputError(f"{out_dir!r} already holds newstag tables: use --resume to continue, or another folder")
        for t in TABLES:
            (self.dir / t).mkdir(parents=True, exist_ok=True)
        self._clean(committed)
        if resume:
            self._read_done()
        self._next = max(committed, default=-1) + 1
        self._writers: dict[str, Any] = {}
        self._in_part = 0
        self._torn = False  # a write stopped half-way (an exception, Ctrl-C): the open part is not committed

    def _committed(self) -> set[int]:
        """Part numbers present in ``articles`` (the last table renamed in)."""
        folder = self.dir / "articles"
        if not folder.is_dir():
            return set()
        return {int(m.group(1)) for p in folder.iterdir() if (m := _PART.fullmatch(p.name))}

    def _clean(self, committed: set[int]) -> None:
        """Drop what a killed run left: temporary parts, and parts renamed in before ``articles`` was."""
        for t in TABLES:
            for p in (self.dir / t).iterdir():
                m = _PART.fullmatch(p.name)
                if (p.name.startswith(".part-") and p.name.endswith(".tmp")) or (m and int(m.group(1)) not in committed):
                    p.unlink()

    def _read_done(self) -> None:
        pq = self.pa.parquet
        for name in ("articles", "errors"):
            for p in sorted((self.dir / name).glob("part-*.parquet")):
                cols = ["article"] if name == "articles" else ["article", "line"]
                tab = pq.read_table(p, columns=cols).to_pydict()
                if name == "articles":
                    self._done.update(str(a) for a in tab["article"])
                else:
                    self._done.update(str(a) if a is not None else ("line", ln or 0)
                                      for a, ln in zip(tab["article"], tab["line"], strict=True))

    def done(self) -> set[Key]:
        """The keys of the records already in the committed parts (when resuming)."""
        return self._done

    def _tmp(self, table: str) -> Path:
        return self.dir / table / f".part-{self._next:06d}.parquet.tmp"

    def write(self, results: list[Result]) -> None:
        """Append one finished batch as a row group of each table; commit the part when it is full."""
        if not results:
            return
        batch: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        for r, a in results:
            key = r.id if r.id is not None else (a.id if a is not None else None)
            if a is None:
                batch["errors"].append({"article": key, "line": r.line, "error": r.error})
                continue
            for kind in COLUMNS:
                batch[kind].extend(rows(str(key), a, kind))
        if self._torn:
            raise OutputError("an earlier write failed half-way: the open part cannot be continued")
        tables = {t: self.pa.Table.from_pylist(batch[t], schema=self.schemas[t]) for t in TABLES}
        try:
            for t in TABLES:
                if t not in self._writers:
                    self._writers[t] = self.pa.parquet.ParquetWriter(str(self._tmp(t)), self.schemas[t])
                self._writers[t].write_table(tables[t])
        except BaseException:  # the batch is in some tables only: committing the part would tear it
            self._torn = True
            raise
        self._in_part += len(results)
        if self._in_part >= self.part_size:
            self._commit()

    def _commit(self) -> None:
        if self._torn:  # drop the open part; a resumed run tags its records again
            self._discard()
            return
        if not self._writers:
            return
        try:
            for t in TABLES:  # every table gets a file for the part, even an empty one
                if t not in self._writers:
                    self._writers[t] = self.pa.parquet.ParquetWriter(str(self._tmp(t)), self.schemas[t])
                self._writers[t].close()
                with open(self._tmp(t), "rb") as fh:
                    os.fsync(fh.fileno())
            for t in TABLES:  # articles last: a part counts as done once it is there
                os.replace(self._tmp(t), self.dir / t / f"part-{self._next:06d}.parquet")
        except BaseException:  # stopped between the renames: a resumed run removes what was renamed in
            self._torn = True
            raise
        self._writers = {}
        self._in_part = 0
        self._next += 1

    def _discard(self) -> None:
        for t, writer in self._writers.items():
            try:
                writer.close()
            except Exception:  # noqa: BLE001, S110 - the file is removed anyway
                pass
            self._tmp(t).unlink(missing_ok=True)
        self._writers = {}
        self._in_part = 0

    def close(self) -> None:
        """Commit the open part (or drop it, when a write stopped half-way)."""
        self._commit()


def open_output(fmt: str, path: str | None, *, resume: bool = False, part_size: int = 1000) -> JsonlOutput | ParquetOutput:
    """The writer for ``--format`` ``jsonl`` or ``parquet``."""
    if fmt == "parquet":
        return ParquetOutput(path, resume=resume, part_size=part_size)
    if fmt == "jsonl":
        return JsonlOutput(path, resume=resume)
    raise ValueError(f"format must be 'jsonl' or 'parquet', got {fmt!r}")


__all__ = [
    "ERROR_COLUMNS", "PAGE_SUFFIXES", "TABLES", "JsonlOutput", "OutputError", "ParquetOutput", "Record", "Source",
    "arrow_schema", "count_records", "error_dict", "expand_inputs", "iter_records", "open_output", "parse_record",
    "read_page",
]
