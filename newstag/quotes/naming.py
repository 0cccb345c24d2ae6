"""From the words naming a speaker to an entity: the mention they hold, the organisation an
unnamed member speaks for (Xの報道官, X関係者, 同社の広報担当者), the person a bare title or 同X
points back to (知事は, 同氏), the owner of a medium (同社ホームページ, Xの発表).
"""

from __future__ import annotations

import re

from .context import BRACKETS, CLOSE, KATAKANA_NAME, OPEN, Ctx, Mention, Speaker


def org_role(ctx: Ctx, s: int, e: int) -> bool:
    """Do the words [s, e) end in an unnamed role speaking for an organisation (報道官, 幹部, 関係者)?

    Only the words after a genitive の count (Xの報道官), or the whole run when there is none
    (政府高官); a role word inside a longer noun is not enough.
    """
    tail = ctx.text[s:e].rsplit("の", 1)[-1]
    return any(tail.endswith(r) for r in ctx.lex.org_roles) and not any(ch in tail for ch in "、" + BRACKETS)


def common_words(ctx: Ctx, s: int, e: int) -> bool:
    """Are the words [s, e) only common nouns (会派, 報道官), no name (ミラー報道官, アップル)?"""
    if s >= e:
        return True
    sp = ctx.span(s, e)
    if sp is None:
        return False
    toks = [t for t in sp if t.idx >= s]
    if len(toks) < len(sp):
        # a name and its title in one token (トランプ大統領): the title must be a known one
        head = sp[0].idx + len(sp[0].text)
        if ctx.text[s:head] not in ctx.lex.titles:
            return False
    roles = ctx.lex.org_roles
    return all(
        t.pos_ == "NOUN" and not t.tag_.startswith("名詞-固有名詞") and not KATAKANA_NAME.match(t.text) or t.tag_.startswith("接尾辞")
        or t.text in roles  # スポークスマン: a katakana role word, not a name
        for t in toks)


def same_type(ctx: Ctx, words: str) -> str | None:
    """The entity type 同X refers to (同社 → ORG, 同氏 → PERSON, 同国 → PLACE), or None."""
    if not words.startswith("同") or len(words) < 2:
        return None
    rest = words[1:]
    for typ, suffixes in ctx.lex.same_ref_types.items():
        if rest in suffixes:
            return typ
    if title_in(ctx, rest):
        return "PERSON"
    return None


def mention_in(ctx: Ctx, s: int, e: int) -> Mention | None:
    """The mention heading the words [s, e): a person if there is one, else the last mention.

    Mentions overlapping the words count too (the parser may cut a name: ハンス・|ミュラー氏); a
    mention in a bracketed aside (朴正浩(パク・チョンホ)) does not.
    """
    best = None
    person = None
    text = ctx.text
    for m in ctx.overlapping(s, e):
        if text.rfind("(", s, m[0]) > text.rfind(")", s, m[0]) or text.rfind("（", s, m[0]) > text.rfind("）", s, m[0]):
            continue
        best = m
        if m[4] == "PERSON" and person is None:
            person = m
    return person or best


def make(ctx: Ctx, s: int, e: int, rule: str, pos: int | None = None) -> Speaker:
    """Speaker from the words naming it (doc offsets [s, e)); ``pos`` is where the quote stands
    (a title or 同X points back from there)."""
    text = ctx.text
    pos = s if pos is None else pos
    # 米紙「ウォール・ストリート・ジャーナル」 → the bracketed name; but 東西テレビ「番組名」: the
    # named outlet before the bracket speaks, not its programme
    o = max(text.rfind(ch, s, e) for ch in OPEN)
    if o >= 0:
        c = text.find(CLOSE[OPEN.index(text[o])], o, e)
        if c > o + 1:
            if ctx.overlaps(s, o) and not ctx.overlaps(o + 1, c):
                e = o
            else:
                s, e = o + 1, c
    while s < e and text[s] in OPEN + "（(":
        s += 1
    while e > s and text[e - 1] in CLOSE + "）)、":
        e -= 1
    words = text[s:e]
    # 同社ホームページ, 警察の発表, 盧氏の遺書: a medium speaks for its owner
    for medium in ctx.lex.voice_media:
        if words.endswith(medium) and len(words) > len(medium):
            oe = e - len(medium)
            if text[oe - 1] == "の":
                oe -= 1
            if oe > s:
                owner = make(ctx, s, oe, rule + "+medium", pos)
                return Speaker(s, e, owner.rule, owner.entity, words)
    m = mention_in(ctx, s, e)
    if m is not None:
        return _from_mention(ctx, s, e, m, rule, pos)
    typ = same_type(ctx, words)
    if typ is not None:
        # 同社は「…」: the latest entity of that type named before (同知事: the latest governor)
        ref = titled_person(ctx, words[1:], pos) if typ == "PERSON" and words[1:] not in ("氏",) else None
        ref = ref or next((x for x in reversed(ctx.mentions_before(pos)) if x[4] == typ), None)
        if ref is not None:
            return Speaker(s, e, rule + "+same", ref[2], words)
    title = title_in(ctx, words.rsplit("の", 1)[-1])
    if title and len(words.rsplit("の", 1)[-1]) <= len(title) + 4:
        # 大統領は, タイの軍の司令官が: the person named with that title, before or later on
        ref = titled_person(ctx, title, pos)
        if ref is not None:
            return Speaker(s, e, rule + "+title", ref[2], words)
    named = by_text(ctx, words)
    if named is not None:
        return Speaker(s, e, rule + "+name", named, words)
    if "の" in words and org_role(ctx, s, e):
        # KTの関係者 where this KT was not tagged: the owner named so elsewhere in the article;
        # 同社の広報担当者: the organisation 同社 points back to
        owner_words = words.rsplit("の", 1)[0]
        owner = by_text(ctx, owner_words)
        if owner is not None and entity_type(ctx, owner) != "PERSON":
            return Speaker(s, e, rule + "+org_role", owner, words)
        if same_type(ctx, owner_words) == "ORG":
            ref = next((x for x in reversed(ctx.mentions_before(pos)) if x[4] == "ORG"), None)
            if ref is not None:
                return Speaker(s, e, rule + "+same+org_role", ref[2], words)
    for t in sorted(ctx.lex.titles, key=len, reverse=True):
        if words.endswith(t) and len(words) >= len(t) + 2:
            words = words[: -len(t)]
            break
    return Speaker(s, s + len(words), rule, None, words)


