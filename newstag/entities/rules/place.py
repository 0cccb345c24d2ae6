"""Place rules: place suffixes, one-letter country forms, datelines, heads of states and domains, place-only contexts, address chains."""

from __future__ import annotations

from spacy.tokens import Token

from ...ginza_adapter import is_place_word, sudachi_tag
from ..gazetteer import norm
from .candidate import Candidate
from .facility import facility_kind
from .region import Region
from .registry import mention_rule, priority_of
from .tokens import (
    ADDRESS_TAIL,
    CLOSE_QUOTE,
    DOTS,
    KANJI,
    LATIN_NAME,
    OPEN_QUOTE,
    is_common_word,
    is_katakana,
    is_namey,
    is_noun,
    is_number,
    is_person_pos,
    is_place_pos,
    is_propn,
)

#: the follower "between" (日米間): it needs two country letters before it
BETWEEN = "間"


def inside_name(r: Region, i: int, j: int) -> bool:
    """Is the place doc[i:j] the first or a later part of a longer name (カタール国際ユーストーナメント,
    ボルチモア・レイブンズ, JR九州)? A title, an organisation head, a place suffix or a word like
    南部 after it leaves it a place."""
    lex = r.lex
    if r.compound_names_thing(j, loose=True):
        return True  # 〇〇県グリーンスタジアム, ノルマンディー上陸作戦: the place opens a facility's or an event's name
    if r.doc[j - 1].text[-1:] in lex.ctx.place_suffixes and len(r.doc[j - 1].text) >= 3:
        return False  # カリフォルニア州 is a whole place name whatever follows
    nxt = r.tok(j)
    if nxt is not None and nxt.text in lex.country_affixes:
        return False  # フィンランド + 人, ブラジル + 製: a people or a make, the place is a mention (as in 日本人)
    if opens_title(r, i, j):
        return True
    if nxt is not None and nxt.text in lex.ctx.place_suffixes and opens_thing(r, j + 1):
        return True  # 〇〇 + 府 + 立, 〇〇 + 沖 + 海戦: the place with its suffix opens a longer name
    if nxt is not None and nxt.text == "の":
        after = r.tok(j + 1)
        if after is not None and after.text in lex.ctx.event_after_no and (r.tok(j + 2) is None or not is_noun(r.tok(j + 2))):
            return True  # 関ヶ原の戦い names a battle
    if nxt is not None:
        if nxt.text in DOTS:
            after = r.tok(j + 1)
            if after is not None and is_namey(after) and not r.is_place_token(after):
                return True
        elif nxt.text in lex.ctx.name_heads or r.before_facility(j) or (
                (is_katakana(nxt) or LATIN_NAME.match(nxt.text) or is_propn(nxt))
                and not r.is_place_token(nxt) and nxt.i not in r.title_tokens and nxt.text not in lex.orgs.state_bodies
                and not r.org_head_end(nxt)):
            return True
    prev = r.tok(i - 1)
    if prev is not None:
        if prev.text in DOTS:
            before = r.tok(i - 2)
            if before is not None and is_namey(before) and not r.is_place_token(before) and facility_kind(before.text) is None:
                return True  # (〇〇線・〇〇都: a list of a facility and a place)
        elif (is_katakana(prev) or LATIN_NAME.match(prev.text) or is_propn(prev)) and not r.is_place_token(prev) and not is_person_pos(prev):
            return True
    return False


def facility_word(r: Region, t: Token) -> bool:
    """A word the dictionary files as a place that ends in a facility's or an event's head
    (医療センター, 〇〇体育場, 〇〇寺): a facility, not a place."""
    w = t.text
    end = next((e for e in r.lex.compound_name_ends if len(e) >= 2 and w.endswith(e) and len(w) > len(e)), None)
    return end is not None and KANJI.match(w[-len(end) - 1]) is not None and not w.endswith(tuple(r.lex.ctx.place_suffixes))


