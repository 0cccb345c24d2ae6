"""newstag_quotes, one table per frame: which brackets are quotes, their cue, and who said them.

Every case is an invented sentence. ``(speaker_text, cue, head)`` per quote, where head is the
start of the quoted words; speaker_text is None when the text does not name anyone.
"""

from __future__ import annotations

import pytest

from .conftest import assert_offsets

LEAD = "見出しの一行\n\n"  # a first line for the segmenter to take as the title


def project(article):
    return [(q.speaker_text, q.cue, q.text[:12]) for q in article.quotes]


def check_evidence(article) -> None:
    """Cue and speaker words point into the text; each quote says which rules chose them."""
    text = article.text
    for q in article.quotes:
        assert q.cue_rule and q.speaker_rule and q.rule == f"{q.cue_rule}|{q.speaker_rule}"
        if q.cue_span is not None:
            assert text[q.cue_span.start:q.cue_span.end] == q.cue_span.text == q.cue
        else:
            assert q.cue is None
        if q.speaker_span is not None:
            assert text[q.speaker_span.start:q.speaker_span.end] == q.speaker_span.text == q.speaker_text
        else:
            assert q.speaker_text is None and q.speaker_rule == "speaker.none"


def run(tagger, text, expected):
    article = tagger(LEAD + text)
    assert_offsets(article)
    check_evidence(article)
    assert project(article) == expected
    return article


# -- detection: what makes a bracket a quote ---------------------------------------------------------
DETECTION = [
    # an opinion noun after a clause closed by a formal noun (〜したもの)
    ("松田一郎官房長官は、閣僚の発言について「個人的な考えを述べたもの」との見解を示した。",
     [("松田一郎", "見解を示した", "個人的な考えを述べたもの")]),
    ("市の担当者は「予算の範囲で対応できること」との認識を示した。",
     [("担当者", "認識を示した", "予算の範囲で対応できるこ")]),
    # fragments of one statement: 「…」「…」 + ない + とする
    ("青葉電機は9日、「復旧に全力を挙げているところで」「再開の時期を示せる段階では」ないとしている。",
     [("青葉電機", "としている", "復旧に全力を挙げていると"), ("青葉電機", "としている", "再開の時期を示せる段階で")]),
    ("組合は「賃上げの余地が」ないと述べた。", [("組合", "述べた", "賃上げの余地が")]),
    # a voice noun behind a relative clause: the bracket is a quote with no named speaker
    ("店には「もっと早く再開してほしい」といった営業の再開を求める声が寄せられた。",
     [(None, "といった", "もっと早く再開してほしい")]),
    ("窓口には「手続きが分かりにくい」という利用者からの苦情が相次いだ。",
     [(None, "という", "手続きが分かりにくい")]),
    # a quote closing its sentence after a named speaker (no reporting verb)
    ("森本健二知事は記者団に対し「県として全力で対応したい」。", [("森本健二", None, "県として全力で対応したい")]),
    ("河野美和子社長は会見で「顧客の信頼を取り戻すことが最優先だ」。", [("河野美和子", None, "顧客の信頼を取り戻すこと")]),
]


@pytest.mark.parametrize("text,expected", DETECTION, ids=[c[0][:14] for c in DETECTION])
def test_detection(tagger, text, expected):
    article = run(tagger, text, expected)
    if expected and expected[0][1] is None:
        assert all(q.cue_rule == "direct.bare_end" and q.cue_span is None for q in article.quotes)


NOT_QUOTES = [
    # titles of works
    ("作家の森田さんは新作の小説『遠い海の記憶』を出版した。", []),
    ("映画「星の降る町」は全国の劇場で公開された。", []),
    # terms and scare quotes
    ("いわゆる「2030年問題」について専門家が議論した。", []),
    ("与党は「次元の違う経済対策」を打ち出した。", []),
    # a slogan as a sentence's predicate: the topic is no speaker
    ("大会のスローガンは「心をひとつに前へ進もう」。", []),
    # a new name: と belongs to the verb that names (改める), not to the cue after it
    ("実行委員会は、来年から名称を「みなと音楽祭」と改めると発表した。", []),
    # という + adjectives + a noun: the bracket describes the noun
    ("各地で「新しい庁舎に入れたくない」という差別的な意図が働いている。", []),
    ("町には「もう戻れないかもしれない」という重苦しい空気が漂った。", []),
]


