"""A publication date from explicit evidence in the text, for articles that came without one.

Only two kinds of evidence count, both at the start of a line (so that "the report
published on 3 March" inside a sentence never does):

- a publication line: "Published on 7 April 2025", "Updated: 2025-04-07", "Posted April 7,
  2025 10:32 BST" (a "published"/"posted" line wins over an "updated" one);
- a dateline with a year: "BAGHDAD, April 7, 2025 (Reuters) -".

A dateline without a year ("BAGHDAD, April 7 (Reuters) -", the wire services' habit) is not
enough: the year would be a guess, so nothing is inferred from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateparser.date import DateDataParser

from eventwire.model import Span

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_PUBLICATION_LINE = re.compile(
    r"^[ \t]*(?P<cue>first\s+published|published|posted|last\s+updated|updated)(?:\s+(?:on|at))?\s*:?\s*"
    r"(?P<date>[^\n|]{6,60})",
    re.IGNORECASE | re.MULTILINE,
)
_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][A-Z.'’ -]{{1,40}}(?:,\s*[A-Z][A-Za-z.'’ -]{{1,30}})?,\s+"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
    r"\s*(?:\([^)\n]{1,40}\))?\s*[-–—]",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Inferred:
    """An inferred publication date and the text it came from (None when not in the body)."""

    value: str
    evidence: Span | None


def infer_published(body: str, removed: tuple[str, ...] = ()) -> Inferred | None:
    """The publication date the text states, from the body or from blocks the cleaner cut."""
    for text, in_body in ((body, True), *((r, False) for r in removed)):
        found = _from_text(text)
        if found is not None:
            value, start, end = found
            return Inferred(value, Span.of(body, start, end) if in_body else None)
    return None


def _from_text(text: str) -> tuple[str, int, int] | None:
    head = text[:2000]
    ranked = []
    for m in _PUBLICATION_LINE.finditer(text):
        day = _full_date(_cut_time(m.group("date")))
        if day is not None:
            rank = 1 if "updated" in m.group("cue").lower() else 0
            ranked.append((rank, m.start(), day, m.start("cue"), m.end("date")))
    if ranked:
        _, _, day, start, end = min(ranked)
        return day, start, _trimmed_end(text, start, end)
    line = _DATELINE.search(head)
    if line is not None:
        day = _full_date(line.group("date"))
        if day is not None:
            return day, line.start("date"), line.end("date")
    return None


def _cut_time(text: str) -> str:
    # dateparser reads "7 April 2025 | 10:32" but not the page text that may follow a date.
    return re.split(r"\s[-–—]\s|\s{2,}|\.\s", text.strip())[0]


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _full_date(text: str) -> str | None:
    """The ISO date of ``text`` when it states day, month and year, else None."""
    if not re.search(r"\d{4}", text):
        return None
    parser = DateDataParser(languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    found: date = data.date_obj.date()
    return found.isoformat()
