"""Across articles: the network of who met, called or visited whom, and the timeline of dated events.

networkx is an optional extra (``pip install "newstag[network]"``); :func:`timeline` needs pandas
(``newstag[pandas]``).

>>> import newstag
>>> g = newstag.network(articles)               # a networkx MultiGraph
>>> g.nodes["石破茂"]["articles"], list(g.edges(data="type"))
>>> newstag.timeline(articles)                   # a DataFrame of dated events, in time order
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .frames import to_frame
from .models import Article

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    import pandas as pd


def _networkx() -> Any:
    try:
        import networkx
    except ImportError as exc:
        raise ImportError('newstag.network needs networkx: pip install "newstag[network]"') from exc
    return networkx


def _articles(articles: Article | Iterable[Article]) -> list[Article]:
    if isinstance(articles, Article):
        return [articles]
    if isinstance(articles, (str, bytes)) or not isinstance(articles, Iterable):
        raise TypeError(f"articles must be an Article or an iterable of Articles, got {type(articles).__name__}")
    out = list(articles)
    for i, a in enumerate(out):
        if not isinstance(a, Article):
            raise TypeError(f"articles[{i}] must be a newstag Article, got {type(a).__name__}")
    return out


def network(articles: Article | Iterable[Article], *, visits: bool = True) -> nx.MultiGraph:
    """The event network of the articles: entities as nodes, events as edges between their participants.

    Nodes are keyed by the entity's name, so the same name in several articles is one node, with
    the attributes ``type`` (the type most of its entities have; the first seen on a tie),
    ``articles`` (the article keys it appears in, in order) and ``mentions`` (how many mentions
    across articles). Every entity is a node, also one in no event (``nx.isolates`` finds those).

    Each event adds an edge between every two of its participants (a three-party meeting gives
    three edges), keyed ``"ARTICLE/EVENT_ID"``, with the attributes ``type``, ``date`` (TIMEX
    value or None), ``status``, ``article``, ``event`` (the event's id), ``rule``, ``trigger``,
    ``stance``, ``topic``, ``place`` (its name) and ``roles`` (``{node: role}`` for both ends).
    An event with a single participant adds no edge, except a visit with a place (below).

    Args:
        articles: one :class:`~newstag.models.Article` or an iterable of them; an article's key is
            its ``id``, or its position when it has none (as in :func:`newstag.to_frame`).
        visits: a VISIT's place counts as a participant with the role ``"destination"`` (default
            True), so that a lone visitor is linked to where they went.

    Returns:
        A ``networkx.MultiGraph`` (several events can join the same two nodes).

    Raises:
        ImportError: networkx is not installed (``pip install "newstag[network]"``).
        TypeError: ``articles`` holds something other than Articles.
    """
    nx = _networkx()
    if not isinstance(visits, bool):
        raise TypeError(f"visits must be a bool, got {type(visits).__name__}")
    g = nx.MultiGraph()
    types: dict[str, Counter[str]] = {}
    for i, a in enumerate(_articles(articles)):
        key = a.id if a.id is not None else i
        names = {e.id: e.name for e in a.entities}
        for e in a.entities:
            if e.name not in g:
                g.add_node(e.name, type=e.type, articles=[], mentions=0)
                types[e.name] = Counter()
            node = g.nodes[e.name]
            types[e.name][e.type] += 1
            if key not in node["articles"]:
                node["articles"].append(key)
            node["mentions"] += len(e.mentions)
        for ev in a.events:
            ends: dict[str, str] = {}  # node -> role, first role wins, in participant order
            for p in ev.participants:
                if p.entity in names:
                    ends.setdefault(names[p.entity], p.role)
            if visits and ev.type == "VISIT" and ev.place in names:
                ends.setdefault(names[ev.place], "destination")
            nodes = list(ends)
            for x, u in enumerate(nodes):
                for v in nodes[x + 1:]:
                    g.add_edge(u, v, key=f"{key}/{ev.id}", type=ev.type, date=ev.date, status=ev.status,
                               article=key, event=ev.id, rule=ev.rule, trigger=ev.trigger.text, stance=ev.stance,
                               topic=ev.topic, place=names.get(ev.place) if ev.place else None,
                               roles={u: ends[u], v: ends[v]})
    for name, counts in types.items():
        top = max(counts.values())
        g.nodes[name]["type"] = next(t for t in counts if counts[t] == top)  # Counter keeps first-seen order
    return g


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")


def timex_start(value: str | None) -> tuple[dt.datetime, str] | None:
    """Where a TIMEX date value starts on the calendar, and its precision; None when it has no place there.

    ``2025-02-12`` → (2025-02-12 00:00, ``"day"``), ``2025-02-12T15:30`` → ``"minute"``,
    ``2025-W07`` → the week's Monday, ``"week"``; ``2025-02`` → ``"month"``; ``2025`` → ``"year"``.
    Values with unknown parts (``XXXX-XX-12``), decades, centuries and durations give None.
    """
    if not isinstance(value, str):
        return None
    try:
        if m := _DAY.match(value):
            y, mo, d, hh, mm = m.groups()
            if hh is not None and value == m.group(0):
                return dt.datetime(int(y), int(mo), int(d), int(hh), int(mm)), "minute"
            if value == m.group(0) or value[10] == "T":  # 2025-02-12, or a part of day (2025-02-12TNI)
                return dt.datetime(int(y), int(mo), int(d)), "day"
            return None
        if m := _WEEK.fullmatch(value):
            return dt.datetime.combine(dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1), dt.time()), "week"
        if m := _MONTH.fullmatch(value):
            return dt.datetime(int(m.group(1)), int(m.group(2)), 1), "month"
        if _YEAR.fullmatch(value):
            return dt.datetime(int(value), 1, 1), "year"
    except ValueError:  # 2025-13-01, week 54: not on the calendar
        return None
    return None


def timeline(articles: Article | Iterable[Article]) -> pd.DataFrame:
    """The dated events of the articles, in time order, ready to plot.

    The columns are those of ``newstag.to_frame(articles, kind="events")`` after two new first
    ones: ``time`` (a pandas Timestamp: where the event's date starts) and ``precision``
    (``"minute"``, ``"day"``, ``"week"``, ``"month"`` or ``"year"``, see :func:`timex_start`).
    Events without a date, or whose date has no place on the calendar (``XXXX-XX-12``), are left
    out. Rows are sorted by time, then in input order (article, event id).

    Raises:
        ImportError: pandas is not installed (``pip install "newstag[pandas]"``).
        TypeError: ``articles`` holds something other than Articles.
    """
    events = to_frame(_articles(articles), kind="events")
    import pandas as pd

    starts = [timex_start(v) for v in events["date"]]
    keep = [s is not None for s in starts]
    out = events[keep].copy()
    out.insert(0, "precision", [s[1] for s in starts if s is not None])
    out.insert(0, "time", pd.to_datetime([s[0] for s in starts if s is not None]))
    out["_order"] = range(len(out))
    out = out.sort_values(["time", "_order"], kind="stable").drop(columns="_order").reset_index(drop=True)
    return out


__all__ = ["network", "timeline", "timex_start"]
