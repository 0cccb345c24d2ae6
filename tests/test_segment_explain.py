"""``newstag.segment.explain``: every line with its features, score and role; ``newstag --explain``;
the shipped line rules."""

from __future__ import annotations

import io
import sys

import pytest

from newstag import cli
from newstag.segment import LineDecision, explain, segment_text
from newstag.segment.rules import LineRules, load_rules

from .test_segment_html import PAYWALLED as PAYWALLED_HTML
from .test_segment_pages import OPINION, PAYWALLED

# (page, line, its role, a feature it must show) — why each kind of line is in or out
WHY = [
    (PAYWALLED, "第3回 「お母さんの味を覚えたい」 10歳の娘が台所に立った日", "title", None),
    (PAYWALLED, "生活部・高田真理2024年5月8日 11時00分", "byline", "dateline"),
    (PAYWALLED, "有料会員記事", "out", "label:label.paid_article"),
    (PAYWALLED, "台所で母親の手元を見つめる千夏さん=2024年4月20日、横浜市港北区、高田真理撮影", "out",
     "caption:caption.credit_after_equals"),
    (PAYWALLED, "横浜市に住む会社員の川村由紀さんは、昨年の秋に乳がんの手術を受けた。", "body", "prose"),
    (PAYWALLED, "【連載一覧】暮らしと家族", "body", None),
    (PAYWALLED, "「焦げても大丈夫。何度でも作ればいいんだよ」", "body", "quote"),
    (PAYWALLED, "川村さんがそう声をかけると、千夏さんは…", "body", "cut_off"),
    (PAYWALLED, "この記事は有料会員記事です。残り1204文字有料会員になると続きをお読みいただけます。", "out",
     "notice:notice.this_article_is"),
    (PAYWALLED, "関連ニュース", "out", "section:section.related"),
    (OPINION, "住民の足はどこへ向かうのか？", "body", None),
    (OPINION, "残り1820文字（全文2650文字）", "out", "notice:notice.remaining_chars"),
    (OPINION, "1970年生まれ。専門は交通政策。著書に『地方の足』など。", "out", "prose"),
]


@pytest.mark.parametrize("page, line, role, feature", WHY)
def test_explain_line_roles(page, line, role, feature):
    (d,) = [d for d in explain(page) if d.text == line]
    assert d.role == role
    assert feature is None or feature in d.features
    assert page[d.start:d.end] == d.text
    if "notice" in ",".join(d.features):
        assert d.score is None and "wall" in str(d)


def test_explain_agrees_with_segment_text():
    for page in (PAYWALLED, OPINION):
        lay = segment_text(page)
        ds = explain(page)
        body = [(d.start, d.end) for d in ds if d.role == "body"]
        assert body == lay.paragraphs
        assert [(d.start, d.end) for d in ds if d.role == "title"] == [lay.title]
        assert [d.number for d in ds] == sorted(d.number for d in ds)
        lines = page.splitlines()
        assert all(lines[d.number - 1].strip() == d.text for d in ds)


def test_explain_html_lists_the_analysed_text():
    from newstag.segment import read_page

    pg = read_page(PAYWALLED_HTML)
    ds = explain(PAYWALLED_HTML)
    assert ds[0].role == "title" and "html-title" in ds[0].features
    assert all(pg.text[d.start:d.end] == d.text for d in ds)
    assert [(d.start, d.end) for d in ds if d.role == "body"] == pg.layout.paragraphs
    lines = pg.text.splitlines()
    assert all(lines[d.number - 1].strip() == d.text for d in ds)


@pytest.mark.parametrize("text", ["", "\n\n", "単語", "「", "<<<>>>", "a\u0000b\n\n\ud800", "…\n…\n…"])
def test_explain_odd_inputs(text):
    ds = explain(text)
    assert all(isinstance(d, LineDecision) and text[d.start:d.end] == d.text for d in ds)


def test_explain_rejects_non_text():
    with pytest.raises(TypeError, match="text"):
        explain(b"bytes")  # type: ignore[arg-type]


def test_cli_explain(tmp_path, monkeypatch, capsys):
    """``newstag --explain`` prints the decisions without loading the tagger."""
    monkeypatch.setattr(cli, "make_tagger", lambda model: pytest.fail("--explain must not load GiNZA"))
    page = tmp_path / "page.txt"
    page.write_text(PAYWALLED, encoding="utf-8")
    assert cli.main([str(page), "--explain"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(explain(PAYWALLED))
    (title,) = [ln for ln in out if " title " in ln]
    assert "お母さんの味を覚えたい" in title
    assert any(" body " in ln and "prose" in ln for ln in out)
    monkeypatch.setattr(sys, "stdin", io.StringIO(OPINION))
    assert cli.main(["-", "--explain"]) == 0
    assert "notice:notice.remaining_chars" in capsys.readouterr().out


def test_shipped_line_rules_validate():
    rules = load_rules()
    assert isinstance(rules, LineRules)
    for kind in ("paywall_notices", "paywall_labels", "captions", "sections"):
        group = getattr(rules, kind)
        assert group and len({r.id for r in group}) == len(group)


def test_line_rules_reject_unknown_fields(tmp_path):
    bad = tmp_path / "lines.json"
    bad.write_text('{"paywall_notices": [], "paywall_labels": [], "captions": [], "sections": [], "extra": 1}',
                   encoding="utf-8")
    with pytest.raises(ValueError):
        load_rules(str(bad))
    with pytest.raises(FileNotFoundError, match="path"):
        load_rules(str(tmp_path / "missing.json"))


def test_cli_explain_is_not_a_batch_option(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(OPINION, encoding="utf-8")
    assert cli.main([str(page), "--explain", "--batch"]) == 2
    assert "--explain" in capsys.readouterr().err
