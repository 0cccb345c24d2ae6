"""Per-rule evidence: how often each mention rule is right, on NER corpora and on news gold files.

``python -m newstag.evaluate rules FILE...`` runs newstag over each file and counts, for every rule
of the registry (:data:`~newstag.entities.rules.registry.RULES`), its true and false positives:

- a **Stockmark-format file** (a JSON list of ``{"text", "entities"}`` records: the Stockmark
  NER split, KWDLC) is scored the way ``evaluate ner`` scores it: the mentions left after
  nested ones are dropped, each a true positive when its offsets and type equal a gold span's;
  a mention on a span typed OPTIONAL that matches no gold span is not counted. The tp and
  tp + fp of all rules add up to the tp and pred of ``evaluate ner`` (without ``--join-places``).
  One column block per file.
- **news gold files** (one JSON object per article naming its text in ``source``, the shape of
  ``../shared/dev/*.json``) are matched the way newseval matches entities: per type, one-to-one,
  a predicted entity matches a gold one when a name or mention of it equals a gold name (or is it
  with a short title or honorific around it). Every mention of a matched entity is a true
  positive of its rule, every mention of an unmatched one a false positive; entities matching an
  optional gold entity are not counted. All news files make one column block.

A mention whose type :func:`~newstag.entities.merge.unify_types` changed (rule ``A>B``: found by B,
retyped to A's type) counts under the row :data:`RETYPED`; a pattern id (``ginza:<label>``) counts
the mentions of all its variants (``--variants`` lists them too).

``python -m newstag.entities.report --catalogue FILE.md`` rewrites the rule catalogue between the
markers of FILE.md (``docs/entities.md``) from the registry.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .rules.apply import STEPS
from .rules.registry import FAMILIES, RULES, rule_info

if TYPE_CHECKING:
    from spacy.language import Language

    from ..models import Article, Entity
    from ..tagger import Tagger

#: the row of the mentions :func:`~newstag.entities.merge.unify_types` retyped (not a rule of its own)
RETYPED = "merge:retyped"
#: defaults of the list of weak rules printed after the table
MIN_PRED = 5
MIN_PRECISION = 0.6


@dataclass
class Tally:
    """True and false positives of one rule on one corpus."""

    tp: int = 0
    fp: int = 0

    @property
    def pred(self) -> int:
        """tp + fp."""
        return self.tp + self.fp

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp); None without predictions."""
        return self.tp / self.pred if self.pred else None


Tallies = dict[str, Tally]  # rule string (as mentions carry it) → tally


def row_id(rule: str) -> str:
    """The row a mention's rule string counts under: its registered id (``ginza:Person`` →
    ``ginza:<label>``), :data:`RETYPED` for a retyping trace, else the string itself."""
    if ">" in rule:
        return RETYPED
    info = rule_info(rule)
    return info.id if info is not None else rule


def _count(tallies: Tallies, rule: str, hit: bool) -> None:
    t = tallies.setdefault(rule, Tally())
    if hit:
        t.tp += 1
    else:
        t.fp += 1


# -- Stockmark-format files ------------------------------------------------------------------------

def is_stockmark_file(path: str | Path) -> bool:
    """A Stockmark-format file is a JSON list of records; a news gold file is one JSON object."""
    return isinstance(json.loads(Path(path).read_text(encoding="utf-8")), list)


def stockmark_tallies(path: str | Path, *, cache: str | None = None, batch_size: int = 64) -> Tallies:
    """Each rule's tp / fp on a Stockmark-format file, scored as ``evaluate ner`` scores it.
    ``cache`` is a DocBin of the file's parses (written when absent; ValueError when it holds other texts)."""
    from ..evaluate import detect_convention, drop_optional, flatten, predict_rules, read_optional, read_stockmark

    records = read_stockmark(path)
    optional = read_optional(path)
    found = predict_rules([t for t, _ in records], cache=cache, batch_size=batch_size, overwrite_cache=False,
                          convention=detect_convention(path))
    tallies: Tallies = {}
    for rules, (_, gold), opt in zip(found, records, optional, strict=True):
        for span in drop_optional(flatten(rules), gold, opt):
            _count(tallies, rules[span], span in gold)
    return tallies


# -- news gold files: newseval's entity matching -------------------------------------------------

def _nf(s: str | None) -> str:
    return unicodedata.normalize("NFKC", s or "").replace(" ", "")


def name_match(pred_names: Sequence[str], gold_names: Sequence[str], exact: bool = False) -> bool:
    """newseval's test: a predicted name equals a gold name, or (not ``exact``) is the gold name
    (two characters or more) with up to six characters of title or honorific before or after it."""
    for g in map(_nf, gold_names):
        for n in map(_nf, pred_names):
            if n == g or (not exact and len(g) >= 2 and (n.startswith(g) or n.endswith(g)) and len(n) - len(g) <= 6):
                return True
    return False


