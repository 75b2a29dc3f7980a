"""Trigger detection: the words of a sentence that code a PLOVER event, with the frame
(reading) of the lexicon whose syntactic conditions the parse meets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.stages.events_details import is_money
from eventwire.stages.events_lexicon import Cues, Frame, Lexicon
from eventwire.stages.events_roles import (
    EntityIndex,
    children,
    conjuncts,
    effort_head,
    is_passive,
    pobjs,
    stranded_main_verb,
    subject_of,
)

Token = Any
VERB_TAGS = ("VERB",)
NOUN_TAGS = ("NOUN", "PROPN")
OWN_POSSESSIVES = frozenset({"their", "its", "his", "her", "our", "my"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """A token that codes an event under ``frame``; ``matched`` is the object that met the
    frame's object condition (it is the content of the act, not its recipient)."""

    token: Token
    frame: Frame
    matched: Token | None = None


def _objects(verb: Token) -> list[Token]:
    """Direct objects of ``verb`` (the passive subject counts: "sanctions were imposed")."""
    objs = children(verb, "dobj", "oprd")
    if is_passive(verb):
        objs += children(verb, "nsubjpass")
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not stranded_main_verb(verb):
        objs.append(verb.head)  # "sanctions imposed on Iran"
    for p in children(verb, "prt"):
        objs += children(p, "pobj")
    return [t for o in objs for t in conjuncts(o)]


def _of_objects(objs: list[Token]) -> list[Token]:
    """ "25,000 tons of food aid", "the return of inspectors": the noun after "of" also
    tells what the object is."""
    return [g for o in objs for p in children(o, "prep") if p.lemma_ == "of" for g in children(p, "pobj")]


def _cargo(objs: list[Token], vehicles: frozenset[str], cues: Cues) -> list[Token]:
    """What the vehicles among ``objs`` carry ("40 trucks loaded with flour", "a convoy
    carrying medicine"): sending the vehicles sends their load."""
    out = []
    for o in objs:
        if o.lemma_.lower() not in vehicles:
            continue
        for verb in children(o, "acl"):
            if verb.lemma_.lower() in cues.cargo_verbs:
                out += children(verb, "dobj") + pobjs(verb, ("with",))
    loads = [t for o in out for t in conjuncts(o)]
    return loads + _of_objects(loads)


def _attached(tok: Token, cues: Cues) -> set[str]:
    """Particles, prepositions and adverbs on ``tok``; a preposition whose object is a date
    ("on Monday") does not count."""
    out = []
    for c in tok.children:
        if c.dep_ not in ("prt", "prep", "advmod", "agent", "dative"):
            continue
        if c.dep_ == "prep" and any(g.ent_type_ in cues.non_actor_entities for g in children(c, "pobj")):
            continue
        out.append(c)
    return _words(out)


def actor_like(tok: Token, cues: Cues, index: EntityIndex, lexicon: Lexicon) -> bool:
    """A token that can name an actor: an entity, a proper noun, a pronoun, an actor noun, or
    a noun with a named modifier that is not itself an event ("Mexican immigrants", not
    "US requests")."""
    if index.covering(tok.idx, tok.idx + len(tok)) is not None:
        return True
    if tok.pos_ == "PROPN" or tok.lower_ in cues.pronouns or tok.lemma_.lower() in cues.actor_nouns:
        return True
    named = any(index.covering(c.idx, c.idx + len(c)) for c in tok.children if c.dep_ in ("compound", "amod"))
    return named and tok.lemma_.lower() not in lexicon.nouns


def _words(tokens: list[Token]) -> set[str]:
    return {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}


def _marked(tokens: list[Token], words: frozenset[str]) -> bool:
    """One of ``tokens`` is one of ``words`` or is modified by one: "peacekeepers",
    "peacekeeping troops", "Kenyan peace-keeping force"."""
    for t in tokens:
        near = [t, *(c for c in t.children if c.dep_ in ("compound", "amod", "nmod"))]
        if _words(near) & words:
            return True
    return False


