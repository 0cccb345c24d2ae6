"""newstag events: calls, meetings, visits, agreements and positions with their arguments.

``component`` (the ``newstag_events`` spaCy factory), ``lexicon`` (trigger rules and cue words,
shipped as ``data/triggers.json`` and ``data/cues.json``), ``syntax`` and ``arguments`` (reading
GiNZA's dependency tree and resolving phrases to entity ids), ``extract`` (one trigger match to
event candidates) and ``merge`` (one event per happening).
"""
