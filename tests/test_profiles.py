"""Profiles: tagging with GiNZA's ner (``ginza_ner=True``) and without it (``ginza_ner=False``)."""

from __future__ import annotations

import io
import sys

import pytest

import newstag
from newstag import cli, evaluate, scale
from newstag.pipeline import COMPONENTS, GINZA_NER_DEFAULT, resolve_ginza_ner

from .conftest import assert_invariants


@pytest.fixture(scope="session")
def profiles(tagger) -> dict[bool, newstag.Tagger]:
    """Both profiles: the session tagger (the default one) and the other, loaded once."""
    other = newstag.Tagger(ginza_ner=not tagger.ginza_ner)
    return {tagger.ginza_ner: tagger, other.ginza_ner: other}


def project(article) -> dict:
    """Readable results: entities (name, type), dates, quotes (speaker, cue, words), events."""
    return {
        "entities": [(e.name, e.type) for e in article.entities],
        "dates": [d.text for d in article.dates],
        "quotes": [(q.speaker_text, q.cue, q.text) for q in article.quotes],
        "events": [(ev.type, ev.trigger.text) for ev in article.events],
    }


# sentences whose evidence is a title, a name shape, a suffix or a cue, not a GiNZA ENE label:
# both profiles must read them the same way
CASES = [
    ("森川浩二外相は14日、ジャカルタで記者会見を開き、「両国の協力を深めたい」と述べた。",
     {"entities": [("森川浩二", "PERSON"), ("ジャカルタ", "PLACE")], "dates": ["14日"],
      "quotes": [("森川浩二", "述べた", "両国の協力を深めたい")], "events": [("STATEMENT", "述べた")]}),
    ("ラマダニ・ソロ大統領は昨年10月、首都で演説し、「改革を止めない」と強調した。",
     {"entities": [("ラマダニ・ソロ", "PERSON")], "dates": ["昨年10月"],
      "quotes": [("ラマダニ・ソロ", "強調した", "改革を止めない")], "events": [("STATEMENT", "強調した")]}),
    ("緑風党の岡島真理子代表は記者団に「連立には加わらない」と語った。",
     {"entities": [("緑風党", "ORG"), ("岡島真理子", "PERSON")], "dates": [],
      "quotes": [("岡島真理子", "語った", "連立には加わらない")], "events": [("STATEMENT", "語った")]}),
    ("カルロス・メンデス首相は来月、東京を訪問する予定だ。",
     {"entities": [("カルロス・メンデス", "PERSON"), ("東京", "PLACE")], "dates": ["来月"], "quotes": [],
      "events": [("VISIT", "訪問")]}),
    ("国土交通省は8日、羽田空港の発着枠を拡大すると発表した。",
     {"entities": [("国土交通省", "ORG"), ("羽田空港", "PLACE")], "dates": ["8日"], "quotes": [], "events": []}),
    ("東和精工の社長に就任した石原大輔氏は「品質を第一に考える」と話した。",
     {"entities": [("東和精工", "ORG"), ("石原大輔", "PERSON")], "dates": [],
      "quotes": [("石原大輔", "話した", "品質を第一に考える")], "events": [("STATEMENT", "話した")]}),
]


def test_default_profile_is_the_documented_one(tagger):
    assert tagger.ginza_ner is GINZA_NER_DEFAULT
    assert resolve_ginza_ner(None) is GINZA_NER_DEFAULT


def test_without_ner_the_component_is_not_loaded(profiles):
    assert "ner" in profiles[True].nlp.pipe_names
    assert "ner" not in profiles[False].nlp.pipe_names
    assert [profiles[p].settings()["ginza_ner"] for p in (True, False)] == [True, False]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:12] for c in CASES])
def test_both_profiles_tag_alike(profiles, text, expected):
    for with_ner, tagger in profiles.items():
        article = tagger(text, published="2025-03-01")
        assert project(article) == expected, f"ginza_ner={with_ner}"
        assert_invariants(article)


def _parses(tagger, texts):
    own = [n for n in COMPONENTS if n in tagger.nlp.pipe_names]
    return list(tagger.nlp.pipe(texts, disable=own))


def _token_view(doc):
    return [(t.text, t.tag_, t.pos_, t.lemma_, str(t.morph), t.dep_, t.head.i, t.is_sent_start) for t in doc]


# a kanji surname Sudachi knows, alone before ら / たち / 本人 / 自身 (words that only follow a
# person), is a PERSON in both profiles: this evidence replaces GiNZA's Person reading
LONE_SURNAMES = [
    ("当時の委員長だった、関口らは新党の結成を急いだ。", "関口"),
    ("批判を受けた、大槻自身も責任を認めた。", "大槻"),
    ("会議には、村瀬たちが出席した。", "村瀬"),
    ("辞任の理由について、長谷部本人は何も語っていない。", "長谷部"),
    ("騒動のあと、森田自身が謝罪した。", "森田"),
]


