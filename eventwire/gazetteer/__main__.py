"""``python -m eventwire.gazetteer build [PATH]``: build the gazetteer file ahead of use."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from eventwire.gazetteer import build, default_path
from eventwire.gazetteer.index import Gazetteer


def main(argv: list[str]) -> int:
    """Build (``build [PATH]``) and report where the file went and how long loading takes."""
    if not argv or argv[0] != "build":
        sys.stderr.write("usage: python -m eventwire.gazetteer build [PATH]\n")
        return 2
    path = Path(argv[1]) if len(argv) > 1 else default_path()
    problems = build(path)
    for p in problems:
        sys.stderr.write(f"warning: {p}\n")
    t0 = time.perf_counter()
    gaz = Gazetteer.load(path)
    took = time.perf_counter() - t0
    sys.stdout.write(f"{path}: {len(gaz)} entries, loads in {took:.2f} s\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
