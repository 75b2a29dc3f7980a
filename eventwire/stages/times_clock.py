"""Times of day ("at about 5 a.m.", "shortly after midnight"): the date they fall on.

A time of day is not a record of its own when the date it belongs to is beside it: "about
5 a.m. on Tuesday" and "on Tuesday at 5 a.m." are one record whose text takes in the time and
whose value stays the date's, at day precision (events are dated to the day; the clock would
claim a precision the rest of the pipeline never uses). A time of day elsewhere in a sentence
that names exactly one day ("The clashes broke out on Sunday ... and ended shortly after 2
a.m.") is a record of its own valued at that day, or the next one when the clock has gone
back past midnight (11 p.m., then 2 a.m.). A time of day in a sentence without a day is left
out: its date would be a guess from the neighbouring sentences.

Durations ("for nearly three hours", "lasted about four hours") are not times: they say how
long, not when, and the grammar has no pattern for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from eventwire.model import TimeExpr
from eventwire.stages.times_rules import TimeLexicon, prefix_before

# A clock time with a.m./p.m. ("5 a.m.", "4.30am"), or a 24-hour time with its zone ("1430 GMT").
_CLOCK = re.compile(
    r"\b(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s?(?P<ap>[ap])\.?\s?m\b\.?"
    r"|\b(?P<h24>[01]?\d|2[0-3])[:.]?(?P<m24>[0-5]\d)\s?(?:GMT|UTC|local\s+time)\b",
    re.IGNORECASE,
)
# Between a time of day and the date it belongs to: "5 a.m. on Tuesday", "Tuesday at 5 a.m.".
_CLOCK_THEN_DATE = re.compile(r"^,?\s+(?:on\s+)?(?:the\s+night\s+of\s+)?$", re.IGNORECASE)
_DATE_THEN_CLOCK = re.compile(r"^,?\s+(?:at\s+|from\s+|around\s+|about\s+)?$", re.IGNORECASE)
_A_DAY = ("day",)


@dataclass(frozen=True)
class Clock:
    """A time of day in the text, with the hour it names (0-23) when it names one."""

    start: int
    end: int
    hour: int | None


def find_clocks(body: str, lex: TimeLexicon) -> list[Clock]:
    """Every time of day of ``body``, its span widened over "shortly after", "about" ..."""
    found = [Clock(m.start(), m.end(), _hour(m)) for m in _CLOCK.finditer(body)]
    words = re.compile(rf"\b(?:{'|'.join(map(re.escape, lex.clock_words))})\b")
    found += [Clock(m.start(), m.end(), lex.clock_words[m.group(0)]) for m in words.finditer(body)]
    out = []
    for clock in sorted(found, key=lambda c: c.start):
        for _ in range(2):  # "until around 8 a.m."
            at = prefix_before(body, clock.start, lex.clock_qualifiers)
            clock = replace(clock, start=at) if at is not None else clock
        out.append(clock)
    return out


def _hour(m: re.Match[str]) -> int:
    if m.group("h24") is not None:
        return int(m.group("h24"))
    hour = int(m.group("h")) % 12
    return hour + 12 if m.group("ap").lower() == "p" else hour


def attach_clocks(body: str, doc: Any, times: list[TimeExpr], clocks: list[Clock]) -> list[TimeExpr]:
    """``times`` with each time of day joined to its date or added at the date of its sentence."""
    out = list(times)
    anchors: dict[int, Clock] = {}  # index of a day record -> the clock joined to it
    loose: list[Clock] = []
    for clock in clocks:
        if any(t.start <= clock.start < t.end or clock.start <= t.start < clock.end for t in out):
            continue  # inside a date already found ("Sunday night")
        i = _beside(body, out, clock)
        if i is None:
            loose.append(clock)
            continue
        t = out[i]
        start, end = min(t.start, clock.start), max(t.end, clock.end)
        out[i] = replace(t, text=body[start:end], start=start, end=end)
        anchors[i] = clock
    for clock in loose:
        record = _in_sentence(body, doc, out, clock, anchors)
        if record is not None:
            out.append(record)
    return sorted(out, key=lambda t: t.start)


def _beside(body: str, times: list[TimeExpr], clock: Clock) -> int | None:
    for i, t in enumerate(times):
        if t.precision not in _A_DAY:
            continue
        if clock.end <= t.start and _CLOCK_THEN_DATE.match(body[clock.end : t.start]):
            return i
        if t.end <= clock.start and _DATE_THEN_CLOCK.match(body[t.end : clock.start]):
            return i
    return None


def _in_sentence(
    body: str, doc: Any, times: list[TimeExpr], clock: Clock, anchors: dict[int, Clock]
) -> TimeExpr | None:
    span = doc.char_span(clock.start, clock.end, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    days = [i for i, t in enumerate(times) if t.precision in _A_DAY and sent.start_char <= t.start < sent.end_char]
    values = {times[i].value for i in days}
    if len(values) != 1 or None in values:
        return None  # no day, or two different days: which one is a guess
    day = date.fromisoformat(str(times[days[0]].value))
    earlier = [anchors[i] for i in days if i in anchors and anchors[i].start < clock.start]
    if earlier and _past_midnight(earlier[-1], clock):
        day += timedelta(days=1)
    relative = times[days[0]].relative_to_publication
    text = body[clock.start : clock.end]
    return TimeExpr(text, clock.start, clock.end, day.isoformat(), "day", relative_to_publication=relative)


def _past_midnight(first: Clock, later: Clock) -> bool:
    """11 p.m., then 2 a.m.: the later clock reads earlier, so the night has turned."""
    if first.hour is None or later.hour is None:
        return False
    return first.hour >= 18 and later.hour < 12
