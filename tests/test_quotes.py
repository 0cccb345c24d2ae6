"""newstag_quotes: quoted speech, its speaker and cue, STATEMENT events."""

from __future__ import annotations

import json

import pytest

from newstag.quotes.brackets import chains, matched_pairs, sentence_stops, top_level
from newstag.quotes.component import QuotesComponent
from newstag.quotes.lexicon import CueLexicon, load_lexicon

from .conftest import assert_offsets


def project(article):
    """(speaker_text, cue, quoted words) per quote."""
    return [(q.speaker_text, q.cue, q.text) for q in article.quotes]


CASES = [
    # 「…」と述べた, subject marked by は before the quote; titles are not part of the speaker
    ("岸田文雄首相は12日、記者団に「経済対策を急ぐ必要がある」と述べた。",
     [("岸田文雄", "述べた", "経済対策を急ぐ必要がある")]),
    # the subject after the quote
    ("「責任を痛感している」と鈴木直道知事は語った。",
     [("鈴木直道", "語った", "責任を痛感している")]),
    # one subject for a chain of quotes: とし … と述べた
    ("マクロン大統領は声明で、「欧州は団結している」とし、「ウクライナへの支援を続ける」と述べた。",
     [("マクロン", "とし", "欧州は団結している"), ("マクロン", "述べた", "ウクライナへの支援を続ける")]),
    # a newspaper as speaker; its bracketed name is not a quote
    ("英紙「フィナンシャル・タイムズ」は「交渉は難航するだろう」と報じた。",
     [("フィナンシャル・タイムズ", "報じた", "交渉は難航するだろう")]),
    # an interview: the interviewee speaks, not the paper
    ("ショルツ首相は10日、米紙「ニューヨーク・タイムズ」のインタビューで「支援を続けるつもりだ」と語った。",
     [("ショルツ", "語った", "支援を続けるつもりだ")]),
    # a dropped subject carried over from the previous sentence
    ("グテーレス事務総長は記者会見を開いた。「停戦を強く求める」と訴えた。",
     [("グテーレス", "訴えた", "停戦を強く求める")]),
    # 〜によると「…」という: the source speaks
    ("政府関係者によると「首脳会談は来月行われる見通しだ」という。",
     [("政府関係者", "という", "首脳会談は来月行われる見通しだ")]),
    # AはじめB高官は → A
    ("バイデン大統領はじめ米政府高官は「同盟国と連携する」と強調した。",
     [("バイデン", "強調した", "同盟国と連携する")]),
    # consecutive quotes sharing one cue, the cue a noun after an object
    ("立憲民主党の泉健太代表は「説明が足りない」「国民を軽視している」と政府を非難した。",
     [("泉健太", "非難した", "説明が足りない"), ("泉健太", "非難した", "国民を軽視している")]),
    # NHK style; the second sentence's speaker carries over from the first quote
    ("林芳正官房長官は記者会見で「緊張感を持って対応したい」と述べました。また「情報収集に全力を挙げる」と話しています。",
     [("林芳正", "述べました", "緊張感を持って対応したい"), ("林芳正", "話しています", "情報収集に全力を挙げる")]),
    # 『』 nested in 「」 stays part of the quote
    ("田中一郎社長は「『挑戦』という言葉を大切にしてきた」と話した。",
     [("田中一郎", "話した", "『挑戦』という言葉を大切にしてきた")]),
    # 『』 used as speech
    ("評論家の山田太郎氏は『時代は変わった』と語った。",
     [("山田太郎", "語った", "時代は変わった")]),
    # a quote of several sentences
    ("佐藤一郎議員は「増税には反対だ。国民の理解は得られない」と主張した。",
     [("佐藤一郎", "主張した", "増税には反対だ。国民の理解は得られない")]),
    # 「…」との見方を示した
    ("日銀の植田和男総裁は「物価は上昇基調にある」との見方を示した。",
     [("植田和男", "見方を示した", "物価は上昇基調にある")]),
    # a quoted fragment inside reported speech
    ("経団連の十倉雅和会長は、増税は「景気を冷やす」だろうと語った。",
     [("十倉雅和", "語った", "景気を冷やす")]),
    # a news agency as speaker; an unlisted reporting verb after a speech-like quote
    ("北朝鮮の朝鮮中央通信は「敵対行為には断固対応する」と報じた。",
     [("朝鮮中央通信", "報じた", "敵対行為には断固対応する")]),
    # a subordinate subject (ロシアが) is not the speaker
    ("ゼレンスキー大統領は、ロシアが攻撃を続けていることについて「許されない」と述べた。",
     [("ゼレンスキー", "述べた", "許されない")]),
    # a reported report: the quote's own subject (が), not the outlet (は)
    ("ロイター通信は、ペスコフ報道官が「交渉の準備はできている」と述べたと伝えた。",
     [("ペスコフ", "述べた", "交渉の準備はできている")]),
    # the cue modifies the noun naming the speaker
    ("「とても怖かった」と話す住民もいた。", [("住民", "話す", "とても怖かった")]),
    # 語る一方: a conjunctive noun is no speaker
    ("ブレア元首相は「イラク戦争は正しかった」と語る一方、責任も認めた。",
     [("ブレア", "語る", "イラク戦争は正しかった")]),
    # an unlisted reporting phrase after speech; a speaker the text does not name stops the carry-over
    ("首相は会見した。取材に応じた男性は「まさかこんなことになるとは」と声を詰まらせた。",
     [("男性", "詰まらせた", "まさかこんなことになるとは")]),
    ("同社のクック最高経営責任者は「過去最高の製品だ」と胸を張った。",
     [("クック", "張った", "過去最高の製品だ")]),
    # という + noun: the bracket describes the noun, even when it reads like speech
    ("産業界には「新しい時代に乗り遅れるな」という機運が広がった。", []),
    # とする + a statement noun is still a report by the subject
    ("外務省は「極めて遺憾だ」とする声明を発表した。", [("外務省", "とする", "極めて遺憾だ")]),
    # Xでは「…」として: an organisation speaks; a place (国内では) does not
    ("東京都では「観光の目玉が必要だ」として誘致を進めてきた。", [("東京都", "として", "観光の目玉が必要だ")]),
    ("国内では「増税は避けられない」として反発が広がった。", [(None, "として", "増税は避けられない")]),
    # 「…」とされる: hearsay nobody says
    ("現地では「安全性に問題はない」とされている。", []),
    # the quote first, then a sentence reporting it with こう
    ("「戦争は終わらせなければならない」。バイデン大統領は演説でこう訴えた。",
     [("バイデン", "訴えた", "戦争は終わらせなければならない")]),
    # a sentence without speaker or こう after a quote: no cue, no quote
    ("「以上だ」。会見は終わった。", []),
    # not quotes: names after a media/SNS noun, terms, scare quotes
    ("トランプ氏はSNS「トゥルース・ソーシャル」に投稿した。", []),
    ("政府は「異次元の少子化対策」を掲げた。", []),
    ("いわゆる「年収の壁」の問題が議論された。", []),
    ("米国は両派を「穏健派」として支援した。", []),
    ("首相は「資源外交」という言葉を使った。", []),
    ("その施設は「希望の家」と呼ばれている。", []),
    ("デモ隊は「戦争反対」と書かれたプラカードを掲げた。", []),
    # NHK hearsay: the speaker in a から phrase before a cue noun; ということです frames the clause
    ("消防によりますと、「煙が出ている」と近所の人から通報があったということです。",
     [("近所の人", "通報", "煙が出ている")]),
    # NHK によりますと marks a source like によると
    ("警察によりますと、調べに対し「弁護士が来てから話す」ということです。", [("警察", "という", "弁護士が来てから話す")]),
    # 同社 points back to the latest organisation named
    ("ソニーグループは6日、新たな経営計画を発表した。同社は「成長投資を加速する」とのコメントを出した。",
     [("同社", "コメントを出した", "成長投資を加速する")]),
    # an unnamed subject with も stops the previous speaker from carrying over
    ("林芳正官房長官は「遺憾だ」と述べた。台湾の総統府も声明を出し、「地域の平和を損なう」と非難した。",
     [("林芳正", "述べた", "遺憾だ"), ("総統府", "非難した", "地域の平和を損なう")]),
    # quote first, then an unnamed speaker with そう (NHK/Kyodo lead style)
    ("「まさか自分の店が被害に遭うとは思わなかった」。店主の男性はそう話した。",
     [("店主の男性", "話した", "まさか自分の店が被害に遭うとは思わなかった")]),
    # 述べるにとどめた: the cue is the verb, not the に after it
    ("岸田文雄首相は記者団に対し「緊張感を持って対応する」と述べるにとどめた。",
     [("岸田文雄", "述べる", "緊張感を持って対応する")]),
    # 「…」との声が上がった / との批判が相次いだ: an opinion noun with its verb; the から phrase speaks
    ("市場関係者からは「想定通りの判断だ」との声が上がった。", [("市場関係者", "声が上がった", "想定通りの判断だ")]),
    ("野党からは「説明が足りない」との批判が相次いだ。", [("野党", "批判が相次いだ", "説明が足りない")]),
    # quote first, then an unnamed speaker named by a count (一人): no carry-over from the paragraph before
    ("経団連の十倉雅和会長は「丁寧な対応を求めたい」と述べた。\n\n「景気への影響を注視する必要がある」。民間エコノミストの一人はこう指摘する。",
     [("十倉雅和", "述べた", "丁寧な対応を求めたい"), ("民間エコノミストの一人", "指摘する", "景気への影響を注視する必要がある")]),
    # a reporting verb written in katakana
    ("ジョンソン首相は「合意は近い」とコメントした。", [("ジョンソン", "コメントした", "合意は近い")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:16] for c in CASES])
