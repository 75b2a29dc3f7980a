"""The ``times`` stage: every form of time expression, resolved against the publication date.

Hand-written sentences; publication date Monday 2025-04-07 unless a test says otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.model import TimeExpr
from eventwire.stages.times_rules import find_matches, load_time_lexicon
from tests.conftest import analyse

STAGES = ("clean", "language", "parse", "times")


def times_of(text: str, published: str | None = "2025-04-07") -> list[TimeExpr]:
    return list(analyse(text, published=published, stages=STAGES).times)


def only(text: str, published: str | None = "2025-04-07") -> TimeExpr:
    found = times_of(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "precision", "approximate"),
    [
        ("The war began about 18 months ago.", "about 18 months ago", "2023-10", "month", True),
        ("Attacks have fallen since mid-January.", "since mid-January", "2025-01", "month", True),
        ("Gunmen attacked the base on Tuesday.", "Tuesday", "2025-04-01", "day", False),
        ("Gunmen attacked the base on Monday.", "Monday", "2025-04-07", "day", False),
        ("Talks collapsed last week.", "last week", "2025-03-31", "week", False),
        ("The minister resigned yesterday.", "yesterday", "2025-04-06", "day", False),
        ("Rebels seized the town two days ago.", "two days ago", "2025-04-05", "day", False),
        ("Rebels seized the town three weeks ago.", "three weeks ago", "2025-03-17", "week", False),
        ("The rebels split a few years ago.", "a few years ago", "2022", "year", True),
        ("Fighting flared in early March.", "early March", "2025-03", "month", True),
        ("The group grew stronger in late 2024.", "late 2024", "2024", "year", True),
        ("The group split in mid-2023.", "mid-2023", "2023", "year", True),
        ("The army withdrew at the end of 2022.", "the end of 2022", "2022", "year", True),
        ("The party was founded in 2019.", "2019", "2019", "year", False),
        ("The offices reopened on March 3.", "March 3", "2025-03-03", "day", False),
        ("The accord was signed on 3 March 2024.", "3 March 2024", "2024-03-03", "day", False),
        ("The accord was signed on March 3rd, 2024.", "March 3rd, 2024", "2024-03-03", "day", False),
        ("The accord was ratified on 2024-03-03.", "2024-03-03", "2024-03-03", "day", False),
        ("The town fell in October 2023.", "October 2023", "2023-10", "month", False),
        ("Prices rose last year.", "last year", "2024", "year", False),
        ("Prices rose this month.", "this month", "2025-04", "month", False),
        ("Elections are due next week.", "next week", "2025-04-14", "week", False),
        ("Elections are due next year.", "next year", "2026", "year", False),
        ("Shelling resumed around 2020.", "around 2020", "2020", "year", True),
        ("Shelling has continued until May.", "until May", "2024-05", "month", False),
    ],
)
def test_times_resolves_each_form_against_publication_date(
    sentence: str, text: str, value: str, precision: str, approximate: bool
) -> None:
    found = only(sentence)
    assert (found.text, found.value, found.precision, found.approximate) == (text, value, precision, approximate)


def test_times_resolves_months_ago_against_publication_date() -> None:
    assert only("It started about 18 months ago.", published="2025-01-20").value == "2023-07"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The talks resumed in April.", "2025-04"),  # the month of publication counts
        ("The talks resumed in May.", "2024-05"),  # a May after publication would be the future
        ("The talks resumed in December.", "2024-12"),
    ],
)
def test_times_month_without_year_is_the_most_recent_not_after_publication(sentence: str, value: str) -> None:
    assert only(sentence).value == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The ceasefire will start on April 10.", "2025-04-10"),
        ("The army will march on the capital in March.", "2026-03"),
        # short sentences can fool the language detector: these are long enough to be English
        ("The UN envoy will arrive in the capital on Thursday for talks with the government.", "2025-04-10"),
        ("The UN envoy arrived in the capital on Thursday for talks with the government.", "2025-04-03"),
    ],
)
def test_times_future_tense_looks_forward(sentence: str, value: str) -> None:
    assert only(sentence).value == value


def test_times_event_clause_after_since_spans_from_since() -> None:
    found = only("The US issued notices since Trump took power in January, sources said.")
    assert (found.text, found.value) == ("since Trump took power in January", "2025-01")


@pytest.mark.parametrize(
    ("sentence", "text", "value", "precision"),
    [
        ("Talks ran between March and May.", "between March and May", "2025-03", "month"),
        ("The war lasted from 2019 to 2021.", "from 2019 to 2021", "2019", "year"),
        ("Talks ran between March and May 2023.", "between March and May 2023", "2023-03", "month"),
        ("Attacks rose from November 2020 to November 2022.", "from November 2020 to November 2022", "2020-11",
         "month"),
        ("The rise in attacks of November 2020 to November 2022 was steep.", "November 2020 to November 2022",
         "2020-11", "month"),
    ],
)  # fmt: skip
def test_times_range_is_one_expression_valued_at_its_start(
    sentence: str, text: str, value: str, precision: str
) -> None:
    found = only(sentence)
    assert (found.text, found.value, found.precision) == (text, value, precision)


@pytest.mark.parametrize(
    ("sentence", "relative"),
    [("Rebels seized the town two days ago.", True), ("The accord was signed on 3 March 2024.", False)],
)
def test_times_marks_what_was_resolved_from_publication_date(sentence: str, relative: bool) -> None:
    assert only(sentence).relative_to_publication is relative


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("The war began about 18 months ago.", None), ("The accord was signed on 3 March 2024.", "2024-03-03")],
)
def test_times_without_publication_date_keeps_only_absolute_values(sentence: str, value: str | None) -> None:
    assert only(sentence, published=None).value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "He fought in the mountains for three years.",
        "May God protect the country, the cleric said.",
        "The March 23 Movement took the town.",
        "The council passed Resolution 2003 unanimously.",
        "About 2000 fighters joined the offensive.",
        "The commander was there for the first time.",
    ],
)
def test_times_skips_durations_names_and_counts(sentence: str) -> None:
    assert times_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "text", "value", "precision", "approximate"),
    [
        ("Militants have blockaded the town for much of the past two weeks.", "the past two weeks", "2025-03-24",
         "week", False),
        ("Police said they had detained 27 protesters over the last 48 hours.", "the last 48 hours", "2025-04-05",
         "day", False),
        ("Prices have climbed over the past few months.", "the past few months", "2025-01", "month", True),
        ("Fighting around the town has killed dozens in recent days.", "recent days", "2025-04-04", "day", True),
        ("A ceasefire between the army and the rebels largely held over the weekend.", "the weekend", "2025-04-05",
         "day", True),
        ("Rebels shelled the displacement camp overnight, killing 11 people.", "overnight", "2025-04-06", "day",
         True),
    ],
)  # fmt: skip
def test_times_periods_ending_at_publication_the_weekend_and_overnight(
    sentence: str, text: str, value: str, precision: str, approximate: bool
) -> None:
    found = only(sentence)
    assert (found.text, found.value, found.precision, found.approximate) == (text, value, precision, approximate)


@pytest.mark.parametrize(
    "sentence",
    [
        "The currency lost half its value almost overnight.",
        "The army imposed an overnight curfew on the city.",
        "He spent the last week of the talks in a hotel.",
        "The weekend edition of the paper was seized.",
        "It was the last day of the summit.",
    ],
)
def test_times_skips_overnight_as_suddenly_and_final_periods(sentence: str) -> None:
    assert times_of(sentence) == []


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("BAGHDAD, April 7, 2025 (Reuters) - Militias said on Tuesday they would disarm.", "2025-04-07"),
        ("Updated: 2025-04-07 10:32 GMT\n\nMilitias said yesterday they would disarm.", "2025-04-07"),
        ("Published on 7 April 2025\n\nMilitias said on Tuesday they would disarm.", "2025-04-07"),
    ],
)
def test_times_infers_publication_date_from_explicit_evidence(text: str, published: str) -> None:
    article = analyse(text, published=None, stages=STAGES).article
    assert (article.published, article.published_inferred) == (published, True)


def test_times_inferred_publication_date_resolves_relative_times() -> None:
    found = times_of("BAGHDAD, April 7, 2025 (Reuters) - Militias met last week.", published=None)
    assert [t.value for t in found] == ["2025-04-07", "2025-03-31"]


@pytest.mark.parametrize(
    "text",
    [
        "BAGHDAD, April 7 (Reuters) - Militias said on Tuesday they would disarm.",
        "The report published on 3 March 2024 said militias met on Tuesday.",
    ],
)
def test_times_infers_no_publication_date_without_a_year_or_outside_a_header(text: str) -> None:
    article = analyse(text, published=None, stages=STAGES).article
    assert (article.published, article.published_inferred) == (None, False)


def test_times_keeps_a_given_publication_date() -> None:
    text = "BAGHDAD, April 7, 2025 (Reuters) - Militias met last week."
    article = analyse(text, published="2025-04-08", stages=STAGES).article
    assert (article.published, article.published_inferred) == ("2025-04-08", False)


def test_times_leaves_a_non_english_article_alone() -> None:
    text = "As milícias iraquianas estão preparadas para se desarmar desde meados de janeiro, disseram fontes."
    assert analyse(text, stages=STAGES).times == ()


def test_times_every_span_slices_the_body_to_its_text(shared: Path) -> None:
    texts = [
        "Since mid-January, about 50 people died. The talks began on 3 March 2024 and ended last week.",
        (shared / "seed" / "seed-article.txt").read_text(encoding="utf-8"),
    ]
    for text in texts:
        analysis = analyse(text, stages=STAGES)
        assert analysis.times
        for t in analysis.times:
            assert analysis.article.body[t.start : t.end] == t.text


def test_times_lexicon_loads_from_a_given_path(tmp_path: Path) -> None:
    packaged = Path(__file__).resolve().parents[2] / "eventwire" / "data" / "lexicons" / "time_expressions.json"
    raw = json.loads(packaged.read_text(encoding="utf-8"))
    raw["months"]["janvier"] = 1
    path = tmp_path / "times.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    lexicon = load_time_lexicon(path)
    assert [m.parts["m"] for m in find_matches("Depuis Janvier 2024.", lexicon)] == ["Janvier"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The army agreed to release the prisoners by the end of April, officials said on Friday.", "2025-04"),
        ("Algeria said it was ready to host further talks between the two sides in May.", "2025-05"),
        ("The rebels withdrew from the town in May, residents said.", "2024-05"),
    ],
)
def test_a_month_in_a_clause_that_looks_ahead_is_the_next_one(sentence: str, expected: str) -> None:
    a = analyse("Talks\n\n" + sentence, published="2025-03-14", stages=("clean", "language", "parse", "times"))
    months = [t.value for t in a.times if t.value and len(t.value) == 7]
    assert expected in months, a.times


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("He said 400 police officers would leave by the end of July.", "by the end of July", "2025-07"),
        ("The speaker said the law would be passed in mid-May.", "mid-May", "2025-05"),
        ("The talks would have ended in May, he said.", "May", "2024-05"),
        (
            "The deal commits both sides to a ceasefire and to a final peace deal by the end of June.",
            "by the end of June",
            "2025-06",
        ),
    ],
)
def test_times_future_in_the_past_and_commitments_look_ahead(sentence: str, text: str, value: str) -> None:
    found = only(sentence)
    assert (found.text, found.value) == (text, value)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "precision"),
    [
        ("Aid agencies expect more arrivals in the coming weeks.", "the coming weeks", "2025-04-14", "week"),
        ("Prices will rise over the next few months.", "the next few months", "2025-05", "month"),
        ("Troops withdrew from the town last weekend.", "last weekend", "2025-04-05", "day"),
        ("Protests are planned for this weekend.", "this weekend", "2025-04-12", "day"),
        ("Talks in Jeddah stalled earlier this year.", "earlier this year", "2025", "year"),
        ("The minister said talks would resume later this month.", "later this month", "2025-04", "month"),
    ],
)
def test_times_coming_periods_weekends_and_earlier_this_year(
    sentence: str, text: str, value: str, precision: str
) -> None:
    found = only(sentence)
    assert (found.text, found.value, found.precision) == (text, value, precision)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Presidential elections are due in August next year.", "August next year", "2026-08"),
        ("The plant closed in March of last year.", "March of last year", "2024-03"),
    ],
)
def test_times_a_month_of_a_year_named_by_its_distance(sentence: str, text: str, value: str) -> None:
    found = only(sentence)
    assert (found.text, found.value) == (text, value)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Militants attacked the base at about 5 a.m. on Tuesday.", "about 5 a.m. on Tuesday", "2025-04-01"),
        (
            "Rebels killed 38 mourners shortly after midnight on Monday.",
            "shortly after midnight on Monday",
            "2025-04-07",
        ),
        ("On Tuesday at 5:30 p.m. the army withdrew.", "Tuesday at 5:30 p.m.", "2025-04-01"),
        ("Police cleared the square at 0630 GMT on Friday.", "0630 GMT on Friday", "2025-04-04"),
    ],
)
def test_times_time_of_day_joins_the_date_beside_it(sentence: str, text: str, value: str) -> None:
    assert [(t.text, t.value, t.precision) for t in times_of(sentence)] == [(text, value, "day")]


def test_times_time_of_day_elsewhere_takes_the_sentences_day_and_turns_past_midnight() -> None:
    found = times_of("The clashes broke out at about 11 p.m. on Sunday and ended shortly after 2 a.m., officials said.")
    assert [(t.text, t.value) for t in found] == [
        ("about 11 p.m. on Sunday", "2025-04-06"),
        ("shortly after 2 a.m.", "2025-04-07"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents said the shooting began shortly after dawn and lasted until around 8 a.m.",
        "The meeting lasted for nearly three hours.",
        "Gunfire was heard near the palace for about 90 minutes.",
    ],
)
def test_times_skips_a_time_of_day_without_a_date_and_durations(sentence: str) -> None:
    assert times_of(sentence) == []


def test_times_scheduled_date_takes_the_nearer_year() -> None:
    sentence = "He accused rivals of stoking unrest ahead of the August 17 general election."
    assert [t.value for t in times_of(sentence, published="2025-06-03")] == ["2025-08-17"]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        (
            "He was arrested on June 4, 2022, and has been on bail since October that year.",
            "since October that year",
            "2022-10",
        ),
        ("Fighting began in March 2019 and ended in May the following year.", "May the following year", "2020-05"),
    ],
)
def test_times_that_year_refers_to_the_last_year_named(sentence: str, text: str, value: str) -> None:
    found = {t.text: t.value for t in times_of(sentence)}
    assert found[text] == value


def test_a_deadline_under_a_chain_of_infinitives_after_a_commitment_looks_ahead() -> None:
    from tests.conftest import analyse

    a = analyse(
        "The agreement commits the rebels to withdraw from three towns and the army to release "
        "about 120 prisoners by the end of April, officials said.",
        published="2025-03-14",
    )
    assert [t.value for t in a.times if "April" in t.text] == ["2025-04"]
