"""The ``quantities`` stage: numbers with the noun they count, money, percentages, casualties.

Hand-written sentences, long enough for the language detector to call them English.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.model import Quantity
from eventwire.stages.number_words import load_numbers, parse_number
from eventwire.stages.quantities_rules import load_units
from tests.conftest import analyse

STAGES = ("clean", "language", "parse", "quantities")


def quantities_of(text: str) -> list[Quantity]:
    return list(analyse(text, stages=STAGES).quantities)


def only(text: str) -> Quantity:
    found = quantities_of(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "approximate"),
    [
        ("The alliance can count on about 50,000 fighters in the region.", "about 50,000 fighters", 50000,
         "fighters", True),
        ("The plan was confirmed by 10 senior commanders in the capital.", "10 senior commanders", 10,
         "commanders", False),
        ("The talks included six local commanders from the south of the country.", "six local commanders", 6,
         "commanders", False),
        ("The deal was signed by four major militias after long talks.", "four major militias", 4, "militias",
         False),
        ("The umbrella group brings together about 10 Shiite-line armed factions in the country.",
         "about 10 Shiite-line armed factions", 10, "factions", True),
        ("The war displaced nearly 3 million refugees across the region.", "nearly 3 million refugees", 3000000,
         "refugees", True),
        ("The reconstruction of the city will cost $2.5 billion over ten years.", "$2.5 billion", 2500000000,
         "USD", False),
        ("The bank lost €300 million in the crisis, the ministry said.", "€300 million", 300000000, "EUR", False),
        ("Turnout in the northern provinces fell to 15% this spring.", "15%", 15, "percent", False),
        ("Twenty-five students were missing from the school after the raid.", "Twenty-five students", 25,
         "students", False),
    ],
)  # fmt: skip
def test_quantities_finds_number_and_unit_noun(
    sentence: str, text: str, value: int, unit: str, approximate: bool
) -> None:
    found = only(sentence)
    assert (found.text, found.value, found.unit, found.approximate) == (text, value, unit, approximate)


@pytest.mark.parametrize(
    ("sentence", "text", "unit", "low"),
    [
        ("The group claimed dozens of missile and drone attacks against the bases.",
         "dozens of missile and drone attacks", "attacks", 24),
        ("Hundreds of families fled the fighting in the north of the country.", "Hundreds of families", "families",
         200),
        ("Thousands of protesters marched through the capital on Friday.", "Thousands of protesters",
         "protesters", 2000),
        ("Scores of villages were burned during the offensive in the east.", "Scores of villages", "villages", 40),
        ("Tens of thousands of soldiers crossed the border during the night.", "Tens of thousands of soldiers",
         "soldiers", 20000),
    ],
)  # fmt: skip
def test_quantities_counting_words_have_no_value_and_a_lower_bound(
    sentence: str, text: str, unit: str, low: int
) -> None:
    found = only(sentence)
    assert (found.text, found.value, found.unit, found.approximate, found.low) == (text, None, unit, True, low)


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high"),
    [
        ("Police said 20 to 30 personnel had been deployed to the border crossing.", "20 to 30 personnel", 20, 30),
        ("Officials said between 20 and 30 personnel were deployed at the border.",
         "between 20 and 30 personnel", 20, 30),
        ("Officials said 20-30 personnel were deployed along the border with Syria.", "20-30 personnel", 20, 30),
    ],
)  # fmt: skip
def test_quantities_range_has_bounds_and_no_value(sentence: str, text: str, low: int, high: int) -> None:
    found = only(sentence)
    assert (found.text, found.value, found.low, found.high, found.unit) == (text, None, low, high, "personnel")


@pytest.mark.parametrize(
    ("sentence", "text", "value", "low", "high"),
    [
        ("More than 1,000 protesters gathered outside the parliament building.", "More than 1,000 protesters",
         1000, 1000, None),
        ("Up to 300 soldiers will be sent to the region, the ministry said.", "Up to 300 soldiers", 300, None,
         300),
    ],
)  # fmt: skip
def test_quantities_bounds_keep_the_stated_figure(
    sentence: str, text: str, value: int, low: int | None, high: int | None
) -> None:
    found = only(sentence)
    assert (found.text, found.value, found.low, found.high) == (text, value, low, high)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "category"),
    [
        ("At least 12 people were killed in the attack on the market, officials said.", "At least 12 people", 12,
         "people", "killed"),
        ("The shelling of the town wounded 40 civilians, according to local medics.", "40 civilians", 40,
         "civilians", "injured"),
        ("Security forces arrested 15 protesters in the capital overnight.", "15 protesters", 15, "protesters",
         "arrested"),
        ("The floods displaced 2,000 families in the south of the country.", "2,000 families", 2000, "families",
         "displaced"),
        ("Rescue teams said 7 fishermen were still missing after the storm.", "7 fishermen", 7, "fishermen",
         "missing"),
        ("Gunmen kidnapped 14 aid workers on the road to the border town.", "14 aid workers", 14, "workers",
         "kidnapped"),
        ("Medics at the hospital said 12 dead had been brought in from the front.", "12 dead", 12, None,
         "killed"),
    ],
)  # fmt: skip
def test_quantities_casualty_category_from_the_clause(
    sentence: str, text: str, value: int, unit: str | None, category: str
) -> None:
    found = only(sentence)
    assert (found.text, found.value, found.unit, found.category) == (text, value, unit, category)


def test_quantities_the_killers_are_not_the_killed() -> None:
    found = quantities_of("Twelve soldiers killed three civilians in the village, witnesses said.")
    assert [(q.value, q.category) for q in found] == [(12, None), (3, "killed")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The movement was founded in 2019 in the northern city of Mosul.",
        "The talks are scheduled for 3 March in the capital of the country.",
        "The fighting in the border region has lasted for three years now.",
        "The meeting will begin at 10:30 in the morning in the capital.",
        "A 45-year-old man was arrested in the capital after the attack.",
        "The commanders met for the first time in the capital of the country.",
        "The leaders met at the G20 summit and discussed Resolution 2254 at length.",
        "For more information about the programme, call 555-123-4567 during office hours.",
        "One of the commanders said the groups were ready to disarm soon.",
    ],
)
def test_quantities_skips_years_dates_times_ages_ordinals_names_and_phones(sentence: str) -> None:
    assert quantities_of(sentence) == []


def test_quantities_a_definite_re_mention_is_not_counted_twice() -> None:
    text = (
        "The plan was discussed by six local commanders in Baghdad. "
        "The six militia commanders asked for anonymity to discuss the situation."
    )
    assert [q.text for q in quantities_of(text)] == ["six local commanders"]


def test_quantities_leaves_a_non_english_article_alone() -> None:
    text = "Cerca de 50 mil combatentes fazem parte das milícias iraquianas, segundo fontes de segurança."
    assert analyse(text, stages=STAGES).quantities == ()


def test_quantities_every_span_slices_the_body_to_its_text(shared: Path) -> None:
    texts = [
        "About 50,000 fighters and dozens of drones were sent; at least 12 people were killed and $2.5 billion lost.",
        (shared / "seed" / "seed-article.txt").read_text(encoding="utf-8"),
    ]
    for text in texts:
        analysis = analyse(text, stages=STAGES)
        assert analysis.quantities
        for q in analysis.quantities:
            assert analysis.article.body[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "value"),
    [("50,000", 50000), ("2.5 billion", 2500000000), ("twenty-five", 25), ("two hundred thousand", 200000),
     ("a dozen", 12), ("1.5bn", 1500000000), ("first", None)],
)  # fmt: skip
def test_quantities_reads_numbers_in_digits_and_words(text: str, value: int | None) -> None:
    assert parse_number(text, load_numbers()) == value


def test_quantities_units_load_from_a_given_path(tmp_path: Path) -> None:
    packaged = Path(__file__).resolve().parents[2] / "eventwire" / "data" / "lexicons" / "quantity_units.json"
    raw = json.loads(packaged.read_text(encoding="utf-8"))
    raw["currency_words"]["dirhams"] = "AED"
    path = tmp_path / "units.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert load_units(path).currency_words["dirhams"] == "AED"


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        ("Smugglers moved gold worth about 1.2 billion reais last year.", "about 1.2 billion reais", "BRL"),
        ("The fine was set at 50,000 Egyptian pounds on appeal.", "50,000 Egyptian pounds", "EGP"),
        ("The tycoon paid 3 million Hong Kong dollars in bail.", "3 million Hong Kong dollars", "HKD"),
        ("The lender wrote off 2 billion pounds of debt.", "2 billion pounds", "GBP"),
    ],
)
def test_quantities_read_a_currency_named_by_its_countrys_adjective(sentence: str, text: str, unit: str) -> None:
    found = only(sentence)
    assert (found.text, found.unit) == (text, unit)


def test_quantities_a_clock_time_in_gmt_is_not_a_count() -> None:
    assert quantities_of("Troops withdrew at about 6 p.m. local time (2200 GMT) on Wednesday.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Foreign ministers of the 27-nation bloc agreed the measures.",
        "ECOWAS, the 15-member regional bloc, condemned the attempt.",
        "A 12-member delegation will visit Vilnius next week.",
    ],
)
def test_quantities_skip_a_count_that_describes_a_noun_through_a_hyphen(sentence: str) -> None:
    assert quantities_of(sentence) == []


def test_quantities_keep_a_measure_hyphened_to_a_noun() -> None:
    found = quantities_of("Poland shares a 1,250-km border with Belarus.")
    assert [(q.value, q.unit) for q in found] == [(1250, "km")]