def test_quotes(tagger, text, expected):
    article = tagger(text)
    assert_offsets(article)
    assert project(article) == expected
    for q in article.quotes:
        assert q.kind == "direct"
        assert q.sentence is not None and article.sentences[q.sentence].start <= q.start < article.sentences[q.sentence].end
        assert q.rule


def test_headline_brackets_are_not_quotes(tagger):
    text = "首相が語る「異次元の少子化対策」の中身とは\n\n岸田文雄首相は10日、「少子化対策は待ったなしだ」と強調した。"
    article = tagger(text)
    assert article.title and "異次元" in article.title
    assert project(article) == [("岸田文雄", "強調した", "少子化対策は待ったなしだ")]


@pytest.mark.parametrize("text", [
    "首相は「増税しない」と述べた」。",
    "「未完の発言だ と述べた。",
    "「『ab」cd』と述べた。",
    "」」「「『『",
    "「」と述べた。",
    "「",
])
def test_unbalanced_brackets_never_raise(tagger, text):
    article = tagger(text)
    assert_offsets(article)
    for q in article.quotes:
        assert "「" not in q.text or "」" in q.text


def test_well_formed_pair_after_a_stray_bracket_is_tagged(tagger):
    article = tagger("首相は「増税しない」と述べた」。")
    assert project(article) == [("首相", "述べた", "増税しない")]