def _object_match(f: Frame, content: list[Token], index: EntityIndex) -> tuple[bool, Token | None]:
    """Whether the objects meet the frame's object conditions, and the object that did."""
    matched = None
    if f.object:
        matched = next((o for o in content if o.lemma_.lower() in f.object or o.lower_ in f.object), None)
    if matched is None and f.object_place:
        # "captured Kherson": a named place is territory as much as "the town" is
        matched = next((o for o in content if o.pos_ == "PROPN" and index.is_territory(o.idx)), None)
    if matched is None and f.object_money:
        # "pledged $300 million", "gave 10 million euros": a sum of money is money given
        matched = next((o for o in content if is_money(o)), None)
    if matched is None and (f.object or f.object_place or f.object_money):
        return False, None
    if f.object_marked and not _marked(content, f.object_marked):
        return False, None
    if f.object_owned and (matched is None or not _owned(matched)):
        return False, None
    return True, matched


def _owned(obj: Token) -> bool:
    """The object is the doer's own: "delivered their weapons", "handed over its arms"
    (a possessive pronoun, which points back to the subject; "Iran's weapons" need not)."""
    return any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in obj.children)


def _doers(verb: Token, cues: Cues) -> list[Token]:
    """Who does the act of ``verb``, for frames that ask who: the subject it has or shares
    ("workers voted to strike"), and what a quantity stands for ("thousands of workers struck",
    "a contingent of peacekeepers arrived")."""
    doers = [t for s in subject_of(verb, cues) for t in conjuncts(s)]
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        doers.append(verb.head)  # "a convoy carrying medicine": the convoy carries it
    return doers + _of_objects(doers)


def _verb_frame(verb: Token, lexicon: Lexicon, cues: Cues, index: EntityIndex) -> Trigger | None:
    if verb.lemma_.lower() in cues.naming_verbs and children(verb, "oprd"):
        return None  # "what it called provocations on its border": a name given, not a call
    frames = lexicon.verbs[verb.lemma_.lower()]
    objs = _objects(verb)
    content = objs + _of_objects(objs)
    obj_words = _words(objs)
    attached = _attached(verb, cues)
    subjects = _doers(verb, cues) if any(f.subject or f.subject_marked for f in frames) else []
    complement = any(c.dep_ == "xcomp" for c in verb.children)
    for f in frames:
        cargo = _cargo(objs, f.cargo, cues) if f.cargo else []
        ok, matched = _object_match(f, content + cargo, index)
        if not ok:
            continue
        if f.object_not and obj_words & f.object_not:
            continue
        if f.object_actor and objs and not any(actor_like(o, cues, index, lexicon) for o in objs):
            continue
        if f.particle and not attached & f.particle:
            continue
        if f.prep and not attached & f.prep:
            continue
        if f.prep_object and not _words(pobjs(verb, f.prep)) & f.prep_object:
            continue  # "taken into custody", not "taken into account"
        if f.subject and not _words(subjects) & f.subject:
            continue
        if f.subject_marked and not _marked(subjects, f.subject_marked):
            continue
        if f.complement and not complement:
            continue
        return Trigger(verb, f, matched)
    return None


def _noun_frame(noun: Token, frames: tuple[Frame, ...], cues: Cues) -> Trigger | None:
    # "the teachers' strike": a possessor tells the kind of act as a modifier does
    mods = [t for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss") for t in conjuncts(c)]
    mod_words = _words(mods)
    preps = _attached(noun, cues)
    for f in frames:
        if f.carrier and effort_head(noun, cues) is None:
            continue
        if f.modifier and not mod_words & f.modifier:
            continue
        if f.prep and not preps & f.prep:
            continue
        return Trigger(noun, f)
    return None


def find_triggers(sent: Any, lexicon: Lexicon, cues: Cues, index: EntityIndex) -> list[Trigger]:
    """Every trigger of the sentence ``sent``, in text order."""
    found = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        trig = None
        if tok.pos_ in VERB_TAGS and lemma in lexicon.verbs:
            trig = _verb_frame(tok, lexicon, cues, index)
        elif tok.pos_ in NOUN_TAGS and lemma in lexicon.nouns:
            trig = _noun_frame(tok, lexicon.nouns[lemma], cues)
        if trig is not None:
            found.append(trig)
    return found
