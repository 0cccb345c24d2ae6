"""Evaluation commands.

``python -m newstag.evaluate ner FILE.json`` scores span-level entity tagging on a file in the
Stockmark NER format (a list of ``{"text", "entities": [{"span": [start, end], "type"}]}``
records, one sentence each). Gold types map to newstag's: 人名 → PERSON; 法人名, 政治的組織名,
その他の組織名 → ORG; 地名 → PLACE; the other types (施設名, 製品名, イベント名) are not gold entities.
A predicted span counts when its offsets and type equal a gold span's. Stockmark annotates flat
spans, so a predicted mention nested inside another one (the country in 日本政府) is dropped
before scoring. Spans typed OPTIONAL (KWDLC: the IREX guideline leaves them open) are neither
gold nor errors: a prediction that overlaps one and matches no gold span is not scored (it counts
neither as a hit nor as a false positive); ``--count-optional`` scores it as a false positive.

Conventions (``--convention``). newstag tags a facility's name (〇〇駅, 〇〇空港, 〇〇公園, 〇〇神社) as a
PLACE with a ``kind`` (:attr:`newstag.models.Entity.kind`); the corpora disagree on facilities, so the
scorer maps newstag's schema to each corpus's explicitly:

- ``irex`` (KWDLC, after the IREX guideline): LOCATION (地名) includes facilities, so a facility
  PLACE scores as 地名.
  A country + 政府 / 当局 / 代表 is no organisation there (IREX tags the country alone: when no
  PLACE mention of newstag's covers the country, the country part of the ORG mention, a gazetteer
  place or a run Sudachi tags 地名, scores as the PLACE, :func:`irex_country_of`), and a
  newspaper's title (〇〇新聞, 〇〇日報) is an ARTIFACT: such ORG mentions are not scored. An
  organisation and its part written on (〇〇大学 + 〇〇学部) are one ORGANIZATION: touching ORG
  mentions score as one span (:func:`join_orgs`). The legal form written before a name (財団法人,
  社会福祉法人, 独立行政法人 + 〇〇) is part of the ORGANIZATION there, as 株式会社 is (IREX keeps
  the whole written name, its corporate form included); newstag, like Stockmark, leaves such a form
  outside the mention, so under ``irex`` an ORG mention right after one scores with the form
  (:func:`irex_legal_form_before`).
- ``stockmark``: facilities are their own type there (施設名, not scored), so facility PLACEs are
  left out of the predictions (neither a hit nor a false positive); 〇〇政府 and 〇〇代表 are
  organisations.

By default the convention is read from the file's type inventory: a file with IREX's types (DATE,
ARTIFACT, OPTIONAL, MONEY, PERCENT, TIME) is ``irex``, any other is ``stockmark``.

``python -m newstag.evaluate rules FILE...`` prints each mention rule's true and false positives
on Stockmark-format files and news gold files (see :mod:`newstag.entities.report`).

``python -m newstag.evaluate events GOLD.json ...`` prints each gold event of news gold files
beside the predicted ones, and why a miss was missed (see :mod:`newstag.events.explain`).

Options (ner):
    --raw-ginza        score bare ja_ginza's NER, mapped through the same ENE table, instead
    --join-places      Stockmark convention: adjacent place mentions are one span (中華人民共和国北京市
                       is one 地名 there; newstag, following the news guide, tags 中華人民共和国 and
                       北京市 apart)
    --no-ginza-ner     parse without GiNZA's ner (the profile ``Tagger(ginza_ner=False)``); --ginza-ner
                       forces it on; default: the library's default profile
    --cache PATH       keep GiNZA's parses in a DocBin at PATH (parse once, re-score rule changes fast);
                       parses without ner go to PATH with ``.noner`` before its extension (they are not
                       the cached full parses minus doc.ents: GiNZA's bunsetu_recognizer reads doc.ents)
    --limit N          score the first N records only
    --batch-size N     nlp.pipe batch size (default 64)
    --errors N         print N false positives and N misses per type
    --count-optional   count predictions on OPTIONAL spans as false positives (they are not scored by default)
    --convention C     irex or stockmark: how facility PLACEs score (default: read from the file's types)
    --json             machine-readable output
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

STOCKMARK_TYPES = {"人名": "PERSON", "法人名": "ORG", "政治的組織名": "ORG", "その他の組織名": "ORG", "地名": "PLACE"}
TYPES = ("PERSON", "ORG", "PLACE")

Spans = set[tuple[int, int, str]]


#: the type of spans a scorer counts neither as a hit nor as a miss (KWDLC, after the IREX guideline)
OPTIONAL = "OPTIONAL"

Convention = Literal["irex", "stockmark"]
CONVENTIONS: tuple[Convention, ...] = ("irex", "stockmark")
#: types only an IREX-convention file (KWDLC) has
IREX_TYPES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ARTIFACT", OPTIONAL})


def detect_convention(path: str | Path) -> Convention:
    """``irex`` when the file's type inventory has one of IREX's types (:data:`IREX_TYPES`), else ``stockmark``."""
    types = {e.get("type") for rec in _records(path) for e in rec.get("entities", [])}
    return "irex" if types & IREX_TYPES else "stockmark"


#: IREX: a country + one of these common nouns is no ORGANIZATION; the country is a LOCATION (日本 in 日本政府)
IREX_COMMON_HEADS = ("政府", "当局", "代表")
#: IREX: a newspaper's title is an ARTIFACT (not scored); its company (〇〇新聞社) is an ORGANIZATION
IREX_ARTIFACT_ENDS = ("新聞", "日報")


def corpus_type(entity_type: str, kind: str | None, convention: Convention | None, text: str = "",
                opens_with_place: bool = False) -> str | None:
    """The type a newstag mention scores as under a corpus convention (None: not scored).

    - A facility PLACE (``kind`` set) is a place under ``irex`` and not scored under ``stockmark``
      (施設名 is a type of its own there).
    - ``irex`` only: an ORG mention ``text`` that is a place (``opens_with_place``: a PLACE mention
      starts where it starts) + 政府 / 当局 / 代表 is not scored (IREX tags the country alone, which
      then scores as the outermost mention); an ORG named 〇〇新聞 / 〇〇日報 is a newspaper's title
      (ARTIFACT), not scored.

    ``convention`` None keeps newstag's own types."""
    if kind is not None and entity_type == "PLACE" and convention == "stockmark":
        return None
    if convention == "irex" and entity_type == "ORG" and (
            opens_with_place and text.endswith(IREX_COMMON_HEADS)
            or text.endswith(IREX_ARTIFACT_ENDS)):
        return None
    return entity_type