def match_entities(preds: list[Entity], golds: list[dict], names: Callable[[Entity], list[str]]
                   ) -> tuple[list[tuple[Entity, dict]], list[Entity]]:
    """newseval's one-to-one matching of one type's predicted entities to its gold entities,
    exact name matches first: ``(pairs, unmatched predictions)``. ``names(entity)`` lists an
    entity's name and mention texts."""
    used: set[int] = set()
    done: set[int] = set()
    pairs = []
    for exact in (True, False):
        for gi, g in enumerate(golds):
            if gi in done:
                continue
            for pi, p in enumerate(preds):
                if pi not in used and name_match(names(p), g["names"], exact=exact):
                    used.add(pi)
                    done.add(gi)
                    pairs.append((p, g))
                    break
    return pairs, [p for i, p in enumerate(preds) if i not in used]


def article_tallies(article: Article, gold: dict, tallies: Tallies) -> None:
    """Add one tagged article's mentions to ``tallies``, judged against its gold file ``gold``."""
    def names(e: Entity) -> list[str]:
        return [e.name] + [m.text for m in e.mentions]

    gold_ents = gold.get("entities", [])
    optional = [g for g in gold_ents if g.get("optional")]
    for typ in ("PERSON", "ORG", "PLACE"):
        preds = [e for e in article.entities if e.type == typ]
        pairs, unmatched = match_entities(preds, [g for g in gold_ents if g["type"] == typ], names)
        judged = [(e, True) for e, g in pairs if not g.get("optional")]
        judged += [(e, False) for e in unmatched if not any(name_match(names(e), g["names"]) for g in optional)]
        for e, hit in judged:
            for m in e.mentions:
                _count(tallies, m.rule, hit)


def news_text(gold_path: str | Path, gold: dict) -> str:
    """The article text a news gold file names (``source``, relative to the file or to $NEWSEVAL_TEXTS)."""
    base = Path(os.environ.get("NEWSEVAL_TEXTS") or Path(gold_path).parent)
    return (base / gold["source"]).read_text(encoding="utf-8")


def news_tallies(paths: Sequence[str | Path], *, cache: str | None = None) -> Tallies:
    """Each rule's tp / fp over news gold files, tagged with :class:`~newstag.Tagger` (GiNZA's
    parses kept by text under the directory ``cache`` when given)."""
    tagger = caching_tagger(cache) if cache else _tagger()
    tallies: Tallies = {}
    for p in paths:
        gold = json.loads(Path(p).read_text(encoding="utf-8"))
        article_tallies(tagger(news_text(p, gold), published=gold.get("published")), gold, tallies)
    return tallies


def _tagger() -> Tagger:
    from ..tagger import Tagger

    return Tagger()


def caching_tagger(cache: str | Path, *, nlp: Language | None = None) -> Tagger:
    """A :class:`~newstag.Tagger` (on the pipeline ``nlp`` when given) whose GiNZA parses are kept
    in the directory ``cache``, one file per text (``<sha1[:2]>/<sha1>.bin``, GiNZA's whole output);
    the same tags as an uncached one."""
    from spacy.tokens import Doc

    from ..tagger import Tagger

    root = Path(cache)

    class CachingTagger(Tagger):
        def _parse(self, texts: list[str]) -> Iterator[Doc]:
            nlp = self.nlp
            paths = [root / k[:2] / f"{k}.bin" for k in (hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts)]
            missing = [(p, t) for p, t in zip(paths, texts, strict=True) if not p.exists()]
            if missing:
                disable = [n for n in self._disable if n != "ner"]  # the cache keeps GiNZA's entities
                for (p, _), d in zip(missing, nlp.pipe([t for _, t in missing], disable=disable, batch_size=8), strict=True):
                    p.parent.mkdir(parents=True, exist_ok=True)
                    fd, tmp = tempfile.mkstemp(dir=p.parent)
                    with os.fdopen(fd, "wb") as f:
                        f.write(d.to_bytes())
                    os.replace(tmp, p)
            no_ner = "ner" in self._disable or "ner" not in nlp.pipe_names
            for p in paths:
                d = Doc(nlp.vocab).from_bytes(p.read_bytes())
                if no_ner and len(d.ents):
                    d.set_ents([], default="missing")
                yield d

    return CachingTagger(nlp=nlp)


# -- the table --------------------------------------------------------------------------------------

@dataclass
class Block:
    """One corpus's column block."""

    name: str
    tallies: Tallies

    def by_row(self) -> dict[str, Tally]:
        """The tallies summed per table row (:func:`row_id`)."""
        out: dict[str, Tally] = {}
        for rule, t in self.tallies.items():
            row = out.setdefault(row_id(rule), Tally())
            row.tp += t.tp
            row.fp += t.fp
        return out