def opens_thing(r: Region, j: int) -> bool:
    """Does the word at token j (after 沖, a number or ・) name an event or a facility that the
    place before it opens (+ 海戦, + 地震, + 線, + 事件)?"""
    doc = r.doc
    k = j
    while k < r.b and (doc[k].text == "沖" or is_number(doc[k]) or doc[k].text in DOTS) and k - j < 4:
        k += 1
    if k >= r.b or k in r.title_tokens or r.org_head_end(doc[k]):
        return False
    return doc[k].text in r.lex.ctx.name_heads or not (is_katakana(doc[k]) or is_propn(doc[k])) and r.compound_names_thing(k)


def opens_title(r: Region, i: int, j: int) -> bool:
    """Does the place doc[i:j] open a short quoted title that goes on in nouns only (「〇〇物語」,
    「〇〇美少女図鑑」, 『〇〇怪談』)? Then it is part of the title of a work, not a mention."""
    doc = r.doc
    prev = r.tok(i - 1)
    if prev is None or prev.text not in OPEN_QUOTE or j >= r.b or doc[j].text in r.lex.ctx.suffix_word_tails:
        return False
    k = j
    while k < r.b and k - j < 5 and (is_noun(doc[k]) or is_katakana(doc[k]) or is_number(doc[k])) \
            and doc[k].text not in OPEN_QUOTE and doc[k].text not in CLOSE_QUOTE:
        k += 1
    return k > j and k < r.b and doc[k].text in CLOSE_QUOTE


@mention_rule("place:suffix", family="place", priority=82,
              doc="a name + a place suffix (〇〇州, 〇〇省, 〇〇島), or with the suffix that opens the next word (〇〇 + 県知事)")
def place_compound(r: Region, a: int, b: int) -> None:
    """〇〇州, 四川省, 〇〇島: a name + a place suffix."""
    doc = r.doc
    for k in range(a + 1, b):
        t = doc[k]
        if t.text not in r.lex.ctx.place_suffixes:
            continue
        p = doc[k - 1]
        if not (is_place_pos(p) or is_katakana(p) and not (t.text in ("省", "府") and is_common_word(p.text)) or (is_propn(p) and not is_person_pos(p))):
            continue  # (エネルギー省 is a ministry: a common word before the suffix)
        ref = r.lex.index.get(p.text)
        if ref is not None and ref.key.isalpha() and len(ref.key) == 2 and t.text in ("省", "府", "国"):
            continue  # ロシア外務省 is not a province; a country + 省 is a ministry; 中国 + 国内
        if t.text == "国" and k + 1 < b and doc[k + 1].text in r.lex.ctx.koku_word_tails:
            continue  # 〇〇 + 国内: the word 国内, not a province
        if opens_thing(r, k + 1):
            continue  # スマトラ島沖地震, 〇〇高原線: the place opens the name of an event or a facility
        i = k - 1
        while is_katakana(doc[i]) and i - 1 >= a and (is_katakana(doc[i - 1]) or i - 2 >= a and doc[i - 1].text in DOTS
                                                      and is_katakana(doc[i - 2])) and not r.title_at.get(i - 1):
            i -= 1 if is_katakana(doc[i - 1]) else 2  # ハイランド + パーク + 地区, 〇〇・〇〇 + 州: the whole katakana name
        r.add(i, k + 1, "PLACE", "place:suffix")


@mention_rule("place:dateline", family="place", priority=89,
              doc="the place a dateline names (【〇〇共同】, 【〇〇＝ロイター】)")
@mention_rule("org:dateline", family="org", priority=89,
              doc="the agency a dateline names (【〇〇共同】, 【〇〇=AFP時事】)")
