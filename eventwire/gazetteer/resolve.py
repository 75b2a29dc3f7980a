"""Toponym resolution: choose, for each name, the gazetteer entry the article means.

Each candidate gets a prior (its kind, its population, being a national capital, the name
being its own name rather than an alternate) and then, over a few rounds, support from the
rest of the article: the countries and provinces the other toponyms resolve to, and how near
it lies to them. Hints from the text narrow the candidates first: "X, Ohio" keeps those in
Ohio, "X province" keeps provinces, "the city of X" keeps cities.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eventwire.gazetteer.index import ADM1, ADM2, CITY, CONTINENT, COUNTRY, REGION, SITE, Entry, Gazetteer, key

# Priors by level, in units of log10(population): a country outranks a town of its name,
# a region or sea of the hand-written table (no population) outranks the towns named after it.
PRIOR = {COUNTRY: 4.0, ADM1: 2.0, ADM2: 1.0, CITY: 0.0, REGION: 13.0, SITE: 13.0, CONTINENT: 3.0}
CAPITAL_BONUS = 4.0  # "Washington", "Baghdad": news means the capital far more often
OWN_NAME_BONUS = 1.0  # the name is the entry's own name, not one of its alternate names
COUNTRY_WEIGHT = 6.0  # x the share of the other toponyms that lie in the candidate's country
PROVINCE_WEIGHT = 3.0  # x the share that lie in (or are) the candidate's province
NEAR_WEIGHT = 2.0  # x exp(-distance / NEAR_KM) to the nearest other resolved place
NEAR_KM = 100.0
HINT_BONUS = 4.0  # the text asks for this kind ("the province of X"): a strong preference, not a rule
COHERENCE_WEIGHT = 3.0  # x the mean closeness to the other names' likelier readings
COHERENCE_READINGS = 10  # readings of another name considered: its likeliest ones
MAX_CANDIDATES = 40
COUNTY_KM = 60.0  # a town this near a county of its name is that county's seat
CITY_SHARE = 2.0  # a city with at least half its province's people stands for the province's name
ACRONYM_MAX = 4
ROUNDS = 3
HINT_LEVELS = {"province": (ADM1, ADM2), "county": (ADM2,), "city": (CITY,), "country": (COUNTRY,)}
_GENERIC_TAIL = re.compile(r"\s+(province|governorate|state|region|district|oblast|city|municipality)$")


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in the text, with what the text says about its kind.

    ``within`` is the id of the country or province the text puts it in ("X, Ohio")."""

    start: int
    end: int
    text: str
    demonym: bool = False
    hint: str | None = None
    within: int | None = None
    fixed: int | None = None  # the entry, when the text leaves no doubt ("Ga." after "Macon, ")

    @property
    def group(self) -> tuple[str, bool, str | None, int | None, int | None]:
        """Toponyms that must resolve alike: same name, same reading, same hints."""
        return key(self.text), self.demonym, self.hint, self.within, self.fixed


@dataclass(frozen=True, slots=True)
class Anchor:
    """A resolved place seen as context: where it is and what it lies in."""

    country: str
    province: int | None
    lat: float
    lon: float
    weight: float = 1.0
    point: bool = True  # a city, county or site: its distance to candidates means something


