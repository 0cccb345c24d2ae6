"""newstag.to_frame: tidy DataFrames of entities, mentions, dates, quotes and events."""

from __future__ import annotations

import sys

import pytest

import newstag
from newstag.frames import COLUMNS, KINDS

from .test_display import make_article

pd = pytest.importorskip("pandas")


@pytest.mark.parametrize("kind, n_rows", [
    ("entities", 5), ("mentions", 7), ("dates", 3), ("quotes", 1), ("events", 3),
])
def test_shapes_and_columns_one_article(kind, n_rows):
    df = newstag.to_frame(make_article(), kind=kind)
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == COLUMNS[kind] and df.columns[0] == "article"
    assert len(df) == n_rows
    assert set(df["article"]) == {"a1"}


def test_article_key_is_id_else_position():
    arts = [make_article("x"), make_article(None), make_article("z")]
    df = newstag.to_frame(iter(arts), kind="quotes")  # any iterable
    assert df["article"].tolist() == ["x", 1, "z"]


def test_entity_rows():
    df = newstag.to_frame(make_article(), kind="entities").set_index("id")
    assert df.loc["E1", "name"] == "石破茂" and df.loc["E1", "titles"] == ["首相"]
    assert df.loc["E1", "n_mentions"] == 2 and df.loc["E1", "mention_texts"] == ["石破茂", "石破"]
    assert df.loc["E2", "affiliation_id"] == "E3" and df.loc["E2", "affiliation_name"] == "米"
    assert df["type"].value_counts().to_dict() == {"PERSON": 2, "PLACE": 2, "ORG": 1}


def test_mention_rows_index_the_text():
    a = make_article()
    df = newstag.to_frame(a, kind="mentions")
    for row in df.itertuples():
        assert a.text[row.start:row.end] == row.text
    titles = df[df.entity_id == "E2"]["title"]
    assert titles.isna().tolist() == [True, False] and titles.iloc[1] == "氏"


def test_event_participants_by_id_and_name():
    df = newstag.to_frame(make_article(), kind="events").set_index("id")
    assert df.loc["V1", "participant_ids"] == ["E1", "E2"]
    assert df.loc["V1", "participant_names"] == ["石破茂", "トランプ"]
    assert df.loc["V1", "participant_roles"] == ["agent", "counterpart"]
    assert df.loc["V1", "participants"] == "石破茂 (agent); トランプ (counterpart)"
    assert df.loc["V3", "place_id"] == "E5" and df.loc["V3", "place_name"] == "東京"
    assert df.loc["V3", "status"] == "planned" and df.loc["V3", "date"] == "2025-04"
    assert df.loc["V2", "quote_id"] == "Q1" and df.loc["V2", "quote_text"] == "A&B社の<関税>への影響は大きい"
    # exploding gives one row per participant
    assert len(df.explode(["participant_ids", "participant_names", "participant_roles"])) == 4


def test_quote_rows():
    row = newstag.to_frame(make_article(), kind="quotes").iloc[0]
    assert (row.speaker_id, row.speaker_name, row.speaker_text, row.cue) == ("E1", "石破茂", "石破首相", "述べた")


@pytest.mark.parametrize("kind", KINDS)
def test_no_articles_gives_empty_frame_with_columns(kind):
    df = newstag.to_frame([], kind=kind)
    assert df.empty and list(df.columns) == COLUMNS[kind]


def test_bad_arguments():
    with pytest.raises(ValueError, match="kind"):
        newstag.to_frame(make_article(), kind="people")
    with pytest.raises(TypeError, match="articles"):
        newstag.to_frame("本文")
    with pytest.raises(TypeError, match=r"articles\[1\]"):
        newstag.to_frame([make_article(), {"text": "x"}])


def test_without_pandas_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` raise ImportError
    with pytest.raises(ImportError, match=r'pip install "newstag\[pandas\]"'):
        newstag.to_frame(make_article())


def test_tagged_articles_to_frames(tagger):
    from .conftest import EXAMPLES

    arts = list(tagger.pipe([((EXAMPLES / "clean_article.txt").read_text(encoding="utf-8"),
                              {"id": "clean", "published": "2025-06-11"}),
                             (EXAMPLES / "article.html").read_text(encoding="utf-8")]))
    ents = newstag.to_frame(arts, kind="entities")
    assert len(ents) == sum(len(a.entities) for a in arts)
    assert set(ents["article"]) <= {"clean", 1}
    events = newstag.to_frame(arts, kind="events")
    assert len(events) == sum(len(a.events) for a in arts)
    ids = {(k, e.id) for k, a in zip(["clean", 1], arts, strict=True) for e in a.entities}
    for row in events.itertuples():
        assert all((row.article, i) in ids for i in row.participant_ids)
