"""Typed records of the analysis document (``eventwire.analysis/1``).

Every record is a frozen dataclass of plain values and tuples: records cross process
boundaries (multiprocessing, Ray) and are stored row by row, so they must pickle and must
not change after a stage made them. Offsets are Python string indices into
``Article.body``, end exclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

SCHEMA = "eventwire.analysis/1"

ACTOR_TYPES = (
    "state",
    "armed_group",
    "military",
    "government_body",
    "political_party",
    "igo",
    "ngo",
    "news_organization",
    "company",
    "religious_group",
    "ethnic_group",
    "other",
)
RELATION_TYPES = ("backs", "member_of", "part_of", "leads", "allied_with", "opposes")
MODALITIES = ("realized", "intended", "conditional", "possible", "negated")
PLACE_KINDS = ("country", "province", "city", "region", "site")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the cleaned body: the evidence behind every extracted item."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, body: str, start: int, end: int) -> Span:
        """Build a span whose text is, by construction, ``body[start:end]``."""
        return cls(start, end, body[start:end])


@dataclass(frozen=True, slots=True)
class Removed:
    """A block the cleaner cut from the article, kept so nothing is lost silently."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Source:
    """One article as it arrived: raw text or HTML and what the caller knows about it."""

    id: str | None = None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A recognised name in the body: its label (PERSON, ORG, GPE ...) and, when the
    knowledge base knows it, the id of the record it links to."""

    start: int
    end: int
    text: str
    label: str
    kb_id: str | None = None
    source: str = "ner"


@dataclass(frozen=True, slots=True)
class SentencePair:
    """One translated sentence: its offsets in ``Article.body`` (English) and those of the
    sentence it translates in ``Article.source_text``."""

    start: int
    end: int
    source_start: int
    source_end: int


@dataclass(frozen=True, slots=True)
class Article:
    """The cleaned article and its provenance."""

    id: str
    body: str
    title: str | None = None
    url: str | None = None
    language: str | None = None
    published: str | None = None
    published_inferred: bool = False
    publisher: str | None = None
    original_reporting: str | None = None
    machine_translated: bool = False
    source_language: str | None = None
    author: str | None = None
    content_hash: str = ""
    removed: tuple[Removed, ...] = ()
    provenance_evidence: tuple[Span, ...] = ()
    # set when eventwire translated the body itself: ``body`` is then the English text,
    # ``source_text`` the original and ``alignment`` maps each sentence of one to the other
    source_text: str | None = None
    translated_by: str | None = None
    alignment: tuple[SentencePair, ...] = ()

    def source_of(self, start: int, end: int) -> Span | None:
        """The source sentences that body offsets ``start:end`` translate (None when the
        body was not translated by eventwire)."""
        if self.source_text is None or not self.alignment:
            return None
        hit = [p for p in self.alignment if p.start < max(end, start + 1) and start < max(p.end, p.start + 1)]
        if not hit:
            return None
        return Span.of(self.source_text, hit[0].source_start, hit[-1].source_end)


@dataclass(frozen=True, slots=True)
class Actor:
    """An organisation, state, armed group, government body or news outlet."""

    id: str
    name: str
    type: str = "other"
    country: str | None = None
    aliases: tuple[str, ...] = ()
    known: bool = False
    wikidata: str | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    """A named person, with role and affiliation where the text or the knowledge base says."""

    id: str
    name: str
    role: str | None = None
    affiliation: str | None = None
    known: bool = False
    wikidata: str | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Relation:
    """A stated (``source="text"``) or known (``source="kb"``) link between two actors."""

    subject: str
    relation: str
    object: str
    evidence: Span | None = None
    source: str = "text"


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved to a gazetteer entry (or left unresolved, with null coordinates)."""

    name: str
    kind: str | None = None
    country: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression resolved against the publication date."""

    text: str
    start: int
    end: int
    value: str | None = None
    precision: str | None = None
    approximate: bool = False
    relative_to_publication: bool = False


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit noun ("about 50,000 fighters")."""

    text: str
    start: int
    end: int
    value: float | int | None = None
    unit: str | None = None
    approximate: bool = False
    low: float | int | None = None
    high: float | int | None = None
    category: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker, direct or partial."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    anonymous: bool = False
    speaker_description: str | None = None
    speaker_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One PLOVER event: who did what to whom, how real, where and when."""

    type: str
    evidence: Span
    actor: str | None = None
    recipient: str | None = None
    mode: str | None = None
    modality: str = "realized"
    context: tuple[str, ...] = ()
    location: tuple[str, ...] = ()
    date: str | None = None
    confidence: float = 0.5
    trigger: Span | None = None
    casualties: tuple[Quantity, ...] = ()


@dataclass(frozen=True, slots=True)
class Notice:
    """A coded, non-fatal note about an article (for example an unsupported language)."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything eventwire extracted from one article.

    ``source`` (the raw input) and ``doc`` (the shared spaCy parse) live only while the
    pipeline runs; the pipeline drops them before returning, so a finished analysis is
    plain data.
    """

    article: Article
    mentions: tuple[Mention, ...] = ()
    actors: tuple[Actor, ...] = ()
    people: tuple[Person, ...] = ()
    relations: tuple[Relation, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    notices: tuple[Notice, ...] = ()
    pipeline_version: str = ""
    source: Source | None = field(default=None, compare=False, repr=False)
    doc: Any = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The analysis document of ``shared/spec/analysis-format.md``, as plain JSON values.

        ``article`` comes first, as the format shows it; ``mentions`` and ``notices`` are
        eventwire's own additions (the format allows added fields)."""
        out: dict[str, Any] = {"schema": SCHEMA, "pipeline_version": self.pipeline_version}
        for f in fields(self):
            if f.name in ("doc", "source", "pipeline_version"):
                continue
            out[f.name] = _plain(getattr(self, f.name))
            if f.name != "article" and self.article.alignment:
                _add_sources(out[f.name], self.article)
        return out

    def spans(self) -> list[tuple[str, Span]]:
        """Every evidence span in the analysis, with where it came from (for checks)."""
        found: list[tuple[str, Span]] = []
        for name in ("actors", "people", "places"):
            for item in getattr(self, name):
                found += [(f"{name}:{item.name}", m) for m in item.mentions]
        found += [("mentions", Span(m.start, m.end, m.text)) for m in self.mentions]
        for rel in self.relations:
            if rel.evidence is not None:
                found.append(("relations", rel.evidence))
        for ev in self.events:
            found.append(("events", ev.evidence))
            if ev.trigger is not None:
                found.append(("events.trigger", ev.trigger))
        for q in self.quotes:
            found.append(("quotes", Span(q.start, q.end, q.text)))
            if q.speaker_span is not None:
                found.append(("quotes.speaker", q.speaker_span))
        found += [("quantities", Span(q.start, q.end, q.text)) for q in self.quantities]
        found += [("times", Span(t.start, t.end, t.text)) for t in self.times]
        found += [("article.provenance", s) for s in self.article.provenance_evidence]
        return found

    def mention_owners(self) -> dict[int, tuple[str, bool]]:
        """Character offset -> (canonical name, is a person) for every actor and person mention.

        The linker gives each stretch of text to one entity; where mentions still overlap, a
        person wins, since the longer-named record is the more specific one."""
        owners: dict[int, tuple[str, bool]] = {}
        for person in self.people:
            for m in person.mentions:
                owners.update(dict.fromkeys(range(m.start, m.end), (person.name, True)))
        for actor in self.actors:
            for m in actor.mentions:
                for k in range(m.start, m.end):
                    owners.setdefault(k, (actor.name, False))
        return owners

    def finished(self) -> Analysis:
        """This analysis without the raw input and the parse, ready to pickle or store."""
        return replace(self, doc=None, source=None)


def _add_sources(value: Any, article: Article) -> None:
    """Give every span dict (``start``, ``end``, ``text``) in ``value`` a ``source``: the
    original sentence it was translated from, as offsets into ``article.source_text``."""
    if isinstance(value, list):
        for item in value:
            _add_sources(item, article)
    elif isinstance(value, dict):
        for item in value.values():
            _add_sources(item, article)
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int) and "text" in value:
            found = article.source_of(value["start"], value["end"])
            if found is not None:
                value["source"] = {"start": found.start, "end": found.end, "text": found.text}


def _plain(value: Any) -> Any:
    """Dataclasses to dicts and tuples to lists, recursively (``asdict`` keeps tuples)."""
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
