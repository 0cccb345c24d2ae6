"""The reporting-cue lexicon of ``newstag_quotes``: a JSON data file validated by pydantic."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from ..data_files import package_text


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class VerbCue(_Strict):
    """A reporting word that may follow the quotative と (matched on its GiNZA lemma)."""

    id: str = Field(description="Rule id carried to the result, e.g. 'cue.noberu'.")
    lemma: str = Field(description="GiNZA/Sudachi lemma: 述べる, 強調, 明らか ...")
    needs_speech: bool = Field(default=False, description="Only a quote when the bracketed words read like speech (とする, として).")
    adjacent_only: bool = Field(default=False, description="Must come right after と (とし, としている).")
    predicative_only: bool = Field(default=False, description="Not when it modifies a noun (という声 is no quote).")
    indirect: bool = Field(default=False, description="Also marks bracket-less reported speech (〜と述べた).")
    reports: bool = Field(default=False, description="A verb a news outlet speaks through (と報じた, と伝えた, としている, という): after 〜紙によると the outlet may be the speaker; after other verbs (と語った) it only reports someone else's words.")


class CueLexicon(_Strict):
    """Everything ``newstag_quotes`` knows about how Japanese news reports speech."""

    version: int = 1
    description: str = ""
    verbs: list[VerbCue] = Field(description="Reporting verbs and nouns after と.")
    opinion_nouns: list[str] = Field(description="「…」との<noun>を<verb>: 見方, 考え, 認識 ...")
    opinion_verbs: list[str] = Field(description="Lemmas completing an opinion noun: 示す, 表明 ...")
    naming_verbs: list[str] = Field(description="と + these name things rather than report speech: 呼ぶ, 題する ...")
    speech_auxiliaries: list[str] = Field(description="May stand between 」 and と: 「…」だろうと語った.")
    source_markers: list[str] = Field(description="Mark the source of reported speech: によると, によれば.")
    media_nouns: list[str] = Field(description="Nouns introducing a bracketed name: 米紙「…」, SNS「…」.")
    titles: list[str] = Field(description="Titles and honorifics stripped from speaker_text: 大統領, 氏 ...")
    hajime_markers: list[str] = Field(description="AはじめB幹部は: A leads the group of speakers.")
    org_roles: list[str] = Field(default_factory=list, description="Unnamed roles speaking for an organisation: Xの報道官, X幹部, X関係者 → X.")
    spokesperson_roles: list[str] = Field(default_factory=list, description="Xの報道官 speaks for X even when X is a person (not an aide).")
    same_ref_types: dict[str, list[str]] = Field(default_factory=dict, description="同X: the entity type X points back to (社 → ORG, 氏 → PERSON, 国 → PLACE).")
    speaker_ene_prefixes: list[str] = Field(description="GiNZA ENE labels of words that can name a speaker.")
    voice_nouns: list[str] = Field(default_factory=list, description="「…」という<noun>: nouns for words someone said (声, 証言, 電話); the bracket is a quote.")
    receiving_verbs: list[str] = Field(default_factory=list, description="Lemmas after an opinion noun whose subject hears the words (との証言を得た): the から agent speaks.")
    voice_media: list[str] = Field(default_factory=list, description="Xの<medium> speaks for X: ホームページ, 発表, 遺書 (同社ホームページによると → 同社).")
    place_nouns: list[str] = Field(default_factory=list, description="Xでは / Xから naming a place, not a speaker: 国内, 現地, 地区.")
    lead_in_markers: list[str] = Field(default_factory=list, description="A cue before its quotes: X氏は次のように語った。「…」.")
    speaker_nouns: list[str] = Field(default_factory=list, description="Common nouns that can name an unnamed speaker (男性, 住民, 関係者, 政府); a topic like 今回の措置は is no speaker.")
    speaker_noun_suffixes: list[str] = Field(default_factory=list, description="Word endings of such nouns (担当|者, 職|員, 専門|家, 広報|部).")
    media_suffixes: list[str] = Field(default_factory=list, description="Endings of news outlets (〜新聞, 〜通信, 〜紙): Xによると before a non-reporting cue only cites the outlet.")
    voice_occasions: list[str] = Field(default_factory=list, description="Xの<occasion>で「…」: X speaks (Xの会見で, Xのブログで, Xの声明で).")

    _verb_index: dict[str, VerbCue] = PrivateAttr(default_factory=dict)
    _sorted_titles: list[str] = PrivateAttr(default_factory=list)

    def model_post_init(self, __context: object) -> None:
        self._verb_index = {v.lemma: v for v in self.verbs}
        self._sorted_titles = sorted(set(self.titles), key=len, reverse=True)

    @property
    def sorted_titles(self) -> list[str]:
        """Every title, longest first."""
        return self._sorted_titles

    def verb(self, lemma: str) -> VerbCue | None:
        """The verb cue with this lemma, or None."""
        return self._verb_index.get(lemma)


@lru_cache(maxsize=8)
def load_lexicon(path: str | None = None) -> CueLexicon:
    """Load and validate a cue lexicon; ``None`` loads the one shipped in the package."""
    if path is None:
        raw = package_text("newstag.quotes", "cues.json")
    else:
        p = Path(path)
        if not p.is_file():
            raise FileNotFoundError(f"cues must name an existing JSON file, got {path!r}")
        raw = p.read_text(encoding="utf-8")
    return CueLexicon.model_validate(json.loads(raw))
