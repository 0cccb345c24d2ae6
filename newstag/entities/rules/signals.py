"""Signals from the analysers: Sudachi proper-noun runs, GiNZA's entities (through ``ene_map.json``), IPADIC's organisation names."""

from __future__ import annotations

from spacy.tokens import Token

from ...ginza_adapter import can_be_surname, ene_label, sudachi_tag
from ..ipadic_lexicon import lookup as ipadic_lookup
from .org_context import team_bounds
from .person import glued_head_type, initial_at, kana_given_name, lone_surname, name_tail, person_or_org, set_name_parts
from .place import facility_word, inside_name
from .region import Region
from .registry import mention_rule
from .tokens import (
    ACRONYM,
    DOTS,
    INITIAL,
    KANJI,
    KATAKANA,
    LATIN_NAME,
    LEAGUE_GRADE,
    MIXED_KANJI,
    MIXED_OTHER,
    is_common_word,
    is_katakana,
    is_namey,
    is_noun,
    is_number,
    is_person_pos,
    is_place_pos,
    is_propn,
    written_shape,
)


@mention_rule("sudachi:人名", family="signal", priority=45,
              doc="a run of Sudachi 人名 proper nouns (joined by ・ in foreign names)")
@mention_rule("sudachi:地名", family="signal", priority=45,
              doc="a run of Sudachi 地名 proper nouns")
@mention_rule("org:founder-name", family="signal", priority=45,
              doc="a surname + a common word GiNZA reads as one person: a firm named after its founder (〇〇 + 印刷所)")
