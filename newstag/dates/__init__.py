"""newstag dates: temporal expressions normalised to TIMEX3-style values.

:func:`tag_text` works on plain text (no parse); the spaCy component ``newstag_dates`` runs it
over the title and body of a parsed Doc, with the clause tense taken from GiNZA's dependencies.
"""

from .component import DatesComponent, tag_text
from .lexicon import DateLexicon, load_lexicon

__all__ = ["DateLexicon", "DatesComponent", "load_lexicon", "tag_text"]
