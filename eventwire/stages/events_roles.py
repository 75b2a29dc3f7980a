"""Who did what to whom: actor and recipient of a trigger, read off the dependency parse.

Roles are tokens first (the head of the subject, object or prepositional phrase), then
names: the canonical name of the actor or person whose mention covers the head, or a new
unknown actor for an actor-like noun phrase ("police", "the rebels") that no entity covers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from eventwire.model import Actor, Person, Place
from eventwire.stages.events_lexicon import Cues, Frame

Token = Any  # a spaCy token; spaCy ships no type stubs we can rely on
SUBJECTS = ("nsubj", "csubj", "expl")
MODIFIERS = ("compound", "amod", "nmod", "poss")
RELATIVE = frozenset({"that", "which", "who", "whom", "whose"})
_NOT_TERRITORY = frozenset({None, "country", "continent"})


@dataclass(frozen=True, slots=True)
class Filler:
    """A role filled by a name: the entity's canonical name, or a new unknown actor."""

    name: str
    start: int
    end: int
    known: bool = True
    kind: str = "other"
    pronoun: bool = False


class EntityIndex:
    """Finds the actor or person whose mention covers a character offset."""

    def __init__(self, actors: Iterable[Actor], people: Iterable[Person], places: Iterable[Place] = ()) -> None:
        # offsets of place names: "visited Lyon" has no recipient, even where the tagger
        # took "Lyon" for a person the knowledge base does not know
        self.place_starts = {k for pl in places for m in pl.mentions for k in range(m.start, m.end)}
        # towns and regions the gazetteer resolved: "captured Kherson" is territory; an
        # unresolved name ("taken over Yugansk", a company) or a whole country need not be
        self.territory_starts = {
            k for pl in places if pl.kind not in _NOT_TERRITORY for m in pl.mentions for k in range(m.start, m.end)
        }
        self.spans: list[tuple[int, int, str, str]] = []
        for a in actors:
            self.spans += [
                (m.start, m.end, a.name, "actor") for m in a.mentions if a.known or not self.is_place(m.start)
            ]
        for p in people:
            self.spans += [
                (m.start, m.end, p.name, "person") for m in p.mentions if p.known or not self.is_place(m.start)
            ]
        self.spans.sort()

    def is_place(self, offset: int) -> bool:
        return offset in self.place_starts

    def is_territory(self, offset: int) -> bool:
        return offset in self.territory_starts

    def covering(self, start: int, end: int) -> tuple[int, int, str, str] | None:
        """The longest mention that covers ``[start, end)``."""
        best = None
        for s in self.spans:
            if s[0] > start:
                break
            if s[1] >= end and (best is None or s[1] - s[0] > best[1] - best[0]):
                best = s
        return best

    def before(self, offset: int, lo: int, kind: str = "any") -> tuple[int, int, str, str] | None:
        """The last mention that ends before ``offset`` and starts at or after ``lo``."""
        found = [s for s in self.spans if lo <= s[0] and s[1] <= offset and (kind in ("any", s[3]))]
        return found[-1] if found else None


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the tokens coordinated with it ("Israel and US forces")."""
    out = [tok]
    for c in tok.children:
        # "The US, Russia, and Switzerland": the parser may hang a list on an apposition
        listed = c.dep_ == "appos" and c.pos_ == "PROPN" and any(g.dep_ == "conj" for g in c.children)
        if c.dep_ == "conj" or listed:
            out += conjuncts(c)
    return out


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def pobjs(tok: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the prepositions ``preps`` attached to ``tok`` ("attacks against X")."""
    wanted = set(preps)
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lemma_.lower() in wanted:
            out += [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
    return out


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in tok.children)


