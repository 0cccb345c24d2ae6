"""Person rules: titles and honorifics, names before them, person-only contexts, families and kin, dotted katakana names, and the name helpers the other families use."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...ginza_adapter import can_be_surname, ene_label, sudachi_tag
from .candidate import Candidate
from .region import Region
from .registry import mention_rule
from .tokens import (
    ACRONYM,
    CLOSE,
    CLOSE_QUOTE,
    DOTS,
    HIRAGANA,
    INITIAL,
    KANJI,
    KATAKANA,
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


def sub_token_title(r: Region, t: Token) -> tuple[int, str] | None:
    """トランプ大統領 as one token: (length of the name part, title)."""
    lex = r.lex
    if len(t.text) < 3 or t.text in lex.titles.heads:
        return None
    h = lex.title_suffix(t.text)
    if h is None:
        return None
    name = t.text[: -len(h)]
    if KATAKANA.match(name) and len(name) >= 2 or (is_person_pos(t) and KANJI.match(name)):
        return len(name), h
    return None


def head_end(r: Region, j: int) -> int | None:
    """End of the title head starting at token j: one token (長官) or several that Sudachi
    split (董 + 事 + 長 = 董事長)."""
    best = j + 1 if r.is_head(r.doc[j]) else None
    s = r.doc[j].text
    if best is None and j + 1 < r.b and r.doc[j + 1].text == "長" and len(s) >= 2 and KANJI.match(s) \
            and s[-1] in r.lex.ctx.office_heads and not is_propn(r.doc[j]) and j > r.a \
            and (is_person_pos(r.doc[j - 1]) or r.doc[j - 1].text in r.lex.titles.modifiers and j - 1 > r.a and is_person_pos(r.doc[j - 2])):
        return j + 2  # 報道局 + 長 right after a name (or a name + 副): the head of an office is the person's title
    if best is None and j + 2 < r.b and r.doc[j + 2].text == "長" and r.doc[j + 1].text in r.lex.ctx.office_heads \
            and KANJI.match(s) and is_noun(r.doc[j]) and not is_propn(r.doc[j]) and j > r.a and is_person_pos(r.doc[j - 1]):
        return j + 3  # 刑事 + 部 + 長 right after a name: an office Sudachi splits, and its head
    for e in range(j + 1, min(r.b, j + 3)):
        s += r.doc[e].text
        if s in r.lex.titles.heads:
            best = e + 1
    return best


def find_titles(r: Region) -> None:
    """Title runs (財務 + 長官) and honorifics, keyed by their first token."""
    lex = r.lex
    i = r.a
    while i < r.b:
        t = r.doc[i]
        sub = sub_token_title(r, t)
        if sub is not None:
            r.sub_titles[i] = sub
            i += 1
            continue
        if t.text in lex.titles.honorifics and i > r.a:
            r.title_at[i] = (i + 1, t.text, True)
            r.title_tokens.add(i)
            i += 1
            continue
        if surname_before_title(r, i) or given_after_surname(r, i):
            i += 1  # 岩屋|外務大臣, 〇〇政史|市長: the word is the name, the title starts after it
            continue
        if i + 1 < r.b and r.doc[i + 1].text == "長" and len(t.text) >= 2 and not r.is_head(t) and head_end(r, i) == i + 2:
            r.title_at[i] = (i + 2, r.text(i, i + 2), False)  # 田中一郎|報道局長
            r.title_tokens.update((i, i + 1))
            i += 2
            continue
        if (t.text in lex.orgs.heads or t.text in lex.ctx.place_suffixes or r.org_head_end(t)) and i > r.a \
                and (i - 1) not in r.title_tokens and is_noun(r.doc[i - 1]) and not r.doc[i - 1].is_punct \
                and not (is_person_pos(r.doc[i - 1]) and not is_propn(t) and i + 1 < r.b and r.is_head(r.doc[i + 1])):
            i += 1  # 朝鮮労働党|中央委員, 太平洋艦隊|司令長官: the head closes the name before the title
            continue
        if t.text in lex.titles.modifiers or head_end(r, i) or (
                KANJI.match(t.text) and len(t.text) >= 2 and is_noun(t) and not is_propn(t)
                and i + 1 < r.b and r.is_head(r.doc[i + 1])):
            j = i
            last_head = -1
            while j < r.b and j - i < 5:
                tj = r.doc[j]
                e = head_end(r, j)
                if e is not None:
                    last_head = e - 1
                    j = e
                    continue
                elif not (tj.text in lex.titles.modifiers or (is_noun(tj) and KANJI.match(tj.text) and not is_propn(tj)
                                                        and len(tj.text) >= 2 and j + 1 < r.b and r.is_head(r.doc[j + 1]))):
                    break
                j += 1
            if last_head >= 0:
                nxt = r.tok(last_head + 1)
                if nxt is None or nxt.text not in lex.titles.not_after:
                    r.title_at[i] = (last_head + 1, r.text(i, last_head + 1), False)
                    r.title_tokens.update(range(i, last_head + 1))
                    i = last_head + 1
                    continue
        i += 1


def surname_before_title(r: Region, i: int) -> bool:
    """A kanji word that Sudachi read as a common noun but knows as a surname, opening a phrase
    right before a title (岩屋外務大臣は, 、岩屋大臣が): the name, not part of the title."""
    t = r.doc[i]
    if t.text in r.lex.titles.modifiers or is_propn(t) or not is_noun(t) or len(t.text) < 2 or not KANJI.match(t.text):
        return False
    if i + 1 >= r.b or head_end(r, i + 1) is None and r.doc[i + 1].text not in r.lex.titles.modifiers:
        return False
    prev = r.tok(i - 1)
    if prev is not None and is_noun(prev):
        return False  # inside a longer compound (経済産業大臣)
    return can_be_surname(t.text)


def given_after_surname(r: Region, i: int) -> bool:
    """A kanji word Sudachi reads as a common noun (政史) right after a surname it knows, inside the
    one person GiNZA reads there, and right before a title: the given name, not a word of the title
    (a field such as 財務 in 〇〇財務大臣 is no part of GiNZA's person)."""
    t = r.doc[i]
    if i <= r.a or not KANJI.match(t.text) or len(t.text) > 2 or is_propn(t) or t.text in r.lex.titles.modifiers:
        return False
    prev = r.doc[i - 1]
    if not (sudachi_tag(prev).endswith("-姓") and KANJI.match(prev.text)) or prev.whitespace_:
        return False
    if not (t.ent_iob_ == "I" and t.ent_type_ == "Person" and prev.ent_type_ == "Person"):
        return False
    return i + 1 < r.b and head_end(r, i + 1) is not None


def role_before_honorific(toks: Span) -> bool:
    """Is the word before a familiar honorific (さん, 様, ちゃん) a role, a shop or a being rather
    than a name? It ends in a noun suffix (ピザ屋, 借地人), or it is one common noun Sudachi reads
    as such in context and its dictionary lists (花屋, 作家; a single character only before 様/さま:
    神様, 姫様, while 西さん stays a surname)."""
    last = toks[-1]
    if sudachi_tag(last).startswith("接尾辞"):
        return True
    if len(toks) != 1 or not sudachi_tag(last).startswith("名詞-普通名詞") or not is_common_word(last.text):
        return False
    honorific = last.doc[last.i + 1].text if last.i + 1 < len(last.doc) else ""
    return len(last.text) >= 2 or honorific in ("様", "さま")


def name_before(r: Region, k: int, honorific: bool, continues: bool = False) -> tuple[int, int] | None:
    """The name run ending right before token k, as (start, end) tokens."""
    lex = r.lex
    j = k
    i = k
    while i - 1 >= r.a and k - (i - 1) <= 7:
        t = r.doc[i - 1]
        if t.text in DOTS and i - 2 >= r.a and is_namey(r.doc[i - 2]) and (i < k or continues):
            i -= 1
            continue
        if t.text in lex.titles.not_names or t.text in lex.titles.modifiers or t.text in lex.titles.honorifics:
            break
        if is_katakana(t) and not is_person_pos(t) and (t.text in lex.orgs.katakana_heads or is_common_word(t.text)) \
                and not glued_before_dot(r, i, j) and not (i - 2 >= r.a and r.doc[i - 2].text in DOTS):
            break  # ヘッド + コーチ, 〇〇インターナショナル + 会長: a common word or a company's head, no name
        if is_katakana(t) or is_person_pos(t) or bool(LATIN_NAME.match(t.text)) and not ACRONYM.match(t.text):
            i -= 1
            continue
        if ene_label(t) == "Person" and is_noun(t) and not is_number(t):
            i -= 1
            continue
        if i == k and not honorific and surname_before_title(r, i - 1):
            i -= 1  # 岩屋外務大臣: a surname Sudachi read as a common noun
            continue
        if honorific and i == k and is_noun(t) and not is_number(t) and (KANJI.match(t.text) or is_propn(t)) \
                and k < r.b and r.doc[k].text not in lex.titles.occupation_honorifics and not (is_common_word(t.text) and not is_propn(t) and not can_be_surname(t.text)):
            # 鈴木氏: a kanji word right before 氏 is a name even when Sudachi does not say 人名
            i -= 1
            continue
        break
    if i == j:
        return None
    # a name never starts with the dot
    while i < j and r.doc[i].text in DOTS:
        i += 1
    return (i, j) if i < j else None


def glued_before_dot(r: Region, i: int, j: int) -> bool:
    """ショー + カット + ・アジーズ: does the word before token i run on as katakana, with no space,
    up to a dot inside the name run (before token j)? Then it is part of a dotted name's first
    word, however Sudachi split it."""
    m = i
    while m < j and is_katakana(r.doc[m]) and not r.doc[m - 1].whitespace_:
        m += 1
    return m < j and r.doc[m].text in DOTS and not r.doc[m - 1].whitespace_


def affiliation_before(r: Region, k: int) -> tuple[int, Candidate | None]:
    """A country/organisation between a name and its title (米 in ベッセント米財務長官)."""
    t = r.tok(k - 1)
    if t is None:
        return k, None
    ref = r.short_form(t)
    if ref is not None:
        c = r.add(k - 1, k, "PLACE", "place:short-form", key=ref.key)
        return k - 1, c
    # longest gazetteer name ending at k-1
    for i in range(max(r.a, k - 6), k):
        hit = r.gazetteer_at(i)
        if hit and hit[0] == k:
            c = r.add(i, k, hit[1].type, hit[1].source, key=hit[1].key)
            return i, c
    if ACRONYM.match(t.text):
        c = r.add(k - 1, k, "ORG", "org:suffix")
        return k - 1, c
    before = r.tok(k - 2)
    if is_place_pos(t) and before is not None and (before.text in DOTS or is_namey(before)):  # 〇〇・〇〇州知事
        c = r.add(k - 1, k, "PLACE", "sudachi:地名")
        return k - 1, c
    if r.org_head_end(t) and t.text not in r.lex.titles.heads:  # 〇〇建設組合組合長
        i = k - 1
        while i - 1 >= r.a and KANJI.match(r.doc[i - 1].text) and is_noun(r.doc[i - 1]) and not is_propn(r.doc[i - 1]) and k - i < 4 \
                and r.name_word(r.doc[i - 1]):
            i -= 1
        if i < k - 1 or is_propn(t):
            c = r.add(i, k, "ORG", "org:suffix")
            return i, c
    return k, None


@mention_rule("person:title", family="person", priority=90,
              doc="a name right before a title (〇〇大統領, 〇〇国務長官); the title stays outside the mention")
@mention_rule("person:honorific", family="person", priority=90,
              doc="a name right before an honorific (〇〇氏, 〇〇さん); the honorific stays outside the mention")
def titled_persons(r: Region) -> None:
    """The name before each title or honorific :func:`find_titles` found, with the country or
    body between them (米 in 〇〇米財務長官) as its affiliation; a place before a local title
    (〇〇州知事) is the jurisdiction, and a name before a post and a verb of holding it the body."""
    lex = r.lex
    for k, (n, title) in sorted(r.sub_titles.items()):
        t = r.doc[k]
        run = name_before(r, k, False, continues=KATAKANA.match(t.text[:n]) is not None)
        i = run[0] if run else k
        honorific = title in lex.titles.honorifics
        c = r.add_chars(r.doc[i].idx, t.idx + n, i, k + 1, "PERSON", "person:honorific" if honorific else "person:title",
                           title=title, title_is_honorific=honorific)
        set_name_parts(r, c, r.doc[i:k + 1], last=t.text[:n])
    for k, (_end, title, honorific) in sorted(r.title_at.items()):
        affil = None
        name_end = k
        dotted = False
        if not honorific and title not in lex.titles.noble:
            name_end, affil = affiliation_before(r, k)
            if affil is not None and name_end - 1 >= r.a and r.doc[name_end - 1].text in DOTS:
                name_end -= 1
                dotted = True
        run = name_before(r, name_end, honorific, continues=dotted)
        if run is None:
            continue
        i, j = run
        if j - i >= 2 and r.doc[j - 1].text in r.lex.ctx.military_services:
            j -= 1  # 〇〇 + 海軍 + 大佐: the service is part of the rank
        toks = r.doc[i:j]
        occupation = any(title.endswith(o) for o in lex.titles.occupations)
        if len(toks) == 1 and (toks[0].text in lex.titles.not_names or INITIAL.match(toks[0].text) or (
                occupation and is_katakana(toks[0]) and ene_label(toks[0]) != "Person" and is_common_word(toks[0].text))):
            continue  # バドミントン選手: a katakana dictionary word before a title is not a name; A代表: a grade
        if honorific and title in lex.titles.familiar_honorifics and role_before_honorific(toks):
            continue  # ピザ屋さん, 借地人さん, 花屋さん, 神様: a shop, a role or a being, no name
        if not honorific and len(toks) == 1 and r.gazetteer_at(i) and r.gazetteer_at(i)[0] == j \
                and title not in lex.titles.noble:  # (ハリファックス伯爵 is a person)
            # ロシア大統領: a country before a title is the person's country, not a name
            ref = r.gazetteer_at(i)[1]
            r.add(i, j, ref.type, ref.source, key=ref.key)
            continue
        if not honorific and all(is_place_pos(t) and not is_person_pos(t) for t in toks) and (
                affil is not None and all(ene_label(t) != "Person" for t in toks)
                or len(toks[-1].text) >= 3 and toks[-1].text[-1:] in lex.ctx.place_suffixes):
            r.add(i, j, "PLACE", "sudachi:地名")  # 〇〇 + 省政府 + 主席, 〇〇町 + 商工会長: the place, not a name
            continue
        if not honorific and title[:1] in lex.ctx.place_suffixes and all(
                is_place_pos(t) and not is_person_pos(t) and ene_label(t) != "Person" for t in toks):
            # テキサス州知事, 横浜市長: the place before a local title is its jurisdiction, not a name
            tt = r.doc[k]
            if tt.idx == toks[-1].idx + len(toks[-1].text) and len(tt.text) > 1:
                r.add_chars(toks[0].idx, tt.idx + 1, i, k + 1, "PLACE", "place:suffix")
            else:
                r.add(i, j, "PLACE", "sudachi:地名")
            continue
        if not honorific and affil is None and r.text(_end, min(r.b, _end + 3)).startswith(lex.ctx.office_verbs) \
                and all(is_namey(t) and not is_place_pos(t) and (is_katakana(t) or not is_person_pos(t)) for t in toks) \
                and not r.gazetteer_at(i):
            # 〇〇 + 副頭取 + を務めた: one holds a post at a body, so the name before the post is the body
            r.add(i, j, "ORG", "org:context")
            continue
        rule = "person:honorific" if honorific else "person:title"
        c = r.add(i, j, "PERSON", rule, title=title, title_is_honorific=honorific, affiliation=affil)
        set_name_parts(r, c, toks)


def set_name_parts(r: Region, c: Candidate, toks: Span, last: str | None = None) -> None:
    """Record the surname (and given name) of the person ``c`` written as ``toks``: the last part
    of a dotted foreign name, Sudachi's 姓 of a kanji name; ``last`` replaces the last token's text."""
    parts = [t.text for t in toks if t.text not in DOTS]
    if last is not None and parts:
        parts[-1] = last
    if any(t.text in DOTS for t in toks) and len(parts) >= 2:
        c.surname = parts[-1]
        c.given = parts[0]
    elif len(parts) >= 2 and all(KANJI.match(p) for p in parts):
        sur = [t.text for t in toks if sudachi_tag(t).startswith("名詞-固有名詞-人名-姓")]
        c.surname = sur[0] if sur else parts[0]
    elif len(parts) >= 2:
        c.surname = parts[-1]


@mention_rule("person:leader-of", family="person", priority=74,
              doc="the name before 政権 / 陣営 / 内閣 is the person who leads it (〇〇政権)")
def leader_of(r: Region, start: int, k: int) -> None:
    """トランプ政権, 〇〇陣営: the name before 政権/陣営/内閣 is the person who leads it."""
    doc = r.doc
    t = doc[k]
    for head in r.lex.ctx.leader_heads:
        if not t.text.endswith(head):
            continue
        if start == k:  # one token: トランプ政権
            name = t.text[: -len(head)]
            if len(name) >= 2 and KATAKANA.match(name) and r.lex.index.get(name) is None:
                r.add_chars(t.idx, t.idx + len(name), k, k + 1, "PERSON", "person:leader-of")
        elif t.text == head and r.lex.index.get(r.text(start, k)) is None and all(
                is_katakana(doc[m]) or is_person_pos(doc[m]) or doc[m].text in DOTS for m in range(start, k)):
            c = r.add(start, k, "PERSON", "person:leader-of")
            set_name_parts(r, c, doc[start:k])
        return


def one_char_given_part(r: Region, i: int, j: int) -> bool:
    """李 + 万 + 建 (+ 党中央委員会): is token j the second character of a two-character given
    name Sudachi leaves apart, after a one-character surname and given name (Chinese and Korean
    names), right before an organisation or a title?"""
    doc = r.doc
    t, u = r.tok(j), r.tok(j + 1)
    return (j - i == 2 and len(doc[i].text) == 1 and len(doc[i + 1].text) == 1 and sudachi_tag(doc[i]).endswith("-姓")
            and t is not None and u is not None and KANJI.match(t.text) is not None and len(t.text) == 1 and not is_propn(t)
            and not r.org_head_end(t) and not r.is_head(t) and j not in r.title_tokens
            and (r.org_head_end(u) or r.known_org(u) or j + 1 in r.title_tokens))


def full_name_end(r: Region, i: int, k: int) -> int | None:
    """李 + 万 + 建党中央委員会, 荒賀 + 泰太 + 薬務局: a Japanese or Chinese full name (a kanji surname
    and given name Sudachi knows) opening a compound that ends in an organisation head at token k
    is the person, written before the organisation; returns where the organisation starts."""
    doc = r.doc
    if k - i < 3 or not (KANJI.match(doc[i].text) and sudachi_tag(doc[i]).endswith("-姓")):
        return None
    j = i + 1
    if not (KANJI.match(doc[j].text) and (sudachi_tag(doc[j]).endswith("-名") or doc[j].ent_iob_ == "I" and doc[j].ent_type_ == "Person")):
        return None
    j = given_name_end(r, i, j + 1) or j + 1
    if j < k and one_char_given_part(r, i, j):
        j += 1
    if j < k and (r.org_head_end(doc[j]) or r.known_org(doc[j])
                  or any(doc[m].text[-1] in r.lex.orgs.government_ends or doc[m].text[-1] in ("党", "軍") for m in range(j, k + 1))):
        return j  # a public body (〇〇局, 〇〇党); 前川國男 + 建築設計事務所 is a firm named after the architect
    return None


def given_name_end(r: Region, i: int, j: int) -> int | None:
    """大林 + 芳 + 五郎, 永井 + 岩 + 之 + 丞: after a surname and a given name, an ending of given
    names (``given_name_ends``) Sudachi split off belongs to the name when the phrase ends after it."""
    doc = r.doc
    lex = r.lex
    if j - i != 2 or not sudachi_tag(doc[i]).endswith("-姓") or not sudachi_tag(doc[i + 1]).endswith("-名") \
            or not KANJI.match(doc[i + 1].text):
        return None
    s = ""
    for m in range(j, min(r.b, j + 3)):
        if m in r.title_tokens or not KANJI.match(doc[m].text):
            return None
        s += doc[m].text
        if s in lex.ctx.given_name_ends:
            after = r.tok(m + 1)
            if after is None or not (is_noun(after) or is_namey(after)) or after.text in lex.titles.person_trailers \
                    or after.text in lex.titles.honorifics or m + 1 in r.title_tokens or r.is_head(after):
                return m + 1
    return None


def name_tail(r: Region, i: int, j: int) -> int:
    """A rare given-name character Sudachi splits off (伊藤穣 + 一, 徐傅 + 霖) or a regnal number
    (ラムセス + 2 + 世) still belongs to the name when the phrase ends right after it."""
    doc = r.doc
    lex = r.lex
    t = r.tok(j)
    if t is None or j in r.title_tokens or t.text in lex.titles.honorifics or t.text in lex.titles.person_trailers or r.is_head(t):
        return j
    if (end := given_name_end(r, i, j)) is not None:
        return end
    if one_char_given_part(r, i, j):
        return j + 1
    name = r.text(i, j)
    if is_katakana(doc[j - 1]) and is_number(t) and r.tok(j + 1) is not None and r.tok(j + 1).text == "世":
        return j + 2
    u = r.tok(j + 1)
    if j == i + 1 and sudachi_tag(doc[i]).endswith("-姓") and KANJI.match(t.text) and len(t.text) == 1 and u is not None \
            and KANJI.match(u.text) and len(u.text) == 1 and not is_propn(t) and not is_propn(u) and j + 1 not in r.title_tokens \
            and u.text not in lex.titles.honorifics and not r.is_head(u) and t.text not in lex.orgs.heads and t.text not in lex.ctx.place_suffixes \
            and not {t.text, u.text} & lex.tail_stops:
        after = r.tok(j + 2)
        if after is None or after.pos_ in ("ADP", "PUNCT", "AUX", "SCONJ", "CCONJ"):
            return j + 2  # 岡本 + 吾 + 市 + が: a given name Sudachi splits into characters
    if not KANJI.match(name) or len(name) > 4 or not KANJI.match(t.text) or len(t.text) != 1:
        return j
    if t.text in lex.orgs.heads or t.text in lex.ctx.place_suffixes or t.text in lex.orgs.state_bodies or t.text in lex.short_forms_set:
        return j
    nxt = r.tok(j + 1)
    if nxt is None or not (is_noun(nxt) or KANJI.match(nxt.text) or is_katakana(nxt)):
        return j + 1
    return j


def glued_head_type(r: Region, i: int, j: int) -> str | None:
    """A name run whose last token is a common word glued to the name (Sudachi files it apart, GiNZA
    keeps it inside its person): ``"ORG"`` when that word names a business the person runs
    (〇〇 + 工房, ``founder_heads``), ``"NONE"`` when it names a thing after the person (〇〇 + 式,
    ``eponym_heads``), else None (the run stays a person)."""
    from .shapes import name_shapes  # (shapes imports the region helpers; loaded lazily)

    if j - i < 2:
        return None
    last = r.doc[j - 1]
    if is_person_pos(last) or not (is_noun(last) or sudachi_tag(last).startswith("接尾辞")):
        return None
    shapes = name_shapes()
    if last.text in shapes.founder_heads:
        return "ORG"
    if last.text in shapes.eponym_heads:
        return "NONE"
    return None


def initial_at(r: Region, j: int) -> bool:
    """・ + a one-letter initial + ・ + katakana at token j (・J・ in ウィリアム・J・ロビンソン)?"""
    d = r.doc
    return (j + 3 < r.b and d[j].text in DOTS and INITIAL.match(d[j + 1].text) is not None
            and d[j + 2].text in DOTS and is_katakana(d[j + 3]))


def kana_given_name(r: Region, i: int, j: int) -> bool:
    """宮内 + あすか, 中山 + ち + ゑ: GiNZA's person made of a kanji surname and a given name of two to
    four hiragana, the phrase ending after it."""
    doc = r.doc
    kana = r.text(i + 1, j)
    nxt = r.tok(j)
    return (j - i >= 2 and KANJI.match(doc[i].text) is not None and can_be_surname(doc[i].text) and HIRAGANA.match(kana) is not None
            and 2 <= len(kana) <= 4 and (nxt is None or not (is_noun(nxt) or is_namey(nxt)) or nxt.is_punct))


def lone_surname(r: Region, i: int, ginza: bool = False) -> bool:
    """A kanji surname Sudachi knows standing alone as its phrase before a particle (〇〇は, 〇〇の):
    a person, unless it names a temple, a shop or a building (〇〇寺, 〇〇屋). ``ginza``: GiNZA
    reads a person there, and the word is a surname in one of its dictionary readings (宮崎, 松岡)."""
    t = r.doc[i]
    prev, nxt = r.tok(i - 1), r.tok(i + 1)
    return (KANJI.match(t.text) is not None and (sudachi_tag(t).endswith("-姓") or sudachi_tag(t).endswith("-名") and len(t.text) >= 2
                                                 or ginza and len(t.text) >= 2 and can_be_surname(t.text))
            and not t.text.endswith(r.lex.ctx.not_surname_ends) and not is_common_word(t.text)  # (との見方も: a common word)
            and nxt is not None and nxt.text in r.lex.ctx.lone_surname_particles
            and (prev is None or not (is_noun(prev) or is_namey(prev)) or prev.is_punct))


def person_or_org(r: Region, i: int, j: int) -> str:
    """A katakana chain typed PERSON is an ORG when a part is a place or a company word
    (カンザスシティ・ロイヤルズ, サバン・キャピタル); kanji names joined by ・ are a LIST."""
    doc = r.doc
    parts = [t for t in doc[i:j] if t.text not in DOTS]
    if any(t.text in r.lex.ctx.place_suffixes for t in parts[1:]) or (
            len(parts) > 1 and is_place_pos(parts[0]) and parts[0].text[-1:] in r.lex.ctx.place_suffixes):
        return "NONE"  # カリフォルニア州クパチーノ is an address
    if len(parts) >= 2 and all(KANJI.match(t.text) for t in parts if t.text != "&") and any(t.text == "&" for t in doc[i:j]):
        return "LIST"  # 坂口&小林: a pair of Japanese names
    if len(parts) < 2 or not any(t.text in DOTS for t in doc[i:j]):
        return "PERSON"
    if all(KANJI.match(t.text) for t in parts):
        return "LIST"
    if parts[-1].text in r.lex.orgs.katakana_heads or r.org_head_end(parts[-1]):
        return "ORG"
    if r.is_place_token(parts[0]) and not is_person_pos(parts[0]) and not all(r.is_place_token(t) for t in parts) \
            and not any(is_person_pos(t) and not r.is_place_token(t) for t in parts[1:]):
        return "ORG"  # (ランス・バークマン: a surname after a first name that is also a city)
    return "PERSON"


@mention_rule("person:context", family="person", priority=50,
              doc="a name GiNZA reads as a person, or a lone surname, before a context only people stand before (と結婚, に師事, の妻)")
def person_context(r: Region) -> None:
    """X と結婚, X に師事, X の妻: a name GiNZA reads as a person, or a lone surname Sudachi
    knows, that no rule took is a PERSON before a context only people stand before."""
    doc = r.doc
    lex = r.lex
    taken = {k for c in r.cands for k in range(c.tok_start, c.tok_end)}
    spans = [(e.start, e.end) for e in r.ents if e.label_ == "Person"]
    spans += [(t.i, t.i + 1) for t in doc[r.a:r.b] if is_person_pos(t)]
    seen = set()
    people = [c for c in r.cands if c.type == "PERSON"]
    for i, j in spans:
        while i < j and (doc[i].is_punct or doc[i].text in DOTS or i in r.title_tokens or ACRONYM.match(doc[i].text)
                         or doc[i].text in lex.ctx.kin_words or doc[i].text == "の" and i > r.a and doc[i - 1].text in lex.ctx.kin_words):
            i += 1  # (FW + 〇〇: a position before the name; 父・〇〇: a kin word)
        while j + 1 < r.b and doc[j].text in DOTS and is_katakana(doc[j + 1]) and is_katakana(doc[j - 1]):
            j += 2  # 〇〇 + ・ + 〇〇: GiNZA may stop at the dot
        while j > i and (doc[j - 1].is_punct or doc[j - 1].text in DOTS or j - 1 in r.title_tokens
                         or doc[j - 1].text in lex.titles.honorifics or doc[j - 1].text in lex.titles.person_trailers):
            j -= 1
        if i >= j or (i, j) in seen or taken.intersection(range(i, j)) or j >= r.b:
            continue
        seen.add((i, j))
        if not all(is_noun(t) or is_namey(t) or t.text in DOTS for t in doc[i:j]) or r.is_head(doc[j - 1]):
            continue
        prev = r.tok(i - 1)
        kin = prev is not None and (prev.text in lex.ctx.kin_words or prev.text in ("の", *DOTS) and i - 2 >= r.a
                                    and doc[i - 2].text in lex.ctx.kin_words)
        if prev is not None and (is_noun(prev) or is_namey(prev)) and not prev.is_punct and not kin:
            continue  # (大林芳 + 五郎: the end of a longer word, not a name)
        if len(r.text(i, j)) < (1 if kin else 2) or any(t.text in lex.titles.not_names for t in doc[i:j]) or lex.title_suffix(r.text(i, j)):
            continue
        if any(is_common_word(t.text) and not is_person_pos(t) and is_katakana(t) for t in doc[i:j]):
            continue  # ジャズ・ギタリスト, 除幕: common words
        if not kin and r.person_context_at(j) is None and not listed_with_person(r, i, j, people) and not katakana_subject(r, i, j):
            continue
        c = r.add(i, j, "PERSON", "person:context")
        set_name_parts(r, c, doc[i:j])
        taken.update(range(i, j))


def katakana_subject(r: Region, i: int, j: int) -> bool:
    """An unknown katakana name (no common word, no place) GiNZA reads as a person, as the topic
    of its sentence (ペトロフスキーは): a person more often than not."""
    doc = r.doc
    nxt = r.tok(j)
    return (nxt is not None and nxt.text == "は" and any(is_katakana(t) for t in doc[i:j]) and all(len(t.text) <= 7 for t in doc[i:j])
            and all(t.text in DOTS or is_katakana(t) and not is_common_word(t.text) and not r.is_place_token(t)
                    and t.text not in r.lex.orgs.katakana_heads for t in doc[i:j])
            and not any(is_katakana(doc[m]) and is_katakana(doc[m + 1]) for m in range(i, j - 1))  # (one word per part)
            and any(e.label_ == "Person" and e.start <= i and j <= e.end for e in r.ents))


def listed_with_person(r: Region, i: int, j: int, people: list[Candidate]) -> bool:
    """Is doc[i:j] an item of a list (、, と, や between items, or ・ on both sides) next to a person
    found by another rule?"""
    doc = r.doc
    seps = ("、", "と", "や")  # (・ also joins a role and a name: 城主・〇〇)
    nxt = r.tok(j)
    if nxt is None or is_noun(nxt) or is_namey(nxt) or any(r.is_head(t) for t in doc[i:j]):
        return False
    if i - 1 > r.a and doc[i - 1].text in DOTS and nxt.text in DOTS and any(c.tok_end == i - 1 or c.tok_start == j + 1 for c in people):
        return True  # 〇〇・(the name)・〇〇: inside a list joined by ・
    if i - 1 > r.a and doc[i - 1].text in seps and any(c.tok_end == i - 1 for c in people):
        return True
    return j + 1 < r.b and doc[j].text in seps and any(c.tok_start == j + 1 for c in people)


@mention_rule("person:family", family="person", priority=80,
              doc="a surname right before a word for a family (〇〇家, 〇〇一族, 〇〇兄弟)")
def family_names(r: Region) -> None:
    """〇〇家, 〇〇一族, 〇〇兄弟: the surname right before a word for a family (``family_words``)
    is a PERSON (a kanji surname Sudachi knows, or an unknown katakana name), when it does not
    end a longer compound."""
    doc = r.doc
    for k in range(r.a + 1, r.b):
        if doc[k].text not in r.lex.ctx.family_words or k in r.title_tokens:
            continue
        nxt = r.tok(k + 1)
        if nxt is not None and (is_noun(nxt) and nxt.text not in r.lex.titles.person_trailers or is_namey(nxt)):
            continue  # 〇〇家 + 住宅: the family names a house or a thing
        i = family_name_start(r, k)
        if i is None:
            continue
        c = r.add(i, k, "PERSON", "person:family")
        set_name_parts(r, c, doc[i:k])


def family_name_start(r: Region, k: int) -> int | None:
    """Where the surname ending right before token k starts, if there is one."""
    doc = r.doc
    t = doc[k - 1]
    if KANJI.match(t.text) and sudachi_tag(t).endswith("-姓"):
        i = k - 1
    elif is_katakana(t) and not is_common_word(t.text) and t.text not in r.lex.orgs.katakana_heads:
        i = k - 1
        while i - 2 >= r.a and doc[i - 1].text in DOTS and is_katakana(doc[i - 2]):
            i -= 2  # ハプスブルク＝ロートリンゲン家
    else:
        return None
    prev = r.tok(i - 1)
    if prev is not None and (is_noun(prev) or is_namey(prev)) and not prev.is_punct and prev.text not in DOTS:
        return None  # 徳川将軍 + 家, 〇〇県 + 〇〇家: the end of a longer word
    return i


@mention_rule("person:kin", family="person", priority=50,
              doc="a katakana name right after a kin word (母〇〇, 娘の〇〇, 父・〇〇)")
def kin_names(r: Region) -> None:
    """母サリー, 娘のジンジ, 父・〇〇: a katakana name right after a kin word (``kin_words``, with の or
    ・ between or not) is a PERSON, when it is no dictionary word or GiNZA reads a person."""
    doc = r.doc
    for k in range(r.a, r.b - 1):
        if doc[k].text not in r.lex.ctx.kin_words:
            continue
        i = k + 2 if doc[k + 1].text in ("の", *DOTS) else k + 1
        if i >= r.b or not is_katakana(doc[i]):
            continue
        j = i + 1
        while j + 1 < r.b and doc[j].text in DOTS and is_katakana(doc[j + 1]):
            j += 2
        nxt = r.tok(j)
        if nxt is not None and (is_katakana(nxt) or is_noun(nxt) and not nxt.is_punct or is_namey(nxt)):
            continue
        parts = [t for t in doc[i:j] if t.text not in DOTS]
        if any(r.is_place_token(t) or t.text in r.lex.orgs.katakana_heads for t in parts) or not all(
                not is_common_word(t.text) or ene_label(t) == "Person" for t in parts):
            continue
        c = r.add(i, j, "PERSON", "person:kin")
        set_name_parts(r, c, doc[i:j])


@mention_rule("person:dotted-name", family="person", priority=44,
              doc="two unknown katakana words joined by ・ standing as a phrase before a particle: a given name and a surname")
def dotted_names(r: Region) -> None:
    """オラ・トイヴォネン: two unknown katakana words joined by ・ or = (neither a dictionary word,
    a place nor a company word), standing as a phrase before a particle, are a given name and a
    surname: a PERSON. In brackets (「〇〇・〇〇」) they are a title more often."""
    doc = r.doc
    lex = r.lex
    for i in range(r.a, r.b - 3):
        j = i + 3
        if doc[i + 1].text not in DOTS or not is_katakana(doc[i]) or not is_katakana(doc[i + 2]):
            continue
        if doc[i + 2].text in lex.ctx.name_particles and j + 1 < r.b and doc[j].text in DOTS and is_katakana(doc[j + 1]):
            j += 2  # スタッファン・デ・ミストゥーラ: a particle of the surname between
        prev, nxt = r.tok(i - 1), r.tok(j)
        if prev is not None and (is_katakana(prev) or prev.text in DOTS or prev.text in OPEN_QUOTE or is_namey(prev)):
            continue
        if nxt is None or nxt.pos_ not in ("ADP", "AUX", "PUNCT") or nxt.text in DOTS or nxt.text in CLOSE_QUOTE or is_katakana(nxt) \
                or r.org_context_at(j) is not None:
            continue
        parts = (doc[i], doc[j - 1])
        if any(is_common_word(t.text) or r.is_place_token(t) or t.text in lex.orgs.katakana_heads or len(t.text) < 2 for t in parts):
            continue
        c = r.add(i, j, "PERSON", "person:dotted-name")
        set_name_parts(r, c, doc[i:j])


#: person rules whose mentions do not make a name known for :func:`known_name_mentions`
_UNSURE_SOURCES = frozenset({"person:context", "person:dotted-name", "person:known-name"})


def known_names(kept: list[Candidate], text: str) -> dict[str, Candidate]:
    """Names of people confirmed by context (a title, an honorific, a full name): name → mention."""
    known: dict[str, Candidate] = {}
    for c in kept:
        if c.type != "PERSON":
            continue
        # (a person found by context or by a dot only (person:context, person:dotted-name) is no
        # evidence for the same word elsewhere)
        strong = c.rule.startswith("person:") and c.rule not in _UNSURE_SOURCES or c.surname is not None
        if not strong:
            continue
        for name in {text[c.start:c.end], c.surname or ""}:
            if name and (len(name) >= 2 or c.rule.startswith("person:")):
                known.setdefault(name, c)
    return known


@mention_rule("person:known-name", family="person", priority=72,
              doc="a later mention of a person the article named with a title, an honorific or a full name (the surname alone, 〇〇陣営, 〇〇氏)")
def known_name_mentions(r: Region, known: dict[str, Candidate], kanji_known: list[str]) -> list[Candidate]:
    """Later mentions of a known person by the same name or surname (〇〇陣営, 〇〇社長)."""
    out = []
    doc = r.doc
    if not known:
        return out
    for i in range(r.a, r.b):
        s = ""
        for j in range(i, min(r.b, i + 5)):
            s += doc[j].text
            if s in known:
                nxt = r.tok(j + 1)
                if len(s) == 1 and (j + 1 not in r.title_at):
                    continue
                if nxt is not None and nxt.text in DOTS or (i > r.a and doc[i - 1].text in DOTS):
                    continue
                # ボイセンベリー, 出川ガール: the name is a piece of a longer katakana word
                if (nxt is not None and is_katakana(nxt) and j + 1 not in r.title_at) or (i > r.a and is_katakana(doc[i - 1])):
                    continue
                title = r.title_at.get(j + 1)
                # (a known name before a title is a titled person, even where a place has the name: 秋田 + 選手)
                rule = "person:known-name" if not title else "person:honorific" if title[2] else "person:title"
                out.append(Candidate(doc[i].idx, doc[j].idx + len(doc[j].text), "PERSON", rule, i, j + 1,
                                     title=title[1] if title else None, title_is_honorific=bool(title and title[2])))
        t = doc[i]
        sub = r.sub_titles.get(i)
        h = r.lex.title_suffix(t.text) if sub is None else None
        if h is not None and KANJI.match(t.text[: -len(h)]) and any(
                len(k) > len(t.text) - len(h) and k.startswith(t.text[: -len(h)]) for k in kanji_known):
            n = len(t.text) - len(h)  # 習氏 after 習近平: the surname and an honorific as one word
            out.append(Candidate(t.idx, t.idx + n, "PERSON", "person:known-name", i, i + 1,
                                 title=h, title_is_honorific=h in r.lex.titles.honorifics))
        if sub is not None and t.text[:sub[0]] in known:  # トランプ大統領 as one token
            out.append(Candidate(t.idx, t.idx + sub[0], "PERSON", "person:known-name", i, i + 1,
                                 title=sub[1], title_is_honorific=sub[1] in r.lex.titles.honorifics))
    return out


def link_affiliations(r: Region, kept: list[Candidate]) -> None:
    """フランスの〇〇大統領, 〇〇大統領府の〇〇報道官: X の + a titled person → X."""
    doc = r.doc
    by_end_tok = {}
    for c in kept:
        if c.type in ("ORG", "PLACE"):
            prev = by_end_tok.get(c.tok_end)
            if prev is None or (c.end - c.start) > (prev.end - prev.start):
                by_end_tok[c.tok_end] = c
    for c in kept:
        if c.type != "PERSON" or c.affiliation is not None:
            continue
        p = c.tok_start - 1
        if p < r.a or doc[p].text != "の" or not c.title:
            continue
        if p in by_end_tok:
            c.affiliation = by_end_tok[p]
        elif doc[p - 1].text in CLOSE and p - 1 in by_end_tok:  # 北大西洋条約機構(NATO)のルッテ事務総長
            c.affiliation = by_end_tok[p - 1]
