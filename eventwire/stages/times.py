"""The ``times`` stage: time expressions of the body, resolved against the publication date.

How expressions are found: the grammar of :mod:`eventwire.stages.times_rules` reads the text
(dateparser's ``search_dates`` takes "we" and "may" for dates, so it is not used to find
them); the spaCy parse confirms bare years and "May", vetoes dates inside names ("the March
23 Movement") and tells a future-tense clause; spaCy DATE entities the grammar misses that
name a month or a year are read by dateparser.

What a record holds (see also :mod:`eventwire.stages.times_resolve`):

- ``text`` covers the whole expression, with the words that change its meaning: an
  approximator ("about 18 months ago") and a boundary ("since mid-January", "until May").
  A time inside an event clause opened by "since", "until" or "till" spans from that word
  ("since Trump took power in January"). Plain "in"/"on" are left out.
- A range ("between March and May", "from 2019 to 2021", "the period of November 2020 to
  November 2022") is one record whose text covers the range and whose value is its start:
  the record has no range-end field, so the end is only in the text. "from" and "between"
  are part of the text; "of" is not.
- Durations without an anchor ("for three years", "for nearly three hours") are not times
  and are skipped: they say how long, not when.
- A time of day joins the date beside it ("about 5 a.m. on Tuesday": value the day, text
  with the clock); see :mod:`eventwire.stages.times_clock` for one elsewhere in the sentence.
- ``relative_to_publication`` is true when the value needed the publication date; without a
  publication date such expressions keep value None.

When the article has no publication date, one is inferred only from explicit evidence in
the text (a "Published on ..." or "Updated: ..." line, a dateline with a year such as
"BAGHDAD, April 7, 2025 (Reuters) -") and marked ``published_inferred``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from dateparser.date import DateDataParser

from eventwire.config import Options
from eventwire.model import Analysis, TimeExpr
from eventwire.pipeline import with_article
from eventwire.stages.times_clock import attach_clocks, find_clocks
from eventwire.stages.times_published import infer_published
from eventwire.stages.times_resolve import Resolved, resolve
from eventwire.stages.times_rules import Match, TimeLexicon, find_matches, load_time_lexicon, prefix_before

# Dates inside these entities are part of a name ("the March 23 Movement", "Resolution 2003").
NAME_LABELS = frozenset({"ORG", "LAW", "PRODUCT", "WORK_OF_ART", "FAC", "CARDINAL", "MONEY", "QUANTITY"})
CLAUSE_MARKS = frozenset({"since", "until", "till"})
_RANGE_GAP = re.compile(r"^\s*(?:(?P<and>and)|to|until|till|through|[-–])\s*$", re.IGNORECASE)
_WEEKDAY_DATE_GAP = re.compile(r"^,?\s+$")


class TimeResolver:
    """Finds and resolves the time expressions of an English article."""

    name = "times"
    requires = frozenset({"doc"})
    provides = frozenset({"times"})

    def __init__(self, options: Options, lexicon: TimeLexicon | None = None) -> None:
        self.options = options
        self.lex = lexicon or load_time_lexicon()

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.doc
        if doc is None:
            return analysis
        analysis = _with_inferred_publication(analysis)
        base = _iso_date(analysis.article.published)
        times = find_times(analysis.article.body, doc, base, self.lex)
        return replace(analysis, times=tuple(times))


def _with_inferred_publication(analysis: Analysis) -> Analysis:
    article = analysis.article
    if article.published is not None:
        return analysis
    found = infer_published(article.body, tuple(r.text for r in article.removed))
    if found is None:
        return analysis
    evidence = article.provenance_evidence + ((found.evidence,) if found.evidence else ())
    return with_article(analysis, published=found.value, published_inferred=True, provenance_evidence=evidence)


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def find_times(body: str, doc: Any, base: date | None, lex: TimeLexicon) -> list[TimeExpr]:
    """Every time expression of ``body`` (parsed as ``doc``), resolved against ``base``."""
    candidates = find_matches(body, lex)
    matches = [m for m in candidates if _accepted(m, body, doc, lex)]
    out: list[TimeExpr] = []
    for start, end, match in _merge_ranges(matches, body):
        meaning = resolve(match, lex, base, _future(doc, match, lex))
        if base is not None and prefix_before(body, start, lex.schedule_cues) is not None:
            meaning = _nearer(meaning, resolve(match, lex, base, True), base)
        start, approx = _widen(body, start, match.kind, lex)
        start = _clause_start(doc, match, start)
        out.append(_record(body, start, end, meaning, approx))
    # what the grammar saw and the parse vetoed stays vetoed: only new ground goes to dateparser
    seen = [(m.start, m.end) for m in candidates] + [(t.start, t.end) for t in out]
    out += _dateparser_fallback(body, doc, base, seen)
    out = _anaphoric_years(body, sorted(out, key=lambda t: t.start))
    return attach_clocks(body, doc, sorted(out, key=lambda t: t.start), find_clocks(body, lex))


def _nearer(past: Resolved, ahead: Resolved, base: date) -> Resolved:
    """ "ahead of the August 17 election": the reading nearer the publication date, since an
    event looked forward to may be days past or months ahead."""
    if past.value is None or ahead.value is None or past.value == ahead.value:
        return past
    return min((past, ahead), key=lambda r: abs((_as_date(str(r.value)) - base).days))


def _as_date(value: str) -> date:
    return date.fromisoformat(value if len(value) == 10 else value[:7] + "-15")


_SAME_YEAR = re.compile(
    r"^,?\s+(?:of\s+)?(?P<w>that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+year\b",
    re.IGNORECASE,
)
_YEAR_SHIFT = {"following": 1, "next": 1, "previous": -1, "preceding": -1}


def _anaphoric_years(body: str, times: list[TimeExpr]) -> list[TimeExpr]:
    """ "in June 2022 ... on bail since October that year": the year of the last date that
    names one, not the publication's."""
    out: list[TimeExpr] = []
    for t in times:
        m = _SAME_YEAR.match(body[t.end : t.end + 40])
        named = [u for u in out if not u.relative_to_publication and u.value and len(u.value) >= 4]
        if m and t.relative_to_publication and t.value and len(t.value) > 4 and named:
            shift = _YEAR_SHIFT.get(m.group("w").split()[-1].lower(), 0)
            year = int(str(named[-1].value)[:4]) + shift
            end = t.end + m.end()
            value = f"{year:04d}{t.value[4:]}"
            t = replace(t, text=body[t.start : end], end=end, value=value, relative_to_publication=False)
        out.append(t)
    return out


