'''The ``newstag`` command: tag files or stdin, print JSON, JSONL or a readable summary.

Single articles::

    newstag page.txt --published 2025-03-05            # readable table
    newstag page.html -f json                           # HTML pages too
    newstag page.txt --explain                          # why each line is in or out of the body
    cat page.txt | newstag - -f jsonl
    newstag page.txt --no-ginza-ner                    # the faster profile, without GiNZA's ner

Batch mode over JSONL records ``{"id": ..., "text": ..., "published": ...}`` (``url`` optional)::

    newstag batch in.jsonl -o out.jsonl --n-process 2   # or: newstag --batch in.jsonl -o out.jsonl

writes one JSON line per input record, in input order: the tagged Article, or
``{"id": ..., "error": ..., "line": ...}`` when that record could not be tagged (the batch goes on).
Exit status: 0 when done (also when some records failed), 2 on bad usage.
'''

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from .models import Article

if TYPE_CHECKING:  # pragma: no cover
    from .tagger import Tagger


def summary(article: Article) -> str:
    """A readable plain-text summary of an article's tags."""
    ents = {e.id: e for e in article.entities}

    def name(eid: str | None) -> str:
        return ents[eid].name if eid in ents else "-"

    out = [f"title:     {article.title or '-'}", f"published: {article.published or '-'}",
           f"body:      {article.body.end - article.body.start} chars, {len(article.paragraphs)} paragraphs, "
           f"{len(article.sentences)} sentences"]
    out.append(f"\nentities ({len(article.entities)})")
    for e in article.entities:
        extra = f" [{', '.join(e.titles)}]" if e.titles else ""
        aff = f" @{name(e.affiliation)}" if e.affiliation else ""
        out.append(f"  {e.type:<7} {e.name}{extra}{aff}  ×{len(e.mentions)}")
    out.append(f"\ndates ({len(article.dates)})")
    for d in article.dates:
        out.append(f"  {d.type:<8} {d.text} = {d.value}")
    out.append(f"\nquotes ({len(article.quotes)})")
    for q in article.quotes:
        out.append(f"  {name(q.speaker)}: 「{q.text[:60]}{'…' if len(q.text) > 60 else ''}」 ({q.cue or '-'})")
    out.append(f"\nevents ({len(article.events)})")
    for ev in article.events:
        who = ", ".join(name(p.entity) for p in ev.participants)
        extra = " ".join(x for x in (ev.stance or "", f"@{name(ev.place)}" if ev.place else "") if x)
        out.append(f"  {ev.type:<9} {ev.date or '-':<10} {ev.status:<12} {who} {extra}".rstrip())
    return "\n".join(out)


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}")
    return n


def _n_process(value: str) -> int:
    if value.strip() == "-1":
        return -1
    return _positive_int(value)


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--published", help="publication date (ISO, e.g. 2025-02-13) of the inputs, used to resolve "
                   "relative dates; HTML pages otherwise use their own date; in batch mode, the default for records "
                   "without one")
    p.add_argument("--output", "-o", metavar="FILE", help="write the output to FILE instead of stdout")
    p.add_argument("--model", default="ja_ginza", help="GiNZA model to load (default ja_ginza)")
    p.add_argument("--n-process", type=_n_process, default=1, metavar="N",
                   help="worker processes (default 1; -1 = one per CPU); each loads the model once")
    p.add_argument("--batch-size", type=_positive_int, default=16, metavar="N", help="articles parsed together (default 16)")
    p.add_argument("--ginza-ner", action=argparse.BooleanOptionalAction, default=None,
                   help="run GiNZA's ner (its ENE entities assist some rules) or not (--no-ginza-ner: faster); "
                        "default: the library's default profile (docs/speed.md)")