def datelines(r: Region) -> None:
    """【ワシントン共同】, 【ロンドン＝ロイター】, 【カイロ=AFP時事】: a dateline names the place the
    story was filed from and the agency (one of ``dateline_agencies``) that filed it."""
    doc = r.doc
    lex = r.lex
    for i in range(r.a, r.b):
        if doc[i].text != "【":
            continue
        j = i + 1
        while j < r.b and doc[j].text != "】" and j - i <= 8:
            j += 1
        if j >= r.b or doc[j].text != "】" or j - i < 3:
            continue
        # the agency: the longest run of tokens before 】 that spells one (or name + 時事)
        agency_start = None
        for m in range(i + 2, j):
            name = r.text(m, j)
            if name in lex.ctx.dateline_agencies or name.endswith("時事") and name[:-2] in lex.ctx.dateline_agencies:
                agency_start = m
                break
        if agency_start is None:
            continue
        place_end = agency_start - 1 if doc[agency_start - 1].text in DOTS else agency_start
        if place_end <= i + 1 or not all(is_place_pos(t) or is_katakana(t) or is_propn(t) for t in doc[i + 1:place_end]):
            continue
        ref = lex.index.get(r.text(i + 1, place_end))
        r.add(i + 1, place_end, "PLACE", "place:dateline", key=ref.key if ref is not None and ref.type == "PLACE" else None)
        name = r.text(agency_start, j)
        start = doc[agency_start].idx
        parts = [name] if name in lex.ctx.dateline_agencies else [name[:-2], "時事"]
        for part in parts:
            ref = lex.index.get(part + "通信") or lex.index.get(part)
            r.add_chars(start, start + len(part), agency_start, j, "ORG", "org:dateline",
                           key=ref.key if ref is not None and ref.type == "ORG" else None)
            start += len(part)


@mention_rule("place:short-form", family="place", priority=76,
              doc="a one-letter country form opening a compound or before a title (米紙, 米財務長官, 日中)")
def short_forms(r: Region) -> None:
    """米露, 日中, 米紙, 米財務長官, 米、…: one-letter country forms."""
    lex = r.lex
    short = lex.index.short
    for i in range(r.a, r.b):
        t = r.doc[i]
        s = t.text
        if not s or s[0] not in short or lex.index.names.get(norm(s)) is not None:
            continue
        prev = r.tok(i - 1)
        if prev is not None and is_number(prev):  # 19日会談
            continue
        nxt = r.tok(i + 1)
        if len(s) >= 2 and is_propn(t):
            continue  # 日産, 中日, 朝日新聞: a name that happens to start with a country letter
        if len(s) >= 2 and all(ch in short for ch in s):
            if s[0] == "朝" or not (nxt is None or nxt.text in lex.ctx.short_form_followers or nxt.text in {"、", "・", "と", "の"}
                                   or r.is_head(nxt) or nxt.text in lex.titles.modifiers):
                continue  # 朝日会館, 日中に (daytime), 印加する: not a pair of countries
            for n, ch in enumerate(s):  # 米露, 日中, 日米韓
                r.add_chars(t.idx + n, t.idx + n + 1, i, i + 1, "PLACE", "place:short-form", key=short[ch].key, nested_ok=True)
            continue
        if len(s) == 2 and s[1] == BETWEEN:
            continue  # 中間, 日間: "between" needs two parties (日米間), one letter + 間 is a word of its own
        if len(s) >= 2 and (s[1:] in lex.ctx.short_form_followers or s[1:] in lex.titles.heads
                            or s[1:] in lex.orgs.state_bodies or s[1:].startswith(lex.ctx.short_form_title_starts)):
            r.add_chars(t.idx, t.idx + 1, i, i + 1, "PLACE", "place:short-form", key=short[s[0]].key, nested_ok=True)
            continue
        if len(s) == 1:
            if prev is not None and (is_noun(prev) or is_katakana(prev)) and not all(ch in short for ch in prev.text):
                continue  # プトレマイオス朝, 一年中: a suffix of the word before, not a country
            ok = False
            if nxt is not None and (nxt.text in lex.ctx.short_form_followers or r.is_head(nxt) or nxt.text in lex.titles.modifiers
                                    or r.org_head_end(nxt)
                                    or nxt.text in lex.orgs.state_bodies
                                    or (nxt.text and nxt.text[0] in short and len(nxt.text) <= 2)):
                ok = True
            elif nxt is not None and (is_katakana(nxt) or LATIN_NAME.match(nxt.text) or r.is_place_token(nxt)):
                # 米アップル, 英BP, 米アマゾン: the company's country; 米カリフォルニア州, 英ロンドン: the place's;
                # but a letter Sudachi reads as a time word (日, 朝: 副詞可能) before a common word is
                # the day or the morning (母の日セール, 朝パスタ)
                ok = not ("副詞可能" in sudachi_tag(t) and is_common_word(nxt.text))
            elif s in lex.ctx.standalone_short_forms and nxt is not None and nxt.text in {"、", "・", "と"}:
                ok = prev is None or not is_noun(prev)
            if ok:
                r.add(i, i + 1, "PLACE", "place:short-form", key=short[s].key, nested_ok=True)


