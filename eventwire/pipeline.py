"""Build stages from options, check what each requires, run one article or many.

A stage is any object with ``name``, ``requires``, ``provides`` and
``__call__(Analysis) -> Analysis``; it may add ``pipe(list[Analysis]) -> list[Analysis]``
to work on a batch at once (the parse does, for spaCy's speed). Stages do no I/O: they
take records and return records.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Protocol

from eventwire import __version__
from eventwire.config import Options
from eventwire.errors import STAGE_FAILED, EventwireError, PipelineError
from eventwire.model import Analysis, Article, Source

# name -> "module:factory"; factories take Options and return a stage.
REGISTRY: dict[str, str] = {
    "clean": "eventwire.stages.clean:Cleaner",
    "language": "eventwire.stages.language:LanguageStage",
    "translate": "eventwire.stages.translate:Translator",
    "parse": "eventwire.stages.parse:Parser",
    "mentions": "eventwire.stages.mentions:MentionFinder",
    "actors": "eventwire.stages.actors:ActorLinker",
    "relations": "eventwire.stages.relations:RelationFinder",
    "places": "eventwire.stages.places:PlaceResolver",
    "times": "eventwire.stages.times:TimeResolver",
    "quantities": "eventwire.stages.quantities:QuantityFinder",
    "quotes": "eventwire.stages.quotes:QuoteFinder",
    "events": "eventwire.stages.events:EventCoder",
}

# What an analysis holds before any stage ran.
INITIAL = frozenset({"source"})


class Stage(Protocol):
    """The one interface every stage implements."""

    name: str
    requires: frozenset[str]
    provides: frozenset[str]

    def __call__(self, analysis: Analysis) -> Analysis: ...


@dataclass(frozen=True)
class Failure:
    """An article that could not be analysed: where it came from, the code and why."""

    id: str | None
    origin: str | None
    code: str
    reason: str


Result = Analysis | Failure


def load_stage(name: str, options: Options) -> Stage:
    """Instantiate the stage registered under ``name``."""
    try:
        module_name, factory = REGISTRY[name].split(":")
    except KeyError:
        known = ", ".join(REGISTRY)
        raise PipelineError(f"unknown stage {name!r}", code="E302", hint=f"known: {known}") from None
    module = importlib.import_module(module_name)
    stage: Stage = getattr(module, factory)(options)
    return stage


class Pipeline:
    """An ordered list of stages whose requirements are met by the stages before them."""

    def __init__(self, stages: Iterable[Stage], options: Options | None = None) -> None:
        self.options = options or Options()
        self.stages = list(stages)
        self.version = __version__
        available = set(INITIAL)
        for stage in self.stages:
            missing = stage.requires - available
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage provides",
                    code="E303",
                    hint="add the stages that provide them before it",
                )
            available |= stage.provides

    @classmethod
    def from_options(cls, options: Options | None = None) -> Pipeline:
        """Build the stages named in ``options.stages``."""
        options = options or Options()
        return cls((load_stage(n, options) for n in options.stages), options)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def start(self, source: Source) -> Analysis:
        """The empty analysis a source begins as."""
        published = source.published or self.options.published
        article = Article(id=source.id or "", body="", published=published)
        return Analysis(article=article, source=source, pipeline_version=self.version)

    def __call__(self, source: Source) -> Analysis:
        """Analyse one article; raises :class:`InputError` when it holds no usable text."""
        analysis = self.start(source)
        for stage in self.stages:
            analysis = stage(analysis)
        return analysis.finished()

    def run_many(self, sources: Iterable[Source | Failure]) -> Iterator[Result]:
        """Analyse many articles in input order; a failure never stops the batch.

        Sources are taken in batches of ``options.batch_size`` so that stages with a
        ``pipe`` method (the parse) see many articles at once."""
        batch: list[Source | Failure] = []
        for item in sources:
            batch.append(item)
            if len(batch) >= self.options.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Source | Failure]) -> list[Result]:
        work: list[Result] = [self.start(item) if isinstance(item, Source) else item for item in batch]
        for stage in self.stages:
            live = [i for i, r in enumerate(work) if isinstance(r, Analysis)]
            pipe: Callable[[list[Analysis]], list[Analysis]] | None = getattr(stage, "pipe", None)
            if pipe is not None:
                try:
                    outs = pipe([work[i] for i in live])  # type: ignore[misc]
                except Exception:  # noqa: BLE001 - retried one by one below, to find the culprit
                    outs = None
                if outs is not None:
                    for i, out in zip(live, outs, strict=True):
                        work[i] = out
                    continue
            for i in live:
                work[i] = _guarded(stage, work[i])  # type: ignore[arg-type]
        return [r.finished() if isinstance(r, Analysis) else r for r in work]


def _guarded(stage: Stage, analysis: Analysis) -> Result:
    """Run one stage on one article, turning its failure into a :class:`Failure`."""
    source = analysis.source
    try:
        return stage(analysis)
    except EventwireError as err:  # bad input, or a coded failure such as the translator's (E304)
        return Failure(analysis.article.id or None, _origin(source), err.code, str(err))
    except Exception as err:  # noqa: BLE001 - one bad article must not stop a batch
        reason = f"stage {stage.name!r} failed: {type(err).__name__}: {err}"
        return Failure(analysis.article.id or None, _origin(source), STAGE_FAILED, reason)


def _origin(source: Source | None) -> str | None:
    return source.origin if source is not None else None


def with_article(analysis: Analysis, **changes: object) -> Analysis:
    """A copy of ``analysis`` whose article has ``changes`` applied."""
    return replace(analysis, article=replace(analysis.article, **changes))  # type: ignore[arg-type]