def test_statement_events(tagger):
    from spacy.tokens import Doc

    text = "ショルツ首相は「支援を続ける」と述べた。"
    comp = QuotesComponent(tagger.nlp, "q")
    doc = comp(tagger.nlp(text))
    quotes = doc._.newstag_quotes
    events = doc._.newstag_events
    assert isinstance(doc, Doc) and len(quotes) == 1 and len(events) == 1
    ev = events[0]
    assert (ev.type, ev.trigger.text, ev.quote, ev.cameo, ev.status) == ("STATEMENT", "述べた", quotes[0].id, "010", "occurred")
    assert text[ev.trigger.start:ev.trigger.end] == "述べた"
    assert [(s.text, s.id_) for s in doc.spans["newstag_quotes"]] == [("支援を続ける", "Q1")]
    if quotes[0].speaker:  # the entities component resolved the speaker
        assert [(p.entity, p.role) for p in ev.participants] == [(quotes[0].speaker, "speaker")]
    else:
        assert ev.participants == []


INDIRECT = [
    ("松野博一官房長官は、北朝鮮のミサイル発射は断じて容認できないと述べた。",
     [("松野博一", "述べた", "北朝鮮のミサイル発射は断じて容認できない")]),
    ("ヘグセス国防長官は、ウクライナがNATOに加盟するのは非現実的だと指摘した。",
     [("ヘグセス", "指摘した", "ウクライナがNATOに加盟するのは非現実的だ")]),
    # coordination (AとBは) is no reporting と
    ("日本と米国は16日に会談した。", []),
    # no speaker in the sentence: not reported
    ("交渉を続けるべきだと強調した。", []),
]


