"""HTML input: the article from trafilatura, its title and date from the page's metadata.

trafilatura finds the article's text in the page; its body is kept whole, cleaned only at its
edges where that is safe: the headline it repeats, a byline, a kicker or a photo credit before the
first sentence, and after the last sentence a credit, a promotion, or everything from the first
paywall notice on (この記事は有料記事です, 残り800文字 — an author's profile or a footer may follow it).

The title is the page's headline without the site's name: the ``og:title`` / ``<title>`` with the
site name (``og:site_name``, trafilatura's sitename) after a separator dropped, or the page's
``<h1>``–``<h3>`` headline when it agrees with that (one begins or ends the other), whichever is shorter
— so a series label or a source added to one of them goes too. The publication date is the page's
own (JSON-LD ``datePublished``, ``article:published_time``, then trafilatura's date).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .layout import Layout
from .lines import Line, describe, split_lines

_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<!--|<meta|<div|<article|<p[\s>])", re.I)
_TAG = re.compile(r"</?(?:html|body|div|p|span|a|article|section|h[1-6]|br|li|ul|script|meta|title)\b[^>]*>", re.I)
#: separators before a site name at the end of a page title: 〜：朝日新聞, 〜 - 産経, 〜 | 毎日
_SITE_SEP = r"\s*(?:[:：|｜\-–—/／»]|\s-\s)\s*"
#: features of a line of article text in trafilatura's body (paragraphs may end with a link)
_TEXT = ("prose", "quote", "cut_off", "sentences")
#: elements that start a line when a browser copies the page
_BLOCK_TAGS = ("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
               "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
               "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul")
#: characters of a page block's start used to look it up (see unflatten)
_PREFIX = 8
#: a heading shorter than this share of the page title is a section name, not the headline
MIN_HEADLINE_SHARE = 0.5


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page or fragment rather than plain text."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return len(_TAG.findall(head)) >= 3


@dataclass
class ExtractedPage:
    """What the HTML path found: the analysed text, title range, date, URL and layout."""

    text: str
    title: tuple[int, int] | None
    published: dt.date | None
    url: str | None
    layout: Layout | None = None  # None: trafilatura found no body, the plain-text segmenter decides
    lines: list[Line] | None = None  # the described lines of the body part (for explain)


@dataclass
class _Meta:
    og_title: str | None = None
    twitter_title: str | None = None
    html_title: str | None = None
    ld_headlines: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()
    site_names: tuple[str, ...] = ()
    published: str | None = None


def _parse(html: str) -> Any:
    """The page as an lxml tree, or None when it cannot be parsed."""
    try:
        import lxml.html

        return lxml.html.fromstring(html)
    except Exception:  # lxml raises several kinds on broken or empty markup
        return None


def visible_blocks(root: Any) -> list[str]:
    """The page's visible text, one line per block element (spaces collapsed), as a browser copies it."""
    if root is None:
        return []
    from copy import deepcopy

    tree = deepcopy(root)
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for el in tree.iter(*_BLOCK_TAGS):
        el.text = "\n" + (el.text or "")
        el.tail = "\n" + (el.tail or "")
    out = []
    for part in tree.text_content().split("\n"):
        part = " ".join(part.split())
        if part:
            out.append(part)
    return out


def _fallback_text(html: str, root: Any) -> str:
    if root is None:  # broken markup: strip tags by hand
        return re.sub(r"<[^>]*>", "\n", html)
    return "\n\n".join(visible_blocks(root))


def _longest_block_at(line: str, i: int, by_prefix: dict[str, set[str]]) -> str | None:
    """The longest page block that starts at ``line[i]`` and ends at a space or the line's end."""
    best = None
    for k in range(1, _PREFIX + 1):
        for blk in by_prefix.get(line[i:i + k], ()):
            end = i + len(blk)
            if (best is None or len(blk) > len(best)) and line.startswith(blk, i) \
                    and (end == len(line) or line[end] == " "):
                best = blk
    return best


