"""The mention rules of ``newstag_entities``, one module per family (the rule book).

- :mod:`.registry`: every rule's id, family, priority and description (:func:`~.registry.mention_rule`).
- :mod:`.apply`: the order the rules run in (:data:`~.apply.STEPS`) and the overlap resolution.
- :mod:`.person`, :mod:`.org`, :mod:`.org_context`, :mod:`.place`: rules typing names by the words
  of the text; :mod:`.lexical`: gazetteer and class-noun matches; :mod:`.signals`: GiNZA's,
  Sudachi's and IPADIC's readings; :mod:`.filters`: what drops or trims candidates at the end.
- :mod:`.region`: the state of one region and the predicates over its tokens the families share;
  :mod:`.tokens`: the token predicates with no state; :mod:`.lexicons`: the compiled rule data.

``docs/entities.md`` is the catalogue of the rules (``python -m newstag.entities.report --catalogue``
writes it from the registry).
"""

from .apply import STEPS, find_mentions, resolve, run_region
from .candidate import Candidate
from .lexicons import ClassNounIndex, Lexicons
from .region import Region
from .registry import RULES, RuleInfo, mention_rule, priority_of, rule_info
from .tokens import (
    CLOSE,
    DOTS,
    KANJI,
    OPEN,
    is_katakana,
    is_namey,
    is_number,
    written_shape,
)

__all__ = [
    "CLOSE", "DOTS", "KANJI", "OPEN", "RULES", "STEPS", "Candidate", "ClassNounIndex", "Lexicons", "Region", "RuleInfo",
    "find_mentions", "is_katakana", "is_namey", "is_number", "mention_rule", "priority_of", "resolve", "rule_info",
    "run_region", "written_shape",
]
