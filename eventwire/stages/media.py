"""The news organisations of the knowledge base, indexed for provenance: names, domains, language.

Records come from ``eventwire/data/kb/media.jsonl`` (format: ``eventwire/data/kb/FORMAT.md``,
type ``news_organization``, with the outlet's main publication ``language``, its web
``domains``, and the description "the news agency" for wire services). The general
knowledge-base loader reads the same file; this module keeps only what provenance needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from eventwire.kb.records import read_records

MEDIA_FILE = Path(__file__).resolve().parents[1] / "data" / "kb" / "media.jsonl"
AGENCY_DESCRIPTION = "the news agency"


@dataclass(frozen=True)
class Outlet:
    """A news organisation or wire service."""

    id: str
    name: str
    country: str = ""
    language: str = ""
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    agency: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class MediaIndex:
    """Outlets looked up by name (exact, then case-insensitive) and by web domain."""

    outlets: tuple[Outlet, ...]
    by_name: dict[str, Outlet] = field(default_factory=dict)
    by_folded_name: dict[str, Outlet] = field(default_factory=dict)
    by_domain: dict[str, Outlet] = field(default_factory=dict)
    pattern: str = ""

    def named(self, text: str) -> Outlet | None:
        """The outlet called exactly ``text`` (case-insensitive for names longer than an acronym)."""
        text = text.strip().strip(".,;:")
        found = self.by_name.get(text)
        if found is None and len(text) > 4:
            found = self.by_folded_name.get(text.casefold())
        return found

    def at_domain(self, host: str) -> Outlet | None:
        """The outlet whose domain is ``host`` or the longest suffix of it."""
        labels = host.lower().removeprefix("www.").split(".")
        for i in range(len(labels) - 1):
            found = self.by_domain.get(".".join(labels[i:]))
            if found is not None:
                return found
        return None

    def mentions(self, text: str) -> list[tuple[Outlet, int, int]]:
        """Every outlet name in ``text``, with its offsets."""
        found = []
        for m in re.finditer(self.pattern, text):
            outlet = self.by_name.get(m.group(0))
            if outlet is not None:
                found.append((outlet, m.start(), m.end()))
        return found


def load_media(path: Path | str | None = None) -> tuple[Outlet, ...]:
    """The news organisations in the JSONL file at ``path`` (default: the packaged one),
    read by the knowledge base's own reader."""
    return tuple(
        Outlet(
            id=rec.id,
            name=rec.name,
            country=rec.country,
            language=rec.language,
            aliases=rec.aliases,
            domains=rec.domains,
            agency=AGENCY_DESCRIPTION in rec.descriptions,
        )
        for rec in read_records(Path(path or MEDIA_FILE))
        if rec.type == "news_organization"
    )


def build_index(outlets: tuple[Outlet, ...]) -> MediaIndex:
    """Index ``outlets`` by name, folded name and domain."""
    by_name: dict[str, Outlet] = {}
    by_folded: dict[str, Outlet] = {}
    by_domain: dict[str, Outlet] = {}
    for outlet in outlets:
        for name in outlet.names:
            by_name.setdefault(name, outlet)
            by_folded.setdefault(name.casefold(), outlet)
        for domain in outlet.domains:
            by_domain.setdefault(domain.lower(), outlet)
    names = sorted(by_name, key=len, reverse=True)
    pattern = r"(?<![\w/.-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])" if names else r"(?!x)x"
    return MediaIndex(outlets, by_name, by_folded, by_domain, pattern)


@lru_cache(maxsize=1)
def default_index() -> MediaIndex:
    """The index of the packaged media file, built once per process."""
    return build_index(load_media())
