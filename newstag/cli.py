"""The ``newstag`` command: tag files or stdin, print JSON, JSONL or a readable summary."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .models import Article


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


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newstag", description="Tag Japanese news articles (text or HTML).")
    p.add_argument("files", nargs="*", help="input files (plain text or HTML); '-' or none reads stdin")
    p.add_argument("--published", help="publication date (ISO, e.g. 2025-02-13) for inputs without one")
    p.add_argument("--format", "-f", choices=["table", "json", "jsonl"], default="table", help="output format")
    p.add_argument("--model", default="ja_ginza", help="GiNZA model to load (default ja_ginza)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .tagger import Tagger, parse_published

    try:
        published = parse_published(args.published, "--published")
    except (TypeError, ValueError) as exc:
        print(f"newstag: {exc}", file=sys.stderr)
        return 2
    tagger = Tagger(args.model)
    files = args.files or ["-"]
    for path in files:
        if path == "-":
            text, ident = sys.stdin.read(), "<stdin>"
        else:
            with open(path, encoding="utf-8", errors="replace") as fh:
                text, ident = fh.read(), path
        article = tagger(text, published=published, id=ident)
        if args.format == "json":
            print(article.model_dump_json(indent=1))
        elif args.format == "jsonl":
            print(article.model_dump_json())
        else:
            if len(files) > 1:
                print(f"== {ident}")
            print(summary(article))
    return 0
