"""How real an event is: realized, intended, conditional, possible or negated.

Read from the trigger's own auxiliaries and negation, the condition clauses around it, and
the verbs, adjectives or nouns that govern it ("prepared to disarm", "refused to meet",
"fear of being hit"). The nearest cue wins, except that a negated governor negates its
complement ("did not plan to attack").
"""

from __future__ import annotations

from typing import Any

from eventwire.stages.events_lexicon import Cues

Token = Any
REALIZED, INTENDED, CONDITIONAL, POSSIBLE, NEGATED = "realized", "intended", "conditional", "possible", "negated"
# Dependencies through which a governor passes its modality to a complement.
COMPLEMENT = frozenset({"xcomp", "ccomp", "acomp", "pcomp", "pobj", "prep", "acl", "dobj", "advcl", "oprd", "attr"})


def _negated(tok: Token, cues: Cues) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "preconj") and c.lower_ in ("never", "neither")):
            return True
        if c.dep_ == "det" and c.lower_ in cues.negating_determiners:
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and any(
            g.dep_ in ("preconj", "det") and g.lower_ == "neither" for g in c.children
        ):
            return True  # "neither Kenya nor Uganda sent troops": no one did
    return False


def _aux(tok: Token, cues: Cues) -> str | None:
    """The modality marked by the auxiliaries of ``tok``, if any."""
    for c in tok.children:
        if c.dep_ not in ("aux", "auxpass"):
            continue
        word = c.lower_
        if word in cues.intended_aux or c.lemma_ in cues.intended_aux:
            return INTENDED
        if word in cues.conditional_aux:
            return CONDITIONAL
        if word in cues.possible_aux:
            return POSSIBLE
    return None


def _conditioned(tok: Token, cues: Cues) -> bool:
    """``tok`` heads a clause with an "if"/"unless" clause attached to it."""
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues.condition_marks for m in c.children):
            return True
    return False


def refusal_stands(tok: Token, cues: Cues) -> bool:
    """A refusal with an "unless" clause hung on it ("refused to withdraw unless the siege
    was lifted"): the refusal was made; the condition is on what is refused."""
    return _conditioned(tok, cues) and not in_condition(tok, cues) and _aux(tok, cues) != CONDITIONAL


def in_condition(tok: Token, cues: Cues) -> bool:
    """``tok`` heads the "if" clause itself (the condition, not the consequence)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues.condition_marks for m in tok.children)


def within_condition(tok: Token, cues: Cues) -> bool:
    """``tok`` lies anywhere inside an "if"/"unless" clause ("unless he made peace with rebels
    fighting the army"): part of the condition, never the consequence."""
    for _ in range(12):
        if in_condition(tok, cues):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def reported(tok: Token, cues: Cues) -> bool:
    """``tok`` heads (or is coordinated into) the content of a speech verb."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in cues.speech_verbs


def background(tok: Token, cues: Cues) -> bool:
    """``tok`` heads a temporal clause ("after crowds burned its embassy"): an earlier
    event told as background, whose reality does not depend on the main clause."""
    return tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues.background_marks for m in tok.children)


def own_modality(tok: Token, cues: Cues) -> str | None:
    """The modality marked on ``tok`` itself (negation, auxiliaries, conditions)."""
    if _negated(tok, cues):
        return NEGATED
    if in_condition(tok, cues) or _conditioned(tok, cues):
        return CONDITIONAL
    aux = _aux(tok, cues)
    if aux == CONDITIONAL and reported(tok, cues):
        return INTENDED  # "said it would withdraw": the future of a report, not a condition
    if aux is not None:
        return aux
    if tok.dep_ in ("advcl", "acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        # an infinitive of purpose: "deployed troops to attack the city"
        return INTENDED
    return None


def _governor(tok: Token) -> Token | None:
    if tok.dep_ not in COMPLEMENT or tok.head.i == tok.i:
        return None
    return tok.head


def _called_off(noun: Token, cues: Cues) -> bool:
    """A nominal event that is the passive subject of a verb of cancelling ("the meeting was
    called off", "talks were postponed"): it will not take place."""
    if noun.dep_ != "nsubjpass" or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = noun.head
    lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    return lemma in cues.negated_governors or bool(particles & cues.cancel_phrasals.get(lemma, frozenset()))


def _planned(noun: Token, cues: Cues) -> bool:
    """A nominal event modified as one to come ("a planned meeting", "the proposed talks")."""
    return any(c.dep_ == "amod" and c.lower_ in cues.intended_governors for c in noun.children)


def modality(trigger: Token, cues: Cues, stop: Token | None = None) -> str:
    """The modality of the event whose trigger is ``trigger``.

    ``stop`` is a governing trigger already coded as an event of its own (a request or
    threat): climbing ends there."""
    found = own_modality(trigger, cues)
    if found is not None:
        return found
    if _called_off(trigger, cues):
        return NEGATED
    if trigger.pos_ in ("NOUN", "PROPN") and _planned(trigger, cues):
        return INTENDED
    tok = trigger
    for _ in range(5):
        gov = _governor(tok)
        if gov is None or (stop is not None and gov.i == stop.i) or background(tok, cues):
            break
        lemma = gov.lemma_.lower()
        if tok.dep_ == "ccomp" and lemma in cues.speech_verbs:
            # reported speech: the report does not change what is reported
            break
        if lemma in cues.negated_governors:
            return NEGATED
        own = own_modality(gov, cues) if gov.pos_ in ("VERB", "AUX", "ADJ") else None
        governing = lemma in cues.intended_governors or lemma in cues.possible_governors
        if governing and own is None and gov.pos_ in ("VERB", "AUX", "ADJ") and modality(gov, cues, stop) == NEGATED:
            return NEGATED  # "failed to agree on a release": what was to be agreed did not happen
        if lemma in cues.intended_governors:
            return NEGATED if own == NEGATED else (own if own in (CONDITIONAL, POSSIBLE) else INTENDED)
        if lemma in cues.possible_governors:
            return NEGATED if own == NEGATED else POSSIBLE
        if own is not None and tok.dep_ in ("xcomp", "dobj", "acomp", "pcomp", "pobj", "prep"):
            return own
        if own == NEGATED and tok.dep_ == "ccomp":
            return NEGATED  # "would not allow criminals to threaten": a clause no one let happen
        tok = gov
    return REALIZED
