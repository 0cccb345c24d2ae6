"""The proposed mention every rule produces."""

from __future__ import annotations

from dataclasses import dataclass, field

from .registry import priority_of


@dataclass
class Candidate:
    """A proposed mention (character offsets into doc.text)."""

    start: int
    end: int
    type: str
    rule: str
    tok_start: int
    tok_end: int
    key: str | None = None  # gazetteer key: mentions with one key are one referent
    title: str | None = None
    title_is_honorific: bool = False
    affiliation: Candidate | None = field(default=None, repr=False)
    surname: str | None = None  # the part of a person's name that later mentions may use alone
    given: str | None = None
    nested_ok: bool = False  # may lie inside an ORG compound (the country in ロシア軍)
    alias_of: Candidate | None = field(default=None, repr=False)  # 北大西洋条約機構(NATO): NATO → the long form
    kind: str | None = None  # a facility's kind (station, airport, park …; see facility.py)
    opens_facility: bool = False  # an organisation or a suffixed place opening a facility's name: a mention of its own
    surface: str = ""  # the mention text (filled in when entities are built)

    @property
    def priority(self) -> int:
        """The priority of the rule that found it (see :mod:`.registry`)."""
        return priority_of(self.rule)

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end

    def inside(self, other: Candidate) -> bool:
        return other.start <= self.start and self.end <= other.end and (self.start, self.end) != (other.start, other.end)
