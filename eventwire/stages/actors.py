"""The ``actors`` stage: mentions linked to the knowledge base and resolved within the article.

Order matters: names first (knowledge-base matches, then statistical entities linked by
exact, loose, skeleton and fuzzy keys), then what refers back to them (capitals used for
governments, demonyms, acronyms defined in the text, descriptions of named actors,
surnames and titles of named people). Every mention keeps its offsets. An actor the base
lacks keeps ``known: false``, a type guessed from its words, and an id derived from its
normalised name, so the same unknown group is one actor across articles.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import Any

from eventwire.config import Options
from eventwire.gazetteer import load_gazetteer
from eventwire.kb import KnowledgeBase, load_kb
from eventwire.model import Actor, Analysis, Mention, Person, Span
from eventwire.names import fold, loose, slug
from eventwire.stages.actors_coref import definite_links, possessor, pronoun_links
from eventwire.stages.actors_people import (
    PersonInfo,
    affiliation_of,
    apposed_title,
    apposition_role,
    kb_role,
    surname_links,
    title_before,
    title_links,
    title_start,
    titled_people,
)
from eventwire.stages.actors_rules import (
    JUNTA,
    STATE_INSTITUTIONS,
    Link,
    acronym_links,
    capital_links,
    collective_links,
    demonym_link,
    description_links,
    guess_type,
    institution_links,
    is_dateline,
    junta_links,
    named_type_links,
    state_phrase,
)

UNKNOWN = "u:"
# Prepositions after which an unknown name with no organisation word is a place.
_OFFICE_OF = re.compile(r"\b(?:Secretary|Minister|Undersecretary|Under Secretary) (?:of|for) (?:the )?$")
_LOCATIVE = re.compile(r"\b(?:in|into|inside|at|near|outside|around|throughout|towards?) (?:the )?$")
UNKNOWN_PERSON = "p:"
# A lone name the gazetteer knows as a region, province or country, or as a place this
# populous, is a place rather than a person: a town of that size is better known than a
# surname, and surnames of people named in full are settled first.
PLACE_KINDS = frozenset({"country", "province", "region"})
PLACE_POPULATION = 100_000
_ALSO = r"(?:(?:also|better|widely|locally|commonly|often)\s+)?"
# "X, also called Y", "X (known as Y)", "X known as Y"; a bare "X called Y" is a phone call.
_KNOWN_AS = re.compile(
    rf"\s*[,(]\s*{_ALSO}(?:known as|called|dubbed|nicknamed)\s+(?:the\s+)?|\s+{_ALSO}known as\s+(?:the\s+)?"
)


class ActorLinker:
    """Links mentions to actors and people."""

    name = "actors"
    requires = frozenset({"mentions"})
    provides = frozenset({"actors", "people"})

    def __init__(self, options: Options) -> None:
        self.kb: KnowledgeBase = load_kb(tuple(options.kb_paths))
        self.gazetteer_path = options.gazetteer_path
        self.loyalists = loyalists(self.kb)

    def _a_place(self, lk: Link) -> bool:
        """A name the tagger called a person that the gazetteer knows as a sizeable place
        ("Khan Younis", "Goma", "Tigray", "Sahel"); a surname of someone named in full has
        been linked to that person before this is asked."""
        if lk.how != "ner" or lk.kind != "person" or not lk.key.startswith(UNKNOWN_PERSON):
            return False
        entries = load_gazetteer(self.gazetteer_path).lookup(lk.text)
        return any(e.kind in PLACE_KINDS or e.population >= PLACE_POPULATION for e in entries)

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.doc
        if doc is None:
            return analysis
        body = analysis.article.body
        links = [lk for m in analysis.mentions if (lk := self.link_mention(doc, m, body)) is not None]
        links += capital_links(doc, self.kb, list(analysis.mentions))
        links = titled_people(doc, self.kb, _dedupe(links), UNKNOWN, UNKNOWN_PERSON)
        links = _dedupe(links)
        links = _merge_surnames(links)
        links = _known_as(body, [lk for lk in links if not self._a_place(lk)])
        taken = [(lk.start, lk.end) for lk in links]
        people = self.people(doc, body, links)
        links += surname_links(body, list(people.values()), taken)
        links += title_links(body, list(people.values()))
        links += acronym_links(body, links)
        present = {lk.key for lk in links if not lk.key.startswith((UNKNOWN, UNKNOWN_PERSON))}
        links += description_links(body, self.kb, present)
        links += collective_links(doc, self.kb, links)
        links += institution_links(doc, self.kb, links)
        links += junta_links(doc, self.kb, links)
        named = {
            (lk.key, lk.name) for lk in links if lk.kind == "actor" and lk.how not in ("description", "collective")
        }
        links += named_type_links(body, [(k, n, self._type_of(k, n)) for k, n in named])
        links = _dedupe(links)
        types = {lk.key: self._type_of(lk.key, lk.name) for lk in links if lk.kind == "actor"}
        links = _dedupe(links + pronoun_links(doc, links, types))
        links = _dedupe(links + definite_links(doc, links, types, self.loyalists))
        _owner_affiliations(doc, links, types, people)
        actors = self.actors(links, analysis)
        persons = [self.person(info, [lk for lk in links if lk.key == key]) for key, info in people.items()]
        return replace(analysis, actors=tuple(actors), people=tuple(p for p in persons if p.mentions))

    def link_mention(self, doc: Any, m: Mention, body: str) -> Link | None:
        """What one mention refers to, or None for a place or a word that names no actor."""
        kb = self.kb
        if m.kb_id is not None and m.kb_id in kb.records:
            rec = kb.records[state_phrase(kb, m.text) or m.kb_id]
            return Link(m.start, m.end, m.text, "person" if rec.is_person else "actor", rec.id, rec.name)
        if m.label in ("NORP", "GPE", "ORG"):
            # the model often tags a nationality adjective GPE or ORG ("the Angolan government")
            found = demonym_link(doc, kb, m.start, m.end, m.text)
            if found is not None:
                return found
        if m.label == "NORP":
            match = kb.lookup(m.text, person=False, fuzzy=False)
            return Link(m.start, m.end, m.text, "actor", match.record.id, match.record.name) if match else None
        if m.label in ("LOC", "FAC") or fold(m.text) in STATE_INSTITUTIONS | JUNTA:
            return None  # a place, or "Army" opening a sentence (institution_links decides)
        match = kb.lookup(m.text, person=None if m.label == "PERSON" else False)
        if match is not None and not (m.label == "GPE" and match.how == "fuzzy" and match.record.type == "state"):
            rec = match.record
            kind = "person" if rec.is_person else "actor"
            return Link(m.start, m.end, m.text, kind, rec.id, rec.name, match.how)
        if m.label == "GPE" or fold(m.text) in kb.capitals or is_dateline(body, m.start, m.end):
            return None  # a capital acts as a government only where capital_links says so
        if m.label == "ORG" and _OFFICE_OF.search(body[max(0, m.start - 16) : m.start]):
            return None  # "Secretary of State", "Minister of Interior": part of a person's title
        if (
            m.label == "ORG"
            and guess_type(m.text) == "other"
            and _LOCATIVE.search(body[max(0, m.start - 12) : m.start])
        ):
            return None  # "into El Fasher": a place the tagger read as an organisation
        if m.label == "PERSON" and guess_type(m.text) == "other":
            return Link(m.start, m.end, m.text, "person", UNKNOWN_PERSON + slug(loose(m.text)), m.text, "ner")
        return Link(m.start, m.end, m.text, "actor", UNKNOWN + slug(loose(m.text)), m.text, "ner")

    def _type_of(self, key: str, name: str) -> str:
        rec = self.kb.get(key)
        return rec.type if rec is not None else guess_type(name)

    def people(self, doc: Any, body: str, links: list[Link]) -> dict[str, PersonInfo]:
        """People named in the article, with role and affiliation; known people first."""
        people: dict[str, PersonInfo] = {}
        firsts = [lk for lk in links if lk.kind == "person"]
        firsts.sort(key=lambda lk: (lk.key.startswith(UNKNOWN_PERSON), lk.start))
        for lk in firsts:
            if lk.key in people:
                continue
            kb_id = None if lk.key.startswith(UNKNOWN_PERSON) else lk.key
            info = PersonInfo(lk.key, self.kb.records[kb_id].name if kb_id else lk.text, kb_id=kb_id)
            known_role, known_affiliation = kb_role(self.kb, kb_id)
            title, owner = title_before(body, lk.start)
            if title is not None:
                info.owner_at = _words_before(body, title_start(body, lk.start, title))
            appos, appos_head = apposition_role(doc, lk)
            apposed, owner_tok = apposed_title(doc, lk) if title is None else (None, None)
            if owner_tok is not None:
                owner, info.owner_at = owner_tok.text, (owner_tok.idx,)
            info.role = title or appos or known_role or apposed
            info.affiliation = affiliation_of(owner, self.kb, people) or known_affiliation
            if info.affiliation is None and appos_head is not None:
                info.affiliation = self._affiliation_in(appos_head, links, people)
            people[lk.key] = info
        return people

    def _affiliation_in(self, head: Any, links: list[Link], people: dict[str, PersonInfo]) -> str | None:
        """An actor named inside an apposition, or the affiliation of a person it names."""
        lo, hi = min(t.idx for t in head.subtree), max(t.idx + len(t.text) for t in head.subtree)
        for lk in links:
            if lo <= lk.start and lk.end <= hi:
                if lk.kind == "actor":
                    return lk.name
                if lk.key in people:
                    return people[lk.key].affiliation
        for tok in head.subtree:
            if tok.dep_ == "poss":
                found = affiliation_of(tok.text, self.kb, people)
                if found:
                    return found
        return None

    def actors(self, links: list[Link], analysis: Analysis) -> list[Actor]:
        groups: dict[str, list[Link]] = defaultdict(list)
        for lk in links:
            if lk.kind == "actor":
                groups[lk.key].append(lk)
        for name in (analysis.article.publisher, analysis.article.original_reporting):
            match = self.kb.lookup(name, person=False) if name else None
            if match is not None:
                groups.setdefault(match.record.id, [])
        out = []
        for key, group in groups.items():
            mentions = tuple(Span(lk.start, lk.end, lk.text) for lk in sorted(group, key=lambda x: x.start))
            rec = self.kb.get(key)
            if rec is not None:
                out.append(Actor(rec.id, rec.name, rec.type, rec.country or None, rec.aliases, True,
                                 rec.wikidata or None, mentions))  # fmt: skip
                continue
            name = max((lk.text for lk in group), key=len)
            out.append(Actor(key[len(UNKNOWN) :], name, guess_type(name), mentions=mentions))
        return out

    def person(self, info: PersonInfo, links: list[Link]) -> Person:
        rec = self.kb.get(info.kb_id) if info.kb_id else None
        mentions = tuple(Span(lk.start, lk.end, lk.text) for lk in sorted(links, key=lambda x: x.start))
        pid = rec.id if rec else info.key[len(UNKNOWN_PERSON) :]
        return Person(pid, info.name, info.role, info.affiliation, rec is not None,
                      (rec.wikidata or None) if rec else None, mentions)  # fmt: skip


def _words_before(body: str, at: int) -> tuple[int, ...]:
    """Offsets of up to three words just before a title at ``at``, nearest first: where its
    owner is named ("Army spokesman", "Congolese government spokesman", "Its spokesman").
    A possessive ("the army's spokesman") is the last word looked at."""
    lo = max(0, at - 60)
    words = list(re.finditer(r"[\w\-]+(?:['’]s)?[ \t]+", body[lo:at]))
    out: list[int] = []
    end = at - lo
    for m in reversed(words[-3:]):
        if m.end() != end:
            break  # punctuation between: the owner phrase has ended
        out.append(lo + m.start())
        end = m.start()
        if m.group(0).rstrip().endswith(("'s", "’s")):
            break
    return tuple(out)


def _owner_affiliations(doc: Any, links: list[Link], types: dict[str, str], people: dict[str, PersonInfo]) -> None:
    """A title's owner named by a mention ("Army spokesman X", "Congolese government
    spokesman X") or by a possessive pronoun ("Its spokesman X", "his deputy, X"): X serves
    that actor, or the actor the owning person serves."""
    for info in people.values():
        for at in info.owner_at:
            ref = next((lk for lk in links if lk.start <= at < lk.end and lk.key != info.key), None)
            if ref is None:
                ref = possessor(doc, at, links, types)
            if ref is None:
                continue
            found = ref.name if ref.kind == "actor" else getattr(people.get(ref.key), "affiliation", None)
            if found:
                info.affiliation = found
                break


def loyalists(kb: KnowledgeBase) -> frozenset[str]:
    """Groups their own country's state backs (pro-government militias): never "the rebels"."""
    out = set()
    for rel in kb.relations:
        backer, group = kb.get(rel.subject), kb.get(rel.object)
        if rel.type != "backs" or backer is None or group is None or backer.type != "state":
            continue
        if backer.country and backer.country == group.country:
            out.add(group.id)
    return frozenset(out)


