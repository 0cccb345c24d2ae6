"""Resolving noun phrases to entity ids: mention heads, 両首脳 / 両国 groups, 同島 / 同氏 anaphors.

A phrase resolves to the entity that heads it: in ロシアのプーチン大統領 the person, not the
country; in 〇〇社の英国法人 the company. Mentions may be sub-token (トランプ大統領 is one
GiNZA token), so the index maps tokens to the mentions that overlap them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..doc_state import mention_spans, results
from ..ginza_adapter import ene_label, sudachi_tag
from ..models import Entity
from .lexicon import Cues, GroupWord
from .syntax import compound_run, is_nounish, members, particles

_RANK = {"PERSON": 3, "ORG": 2, "PLACE": 1}
_SAME = re.compile(r"^同(.+)$")
_FOREIGN = re.compile(r"^[ァ-ヺー・A-Za-zＡ-Ｚａ-ｚ0-9&＆.\-]{2,}$")
_PERSON_WORDS = {"氏", "人", "被告", "容疑者", "選手", "監督"}
_ORG_WORDS = {"社", "グループ", "党", "機構", "省", "庁", "会社", "銀行", "団体", "組織", "機関", "政府", "政権", "委員会", "協会"}


@dataclass
class MentionRef:
    start: int  # char offsets of the name
    end: int
    entity: str
    label: str
    tok_start: int
    tok_end: int
    title: str | None = None


@dataclass
class EntityIndex:
    """Entity mentions of a doc, looked up by token."""

    doc: Doc
    cues: Cues
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[MentionRef] = field(default_factory=list)
    by_token: dict[int, list[int]] = field(default_factory=dict)
    text: str = ""
    surface: dict[str, str] = field(default_factory=dict)
    _surface_rank: dict[str, int] = field(default_factory=dict)  # surface form -> its order in the text
    _place_by_text: dict[str, str] = field(default_factory=dict)  # a PLACE mention's text -> its first entity
    _country: dict[str, bool] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)  # mention starts, sorted: bisect instead of scanning

    def _upto(self, char: int) -> int:
        """Number of mentions starting before ``char``."""
        return bisect_left(self._starts, char)

    @classmethod
    def build(cls, doc: Doc, cues: Cues) -> EntityIndex:
        idx = cls(doc, cues)
        idx.text = doc.text  # Doc.text is rebuilt on every access
        ents: list[Entity] = results(doc, "entities")
        idx.entities = {e.id: e for e in ents}
        refs: list[MentionRef] = []
        if ents:
            for e in ents:
                for m in e.mentions:
                    sp = doc.char_span(m.start, m.end, alignment_mode="expand")
                    if sp is None or len(sp) == 0:
                        continue
                    refs.append(MentionRef(m.start, m.end, e.id, e.type, sp.start, sp.end, m.title))
        else:  # only the span group is there
            for sp in mention_spans(doc):
                refs.append(MentionRef(sp.start_char, sp.end_char, sp.id_, sp.label_, sp.start, sp.end))
        refs.sort(key=lambda r: (r.start, r.end))
        idx.mentions = refs
        idx._starts = [r.start for r in refs]
        for k, r in enumerate(refs):
            for i in range(r.tok_start, r.tok_end):
                idx.by_token.setdefault(i, []).append(k)
            name = idx.text[r.start:r.end]
            if len(name) >= 2 and r.label in ("PERSON", "ORG"):
                idx.surface.setdefault(name, r.entity)
        idx._surface_rank = {name: k for k, name in enumerate(idx.surface)}
        for r in refs:
            if r.label == "PLACE":
                idx._place_by_text.setdefault(idx.text[r.start:r.end], r.entity)
        return idx

    # -- entity properties ----------------------------------------------------------------------
    def label(self, eid: str) -> str:
        e = self.entities.get(eid)
        if e is not None:
            return e.type
        for r in self.mentions:
            if r.entity == eid:
                return r.label
        return ""

    def titles(self, eid: str) -> list[str]:
        e = self.entities.get(eid)
        out = list(e.titles) if e else []
        out += [r.title for r in self.mentions if r.entity == eid and r.title]
        return out

    def is_country(self, eid: str) -> bool:
        if eid not in self._country:
            self._country[eid] = self._compute_country(eid)
        return self._country[eid]

    def _compute_country(self, eid: str) -> bool:
        if self.label(eid) != "PLACE":
            return False
        c = self.cues
        for r in self.mentions:
            if r.entity != eid:
                continue
            if self.text[r.start:r.end] in c.country_abbreviations:
                return True
            for t in self.doc[r.tok_start:r.tok_end]:
                if any(tag in sudachi_tag(t) for tag in c.country_tags) or ene_label(t) in c.country_ene:
                    return True
        return False

    def affiliation(self, eid: str) -> str | None:
        e = self.entities.get(eid)
        return e.affiliation if e else None

    # -- phrase resolution ----------------------------------------------------------------------
    def in_range(self, start: int, end: int) -> list[MentionRef]:
        """Mentions overlapping tokens [start, end), in text order."""
        ks = sorted({k for i in range(start, end) for k in self.by_token.get(i, ())})
        return [self.mentions[k] for k in ks]

    def head_entity(self, tok: Token, *, genitive: bool = True) -> str | None:
        """The entity that heads the noun phrase of ``tok`` (None when it names none)."""
        s, e = compound_run(tok)
        run = self.in_range(s, e)
        covering = [r for r in run if r.tok_start <= tok.i < r.tok_end]
        if covering:
            best = max(covering, key=lambda r: (_RANK.get(r.label, 0), r.start))
            if best.label != "PLACE":
                return best.entity
        people = [r for r in run if r.label in ("PERSON", "ORG")]
        if people:
            return max(people, key=lambda r: (_RANK[r.label], r.start)).entity
        before = self._name_before(s)
        if before is not None:
            return before
        anaphor = self.same_ref(self.doc[s:e].text, tok)
        if anaphor:
            return anaphor
        # a name the recogniser tagged elsewhere in the article but missed here
        for t in reversed(self.doc[s:e]):
            eid = self._surface_prefix(t.text)
            if eid is not None:
                return eid
        if not covering and sudachi_tag(tok).startswith("名詞-固有名詞"):
            return None  # an unknown proper name heads the phrase (米テスラ): not the place before it
        if genitive:
            for c in sorted(tok.children, key=lambda x: -x.i):
                if c.i < tok.i and c.dep_ == "nmod" and particles(c) == "の":
                    found = self.head_entity(c, genitive=False)
                    if found and self.label(found) == "PERSON" and self.doc[s:e].text.endswith(tuple(self.cues.entourage_nouns)):
                        return None  # トランプ大統領の側近: someone around the person, not the person
                    if found and self.label(found) in ("PERSON", "ORG"):
                        return found
        places = [r for r in run if r.label == "PLACE"]
        if places:
            after = self.text[places[-1].end:tok.idx + len(tok.text)]
            if _FOREIGN.match(after):
                return None  # 米テスラ: an unrecognised foreign name heads the phrase, not the place
            return places[-1].entity
        return None

    def _surface_prefix(self, word: str) -> str | None:
        """The entity of the first known surface form (in text order) that is ``word`` or begins it
        with at most 4 characters after it: a lookup of ``word``'s prefixes, not a scan of all names."""
        found = [word[:n] for n in range(max(1, len(word) - 4), len(word) + 1) if word[:n] in self.surface]
        return self.surface[min(found, key=self._surface_rank.__getitem__)] if found else None

    def _before(self, char: int) -> Iterator[MentionRef]:
        """Mentions ending by ``char``, latest first (lazily: callers stop at the first that fits)."""
        ms = self.mentions
        return (ms[k] for k in range(self._upto(char) - 1, -1, -1) if ms[k].end <= char)

    def _name_before(self, s: int) -> str | None:
        """A person's name just before a title run that the tagger did not read as a noun
        (チン|首相: Sudachi takes チン for an adverb): the mention ending where the run begins."""
        if s == 0:
            return None
        prev = self.doc[s - 1]
        if prev.pos_ in ("ADP", "AUX", "PUNCT", "SCONJ", "SPACE", "CCONJ") or is_nounish(prev):
            return None
        start = self.doc[s].idx
        for k in self.by_token.get(s - 1, ()):
            r = self.mentions[k]
            if r.label == "PERSON" and r.end == start and r.start >= prev.idx:
                return r.entity
        return None

    def _at(self, i: int, label: str) -> list[str]:
        """Entities of ``label`` named at token i (by mention, else by a known surface form)."""
        ids = [self.mentions[k].entity for k in self.by_token.get(i, ()) if self.mentions[k].label == label]
        if not ids:
            eid = self.surface.get(self.doc[i].text)
            if eid and self.label(eid) == label:
                ids = [eid]
        return ids

    def joined_with(self, tok: Token, head: str) -> list[str]:
        """Entities joined to the head inside one compound: CDU/CSU, 日中, 米露 (same type, nothing
        but a joiner between them)."""
        s, _ = compound_run(tok)
        label = self.label(head)
        k = next((i for i in range(tok.i, s - 1, -1) if head in self._at(i, label)), None)
        if k is None:
            return []
        out = [e for e in self._at(k, label) if e != head]
        j = k - 1
        while j >= s:
            if self.doc[j].text in ("・", "/", "／", "=", "＝", "･"):
                j -= 1
                continue
            here = self._at(j, label)
            if not here:
                break
            out.extend(e for e in here if e != head and e not in out)
            j -= 1
        return list(reversed(out))

    def named(self, names: list[str]) -> str | None:
        """The PLACE entity one of whose mentions is one of ``names`` (first name first)."""
        for n in names:
            if n in self._place_by_text:
                return self._place_by_text[n]
        return None

    def same_ref(self, phrase: str, tok: Token) -> str | None:
        """同氏 / 同社 / 同国 / 同島 / 同大統領, or a bare 都 / 県: the latest fitting entity named before."""
        if phrase in self.cues.bare_place_words:
            # 都は…: the latest place named with that suffix (東京都)
            for r in self._before(tok.idx):
                if r.label == "PLACE" and self.text[r.start:r.end].endswith(phrase) and len(self.text[r.start:r.end]) > 1:
                    return r.entity
            return None
        m = _SAME.match(phrase)
        if not m:
            return None
        word = m.group(1)
        for r in self._before(tok.idx):
            eid = r.entity
            lab = self.label(eid)
            name = self.entities[eid].name if eid in self.entities else self.text[r.start:r.end]
            if word in _PERSON_WORDS:
                ok = lab == "PERSON"
            elif word in _ORG_WORDS:
                ok = lab == "ORG"
            elif word == "国":
                ok = self.is_country(eid)
            elif lab == "PERSON":
                ok = any(word in t for t in self.titles(eid))
            else:
                ok = lab == "PLACE" and (name.endswith(word) or word in ("地", "所"))
            if ok:
                return eid
        return None

    def group(self, tok: Token) -> GroupWord | None:
        s, e = compound_run(tok)
        text = self.doc[s:e].text
        for g in self.cues.groups:
            if re.search(g.pattern, text):
                return g
        return None

    def fits(self, eid: str, g: GroupWord) -> bool:
        lab = self.label(eid)
        if lab not in g.types:
            return False
        if g.countries and not self.is_country(eid):
            return False
        if g.titles:
            return any(any(w in t for w in g.titles) for t in self.titles(eid))
        return True

    def resolve_group(self, tok: Token, g: GroupWord, previous: list[list[str]]) -> list[str]:
        """The two entities a 両X phrase stands for.

        Order of evidence: entities named inside the phrase (日米両首脳 → the leaders of those
        countries, else the countries); the latest earlier event whose two participants fit;
        the last two fitting entities named before; the next two named after in the paragraph.
        """
        s, e = compound_run(tok)
        inner = [r.entity for r in self.in_range(s, e)]
        inner = list(dict.fromkeys(inner))
        if len(inner) >= 2:
            if "PERSON" in g.types:
                people = [p for p in self.entities if self.label(p) == "PERSON" and self.affiliation(p) in inner and self.fits(p, g)]
                if len(people) == len(inner):
                    return people
            return inner
        for parts in reversed(previous):
            if len(parts) == 2 and all(self.fits(p, g) for p in parts):
                return list(parts)
        found: list[str] = []
        lim = self.doc[s].idx
        for r in self._before(lim):
            if r.entity not in found and self.fits(r.entity, g):
                found.append(r.entity)
                if len(found) == 2:
                    return list(reversed(found))
        after: list[str] = list(reversed(found))
        sent_end = tok.sent.end
        para_end = _region_end(tok)
        for r in self.mentions:
            if r.tok_start >= sent_end and r.tok_start < para_end and r.entity not in after and self.fits(r.entity, g):
                after.append(r.entity)
                if len(after) == 2:
                    return after
        return []

    def resolve(self, tok: Token, previous: list[list[str]]) -> list[str]:
        """Entity ids a phrase stands for: its coordinated members, each by its head or group."""
        out: list[str] = []
        for m in members(tok):
            g = self.group(m)
            ids = self.resolve_group(m, g, previous) if g else []
            if not ids:
                h = self.head_entity(m)
                ids = [h] + self.joined_with(m, h) if h else []
            for i in ids:
                if i not in out:
                    out.append(i)
        return out


def _region_end(tok: Token) -> int:
    doc = tok.doc
    if "newstag_paragraphs" in doc.spans:
        for sp in doc.spans["newstag_paragraphs"]:
            if sp.start <= tok.i < sp.end:
                return sp.end
    return len(doc)
