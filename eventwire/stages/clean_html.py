"""HTML extraction: the main text and metadata of a page, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from eventwire.model import Removed


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


def extract_html(html: str, url: str | None = None) -> ExtractedPage:
    """Extract the article body and metadata of ``html``."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_precision=True)
    if doc is None:
        return ExtractedPage(body="")
    return ExtractedPage(
        body=(doc.text or "").strip(),
        title=doc.title,
        date=doc.date,
        site_name=doc.sitename,
        url=doc.url or url,
        author=doc.author,
    )
