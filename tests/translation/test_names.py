"""Name protection: which names of a Portuguese sentence are masked, and how they come back."""

from __future__ import annotations

from functools import lru_cache

import pytest

from eventwire.kb import load_kb
from eventwire.stages.translate import stop_words
from eventwire.translation import NameGuard, load_lexicon, restore
from eventwire.translation.names import Masked


@lru_cache(maxsize=1)
def guard() -> NameGuard:
    return NameGuard.from_kb(load_kb(), load_lexicon("pt"), stop_words("pt"))


def protected(sentence: str) -> list[str]:
    return [name for _, name in guard().mask(sentence).names]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Nicolás Maduro disse que a Venezuela não vai ceder.", ["Nicolás Maduro"]),
        ("O governo de Maduro rejeitou a proposta do Kataib Hezbollah.", ["Maduro", "Kataib Hezbollah"]),
        ("Lula e o Hamas falaram com Mohammed Shia al-Sudani.", ["Lula", "Hamas", "Mohammed Shia al-Sudani"]),
        ("Luiz Inácio Lula da Silva venceu a eleição.", ["Luiz Inácio Lula da Silva"]),
    ],
)
def test_names_of_the_knowledge_base_are_protected(sentence: str, names: list[str]) -> None:
    assert protected(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Segundo Guerra, o ataque matou 12 pessoas.", ["Guerra"]),
        ('"Não vamos recuar", disse Leão aos jornalistas.', ["Leão"]),
        ("O comandante Rosa Branca falou em Bagdá.", ["Rosa Branca"]),
        ("Pedro Rocha, porta-voz do grupo, negou o ataque.", ["Pedro Rocha"]),
        ("Joana Pinto, de 58 anos, foi detida.", ["Joana Pinto"]),
        ("O ministro da Defesa, José Pereira, visitou o quartel.", ["José Pereira"]),
        ("A deputada Maria do Rosário e o senador Paulo Neves chegaram.", ["Maria do Rosário", "Paulo Neves"]),
        ("O xeque Abu Ali al-Askari respondeu.", ["Abu Ali al-Askari"]),
    ],
)
def test_names_in_a_persons_position_are_protected(sentence: str, names: list[str]) -> None:
    assert protected(sentence) == names


@pytest.mark.parametrize(
    "sentence",
    [
        "Os Estados Unidos e a Casa Branca criticaram o Ministério da Defesa.",
        "O Estado Islâmico atacou as Forças Armadas em Cabo Delgado.",
        "Segundo o Exército, o segundo comboio chegou a Lisboa.",
        "EUA, ONU e UE condenaram o ataque em Gaza.",
        "Ontem, a Guarda Nacional disse que a Polícia Federal recuou.",
    ],
)
def test_names_that_should_be_translated_are_left_alone(sentence: str) -> None:
    assert protected(sentence) == []


def test_names_a_single_word_inside_a_longer_name_is_not_masked_alone() -> None:
    kb_names = ["Costa"]  # a surname alias, as a knowledge base may hold one
    local = NameGuard(kb_names, load_lexicon("pt"), stop_words("pt"))
    assert [n for _, n in local.mask("A Costa Rica e a Costa do Marfim votaram.").names] == []
    assert [n for _, n in local.mask("O governo de Costa caiu.").names] == ["Costa"]


def test_names_are_masked_with_placeholders_and_restored_in_the_translation() -> None:
    masked = guard().mask("Segundo Guerra, o governo de Maduro caiu.")
    assert masked.text == "Segundo Xq1, o governo de Xq2 caiu."
    assert (
        restore("According to Xq1, Xq2's government fell.", masked) == "According to Guerra, Maduro's government fell."
    )


def test_names_restore_fails_when_the_model_lost_a_placeholder() -> None:
    masked = Masked("Xq1 e Xq2 chegaram.", (("Xq1", "Lula"), ("Xq2", "Maduro")))
    assert restore("Xq1 and Maduro arrived.", masked) is None
    assert restore("Xq12 arrived.", Masked("Xq1 chegou.", (("Xq1", "Lula"),))) is None


def test_names_placeholders_avoid_text_that_already_looks_like_one() -> None:
    masked = guard().mask("O modelo Xq7 foi usado por Maduro.")
    assert masked.names == (("Zq1", "Maduro"),)
    assert "Zq1" in masked.text


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("A polícia deteve 4,634 suspeitos e apreendeu 1.5 toneladas.", ["4,634", "1.5"]),
        ("A milícia libertou 33 reféns em 2025.", []),  # plain figures the model copies well
    ],
)
def test_names_figures_with_a_separator_are_protected_like_names(sentence: str, figures: list[str]) -> None:
    assert protected(sentence) == figures
