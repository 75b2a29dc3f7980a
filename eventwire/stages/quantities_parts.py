"""The numbers of a parsed text, before anyone asks what they count.

A number is a run of tokens that reads as one figure ("50,000", "2.5 billion",
"twenty-five", "a dozen"), a counting word ("dozens", "tens of thousands"), or a range of
two figures ("20 to 30", "between 20 and 30", "20-30").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.attrs import IDX

from eventwire.stages.number_words import NumberWords, is_number_word, parse_number
from eventwire.stages.parse import text_of

_RANGE_WORDS = frozenset({"to", "-", "–", "or"})


@dataclass(frozen=True)
class Number:
    """One figure, counting word or range, by token index (inclusive) and character start."""

    first: int
    last: int
    start: int
    words: str
    value: int | float | None
    low: int | float | None = None
    high: int | float | None = None
    vague: bool = False
    head_token: Any = None


def find_numbers(doc: Any, numbers: NumberWords) -> list[Number]:
    """Every number of ``doc``, in text order, ranges joined."""
    out: list[Number] = []
    free = 0  # the first token not yet part of a number
    for i in _candidates(doc, numbers):
        if i < free:
            continue
        found = _vague_at(doc, i, numbers) or _figure_at(doc, i, numbers)
        if found is None:
            continue
        ranged = _range_from(doc, found, numbers)
        out.append(ranged or found)
        free = (ranged or found).last + 1
    return out


def _candidates(doc: Any, numbers: NumberWords) -> list[int]:
    """Indices of the tokens a number can start at (a digit, or a number word or the first
    word of a counting phrase), found by one regular expression over the text: trying every
    token costs more than the parse's own tagger."""
    starts = doc.to_array(IDX)
    hits = _start_pattern((*numbers.units, *numbers.scales, *numbers.vague_phrases)).finditer(text_of(doc))
    return sorted({bisect_right(starts, m.start()) - 1 for m in hits})


@lru_cache(maxsize=4)
def _start_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    words = {w.split()[0] for w in phrases if w.split()}
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\d|\b(?:{alts})\b", re.IGNORECASE)


@lru_cache(maxsize=16)
def _phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex over ``phrases``, longest first, compiled once per phrase list."""
    if not phrases:
        return None
    alts = [r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True)]
    return re.compile("(?:" + "|".join(alts) + r")(?![\w-])")


@lru_cache(maxsize=16)
def _first_words(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(p.split()[0].lower() for p in phrases if p.split())


def _phrase_at(doc: Any, i: int, phrases: tuple[str, ...]) -> int | None:
    """Index of the last token of the longest of ``phrases`` that starts at token ``i``."""
    pattern = _phrases_pattern(phrases)
    if pattern is None or doc[i].lower_ not in _first_words(phrases):
        return None
    # from the next few tokens: ``doc.text`` rebuilds the whole text on every access
    rest = "".join(t.text_with_ws for t in doc[i : i + 8])[:40].lower()
    m = pattern.match(rest)
    if m is None:
        return None
    end_char = doc[i].idx + m.end()
    j = i
    while j + 1 < len(doc) and doc[j + 1].idx < end_char:
        j += 1
    return j


def _vague_at(doc: Any, i: int, numbers: NumberWords) -> Number | None:
    if not doc[i].text[:1].isalpha() or (i > 0 and is_number_word(doc[i - 1].text, numbers)):
        return None  # "two hundred" is a figure, not "hundreds"
    j = _phrase_at(doc, i, numbers.vague_phrases)
    if j is None:
        return None
    words = " ".join(t.lower_ for t in doc[i : j + 1])
    count = numbers.vague[words]
    return Number(i, j, doc[i].idx, words, None, count.low, count.high, vague=True, head_token=doc[j])


def _figure_at(doc: Any, i: int, numbers: NumberWords) -> Number | None:
    multi = _phrase_at(doc, i, numbers.unit_phrases)
    if multi is not None:
        j = multi
    elif _numberish(doc[i], numbers):
        j = i
    else:
        return None
    while j + 1 < len(doc):
        nxt = doc[j + 1]
        attached = nxt.idx == doc[j].idx + len(doc[j].text)
        # "3 million" always; "1.5m" and "2bn" only written together
        scale = nxt.lower_ in numbers.scales and ((nxt.is_alpha and len(nxt.text) > 3) or attached)
        if scale or _numberish_word(nxt, numbers):
            j += 1
        elif nxt.text == "-" and j + 2 < len(doc) and _word_parts(doc[j], doc[j + 2], numbers):
            j += 2  # "twenty-five" comes as three tokens
        else:
            break
    words = " ".join(t.lower_ for t in doc[i : j + 1])
    value = parse_number(words, numbers)
    if value is None:
        return None
    return Number(i, j, doc[i].idx, words, value, head_token=doc[j])


def _numberish(token: Any, numbers: NumberWords) -> bool:
    return bool(is_number_word(token.text, numbers) and token.lower_ not in numbers.scales) or (
        any(c.isdigit() for c in token.text) and parse_number(token.text, numbers) is not None
    )


def _numberish_word(token: Any, numbers: NumberWords) -> bool:
    """A word that continues a written number ("hundred" in "two hundred", "five" in "twenty five")."""
    return token.is_alpha and token.lower_ in numbers.units and token.lower_ not in ("one", "a")


def _word_parts(left: Any, right: Any, numbers: NumberWords) -> bool:
    return left.lower_ in numbers.units and right.lower_ in numbers.units


def _range_from(doc: Any, first: Number, numbers: NumberWords) -> Number | None:
    """ "20 to 30", "20-30", "between 20 and 30": one number with low and high."""
    if first.vague or first.last + 2 >= len(doc):
        return None
    joiner = doc[first.last + 1]
    opener = doc[first.first - 1] if first.first > 0 else None
    between = opener is not None and opener.lower_ == "between"
    if not (joiner.lower_ in _RANGE_WORDS or (between and joiner.lower_ == "and")):
        return None
    second = _figure_at(doc, first.last + 2, numbers)
    if second is None or second.value is None or first.value is None:
        return None
    low = first.value
    scale = second.words.split()[-1]
    if scale in numbers.scales and first.words.split()[-1] not in numbers.scales:
        low = low * numbers.scales[scale]  # "2 to 3 million": 2 million to 3 million
    if low >= second.value:
        return None  # "1 or 2" reads as a range; "10 to 1" does not
    start = opener.idx if between and opener is not None else first.start
    words = f"{first.words} {joiner.lower_} {second.words}"
    return Number(first.first, second.last, start, words, None, low, second.value, head_token=doc[second.last])
