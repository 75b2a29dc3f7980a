"""The ``places`` stage: every toponym of the text, resolved against the offline gazetteer.

Recognition (:mod:`eventwire.gazetteer.recognise`) finds the names, whatever their role:
"interviewed in Baghdad" and "told Baghdad" are both mentions of Baghdad. Resolution
(:mod:`eventwire.gazetteer.resolve`) chooses each name's entry in the context of the whole
article. Names the gazetteer lacks are listed with null coordinates.

:func:`resolve_place` resolves one more name in an analysed article's context; the events
stage uses it for event locations.
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from pathlib import Path

from eventwire.config import Options
from eventwire.gazetteer import Entry, Gazetteer, key, load_gazetteer
from eventwire.gazetteer.recognise import Recogniser
from eventwire.gazetteer.resolve import Anchor, Resolver, Toponym
from eventwire.model import Analysis, Place, Span

__all__ = ["PlaceResolver", "proper_noun_spans", "resolve_place"]


class PlaceResolver:
    """Finds toponyms and resolves them to gazetteer entries."""

    name = "places"
    requires = frozenset({"mentions"})
    provides = frozenset({"places"})

    def __init__(self, options: Options, gazetteer: Gazetteer | None = None) -> None:
        self.options = options
        self._gazetteer = gazetteer
        self._lock = threading.Lock()

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer, loaded (and built, the first time on a machine) on first use."""
        with self._lock:
            if self._gazetteer is None:
                path: Path | None = self.options.gazetteer_path
                self._gazetteer = load_gazetteer(path)
            return self._gazetteer

    def __call__(self, analysis: Analysis) -> Analysis:
        if not analysis.article.body:
            return analysis
        proper = proper_noun_spans(analysis.doc) if analysis.doc is not None else None
        places = self.places(analysis.article.body, analysis.mentions, proper)
        return replace(analysis, places=places)

    def places(self, body: str, mentions: tuple, proper: list[tuple[int, int]] | None = None) -> tuple[Place, ...]:
        """The places of ``body`` given its entity mentions and proper-noun spans."""
        gaz = self.gazetteer
        toponyms = Recogniser(gaz).toponyms(body, mentions, proper)
        entries = Resolver(gaz).resolve(toponyms)
        pairs = zip(toponyms, entries, strict=True)
        kept = [(t, e) for t, e in pairs if e is not None or not _organisation(t, mentions, body)]
        return group_places(body, [t for t, _ in kept], [e for _, e in kept])


def _organisation(t: Toponym, mentions: tuple, body: str) -> bool:
    """Whether an unresolved name is an actor the knowledge base links ("EU"), or one the
    tagger reads as an organisation elsewhere ("Belavia said ...") and the text never puts
    anything in, at or near: a name that is no place in the gazetteer and names an
    organisation is not a place."""
    k = key(t.text)
    same = [m for m in mentions if key(m.text) == k]
    if any(m.kb_id for m in same):
        return True
    return any(m.label == "ORG" for m in same) and not any(
        _AT_PLACE.search(body[max(0, m.start - 12) : m.start]) for m in same
    )


# Words that put what follows in a place: "in Mezzeh" is a place even if "Mezzeh" also heads an ORG
_AT_PLACE = re.compile(r"\b(?:in|at|near|inside|outside|around|into|from|across|throughout) (?:the )?$", re.I)


def proper_noun_spans(doc: object) -> list[tuple[int, int]]:
    """Character spans of the parse's proper-noun tokens."""
    return [(t.idx, t.idx + len(t.text)) for t in doc if t.pos_ == "PROPN"]  # type: ignore[attr-defined]


def group_places(body: str, toponyms: list[Toponym], entries: list[Entry | None]) -> tuple[Place, ...]:
    """One :class:`Place` per entry (or per unresolved name), in order of first mention."""
    order: list[object] = []
    spans: dict[object, list[Span]] = {}
    chosen: dict[object, Entry | None] = {}
    for t, e in zip(toponyms, entries, strict=True):
        if e is None and t.demonym:
            continue
        k: object = e.id if e is not None else key(t.text)
        if k not in spans:
            order.append(k)
            spans[k] = []
            chosen[k] = e
        spans[k].append(Span.of(body, t.start, t.end))
    out = []
    for k in order:
        e = chosen[k]
        mentions = tuple(spans[k])
        out.append(_place(e, mentions) if e is not None else Place(name=mentions[0].text, mentions=mentions))
    return tuple(out)


def _place(e: Entry, mentions: tuple[Span, ...] = ()) -> Place:
    return Place(
        name=e.name,
        kind=e.kind,
        country=e.country or None,
        geonameid=e.geonameid,
        lat=e.lat,
        lon=e.lon,
        mentions=mentions,
    )


def resolve_place(name: str, analysis: Analysis, gazetteer: Gazetteer | None = None) -> Place | None:
    """``name`` resolved in the context of ``analysis`` (its places must be resolved).

    A name the article's places already hold (by name or mention text) is that place; any
    other is resolved against the gazetteer with the article's places as context. Returns
    ``None`` when the gazetteer knows no such name. The place has no mentions."""
    k = key(name)
    for p in analysis.places:
        if key(p.name) == k or any(key(m.text) == k for m in p.mentions):
            return p
    gaz = gazetteer or load_gazetteer()
    context = [
        Anchor(p.country or "", None, p.lat, p.lon, float(len(p.mentions) or 1), p.kind in ("city", "site"))
        for p in analysis.places
        if p.lat is not None and p.lon is not None
    ]
    entry = Resolver(gaz).resolve([Toponym(0, len(name), name)], context)[0]
    if entry is None:
        demonym = gaz.demonym(name)
        return _place(demonym) if demonym is not None else None
    return _place(entry)