class Resolver:
    """Resolves the toponyms of one article against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def candidates(self, t: Toponym) -> list[Entry]:
        """Entries ``t`` may stand for, narrowed by its hints."""
        if t.fixed is not None:
            return [self.gaz.entry(t.fixed)]
        abbreviation = self.gaz.abbreviation(t.text) if "." in t.text else None
        if abbreviation is not None:  # "Fla.", "N.J."
            return [abbreviation]
        if t.demonym:
            e = self.gaz.demonym(t.text)
            return [e] if e is not None else []
        found = self.gaz.lookup(t.text)
        if not found:
            m = _GENERIC_TAIL.search(key(t.text))
            if m:  # "Anbar Province", "Hunan city": the name without its kind
                found = self.gaz.lookup(key(t.text)[: m.start()])
        if t.text.isupper() and len(t.text) <= ACRONYM_MAX:  # "OAS", "UAE": acronyms name no town
            found = [e for e in found if e.level not in (CITY, ADM2) or e.population >= 1_000_000]
        if t.within is not None:
            inside = [e for e in found if self._inside(e, t.within)]
            found = inside or found
        found.sort(key=lambda e: -e.population)
        if _tail_hint(t.text) is None and t.hint not in ("province", "county"):
            found = _cities_over_their_provinces(_towns_over_their_counties(found))
        return found[:MAX_CANDIDATES]

    def _inside(self, e: Entry, area: int) -> bool:
        outer = self.gaz.entry(area)
        if outer.level == COUNTRY:
            return e.country == outer.country and e.id != area
        return e.parent == area

    def prior(self, e: Entry, t: Toponym) -> float:
        """How likely ``e`` is before any context."""
        score = PRIOR[e.level] + math.log10(e.population + 1)
        if e.level in HINT_LEVELS.get(t.hint or _tail_hint(t.text) or "", ()):
            score += HINT_BONUS
        if e.level == CITY and self.gaz.is_capital(e.id):
            score += CAPITAL_BONUS
        if key(e.name) == key(t.text):
            score += OWN_NAME_BONUS
        return score

    def resolve(self, toponyms: Sequence[Toponym], context: Iterable[Anchor] = ()) -> list[Entry | None]:
        """The entry each toponym stands for (``None`` when the gazetteer has none)."""
        groups: dict[tuple[str, bool, str | None, int | None, int | None], list[int]] = {}
        for i, t in enumerate(toponyms):
            groups.setdefault(t.group, []).append(i)
        keys = list(groups)
        cands = [self.candidates(toponyms[groups[g][0]]) for g in keys]
        priors = [[self.prior(e, toponyms[groups[g][0]]) for e in cs] for g, cs in zip(keys, cands, strict=True)]
        if len(keys) > 1:
            for k, bonus in enumerate(_coherence(cands, priors)):
                priors[k] = [p + b for p, b in zip(priors[k], bonus, strict=True)]
        fixed = list(context)
        choice = [max(range(len(cs)), key=lambda j: ps[j]) if cs else -1 for cs, ps in zip(cands, priors, strict=True)]
        for _ in range(ROUNDS):
            anchors = [
                _anchor(cands[k][choice[k]], len(groups[g])) if choice[k] >= 0 else None for k, g in enumerate(keys)
            ]
            new = []
            for k in range(len(keys)):
                others = fixed + [a for j, a in enumerate(anchors) if j != k and a is not None]
                ctx = _Context(others)
                scores = [p + ctx.support(e) for e, p in zip(cands[k], priors[k], strict=True)]
                new.append(max(range(len(scores)), key=scores.__getitem__) if scores else -1)
            if new == choice:
                break
            choice = new
        out: list[Entry | None] = [None] * len(toponyms)
        for k, g in enumerate(keys):
            for i in groups[g]:
                out[i] = cands[k][choice[k]] if choice[k] >= 0 else None
        return out


def _coherence(cands: list[list[Entry]], priors: list[list[float]]) -> list[list[float]]:
    """Support each candidate draws from readings of the *other* names lying near it.

    For every other name, the nearest of its likelier readings counts, whatever reading is
    chosen for it: a cluster of small places that all lie together (Manhattan, Wamego and
    Pottawatomie County, Kansas) outweighs a larger namesake far from the rest."""
    tops = []
    for cs, ps in zip(cands, priors, strict=True):
        order = sorted(range(len(cs)), key=lambda j: -ps[j])[:COHERENCE_READINGS]
        tops.append([(cs[j].lat, cs[j].lon) for j in order if cs[j].level in (CITY, ADM2, SITE)])
    out = []
    for k, cs in enumerate(cands):
        others = [t for j, t in enumerate(tops) if j != k and t]
        bonus = []
        for e in cs:
            if not others or e.level not in (CITY, ADM2, SITE):
                bonus.append(0.0)
                continue
            near = sum(math.exp(-min(_flat_km(e.lat, e.lon, a, b) for a, b in pts) / NEAR_KM) for pts in others)
            bonus.append(COHERENCE_WEIGHT * near / len(others))
        out.append(bonus)
    return out


def _towns_over_their_counties(found: list[Entry]) -> list[Entry]:
    """Without a word of kind ("X county"), a bare name that is both a town and the county
    or municipality around it ("Boa Vista") is the town: the county's population is the
    town's and its neighbours', which would otherwise win it every tie."""
    towns = [e for e in found if e.level == CITY]
    return [
        e
        for e in found
        if e.level != ADM2
        or not any(
            c.country == e.country and key(c.name) == key(e.name) and _flat_km(c.lat, c.lon, e.lat, e.lon) < COUNTY_KM
            for c in towns
        )
    ]


def _cities_over_their_provinces(found: list[Entry]) -> list[Entry]:
    """Without a word of kind ("X province"), a bare name shared by a province and a city in
    it that holds most of its people ("Aden", "La Paz", "Oruro") is the city: news names the
    city, and the province's population, being the city's and its hinterland's, would win
    every tie. A province far larger than its namesake city (New York) keeps its own reading."""
    cities = [e for e in found if e.level == CITY]
    return [
        e
        for e in found
        if e.level != ADM1
        or not any(
            c.country == e.country
            and key(c.name) == key(e.name)
            and c.parent == e.id
            and c.population * CITY_SHARE >= e.population
            for c in cities
        )
    ]


def _flat_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on a flat map around the two points: fast, and right to a few percent nearby."""
    dx = (lon1 - lon2) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(dx, lat1 - lat2)


def _tail_hint(text: str) -> str | None:
    m = _GENERIC_TAIL.search(key(text))
    if not m:
        return None
    return "city" if m.group(1) in ("city", "municipality") else "province"


def _anchor(e: Entry, weight: float) -> Anchor:
    province = e.id if e.level == ADM1 else e.parent
    return Anchor(e.country, province, e.lat, e.lon, weight, e.level in (CITY, ADM2, SITE))


class _Context:
    """Shares of countries and provinces among the other toponyms, and their points."""

    def __init__(self, anchors: list[Anchor]) -> None:
        total = sum(a.weight for a in anchors) or 1.0
        countries: dict[str, float] = defaultdict(float)
        provinces: dict[int, float] = defaultdict(float)
        for a in anchors:
            if a.country:
                countries[a.country] += a.weight
            if a.province is not None:
                provinces[a.province] += a.weight
        self.country = {c: w / total for c, w in countries.items()}
        self.province = {p: w / total for p, w in provinces.items()}
        self.points = [(a.lat, a.lon) for a in anchors if a.point]

    def support(self, e: Entry) -> float:
        score = COUNTRY_WEIGHT * self.country.get(e.country, 0.0)
        province = e.id if e.level == ADM1 else e.parent
        if province is not None:
            score += PROVINCE_WEIGHT * self.province.get(province, 0.0)
        if self.points and e.level in (CITY, ADM2, SITE):
            nearest = min(haversine_km(e.lat, e.lon, lat, lon) for lat, lon in self.points)
            score += NEAR_WEIGHT * math.exp(-nearest / NEAR_KM)
        return score


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))
