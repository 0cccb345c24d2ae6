"""One region (a title or a paragraph) of a Doc while the rules run over it: the candidates found
so far, the titles found first, and the predicates over its tokens that several families share."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...ginza_adapter import ene_label, sudachi_tag
from ..gazetteer import Referent, norm
from ..ipadic_lexicon import lookup as ipadic_lookup
from .candidate import Candidate
from .lexicons import Lexicons
from .tokens import (
    DOTS,
    KANJI,
    LATIN_NAME,
    is_common_word,
    is_katakana,
    is_namey,
    is_noun,
    is_number,
    is_person_pos,
    is_place_pos,
    is_propn,
)


class Region:
    """The state of the rules over one region (title or paragraph) of a doc, and the token
    predicates that need it (the lexicons, the region's bounds, the titles found)."""

    def __init__(self, lex: Lexicons, doc: Doc, region: Span, *, ents: list[Span] | None = None,
                 text: str | None = None) -> None:
        """``ents`` (GiNZA's entities inside the region) and ``text`` (``doc.text``) may be passed in
        by the caller: spaCy rebuilds ``Doc.ents`` and ``Doc.text`` on every access, which made
        one region's work proportional to the whole doc."""
        self.lex = lex
        self.doc = doc
        self.a = region.start
        self.b = region.end
        self.ents = ents if ents is not None else [e for e in doc.ents if self.a <= e.start and e.end <= self.b]
        self.doc_text = text if text is not None else doc.text
        self.cands: list[Candidate] = []
        self.title_at: dict[int, tuple[int, str, bool]] = {}  # token index → (end token, title text, honorific?)
        self.normed = [norm(t.text) for t in region]
        self.title_tokens: set[int] = set()
        self.sub_titles: dict[int, tuple[int, str]] = {}  # token index → (name length, title) for トランプ大統領
        self.facilities: list[tuple[int, int]] = []  # char spans of facility names (〇〇県立〇〇高校)
        self.ginza_unsure: list[tuple[int, int]] = []  # GiNZA Person spans with no Sudachi 人名 token
        # indexes for the class-noun rules (built when they run)
        self.by_start: dict[int, list[Candidate]] = {}
        self.by_span: dict[tuple[int, int], list[Candidate]] = {}
        self.org_tokens: set[int] = set()
        self.ents_by_start: dict[int, list[Span]] = {}
        self.drops: list[tuple[int, int]] = []  # token spans of facilities, works and events
        self.drop_ids: set[int] = set()  # candidates (by id) that name a facility, work or event

    def tok(self, i: int) -> Token | None:
        """Token i, or None outside the region."""
        return self.doc[i] if self.a <= i < self.b else None

    def text(self, i: int, j: int) -> str:
        """The text of tokens i to j (empty when j <= i)."""
        return self.doc[i:j].text if j > i else ""

    def add(self, i: int, j: int, typ: str, rule: str, **kw) -> Candidate:
        """Add a candidate over tokens i to j, found by ``rule`` (a registered rule id)."""
        c = Candidate(self.doc[i].idx, self.doc[j - 1].idx + len(self.doc[j - 1].text), typ, rule, i, j, **kw)
        self.cands.append(c)
        return c

    def add_chars(self, start: int, end: int, i: int, j: int, typ: str, rule: str, **kw) -> Candidate:
        """Add a candidate over characters start to end (inside tokens i to j)."""
        c = Candidate(start, end, typ, rule, i, j, **kw)
        self.cands.append(c)
        return c

    def is_head(self, t: Token) -> bool:
        """Is the token a title head (大統領), or a common noun ending in one (〇〇大臣)?"""
        lex = self.lex
        if t.text in lex.titles.heads:
            return True
        return len(t.text) <= 8 and lex.ends_with_head(t.text) and is_noun(t) and not is_propn(t)

    def gazetteer_at(self, i: int, limit: int = 8) -> tuple[int, Referent] | None:
        """Longest gazetteer name starting at token i: (end token, referent)."""
        best = None
        s = ""
        for j in range(i, min(self.b, i + limit)):
            s += self.normed[j - self.a]
            if len(s) > self.lex.index.max_len:
                break
            ref = self.lex.index.names.get(s)
            if ref is not None and not (j == i and self.homonym_word(i)):
                best = (j + 1, ref)
        return best

    def homonym_word(self, i: int) -> bool:
        """Is token i, a name of the gazetteer as one word, used here as an adverb or a verb
        (大分 + たつ: "a good deal"; 開封 + する: "unseal")? Sudachi tags it 副詞, or it is a verbal
        noun (サ変可能) followed by する."""
        t = self.doc[i]
        tag = sudachi_tag(t)
        if tag.startswith("副詞"):
            return True
        nxt = self.tok(i + 1)
        return "サ変可能" in tag and not is_propn(t) and nxt is not None and nxt.lemma_ == "する"

    def is_place_token(self, t: Token) -> bool:
        """A gazetteer place or a Sudachi 地名 token."""
        ref = self.lex.index.get(t.text)
        return (ref is not None and ref.type == "PLACE") or is_place_pos(t)

    def short_form(self, t: Token) -> Referent | None:
        """The country the token is the one-letter form of (米 → US), if it is one."""
        return self.lex.index.short.get(t.text)

    def is_country(self, t: Token) -> bool:
        """Is the token a whole country name of the gazetteer?"""
        ref = self.lex.index.get(t.text)
        return ref is not None and ref.type == "PLACE" and len(ref.key) == 2

    def before_facility(self, j: int) -> bool:
        """Is token j a facility word (〇〇廟, 〇〇通り)?"""
        t = self.tok(j)
        return t is not None and self.lex.starts_with_facility(t.text)

    def org_head_end(self, t: Token) -> bool:
        """Does the token end an organisation's name: a head of ``org_suffixes.json`` (党, 省, 銀行),
        a department, a state body after a place; not a facility word (神社) or a part of a place (北部)?"""
        lex = self.lex
        if t.text in lex.orgs.part_words:
            return False  # 中心部, 北部: a part of a place
        if t.text.endswith(lex.ctx.facility_heads) and t.text not in lex.orgs.heads:
            return False  # 神社 ends in 社, 造船所 in 所: facility words, not organisation heads
        if t.text in lex.orgs.heads or t.text in lex.orgs.katakana_heads:
            return True
        if t.text in lex.ctx.org_descriptors:
            return False  # 子会社 describes a company (〇〇子会社 is not its name)
        if len(t.text) >= 3 and t.text[-1] in ("局", "党", "軍", "庁") and KANJI.match(t.text):
            return True  # 鉄路局, 国民党 as one token (even when Sudachi calls it a place)
        if len(t.text) >= 3 and KANJI.match(t.text) and t.text.endswith(lex.orgs.department_heads) and not t.text.endswith(lex.orgs.not_departments) \
                and not is_place_pos(t) and not is_person_pos(t):  # (美濃部, 小田部: surnames)
            return True  # 経済学部, 政治部 (after an organisation: its department)
        if len(t.text) >= 3 and t.text[-1] == "省" and KANJI.match(t.text) and not is_place_pos(t):
            return True  # 外務省 (but 四川省 is a province)
        if t.text in lex.orgs.state_bodies and t.i > self.a and (self.lex.index.get(self.doc[t.i - 1].text) or is_place_pos(self.doc[t.i - 1])):
            return True
        return lex.ends_with_org_head(t.text) or (is_propn(t) and not is_place_pos(t) and not is_person_pos(t) and t.text[-1:] in lex.orgs.heads)

    def compound_tok(self, i: int) -> bool:
        """Can token i be part of a noun compound (a noun, katakana, a Latin name, ・ between names)?"""
        t = self.doc[i]
        if t.text in DOTS:
            return i > self.a and i + 1 < self.b and is_namey(self.doc[i - 1]) and is_namey(self.doc[i + 1])
        return (is_noun(t) or bool(LATIN_NAME.match(t.text)) or is_katakana(t)) and not is_number(t) and t.text not in {"、", "。"}

    def compound_filler(self, k: int) -> bool:
        """A number, a prefix (第) or an adjectival noun (高等) inside a name's compound."""
        t = self.doc[k]
        return is_number(t) or t.tag_.startswith(("接頭辞", "形状詞"))

    def compound_names_thing(self, j: int, loose: bool = False, events: bool = False) -> bool:
        """Does the noun compound going on at token j end in a facility or event word (+ グリーン
        スタジアム, + 三味線全国大会)? A title, an organisation head or a place suffix in it stops it.
        ``loose``: numbers, prefixes and adjectival nouns go on with it (+ 第一原子力発電所, + 女子高等師範学校).
        ``events``: only an event's word counts (+ 総選挙, + 選手権大会), not a facility's."""
        doc = self.doc
        k = j
        while k < self.b and k - j < 6 and (self.compound_tok(k) or loose and self.compound_filler(k)) and doc[k].text not in DOTS \
                and k not in self.title_tokens and (loose or not doc[k].text.isdigit()):
            t = doc[k].text
            if t in self.lex.ctx.place_suffixes or t in self.lex.orgs.state_bodies or t in self.lex.ctx.team_heads:
                return False
            k += 1
        ends = self.lex.event_ends if events else self.lex.compound_name_ends
        return k > j and self.text(j, k).endswith(ends) and not self.org_head_end(doc[k - 1])  # (紅白 + 歌 + 合戦)

    def name_word(self, t: Token) -> bool:
        """Can the common word open an organisation's name (化学, 共和, 本格), rather than describe or
        date it (当時, 同年, 大手, 3月)?"""
        tag = sudachi_tag(t)
        return (KANJI.match(t.text) is not None and tag.startswith("名詞-普通名詞") and "副詞可能" not in tag and "助数詞" not in tag
                and t.text not in self.lex.ctx.org_descriptors and t.text not in self.lex.titles.not_names and t.i not in self.title_tokens
                and t.text not in self.lex.ctx.org_trailers and t.text not in self.lex.ctx.org_prefixes and t.text != "法人"
                and not self.org_head_end(t) and not self.is_head(t) and not (t.i > self.a and is_number(self.doc[t.i - 1])))

    def known_org(self, t: Token) -> bool:
        """Is the token a whole organisation name the gazetteer or IPADIC knows (法務省, 国際連合)? It
        may then lead a longer name (法務省 + 入国管理局)."""
        ref = self.lex.index.get(t.text)
        return ref.type == "ORG" if ref is not None else ipadic_lookup(t.text) == "ORG"

    def leader(self, t: Token) -> bool:
        """Can the token lead an organisation's name (a name word, GiNZA's entity, a gazetteer name)?"""
        return (is_namey(t) or ene_label(t) in self.lex.ene.types or self.gazetteer_at(t.i, 1) is not None) and not is_number(t)

    def words_at(self, k: int, words: set[str] | frozenset[str], max_len: int) -> str | None:
        """The word(s) of ``words`` written over one to three tokens starting at token k, if any."""
        s = ""
        for m in range(k, min(self.b, k + 3)):
            s += self.doc[m].text
            if len(s) > max_len:
                break
            if s in words:
                return s
        return None

    def place_context_at(self, k: int) -> str | None:
        """The place-only context word(s) starting at token k (近郊, に + 到着), if any."""
        return self.words_at(k, self.lex.ctx.place_contexts, self.lex.place_context_len)

    def person_context_at(self, k: int) -> str | None:
        """The person-only context word(s) starting at token k (と + 結婚, の + 妻), if any."""
        return self.words_at(k, self.lex.ctx.person_contexts, self.lex.person_context_len)

    def org_context_at(self, k: int) -> str | None:
        """The organisation context word(s) starting at token k (に + 所属, 戦 + で), if any."""
        s = ""
        for m in range(k, min(self.b, k + 4)):
            s += self.doc[m].text
            if len(s) > self.lex.org_context_len:
                break
            if s in self.lex.ctx.org_contexts:
                return s
        return None

    def cands_by_end(self) -> dict[int, list[Candidate]]:
        """The candidates so far, by the token they end before."""
        ends: dict[int, list[Candidate]] = {}
        for c in self.cands:
            ends.setdefault(c.tok_end, []).append(c)
        return ends

    def ents_by_end(self) -> dict[int, Span]:
        """GiNZA's entities in the region, by the token they end before."""
        return {e.end: e for e in self.ents}

    def index_cands(self) -> None:
        """Candidates by start token and by span, and the tokens inside organisations, for the
        class-noun rules (kept linear on long regions)."""
        self.by_start = {}
        self.by_span = {}
        self.org_tokens = set()
        for c in self.cands:
            self.by_start.setdefault(c.tok_start, []).append(c)
            self.by_span.setdefault((c.tok_start, c.tok_end), []).append(c)
            if c.type == "ORG":
                self.org_tokens.update(range(c.tok_start, c.tok_end))

    def name_start_before(self, k: int, ent_end: dict[int, Span]) -> int:
        """Start of the name run ending right before token k: katakana / Latin / proper-noun tokens
        (・ between them), or GiNZA's non-person entity ending there if it starts earlier; k if none."""
        doc = self.doc
        lex = self.lex
        i = k
        while i - 1 >= self.a and k - (i - 1) <= 6 and (
                doc[i - 1].text in DOTS and i - 1 > self.a and is_namey(doc[i - 2])
                or (is_namey(doc[i - 1]) and not is_number(doc[i - 1]) and doc[i - 1].text not in lex.titles.not_names
                    and (i - 1) not in self.title_tokens)):
            i -= 1
        e = ent_end.get(k)
        if e is not None and e.start < i and lex.ene.types.get(e.label_) != "PERSON" and e.label_ not in lex.ene.title_labels \
                and all(is_noun(t) or is_namey(t) or t.text in DOTS or t.is_space for t in e):
            i = e.start
        while i < k and doc[i].text in DOTS:
            i += 1
        return i

    def name_boundary(self, j: int) -> bool:
        """Does a name end before token j (a particle, punctuation, the end), rather than go on into
        more of a longer name (劇団 + 関西 + 芸術座, MAD + - + WORDS)?"""
        t = self.tok(j)
        if t is None:
            return True
        if t.text in DOTS or t.text in ("-", "‐", "&", "＆", "☆", "★", "!", "！", "'", ".", "/"):
            return False
        return not (is_noun(t) and "副詞可能" not in sudachi_tag(t) or is_namey(t) or is_number(t))

    def name_boundary_before(self, i: int) -> bool:
        """Does a name start at token i, rather than continue a longer one before it?"""
        t = self.tok(i - 1)
        return t is None or not (is_namey(t) or t.text in DOTS or t.text in ("-", "&", "＆", "'", "."))

    def name_like(self, t: Token) -> bool:
        """A token only a name is made of: a proper noun that is not a place, a katakana word that is
        not in the dictionary, a Latin word."""
        return (is_propn(t) and not is_place_pos(t) or is_katakana(t) and not is_common_word(t.text)
                or LATIN_NAME.match(t.text) is not None and len(t.text) > 1)

    def bare_class(self, text: str) -> bool:
        """Is the compound a class noun, not a name ending in an organisation head: アイドルグループ,
        芸能事務所, サッカークラブ (a head only as a whole word), but not ウエストパック銀行 or
        リバティ大学, whose katakana part may be a name."""
        hit = self.lex.classes.match(text)
        return hit is not None and (hit[1] == text or hit[1] not in self.lex.orgs.heads)

    def org_name_ok(self, i: int, j: int) -> bool:
        """Could doc[i:j] be an organisation's name: a name token, no number word (6名, 2着),
        not a two-letter code (PK)?"""
        toks = self.doc[i:j]
        if any(is_number(t) or t.text[:1].isdigit() for t in toks) or not any(is_namey(t) for t in toks):
            return False
        return not (len(toks) == 1 and toks[0].text.isascii() and len(toks[0].text) <= 2)
