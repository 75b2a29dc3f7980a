"""A batch interrupted at any point resumes without duplicates or losses."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.batch import Tally, run_batch
from eventwire.model import Source
from eventwire.store import Store
from tests.conftest import pipeline

STAGES = ("clean", "language", "parse", "mentions", "actors")


def sources(n: int) -> list[Source]:
    towns = ["Gao", "Kidal", "Menaka", "Timbuktu", "Mopti", "Segou", "Kayes"]
    return [
        Source(
            id=f"a{i}", text=f"Soldiers entered {towns[i % len(towns)]} on day {i}. Officials in Bamako confirmed it."
        )
        for i in range(n)
    ]


@pytest.mark.parametrize("stop_after", [0, 1, 3, 6])
def test_interrupted_batch_resumes_without_duplicates(tmp_path: Path, stop_after: int) -> None:
    db = tmp_path / "ew.duckdb"
    pipe = pipeline(STAGES)
    items = sources(7)
    with Store(db) as store:
        run = run_batch(pipe, items, store, Tally())
        for _ in range(stop_after):
            next(run)
        run.close()  # the interruption: the generator is abandoned mid-batch
    tally = Tally()
    with Store(db) as store:
        list(run_batch(pipe, items, store, tally))
        ids = [r[0] for r in store.con.execute("SELECT article_id FROM articles").fetchall()]
        mention_rows = store.count("mentions")
    assert sorted(ids) == sorted(s.id for s in items if s.id)
    assert tally.stored + tally.skipped == 7
    with Store(tmp_path / "fresh.duckdb") as fresh:
        list(run_batch(pipe, items, fresh, Tally()))
        assert fresh.count("mentions") == mention_rows
