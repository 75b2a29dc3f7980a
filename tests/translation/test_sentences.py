"""Sentence splitting of source text: offsets, abbreviations, initials, quotes, paragraphs."""

from __future__ import annotations

import pytest

from eventwire.translation import load_lexicon, split_sentences
from eventwire.translation.sentences import separator

ABBREVIATIONS = load_lexicon("pt").abbreviations


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, ABBREVIATIONS)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O grupo recuou. O governo celebrou.", ["O grupo recuou.", "O governo celebrou."]),
        ("Quem ganhou? Ninguém sabe!", ["Quem ganhou?", "Ninguém sabe!"]),
        ('"Não vamos recuar." O líder saiu.', ['"Não vamos recuar."', "O líder saiu."]),
        ("“Estamos prontos.” Depois partiu.", ["“Estamos prontos.”", "Depois partiu."]),
        ("O Sr. Silva e a Dra. Souza chegaram.", ["O Sr. Silva e a Dra. Souza chegaram."]),
        ("O Gen. Ramos falou com J. D. Vance ontem.", ["O Gen. Ramos falou com J. D. Vance ontem."]),
        ("Morreram 12 pessoas. Outras 30 ficaram feridas.", ["Morreram 12 pessoas.", "Outras 30 ficaram feridas."]),
        ("Primeiro parágrafo sem ponto\n\nSegundo parágrafo.", ["Primeiro parágrafo sem ponto", "Segundo parágrafo."]),
        (
            "o preço subiu para 3.5 por cento. A inflação caiu.",
            ["o preço subiu para 3.5 por cento.", "A inflação caiu."],
        ),
    ],
)
def test_sentences_split_at_ends_but_not_at_abbreviations_or_initials(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentences_offsets_slice_the_text_and_skip_surrounding_space() -> None:
    text = "  Uma frase.   Outra frase.\n\n  Terceira.  "
    spans = split_sentences(text, ABBREVIATIONS)
    assert [text[s:e] for s, e in spans] == ["Uma frase.", "Outra frase.", "Terceira."]
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)


@pytest.mark.parametrize(
    ("gap", "joined"), [(" ", " "), ("   ", " "), ("\n", "\n"), ("\n\n", "\n\n"), (" \n \n ", "\n\n")]
)
def test_sentences_keep_paragraph_and_line_breaks_between_translations(gap: str, joined: str) -> None:
    assert separator(gap) == joined
