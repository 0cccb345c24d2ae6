"""The Tagger: page text or HTML in, :class:`~newstag.models.Article` out."""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing as mp
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .convert import doc_to_article
from .doc_state import ensure_extensions
from .ginza_adapter import concat_docs, gap_doc
from .models import Article, TextSpan
from .pipeline import COMPONENTS, load, resolve_ginza_ner
from .segment import Layout, read_page
from .segment.chunk import DEFAULT_MAX_BYTES, SUDACHI_MAX_BYTES, chunk_range
from .segment.component import set_layout

Published = dt.date | str | None
Item = str | tuple[str, Mapping[str, Any]]


def parse_published(value: Published, argname: str = "published") -> dt.date | None:
    """Validate a publication date: a ``datetime.date``, an ISO date string, or None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            return dt.date.fromisoformat(s)
        except ValueError:
            pass
        try:  # a full timestamp: 2025-02-13T10:00:00+09:00, 2025-02-13 10:00, ...Z
            return dt.datetime.fromisoformat(s[:-1] + "+00:00" if s.endswith("Z") else s).date()
        except ValueError:
            raise ValueError(f"{argname} must be an ISO date such as '2025-02-13', got {value!r}") from None
    raise TypeError(f"{argname} must be a datetime.date, an ISO date string or None, got {type(value).__name__}")


def _check_text(text: Any, argname: str = "text") -> str:
    if not isinstance(text, str):
        raise TypeError(f"{argname} must be a str, got {type(text).__name__}")
    return text


def _check_optional_str(value: Any, argname: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{argname} must be a str or None, got {type(value).__name__}")
    return value


def _check_config(config: Any) -> None:
    """Reject unknown component names and settings before anything is loaded."""
    if config is None:
        return
    if not isinstance(config, Mapping):
        raise TypeError(f"config must be a dict of component settings, got {type(config).__name__}")
    for name, settings in config.items():
        if name not in COMPONENTS:
            raise ValueError(f"config: unknown component {name!r}; expected one of {', '.join(COMPONENTS)}")
        if not isinstance(settings, Mapping):
            raise TypeError(f"config[{name!r}] must be a dict, got {type(settings).__name__}")
        known = Language.get_factory_meta(name).default_config
        unknown = sorted(set(settings) - set(known))
        if unknown:
            raise ValueError(f"config[{name!r}]: unknown setting(s) {unknown}; expected some of {sorted(known)}")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _scrub(text: str) -> str:
    """Replace lone surrogates (not valid Unicode: Sudachi and JSON refuse them) with U+FFFD.

    One character for one, so offsets into the caller's string still hold.
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


@dataclass
class _Prepared:
    """An article after layout detection, before parsing."""

    text: str
    layout: Layout
    published: dt.date | None
    id: str | None
    url: str | None
    pieces: list[tuple[int, int, bool]]  # (start, end, parse?) covering text exactly