def unflatten(body: str, blocks: list[str]) -> str:
    """trafilatura's body with a line break where a page block starts inside one of its lines.

    On short pages trafilatura can fall back to the text of a whole ``<article>`` with its blocks
    joined by spaces (headline, byline, caption, paragraphs and paywall notice on one line). A line
    that is not itself a block of the page is cut at each space followed by a whole block (one
    that ends at a space or at the end of the line), the longest first, never inside a block already
    found; nothing else changes. Each space is looked up in an index of the blocks by their first
    characters.
    """
    known = set(blocks)
    by_prefix: dict[str, set[str]] = {}
    for blk in blocks:
        by_prefix.setdefault(blk[:_PREFIX], set()).add(blk)
    chars = list(body)
    pos = 0
    for line in body.split("\n"):
        if " " in line and line.strip() not in known:
            inside = 0  # no cut inside a block already found
            for i in range(len(line)):
                if i < inside or (i > 0 and line[i - 1] != " "):
                    continue
                blk = _longest_block_at(line, i, by_prefix)
                if blk is None:
                    continue
                if i > 0:
                    chars[pos + i - 1] = "\n"
                inside = i + len(blk)
        pos += len(line) + 1
    return "".join(chars)


def _ld_items(node: Any) -> Iterator[dict]:
    """Every JSON-LD object in a parsed script (lists and @graph walked)."""
    stack = [node]
    while stack:
        x = stack.pop()
        if isinstance(x, list):
            stack.extend(reversed(x))
        elif isinstance(x, dict):
            yield x
            for k in ("@graph", "mainEntity", "mainEntityOfPage"):
                if isinstance(x.get(k), (list, dict)):
                    stack.append(x[k])


def _clean(s: Any) -> str:
    return re.sub(r"\s+", " ", s).strip() if isinstance(s, str) else ""


def _page_meta(root: Any) -> _Meta:
    """Title candidates, site names and the publication date from the page's markup."""
    meta = _Meta()
    if root is None:  # not parseable: trafilatura's metadata only
        return meta

    def content(*names: str) -> str | None:
        for n in names:
            for v in root.xpath(f'//meta[@property="{n}" or @name="{n}"]/@content'):
                if _clean(v):
                    return _clean(v)
        return None

    meta.og_title = content("og:title")
    meta.twitter_title = content("twitter:title")
    titles = [_clean(t.text_content()) for t in root.xpath("//head/title|//title")[:1]]
    meta.html_title = titles[0] if titles and titles[0] else None
    meta.headings = tuple(h for h in (_clean(e.text_content()) for e in root.xpath("//h1|//h2|//h3")) if h)
    sites = [content("og:site_name", "application-name")]
    heads, published = [], content("article:published_time", "og:article:published_time")
    for script in root.xpath('//script[@type="application/ld+json"]'):
        raw = script.text_content()
        try:
            items = list(_ld_items(json.loads(raw)))
        except ValueError:  # broken JSON-LD: read the two fields we need by pattern
            m = re.search(r'"datePublished"\s*:\s*"([^"]{8,40})"', raw)
            items = [{"datePublished": m.group(1)}] if m else []
        for it in items:
            if _clean(it.get("headline")):
                heads.append(_clean(it["headline"]))
            if isinstance(it.get("datePublished"), str) and not meta.published:
                meta.published = it["datePublished"]
            pub = it.get("publisher")
            if isinstance(pub, dict) and _clean(pub.get("name")):
                sites.append(_clean(pub["name"]))
    meta.published = meta.published or published
    meta.ld_headlines = tuple(heads)
    meta.site_names = tuple(s for s in sites if s)
    return meta


def _nf(s: str) -> str:
    return unicodedata.normalize("NFKC", s).replace(" ", "")


def strip_site_name(title: str, site_names: tuple[str, ...]) -> str:
    """The title without a site name appended after a separator (〜：朝日新聞, 〜 - 産経ニュース)."""
    t = title.strip()
    for _ in range(3):  # "headline | section | site": a name may come off more than once
        before = t
        for name in site_names:
            m = re.search(_SITE_SEP + re.escape(name) + r"\s*$", t)
            if m and m.start() > 0:
                t = t[:m.start()]
        t = re.sub(r"(?:" + _SITE_SEP + r")+$", "", t).strip()
        if t == before:
            break
    return t or title.strip()


