"""The ``quantities`` stage: numbers with the noun they count ("about 50,000 fighters").

A quantity is found from the parse, not from the digits alone: a number (digits, words,
"2.5 billion", "dozens of") is kept when it counts a noun (its ``nummod`` head, or the object
of "of" after "dozens"), or is money ("$2.5 billion", unit "USD") or a percentage (unit
"percent"), or counts casualties without a noun ("12 dead").

Conventions:

- ``text`` spans the bound or approximator, the number and the unit noun, with the
  adjectives between ("about 10 Shiite-line armed factions").
- ``approximate`` for "about", "nearly", "some" ... and for counting words ("dozens of"),
  which have value None and the least they can mean as ``low`` (dozens -> 24).
- Bounds: "at least 12" / "more than 1,000" -> ``low``; "up to 30" / "nearly 3 million" ->
  ``high``; the value stays the stated figure.
- Ranges ("20 to 30 personnel", "between 20 and 30") have ``low`` and ``high`` and value None.
- ``category`` is a casualty category (killed, injured, arrested, displaced, missing,
  kidnapped) when the clause says so ("12 people were killed", "killing 12 people").
- Not quantities: years, dates, durations and ages ("three years", "a 45-year-old"),
  counts that describe a noun through a hyphen ("the 27-nation bloc", "a 12-member delegation";
  a unit of measure still counts: "a 1,250-km border"),
  times of day, ordinals, numbers inside names ("G20", "Resolution 2254"), phone numbers,
  "one" unless it counts casualties, and a definite re-mention of a quantity already listed
  ("the six commanders" after "six local commanders").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from eventwire.config import Options
from eventwire.model import Analysis, Quantity
from eventwire.stages.number_words import NumberWords, load_numbers
from eventwire.stages.quantities_parts import Number, find_numbers
from eventwire.stages.quantities_rules import UnitLexicon, load_units, looks_like_phone, words_before
from eventwire.stages.times_rules import load_time_lexicon

# A number inside one of these entities is part of a name or a date, not a count.
NAME_LABELS = frozenset({"ORG", "LAW", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "PERSON", "GPE", "TIME"})
DEFINITE = frozenset({"the", "these", "those", "all", "both"})
_TIME_WORDS = load_time_lexicon()
_CALENDAR = frozenset(_TIME_WORDS.months) | frozenset(_TIME_WORDS.month_abbreviations) | frozenset(_TIME_WORDS.weekdays)


@dataclass(frozen=True)
class Unit:
    """What a number counts: the unit's text, where the quantity's span ends, its token."""

    name: str | None
    end: int
    token: Any = None
    start: int | None = None  # set when a currency symbol before the number opens the span
    measure: bool = False  # money or a percentage, which need no noun


class QuantityFinder:
    """Finds counts, sums of money and percentages in an English article."""

    name = "quantities"
    requires = frozenset({"doc"})
    provides = frozenset({"quantities"})

    def __init__(self, options: Options, units: UnitLexicon | None = None, numbers: NumberWords | None = None) -> None:
        self.options = options
        self.units = units or load_units()
        self.numbers = numbers or load_numbers()

    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.doc is None:
            return analysis
        found = find_quantities(analysis.article.body, analysis.doc, self.units, self.numbers)
        return replace(analysis, quantities=tuple(found))


def find_quantities(body: str, doc: Any, units: UnitLexicon, numbers: NumberWords) -> list[Quantity]:
    """Every quantity of ``body`` (parsed as ``doc``)."""
    out: list[Quantity] = []
    seen: set[tuple[object, str | None]] = set()
    for number in find_numbers(doc, numbers):
        if _not_a_count(number, body, doc, units):
            continue
        unit = _unit(number, doc, units)
        if unit is None:
            continue
        category = _category(number, unit, doc, units)
        if number.words == "one" and category is None and not unit.measure:
            continue  # "one" is mostly a determiner ("one commander said")
        if unit.name is None and category is None:
            continue
        key = (number.value if number.value is not None else number.low, unit.name)
        if key in seen and _definite(number, doc):
            continue  # "the six commanders" after "six local commanders": the same six
        seen.add(key)
        out.append(_record(body, number, unit, category, units))
    return out


def _record(body: str, number: Number, unit: Unit, category: str | None, units: UnitLexicon) -> Quantity:
    start = unit.start if unit.start is not None else number.start
    value, low, high = number.value, number.low, number.high
    approximate = number.vague
    for _ in range(2):  # "at least about 12" is rare; "some 12" and "at least 12" are not
        at = words_before(body, start, units.approximate)
        if at is not None:
            start, approximate = at, True
        bound_low = words_before(body, start, units.lower_bound)
        bound_high = words_before(body, start, units.upper_bound)
        if bound_low is not None and value is not None:
            start, low = bound_low, value
        elif bound_high is not None and value is not None:
            start, high = bound_high, value
    return Quantity(
        text=body[start : unit.end],
        start=start,
        end=unit.end,
        value=value,
        unit=unit.name,
        approximate=approximate,
        low=low,
        high=high,
        category=category,
    )


def _not_a_count(number: Number, body: str, doc: Any, units: UnitLexicon) -> bool:
    """Years, times of day, ordinals, numbers in names and phone numbers."""
    first, last = doc[number.first], doc[number.last]
    for token in doc[number.first : number.last + 1]:
        if token.ent_type_ in NAME_LABELS or token.ent_type_ == "ORDINAL":
            return True
    if looks_like_phone(body, first.idx, last.idx + len(last)):
        return True
    if ":" in last.text or _is_year(number, doc, units):
        return True
    after = doc[number.last + 1] if number.last + 1 < len(doc) else None
    if after is not None and after.lower_ in units.clock_words:
        return True  # "at 2200 GMT", "6 p.m."
    before = doc[number.first - 1] if number.first > 0 else None
    if before is not None and before.lower_ in units.age_cues:
        return True
    # "Resolution 2254", "Flight 17": a capitalised noun the number labels
    return (
        before is not None
        and before.pos_ in ("PROPN", "NOUN")
        and before.text[:1].isupper()
        and last.head == before
        and before.ent_type_ not in ("NORP", "CARDINAL", "MONEY")
    )


def _is_year(number: Number, doc: Any, units: UnitLexicon) -> bool:
    token = doc[number.first]
    if number.first != number.last or not (token.text.isdigit() and len(token.text) == 4):
        return False
    if not 1600 <= int(token.text) <= 2099:
        return False
    head = token.head
    before = doc[number.first - 1] if number.first > 0 else None
    if before is not None and (before.lower_ in ("the", "its", "their", "his", "her") or before.tag_ == "POS"):
        return True  # "the 2020 elections": counts written with four bare digits rarely take "the"
    counts_noun = token.dep_ == "nummod" and head.i > token.i and head.pos_ == "NOUN" and head.tag_ == "NNS"
    return not (counts_noun and head.lemma_.lower() not in units.time_units)


def _unit(number: Number, doc: Any, units: UnitLexicon) -> Unit | None:
    """What the number counts; None when it is not a quantity at all (a duration, an age)."""
    after = doc[number.last + 1] if number.last + 1 < len(doc) else None
    before = doc[number.first - 1] if number.first > 0 else None
    if before is not None and before.text.lower() in units.currency_symbols:
        code = units.currency_symbols[before.text.lower()]
        return Unit(code, _end(doc[number.last]), start=min(before.idx, number.start), measure=True)
    if after is not None:
        percent = _percent(number, doc, units)
        if percent is not None:
            return percent
        currency = _currency_after(number, doc, units)
        if currency is not None:
            return currency
    if _describes(number, doc, units):
        return None  # "the 27-nation bloc": one bloc, not 27 of anything
    noun = _counted_noun(number, doc)
    if noun is None:
        if after is not None and after.tag_ in ("JJ", "VBN", "VBD", "VBG") and units.category_of(after):
            return Unit(None, _end(after), after)  # "12 dead", "30 wounded", "7 missing"
        return Unit(None, _end(doc[number.last]))
    if (
        noun.lemma_.lower() in units.time_units
        or noun.lower_ in units.time_units
        or noun.lower_.rstrip(".") in _CALENDAR
    ):
        return None  # "three years", "a 45-year-old", "3 March": durations, ages and dates
    if noun.lower_ in units.not_units or noun.pos_ == "PRON":
        return Unit(None, _end(noun) if noun.i > number.last else _end(doc[number.last]), noun)
    name = noun.text if noun.pos_ == "PROPN" else noun.lower_
    return Unit(name, _end(noun), noun)


def _describes(number: Number, doc: Any, units: UnitLexicon) -> bool:
    """A number hyphened to a noun that is no unit of measure, before another noun: "the
    27-nation bloc", "a 15-member commission" describe one thing; "a 1,250-km border" measures it."""
    if number.last + 3 >= len(doc):
        return False
    last, dash, word, after = doc[number.last : number.last + 4]
    joined = dash.text == "-" and dash.idx == _end(last) and word.idx == _end(dash)
    if not joined or word.pos_ != "NOUN" or word.tag_ != "NN":
        return False
    if word.lower_ in units.measure_units or word.lemma_.lower() in units.measure_units:
        return False
    return after.pos_ in ("NOUN", "PROPN", "ADJ") and word.head.i > word.i


