"""HTML extraction: the main text and metadata of a page.

Trafilatura (in its precision mode) finds the article block and the metadata. Around it:
embedded social posts are freed from the widget wrappers that trafilatura discards, so quoted
posts stay in the text; a near-empty result is retried in recall mode; and the extracted
paragraphs are tidied by :mod:`eventwire.stages.clean_html_rules` (headline repeats, related
links, captions, calls to action, press-release boilerplate), each cut kept as a
:class:`~eventwire.model.Removed` block.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import trafilatura
from lxml.etree import ParserError, XMLSyntaxError
from lxml.html import HtmlElement
from trafilatura.settings import Document
from trafilatura.utils import load_html

from eventwire.model import Removed
from eventwire.stages.clean_html_rules import PageClues, link_key, tidy_paragraphs

# Below this many characters the precision mode may have missed the article: retry in recall
# mode, and keep that text only when it is clearly longer.
SHORT_TEXT = 400
LONGER_BY = 2.0
# A paragraph of prose has this many words or characters (scripts without spaces between
# words count by characters, wide ones twice); a menu item or a heading is shorter.
PROSE_WORDS = 12
PROSE_CHARS = 80

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SPACE = re.compile(r"\s+")
_EMBEDDED_POSTS = (
    "//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'instagram-media')"
    " or contains(@class, 'tiktok-embed') or contains(@class, 'bluesky-embed')"
    " or contains(@class, 'threads-embed') or contains(@class, 'mastodon-embed')]"
)
_VISIBLE_TEXT = ".//text()[not(ancestor::script) and not(ancestor::style)]"
_CONTAINERS = frozenset({"body", "html", "article", "main"})


@dataclass(frozen=True)
class ExtractedPage:
    """The main text of a page and the metadata trafilatura found."""

    body: str
    title: str | None = None
    date: str | None = None
    site_name: str | None = None
    url: str | None = None
    author: str | None = None
    removed: tuple[Removed, ...] = ()


def parse_html(html: str) -> HtmlElement | None:
    """Parse ``html`` (a whole page or a fragment); ``None`` when nothing can be parsed."""
    if not html.strip():
        return None
    try:
        tree = load_html(html)
        if tree is None:
            # trafilatura rejects fragments without an <html> tag: give them one.
            tree = load_html(f"<html><body>{html}</body></html>")
    except (ParserError, XMLSyntaxError, ValueError):
        return None
    return tree


def _visible(element: HtmlElement) -> str:
    return _SPACE.sub(" ", "".join(element.xpath(_VISIBLE_TEXT))).strip()


def page_clues(tree: HtmlElement) -> PageClues:
    """The page's headline candidates and the texts of its links."""
    titles = [_visible(h) for h in tree.iter("h1")]
    metas = tree.xpath("//meta[@property='og:title' or @name='twitter:title']/@content")
    titles += [str(m).strip() for m in metas]
    titles += [_visible(t) for t in tree.iter("title")]
    links = {link_key(_visible(a)) for a in tree.iter("a")}
    return PageClues(titles=tuple(t for t in titles if t), link_texts=frozenset(links - {""}))


def free_embedded_posts(tree: HtmlElement) -> int:
    """Strip the widget classes around embedded social posts, so they read as quotations.

    Sites wrap an embedded post in ``div.social-embed`` or ``div.article-widget``, which
    boilerplate filters drop with the post. The wrappers (ancestors holding nothing but the
    post) lose their ``class`` and ``id``; the post becomes a plain ``<blockquote>``.
    """
    posts = tree.xpath(_EMBEDDED_POSTS)
    for post in posts:
        text = _visible(post)
        element: HtmlElement | None = post
        while element is not None and element.tag not in _CONTAINERS and _visible(element) == text:
            element.attrib.pop("class", None)
            element.attrib.pop("id", None)
            element = element.getparent()
    return len(posts)


def _width(line: str) -> int:
    # A Chinese, Japanese or Korean character carries about as much as two Latin ones.
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line.strip())


def has_prose(text: str) -> bool:
    """Whether ``text`` has a paragraph of running prose, not only menu items and headings."""
    lines = text.split("\n")
    return any(len(line.split()) >= PROSE_WORDS or _width(line) >= PROSE_CHARS for line in lines)


def _extract(tree: HtmlElement, url: str | None, *, recall: bool = False) -> Document | None:
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        favor_precision=not recall,
        favor_recall=recall,
    )
    return doc if isinstance(doc, Document) else None


def _main_text(tree: HtmlElement, url: str | None) -> Document | None:
    doc = _extract(tree, url)
    text = (doc.text if doc else None) or ""
    if len(text) >= SHORT_TEXT:
        return doc
    # bare_extraction works on a copy, so the tree is still whole for a second pass.
    wider = _extract(tree, url, recall=True)
    wide = (wider.text if wider else None) or ""
    if wider is not None and len(wide) > LONGER_BY * max(len(text), 1) and has_prose(wide):
        return wider
    return doc


ROLES_FILE = Path(__file__).resolve().parents[1] / "data" / "html" / "byline_roles.txt"
_AUTHOR_EDGES = " \t·•|,/-–—"


@lru_cache(maxsize=1)
def byline_roles(path: Path = ROLES_FILE) -> frozenset[str]:
    """Words of job titles, from ``path`` (one a line, ``#`` comments)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def clean_author(raw: str | None) -> str | None:
    """The names of an author field, without separators or job titles: metadata often gives
    "Tom Hadley; Home Affairs Correspondent" or "Ahmed al-Haj ·"."""
    if not raw:
        return None
    roles = byline_roles()
    names = []
    for part in raw.split(";"):
        part = part.strip(_AUTHOR_EDGES)
        if part and not any(w.lower() in roles for w in re.findall(r"\w+", part)):
            names.append(part)
    return "; ".join(names) or None


def extract_html(html: str, url: str | None = None) -> ExtractedPage:
    """Extract the article body and metadata of ``html``; an empty body when there is none."""
    tree = parse_html(html)
    if tree is None:
        return ExtractedPage(body="", url=url)
    clues = page_clues(tree)
    free_embedded_posts(tree)
    doc = _main_text(tree, url)
    if doc is None:
        return ExtractedPage(body="", url=url)
    if doc.title:
        clues = PageClues(titles=(doc.title, *clues.titles), link_texts=clues.link_texts)
    paragraphs = [p.strip() for p in (doc.text or "").split("\n") if p.strip()]
    kept, removed = tidy_paragraphs(paragraphs, clues)
    if not has_prose("\n".join(kept)):
        # Menu items, a caption or a headline alone are not an article (the caller says E105).
        removed += [Removed(p, "no running text") for p in kept]
        kept = []
    date = doc.date if doc.date and _ISO_DATE.match(doc.date) else None
    return ExtractedPage(
        body="\n".join(kept),
        title=doc.title,
        date=date,
        site_name=doc.sitename,
        url=doc.url or url,
        author=clean_author(doc.author),
        removed=tuple(removed),
    )