def _ends_of(a: str, b: str) -> bool:
    """One of the two begins or ends the other."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long.startswith(short) or long.endswith(short)


def headline(meta: _Meta, traf_title: str | None, site_names: tuple[str, ...]) -> str | None:
    """The page's headline: its meta title without the site name, or a heading that agrees with it."""
    core = next((strip_site_name(t, site_names) for t in (meta.og_title, meta.html_title, *meta.ld_headlines,
                                                             meta.twitter_title, traf_title) if t), None)
    if not core:
        return None
    cands = [core]
    for t in (*meta.headings, *meta.ld_headlines, meta.twitter_title):
        if not t:
            continue
        t = strip_site_name(t, site_names)
        a, b = _nf(t), _nf(core)
        # agreeing: one is the other with a label before it or a name after it (not any substring)
        if a and _ends_of(a, b) and len(a) >= MIN_HEADLINE_SHARE * len(b):
            cands.append(t)
    return min(cands, key=lambda t: len(_nf(t)))


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _first_text(lines: list[Line], title: str | None) -> int | None:
    """Index of the first line of article text (not the repeated headline, not a notice)."""
    t = _nf(title) if title else None
    for i, ln in enumerate(lines):
        if ln.has("notice", "caption", "section") or (t and _nf(ln.text) == t):
            continue
        if ln.has(*_TEXT):
            return i
        # a short first sentence counts when article text follows it
        if ln.has("sentence") and i + 1 < len(lines) and lines[i + 1].has(*_TEXT):
            return i
    return None


def _last_text(lines: list[Line], first: int) -> int:
    """Index of the last line of article text: before the first paywall notice (or the header of a
    related list, pagination, a copyright notice) after ``first``."""
    stop = next((i for i in range(first + 1, len(lines)) if lines[i].has("notice", "section")), len(lines))
    for i in range(stop - 1, first, -1):
        ln = lines[i]
        if ln.has("caption"):
            continue
        if ln.has(*_TEXT, "sentence", "ellipsis"):
            return i
    return first


def html_layout(text: str, body_start: int, title: tuple[int, int] | None) -> tuple[Layout, list[Line]]:
    """The layout of trafilatura's body in ``text[body_start:]``: all of it, cleaned at the edges."""
    lines = split_lines(text[body_start:])
    skipped = text.count("\n", 0, body_start)
    for ln in lines:
        ln.start += body_start
        ln.end += body_start
        ln.number += skipped
    describe(lines)
    ttext = text[title[0]:title[1]] if title else None
    first = _first_text(lines, ttext)
    if first is None:
        if any(ln.has("notice") for ln in lines) or not lines:
            # a fully paywalled page: its article is the headline
            end = title[1] if title else 0
            return Layout(title=title, body=(end, end), paragraphs=[]), lines
        first, last = 0, len(lines) - 1  # no sentence at all: trafilatura's word is all we have
    else:
        last = _last_text(lines, first)
    body = lines[first:last + 1]
    layout = Layout(title=title, body=(body[0].start, body[-1].end), paragraphs=[(ln.start, ln.end) for ln in body])
    return layout, lines


def extract_html(html: str) -> ExtractedPage:
    """Extract the article from an HTML page.

    The analysed text is ``title + "\\n\\n" + trafilatura's body`` so the title has offsets too;
    ``layout`` marks the body in it. When trafilatura finds nothing (fragments, broken pages) the
    page's visible text is returned with ``layout`` None: the plain-text segmenter decides.
    """
    if not isinstance(html, str):
        raise TypeError(f"html must be a str, got {type(html).__name__}")
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception:  # trafilatura's parser on broken markup: fall back to visible text
        doc = None
    get = (doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))) if doc is not None else (lambda k: None)
    body, url = get("text"), get("url")
    root = _parse(html)
    meta = _page_meta(root)
    published = _date(meta.published) or _date(get("date"))
    if not body or not body.strip():
        return ExtractedPage(text=_fallback_text(html, root).strip(), title=None, published=published, url=url)
    sites = tuple(dict.fromkeys(s for s in (*meta.site_names, _clean(get("sitename"))) if s))
    title = headline(meta, _clean(get("title")) or None, sites) or ""
    body = unflatten(body.strip(), visible_blocks(root))
    if title:
        text = f"{title}\n\n{body}"
        title_rng: tuple[int, int] | None = (0, len(title))
        start = len(title) + 2
    else:
        text, title_rng, start = body, None, 0
    layout, lines = html_layout(text, start, title_rng)
    return ExtractedPage(text=text, title=title_rng, published=published, url=url, layout=layout, lines=lines)