def _records(path: str | Path) -> list[dict]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON list of records")
    return data


def read_stockmark(path: str | Path) -> list[tuple[str, Spans]]:
    """Records of a Stockmark-format file as ``(text, {(start, end, type)})`` with newstag types."""
    out = []
    for rec in _records(path):
        gold = {(e["span"][0], e["span"][1], STOCKMARK_TYPES[e["type"]]) for e in rec.get("entities", [])
                if e.get("type") in STOCKMARK_TYPES}
        out.append((rec["text"], gold))
    return out


def read_optional(path: str | Path) -> list[set[tuple[int, int]]]:
    """The ``(start, end)`` of each record's OPTIONAL spans (none in a file without them)."""
    return [{(e["span"][0], e["span"][1]) for e in rec.get("entities", []) if e.get("type") == OPTIONAL}
            for rec in _records(path)]


def on_optional(span: tuple[int, int, str], optional: set[tuple[int, int]]) -> bool:
    """Does the predicted span overlap (or equal) one of the OPTIONAL spans?"""
    return any(span[0] < e and s < span[1] for s, e in optional)


def drop_optional(pred: Spans, gold: Spans, optional: set[tuple[int, int]]) -> Spans:
    """The predictions to score: those on an OPTIONAL span that match no gold span are left out
    (neither a hit nor a false positive)."""
    if not optional:
        return pred
    return {s for s in pred if s in gold or not on_optional(s, optional)}