def subject_of(verb: Token, cues: Cues, depth: int = 0) -> list[Token]:
    """The tokens that do the act of ``verb``: its subject, passive agent, or the subject
    it shares through coordination, control, raising or a relative clause."""
    if depth > 5:
        return []
    if is_passive(verb):
        agents = [g for c in children(verb, "agent") for g in children(c, "pobj")]
        if agents or verb.dep_ != "conj":
            return agents  # a passive without "by" names no actor

    subj = children(verb, *SUBJECTS)
    if subj:
        if verb.dep_ == "relcl" and subj[0].lower_ in RELATIVE:
            return [verb.head]
        return subj
    head = verb.head
    if head.i == verb.i:
        return []
    dep = verb.dep_
    if dep == "conj":
        return subject_of(head, cues, depth + 1)
    if dep in ("xcomp", "ccomp") and head.dep_ == "acomp":
        return subject_of(head.head, cues, depth + 1)
    if dep == "xcomp":
        if is_passive(head) and not children(head, "agent") and children(head, "nsubjpass"):
            # "Egypt is expected to host", "troops were ordered to withdraw": the subject of
            # a passive raising or control verb does the act of its complement
            return children(head, "nsubjpass")
        objects = children(head, "dobj")
        if objects and head.lemma_ in cues.object_control_verbs:
            return objects
        on = pobjs(head, ("on", "upon")) if head.lemma_ == "call" else []
        return on or subject_of(head, cues, depth + 1)
    if dep == "advcl" or (dep == "pcomp" and head.head.i != head.i):
        return subject_of(head if dep == "advcl" else head.head, cues, depth + 1)
    if stranded_main_verb(verb):
        return [head]
    if dep == "acl" and verb.tag_ == "VBG":
        if head.lemma_.lower() in cues.actor_nouns or head.pos_ in ("PROPN", "PRON") or head.dep_ != "dobj":
            return [head]
        # "issued a declaration demanding ...": the document speaks for who issued it
        return subject_of(head.head, cues, depth + 1)
    if dep == "relcl":
        return [head]
    if dep in ("ccomp", "ROOT"):
        return _stray_subject(verb)
    return []