def _from_mention(ctx: Ctx, s: int, e: int, m: Mention, rule: str, pos: int) -> Speaker:
    """Speaker from words holding an entity mention: the entity, the organisation a role speaks
    for, the person a title names, or nobody (Xの所属事務所: something of X's)."""
    text = ctx.text
    rest = text[m[1]:e]
    tail = rest.rsplit("の", 1)[-1]
    if rest and org_role(ctx, m[1], e):
        if "の" in rest and m[4] == "PERSON":
            if rest.endswith(tuple(ctx.lex.spokesperson_roles)):
                return Speaker(s, e, rule + "+spokesperson", m[2], text[s:e])  # 大統領の報道官 speaks for the president
            return Speaker(s, e, rule + "+aide", None, text[s:e])  # トランプ氏の関係者: not the person
        if m[4] != "PERSON":
            return Speaker(s, e, rule + "+org_role", m[2], text[s:e])  # 中国外務省の報道官, 財務省幹部
    if m[4] != "PERSON" and org_role(ctx, m[0], m[1]):
        # 東西テレビの総合広報部 (the department tagged as a name): the organisation before it
        owner = next((x for x in reversed(ctx.overlapping(s, m[0])) if x[4] != "PERSON" and x[1] <= m[0]
                      and text[x[1]:m[0]].endswith("の")), None)
        if owner is None:
            # the phrase starts at the department: its owner is the name just before (Xの|総合広報部は)
            x = ctx.last_before(m[0])
            if x is not None and x[4] != "PERSON" and text[x[1]:m[0]] == "の":
                owner, s = x, x[0]
        if owner is not None:
            return Speaker(s, e, rule + "+org_role", owner[2], text[s:e])
    if "の" in rest and m[4] != "PERSON":
        title = title_in(ctx, tail)
        if title:
            ref = titled_person(ctx, title, pos)  # タイの軍の司令官: the person with that title
            return Speaker(s, e, rule + "+title", ref[2] if ref else None, text[s:e])
    if "の" in rest and tail and not title_in(ctx, tail) and not org_role(ctx, m[1], e):
        return Speaker(s, e, rule + "+belonging", None, text[s:e])  # Xの所属事務所, XとYの会話
    return Speaker(m[0], m[1], rule, m[2], m[3])


def title_in(ctx: Ctx, words: str) -> str | None:
    """The title the words end with (陸軍司令官 → 司令官), or None; 〜相 (外相) counts as 相."""
    if not words:
        return None
    for t in ctx.lex.sorted_titles:
        if words.endswith(t) and t not in ("氏", "さん"):
            return t
    if words == "相":
        return "相"
    return None


def titled_person(ctx: Ctx, title: str, pos: int) -> Mention | None:
    """The person last named with ``title`` before ``pos`` (X知事 … 知事は), else the first one
    named with it later (the commander … サワット司令官). 相 stands for any minister (外相, 財務相)."""
    holders = ctx.titled.get(title)
    if holders is None:
        text = ctx.text
        after = re.compile(r"^[^\s、。「」（）()]{0,4}相") if title == "相" else None
        holders = [m for m in ctx.mentions if m[4] == "PERSON" and (
            text.startswith(title, m[1]) or m[3].endswith(title) or (after is not None and after.match(text[m[1]:m[1] + 6])))]
        ctx.titled[title] = holders
    before = [m for m in holders if m[0] < pos]
    if before:
        return before[-1]
    return holders[0] if holders else None


def entity_type(ctx: Ctx, entity: str) -> str | None:
    """The type of an entity id (PERSON, ORG, PLACE), from its mentions."""
    return next((m[4] for m in ctx.mentions if m[2] == entity), None)


def by_text(ctx: Ctx, words: str) -> str | None:
    """The entity one of whose mentions is exactly these words (the tagger missed this one)."""
    if len(words) < 2:
        return None
    if ctx.by_text is None:
        ctx.by_text = {}
        for m in ctx.mentions:
            ctx.by_text.setdefault(m[3], m[2])
    return ctx.by_text.get(words)