@pytest.mark.parametrize("ginza_ner", [True, False])
@pytest.mark.parametrize(("text", "name"), LONE_SURNAMES, ids=[n for _, n in LONE_SURNAMES])
def test_lone_surname_before_a_person_word(profiles, ginza_ner, text, name):
    article = profiles[ginza_ner](text)
    assert (name, "PERSON") in [(e.name, e.type) for e in article.entities]


def test_ner_is_a_listener_the_other_analyses_are_unchanged(profiles):
    texts = [text for text, _ in CASES]
    with_ner, without = _parses(profiles[True], texts), _parses(profiles[False], texts)
    assert [_token_view(d) for d in with_ner] == [_token_view(d) for d in without]
    assert all(len(d.ents) == 0 for d in without)
    assert any(len(d.ents) > 0 for d in with_ner)  # the profiles do differ: ner found names


def test_ner_is_not_run_with_a_given_pipeline(profiles):
    """Tagger(nlp=<a pipeline with ner>, ginza_ner=False) keeps ner loaded but does not run it."""
    shared = newstag.Tagger(nlp=profiles[True].nlp, ginza_ner=False)
    assert shared.ginza_ner is False and "ner" in shared.nlp.pipe_names
    text = "見出し\n\n" + "".join(t for t, _ in CASES)
    assert shared(text).model_dump() == profiles[False](text).model_dump()


def test_real_dev_texts_parse_alike_without_ner(profiles, shared_dir):
    texts = [p.read_text(encoding="utf-8")[:800] for p in sorted((shared_dir / "dev").glob("*.txt"))[:3]]
    with_ner, without = _parses(profiles[True], texts), _parses(profiles[False], texts)
    assert [_token_view(d) for d in with_ner] == [_token_view(d) for d in without]


@pytest.mark.parametrize("text", ["", " \n", "「", "<html><body><p>本文</p></body></html>", "１２３ＡＢＣ。\u3000。"])
def test_odd_input_without_ner(profiles, text):
    assert_invariants(profiles[False](text))


def test_two_processes_keep_the_profile(profiles):
    tagger = profiles[False]
    texts = [f"見出し{i}\n\n{text}" for i, (text, _) in enumerate(CASES)]
    serial = [a.model_dump() for a in tagger.pipe(texts, batch_size=2)]
    parallel = [a.model_dump() for a in tagger.pipe(texts, batch_size=2, n_process=2)]
    assert parallel == serial


@pytest.mark.parametrize("bad", ["no", 0, 1, "False"])
def test_ginza_ner_must_be_a_bool(bad):
    with pytest.raises(TypeError, match="ginza_ner"):
        newstag.Tagger(ginza_ner=bad)
    with pytest.raises(TypeError, match="ginza_ner"):
        newstag.load(ginza_ner=bad)


def test_contradictory_settings_are_refused(profiles):
    with pytest.raises(ValueError, match="ginza_ner=True"):
        newstag.load(ginza_ner=True, exclude=["ner"])
    with pytest.raises(ValueError, match="ginza_ner=True"):
        newstag.Tagger(nlp=profiles[False].nlp, ginza_ner=True)
    with pytest.raises(ValueError, match="raw_ginza"):
        evaluate.predict(["本文"], raw_ginza=True, ginza_ner=False)


def test_dask_workers_share_a_tagger_per_profile():
    assert scale._key({}) == scale._key({"ginza_ner": GINZA_NER_DEFAULT})
    assert scale._key({}) != scale._key({"ginza_ner": not GINZA_NER_DEFAULT})
    pytest.importorskip("dask.bag")
    import dask.bag as db

    with pytest.raises(TypeError, match="ginza_ner"):
        scale.tag_bag(db.from_sequence(["本文"]), ginza_ner="yes")


@pytest.mark.parametrize(("argv", "expected"), [
    ([], {}),
    (["--no-ginza-ner"], {"ginza_ner": False}),
    (["--ginza-ner"], {"ginza_ner": True}),
])
def test_cli_profile_option(monkeypatch, capsys, tagger, argv, expected):
    seen = []

    def make(model, **settings):
        seen.append(settings)
        return tagger

    monkeypatch.setattr(cli, "make_tagger", make)
    monkeypatch.setattr(sys, "stdin", io.StringIO("見出し\n\n森川浩二外相は述べた。"))
    assert cli.main(["-", "-f", "json", *argv]) == 0
    assert seen == [expected]
    assert "森川浩二" in capsys.readouterr().out


