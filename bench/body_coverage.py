"""Article body on real news pages: newstag's segmentation beside bare ``trafilatura.extract``.

Usage::

    python bench/body_coverage.py                    # ../shared/dev/pages (when present)
    python bench/body_coverage.py DIR [DIR ...]      # other folders of annotated pages
    python bench/body_coverage.py --detail           # one line per page

Each page has a gold file ``<page>_html.json`` / ``<page>_txt.json`` naming its ``source`` and the
first and last words of its body (``body.first`` / ``body.last``) and the names that occur only in
the boilerplate (``outside_body_must_not_be_tagged``). No parsing: this measures the layout only.

For each HTML page, in one run:

* **trafilatura**: ``trafilatura.extract(html)`` with its defaults; *covers* when its text holds both
  anchors; *boilerplate* counts the outside names its text holds.
* **newstag**: :func:`newstag.segment.read_page`; *covers* when the body span (or, for a fully
  paywalled page, the title) holds both anchors; *boilerplate* counts the outside names in the
  text newstag tags (title and body); *title* when it equals the gold title (spaces ignored).

The plain-text forms (``.txt``) are reported for newstag alone (trafilatura reads HTML).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "dev" / "pages"


def nf(s: str | None) -> str:
    """The scorer's normal form: NFKC without spaces."""
    return unicodedata.normalize("NFKC", s or "").replace(" ", "")


def _covers(gold: dict, *texts: str) -> bool:
    return all(any(nf(gold["body"][k]) in nf(t) for t in texts) for k in ("first", "last"))


def _boilerplate(gold: dict, text: str) -> list[str]:
    t = nf(text)
    return [b for b in gold.get("outside_body_must_not_be_tagged", []) if nf(b) in t]


def measure(gold_path: Path) -> dict:
    """Both extractions of one annotated page."""
    import trafilatura

    from newstag.segment import read_page

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    raw = (gold_path.parent / gold["source"]).read_text(encoding="utf-8")
    page = read_page(raw)
    lay = page.layout
    body = page.text[lay.body[0]:lay.body[1]]
    title = page.text[lay.title[0]:lay.title[1]] if lay.title else ""
    row = {
        "page": gold_path.stem,
        "kind": "html" if gold["source"].endswith((".html", ".htm")) else "text",
        "newstag": {"covers": _covers(gold, body, title), "boilerplate": _boilerplate(gold, title + "\n" + body),
                    "title": nf(title) == nf(gold.get("title")), "chars": len(body)},
    }
    if row["kind"] == "html":
        t = trafilatura.extract(raw) or ""
        row["trafilatura"] = {"covers": _covers(gold, t), "boilerplate": _boilerplate(gold, t), "chars": len(t)}
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path, help=f"folders of annotated pages (default {DEFAULT_DIR})")
    ap.add_argument("--detail", action="store_true", help="one line per page")
    args = ap.parse_args(argv)
    dirs = args.dirs or [DEFAULT_DIR]
    golds = sorted(p for d in dirs for p in d.glob("*.json") if d.is_dir())
    if not golds:
        print(f"no annotated pages in {', '.join(map(str, dirs))}", file=sys.stderr)
        return 1
    rows = [measure(p) for p in golds]
    if args.detail:
        for r in rows:
            n = r["newstag"]
            line = f"{r['page']:<22} newstag {'covers' if n['covers'] else 'MISSES'} {len(n['boilerplate'])} bp, title {'ok' if n['title'] else 'WRONG'}"
            if "trafilatura" in r:
                t = r["trafilatura"]
                line += f" | trafilatura {'covers' if t['covers'] else 'MISSES'} {len(t['boilerplate'])} bp"
            print(line)
    for kind in ("html", "text"):
        rs = [r for r in rows if r["kind"] == kind]
        if not rs:
            continue
        n = len(rs)
        ns = [r["newstag"] for r in rs]
        print(f"{kind} pages ({n}):")
        print(f"  newstag      body covers {sum(x['covers'] for x in ns)}/{n}, boilerplate names in the tagged text "
              f"{sum(len(x['boilerplate']) for x in ns)}, title right {sum(x['title'] for x in ns)}/{n}")
        if kind == "html":
            ts = [r["trafilatura"] for r in rs]
            print(f"  trafilatura  body covers {sum(x['covers'] for x in ts)}/{n}, boilerplate names in its text "
                  f"{sum(len(x['boilerplate']) for x in ts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
