"""Source pre-editing: "há + duration" after a past verb is said as "... atrás"."""

from __future__ import annotations

import pytest

from eventwire.translation import load_lexicon
from eventwire.translation.lexicon import Lexicon
from eventwire.translation.preedit import dateline, is_preterite, preedit

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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("As exportações somaram US$ 281,7 bilhões.", "As exportações somaram US$ 281.7 bilhões."),
        ("Os combates deixaram 1.200 mortos.", "Os combates deixaram 1,200 mortos."),
        ("O fundo tem 12.345.678,90 euros.", "O fundo tem 12,345,678.90 euros."),
        ("A inflação foi de 4,62% em 2023.", "A inflação foi de 4.62% em 2023."),
        ("O banco lucrou R$ 2,5 bi no trimestre.", "O banco lucrou R$ 2.5 bilhões no trimestre."),
    ],
)
def test_preedit_writes_numbers_the_english_way(sentence: str, expected: str) -> None:
    assert preedit(sentence, PT) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Foram apreendidos 1,500 kg de cocaína.",  # a comma before three digits may be a thousands comma
        "Votaram os artigos 3, 4 e 5.",
        "O hospital funciona 24/7.",
        "A Segunda Guerra Mundial terminou em 1945.",
        "Na segunda fase, o grupo recuou.",
        "O candidato ficou em segunda, atrás do presidente.",
    ],
)
def test_preedit_leaves_figures_and_ordinals_that_are_not_decimals_dates_or_weekdays(sentence: str) -> None:
    assert preedit(sentence, PT) == sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("O julgamento foi marcado para 15/11/2024.", "O julgamento foi marcado para 15 de novembro de 2024."),
        ("A votação será no dia 05/03.", "A votação será no dia 5 de março."),
        ("A polícia prendeu o suspeito nesta segunda.", "A polícia prendeu o suspeito nesta segunda-feira."),
        ("O ataque da última sexta (4) matou três.", "O ataque da última sexta-feira (4) matou três."),
        ("Os protestos começaram na terça à noite.", "Os protestos começaram na terça-feira à noite."),
    ],
)
def test_preedit_writes_out_day_first_dates_and_short_weekdays(sentence: str, expected: str) -> None:
    assert preedit(sentence, PT) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("ROMA, 3 Set (Reuters) - A guarda costeira", "ROMA, 3 de setembro (Reuters) - A guarda costeira"),
        ("Lisboa, 5 out. (Lusa) - Milhares", "Lisboa, 5 de outubro (Lusa) - Milhares"),
        ("MAPUTO, 24 de outubro (Lusa) - A comissão", "MAPUTO, 24 de outubro (Lusa) - A comissão"),
        ("Em Lisboa, 3 mil pessoas marcharam.", "Em Lisboa, 3 mil pessoas marcharam."),
    ],
)
def test_preedit_writes_out_the_date_of_a_dateline(sentence: str, expected: str) -> None:
    assert dateline(sentence, PT) == expected