def sudachi_names(r: Region) -> None:
    """Sudachi proper-noun runs: 人名 → PERSON (joined by ・), 地名 → PLACE."""
    doc = r.doc
    i = r.a
    while i < r.b:
        t = doc[i]
        if i in r.title_tokens:
            i += 1
            continue
        if is_person_pos(t) or (is_katakana(t) and i + 2 < r.b and doc[i + 1].text in DOTS and is_person_pos(doc[i + 2])
                                and is_katakana(doc[i + 2])):
            j = i + 1
            # ・ joins the parts of a foreign name, but separates the items of a list of Japanese names
            while j < r.b and (is_person_pos(doc[j]) and not (doc[j - 1].text in DOTS and not is_katakana(doc[j]))
                                  and doc[j].text not in r.lex.titles.person_trailers  # 吉村 + 等 (also a given name)
                                  or (doc[j].text in DOTS and j + 1 < r.b and is_katakana(doc[j + 1]) and is_katakana(doc[j - 1]))
                                  or (doc[j - 1].text in DOTS and is_katakana(doc[j]))
                                  or initial_at(r, j) and is_katakana(doc[j - 1])):  # ウィリアム・J・ロビンソン
                j += 3 if initial_at(r, j) else 1
            while i - 2 >= r.a and doc[i - 1].text in DOTS and INITIAL.match(doc[i - 2].text):
                i -= 2  # H・R・ギーガー: initials before the name belong to it
            while is_katakana(t) and i - 2 >= r.a and doc[i - 1].text in DOTS and is_katakana(doc[i - 2]) and i - 2 not in r.title_tokens \
                    and not is_common_word(doc[i - 2].text) and not r.is_place_token(doc[i - 2]) \
                    and doc[i - 2].text not in r.lex.orgs.katakana_heads and not (i - 3 >= r.a and doc[i - 3].text in DOTS):
                i -= 2  # クィンティン + ・ + (Sudachi's) マクガーレル・ホッグ: a first name Sudachi does not know
            if all(ACRONYM.match(x.text) for x in doc[i:j]):
                i = j  # KING, HENDRIX: a word in capitals names a band, a work or a firm as often
                continue
            if all(LATIN_NAME.match(x.text) and not ACRONYM.match(x.text) for x in doc[i:j]):
                # Latin names are written with spaces (Anna Keller): the capitalised words around belong to it
                while j < r.b and doc[j - 1].whitespace_ and LATIN_NAME.match(doc[j].text) and not ACRONYM.match(doc[j].text) \
                        and doc[j].text.isalpha():
                    j += 1
                while i - 1 >= r.a and doc[i - 1].whitespace_ and LATIN_NAME.match(doc[i - 1].text) \
                        and not ACRONYM.match(doc[i - 1].text) and doc[i - 1].text.isalpha():
                    i -= 1
                if j == i + 1 or any(x.text.isupper() and len(x.text) > 1 for x in doc[i:j]) or doc[j - 1].text in r.lex.ctx.latin_org_words:
                    i = j  # Goebbels, Atari: one Latin word (or one in capitals) names a band, a work or a firm as often
                    continue
            # unknown names come in pieces (ウッド + ベリー): the run goes on over katakana, and
            # over tokens GiNZA keeps inside the same Person entity (岡本 + 吾市)
            while j < r.b and not r.title_tokens.intersection((j,)) and (
                    (is_katakana(doc[j]) and is_katakana(doc[j - 1]) and doc[j].text not in r.lex.orgs.katakana_heads)
                    or (doc[j].ent_iob_ == "I" and doc[j].ent_type_ == "Person" and is_noun(doc[j]) and not ACRONYM.match(doc[j].text)
                        and doc[j].text not in r.lex.titles.person_trailers and not r.is_head(doc[j]))):
                j += 1
            j = name_tail(r, i, j)
            if j - i >= 2 and is_katakana(doc[j - 1]) and not is_person_pos(doc[j - 1]) and not any(x.text in DOTS for x in doc[i:j]) \
                    and is_common_word(doc[j - 1].text):
                i = j  # ビーナス + ライン, ディズニー + リゾート: a name glued to a common word names a thing, a place or a brand
                continue
            # a lone surname or given name (見方 is also a surname) needs GiNZA to agree
            lone = (j == i + 1 and ene_label(t) != "Person" and not KATAKANA.match(t.text)
                    and (sudachi_tag(t).endswith("-姓") or sudachi_tag(t).endswith("-名")) and not lone_surname(r, i))
            if not lone and not r.before_facility(j):
                typ = person_or_org(r, i, j)
                if typ == "PERSON" and j - i == 2 and sudachi_tag(doc[i]).endswith("-姓") and KANJI.match(doc[j - 1].text) \
                        and len(doc[j - 1].text) >= 3 and is_common_word(doc[j - 1].text) and not is_person_pos(doc[j - 1]) \
                        and doc[j - 1].ent_iob_ == "I":
                    typ = "ORG"  # 〇〇 + 印刷所, 〇〇 + 飛行機: a company named after its founder (GiNZA reads a person)
                founder = typ == "ORG" and j - i == 2 and is_common_word(doc[j - 1].text)
                if typ == "PERSON" and (glued := glued_head_type(r, i, j)) is not None:
                    typ, founder = glued, True  # 〇〇 + 工房 is the workshop, 〇〇 + 式 a method named after the person
                elif typ == "PERSON" and founder_head_after(r, j):
                    typ, founder, j = "ORG", True, j + 1  # 〇〇 + 歯科, 〇〇 + 造園 outside the run: the business
                if typ not in ("LIST", "NONE"):
                    c = r.add(i, j, typ, "org:founder-name" if founder else "sudachi:人名")
                    set_name_parts(r, c, doc[i:j])
            i = j
            continue
        if is_place_pos(t):
            j = i + 1
            # 宮城県仙台市 is one place; a country starts a new one (中国 / 四川省)
            while j < r.b and is_place_pos(doc[j]) and not r.is_country(doc[j]) and not r.is_country(doc[j - 1]):
                j += 1
            if not r.before_facility(j) and not inside_name(r, i, j) and not facility_word(r, doc[j - 1]) \
                    and len(r.text(i, j)) >= 2 and not (j == i + 1 and is_common_word(t.text)) \
                    and not (all(ene_label(x) == "Person" and KANJI.match(x.text) for x in doc[i:j])
                             and not (len(r.text(i, j)) >= 3 and r.text(i, j).endswith(r.lex.ctx.address_levels))):
                # (a place name GiNZA reads as a person, 宮崎 or 松岡 but not 〇〇区, is left alone; so is one character,
                # 唐, 宋, 北 + 〇〇: a dynasty or the first letter of a compound more often than a place,
                # and a word Sudachi's dictionary also has as a common noun, 築城, 中央)
                r.add(i, j, "PLACE", "sudachi:地名")
            i = j
            continue
        i += 1


