"""Filters run after all rules: names of things, events and kinds of groups lose their mentions; organisation spans trimmed."""

from __future__ import annotations

from spacy.tokens import Token

from ...ginza_adapter import sudachi_tag
from ..ipadic_lexicon import lookup as ipadic_lookup
from .candidate import Candidate
from .region import Region
from .registry import priority_of
from .tokens import (
    DOTS,
    EDITION_TAIL,
    EDITION_YEAR,
    KANJI,
    KATAKANA_CHAR,
    NUMBER_AFTER,
    is_common_word,
    is_katakana,
    is_namey,
    is_noun,
    is_number,
    is_person_pos,
)


def trim_org_breakers(r: Region) -> None:
    """王者 + ヴェルダー・ブレーメン, 初代 + 外務部(長官), 〇〇機器メーカ + 〇〇社: an organisation
    found inside a compound starts after the last word no name goes through (``org_breakers``)."""
    doc = r.doc
    for c in r.cands:
        if c.type != "ORG" or c.rule.startswith("gazetteer"):
            continue
        cut = max((m for m in range(c.tok_start, c.tok_end - 1) if doc[m].text in r.lex.ctx.org_breakers), default=None)
        if cut is not None:
            c.tok_start = cut + 1
            c.start = doc[cut + 1].idx


#: suffixes that say where inside or on which side of a body (〇〇内, 〇〇側): never part of its name
_SIDE_SUFFIXES = ("内", "側")


def trim_side_suffixes(r: Region) -> None:
    """〇〇内の反主流派, 〇〇側の説明: a name GiNZA or Sudachi read with the suffix 内 or 側 after it
    ends before the suffix."""
    doc = r.doc
    for c in r.cands:
        last = doc[c.tok_end - 1]
        if c.tok_end - c.tok_start >= 2 and c.rule.startswith(("ginza:", "sudachi:")) and last.text in _SIDE_SUFFIXES \
                and sudachi_tag(last).startswith("接尾辞"):
            c.tok_end -= 1
            c.end = doc[c.tok_end - 1].idx + len(doc[c.tok_end - 1].text)


def drop_thing_names(r: Region) -> None:
    """〇〇チャンピオンズリーグ, 全〇オープン, 〇〇競馬場: a name found by any rule but the gazetteer
    that ends in an event's or a facility's word (``thing_ends``) names that thing; it is no
    ORG (nor a person or a place), and the names inside it are no mentions either."""
    ends = r.lex.orgs.thing_ends
    things = [c for c in r.cands if not c.rule.startswith("gazetteer") and (
              r.doc_text[c.start:c.end].rstrip(EDITION_TAIL).endswith(ends)  # (ボウル2009: the edition's year)
              or c.type == "PERSON" and r.doc_text[c.start:c.end].endswith(r.lex.orgs.person_thing_ends)  # 〇〇宇宙センター
              or c.rule.startswith(("sudachi:", "ginza:")) and opens_event_after_no(r, c.tok_end))]
    if things:
        dropped = {id(c) for c in things}
        r.cands = [c for c in r.cands if id(c) not in dropped]
        r.facilities.extend((c.start, c.end) for c in things)


def opens_event_after_no(r: Region, j: int) -> bool:
    """Does の + a battle's or a revolt's word follow at token j (〇〇の乱を, 〇〇の戦いで, 〇〇の乱後)?
    A name Sudachi or GiNZA alone found before it opens the event's name (ファルサロスの戦い); a
    known team's or a titled person's fight (〇〇氏の戦い) stays theirs."""
    doc = r.doc
    if j + 1 >= r.b or doc[j].text != "の" or doc[j + 1].text not in r.lex.ctx.event_after_no:
        return False
    after = r.tok(j + 2)
    return after is None or not is_noun(after) or after.text in r.lex.ctx.time_after_event