class Tagger:
    """Loads the GiNZA pipeline and newstag's components once; tags articles.

    Args:
        model: the spaCy/GiNZA model to load (default ``"ja_ginza"``).
        ginza_ner: the profile: run GiNZA's ``ner`` (its ENE entities feed some rules) or not
            (faster: the ``ner`` component is not loaded, or, with ``nlp``, not run). None
            (default) follows :data:`newstag.pipeline.GINZA_NER_DEFAULT`; docs/speed.md gives the
            measured trade-off. ``tagger.ginza_ner`` tells which profile runs.
        segment: find the article body in scraped pages (default True); False tags the whole text.
        max_chunk_bytes: texts are parsed in pieces of at most this many UTF-8 bytes (default
            12,000; capped at Sudachi's limit of 49,149).
        config: per-component config overrides, ``{"newstag_entities": {...}}``.
        nlp: an already loaded ``Language`` to use instead of loading ``model``.

    Example:
        >>> tagger = Tagger()
        >>> article = tagger("トランプ大統領は12日、…と述べた。", published="2025-02-13")
    """

    def __init__(
        self,
        model: str = "ja_ginza",
        *,
        ginza_ner: bool | None = None,
        segment: bool = True,
        max_chunk_bytes: int = DEFAULT_MAX_BYTES,
        config: dict[str, dict] | None = None,
        nlp: Language | None = None,
    ) -> None:
        if not isinstance(model, str):
            raise TypeError(f"model must be a str, got {type(model).__name__}")
        if not isinstance(max_chunk_bytes, int) or max_chunk_bytes < 64:
            raise ValueError(f"max_chunk_bytes must be an int >= 64, got {max_chunk_bytes!r}")
        if not isinstance(segment, bool):
            raise TypeError(f"segment must be a bool, got {type(segment).__name__}")
        if nlp is not None and not isinstance(nlp, Language):
            raise TypeError(f"nlp must be a spacy Language or None, got {type(nlp).__name__}")
        with_ner = resolve_ginza_ner(ginza_ner)
        _check_config(config)
        self.model = model
        self.segment = bool(segment)
        self.max_chunk_bytes = min(max_chunk_bytes, SUDACHI_MAX_BYTES)
        ensure_extensions()
        if nlp is None:
            nlp = load(model, ginza_ner=ginza_ner, config=config)
        else:
            from .pipeline import add_components

            if ginza_ner is True and "ner" not in nlp.pipe_names:
                raise ValueError("ginza_ner=True, but the given nlp has no enabled 'ner' component")
            add_components(nlp, config=config)
        self.nlp = nlp
        #: does GiNZA's ``ner`` run (the profile in effect)?
        self.ginza_ner: bool = with_ner and "ner" in nlp.pipe_names
        self._config = config  # spawned workers (no fork) rebuild the Tagger from these settings
        self._warm = False  # set once the components have run (and loaded their lexicons)
        self._newstag = [(n, p) for n, p in nlp.pipeline if n in COMPONENTS]
        self._disable = [n for n, _ in self._newstag] + _idle_ginza_components(nlp)
        if not self.ginza_ner and "ner" in nlp.pipe_names:
            self._disable.append("ner")  # a given nlp with ner: not run (nlp.pipe(disable=...))

    # -- public API -------------------------------------------------------------------------------
    def __call__(self, text: str, *, published: Published = None, id: str | None = None, url: str | None = None) -> Article:
        """Tag one article (plain text or HTML)."""
        prep = self._prepare(text, published, id, url)
        return next(self._process([prep]))

    def pipe(
        self,
        items: Iterable[Item],
        *,
        published: Published = None,
        batch_size: int = 16,
        n_process: int = 1,
    ) -> Iterator[Article]:
        """Tag many articles; yields Articles in input order.

        Args:
            items: texts, or ``(text, metadata)`` pairs whose metadata may carry ``published``,
                ``id`` and ``url``.
            published: default publication date for items without one.
            batch_size: articles tagged together (one ``nlp.memory_zone()``), and the unit of work
                handed to a worker process (default 16; 4-16 balances workers best).
            n_process: worker processes (default 1; -1 = one per CPU). Workers are forked where
                the OS allows, sharing the loaded model; each runs the whole of tagging and sends
                back the Articles, in input order. Not from inside a daemon process (a Dask worker,
                a multiprocessing pool worker): use :mod:`newstag.scale` there.
        """
        # arguments are checked here, when pipe() is called, not when the first Article is drawn
        if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
            raise TypeError(
                f"items must be an iterable of texts or (text, metadata) pairs, got {type(items).__name__}"
            )
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
        if isinstance(n_process, bool) or not isinstance(n_process, int) or n_process == 0 or n_process < -1:
            raise ValueError(f"n_process must be a positive int or -1, got {n_process!r}")
        default = parse_published(published)
        if n_process == -1:
            n_process = os.cpu_count() or 1
        if n_process == 1:
            return self._pipe_serial(items, default, batch_size)
        return self._pipe_parallel(items, default, batch_size, n_process)

    def settings(self) -> dict[str, Any]:
        """The arguments that build an equivalent Tagger in another process (``Tagger(**settings)``).

        Spawned ``pipe`` workers and :mod:`newstag.scale` use them; a Tagger built around a given
        ``nlp`` is rebuilt from its model name.
        """
        return {"model": self.model, "ginza_ner": self.ginza_ner, "segment": self.segment,
                "max_chunk_bytes": self.max_chunk_bytes, "config": self._config}

    # -- internals --------------------------------------------------------------------------------
    def _normalise_item(self, item: Item, default: dt.date | None) -> tuple[str, dt.date | None, str | None, str | None]:
        if isinstance(item, tuple):
            if len(item) != 2 or not isinstance(item[1], Mapping):
                raise TypeError("items must be str or (str, metadata dict) pairs")
            text, meta = item
            pub = parse_published(meta.get("published"), "metadata['published']") if meta.get("published") else default
            ident = meta.get("id")
            return _check_text(text, "items[].text"), pub, None if ident is None else str(ident), meta.get("url")
        return _check_text(item, "items[]"), default, None, None

    def _pipe_serial(self, items: Iterable[Item], default: dt.date | None, batch_size: int) -> Iterator[Article]:
        it = iter(items)
        while True:
            batch = list(islice(it, batch_size))
            if not batch:
                return
            preps = []
            for item in batch:
                text, pub, ident, url = self._normalise_item(item, default)
                preps.append(self._prepare(text, pub, ident, url))
            yield from self._process(preps)

    def _pipe_parallel(self, items: Iterable[Item], default: dt.date | None, batch_size: int, n_process: int) -> Iterator[Article]:
        # Each worker runs the whole of tagging (segmentation, GiNZA, newstag components, Doc ->
        # Article) on batches of articles and sends back only the Articles, which pickle small.
        # (spaCy's nlp.pipe(n_process=) would send every Doc back to this process and run the
        # newstag components here, serially.) Workers are forked where possible, so they share
        # the loaded model's memory copy-on-write and start at once; imap keeps input order.
        global _WORKER
        if not self._warm:
            # components load lexicons and gazetteers on first use: do it once here, before the
            # fork, so that workers inherit them instead of each loading them again
            list(self._process([self._prepare("見出し\n\n政府は1日、東京で会見した。", None, None, None)]))
            self._warm = True
        norm = ((self._normalise_item(i, default)) for i in items)
        batches = iter(lambda: list(islice(norm, batch_size)), [])
        methods = mp.get_all_start_methods()
        ctx = mp.get_context("fork" if "fork" in methods else "spawn")
        init_args = self.settings()
        _WORKER = self  # inherited by forked workers; spawned ones build their own
        # the model's objects, frozen, are not written to by the workers' garbage collector, so
        # their memory pages stay shared instead of being copied into every worker
        gc.freeze()
        try:
            pool = ctx.Pool(n_process, initializer=_init_worker, initargs=(init_args, ctx.get_start_method()))
        finally:
            gc.unfreeze()
        try:
            with pool:
                for articles in pool.imap(_work, batches):
                    yield from articles
        finally:
            _WORKER = None

    def _prepare(self, text: str, published: Published, id: str | None, url: str | None) -> _Prepared:
        text = _scrub(_check_text(text))
        pub = parse_published(published)
        id = _check_optional_str(id, "id")
        url = _check_optional_str(url, "url")
        page = read_page(text, segment=self.segment)
        text, layout = page.text, page.layout
        pub = pub or page.published
        url = url or page.url
        pieces: list[tuple[int, int, bool]] = []
        pos = 0
        for s, e in layout.regions():
            if s > pos:
                pieces.append((pos, s, False))
            for cs, ce in chunk_range(text, s, e, self.max_chunk_bytes):
                pieces.append((cs, ce, True))
            pos = max(pos, e)
        if pos < len(text):
            pieces.append((pos, len(text), False))
        return _Prepared(text, layout, pub, id, url, pieces)

    def _parse(self, texts: list[str]) -> Iterator[Doc]:
        """GiNZA's analysis of each text, in order, in minibatches of bounded size."""
        for group in _char_batches(texts, PARSE_BATCH_CHARS):
            yield from self.nlp.pipe(group, disable=self._disable, batch_size=len(group))

    def _process(self, preps: list[_Prepared]) -> Iterator[Article]:
        nlp = self.nlp
        with nlp.memory_zone():
            to_parse = [p.text[s:e] for p in preps for s, e, parse in p.pieces if parse]
            parsed = self._parse(to_parse)
            articles = []
            for prep in preps:
                if not prep.text.strip():
                    articles.append(_empty(prep))
                    continue
                docs: list[Doc] = [next(parsed) if parse else gap_doc(nlp.vocab, prep.text[s:e]) for s, e, parse in prep.pieces]
                doc = concat_docs(docs)
                doc._.newstag_published = prep.published
                set_layout(doc, prep.layout)
                for _, proc in self._newstag:
                    doc = proc(doc)
                articles.append(doc_to_article(doc, text=prep.text, published=prep.published, id=prep.id, url=prep.url, layout=prep.layout))
        yield from articles