@mention_rule("sudachi:固有名詞", family="signal", priority=45,
              doc="one Sudachi proper noun mixing kanji with katakana or Latin (a club's or a company's name)")
def mixed_script_names(r: Region) -> None:
    """One Sudachi proper noun mixing kanji with katakana or Latin (a katakana club name + 仙台, 〇〇アニメーション,
    FC東京) names a team or a company, unless it ends in a facility or event word (東京ドーム)."""
    lex = r.lex
    for i in range(r.a, r.b):
        t = r.doc[i]
        w = t.text
        if sudachi_tag(t) != "名詞-固有名詞-一般" or not MIXED_KANJI.search(w) or not MIXED_OTHER.search(w):
            continue
        if w.endswith(lex.compound_name_ends) or r.lex.starts_with_facility(w[-1:]) or any(w.endswith(f) for f in lex.ctx.facility_suffixes):
            continue
        if i > r.a and is_number(r.doc[i - 1]):
            continue  # 1.3 + 平方キロメートル: a unit
        r.add(i, i + 1, "ORG", "sudachi:固有名詞")


@mention_rule("ginza:<label>", family="signal", priority=45,
              doc="GiNZA's own entity, typed through ene_map.json, trimmed and checked against the text")
@mention_rule("person:lone-surname", family="signal", priority=45,
              doc="a kanji surname alone as its phrase before a particle where GiNZA reads a person (〇〇は)")
@mention_rule("person:kana-given-name", family="signal", priority=45,
              doc="GiNZA's person made of a kanji surname and a hiragana given name")
