"""The parse stage's own components: the dateline boundary and the lemma fixes."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.config import Options
from eventwire.stages.parse import load_model


def nlp() -> Any:
    options = Options()
    return load_model(options.model, options.max_bytes + 1)


@pytest.mark.parametrize(("text", "form", "lemma"), [
    ("The army staged a coup on Wednesday.", "staged", "stage"),
    ("Rebels have waged war on the state for a decade.", "waged", "wage"),
    ("Protesters are staging a sit-in outside parliament.", "staging", "stage"),
])  # fmt: skip
def test_verb_forms_the_lemmatizer_strips_wrongly_get_their_lemma(text: str, form: str, lemma: str) -> None:
    doc = nlp()(text)
    assert next(t.lemma_ for t in doc if t.text == form) == lemma


def test_a_noun_that_looks_like_a_fixed_verb_keeps_its_own_lemma() -> None:
    doc = nlp()("Young workers of a certain age left.")
    assert next(t.lemma_ for t in doc if t.text == "age") == "age"


def test_the_dateline_is_its_own_sentence_before_the_parse() -> None:
    doc = nlp()("NAIROBI, March 3 (Reuters) - Kenya and Somalia agreed to reopen the border.")
    kenya = next(t for t in doc if t.text == "Kenya")
    assert kenya.is_sent_start and kenya.dep_ == "nsubj"