def _idle_ginza_components(nlp: Language) -> list[str]:
    """GiNZA components that would not change the analysis, so are not run.

    Only ``compound_splitter`` with ``split_mode`` None (ja_ginza's default): it returns the doc
    untouched. Every other GiNZA component feeds newstag: tok2vec → parser (dep_, head; GiNZA's
    bunsetu) and ner (ENE labels; and bunsetu_recognizer keeps each GiNZA entity in one bunsetu);
    morphologizer sets pos_ (switching it off changes ~4% of pos_); bunsetu_recognizer gives the
    bunsetu the rules walk. Whether ner runs is the profile (``ginza_ner``), not decided here.
    """
    idle = []
    if "compound_splitter" in nlp.pipe_names and getattr(nlp.get_pipe("compound_splitter"), "_split_mode", "?") is None:
        idle.append("compound_splitter")
    return idle


#: characters GiNZA analyses in one minibatch. spaCy keeps a whole minibatch's network activations
#: in memory at once (~40 kB per character with ja_ginza), so its default of 1,000 texts per batch
#: needs GBs for long articles; small batches are as fast (measured: 1k, 4k and 20k characters
#: per batch run at the same chars/s) and keep the peak near the model's own size.
PARSE_BATCH_CHARS = 4000


def _char_batches(texts: list[str], max_chars: int) -> Iterator[list[str]]:
    """Consecutive groups of texts of at most ``max_chars`` characters (a longer text goes alone)."""
    group: list[str] = []
    size = 0
    for t in texts:
        if group and size + len(t) > max_chars:
            yield group
            group, size = [], 0
        group.append(t)
        size += len(t)
    if group:
        yield group



