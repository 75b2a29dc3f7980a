"""The ``translate`` stage: articles in a translatable language become English, traceably.

After language detection, an article whose language is in ``Options.translate_languages``
is translated sentence by sentence (:mod:`eventwire.translation`). ``article.body`` becomes
the English text every later stage analyses; ``source_text`` keeps the original and
``alignment`` maps each English sentence to its source sentence, so every event, quote and
mention can show the words it came from. The article is marked ``machine_translated``,
``source_language`` is the original language, ``language`` is ``en`` and ``translated_by``
names the engine (which tells eventwire's own translation from an article that arrived
translated). Other articles pass unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy

from eventwire.config import Options
from eventwire.errors import ConfigError
from eventwire.kb import load_kb
from eventwire.model import Analysis, SentencePair, Span
from eventwire.pipeline import with_article
from eventwire.translation import DocumentTranslator, Engine, NameGuard, Translation, engine_for, load_lexicon
from eventwire.translation.engine import NO_ENGINE

_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w'’\-]+")


@lru_cache(maxsize=8)
def stop_words(language: str) -> frozenset[str]:
    """The function words of ``language`` (spaCy's list; empty when spaCy has none)."""
    try:
        return frozenset(spacy.util.get_lang_class(language).Defaults.stop_words)
    except ImportError:
        return frozenset()


class Translator:
    """Translates articles in ``Options.translate_languages`` into English."""

    name = "translate"
    requires = frozenset({"body", "language"})
    provides = frozenset({"translation"})

    def __init__(self, options: Options, engine: Engine | None = None) -> None:
        languages = tuple(options.translate_languages)
        self.engine = engine if engine is not None else engine_for(languages)
        missing = set(languages) - set(self.engine.languages)
        if missing:
            # checked at build time: a language must never pass untranslated by surprise
            raise ConfigError(
                f"translation engine {self.engine.name!r} cannot translate {sorted(missing)}",
                code=NO_ENGINE,
                hint=f"it translates {sorted(self.engine.languages)}; change translate_languages",
            )
        kb = load_kb(tuple(options.kb_paths))
        self.translators: dict[str, DocumentTranslator] = {}
        for language in languages:
            lexicon = load_lexicon(language)
            guard = NameGuard.from_kb(kb, lexicon, stop_words(language))
            self.translators[language] = DocumentTranslator(self.engine, language, lexicon, guard)

    def wanted(self, analysis: Analysis) -> bool:
        article = analysis.article
        return article.language in self.translators and bool(article.body.strip())

    def __call__(self, analysis: Analysis) -> Analysis:
        return self.pipe([analysis])[0]

    def pipe(self, analyses: list[Analysis]) -> list[Analysis]:
        """Translate a batch: the sentences of all its articles of one language go to the
        engine together, so a threaded engine keeps every core busy."""
        out = list(analyses)
        for language, translator in self.translators.items():
            todo = [i for i, a in enumerate(analyses) if self.wanted(a) and a.article.language == language]
            if not todo:
                continue  # never wake the engine for a batch with nothing in its language
            texts: list[str] = []
            for i in todo:
                article = analyses[i].article
                texts += [article.body, article.title or ""]
            done = translator.translate_many(texts)
            for n, i in enumerate(todo):
                out[i] = translated(analyses[i], done[2 * n], done[2 * n + 1].text or None)
        return out


def translated(analysis: Analysis, body: Translation, title: str | None) -> Analysis:
    """``analysis`` with its English body, the original kept and the sentences aligned."""
    article = analysis.article
    return with_article(
        analysis,
        body=body.text,
        title=title if article.title else article.title,
        source_text=article.body,
        language="en",
        source_language=article.language,
        machine_translated=True,
        translated_by=body.engine,
        alignment=body.alignment,
        provenance_evidence=tuple(_moved(s, body) for s in article.provenance_evidence),
    )


def _moved(span: Span, body: Translation) -> Span:
    """A span of the source moved into the English text: the same words where the
    translation kept them, else its capitalised words that it kept (a credited outlet's
    name), else the whole English sentence."""
    pairs = [p for p in body.alignment if p.source_start < span.end and span.start < p.source_end]
    if not pairs:
        return Span(0, 0, "")
    first: SentencePair = pairs[0]
    last: SentencePair = pairs[-1]
    sentence = body.text[first.start : last.end]
    at = sentence.find(span.text) if span.text else -1
    if at >= 0:
        return Span.of(body.text, first.start + at, first.start + at + len(span.text))
    kept = [m for w in _CAPITALISED.findall(span.text) for m in re.finditer(rf"\b{re.escape(w)}\b", sentence)]
    if kept:
        start, end = min(m.start() for m in kept), max(m.end() for m in kept)
        return Span.of(body.text, first.start + start, first.start + end)
    return Span.of(body.text, first.start, last.end)
