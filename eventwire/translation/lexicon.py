"""The word lists of one source language (``eventwire/data/translation/<language>.json``).

They tell the sentence splitter which periods are abbreviations, the name guard which words
introduce a person's name, and the pre-editor how "há + duration" reads. A language
without a file gets an empty lexicon: sentences still split and KB names are still
protected, only the language-specific rules are off.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.errors import ConfigError

DATA = Path(__file__).resolve().parents[1] / "data" / "translation"


@dataclass(frozen=True)
class Lexicon:
    """Word lists of one language, lower-cased (see ``data/translation/README.md``)."""

    language: str
    abbreviations: frozenset[str] = frozenset()
    titles: tuple[str, ...] = ()
    attribution: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    ago_word: str = ""
    ago_rewrite: str = ""
    ago_units: frozenset[str] = frozenset()
    ago_counts: tuple[str, ...] = ()
    preterite_endings: tuple[str, ...] = ()
    preterite_irregular: frozenset[str] = frozenset()
    not_preterite: frozenset[str] = frozenset()


def _lower(values: list[str]) -> list[str]:
    return [v.lower() for v in values]


@lru_cache(maxsize=8)
def load_lexicon(language: str, path: Path | None = None) -> Lexicon:
    """The lexicon of ``language`` read from ``path`` (default: the packaged file, if any)."""
    target = path or DATA / f"{language}.json"
    if path is None and not target.is_file():
        return Lexicon(language)
    try:
        raw = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ConfigError(f"cannot read translation lexicon {target}: {err}", code="E222") from err
    ago = raw.get("ago", {})
    return Lexicon(
        language=language,
        abbreviations=frozenset(_lower(raw.get("abbreviations", []))),
        # longest first, so "primeiro-ministro" wins over "ministro"
        titles=tuple(sorted(_lower(raw.get("titles", [])), key=len, reverse=True)),
        attribution=frozenset(_lower(raw.get("attribution", []))),
        determiners=frozenset(_lower(raw.get("determiners", []))),
        name_particles=frozenset(_lower(raw.get("name_particles", []))),
        ago_word=ago.get("word", "").lower(),
        ago_rewrite=ago.get("rewrite", ""),
        ago_units=frozenset(_lower(ago.get("units", []))),
        ago_counts=tuple(sorted(_lower(ago.get("counts", [])), key=len, reverse=True)),
        preterite_endings=tuple(_lower(ago.get("preterite_endings", []))),
        preterite_irregular=frozenset(_lower(ago.get("preterite_irregular", []))),
        not_preterite=frozenset(_lower(ago.get("not_preterite", []))),
    )