def ginza_entities(r: Region) -> None:
    """GiNZA's entities typed through ``ene_map.json``: trimmed of titles, honorifics and
    descriptors, dropped when they name a facility or hold only common words, retyped where the
    words say otherwise (a place ending in an organisation head is an ORG); a person GiNZA alone
    reads is kept only as a lone surname or a kana given name, else left to the context rules."""
    lex = r.lex
    for ent in r.ents:
        typ = lex.ene.types.get(ent.label_)
        if typ is None:
            continue
        i, j = ent.start, ent.end
        doc = r.doc
        # trim titles, honorifics, one-letter country forms and punctuation off the edges
        while j > i and (doc[j - 1].text in lex.titles.honorifics or r.is_head(doc[j - 1]) or doc[j - 1].is_punct
                         or j - 1 in r.title_tokens
                         or (typ == "ORG" and j - 1 > i and doc[j - 1].text in lex.ctx.org_trailers)
                         or (typ == "PLACE" and j - 1 > i and place_trailer(r, doc[j - 1]))
                         or (typ == "PERSON" and (r.short_form(doc[j - 1]) is not None or doc[j - 1].text in lex.titles.person_trailers
                                                  or ACRONYM.match(doc[j - 1].text)))):
            j -= 1
        while i < j and (doc[i].is_punct or doc[i].text in lex.ctx.org_descriptors or doc[i].text in DOTS or i in r.title_tokens
                         or len(doc[i].text) == 1 and doc[i].text in lex.titles.not_names
                         or (typ == "ORG" and doc[i].text in lex.ctx.org_prefixes_outside)
                         or (typ == "PERSON" and (r.is_head(doc[i]) or doc[i].text in lex.titles.modifiers or ACRONYM.match(doc[i].text)))):
            i += 1
        if typ == "PLACE" and j == i + 1 and doc[i].text in lex.ctx.place_suffixes:
            continue  # 県 + 南部: no name left
        while typ == "PERSON" and i + 1 < j and (doc[i].text in lex.ctx.kin_words and is_person_pos(doc[i + 1])
                                               or i + 2 < j and doc[i + 1].text in DOTS and is_common_word(doc[i].text)
                                               and is_person_pos(doc[i + 2]) and not is_katakana(doc[i + 2])):
            i += 2 if doc[i + 1].text in DOTS else 1  # 四女 + 〇, 歌手・〇〇: a word for the person before the name
        if typ in ("ORG", "PLACE") and i < j and (any(doc[j - 1].text.endswith(f) for f in lex.ctx.facility_heads)
                                                  or doc[j - 1].text.endswith(lex.compound_name_ends) and not r.org_head_end(doc[j - 1])):
            r.facilities.append((doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)))
            continue  # 〇〇高校, 〇〇駅: a facility (the news guide and Stockmark agree)
        if i < j and (doc[j - 1].text in lex.ctx.org_descriptors or (j == i + 1 and (doc[i].text in lex.ctx.not_org_words or doc[i].text in lex.titles.not_names
                                                                              or i > ent.start and doc[i].text in lex.orgs.state_bodies))):
            continue  # ポータルサイト最大手 describes a company without naming it; UTC is a time zone
        # J1, B2, セリエA: a league named by a letter and a number or grade GiNZA reads as a league
        league = ent.label_ == "Sports_League" and i < j and LEAGUE_GRADE.fullmatch(r.text(i, j)) is not None
        if not (i < j and (league or ginza_plausible(r, i, j, typ)) and not r.before_facility(j)
                and not (typ == "PLACE" and inside_name(r, i, j))):
            continue
        if typ == "ORG" and j - i >= 3 and ACRONYM.match(doc[i].text) and all(is_person_pos(t) for t in doc[i + 1:j]):
            continue  # MF + 〇〇 + 〇〇: a player's position before a full name, no organisation
        if typ == "PLACE" and doc[j - 1].text[-1:] not in lex.ctx.place_suffixes and lex.index.get(r.text(i, j)) is None and (
                (j - i > 1 or is_katakana(doc[i])) and r.org_head_end(doc[j - 1]) and doc[j - 1].text not in lex.orgs.state_bodies
                or j == i + 1 and ACRONYM.match(doc[i].text)):
            typ = "ORG"  # 東京電力パワーグリッド, NTSB: GiNZA's place is a company or an agency
        elif typ == "ORG" and r.text(i, j).endswith(lex.orgs.polity_ends) and j - i <= 2:
            typ = "PLACE"  # 赤穂藩, プロイセン王国: a domain or a kingdom is the land (GPE), as GiNZA's GPE_Other has it
        if typ == "PERSON" and i < j and is_katakana(doc[j - 1]) and j + 1 < r.b and is_number(doc[j]) and doc[j + 1].text == "世":
            j += 2  # ラムセス + 2世: the regnal number is part of the name
        if typ == "PERSON":
            typ = person_or_org(r, i, j)
            if typ == "PERSON" and (glued := glued_head_type(r, i, j)) is not None:
                if glued == "ORG":
                    r.add(i, j, "ORG", "org:founder-name")  # 〇〇 + 工房: the workshop, not its founder
                continue  # 〇〇 + 式: a method named after the person
            if typ == "NONE":
                continue
            if typ == "PERSON" and not any(is_person_pos(t) for t in doc[i:j]):
                if j == i + 1 and lone_surname(r, i, ginza=True) and r.org_context_at(j) is None:
                    r.add(i, j, "PERSON", "person:lone-surname")  # 〇〇は, 〇〇の: a surname alone
                    continue
                if kana_given_name(r, i, j):
                    c = r.add(i, j, "PERSON", "person:kana-given-name")  # 宮内 + あすか
                    set_name_parts(r, c, doc[i:j])
                    continue
                # GiNZA alone (日本橋支店, 文禄, デンソー) is wrong more often than right; the
                # name stays available to org:context (デンソーに入社)
                r.ginza_unsure.append((i, j))
                continue
            if typ == "LIST":  # 西沢・高木: Japanese names listed with ・ (or &)
                k = i
                for m in range(i, j + 1):
                    if m == j or doc[m].text in DOTS or doc[m].text == "&":
                        if m > k and any(is_person_pos(t) for t in doc[k:m]):
                            c = r.add(k, m, "PERSON", f"ginza:{ent.label_}")
                            set_name_parts(r, c, doc[k:m])
                        k = m + 1
                continue
        if typ == "ORG" and i < j and (is_katakana(doc[j - 1]) or LATIN_NAME.match(doc[j - 1].text)):
            # NEC + プラット | フォームズ: GiNZA stops inside a katakana word Sudachi split; the rest of the
            # word run belongs to the name when the compound ends with it
            m = j
            while m < r.b and m - j < 2 and is_katakana(doc[m]) and m not in r.title_tokens \
                    and (not is_common_word(doc[m].text) or doc[m].text in lex.orgs.katakana_heads):
                m += 1
            if m > j and (m == r.b or not (is_noun(doc[m]) or is_namey(doc[m])) or doc[m].is_punct):
                j = m
        if typ == "ORG" and ent.label_ in lex.ctx.team_labels and any(is_katakana(t) or LATIN_NAME.match(t.text) for t in doc[i:j]) \
                and not r.text(i, j).endswith(lex.compound_name_ends) and not any(lex.starts_with_facility(t.text) for t in doc[i:j]):
            ti, tj = team_bounds(r, i, j)
            if (ti, tj) != (i, j):
                r.add(ti, tj, "ORG", "org:club")
                continue
        if typ == "ORG" and activity_end(r, i, j):
            continue  # 〇〇 + 信仰, 〇〇 + 観光: a place + what is done there names an activity, no body
        if typ == "ORG" and written_shape(r.text(i, j)) in lex.orgs.unsure_ginza_orgs.get(ent.label_, ()):
            continue  # (orgprec) GiNZA's Show_Organization on a Latin name is a product or a work more often
        if typ == "PLACE" and ent.label_ in lex.ene.unsure_place_labels and not place_support(r, i, j):
            continue  # GiNZA's City or Country alone (a surname, a common katakana word) is wrong more often than right
        c = r.add(i, j, typ, f"ginza:{ent.label_}")
        if typ == "PERSON":
            set_name_parts(r, c, doc[i:j])


