"""Whole-text translation with a stand-in engine: alignment, paragraphs, names, retries."""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventwire.translation import DocumentTranslator, Engine, NameGuard, load_lexicon

PT = load_lexicon("pt")
WORDS = {"o": "the", "grupo": "group", "recuou": "withdrew", "guerra": "war", "disse": "said", "não": "no"}


class WordEngine:
    """Translates word by word from a small dictionary, names included (as models do)."""

    name = "words 1"
    languages = frozenset({"pt"})

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def translate(self, sentences: Sequence[str], source: str) -> list[str]:
        self.calls.append(list(sentences))
        return [re.sub(r"\w+", lambda m: WORDS.get(m.group().lower(), m.group()), s) for s in sentences]


class DroppingEngine(WordEngine):
    """Loses every placeholder, as a model may."""

    def translate(self, sentences: Sequence[str], source: str) -> list[str]:
        out = super().translate(sentences, source)
        return [s.replace("Xq1", "someone") for s in out]


def test_document_aligns_every_english_sentence_with_its_source_sentence() -> None:
    source = "O grupo recuou.  Guerra disse não.\n\nO grupo recuou."
    result = DocumentTranslator(WordEngine(), "pt", PT).translate(source)
    assert result.text == "the group withdrew. war said no.\n\nthe group withdrew."
    pairs = [(result.text[p.start : p.end], source[p.source_start : p.source_end]) for p in result.alignment]
    assert pairs == [
        ("the group withdrew.", "O grupo recuou."),
        ("war said no.", "Guerra disse não."),
        ("the group withdrew.", "O grupo recuou."),
    ]
    assert result.engine == "words 1"


def test_document_sends_masked_names_to_the_engine_and_restores_them() -> None:
    engine = WordEngine()
    guard = NameGuard(["Guerra"], PT)
    result = DocumentTranslator(engine, "pt", PT, guard).translate("O grupo recuou, disse Guerra.")
    assert engine.calls == [["O grupo recuou, disse Xq1."]]
    assert result.text == "the group withdrew, said Guerra."
    assert result.unprotected == 0


def test_document_retranslates_without_masks_when_the_model_loses_a_placeholder() -> None:
    engine = DroppingEngine()
    guard = NameGuard(["Guerra"], PT)
    result = DocumentTranslator(engine, "pt", PT, guard).translate("Disse Guerra.")
    assert engine.calls == [["Disse Xq1."], ["Disse Guerra."]]
    assert result.text == "said war."  # the fallback: whole, but the name translated
    assert result.unprotected == 1


def test_document_translates_many_texts_in_one_engine_call() -> None:
    engine = WordEngine()
    results = DocumentTranslator(engine, "pt", PT).translate_many(["O grupo recuou. Não.", "", "Guerra."])
    assert [r.text for r in results] == ["the group withdrew. no.", "", "war."]
    assert len(engine.calls) == 1


def test_document_preedits_the_source_before_translation() -> None:
    engine = WordEngine()
    DocumentTranslator(engine, "pt", PT).translate("O grupo recuou há dois anos.")
    assert engine.calls == [["O grupo recuou dois anos atrás."]]


def test_document_engines_are_plain_objects_of_the_protocol() -> None:
    assert isinstance(WordEngine(), Engine)


class QuoteDroppingEngine(WordEngine):
    """Drops quotation marks it cannot pair, as the model does within one sentence."""

    def translate(self, sentences: Sequence[str], source: str) -> list[str]:
        out = super().translate(sentences, source)
        return [s.translate(str.maketrans("", "", '“”«»"')) if s.count("“") + s.count("”") == 1 else s for s in out]


def test_document_puts_back_the_quotation_marks_of_a_quote_over_several_sentences() -> None:
    source = "“O grupo recuou. Não recuou.” Guerra disse."
    result = DocumentTranslator(QuoteDroppingEngine(), "pt", PT).translate(source)
    assert result.text == '"the group withdrew. no withdrew." war said.'


def test_document_translates_a_capitalised_dateline_and_keeps_it_in_capitals() -> None:
    engine = WordEngine()
    result = DocumentTranslator(engine, "pt", PT).translate("GUERRA, 7 Abr - O grupo recuou.")
    assert engine.calls == [["Guerra, 7 de abril - O grupo recuou."]]
    assert result.text == "WAR, 7 de abril - the group withdrew."


class DigitEngine(WordEngine):
    """Miscopies digits (not those of placeholders), as the model does with figures ("4,634" -> "43,634")."""

    def translate(self, sentences: Sequence[str], source: str) -> list[str]:
        return [re.sub(r"(?<![A-Za-z\d])\d", lambda m: m.group() * 2, s) for s in super().translate(sentences, source)]


def test_document_keeps_figures_with_decimal_commas_exact() -> None:
    source = "O grupo recuou 4.634 metros e 150,5 quilómetros."
    result = DocumentTranslator(DigitEngine(), "pt", PT, NameGuard([], PT)).translate(source)
    assert result.text == "the group withdrew 4,634 metros e 150.5 quilómetros."
