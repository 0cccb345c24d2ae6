"""Scaling out with Dask: tag a ``dask.bag`` of articles with one Tagger per worker process.

Example::

    import glob
    import dask.bag as db
    from dask.distributed import Client, LocalCluster
    from newstag.scale import tag_bag

    client = Client(LocalCluster(n_workers=4, threads_per_worker=1, processes=True))
    paths = sorted(glob.glob("articles/*.txt"))
    bag = db.from_sequence(paths, partition_size=50).map(lambda p: open(p, encoding="utf-8").read())
    tag_bag(bag, published="2025-02-13", output="json").to_textfiles("out/*.jsonl")
    tag_bag(bag, ginza_ner=False)   # the profile without GiNZA's ner, in every worker

Each worker process loads the pipeline once, on its first partition, and keeps it for the next
ones (:func:`cached_tagger`). Use ``processes=True, threads_per_worker=1``: tagging holds the GIL,
so threads in one process do not run it in parallel (calls from several threads of one process are
serialised by a lock).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

from .models import Article
from .pipeline import resolve_ginza_ner
from .tagger import Item, Published, Tagger, parse_published

if TYPE_CHECKING:  # dask is an optional dependency (pip install "newstag[dask]")
    import dask.bag

Output = Literal["article", "dict", "json"]
_OUTPUTS = ("article", "dict", "json")

_TAGGERS: dict[tuple, Tagger] = {}
_LOCK = threading.RLock()


def _key(tagger_kwargs: dict[str, Any]) -> tuple:
    # the profile in effect, not how it was spelled: {} and {"ginza_ner": <the default>} share a Tagger
    kwargs = {**tagger_kwargs, "ginza_ner": resolve_ginza_ner(tagger_kwargs.get("ginza_ner"))}
    return tuple(sorted((k, repr(v)) for k, v in kwargs.items()))


def cached_tagger(**tagger_kwargs: Any) -> Tagger:
    """This process's Tagger for these settings (created on first call, then reused).

    Args:
        **tagger_kwargs: arguments of :class:`~newstag.Tagger` (``model``, ``ginza_ner``,
            ``segment``, ``max_chunk_bytes``, ``config``); ``nlp`` cannot be given (it does not
            travel to workers).
    """
    if "nlp" in tagger_kwargs:
        raise TypeError("cached_tagger() takes Tagger settings (model, ginza_ner, segment, max_chunk_bytes, config), not nlp")
    key = _key(tagger_kwargs)
    with _LOCK:
        tagger = _TAGGERS.get(key)
        if tagger is None:
            tagger = _TAGGERS[key] = Tagger(**tagger_kwargs)
    return tagger


def tag_partition(
    items: Iterable[Item],
    *,
    published: Published = None,
    batch_size: int = 16,
    output: Output = "article",
    tagger_kwargs: dict[str, Any] | None = None,
) -> list[Any]:
    """Tag one partition with this process's cached Tagger; one result per item, in order.

    Args:
        items: texts, or ``(text, metadata)`` pairs as for :meth:`Tagger.pipe`.
        published: default publication date.
        batch_size: articles parsed together.
        output: ``"article"`` (Article models), ``"dict"`` (``model_dump(mode="json")``) or
            ``"json"`` (one JSON string per article, for ``Bag.to_textfiles``).
        tagger_kwargs: settings of the Tagger (see :func:`cached_tagger`).
    """
    tagger = cached_tagger(**(tagger_kwargs or {}))
    with _LOCK:  # one Tagger is not used by two threads at once (spaCy memory zones are per vocab)
        articles = list(tagger.pipe(items, published=published, batch_size=batch_size))
    if output == "dict":
        return [a.model_dump(mode="json") for a in articles]
    if output == "json":
        return [a.model_dump_json() for a in articles]
    return articles


def tag_bag(
    bag: dask.bag.Bag,
    *,
    published: Published = None,
    batch_size: int = 16,
    output: Output = "article",
    **tagger_kwargs: Any,
) -> dask.bag.Bag:
    """A lazy Bag of tagged articles, one per item of ``bag`` and in the same order.

    Args:
        bag: a ``dask.bag.Bag`` of texts or ``(text, metadata)`` pairs.
        published: default publication date (``datetime.date``, ISO string or None).
        batch_size: articles parsed together within a partition.
        output: ``"article"``, ``"dict"`` or ``"json"`` (see :func:`tag_partition`).
        **tagger_kwargs: Tagger settings (e.g. ``ginza_ner=False`` for the profile without
            GiNZA's ner); each worker process builds its Tagger once.
    """
    import dask.bag as db

    if not isinstance(bag, db.Bag):
        raise TypeError(f"bag must be a dask.bag.Bag, got {type(bag).__name__}")
    if output not in _OUTPUTS:
        raise ValueError(f"output must be one of {_OUTPUTS}, got {output!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    if "nlp" in tagger_kwargs:
        raise TypeError("tag_bag() takes Tagger settings (model, ginza_ner, segment, max_chunk_bytes, config), not nlp")
    published = parse_published(published)  # fail early, in the client
    resolve_ginza_ner(tagger_kwargs.get("ginza_ner"))
    # a partial, not map_partitions keywords: dask's own blockwise() has an ``output`` argument
    work = partial(tag_partition, published=published, batch_size=batch_size, output=output, tagger_kwargs=tagger_kwargs)
    return bag.map_partitions(work)


def articles_from_bag(bag: dask.bag.Bag) -> dask.bag.Bag:
    """Articles back from a Bag of JSON lines or dicts (e.g. ``db.read_text("out/*.jsonl")``)."""
    return bag.map(_to_article)


def _to_article(x: str | bytes | dict) -> Article:
    return Article.model_validate_json(x) if isinstance(x, (str, bytes)) else Article.model_validate(x)