def _currency_after(number: Number, doc: Any, units: UnitLexicon) -> Unit | None:
    """A currency named after the number, longest first: "Egyptian pounds" is not sterling,
    "CFA francs" not Swiss francs."""
    for width in (3, 2, 1):
        stop = number.last + 1 + width
        if stop <= len(doc):
            words = " ".join(t.lower_ for t in doc[number.last + 1 : stop])
            if words in units.currency_words:
                return Unit(units.currency_words[words], _end(doc[stop - 1]), doc[stop - 1], measure=True)
    return None


def _percent(number: Number, doc: Any, units: UnitLexicon) -> Unit | None:
    for width in (2, 1):
        stop = number.last + 1 + width
        if stop <= len(doc):
            words = " ".join(t.lower_ for t in doc[number.last + 1 : stop])
            if words in units.percent_words:
                return Unit("percent", _end(doc[stop - 1]), measure=True)
    return None


def _end(token: Any) -> int:
    return int(token.idx + len(token.text))


def _counted_noun(number: Number, doc: Any) -> Any:
    """The head noun the number counts: "10 senior commanders", "dozens of ... attacks"."""
    last = doc[number.last]
    after = doc[number.last + 1] if number.last + 1 < len(doc) else None
    if after is not None and after.lower_ == "of":
        objects = [c for c in after.children if c.dep_ == "pobj"]
        if objects and objects[0].pos_ in ("NOUN", "PROPN", "PRON"):
            return objects[0]
        return None
    for token in (last, *(doc[number.first : number.last])):
        head = token.head
        if token.dep_ in ("nummod", "quantmod", "compound") and head.i > number.last and head.pos_ in ("NOUN", "PROPN"):
            # the head of a compound ("drone attacks") is the counted noun, not the modifier
            while (
                head.dep_ == "compound" and head.tag_ in ("NN", "NNP") and not head.ent_type_ and head.head.i > head.i
            ):
                head = head.head
            return _plural_before(doc, number.last, head)
    return None