def short_form_words(r: Region) -> None:
    """訪日, 渡米, 駐日, 反米: a one-letter country form in one word after a verbal or relational
    character (``short_form_verbs``) is the country (a world region, 渡欧, is left alone)."""
    short = r.lex.index.short
    for i in range(r.a, r.b):
        t = r.doc[i]
        w = t.text
        if len(w) == 2 and w[0] in r.lex.ctx.short_form_verbs and w[1] in short and len(short[w[1]].key) == 2 \
                and w not in r.lex.ctx.not_short_form_words and is_noun(t) and not is_propn(t):
            r.add_chars(t.idx + 1, t.idx + 2, i, i + 1, "PLACE", "place:short-form", key=short[w[1]].key, nested_ok=True)


def country_in_word(r: Region) -> None:
    """日本人, アメリカ製, 日本国内, 中国側, 北海道産, 日本一 as one word: the country, region or
    place (of the gazetteer, or a kanji place Sudachi's dictionary knows) opening it is a mention."""
    lex = r.lex
    for i in range(r.a, r.b):
        w = r.doc[i].text
        if len(w) < 3 or not is_noun(r.doc[i]) or not w.endswith(lex.country_affixes):
            continue
        for affix in lex.country_affixes:
            if w.endswith(affix) and len(w) > len(affix):
                stem = w[: -len(affix)]
                ref = lex.index.get(stem)
                if ref is not None and ref.type == "PLACE" and len(stem) >= 2:
                    start = r.doc[i].idx
                    r.add_chars(start, start + len(stem), i, i + 1, "PLACE", ref.source, key=ref.key, nested_ok=True)
                elif ref is None and len(stem) >= 2 and KANJI.match(stem) and is_place_word(stem):
                    start = r.doc[i].idx  # 北海道産, 東京都内: a place Sudachi knows, glued to its affix
                    r.add_chars(start, start + len(stem), i, i + 1, "PLACE", "sudachi:地名", nested_ok=True)
                break


def suffix_in_next_word(r: Region) -> None:
    """高知 + 県知事, 新潟 + 県内, 横浜 + 市長: the place suffix opening the next word belongs to the
    place (高知県); a country before 省 is a ministry, and 市立/県立 open a facility's name."""
    doc = r.doc
    for c in list(r.cands):
        k = c.tok_end
        if c.type != "PLACE" or k >= r.b or c.end != doc[k].idx:
            continue
        w = doc[k].text
        if len(w) < 2 or w[0] not in r.lex.ctx.suffix_word_heads or w[1:] not in r.lex.ctx.suffix_word_tails or r.doc_text[c.end - 1] in r.lex.ctx.place_suffixes:
            continue
        if w[0] in "省府" and (r.is_country(doc[c.tok_start]) or c.rule == "place:short-form"):
            continue
        r.add_chars(c.start, c.end + 1, c.tok_start, k + 1, "PLACE", "place:suffix", key=c.key)


