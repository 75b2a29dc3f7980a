"""The ``relations`` stage: relations between actors stated in the text, and known ones.

Stated relations come from a handful of syntactic frames over the parse ("X is part of
Y", "X, a member of Y", "Y-backed X", "X, backed by Y", "X and its ally Y"), with the
sentence as evidence. Relations the knowledge base holds between two actors of the article
are added with ``source: "kb"`` and, where both actors appear in one sentence, that
sentence as evidence.
"""

from __future__ import annotations

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


def stated(doc: Any, owner: dict[int, tuple[str, bool]]) -> list[tuple[str, str, str, Any]]:
    """(subject, relation, object, sentence) triples the parse states."""
    out = []
    for tok in doc:
        rel = MEMBER_NOUNS.get(tok.lemma_.lower())
        if rel and tok.dep_ in ("attr", "appos", "dobj", "pobj"):
            obj = _of_object(tok)
            if obj is None and rel in ("allied_with", "backs", "leads"):
                obj = next(
                    (c for c in tok.children if c.dep_ in ("compound", "poss", "amod") and _name_of(c, owner)), None
                )
            if obj is None:
                continue
            head = tok.head
            subj = head if tok.dep_ == "appos" else next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            for s in _names_under(subj, owner):
                for o in _names_under(obj, owner):
                    if s != o:
                        out.append((o, rel, s, tok.sent) if rel == "leads" else (s, rel, o, tok.sent))
        if tok.lemma_.lower() in BACKING_VERBS and tok.dep_ in ("amod", "acl") and tok.tag_ == "VBN":
            backed = tok.head
            backer = next((c for c in tok.children if c.dep_ in ("npadvmod", "compound")), None)
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if agent is not None:
                backer = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if backer is None and tok.i > 0 and doc[tok.i - 1].text in ("-", "–"):
                backer = doc[tok.i - 2] if tok.i > 1 else None
            if backer is None:
                continue
            for s in _names_under(backer, owner):
                for o in _names_under(backed, owner):
                    if s != o:
                        out.append((s, "backs", o, tok.sent))
    return out


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
