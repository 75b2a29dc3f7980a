"""eventwire: verifiable political event data from raw news, offline.

The public surface is small: :func:`analyze` for one article, :class:`Pipeline` for many,
the records of :mod:`eventwire.model`, and the exception tree of :mod:`eventwire.errors`.
"""

from __future__ import annotations

__version__ = "0.1.0"

from eventwire.api import analyze  # noqa: E402 - the version must exist before the pipeline imports it
from eventwire.config import Options  # noqa: E402
from eventwire.errors import ConfigError, EventwireError, InputError, PipelineError, StoreError  # noqa: E402
from eventwire.model import (  # noqa: E402
    Actor,
    Analysis,
    Article,
    Event,
    Mention,
    Notice,
    Person,
    Place,
    Quantity,
    Quote,
    Relation,
    Removed,
    Source,
    Span,
    TimeExpr,
)
from eventwire.pipeline import Failure, Pipeline  # noqa: E402

__all__ = [
    "Actor",
    "Analysis",
    "Article",
    "ConfigError",
    "Event",
    "EventwireError",
    "Failure",
    "InputError",
    "Mention",
    "Notice",
    "Options",
    "Person",
    "Pipeline",
    "PipelineError",
    "Place",
    "Quantity",
    "Quote",
    "Relation",
    "Removed",
    "Source",
    "Span",
    "StoreError",
    "TimeExpr",
    "__version__",
    "analyze",
]