def _plural_before(doc: Any, last: int, head: Any) -> Any:
    """ "350 Syrians work": a count above one names a plural noun, so a singular head past a
    plural one is a parse slip, and the plural noun is the one counted."""
    if head.tag_ not in ("NN", "NNP"):
        return head
    plurals = [t for t in doc[last + 1 : head.i] if t.tag_ in ("NNS", "NNPS")]
    return plurals[0] if plurals else head


def _category(number: Number, unit: Unit, doc: Any, units: UnitLexicon) -> str | None:
    """Casualty category of the counted people: from the noun, its verb, or its modifiers."""
    if unit.measure:
        return None
    # the noun ("12 people were killed") or, in "dozens of civilians went missing", the number
    for token in (unit.token, number.head_token, doc[number.first]):
        if token is None:
            continue
        found = units.category_of(token)
        if found is not None:
            return found
        for child in token.children:
            if child.dep_ in ("acl", "amod", "relcl") and units.category_of(child):
                return units.category_of(child)
        found = _verb_category(token, units)
        if found is not None:
            return found
    return None


def _verb_category(token: Any, units: UnitLexicon) -> str | None:
    """ "12 people were killed", "killing 12 people", "30 wounded", "went missing"."""
    verb = token.head
    if verb.pos_ not in ("VERB", "AUX", "ADJ") or verb.i == token.i:
        return None
    for child in verb.children:
        if child.dep_ in ("acomp", "oprd") and units.category_of(child):
            return units.category_of(child)
    category = units.category_of(verb)
    if category is None:
        return None
    if token.dep_ in ("nsubjpass", "dobj", "conj", "appos", "attr"):
        return category
    passive = verb.tag_ == "VBN" and not any(c.lemma_ == "have" for c in verb.children)
    suffered = verb.lemma_ in units.casualty_subject_verbs or verb.lower_ in units.casualty_subject_verbs
    if token.dep_ == "nsubj" and (passive or suffered or verb.pos_ == "ADJ"):
        return category
    return None


def _definite(number: Number, doc: Any) -> bool:
    before = doc[number.first - 1] if number.first > 0 else None
    return before is not None and before.lower_ in DEFINITE
