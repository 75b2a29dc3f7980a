"""The ``mentions`` stage: named entities of the parse as :class:`~eventwire.model.Mention`.

Labels follow spaCy's scheme (PERSON, ORG, NORP, GPE, LOC, FAC ...). Only the labels that
can name an actor, a person or a place are kept: dates and numbers have stages of their own.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.config import Options
from eventwire.model import Analysis, Mention

ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})
_TRIM_START = ("the ", "The ")


def _trimmed(text: str, start: int) -> tuple[str, int]:
    """Drop a leading "the" that spaCy sometimes includes ("the Pentagon")."""
    for prefix in _TRIM_START:
        if text.startswith(prefix):
            return text[len(prefix) :], start + len(prefix)
    return text, start


class MentionFinder:
    """Collects entity mentions from the shared parse."""

    name = "mentions"
    requires = frozenset({"doc"})
    provides = frozenset({"mentions"})

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.doc is None:
            return analysis
        found = []
        for ent in analysis.doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            text, start = _trimmed(ent.text, ent.start_char)
            text = text.rstrip("'’ ")
            if len(text.strip()) < 2:
                continue
            found.append(Mention(start, start + len(text), text, ent.label_))
        return replace(analysis, mentions=tuple(found))
