"""The result schema: pydantic v2 models at the edge of the pipeline.

Every offset (``start``/``end``) is a character offset into :attr:`Article.text`, and every
``text`` field equals ``article.text[start:end]`` (quotes: the words inside the brackets).
Models hold plain data only, so they serialise to JSON and pickle (multiprocessing, Dask).
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal["PERSON", "ORG", "PLACE"]
DateType = Literal["DATE", "TIME", "DURATION", "SET"]
EventType = Literal["CALL", "MEETING", "VISIT", "AGREEMENT", "POSITION", "STATEMENT"]
Status = Literal["occurred", "planned", "hypothetical", "negated"]
Stance = Literal["support", "oppose"]
QuoteKind = Literal["direct", "indirect"]
#: what kind of facility a PLACE names (the kinds of ``newstag/entities/data/facilities.json``)
PlaceKind = Literal["station", "airport", "port", "road", "railway", "park", "religious", "castle", "venue", "museum",
                    "building", "base"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class TextSpan(_Model):
    """A stretch of :attr:`Article.text`: ``text == article.text[start:end]``."""

    start: int = Field(ge=0, description="Start character offset into Article.text.")
    end: int = Field(ge=0, description="End character offset (exclusive).")
    text: str = Field(description="The covered text.")


class Mention(_Model):
    """One occurrence of an entity's name. Titles and honorifics are outside the offsets."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    title: str | None = Field(default=None, description="Title or honorific next to this mention (大統領, 氏).")
    rule: str = Field(default="", description="Provenance: the rule or source that typed this mention.")


class Entity(_Model):
    """A document-level referent (person, organisation or place) with all its mentions."""

    id: str = Field(description="Stable id within the article, e.g. 'E1'.")
    type: EntityType
    name: str = Field(description="The fullest form of the name found in the article.")
    mentions: list[Mention] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list, description="Titles collected from the mentions.")
    affiliation: str | None = Field(default=None, description="Entity id of the country or organisation the person belongs to.")
    rule: str = Field(default="", description="Provenance of the type decision.")
    kind: PlaceKind | None = Field(default=None, description="For a PLACE that names a facility (〇〇駅, 〇〇空港, 〇〇公園, "
                                   "〇〇神社, 〇〇会館), which kind of facility: station, airport, port, road, railway, park, "
                                   "religious, castle, venue, museum, building, base. None for other places (countries, "
                                   "cities, regions, landforms) and for people and organisations.")


class DateExpr(_Model):
    """A temporal expression with a TIMEX3-style normalised value."""

    id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    type: DateType = "DATE"
    value: str | None = Field(default=None, description="TIMEX3 value: 2025-02-12, 2025-W07, PT90M, XXXX-XX-12 ...")
    rule: str = Field(default="", description="Provenance: the rule that found and normalised it.")


class Quote(_Model):
    """A quoted (direct) or reported (indirect) statement and who made it."""

    id: str
    start: int = Field(ge=0, description="Start of the quoted words (inside the brackets for direct quotes).")
    end: int = Field(ge=0)
    text: str = Field(description="The quoted words, without the brackets.")
    speaker: str | None = Field(default=None, description="Entity id of the speaker, or None when the text does not say.")
    speaker_text: str | None = Field(default=None, description="The words that name the speaker.")
    cue: str | None = Field(default=None, description="The reporting cue (述べた, 語った, とし ...).")
    kind: QuoteKind = "direct"
    sentence: int | None = Field(default=None, description="Index into Article.sentences of the sentence holding the quote's start.")
    rule: str = Field(default="", description="Provenance: '<cue_rule>|<speaker_rule>'.")
    cue_span: TextSpan | None = Field(default=None, description="Where the cue stands (述べた, との見方を示した); None when the quote has no cue of its own (a speaker label paragraph, 「…」。 closing a sentence).")
    cue_rule: str = Field(default="", description="The frame that made the brackets a quote: cue.<verb id> (「…」と述べた), direct.opinion, direct.voice, direct.lead_in, direct.bare_end ...")
    speaker_span: TextSpan | None = Field(default=None, description="Where the words naming the speaker stand (for a speaker carried over from an earlier sentence, those earlier words); None when there is no speaker.")
    speaker_rule: str = Field(default="", description="The rule that chose the speaker: speaker.topic, speaker.after_quote, speaker.source, speaker.carried_topic, … with +title/+org_role/+same/+medium when the words were resolved further; speaker.none when the text does not say.")


class Participant(_Model):
    """An actor of an event: caller, attendee, visitor, party, stance holder, speaker."""

    entity: str = Field(description="Entity id.")
    role: str = Field(description="agent, counterpart, party, visitor, holder, speaker ...")


class Event(_Model):
    """A typed happening with its participants, date, place and status."""

    id: str
    type: EventType
    trigger: TextSpan
    participants: list[Participant] = Field(default_factory=list)
    date: str | None = Field(default=None, description="TIMEX3 value of the event's date (2025-02-12).")
    place: str | None = Field(default=None, description="Entity id of the place.")
    status: Status = "occurred"
    stance: Stance | None = None
    topic: str | None = Field(default=None, description="What a position or agreement is about.")
    duration: str | None = Field(default=None, description="TIMEX3 duration attached to the event (PT90M).")
    quote: str | None = Field(default=None, description="Quote id, for STATEMENT events.")
    cameo: str | None = Field(default=None, description="CAMEO code of the trigger (041 telephone ...).")
    mode: str | None = Field(default=None, description="PLOVER-style mode of the trigger.")
    rule: str = Field(default="", description="Provenance: the trigger rule id.")


class Article(_Model):
    """A tagged article. Every offset indexes into :attr:`text`."""

    id: str | None = Field(default=None, description="Caller-supplied id (from pipe metadata).")
    url: str | None = Field(default=None, description="Caller-supplied or page URL.")
    text: str = Field(description="The analysed text: the input for plain text, the extracted text for HTML.")
    title: str | None = None
    title_span: TextSpan | None = Field(default=None, description="Where the title lies in text.")
    byline: TextSpan | None = Field(default=None, description="The byline, when one was found.")
    published: _dt.date | None = None
    body: TextSpan
    paragraphs: list[TextSpan] = Field(default_factory=list)
    sentences: list[TextSpan] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    dates: list[DateExpr] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        if entity_id is None:
            return None
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def _repr_html_(self) -> str:  # Jupyter
        from .display import render

        return render(self)


__all__ = [
    "Article", "DateExpr", "Entity", "Event", "Mention", "Participant", "Quote", "TextSpan",
    "EntityType", "PlaceKind", "DateType", "EventType", "Status", "Stance", "QuoteKind",
]