def drop_kind_compounds(r: Region) -> None:
    """諮問委員会, 吹奏楽クラブ, デモ隊, リベラル派: one common word before a head that also makes
    kinds of groups (``kind_heads``) says what the group does, not which one it is; a name or a
    known organisation before the head (衆議院 + 労働委員会, 福田 + 派) still makes the ORG."""
    doc = r.doc

    def generic(t: Token) -> bool:
        if is_katakana(t):
            return is_common_word(t.text)
        return (sudachi_tag(t).startswith("名詞-普通名詞") and KANJI.match(t.text) is not None and t.text not in r.lex.ctx.org_name_prefixes
                and r.lex.index.get(t.text) is None and ipadic_lookup(t.text) is None)  # (中央 + 委員会 may be a name)

    # (the head as a word of its own: not 部隊, 選挙管理委員会)
    r.cands = [c for c in r.cands if not (
        c.type == "ORG" and c.key is None and (c.rule == "org:suffix" or c.rule.startswith("ginza:")) and c.tok_end - c.tok_start == 2
        and doc[c.tok_end - 1].text in r.lex.orgs.kind_heads and generic(doc[c.tok_start])
        and r.lex.index.get(r.text(c.tok_start, c.tok_end)) is None)]


#: rules that build an organisation from the words of a compound (no dictionary knows the name)
_COMPOUND_RULES = ("org:suffix", "org:department", "org:office-head", "org:word-compound", "ginza:")


def drop_generic_bodies(r: Region) -> None:
    """実行委員会, 常任幹事会, 停戦監視部隊, 両院議員総会, 官公庁: an organisation built of common
    words only (no proper noun, no name, no known organisation or place) names a kind of body,
    not one body, where the text says so (各〇〇, 〇〇 + 員) or where it is one dictionary word
    GiNZA alone read as an organisation (総会, 評議会; a state's body such as 海軍 stays); it is
    no mention."""
    doc = r.doc
    lex = r.lex

    def common(t: Token) -> bool:
        tag = sudachi_tag(t)
        return (tag.startswith(("名詞-普通名詞", "接尾辞", "接頭辞")) and not is_katakana(t) and not t.text.isascii()
                and lex.index.get(t.text) is None)

    def state_body(word: str) -> bool:
        """海軍, 教育省, 内閣: a state's body, which the text's country makes one body."""
        return word.endswith((*lex.orgs.government_ends, "軍", "党")) or word in lex.orgs.state_bodies

    def unnamed(c: Candidate) -> bool:
        """Does the text say the body is one of a kind (各〇〇, その〇〇, 〇〇 + 員)?"""
        prev, nxt = r.tok(c.tok_start - 1), r.tok(c.tok_end)
        first = doc[c.tok_start].text
        return (first in lex.ctx.kind_determiners and c.tok_end - c.tok_start > 1
                or len(first) == 2 and first[0] in lex.ctx.kind_determiners  # 同県 + 庁, 両院 + 議員総会
                or prev is not None and (prev.text in lex.ctx.kind_determiners
                                      or prev.text == "の" and c.tok_start - 2 >= r.a and doc[c.tok_start - 2].text in lex.ctx.kind_determiners)
                or nxt is not None and nxt.text in lex.ctx.member_words)

    def activity_department(c: Candidate) -> bool:
        """指導 + 部, 営業 + 部, 生活保護 + 担当課: a department named by what it does (a verbal
        noun before the head, or a head that says 担当) is a kind of office of an unnamed body."""
        last = doc[c.tok_end - 1]
        if not last.text.endswith(lex.orgs.department_heads) or last.text.endswith(lex.orgs.not_departments):
            return False
        if last.text.startswith(lex.ctx.duty_words):
            return True
        before = r.tok(c.tok_end - 2)
        return c.tok_end - c.tok_start >= 2 and before is not None and sudachi_tag(before).endswith("サ変可能") \
            and len(last.text) == 1

    r.cands = [c for c in r.cands if not (
        c.type == "ORG" and c.key is None and c.rule.startswith(_COMPOUND_RULES)
        and all(common(doc[i]) for i in range(c.tok_start, c.tok_end))
        and (unnamed(c) or c.rule.startswith("ginza:") and c.tok_end - c.tok_start == 1 and not state_body(doc[c.tok_start].text)
             or c.rule == "org:suffix" and activity_department(c))
        and lex.index.get(r.doc_text[c.start:c.end]) is None and ipadic_lookup(r.doc_text[c.start:c.end]) is None)]


def drop_numbered_things(r: Region) -> None:
    """EMU + 100型, CRJ + 200, 〇〇2011: an organisation's name that goes on into a number (not a
    date, an amount, a count or a flight) is part of a model's or another numbered thing's name;
    one that ends in a year names an edition of an event."""
    text = r.doc_text
    r.cands = [c for c in r.cands if not (
        c.type == "ORG" and not c.rule.startswith("gazetteer")
        and (NUMBER_AFTER.match(text, c.end) is not None or EDITION_YEAR.search(text, c.start, c.end) is not None))]