def rows(blocks: Sequence[Block]) -> list[str]:
    """The table's rows: the registered rules by family and priority, then any other rule string
    seen (none is expected but a retyping trace)."""
    order = {f: n for n, f in enumerate(FAMILIES)}
    ids = sorted(RULES, key=lambda r: (order[RULES[r].family], -RULES[r].priority, r))
    seen = {r for b in blocks for r in b.by_row()}
    return ids + sorted(seen - set(ids))


def weak_rules(blocks: Sequence[Block], *, min_pred: int = MIN_PRED, below: float = MIN_PRECISION,
               variants: bool = False) -> list[tuple[str, str, Tally]]:
    """``(rule, corpus, tally)`` where a rule's precision is under ``below`` with ``min_pred``
    predictions or more (with ``variants``, also a pattern id's variants: ``ginza:Company``),
    lowest precision first."""
    out = []
    for b in blocks:
        found = dict(b.by_row())
        if variants:
            found.update((v, t) for v, t in b.tallies.items() if v not in found and ">" not in v and v not in RULES)
        out += [(r, b.name, t) for r, t in found.items() if t.pred >= min_pred and t.precision is not None and t.precision < below]
    return sorted(out, key=lambda x: (x[2].precision, -x[2].pred))


def _width(s: str) -> int:
    """Terminal columns of ``s`` (a wide character such as 組 takes two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _ljust(s: str, width: int) -> str:
    """``s`` padded to ``width`` terminal columns."""
    return s + " " * max(0, width - _width(s))


def _fmt(t: Tally | None) -> str:
    if t is None or not t.pred:
        return f"{'':>5} {'':>5} {'-':>5}"
    return f"{t.tp:>5} {t.fp:>5} {t.precision:>5.2f}"


def format_table(blocks: Sequence[Block], *, variants: bool = False, min_pred: int = MIN_PRED,
                 below: float = MIN_PRECISION) -> str:
    """The per-rule table (one ``tp fp P`` block per corpus), then the weak rules."""
    by_row = [b.by_row() for b in blocks]
    table: list[tuple[str, Sequence[Tally | None], str, str, str]] = []  # (name, tallies, family, priority, doc)
    for r in rows(blocks):
        info = RULES.get(r)
        fam, prio, doc = (info.family, str(info.priority), info.doc) if info else ("-", "", _other_doc(r))
        table.append((r, [b.get(r) for b in by_row], fam, prio, doc))
        if variants and info is not None and info.prefix is not None:
            names = sorted({rule for b in blocks for rule in b.tallies if ">" not in rule and row_id(rule) == r})
            table += [(f"  {v}", [b.tallies.get(v) for b in blocks], "", "", "") for v in names]
    table.append(("ALL", [Tally(sum(t.tp for t in b.values()), sum(t.fp for t in b.values())) for b in by_row], "", "", ""))
    w = max(_width(name) for name, *_ in table) + 1
    lines = [_ljust("rule", w) + f" {'family':<7} {'prio':>4}  " + "  ".join(f"{b.name[:17]:^17}" for b in blocks) + "  description",
             _ljust("", w) + f" {'':<7} {'':>4}  " + "  ".join(f"{'tp':>5} {'fp':>5} {'P':>5}" for _ in blocks)]
    lines += [_ljust(name, w) + f" {fam:<7} {prio:>4}  " + "  ".join(_fmt(t) for t in tallies) + (f"  {doc}" if doc else "")
              for name, tallies, fam, prio, doc in table]
    weak = weak_rules(blocks, min_pred=min_pred, below=below, variants=variants)
    lines.append(f"\nrules with precision < {below} on a corpus where they predict {min_pred} or more ({len(weak)}):")
    lines += [f"  {_ljust(r, w)} {name:<28} P {t.precision:.2f}  (tp {t.tp}, fp {t.fp})" for r, name, t in weak]
    return "\n".join(lines)


def _other_doc(row: str) -> str:
    if row == RETYPED:
        return "(not a rule) mentions retyped by merge.unify_types to the type of their name's best-supported mention"
    return "(not in the registry)"


def as_json(blocks: Sequence[Block]) -> dict:
    """The table as JSON: per rule its registry entry and, per corpus, tp / fp / precision."""
    by_row = [b.by_row() for b in blocks]
    out = []
    for r in rows(blocks):
        info = RULES.get(r)
        item: dict = {"id": r, "family": info.family if info else None, "priority": info.priority if info else None,
                      "doc": info.doc if info else _other_doc(r), "corpora": {}}
        for b, br in zip(blocks, by_row, strict=True):
            t = br.get(r, Tally())
            item["corpora"][b.name] = {"tp": t.tp, "fp": t.fp,
                                       "p": None if t.precision is None else round(t.precision, 3)}
        out.append(item)
    return {"corpora": [b.name for b in blocks], "rules": out,
            "variants": {b.name: {k: {"tp": t.tp, "fp": t.fp} for k, t in sorted(b.tallies.items())} for b in blocks}}


# -- the command ------------------------------------------------------------------------------------

def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``python -m newstag.evaluate rules``."""
    parser.add_argument("files", nargs="+", help="Stockmark-format JSON files (one column block each) and news "
                                                 "gold files (one block for all of them)")
    parser.add_argument("--cache", action="append", default=[], metavar="FILE.spacy",
                        help="DocBin of GiNZA's parses of a Stockmark-format file (repeat: one per such file, "
                             "in the order of the files; written when absent)")
    parser.add_argument("--news-cache", default=None, metavar="DIR",
                        help="directory keeping GiNZA's parses of the news texts, one file per text")
    parser.add_argument("--variants", action="store_true", help="also list each variant of a pattern id (ginza:Person)")
    parser.add_argument("--min-pred", type=int, default=MIN_PRED, help=f"weak-rule list: predictions needed (default {MIN_PRED})")
    parser.add_argument("--below", type=float, default=MIN_PRECISION,
                        help=f"weak-rule list: precision under this (default {MIN_PRECISION})")
    parser.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    """Run ``python -m newstag.evaluate rules`` with parsed ``args``."""
    stockmark = [f for f in args.files if is_stockmark_file(f)]
    news = [f for f in args.files if f not in stockmark]
    if len(args.cache) > len(stockmark):
        raise SystemExit(f"{len(args.cache)} --cache files for {len(stockmark)} Stockmark-format files")
    caches = list(args.cache) + [None] * (len(stockmark) - len(args.cache))
    blocks = [Block(Path(f).stem, stockmark_tallies(f, cache=c)) for f, c in zip(stockmark, caches, strict=True)]
    if news:
        blocks.append(Block(f"news ({len(news)} files)", news_tallies(news, cache=args.news_cache)))
    if args.json:
        print(json.dumps(as_json(blocks), ensure_ascii=False, indent=1))
    else:
        print(format_table(blocks, variants=args.variants, min_pred=args.min_pred, below=args.below))
    return 0


