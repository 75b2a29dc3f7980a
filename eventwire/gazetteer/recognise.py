"""Toponym recognition: which stretches of the body name places.

Sources, in order of trust: the parser's GPE, LOC and FAC entities; NORP entities that are
demonyms ("Iraqi" -> Iraq); ORG entities that are exactly a country's name (metonymy the
tagger read as an organisation); then proper nouns the tagger left untyped that the gazetteer
knows as a country, province, region or large city. Names inside organisation or person
names are not places ("Bank of America", "University of Texas"). The text around a name
gives hints: "X, Ohio" puts X in Ohio, "the province of X" asks for a province.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from eventwire.gazetteer import sources
from eventwire.gazetteer.index import ADM1, CITY, CONTINENT, COUNTRY, REGION, SITE, Gazetteer, key
from eventwire.gazetteer.resolve import Toponym
from eventwire.model import Mention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@lru_cache(maxsize=4)
def org_words(path: Path | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """Words that make "<Head> of X" and "X <Tail>" organisation names (``org_words.tsv``)."""
    heads: set[str] = set()
    tails: set[str] = set()
    for word, role in sources.tsv_rows(path or sources.DATA_DIR / "org_words.tsv"):
        (heads if role == "head" else tails).add(word)
    return frozenset(heads), frozenset(tails)


# Proper nouns the tagger missed count only when the gazetteer knows them as one of these,
# or as a city at least this large: small towns share their names with too many words.
SCAN_LEVELS = frozenset({COUNTRY, ADM1, REGION, CONTINENT, SITE})
SCAN_MIN_CITY_POPULATION = 100_000
MAX_SCAN_TOKENS = 4

_ORG_HEAD = re.compile(r"\b([A-Z][a-z]+) of (?:the )?$")
_ORG_TAIL = re.compile(r"^ ([A-Z][a-z]+)\b")
_AREA_TAIL = re.compile(r"^ (County|Parish|Province|Governorate|Oblast|Prefecture)\b")
_HINT_BEFORE = re.compile(
    r"\b(province|governorate|state|region|district|county|city|town|village) of (?:the )?$", re.IGNORECASE
)
_HINT_AFTER = re.compile(r"^ (province|governorate|county|city|region|district)\b")
_WITHIN = re.compile(r"^,\s?((?:[A-Z][\w.]*)(?: [A-Z][\w.]*){0,2})")
# Words after which a name is a place: prepositions of place, and verbs whose object is one
# ("visited Lyon", "captured Kidal"), which the tagger often reads as a person.
_MOVES = (
    r"visit(?:ed|s|ing)?|tour(?:ed|s|ing)?|reach(?:ed|es)?|enter(?:ed|s)?|captur(?:ed|es)|seiz(?:ed|es)"
    r"|shell(?:ed|s)?|bomb(?:ed|s)?|liberat(?:ed|es)"
)
_PLACE_CUE = re.compile(
    rf"\b(in|into|inside|at|near|from|outside|across|around|throughout|to|towards?|of|{_MOVES}) (?:the )?"
    r"(?:(?:downtown|central|eastern|western|northern|southern|north|south|east|west|rural|suburban) )?$",
    re.IGNORECASE,
)
# "in Beirut and Sidon", "from Dayton, Xenia or Troy": later names of a list of places
_PLACE_LIST_CUE = re.compile(
    rf"\b(?:in|at|near|around|outside|from|between|{_MOVES}) [A-Z][\w-]+(?: [A-Z][\w-]+)?(?:,| and| or) $"
)
# "residents of Goma and Bukavu": a list after "of" whose first name the gazetteer knows
_OF_LIST_CUE = re.compile(r"\bof ([A-Z][\w-]+(?: [A-Z][\w-]+)?)(?:,| and| or) $")
# "known as Hemedti": a person's byname, whatever label the tagger gave it
_NICKNAME = re.compile(r"\b(?:known as|nicknamed|dubbed|alias|aka|a\.k\.a\.) $", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"\b([A-Z][A-Za-z]+) $")
_WORD_AFTER = re.compile(r"^ [A-Z][A-Za-z]+\b")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_HINT_KIND = {"county": "county", "city": "city", "town": "city", "village": "city"}


def org_part(body: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is part of an organisation's name."""
    heads, tails = org_words()
    head = _ORG_HEAD.search(body[max(0, start - 40) : start])
    if head and head.group(1) in heads:
        return True
    tail = _ORG_TAIL.match(body[end : end + 30])
    return bool(tail and tail.group(1) in tails)


def hint_of(body: str, start: int, end: int) -> str | None:
    """The kind the words around a name ask for ("province of X", "X city")."""
    m = _HINT_BEFORE.search(body[max(0, start - 30) : start]) or _HINT_AFTER.match(body[end : end + 20])
    if not m:
        return None
    return _HINT_KIND.get(m.group(1).lower(), "province")


