"""Resolving noun phrases to entity ids: mention heads, 両首脳 / 両国 groups, 同島 / 同氏 anaphors.

A phrase resolves to the entity that heads it: in ロシアのプーチン大統領 the person, not the
country; in 〇〇社の英国法人 the company. Mentions may be sub-token (トランプ大統領 is one
GiNZA token), so the index maps tokens to the mentions that overlap them.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..doc_state import mention_spans, results
from ..ginza_adapter import ene_label, sudachi_tag
from ..models import Entity
from .lexicon import Cues, GroupWord
from .syntax import compound_run, is_nounish, members, particles

_RANK = {"PERSON": 3, "ORG": 2, "PLACE": 1}
_LOOKBACK = 400  # mentions an anaphor or a group word may look back over
_SAME = re.compile(r"^同(.+)$")
_OPEN_QUOTES = ("「", "『")
_CLOSE_QUOTES = ("」", "』")
_ASIDE_NAME = 12  # tokens a bracketed name may hold
_KATAKANA = re.compile(r"^[ァ-ヺー・]+$")
_VOICING = str.maketrans("", "", "\u3099\u309aー・")


def _plain_kana(text: str) -> str:
    """Katakana without voicing marks, long vowels and name dots (ファンプラーグ → ファンフラク)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_VOICING))

