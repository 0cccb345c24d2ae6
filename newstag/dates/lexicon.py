"""The dates lexicon: relative words, eras, anaphors and tense cues, kept as package data.

The default file is ``newstag/dates/data/lexicon.json``; :func:`load_lexicon` validates it (or a
user file) against :class:`DateLexicon` (``extra="forbid"``, so a misspelt key is an error).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..data_files import package_text


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Anaphor(_Strict):
    """A date word that points back to a date already in the text (同日, 前日, この日, 翌年)."""

    unit: Literal["day", "month", "year"]
    offset: int = Field(description="Days/months/years added to the referenced date.")
    ref: Literal["recent", "story"] = Field(
        description="recent: the most recent date in the text; story: the latest dated event so far "
        "(not after publication), the day the article is about.")


class NotADateAfter(_Strict):
    """Words that, right after a candidate, show it is not a date (前日比, 毎日新聞, 3日間)."""

    anaphors: list[str] = Field(default_factory=list)
    sets: list[str] = Field(default_factory=list)
    day: list[str] = Field(default_factory=list)


class DateLexicon(_Strict):
    """All word lists the date extractor and resolver use."""

    eras: dict[str, int] = Field(description="Era name -> Gregorian year of its first year (元年).")
    era_initials: dict[str, str] = Field(
        default_factory=dict, description="Latin initial -> era name, for R3年 and R3.10.12 (R: 令和).")
    relative_days: dict[str, int] = Field(description="Word -> day offset from publication (あす: 1).")
    relative_weeks: dict[str, int]
    relative_months: dict[str, int]
    relative_years: dict[str, int]
    relative_fiscal_years: dict[str, int] = Field(description="Japanese fiscal years (April to March).")
    anaphors: dict[str, Anaphor]
    sets: dict[str, str] = Field(description="Recurring expressions -> TIMEX3 SET value (毎年: P1Y).")
    weekdays: dict[str, int] = Field(description="Weekday character -> date.weekday() (月: 0).")
    parts_of_day: dict[str, str] = Field(description="未明 -> NI (TIMEX3 part of day) or a clock time HH:MM.")
    duration_modifiers: list[str] = Field(description="Approximators kept inside a duration's text (約, ほぼ).")
    duration_before: list[str] = Field(default_factory=list, description="Words that make a bare N年 a duration (懲役3年).")
    duration_after: list[str] = Field(
        default_factory=list,
        description="Words after N日 / N年 / N分 that make it a span, not a date (60日以内, 10年以上, 105時間ぶり).")
    seasons: dict[str, str] = Field(default_factory=dict, description="Season after an explicit year -> TIMEX3 code (秋: FA).")
    parts_of_month: list[str] = Field(
        default_factory=list, description="Parts written after a month (上旬, 末); the value stays the month's.")
    parts_of_year: dict[str, int | None] = Field(
        default_factory=dict,
        description="Parts written after a year (年明け, 末, 初頭) -> the month they name, or None for the year itself. "
        "Those starting with 年 (年明け, 年末) are also found alone and take the nearest such month.")
    title_before: list[str] = Field(
        default_factory=list,
        description="Nouns right before 「…」 that make it the title of a work (番組「今日のニュース」): no dates inside.")
    not_a_date_after: NotADateAfter
    boundary_after: list[str] = Field(description="A date followed by these (以来, まで) is a boundary, not a story day.")
    range_connectors: list[str] = Field(description="Between 12月2日 and 6日 (から, ～, ・): the day keeps the month.")
    span_connectors: list[str] = Field(
        default_factory=list,
        description="Range connectors that always join two days into one interval (から, ～); the other range "
        "connectors (と, ・, 、) join only consecutive days (9月1日と2日).")
    relative_to_story_before: list[str] = Field(description="その3日後, 出演から2年後: counted from the story, not publication.")
    future_predicates: list[str] = Field(description="Lemmas that make a clause scheduled (予定, 方針).")
    stative_predicates: list[str] = Field(description="Non-past predicates that do not make a clause scheduled (なる, ある).")
    simultaneous_nouns: list[str] = Field(
        default_factory=list, description="A relative clause on these (機運が高まる中で) takes the main clause's tense.")
    reporting_predicates: list[str] = Field(description="Predicates skipped when looking for the date's clause (によると).")
    text_future_cues: list[str] = Field(description="Surface cues for the parse-free tense fallback.")
    text_past_cues: list[str]
    text_perfect_cues: list[str] = Field(
        default_factory=list, description="Surface cues of a flash-back (…ていた) for the parse-free tense.")


@lru_cache(maxsize=8)
def load_lexicon(path: str | None = None) -> DateLexicon:
    """Load and validate a dates lexicon; ``None`` loads the one shipped with newstag."""
    if path is None:
        raw = package_text("newstag.dates", "lexicon.json")
    else:
        raw = Path(path).read_text(encoding="utf-8")
    return DateLexicon.model_validate(json.loads(raw))