def activity_end(r: Region, i: int, j: int) -> bool:
    """Does GiNZA's organisation doc[i:j] end in a verbal noun (Sudachi 普通名詞-サ変可能: 信仰, 観光,
    栽培) that is no organisation head, after a place's name or common words? The compound names
    what is done at the place (〇〇 + 信仰), no body; the place inside it is left to the place rules.
    A proper noun of Sudachi's own 固有名詞-一般 (a company's name: 〇〇 + 製造) or a person's name
    (a method named after its founder, which the person rules read) before it, or a name spelt out
    in words (〇〇・〇〇, 〇〇&〇〇), leaves GiNZA's reading alone."""
    doc = r.doc
    last = doc[j - 1]
    if j - i < 2 or r.org_head_end(last) or not sudachi_tag(last).startswith("名詞-普通名詞-サ変"):
        return False
    return not any(t.text in DOTS or t.text in ("&", "＆") or sudachi_tag(t).startswith(("名詞-固有名詞-一般", "名詞-固有名詞-人名"))
                   for t in doc[i:j - 1])


def founder_head_after(r: Region, j: int) -> bool:
    """Is token j a business head named after its founder (``founder_heads``: 歯科, 造園, 酒造), glued
    to the name run that ends before it and ending its compound (〇〇 + 歯科 + です)?"""
    from .shapes import name_shapes

    t, nxt = r.tok(j), r.tok(j + 1)
    if t is None or t.text not in name_shapes().founder_heads or r.doc[j - 1].whitespace_ or j in r.title_tokens:
        return False
    return nxt is None or nxt.is_punct or not (is_noun(nxt) or is_namey(nxt))


def ginza_plausible(r: Region, i: int, j: int, typ: str) -> bool:
    """GiNZA's entities made only of common words (自国領土, 両国) are not names."""
    toks = r.doc[i:j]
    if typ == "PLACE" and j - i > 1 and r.doc[j - 1].text.endswith(r.lex.compound_name_ends) \
            and r.doc[j - 1].text not in r.lex.ctx.place_suffixes:
        return False  # スマトラ島沖地震, 〇〇線: a place opens the name of an event or a facility
    if any(is_propn(t) or bool(LATIN_NAME.match(t.text)) and len(t.text) > 1 for t in toks):
        return True
    if typ == "PERSON":
        return any(t.text in DOTS for t in toks)
    if any(is_katakana(t) and not is_common_word(t.text) for t in toks):
        return True  # (スーパーコンピュータ, a common katakana word, is not a name)
    last = toks[-1]
    if typ == "ORG":
        return r.org_head_end(last)
    return last.text in r.lex.ctx.place_suffixes


