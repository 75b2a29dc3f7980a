"""The ``actors`` stage: mentions grouped into actors and people.

First version, before the knowledge base: each distinct name is one record with
``known: false``; organisations, nationalities and states become actors, persons people.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from eventwire.config import Options
from eventwire.model import Actor, Analysis, Mention, Person, Span
from eventwire.names import fold, slug

ACTOR_LABELS = {"ORG": "other", "NORP": "other", "GPE": "state"}


def _spans(mentions: list[Mention]) -> tuple[Span, ...]:
    return tuple(Span(m.start, m.end, m.text) for m in mentions)


class ActorLinker:
    """Groups mentions by their folded name."""

    name = "actors"
    requires = frozenset({"mentions"})
    provides = frozenset({"actors", "people"})

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, analysis: Analysis) -> Analysis:
        groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        for m in analysis.mentions:
            kind = "person" if m.label == "PERSON" else "actor" if m.label in ACTOR_LABELS else ""
            if kind:
                groups[(kind, fold(m.text))].append(m)
        actors, people = [], []
        for (kind, key), ms in groups.items():
            name = max((m.text for m in ms), key=len)
            if kind == "person":
                people.append(Person(id=slug(key), name=name, mentions=_spans(ms)))
            else:
                actors.append(Actor(id=slug(key), name=name, type=ACTOR_LABELS[ms[0].label], mentions=_spans(ms)))
        return replace(analysis, actors=tuple(actors), people=tuple(people))