def build_parser() -> argparse.ArgumentParser:
    """The parser for single-article use (``newstag FILE ...``)."""
    p = argparse.ArgumentParser(
        prog="newstag",
        description="Tag Japanese news articles (plain text or HTML). "
                    "Batch mode over JSONL: 'newstag batch in.jsonl -o out.jsonl' (see 'newstag batch -h').",
    )
    p.add_argument("files", nargs="*", help="input files (plain text or HTML); '-' or none reads stdin")
    p.add_argument("--format", "-f", choices=["table", "json", "jsonl"], default=None,
                   help="output format (default table; batch mode always writes jsonl)")
    p.add_argument("--batch", action="store_true", help="the inputs are JSONL records: same as 'newstag batch'")
    p.add_argument("--no-progress", action="store_true", help="batch mode: no progress bar on stderr")
    p.add_argument("--explain", action="store_true",
                   help="show how the article body was found (each line: role, score, features) instead of tagging")
    _add_common(p)
    return p


def build_batch_parser() -> argparse.ArgumentParser:
    """The parser for ``newstag batch``."""
    p = argparse.ArgumentParser(
        prog="newstag batch",
        description='Tag JSONL records {"id", "text", "published"[, "url"]}; write one JSON line per record, in '
                    'input order: the Article, or {"id", "error", "line"} for a record that failed.',
    )
    p.add_argument("files", nargs="*", help="JSONL input files; '-' or none reads stdin")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    _add_common(p)
    return p


def make_tagger(model: str, **settings: Any) -> Tagger:
    """Load the tagger (a seam for tests, which reuse an already loaded one)."""
    from .tagger import Tagger

    return Tagger(model, **settings)


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    """Tagger settings the user chose on the command line (none: the defaults)."""
    return {} if args.ginza_ner is None else {"ginza_ner": args.ginza_ner}


def _open_output(path: str | None) -> IO[str]:
    if path is None or path == "-":
        return sys.stdout
    return open(path, "w", encoding="utf-8")


def _usage_error(message: str) -> int:
    print(f"newstag: error: {message}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0 ok, 2 bad usage)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    batch = bool(argv) and argv[0] == "batch"
    parser = build_batch_parser() if batch else build_parser()
    try:
        args = parser.parse_args(argv[1:] if batch else argv)
    except SystemExit as exc:  # argparse: 2 on bad usage, 0 after --help
        return exc.code if isinstance(exc.code, int) else 2
    if not batch and args.batch:
        if args.explain:
            return _usage_error("--explain reads single pages; drop --batch")
        if args.format not in (None, "jsonl"):
            return _usage_error("--batch writes JSONL; drop --format or use --format jsonl")
        batch = True
    from .tagger import parse_published

    try:
        published = parse_published(args.published, "--published")
    except (TypeError, ValueError) as exc:
        return _usage_error(str(exc))
    files = args.files or ["-"]
    missing = [f for f in files if f != "-" and not _is_readable(f)]
    if missing:
        return _usage_error(f"cannot read input file {missing[0]!r}")
    if batch:
        return _run_batch(args, files, published)
    if args.explain:
        return _run_explain(args, files)
    return _run_single(args, files, published)


def _run_explain(args: argparse.Namespace, files: list[str]) -> int:
    """Print the segmenter's decision on every line of each input (no GiNZA: fast)."""
    from .segment import explain

    out = _open_output(args.output)
    try:
        for i, f in enumerate(files):
            if len(files) > 1:
                print(f"{'' if i == 0 else chr(10)}== {'<stdin>' if f == '-' else f}", file=out)
            for decision in explain(_read_text(f)):
                print(decision, file=out)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def _is_readable(path: str) -> bool:
    try:
        with open(path, "rb"):
            return True
    except OSError:
        return False


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8", errors="replace") as fh:
        return fh.read()


def _run_single(args: argparse.Namespace, files: list[str], published) -> int:
    fmt = args.format or "table"
    tagger = make_tagger(args.model, **_settings(args))
    items = ((_read_text(f), {"id": "<stdin>" if f == "-" else f, "published": published}) for f in files)
    out = _open_output(args.output)
    try:
        for i, article in enumerate(tagger.pipe(items, batch_size=args.batch_size, n_process=args.n_process)):
            if fmt == "json":
                print(article.model_dump_json(indent=1), file=out)
            elif fmt == "jsonl":
                print(article.model_dump_json(), file=out)
            else:
                if len(files) > 1:
                    print(f"{'' if i == 0 else chr(10)}== {article.id}", file=out)
                print(summary(article), file=out)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


# -- batch mode -----------------------------------------------------------------------------------
@dataclass
class _Record:
    """One input line: either an item to tag or the reason it cannot be."""

    line: int
    id: str | None
    item: tuple[str, dict[str, Any]] | None = None
    error: str | None = None


def _parse_record(line: int, raw: str, published) -> _Record:
    from .tagger import parse_published

    try:
        rec = json.loads(raw)
    except json.JSONDecodeError as exc:
        return _Record(line, None, error=f"invalid JSON: {exc}")
    if not isinstance(rec, dict):
        return _Record(line, None, error=f"a record must be a JSON object, got {type(rec).__name__}")
    ident = None if rec.get("id") is None else str(rec["id"])
    if "text" not in rec:
        return _Record(line, ident, error="missing 'text'")
    if not isinstance(rec["text"], str):
        return _Record(line, ident, error=f"'text' must be a string, got {type(rec['text']).__name__}")
    try:
        raw_pub = rec.get("published")
        # "" and null both mean "not known": the --published default applies
        pub = parse_published(None if raw_pub == "" else raw_pub, "'published'") or published
    except (TypeError, ValueError) as exc:
        return _Record(line, ident, error=str(exc))
    url = rec.get("url")
    if url is not None and not isinstance(url, str):
        return _Record(line, ident, error=f"'url' must be a string, got {type(url).__name__}")
    return _Record(line, ident, item=(rec["text"], {"id": ident, "published": pub, "url": url}))


def _records(files: list[str], published) -> Iterator[_Record]:
    line = 0
    for path in files:
        fh = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="replace")
        try:
            for raw in fh:
                line += 1
                if raw.strip():
                    yield _parse_record(line, raw, published)
        finally:
            if fh is not sys.stdin:
                fh.close()


