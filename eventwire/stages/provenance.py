"""Provenance: who published this copy, whose reporting it is, and whether it was translated.

First version: the publisher is the page's site name. Evidence rules come next.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.model import Removed, Span


@dataclass(frozen=True)
class Provenance:
    """Provenance fields of an article and the body spans that support them."""

    publisher: str | None = None
    original_reporting: str | None = None
    machine_translated: bool = False
    source_language: str | None = None
    evidence: tuple[Span, ...] = ()


def find_provenance(
    body: str,
    removed: tuple[Removed, ...],
    *,
    site_name: str | None = None,
    url: str | None = None,
) -> Provenance:
    """Read provenance from the body, the blocks the cleaner cut and the page metadata."""
    return Provenance(publisher=site_name)