_FOREIGN = re.compile(r"^[ァ-ヺー・A-Za-zＡ-Ｚａ-ｚ0-9&＆.\-]{2,}$")
_SOURCE_TAILS = ("によると", "によれば", "によりますと", "の報道", "が報じ", "は報じ", "が伝え", "は伝え", "通信によると")
_PERSON_WORDS = {"氏", "人", "被告", "容疑者", "選手", "監督"}
# bare nouns meaning the home country's body, not the latest one named (政府は: the government)
# an organisation named in full with one of these heads may be called by its stem alone (現代グループ → 現代)
# the countries of a multilateral event named before (各国は…で合意した)
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
    by_entity: dict[str, list[MentionRef]] = field(default_factory=dict)
    _country: dict[str, bool] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)  # mention starts, sorted: bisect instead of scanning
    _places: dict[str, str] = field(default_factory=dict)  # surface text -> first PLACE entity with it
    _titles: dict[str, list[str]] = field(default_factory=dict)
    _short: dict[str, str] = field(default_factory=dict)  # stem of an organisation's name -> the organisation
    _variants: dict[str, str] = field(default_factory=dict)  # a katakana name less voicing marks and ー -> the entity

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
            idx.by_entity.setdefault(r.entity, []).append(r)
            name = idx.text[r.start:r.end]
            if len(name) >= 2 and r.label in ("PERSON", "ORG"):
                idx.surface.setdefault(name, r.entity)
            if r.label == "PLACE":
                idx._places.setdefault(name, r.entity)
            if r.label == "ORG":
                for head in cues.short_form_heads:
                    if name.endswith(head) and len(name) - len(head) >= 2:
                        idx._short.setdefault(name[: -len(head)], r.entity)
            if r.label in ("PERSON", "ORG") and _KATAKANA.match(name):
                # (a person's family name alone too: ヨハン・ファルケンベルグ → ファルケンベルク氏)
                for form in [name] + ([name.rsplit("・", 1)[1]] if r.label == "PERSON" and "・" in name else []):
                    key = _plain_kana(form)
                    if len(key) >= 4:
                        idx._variants.setdefault(key, r.entity)
        for stem in [k for k in idx._short if k in idx.surface]:
            del idx._short[stem]  # the stem is a name of its own
        return idx

    def before(self, char: int):
        """Mentions ending before ``char``, latest first, at most the last _LOOKBACK of them: an
        anaphor or a group word points back a few sentences, and a bound keeps long texts linear."""
        k = self._upto(char)
        for j in range(k - 1, max(-1, k - 1 - _LOOKBACK), -1):
            r = self.mentions[j]
            if r.end <= char:
                yield r

    # -- entity properties ----------------------------------------------------------------------
    def label(self, eid: str) -> str:
        e = self.entities.get(eid)
        if e is not None:
            return e.type
        refs = self.by_entity.get(eid)
        return refs[0].label if refs else ""

    def titles(self, eid: str) -> list[str]:
        out = self._titles.get(eid)
        if out is None:
            e = self.entities.get(eid)
            out = list(e.titles) if e else []
            out += [r.title for r in self.by_entity.get(eid, ()) if r.title]
            out = list(dict.fromkeys(out))  # once each: a person named a thousand times has a few titles
            self._titles[eid] = out
        return out

    def is_country(self, eid: str) -> bool:
        if eid not in self._country:
            self._country[eid] = self._compute_country(eid)
        return self._country[eid]

    def _compute_country(self, eid: str) -> bool:
        if self.label(eid) != "PLACE":
            return False
        c = self.cues
        for r in self.by_entity.get(eid, ()):
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
        if not covering and self._member_word(tok):
            # 連邦議会議員, 〇〇党の議員: a member (or members) of the body, not the body; a named person
            # with that title is the person
            people = [r for r in run if r.label == "PERSON"]
            return people[-1].entity if people else self._name_before(s)
        if covering:
            best = max(covering, key=lambda r: (_RANK.get(r.label, 0), r.start))
            if best.label != "PLACE":
                return best.entity
        people = [r for r in run if r.label in ("PERSON", "ORG")]
        if people and not covering and people[-1].label == "PERSON" and self.doc[s:e].text.endswith(tuple(self.cues.entourage_nouns)):
            return None  # タクシン元首相派, X陣営: the people around the person, not the person
        if people:
            return max(people, key=lambda r: (_RANK[r.label], r.start)).entity
        before = self._name_before(s)
        if before is not None:
            return before
        anaphor = self.same_ref(self.doc[s:e].text, tok) or self.bare_body(s, e, tok) or self.bare_title(s, e, tok)
        if anaphor:
            return anaphor
        # a name the recogniser tagged elsewhere in the article but missed here (the token, or the
        # token less a suffix of up to four characters)
        for t in reversed(self.doc[s:e]):
            w = t.text
            for k in range(len(w), max(1, len(w) - 4), -1):
                eid = self.surface.get(w[:k])
                if eid is not None:
                    return eid
        bracketed = self._bracketed_name(tok)
        if bracketed:
            return bracketed
        kana = self._kana_run(s, e)
        if kana:
            return kana
        if e - s == 1 and tok.text in self._short and not sudachi_tag(tok).startswith("名詞-固有名詞-地名"):
            return self._short[tok.text]  # KTは現代と交渉: the bare stem of an organisation named in full elsewhere
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

    def _bracketed_name(self, tok: Token) -> str | None:
        """「法と正義」は: the words in brackets ending at ``tok`` are a name tagged elsewhere in the article
        (the parser splits the name at its inner particle)."""
        doc = self.doc
        if tok.i + 1 >= len(doc) or doc[tok.i + 1].orth_ not in _CLOSE_QUOTES:
            return None
        for j in range(tok.i, max(-1, tok.i - _ASIDE_NAME), -1):
            if doc[j].orth_ in _OPEN_QUOTES:
                return self.surface.get(doc[j + 1:tok.i + 1].text) if j < tok.i + 1 else None
        return None

    def _kana_run(self, s: int, e: int) -> str | None:
        """ファンプラーク氏 for ファンプラーグ: the katakana words opening the phrase, spelt as a
        person's or organisation's name named elsewhere but for voicing marks or long vowels."""
        if not self._variants:
            return None
        j = s
        while j < e and _KATAKANA.match(self.doc[j].text):
            j += 1
        if j == s or any(i in self.by_token for i in range(s, j)):
            return None
        return self._variants.get(_plain_kana(self.doc[s:j].text))

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
            if n in self._places:
                return self._places[n]
        return None

    def same_ref(self, phrase: str, tok: Token) -> str | None:
        """同氏 / 同社 / 同国 / 同島 / 同大統領, or a bare 都 / 県: the latest fitting entity named before."""
        if phrase in self.cues.bare_place_words:
            # 都は…: the latest place named with that suffix (東京都)
            for r in self.before(tok.idx):
                if r.label == "PLACE" and self.text[r.start:r.end].endswith(phrase) and len(self.text[r.start:r.end]) > 1:
                    return r.entity
            return None
        m = _SAME.match(phrase)
        if not m:
            return None
        word = m.group(1)
        for r in self.before(tok.idx):
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

    def bare_body(self, s: int, e: int, tok: Token) -> str | None:
        """議会は / 協会側と: a bare common noun (less 側, "side") that heads the name of an organisation
        named before (〇〇府議会, 〇〇協会) stands for the latest such organisation. Words whose bare use
        means the home country's body (政府, 国会 …) are left alone."""
        words = [t for t in self.doc[s:e]]
        if words and words[-1].orth_ == "側" and len(words) > 1:
            words = words[:-1]
        while len(words) > 1 and sudachi_tag(words[0]).endswith("副詞可能"):
            words = words[1:]  # (今後議会側と: an adverbial noun the compound run swept in)
        if len(words) != 1:
            return None
        w = words[0]
        if len(w.orth_) < 2 or w.orth_ in self.cues.home_bodies or not sudachi_tag(w).startswith("名詞-普通名詞") or w.i in self.by_token:
            return None
        for r in self.before(tok.idx):
            name = self.text[r.start:r.end]
            if r.label == "ORG" and name.endswith(w.orth_) and len(name) > len(w.orth_):
                return r.entity
        return None

    def bare_title(self, s: int, e: int, tok: Token) -> str | None:
        """副大臣は / 首相と: a bare title (a common noun, no name in the phrase) stands for the latest
        person named before with that title (外務副大臣 for 副大臣)."""
        words = self.doc[s:e]
        title = words.text
        if len(title) < 2 or title in self.cues.home_bodies or any(i in self.by_token for i in range(s, e)) \
                or not all(sudachi_tag(t).startswith(("名詞-普通名詞", "接尾辞", "接頭辞")) for t in words):
            return None
        for r in self.before(tok.idx):
            if r.label == "PERSON" and any(t == title or t.endswith(title) for t in self.titles(r.entity)):
                return r.entity
        return None

    def group(self, tok: Token) -> GroupWord | None:
        s, e = compound_run(tok)
        text = self.doc[s:e].text
        for g in self.cues.groups:
            if re.search(g.pattern, text):
                return g
        return None

    def _names(self, eid: str) -> list[str]:
        e = self.entities.get(eid)
        return ([e.name] if e else []) + [self.text[r.start:r.end] for r in self.by_entity.get(eid, ())]

    def is_source(self, eid: str) -> bool:
        """Is the entity named mostly as the source of a report (ロイターによると, AP通信が報じた)?
        Such a medium is no member of 両社 / 両党."""
        refs = self.by_entity.get(eid, ())
        return bool(refs) and 2 * sum(self.text.startswith(_SOURCE_TAILS, r.end) for r in refs) >= len(refs)

    def fits(self, eid: str, g: GroupWord) -> bool:
        lab = self.label(eid)
        if lab not in g.types or (lab == "ORG" and self.is_source(eid)):
            return False
        if g.countries and not self.is_country(eid):
            return False
        if g.name_ends and not any(n.endswith(tuple(g.name_ends)) for n in self._names(eid)):
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
        for r in self.before(lim):
            if r.entity not in found and self.fits(r.entity, g):
                found.append(r.entity)
                if len(found) == 2:
                    return list(reversed(found))
        after: list[str] = list(reversed(found))
        sent_end = tok.sent.end
        para_end = _region_end(tok)
        for r in self.mentions[self._upto(self.doc[sent_end].idx if sent_end < len(self.doc) else len(self.text)):]:
            if r.tok_start >= para_end:
                break
            if r.tok_start >= sent_end and r.entity not in after and self.fits(r.entity, g):
                after.append(r.entity)
                if len(after) == 2:
                    return after
        return []

    def _member_word(self, tok: Token) -> bool:
        """議員, 国会議員ら, 職員たち: a noun for members of a body (cues.member_nouns)."""
        if tok.text in ("ら", "たち", "等") and tok.i > 0:
            tok = tok.doc[tok.i - 1]
        w = tok.text
        return w in self.cues.member_nouns or w.endswith(tuple(n for n in self.cues.member_nouns if len(n) >= 2))

    def resolve(self, tok: Token, previous: list[list[str]]) -> list[str]:
        """Entity ids a phrase stands for: its coordinated members, each by its head or group."""
        out: list[str] = []
        for m in self._siblings(tok) + members(tok):
            g = self.group(m)
            ids = self.resolve_group(m, g, previous) if g else []
            if not ids and self.doc[slice(*compound_run(m))].text in self.cues.each_words:
                ids = self._each_of(previous)
            if not ids:
                h = self.head_entity(m)
                ids = [h] + self.joined_with(m, h) if h else []
            if len(ids) <= 1 and self._member_word(m) and all(self.label(i) == "ORG" for i in ids):
                # 自民党、公明党の国会議員ら: unnamed members of the bodies named on the member noun
                # stand for those bodies
                gen = [c for c in m.children if c.dep_ == "nmod" and particles(c) == "の" and c.i < m.i]
                more = self.resolve(gen[-1], previous) if gen else []
                if (not ids or ids[0] in more) and more and all(self.label(i) == "ORG" for i in more):
                    ids = more
            for c in _including_clauses(m, self.cues.include_verbs):
                # A、Bを加えた「Cプラス3」, AやBを含む10カ国, Aをはじめとする議員: the members named as included
                for g in c.children:
                    if g.dep_ == "obj" and particles(g) == "を":
                        ids = [i for i in self.resolve(g, previous) if i not in ids] + ids
            if not ids and any(c.dep_ == "nummod" for c in m.children):
                # A、B、Cの三者 / 日米中の3カ国: a counted group stands for the members named before it
                gen = [c for c in m.children if c.dep_ == "nmod" and particles(c) in ("の", "") and c.i < m.i]
                ids = self.resolve(gen[-1], previous) if gen else []
                ids = ids if len(ids) >= 2 else []
            for i in ids:
                if i not in out:
                    out.append(i)
        return out


    def _each_of(self, previous: list[list[str]]) -> list[str]:
        """各国は / 参加各国は: the parties of the latest event among three or more countries or
        organisations (東アジアサミットに参加するのは、A、B、C。…各国は合意した)."""
        for parts in reversed(previous):
            if len(parts) >= 3 and all(self.label(p) == "ORG" or self.is_country(p) for p in parts):
                return list(parts)
        return []

    def _siblings(self, tok: Token) -> list[Token]:
        """Name phrases coordinated with ``tok`` that the parser hung on its head instead (A幹事長、
        B元代表が: A is a particle-less phrase with a comma right before B's phrase). Each must name
        a person or organisation of the same type as ``tok``; a date or any other phrase ends the list."""
        head = tok.head
        if head.i == tok.i or particles(tok) not in ("が", "は", "も", "とが", "では"):
            return []  # (岸田首相、バイデン大統領と会談へ: a comma-topic before a と-phrase is no member of it)
        mine = self.head_entity(tok)
        label = self.label(mine) if mine else ""
        if label not in ("PERSON", "ORG"):
            return []
        kids = {c.i: c for c in head.children if c.i < tok.i}
        out: list[Token] = []
        start = next(tok.subtree).i
        while start >= 2:
            comma = self.doc[start - 1]
            if comma.orth_ not in ("、", ",", "，"):
                break
            sib = next((c for c in kids.values() if c.i == start - 2 or (c.i < start - 1 and comma.head.i == c.i)), None)
            if sib is None or particles(sib) != "" or not is_nounish(sib) or sudachi_tag(sib).endswith("副詞可能") \
                    or any(t.pos_ in ("VERB", "ADP", "AUX") for t in self.doc[next(sib.subtree).i:start - 1]):
                break
            eid = self.head_entity(sib)
            if eid is None or self.label(eid) != label:
                break
            out.insert(0, sib)
            start = next(sib.subtree).i
        return out


def _including_clauses(tok: Token, verbs: list[str]) -> list[Token]:
    """Relative clauses naming members of the phrase as included: Aを加えた / 含む / 含めた B, and
    Aをはじめとする (何人かの) B (the parser may hang the clause on a counter before the noun)."""
    heads = [tok] + [c for c in tok.children if c.dep_ == "nmod" and c.i < tok.i]
    out = []
    for h in heads:
        for c in h.children:
            if c.dep_ != "acl" or c.i > tok.i:
                continue
            if c.lemma_ in verbs or (c.lemma_ == "する" and any(
                    g.lemma_ in ("はじめ", "始め") and particles(g) == "と" for g in c.children)):
                out.append(c)
    return out


def _region_end(tok: Token) -> int:
    doc = tok.doc
    if "newstag_paragraphs" in doc.spans:
        for sp in doc.spans["newstag_paragraphs"]:
            if sp.start <= tok.i < sp.end:
                return sp.end
    return len(doc)