def _record(body: str, start: int, end: int, meaning: Resolved, approx: bool) -> TimeExpr:
    return TimeExpr(
        text=body[start:end],
        start=start,
        end=end,
        value=meaning.value,
        precision=meaning.precision,
        approximate=meaning.approximate or approx,
        relative_to_publication=meaning.relative,
    )


def _tokens(doc: Any, match: Match) -> Any:
    return doc.char_span(match.start, match.end, alignment_mode="expand")


def _accepted(match: Match, body: str, doc: Any, lex: TimeLexicon) -> bool:
    """The parse's veto: names, counts that look like years, "May" the verb."""
    span = _tokens(doc, match)
    if span is None:
        return False
    for ent in doc.ents:
        overlaps = ent.start < span.end and span.start < ent.end and ent.label_ in NAME_LABELS
        # a CARDINAL vetoes only a bare year ("2000 fighters"); "Between 20 to 30" comes as DATE
        if overlaps and (ent.label_ != "CARDINAL" or match.kind in ("year", "year_range")):
            return False
    if _names_something(span, doc):
        return False
    if match.kind in ("year", "year_range"):
        return _is_year(match, span, body, doc, lex)
    return True


def _names_something(span: Any, doc: Any) -> bool:
    """A date or year that is part of a name: "the March 14 Alliance", "Resolution 2003"."""
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() and span.root.head == after:
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    return (
        before is not None
        and span.root.like_num
        and before.pos_ in ("PROPN", "NOUN")
        and before.text[:1].isupper()
        and before.ent_type_ != "DATE"
    )


def _is_year(match: Match, span: Any, body: str, doc: Any, lex: TimeLexicon) -> bool:
    root = span.root
    # "2000 fighters" counts the noun after it; "a 2008 raid" and "the 2020 elections" are years
    before = doc[span.start - 1] if span.start > 0 else None
    determined = before is not None and (before.lower_ in ("the", "its", "their", "his", "her") or before.tag_ == "POS")
    if root.dep_ == "nummod" and root.head.i > root.i and root.head.tag_ == "NNS" and not determined:
        return False
    if any(e.label_ == "DATE" and e.start <= span.start and span.end <= e.end for e in doc.ents):
        return True
    return prefix_before(body, match.start, tuple(lex.year_cues)) is not None


