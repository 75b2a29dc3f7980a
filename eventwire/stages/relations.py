"""The ``relations`` stage: relations between actors stated in the text, and known ones.

Stated relations come from a handful of syntactic frames over the parse ("X is part of
Y", "X, a member of Y", "X, Y's affiliate", "Y-backed X", "X, backed by Y", "a militia led
by Y", "X and its ally Y"), between actors (a person may lead or belong, not be joined), with the
sentence as evidence. Relations the knowledge base holds between two actors of the article
are added with ``source: "kb"`` and, where both actors appear in one sentence, that
sentence as evidence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from eventwire.config import Options
from eventwire.kb import KnowledgeBase, load_kb
from eventwire.model import Actor, Analysis, Relation, Span
from eventwire.stages.parse import text_of

# Nouns that, as the object of "X is (a) ... of Y", state a relation.
MEMBER_NOUNS = {
    "member": "member_of", "part": "part_of", "wing": "part_of", "branch": "part_of", "faction": "member_of",
    "affiliate": "member_of", "unit": "part_of", "arm": "part_of", "ally": "allied_with", "proxy": "backs",
    "leader": "leads", "head": "leads", "chief": "leads",
}  # fmt: skip
BACKING_VERBS = frozenset({"back", "support", "sponsor", "arm", "fund", "finance", "train", "equip"})
# Nouns whose owner is the subject of the relation ("a proxy of Iran": Iran backs the proxy).
BACKERS_NOUNS = frozenset({"proxy"})
LEADING_VERBS = frozenset({"lead", "head", "command"})
# Relations whose owner may be a bare modifier ("a Hamas ally", "the RSF leader"), not only a
# possessive: a "Hamas member" is more often a person than a group.
LOOSE_OWNERS = frozenset({"allied_with", "backs", "leads"})


def _name_of(tok: Any, owner: dict[int, tuple[str, bool]]) -> str | None:
    found = owner.get(tok.idx)
    return found[0] if found is not None else None


def _names_under(tok: Any, owner: dict[int, tuple[str, bool]]) -> list[str]:
    """Canonical names a phrase headed by ``tok`` refers to (with its conjuncts)."""
    found: list[str] = []
    for t in (tok, *tok.conjuncts):
        name = _name_of(t, owner)
        if name is None:
            for child in t.children:
                if child.dep_ in ("compound", "amod", "poss") and (n := _name_of(child, owner)):
                    name = n
                    break
        if name and name not in found:
            found.append(name)
    return found


def _of_object(noun: Any) -> Any:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "within"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _owner_object(noun: Any, owner: dict[int, tuple[str, bool]], rel: str) -> Any:
    """The name that owns a relation noun: "Y's affiliate", and for alliances, backing and
    leadership also "a Y ally", "the Y leader"."""
    deps = ("poss",) if rel not in LOOSE_OWNERS else ("compound", "poss", "amod")
    return next((c for c in noun.children if c.dep_ in deps and _name_of(c, owner)), None)


def _actors_under(tok: Any, owner: dict[int, tuple[str, bool]]) -> list[str]:
    """Names under ``tok`` that are actors, not people: a person is no group to join or back."""
    return [n for n in _names_under(tok, owner) if n not in _people_names(owner)]


def _people_names(owner: dict[int, tuple[str, bool]]) -> set[str]:
    return {name for name, person in owner.values() if person}


def _named(tok: Any, owner: dict[int, tuple[str, bool]]) -> Any:
    """The phrase that names what ``tok`` describes: ``tok`` itself, or the name it stands in
    apposition to ("the Popular Forces, an Israel-backed militia")."""
    if not _names_under(tok, owner) and tok.dep_ == "appos":
        return tok.head
    return tok


def _heads_a_part(noun: Any, owner: dict[int, tuple[str, bool]]) -> bool:
    """ "Ethiopia's army chief", "the RSF intelligence head": a common noun before the title
    says which part of the owner the person heads, not that they lead the owner itself."""
    return any(c.dep_ == "compound" and c.pos_ == "NOUN" and _name_of(c, owner) is None for c in noun.children)


def _membership(tok: Any, owner: dict[int, tuple[str, bool]]) -> list[tuple[str, str, str, Any]]:
    """ "X is (a) member / part / wing / leader of Y", "X, Y's affiliate"."""
    rel = MEMBER_NOUNS.get(tok.lemma_.lower())
    if not rel or tok.dep_ not in ("attr", "appos", "dobj", "pobj"):
        return []
    head = tok.head
    subj = head if tok.dep_ == "appos" else next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None or (rel == "leads" and _heads_a_part(tok, owner)):
        return []
    of = _of_object(tok)
    objects = _actors_under(of, owner) if of is not None else []
    if not objects and (poss := _owner_object(tok, owner, rel)) is not None:
        objects = _actors_under(poss, owner)
    pairs = [(s, o) for s in _names_under(subj, owner) for o in objects if s != o]
    if tok.lemma_.lower() in BACKERS_NOUNS:  # "X, a proxy of Iran": Iran backs X
        return [(o, rel, s, tok.sent) for s, o in pairs]
    return [(s, rel, o, tok.sent) for s, o in pairs]


def _backing(doc: Any, tok: Any, owner: dict[int, tuple[str, bool]]) -> list[tuple[str, str, str, Any]]:
    """ "Y-backed X", "X, backed by Y", "a militia led by Y" (Y leads X)."""
    lemma = tok.lemma_.lower()
    rel = "backs" if lemma in BACKING_VERBS else "leads" if lemma in LEADING_VERBS else None
    if rel is None or tok.dep_ not in ("amod", "acl") or tok.tag_ != "VBN":
        return []
    backed = _named(tok.head, owner)
    backer = next((c for c in tok.children if c.dep_ in ("npadvmod", "compound")), None)
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    if agent is not None:
        backer = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if backer is None and tok.i > 0 and doc[tok.i - 1].text in ("-", "–"):
        backer = doc[tok.i - 2] if tok.i > 1 else None
    if backer is None:
        return []
    subjects = _names_under(backer, owner)
    return [(s, rel, o, tok.sent) for s in subjects for o in _actors_under(backed, owner) if s != o]


_HYPHEN_BACKED = re.compile(r" ?[-–](?:backed|supported|sponsored|funded|armed|financed|trained|equipped)\s+")


def _hyphen_backing(doc: Any, owner: dict[int, tuple[str, bool]]) -> list[tuple[str, str, str, Any]]:
    """ "Y-backed X" read from the text, whatever the parse made of the compound (a stray
    space, "Iran -backed militias", splits it into a verb): the name ending at the hyphen
    backs the name starting after it."""
    out = []
    body = text_of(doc)
    people = _people_names(owner)
    for m in _HYPHEN_BACKED.finditer(body):
        backer, backed = owner.get(m.start() - 1), owner.get(m.end())
        if backer is None or backed is None or backed[0] in people or backer[0] == backed[0]:
            continue
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is not None and len(span):
            out.append((backer[0], "backs", backed[0], span[0].sent))
    return out


def stated(doc: Any, owner: dict[int, tuple[str, bool]]) -> list[tuple[str, str, str, Any]]:
    """(subject, relation, object, sentence) triples the parse (or, for hyphenated
    backing, the text) states."""
    out = []
    for tok in doc:
        out += _membership(tok, owner)
        out += _backing(doc, tok, owner)
    return out + _hyphen_backing(doc, owner)


class RelationFinder:
    """Finds relations between the article's actors."""

    name = "relations"
    requires = frozenset({"actors"})
    provides = frozenset({"relations"})

    def __init__(self, options: Options) -> None:
        self.kb: KnowledgeBase = load_kb(tuple(options.kb_paths))

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.doc
        if doc is None:
            return analysis
        body = analysis.article.body
        owner = analysis.mention_owners()
        seen: set[tuple[str, str, str]] = set()
        relations = []
        for s, rel, o, sent in stated(doc, owner):
            if (s, rel, o) not in seen:
                seen.add((s, rel, o))
                relations.append(Relation(s, rel, o, Span.of(body, sent.start_char, sent.end_char), "text"))
        by_id = {a.id: a for a in analysis.actors if a.known}
        for kr in self.kb.related(set(by_id)):
            if kr.type == "part_of" and by_id[kr.object].type == "state":
                continue  # a ministry is part of its state: true, and already said by its country
            s, o = by_id[kr.subject].name, by_id[kr.object].name
            if (s, kr.type, o) in seen:
                continue
            seen.add((s, kr.type, o))
            relations.append(Relation(s, kr.type, o, _shared_sentence(doc, by_id[kr.subject], by_id[kr.object]), "kb"))
        return replace(analysis, relations=tuple(_without_implied(relations)))


def _without_implied(relations: list[Relation]) -> list[Relation]:
    """Drop known relations that others imply: S backs O when S backs O's umbrella group.

    Backing an umbrella is backing its members; listing each member again says nothing new
    and buries the stated relations. Stated ones are always kept."""
    keys = {(r.subject, r.relation, r.object) for r in relations}
    umbrellas: dict[str, set[str]] = {}
    for r in relations:
        if r.relation == "member_of":
            umbrellas.setdefault(r.subject, set()).add(r.object)
    out = []
    for r in relations:
        implied = r.relation == "backs" and any((r.subject, "backs", u) in keys for u in umbrellas.get(r.object, ()))
        if r.source == "text" or not implied:
            out.append(r)
    return out


def _shared_sentence(doc: Any, a: Actor, b: Actor) -> Span | None:
    """The first sentence that mentions both actors, as evidence of a known relation."""
    for sent in doc.sents:
        lo, hi = sent.start_char, sent.end_char
        if any(lo <= m.start < hi for m in a.mentions) and any(lo <= m.start < hi for m in b.mentions):
            return Span.of(text_of(doc), lo, hi)
    return None