def _known_as(body: str, links: list[Link]) -> list[Link]:
    """An unknown name after "known as", "also called", "dubbed" is another name of the
    actor or person just before it ("the Wagner Group, also known as PMC Wagner"), not a
    separate actor."""
    out: list[Link] = []
    for lk in links:
        prev = out[-1] if out else None
        if prev is not None and lk.key.startswith((UNKNOWN, UNKNOWN_PERSON)) and prev.key != lk.key:
            between = body[prev.end : lk.start]
            if len(between) <= 40 and "\n" not in between and _KNOWN_AS.fullmatch(between):
                lk = Link(lk.start, lk.end, lk.text, prev.kind, prev.key, prev.name, "alias")
        out.append(lk)
    return out


def _merge_surnames(links: list[Link]) -> list[Link]:
    """An unknown one-word name that is the surname of a person named in full is that person."""
    full: dict[str, set[str]] = defaultdict(set)
    for lk in links:
        if lk.kind == "person" and len(loose(lk.name).split()) >= 2:
            full[loose(lk.name).split()[-1]].add(lk.key)
    names = {lk.key: lk.name for lk in links}
    out = []
    for lk in links:
        words = loose(lk.text).split()
        unknown = lk.key.startswith((UNKNOWN, UNKNOWN_PERSON))
        owners = full.get(words[0], set()) if len(words) == 1 and unknown else set()
        if len(owners) == 1:
            key = next(iter(owners))
            lk = Link(lk.start, lk.end, lk.text, "person", key, names[key], "surname")
        out.append(lk)
    return out


def _dedupe(links: list[Link]) -> list[Link]:
    """One link per stretch of text; where stretches overlap, the longest wins, then the earliest rule."""
    kept: list[Link] = []
    for lk in sorted(links, key=lambda x: (-(x.end - x.start), x.start)):
        if all(lk.end <= k.start or k.end <= lk.start for k in kept):
            kept.append(lk)
    return sorted(kept, key=lambda x: x.start)
