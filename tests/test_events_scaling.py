"""Events on long articles: the lookups that replaced whole-article scans give the scans' answers."""

from __future__ import annotations

import pytest

from newstag.doc_state import results
from newstag.events.arguments import EntityIndex
from newstag.events.extract import DateIndex
from newstag.events.lexicon import load_cues

TEXT = ("北山電機の山田一郎社長は3日、東京で記者会見を開いた。5日には大阪を訪れ、"
        "南海運輸の幹部と会談した。同社は7日、声明を出した。")


@pytest.fixture(scope="module")
def doc(tagger):
    """The text through the whole pipeline (GiNZA and newstag's components)."""
    return tagger.nlp(TEXT)


def _index(doc, surface: dict[str, str]) -> EntityIndex:
    idx = EntityIndex(doc, load_cues())
    idx.surface = dict(surface)
    idx._surface_rank = {n: k for k, n in enumerate(idx.surface)}
    return idx


@pytest.mark.parametrize(("surface", "word", "expected"), [
    ({"山田": "E1"}, "山田", "E1"),                       # the word itself
    ({"山田": "E1"}, "山田社長", "E1"),                   # a known name + up to 4 characters
    ({"山田": "E1"}, "山田電機工業所", None),              # 5 characters after it: no
    ({"北山": "E2", "北山電機": "E3"}, "北山電機社", "E2"),  # both fit: the first named wins
    ({"北山電機": "E3", "北山": "E2"}, "北山電機社", "E3"),
    ({"山田": "E1"}, "田中", None),
])
def test_surface_prefix_is_the_first_fitting_known_name(doc, surface, word, expected):
    assert _index(doc, surface)._surface_prefix(word) == expected


def test_surface_prefix_equals_a_scan_of_all_names(doc):
    surface = {"北山": "E1", "北山電機": "E2", "南海": "E3", "南海運輸": "E4", "山田一郎": "E5"}
    idx = _index(doc, surface)
    for t in doc:
        scan = next((e for n, e in surface.items()
                     if t.text == n or (t.text.startswith(n) and len(t.text) - len(n) <= 4)), None)
        assert idx._surface_prefix(t.text) == scan, t.text


def test_dates_starting_in_a_token_range(doc):
    dates = DateIndex.build(doc, results(doc, "dates"))  # the pipeline's own dates: 3日, 5日, 7日
    assert [d.text for _, d in dates.items] == ["3日", "5日", "7日"]
    for lo in range(len(doc) + 1):
        for hi in range(lo, len(doc) + 1):
            scan = [x for x in dates.items if lo <= x[0].start < hi]
            assert dates.starting_in(lo, hi) == scan
