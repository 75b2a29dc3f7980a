"""Records are frozen, picklable and serialise to the analysis document."""

from __future__ import annotations

import dataclasses
import json
import pickle

import pytest

from eventwire.model import SCHEMA, Actor, Analysis, Article, Event, Span


def sample() -> Analysis:
    body = "Rebels attacked the town."
    return Analysis(
        article=Article(id="a1", body=body, published="2025-01-02"),
        actors=(Actor(id="rebels", name="Rebels", mentions=(Span.of(body, 0, 6),)),),
        events=(Event(type="ASSAULT", evidence=Span.of(body, 0, 24), actor="Rebels"),),
        pipeline_version="test",
    )


def test_records_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample().article.body = "x"  # type: ignore[misc]


def test_analysis_pickles_and_compares_equal() -> None:
    a = sample()
    assert pickle.loads(pickle.dumps(a)) == a


def test_to_dict_is_the_documented_json_shape() -> None:
    doc = sample().to_dict()
    assert doc["schema"] == SCHEMA
    assert list(doc)[:3] == ["schema", "pipeline_version", "article"]
    assert doc["events"][0]["evidence"] == {"start": 0, "end": 24, "text": "Rebels attacked the town"}
    assert doc["actors"][0]["mentions"] == [{"start": 0, "end": 6, "text": "Rebels"}]
    assert "doc" not in doc and "source" not in doc
    json.dumps(doc)


def test_span_of_slices_the_body() -> None:
    assert Span.of("abcdef", 1, 3) == Span(1, 3, "bc")
