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


def test_a_batch_killed_mid_run_resumes_without_duplicates_or_losses(tmp_path: Path) -> None:
    """A real process, killed while it writes, then run again on the same input."""
    import json
    import signal
    import subprocess
    import sys
    import time

    import duckdb

    src = tmp_path / "in.jsonl"
    rows = [{"id": f"k{i}", "text": f"Soldiers entered the town of Gao on day {i}. Officials in Bamako confirmed it."}
            for i in range(40)]  # fmt: skip
    src.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    db = tmp_path / "ew.duckdb"
    cmd = [sys.executable, "-m", "eventwire.cli", "analyze", str(src), "--db", str(db), "--format", "jsonl"]
    env_stages = ["--stages", ",".join(STAGES)]
    proc = subprocess.Popen([*cmd, *env_stages], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    seen = 0
    deadline = time.monotonic() + 120
    while seen < 3 and time.monotonic() < deadline:  # wait until a few articles are written
        if proc.stdout.readline():
            seen += 1
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert seen >= 3, "the first run wrote nothing before the time limit"
    done = subprocess.run([*cmd, *env_stages], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    con = duckdb.connect(str(db), read_only=True)
    ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
    con.close()
    assert sorted(ids) == sorted(r["id"] for r in rows)