# -- the catalogue ----------------------------------------------------------------------------------

BEGIN = "<!-- rule catalogue: generated by `python -m newstag.entities.report --catalogue docs/entities.md` -->"
END = "<!-- end of the rule catalogue -->"


def catalogue() -> str:
    """The rule book as Markdown: the rules by family (id, priority, description, code), then the
    order the steps run in."""
    out = []
    for fam in FAMILIES:
        infos = sorted((i for i in RULES.values() if i.family == fam), key=lambda i: (-i.priority, i.id))
        out += [f"### {fam}", "", "| rule | priority | finds | code |", "|---|---:|---|---|"]
        out += [f"| `{i.id}` | {i.priority} | {i.doc.replace('|', '/')} | `{i.where.removeprefix('newstag.entities.rules.')}` |"
                for i in infos]
        out.append("")
    out += ["### order of the steps (`rules.apply.STEPS`)", ""]
    for n, step in enumerate(STEPS, 1):
        first = (step.__doc__ or "").strip().split("\n\n")[0]
        first = re.sub(r":\w+:`~?\.*(?:[\w]+\.)*(\w+)`", r"`\1`", re.sub(r"\s+", " ", first)).replace("``", "`")
        out.append(f"{n}. `{step.__module__.removeprefix('newstag.entities.rules.')}.{step.__name__}`: {first}")
    return "\n".join(out) + "\n"


def write_catalogue(path: str | Path) -> bool:
    """Rewrite the catalogue between :data:`BEGIN` and :data:`END` in ``path``; True when it changed."""
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        raise ValueError(f"{path}: no catalogue markers ({BEGIN!r} … {END!r})")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    new = f"{head}{BEGIN}\n\n{catalogue()}\n{END}{tail}"
    if new != text:
        p.write_text(new, encoding="utf-8")
    return new != text


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newstag.entities.report [--catalogue FILE.md]``."""
    parser = argparse.ArgumentParser(prog="python -m newstag.entities.report",
                                     description="Write the rule catalogue (per-rule scores: python -m newstag.evaluate rules).")
    parser.add_argument("--catalogue", metavar="FILE.md", help="rewrite the catalogue between the markers of FILE.md")
    args = parser.parse_args(argv)
    if args.catalogue:
        print(f"{args.catalogue}: {'updated' if write_catalogue(args.catalogue) else 'up to date'}")
    else:
        print(catalogue(), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
