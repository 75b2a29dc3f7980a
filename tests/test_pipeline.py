"""The pipeline refuses to build when a requirement is missing, and runs stages in order."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.config import Options
from eventwire.errors import PipelineError
from eventwire.model import Analysis, Notice, Source
from eventwire.pipeline import Failure, Pipeline, load_stage


class Marker:
    """A stage that records its name in the analysis notices."""

    def __init__(self, name: str, requires: set[str], provides: set[str]) -> None:
        self.name = name
        self.requires = frozenset(requires)
        self.provides = frozenset(provides)

    def __call__(self, analysis: Analysis) -> Analysis:
        return replace(analysis, notices=(*analysis.notices, Notice("T000", self.name)))


class Exploding(Marker):
    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.source is not None and analysis.source.text == "boom":
            raise RuntimeError("kaboom")
        return super().__call__(analysis)


def test_pipeline_refuses_a_stage_whose_requirement_no_earlier_stage_provides() -> None:
    with pytest.raises(PipelineError, match="requires"):
        Pipeline([Marker("late", {"doc"}, {"events"}), Marker("parse", {"source"}, {"doc"})])


def test_pipeline_runs_stages_in_order() -> None:
    pipe = Pipeline([Marker("a", {"source"}, {"x"}), Marker("b", {"x"}, {"y"})])
    out = pipe(Source(id="1", text="hello"))
    assert [n.message for n in out.notices] == ["a", "b"]
    assert out.doc is None
    assert out.source is None


def test_unknown_stage_is_a_coded_error() -> None:
    with pytest.raises(PipelineError) as err:
        load_stage("teleport", Options())
    assert err.value.code == "E302"


def test_a_failing_article_becomes_a_failure_and_the_batch_goes_on() -> None:
    pipe = Pipeline([Exploding("x", {"source"}, {"x"})], Options(batch_size=2))
    sources = [Source(id=str(i), text=t) for i, t in enumerate(["fine", "boom", "fine too"])]
    results = list(pipe.run_many(sources))
    assert [type(r).__name__ for r in results] == ["Analysis", "Failure", "Analysis"]
    failure = results[1]
    assert isinstance(failure, Failure)
    assert failure.code == "E301"
    assert "kaboom" in failure.reason


def test_failures_from_reading_pass_through_in_order() -> None:
    pipe = Pipeline([Marker("a", {"source"}, {"x"})])
    bad = Failure("b", "b.txt", "E102", "empty input")
    results = list(pipe.run_many([Source(id="a", text="x"), bad, Source(id="c", text="y")]))
    assert results[1] is bad
    assert [getattr(r, "article", None) and r.article.id for r in results] == ["a", None, "c"]  # type: ignore[union-attr]
