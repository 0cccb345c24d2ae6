"""newstag benchmark: throughput against bare GiNZA, multiprocessing speed-up, long inputs, memory.

Usage::

    python bench/bench.py            # throughput, 2-process speed-up, 1 MB article
    python bench/bench.py --quick    # the same on fewer texts (a smoke run, ~2 min)
    python bench/bench.py --quick --dev-limit 10 --skip processes   # a small real-text run
    python bench/bench.py --long     # memory over a long stream (RSS at start, 5k, 20k articles)
    python bench/bench.py --table bench/results/A.json B.json   # one table from several runs

Throughput is measured on two sets of texts: the generated set (the plain-text samples in
``data/examples/``, the text extracted from its HTML sample, and generated articles from
``bench/gen.py``) and the real dev texts (the Wikinews dev articles ``*.txt`` and the scraped pages'
text ``pages/*.txt`` in ``--dev-dir``, default ``../shared/dev``; skipped when absent). Each run
times bare ``ja_ginza`` and both newstag profiles (with GiNZA's ``ner`` and without) on exactly the
same input strings, then the CPU seconds of every component (GiNZA's and newstag's) of each side on
the real texts (``--spacy-ner-decoder`` adds the profile with ner decoded by spaCy's own decoder, as
before newstag's exact one). The 2-process speed-up, the long article and the long run use the default profile
(``--no-ginza-ner`` / ``--ginza-ner`` choose one). chars/s is always *input characters* divided by wall time, for both sides, even
though newstag does not parse the boilerplate around a scraped article (it is skipped, not
counted out). Each side is timed ``--repeat`` times, alternating, and the best time is kept (the
machine may be shared; the minimum is the least disturbed run).

Results are printed and written to ``bench/results/<UTC time>-<mode>.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import gen  # noqa: E402


def rss_mb() -> float:
    """Current resident set size of this process, MB."""
    return psutil.Process().memory_info().rss / 2**20


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size (ru_maxrss is in KiB on Linux), MB."""
    return resource.getrusage(who).ru_maxrss / 1024


def machine() -> dict:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import ginza
    import spacy

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "ginza": ginza.__version__ if hasattr(ginza, "__version__") else "5.3.0",
        "platform": platform.platform(),
    }


def sample_texts() -> list[str]:
    """The samples in data/examples/ as plain text (the HTML page as the text newstag extracts)."""
    from newstag.segment import extract_html

    ex = ROOT / "data" / "examples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(ex.glob("*.txt"))]
    for p in sorted(ex.glob("*.html")):
        texts.append(extract_html(p.read_text(encoding="utf-8")).text)
    return texts


def cpu_seconds() -> tuple[float, float]:
    """(CPU seconds of this process, CPU seconds of its reaped children)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def timed(fn) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process and its children) of ``fn()``."""
    gc.collect()
    c0 = sum(cpu_seconds())
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t, sum(cpu_seconds()) - c0


PROFILES = {"with ner": True, "without ner": False}
#: the side with ner decoded by spaCy's own decoder (``--spacy-ner-decoder``)
SPACY_DECODER = "with ner (spaCy's decoder)"


def dev_texts(dev_dir: Path | None) -> tuple[list[str], str]:
    """The Wikinews dev articles (``*.txt``) and the scraped pages' text (``pages/*.txt``), if present."""
    if dev_dir is None or not dev_dir.is_dir():
        return [], f"real dev texts: skipped ({dev_dir} not found; --dev-dir DIR gives their folder)"
    articles = sorted(dev_dir.glob("*.txt"))
    pages = sorted((dev_dir / "pages").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in articles + pages]
    return texts, f"real dev texts: {len(articles)} articles + {len(pages)} pages from {dev_dir}"