@mention_rule("place:river-side", family="place", priority=82,
              doc="a name + a word Sudachi opens with a river's head (〇〇 + 川沿い, 〇〇 + 川岸): the river 〇〇川")
def river_sides(r: Region) -> None:
    """オード + 川沿い, 〇〇 + 川岸: Sudachi writes 川 with the side word after it, so the name before
    it alone looks like a person or a short place; the name with 川 is the river, a PLACE. The name
    is a run of up to three proper nouns or unknown katakana words; a common word before the side
    word (小 + 川沿い) names no river."""
    doc = r.doc
    for k in range(r.a + 1, r.b):
        w = doc[k].text
        if w not in r.lex.ctx.river_side_words or k in r.title_tokens:
            continue
        i = k
        while i - 1 >= r.a and k - (i - 1) <= 3 and i - 1 not in r.title_tokens and (
                is_propn(doc[i - 1]) or is_katakana(doc[i - 1]) and not is_common_word(doc[i - 1].text)) \
                and doc[i - 1].idx + len(doc[i - 1].text) == (doc[i].idx if i < k else doc[k].idx):
            i -= 1
        if i == k:
            continue
        r.add_chars(doc[i].idx, doc[k].idx + 1, i, k + 1, "PLACE", "place:river-side")


@mention_rule("place:river", family="place", priority=82,
              doc="a name Sudachi files as a person that ends in 川 or 滝, which GiNZA reads as a river or which a river's part follows (〇〇川 + の + ほとり)")
def river_names(r: Region) -> None:
    """隅田川 + の + ほとり, 〇〇川 + の + 上流: Sudachi files many rivers as surnames; a 人名 word of three
    characters or more ending in a river's head (``river_heads``) is the river, a PLACE, when GiNZA
    labels it a river or の + a part of a river (``river_parts``) follows. Two-character surnames
    (中川, 小川) are left to the person rules."""
    doc = r.doc
    ctx = r.lex.ctx
    for k in range(r.a, r.b):
        t = doc[k]
        if not is_person_pos(t) or len(t.text) < 3 or t.text[-1] not in ctx.river_heads or k in r.title_tokens:
            continue
        nxt, part = r.tok(k + 1), r.tok(k + 2)
        if t.ent_type_ == "River" or nxt is not None and nxt.text == "の" and part is not None and part.text in ctx.river_parts:
            r.add(k, k + 1, "PLACE", "place:river")


@mention_rule("place:head", family="place", priority=82,
              doc="a name + the head of a state, a domain or a spa town (〇〇帝国, 〇〇藩, 〇〇温泉)")
def place_head_names(r: Region) -> None:
    """ドイツ + 帝国, プロイセン + 王国, 東 + ローマ + 帝国, 〇〇 + 藩, 〇〇 + 温泉: a place name (or
    any proper noun) + a head of ``place_heads`` (a state, a domain, a spa town) is one place; a
    compound going on after it (ドイツ帝国 + 海軍) is left to the organisation rules."""
    doc = r.doc
    lex = r.lex
    long_heads = tuple(h for h in lex.ctx.place_heads if len(h) >= 2)
    for k in range(r.a, r.b):
        w = doc[k].text
        if is_propn(doc[k]) and not is_person_pos(doc[k]) and w.endswith(long_heads) and w not in lex.ctx.place_heads \
                and k not in r.title_tokens and r.name_boundary(k + 1) and r.name_boundary_before(k):
            r.add(k, k + 1, "PLACE", "place:head")  # 〇〇温泉 as one proper noun
            continue
        if k == r.a:
            continue
        head = w if w in lex.ctx.place_heads else next((h for h in lex.ctx.place_heads if w.startswith(h) and w[len(h):] in lex.ctx.place_head_tails), None)
        if head is None or k in r.title_tokens:
            continue  # (藩 + 主 in one word: 〇〇 + 藩主 is still 〇〇藩's lord)
        nxt = r.tok(k + 1)
        if head == w and nxt is not None and (is_noun(nxt) or is_namey(nxt)) and nxt.text not in DOTS and nxt.text not in lex.ctx.place_head_tails:
            continue
        i = k
        while i - 1 >= r.a and k - i < 3 and (is_place_pos(doc[i - 1]) or is_propn(doc[i - 1])
                                                  or is_katakana(doc[i - 1]) and not is_common_word(doc[i - 1].text)):
            i -= 1
        if i == k:
            continue
        if i - 1 >= r.a and doc[i - 1].text in lex.ctx.direction_prefixes:
            i -= 1  # 東ローマ帝国
        r.add_chars(doc[i].idx, doc[k].idx + len(head), i, k + 1, "PLACE", "place:head")


