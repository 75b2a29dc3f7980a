"""Evidence everywhere: every span of every record slices the body to the text it claims."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.inputs import read_inputs
from eventwire.model import Analysis, Source
from tests.conftest import REPO, analyse, pipeline

SUBJECTS = ["Kataib Hezbollah", "The Iraqi government", "Prime Minister Mohammed Shia al-Sudani", "Hamas",
            "The United Nations", "Russian forces", "Protesters in Nairobi", "Sudan's army",
            "The militias"]  # fmt: skip
VERBS = ["attacked", "met with", "accused", "threatened to strike", "called on", "signed a deal with",
         "imposed sanctions on", "withdrew from", "is prepared to disarm near", "did not attack"]  # fmt: skip
OBJECTS = ["Israel", "US forces in Syria", "the Rapid Support Forces", "Baghdad", "Mosul and Anbar",
           "the European Union", "Kyiv", "about 50,000 fighters", "dozens of drones"]  # fmt: skip
TAILS = ["", " on Tuesday", " since mid-January", " about 18 months ago", " in 2024", ", officials told Reuters",
         ", according to AFP", " in early March"]  # fmt: skip
QUOTES = ['"We will respond," he said.', "“This is a first step,” said a commander, who asked not to be named.",
          'The minister said the talks were "very advanced".']  # fmt: skip


@st.composite
def articles(draw: st.DrawFn) -> str:
    n = draw(st.integers(1, 6))
    sentences = [
        f"{draw(st.sampled_from(SUBJECTS))} {draw(st.sampled_from(VERBS))} {draw(st.sampled_from(OBJECTS))}"
        f"{draw(st.sampled_from(TAILS))}."
        for _ in range(n)
    ]
    if draw(st.booleans()):
        sentences.insert(draw(st.integers(0, len(sentences))), draw(st.sampled_from(QUOTES)))
    paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    return "\n\n".join(paragraphs)


def assert_spans_slice(analysis: Analysis) -> None:
    body = analysis.article.body
    for where, span in analysis.spans():
        assert 0 <= span.start <= span.end <= len(body), (where, span)
        assert body[span.start : span.end] == span.text, (where, span)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_every_span_slices_the_body_on_generated_articles(text: str) -> None:
    assert_spans_slice(analyse(text))


def test_every_span_slices_the_body_on_the_examples() -> None:
    items = [i for i in read_inputs([str(REPO / "examples")], 5_000_000) if isinstance(i, Source)]
    assert len(items) >= 3
    for item in items:
        assert_spans_slice(pipeline()(item))


def test_every_span_slices_the_body_on_the_seed(shared: Path) -> None:
    text = (shared / "seed" / "seed-article.txt").read_text(encoding="utf-8")
    analysis = analyse(text)
    assert analysis.spans(), "the seed should yield evidence"
    assert_spans_slice(analysis)
