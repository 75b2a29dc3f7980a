"""The words of the quantities stage: currencies, percent, bounds, casualty categories.

They live in ``eventwire/data/lexicons/quantity_units.json``; :func:`load_units` reads them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.stages.number_words import LEXICONS

UNITS_FILE = LEXICONS / "quantity_units.json"


@dataclass(frozen=True)
class UnitLexicon:
    """Currencies, percent words, approximators, bounds and casualty lemmas."""

    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    percent_words: tuple[str, ...]
    approximate: tuple[str, ...]
    lower_bound: tuple[str, ...]
    upper_bound: tuple[str, ...]
    casualties: dict[str, str]  # lemma -> category
    casualty_subject_verbs: frozenset[str]
    time_units: frozenset[str]
    not_units: frozenset[str]
    age_cues: frozenset[str]
    measure_units: frozenset[str] = frozenset()
    clock_words: frozenset[str] = frozenset()  # "2200 GMT", "6 p.m.": times of day, not counts

    def category(self, word: str) -> str | None:
        """The casualty category of a lemma or word ("wound" -> "injured"), or None."""
        return self.casualties.get(word.lower())

    def category_of(self, token: Any) -> str | None:
        """The casualty category of a spaCy token, by lemma and then by form ("missing")."""
        return self.category(token.lemma_) or self.category(token.text)


def load_units(path: Path | str | None = None) -> UnitLexicon:
    """The quantity words in ``path`` (default: the packaged ``quantity_units.json``)."""
    if path is None:
        return _packaged()
    return _parse(json.loads(Path(path).read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def _packaged() -> UnitLexicon:
    return _parse(json.loads(UNITS_FILE.read_text(encoding="utf-8")))


def _parse(raw: dict[str, Any]) -> UnitLexicon:
    casualties = {
        lemma: category
        for category, lemmas in raw["casualties"].items()
        if not category.startswith("_")
        for lemma in lemmas
    }
    return UnitLexicon(
        currency_symbols=dict(raw["currency_symbols"]),
        currency_words=dict(raw["currency_words"]),
        percent_words=tuple(raw["percent_words"]),
        approximate=tuple(raw["approximate"]),
        lower_bound=tuple(raw["lower_bound"]),
        upper_bound=tuple(raw["upper_bound"]),
        casualties=casualties,
        casualty_subject_verbs=frozenset(raw["casualty_subject_verbs"]),
        time_units=frozenset(raw["time_units"]),
        not_units=frozenset(raw["not_units"]),
        age_cues=frozenset(raw["age_cues"]),
        measure_units=frozenset(raw.get("measure_units", {}).get("words", ())),
        clock_words=frozenset(raw.get("clock_words", ())),
    )


def words_before(text: str, start: int, words: tuple[str, ...]) -> int | None:
    """Where one of ``words`` begins when it ends right before ``start``, else None."""
    head = text[max(0, start - 40) : start]
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    m = re.search(rf"(?<![\w-])(?:{alternatives})\s+$", head, re.IGNORECASE)
    return start - len(head) + m.start() if m else None


_PHONE = re.compile(r"\+\d[\d\s().-]{6,}\d|\(?\b\d{2,4}\)?[\s.-]\d{2,4}[\s.-]\d{3,4}\b|\b\d{3}-\d{4}\b")


def looks_like_phone(text: str, start: int, end: int) -> bool:
    """True when the digits at ``start:end`` belong to a phone number ("555-123-4567")."""
    offset = max(0, start - 20)
    window = text[offset : end + 20]
    return any(m.start() + offset <= start < m.end() + offset for m in _PHONE.finditer(window))
