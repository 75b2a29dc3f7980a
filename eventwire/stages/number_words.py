"""Reading English numbers: "50,000", "2.5 billion", "twenty-five", "a dozen", "dozens".

Shared by the ``times`` stage ("18 months ago") and the ``quantities`` stage ("about 50,000
fighters"). The words live in ``eventwire/data/lexicons/numbers.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LEXICONS = Path(__file__).resolve().parents[1] / "data" / "lexicons"
NUMBERS_FILE = LEXICONS / "numbers.json"

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_DIGITS_SCALE = re.compile(r"^(\d+(?:\.\d+)?)([a-z]+)$")


@dataclass(frozen=True)
class VagueCount:
    """A counting word without a figure ("dozens"): the least it can mean, and the most."""

    low: int | None
    high: int | None


@dataclass(frozen=True)
class NumberWords:
    """The number words of one language: units, scales, vague counts, indefinite counts."""

    units: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, VagueCount]
    few: dict[str, int]
    vague_phrases: tuple[str, ...] = field(init=False)
    unit_phrases: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        # hashable views, built once, for the phrase matcher of quantities_parts
        object.__setattr__(self, "vague_phrases", tuple(self.vague))
        object.__setattr__(self, "unit_phrases", tuple(u for u in self.units if " " in u))


def load_numbers(path: Path | str | None = None) -> NumberWords:
    """The number words in ``path`` (default: the packaged ``numbers.json``)."""
    if path is None:
        return _packaged()
    return _parse(json.loads(Path(path).read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def _packaged() -> NumberWords:
    return _parse(json.loads(NUMBERS_FILE.read_text(encoding="utf-8")))


def _parse(raw: dict[str, dict[str, object]]) -> NumberWords:
    vague = {
        k: VagueCount(v["low"], v["high"])  # type: ignore[index]
        for k, v in raw["vague"].items()
        if not k.startswith("_")
    }
    few = {k: int(v) for k, v in raw["few"].items() if not k.startswith("_")}  # type: ignore[call-overload]
    units = {k: int(v) for k, v in raw["units"].items()}  # type: ignore[call-overload]
    scales = {k: int(v) for k, v in raw["scales"].items()}  # type: ignore[call-overload]
    return NumberWords(units=units, scales=scales, vague=vague, few=few)


def tidy(value: float) -> int | float:
    """An integer when the value is whole (3.0e6 -> 3000000), else the float."""
    return int(value) if float(value).is_integer() else value


def parse_number(text: str, words: NumberWords | None = None) -> int | float | None:
    """The value of a number written in digits, words or both, or None.

    >>> parse_number("2.5 billion"), parse_number("twenty-five"), parse_number("1,200")
    (2500000000, 25, 1200)
    """
    words = words or load_numbers()
    tokens = re.split(r"[\s\-]+", text.strip().lower().replace("\u2011", "-"))
    tokens = [t for t in tokens if t and t != "and"]
    if not tokens:
        return None
    joined = " ".join(tokens)
    if joined in words.units:
        return words.units[joined]
    total = 0.0
    current: float | None = None
    for tok in tokens:
        value = _token_value(tok, words)
        if value is not None:
            current = (current or 0) + value
            continue
        if tok in words.scales:
            scale = words.scales[tok]
            base = current if current is not None else (1 if total == 0 else None)
            if base is None:
                return None
            if scale >= 1000:
                total += base * scale
                current = None
            else:
                current = base * scale
            continue
        return None
    total += current or 0
    return tidy(total)


def _token_value(tok: str, words: NumberWords) -> float | None:
    if _DIGITS.match(tok):
        return float(tok.replace(",", ""))
    if tok in words.units:
        return float(words.units[tok])
    m = _DIGITS_SCALE.match(tok)
    if m and m.group(2) in words.scales:
        return float(m.group(1)) * words.scales[m.group(2)]
    return None


def is_number_word(text: str, words: NumberWords | None = None) -> bool:
    """True for a single token that is, or is part of, a written number."""
    words = words or load_numbers()
    low = text.lower()
    return bool(_DIGITS.match(low)) or low in words.units or low in words.scales or _is_hyphenated(low, words)


def _is_hyphenated(low: str, words: NumberWords) -> bool:
    parts = low.split("-")
    return len(parts) == 2 and all(p in words.units for p in parts)
