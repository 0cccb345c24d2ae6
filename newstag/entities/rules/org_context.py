"""Organisation rules read from the context of a name: business and team contexts (に所属, 戦で), national teams, bracketed names, acronyms, lists of organisations."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

from spacy.tokens import Doc, Span, Token

from ...ginza_adapter import ene_label, sudachi_tag
from .candidate import Candidate
from .lexical import class_name_ok, name_end_after
from .lexicons import Lexicons
from .region import Region
from .registry import mention_rule
from .tokens import (
    CLOSE,
    DOTS,
    LATIN_NAME,
    LATIN_RUN,
    OPEN,
    club_form_start,
    is_common_word,
    is_katakana,
    is_namey,
    is_noun,
    is_number,
    is_person_pos,
    is_place_pos,
    written_shape,
)

#: brackets a name is written in after a word for its kind (専門店「〇〇」, 旅館『〇〇』), opening → closing
NAME_BRACKETS = {"「": "」", "『": "』"}

#: words that join two items of one list (A + や + B, A + 、 + B, A + 及び + B)
COORDINATORS = ("や", "、", "と", "及び", "および", "並びに", "ならびに", "，")



@mention_rule("org:team", family="org", priority=81,
              doc="a place + a team head (日本代表, 〇〇選手団) with the kind of team before it (サッカー日本代表)")
@mention_rule("org:context", family="org", priority=87,
              doc="the name before a business or team context (に所属, を買収, の子会社, 戦で)")
def context_orgs(r: Region) -> None:
    """X に所属, X を買収, X の子会社, X 戦で: the name before a business or team context is an
    ORG. The name is a candidate the other rules found (retyped), else GiNZA's entity, else a
    run of katakana / Latin / proper-noun tokens. A country is never retyped (ロシア戦)."""
    doc = r.doc
    lex = r.lex
    ends = r.cands_by_end()
    for i, j in r.ginza_unsure:
        c = Candidate(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), "PERSON", "ginza:unsure", i, j)
        ends.setdefault(j, []).append(c)
    ent_end = r.ents_by_end()
    for k in range(r.a + 1, r.b):  # 日本代表, スイス選手団: a national or local team
        if doc[k].text not in lex.ctx.team_heads or (k + 1 < r.b and (k + 1) in r.title_at):
            continue
        m = k
        while m - 1 > r.a and doc[m - 1].text in lex.ctx.team_kinds:
            m -= 1  # 日本 + 女子 + 代表: the kind of team between the place and the head
        places = [c for c in ends.get(m, []) if c.type == "PLACE" and c.rule != "place:short-form"]
        # 代表 is also a title: a place taken for the name of a titled person (〇〇代表) is the team's country
        titled = [c for c in ends.get(m, []) if c.type == "PERSON" and c.rule == "person:title"
                  and all(r.is_place_token(t) and not is_person_pos(t) for t in doc[c.tok_start:c.tok_end])]
        nxt = r.tok(k + 1)
        if (places or titled) and not (nxt is not None and (is_person_pos(nxt) or is_katakana(nxt) and not is_common_word(nxt.text))):
            c = max(places + titled, key=lambda c: c.end - c.start)
            r.add(*team_extent(r, c.tok_start, k + 1), "ORG", "org:team")
            if titled:
                r.cands = [x for x in r.cands if x not in titled]
    for k in range(r.a + 1, r.b):
        ctx = r.org_context_at(k)
        if ctx is None:
            continue
        here = sorted(ends.get(k, []), key=lambda c: (-(c.end - c.start), -c.priority))
        if here:
            c = here[0]
            same = [x for x in here if (x.start, x.end) == (c.start, c.end)]
            if c.type == "ORG" and not any(x.type != "ORG" and x.priority >= c.priority for x in same):
                continue
            # an organisation only GiNZA or IPADIC reads, tied with a person's reading of the same
            # name (アカデミア・アーザ + 所属): the context decides
            c = next((x for x in same if x.type != "ORG"), c) if c.type == "ORG" else c
            if c.rule in ("person:title", "person:honorific") or c.title:
                continue
            if c.type == "PERSON" and ctx in lex.ctx.org_contexts_not_after_person and c.rule != "ginza:unsure":
                continue
            # GiNZA or IPADIC also reading an organisation on the same span: a place-like name
            # ending in a suffix letter (〇島, 〇田) is the club the context speaks of
            org_seen = any(x.type == "ORG" and (x.start, x.end) == (c.start, c.end) for x in here)
            if c.type == "PLACE" and (c.key and len(c.key) == 2 or c.rule == "place:short-form" or r.is_country(doc[c.tok_start])
                                      or c.end - c.start >= 2 and r.doc_text[c.end - 1] in lex.ctx.place_suffixes and not org_seen
                                      or ctx in lex.ctx.listing_contexts):
                continue  # ロシア戦, 奈良市が運営, 上海に上場: still the place
            if not r.org_name_ok(c.tok_start, c.tok_end):
                continue
            if c.tok_start > r.a and doc[c.tok_start - 1].text in DOTS:
                continue
            bounds = context_name_bounds(r, c.tok_start, c.tok_end)
            if any(w in ctx for w in lex.ctx.team_context_words) and c.type != "PLACE":
                bounds = team_bounds(r, *bounds)  # 東京 + 〇〇 + に移籍: the home town is part of the club's name
            if bounds != (c.tok_start, c.tok_end):
                r.add(*bounds, "ORG", "org:context")
            else:
                r.add_chars(c.start, c.end, c.tok_start, c.tok_end, "ORG", "org:context")
            continue
        i = r.name_start_before(k, ent_end)
        if i == k:
            i = headed_run_before(r, k)
            if i is not None:
                r.add(i, k, "ORG", "org:context")
            continue
        if i > r.a and doc[i - 1].text in DOTS:
            continue
        name = r.text(i, k)
        if not r.org_name_ok(i, k):
            continue
        if k - i == 1 and (is_katakana(doc[i]) and is_common_word(name) or doc[i].text in lex.orgs.katakana_heads
                           or doc[i].text in lex.ctx.not_org_words or len(name) == 1):
            continue  # メーカーに所属: a common word, not a name
        ref = lex.index.get(name)
        if ref is not None and ref.type == "PLACE" and len(ref.key) == 2:
            continue
        bounds = context_name_bounds(r, i, k)
        if any(w in ctx for w in lex.ctx.team_context_words):
            bounds = team_bounds(r, *bounds)
        r.add(*bounds, "ORG", "org:context")


def team_bounds(r: Region, i: int, j: int) -> tuple[int, int]:
    """GiNZA's sports club doc[i:j] often leaves out the home town or a club form: a town
    (not a country) and name words right before it (〇〇 + ファイブアローズ), FC/AC and a number form
    before it (1. + FC + 〇〇), a town or FC after it that ends the phrase (カターレ + 〇〇, 〇〇 + F.C.)."""
    doc = r.doc
    lex = r.lex

    def town(t: Token | None) -> bool:
        if t is None or r.is_country(t) or t.i in r.title_tokens:
            return False
        ref = lex.index.get(t.text)
        return ref is not None and ref.type == "PLACE" or is_place_pos(t)

    def club_form(t: Token | None) -> bool:
        return t is not None and t.text in lex.ctx.club_forms

    while i - 1 >= r.a and (town(r.tok(i - 1)) or club_form(r.tok(i - 1))
                               or (is_namey(doc[i - 1]) and not is_person_pos(doc[i - 1]) and not r.is_country(doc[i - 1])
                                   and (i - 1) not in r.title_tokens and doc[i - 1].text not in lex.titles.not_names)
                               or doc[i - 1].text in DOTS and i - 2 >= r.a and is_katakana(doc[i - 2]) and is_katakana(doc[i])):
        i -= 1  # (ポートランド・トレイル + ブレイザーズ: the town joined by ・)
    while i < j and doc[i].text in DOTS:
        i += 1
    if club_form(r.tok(i)) and r.tok(i - 1) is not None and doc[i - 1].text in (".", "．") \
            and r.tok(i - 2) is not None and doc[i - 2].text.isdigit():
        i -= 2  # 1.FC 〇〇
    k = j
    while club_form(r.tok(k)) or r.tok(k) is not None and doc[k].text in (".", "．") and k > j and club_form(r.tok(k - 1)) \
            or k == j and town(r.tok(k)):
        k += 1
    # F.C. is spelt in pieces: F + . + C + .
    while r.tok(k) is not None and r.tok(k + 1) is not None and len(doc[k].text) == 1 and doc[k].text.isupper() \
            and doc[k + 1].text in (".", "．") and k - j < 6 and (k > j or club_form_start(doc[k].text)):
        k += 2
    nxt = r.tok(k)
    if k > j and nxt is not None and (is_noun(nxt) and not is_number(nxt) or is_katakana(nxt)):
        k = j  # the town opens a longer phrase (〇〇 + 東京 + 支店)
    return i, k


def team_extent(r: Region, i: int, j: int) -> tuple[int, int]:
    """A national or local team doc[i:j] (日本代表) with the kind of team written before it
    (サッカー, 高校, アマチュア) and an age group before or after it (U-19, U-24)."""
    doc = r.doc
    lex = r.lex

    def age_group(m: int) -> bool:  # U + - + 19
        return m + 2 < r.b and doc[m].text in ("U", "Ｕ") and doc[m + 1].text in ("-", "－") and doc[m + 2].text.isdigit()

    while i - 1 >= r.a and (doc[i - 1].text in lex.ctx.team_kinds or i - 3 >= r.a and age_group(i - 3)):
        i -= 1 if doc[i - 1].text in lex.ctx.team_kinds else 3
    if j + 2 < r.b and age_group(j) and doc[j].idx == doc[j - 1].idx + len(doc[j - 1].text):
        j += 3
    return i, j


def context_name_bounds(r: Region, i: int, j: int) -> tuple[int, int]:
    """The club's name doc[i:j] found before a context, with its club form written before it
    (AS + ナンシー, FC + 〇〇) and without the league named before it (Jリーグ・ + 〇〇)."""
    doc = r.doc
    while j - i > 1 and (doc[i].text in r.lex.ctx.kind_words_before_names or doc[i].text + doc[i + 1].text in r.lex.ctx.kind_words_before_names):
        i += 1 if doc[i].text in r.lex.ctx.kind_words_before_names else 2  # 王者 + 〇〇, 新 + 会社 + 〇〇: a word for what it is, not its name
    if i - 1 >= r.a and doc[i - 1].text in r.lex.ctx.club_forms and doc[i - 1].idx + len(doc[i - 1].text) == doc[i].idx:
        i -= 1
    for d in range(j - 2, i, -1):
        if doc[d].text in DOTS and doc[d - 1].text.endswith(r.lex.ctx.league_words):
            return d + 1, j  # Jリーグ・〇〇: the league, then its club
    return i, j


def headed_run_before(r: Region, k: int) -> int | None:
    """Start of a compound of common nouns ending in an organisation head right before token k
    (改造社 + から刊行, 〇〇化学研究所 + を設立): before an organisation context it is a name,
    unless it is a class noun (子会社, 合弁会社) or opens with 同/新/各."""
    doc = r.doc
    head = r.tok(k - 1)
    if head is None or not r.org_head_end(head) or (k - 1) in r.title_tokens or r.lex.classes.types.get(head.text) is not None \
            or head.text.endswith(r.lex.orgs.generic_heads):
        return None
    m = k - 1
    while m - 1 >= r.a and k - (m - 1) <= 5 and (m - 1) not in r.title_tokens and is_noun(doc[m - 1]) \
            and not is_number(doc[m - 1]) and "副詞可能" not in sudachi_tag(doc[m - 1]) \
            and not sudachi_tag(doc[m - 1]).startswith("接尾辞") and doc[m - 1].text not in ("、", "。"):
        m -= 1
    if m - 1 >= r.a and (is_namey(doc[m - 1]) or is_number(doc[m - 1]) or doc[m - 1].text in DOTS):
        return None  # part of a longer name another rule reads
    text = r.text(m, k)
    if len(text) < 3 or text[0] in r.lex.titles.not_names or doc[m].text in r.lex.titles.not_names or r.bare_class(text) \
            or r.lex.classes.match(text) is not None and r.lex.classes.match(text)[1] == text:
        return None
    if any(o.tok_start < k and m < o.tok_end for o in r.cands):
        return None
    return m


@mention_rule("org:named-as", family="org", priority=86,
              doc="a bracketed name after a kind of organisation (バンド「〇〇」, 新会社「〇〇」) or before a founding verb (「〇〇」を設立)")
def named_orgs(r: Region) -> None:
    """``org:named-as``: a name in brackets right after a word for a kind of organisation
    (バンド「〇〇」, 芸能事務所「〇〇」, 新会社「〇〇」, チーム名「〇〇」) is that organisation's
    name. The heads are ``named_org_heads`` in context.json; a head must end the word before
    the bracket, and the bracketed text must be a plain name (no space at its ends, no
    bracket or sentence punctuation inside)."""
    doc = r.doc
    heads = r.lex.ctx.named_org_heads
    text = r.doc_text
    # バンドX JAPAN, ユニットencounter+: a Latin name written right after a word for a group
    for k in range(r.a + 1, r.b):
        if not doc[k].text[:1].isascii() or not doc[k].text[:1].isalpha():
            continue
        before = text[doc[r.a].idx:doc[k].idx]
        if not before.endswith(tuple(r.lex.ctx.latin_named_org_heads)):
            continue
        m = LATIN_RUN.match(text, doc[k].idx)
        if m is None or text[m.end():m.end() + 1] in ("☆", "★", "・") or m.end() - m.start() < 2:
            continue
        j = next((q for q in range(k, r.b) if doc[q].idx + len(doc[q].text) == m.end()), None)
        if j is not None:
            r.add_chars(m.start(), m.end(), k, j + 1, "ORG", "org:named-as")
    for k in range(r.a + 1, r.b - 2):
        shut = NAME_BRACKETS.get(doc[k].text)
        if shut is None:
            continue
        start = doc[k].idx
        before = text[doc[r.a].idx:start]
        if not any(before.endswith(h) for h in heads):
            continue
        close = next((m for m in range(k + 1, min(r.b, k + 12)) if doc[m].text == shut), None)
        if close is None or close == k + 1:
            continue
        name = text[doc[k + 1].idx:doc[close].idx]
        if name != name.strip() or any(ch in name for ch in "「」『』。、“”\"") or len(name) > 30:
            continue
        if not any(ch.isalpha() for ch in name):
            continue
        r.add(k + 1, close, "ORG", "org:named-as")


def bracketed_orgs(r: Region) -> None:
    """``org:named-as``: a name in brackets right before a founding or joining verb (「〇〇」を設立,
    「〇〇」を結成, 「〇〇」に商号変更, 「〇〇」に入社) is an organisation's name. The contexts are
    ``bracket_org_contexts`` in context.json (not 改称: places and facilities are renamed too)."""
    doc = r.doc
    text = r.doc_text
    contexts = tuple(r.lex.ctx.bracket_org_contexts)
    for close in range(r.a + 2, r.b - 1):
        if doc[close].text != "」" or not text.startswith(contexts, doc[close].idx + 1):
            continue
        k = next((m for m in range(close - 1, max(r.a, close - 12) - 1, -1) if doc[m].text in ("「", "」")), None)
        if k is None or doc[k].text != "「" or k + 1 == close:
            continue
        name = text[doc[k + 1].idx:doc[close].idx]
        if name != name.strip() or any(ch in name for ch in "『』。、“”\"") or len(name) > 30 or not any(ch.isalpha() for ch in name):
            continue
        r.add(k + 1, close, "ORG", "org:named-as")


@mention_rule("org:acronym", family="org", priority=44,
              doc="a bare capital acronym standing alone before は/が/の that no dictionary lists as a term")
def acronym_names(r: Region) -> None:
    """``org:acronym``: a bare acronym of two to five capital letters standing alone (not glued to
    a word before it) right before は, が or の (NCAA は, WWE が, CDU の) names an organisation in
    news and encyclopedia prose, unless it is a common abbreviation (one Sudachi's dictionary lists:
    LNG, PKO, PTSD; or one of not_org_words: GDP, CM, LED).
    Any other reading of the same letters wins (lowest priority of the ORG rules)."""
    doc = r.doc
    lex = r.lex
    for k in range(r.a, r.b - 1):
        t = doc[k]
        if not (2 <= len(t.text) <= 5 and t.text.isascii() and t.text.isalpha() and t.text.isupper()):
            continue
        if t.text in lex.ctx.not_org_words or k in r.title_tokens or doc[k + 1].text not in lex.ctx.acronym_org_particles:
            continue
        if is_common_word(t.text):
            continue  # LNG, PKO, PTSD, MRI: an abbreviation Sudachi's dictionary lists is a term, not a name
        before = r.doc_text[t.idx - 1:t.idx] if t.idx > 0 else ""
        if before and (before.isascii() and not before.isspace() or before.isspace() and r.doc_text[max(0, t.idx - 2):t.idx - 1].isascii()):
            continue  # ZIP-FM, J.C.STAFF, Windows NT: the end of a longer Latin name
        prev = r.tok(k - 1)
        if prev is not None and not prev.is_punct and prev.pos_ not in ("ADP", "AUX", "SCONJ", "CCONJ") \
                and prev.idx + len(prev.text) == t.idx:
            continue  # 新 + TENEX, 大学 + OB: part of a longer word
        if prev is not None and prev.text in DOTS:
            continue
        if doc[k + 1].text == "の" and written_shape(t.text) in lex.orgs.unsure_ginza_orgs.get(ene_label(t) or "", ()):
            continue  # MINIX の: a software or a work GiNZA reads as a show organisation
        r.add(k, k + 1, "ORG", "org:acronym")


def coordinated_run(r: Region, k: int, right: bool, ent_end: dict[int, Span]) -> tuple[int, int] | None:
    """The name run next to the list word at token k (after it when ``right``, before it
    otherwise), if the run is a whole name: a particle or punctuation closes it on the far side."""
    if right:
        i = k + 1
        j = name_end_after(r, i, "ORG") if r.tok(i) is not None else i
        if j == i or not r.name_boundary(j):
            return None
    else:
        j = k
        i = r.name_start_before(j, ent_end)
        if i == j or not r.name_boundary_before(i):
            return None
    return i, j


@mention_rule("org:coordinated", family="org", priority=46,
              doc="a name with no reading of its own listed with an organisation (A + や/、/と/及び + B)")
def coordinated_orgs(r: Region) -> None:
    """``org:coordinated``: a name listed with an organisation (A + や/、/と/及び + B) with no reading
    of its own is an organisation of the same list (セガトイズ、〇〇エンタテインメント; 〇〇やイオン)."""
    doc = r.doc
    ent_end = r.ents_by_end()
    r.index_cands()
    seen: set[tuple[int, int]] = set()
    todo = [c for c in r.cands if c.type == "ORG"]
    while todo:
        c = todo.pop()
        for right in (True, False):
            k = c.tok_end if right else c.tok_start - 1
            t = r.tok(k)
            if t is None or t.text not in COORDINATORS:
                continue
            run = coordinated_run(r, k, right, ent_end)
            if run is None or run in seen:
                continue
            i, j = run
            seen.add(run)
            if any(o.tok_start < j and i < o.tok_end for o in r.cands):
                continue  # a name with a reading of its own (a person, a place) keeps it
            if not r.org_name_ok(i, j) or not class_name_ok(r, i, j, "ORG"):
                continue
            if any(doc[m].text in DOTS and doc[m - 1].text.isascii() and doc[m + 1].text.isascii() for m in range(i + 1, j - 1)):
                continue  # CDU・CSU: Latin names joined by ・ are a list of their own
            todo.append(r.add(i, j, "ORG", "org:coordinated"))


@mention_rule("org:bracket-abbrev", family="org", priority=86,
              doc="the short form in brackets after an organisation or a place (〇〇条約機構(NATO)): the same referent")
def bracket_aliases(r: Region, kept: list[Candidate]) -> list[Candidate]:
    """北大西洋条約機構(NATO), パキスタン人民党(PPP): the bracketed short form is the same referent."""
    out = []
    doc = r.doc
    by_end = {c.tok_end: c for c in kept if c.type in ("ORG", "PLACE")}
    for end, c in by_end.items():
        if c.end != doc[end - 1].idx + len(doc[end - 1].text):
            continue
        o = r.tok(end)
        if o is None or o.text not in OPEN:
            continue
        k = end + 1
        while k < r.b and doc[k].text not in CLOSE and k - end <= 4:
            k += 1
        if k >= r.b or doc[k].text not in CLOSE or k == end + 1:
            continue
        inner = doc[end + 1:k]
        if len(inner.text) < len(c.surface or r.doc_text[c.start:c.end]) and (inner.text.isascii() and inner.text[:1].isupper() or len(inner) == 1):
            a = Candidate(inner.start_char, inner.end_char, c.type, "org:bracket-abbrev" if c.type == "ORG" else c.rule,
                          end + 1, k, key=c.key, alias_of=c)
            out.append(a)
    return out


@mention_rule("org:employer", family="org", priority=74,
              doc="the name before の + a person with a corporate title (〇〇の〇〇社長)")
def employers(r: Region, kept: list[Candidate]) -> list[Candidate]:
    """ソフトバンクの孫社長: the name before の + a person with a corporate title is an ORG."""
    out = []
    doc = r.doc
    lex = r.lex
    covered = {i for c in kept for i in range(c.tok_start, c.tok_end)}
    for c in kept:
        if c.type != "PERSON" or not c.title or c.title.split("兼")[-1] not in lex.titles.corporate and not any(c.title.endswith(t) for t in lex.titles.corporate):
            continue
        p = c.tok_start - 1
        if p - 1 < r.a or doc[p].text != "の" or (p - 1) in covered:
            continue
        j = p
        i = j
        while i - 1 >= r.a and (i - 1) not in covered and j - (i - 1) <= 4 and (
                doc[i - 1].text in ("・",) or (is_namey(doc[i - 1]) and not is_number(doc[i - 1]))):
            i -= 1
        if i < j:
            out.append(Candidate(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), "ORG", "org:employer", i, j))
    return out


@mention_rule("org:source", family="org", priority=85,
              doc="a news outlet cited as the source (〇〇スポーツによると, 〇〇新聞が報じた, 〇〇・ポストによれば)")
def source_outlets(r: Region) -> None:
    """〇〇スポーツによると, 〇〇新聞が伝えた: the noun run right before a source frame
    (``source_frames``) ending in a media word (``source_media_heads``) after a word that is no
    kind of outlet (``source_kinds``: 地元テレビ, 一部新聞) names the outlet. Nothing a rule already
    read as a person or a place is retyped."""
    doc = r.doc
    lex = r.lex
    for k in range(r.a + 2, r.b):
        if not r.text(k, min(r.b, k + 4)).startswith(lex.ctx.source_frames):
            continue
        i = k
        while i - 1 >= r.a and k - (i - 1) <= 5:
            t = doc[i - 1]
            # (a dot inside the name, not one listing two outlets: 〇〇新聞・〇〇新聞によると)
            glued_dot = t.text in (".", *DOTS) and i - 2 >= r.a and not doc[i - 2].whitespace_ and not t.whitespace_ and i < k \
                and doc[i - 2].text not in lex.ctx.source_media_heads and not any(c.type == "ORG" and c.tok_end == i - 1 and c.priority >= 72 for c in r.cands)
            if not (glued_dot or (is_noun(t) or is_namey(t) or LATIN_NAME.match(t.text) or t.text.isascii() and t.text.isalnum())
                    and not t.is_punct and not is_person_pos(t)):
                break
            i -= 1
        while i < k and doc[i].text in (".", *DOTS):
            i += 1
        head = doc[k - 1]
        if k - i < 2 or head.text not in lex.ctx.source_media_heads or doc[i].text in lex.ctx.source_kinds:
            continue
        if any(doc[m].text in lex.ctx.source_kinds or r.is_country(doc[m]) for m in range(i, k - 1) if doc[m + 1].text not in DOTS):
            continue  # 地元テレビ, 米国テレビ: a kind of outlet; a place joined by ・ opens the name (〇〇・ポスト)
        if any(c.type in ("PERSON", "PLACE") and c.start < doc[k - 1].idx + len(doc[k - 1].text) and doc[i].idx < c.end
               and c.priority >= 72 and not (c.type == "PLACE" and c.end <= head.idx) for c in r.cands):
            continue
        r.add(i, k, "ORG", "org:source")


@mention_rule("org:propagated", family="org", priority=40,
              doc="a bare mention of a name the document types ORG elsewhere (〇〇株式会社 … 〇〇は), token-aligned, with no reading of its own")
def propagated_orgs(lex: Lexicons, doc: Doc, text: str, found: list[Candidate], spans: list[tuple[int, int]]) -> list[Candidate]:
    """``org:propagated``: records and web pages name a shop or a company once in full
    (株式会社〇〇, 〇〇株式会社) and then bare. Each organisation's name, and its stem without a
    legal form (``org_prefixes``, ``latin_forms``), is looked up in the
    regions ``spans`` (character ranges); a stem the gazetteer lists as a place is not looked up
    (東京 of 東京大学); an occurrence that starts and ends on token boundaries,
    overlaps no mention, is glued to no noun or name before it and is closed by a particle or
    punctuation after it (not a compound: 〇〇 + 本社) is one more mention of the organisation. A
    name any mention types otherwise (a person, a place), a one-character name and a common word
    (Sudachi's: ケース) are never propagated."""
    other = {text[c.start:c.end] for c in found if c.type != "ORG"}
    legal_forms = (*lex.ctx.org_prefixes, *lex.ctx.latin_forms)
    names: set[str] = set()
    for c in found:
        if c.type != "ORG":
            continue
        s = text[c.start:c.end]
        forms = {s}
        for p in legal_forms:
            if s.startswith(p):
                forms.add(s[len(p):].strip())
            if s.endswith(p):
                forms.add(s[: -len(p)].strip())
        for f in forms:
            ref = lex.index.get(f) if f != s else None
            if len(f) >= 2 and f not in other and not any(ch in f for ch in "「」『』。、 　") and not is_common_word(f) \
                    and not (ref is not None and ref.type != "ORG"):
                names.add(f)
    if not names or not spans:
        return []
    starts = {t.idx: t.i for t in doc}
    ends = {t.idx + len(t.text): t.i for t in doc}
    taken = sorted((c.start, c.end) for c in found)
    reach = list(accumulate((b for _a, b in taken), max))  # the furthest end of the mentions starting so far
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    out: list[Candidate] = []
    for lo, hi in spans:
        for m in pattern.finditer(text, lo, hi):
            s, e = m.start(), m.end()
            i, j = starts.get(s), ends.get(e)
            if i is None or j is None:
                continue
            n = bisect_left(taken, (e, -1))  # the mentions starting before the occurrence ends
            if n > 0 and reach[n - 1] > s:
                continue
            if _runs_on(doc[i - 1] if i > 0 else None, doc[i]) or not _stands_alone(doc[j + 1] if j + 1 < len(doc) else None):
                continue
            out.append(Candidate(s, e, "ORG", "org:propagated", i, j + 1))
    return out


def _runs_on(t: Token | None, edge: Token) -> bool:
    """Does the token before an occurrence go on with a longer name or compound (a noun, a name
    or ・ glued to it: スタジオ + 〇〇, 〇〇・ + 〇〇)?"""
    if t is None or t.is_space or t.text in ("「", "『", "（", "(", "、", "。"):
        return False
    glued = t.idx + len(t.text) == edge.idx
    return glued and (t.text in DOTS or is_noun(t) or is_namey(t) or LATIN_NAME.match(t.text) is not None)


def _stands_alone(t: Token | None) -> bool:
    """Does the token after an occurrence close a bare name (a particle, a copula, punctuation,
    the end of the text), rather than go on with a compound (〇〇 + 本社, 〇〇 + 商品)?"""
    return t is None or (t.is_punct and t.text not in DOTS) or t.is_space or t.pos_ in ("ADP", "AUX", "SCONJ", "CCONJ", "PART")
