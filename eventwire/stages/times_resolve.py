"""Calendar arithmetic: a recognised time expression and a base date in, an ISO value out.

Conventions (also in docs of the ``times`` stage):

- ``value`` has the coarsest precision the text supports: "2025", "2025-01", "2025-01-15".
- A week is written as the date of its Monday, with precision ``"week"`` ("last week"
  published on Monday 2025-04-07 -> "2025-03-31"): a plain date every reader can parse,
  where an ISO week ("2025-W14") would need special handling.
- A month or a day written without a year is the most recent one not after the base date;
  in a future-tense clause ("will meet on April 10") it is the next one not before it.
- A weekday alone ("on Tuesday") is the most recent such day on or before the base date
  (the next one on or after it in a future-tense clause).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta

from eventwire.stages.times_rules import Match, TimeLexicon, count_of


@dataclass(frozen=True)
class Resolved:
    """What an expression means: ISO value, precision, and how it was reached."""

    value: str | None
    precision: str
    approximate: bool = False
    relative: bool = False


def resolve(match: Match, lex: TimeLexicon, base: date | None, future: bool = False) -> Resolved:
    """The meaning of ``match``; relative expressions have value None when ``base`` is None."""
    p = match.parts
    kind = match.kind
    if kind == "iso":
        return Resolved(_day(int(p["y"]), int(p["mo"]), int(p["d"])), "day")
    if kind in ("dmy", "mdy"):
        return Resolved(_day(int(p["y"]), lex.month(p["m"]), int(p["d"])), "day")
    if kind == "my":
        return Resolved(f"{int(p['y']):04d}-{lex.month(p['m']):02d}", "month")
    if kind in ("year", "year_range"):
        return Resolved(p["y"], "year")
    if kind == "part":
        return _part(p, lex, base, future)
    if base is None:
        return Resolved(None, _PRECISION.get(kind, "day"), relative=True)
    return _relative(match, lex, base, future)


_PRECISION = {
    "dm": "day",
    "md": "day",
    "month": "month",
    "weekday": "day",
    "deictic": "day",
    "ahead": "week",
    "month_of_year": "month",
    "past": "day",
    "recent": "day",
    "weekend": "day",
    "overnight": "day",
}


def _relative(match: Match, lex: TimeLexicon, base: date, future: bool) -> Resolved:
    p = match.parts
    kind = match.kind
    if kind in ("dm", "md"):
        return Resolved(_month_day(lex.month(p["m"]), int(p["d"]), base, future), "day", relative=True)
    if kind == "month":
        year = _month_year(lex.month(p["m"]), base, p.get("rel"), future)
        return Resolved(f"{year:04d}-{lex.month(p['m']):02d}", "month", relative=True)
    if kind == "weekday":
        day = _weekday(lex.weekdays[p["wd"].lower()], base, p.get("rel"), future)
        return Resolved(day.isoformat(), "day", relative=True)
    if kind == "deictic":
        shift = lex.deictic_days[p["dd"].lower()] if "dd" in p else (-1 if "ln" in p else 0)
        return Resolved((base + timedelta(days=shift)).isoformat(), "day", relative=True)
    if kind == "relative":
        return _this_last_next(p["rel"].lower(), p["unit"].lower(), base)
    if kind == "month_of_year":
        year = base.year + {"last": -1, "this": 0, "next": 1}[p["yrel"].lower()]
        return Resolved(f"{year:04d}-{lex.month(p['m']):02d}", "month", relative=True)
    if kind == "ahead":
        found = _this_last_next("next", p["unit"].lower().rstrip("s"), base)
        return replace(found, approximate=True)
    if kind in ("past", "recent"):
        return _period_to_now(p, lex, base)
    if kind == "weekend":
        return Resolved(_weekend(base, future).isoformat(), "day", approximate=True, relative=True)
    if kind == "overnight":  # the night that ends on the publication day, dated by its evening
        return Resolved((base - timedelta(days=0 if future else 1)).isoformat(), "day", True, True)
    return _ago(p, lex, base)


def _period_to_now(p: dict[str, str], lex: TimeLexicon, base: date) -> Resolved:
    """ "the past two weeks", "the last 48 hours", "recent days": the start of the period that
    ends at publication, as "two weeks ago" would give; "recent" counts as "a few"."""
    unit = p["unit"].lower()
    n = p.get("n") or ("a few" if p.get("rel") is None else "a")
    if unit.startswith("hour"):
        count = count_of(n)
        days = max(1, math.ceil((count[0] if count else 1) / 24))
        return Resolved((base - timedelta(days=days)).isoformat(), "day", count is None or count[1], True)
    found = _ago({"n": n, "unit": unit}, lex, base)
    return replace(found, approximate=found.approximate or p.get("rel") is None)


def _weekend(base: date, future: bool) -> date:
    """The Saturday of "over the weekend": this weekend's when published on one, else the last
    one before publication (the next one in a future-tense clause)."""
    if base.weekday() >= 5:
        return base - timedelta(days=base.weekday() - 5)
    if future:
        return base + timedelta(days=5 - base.weekday())
    return base - timedelta(days=base.weekday() + 2)


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_day(month: int, day: int, base: date, future: bool) -> str | None:
    for year in (base.year, base.year + 1 if future else base.year - 1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if (found >= base) if future else (found <= base):
            return found.isoformat()
    return None


def _month_year(month: int, base: date, rel: str | None, future: bool) -> int:
    rel = (rel or "").lower()
    if rel == "this":
        return base.year
    if rel == "last":
        return base.year if month < base.month else base.year - 1
    if rel == "next" or future:
        strictly_after = rel == "next"
        later = month > base.month or (month == base.month and not strictly_after)
        return base.year if later else base.year + 1
    return base.year if month <= base.month else base.year - 1


def _weekday(weekday: int, base: date, rel: str | None, future: bool) -> date:
    rel = " ".join((rel or "").lower().split())
    back = (base.weekday() - weekday) % 7
    ahead = (weekday - base.weekday()) % 7
    if rel in ("next", "coming", "this coming"):
        return base + timedelta(days=ahead or 7)
    if rel == "last":
        return base - timedelta(days=back or 7)
    return base + timedelta(days=ahead) if future else base - timedelta(days=back)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _shift_month(base: date, months: int) -> str:
    index = base.year * 12 + base.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _this_last_next(rel: str, unit: str, base: date) -> Resolved:
    step = {"last": -1, "this": 0, "next": 1, "coming": 1}[rel]
    if unit == "weekend":  # its Saturday: "last weekend" said on a Monday is two days back
        saturday = _monday(base) + timedelta(weeks=step + 1, days=-2)
        return Resolved(saturday.isoformat(), "day", approximate=True, relative=True)
    if unit == "day":
        return Resolved((base + timedelta(days=step)).isoformat(), "day", relative=True)
    if unit == "week":
        return Resolved((_monday(base) + timedelta(weeks=step)).isoformat(), "week", relative=True)
    if unit == "month":
        return Resolved(_shift_month(base, step), "month", relative=True)
    return Resolved(f"{base.year + step:04d}", "year", relative=True)


def _ago(p: dict[str, str], lex: TimeLexicon, base: date) -> Resolved:
    count = count_of(p["n"])
    if count is None:  # the grammar checked this; kept for the type checker
        return Resolved(None, "day", relative=True)
    n, rough = count
    rough = rough or not n.is_integer()
    unit = lex.period_units[p["unit"].lower()]
    if unit == "day":
        return Resolved((base - timedelta(days=round(n))).isoformat(), "day", rough, True)
    if unit == "week":
        return Resolved(_monday(base - timedelta(days=round(7 * n))).isoformat(), "week", rough, True)
    if unit == "month":
        return Resolved(_shift_month(base, -round(n)), "month", rough, True)
    years = n * (10 if unit == "decade" else 1)
    return Resolved(f"{base.year - math.floor(years + 0.5):04d}", "year", rough or unit == "decade", True)


def _part(p: dict[str, str], lex: TimeLexicon, base: date | None, future: bool) -> Resolved:
    """ "early March", "mid-2023", "the end of 2024": the month or year, approximate."""
    if "m" not in p:
        return Resolved(p["y"], "year", approximate=True)
    month = lex.month(p["m"])
    if "y" in p:
        return Resolved(f"{int(p['y']):04d}-{month:02d}", "month", approximate=True)
    if base is None:
        return Resolved(None, "month", approximate=True, relative=True)
    year = _month_year(month, base, None, future)
    return Resolved(f"{year:04d}-{month:02d}", "month", approximate=True, relative=True)