def bench_throughput(sides: dict, texts: list[str], repeat: int) -> dict:
    """Best-of-``repeat`` wall and CPU time of each side on the same texts, sides alternating.

    ``sides`` maps a name to a function that takes the texts and consumes all results; the first
    side is the reference of the ratios (bare ja_ginza).
    """
    chars = sum(len(t) for t in texts)
    for run in sides.values():  # warm up each (first calls allocate, fill caches, load lexicons)
        run(texts[:4])
    times: dict[str, list] = {name: [] for name in sides}
    for _ in range(repeat):
        for name, run in sides.items():
            times[name].append(timed(lambda run=run: run(texts)))
        print("  run: " + ", ".join(
            f"{name} {chars / t[-1][0]:,.0f} chars/s ({chars / t[-1][1]:,.0f} per CPU s)" for name, t in times.items()), flush=True)
    ref = next(iter(sides))
    best = {name: (min(w for w, _ in t), min(c for _, c in t)) for name, t in times.items()}
    return {
        "texts": len(texts),
        "input_chars": chars,
        "seconds": times,
        "chars_per_s": {name: round(chars / w) for name, (w, _) in best.items()},
        "chars_per_cpu_s": {name: round(chars / c) for name, (_, c) in best.items()},
        # bare ja_ginza's best time over this side's best time: > 1 is faster than bare GiNZA
        "ratio": {name: round(best[ref][0] / w, 3) for name, (w, _) in best.items() if name != ref},
        "ratio_cpu": {name: round(best[ref][1] / c, 3) for name, (_, c) in best.items() if name != ref},
    }


def _stepwise(nlp, texts: list[str], skip: set[str], parts: dict[str, float], max_chars: int):
    """Parse ``texts`` one pipeline component at a time, adding each one's CPU seconds to ``parts``.

    The same analysis as ``nlp.pipe`` (listeners read ``doc.tensor``, which tok2vec sets), in
    minibatches of at most ``max_chars`` characters, so each GiNZA component can be timed alone.
    """
    from newstag.tagger import _char_batches

    for group in _char_batches(texts, max_chars):
        c = time.process_time()
        docs = [nlp.make_doc(t) for t in group]
        parts["tokenizer (Sudachi)"] = parts.get("tokenizer (Sudachi)", 0.0) + time.process_time() - c
        for name, proc in nlp.pipeline:
            if name in skip:
                continue
            c = time.process_time()
            docs = list(proc.pipe(docs, batch_size=len(docs))) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            parts[name] = parts.get(name, 0.0) + time.process_time() - c
        yield from docs


def _timed_component(name: str, proc, parts: dict[str, float]):
    def run(doc):
        c = time.process_time()
        out = proc(doc)
        parts[name] = parts.get(name, 0.0) + time.process_time() - c
        return out

    return run


def component_times(tagger, texts: list[str]) -> dict[str, float]:
    """CPU seconds per component of one ``tagger.pipe`` over ``texts``: GiNZA's, newstag's, the rest.

    "other" is segmentation, chunking, joining the chunks' Docs and building the Article models.
    """
    from newstag.tagger import PARSE_BATCH_CHARS

    parts: dict[str, float] = {}
    skip = set(tagger._disable)
    tagger._parse = lambda group: _stepwise(tagger.nlp, group, skip, parts, PARSE_BATCH_CHARS)
    original = tagger._newstag
    tagger._newstag = [(name, _timed_component(name, proc, parts)) for name, proc in original]
    try:
        c = time.process_time()
        for _ in tagger.pipe(texts):
            pass
        total = time.process_time() - c
    finally:
        del tagger._parse
        tagger._newstag = original
    parts["other"] = max(0.0, total - sum(parts.values()))
    return {k: round(v, 2) for k, v in parts.items()}


def bare_component_times(nlp, texts: list[str]) -> dict[str, float]:
    """CPU seconds per component of bare ja_ginza over ``texts`` (each text whole)."""
    parts: dict[str, float] = {}
    for _ in _stepwise(nlp, texts, set(), parts, 4000):
        pass
    return {k: round(v, 2) for k, v in parts.items()}


