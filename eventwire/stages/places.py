"""The ``places`` stage: toponyms of the text.

First version, before the gazetteer: each distinct GPE, LOC or FAC name is a place with
unknown coordinates.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from eventwire.config import Options
from eventwire.model import Analysis, Mention, Place, Span
from eventwire.names import fold

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


class PlaceResolver:
    """Groups place mentions by their folded name."""

    name = "places"
    requires = frozenset({"mentions"})
    provides = frozenset({"places"})

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, analysis: Analysis) -> Analysis:
        groups: dict[str, list[Mention]] = defaultdict(list)
        for m in analysis.mentions:
            if m.label in PLACE_LABELS:
                groups[fold(m.text)].append(m)
        places = tuple(
            Place(name=ms[0].text, mentions=tuple(Span(m.start, m.end, m.text) for m in ms)) for ms in groups.values()
        )
        return replace(analysis, places=places)
