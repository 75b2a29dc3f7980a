"""Line shapes for plain-text cleaning: how much a line looks like article prose or page furniture.

The cleaner (:mod:`eventwire.stages.clean_text`) sees a page as a list of lines. This module
measures each line: its length in words, whether it ends like a sentence, whether it repeats
elsewhere on the page, and whether it matches one of the generic furniture cues listed in
``eventwire/data/clean/furniture_cues.tsv``. The measures are language-independent except
for the cue phrases, which cover the main languages of the news sources eventwire reads.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CUES_FILE = Path(__file__).resolve().parents[1] / "data" / "clean" / "furniture_cues.tsv"

# A cue line is cut even inside the body only when it is short: a long sentence that happens to
# contain "newsletter" or "cookies" is prose. Republication notes are full sentences by nature.
CUE_MAX_WORDS = 35
LONG_CUES = frozenset({"republication note", "source line"})

# Cues past which no article text follows (the comments under an article).
BARRIERS = frozenset({"comments"})
# What a cue line costs a region beyond its run: the ones that end an article cost more.
CUE_COST = {"related-links block": 12.0, "source line": 25.0, "republication note": 25.0, "newsletter prompt": 8.0}
# Lines on each side looked at to tell an article's paragraphs from a list's teasers.
DENSITY_WINDOW = 3

# A line at least this long and ending like a sentence is prose.
PROSE_MIN_WORDS = 8

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_CLOSERS = "\"'”’»)]}*"
_SENTENCE_END = ".!?。！？:;…؟"
_MONTHS = "jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec"
_DATE_WORDS = re.compile(
    rf"\b({_MONTHS}|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\b(am|pm|a\.m\.|p\.m\.|gmt|utc|[a-z]st|[a-z]dt|ist|cet|cest|bst|at|on|"
    r"published|updated|posted|last|modified|ago|hours?|minutes?|days?|th|st|nd|rd|de|el|le|am|um)\b"
)
_FOOTNOTE = re.compile(r"(\[\d+\])+$")
_TRUNCATED = re.compile(r"(\w|,)\s*(\.\.\.|…)$")


@dataclass(frozen=True)
class Cue:
    """One furniture pattern and the reason reported when a line matches it."""

    reason: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class LineShape:
    """What the cleaner knows about one line of the page."""

    text: str
    words: float
    ends_sentence: bool
    prose: bool
    cue: str | None
    repeated: bool
    date: bool


def load_cues(path: Path | str | None = None) -> tuple[Cue, ...]:
    """The furniture cues in ``path`` (default: the packaged file), one ``reason<TAB>regex`` a line."""
    if path is None:
        return _packaged_cues()
    return _parse_cues(Path(path).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _packaged_cues() -> tuple[Cue, ...]:
    return _parse_cues(CUES_FILE.read_text(encoding="utf-8"))


def _parse_cues(text: str) -> tuple[Cue, ...]:
    cues = []
    for raw in text.splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        reason, _, regex = raw.partition("\t")
        cues.append(Cue(reason.strip(), re.compile(regex.strip(), re.IGNORECASE)))
    return tuple(cues)


def word_count(line: str) -> float:
    """Words in ``line``; CJK text, written without spaces, counts two characters as a word."""
    cjk = len(_CJK.findall(line))
    words = len(_WORD.findall(_CJK.sub(" ", line)))
    return words + cjk / 2


def ends_sentence(line: str) -> bool:
    """True when ``line`` ends with sentence punctuation (closing quotes and brackets aside)."""
    core = _FOOTNOTE.sub("", line.rstrip()).rstrip(_CLOSERS).rstrip()
    return bool(core) and core[-1] in _SENTENCE_END and not _TRUNCATED.search(line.rstrip())


def matching_cue(line: str, words: float, cues: tuple[Cue, ...]) -> str | None:
    """The reason of the first cue ``line`` matches, or None."""
    for cue in cues:
        if words > CUE_MAX_WORDS and cue.reason not in LONG_CUES:
            continue
        if cue.pattern.search(line):
            return cue.reason
    return None


def is_date_line(line: str) -> bool:
    """True for a line that is only a date or time stamp (with a weekday, "at", "Updated" ...)."""
    rest = _DATE_WORDS.sub(" ", line.lower())
    has_number = bool(re.search(r"\d", line))
    return has_number and word_count(line) <= 12 and not re.search(r"[^\W\d_]{3,}", rest)


def fold(line: str) -> str:
    """A line folded for comparison: lower case, words only."""
    return " ".join(_WORD.findall(line.lower()))


def shape_lines(lines: list[str], cues: tuple[Cue, ...]) -> list[LineShape]:
    """Measure every line of a page."""
    counts = Counter(fold(line) for line in lines)
    shapes = []
    for line in lines:
        words = word_count(line)
        ends = ends_sentence(line)
        cue = matching_cue(line.strip(), words, cues)
        prose = cue is None and words >= PROSE_MIN_WORDS and (ends or words >= 3 * PROSE_MIN_WORDS)
        repeated = counts[fold(line)] > 1 and words >= 1
        shapes.append(LineShape(line, words, ends, prose, cue, repeated, is_date_line(line)))
    return shapes


def line_scores(shapes: list[LineShape]) -> list[float]:
    """How much keeping each line adds to a body region.

    Prose adds its length, weighted by how much prose surrounds it: an article's paragraphs
    follow one another, while the teasers of a related-articles list each sit between a
    headline, a name and a date. Furniture costs more the longer its run, so a long menu or
    link list separates two stretches of prose where a lone subhead does not."""
    proseish = [s.prose or _neutral(s) for s in shapes]
    scores, run = [], 0
    for i, shape in enumerate(shapes):
        if shape.cue in BARRIERS:
            score = -1000.0
        elif shape.cue is not None:
            score = -(CUE_COST.get(shape.cue, 4.0)) - run
        elif shape.prose:
            near = proseish[max(0, i - DENSITY_WINDOW) : i] + proseish[i + 1 : i + 1 + DENSITY_WINDOW]
            density = sum(near) / len(near) if near else 1.0
            length = shape.words if shape.ends_sentence else shape.words / 2
            score = (length - 4 - (8 if shape.repeated else 0)) * (0.25 + 0.75 * density)
        elif _neutral(shape):
            score = 0.0
        else:
            score = -2.0 - min(run, 10) - (4 if shape.repeated else 0) - (8 if shape.date else 0)
        run = 0 if shape.prose else run + 1
        scores.append(score)
    return scores


def _neutral(shape: LineShape) -> bool:
    """A short sentence ("He declined to comment."): neither prose evidence nor furniture."""
    return shape.cue is None and not shape.prose and shape.ends_sentence and shape.words >= 3 and not shape.repeated


def best_region(scores: list[float]) -> tuple[int, int] | None:
    """The contiguous run of lines with the highest total score (start, end exclusive)."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best and score > 0:
            best, best_span = total, (start, i + 1)
    if best_span is None:
        return None
    start, end = best_span
    while start < end and scores[start] <= 0:
        start += 1
    return start, end
