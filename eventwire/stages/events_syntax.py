"""Syntactic tests the event coder applies to a trigger's clause: purpose and background
phrases, mentions of acts that are not told, locative place names, owners of a reaction's
object, and the merging of one act told twice in a sentence."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.model import Event
from eventwire.stages.events_lexicon import Cues
from eventwire.stages.events_roles import conjuncts

Token = Any
MODALITY_RANK = {"realized": 0, "intended": 1, "conditional": 2, "possible": 3, "negated": 4}


def purpose(tok: Token) -> bool:
    """An infinitive of purpose or aim ("to support the mission", "to help Tunisia")."""
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    return to and tok.dep_ in ("advcl", "xcomp", "acl", "relcl")


def mentioned(tok: Token) -> bool:
    """A verb that names an act rather than tells it: a participle or gerund modifying a noun
    ("the curfew imposed"), or a gerund after a preposition ("the decision of sending troops")."""
    return tok.dep_ in ("acl", "amod") or (tok.dep_ == "pcomp" and tok.tag_ == "VBG")


def criticism(verb: Token, cues: Cues) -> bool:
    """An attack verb whose object is an idea, a plan or words ("attacked the pledges")."""
    if verb.lemma_.lower() not in cues.verbal_attack_verbs:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in cues.verbal_attack_objects for c in verb.children)


def owners(verb: Token) -> list[Token]:
    """Who owns the object of a verbal reaction: "rejected the proposal of the Arab League",
    "welcomed Egypt's decision", "praised the Kenyan reforms"."""
    out = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        out += [c for c in obj.children if c.dep_ in ("poss", "compound", "amod") and c.ent_type_]
        for p in (c for c in obj.children if c.dep_ == "prep" and c.lemma_ in ("of", "by", "from")):
            out += [g for g in p.children if g.dep_ == "pobj"]
    return out


def locative(tok: Token, cues: Cues) -> bool:
    """A toponym that says where ("in Mosul and Anbar", "near Goma", "near the village of
    Kuznica"), not who ("told Baghdad")."""
    for _ in range(3):
        while tok.dep_ in ("compound", "conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
        of = tok.head
        if tok.dep_ == "pobj" and of.lemma_ == "of" and of.head.lemma_.lower() in cues.place_nouns:
            tok = of.head  # "the village of Kuznica" is where the village is
            continue
        break
    return tok.dep_ == "pobj" and tok.head.lemma_.lower() in cues.locative_preps


def background_phrase(tok: Token, cues: Cues) -> bool:
    """A nominal event in a phrase of time to come ("before the talks", "on the eve of a visit")."""
    for _ in range(4):
        if tok.dep_ not in ("pobj", "prep", "pcomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in cues.upcoming_marks:
            return True  # "ahead of talks", "on the eve of a visit": not yet happened
    return False


def clause_head(tok: Token) -> Token:
    """The verb heading the clause ``tok`` is in."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def deduplicated(events: list[Event]) -> list[Event]:
    """One event per type, kind and actor in a sentence, unless the recipients differ: the
    "to discuss" of "telephoned Kozyrev to discuss" is the same consultation, and the
    "to protest against Sweden" of "began a hunger strike" names the strike's target."""
    order = sorted(events, key=lambda e: (MODALITY_RANK.get(e.modality, 5), e.recipient is None, -e.confidence))
    kept: list[Event] = []
    for e in order:
        # "seized power, detaining the president": a seizure and an arrest are two acts
        same = [i for i, k in enumerate(kept) if k.type == e.type and k.actor == e.actor and _same_kind(k, e)]
        if any(kept[i].recipient == e.recipient or e.recipient is None for i in same):
            for i in same:
                if kept[i].mode is None and e.mode is not None:
                    # "launched air strikes ..., killing 25": the killing is the strikes' act
                    kept[i] = replace(kept[i], mode=e.mode)
            continue
        bare = next((i for i in same if kept[i].recipient is None), None)
        if bare is not None and e.modality != kept[bare].modality:
            kept[bare] = replace(kept[bare], recipient=e.recipient)
            continue
        kept.append(e)
    return sorted(kept, key=lambda e: e.trigger.start if e.trigger else e.evidence.start)


def _same_kind(a: Event, b: Event) -> bool:
    """Two events of one type may be one act, unless they are coercions of different modes: an
    arrest and a seizure of power are two acts, where the modes of an attack (its weapons) or
    of a protest ("a hunger strike to protest") tell one act twice."""
    return a.type != "COERCE" or a.mode is None or b.mode is None or a.mode == b.mode


def internal_meeting(actors: list[Token], cues: Cues) -> bool:
    """The doer of a meeting is one deliberative body ("the cabinet met", "his government
    would meet"): PLOVER CONSULT is between parties, and a body meeting itself is none."""
    heads = [t for a in actors for t in conjuncts(a)]
    return len(heads) == 1 and heads[0].lemma_.lower() in cues.deliberative_bodies


def needy_aid(recipients: list[Token], cues: Cues) -> str | None:
    """Plain aid given to people in need ("sent aid to refugees in Chad") is humanitarian."""
    heads = [t for r in recipients for t in conjuncts(r)]
    needy = any(t.lemma_.lower() in cues.aid_beneficiaries or t.lower_ in cues.aid_beneficiaries for t in heads)
    return "humanitarian" if needy else None