def _future(doc: Any, match: Match, lex: TimeLexicon) -> bool:
    """True when the clause the expression belongs to looks ahead: the future tense ("will
    meet"), or an infinitive under a verb of planning or commitment ("agreed to release the
    prisoners by the end of April", "ready to host talks in May")."""
    span = _tokens(doc, match)
    token = span.root if span is not None else None
    path = []
    # Token objects are made anew on each access: compare indices, never identity
    while token is not None and token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        path.append(token.lower_)
        token = token.head
    if token is None or token.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    # "would leave by July" looks ahead from the report; "would have met in May" looks back
    if auxiliaries & lex.future_auxiliaries and not auxiliaries & {"have", "'ve", "’ve"}:
        return True
    if token.lemma_.lower() in lex.future_heads and _DEADLINE_PREPOSITIONS.intersection(path):
        return True  # "committing both sides to a final deal by the end of August"
    # an infinitive under a verb of commitment, also through a chain of infinitives ("commits
    # the rebels to withdraw ... and the army to release prisoners by April")
    while "to" in auxiliaries and token.head.i != token.i:
        token = token.head
        if token.lemma_.lower() in lex.future_heads:
            return True
        auxiliaries = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    return False


# Prepositions between a verb of commitment and a time that make the time its deadline.
_DEADLINE_PREPOSITIONS = frozenset({"to", "by"})


# Before a date (not a count of units ago), "about" and "over" are rarely approximators.
DATE_APPROXIMATORS = ("around", "circa", "approximately", "roughly")


def _widen(body: str, start: int, kind: str, lex: TimeLexicon) -> tuple[int, bool]:
    """Take in an approximator ("about") and a boundary word ("since") before the expression."""
    approximators = lex.approximators if kind == "ago" else DATE_APPROXIMATORS
    approx = False
    for _ in range(2):
        at = prefix_before(body, start, approximators)
        if at is not None:
            start, approx = at, True
            continue
        at = prefix_before(body, start, lex.boundaries)
        if at is not None:
            start = at
    return start, approx


def _clause_start(doc: Any, match: Match, start: int) -> int:
    """Start of "since Trump took power in January": the clause's "since" when the time is in it."""
    span = _tokens(doc, match)
    if span is None:
        return start
    for token in span.root.ancestors:
        if token.pos_ in ("VERB", "AUX"):
            marks = [c for c in token.children if c.dep_ == "mark" and c.text.lower() in CLAUSE_MARKS]
            if marks and marks[0].idx < start and marks[0].sent == span.sent:
                return min(start, marks[0].idx)
            return start
    return start


def _merge_ranges(matches: list[Match], body: str) -> list[tuple[int, int, Match]]:
    """Join "between A and B" / "from A to B" into one item; a weekday before a date joins it."""
    out: list[tuple[int, int, Match]] = []
    i = 0
    while i < len(matches):
        m = matches[i]
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        if nxt is not None:
            gap = body[m.end : nxt.start]
            if m.kind == "weekday" and nxt.kind in ("md", "dm", "mdy", "dmy") and _WEEKDAY_DATE_GAP.match(gap):
                out.append((m.start, nxt.end, nxt))
                i += 2
                continue
            ranged = _RANGE_GAP.match(gap)
            opener = prefix_before(body, m.start, ("between",) if ranged and ranged.group("and") else ("from",))
            # "the period of November 2020 to November 2022": "of" opens a range too
            of = ranged is not None and not ranged.group("and") and prefix_before(body, m.start, ("of",)) is not None
            if ranged and (opener is not None or of or (m.kind == "year" and nxt.kind == "year")):
                out.append((opener if opener is not None else m.start, nxt.end, _with_year_of(m, nxt)))
                i += 2
                continue
        out.append((m.start, m.end, m))
        i += 1
    return out


def _with_year_of(first: Match, last: Match) -> Match:
    """ "between March and May 2024": the start takes the year the end states."""
    year = last.parts.get("y")
    if year is None or "y" in first.parts:
        return first
    kinds = {"month": "my", "md": "mdy", "dm": "dmy", "part": "part"}
    if first.kind not in kinds:
        return first
    return replace(first, kind=kinds[first.kind], parts={**first.parts, "y": year})


def _dateparser_fallback(body: str, doc: Any, base: date | None, taken: list[tuple[int, int]]) -> list[TimeExpr]:
    """spaCy DATE entities the grammar missed, read by dateparser when they name a month or year."""
    if base is None:
        return []
    parser = _parser(base)
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        if not _NAMES_A_DATE.search(ent.text):
            continue
        data = parser.get_date_data(ent.text)
        if data.date_obj is None or data.period not in ("day", "month", "year"):
            continue
        width = {"day": 10, "month": 7, "year": 4}[data.period]
        value = data.date_obj.date().isoformat()[:width]
        meaning = Resolved(value, data.period, relative=not re.search(r"\b\d{4}\b", ent.text))
        out.append(_record(body, ent.start_char, ent.end_char, meaning, False))
    return out


_NAMES_A_DATE = re.compile(
    r"\b(?:1[6-9]|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b"
)


def _parser(base: date) -> DateDataParser:
    settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": "past"}
    return DateDataParser(languages=["en"], settings=settings)
