"""The layout of an article inside its text: character ranges, no NLP."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Layout:
    """Where the parts of an article lie in its text (half-open character ranges)."""

    title: tuple[int, int] | None = None
    byline: tuple[int, int] | None = None
    body: tuple[int, int] = (0, 0)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)

    def regions(self) -> list[tuple[int, int]]:
        """The ranges later stages tag: the title, then the body paragraphs."""
        out = [self.title] if self.title else []
        return out + [p for p in self.paragraphs if p != self.title]
