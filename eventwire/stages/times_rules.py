"""The grammar of English time expressions: which stretches of text name a time.

Each pattern finds one kind of expression ("iso", "dmy", "ago", "part" ...) and keeps its
parts as named groups; :mod:`eventwire.stages.times_resolve` turns the parts into an ISO
value. The words come from ``eventwire/data/lexicons/time_expressions.json``.

What the grammar leaves out on purpose: durations without an anchor ("for three years"),
times of day, plural weekdays ("on Tuesdays": a habit, not a date), decades ("the 1990s"), and
month abbreviations without a day or year ("Mar" alone). "The coming weeks" is kept: it names
the period that starts after publication (value: the next week, approximate). So are the
periods that end at publication ("the past two weeks", "the last 48 hours", "in recent days":
value their start, as "two weeks ago" would give), "over the weekend" (its Saturday) and
"overnight" (the night before publication), all of which a reader dates by the publication.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.stages.number_words import LEXICONS, load_numbers, parse_number

TIME_FILE = LEXICONS / "time_expressions.json"

# Cues before a bare month name that make "May" a month rather than the modal verb.
_MAY_CUES = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|from|between|through|early|mid|late|last|next|this|and|to|or|before|after|"
    r"during|throughout|end|beginning|start|middle)[\s-]+)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TimeLexicon:
    """The words of English time expressions."""

    months: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    deictic_days: dict[str, int]
    day_parts: tuple[str, ...]
    period_units: dict[str, str]
    part_of_period: dict[str, str]
    approximators: tuple[str, ...]
    boundaries: tuple[str, ...]
    year_cues: frozenset[str]
    future_auxiliaries: frozenset[str]
    future_heads: frozenset[str] = frozenset()
    clock_words: dict[str, int] = field(default_factory=dict)
    clock_qualifiers: tuple[str, ...] = ()
    schedule_cues: tuple[str, ...] = ()

    def month(self, word: str) -> int:
        """The month number of a full or abbreviated month name ("Sept." -> 9)."""
        low = word.lower().rstrip(".")
        return self.months.get(low) or self.month_abbreviations[low]


def load_time_lexicon(path: Path | str | None = None) -> TimeLexicon:
    """The time words in ``path`` (default: the packaged ``time_expressions.json``)."""
    if path is None:
        return _packaged()
    return _parse(json.loads(Path(path).read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def _packaged() -> TimeLexicon:
    return _parse(json.loads(TIME_FILE.read_text(encoding="utf-8")))


def _parse(raw: dict[str, Any]) -> TimeLexicon:
    return TimeLexicon(
        months=dict(raw["months"]),
        month_abbreviations=dict(raw["month_abbreviations"]),
        weekdays=dict(raw["weekdays"]),
        deictic_days=dict(raw["deictic_days"]),
        day_parts=tuple(raw["day_parts"]),
        period_units=dict(raw["period_units"]),
        part_of_period={k: v for k, v in raw["part_of_period"].items() if not k.startswith("_")},
        approximators=tuple(raw["approximators"]),
        boundaries=tuple(raw["boundaries"]["words"]),
        year_cues=frozenset(raw["year_cues"]["words"]),
        future_auxiliaries=frozenset(raw["future_auxiliaries"]),
        future_heads=frozenset(raw.get("future_heads", {}).get("words", ())),
        clock_words={k: v for k, v in raw.get("clock_words", {}).items() if not k.startswith("_")},
        clock_qualifiers=tuple(raw.get("clock_qualifiers", {}).get("words", ())),
        schedule_cues=tuple(raw.get("schedule_cues", {}).get("words", ())),
    )


@dataclass(frozen=True)
class Match:
    """One stretch of text the grammar recognised, with its kind and named parts."""

    start: int
    end: int
    kind: str
    parts: dict[str, str]


def _alt(words: object) -> str:
    """A regex alternation of ``words``, longest first so "the end of" beats "the"."""
    items = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


Grammar = tuple[tuple[str, re.Pattern[str]], ...]
# id(lexicon) -> (lexicon, grammar): lexicons hold dicts, so they cannot be cache keys;
# keeping the lexicon in the value keeps its id from being reused.
_GRAMMARS: dict[int, tuple[TimeLexicon, Grammar]] = {}


def grammar(lex: TimeLexicon) -> Grammar:
    """The patterns of every kind of expression, in order of preference for equal spans."""
    if id(lex) not in _GRAMMARS:
        _GRAMMARS[id(lex)] = (lex, _compile(lex))
    return _GRAMMARS[id(lex)][1]


def _compile(lex: TimeLexicon) -> Grammar:
    full = _alt(lex.months)
    abbr = _alt(lex.month_abbreviations) + r"\.?"
    any_month = rf"(?P<m>{full}|{abbr})"
    full_month = rf"(?P<m>{full})"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<y>(?:1[6-9]|20)\d\d)"
    bare_year = year.replace("?P<y>", "?P<yy>")
    weekday = _alt(lex.weekdays)
    part = _alt([p for p in lex.part_of_period if " " in p])
    unit = _alt(lex.period_units)
    few = r"a\s+few|a\s+couple\s+of|several|an?|\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?"
    day_part = _alt(lex.day_parts)
    patterns = {
        "iso": rf"\b{year}-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b",
        "dmy": rf"\b{day}\s+(?:of\s+)?{any_month},?\s+{year}\b",
        "mdy": rf"\b{any_month}\s+{day},?\s+{year}\b",
        "my": rf"\b{any_month},?\s+(?:of\s+)?{year}\b",
        "dm": rf"\b{day}\s+(?:of\s+)?{any_month}(?![\w-])",
        "md": rf"\b{any_month}(?:\s+|(?<=\.))\s*{day}\b(?![:.,]?\d)",
        # "in August next year", "in March of last year": a month of a year named by its distance
        "month_of_year": rf"\b{full_month}\s+(?:of\s+)?(?P<yrel>next|last|this)\s+year\b",
        "part": rf"\b(?P<part>{part}|early|mid|late)[\s-]+(?:{full_month}(?:,?\s+{year})?|{bare_year})\b",
        "month": rf"\b(?:(?P<rel>last|next|this)\s+)?{full_month}\b",
        "year_range": rf"\b{year}\s?[-–]\s?(?P<y2>\d\d(?:\d\d)?)\b",
        "year": rf"\b{year}\b(?!-\d|\s?%)",
        "weekday": rf"\b(?:(?P<rel>last|this\s+coming|coming|next|this)\s+)?(?P<wd>{weekday})\b"
        rf"(?:\s+(?P<dp>{day_part}))?",
        "deictic": rf"\b(?:(?P<dd>{_alt(lex.deictic_days)})(?:\s+(?P<dp>{day_part}))?|(?P<ln>last\s+night)"
        rf"|this\s+(?P<tp>{_alt(('morning', 'afternoon', 'evening'))}))\b",
        "relative": r"\b(?P<rel>last|this|next|coming)\s+(?P<unit>week|month|year|weekend)\b",
        # "in the coming weeks", "over the next few months": the period that starts after publication
        "ahead": r"\bthe\s+(?P<rel>coming|next)\s+(?:few\s+|several\s+)?"
        r"(?P<unit>days|weeks|months|years)\b",
        "ago": rf"\b(?P<n>{few})\s+(?P<unit>{unit})\s+ago\b",
        # "the past two weeks", "the last 48 hours": the period that ends at publication
        "past": rf"\bthe\s+(?P<rel>past|last)\s+(?:(?P<n>{few}|few|couple\s+of)\s+)?(?P<unit>{unit}|hours?)\b"
        r"(?!\s+of\b|-)",
        "recent": r"\brecent\s+(?P<unit>days|weeks|months|years)\b",
        "weekend": r"\bthe\s+weekend\b(?!\s+(?:of|before|after)\b|['’-])",
        "overnight": r"(?<![\w-])overnight\b(?!-)",
    }
    return tuple((kind, re.compile(p, re.IGNORECASE)) for kind, p in patterns.items())


def find_matches(text: str, lex: TimeLexicon | None = None) -> list[Match]:
    """Every time expression of the grammar in ``text``, longest first where they overlap."""
    lex = lex or load_time_lexicon()
    found: list[tuple[int, int, int, Match]] = []
    for rank, (kind, pattern) in enumerate(grammar(lex)):
        for m in pattern.finditer(text):
            # "yy" is the year of "mid-2023", named apart from the year of "mid-March 2023"
            parts = {k.replace("yy", "y"): v for k, v in m.groupdict().items() if v is not None}
            match = Match(m.start(), m.end(), kind, parts)
            if _plausible(match, text, lex):
                found.append((m.start(), -(m.end() - m.start()), rank, match))
    chosen: list[Match] = []
    for _, _, _, match in sorted(found, key=lambda f: f[:3]):
        if not chosen or match.start >= chosen[-1].end:
            chosen.append(match)
    return chosen


def _plausible(match: Match, text: str, lex: TimeLexicon) -> bool:
    """Checks a regex cannot express: capitals, real days, "May" the verb, years as counts."""
    month = match.parts.get("m")
    if month is not None and not month[0].isupper():
        return False
    if month is not None and match.kind == "month" and not _month_alone_ok(match, month, text):
        return False
    day = match.parts.get("d")
    if day is not None and not 1 <= int(day) <= 31:
        return False
    if match.kind == "iso" and not 1 <= int(match.parts["mo"]) <= 12:
        return False
    wd = match.parts.get("wd")
    if wd is not None and not wd[0].isupper():
        return False
    if match.kind == "year_range":
        return _year_range_ok(match)
    if match.kind == "ago":
        return count_of(match.parts["n"]) is not None
    if match.kind == "relative" and _final_one(match, text):
        return False
    if match.kind == "past":
        return _past_ok(match)
    if match.kind == "weekend":
        return bool(_WEEKEND_BEFORE.search(text[max(0, match.start - 12) : match.start]))
    if match.kind == "overnight":
        return _overnight_ok(match, text, lex)
    return True


# "over the weekend", "at the weekend": the weekend as a time, not "the weekend edition"
_WEEKEND_BEFORE = re.compile(r"\b(?:over|at|during|on|through|throughout|across)\s+$", re.IGNORECASE)
# "almost overnight" means suddenly; "overnight curfew" is a kind of curfew, not a date
_OVERNIGHT_BEFORE = re.compile(r"\b(?:almost|virtually|nearly|literally|practically|seemingly|all\s+but)\s+$", re.I)
_OVERNIGHT_AFTER = re.compile(
    r"^(?:\s*(?:[,.;:!?)\]”\"]|$)|\s+(?:on|in|into|to|from|at|and|as|after|before|while|when|near|across|around|"
    r"but|with|by|outside|inside|along|amid|despite|following|until|local|the|a|an|in)\b)",
    re.IGNORECASE,
)


def _final_one(match: Match, text: str) -> bool:
    """ "the last week of the talks" is the final week of something, not the week before."""
    before = text[max(0, match.start - 4) : match.start].lower()
    return (
        match.parts["rel"].lower() == "last"
        and before.endswith("the ")
        and bool(re.match(r"\s+of\b", text[match.end : match.end + 4]))
    )


def _past_ok(match: Match) -> bool:
    """ "The last week" alone is often the final one ("the last week of the talks"): a period
    ending now needs "past" or a count ("the last two weeks")."""
    n = match.parts.get("n")
    if n is None:
        return match.parts["rel"].lower() == "past" and not match.parts["unit"].lower().endswith("s")
    return count_of(n) is not None and match.parts["unit"].lower().endswith("s") != (n.lower() in ("a", "an"))


def _overnight_ok(match: Match, text: str, lex: TimeLexicon) -> bool:
    after = text[match.end : match.end + 30]
    if _OVERNIGHT_BEFORE.search(text[max(0, match.start - 20) : match.start]) or not _OVERNIGHT_AFTER.match(after):
        return False
    # "overnight into Tuesday", "overnight on Sunday": the day named is the date
    days = _alt([*lex.weekdays, *lex.deictic_days])
    return not re.match(rf"\s+(?:(?:into|on|to)\s+)?{days}\b", after, re.IGNORECASE)


def count_of(word: str) -> tuple[float, bool] | None:
    """The count before a unit in "N units ago", and whether it is only a rough guess."""
    low = re.sub(r"\s+", " ", word.lower())
    if low == "couple of":
        low = "a couple of"
    if low in ("a", "an"):
        return 1.0, False
    numbers = load_numbers()
    if low in numbers.few:
        return float(numbers.few[low]), True
    value = parse_number(low, numbers)
    return (float(value), False) if value is not None else None


def _month_alone_ok(match: Match, month: str, text: str) -> bool:
    # "May" and "March" are also a verb and a noun; alone they need a cue before them.
    if month.lower() not in ("may", "march") or match.parts.get("rel"):
        return True
    return bool(_MAY_CUES.search(text[max(0, match.start - 30) : match.start]))


def _year_range_ok(match: Match) -> bool:
    first, second = match.parts["y"], match.parts["y2"]
    end = int(first[:2] + second) if len(second) == 2 else int(second)
    return int(first) < end <= int(first) + 100


def prefix_before(text: str, start: int, words: tuple[str, ...]) -> int | None:
    """Where one of ``words`` begins if it ends right before ``start`` (with a space), else None."""
    head = text[max(0, start - 40) : start]
    m = re.search(rf"(?<![\w-]){_alt(words)}\s+$", head, re.IGNORECASE)
    return start - len(head) + m.start() if m else None