def place_trailer(r: Region, t: Token) -> bool:
    """A word GiNZA may keep at the end of a place that is not part of its name: a people or a
    make (〇〇 + 人, 〇〇 + 製, ``country_affixes``), a time or the inside of it (``place_trailers``:
    〇〇 + 期, 〇〇市 + 内)."""
    return t.text in r.lex.country_affixes or t.text in r.lex.ctx.place_trailers


def place_support(r: Region, i: int, j: int) -> bool:
    """Does more than GiNZA say doc[i:j] is a place: a Sudachi 地名 token in it, the gazetteer,
    or a place suffix at its end (〇〇町, 〇〇地区)?"""
    doc = r.doc
    if any(is_place_pos(t) for t in doc[i:j]):
        return True
    ref = r.lex.index.get(r.text(i, j))
    if ref is not None and ref.type == "PLACE":
        return True
    w = doc[j - 1].text
    return (j - i >= 2 or len(w) >= 2) and w.endswith(tuple(r.lex.ctx.place_suffixes))


@mention_rule("ipadic:組織", family="signal", priority=60,
              doc="a word or a short run IPADIC knows as one organisation name, standing alone")
def ipadic_orgs(r: Region, max_run: int = 6) -> None:
    """``ipadic:組織``: a run of up to ``max_run`` tokens whose whole text IPADIC knows as one
    organisation name (任天堂, ソニー, 自民党, ＮＨＫ), longest first, where :meth:`ipadic_org_ok`
    accepts it. A one-letter country form inside such a token (日 in 日産) is dropped."""
    doc = r.doc
    short_at = {k.tok_start for k in r.cands if k.rule == "place:short-form"}
    i = r.a
    while i < r.b:
        if not ipadic_tok(r, i):
            i += 1
            continue
        j = i
        while j < r.b and j - i < max_run and ipadic_tok(r, j):
            j += 1
        found = next((e for e in range(j, i, -1) if doc[e - 1].text not in DOTS and len(r.text(i, e)) >= 2
                      and ipadic_lookup(r.text(i, e)) == "ORG"), None)
        if found is None:
            i += 1
            continue
        if ipadic_org_ok(r, i, found):
            c = r.add(i, found, "ORG", "ipadic:組織")
            if found == i + 1 and i in short_at:
                r.cands = [k for k in r.cands if not (k.rule == "place:short-form" and k.tok_start == i and k.inside(c))]
        i = found


def ipadic_tok(r: Region, i: int) -> bool:
    """Can token i be part of a name IPADIC may know (a noun, katakana, a Latin word, ・ inside)?"""
    t = r.doc[i]
    if t.text in DOTS:
        return i > r.a and i + 1 < r.b and is_namey(r.doc[i - 1]) and is_namey(r.doc[i + 1])
    return (is_noun(t) or is_katakana(t) or bool(LATIN_NAME.match(t.text)) or t.text.isascii() and t.text.isalnum()) \
        and not is_number(t) and i not in r.title_tokens


def katakana_company_word(r: Region, i: int) -> bool:
    """Is doc[i] a katakana word standing alone (no ・ or = on either side, no katakana word
    joined to it) that IPADIC lists as an organisation? Sudachi's person reading of such a word
    (a maker or a chain named after its founder) yields to IPADIC's company reading."""
    t = r.doc[i]
    if not is_katakana(t) or len(t.text) < 3:
        return False
    for k in (i - 1, i + 1):
        n = r.tok(k)
        if n is not None and (n.text in DOTS or n.text in ("=", "゠", "＝") or is_katakana(n)):
            return False
    return True


