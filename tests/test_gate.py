"""The quality gate: scores on the seed and the development sets never fall below their floors.

Floors live in ``tests/eval_floors.json`` and only rise (trafilatura's habit): lowering one
is a reviewed change to that file, never a silent one. The sets and scorers are read from
``../shared`` at run time; nothing of them is kept here.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.config import Options
from eventwire.evaluate import evaluate
from tests.conftest import REPO

FLOORS = json.loads((REPO / "tests" / "eval_floors.json").read_text(encoding="utf-8"))


def figures(report: str) -> dict[str, float]:
    """'events F1 0.812' -> {'events F1': 0.812}: the scorer's closing figures."""
    out = {}
    for line in report.splitlines():
        m = re.match(r"^(.*\S)\s+(\d\.\d{3})$", line.strip())
        if m:
            out[m.group(1)] = float(m.group(2))
    return out


@pytest.mark.parametrize("set_name", sorted(FLOORS["sets"]))
def test_development_set_scores_stay_above_their_floors(shared: Path, set_name: str, tmp_path: Path) -> None:
    report, _failed = evaluate(set_name, shared=shared, options=Options(), keep=tmp_path)
    got = figures(report)
    for figure, floor in FLOORS["sets"][set_name].items():
        assert figure in got, f"{set_name}: the scorer did not print {figure!r}:\n{report}"
        assert got[figure] >= floor, f"{set_name}: {figure} {got[figure]:.3f} fell below its floor {floor}"


def test_seed_scores_stay_above_their_floors(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.json"
    seed = shared / "seed" / "seed-article.txt"
    cmd = [sys.executable, "-m", "eventwire.cli", "analyze", str(seed), "--published", "2025-04-07"]
    done = subprocess.run([*cmd, "--format", "json", "--out", str(out)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    scorer = shared / "eval" / "score_analysis.py"
    gold = shared / "seed" / "seed-article.gold.json"
    scored = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(out), "--json"], capture_output=True, text=True
    )
    result = json.loads(scored.stdout)
    for path, floor in FLOORS["seed"].items():
        section, key = path.split(".")
        value = result[section][key]
        assert value >= floor, f"seed {path} {value:.2f} fell below its floor {floor}"
