"""Running the pipeline over many inputs, storing as it goes, resuming where it stopped.

A resumed batch skips articles the store already holds for this pipeline version, and
each article is stored in one transaction, so an interruption at any point loses at most
the article in flight, which the next run redoes: no duplicates, no losses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from eventwire.model import Analysis, Source
from eventwire.pipeline import Failure, Pipeline, Result
from eventwire.store import Store


@dataclass
class Tally:
    """What a batch did, for the summary line and the exit status."""

    analysed: int = 0
    stored: int = 0
    skipped: int = 0
    failed: list[Failure] = field(default_factory=list)


def run_batch(
    pipeline: Pipeline,
    items: Iterable[Source | Failure],
    store: Store | None,
    tally: Tally,
) -> Iterator[Result]:
    """Analyse ``items`` in order, storing each result; yields analyses and failures."""
    done = store.stored_ids(pipeline.version) if store is not None else set()

    def todo() -> Iterator[Source | Failure]:
        for item in items:
            if isinstance(item, Source) and item.id is not None and item.id in done:
                tally.skipped += 1
                continue
            yield item

    for result in pipeline.run_many(todo()):
        if isinstance(result, Failure):
            tally.failed.append(result)
            if store is not None:
                store.write_failure(result, pipeline.version)
        else:
            tally.analysed += 1
            if store is not None:
                if store.write(result):
                    tally.stored += 1
                else:
                    tally.skipped += 1
        yield result


def summary_lines(analysis: Analysis) -> list[str]:
    """A readable summary of one analysis, for ``--format summary``."""
    a = analysis.article
    head = f"== {a.id[:40]}  {a.title or '(no title)'}"
    meta = [
        f"language {a.language or '?'}",
        f"published {a.published or '?'}" + (" (inferred)" if a.published_inferred else ""),
    ]
    if a.publisher:
        meta.append(f"publisher {a.publisher}")
    if a.original_reporting:
        meta.append(f"reporting {a.original_reporting}")
    if a.machine_translated:
        meta.append(f"machine-translated from {a.source_language or '?'}")
    lines = [head, "   " + "; ".join(meta)]
    lines.append(f"   {len(a.body.split())} words kept, {len(a.removed)} blocks cut")

    def names(items: Iterable[object]) -> str:
        return ", ".join(getattr(i, "name", "") for i in items) or "-"

    lines.append(f"   actors: {names(analysis.actors)}")
    lines.append(f"   people: {names(analysis.people)}")
    lines.append(f"   places: {names(analysis.places)}")
    for e in analysis.events:
        who = f"{e.actor or '?'} -> {e.recipient or '-'}"
        lines.append(f'   event {e.type:<9} {e.modality:<11} {who}: "{e.evidence.text[:70]}"')
    for q in analysis.quotes:
        lines.append(f'   quote {q.speaker or q.speaker_description or "?"}: "{q.text[:70]}"')
    for t in analysis.times:
        lines.append(f"   time  {t.text!r} -> {t.value}")
    for n in analysis.notices:
        lines.append(f"   note  {n.code} {n.message}")
    return lines