def _empty(prep: _Prepared) -> Article:
    return Article(text=prep.text, published=prep.published, id=prep.id, url=prep.url, body=TextSpan(start=0, end=0, text=""))


_WORKER: Tagger | None = None


_THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


def _init_worker(init_args: dict, method: str) -> None:
    global _WORKER
    # one worker per core: keep each worker's maths single-threaded so N workers use N cores, not
    # N x threads (thinc's CPU ops already run on one thread; this guards BLAS/torch builds that don't)
    for var in _THREAD_ENV:
        os.environ.setdefault(var, "1")
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(1)
    if _WORKER is None or method != "fork":
        _WORKER = Tagger(**init_args)


def _work(batch: list[tuple[str, dt.date | None, str | None, str | None]]) -> list[Article]:
    assert _WORKER is not None
    preps = [_WORKER._prepare(t, p, i, u) for t, p, i, u in batch]
    return list(_WORKER._process(preps))


_DEFAULT: Tagger | None = None


def default_tagger() -> Tagger:
    """The lazily created module-level Tagger used by :func:`tag`."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Tagger()
    return _DEFAULT


def tag(text: str, *, published: Published = None, id: str | None = None, url: str | None = None) -> Article:
    """Tag one article with the default :class:`Tagger` (created on first use)."""
    return default_tagger()(text, published=published, id=id, url=url)
