"""Organisation rules built from the words of a compound: heads (〇〇党, 〇〇省), legal forms, media words, departments, offices, numbered units, clubs; and the extensions of organisation spans."""

from __future__ import annotations

from spacy.tokens import Token

from ...ginza_adapter import ene_label, sudachi_tag
from .person import full_name_end, leader_of
from .place import place_compound
from .region import Region
from .registry import mention_rule
from .tokens import (
    ACRONYM,
    CLOSE_QUOTE,
    DOTS,
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


def org_compounds(r: Region) -> None:
    """Each maximal run of nouns (and ・ between names) is read by :func:`org_compound`: the
    organisation it ends in (org:suffix, org:state-body, org:department), the places in it
    (place:suffix) and the leader a 政権 or 陣営 names (person:leader-of)."""
    i = r.a
    while i < r.b:
        if not r.compound_tok(i):
            i += 1
            continue
        j = i
        while j < r.b and r.compound_tok(j):
            j += 1
        org_compound(r, i, j)
        i = j


@mention_rule("org:media", family="org", priority=88,
              doc="a paper's name after a media word (英紙「〇〇」, 米紙〇〇, 地元紙〇〇)")
def media_names(r: Region) -> None:
    """英紙「ガーディアン」: a bracketed name after a media word (``media_prefixes``, or a
    one-letter country + 紙/誌); 米紙ワシントン・ポスト, 地元紙〇〇: a katakana or Latin name right
    after a newspaper word."""
    lex = r.lex
    doc = r.doc
    for i in range(r.a, r.b):
        t = doc[i]
        if t.text in OPEN_QUOTE and i > r.a and (doc[i - 1].text in lex.orgs.media_prefixes or doc[i - 1].text[-1:] in lex.orgs.media_ends
                                                     and doc[i - 1].text[:-1] in lex.index.short):  # 英紙「…」, not 雑誌「…」
            k = i + 1
            while k < r.b and doc[k].text not in CLOSE_QUOTE and k - i < 10:
                k += 1
            if k < r.b and doc[k].text in CLOSE_QUOTE and k > i + 1:
                r.add(i + 1, k, "ORG", "org:media")
        # 米紙ワシントン・ポスト, 地元紙〇〇: a paper's name right after a newspaper word
        if t.text.endswith("紙") and (t.text in lex.orgs.media_prefixes or len(t.text) >= 3) and i + 1 < r.b \
                and (is_katakana(doc[i + 1]) or LATIN_NAME.match(doc[i + 1].text)):
            k = i + 1
            while k < r.b and (is_katakana(doc[k]) or LATIN_NAME.match(doc[k].text) or doc[k].text in DOTS and k + 1 < r.b
                                  and is_katakana(doc[k + 1])) and k - i < 8:
                k += 1
            if k >= r.b or not is_noun(doc[k]):  # the whole name, then a particle
                r.add(i + 1, k, "ORG", "org:media")


@mention_rule("org:prefix", family="org", priority=84,
              doc="a legal form + a name (株式会社〇〇; 財団法人 + 〇〇協会, the form outside)")
def prefixed_names(r: Region) -> None:
    """株式会社キャロット: the name after a legal-form prefix (``org_prefixes``), with the prefix
    (株式会社) or without it (財団法人, one of ``org_prefixes_outside``)."""
    lex = r.lex
    doc = r.doc
    for i in range(r.a, r.b):
        t = doc[i]
        if t.text in lex.ctx.org_prefixes:
            prev = r.tok(i - 1)
            if prev is not None and (is_namey(prev) or KANJI.match(prev.text)) and is_noun(prev) and t.text not in lex.ctx.org_prefixes_outside:
                continue  # 東京瓦斯株式会社: the legal form ends the name (org:suffix)
            k = i + 1
            while k < r.b and (is_namey(doc[k]) or doc[k].text in DOTS or (is_noun(doc[k]) and not is_number(doc[k]) and doc[k].text not in {"、", "。"})
                                  or number_in_name(r, i + 1, k)) \
                    and k - i < 6 and k not in r.title_tokens and doc[k].text not in lex.ctx.list_enders:
                k += 1
            while k > i + 1 and trails_name(r, doc[k - 1]):
                k -= 1  # 株式会社〇〇 + 設立, 株式会社 + 化: a verbal noun or a suffix after the name is no part of it
            if k - i > 3 and "サ変" in doc[k - 1].tag_ and r.org_head_end(doc[k - 2]):
                k -= 1  # 株式会社〇〇事務所 + 設立: the act after the name is no part of it
            if k > i + 1:
                # 財団法人 + 〇〇協会: the form is written before the name but is no part of it; 株式会社 is
                outside = t.text in lex.ctx.org_prefixes_outside
                if not (outside and k == i + 2 and not is_namey(doc[i + 1])):  # 学校法人審議会 names no one
                    r.add(i + 1 if outside else i, k, "ORG", "org:prefix")


def org_compound(r: Region, a: int, b: int) -> None:
    """ORGs inside the compound doc[a:b]; a title splits it (〇〇首相はじめ〇〇政権,
    アメリカ鉱業評議委員会会長)."""
    place_compound(r, a, b)
    start = a
    in_org = set()
    for k in range(a, b):  # 〇〇選手 + 会, 〇〇参謀 + 本部: a title word before an organisation head is part of its name
        if k in r.title_tokens and (k == a or k - 1 not in r.title_tokens):
            e = k
            while e < b and e in r.title_tokens:
                e += 1
            if e < b and r.org_head_end(r.doc[e]) and not r.is_head(r.doc[e]) and r.doc[e].text not in r.lex.orgs.state_bodies \
                    and r.doc[e].text not in r.lex.ctx.faction_heads:
                in_org.update(range(k, e))
    if in_org:  # (北浜 + 競輪選手 + 会: no titled person before it)
        r.cands = [c for c in r.cands if not (c.rule == "person:title" and c.tok_end in in_org)]
    for k in range(a, b + 1):
        if k == b or k in r.title_tokens and k not in in_org:
            if k > start:
                org_segment(r, start, k)
            start = k + 1


@mention_rule("org:suffix", family="org", priority=80,
              doc="a compound led by a name and ending in an organisation head (〇〇人民党, 〇〇大統領府)")
@mention_rule("org:state-body", family="org", priority=79,
              doc="a country + a state body (〇〇政府, 〇〇軍, 〇〇当局); the country inside stays a PLACE")
def org_segment(r: Region, a: int, b: int) -> None:
    """The ORG in doc[a:b]: a name-led run ending in an organisation head."""
    lex = r.lex
    doc = r.doc
    for k in range(b - 1, a - 1, -1):
        t = doc[k]
        if not (r.org_head_end(t) or k > a and club_department(r, t)) or k > a and doc[k - 1].text + t.text in lex.orgs.part_words:
            continue  # (中心 + 部: a part of a place)
        if k < b - 1 and (r.before_facility(k + 1) or doc[k + 1].text in lex.ctx.name_heads) and not r.org_head_end(doc[k + 1]):
            return  # 日本鉄道神社: the compound names a facility or an event, not the organisation
        if k < b - 1 and (t.text + doc[k + 1].text) in lex.ctx.name_heads and not r.org_head_end(doc[k + 1]):
            return  # 〇〇自動車 + 道: the head and the word after it make a facility's word (自動車道)
        if t.text in lex.ctx.military_services and k > a and (k + 1) in r.title_tokens \
                and (is_person_pos(doc[k - 1]) or is_katakana(doc[k - 1]) and k - 2 >= a and doc[k - 2].text in DOTS):
            return  # 〇〇〇〇 + 海軍 + 中佐: the service in a person's rank, after the name
        start = a
        state = t.text in lex.orgs.state_bodies or t.text[-1:] in ("省", "庁", "府", "軍")
        while start < k and (doc[start].text in lex.ctx.org_descriptors or doc[start].text in lex.ctx.org_prefixes_outside
                             or len(doc[start].text) == 1 and doc[start].text in lex.titles.not_names
                             or (not state and len(doc[start].text) == 1 and r.short_form(doc[start]) is not None
                                 and not (start + 1 < k and doc[start + 1].text in lex.orgs.state_bodies))):
            start += 1  # 米アップル社 → アップル社; but 露外務省 is Russia's ministry
        # the name-led part: skip leading common words before the first name
        leaders = [m for m in range(start, k + 1) if r.leader(doc[m]) and (not r.org_head_end(doc[m]) or m < k and (r.known_org(doc[m]) or is_propn(doc[m])))
                   or (m == k and is_propn(t))]
        if not leaders:
            # 国防省, 文部省: a strong head after common words is an organisation too
            words = [m for m in range(start, k + 1)]
            if (t.text in lex.orgs.strong_heads and len(words) >= 2 or len(t.text) >= 3 and t.text[-1] in ("省", "庁")) \
                    and doc[start].text not in lex.titles.not_names and all(KANJI.match(doc[m].text) for m in words) \
                    and not (start > r.a and is_number(doc[start - 1])) \
                    and not common_words_kind(r, start, k):  # (八 + 路軍: a number opens the name)
                r.add(start, k + 1, "ORG", "org:suffix")
            return
        first = leaders[0]
        if t.text in lex.orgs.weak_heads and any(is_katakana(doc[m]) and lex.ene.types.get(ene_label(doc[m])) is None
                                            and is_common_word(doc[m].text) for m in range(first, k)) \
                and not (k > first and doc[k - 1].text in DOTS):
            return  # タクシー会社, ソフトウェア開発会社: a kind of company, not a name (but 〇〇・オイル is spelt out as a name)
        if t.text in lex.orgs.department_heads and not office_title_after(r, k) and all(is_katakana(doc[m]) and not is_propn(doc[m]) and is_common_word(doc[m].text)
                                                      for m in range(start, k)):
            return  # テニス + 部, デザイン + 課: a club or a department named by its activity alone
            # (but its head's title names it: レスリング + 部 + 監督, デザイン + 部 + 長)
        if first > start and all(doc[m].text in lex.ctx.org_name_prefixes for m in range(start, first)):
            pass  # 国際サッカー連盟: 国際 belongs to the name
        else:
            m = first
            while m > start and r.name_word(doc[m - 1]):
                m -= 1  # 化学 + 工学協会, 共和 + ファシスト党: common words before the name are part of it
            start = m
        for c in r.cands:  # 〇〇・〇〇建設組合組合長: the titled person's name is not part of the organisation
            if c.type == "PERSON" and c.rule in ("person:title", "person:honorific") and start <= c.tok_start and c.tok_end <= k:
                start = max(start, c.tok_end)
        for m in range(start, k):
            if doc[m].text in lex.ctx.list_enders or doc[m].text == "法人" or doc[m].text in lex.ctx.org_prefixes_outside:
                start = m + 1  # 〇〇ら + 〇〇学団: the names before ら are people, not part of the organisation
        start = full_name_end(r, start, k) or start
        while start < k and doc[start].text in DOTS:
            start += 1
        for d in range(k - 1, start, -1):
            if doc[d].text not in DOTS:
                continue
            left = lex.index.get(r.text(start, d))
            if not (is_katakana(doc[d - 1]) and is_katakana(doc[d + 1])) or (left is not None and left.type == "PLACE" and len(left.key) == 2):
                # 三越・あさひ銀行 lists two names; ドイツ・ダイムラー社 is the company's country, but
                # a city opens the name of its team or orchestra (〇〇・フィルハーモニー管弦楽団)
                start = d + 1
                break
        if t.text in lex.orgs.katakana_heads and start == k:
            return  # ジャパン alone is not a name
        if start == k and not is_propn(t) and t.text not in lex.index.names:
            return
        body = r.text(start, k)
        whole = lex.index.get(r.text(start, k + 1))
        if whole is not None and whole.type == "ORG":
            return  # 中日新聞 is in the gazetteer: a name, not a compound of 中, 日 and 新聞
        if split_department(r, start, k):
            return
        rule = "org:suffix"
        ref = lex.index.get(body)
        if ref is not None and ref.type == "PLACE" and (t.text in lex.orgs.state_bodies):
            rule = "org:state-body"
        r.add(start, k + 1, "ORG", rule)
        leader_of(r, start, k)
        return


def office_title_after(r: Region, k: int) -> bool:
    """Does a noun or a suffix follow token k (部 + 監督, 部 + 長): the office is named by its head's title?"""
    nxt = r.tok(k + 1)
    return nxt is not None and (is_noun(nxt) or "接尾辞" in nxt.tag_) and not nxt.is_punct


def club_department(r: Region, t: Token) -> bool:
    """Is the token one word of a katakana name and a department head (サッカー部, ラグビー部,
    テニス課)? After an organisation it is its department (〇〇大学 + サッカー部); alone it names
    no one (no leader before it)."""
    heads = r.lex.orgs.department_heads
    head = next((h for h in heads if t.text.endswith(h)), None)
    return (head is not None and not t.text.endswith(r.lex.orgs.not_departments) and len(t.text) > len(head) + 1
            and KATAKANA.match(t.text[: -len(head)]) is not None and is_noun(t) and not is_propn(t))


def common_words_kind(r: Region, start: int, k: int) -> bool:
    """多数 + 党, 党 + 連合: common words before a strong head that say how many or which kind of
    bodies make it (a word of quantity, or a strong head itself: 党 + 連合) name a kind, not a body."""
    doc = r.doc
    if any(sudachi_tag(doc[m]).endswith("副詞可能") for m in range(start, k)):
        return True
    return k - start == 1 and doc[start].text in r.lex.orgs.strong_heads


@mention_rule("org:department", family="org", priority=80,
              doc="a department written after its organisation (〇〇大学 + 〇〇学部): a mention of its own")
def split_department(r: Region, start: int, k: int) -> bool:
    """〇〇大学 + 政治経済学部, 〇〇新聞 + 政治部: an organisation followed by one of its departments
    is two mentions; 〇〇 + 仙台放送局: before a branch only the organisation is one. Returns
    whether it split doc[start:k+1]."""
    doc = r.doc
    lex = r.lex
    tail = doc[k].text
    dept = tail.endswith(lex.orgs.department_heads) and not tail.endswith(lex.orgs.not_departments)
    branch = tail.endswith(lex.orgs.branch_heads)
    if not (dept or branch):
        return False
    for m in range(k, start, -1):
        p = doc[m - 1]
        if not (r.org_head_end(p) and (m - 1 > start or is_propn(p)) or r.known_org(p) and not is_common_word(p.text)):
            continue
        if p.text.endswith(lex.orgs.department_heads) or p.text.endswith(lex.orgs.branch_heads) or p.text[-1] in lex.orgs.government_ends:
            continue  # 〇〇省 + 〇〇局 + 〇〇部 is one name
        r.add(start, m, "ORG", "org:suffix")
        if dept and len(r.text(m, k + 1)) >= 3:  # (学部 alone names no department)
            r.add(m, k + 1, "ORG", "org:department")
        return True
    return False


def trails_name(r: Region, t: Token) -> bool:
    """Does the token follow a name rather than end it: a verbal noun of founding or owning
    (設立, 所有) or a suffix that makes a new word of the compound (化, 形式)? (Company names do end
    in other verbal nouns: 〇〇建設, 〇〇包装.)"""
    return t.text in r.lex.ctx.name_trailers and not r.org_head_end(t)


def number_in_name(r: Region, i: int, k: int) -> bool:
    """Is the number token k part of the name begun at token i (映画 + 24 + 区, プロパティ + 1 + が):
    written in digits right after a name word, and followed by a name word that is no counter
    (24区, not 3社 or 5年) or by a particle?"""
    doc = r.doc
    t = doc[k]
    if not (is_number(t) and t.text.isascii() and t.text.isdigit() and k > i and t.idx == doc[k - 1].idx + len(doc[k - 1].text)):
        return False
    nxt = r.tok(k + 1)
    if nxt is None:
        return False
    if nxt.pos_ == "ADP":
        return is_katakana(doc[k - 1]) or bool(LATIN_NAME.match(doc[k - 1].text))
    return is_noun(nxt) and not is_number(nxt) and "助数詞" not in nxt.tag_ and nxt.idx == t.idx + len(t.text)


@mention_rule("org:country-prefix", family="org", priority=77,
              doc="a foreign company written right after its country's one-letter form (米〇〇, 英〇〇)")
def country_prefixed_orgs(r: Region) -> None:
    """``org:country-prefix``: news names a foreign company by its country and its name written
    together (米グーグル, 英BP, 独シーメンス, 中国ファーウェイ). After a one-letter country form
    (or a country name written right before it), a run of katakana / Latin tokens is an
    organisation when one of them is a proper noun or a word Sudachi does not know, and the run
    is not a place, nor a person (a title or an honorific after it), nor a product (a number
    right after it: 米ボーイング787). A common word alone (米メディア, 米テレビ) is not a name."""
    doc = r.doc
    lex = r.lex
    for c in list(r.cands):
        if c.type != "PLACE" or c.tok_end != c.tok_start + 1 or c.tok_end >= r.b:
            continue
        i = c.tok_end
        country = r.doc_text[c.start:c.end]
        if c.rule != "place:short-form" and not (c.key and len(c.key) == 2 and country == doc[c.tok_start].text):
            continue
        if c.end != doc[i].idx or doc[c.tok_start].whitespace_:
            continue  # the country must be written right before the name
        j = i
        while j < r.b and (is_katakana(doc[j]) or LATIN_NAME.match(doc[j].text)
                              or doc[j].text in DOTS and j > i and j + 1 < r.b and is_katakana(doc[j - 1]) and is_katakana(doc[j + 1])):
            j += 1
        if j == i or doc[j - 1].text in DOTS:
            continue
        toks = doc[i:j]
        if any(lex.index.get(t.text) is not None for t in toks) or all(is_person_pos(t) for t in toks):
            continue  # 米ニューヨーク, 米トランプ
        if not any(is_propn(t) or ACRONYM.match(t.text) or not is_common_word(t.text) and t.text not in DOTS for t in toks):
            continue  # 米メディア, 米テレビ
        if c.rule != "place:short-form" and not all(is_propn(t) and not is_place_pos(t) or t.text in DOTS for t in toks):
            continue  # after a full country name only a known proper noun (中国ファーウェイ)
        nxt = r.tok(j)
        if nxt is not None and nxt.pos_ not in ("ADP", "PUNCT", "AUX", "SCONJ", "CCONJ", "PART"):
            continue  # the name goes on (米カリフォルニア州, 米IT大手, 米ボーイング787型機)
        r.add(i, j, "ORG", "org:country-prefix")


def member_title_bodies(r: Region) -> None:
    """衆議院議員, 〇〇 + 県議会議員: the body inside a member's title is an organisation (the
    affiliation, like 米 in 米財務長官)."""
    doc = r.doc
    lex = r.lex
    for k in range(r.a, r.b):
        t = doc[k]
        body = next((t.text[: -len(m)] for m in lex.ctx.member_titles if t.text.endswith(m) and len(t.text) > len(m)), None)
        if body is None or body in lex.ctx.generic_member_bodies:
            continue
        ref = lex.index.get(body)
        if ref is not None and ref.type == "ORG":
            r.add_chars(t.idx, t.idx + len(body), k, k + 1, "ORG", "org:suffix")
        elif body.endswith(lex.ctx.assembly_ends) and len(body) <= 3 and k > r.a and r.is_place_token(doc[k - 1]) \
                and not r.is_country(doc[k - 1]):
            r.add_chars(doc[k - 1].idx, t.idx + len(body), k - 1, k + 1, "ORG", "org:suffix")
            # the place before the title is no titled person's name (長野 + 県議会議員)
            r.cands = [c for c in r.cands if not (c.type == "PERSON" and c.rule == "person:title" and c.tok_start == k - 1 and c.tok_end == k)]


def standalone_org_words(r: Region) -> None:
    """連合軍, 幕府, 連邦軍 standing alone (no noun before or after): the armed side or regime the
    text is about, an organisation."""
    doc = r.doc
    for k in range(r.a, r.b):
        if doc[k].text not in r.lex.ctx.standalone_orgs:
            continue
        prev, nxt = r.tok(k - 1), r.tok(k + 1)
        if prev is not None and (is_noun(prev) or is_namey(prev)) and not prev.is_punct:
            continue
        # 空軍大佐, 海軍総裁: a rank or an office after the body still leaves it standing alone
        if nxt is not None and is_noun(nxt) and not nxt.is_punct and (k + 1) not in r.title_tokens:
            continue
        r.add(k, k + 1, "ORG", "org:suffix")


def no_head_names(r: Region) -> None:
    """日本野鳥の会, 〇〇維新の会, 日本未来の党: a name-led compound + の + 会/党 ending the phrase
    is one organisation."""
    doc = r.doc
    lex = r.lex
    for k in range(r.a + 3, r.b):
        if doc[k].text not in lex.ctx.no_name_heads or doc[k - 1].text != "の":
            continue
        nxt = r.tok(k + 1)
        if nxt is not None and (is_noun(nxt) or is_katakana(nxt)) and not nxt.is_punct:
            continue
        last = doc[k - 2]
        if not r.name_word(last) or KANJI.match(last.text) is None:
            continue
        i = k - 2
        while i - 1 >= r.a and k - i < 6 and r.compound_tok(i - 1) and (i - 1) not in r.title_tokens:
            i -= 1
        while i < k - 2 and not r.leader(doc[i]):
            i += 1
        if i < k - 2 and r.leader(doc[i]) and not is_person_pos(doc[i]):
            r.add(i, k + 1, "ORG", "org:suffix")


@mention_rule("org:office-head", family="org", priority=80,
              doc="the office a head's title names (総務部 in 総務部長, 薬務局 in 薬務局長)")
def office_names(r: Region) -> None:
    """``org:office-head``: the office a head's title names (総務部 in 総務部長, 薬務局 in 薬務局長,
    水道科 in 水道科長) is an organisation: kanji nouns (not a person's name, not a number) ending
    in one of ``office_heads`` right before 長 / 長官. The office's own word must have two
    characters or more (支部長, 第一部長 name none) and not be one of ``not_offices`` (事務局)."""
    doc = r.doc
    lex = r.lex
    for k in range(r.a + 1, r.b):
        t = doc[k]
        if t.text in ("長", "長官"):
            end_tok, end_char = k, t.idx
        elif len(t.text) >= 3 and t.text.endswith("長") and t.text[-2] in lex.ctx.office_heads and KANJI.match(t.text):
            end_tok, end_char = k + 1, t.idx + len(t.text) - 1
        else:
            continue
        if end_tok == k and not (doc[k - 1].text[-1:] in lex.ctx.office_heads and KANJI.match(doc[k - 1].text)):
            continue
        i = end_tok - 1 if end_tok == k + 1 else k - 1
        while i > r.a and end_tok - i < 4 and KANJI.match(doc[i - 1].text) and is_noun(doc[i - 1]) \
                and not is_person_pos(doc[i - 1]) and not is_number(doc[i - 1]):
            i -= 1
        if doc[i].text in lex.ctx.office_time_prefixes and i + 1 < end_tok:
            i += 1  # 元国防部長: a former head of the office
        name = r.doc_text[doc[i].idx:end_char]
        if doc[k - 1].text in lex.ctx.office_heads and k - 2 >= i and doc[k - 2].text[-1] in lex.ctx.group_ends:
            continue  # 〇〇組 + 局長: a group's own title, not an office
        if len(name) < 3 or name.startswith(lex.ctx.not_office_starts) or name in lex.ctx.not_offices \
                or any(name.endswith(w) for w in lex.ctx.not_offices):
            continue
        if i > r.a and (is_person_pos(doc[i - 1]) is False and KANJI.match(doc[i - 1].text) and is_noun(doc[i - 1])):
            continue  # the run goes on further left: part of a longer name the other rules read
        r.add_chars(doc[i].idx, end_char, i, end_tok, "ORG", "org:office-head")


@mention_rule("org:unit", family="org", priority=83,
              doc="a numbered unit, army, fleet or cabinet (第3師団, 歩兵第12連隊, 第2次〇〇内閣)")
def numbered_units(r: Region) -> None:
    """第3師団, 歩兵第12連隊, 第2次〇〇内閣, 731部隊: a numbered unit, army, fleet or cabinet is an ORG
    (the words attached before 第 belong to it: 陸上自衛隊第1師団)."""
    doc = r.doc
    units = r.lex.orgs.unit_heads
    for i in range(r.a, r.b - 1):
        t = doc[i]
        if t.text in ("第", "独立第"):
            j = i + 1
        elif is_number(t) and (i == r.a or not is_number(doc[i - 1])) and doc[i + 1].text in units and len(doc[i + 1].text) >= 2:
            j = i  # 731部隊
        else:
            continue
        if j >= r.b or not is_number(doc[j]):
            continue
        j += 1
        if j < r.b and doc[j].text in ("次", "期"):
            j += 1
        end = None
        m = j
        while m < r.b and m - j < 5 and (is_noun(doc[m]) or is_katakana(doc[m])) and not is_number(doc[m]) \
                and doc[m].text not in {"、", "。"} and m not in r.title_tokens and not r.is_head(doc[m]) \
                and (not is_person_pos(doc[m]) or person_then(r, m, "内閣")):  # 第2次〇〇内閣
            if doc[m].text.endswith(units):
                end = m + 1
            m += 1
        if end is None:
            continue
        start = i
        while start - 1 >= r.a and i - (start - 1) <= 3 and is_noun(doc[start - 1]) and not is_number(doc[start - 1]) \
                and (KANJI.match(doc[start - 1].text) or is_propn(doc[start - 1])) and (start - 1) not in r.title_tokens \
                and doc[start - 1].text not in r.lex.ctx.org_descriptors \
                and not (start - 2 >= r.a and is_number(doc[start - 2])):  # 第11中隊|第1小隊: two units
            start -= 1
        r.add(start, end, "ORG", "org:unit")


def person_then(r: Region, m: int, word: str) -> bool:
    """Is the person-name run starting at token m followed by the word (山本 + 内閣)?"""
    while m < r.b and is_person_pos(r.doc[m]):
        m += 1
    return m < r.b and r.doc[m].text == word


@mention_rule("org:club", family="org", priority=81,
              doc="a club's name with its club form or home town (FC + 〇〇, a katakana nickname + a town)")
def club_form_names(r: Region) -> None:
    """FC + 〇〇, AC + 長野 + 〇〇, 1.FC + 〇〇: a club form before a run of name words (joined by ・)
    is a club's name (org:club)."""
    doc = r.doc
    lex = r.lex
    for i in range(r.a, r.b - 1):
        if doc[i].text not in lex.ctx.club_forms:
            continue
        prev = r.tok(i - 1)
        if prev is not None and (is_namey(prev) or is_noun(prev) and not prev.is_punct and prev.text not in {"、", "。"}) \
                and not (prev.text in (".", "．") and r.tok(i - 2) is not None and doc[i - 2].text.isdigit()):
            continue
        j = i + 1
        # a club form glued to a name makes a club of it, even of a person's name (CR + ヴァスコ・ダ・ガマ)
        glued = doc[i].idx + len(doc[i].text) == doc[i + 1].idx
        while j < r.b and j - i < 6 and (is_namey(doc[j]) and (glued or not is_person_pos(doc[j])) and j not in r.title_tokens
                                           or doc[j].text in DOTS and j + 1 < r.b and is_namey(doc[j + 1])):
            j += 1
        if j == i + 1 or doc[j - 1].text in DOTS:
            continue
        if j < r.b and (is_noun(doc[j]) and not doc[j].is_punct and doc[j].text not in {"、", "。"} and not r.org_head_end(doc[j])
                           and doc[j].text not in lex.ctx.name_followers):
            continue  # FC + 〇〇 + 選手権: a longer phrase (but FC + 〇〇 + 戦, 時代: the club)
        s = i - 2 if prev is not None and prev.text in (".", "．") else i
        r.add(s, j, "ORG", "org:club")


def nickname_towns(r: Region) -> None:
    """〇〇(katakana nickname) + 新潟: a katakana word that is no dictionary word, person or place,
    followed by a Japanese town that ends the compound, is a club (J.League style)."""
    doc = r.doc
    for k in range(r.a + 1, r.b):
        t = doc[k]
        if not (is_place_pos(t) and KANJI.match(t.text)) or r.is_country(t) or t.text[-1:] in r.lex.ctx.place_suffixes \
                or is_person_pos(t) or ene_label(t) == "Person":
            continue
        nxt = r.tok(k + 1)
        if nxt is not None and (is_noun(nxt) or is_namey(nxt)) and not nxt.is_punct and nxt.text not in DOTS:
            continue
        i = k
        while i - 1 >= r.a and is_katakana(doc[i - 1]) and not is_person_pos(doc[i - 1]) and not r.is_place_token(doc[i - 1]) \
                and not is_common_word(doc[i - 1].text) and doc[i - 1].text not in r.lex.orgs.katakana_heads:
            i -= 1
        if i == k or i - 1 >= r.a and (is_noun(doc[i - 1]) or is_namey(doc[i - 1])) and not doc[i - 1].is_punct:
            continue
        r.add(i, k + 1, "ORG", "org:club")


def org_place_branches(r: Region) -> None:
    """川崎製鉄 + 千葉 + へ: a company's name followed at once by a bare town name and then a
    particle is one name, the company's team or branch of that town (Stockmark files it as one
    organisation); before a noun (〇〇新聞 + 大阪 + 本社) the town opens the next word instead."""
    for org in [c for c in r.cands if c.type == "ORG" and c.rule.startswith(("org:suffix", "ipadic", "ginza", "gazetteer"))]:
        town, nxt = r.tok(org.tok_end), r.tok(org.tok_end + 1)
        if town is None or nxt is None or nxt.pos_ != "ADP" or town.idx != org.end:
            continue
        ref = r.lex.index.get(town.text)
        if ref is None or ref.type != "PLACE" or len(ref.key) == 2 or town.text[-1] in r.lex.ctx.place_suffixes:
            continue  # (〇〇 + 千葉県, 〇〇 + 日本: a prefecture or a country is no branch name)
        r.add(org.tok_start, org.tok_end + 1, "ORG", "org:suffix")


def extend_era_prefixes(r: Region) -> None:
    """旧 + 〇〇銀行, 新 + 〇〇党 (also 旧・〇〇): the prefix right before an organisation is part
    of its mention, unless it ends a longer word run (最新 is one token; 県 + 新 is not a prefix)."""
    doc = r.doc
    for c in r.cands:
        if c.type != "ORG":
            continue
        i = c.tok_start
        p = r.tok(i - 1)
        if p is not None and p.text in DOTS and r.tok(i - 2) is not None and r.tok(i - 2).text in r.lex.ctx.org_era_prefixes:
            i -= 1
            p = r.tok(i - 1)
        if p is not None and p.text in r.lex.ctx.parent_orgs and c.tok_end - i >= 1 and c.rule.startswith("gazetteer") \
                and r.doc_text[c.start:c.end] not in r.lex.ctx.parent_orgs:
            c.tok_start = i - 1  # 国連 + 世界食糧計画: the parent written before one of its bodies opens its name
            c.start = doc[i - 1].idx
            continue
        if p is None or p.text not in r.lex.ctx.org_era_prefixes:
            continue
        before = r.tok(i - 2)
        if before is not None and is_noun(before) and not before.is_punct and not is_number(before):
            continue
        c.tok_start = i - 1
        c.start = doc[i - 1].idx


def extend_legal_forms(r: Region) -> None:
    """〇〇, Inc. / 〇〇 Ltd. / 〇〇F.C.: a Latin legal or club form written in pieces after an
    organisation belongs to it."""
    doc = r.doc
    forms = r.lex.ctx.latin_forms
    for c in r.cands:
        if c.type != "ORG":
            continue
        m = c.tok_end

        def skip(k: int) -> int:
            while k < r.b and doc[k].is_space:
                k += 1
            return k

        k = skip(m)
        if k < r.b and doc[k].text in (",", "，"):
            k = skip(k + 1)
        if k < r.b and doc[k].text in forms:
            m = k + 1
            if m < r.b and doc[m].text in (".", "．") and (m + 1 == r.b or not doc[m + 1].text[:1].isupper()):
                m += 1  # Inc + . (not the sentence's end when a new name follows)
        elif m + 3 < r.b and r.doc_text[doc[m].idx:doc[m].idx + 4] in ("F.C.", "S.C.", "A.C."):
            m += 4
        k = skip(m)
        if k + 1 < r.b and doc[k].text == "&" and skip(k + 1) < r.b and doc[skip(k + 1)].text == "Co":
            m = skip(k + 1) + 1  # GmbH & Co.
            if m < r.b and doc[m].text in (".", "．"):
                m += 1
            if skip(m) < r.b and doc[skip(m)].text in forms:
                m = skip(m) + 1  # & Co. KG
        if m == c.tok_end:
            continue
        c.tok_end = m
        c.end = doc[m - 1].idx + len(doc[m - 1].text)