@pytest.mark.parametrize("text,expected", NOT_QUOTES, ids=[c[0][:14] for c in NOT_QUOTES])
def test_not_quotes(tagger, text, expected):
    run(tagger, text, expected)


# -- attribution: who said it -------------------------------------------------------------------------
SPEAKERS = [
    # a subject before a =…= aside (age, former post)
    ("22日、美咲さんが病室で点滴を受けていると、看護師長だった山中和子さん（60）=昨年3月退職=がやって来て言った。\n\n"
     "「体調はどうですか。子どもたちは元気にしていますか。無理はしないでくださいね」\n\n"
     "当時4歳だった2人は、近くの保育園に通い、毎日のように病院を訪れていた。",
     [("山中和子", "言った", "体調はどうですか。子ども")]),
    # Xの会見で「…」: the owner of the occasion speaks
    ("東邦新聞によると、翌日に開かれた森田健一監督の会見で「チームを必ず強くする」ことを明らかにした。",
     [("森田健一", "明らかにした", "チームを必ず強くする")]),
    # 〜新聞によると before a speaker's own verb: the outlet is not the speaker; the subject carries over
    ("歌手の佐藤花子さんはドラマなどで活躍した。東邦新聞によれば、2020年には自らのブログで「体調を崩して休養している」ことを告白した。",
     [("佐藤花子", "告白した", "体調を崩して休養している")]),
    # ... but with a cue the outlet speaks through (という), the outlet says it
    ("東邦新聞によると「工場は来月にも再開する見通しだ」という。", [("東邦新聞", "という", "工場は来月にも再開する見")]),
    # a topic about a thing (今回の措置は) does not stop the speaker of the sentence before
    ("ベルン国防相は13日、新たな措置を発表した。今回の措置は、「国民の安全を守るためだ」と説明した。",
     [("ベルン", "説明した", "国民の安全を守るためだ")]),
    # an unnamed person does stop it
    ("ベルン国防相は13日、新たな措置を発表した。近所の男性は「とても不安だ」と話した。",
     [("男性", "話した", "とても不安だ")]),
    # a が subject inside a clause turned into a noun (…が…するのは) is not the speaker
    ("借金を抱える日本が減税に走るのは問題で、特に消費税の引き下げは「政策として致命的だ」と警告している。",
     [(None, "警告している", "政策として致命的だ")]),
]


@pytest.mark.parametrize("text,expected", SPEAKERS, ids=[c[0][:14] for c in SPEAKERS])
def test_speakers(tagger, text, expected):
    run(tagger, text, expected)


ORG_SPEAKERS = [
    # a department tagged as a name speaks for the organisation before it
    ("中央テレビの総合広報部は「最後まで放送を見てほしい」と返答した。", "中央テレビ", "speaker.topic+org_role"),
    # Xの|ある|幹部: a determiner between the genitive and the role
    ("民政党のある幹部は「寝耳に水だ」と驚いた。", "民政党", "speaker.topic+org_role"),
    # an unnamed spokesman of an organisation
    ("青葉電機のスポークスマンは「製品に問題はない」と述べた。", "青葉電機", "speaker.topic+org_role"),
    # 同社の|広報担当者: the role of the organisation 同社 points back to
    ("東邦自動車は新型車を発表した。同社の広報担当者は「販売は好調だ」と話した。", "東邦自動車", "speaker.topic+same+org_role"),
]


@pytest.mark.parametrize("text,owner,rule", ORG_SPEAKERS, ids=[c[0][:12] for c in ORG_SPEAKERS])
def test_org_speakers(tagger, text, owner, rule):
    article = tagger(LEAD + text)
    check_evidence(article)
    if owner not in [e.name for e in article.entities]:
        pytest.skip("the entities component did not find the organisation")
    assert [(article.entity(q.speaker).name if q.speaker else None, q.speaker_rule) for q in article.quotes] == [(owner, rule)]
