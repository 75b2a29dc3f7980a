"""The ``language`` stage: which language the body is in, among a configured set.

lingua is accurate on short texts and small when restricted to a list of languages. An
article outside ``Options.analyse_languages`` keeps its language and gets a coded notice:
later stages leave it alone rather than analyse foreign text as English.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from eventwire.config import Options
from eventwire.errors import ConfigError
from eventwire.model import Analysis, Notice
from eventwire.pipeline import with_article

NOT_ANALYSED = "W201"


@lru_cache(maxsize=8)
def detector(codes: tuple[str, ...]) -> LanguageDetector:
    """A lingua detector over ``codes`` (ISO 639-1), built once per process."""
    try:
        languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    except AttributeError as err:
        raise ConfigError(f"unknown language code in {codes}", code="E203", hint="use ISO 639-1 codes") from err
    if len(languages) < 2:
        # lingua needs at least two; the set is a closed world, so one language is certain
        return LanguageDetectorBuilder.from_languages(*languages, Language.ENGLISH).build()
    return LanguageDetectorBuilder.from_languages(*languages).build()


_NAME = re.compile(r"\b[A-Z][\w'’\-]*")


def detect_language(text: str, codes: tuple[str, ...]) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when lingua cannot tell.

    Capitalised words are left out when enough others remain: names ("Kataib Sayyed
    al-Shuhada") say nothing of the language the article is written in and mislead
    detection on short texts."""
    sample = text[:5000]
    common = _NAME.sub(" ", sample)
    if len(common.split()) >= 5:
        sample = common
    found = detector(codes).detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else None


class LanguageStage:
    """Sets ``article.language``; flags articles the pipeline will not analyse."""

    name = "language"
    requires = frozenset({"body"})
    provides = frozenset({"language"})

    def __init__(self, options: Options) -> None:
        self.codes = tuple(options.languages)
        self.analysed = set(options.analyse_languages)
        # translated into English by the translate stage, then analysed
        self.translated = set(options.translate_languages) if "translate" in options.stages else set()
        detector(self.codes)  # fail at build time on a bad code, not on the first article

    def __call__(self, analysis: Analysis) -> Analysis:
        language = detect_language(analysis.article.body, self.codes)
        analysis = with_article(analysis, language=language)
        if language not in self.analysed and language not in self.translated:
            note = Notice(
                NOT_ANALYSED,
                f"language {language or 'unknown'} is not analysed: no translation is available for it,"
                " so the article is stored without extraction",
            )
            analysis = replace(analysis, notices=(*analysis.notices, note))
        return analysis