def _pipe_watching_workers(tagger, texts, batch_size: int, n_process: int) -> tuple[list, dict[int, float]]:
    """Run ``tagger.pipe`` and sample each worker process's CPU seconds as results arrive."""
    me = psutil.Process()
    cpu: dict[int, float] = {}
    out = []
    for article in tagger.pipe(texts, batch_size=batch_size, n_process=n_process):
        out.append(article)
        for child in me.children():
            try:
                t = child.cpu_times()
                cpu[child.pid] = t.user + t.system
            except psutil.Error:
                pass
    return out, cpu


def bench_processes(tagger, texts: list[str], repeat: int, n_process: int, batch_size: int) -> dict:
    chars = sum(len(t) for t in texts)
    one, many, ideal = [], [], []
    out: dict[int, list] = {}
    for _ in range(repeat):
        one.append(timed(lambda: out.__setitem__(1, list(tagger.pipe(texts, batch_size=batch_size)))))
        workers: dict[int, float] = {}

        def parallel(workers=workers):
            arts, cpu = _pipe_watching_workers(tagger, texts, batch_size, n_process)
            out[n_process] = arts
            workers.update(cpu)

        many.append(timed(parallel))
        # on a busy machine wall time says little: the speed-up the workers would give with a
        # core each is the serial CPU time over the busiest worker's CPU time
        if workers:
            ideal.append(one[-1][1] / max(workers.values()))
        print(
            f"  run: 1 process {one[-1][0]:.1f} s ({one[-1][1]:.1f} CPU s), "
            f"{n_process} processes {many[-1][0]:.1f} s ({many[-1][1]:.1f} CPU s; busiest worker "
            f"{max(workers.values(), default=0):.1f} CPU s)",
            flush=True,
        )
    same = [a.model_dump() for a in out[1]] == [a.model_dump() for a in out[n_process]]
    one_wall, many_wall = min(w for w, _ in one), min(w for w, _ in many)
    return {
        "texts": len(texts),
        "input_chars": chars,
        "batch_size": batch_size,
        "n_process": n_process,
        "seconds_1": one,
        f"seconds_{n_process}": many,
        "chars_per_s_1": round(chars / one_wall),
        f"chars_per_s_{n_process}": round(chars / many_wall),
        "speedup": round(one_wall / many_wall, 2),
        # total CPU of the workers over CPU of one process: > 1 is multiprocessing overhead
        "cpu_overhead": round(min(c for _, c in many) / min(c for _, c in one), 2),
        "speedup_with_free_cores": round(max(ideal), 2) if ideal else None,
        "same_output_in_order": same,
    }


def bench_huge(tagger, min_bytes: int) -> dict:
    text = gen.huge_article(min_bytes)
    tagger(gen.articles(1, seed=3)[0])  # warm-up: components load their lexicons on first use
    rss0 = rss_mb()
    # time each newstag component too (CPU seconds), to show where a long article's time goes
    parts: dict[str, float] = {}
    original = tagger._newstag

    def timed_component(name, proc):
        def run(doc):
            c = time.process_time()
            out = proc(doc)
            parts[name] = parts.get(name, 0.0) + time.process_time() - c
            return out

        return run

    tagger._newstag = [(name, timed_component(name, proc)) for name, proc in original]
    out = []
    try:
        secs, cpu = timed(lambda: out.append(tagger(text)))
    finally:
        tagger._newstag = original
    art = out[0]
    return {
        "bytes": len(text.encode("utf-8")),
        "chars": len(text),
        "seconds": round(secs, 1),
        "cpu_seconds": round(cpu, 1),
        "chars_per_s": round(len(text) / secs),
        "component_cpu_seconds": {k: round(v, 2) for k, v in parts.items()},
        "entities": len(art.entities),
        "sentences": len(art.sentences),
        "quotes": len(art.quotes),
        "rss_before_mb": round(rss0),
        "rss_after_mb": round(rss_mb()),
        "peak_rss_mb": round(peak_rss_mb()),
        "note": "bare GiNZA cannot take this text in one call (Sudachi refuses inputs over 49,149 bytes)",
    }


