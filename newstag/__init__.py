"""newstag: structured, checkable data from Japanese news articles.

>>> import newstag
>>> article = newstag.tag(text, published="2025-02-13")
>>> article.entities, article.dates, article.quotes, article.events
"""

from __future__ import annotations

from . import display
from .frames import to_frame
from .models import Article, DateExpr, Entity, Event, Mention, Participant, Quote, TextSpan
from .pipeline import load
from .tagger import Tagger, tag

__version__ = "0.1.0"

__all__ = [
    "Article", "DateExpr", "Entity", "Event", "Mention", "Participant", "Quote", "TextSpan",
    "Tagger", "display", "load", "tag", "to_frame", "__version__",
]
