"""The ``events`` stage against the spaCy parse it reuses, on the same articles, in one run.

    python bench/bench_events.py [--n 400] [--corpus PATH]

The articles are parsed once with the pipeline's own stages (parse, mentions, actors); the
parse is timed, then the event coder is timed over the parsed analyses. The target is that
events add at most 25% of the parse time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "bench_corpus" / "articles.jsonl"
sys.path.insert(0, str(REPO))

from eventwire.config import Options  # noqa: E402 - after the path fix, for runs from a checkout
from eventwire.model import Analysis, Article  # noqa: E402
from eventwire.pipeline import load_stage  # noqa: E402


def load(path: Path, n: int) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(n), fh, strict=False)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    rows = load(args.corpus, args.n)
    options = Options()
    parser, mentions, actors, events = (load_stage(s, options) for s in ("parse", "mentions", "actors", "events"))
    analyses = [Analysis(article=Article(id=r["id"], body=r["text"], language="en")) for r in rows]

    start = time.perf_counter()
    analyses = parser.pipe(analyses)  # type: ignore[attr-defined]
    parse_s = time.perf_counter() - start
    analyses = [actors(mentions(a)) for a in analyses]

    start = time.perf_counter()
    coded = [events(a) for a in analyses]
    events_s = time.perf_counter() - start

    n_events = sum(len(a.events) for a in coded)
    words = sum(len(r["text"].split()) for r in rows)
    print(f"articles {len(rows)}  words {words}  events {n_events}")
    print(f"parse  {parse_s:8.2f} s  ({words / parse_s:,.0f} words/s)")
    print(f"events {events_s:8.2f} s  ({words / events_s:,.0f} words/s)")
    print(f"events / parse {events_s / parse_s:.3f}  (target <= 0.25)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