def _chunks(records: Iterable[_Record], size: int) -> Iterator[list[_Record]]:
    chunk: list[_Record] = []
    for r in records:
        chunk.append(r)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _tag_chunk(tagger: Tagger, chunk: list[_Record], batch_size: int, n_process: int) -> list[str]:
    """JSON lines for a chunk of records, in order; a record that breaks the tagger is retried alone."""
    items = [r.item for r in chunk if r.item is not None]
    try:
        articles: list[Article | None] = list(tagger.pipe(items, batch_size=batch_size, n_process=n_process))
    except Exception:  # noqa: BLE001 - isolate the failing record below
        articles = [None] * len(items)
    it = iter(articles)
    lines = []
    for r in chunk:
        if r.item is not None:
            article = next(it)
            if article is None:
                try:
                    article = tagger(r.item[0], **r.item[1])
                except Exception as exc:  # noqa: BLE001 - reported in the output, the batch goes on
                    r.error = f"{type(exc).__name__}: {exc}"
            if article is not None:
                lines.append(article.model_dump_json())
                continue
        lines.append(json.dumps({"id": r.id, "error": r.error, "line": r.line}, ensure_ascii=False))
    return lines


def _count_lines(files: list[str]) -> int | None:
    if "-" in files:
        return None
    n = 0
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as fh:
            n += sum(1 for raw in fh if raw.strip())
    return n


def _run_batch(args: argparse.Namespace, files: list[str], published) -> int:
    from tqdm import tqdm

    tagger = make_tagger(args.model, **_settings(args))
    n_process = args.n_process
    chunk_size = args.batch_size if n_process == 1 else args.batch_size * max(n_process, 2) * 4
    out = _open_output(args.output)
    n_ok = n_err = 0
    try:
        with tqdm(total=_count_lines(files), unit=" records", file=sys.stderr, disable=args.no_progress,
                  desc="newstag") as bar:
            for chunk in _chunks(_records(files, published), chunk_size):
                for line in _tag_chunk(tagger, chunk, args.batch_size, n_process):
                    out.write(line + "\n")
                failed = sum(1 for r in chunk if r.error is not None)
                n_err += failed
                n_ok += len(chunk) - failed
                out.flush()
                bar.update(len(chunk))
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"newstag: {n_ok} articles tagged, {n_err} records failed", file=sys.stderr)
    return 0