def drop_quoted_names(r: Region) -> None:
    """A bare name alone in brackets (「〇〇」) names a work or a thing more often than a person,
    unless the text goes on to call it a name (「〇〇」という筆名, 「〇〇」と呼ばれる)."""
    text = r.doc_text
    lex = r.lex

    def quoted(c: Candidate) -> bool:
        return (c.type == "PERSON" and c.priority < priority_of("person:class-noun") and c.start > 0
                and text[c.start - 1] in "「『" and text[c.end:c.end + 1] in ("」", "』")
                and not text[c.end + 1:].startswith(lex.ctx.name_callers))

    r.cands = [c for c in r.cands if not quoted(c) and not opens_quoted_title(r, c)]


def opens_quoted_title(r: Region, c: Candidate) -> bool:
    """「〇〇の旗幟」, 「〇〇遠征記」, 「〇〇と平等運動」: a name opening a short bracketed phrase of
    nouns (and の, と) is part of the title of a work or of a group's name, no person."""
    doc = r.doc
    if c.type != "PERSON" or c.priority >= priority_of("person:class-noun") or c.tok_start <= r.a \
            or doc[c.tok_start - 1].text not in ("「", "『"):
        return False
    k = c.tok_end
    if k >= r.b or k in r.title_tokens or doc[k].text in r.lex.titles.honorifics or doc[k].text in ("」", "』"):
        return False
    while k < r.b and k - c.tok_end < 8 and doc[k].text not in ("」", "』"):
        t = doc[k]
        if not (t.text in ("の", "と") or is_noun(t) or is_namey(t) or is_number(t)) or t.is_punct or is_person_pos(t) or t.text in DOTS:
            return False
        k += 1
    return k < r.b and doc[k].text in ("」", "』")


def drop_event_namesakes(r: Region) -> None:
    """〇〇の乱, 〇〇の戦い: a name before の + an event word names the event (a revolt after its
    leader, a battle after its place), no person."""
    doc = r.doc
    lex = r.lex

    def event(c: Candidate) -> bool:
        m = c.tok_end
        while m < r.b and m - c.tok_end < 2 and (is_noun(doc[m]) or is_namey(doc[m])) and not doc[m].is_punct:
            m += 1  # (戴潮 + 春の乱: GiNZA's piece of the name)
        nxt, after, rest = r.tok(m), r.tok(m + 1), r.tok(m + 2)
        return (c.type == "PERSON" and c.priority < priority_of("person:class-noun") and nxt is not None and nxt.text == "の"
                and after is not None and after.text in lex.ctx.event_after_no and (rest is None or not is_noun(rest)))

    r.cands = [c for c in r.cands if not event(c) and not names_a_thing(r, c) and not ends_katakana_word(r, c)]


def ends_katakana_word(r: Region, c: Candidate) -> bool:
    """キャノン + デール, メトロ + ビアス: a katakana name Sudachi or GiNZA reads as a person, written
    right after more katakana with no dot or space, is the tail of a longer katakana word (a
    company's, a place's or a thing's name) that Sudachi split; it is no person's mention."""
    text = r.doc_text
    return (c.type == "PERSON" and c.rule.startswith(("sudachi:", "ginza:")) and c.start > 0
            and KATAKANA_CHAR.match(text[c.start]) is not None and KATAKANA_CHAR.match(text[c.start - 1]) is not None)


def names_a_thing(r: Region, c: Candidate) -> bool:
    """〇〇 + 国際スタジアム, 〇〇 + 病院, 〇〇 + 協定: a name Sudachi or GiNZA reads as a person right
    before a word that opens or ends the name of a facility, an event or a thing is part of that name."""
    t = r.tok(c.tok_end)
    lex = r.lex
    if c.type != "PERSON" or not c.rule.startswith(("sudachi:", "ginza:", "person:known-name")) or t is None \
            or c.tok_end in r.title_tokens or not KANJI.match(t.text) or t.text in lex.titles.person_trailers or t.text in lex.ctx.family_words:
        return False
    if t.text in lex.ctx.person_keepers or t.text.endswith(lex.ctx.person_keeper_ends):
        return False  # 〇〇人 (a people), 〇〇代表 (a title), 〇〇時代 (the person's time), 〇〇・〇〇会談 (its participants)
    return t.text in lex.ctx.name_heads or t.text.endswith(lex.compound_name_ends)