def flatten(spans: Iterable[tuple[int, int, str]]) -> Spans:
    """Drop spans that lie inside another, longer span (outermost wins)."""
    ordered = sorted(set(spans), key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str]] = []
    for s in ordered:
        if any(k[0] <= s[0] and s[1] <= k[1] and (k[0], k[1]) != (s[0], s[1]) for k in kept):
            continue
        kept.append(s)
    return set(kept)


#: a gap inside an address chain that names an unrecognised level (〇〇省, 〇〇郡 between two places)
ADDRESS_GAP = re.compile(r"^[\u4e00-\u9fff々ヶケ]{1,5}[省県郡道州市区町村]$")
#: a numbered tail that ends an address (一丁目, 2丁目, 字〇〇195, 2082-5)
ADDRESS_TAIL = re.compile(r"^(?:[0-9０-９一二三四五六七八九十]+丁目|[0-9０-９]+(?:[-－][0-9０-９]+)+)")
#: a part or a group of a place that Stockmark keeps in the place's span (スペイン北部, 〇〇諸国, 〇〇大陸)
REGION_TAIL = re.compile(r"^(?:北部|南部|東部|西部|中部|北東部|北西部|南東部|南西部|諸国|大陸|本島|沿岸|北岸|南岸|東岸|西岸|山麓)")


def join_places(spans: Iterable[tuple[int, int, str]], text: str | None = None) -> Spans:
    """Merge PLACE spans that touch (end == next start) into one span: Stockmark's flat scheme
    annotates a whole address chain (浙江省杭州市) as one 地名. With the text, a chain also joins
    over an unrecognised level between two places (江蘇省 in 中華人民共和国江蘇省南京市) and takes
    a numbered tail (〇〇町一丁目, 〇〇町2082-5) or a part or group of the place (スペイン北部, 〇〇諸国)."""
    out: list[tuple[int, int, str]] = []
    for s in sorted(set(spans)):
        if out and s[2] == "PLACE" and out[-1][2] == "PLACE" and (
                out[-1][1] == s[0] or text is not None and out[-1][1] < s[0] and ADDRESS_GAP.match(text[out[-1][1]:s[0]])):
            out[-1] = (out[-1][0], s[1], "PLACE")
        else:
            out.append(s)
    if text is not None:
        for n, (a, b, t) in enumerate(out):
            m = ADDRESS_TAIL.match(text[b:]) if t == "PLACE" else None
            if m and (m.group(0).endswith("丁目") or any(ch in text[a:b] for ch in "都道府県")):
                out[n] = (a, b + m.end(), t)
            elif t == "PLACE" and (m := REGION_TAIL.match(text[b:])):
                out[n] = (a, b + m.end(), t)
    return set(out)


def join_orgs(spans: Iterable[tuple[int, int, str]]) -> Spans:
    """Merge ORG spans that touch (end == next start) into one span: IREX (KWDLC) annotates an
    organisation and its part written on as one ORGANIZATION (〇〇大学 + 〇〇学部 + 〇〇学科), where
    newstag, like Stockmark, keeps each a mention of its own."""
    out: list[tuple[int, int, str]] = []
    for s in sorted(set(spans)):
        if out and s[2] == "ORG" and out[-1][2] == "ORG" and out[-1][1] == s[0]:
            out[-1] = (out[-1][0], s[1], "ORG")
        else:
            out.append(s)
    return set(out)


