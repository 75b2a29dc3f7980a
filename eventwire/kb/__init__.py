"""The knowledge base: actors, states and people eventwire knows, and how names reach them.

Loaded from the packaged JSONL files (``eventwire/data/kb``) with the user's overlay files
on top: a user record with an existing id replaces the packaged one. ``load_kb`` caches by
paths, so a process loads each combination once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from eventwire.kb.index import Match, NameIndex
from eventwire.kb.records import PACKAGED, KBRecord, KBRelation, kb_files, read_records
from eventwire.model import ACTOR_TYPES, RELATION_TYPES
from eventwire.names import fold

__all__ = ["KBRecord", "KBRelation", "KnowledgeBase", "Match", "load_kb"]


@dataclass
class KnowledgeBase:
    """Records by id, with the lookups the actors stage needs."""

    records: dict[str, KBRecord]
    version: str = ""
    files: tuple[Path, ...] = ()
    index: NameIndex = field(init=False)
    demonyms: dict[str, str] = field(init=False)
    capitals: dict[str, str] = field(init=False)
    relations: list[KBRelation] = field(init=False)

    def __post_init__(self) -> None:
        self.index = NameIndex(self.records.values())
        self.demonyms = {}
        self.capitals = {}
        for rec in self.records.values():
            for d in rec.demonyms:
                self.demonyms.setdefault(fold(d), rec.id)
            if rec.capital:
                self.capitals.setdefault(fold(rec.capital), rec.id)
        self.relations = [rel for rec in self.records.values() for rel in rec.relations]

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> KnowledgeBase:
        """Read ``paths`` in order; later records replace earlier ones with the same id."""
        files = tuple(kb_files(paths))
        records: dict[str, KBRecord] = {}
        digest = hashlib.sha256()
        for path in files:
            digest.update(path.read_bytes())
            for rec in read_records(path):
                records[rec.id] = rec
        return cls(records, digest.hexdigest()[:12], files)

    def get(self, rid: str) -> KBRecord | None:
        return self.records.get(rid)

    def lookup(self, name: str, *, person: bool | None = None, fuzzy: bool = True) -> Match | None:
        """The record a name links to (see :class:`NameIndex`)."""
        return self.index.lookup(name, person=person, fuzzy=fuzzy)

    def related(self, ids: set[str]) -> list[KBRelation]:
        """Relations whose both ends are in ``ids``."""
        return [r for r in self.relations if r.subject in ids and r.object in ids]

    def search(self, name: str) -> list[str]:
        """Human-readable lines saying what ``name`` resolves to, and why."""
        lines = []
        key = fold(name)
        if key in self.demonyms:
            lines.append(f"demonym of {self.records[self.demonyms[key]].name} ({self.demonyms[key]})")
        if key in self.capitals:
            lines.append(f"capital of {self.records[self.capitals[key]].name}: stands for it as a speaker or target")
        for person in (None, True, False):
            match = self.lookup(name, person=person)
            if match is not None:
                rec = match.record
                line = f"{rec.name} ({rec.id}, {rec.type}{', ' + rec.country if rec.country else ''})"
                lines.append(f"{line}: {match.how} match on {match.key!r}, score {match.score:.2f}")
                break
        else:
            lines.append("no record: an actor with this name stays unknown (known: false)")
        return lines

    def check(self) -> list[str]:
        """Problems that make the knowledge base inconsistent (empty when all is well)."""
        problems = []
        valid_types = {*ACTOR_TYPES, "person"}
        for rec in self.records.values():
            where = f"{rec.origin} {rec.id}"
            if rec.type not in valid_types:
                problems.append(f"{where}: unknown type {rec.type!r}")
            if rec.id != rec.id.lower() or " " in rec.id:
                problems.append(f"{where}: id must be lower-case without spaces")
            if rec.country and len(rec.country) != 2:
                problems.append(f"{where}: country must be ISO 3166-1 alpha-2, not {rec.country!r}")
            for rel in rec.relations:
                if rel.type not in RELATION_TYPES:
                    problems.append(f"{where}: unknown relation {rel.type!r}")
                for end in (rel.subject, rel.object):
                    if end not in self.records:
                        problems.append(f"{where}: relation {rel.type} names unknown record {end!r}")
            for ref in (rec.office_of, rec.affiliation):
                if ref and ref not in self.records:
                    problems.append(f"{where}: refers to unknown record {ref!r}")
        return problems + duplicate_ids(self.files)


def duplicate_ids(files: Sequence[Path]) -> list[str]:
    """Ids defined twice within the packaged files (an overlay may replace, a file may not)."""
    seen: dict[str, str] = {}
    problems = []
    for path in files:
        if path.parent != PACKAGED:
            continue
        for rec in read_records(path):
            if rec.id in seen:
                problems.append(f"{rec.origin} {rec.id}: id already defined at {seen[rec.id]}")
            seen[rec.id] = rec.origin
    return problems


@lru_cache(maxsize=4)
def load_kb(extra: tuple[Path, ...] = (), base: Path = PACKAGED) -> KnowledgeBase:
    """The packaged knowledge base with ``extra`` files layered on top, loaded once."""
    return KnowledgeBase.from_files((base, *extra))