@pytest.mark.parametrize("text,expected", INDIRECT, ids=[c[0][:12] for c in INDIRECT])
def test_indirect(tagger, text, expected):
    comp = QuotesComponent(tagger.nlp, "q", indirect=True)
    doc = comp(tagger.nlp(text))
    got = [(q.speaker_text, q.cue, q.text) for q in doc._.newstag_quotes]
    assert got == expected
    assert all(q.kind == "indirect" for q in doc._.newstag_quotes)


def test_indirect_is_off_by_default(tagger):
    article = tagger("松野博一官房長官は、北朝鮮のミサイル発射は断じて容認できないと述べた。")
    assert article.quotes == []


def test_brackets_scanner():
    text = "A「x『y』z」B『w』「u」、「v」と「」"
    tops = top_level(matched_pairs(text))
    assert [text[p.open + 1:p.close] for p in tops] == ["x『y』z", "w", "u", "v", ""]
    groups = chains(tops, text)
    assert [[text[p.open + 1:p.close] for p in g] for g in groups] == [["x『y』z"], ["w", "u", "v"], [""]]
    stops = sentence_stops("a「b。c」d。e", top_level(matched_pairs("a「b。c」d。e")))
    assert stops == [8]


def test_lexicon_validates():
    lex = load_lexicon()
    assert lex.verb("述べる") is not None and lex.verb("する").needs_speech
    raw = json.loads(lex.model_dump_json())
    raw["surprise"] = 1
    with pytest.raises(ValueError):
        CueLexicon.model_validate(raw)


def test_bad_cues_argument(tagger):
    with pytest.raises(TypeError):
        QuotesComponent(tagger.nlp, "q", cues=3)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        QuotesComponent(tagger.nlp, "q", cues="/nonexistent/cues.json")


SPEAKER_ENTITIES = [
    ("岸田文雄首相は12日、記者団に「経済対策を急ぐ必要がある」と述べた。", [("岸田文雄", "PERSON")]),
    ("「責任を痛感している」と鈴木直道知事は語った。", [("鈴木直道", "PERSON")]),
    ("英紙「フィナンシャル・タイムズ」は「交渉は難航するだろう」と報じた。", [("フィナンシャル・タイムズ", "ORG")]),
    ("ショルツ首相は10日、米紙「ニューヨーク・タイムズ」のインタビューで「支援を続けるつもりだ」と語った。", [("ショルツ", "PERSON")]),
    ("バイデン大統領はじめ米政府高官は「同盟国と連携する」と強調した。", [("バイデン", "PERSON")]),
    ("林芳正官房長官は記者会見で「緊張感を持って対応したい」と述べました。また「情報収集に全力を挙げる」と話しています。",
     [("林芳正", "PERSON"), ("林芳正", "PERSON")]),
]