def score(pairs: Sequence[tuple[Spans, Spans]]) -> dict:
    """Per-type and overall P/R/F1 over ``(predicted, gold)`` span sets."""
    tp: Counter = Counter()
    npred: Counter = Counter()
    ngold: Counter = Counter()
    for pred, gold in pairs:
        for s in pred:
            npred[s[2]] += 1
            if s in gold:
                tp[s[2]] += 1
        for s in gold:
            ngold[s[2]] += 1

    def prf(t: int, p: int, g: int) -> dict:
        prec = t / p if p else 0.0
        rec = t / g if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {"p": round(prec, 3), "r": round(rec, 3), "f1": round(f1, 3), "tp": t, "pred": p, "gold": g}

    res = {t: prf(tp[t], npred[t], ngold[t]) for t in TYPES}
    res["ALL"] = prf(sum(tp.values()), sum(npred.values()), sum(ngold.values()))
    return res


def _parsed_docs(nlp: Language, texts: list[str], cache: str | None, batch_size: int, *,
                 overwrite: bool = True) -> list[Doc]:
    """GiNZA's parses of ``texts``, read from the DocBin ``cache`` when it holds these very texts;
    otherwise parsed (and written there, unless ``overwrite`` is False and the cache holds other texts:
    then ValueError)."""
    from spacy.tokens import DocBin

    if cache and Path(cache).exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
        if not overwrite:
            raise ValueError(f"cache {cache} holds the parses of other texts ({len(docs)} docs, {len(texts)} texts given)")
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    if cache:
        db = DocBin(store_user_data=True)
        for d in docs:
            db.add(d)
        db.to_disk(cache)
    return docs


def profile_cache(cache: str | None, ginza_ner: bool) -> str | None:
    """The DocBin path for one profile's parses: ``x.spacy`` with ner, ``x.noner.spacy`` without."""
    if cache is None or ginza_ner:
        return cache
    path = Path(cache)
    return str(path.with_name(f"{path.stem}.noner{path.suffix}"))


def predict(texts: list[str], *, raw_ginza: bool = False, cache: str | None = None, batch_size: int = 64,
            model: str = "ja_ginza", ginza_ner: bool | None = None, convention: Convention | None = None) -> list[Spans]:
    """Predicted ``(start, end, type)`` spans per text, from newstag or (``raw_ginza``) bare GiNZA;
    nested mentions are dropped (:func:`flatten`).

    ``ginza_ner``: parse with GiNZA's ner or without (None: the library's default profile);
    ``convention``: the corpus convention the spans follow (:func:`corpus_type`).
    """
    if raw_ginza:
        import spacy

        from .entities.lexicon import ene_map
        from .pipeline import resolve_ginza_ner

        if not resolve_ginza_ner(ginza_ner):
            raise ValueError("raw_ginza scores GiNZA's ner: it cannot be combined with ginza_ner=False")
        nlp = spacy.load(model)
        table = ene_map().types
        return [{(e.start_char, e.end_char, table[e.label_]) for e in d.ents if e.label_ in table}
                for d in _parsed_docs(nlp, texts, cache, batch_size)]
    return [flatten(rules) for rules in predict_rules(texts, cache=cache, batch_size=batch_size, model=model,
                                                      ginza_ner=ginza_ner, convention=convention)]


def predict_rules(texts: list[str], *, cache: str | None = None, batch_size: int = 64, model: str = "ja_ginza",
                  overwrite_cache: bool = True, ginza_ner: bool | None = None,
                  convention: Convention | None = None) -> list[dict[tuple[int, int, str], str]]:
    """newstag's mentions per text, nested ones included: ``(start, end, type)`` → the rule that found it.
    ``ginza_ner`` as in :func:`predict` (without ner, the cache is ``x.noner.spacy``); ``convention``:
    types mapped by :func:`corpus_type` (None: newstag's own)."""
    import spacy

    from .ginza_adapter import fast_ner
    from .pipeline import FAST_NER_DECODER, resolve_ginza_ner

    with_ner = resolve_ginza_ner(ginza_ner)
    nlp = spacy.load(model) if with_ner else spacy.load(model, exclude=["ner"])
    if with_ner and FAST_NER_DECODER:
        fast_ner(nlp)  # the Tagger's decoder: the same entities as spaCy's, faster
    docs = _parsed_docs(nlp, texts, profile_cache(cache, with_ner), batch_size, overwrite=overwrite_cache)
    component = nlp.add_pipe("newstag_entities")
    return [mention_rules(component(d), convention) for d in docs]


