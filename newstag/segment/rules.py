"""The line rules of ``newstag_segment``: a JSON data file (``data/lines.json``) validated by pydantic.

Each rule is a regular expression for one kind of non-article line (a paywall notice, a paywall
label, a photo caption or credit), searched in the NFKC form of a stripped line. Its ``id`` is
shown by :func:`newstag.segment.explain`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from ..data_files import package_text


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LineRule(_Strict):
    """One pattern for a kind of line."""

    id: str = Field(description="Rule id shown by explain(), e.g. 'notice.read_on'.")
    pattern: str = Field(description="Regular expression searched in the NFKC form of the stripped line.")
    doc: str = Field(default="", description="What the rule is for, with invented examples.")
    not_on_sentences: bool = Field(
        default=False,
        description="The rule does not apply to a line that ends as a sentence (。 maybe followed by a "
                    "bracketed credit): a wire credit after an article's last sentence is article text.",
    )

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str) -> str:
        re.compile(v)
        return v


class LineRules(_Strict):
    """Everything the segmenter knows about the wording of non-article lines."""

    version: int = 1
    description: str = ""
    paywall_notices: list[LineRule] = Field(description="Sentences that stop the visible text of a paywalled article.")
    paywall_labels: list[LineRule] = Field(description="Bare labels of a paid article (有料記事, [会員限定]).")
    captions: list[LineRule] = Field(description="Photo captions and credits (＝…撮影, （写真：…）, ©).")
    sections: list[LineRule] = Field(description="Headers of what follows an article (関連記事, ランキング), pagination, copyright notices.")

    _compiled: dict[str, list[tuple[LineRule, re.Pattern[str]]]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, __context: object) -> None:
        for kind in ("paywall_notices", "paywall_labels", "captions", "sections"):
            self._compiled[kind] = [(r, re.compile(r.pattern)) for r in getattr(self, kind)]

    def match(self, kind: str, normalized_line: str, *, sentence: bool = False) -> str | None:
        """The id of the first rule of ``kind`` that matches the (NFKC) line, or None.

        Args:
            kind: ``paywall_notices``, ``paywall_labels``, ``captions`` or ``sections``.
            normalized_line: the NFKC form of one stripped line.
            sentence: the line ends as a sentence (rules with ``not_on_sentences`` are skipped).
        """
        for rule, pat in self._compiled[kind]:
            if sentence and rule.not_on_sentences:
                continue
            if pat.search(normalized_line):
                return rule.id
        return None


@lru_cache(maxsize=8)
def load_rules(path: str | None = None) -> LineRules:
    """Load and validate line rules; ``None`` loads the file shipped in the package."""
    if path is None:
        raw = package_text("newstag.segment", "lines.json")
    else:
        p = Path(path)
        if not p.is_file():
            raise FileNotFoundError(f"path must name an existing JSON file, got {path!r}")
        raw = p.read_text(encoding="utf-8")
    return LineRules.model_validate(json.loads(raw))
