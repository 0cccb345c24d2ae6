"""Build the spaCy pipeline: ja_ginza followed by newstag's components."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import spacy
from spacy.language import Language

# importing the feature packages registers their factories
from .dates import component as _dates  # noqa: F401
from .entities import component as _entities  # noqa: F401
from .events import component as _events  # noqa: F401
from .ginza_adapter import fast_ner
from .quotes import component as _quotes  # noqa: F401
from .segment import component as _segment  # noqa: F401

#: newstag's components, in pipeline order (each reads what the earlier ones wrote)
COMPONENTS = ("newstag_segment", "newstag_entities", "newstag_dates", "newstag_quotes", "newstag_events")

#: Does GiNZA's ``ner`` (its 189-label ENE model) run when ``ginza_ner`` is not given? Several
#: rules take its entities as evidence (without it some scores drop by 1-2.6 F1 points); decoded by
#: newstag's exact decoder it costs little time. The measured trade-off is in docs/speed.md. This one line is the default profile of ``Tagger``, ``load``, the CLI, the
#: evaluation command and Dask workers.
GINZA_NER_DEFAULT: bool = True

#: Does :func:`load` decode GiNZA's ``ner`` with newstag's exact greedy decoder
#: (:func:`newstag.ginza_adapter.fast_ner`: the same model and the same entities, ~50x less CPU
#: time for the ner step) instead of spaCy's? docs/speed.md has the measurements.
FAST_NER_DECODER: bool = True


def resolve_ginza_ner(ginza_ner: bool | None) -> bool:
    """The ``ginza_ner`` setting in effect: the value given, or :data:`GINZA_NER_DEFAULT` for None."""
    if ginza_ner is None:
        return GINZA_NER_DEFAULT
    if not isinstance(ginza_ner, bool):
        raise TypeError(f"ginza_ner must be a bool or None, got {type(ginza_ner).__name__}")
    return ginza_ner


def _names(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def add_components(nlp: Language, *, config: dict[str, dict] | None = None) -> Language:
    """Append newstag's components to a GiNZA pipeline (skipping those already present)."""
    config = config or {}
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=config.get(name, {}))
    return nlp


def load(
    model: str = "ja_ginza",
    *,
    ginza_ner: bool | None = None,
    config: dict[str, dict] | None = None,
    **kwargs: Any,
) -> Language:
    """Load a GiNZA model and add newstag's components; returns the spaCy ``Language``.

    ``doc = newstag.load()(text)`` then gives ``doc.spans["newstag_*"]`` and
    ``doc._.newstag_article``; ``nlp.to_disk(path)`` saves the whole pipeline, and
    ``spacy.load(path)`` loads it back with the same profile.

    Args:
        model: the GiNZA model (default ``"ja_ginza"``).
        ginza_ner: load GiNZA's ``ner`` component (True) or leave it out (False: spaCy's
            ``exclude=["ner"]``, so it is neither loaded nor run); None (default) follows
            :data:`GINZA_NER_DEFAULT`. A loaded ``ner`` is decoded by newstag's exact greedy
            decoder when :data:`FAST_NER_DECODER` is True (same entities, less time).
        config: per-component config overrides, ``{"newstag_entities": {...}}``.
        **kwargs: passed to ``spacy.load`` (``exclude``, ``disable``, ...).
    """
    explicit = ginza_ner is not None
    with_ner = resolve_ginza_ner(ginza_ner)
    left_out = set(_names(kwargs.get("exclude"))) | set(_names(kwargs.get("disable")))
    if with_ner and explicit and "ner" in left_out:
        raise ValueError("ginza_ner=True contradicts exclude/disable of 'ner'")
    if not with_ner and "ner" not in left_out:
        kwargs["exclude"] = [*_names(kwargs.get("exclude")), "ner"]
    nlp = spacy.load(model, **kwargs)
    if with_ner and explicit and "ner" not in nlp.pipe_names:
        raise ValueError(f"ginza_ner=True, but model {model!r} has no 'ner' component")
    if with_ner and FAST_NER_DECODER:
        fast_ner(nlp)
    return add_components(nlp, config=config)
