"""Build the spaCy pipeline: ja_ginza followed by newstag's components."""

from __future__ import annotations

import spacy
from spacy.language import Language

# importing the feature packages registers their factories
from .dates import component as _dates  # noqa: F401
from .entities import component as _entities  # noqa: F401
from .events import component as _events  # noqa: F401
from .quotes import component as _quotes  # noqa: F401
from .segment import component as _segment  # noqa: F401

#: newstag's components, in pipeline order (each reads what the earlier ones wrote)
COMPONENTS = ("newstag_segment", "newstag_entities", "newstag_dates", "newstag_quotes", "newstag_events")


def add_components(nlp: Language, *, config: dict[str, dict] | None = None) -> Language:
    """Append newstag's components to a GiNZA pipeline (skipping those already present)."""
    config = config or {}
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=config.get(name, {}))
    return nlp


def load(model: str = "ja_ginza", *, config: dict[str, dict] | None = None, **kwargs) -> Language:
    """Load a GiNZA model and add newstag's components; returns the spaCy ``Language``.

    ``doc = newstag.load()(text)`` then gives ``doc.spans["newstag_*"]`` and
    ``doc._.newstag_article``.
    """
    nlp = spacy.load(model, **kwargs)
    return add_components(nlp, config=config)
