"""Knowledge-base records and reading them from JSONL files.

The format is documented in ``eventwire/data/kb/FORMAT.md``. Records are frozen and plain
so a loaded knowledge base can be shared by worker processes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

PACKAGED = Path(__file__).resolve().parents[1] / "data" / "kb"
PERSON = "person"


@dataclass(frozen=True, slots=True)
class KBRelation:
    """``subject relation object``, both ends record ids."""

    subject: str
    type: str
    object: str


@dataclass(frozen=True, slots=True)
class KBRecord:
    """One actor, state or person the knowledge base knows."""

    id: str
    name: str
    type: str
    country: str = ""
    wikidata: str = ""
    aliases: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str = ""
    relations: tuple[KBRelation, ...] = ()
    office: str = ""
    office_of: str = ""
    start: str = ""
    end: str = ""
    affiliation: str = ""
    language: str = ""
    domains: tuple[str, ...] = ()
    origin: str = ""

    @property
    def is_person(self) -> bool:
        return self.type == PERSON


def _strings(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if v)


def _relations(rid: str, raw: Any) -> tuple[KBRelation, ...]:
    out = []
    for rel in raw or ():
        if not isinstance(rel, dict) or not rel.get("type"):
            continue
        if rel.get("object"):
            out.append(KBRelation(rid, str(rel["type"]), str(rel["object"])))
        elif rel.get("subject"):
            out.append(KBRelation(str(rel["subject"]), str(rel["type"]), rid))
    return tuple(out)


def record_of(row: dict[str, Any], origin: str) -> KBRecord:
    """A :class:`KBRecord` from one parsed JSONL line."""
    rid = str(row.get("id") or "").strip()
    name = str(row.get("name") or "").strip()
    if not rid or not name:
        raise ConfigError(f"{origin}: a record needs an id and a name", code="E204")
    return KBRecord(
        id=rid,
        name=name,
        type=str(row.get("type") or "other"),
        country=str(row.get("country") or "").upper(),
        wikidata=str(row.get("wikidata") or ""),
        aliases=_strings(row.get("aliases")),
        descriptions=_strings(row.get("descriptions")),
        demonyms=_strings(row.get("demonyms")),
        capital=str(row.get("capital") or ""),
        relations=_relations(rid, row.get("relations")),
        office=str(row.get("office") or ""),
        office_of=str(row.get("office_of") or ""),
        start=str(row.get("from") or ""),
        end=str(row.get("to") or ""),
        affiliation=str(row.get("affiliation") or ""),
        language=str(row.get("language") or ""),
        domains=_strings(row.get("domains")),
        origin=origin,
    )


def read_records(path: Path) -> Iterator[KBRecord]:
    """The records of one JSONL file; a bad line is a :class:`ConfigError` naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise ConfigError(f"knowledge base file not found at {path}", code="E201", hint="check --kb-extra") from err
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise ConfigError(f"{path}:{n}: invalid JSON ({err.msg})", code="E204") from err
        if not isinstance(row, dict):
            raise ConfigError(f"{path}:{n}: a record must be a JSON object", code="E204")
        yield record_of(row, f"{path.name}:{n}")


def kb_files(paths: Iterable[Path]) -> list[Path]:
    """The JSONL files named by ``paths`` (folders are expanded, sorted)."""
    found: list[Path] = []
    for p in paths:
        found += sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
    return found
