"""Quotes: each form of quotation and each way a speaker is named."""

from __future__ import annotations

import pytest

from eventwire.stages.quotes import quoted_spans
from tests.conftest import analyse

STAGES = ("clean", "language", "parse", "mentions", "actors", "quotes")


def quotes_of(text: str) -> list[tuple[str, str | None, bool]]:
    a = analyse("Talks resume\n\n" + text, stages=STAGES)
    body = a.article.body
    for q in a.quotes:
        assert body[q.start : q.end] == q.text
    return [(q.text, q.speaker, q.anonymous) for q in a.quotes]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            'Analysts said: "The ceasefire will not hold for long." Markets fell.',
            "The ceasefire will not hold for long",
        ),
        ("“We will not retreat from the border,” the minister said.", "We will not retreat from the border"),
        ("She called the plan «a dangerous illusion» in her speech.", "a dangerous illusion"),
    ],
)
def test_quotes_in_straight_curly_and_angle_marks(text: str, quote: str) -> None:
    spans = quoted_spans(text)
    assert [text[s:e] for s, e in spans] == [quote]


def test_a_quote_running_over_paragraphs_is_one_quote() -> None:
    text = "“The first part of the statement goes on.\n\n“And the second paragraph ends it,” he said."
    spans = quoted_spans(text)
    assert len(spans) == 1
    assert text[spans[0][0] : spans[0][1]].endswith("ends it")


def test_an_apostrophe_is_not_a_quote() -> None:
    assert quoted_spans("The army's commander didn't comment on the rebels' claims.") == []


def test_speaker_before_the_verb() -> None:
    found = quotes_of("Foreign Minister Ahmed Attaf said: “Algeria is ready to host new talks in May.”")
    assert found == [("Algeria is ready to host new talks in May", "Ahmed Attaf", False)]


def test_speaker_after_the_verb() -> None:
    found = quotes_of("“We are ready to sign the agreement this week,” said Amira Castellanos.")
    assert found[0][1] == "Amira Castellanos"


def test_partial_quote_inside_a_reported_sentence() -> None:
    found = quotes_of("Karim Haddad told Reuters that the negotiations were “very close to a deal” and would end soon.")
    assert found == [("very close to a deal", "Karim Haddad", False)]


def test_he_added_is_the_last_speaker() -> None:
    found = quotes_of(
        "Karim Haddad, a senior adviser to the government, told Reuters the talks were going well. "
        "“We expect an agreement before the end of the month,” he added."
    )
    assert found[0][1] == "Karim Haddad"


def test_an_unnamed_source_is_anonymous_with_its_description_and_group() -> None:
    found = quotes_of(
        "“We will keep our weapons until the occupation ends,” said a commander of Hezbollah, "
        "who spoke on condition of anonymity."
    )
    _, speaker, anonymous = found[0]
    assert speaker == "Hezbollah"
    assert anonymous is True


def test_an_organisation_speaks_through_an_unnamed_spokesperson() -> None:
    a = analyse(
        "Statement\n\nThe Kremlin said the sanctions were illegal. “Moscow will respond to this,” it added.",
        stages=STAGES,
    )
    assert a.quotes[0].anonymous is True
    assert a.quotes[0].speaker is not None


def test_a_scare_quoted_term_inside_a_sentence_is_not_a_quote() -> None:
    from tests.conftest import analyse

    a = analyse('Thousands protested against a bill on "foreign agents" that critics say mirrors a Russian law.')
    assert a.quotes == ()
    b = analyse('The minister called the plan "a disaster".')
    assert [q.text for q in b.quotes] == ["a disaster"]


def test_a_byname_in_quotes_inside_a_name_is_not_a_quote() -> None:
    from tests.conftest import analyse

    a = analyse('The gangs are led by former police officer Jimmy "Barbecue" Cherizier, who threatened the force.')
    assert a.quotes == ()


def test_a_partial_quote_after_a_verb_of_thanks_is_the_subjects_words() -> None:
    found = quotes_of(
        'Kenyan President William Ruto on Monday thanked Jamaica and the Bahamas for their "courage and solidarity"'
        " as the mission was extended."
    )
    assert found == [("courage and solidarity", "William Ruto", False)]


def test_a_so_called_term_after_a_verb_of_judgement_stays_a_term() -> None:
    assert (
        quotes_of('The opposition leader Nelson Chamisa condemned the so-called "national dialogue" on Monday.') == []
    )


def test_a_relative_who_speaks_for_the_person_it_follows() -> None:
    found = quotes_of(
        '"The route remains deadly," said Flavio Di Giacomo of the International Organization for Migration,'
        ' who described the latest shipwreck as "another tragedy".'
    )
    assert found[1] == ("another tragedy", "Flavio Di Giacomo", False)


def test_a_named_apposition_of_the_subject_is_the_speaker() -> None:
    found = quotes_of('Iran\'s foreign minister, Abbas Araghchi, said on Sunday: "We will respond to any attack."')
    assert found == [("We will respond to any attack", "Abbas Araghchi", False)]


def test_a_quoted_sentence_standing_alone_goes_on_with_the_previous_speaker() -> None:
    found = quotes_of(
        '"Return to your units," General Jose Wilson Sanchez said in a televised address.'
        ' "Nobody wants the images we are seeing."'
    )
    assert found[1][:2] == ("Nobody wants the images we are seeing", found[0][1])
    assert found[0][1] is not None


def test_a_quote_after_another_speakers_words_is_not_the_previous_speakers() -> None:
    found = quotes_of('"We will win," said Ali Hassan, a commander. Another officer disagreed: "The enemy is strong."')
    assert found[1][1] is None


def test_a_straight_quote_left_open_at_a_paragraph_end_goes_on_in_the_next() -> None:
    text = (
        '"We want a future in Europe," said Nino Beridze, a 34-year-old teacher. "This law takes it away.'
        '\n\n"We will stay in the square until it is withdrawn."'
    )
    found = quotes_of(text)
    assert [q[0].split("\n")[0] for q in found] == ["We want a future in Europe", "This law takes it away."]
    assert found[1][0].endswith("until it is withdrawn")
    assert found[1][1] == found[0][1] == "Nino Beridze"


def test_a_quote_alone_in_the_paragraph_after_an_attribution_keeps_the_speaker() -> None:
    found = quotes_of(
        '"The airline has carried migrants to the border for months," Josep Borrell said.\n\n"This is a clear message."'
    )
    assert found[1][:2] == ("This is a clear message", "Josep Borrell")