@pytest.mark.parametrize("text,expected", SPEAKER_ENTITIES, ids=[c[0][:12] for c in SPEAKER_ENTITIES])
def test_speakers_resolve_to_entities(tagger, text, expected):
    article = tagger(text)
    if not article.entities:
        pytest.skip("the entities component found nothing (not installed yet?)")
    got = []
    for q in article.quotes:
        e = article.entity(q.speaker)
        got.append((e.name, e.type) if e else None)
        assert e is None or q.speaker_text in [m.text for m in e.mentions]
    assert got == expected
    speakers = [[p.entity for p in ev.participants if p.role == "speaker"] for ev in article.events if ev.type == "STATEMENT"]
    assert speakers == [[q.speaker] for q in article.quotes]


ORG_ROLES = [
    # an unnamed role of an organisation speaks for it; speaker_text keeps the whole phrase
    ("中国外務省の報道官は25日の記者会見で「日本側は歴史を直視すべきだ」と批判しました。",
     [("中国外務省", "中国外務省の報道官")]),
    ("財務省幹部も「財政規律は守るべきだ」と指摘している。", [("財務省", "財務省幹部")]),
    # a person's spokesperson speaks for the person; someone around a person does not
    ("トランプ大統領の報道官は「関税は予定通り発動する」と述べた。", [("トランプ", "トランプ大統領の報道官")]),
    ("トランプ氏の関係者は「出馬の意向は固い」と語った。", [(None, "トランプ氏の関係者")]),
    # 同社 → the latest organisation named (not the previous quote's person)
    ("ソニーグループの吉田憲一郎会長は「挑戦を続ける」と述べた。同社は「成長投資を加速する」とのコメントを出した。",
     [("吉田憲一郎", "吉田憲一郎"), ("ソニーグループ", "同社")]),
    # the organisation's name followed by a common noun (会派) still names it
    ("都議会の立憲民主党会派の幹部は「説明が不十分だ」と話しています。", [("立憲民主党", "立憲民主党会派の幹部")]),
    # no organisation named: no speaker entity, the words are kept
    ("政府高官は「賃上げの流れを止めてはならない」と話した。", [(None, "政府高官")]),
    # a named person with a title is still the person
    ("林芳正官房長官は記者会見で「緊張感を持って対応したい」と述べました。", [("林芳正", "林芳正")]),
]


@pytest.mark.parametrize("text,expected", ORG_ROLES, ids=[c[0][:12] for c in ORG_ROLES])
def test_org_role_speaks_for_the_org(tagger, text, expected):
    article = tagger(text)
    names = [e.name for e in article.entities]
    if any(n and n not in names for n, _ in expected):
        pytest.skip("the entities component did not find the organisation")
    got = [(article.entity(q.speaker).name if q.speaker else None, q.speaker_text) for q in article.quotes]
    assert got == expected
    speakers = [[p.entity for p in ev.participants if p.role == "speaker"] for ev in article.events if ev.type == "STATEMENT"]
    assert speakers == [[q.speaker] if q.speaker else [] for q in article.quotes]


def test_speaker_carries_over_a_paragraph_break(tagger):
    text = ("メルツ首相は記者会見で「欧州は結束しなければならない」と述べた。\n\n"
            "「防衛費の増額は避けられない」とも語った。")
    article = tagger(text)
    assert [(q.speaker_text, q.cue) for q in article.quotes] == [("メルツ", "述べた"), ("メルツ", "語った")]
    assert article.quotes[1].sentence == article.quotes[0].sentence + 1


def test_bracket_soup_never_raises(tagger):
    import random

    rng = random.Random(5)
    pieces = ["「", "」", "『", "』", "首相は", "と述べた", "。", "、", "語った", "米紙", "によると", "と", "は", "こう"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(25)]
    for article in tagger.pipe(texts):
        assert_offsets(article)
        ids = [q.id for q in article.quotes]
        assert ids == [f"Q{i}" for i in range(1, len(ids) + 1)]