def trim_heap() -> bool:
    """Collect garbage and hand glibc's free heap pages back to the OS (False where unavailable).

    Without this, RSS at a checkpoint also counts memory the allocator keeps from the batch just
    tagged (it swings by ~150 MB with batch composition) and says little about what is still live.
    """
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
        return True
    except (OSError, AttributeError):
        return False


def bench_long(tagger, n_docs: int, checkpoints: list[int], batch_size: int) -> dict:
    texts = gen.short_articles(n_docs, seed=7)
    warm = gen.short_articles(200, seed=99)
    list(tagger.pipe(warm, batch_size=batch_size))
    trimmed = trim_heap()
    start = rss_mb()
    marks = {"start": round(start, 1)}
    every = sorted(set(checkpoints) | set(range(1000, n_docs + 1, 1000)))
    print(f"  RSS at start (after 200 warm-up articles): {start:.0f} MB", flush=True)
    strings0 = len(tagger.nlp.vocab.strings)
    t0 = time.perf_counter()
    for i, _ in enumerate(tagger.pipe(texts, batch_size=batch_size), 1):
        if i in every:
            trim_heap()
            marks[str(i)] = round(rss_mb(), 1)
            if i in checkpoints:
                print(f"  RSS after {i:,} articles: {marks[str(i)]:.0f} MB  ({time.perf_counter() - t0:.0f} s)", flush=True)
    last = marks[str(n_docs)]
    return {
        "articles": n_docs,
        "avg_chars": round(sum(map(len, texts)) / n_docs),
        "batch_size": batch_size,
        "seconds": round(time.perf_counter() - t0),
        "rss_mb": marks,
        "growth_pct": round(100 * (last - start) / start, 2),
        "malloc_trim": trimmed,
        "strings_added_to_vocab": len(tagger.nlp.vocab.strings) - strings0,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer texts, one repeat, a 100 kB long article")
    ap.add_argument("--long", action="store_true", help="only the long-run memory check")
    ap.add_argument("--long-docs", type=int, default=20_000, help="articles in the long run (default 20000)")
    ap.add_argument("--articles", type=int, default=None, help="generated articles (default 60, quick 12)")
    ap.add_argument("--repeat", type=int, default=None, help="timed runs per side (default 3, quick 1)")
    ap.add_argument("--processes", type=int, default=2, help="worker processes for the speed-up (default 2)")
    ap.add_argument("--huge-bytes", type=int, default=None, help="size of the long article (default 1,000,000)")
    ap.add_argument("--skip", action="append", default=[], choices=["throughput", "processes", "huge"])
    ap.add_argument("--dev-dir", type=Path, default=ROOT.parent / "shared" / "dev",
                    help="folder of the Wikinews dev articles (*.txt, pages/*.txt); default ../shared/dev")
    ap.add_argument("--ginza-ner", action=argparse.BooleanOptionalAction, default=None,
                    help="profile of the process speed-up, long article and long run (default: the library's default)")
    ap.add_argument("--spacy-ner-decoder", action="store_true",
                    help="also time the profile with ner decoded by spaCy's own greedy decoder (as before "
                         "newstag's exact decoder, pipeline.FAST_NER_DECODER; slow)")
    ap.add_argument("--dev-limit", type=int, default=None, help="only the first N real dev texts")
    ap.add_argument("--table", nargs="+", metavar="JSON", help="only print the table merged from these result files")
    args = ap.parse_args(argv)
    if args.table:
        merged: dict = {}
        for path in args.table:
            merged.update(json.loads(Path(path).read_text(encoding="utf-8")))
        print(report(merged))
        return 0

    import spacy

    import newstag
    from newstag.pipeline import GINZA_NER_DEFAULT

    load_avg_before = os.getloadavg()
    result: dict = {"time_utc": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "machine": machine()}
    result["rss_at_start_mb"] = round(rss_mb())
    chosen = GINZA_NER_DEFAULT if args.ginza_ner is None else args.ginza_ner
    default_name = next(name for name, ner in PROFILES.items() if ner == chosen)
    result["default_profile"] = default_name
    print(f"machine: {result['machine']['cpu']}, {result['machine']['cores']} cores; load {load_avg_before}")

    if args.long:
        mode = "long"
        tagger = newstag.Tagger(ginza_ner=chosen)
        n = args.long_docs
        checkpoints = sorted({min(5000, n), n} | ({n // 4} if n < 5000 else set()))
        # short articles (a headline and one sentence) so that 20k of them take ~20 min on one core
        print(f"long run: {n:,} short articles, one process, profile {default_name}")
        result["long"] = bench_long(tagger, n, checkpoints, batch_size=64)
        r = result["long"]
        print(f"RSS growth over {n:,} articles: {r['growth_pct']:+.1f}%  (target < 10%)")
    else:
        mode = "quick" if args.quick else "full"
        n_art = args.articles if args.articles is not None else (12 if args.quick else 60)
        repeat = args.repeat or (1 if args.quick else 3)
        generated = sample_texts() + gen.articles(n_art, seed=1, paragraphs=(4, 8), sentences=(2, 5))
        real, real_note = dev_texts(args.dev_dir)
        if args.dev_limit is not None:
            real = real[: args.dev_limit]
        print(real_note + (f" (first {len(real)})" if real and args.dev_limit is not None else ""))
        sets = {"generated": generated, "real dev": real} if real else {"generated": generated}
        wanted = PROFILES if "throughput" not in args.skip else {default_name: chosen}
        taggers = {name: newstag.Tagger(ginza_ner=ner) for name, ner in wanted.items()}
        tagger = taggers[default_name]
        if args.spacy_ner_decoder and "throughput" not in args.skip:
            import newstag.pipeline as pipeline

            pipeline.FAST_NER_DECODER = False
            try:
                taggers[SPACY_DECODER] = newstag.Tagger(ginza_ner=True)
            finally:
                pipeline.FAST_NER_DECODER = True
        if "throughput" not in args.skip:
            nlp_bare = spacy.load("ja_ginza")
            sides = {"bare ja_ginza": lambda ts: list(nlp_bare.pipe(ts))}
            for name, tg in taggers.items():
                sides[f"newstag {name}"] = lambda ts, tg=tg: list(tg.pipe(ts))
            result["throughput"] = {}
            for set_name, texts in sets.items():
                print(f"throughput, {set_name} texts: {len(texts)} texts, {sum(map(len, texts)):,} input chars, best of {repeat}")
                result["throughput"][set_name] = bench_throughput(sides, texts, repeat)
            comp_texts = real or generated
            print(f"component CPU seconds on the {'real dev' if real else 'generated'} texts (one pass each)")
            comps = {"bare ja_ginza": bare_component_times(nlp_bare, comp_texts)}
            for name, tg in taggers.items():
                comps[f"newstag {name}"] = component_times(tg, comp_texts)
            result["components"] = {"texts": "real dev" if real else "generated", "cpu_seconds": comps}
            del nlp_bare, sides
            gc.collect()
        if "processes" not in args.skip:
            ptexts = generated + gen.articles(n_art, seed=2, paragraphs=(4, 8), sentences=(2, 5))
            print(f"processes ({default_name}): {len(ptexts)} texts, {sum(map(len, ptexts)):,} input chars, 1 vs {args.processes}")
            result["processes"] = bench_processes(tagger, ptexts, repeat, args.processes, batch_size=4)
        if "huge" not in args.skip:
            size = args.huge_bytes or (100_000 if args.quick else 1_000_000)
            print(f"long article ({default_name}): {size:,} bytes")
            result["huge"] = bench_huge(tagger, size)
    result["peak_rss_mb"] = round(peak_rss_mb())
    result["peak_rss_children_mb"] = round(peak_rss_mb(resource.RUSAGE_CHILDREN))
    result["load_avg_before"] = load_avg_before
    result["load_avg_after"] = os.getloadavg()

    print()
    print(report(result))
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    path = out / f"{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%SZ}-{mode}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"\nwritten to {path.relative_to(ROOT)}")
    return 0


def report(r: dict) -> str:
    """The results as a Markdown table (the README's table is pasted from this)."""
    m = r["machine"]
    rows = [("machine", f"{m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB; load {r['load_avg_before'][0]:.2f} at start")]
    if "throughput" in r:
        for set_name, t in r["throughput"].items():
            rows.append((f"{set_name} texts (input chars)", f"{t['texts']} ({t['input_chars']:,})"))
            for side, cps in t["chars_per_s"].items():
                extra = ""
                if side in t["ratio"]:
                    extra = f" = {t['ratio'][side]:.2f}× bare (per CPU second {t['ratio_cpu'][side]:.2f}×)"
                rows.append((f"  {side}", f"{cps:,} chars/s{extra}"))
    if "components" in r:
        for side, parts in r["components"]["cpu_seconds"].items():
            total = sum(parts.values()) or 1.0
            shown = ", ".join(f"{k.removeprefix('newstag_')} {v:.1f} ({100 * v / total:.0f}%)" for k, v in parts.items() if v >= 0.05)
            rows.append((f"CPU s per component, {side} ({r['components']['texts']})", f"{total:.1f} s: {shown}"))
    if "processes" in r:
        p = r["processes"]
        n = p["n_process"]
        rows += [
            (f"`Tagger.pipe` ({r.get('default_profile', 'default')}), 1 vs {n} processes", f"{p['chars_per_s_1']:,} → {p[f'chars_per_s_{n}']:,} chars/s"),
            (f"speed-up with {n} processes (target ≥ 1.8×)", f"{p['speedup']:.2f}× (same output, same order: {p['same_output_in_order']})"),
            (f"CPU of {n} workers / CPU of 1 process", f"{p['cpu_overhead']:.2f}"),
            (
                "speed-up with a free core per worker",
                f"{p['speedup_with_free_cores']:.2f}× (1-process CPU time / busiest worker's CPU time)"
                if p.get("speedup_with_free_cores") else "n/a",
            ),
        ]
    if "huge" in r:
        h = r["huge"]
        slow = ", ".join(f"{k.removeprefix('newstag_')} {v:.0f} s" for k, v in h["component_cpu_seconds"].items() if v >= 1)
        rows.append((
            f"one {h['bytes'] / 1e6:.2f} MB article ({h['chars']:,} chars)",
            f"{h['seconds']:,} s ({h['chars_per_s']:,} chars/s; CPU {h['cpu_seconds']:,} s, of which {slow or 'rules < 1 s'}); peak RSS {h['peak_rss_mb']:,} MB",
        ))
    if "long" in r:
        lo = r["long"]
        marks = ", ".join(f"{k}: {v:.0f} MB" for k, v in lo["rss_mb"].items() if k in ("start", "5000", str(lo["articles"])) or lo["articles"] < 5000)
        rows += [
            (f"RSS over {lo['articles']:,} short articles (~{lo['avg_chars']} chars)", marks),
            ("RSS growth (target < 10%)", f"{lo['growth_pct']:+.1f}% in {lo['seconds']:,} s"),
        ]
    rows.append(("peak RSS (this process / workers)", f"{r['peak_rss_mb']:,} MB / {r['peak_rss_children_mb']:,} MB"))
    w = max(len(a) for a, _ in rows)
    lines = [f"| {'measure'.ljust(w)} | result |", f"|{'-' * (w + 2)}|--------|"]
    lines += [f"| {a.ljust(w)} | {b} |" for a, b in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
