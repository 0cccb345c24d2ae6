"""Event trigger rules and syntactic cue words, kept as data and validated on load.

The shipped files live in ``newstag/events/data``: ``triggers.json`` (one rule per trigger) and
``cues.json`` (light verbs, argument particles, status cues, ``両X`` group words). Users add their
own trigger files through the component setting ``trigger_files`` (paths to JSON files with the
same shape as ``triggers.json``); their rules are appended to the shipped ones.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..data_files import package_json
from ..models import EventType, Stance

Requirement = Literal["place", "conference", "proposal"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TriggerRule(_Strict):
    """One event trigger: a spaCy ``Matcher`` token pattern and what it means.

    Example::

        {"id": "call.denwa_kaidan", "type": "CALL", "cameo": "041", "mode": "telephone",
         "pattern": [{"LEMMA": "電話"}, {"LEMMA": "会談"}]}
    """

    id: str = Field(min_length=1, description="Rule id; travels to Event.rule.")
    type: EventType
    cameo: str = Field(pattern=r"^\d{2,4}$", description="CAMEO code (041 telephone, 057 sign agreement ...).")
    mode: str = Field(min_length=1, description="PLOVER-style mode (telephone, visit, criticize ...).")
    pattern: list[dict[str, Any]] = Field(min_length=1, description="spaCy Matcher token pattern.")
    anchor: int | None = Field(default=None, description="Index of the predicate token in the pattern; default: the syntactic root of the match.")
    stance: Stance | None = Field(default=None, description="POSITION only: support or oppose.")
    requires: list[Requirement] = Field(default_factory=list, description="Arguments without which no event is emitted.")
    alone: bool = Field(default=False, description="MEETING: a body's own session (理事会, 総会) stands with its one named holder, without a counterpart.")
    counterpart_cases: list[str] | None = Field(default=None, description="Particles marking the counterpart (default: cues.companion_particles).")
    exclude_compounds: list[str] = Field(default_factory=list, description="No event when the trigger's noun compound contains one of these (記者会見 is no meeting).")
    complement: bool = Field(default=False, description="The trigger closes a reported clause (…すべきだと主張した): the holder is the reporting verb's first named subject; a later one on it (Xは、Yは…べきだと) is the clause's own.")
    date_scope: Literal["clause", "context"] = Field(default="context", description="clause: only a date of the trigger's own clause; context: else the sentence's, else the paragraph's.")
    note: str = ""

    @field_validator("stance")
    @classmethod
    def _stance_for_position(cls, v: Stance | None, info) -> Stance | None:
        if v is not None and info.data.get("type") != "POSITION":
            raise ValueError("stance is only allowed on POSITION triggers")
        return v


class TriggerFile(_Strict):
    """A trigger file: ``{"description": ..., "triggers": [...]}``."""

    description: str = ""
    triggers: list[TriggerRule]


class StatusCues(_Strict):
    negated_aux: list[str]
    negated_heads: list[str]
    planned_heads: list[str]
    hypothetical_heads: list[str]
    hypothetical_marks: list[str]
    hypothetical_aux: list[str] = Field(default_factory=list, description="Auxiliaries of wish on the trigger (会談したい).")
    expectation_heads: list[str] = Field(default_factory=list, description="反発が予想される, 反対が強まる見通し: a stance only expected is hypothetical (予想, 見込み ...).")
    appeal_heads: list[str] = Field(default_factory=list, description="反対を呼びかけた: the one who calls for a stance holds it (not hypothetical).")


class GroupWord(_Strict):
    """A plural reference such as 両首脳 / 両国 / 両社 and the entities it may stand for."""

    pattern: str = Field(description="Regex matched against the end of the noun phrase (両首脳$).")
    types: list[Literal["PERSON", "ORG", "PLACE"]]
    titles: list[str] = Field(default_factory=list, description="PERSON: one of these must occur in the entity's titles.")
    countries: bool = Field(default=False, description="PLACE: only countries qualify.")
    name_ends: list[str] = Field(default_factory=list, description="The entity's name must end with one of these (両党 → 〇〇党); default: any name.")

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str) -> str:
        re.compile(v)
        return v


class Cues(_Strict):
    """Cue words used by the argument and status rules (see ``data/cues.json``)."""

    description: str = ""
    light_verbs: list[str]
    frame_nouns: list[str]
    nominalizers: list[str]
    subject_particles: list[str]
    companion_particles: list[str]
    place_particles: list[str]
    topic_particles: list[str]
    source_particles: list[str]
    durative_particles: list[str]
    split_cues: list[str]
    status: StatusCues
    groups: list[GroupWord]
    country_abbreviations: list[str]
    country_tags: list[str]
    country_ene: list[str]
    conference_suffixes: list[str]
    bare_place_words: list[str] = Field(description="都は / 県は: the administration of the latest place named with that suffix (東京都).")
    non_actor_heads: list[str] = Field(description="Subject heads that are no actors (株価は反発した: a market move).")
    receive_verbs: list[str] = Field(description="Xは批判を受けた: the subject is the target; the holder is the から phrase.")
    visit_places: dict[str, list[str]] = Field(description="Visit words naming their destination (訪米 → アメリカ / 米国 / 米).")
    entourage_nouns: list[str] = Field(default_factory=list, description="Xの<noun> is not X when X is a person: 側近, 陣営, 弁護士 ...")
    call_media: list[str] = Field(default_factory=list, description="Xで会談 with one of these (電話, オンライン) is a CALL.")
    member_nouns: list[str] = Field(default_factory=list, description="〇〇議会議員, 〇〇党の党員: a member of the body, not the body (議員, 職員, 社員 ...).")
    naming_verbs: list[str] = Field(default_factory=list, description="「X」と<verb>: X is a name or a slogan, not a statement (書く, 題する, いう ...).")
    day_parts: list[str] = Field(default_factory=list, description="8月1日の午前中: a part of the day after a date with の; the date still dates the clause.")
    session_verbs: list[str] = Field(default_factory=list, description="Xは総会を開いた: verbs of holding a session (開く, 開催, 招集 ...).")
    decision_verbs: list[str] = Field(default_factory=list, description="Xは会議で決定した: verbs of a body's decision (決定, 採択, 承認 ...).")
    invite_verbs: list[str] = Field(default_factory=list, description="Xを招いて協議: the invited are the meeting's counterpart (招く, 呼ぶ ...).")
    emergence_verbs: list[str] = Field(default_factory=list, description="批判が相次いだ: verbs of a stance arising (ある, 出る, 上がる ...); its holder is only the one its own phrase names.")
    member_titles: list[str] = Field(default_factory=list, description="EU外相会談, ASEAN首脳会議: words for a body's members inside a session's compound (首脳, 外相 ...).")
    accord_nouns: list[str] = Field(default_factory=list, description="Xは…条約に署名した: heads of what one party alone can sign (条約, 協定, 合意 ...).")
    proposal_nouns: list[str] = Field(description="Heads of what can be accepted as a position (提案, 要求, 案 ...).")
    report_verbs: list[str] = Field(default_factory=list, description="…合意した。Xが27日語った: verbs of a bare attribution sentence whose date is that of the report just before it (語る, 述べる, 明らか …).")
    home_bodies: list[str] = Field(description="Bare common nouns that name the article's own body, never a short form or a title of one named before (政府, 国会, 首脳 ...).")
    short_form_heads: list[str] = Field(description="Heads an organisation's name may drop in a later mention (〇〇グループ → 〇〇, 〇〇社 → 〇〇).")
    each_words: list[str] = Field(description="Words for all the parties of the latest multilateral event (各国, 参加国 ...).")
    include_verbs: list[str] = Field(description="Aを<verb>B: verbs naming A as a member of B (加える, 含む ...).")
    join_words: list[str] = Field(description="Words of joining an organisation (入団, 移籍, 入社 ...): a joining contract binds the one who joins to it.")
    first_person: list[str] = Field(description="First-person pronouns: a call in a quote told in the first person is the speaker's own (私, 僕 ...).")
    demonstrative_adverbs: list[str] = Field(description="こうした / そういった批判: adverbs of a demonstrative clause pointing back to what was just said.")
    demonstrative_words: list[str] = Field(description="この批判 / これらの懸念: demonstratives pointing a stance noun back to what was just said.")


def _read_package_json(name: str) -> dict:
    return package_json("newstag.events", name)


@lru_cache(maxsize=1)
def shipped_triggers() -> tuple[TriggerRule, ...]:
    """The trigger rules shipped with newstag."""
    return tuple(TriggerFile.model_validate(_read_package_json("triggers.json")).triggers)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The shipped cue words."""
    return Cues.model_validate(_read_package_json("cues.json"))


def load_triggers(extra_files: Iterable[str | Path] = ()) -> list[TriggerRule]:
    """Shipped trigger rules plus those of the user's files (validated; duplicate ids rejected)."""
    rules = list(shipped_triggers())
    for path in extra_files:
        p = Path(path)
        if not p.is_file():
            raise ValueError(f"trigger_files: {str(p)!r} is not a file")
        rules.extend(TriggerFile.model_validate(json.loads(p.read_text(encoding="utf-8"))).triggers)
    seen: set[str] = set()
    for r in rules:
        if r.id in seen:
            raise ValueError(f"trigger_files: duplicate trigger id {r.id!r}")
        seen.add(r.id)
    return rules
