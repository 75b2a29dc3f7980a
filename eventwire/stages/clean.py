"""The ``clean`` stage: raw text or HTML in, a clean body with title and provenance out.

HTML goes through :mod:`eventwire.stages.clean_html` (trafilatura), plain text through
:mod:`eventwire.stages.clean_text`; both report what they cut. Provenance (publisher, wire
service, machine translation) is read from the body and the cut blocks by
:mod:`eventwire.stages.provenance`.
"""

from __future__ import annotations

import hashlib
import re

from eventwire.config import Options
from eventwire.errors import EMPTY, NO_TEXT, input_error
from eventwire.model import Analysis
from eventwire.pipeline import with_article
from eventwire.stages.clean_html import extract_html
from eventwire.stages.clean_text import clean_text
from eventwire.stages.provenance import find_provenance


def content_hash(body: str) -> str:
    """The dedup key: sha256 of the body with whitespace folded and case kept."""
    folded = re.sub(r"\s+", " ", body).strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


class Cleaner:
    """Turns a :class:`~eventwire.model.Source` into the article's clean body."""

    name = "clean"
    requires = frozenset({"source"})
    provides = frozenset({"body", "provenance"})

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, analysis: Analysis) -> Analysis:
        source = analysis.source
        if source is None or not (source.text or source.html or "").strip():
            raise input_error(EMPTY, "empty input")
        site_name = url = author = date = None
        if source.html is not None:
            page = extract_html(source.html, source.url)
            title, body, removed = page.title, page.body, page.removed
            site_name, url, author, date = page.site_name, page.url, page.author, page.date
        else:
            text = clean_text(source.text or "", source.title)
            title, body, removed = text.title, text.body, text.removed
        if not body.strip():
            raise input_error(NO_TEXT, "no article text found")
        prov = find_provenance(body, removed, site_name=site_name, url=url or source.url)
        digest = content_hash(body)
        return with_article(
            analysis,
            id=analysis.article.id or digest,
            body=body,
            title=source.title or title,
            url=source.url or url,
            published=analysis.article.published or date,
            author=author,
            content_hash=digest,
            removed=removed,
            publisher=prov.publisher,
            original_reporting=prov.original_reporting,
            machine_translated=prov.machine_translated,
            source_language=prov.source_language,
            provenance_evidence=prov.evidence,
        )
