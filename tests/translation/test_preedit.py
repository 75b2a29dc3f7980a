"""Source pre-editing: "há + duration" after a past verb is said as "... atrás"."""

from __future__ import annotations

import pytest

from eventwire.translation import load_lexicon
from eventwire.translation.lexicon import Lexicon
from eventwire.translation.preedit import is_preterite, preedit

PT = load_lexicon("pt")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("O grupo disse há 18 meses que se desarmaria.", "O grupo disse 18 meses atrás que se desarmaria."),
        ("A milícia anunciou há cerca de dois anos o recuo.", "A milícia anunciou cerca de dois anos atrás o recuo."),
        ("O ataque ocorreu há uma semana.", "O ataque ocorreu uma semana atrás."),
        ("Os comandantes reuniram-se há três dias.", "Os comandantes reuniram-se três dias atrás."),
        ("Ele fez há meses a mesma promessa.", "Ele fez meses atrás a mesma promessa."),
    ],
)
def test_preedit_says_ago_unambiguously_after_a_past_verb(sentence: str, expected: str) -> None:
    assert preedit(sentence, PT) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "O grupo controla a cidade há três anos.",
        "Há 18 meses, o grupo disse que se desarmaria.",
        "As milícias estão em alerta desde meados de janeiro.",
        "Ele disse que há muito tempo não via o irmão.",
        "O seu há dois anos era outro.",
    ],
)
def test_preedit_leaves_other_readings_of_ha_alone(sentence: str) -> None:
    assert preedit(sentence, PT) == sentence


@pytest.mark.parametrize(
    ("word", "past"),
    [
        ("disse", True),
        ("anunciou", True),
        ("rejeitaram", True),
        ("partiu", True),
        ("estou", False),
        ("europeu", False),
        ("controla", False),
    ],
)
def test_preedit_recognises_simple_past_verbs(word: str, past: bool) -> None:
    assert is_preterite(word, PT) is past


def test_preedit_does_nothing_for_a_language_without_rules() -> None:
    assert preedit("Er sagte vor zwei Jahren nein.", Lexicon("de")) == "Er sagte vor zwei Jahren nein."