class Recogniser:
    """Finds the toponyms of one article."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def toponyms(
        self, body: str, mentions: Sequence[Mention], proper: Iterable[tuple[int, int]] | None = None
    ) -> list[Toponym]:
        """Toponyms of ``body``, in text order, none overlapping another.

        ``proper`` are the spans of proper-noun tokens (from the parse); without them only
        the entities and capitalised demonyms are used."""
        found: list[Toponym] = []
        people = _name_words(mentions)
        for m in mentions:
            found += self._from_mention(body, m, people)
        taken = [(m.start, m.end) for m in mentions]
        found += self._scan_demonyms(body, taken)
        if proper is not None:
            found += self._scan_proper(body, list(proper), taken)
        found += self._within_areas(body, found)
        return [_elliptic(body, _dateline_case(body, t)) for t in _non_overlapping(found)]

    def _from_mention(self, body: str, m: Mention, people: frozenset[str]) -> list[Toponym]:
        if not any(w[:1].isupper() for w in m.text.split()):
            return []  # "in the bush": a place name is capitalised ("the West Bank" is)
        if m.label == "NORP":
            if self.gaz.demonym(m.text):
                return [Toponym(m.start, m.end, m.text, demonym=True)]
            # a town the tagger read as a nationality ("areas of Omdurman")
            return [self._toponym(body, m.start, m.end)] if self._misread(body, m) else []
        if m.label in ("ORG", "PERSON"):
            first, _, rest = m.text.partition(" ")
            if m.label == "ORG" and rest.islower() and self.gaz.demonym(first):  # "Lebanese troops"
                return [Toponym(m.start, m.start + len(first), first, demonym=True)]
            if org_part(body, m.start, m.end) or key(m.text) in people or _has_org_word(m.text):
                return []
            if (m.label == "ORG" and self._metonym(m.text)) or self._misread(body, m):
                return [self._toponym(body, m.start, m.end)]
            return []
        if m.label not in PLACE_LABELS or org_part(body, m.start, m.end) or _NICKNAME.search(body[: m.start][-16:]):
            return []
        if key(m.text) in people and m.text not in self.gaz:
            return []  # "Professor Mutharika" after "Peter Mutharika", read as a place
        if m.label == "FAC" and m.text not in self.gaz:
            return []
        if m.text not in self.gaz and self.gaz.demonym(m.text):  # "the Angolan government" read as GPE
            return [Toponym(m.start, m.end, m.text, demonym=True)]
        out = []
        start = m.start
        for part in re.split(r"(,\s*)", m.text):  # "Columbus, Ohio" as one entity: two places
            if part and not part.startswith(","):
                s, e = self._extended(body, start, start + len(part))
                out.append(self._toponym(body, s, e))
            start += len(part)
        return out

    def _misread(self, body: str, m: Mention) -> bool:
        """Whether a whole ORG or PERSON entity is a place the tagger misread: the gazetteer
        knows it and the text uses it as a place ("in Gainesville", "Laconia, N.H.")."""
        if m.text not in self.gaz:
            return False
        before = body[max(0, m.start - 40) : m.start]
        # a person named elsewhere in full ("Bill Clinton") never gets here: see _name_words
        cued = bool(_PLACE_CUE.search(before[-24:]) or _PLACE_LIST_CUE.search(before))
        listed = _OF_LIST_CUE.search(before)
        cued = cued or bool(listed and listed.group(1) in self.gaz)
        return cued or self._within(body, m.end) is not None

    def _metonym(self, text: str) -> bool:
        """Whether an ORG entity is a place standing for its people or government: a
        country by any of its names, or a province, region or capital by its own name."""
        for e in self.gaz.lookup(text):
            if e.level == COUNTRY:
                return True
            own = key(e.name) == key(text)
            if own and (e.level in (ADM1, REGION, CONTINENT, SITE) or self.gaz.is_capital(e.id)):
                return True
        return False

    def _extended(self, body: str, start: int, end: int) -> tuple[int, int]:
        """A name the tagger cut short, made whole when the gazetteer knows the whole:
        "New" + "Mexico", "Baja" + "California"."""
        left = _WORD_BEFORE.search(body[max(0, start - 25) : start])
        if left and body[start - len(left.group(1)) - 1 : end] in self.gaz:
            start -= len(left.group(1)) + 1
        right = _WORD_AFTER.match(body[end : end + 25])
        if right and body[start : end + right.end()] in self.gaz:
            end += right.end()
        return start, end

    def _toponym(self, body: str, start: int, end: int) -> Toponym:
        """A toponym at ``start:end`` with its hints; "Hamilton" + " County" reads as one."""
        tail = _AREA_TAIL.match(body[end : end + 20])
        if tail:
            end += tail.end()
        return Toponym(start, end, body[start:end], hint=hint_of(body, start, end), within=self._within(body, end))

    def _within(self, body: str, end: int) -> int | None:
        """The province or country named right after ", " ("Dayton, Ohio", "Macon, Ga.")."""
        m = _WITHIN.match(body[end : end + 40])
        if not m:
            return None
        words = m.group(1).split(" ")
        for n in range(len(words), 0, -1):
            text = " ".join(words[:n])
            abbr = self.gaz.abbreviation(text) or self.gaz.abbreviation(text.rstrip(",;"))
            if abbr is not None:
                return abbr.id
            areas = [e for e in self.gaz.lookup(text.rstrip(".,;")) if e.level in (COUNTRY, ADM1)]
            if areas:
                return max(areas, key=lambda e: (e.level == COUNTRY, e.population)).id
        return None

    def _within_areas(self, body: str, found: list[Toponym]) -> list[Toponym]:
        """The "Ga." of "Macon, Ga.": state abbreviations are places too."""
        out = []
        for t in found:
            if t.within is None:
                continue
            m = _WITHIN.match(body[t.end : t.end + 40])
            if m is None:
                continue
            word = m.group(1).split(" ")[0]
            area = self.gaz.abbreviation(word) or self.gaz.abbreviation(word.rstrip(",;"))
            if area is not None and area.id == t.within:
                s = t.end + m.start(1)
                text = word if self.gaz.abbreviation(word) else word.rstrip(",;")
                out.append(Toponym(s, s + len(text), text, fixed=area.id))
        return out

    def _scan_demonyms(self, body: str, taken: list[tuple[int, int]]) -> list[Toponym]:
        out = []
        for m in _CAPITALISED.finditer(body):
            if _free(m.start(), m.end(), taken) and self.gaz.demonym(m.group()):
                out.append(Toponym(m.start(), m.end(), m.group(), demonym=True))
        return out

    def _scan_proper(self, body: str, proper: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[Toponym]:
        """Runs of proper nouns outside every entity that the gazetteer knows well."""
        out = []
        for run in _runs(body, [p for p in proper if _free(p[0], p[1], taken)]):
            i = 0
            while i < len(run):
                for n in range(min(MAX_SCAN_TOKENS, len(run) - i), 0, -1):
                    start, end = run[i][0], run[i + n - 1][1]
                    if self._well_known(body[start:end]) and not org_part(body, start, end):
                        out.append(self._toponym(body, start, end))
                        i += n
                        break
                else:
                    i += 1
        return out

    def _well_known(self, text: str) -> bool:
        if len(text) < 3 or not text[0].isupper():
            return False
        return any(
            e.level in SCAN_LEVELS or (e.level == CITY and e.population >= SCAN_MIN_CITY_POPULATION)
            for e in self.gaz.lookup(text)
        )


def _dateline_case(body: str, t: Toponym) -> Toponym:
    """A dateline's capitals ("DOHA, July 19 (AFP) -") are no acronym: the name is looked up
    as "Doha", so that it is not taken for an initialism that names no town."""
    at_line_start = t.start == 0 or body[t.start - 1] == "\n"
    if at_line_start and t.text.isupper() and body[t.end : t.end + 1] in (",", " ") and "\n" not in t.text:
        return replace(t, text=t.text.title())
    return t


_COMPASS = r"(?:North|South|East|West|Central|Northern|Southern|Eastern|Western)"
_SHARED_TAIL = re.compile(rf"^ (?:and|or|to) {_COMPASS} ([A-Z][a-z]+)\b")


def _elliptic(body: str, t: Toponym) -> Toponym:
    """ "West and Central Africa": the bare "West" shares the name after the conjunction and
    is looked up as "West Africa", not as a town called West."""
    if not re.fullmatch(_COMPASS, t.text):
        return t
    m = _SHARED_TAIL.match(body[t.end : t.end + 40])
    return replace(t, text=f"{t.text} {m.group(1)}") if m else t


def _has_org_word(text: str) -> bool:
    heads, tails = org_words()
    return any(w in heads or w in tails for w in text.split())


def _name_words(mentions: Sequence[Mention]) -> frozenset[str]:
    """Words of the article's multi-word person names: "Clinton" after "Bill Clinton" is him."""
    words: set[str] = set()
    for m in mentions:
        if m.label == "PERSON" and " " in m.text:
            words.update(key(w) for w in m.text.split())
    return frozenset(words)


def _free(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return not any(s < end and start < e for s, e in taken)


def _runs(body: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Consecutive spans separated by one space, as runs."""
    runs: list[list[tuple[int, int]]] = []
    for s, e in sorted(spans):
        if runs and body[runs[-1][-1][1] : s] == " ":
            runs[-1].append((s, e))
        else:
            runs.append([(s, e)])
    return runs


def _non_overlapping(found: list[Toponym]) -> list[Toponym]:
    """Earlier-found toponyms win overlaps (entities before scans); returned in text order."""
    kept: list[Toponym] = []
    for t in found:
        if all(t.end <= k.start or k.end <= t.start for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t.start)
