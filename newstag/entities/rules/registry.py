"""The rule book's index: every mention rule's id, family, priority and one-line description.

A rule is declared once, next to its code, with :func:`mention_rule`::

    @mention_rule("org:suffix", family="org", priority=80,
                  doc="a compound led by a name and ending in an organisation head (〇〇人民党, 〇〇大統領府)")
    def org_segment(r: Region, a: int, b: int) -> None:
        ...

The id is what every mention the rule finds carries (``Mention.rule``); a few ids are patterns
whose last part varies (``ginza:<label>``, ``gazetteer:<source>``). The priority decides overlaps
(:func:`~newstag.entities.rules.apply.resolve`: higher wins). The order in which the rules run is
:data:`~newstag.entities.rules.apply.STEPS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal, TypeVar

Family = Literal["person", "org", "place", "lexicon", "signal"]
#: the families, in the order the rule book lists them
FAMILIES: tuple[Family, ...] = ("person", "org", "place", "lexicon", "signal")

F = TypeVar("F", bound=Callable)


@dataclass(frozen=True)
class RuleInfo:
    """One mention rule.

    Attributes:
        id: the rule id mentions carry (``org:suffix``); a pattern id ends in ``:<…>``
            (``ginza:<label>``): mentions carry the prefix and a varying last part.
        family: person / org / place (rules typing by the words of the text), lexicon (gazetteer
            and class-noun matches), signal (GiNZA, Sudachi and IPADIC readings).
        priority: higher wins an overlap.
        doc: one line saying what the rule finds.
        where: the function holding the rule's code (``module.function``).
    """

    id: str
    family: Family
    priority: int
    doc: str
    where: str = ""

    @property
    def prefix(self) -> str | None:
        """``ginza`` for the pattern id ``ginza:<label>``; None for a plain id."""
        return self.id.split(":<", 1)[0] if self.id.endswith(">") and ":<" in self.id else None


#: the registered rules by id, in the order they were declared
RULES: dict[str, RuleInfo] = {}
_PREFIXES: dict[str, RuleInfo] = {}


def mention_rule(rule_id: str, *, family: Family, priority: int, doc: str) -> Callable[[F], F]:
    """Declare the rule ``rule_id`` whose code is the decorated function (which is returned
    unchanged; one function may hold several rules). Raises ValueError on a second declaration of
    an id, an unknown family, a priority that is not an int or an empty description."""
    if not isinstance(rule_id, str) or ":" not in rule_id:
        raise ValueError(f"rule_id must be a 'family:name' string, got {rule_id!r}")
    if family not in FAMILIES:
        raise ValueError(f"family must be one of {FAMILIES}, got {family!r}")
    if not isinstance(priority, int) or isinstance(priority, bool):
        raise ValueError(f"priority must be an int, got {priority!r}")
    if not isinstance(doc, str) or not doc.strip():
        raise ValueError(f"doc must be a non-empty description, got {doc!r}")
    if rule_id in RULES:
        raise ValueError(f"rule {rule_id!r} is declared twice ({RULES[rule_id].where})")

    def register(fn: F) -> F:
        info = RuleInfo(rule_id, family, priority, doc, f"{fn.__module__}.{fn.__qualname__}")
        RULES[rule_id] = info
        if info.prefix is not None:
            _PREFIXES[info.prefix] = info
        rule_info.cache_clear()
        return fn

    return register


@cache
def rule_info(rule: str) -> RuleInfo | None:
    """The registered rule a mention's rule string stands for: its exact id, else the pattern
    its prefix names (``ginza:Person`` → ``ginza:<label>``); None when neither is registered
    (``org:suffix>sudachi:人名``, the trace :func:`~newstag.entities.merge.unify_types` writes
    when it retypes a mention, has no priority of its own unless it starts with a pattern's prefix)."""
    info = RULES.get(rule)
    return info if info is not None else _PREFIXES.get(rule.split(":", 1)[0])


def priority_of(rule: str) -> int:
    """The priority of a mention's rule string (0 when no rule is registered for it)."""
    info = rule_info(rule)
    return info.priority if info is not None else 0
