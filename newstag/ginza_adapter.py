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
import numpy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
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


class _FastGreedyNER(EntityRecognizer):
    """GiNZA's ``ner`` with the same model and the same greedy decisions, decoded faster.

    spaCy's greedy decoder scores all actions (O, B/I/L/U × 189 ENE labels: 758 for ja_ginza)
    at every token. But the state features of its BILUO system are the next token, the open
    entity's first token and the token before the next (the last two padding outside an entity),
    so: outside an entity the scores depend on the token alone and are computed for every token
    at once, in one matrix product, for the O/B/U actions only; inside an entity only the entity
    label's I and L are valid, so only those two scores are computed. The arg-max over the valid
    actions, the tie-break (lowest action index) and the validity rules are spaCy's (no preset
    entities, as in a fresh Doc; otherwise, and for beam search, spaCy's own decoder runs).
    """

    def predict(self, docs):  # noqa: D102
        docs = list(docs)
        if not self._can_decode(docs):
            return super().predict(docs)
        return _FastResult(self._decode(docs))

    def set_annotations(self, docs, states_or_ents):  # noqa: D102
        if not isinstance(states_or_ents, _FastResult):
            return super().set_annotations(docs, states_or_ents)
        for doc, ents in zip(docs, states_or_ents.ents, strict=True):
            doc.set_ents([Span(doc, s, e, label=lab) for s, e, lab in ents], default="outside")
        return None

    def _can_decode(self, docs) -> bool:
        model = self.model
        return (self.cfg.get("beam_width", 1) == 1 and model.attrs.get("has_upper")
                and not model.attrs.get("unseen_classes") and model.get_ref("lower").get_dim("nF") == 3
                and bool(docs) and any(len(d) for d in docs)
                and not any(t.ent_iob for d in docs for t in d))

    def _tables(self):
        """Action indices by kind, in action order (cached; rebuilt if the actions change)."""
        moves = self.moves
        key = moves.n_moves
        if getattr(self, "_table_key", None) != key:
            names = [moves.get_class_name(i) for i in range(moves.n_moves)]
            out = [i for i, n in enumerate(names) if n == "O"]
            entry = [i for i, n in enumerate(names) if n[:2] in ("B-", "U-") and len(n) > 2]
            unit = [i for i in entry if names[i].startswith("U-")]
            obu = sorted(out + entry)
            ou = sorted(out + unit)
            inside = {}
            for i, n in enumerate(names):
                if n[:2] in ("I-", "L-") and len(n) > 2:
                    inside.setdefault(self.vocab.strings[n[2:]], {})[n[0]] = i
            label_of = {i: self.vocab.strings[names[i][2:]] for i in entry}
            self._fast = (names, numpy.array(obu), numpy.array(ou), out[0], label_of, inside)
            self._table_key = key
        return self._fast

    def _decode(self, docs) -> list[list[tuple[int, int, int]]]:
        names, obu, ou, out_i, label_of, inside = self._tables()
        model = self.model
        ops = model.ops
        lower = model.get_ref("lower")
        upper = model.get_ref("upper")
        W, b = upper.get_param("W"), upper.get_param("b")
        bias = lower.get_param("b")  # (nO, nP)
        tokvecs = model.get_ref("tok2vec").predict(docs)
        Yf = lower.predict(tokvecs)  # (tokens + 1, nF, nO, nP); row 0 is the padding
        pad = Yf[0]
        # outside an entity: features (token, pad, pad), summed in spaCy's order, then the bias
        unmaxed = ((Yf[1:, 0] + pad[1]) + pad[2]) + bias
        hidden = numpy.ascontiguousarray(unmaxed.max(axis=-1))
        s_obu = ops.gemm(hidden, numpy.ascontiguousarray(W[obu]), trans2=True) + b[obu]
        best_obu = obu[s_obu.argmax(axis=1)]
        pos = numpy.searchsorted(obu, ou)
        best_ou = ou[s_obu[:, pos].argmax(axis=1)]
        result = []
        offset = 0
        for doc in docs:
            n = len(doc)
            space = [t.is_space for t in doc]
            next_start = [doc[i + 1].is_sent_start is True for i in range(n - 1)] + [False]
            ents = []
            i = 0
            while i < n:
                g = offset + i
                if space[i]:
                    i += 1  # only O is valid on whitespace
                    continue
                act = best_obu[g] if n - i >= 2 and not next_start[i] else best_ou[g]
                if act == out_i:
                    i += 1
                    continue
                label = label_of[act]
                if names[act][0] == "U":
                    ents.append((i, i + 1, label))
                    i += 1
                    continue
                # B: the entity is open; inside, only I and L of its label are valid
                start = i
                rows = inside[label]
                i_row, l_row = rows["I"], rows["L"]
                i += 1
                while True:
                    g = offset + i
                    if n - i >= 2 and not next_start[i]:
                        h = ((Yf[1 + g, 0] + Yf[1 + offset + start, 1]) + Yf[g, 2]) + bias
                        h = h.max(axis=-1)
                        s = ops.gemm(h[None, :], W[[i_row, l_row]], trans2=True)[0] + b[[i_row, l_row]]
                        take_i = s[0] > s[1] or (s[0] == s[1] and i_row < l_row)
                    else:
                        take_i = False
                    i += 1
                    if not take_i:
                        ents.append((start, i, label))
                        break
            result.append(ents)
            offset += n
        return result


class _FastResult:
    """The entities (start, end, label id) per doc that :class:`_FastGreedyNER` decoded."""

    def __init__(self, ents: list[list[tuple[int, int, int]]]) -> None:
        self.ents = ents


def fast_ner(nlp: Language) -> bool:
    """Swap GiNZA's ``ner`` in ``nlp`` for :class:`_FastGreedyNER` (same model, same output);
    False when ``nlp`` has no ``ner`` of that kind."""
    names = [name for name, _ in nlp._components]
    if "ner" not in names:
        return False
    ner = nlp.get_pipe("ner")
    if isinstance(ner, _FastGreedyNER):
        return True
    if type(ner) is not EntityRecognizer:
        return False
    fast = _FastGreedyNER(ner.vocab, ner.model, ner.name, ner.moves, **{
        k: ner.cfg[k] for k in ("update_with_oracle_cut_size", "beam_width", "beam_density", "beam_update_prob",
                                "incorrect_spans_key") if k in ner.cfg}, scorer=ner.scorer)
    fast.cfg.update(ner.cfg)
    nlp._components[names.index("ner")] = ("ner", fast)
    return True