def test_evaluate_keeps_one_cache_per_profile():
    assert evaluate.profile_cache("/c/sm.spacy", True) == "/c/sm.spacy"
    assert evaluate.profile_cache("/c/sm.spacy", False) == "/c/sm.noner.spacy"
    assert evaluate.profile_cache(None, False) is None


# -- the ner decoder: newstag's (ginza_adapter._FastGreedyNER) against spaCy's, same model ---------

# sentences with entities of many ENE kinds, several words long, at the end of a sentence, before
# and after whitespace, across sentence boundaries (no entity may cross one)
DECODER_TEXTS = [
    "森川浩二外相は14日、ジャカルタで記者会見を開き、「両国の協力を深めたい」と述べた。",
    "東和精工は2024年度の売上高が前年比12%増の3500億円になったと発表した。",
    "国際オリンピック委員会の総会は来年3月、スイス・ローザンヌで開かれる。",
    "北陸新幹線の金沢駅で、\u3000JR西日本の社員らが乗客を案内した。\n大雪の影響はなかった。",
    "ラマダニ・ソロ大統領は昨年10月、首都で演説した。カルロス・メンデス首相も出席した。",
    "緑風党の岡島真理子代表は第3回日中韓サミットについて語った。",
    "",
    "雨。",
    "　\n",
    "日本銀行は午前9時30分、政策金利を0.5%に据え置くと発表し、円相場は1ドル=150円台で推移した。",
]


def _pre_ner(nlp, texts):
    """The docs as they reach GiNZA's ner (tok2vec and parser have run)."""
    names = nlp.pipe_names
    return list(nlp.pipe(texts, disable=names[names.index("ner"):]))


def _ents(doc):
    return [(e.start, e.end, e.label_) for e in doc.ents], [t.ent_iob_ for t in doc]


def test_the_default_loader_decodes_ner_with_newstag_s_decoder(profiles):
    from newstag.ginza_adapter import _FastGreedyNER
    from newstag.pipeline import FAST_NER_DECODER

    assert isinstance(profiles[True].nlp.get_pipe("ner"), _FastGreedyNER) is FAST_NER_DECODER


@pytest.mark.parametrize("batch", [1, 4, len(DECODER_TEXTS)])
def test_ner_decoder_gives_spacy_s_entities(profiles, batch):
    from spacy.pipeline import EntityRecognizer

    from newstag.ginza_adapter import _FastResult, fast_ner

    nlp = profiles[True].nlp
    fast_ner(nlp)
    ner = nlp.get_pipe("ner")
    docs = _pre_ner(nlp, DECODER_TEXTS)
    ours, theirs = [d.copy() for d in docs], [d.copy() for d in docs]
    for i in range(0, len(docs), batch):
        result = ner.predict(ours[i:i + batch])
        if any(len(d) for d in ours[i:i + batch]):
            assert isinstance(result, _FastResult)  # not spaCy's decoder under another name
        ner.set_annotations(ours[i:i + batch], result)
        EntityRecognizer.set_annotations(ner, theirs[i:i + batch], EntityRecognizer.predict(ner, theirs[i:i + batch]))
    assert [_ents(d) for d in ours] == [_ents(d) for d in theirs]
    assert sum(len(d.ents) for d in ours) >= 20  # the texts do have entities
    assert any(len(e) > 1 for d in ours for e in d.ents)


def test_ner_decoder_leaves_preset_entities_to_spacy(profiles):
    """A doc that already has entity annotation (preset ents) goes through spaCy's decoder."""
    from spacy.tokens import Span

    from newstag.ginza_adapter import _FastResult, fast_ner

    nlp = profiles[True].nlp
    fast_ner(nlp)
    ner = nlp.get_pipe("ner")
    doc = _pre_ner(nlp, ["東和精工の石原大輔社長が会見した。"])[0]
    doc.set_ents([Span(doc, 0, 1, label="Company")], default="unmodified")
    assert not isinstance(ner.predict([doc]), _FastResult)


def test_ner_decoder_on_real_dev_texts(profiles, shared_dir):
    from spacy.pipeline import EntityRecognizer

    from newstag.ginza_adapter import fast_ner

    nlp = profiles[True].nlp
    fast_ner(nlp)
    ner = nlp.get_pipe("ner")
    texts = [p.read_text(encoding="utf-8")[:1500] for p in sorted((shared_dir / "dev").glob("*.txt"))[:6]]
    docs = _pre_ner(nlp, texts)
    ours, theirs = [d.copy() for d in docs], [d.copy() for d in docs]
    ner.set_annotations(ours, ner.predict(ours))
    EntityRecognizer.set_annotations(ner, theirs, EntityRecognizer.predict(ner, theirs))
    assert [_ents(d) for d in ours] == [_ents(d) for d in theirs]