@mention_rule("place:context", family="place", priority=50,
              doc="an unknown katakana name before a context only places stand before (近郊, に到着, を包囲)")
def place_context(r: Region) -> None:
    """〇〇近郊, 〇〇に到着, 〇〇を包囲: an unknown katakana name (no common word, no place or
    organisation a rule found) before a context only places stand before is a PLACE."""
    doc = r.doc
    taken = {k for c in r.cands if c.type == "PLACE" or c.priority > priority_of("sudachi:人名")
             for k in range(c.tok_start, c.tok_end)}
    i = r.a
    while i < r.b:
        if not is_katakana(doc[i]) or i in taken:
            i += 1
            continue
        j = i + 1
        while j < r.b and (is_katakana(doc[j]) or doc[j].text in DOTS and j + 1 < r.b and is_katakana(doc[j + 1])):
            j += 1
        prev = r.tok(i - 1)
        if not taken.intersection(range(i, j)) and not (prev is not None and (is_noun(prev) or is_namey(prev)))\
                and not any(is_common_word(t.text) for t in doc[i:j] if t.text not in DOTS) \
                and not r.org_head_end(doc[j - 1]) and r.place_context_at(j) is not None:
            r.add(i, j, "PLACE", "place:context")
        i = j


def top_level_place(r: Region, c: Candidate) -> bool:
    """A country or a world region (中国, 米, 欧州): it starts an address of its own."""
    key = c.key
    if key is None:
        ref = r.lex.index.get(r.doc_text[c.start:c.end])
        key = ref.key if ref is not None and ref.type == "PLACE" else None
    return c.rule == "place:short-form" or key is not None and (len(key) == 2 or key.startswith("region:"))


@mention_rule("place:chain", family="place", priority=88,
              doc="an address written as a chain of places (〇〇県〇〇市, 〇〇郡〇〇村); never across a country")