def stranded_main_verb(verb: Token) -> bool:
    """The main verb the parser hung on its subject as a participle ("About 200 fighters of
    the militia handed in their weapons": a root noun with a participle that takes an object,
    which a passive participle cannot; "Three soldiers killed in ambush" takes none)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.dep_ != "ROOT" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ == "dobj" or (c.dep_ == "prt" and children(c, "pobj")) for c in verb.children)


def _stray_subject(verb: Token) -> list[Token]:
    """A clause the parser left without a subject ("groups of Iran -backed militias are
    prepared"): the nearest subject to its left that governs no clause of its own."""
    for tok in reversed(list(verb.sent[: verb.i - verb.sent.start])):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i < verb.i:
            return [tok] if tok.head.dep_ not in ("ROOT",) else []
    return []


def verb_roles(verb: Token, frame: Frame, cues: Cues) -> tuple[list[Token], list[Token]]:
    """Actor and recipient heads of a verbal trigger."""
    actors = subject_of(verb, cues)
    recipients: list[Token] = []
    if frame.inverse:
        # "received weapons from the government": the giver is in the "from" phrase
        return pobjs(verb, ("from",)), actors
    content_object = bool(frame.object) or frame.object_content
    if is_passive(verb):
        if not content_object:
            recipients += children(verb, "nsubjpass")
        elif not actors:
            actors = _moved_forces(verb, cues)
    elif verb.dep_ == "acl" and verb.tag_ == "VBN" and not content_object and not stranded_main_verb(verb):
        recipients.append(verb.head)
    else:
        if not content_object:
            recipients += children(verb, "dobj")
    for d in children(verb, "dative"):
        recipients += children(d, "pobj") if d.pos_ == "ADP" else [d]
    recipients += pobjs(verb, frame.recipient)
    for obj in children(verb, "dobj", "nsubjpass"):
        recipients += pobjs(obj, frame.recipient)
        # "pledged 10 million euros in aid for migrants": the recipient of what the sum is
        recipients += [r for g in pobjs(obj, ("in", "of")) for r in pobjs(g, frame.recipient)]
    if frame.type == "AID" and not recipients:
        # "pledged 5 million yuan in assistance for the displaced", with "in" on the verb
        recipients += [r for g in pobjs(verb, ("in",)) for r in pobjs(g, frame.recipient)]
        recipients += _beneficiaries(verb, cues)
    if frame.governs == "request" and not recipients:
        recipients += children(verb, "dobj")
    return actors, _dated_out(recipients, cues)


def _beneficiaries(verb: Token, cues: Cues) -> list[Token]:
    """ "provided 100 million euros to help Tunisia": who the aid's purpose clause helps."""
    out = []
    for c in children(verb, "advcl", "xcomp"):
        if c.lemma_.lower() in cues.beneficiary_verbs and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            # "to help Tunisia", "to help Tunisia stop departures" (the helped do the act)
            out += children(c, "dobj") or [s for g in children(c, "ccomp", "xcomp") for s in children(g, "nsubj")]
    return out


def _moved_forces(verb: Token, cues: Cues) -> list[Token]:
    """ "Eighty UN peacekeepers were shipped out", "Kenyan troops were withdrawn": forces moved
    in a passive with no "by" stand for who moved them, named in their modifiers."""
    return [t for t in children(verb, "nsubjpass") if cues.actor_nouns.get(t.lemma_.lower()) == "military"]


def _dated_out(tokens: list[Token], cues: Cues) -> list[Token]:
    """Role heads without dates and numbers ("called on Sunday for ...")."""
    return [t for t in tokens if t.ent_type_ not in cues.non_actor_entities or t.pos_ == "NOUN"]


def noun_roles(
    noun: Token, frame: Frame, cues: Cues, index: EntityIndex
) -> tuple[list[Token], list[Token], Token | None]:
    """Actor and recipient heads of a nominal trigger, and the light verb that lent its subject.

    A trigger that modifies an effort noun ("a mediation effort between X and Y") takes its
    roles from the effort noun too: the effort is the act, told at one remove."""
    carrier = effort_head(noun, cues)
    heads = [noun] if carrier is None else [noun, carrier]
    actors = [t for h in heads for t in children(h, "poss")]
    recipients = [t for h in heads for t in pobjs(h, frame.recipient)]
    if frame.poss_patient and not pobjs(noun, ("of",)):
        # "his arrest", "the minister's release": without an "of" phrase the possessor is
        # the one arrested or released, not who did it
        actors, recipients = [], actors + recipients
    actors += [t for h in heads for t in pobjs(h, ("by",))]
    between = [t for h in heads for t in pobjs(h, ("between", "among"))]
    if between and "between" not in frame.recipient:
        # "talks between X and Y": the parties are actor and recipient; a mediation
        # "between X and Y" has them as recipients (read above) and its actor elsewhere
        people = [t for b in between for t in conjuncts(b)]
        actors, recipients = actors or people[:1], recipients or people[1:]
    if frame.of_is_actor:
        actors += pobjs(noun, ("of",))
    verbal = frame.type in ("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE")
    for c in [c for h in heads for c in children(h, "compound", "amod", "nmod")] if not verbal else []:
        # "Israeli shelling", "Israeli tank shelling": a named modifier is the actor (of an
        # act; "US requests" is too loose a report of a statement to code)
        for m in (c, *children(c, "compound", "amod")):
            # a named modifier is the actor even where it also tells the kind of act: the
            # "Israeli" of "Israeli strikes" says both that they are air strikes and whose
            if index.covering(m.idx, m.idx + len(m)) is not None:
                actors.append(m)
                break
    light = None
    for acl in [a for h in heads for a in children(h, "acl")]:
        agents = [g for c in children(acl, "agent") for g in children(c, "pobj")]
        if agents and not actors:
            actors, light = agents, acl
        recipients += pobjs(acl, ("to", "against", "on"))
    if not actors:
        verb = light_verb(carrier if carrier is not None else noun, cues)
        if verb is not None:
            actors, light = subject_of(verb, cues), verb
            for d in children(verb, "dative"):
                recipients += children(d, "pobj") if d.pos_ == "ADP" else [d]
            recipients += pobjs(verb, frame.recipient)
    return actors, _dated_out(recipients, cues), light


def effort_head(noun: Token, cues: Cues) -> Token | None:
    """The effort noun that ``noun`` modifies ("a mediation effort", "a peace bid"), if any."""
    head = noun.head
    if noun.dep_ in ("compound", "amod", "nmod") and head.i != noun.i and head.lemma_.lower() in cues.effort_nouns:
        return head
    return None


def light_verb(noun: Token, cues: Cues) -> Token | None:
    """The verb that carries out a nominal event ("launched attacks", "held talks",
    "claimed responsibility for attacks", "engaged in talks")."""
    tok = noun
    head = tok.head
    # "dozens of attacks": climb to the quantity noun
    if tok.dep_ == "pobj" and head.lemma_ == "of" and head.head.lemma_.lower() in cues.quantity_nouns:
        tok = head.head
        head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass", "conj") and head.lemma_ in cues.light_verbs and head.pos_ in ("VERB", "AUX"):
        # "called the protests treasonous": a verb that names its object as something says
        # what the act is, it does not carry it out
        return None if children(head, "oprd") else head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        gov = head.head
        if head.lemma_ in cues.light_prep_verbs.get(gov.lemma_, ()):
            return gov if gov.pos_ in ("VERB", "AUX") else gov.head
        if gov.lemma_ in cues.responsibility_nouns and gov.head.lemma_ in cues.responsibility_verbs:
            return gov.head
    return None


def phrase_tokens(head: Token) -> list[Token]:
    """The head and its left modifiers (compound, amod, nmod): "US forces", "riot police"."""
    left = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod") and c.i >= head.i - 3]
    return sorted([*left, head], key=lambda t: t.i)


def fill(head: Token, index: EntityIndex, cues: Cues) -> Filler | None:
    """The name standing for a role head, or ``None`` when the head is not actor-like."""
    if head.ent_type_ in cues.non_actor_entities:
        # "Thousands of Kurds" stands for the Kurds; "Sunday" for nobody
        found = (fill(g, index, cues) for g in pobjs(head, ("of",)))
        return next((f for f in found if f is not None), None)
    hit = index.covering(head.idx, head.idx + len(head))
    if hit is not None:
        return Filler(hit[2], hit[0], hit[1])
    place = head.pos_ == "PROPN" and index.is_place(head.idx)
    # "Russia's allies" are not Russia (the allies it lists are read by ``members``)
    relational = head.lemma_.lower() in cues.relational_nouns
    for c in [] if relational else head.children:
        # "BAGHDAD, 7 Apr (Reuters) -": what stands beside a place name is a dateline credit
        # or another place; a modifier still tells who holds it ("Kurdish-held Kobane")
        if c.dep_ in MODIFIERS or (c.dep_ == "appos" and not place):
            hit = index.covering(c.idx, c.idx + len(c))
            if hit is not None:
                return Filler(hit[2], hit[0], hit[1])
    lemma = head.lemma_.lower()
    if lemma in cues.actor_nouns or lemma in cues.quantity_nouns or head.pos_ == "NUM":
        # "officials from France", "troops from Kenya" serve the state they come from
        # ("refugees from Syria" do not)
        official = cues.actor_nouns.get(lemma) in _SERVING_KINDS
        for g in pobjs(head, ("of", "from") if official else ("of",)):
            inner = fill(g, index, cues)
            if inner is not None and not inner.pronoun:
                return inner
    if head.lower_ in cues.pronouns:
        return Filler(head.text, head.idx, head.idx + len(head), kind=cues.pronouns[head.lower_], pronoun=True)
    if place:
        return None  # a town or a region is where something happens, not who it happens to
    if head.pos_ == "PROPN" and (head.ent_type_ in _NAMING_ENTITIES or first_conjunct(head).dep_ in _SUBJECT_DEPS):
        toks = [head]
        while toks[0].i > 0 and toks[0].nbor(-1).pos_ == "PROPN" and toks[0].nbor(-1).dep_ in ("compound", "flat"):
            toks.insert(0, toks[0].nbor(-1))
        return _unknown(toks, "other")
    if lemma in cues.actor_nouns:
        tokens = phrase_tokens(head)
        if len(tokens) == 1 and any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in head.children):
            return None  # "these forces" points back to someone; it names no new actor
        return _unknown(tokens, cues.actor_nouns[lemma])
    return None


