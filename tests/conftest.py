"""Shared fixtures: the ../shared folder and a cached way to analyse hand-written text."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pytest

from eventwire.config import DEFAULT_STAGES, Options
from eventwire.model import Analysis, Source
from eventwire.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder beside the repository (seed and development sets)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@lru_cache(maxsize=8)
def pipeline(stages: tuple[str, ...] = DEFAULT_STAGES) -> Pipeline:
    return Pipeline.from_options(Options(stages=stages))


def analyse(text: str, *, published: str | None = "2025-04-07", stages: Iterable[str] | None = None) -> Analysis:
    """Analyse hand-written ``text`` with the named stages (default: all)."""
    chosen = tuple(stages) if stages is not None else DEFAULT_STAGES
    return pipeline(chosen)(Source(id="t", text=text, published=published))
