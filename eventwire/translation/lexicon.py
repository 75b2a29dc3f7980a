"""The word lists of one source language (``eventwire/data/translation/<language>.json``).

They tell the sentence splitter which periods are abbreviations, the name guard which words
introduce a person's name, and the pre-editor how "há + duration" reads, how numbers are
punctuated and how dates and weekdays are written. A language
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
    # numbers: True when "1.200,5" means 1,200.5 (dot groups thousands, comma marks decimals)
    decimal_comma: bool = False
    # short words for large numbers after a figure ("R$ 2 bi") -> the full word ("bilhões")
    number_words: tuple[tuple[str, str], ...] = ()
    # dates: the month names in calendar order and how a day, month and year are written
    months: tuple[str, ...] = ()
    day_month: str = ""
    with_year: str = ""
    # short weekday names ("segunda") -> full ones ("segunda-feira"), and the words around them
    weekdays: tuple[tuple[str, str], ...] = ()
    weekday_before: tuple[str, ...] = ()
    weekday_after: tuple[str, ...] = ()


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
    numbers = raw.get("numbers", {})
    dates = raw.get("dates", {})
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
        decimal_comma=numbers.get("decimal") == "," and numbers.get("group") == ".",
        number_words=tuple(sorted((k.lower(), v) for k, v in numbers.get("words", {}).items())),
        months=tuple(_lower(dates.get("months", []))),
        day_month=dates.get("day_month", ""),
        with_year=dates.get("with_year", ""),
        weekdays=tuple(sorted((k.lower(), v) for k, v in dates.get("weekdays", {}).items())),
        weekday_before=tuple(_lower(dates.get("weekday_before", []))),
        weekday_after=tuple(sorted(_lower(dates.get("weekday_after", [])), key=len, reverse=True)),
    )
