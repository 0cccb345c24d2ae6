"""The one place that knows GiNZA's internals.

GiNZA keeps its bunsetu and clause analysis in ``doc.user_data`` lists indexed by token; spaCy's
``Doc.from_docs`` drops them. :func:`concat_docs` joins chunk docs into one Doc whose text is
exactly the concatenation of the chunks and rebuilds those lists, so that ``ginza.bunsetu_*``
keep working on the joined Doc. Everything else in newstag calls GiNZA through the helpers here.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

import ginza
from spacy.tokens import Doc, Span, Token

_TOKEN_LISTS = ("bunsetu_bi_labels", "bunsetu_position_types")
_TOKEN_INDEX_LISTS = ("clause_heads",)


def has_bunsetu(doc: Doc) -> bool:
    """Whether GiNZA's bunsetu recogniser has annotated this doc."""
    return "bunsetu_heads" in doc.user_data and len(doc.user_data.get("bunsetu_bi_labels", ())) == len(doc)


def concat_docs(docs: Sequence[Doc]) -> Doc:
    """Concatenate docs with no inserted whitespace, keeping GiNZA's bunsetu/clause analysis."""
    if len(docs) == 1:
        return docs[0]
    out = Doc.from_docs(list(docs), ensure_whitespace=False, exclude=["user_data", "tensor"])
    heads: list[int] = []
    lists: dict[str, list] = {k: [] for k in _TOKEN_LISTS + _TOKEN_INDEX_LISTS}
    clauses: dict[int, list[int]] = {}
    offset = 0
    for d in docs:
        ud = d.user_data
        n = len(d)
        annotated = has_bunsetu(d)
        if annotated:
            heads.extend(h + offset for h in ud["bunsetu_heads"])
            for k in _TOKEN_LISTS:
                lists[k].extend(ud.get(k) or [None] * n)
            ch = ud.get("clause_heads") or [-1] * n
            lists["clause_heads"].extend(h + offset if h >= 0 else -1 for h in ch)
            for h, toks in (ud.get("clauses") or {}).items():
                clauses[h + offset] = [t + offset for t in toks]
        else:
            # an unparsed gap (boilerplate): each token is its own bunsetu
            heads.extend(range(offset, offset + n))
            lists["bunsetu_bi_labels"].extend(["B"] * n)
            lists["bunsetu_position_types"].extend(["ROOT"] * n)
            lists["clause_heads"].extend(range(offset, offset + n))
            for i in range(offset, offset + n):
                clauses[i] = [i]
        offset += n
    out.user_data["bunsetu_heads"] = heads
    out.user_data.update(lists)
    out.user_data["clauses"] = clauses
    return out


def gap_doc(vocab, text: str) -> Doc:
    """An unanalysed one-token Doc standing for text newstag does not tag (boilerplate)."""
    doc = Doc(vocab, words=[text], spaces=[False])
    doc[0].is_sent_start = True
    return doc


def _heads_in(span: Span | Doc) -> list[int]:
    """Indices of the bunsetu heads inside the span. GiNZA's own helpers scan the whole doc's
    head list on every call (quadratic on long docs); the list is sorted, so bisect it."""
    doc = span.doc if isinstance(span, Span) else span
    heads = doc.user_data["bunsetu_heads"]
    if isinstance(span, Doc):
        return list(heads)
    return heads[bisect_left(heads, span.start):bisect_left(heads, span.end)]


def bunsetu_spans(span: Span | Doc) -> list[Span]:
    """The bunsetu (phrases) of a span or doc, in order; [] when GiNZA has not annotated it."""
    doc = span.doc if isinstance(span, Span) else span
    if not has_bunsetu(doc):
        return []
    return [ginza.bunsetu_span(doc[h]) for h in _heads_in(span)]


def bunsetu_span(token: Token) -> Span:
    """The bunsetu holding a token."""
    return ginza.bunsetu_span(token)


def bunsetu_phrase_span(token: Token) -> Span:
    """The content part of a token's bunsetu (without trailing particles)."""
    return ginza.bunsetu_phrase_span(token)


def bunsetu_head_tokens(span: Span | Doc) -> list[Token]:
    """The head token of each bunsetu of the span."""
    doc = span.doc if isinstance(span, Span) else span
    return [doc[h] for h in _heads_in(span)]


def is_bunsetu_head(token: Token) -> bool:
    return bool(ginza.is_bunsetu_head(token))


def ene_label(token: Token) -> str:
    """GiNZA's Extended Named Entity label of a token ('' outside entities)."""
    return token.ent_type_


def sudachi_tag(token: Token) -> str:
    """Sudachi's part-of-speech string, e.g. 名詞-固有名詞-人名-姓."""
    return token.tag_


@lru_cache(maxsize=65536)
def can_be_surname(word: str) -> bool:
    """Does Sudachi's dictionary know ``word`` as a surname (名詞-固有名詞-人名-姓) in any reading?

    GiNZA's tagger picks one reading in context: 岩屋 in 岩屋外務大臣 comes out as a common noun
    although the dictionary also has it as a surname.
    """
    return any(m.part_of_speech()[2:4] == ("人名", "姓") for m in _sudachi_dictionary().lookup(word))


@lru_cache(maxsize=4096)
def is_place_word(word: str) -> bool:
    """Does Sudachi's dictionary know ``word`` as a place name (名詞-固有名詞-地名) in any reading?"""
    return any(m.part_of_speech()[2] == "地名" for m in _sudachi_dictionary().lookup(word))


@lru_cache(maxsize=1)
def _sudachi_dictionary():
    from sudachipy import Dictionary

    return Dictionary(dict="core")
