"""newstag: structured, checkable data from Japanese news articles.

>>> import newstag
>>> article = newstag.tag(text, published="2025-02-13")
>>> article.entities, article.dates, article.quotes, article.events
>>> newstag.to_frame(articles, kind="events"), newstag.network(articles), newstag.timeline(articles)
"""

from __future__ import annotations

from . import display
from .frames import to_frame
from .graph import network, timeline
from .models import Article, DateExpr, Entity, Event, Mention, Participant, Quote, TextSpan
from .pipeline import load
from .tagger import Tagger, tag

__version__ = "0.1.0"

__all__ = [
    "Article", "DateExpr", "Entity", "Event", "Mention", "Participant", "Quote", "TextSpan",
    "Tagger", "display", "load", "network", "tag", "timeline", "to_frame", "__version__",
]
