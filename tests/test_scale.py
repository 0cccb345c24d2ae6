"""Scaling: Tagger.pipe with worker processes, pickling of results, the Dask path (newstag.scale)."""

from __future__ import annotations

import pickle

import pytest

from newstag import scale
from newstag.models import Article

from .conftest import assert_offsets

TEXTS = [
    "政府、物価高対策を閣議決定\n\n政府は14日の閣議で、電気・ガス料金の補助を来年3月まで延長する物価高対策を決定した。",
    "佐藤知事は記者会見で「県民の安全を最優先に対応する」と述べた。",
    "",
    "大阪市で国際会議が開幕\n\n国際会議が15日、大阪市で開幕した。約40か国の閣僚らが参加し、3日間の日程で気候変動対策を話し合う。",
    "トヨタ自動車は16日、北米で新しい電池工場を建設すると発表した。投資額は約5000億円。",
]
ITEMS = [(t, {"id": f"a{i}", "published": "2025-04-14"}) for i, t in enumerate(TEXTS)]


def dumps(articles) -> list[dict]:
    return [a.model_dump() for a in articles]


@pytest.fixture(scope="module")
def serial(tagger) -> list[Article]:
    return list(tagger.pipe(ITEMS, batch_size=2))


def test_serial_results_are_tagged_in_order(serial):
    assert [a.id for a in serial] == [f"a{i}" for i in range(len(TEXTS))]
    assert [a.text for a in serial] == TEXTS
    for a in serial:
        assert_offsets(a)
    assert serial[2].sentences == []
    assert serial[0].title == "政府、物価高対策を閣議決定"
    assert [str(a.published) for a in serial] == ["2025-04-14"] * len(TEXTS)


def test_articles_pickle_exactly(serial):
    back = pickle.loads(pickle.dumps(serial))
    assert dumps(back) == dumps(serial)
    assert all(isinstance(a, Article) for a in back)


@pytest.mark.parametrize("batch_size", [1, 3])
def test_two_processes_give_the_serial_results_in_order(tagger, serial, batch_size):
    parallel = list(tagger.pipe(ITEMS, batch_size=batch_size, n_process=2))
    assert [a.id for a in parallel] == [f"a{i}" for i in range(len(TEXTS))]
    assert dumps(parallel) == dumps(serial)


def test_parallel_pipe_validates_items_early(tagger):
    with pytest.raises(TypeError, match="items"):
        list(tagger.pipe([TEXTS[0], 42], n_process=2))


def test_parallel_pipe_can_stop_early(tagger):
    it = tagger.pipe(TEXTS * 4, batch_size=1, n_process=2)
    first = next(it)
    it.close()  # closes the pool; must not hang
    assert first.text == TEXTS[0]


# -- Dask ---------------------------------------------------------------------------------------


def test_tag_bag_uses_the_process_tagger_and_keeps_order(tagger, serial, monkeypatch):
    db = pytest.importorskip("dask.bag")
    # the session tagger stands in for this process's cached Tagger (default settings)
    monkeypatch.setitem(scale._TAGGERS, scale._key({}), tagger)
    assert scale.cached_tagger() is tagger
    bag = db.from_sequence(ITEMS, npartitions=3)
    out = scale.tag_bag(bag, batch_size=2).compute(scheduler="sync")
    assert dumps(out) == dumps(serial)
    as_dicts = scale.tag_bag(bag, output="dict").compute(scheduler="sync")
    assert as_dicts == [a.model_dump(mode="json") for a in serial]
    as_json = scale.tag_bag(bag, output="json")
    back = scale.articles_from_bag(as_json).compute(scheduler="sync")
    assert dumps(back) == dumps(serial)


def test_tag_bag_applies_the_default_published(tagger, monkeypatch):
    db = pytest.importorskip("dask.bag")
    monkeypatch.setitem(scale._TAGGERS, scale._key({}), tagger)
    bag = db.from_sequence(TEXTS[:2], npartitions=1)
    out = scale.tag_bag(bag, published="2025-04-14").compute(scheduler="sync")
    assert [str(a.published) for a in out] == ["2025-04-14", "2025-04-14"]


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"output": "xml"}, ValueError),
        ({"batch_size": 0}, ValueError),
        ({"published": "14 April"}, ValueError),
        ({"nlp": object()}, TypeError),
    ],
)
def test_tag_bag_rejects_bad_arguments(kwargs, error):
    db = pytest.importorskip("dask.bag")
    with pytest.raises(error):
        scale.tag_bag(db.from_sequence(TEXTS, npartitions=1), **kwargs)


def test_tag_bag_wants_a_bag():
    pytest.importorskip("dask.bag")
    with pytest.raises(TypeError, match="dask.bag.Bag"):
        scale.tag_bag(TEXTS)


@pytest.mark.slow
def test_tag_bag_on_a_local_cluster(serial):
    db = pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            bag = db.from_sequence(ITEMS * 2, npartitions=4)
            out = scale.tag_bag(bag, batch_size=2, output="json").compute()
            back = [Article.model_validate_json(x) for x in out]
            assert dumps(back) == dumps(serial) * 2
            # one Tagger per worker process, reused across its partitions
            counts = client.run(lambda: len(scale._TAGGERS))
            assert sorted(counts.values()) in ([1, 1], [0, 1])
