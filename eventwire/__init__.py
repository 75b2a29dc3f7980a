"""eventwire: verifiable political event data from raw news, offline.

The public surface is small: :func:`analyze` for one article, :class:`Pipeline` for many,
the records of :mod:`eventwire.model`, and the exception tree of :mod:`eventwire.errors`.
"""

from __future__ import annotations

__version__ = "0.1.0"

from eventwire.api import analyze
from eventwire.config import Options
from eventwire.errors import ConfigError, EventwireError, InputError, PipelineError, StoreError
from eventwire.model import (
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
from eventwire.pipeline import Failure, Pipeline

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
