"""Name lookup over the knowledge base: exact, loose, skeleton, then fuzzy.

Each step is looser than the one before and is tried only when the stricter ones found
nothing. A key shared by two records is ambiguous and links to neither: linking a mention
to the wrong group is worse than leaving it unknown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from eventwire.kb.records import KBRecord
from eventwire.names import fold, loose, skeleton

# A fuzzy match must be this close (0-100, rapidfuzz ratio on space-free loose keys) and
# clearly better than the runner-up of another record, so that look-alike groups
# ("Kataib Hezbollah" / "Kataib Sayyid al-Shuhada") never swap.
FUZZY_MIN = 88.0
FUZZY_MARGIN = 4.0
FUZZY_MIN_LENGTH = 8
# A consonant skeleton is distinctive only when it keeps enough letters: "Mamma Mia" and
# "Mai-Mai" share "m m", "Kataib Sayyed al-Shuhada" keeps "ktb sd shd".
SKELETON_MIN_CONSONANTS = 6
SKELETON_MIN_PER_WORD = 2


def is_acronym(alias: str) -> bool:
    """An all-capitals short name ("KH", "JEM"): matched in its own case only ("JeM" is another)."""
    letters = [c for c in alias if c.isalpha()]
    return " " not in alias and 2 <= len(letters) <= 6 and all(c.isupper() for c in letters)


def distinctive(skel: str) -> bool:
    words = skel.split()
    return (
        len(words) >= 2
        and sum(len(w) for w in words) >= SKELETON_MIN_CONSONANTS
        and all(len(w) >= SKELETON_MIN_PER_WORD for w in words)
    )


@dataclass(frozen=True, slots=True)
class Match:
    """A record a name links to, how (exact/loose/skeleton/fuzzy/...) and how surely (0-1)."""

    record: KBRecord
    how: str
    score: float
    key: str


class NameIndex:
    """Aliases of records under increasingly forgiving keys."""

    def __init__(self, records: Iterable[KBRecord]) -> None:
        self.exact: dict[str, set[str]] = defaultdict(set)
        self.loose: dict[str, set[str]] = defaultdict(set)
        self.skeleton: dict[str, set[str]] = defaultdict(set)
        self.acronyms: dict[str, set[str]] = defaultdict(set)
        self.records: dict[str, KBRecord] = {}
        for rec in records:
            self.records[rec.id] = rec
            for name in (rec.name, *rec.aliases):
                self.add(name, rec.id)
        fuzzy_keys: dict[str, set[str]] = defaultdict(set)
        for key, ids in self.loose.items():
            squeezed = key.replace(" ", "")
            if len(squeezed) >= FUZZY_MIN_LENGTH:
                fuzzy_keys[squeezed] |= ids
        self.fuzzy_keys = fuzzy_keys
        self.fuzzy_choices = list(fuzzy_keys)

    def add(self, name: str, rid: str) -> None:
        if is_acronym(name):
            self.acronyms[name].add(rid)
            return
        key = fold(name)
        if not key:
            return
        self.exact[key].add(rid)
        self.loose[loose(name)].add(rid)
        skel = skeleton(name)
        if distinctive(skel):
            self.skeleton[skel].add(rid)

    def _pick(self, ids: set[str], how: str, score: float, key: str, person: bool | None) -> Match | None:
        recs = [self.records[i] for i in ids]
        if person is not None:
            recs = [r for r in recs if r.is_person == person]
        if len(recs) != 1:
            return None
        return Match(recs[0], how, score, key)

    def lookup(self, name: str, *, person: bool | None = None, fuzzy: bool = True) -> Match | None:
        """The record ``name`` links to, or None when none (or several) fit.

        ``person``: True to consider only people, False only non-people, None both."""
        if name.strip() in self.acronyms:
            found = self._pick(self.acronyms[name.strip()], "acronym", 1.0, name.strip(), person)
            if found is not None:
                return found
        steps = (
            ("exact", fold(name), self.exact, 1.0),
            ("loose", loose(name), self.loose, 0.95),
            ("skeleton", skeleton(name), self.skeleton, 0.85),
        )
        for how, key, table, score in steps:
            if how == "skeleton" and not distinctive(key):
                continue
            if key and key in table:
                found = self._pick(table[key], how, score, key, person)
                if found is not None:
                    return found
        return self._fuzzy(name, person) if fuzzy else None

    def _fuzzy(self, name: str, person: bool | None) -> Match | None:
        squeezed = loose(name).replace(" ", "")
        if len(squeezed) < FUZZY_MIN_LENGTH or not self.fuzzy_choices:
            return None
        hits = process.extract(squeezed, self.fuzzy_choices, scorer=fuzz.ratio, limit=5, score_cutoff=FUZZY_MIN - 10)
        best: tuple[float, str] | None = None
        runner_up = 0.0
        for key, score, _ in hits:
            if key != squeezed and (key in squeezed or squeezed in key):
                continue  # one name inside another is a part, not a spelling ("National Organization")
            for rid in self.fuzzy_keys[key]:
                rec = self.records[rid]
                if person is not None and rec.is_person != person:
                    continue
                if best is None or score > best[0]:
                    if best is not None and best[1] != rid:
                        runner_up = max(runner_up, best[0])
                    best = (score, rid)
                elif rid != best[1]:
                    runner_up = max(runner_up, score)
        if best is None or best[0] < FUZZY_MIN or best[0] - runner_up < FUZZY_MARGIN:
            return None
        return Match(self.records[best[1]], "fuzzy", round(best[0] / 100 * 0.9, 3), squeezed)
