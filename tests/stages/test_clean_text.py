"""Plain-text cleaning: the title is found, the article prose kept, page furniture cut."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from eventwire.stages.clean_text import clean_text
from eventwire.stages.clean_text_rules import ends_sentence, is_date_line, load_cues, word_count

# A republished wire story, as copied from the page that republished it.
REPUBLISHED = "\n\n".join(
    [
        "Ministers agree to reopen the northern border crossing",
        (
            "Ministers from both countries agreed on Tuesday to reopen the northern border crossing after "
            "six months of closure, officials told Reuters."
        ),
        (
            "The crossing, which handled most of the trade between the two neighbours, was closed in the "
            "spring after a dispute over customs fees."
        ),
        (
            '"We expect the first lorries to cross before the end of the month," a senior customs official '
            "said, asking not to be named."
        ),
        "Traders on both sides welcomed the decision but said the fees had not yet been settled.",
        "This content was originally published in Ministers agree to reopen border crossing on Folha de S.Paulo.",
        "Source: Folha de S.Paulo",
        "You may also like",
        "Port workers end strike",
        "Top News",
        "Markets",
        "Port workers end strike after pay deal",
    ]
)

# A whole web page copied as text: menus, a cookie banner, share buttons, a byline, a footer.
PAGE = "\n".join(
    [
        "Flooding forces thousands from their homes - The Daily Courier",
        "Skip to content",
        "Home",
        "News",
        "World",
        "Politics",
        "Business",
        "Sport",
        "Weather",
        "Subscribe",
        "Log in",
        (
            "We use cookies to improve your experience on our website. By continuing to browse, you agree to"
            " our use of cookies."
        ),
        "Accept all",
        "Manage preferences",
        "Flooding forces thousands from their homes",
        "By Maria Okafor",
        "Updated: 14 March 2024, 09:12",
        "Share",
        "Facebook",
        "Twitter",
        "Email",
        (
            "Heavy rain has forced more than 12,000 people to leave their homes in the river valley, the "
            "regional civil protection agency said on Thursday."
        ),
        (
            "Rescue teams used boats to reach villages cut off by the water, and two bridges on the main "
            "road were closed as a precaution."
        ),
        (
            "The agency said the river had risen by almost three metres in 24 hours, its fastest rise since "
            "records began."
        ),
        (
            "Forecasters expect the rain to ease by the weekend, but warned that water levels downstream "
            "could keep rising for several days."
        ),
        "Related stories",
        "Dam operators warned of record inflows",
        "Farmers count the cost of a wet winter",
        "Sign up for our morning newsletter",
        "About us",
        "Contact us",
        "Privacy policy",
        "Copyright 2024 The Daily Courier. All rights reserved.",
    ]
)

# Prose that looks like furniture on its own words, but is article text and must stay.
LOOKALIKE = "\n\n".join(
    [
        "Privacy groups challenge the new data rules",
        (
            "By contrast with last year's draft, the new rules let websites store tracking cookies only with"
            " a visitor's explicit consent, regulators said."
        ),
        (
            "Sources close to the negotiations said the text was agreed late on Monday after the industry "
            "dropped its objections."
        ),
        "Related measures on data brokers will be discussed next year, the commission said in a statement.",
        "More than 40 companies have signed a pledge to follow the rules before they take effect.",
        (
            "Readers of the group's newsletter were asked to share their experiences with the regulator "
            "before the consultation closes."
        ),
    ]
)


def tokens(text: str) -> Counter[str]:
    """Tokens as the extraction scorer counts them."""
    return Counter(re.findall(r"\w+", text.lower()))


def token_f1(got: str, want: str) -> float:
    """Token F1 of a cleaned body against the gold body (the set scorer's measure)."""
    g, w = tokens(got), tokens(want)
    tp = sum((g & w).values())
    if not tp:
        return 0.0
    precision, recall = tp / sum(g.values()), tp / sum(w.values())
    return 2 * precision * recall / (precision + recall)


def test_clean_text_takes_a_short_first_line_as_title() -> None:
    cleaned = clean_text(REPUBLISHED)
    assert cleaned.title == "Ministers agree to reopen the northern border crossing"
    assert cleaned.body.startswith("Ministers from both countries agreed on Tuesday")


def test_clean_text_keeps_the_callers_title() -> None:
    cleaned = clean_text("Ministers from both countries met on Tuesday.\n\nThey agreed to meet again.", "Talks")
    assert cleaned.title == "Talks"
    assert cleaned.body.startswith("Ministers from both countries met")


def test_clean_text_cuts_republication_furniture_after_the_story() -> None:
    cleaned = clean_text(REPUBLISHED)
    assert cleaned.body.endswith("said the fees had not yet been settled.")
    for junk in ("originally published", "Source:", "You may also like", "Port workers", "Top News"):
        assert junk not in cleaned.body
    reasons = {r.reason for r in cleaned.removed}
    assert {"republication note", "source line", "related-links block"} <= reasons


@pytest.mark.parametrize(
    ("junk", "reason"),
    [
        ("We use cookies to improve your experience", "cookie banner"),
        ("By Maria Okafor", "byline"),
        ("Sign up for our morning newsletter", "newsletter prompt"),
        ("Dam operators warned of record inflows", "related-links block"),
        ("Copyright 2024 The Daily Courier. All rights reserved.", "footer"),
    ],
)
def test_clean_text_cuts_page_furniture_with_its_reason(junk: str, reason: str) -> None:
    cleaned = clean_text(PAGE)
    assert junk not in cleaned.body
    assert any(junk in r.text and r.reason == reason for r in cleaned.removed)


def test_clean_text_keeps_every_paragraph_of_the_page_article() -> None:
    cleaned = clean_text(PAGE)
    assert cleaned.body.startswith("Heavy rain has forced more than 12,000 people")
    assert cleaned.body.endswith("could keep rising for several days.")
    assert cleaned.body in PAGE  # kept verbatim: offsets into the body map back to the page


def test_clean_text_takes_the_headline_without_the_site_name() -> None:
    cleaned = clean_text(PAGE)
    assert cleaned.title == "Flooding forces thousands from their homes"
    assert any(r.reason == "site name" and r.text == "The Daily Courier" for r in cleaned.removed)


@pytest.mark.parametrize(
    "sentence",
    [
        "By contrast with last year's draft, the new rules let websites store tracking cookies",
        "Sources close to the negotiations said the text was agreed",
        "Related measures on data brokers will be discussed next year",
        "More than 40 companies have signed a pledge",
        "Readers of the group's newsletter were asked to share their experiences",
    ],
)
def test_clean_text_keeps_prose_that_mentions_furniture_words(sentence: str) -> None:
    assert sentence in clean_text(LOOKALIKE).body


def test_clean_text_cuts_reader_comments_after_the_article() -> None:
    page = (
        "The council approved the new budget on Monday after a debate that lasted more than six hours.\n"
        "The budget raises spending on schools and roads and cuts the cost of running the council offices.\n"
        "Opposition members said the plan relied on optimistic forecasts of tax income next year.\n"
        "12 Comments\n"
        "reader42 says:\n"
        "This is the worst budget I have seen in all the years I have lived in this town, and I will say so.\n"
        "citizen_k says:\n"
        "Finally the council is spending money on the roads instead of on itself, which is long overdue.\n"
    )
    cleaned = clean_text(page)
    assert cleaned.body.endswith("tax income next year.")
    assert "worst budget" not in cleaned.body


def test_clean_text_joins_hard_wrapped_paragraphs() -> None:
    wrapped = (
        "Talks resume in Geneva\n\n"
        "Negotiators from the two delegations returned to the table in Geneva on\n"
        "Wednesday, three weeks after the last round ended without agreement on\n"
        "the release of prisoners held by both sides.\n\n"
        "A spokesman for the mediators said both delegations had brought new\n"
        "proposals and that the atmosphere was better than at the last meeting.\n"
    )
    cleaned = clean_text(wrapped)
    assert cleaned.body in wrapped  # the wrapped lines are kept as written, so offsets map back
    assert cleaned.body.startswith("Negotiators") and cleaned.body.endswith("last meeting.")
    assert cleaned.body.count("\n\n") == 1


@pytest.mark.parametrize(
    "text",
    [
        "Obama has agreed to lift the sanctions on Iran",
        "Rebels seized the town on Friday.",
        "Rebels seized the town on Friday.\r\nThe army withdrew.",
        "Rebels seized the town after heavy fighting.\n\nRebels seized the town after heavy fighting.",
    ],
)
def test_clean_text_keeps_a_one_line_brief_whole(text: str) -> None:
    cleaned = clean_text(text)
    assert cleaned.body.split() == text.split()
    assert cleaned.title is None or cleaned.title in text


def test_clean_text_keeps_a_closing_short_sentence() -> None:
    text = (
        "The ministry said on Sunday that the two ships had left the port after inspectors finished their checks.\n"
        "A third ship is expected to leave the port later in the week if the weather allows, officials said.\n"
        "The ministry declined to comment.\n"
        "Most read\n"
        "Port strike ends after pay deal\n"
    )
    assert clean_text(text, "Ships leave port").body.endswith("The ministry declined to comment.")


def test_clean_text_returns_an_empty_body_for_furniture_only() -> None:
    cleaned = clean_text("Home\nNews\nSport\nSubscribe\nCopyright 2024 The Daily Courier.")
    assert cleaned.body == ""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("He said the talks would resume.", True),
        ("“We will not give up,” she said.", True),
        ("Two people in China have been diagnosed with the plague,...", False),
        ("Flooding forces thousands from their homes", False),
        ("会談は火曜日に再開された。", True),
    ],
)
def test_ends_sentence_tells_sentences_from_headlines_and_teasers(line: str, expected: bool) -> None:
    assert ends_sentence(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tuesday November 19, 2019", True),
        ("November 19, 2019 at 6:34 am", True),
        ("2019-11-18T22:05:36Z", True),
        ("He arrived in 2019", False),
        ("Week 12 power rankings", False),
    ],
)
def test_is_date_line_recognises_time_stamps(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected


def test_word_count_counts_cjk_characters_as_half_words() -> None:
    assert word_count("four words in English") == 4
    assert word_count("会談再開") == 2


def test_load_cues_reads_a_cue_file_given_by_path(tmp_path: Path) -> None:
    path = tmp_path / "cues.tsv"
    path.write_text("# comment\nadvertisement\t^Werbung$\n", encoding="utf-8")
    cues = load_cues(path)
    assert [c.reason for c in cues] == ["advertisement"]
    text = "Die Regierung hat am Montag einen neuen Haushalt beschlossen, der mehr Geld vorsieht.\nWerbung\n"
    assert "Werbung" not in clean_text(text, "Haushalt", cues=cues).body


def test_clean_text_reaches_the_f1_floor_on_the_text_pages_dev_set(shared: Path) -> None:
    lines = (shared / "data/article_text_pages/data.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    scores = [token_f1(clean_text(row["text"]).body, row["body"]) for row in rows]
    assert sum(scores) / len(scores) >= 0.90


def test_clean_text_cuts_a_bracketed_translation_note_as_a_republication_note() -> None:
    story = (
        "Rebels sign truce in Doha\n\n"
        "DOHA, July 19 (AFP) - Congo and the M23 rebels signed a declaration of principles in Doha on Saturday, "
        "committing both sides to a permanent ceasefire.\n\n"
        "Qatari mediators said the two parties would meet again within ten days to agree on the details.\n\n"
        "(Translated from the French by Reuters)"
    )
    cleaned = clean_text(story)
    assert "Translated" not in cleaned.body
    assert [r.reason for r in cleaned.removed if "Translated" in r.text] == ["republication note"]
