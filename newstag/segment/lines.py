"""Line features of a page's text: what each line looks like, with no NLP and no site names.

Every non-empty line gets a set of named features — sentence-likeness (ends with 。 and has
particles), a whole-line quotation, a cut-off sentence (…), a paywall notice or label, a photo
caption or credit, a dateline, list and link markers, menu-like runs of short items, repetition
elsewhere on the page — and from them a score: positive for article text, negative for the rest,
``None`` for a paywall notice (the article's visible text never runs across one). The segmenter
(:mod:`newstag.segment.text`) and the HTML cleaner (:mod:`newstag.segment.html`) both read them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .rules import LineRules, load_rules

_PROSE_END = re.compile(r"[。．！？!?]\s*[」』）)]*\s*$")
_FULL_STOP = re.compile(r"[。．]")
# a credit after the last sentence: 〜した。（山田太郎） / 〜した。【共同】
_TRAILING_CREDIT = re.compile(r"[（(【\[][^（()）【】\[\]。]{1,15}[）)】\]]\s*$")
_ELLIPSIS_END = re.compile(r"(?:…|\.{3}|‥|・{3})\s*[」』）)]*\s*$")
_PARTICLES = re.compile(r"[はがをにでとのへもや]")
_JA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_BULLET = re.compile(r"^\s*(?:[•・●○◆◇■□▶▷►※\-\*＊]|\d{1,3}[.)．]|\[\d+\]|\d{1,3}\s*$)")
# bounded repeats: a long line must not make these searches quadratic
_URLISH = re.compile(r"https?://|www\.|@[\w.-]{1,200}\.\w+|\[[a-z_]{1,50}[^\]]{0,200}\]", re.I)
_DIGITS_ONLY = re.compile(r"^[\d\s,.:/\-]+$")
# a line of nothing but a date and time: "2025年3月5日 14:32", "3/5(水) 12:00配信", "2025.03.05 更新"
_BARE_DATELINE = re.compile(
    r"^[\s\d０-９年月日時分秒/.:：\-()（）月火水木金土日曜]*(?:配信|更新|公開|掲載|投稿)?[\s\d０-９:：]*$"
)
# a full date (with its year, its weekday or a time) somewhere in a short line: a dateline or byline
_FULL_DATE = re.compile(
    r"\d{4}\s*[年/.\-]\s*\d{1,2}\s*[月/.\-]\s*\d{1,2}"
    r"|\d{1,2}\s*[/月]\s*\d{1,2}\s*日?\s*[(（][月火水木金土日][)）]"
    r"|\d{1,2}\s*[/月]\s*\d{1,2}\s*日?\s*\d{1,2}\s*[:時]\s*\d{1,2}"
)
# a byline names someone: a run of kanji (a Japanese name or desk), or a 記者/= credit
_NAMEISH = re.compile(r"[\u4e00-\u9fff々]{2,}|記者|特派員|[=＝]|^(?:by|By|BY)\s")
# a phrase rather than a word: a run of hiragana (particles, verb endings)
_KANA_RUN = re.compile(r"[\u3041-\u309f]{3}")
_OPEN_QUOTES = "「『"
_CLOSE_QUOTES = "」』"

#: longest line the wording rules (notices, labels, captions) are tried on
MAX_RULE_LINE = 200
#: a space-separated part this long with a run of hiragana is a headline's phrase, not a menu item
MIN_PHRASE_PART = 10
#: longest line read as a section header (関連記事, ランキング)
MAX_SECTION_LINE = 30
#: longest line read as a paywall notice (notices are one or two short sentences; a longer line
#: that happens to share their words is a paragraph of the article, and a notice is a wall)
MAX_NOTICE_LINE = 100
#: a run of this many (short line, sentence) pairs is a list of items with blurbs, not an article
MIN_LISTING_PAIRS = 6
#: longest name and blurb of such a pair (article paragraphs are usually longer)
MAX_LIST_NAME, MAX_LIST_BLURB = 30, 150
#: how an interview marks its questions and answers (――, Q, A, 問, 答)
_QA_MARKS = "―—─-ー－QAＱＡ問答"


@dataclass
class Line:
    """One non-empty line of the text (stripped; ``start``/``end`` index the text)."""

    number: int  # 1-based line number in the text
    start: int
    end: int
    text: str
    norm: str = ""  # NFKC form, for the wording rules
    features: dict[str, str] = field(default_factory=dict)  # feature -> rule id or ""
    score: float | None = 0.0

    @property
    def length(self) -> int:
        return len(self.text)

    def has(self, *names: str) -> bool:
        """True when the line has any of these features."""
        return any(n in self.features for n in names)

    @property
    def is_text(self) -> bool:
        """Article-like: a sentence, a whole-line quotation or a cut-off sentence."""
        return self.has("prose", "quote", "cut_off", "sentence")


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of ``text``, stripped, with their offsets and line numbers."""
    out = []
    pos = 0
    for number, raw in enumerate(text.splitlines(keepends=True), 1):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            s = pos + lead
            out.append(Line(number, s, s + len(stripped), stripped))
        pos += len(raw)
    return out


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s).strip()