def mention_rules(doc: Doc, convention: Convention | None = None) -> dict[tuple[int, int, str], str]:
    """``(start, end, type)`` → rule of each entity mention newstag_entities set on ``doc``, typed
    as the corpus ``convention`` types it (:func:`corpus_type`; a mention it does not score is left out)."""
    out = {}
    place_starts = {m.start for e in doc._.newstag_entities if e.type == "PLACE" for m in e.mentions}
    for e in doc._.newstag_entities:
        for m in e.mentions:
            typ = corpus_type(e.type, e.kind, convention, m.text,
                              m.start in place_starts or irex_country_of(m.text, doc, m.start) is not None)
            if typ == "ORG" and convention == "irex":
                out[(m.start - len(irex_legal_form_before(doc.text, m.start)), m.end, typ)] = m.rule
            elif typ is not None:
                out[(m.start, m.end, typ)] = m.rule
            elif convention == "irex" and e.type == "ORG" and m.start not in place_starts:
                place = irex_country_of(m.text, doc, m.start)
                if place is not None:  # 〇〇代表 with the country inside it: IREX tags the country alone
                    out[(m.start, m.start + len(place), "PLACE")] = m.rule + ">irex:country"
    return out


def irex_legal_form_before(text: str, start: int) -> str:
    """The legal form (財団法人, 社会福祉法人: one of the context lexicon's ``org_prefixes_outside``)
    written right before character ``start`` of ``text``, or ``""``: IREX keeps it in the name."""
    from .entities.lexicon import context

    before = text[max(0, start - 12):start]
    return max((f for f in context().org_prefixes_outside if before.endswith(f)), key=len, default="")


def irex_country_of(text: str, doc: Doc | None = None, start: int = 0) -> str | None:
    """The place a country's body or team names (イングランド in イングランド代表) when ``text`` is a
    place + one of :data:`IREX_COMMON_HEADS`, else None. The place is a gazetteer place, or (with the
    ``doc`` the text starts in at character ``start``) a run of tokens Sudachi tags 地名."""
    from .entities.gazetteer import default_index

    head = next((h for h in IREX_COMMON_HEADS if text.endswith(h)), None)
    if head is None or len(text) <= len(head):
        return None
    place = text[: -len(head)]
    ref = default_index().get(place)
    if ref is not None:
        return place if ref.type == "PLACE" else None
    if doc is None:
        return None
    span = doc.char_span(start, start + len(place))
    return place if span is not None and all("地名" in t.tag_ for t in span) else None


