"""``eventwire eval``: run the pipeline over an evaluation set and print the scorer's figures.

The sets and the scorer (``score_sets.py``) live outside the package (``../shared``): the
scorer turns a set into eventwire's JSONL input, eventwire analyses it in process, and the
scorer scores the output. Nothing from a set is kept in the package.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from eventwire.config import Options
from eventwire.errors import ConfigError
from eventwire.inputs import read_inputs
from eventwire.pipeline import Failure, Pipeline

KINDS = {
    "article_extraction_benchmark": "extraction",
    "article_text_pages": "extraction",
    "plover_gsr_cameo": "events",
    "petrarch_gsr": "events",
    "petrarch2_unittests": "events",
    "lgl": "geo",
    "geowebnews": "geo",
    "tr_news": "geo",
    "re3d": "entities",
}
# The extraction score reads only the body: later stages would cost time and change nothing.
STAGES_FOR = {"extraction": ("clean", "language")}


def find_set(name: str, shared: Path) -> Path:
    """A set's ``data.jsonl`` from a path or a name under ``shared/data``."""
    path = Path(name)
    for candidate in (path, path / "data.jsonl", shared / "data" / name / "data.jsonl"):
        if candidate.is_file():
            return candidate
    raise ConfigError(
        f"evaluation set not found: {name}", code="E205", hint=f"give a path or a name in {shared / 'data'}"
    )


def evaluate(
    set_name: str, *, kind: str | None = None, shared: Path, options: Options, keep: Path | None = None
) -> tuple[str, int]:
    """Run and score one set; returns the scorer's report and the number of failed articles."""
    data = find_set(set_name, shared)
    kind = kind or KINDS.get(data.parent.name)
    if kind is None:
        raise ConfigError(f"cannot tell which score applies to {data}", code="E206", hint="pass --kind")
    scorer = shared / "eval" / "score_sets.py"
    if not scorer.is_file():
        raise ConfigError(f"scorer not found at {scorer}", code="E207", hint="pass --shared")
    if kind in STAGES_FOR:
        options = replace(options, stages=STAGES_FOR[kind])
    work = keep or Path(tempfile.mkdtemp(prefix="eventwire-eval-"))
    work.mkdir(parents=True, exist_ok=True)
    inp, out = work / "in.jsonl", work / "out.jsonl"
    made = subprocess.run([sys.executable, str(scorer), "input", str(data)], capture_output=True, text=True, check=True)
    inp.write_text(made.stdout, encoding="utf-8")
    failed = 0
    pipeline = Pipeline.from_options(options)
    with out.open("w", encoding="utf-8") as fh:
        for result in pipeline.run_many(read_inputs([str(inp)], options.max_bytes)):
            if isinstance(result, Failure):
                failed += 1
                continue
            fh.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    scored = subprocess.run(
        [sys.executable, str(scorer), "score", kind, str(data), str(out)], capture_output=True, text=True, check=False
    )
    return scored.stdout.strip(), failed