def join_address_chains(r: Region) -> None:
    """宮城県 + 仙台市, 〇〇郡 + 〇〇村, 〇〇州 + a city: places written one after the other that make
    an address (:meth:`address_joins`) are one place, whichever rules found the parts; an unrecognised
    level between two places (〇〇県 + 〇〇郡 + 〇〇村) belongs to the chain. A country or a world
    region starts a new place (中国 / 四川省, as the news guide has it), and a place inside an
    organisation's name stays as it is."""
    from .apply import resolve  # (apply imports this module: resolve is looked up when the step runs)

    kept = resolve(r.cands)
    orgs = [(c.start, c.end) for c in kept if c.type == "ORG"]
    places = [c for c in kept if c.type == "PLACE" and not top_level_place(r, c)
              and not any(a <= c.start and c.end <= b for a, b in orgs)]
    # a run of Sudachi 地名 tokens (フロリダ州 + タンパ, 江西省 + 贛州) that lost to places inside it or
    # ending it (a gazetteer name, 贛州 + 市)
    kept_ids = {id(c) for c in kept}
    for srun in r.cands:
        if srun.rule != "sudachi:地名" or id(srun) in kept_ids:
            continue
        over = [c for c in kept if c.overlaps(srun)]
        if over and all(c in places for c in over) \
                and all(address_joins(r, r.doc[k - 1].text, r.doc[k].text) for k in range(srun.tok_start + 1, srun.tok_end)):
            first = min(over, key=lambda c: c.start)
            last = max(over, key=lambda c: c.end)  # (江西省贛州 + 市: the run and the place that ends it)
            start, i = (srun.start, srun.tok_start) if srun.start <= first.start else (first.start, first.tok_start)
            end, j = (srun.end, srun.tok_end) if srun.end >= last.end else (last.end, last.tok_end)
            if any((c.start, c.end) == (start, end) for c in over):
                continue  # (the same place found by a stronger rule)
            run = r.add_chars(start, end, i, j, "PLACE", "place:chain")
            places = sorted([c for c in places if not any(c is o for o in over)] + [run], key=lambda c: (c.start, -c.end))
    gap = r.lex.address_gap
    chain: list[Candidate] = []
    for c in [*places, None]:
        if c is not None and chain and (chain[-1].end == c.start and address_joins(r, r.doc_text[chain[-1].start:chain[-1].end], r.doc_text[c.start:c.end])
                                        or gap is not None and chain[-1].end < c.start
                                        and gap.match(r.doc_text[chain[-1].end:c.start])
                                        and r.lex.index.get(r.doc_text[chain[-1].end:c.start]) is None):
            chain.append(c)
            continue
        if chain:
            end, tok_end = address_tail(r, chain[-1], kept)
            if len(chain) >= 2 or end > chain[-1].end:
                r.add_chars(chain[0].start, end, chain[0].tok_start, tok_end, "PLACE", "place:chain")
        chain = [c] if c is not None else []


def address_joins(r: Region, left: str, right: str) -> bool:
    """Do two places written one after the other make one address: the first ends in an
    administrative level (宮城県 + 仙台市, 〇〇州 + a city) or the second is a ward, town or
    village (札幌 + 中央区)? Two places of one level (東京 + 大阪) are two places."""
    return left.endswith(r.lex.ctx.address_levels) or right.endswith(r.lex.ctx.address_sublevels)


def address_tail(r: Region, c: Candidate, kept: list[Candidate]) -> tuple[int, int]:
    """Where the address ending with place c ends (character, token): after a numbered district
    or block (〇〇 + 16区, 〇〇町 + 一丁目, + 350番地), or after a katakana name that follows an
    administrative level and ends the phrase (〇〇州 + レイクランド + で)."""
    doc = r.doc
    k = c.tok_end
    if k >= r.b or doc[k].idx != c.end:
        return c.end, c.tok_end
    m = ADDRESS_TAIL.match(r.doc_text, c.end)
    if m:
        while k < r.b and doc[k].idx + len(doc[k].text) < m.end():
            k += 1
        if k < r.b and doc[k].idx + len(doc[k].text) == m.end():
            return m.end(), k + 1
        return c.end, c.tok_end
    if not r.doc_text[c.start:c.end].endswith(r.lex.ctx.address_levels):
        return c.end, c.tok_end
    j = k
    while j < r.b and j not in r.title_tokens and (
            is_katakana(doc[j]) or doc[j].text in DOTS and j > k and j + 1 < r.b and is_katakana(doc[j + 1])):
        j += 1
    if j == k or j < r.b and (is_noun(doc[j]) or is_namey(doc[j])) or all(is_common_word(t.text) for t in doc[k:j] if t.text not in DOTS) \
            or any(r.is_head(t) for t in doc[k:j]):
        return c.end, c.tok_end  # (〇〇地区 + シニア + ディレクター: common words, a title)
    end = doc[j - 1].idx + len(doc[j - 1].text)
    if any(o.start < end and c.end < o.end and (o.type == "ORG" or o.rule.startswith("person:")) for o in kept):
        return c.end, c.tok_end  # (〇〇州 + a company or a titled person)
    return end, j