def prose_end(s: str) -> bool:
    """Ends like a sentence (。 and closing brackets, maybe a short credit); only the tail is searched.

    A line that ends with ！ or ？ but has no 。 is a headline (〜がすごい!, 〜の狙いは？), not prose.
    """
    tail = s[-40:]
    m = _PROSE_END.search(tail)
    if m is None:
        c = _TRAILING_CREDIT.search(tail)
        if c is None or c.start() == 0:
            return False
        m = _PROSE_END.search(tail[:c.start()])
        if m is None:
            return False
    return tail[m.start()] in "。．" or _FULL_STOP.search(s[:-2] if len(s) > 2 else "") is not None


def _sentence_like(s: str, min_len: int) -> bool:
    if len(s) < min_len:
        return False
    ja = len(_JA.findall(s))
    if ja < 0.4 * len(s):
        return False
    return len(_PARTICLES.findall(s)) >= max(2, len(s) // 40)


def menu_like(s: str) -> bool:
    """Several short items separated by spaces: a menu, a tag list, a share bar.

    A headline whose phrases are set apart by spaces (〜へ 「…」 〜した日) is not a menu: one of its
    parts is a phrase, with a run of kana (menu items are words).
    """
    parts = [p for p in re.split(r"\s{1,}|\u3000", s) if p]
    if len(parts) < 3 or max(len(p) for p in parts) > 25 or prose_end(s):
        return False
    return not any(len(p) >= MIN_PHRASE_PART and _KANA_RUN.search(p) for p in parts)


def self_repeating(s: str) -> bool:
    """A line that repeats one of its own phrases (skip links, breadcrumbs)."""
    n = len(s)
    for k in range(6, n // 2 + 1):
        for i in range(0, n - 2 * k + 1):
            if s[i:i + k] in s[i + k:]:
                return True
        if k > 12:
            break
    return False


def whole_quote(s: str) -> bool:
    """A line that is one quotation: 「…」 with the first bracket closed only at the end."""
    if len(s) < 6 or len(s) > 300 or s[0] not in _OPEN_QUOTES or s[-1] not in _CLOSE_QUOTES:
        return False
    depth = 0
    for i, c in enumerate(s):
        if c in _OPEN_QUOTES:
            depth += 1
        elif c in _CLOSE_QUOTES:
            depth -= 1
            if depth == 0 and i != len(s) - 1:
                return False
    return depth == 0 and _JA.search(s) is not None


def dateline(s: str) -> bool:
    """A short line that dates the article: a bare timestamp, or a byline with a full date."""
    if len(s) > 60 or prose_end(s):
        return False
    return bool(_BARE_DATELINE.match(s) and re.search(r"\d", s)) or _FULL_DATE.search(_norm(s)) is not None


def byline_like(line: Line) -> bool:
    """A short name-like line (a reporter, a desk, 〜記者, ＝名前)."""
    s = line.text
    return (1 < len(s) <= 30 and not prose_end(s) and "、" not in s and "「" not in s
            and not _BARE_DATELINE.match(s) and not line.has("notice", "label", "caption")
            and bool(_NAMEISH.search(s)))


def _label(rules: LineRules, norm: str) -> str | None:
    if len(norm) > 20 or not any(k in norm for k in ("有料", "会員", "限定")):
        return None
    return rules.match("paywall_labels", norm)


def describe(lines: list[Line], rules: LineRules | None = None) -> None:
    """Set every line's features and score (in place)."""
    rules = rules or load_rules()
    for ln in lines:
        ln.norm = _norm(ln.text) if ln.length <= MAX_RULE_LINE else ""
    counts = Counter(ln.norm or ln.text for ln in lines)
    for ln in lines:
        s, f = ln.text, ln.features
        if ln.length <= MAX_RULE_LINE:
            sentence = prose_end(s)
            quoted = whole_quote(s)
            for kind, name in (("paywall_notices", "notice"), ("captions", "caption"), ("sections", "section")):
                if name == "notice" and (ln.length > MAX_NOTICE_LINE or quoted):
                    continue
                rid = rules.match(kind, ln.norm, sentence=sentence)
                if rid and (name != "section" or ln.length <= MAX_SECTION_LINE or rid == "section.rights"):
                    f[name] = rid
            rid = _label(rules, ln.norm)
            if rid:
                f["label"] = rid
        if counts[ln.norm or ln.text] > 1 and ln.length > 3:
            f["repeated"] = ""
        if prose_end(s) and _sentence_like(s, 20):
            f["prose"] = ""
        elif prose_end(s) and _sentence_like(s, 8):
            f["sentence"] = ""
        elif whole_quote(s):
            f["quote"] = ""
        elif _ELLIPSIS_END.search(s[-8:]) and _sentence_like(s, 20):
            f["cut_off"] = ""
        elif "。" in s[:-1] and _sentence_like(s, 20):
            f["sentences"] = ""  # sentences, then a link or a caption on the same line
        if _ELLIPSIS_END.search(s[-8:]) and ln.length >= 6 and _JA.search(s):
            f["ellipsis"] = ""
        if _BULLET.match(s):
            f["bullet"] = ""
        if _URLISH.search(s):
            f["url"] = ""
        if _DIGITS_ONLY.match(s):
            f["digits"] = ""
        if menu_like(s):
            f["menu"] = ""
        if dateline(s):
            f["dateline"] = ""
    # a truncated sentence right before a paywall notice is the last words of the free part
    for i, ln in enumerate(lines):
        if ln.has("ellipsis") and not ln.is_text and any(nx.has("notice") for nx in lines[i + 1:i + 3]):
            ln.features["cut_off"] = ""
    _mark_listings(lines)
    for ln in lines:
        ln.score = _score(ln)


def _list_item_name(ln: Line) -> bool:
    """The short first line of a (name, blurb) pair: not text, not a question (an interview's ――…？)."""
    s = ln.text
    return (not ln.is_text and ln.length <= MAX_LIST_NAME and not ln.has("notice")
            and s[-1] not in "？?！!" and s[0] not in _QA_MARKS)


def _mark_listings(lines: list[Line]) -> None:
    """Runs of (name, blurb) pairs — a directory of sites, related headlines with leads — are lists."""
    i, n = 0, len(lines)
    while i + 1 < n:
        j = i
        while j + 1 < n and _list_item_name(lines[j]) and lines[j + 1].is_text and lines[j + 1].length <= MAX_LIST_BLURB:
            j += 2
        if (j - i) // 2 >= MIN_LISTING_PAIRS:
            for ln in lines[i:j]:
                ln.features["listing"] = ""
            i = j
        else:
            i += 1


def _score(ln: Line) -> float | None:
    if ln.has("notice"):
        return None
    n = float(ln.length)
    if ln.has("listing"):
        return -max(20.0, n) if ln.is_text else -min(12.0, 2.0 + n * 0.2)
    if ln.has("section"):
        return -max(40.0, n)
    if ln.has("repeated") or ln.has("caption"):
        return -max(20.0, n) if ln.has("repeated") else -min(12.0, 2.0 + n * 0.2)
    if ln.has("prose", "cut_off"):
        return n * (1.0 + min(ln.text.count("、"), 5) * 0.1)
    if ln.has("quote"):
        return n
    if ln.has("sentence"):
        return n * 0.5
    if ln.has("bullet", "url", "digits", "menu", "label"):
        return -max(20.0, n)
    # short non-prose lines (sub-headings, captions) cost a little: kept between prose lines,
    # trimmed at the edges of the block.
    return -min(12.0, 2.0 + n * 0.2)


def feature_names(ln: Line) -> list[str]:
    """The line's features as readable strings (``notice:notice.read_on``)."""
    return [f"{k}:{v}" if v else k for k, v in ln.features.items()]