def drop_orgs_opening_things(r: Region) -> None:
    """〇〇ワールドカップ, 〇〇紅白歌合戦, 〇〇会議: an organisation known by name (gazetteer, IPADIC,
    GiNZA, Sudachi) opening a compound that names an event or a facility is part of that name, not a
    mention; one the rules built (〇〇議会 + 選挙, 〇〇大学 + バスケットボール選手権大会) is part of an
    event's name too, but before a facility (〇〇製紙 + 〇〇工場) it is not; 阪神・淡路大震災: a name
    joined by ・ to a place opening an event's name is part of it too."""
    r.cands = [c for c in r.cands if not (c.type == "ORG" and (r.doc_text[c.end:c.end + 1] not in ("", "・") and (
        c.rule.startswith(("gazetteer", "ipadic", "ginza", "sudachi")) and r.compound_names_thing(c.tok_end)
        or c.rule.startswith("org:") and r.compound_names_thing(c.tok_end, events=True))
        or r.doc_text[c.end:c.end + 1] == "・" and r.compound_names_thing(c.tok_end + 1, events=True)))]


def drop_inside_facilities_and_events(r: Region) -> None:
    """成田空港, 日露戦争: a place or a person inside the name of a facility (GiNZA's facility
    entities and the facilities the rules found) or of an event (GiNZA's event entity ending in an
    event head) is not a mention."""
    lex = r.lex
    events = [(e.start_char, e.end_char) for e in r.ents
              if e.label_ in lex.ene.event_labels and e.text.endswith(lex.ctx.event_heads)]
    r.facilities.extend((e.start_char, e.end_char) for e in r.ents if e.label_ in lex.ene.facility_labels)

    def inside(c: Candidate, spans: list[tuple[int, int]]) -> bool:
        return any(a <= c.start and c.end <= b and (c.start, c.end) != (a, b) for a, b in spans)

    if r.facilities:
        r.cands = [c for c in r.cands if c.priority >= priority_of("person:known-name") and not c.rule.startswith("gazetteer")
                   or c.type == "PLACE" and c.key is not None and len(c.key) == 2
                   or not inside(c, r.facilities)]
    if events:
        r.cands = [c for c in r.cands if c.rule.startswith(("person:title", "person:honorific", "org:")) or not inside(c, events)]


def extend_regnal_numbers(r: Region) -> None:
    """〇〇・〇〇 + 14 + 世: a person's regnal or generation number written right after the name
    (a number and 世, the phrase ending there) belongs to the name."""
    doc = r.doc
    for c in r.cands:
        if c.type != "PERSON" or c.tok_end + 1 >= r.b or c.end != doc[c.tok_end - 1].idx + len(doc[c.tok_end - 1].text):
            continue
        num, sei = doc[c.tok_end], doc[c.tok_end + 1]
        after = r.tok(c.tok_end + 2)
        if is_number(num) and sei.text == "世" and num.idx == c.end and not num.whitespace_ \
                and (after is None or not (is_noun(after) or is_namey(after)) or after.is_punct):
            c.tok_end += 2
            c.end = sei.idx + 1


def drop_descriptors_before_names(r: Region) -> None:
    """〇〇のテレビ局 + 〇〇(name), 社会人サッカークラブチーム + 〇〇, プロ野球球団 + 「〇〇」: an
    organisation the rules built of common words only, written right before another organisation's
    name (or its opening bracket), says what kind of body that one is; it is no mention."""
    doc = r.doc
    starts = {c.start for c in r.cands if c.type == "ORG"}

    def common(i: int) -> bool:
        t = doc[i]
        if not sudachi_tag(t).startswith("名詞-普通名詞"):
            return False
        return is_common_word(t.text) if (is_katakana(t) or t.text.isascii()) else KANJI.match(t.text) is not None \
            and r.lex.index.get(t.text) is None

    text = r.doc_text
    r.cands = [c for c in r.cands if not (
        c.type == "ORG" and c.key is None and c.rule.startswith(_COMPOUND_RULES)
        and (c.end in starts or text[c.end:c.end + 1] in ("「", "『") and c.end + 1 in starts)
        and all(common(i) for i in range(c.tok_start, c.tok_end)))]