def first_conjunct(tok: Token) -> Token:
    """The first of a coordination ``tok`` belongs to: "Osgiliath" in "Gondor and Osgiliath"."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_SERVING_KINDS = frozenset({"government_body", "military"})
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
# A proper noun names an actor the base lacks where the tagger saw a name of these kinds, or
# where it is the subject: "Auschwitz" or "the Bill" as objects are no actors.
_NAMING_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _unknown(tokens: list[Token], kind: str) -> Filler:
    first, last = tokens[0], tokens[-1]
    start, end = first.idx, last.idx + len(last)
    text = first.doc[first.i : last.i + 1].text  # the span's own text: Doc.text is rebuilt per call
    return Filler(text, start, end, known=False, kind=kind)


def members(heads: Iterable[Token], cues: Cues) -> list[Token]:
    """Role heads with a relational noun replaced by those it lists: "Kenya's partners,
    including Britain and Germany" are Britain and Germany; officials "from" several
    states stand for each of them."""
    out = []
    for h in heads:
        listed = pobjs(h, ("including", "include", "like")) if h.lemma_.lower() in cues.relational_nouns else []
        if cues.actor_nouns.get(h.lemma_.lower()) in _SERVING_KINDS:
            # "ministers from Chad and Niger" are Chad's and Niger's
            listed = [g for g in pobjs(h, ("from",)) if children(g, "conj")]
        out += listed or [h]
    return out


def expand(heads: Iterable[Token]) -> Iterator[Token]:
    """Role heads with their coordinated tokens, each once, in text order."""
    seen: set[int] = set()
    for h in heads:
        for t in conjuncts(h):
            if t.i not in seen:
                seen.add(t.i)
                yield t