def ner_main(args: argparse.Namespace) -> int:
    records = read_stockmark(args.file)
    if args.limit:
        records = records[: args.limit]
    texts = [t for t, _ in records]
    if args.raw_ginza and args.ginza_ner is False:
        print("--raw-ginza scores GiNZA's ner: it cannot be combined with --no-ginza-ner", file=sys.stderr)
        return 2
    convention = args.convention or detect_convention(args.file)
    if args.raw_ginza:
        rules: list[dict] = []
        preds = predict(texts, raw_ginza=True, cache=args.cache, batch_size=args.batch_size, ginza_ner=True)
    else:
        rules = predict_rules(texts, cache=args.cache, batch_size=args.batch_size, ginza_ner=args.ginza_ner,
                              convention=convention)
        preds = [flatten(r) for r in rules]
    if not args.raw_ginza and convention == "irex":
        preds = [join_orgs(p) for p in preds]
    if args.join_places:
        preds = [join_places(p, t) for p, t in zip(preds, texts, strict=True)]
    if not args.count_optional:
        optional = read_optional(args.file)[: len(records)]
        preds = [drop_optional(p, g, o) for p, (_, g), o in zip(preds, records, optional, strict=True)]
    pairs = [(p, g) for p, (_, g) in zip(preds, records, strict=False)]
    res = score(pairs)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        from .pipeline import resolve_ginza_ner

        label = "ja_ginza (raw NER, ENE mapped)" if args.raw_ginza else (
            "newstag_entities" if resolve_ginza_ner(args.ginza_ner) else "newstag_entities (without GiNZA's ner)")
        print(f"{label} on {args.file}: {len(records)} records" + ("" if args.raw_ginza else f" ({convention} convention)"))
        for t in (*TYPES, "ALL"):
            r = res[t]
            print(f"  {t:<6} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}  (tp {r['tp']}, pred {r['pred']}, gold {r['gold']})")
    if args.errors:
        for t in TYPES:
            fps = [(f"{text[s:e]}\t{rules[n].get((s, e, ty), '') if rules else ''}", text)
                   for n, ((text, _), (p, g)) in enumerate(zip(records, pairs, strict=False)) for s, e, ty in p - g if ty == t]
            fns = [(text[s:e], text) for (text, _), (p, g) in zip(records, pairs, strict=False) for s, e, ty in g - p if ty == t]
            print(f"-- {t} false positives ({len(fps)})")
            for name, text in fps[: args.errors]:
                print(f"   {name}\t{text[:80]}")
            print(f"-- {t} misses ({len(fns)})")
            for name, text in fns[: args.errors]:
                print(f"   {name}\t{text[:80]}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    from .entities import report

    parser = argparse.ArgumentParser(prog="python -m newstag.evaluate", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ner = sub.add_parser("ner", help="span-level P/R/F1 per type on a Stockmark-format NER file",
                         description=" ".join(__doc__.split("\n\n")[1].replace("``", "").split()))
    ner.add_argument("file", help="Stockmark-format JSON file")
    ner.add_argument("--raw-ginza", action="store_true", help="score bare ja_ginza's NER (ENE mapped) instead")
    ner.add_argument("--join-places", action="store_true",
                     help="Stockmark convention: adjacent place mentions (中華人民共和国 + 北京市) score as one span")
    ner.add_argument("--ginza-ner", action=argparse.BooleanOptionalAction, default=None,
                     help="parse with GiNZA's ner or without (--no-ginza-ner); default: the library's default profile")
    ner.add_argument("--cache", default=None,
                     help="DocBin file caching GiNZA's parses (without ner: PATH with .noner before the extension)")
    ner.add_argument("--limit", type=int, default=0, help="score the first N records only")
    ner.add_argument("--batch-size", type=int, default=64)
    ner.add_argument("--errors", type=int, default=0, help="print N false positives and misses per type")
    ner.add_argument("--count-optional", action="store_true",
                     help="count a prediction on a span typed OPTIONAL (KWDLC: left open by the IREX guideline) that matches "
                          "no gold span as a false positive; by default such predictions are not scored (neither hit nor miss)")
    ner.add_argument("--convention", choices=CONVENTIONS, default=None,
                     help="irex: a facility PLACE scores as 地名 (KWDLC); stockmark: facility PLACEs are not scored (施設名 is "
                          "a type of its own there); default: irex when the file has IREX's types (DATE, ARTIFACT, OPTIONAL …)")
    ner.add_argument("--json", action="store_true")
    report.add_arguments(sub.add_parser("rules", help="true and false positives of each mention rule on NER and news gold files",
                                        description=report.__doc__.split("\n\n")[0]))
    events = sub.add_parser("events", help="gold events beside the predicted ones, and why each miss was missed")
    events.add_argument("files", nargs="+", help="news gold JSON files (their 'source' texts next to them)")
    events.add_argument("--texts", default=None, help="folder of the article texts (default: beside each gold file)")
    events.add_argument("--summary", action="store_true", help="print the totals only")
    events.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "ner":
        return ner_main(args)
    if args.command == "rules":
        return report.run(args)
    if args.command == "events":
        from .events.explain import main as events_main

        return events_main(args.files, texts=args.texts, as_json=args.json, quiet=args.summary)
    return 2  # pragma: no cover


if __name__ == "__main__":
    sys.exit(main())
