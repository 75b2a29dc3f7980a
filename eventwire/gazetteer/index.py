"""The loaded gazetteer: columns of entries and a folded-name index.

The index is stored as one pickle of plain lists, arrays and dicts (no objects to build on
load), so that loading it takes a fraction of a second; :class:`Entry` records are made
only for the candidates a lookup returns.
"""

from __future__ import annotations

import pickle
import re
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError
from eventwire.names import fold

FORMAT = "eventwire.gazetteer/1"

# Internal levels; the analysis document knows only the kinds of LEVEL_KIND.
COUNTRY, ADM1, ADM2, CITY, REGION, SITE, CONTINENT = range(7)
LEVEL_KIND = ("country", "province", "province", "city", "region", "site", "region")

_THE = re.compile(r"^the ")


def key(name: str) -> str:
    """The index key of a name: folded, without a leading "the"."""
    return _THE.sub("", fold(name))


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record."""

    id: int
    name: str
    level: int
    country: str
    lat: float
    lon: float
    population: int
    geonameid: int | None
    parent: int | None  # the province (admin1) entry a city or county lies in

    @property
    def kind(self) -> str:
        """``country, province, city, region`` or ``site``."""
        return LEVEL_KIND[self.level]


class Gazetteer:
    """Countries, provinces, counties, cities and regions with their names."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("format") != FORMAT:
            raise ConfigError(
                f"gazetteer file has format {data.get('format')!r}, expected {FORMAT!r}",
                code="E211",
                hint="rebuild it with 'python -m eventwire.gazetteer build'",
            )
        self.stamp: str = data["stamp"]
        self._name: list[str] = data["name"]
        self._level: bytes = data["level"]
        self._country: list[str] = data["country"]
        self._lat: array[float] = data["lat"]
        self._lon: array[float] = data["lon"]
        self._pop: array[int] = data["population"]
        self._gid: array[int] = data["geonameid"]
        self._parent: array[int] = data["parent"]
        self._names: dict[str, int | tuple[int, ...]] = data["names"]
        self._demonyms: dict[str, int] = data["demonyms"]
        self._abbrev: dict[str, int] = data["abbreviations"]
        self._countries: dict[str, int] = data["countries"]
        self._capitals: frozenset[int] = data["capitals"]

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        """Read a gazetteer file written by :func:`eventwire.gazetteer.build.build`."""
        try:
            with path.open("rb") as fh:
                data = pickle.load(fh)
        except FileNotFoundError:
            raise ConfigError(
                f"gazetteer not found at {path}",
                code="E210",
                hint="run 'python -m eventwire.gazetteer build'",
            ) from None
        return cls(data)

    def is_capital(self, i: int) -> bool:
        """Whether entry ``i`` is the capital of its country."""
        return i in self._capitals

    def __len__(self) -> int:
        return len(self._name)

    def entry(self, i: int) -> Entry:
        """The record with id ``i``."""
        gid = self._gid[i]
        parent = self._parent[i]
        return Entry(
            id=i,
            name=self._name[i],
            level=self._level[i],
            country=self._country[i],
            lat=round(self._lat[i], 5),
            lon=round(self._lon[i], 5),
            population=self._pop[i],
            geonameid=gid if gid > 0 else None,
            parent=parent if parent >= 0 else None,
        )

    def ids(self, name: str) -> tuple[int, ...]:
        """Ids of the entries one of whose names folds like ``name``."""
        found = self._names.get(key(name))
        if found is None:
            return ()
        return (found,) if isinstance(found, int) else found

    def lookup(self, name: str) -> list[Entry]:
        """Entries one of whose names folds like ``name``."""
        return [self.entry(i) for i in self.ids(name)]

    def __contains__(self, name: str) -> bool:
        return key(name) in self._names

    def demonym(self, word: str) -> Entry | None:
        """The country or region a demonym ("Iraqi", "European") stands for."""
        i = self._demonyms.get(key(word))
        if i is None and word.endswith("s"):  # plural nouns: "Iraqis", "Americans"
            i = self._demonyms.get(key(word[:-1]))
        return self.entry(i) if i is not None else None

    def abbreviation(self, text: str) -> Entry | None:
        """The US state an abbreviation ("Ga.", "OH") stands for; case-sensitive."""
        i = self._abbrev.get(text)
        if i is None and not text.endswith("."):  # the tokenizer took the final dot: "W.Va"
            i = self._abbrev.get(text + ".") if "." in text else None
        return self.entry(i) if i is not None else None

    def country(self, code: str) -> Entry | None:
        """The country entry of an ISO alpha-2 code."""
        i = self._countries.get(code.upper())
        return self.entry(i) if i is not None else None
