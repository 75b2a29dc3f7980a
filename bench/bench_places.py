"""The places stage against the whole analysis, and the gazetteer's load time, in one run.

    python bench/bench_places.py [--n 400] [--corpus PATH]

Runs the default pipeline (or ``--stages``) over the first N articles of the bench corpus, timing every stage
separately (models and the gazetteer are loaded before the clock starts), and prints the
places stage's share of the analysis time. The gazetteer's load time is measured in a fresh
child process, from an already built cache file, as a user's second run would see it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "bench_corpus" / "articles.jsonl"
LOAD_SNIPPET = """
import time
from eventwire.gazetteer import Gazetteer, default_path
t0 = time.perf_counter()
g = Gazetteer.load(default_path())
print(time.perf_counter() - t0, len(g))
"""


def load_rows(path: Path, n: int) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(n), fh, strict=False)]


def stage_times(rows: list[dict[str, str]], stages: tuple[str, ...] | None) -> tuple[dict[str, float], int]:
    """Seconds spent in each stage over ``rows``, and the number of places found."""
    from eventwire.config import Options
    from eventwire.model import Analysis, Source
    from eventwire.pipeline import Pipeline
    from eventwire.stages.places import PlaceResolver

    pipe = Pipeline.from_options(Options(stages=stages) if stages else Options())
    for stage in pipe.stages:
        if isinstance(stage, PlaceResolver):
            stage.gazetteer  # noqa: B018 - load before the clock starts
    times = dict.fromkeys(pipe.names, 0.0)
    n_places = 0
    sources = [Source(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published")) for r in rows]
    batch = pipe.options.batch_size
    for k in range(0, len(sources), batch):
        work = [pipe.start(s) for s in sources[k : k + batch]]
        for stage in pipe.stages:
            started = time.perf_counter()
            piped = getattr(stage, "pipe", None)
            work = piped(work) if piped is not None else [stage(a) for a in work]
            times[stage.name] += time.perf_counter() - started
        n_places += sum(len(a.places) for a in work if isinstance(a, Analysis))
    return times, n_places


def load_seconds() -> tuple[float, int]:
    """The gazetteer's load time in a fresh process (building it first if needed)."""
    from eventwire.gazetteer import load_gazetteer

    load_gazetteer()  # builds the cache file when it is missing
    out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET], capture_output=True, text=True, check=True)
    seconds, entries = out.stdout.split()
    return float(seconds), int(entries)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--stages", help="comma-separated stages (default: the default pipeline)")
    args = ap.parse_args()
    stages = tuple(args.stages.split(",")) if args.stages else None
    rows = load_rows(args.corpus, args.n)
    seconds, entries = load_seconds()
    times, n_places = stage_times(rows, stages)
    total = sum(times.values())
    places = times.get("places", 0.0)
    rest = total - places
    for name, t in times.items():
        sys.stdout.write(f"{name:<12} {t:8.2f} s  {100 * t / total:5.1f}%\n")
    sys.stdout.write(f"articles {len(rows)}, places found {n_places}\n")
    sys.stdout.write(f"places stage {places:.2f} s of {total:.2f} s: {100 * places / total:.1f}% of the analysis\n")
    sys.stdout.write(f"places / rest of the analysis: {places / rest:.3f} (target <= 0.100)\n")
    sys.stdout.write(
        f"gazetteer load (fresh process, built cache): {seconds:.3f} s for {entries} entries (target < 1 s)\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
