"""The one-call entry point: ``eventwire.analyze(text_or_html, published=...)``."""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.config import Options
from eventwire.model import Analysis, Source
from eventwire.pipeline import Pipeline

_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<\?xml)", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML document rather than prose that mentions a tag."""
    return bool(_HTML_START.match(text[:1000]))


@lru_cache(maxsize=4)
def default_pipeline(options: Options | None = None) -> Pipeline:
    """The pipeline for ``options``, built once per process (models load once)."""
    return Pipeline.from_options(options)


def analyze(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    id: str | None = None,  # noqa: A002 - the field is called id in the format
    options: Options | None = None,
) -> Analysis:
    """Analyse one article given as plain text or HTML.

    Raises :class:`eventwire.InputError` when the input holds no article text.
    """
    is_html = looks_like_html(text)
    source = Source(
        id=id,
        text=None if is_html else text,
        html=text if is_html else None,
        title=title,
        url=url,
        published=published,
    )
    return default_pipeline(options)(source)