def adjectival_use(r: Region, i: int, j: int) -> bool:
    """Is doc[i:j] a word used as an adjective (ユニークな建物, アットホームな雰囲気, アクティブに動く)?
    The copula's な / に follows it, or Sudachi reads it as an adjectival noun (形状詞) before かつ,
    で or さ: a brand IPADIC lists under the same word is not meant there."""
    nxt = r.tok(j)
    if nxt is None:
        return False
    if nxt.text in ("な", "に") and sudachi_tag(nxt).startswith("助動詞"):
        return True
    return j == i + 1 and sudachi_tag(r.doc[i]).startswith("形状詞") and nxt.text in ("かつ", "で", "さ")


def ipadic_org_ok(r: Region, i: int, j: int) -> bool:
    """Is the IPADIC organisation name doc[i:j] a mention here? A word that is also a common noun
    (社会, 毎日), a person's name (金子) or a place (広島) needs GiNZA to see an organisation too;
    a word that is only a part of a longer name or compound (ユナイテッド航空, NBAドラフト,
    ヤマハ・ライト…) or of a product (ボーイング767) is not a mention, nor a facility IPADIC
    lists (海軍兵学校)."""
    doc = r.doc
    lex = r.lex
    if adjectival_use(r, i, j):
        return False
    if j == i + 1 and not all(lex.ene.types.get(ene_label(t)) == "ORG" for t in doc[i:j]):
        t = doc[i]
        ginza = lex.ene.types.get(ene_label(t))
        if is_common_word(t.text) or not (is_propn(t) or is_katakana(t) or LATIN_NAME.match(t.text)):
            return False
        # a katakana word Sudachi reads as a person's name that IPADIC lists as a company
        # (a maker named after its founder) is the company, unless it is one part of a dotted name
        if is_person_pos(t) and not katakana_company_word(r, i) or is_place_pos(t) \
                or ginza == "PLACE" and lex.index.get(t.text) is not None:
            return False
        if ginza == "PERSON" and KANJI.match(t.text) and can_be_surname(t.text):
            return False
    if r.text(i, j).endswith(tuple(lex.ctx.facility_heads)) or ipadic_inside(r, i, j):
        return False
    nxt = r.tok(j)
    if nxt is not None and (nxt.text[:1].isdigit() or is_noun(nxt) and not is_number(nxt) and nxt.text not in lex.ctx.org_trailers):
        return False
    prev = r.tok(i - 1)
    if prev is not None and is_noun(prev) and not is_number(prev) and prev.text not in lex.ctx.org_descriptors \
            and prev.text not in lex.ctx.org_prefixes and r.short_form(prev) is None:
        # 以来BMW, 当時クライスラー, 1960年江崎グリコ: a time word before the name is no part of it
        return "副詞可能" in sudachi_tag(prev) or "助数詞" in sudachi_tag(prev)
    return True


def ipadic_inside(r: Region, i: int, j: int) -> bool:
    """Is doc[i:j] only a part of a longer name: katakana joined by ・ to katakana (ヤマハ・ライト…),
    a name word right before or after it (ユナイテッド + 航空, 金子 + 達仁)? A ・ between a name and
    a kanji or Latin word lists names (三越・あさひ銀行, ホンダ・NSX)."""
    doc = r.doc
    nxt = r.tok(j)
    if nxt is not None and nxt.text in DOTS:
        after = r.tok(j + 1)
        if after is not None and is_katakana(after) and is_katakana(doc[j - 1]):
            return True
    elif nxt is not None and (nxt.text in r.lex.ctx.name_heads or r.before_facility(j) or (
            (is_katakana(nxt) or LATIN_NAME.match(nxt.text) or is_propn(nxt)) and not r.is_place_token(nxt)
            and j not in r.title_tokens and not r.org_head_end(nxt))):
        return True
    prev = r.tok(i - 1)
    if prev is not None and prev.text in DOTS:
        before = r.tok(i - 2)
        return before is not None and (is_katakana(before) or LATIN_NAME.match(before.text) is not None) and is_katakana(doc[i])
    return prev is not None and (is_katakana(prev) or LATIN_NAME.match(prev.text) is not None or is_propn(prev)) \
        and not r.is_place_token(prev) and not is_person_pos(prev)
