"""Sentence splitting of the source text, with offsets.

The translation is made sentence by sentence so that each English sentence can point back
to the source sentence it came from. The splitter is rule-based and language-neutral
except for its abbreviation list: a line break always ends a sentence; within a line a
sentence ends at ``.``, ``!``, ``?`` or ``…`` (and any closing quotes or brackets) when
whitespace and a sentence opener follow, unless the period closes an abbreviation, an
initial ("J. D. Vance") or the number of a list item.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# End punctuation, closing quotes/brackets, then the whitespace before the next sentence.
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[—–\-]*[A-ZÀ-ÖØ-Þ0-9])")
_WORD_BEFORE = re.compile(r"([\w.º]+)$")
_LINE = re.compile(r"[^\n]+")


def _spans_of_line(text: str, start: int, end: int, abbreviations: frozenset[str]) -> Iterator[tuple[int, int]]:
    begin = start
    for m in _END.finditer(text, start, end):
        if _protects(text[begin : m.start()], text[m.start()], abbreviations):
            continue
        yield begin, m.end()
        begin = m.end()
    yield begin, end


def _protects(before: str, mark: str, abbreviations: frozenset[str]) -> bool:
    """Whether a period after ``before`` belongs to a word rather than ending a sentence."""
    if mark != ".":
        return False
    found = _WORD_BEFORE.search(before)
    if found is None:
        return False
    word = found.group(1).lower().strip(".")
    if not word:
        return False
    # an initial ("J."), an abbreviation ("Sr.", "e.u.a."), or the number of a list item ("3. ")
    return (len(word) == 1 and word.isalpha()) or word in abbreviations or before.strip().isdigit()


def split_sentences(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """The sentences of ``text`` as ``(start, end)`` offsets, trimmed of surrounding spaces.

    Together they cover every non-space character of ``text``, in order."""
    out: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        for start, end in _spans_of_line(text, line.start(), line.end(), abbreviations):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                out.append((start, end))
    return out


def separator(gap: str) -> str:
    """What joins two translated sentences, given the source text between the originals:
    paragraph breaks and line breaks are kept, anything else becomes one space."""
    if gap.count("\n") >= 2:
        return "\n\n"
    if "\n" in gap:
        return "\n"
    return " "
