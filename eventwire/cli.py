"""The command line: parse arguments, call the library, print, set the exit status.

This is the only module that prints. Exit status: 0 when every input was analysed, 1 when
some failed (each reported on standard error with its code), 2 for a usage or set-up error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from eventwire import __version__
from eventwire.batch import Tally, run_batch, summary_lines
from eventwire.config import Options
from eventwire.errors import EventwireError
from eventwire.evaluate import evaluate
from eventwire.inputs import read_inputs
from eventwire.kb import load_kb
from eventwire.pipeline import Failure, Pipeline
from eventwire.store import Store


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventwire", description="Verifiable political event data from raw news, offline."
    )
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    an = sub.add_parser("analyze", help="analyse articles and print or store their analyses")
    an.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .html/.htm (.gz too), .jsonl, a folder, or -")
    an.add_argument("--published", help="publication date (ISO) for inputs that give none")
    an.add_argument(
        "--format",
        choices=("json", "jsonl", "summary"),
        default=None,
        help="json (one document, or a list), jsonl (one per line) or summary; default summary",
    )
    an.add_argument("--db", type=Path, help="store analyses in this DuckDB file (re-runs skip stored articles)")
    an.add_argument("--out", type=Path, help="write the output to this file instead of standard output")
    an.add_argument("--kb-extra", type=Path, action="append", default=[], help="extra knowledge-base file (repeatable)")
    an.add_argument("--min-confidence", type=float, default=0.0, help="drop events below this confidence")
    an.add_argument("--max-bytes", type=int, default=Options.max_bytes, help="refuse inputs larger than this")
    an.add_argument("--stages", help="comma-separated stages to run (default: all); see 'eventwire stages'")
    an.set_defaults(func=cmd_analyze)
    ev = sub.add_parser("eval", help="run the pipeline over an evaluation set and print its scores")
    ev.add_argument(
        "sets", nargs="+", metavar="SET", help="a set name in SHARED/data (e.g. plover_gsr_cameo) or a path"
    )
    ev.add_argument("--kind", choices=("extraction", "events", "geo", "entities", "quotes", "acled"))
    ev.add_argument("--shared", type=Path, default=Path("../shared"), help="folder with data/ and eval/ (../shared)")
    ev.add_argument("--keep", type=Path, help="keep the input and output JSONL in this folder")
    ev.add_argument("--min-confidence", type=float, default=0.0, help="drop events below this confidence")
    ev.set_defaults(func=cmd_eval)
    kb = sub.add_parser("kb", help="search and check the knowledge base")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    ks = kb_sub.add_parser("search", help="show what a name resolves to, and why")
    ks.add_argument("name")
    ks.add_argument("--kb-extra", type=Path, action="append", default=[], help="extra knowledge-base file")
    ks.set_defaults(func=cmd_kb_search)
    kc = kb_sub.add_parser("check", help="validate the knowledge-base files (ids, types, relations)")
    kc.add_argument("--kb-extra", type=Path, action="append", default=[], help="extra knowledge-base file")
    kc.set_defaults(func=cmd_kb_check)
    return parser


def cmd_eval(args: argparse.Namespace) -> int:
    options = replace(Options(), min_confidence=args.min_confidence)
    for name in args.sets:
        keep = args.keep / name if args.keep else None
        report, failed = evaluate(name, kind=args.kind, shared=args.shared, options=options, keep=keep)
        print(f"== {name}" + (f" ({failed} articles failed)" if failed else ""))
        print(report)
    return 0


def cmd_kb_search(args: argparse.Namespace) -> int:
    kb = load_kb(tuple(args.kb_extra))
    for line in kb.search(args.name):
        print(f"{args.name}: {line}")
    return 0


def cmd_kb_check(args: argparse.Namespace) -> int:
    kb = load_kb(tuple(args.kb_extra))
    problems = kb.check()
    for problem in problems:
        print(problem)
    print(f"{len(kb.records)} records in {len(kb.files)} files, version {kb.version}: {len(problems)} problems")
    return 1 if problems else 0


def _report(failure: Failure) -> None:
    where = failure.origin or failure.id or "<input>"
    print(f"eventwire: {where}: {failure.code} {failure.reason}", file=sys.stderr)


def cmd_analyze(args: argparse.Namespace) -> int:
    options = replace(
        Options(),
        published=args.published,
        kb_paths=tuple(args.kb_extra),
        min_confidence=args.min_confidence,
        max_bytes=args.max_bytes,
    )
    if args.stages:
        options = replace(options, stages=tuple(s.strip() for s in args.stages.split(",") if s.strip()))
    pipeline = Pipeline.from_options(options)
    fmt = args.format or "summary"
    out: TextIO = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    store = Store(args.db) if args.db else None
    tally = Tally()
    docs = []
    try:
        for result in run_batch(pipeline, read_inputs(args.inputs, options.max_bytes), store, tally):
            if isinstance(result, Failure):
                _report(result)
            elif fmt == "jsonl":
                print(json.dumps(result.to_dict(), ensure_ascii=False), file=out, flush=True)
            elif fmt == "json":
                docs.append(result.to_dict())
            else:
                print("\n".join(summary_lines(result)), file=out, flush=True)
        if fmt == "json":
            print(json.dumps(docs[0] if len(docs) == 1 else docs, ensure_ascii=False, indent=2), file=out)
    finally:
        if store is not None:
            store.close()
        if args.out:
            out.close()
    line = f"eventwire: {tally.analysed} analysed, {len(tally.failed)} failed"
    if store is not None:
        line += f", {tally.stored} stored, {tally.skipped} already stored in {args.db}"
    print(line, file=sys.stderr)
    return 1 if tally.failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.func(args)
    except EventwireError as err:
        print(f"eventwire: {err}", file=sys.stderr)
        return 2
    return status


if __name__ == "__main__":
    sys.exit(main())
