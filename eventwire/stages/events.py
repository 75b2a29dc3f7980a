"""The ``events`` stage: PLOVER events coded clause by clause from the shared parse.

For each sentence the coder finds trigger words (``events_triggers``), reads actor and
recipient off the parse (``events_roles``), decides how real each event is
(``events_modality``) and lets one event govern another: a request, threat, accusation or
rejection swallows the act it is about, and a promise turns its content into an ``intended``
act. Conditional force in a warning is coded as the realized threat it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from eventwire.config import Options
from eventwire.model import Actor, Analysis, Event, Quantity, Span
from eventwire.names import fold, slug
from eventwire.stages.events_details import aid_mode, assault_mode, contexts, result_mode
from eventwire.stages.events_lexicon import Cues, Frame, load_cues, load_lexicon
from eventwire.stages.events_modality import (
    CONDITIONAL,
    INTENDED,
    REALIZED,
    background,
    modality,
    refusal_stands,
    within_condition,
)
from eventwire.stages.events_roles import (
    EntityIndex,
    Filler,
    conjuncts,
    expand,
    fill,
    first_conjunct,
    members,
    noun_roles,
    pobjs,
    subject_of,
    verb_roles,
)
from eventwire.stages.events_syntax import (
    background_phrase,
    clause_head,
    criticism,
    deduplicated,
    internal_meeting,
    locative,
    mentioned,
    needy_aid,
    owners,
    purpose,
)
from eventwire.stages.events_triggers import Trigger, find_triggers

Token = Any
FORCEFUL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
# Acts whose promise is a threat ("vowed to crush the rebels"); a promised deployment may help.
VOWED_FORCE = frozenset({"ASSAULT", "COERCE", "SANCTION"})
RECIPROCAL = frozenset({"AGREE", "CONSULT", "COOPERATE", "ASSAULT"})
REQUEST_MODES = {
    "RETREAT": "yield",
    "CONCEDE": "change",
    "CONSULT": "meet",
    "AGREE": "meet",
    "AID": "assist",
    "COOPERATE": "assist",
    "SUPPORT": "assist",
}
# Verbs of violence that news uses as often for sport and fortune ("beat", "hit"): they code
# ASSAULT only with a weapon, an attack or people as target (``EventCoder.violent``).
FIGURATIVE_VIOLENCE = frozenset({"beat", "hit", "thrash", "hammer", "batter", "crush", "rout"})
_SCORE = re.compile(r"\b\d{1,2}\s?[-–]\s?\d{1,2}\b(?!\s*(?:years?|months?|days?|per))")
_HUMAN_TARGET_KINDS = frozenset({"other", "armed_group", "military"})
# Known actors that fight: "crushed the RSF" is violence where "crushed France 3-0" is sport.
_FIGHTING_TYPES = frozenset({"armed_group", "military"})
# Event types whose sentence's casualty counts (killed, injured, arrested ...) belong to them.
CASUALTY_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our"})
FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
MODALITY_WEIGHT = {"realized": 1.0, "intended": 0.9, "conditional": 0.8, "possible": 0.75, "negated": 0.85}
# Dependencies along which an event sits inside another event's content.
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "nsubjpass", "conj", "advcl"})
DEONTIC = Frame(lemma="must", type="REQUEST", governs="request", weight=0.6)
# What aid is said to be for ("gave $5 million to help Tunisia"): told with the aid, not beside it.
PURPOSE_OF_AID = frozenset({"SUPPORT", "AID", "COOPERATE"})
OWNED_OBJECT = frozenset({"SUPPORT", "ACCUSE", "REJECT", "CONCEDE", "AGREE"})
# Acts whose recipient gains by them ("the release of Bazoum", "aid to refugees"): in a demand
# for one, that recipient is what is asked for, not who is asked.
BENEFITING = frozenset({"RETREAT", "CONCEDE", "AID"})


@dataclass
class Draft:
    """An event under construction, before names are resolved."""

    trigger: Trigger
    type: str
    mode: str | None
    modality: str
    actors: list[Token]
    recipients: list[Token]
    light: Token | None = None
    governor: Draft | None = None
    governed: list[Draft] = field(default_factory=list)
    dropped: bool = False
    inherited_actor: list[Token] = field(default_factory=list)

    @property
    def token(self) -> Token:
        return self.trigger.token

    @property
    def frame(self) -> Frame:
        return self.trigger.frame


class EventCoder:
    """Codes PLOVER events with roles, mode, modality, context, place, date and confidence."""

    name = "events"
    requires = frozenset({"doc", "actors", "people"})
    provides = frozenset({"events"})

    def __init__(self, options: Options) -> None:
        self.options = options
        self.lexicon = load_lexicon()
        self.cues = load_cues()

    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.doc is None:
            return analysis
        run = _Run(analysis, self.cues)
        for sent in analysis.doc.sents:
            run.code_sentence(sent, find_triggers(sent, self.lexicon, self.cues, run.index))
        events = tuple(e for e in run.events if e.confidence >= self.options.min_confidence)
        return replace(analysis, events=events, actors=run.actors())


class _Run:
    """The coding of one article: the entity index, new actors and the events so far."""

    def __init__(self, analysis: Analysis, cues: Cues) -> None:
        self.analysis = analysis
        self.body = analysis.article.body
        self.cues = cues
        self.index = EntityIndex(analysis.actors, analysis.people, analysis.places)
        self.new: dict[str, Actor] = {}
        self.events: list[Event] = []
        self.previous: Filler | None = None
        self.protests: set[int] = set()
        self.article_contexts = contexts(analysis.doc, cues)[:2]
        # who each person leads or belongs to (``None``: unknown), for "his troops"
        self.affiliation = {p.name: p.affiliation for p in analysis.people}
        self.known_names = {p.name for p in analysis.people} | {a.name for a in analysis.actors}

    # ------------------------------------------------------------------ drafts

    def draft(self, trig: Trigger) -> Draft:
        tok, frame = trig.token, trig.frame
        light = None
        if frame.nominal:
            actors, recipients, light = noun_roles(tok, frame, self.cues, self.index)
        else:
            actors, recipients = verb_roles(tok, frame, self.cues)
        told = modality(tok, self.cues)
        if told == CONDITIONAL and frame.governs == "reject" and refusal_stands(tok, self.cues):
            told = REALIZED
        if told == REALIZED and frame.modality:
            told = frame.modality  # "pledged $300 million": the money is yet to be given
        return Draft(trig, frame.type, frame.mode, told, actors, recipients, light)

    def code_sentence(self, sent: Any, triggers: list[Trigger]) -> None:
        drafts = [self.draft(t) for t in triggers]
        by_token = {d.token.i: d for d in drafts}
        consumed = {t.matched.i for t in triggers if t.matched is not None}
        for d in drafts:
            if d.frame.nominal and d.token.i in consumed:
                d.dropped = True
                continue
            d.governor = _governor_of(d, by_token)
            if d.governor is not None:
                d.governor.governed.append(d)
        self.protests = {d.token.i for d in drafts if d.type == "PROTEST"}
        for d in drafts:
            self.merge_instrument(d, by_token)
        for d in drafts:
            if d.frame.nominal and d.governor is not None and d.governor.type == d.type:
                d.dropped = True  # "mediation in the talks": one consultation, told twice
        for d in drafts:
            self.govern(d)
        drafts += self.deontic_reports(sent, drafts)
        start = len(self.events)
        for d in drafts:
            if not d.dropped:
                self.emit(d, sent)
        self.events[start:] = deduplicated(self.events[start:])

    def merge_instrument(self, d: Draft, by_token: dict[int, Draft]) -> None:
        """ "Israeli shelling killed five": the nominal attack in the subject is the killing's
        cause, so the verb takes its actor and mode and the noun is not coded twice."""
        if d.dropped or d.type != "ASSAULT" or d.frame.nominal:
            return
        for h in list(d.actors):
            g = by_token.get(h.i)
            if g is not None and g.frame.nominal and g.type == "ASSAULT":
                g.dropped = True
                d.actors = g.actors
                d.mode = d.mode or g.mode or assault_mode(g.token, self.cues)

    def deontic_reports(self, sent: Any, drafts: list[Draft]) -> list[Draft]:
        """ "X said that Y must act": a demand by X on Y (REQUEST), whose content is not coded."""
        out = []
        for verb in sent:
            if verb.dep_ != "ccomp" or verb.head.lemma_ not in self.cues.speech_verbs:
                continue
            if not any(c.dep_ == "aux" and c.lower_ in self.cues.deontic_aux for c in verb.children):
                continue
            speaker = subject_of(verb.head, self.cues)
            addressee = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if (
                not speaker
                or not addressee
                or (addressee[0].pos_ == "PRON" and addressee[0].lower_ in ("we", "i", "us"))
            ):
                continue
            inside = {t.i for t in verb.subtree}
            for d in drafts:
                if d.token.i in inside:
                    d.dropped = True
            out.append(Draft(Trigger(verb, DEONTIC), "REQUEST", None, REALIZED, speaker, addressee))
        return out

    def govern(self, d: Draft) -> None:
        """Apply what ``d`` does to the events in its content, and conditional threats."""
        if d.dropped:
            return
        kind = d.frame.governs
        content = [g for g in d.governed if not g.dropped]
        if d.frame.needs_content and not any(g.type in FORCEFUL for g in content):
            d.dropped = True
            return
        if kind == "promise" and content and d.frame.lemma in self.cues.vow_verbs:
            force = next((g for g in content if g.type in VOWED_FORCE and g.modality != "negated"), None)
            if force is not None:
                # "vowed to crush the RSF", "pledged to retaliate": a promise of force is a threat
                for g in content:
                    g.dropped = True
                d.type, d.mode = "THREATEN", self.cues.threat_modes.get(force.type)
                d.recipients = d.recipients or force.recipients
                return
        if kind == "promise" and content:
            d.dropped = True
            for g in content:
                if g.modality in (REALIZED, "possible"):
                    g.modality = INTENDED  # "agreed that their countries should cooperate"
                g.inherited_actor = d.actors
            return
        if kind == "reject" and content:
            for g in content:
                if not within_condition(g.token, self.cues):
                    g.modality = "negated"  # "refused to withdraw": the withdrawal did not happen
            return
        if kind in ("request", "threat", "accuse") and content:
            for g in content:
                g.dropped = True
            first = content[0]
            if kind == "threat":
                d.mode = d.mode or self.cues.threat_modes.get(first.type)
                d.recipients = d.recipients or first.recipients
            else:
                if kind == "request":
                    d.mode = d.mode or REQUEST_MODES.get(first.type)
                # "condemned an attack by X": the recipient is who did the act
                inner = {g.token.i for g in content}
                # "called for sanctions against Nigeria": failing a doer, the act's target;
                # "demanded the release of Bazoum" asks his captors, who go unnamed
                target = first.recipients if first.type not in BENEFITING else []
                d.recipients = [r for r in d.recipients if r.i not in inner] or first.actors or target
            return
        if d.type == "ASSAULT" and not d.frame.nominal:
            for g in content:
                if g.frame.nominal and g.type == "ASSAULT":
                    g.dropped = True
                    d.actors = d.actors or g.actors
                    d.mode = d.mode or g.mode or assault_mode(g.token, self.cues)
        if d.type == "AID":
            for g in content:
                if g.type in PURPOSE_OF_AID and purpose(g.token):
                    # "pledged $300 million to support the mission": what the aid is for, not a second act
                    g.dropped = True
                    d.recipients = d.recipients or g.recipients
        if d.type == "MOBILIZE" and any(_inquiry(g) for g in content):
            d.dropped = True  # "sent experts to investigate": the inquiry is the news, not a show of force
            return
        if d.type in ("COERCE", "ACCUSE", "SUPPORT"):
            for g in content:
                if g.token.dep_ in ("pcomp", "pobj") and g.token.head.lemma_ in ("for", "of", "over"):
                    # "arrested for collaborating with Israel": a charge, not an act; "thanked
                    # Qatar for its mediation": the reason for thanks, told in passing
                    g.dropped = True
        gov = d.token.head
        if d.type == "REQUEST" and d.token.dep_ == "advcl" and gov.i in self.protests:
            # "demonstrated ..., calling for independence": the protest's claim, not a second act
            d.dropped = True
            return
        if d.modality == CONDITIONAL and d.type in FORCEFUL and not within_condition(d.token, self.cues):
            # "if Baghdad does not act, the United States can attack": a threat that was made
            d.mode = self.cues.threat_modes.get(d.type)
            d.type, d.modality = "THREATEN", REALIZED

    # ------------------------------------------------------------------ events

    def emit(self, d: Draft, sent: Any) -> None:
        if background(clause_head(d.token), self.cues) or background_phrase(d.token, self.cues):
            return  # "after crowds burned its embassy", "on the eve of a visit": not the news
        actors = self.names(d.actors, d, sent) or self.names(d.inherited_actor, d, sent)
        recipients = [r for r in self.names(d.recipients, d, sent) if r.name not in {a.name for a in actors}]
        if not recipients and d.type in OWNED_OBJECT and not d.frame.nominal:
            recipients = [r for r in self.names(owners(d.token), d, sent) if r.name not in {a.name for a in actors}]
        if not recipients and d.frame.object_owner and d.trigger.matched is not None:
            recipients = [r for r in self.served(d.trigger.matched) if r.name not in {a.name for a in actors}]
        if d.type == "ASSAULT" and not self.violent(d, recipients, sent):
            return  # "England beat France 2-1", "hit by rising prices": no violence
        if d.type == "ASSAULT" and criticism(d.token, self.cues):
            d.type, d.mode = "ACCUSE", None  # "attacked Labour's pledges as vacuous": words, not force
        if d.type == "ASSAULT" and _rioting(d, self.cues):
            d.type, d.mode = "PROTEST", "riot"  # violence by protesters is a riot (PLOVER PROTEST)
        if not actors and (d.frame.nominal or not recipients or mentioned(d.token)):
            # an act with nobody doing it is background ("the curfew imposed"), not an event
            return
        if d.type == "CONSULT" and not recipients and internal_meeting(d.actors, self.cues):
            return  # "his government would meet to discuss the crisis": a body meets itself
        pairs: list[tuple[Filler | None, Filler | None]]
        if len(actors) > 1 and not recipients and d.type in RECIPROCAL and d.mode != "third-party":
            # "Brazil and Argentina restored relations": PLOVER codes one event with both
            # parties as actors; an event holds one actor, so the others are its recipients
            # (not one event per direction, as CAMEO's dyadic data would)
            pairs = [(actors[0], r) for r in actors[1:]]
        else:
            some_actors: list[Filler | None] = list(actors) or [None]
            some_recipients: list[Filler | None] = list(recipients) or [None]
            pairs = [(a, r) for a in some_actors for r in some_recipients]
        mode = d.mode
        if d.type == "ASSAULT" and mode is None:
            cause = d.governor.mode if d.governor is not None and d.governor.type == "ASSAULT" else None
            mode = assault_mode(d.token, self.cues) or cause or result_mode(d.token, self.cues)
        elif d.type == "AID" and mode is None:
            mode = aid_mode(d.trigger.matched if d.trigger.matched is not None else d.token, self.cues)
            mode = mode or needy_aid(d.recipients, self.cues)
        evidence = self.evidence(d, actors + recipients)
        in_sentence = tuple(contexts(sent, self.cues)[:3]) or tuple(self.article_contexts)
        roles = [(f.start, f.end) for f in actors + recipients]
        location, date = self.where_when(sent, roles, evidence)
        casualties = self.casualties(sent) if d.type in CASUALTY_TYPES else ()
        for actor, recipient in pairs:
            conf = self.confidence(d, actor, recipient)
            self.events.append(
                Event(
                    type=d.type,
                    evidence=evidence,
                    actor=actor.name if actor else None,
                    recipient=recipient.name if recipient else None,
                    mode=mode,
                    modality=d.modality,
                    context=in_sentence,
                    location=location,
                    date=date,
                    confidence=conf,
                    trigger=Span.of(self.body, d.token.idx, d.token.idx + len(d.token)),
                    casualties=casualties,
                )
            )
        if actors:
            self.previous = actors[0]

    def names(self, heads: list[Token], d: Draft, sent: Any) -> list[Filler]:
        out: list[Filler] = []
        for h in expand(members(heads, self.cues)):
            f = self.possessed(h, d, sent) or fill(h, self.index, self.cues)
            if f is None:
                continue
            found: list[Filler] = [f]
            if f.pronoun:
                ante = self.antecedent(f, d, sent)
                if ante is None:
                    continue
                group = self.partners(ante, f, d) or [ante]
                found = [replace(g, start=f.start, end=f.end, pronoun=True) for g in group]
            elif not f.known:
                found = [self.register(f)]
            out += [g for g in found if g.name not in {x.name for x in out}]
        return out

    def served(self, envoy: Token) -> list[Filler]:
        """ "summoned China's ambassador", "expelled two Russian diplomats": the known entities
        the envoys stand for (an unnamed "the ambassador" stands for no one here)."""
        found = (fill(t, self.index, self.cues) for t in expand([envoy]))
        return [f for f in found if f is not None and f.known and not f.pronoun]

    def partners(self, ante: Filler, pron: Filler, d: Draft) -> list[Filler]:
        """ "Qatar and Egypt said their mediation ...": a plural pronoun whose antecedent is
        one of a coordination stands for all its conjuncts, in text order (none: no such)."""
        if pron.name.lower() not in PLURAL_PRONOUNS:
            return []
        span = d.token.doc.char_span(ante.start, ante.end, alignment_mode="expand")
        if span is None:
            return []
        out = []
        for t in conjuncts(first_conjunct(span.root)):
            g = fill(t, self.index, self.cues)
            if g is not None and not g.pronoun:
                out.append(g if g.known else self.register(g))
        return out if len(out) > 1 and ante.name in {g.name for g in out} else []

    def possessed(self, head: Token, d: Draft, sent: Any) -> Filler | None:
        """ "Ruto said his troops ...", "the RSF said its fighters ...": a force or governing body
        owned by a pronoun stands for the group the possessor leads or belongs to."""
        if head.lemma_.lower() not in self.cues.possessed_groups and head.lower_ not in self.cues.possessed_groups:
            return None
        if self.index.covering(head.idx, head.idx + len(head)) is not None:
            return None  # the actors stage named it already ("Kenyan troops")
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in self.cues.pronouns), None)
        pron = fill(owner, self.index, self.cues) if owner is not None else None
        found = self.antecedent(pron, d, sent) if pron is not None and pron.pronoun else None
        group = self.affiliation.get(found.name, found.name) if found is not None else None
        if group is None:
            return None  # a person of no known allegiance: "his forces" says no more than "forces"
        return Filler(group, owner.idx if owner is not None else head.idx, head.idx + len(head))

    def antecedent(self, pron: Filler, d: Draft, sent: Any) -> Filler | None:
        """The entity a pronoun stands for: the speaker of the report it sits in, the last
        entity before it in the sentence, or the last actor of the previous event."""
        speaker = self.quoted_speaker(pron)
        if speaker is not None:
            return speaker
        tok = d.token
        for _ in range(4):
            if tok.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or tok.head.i == tok.i:
                break
            tok = tok.head
            if tok.lemma_ in self.cues.speech_verbs:
                # "detained the president and announced that they had seized power": the
                # speaker of a coordinated report is the subject it shares
                for s in subject_of(tok, self.cues):
                    f = fill(s, self.index, self.cues)
                    if f is not None and not f.pronoun:
                        return f if f.known else self.register(f)
        kind = {"person": "person", "actor": "actor"}.get(pron.kind, "any")
        hit = self.index.before(pron.start, sent.start_char, kind)
        if hit is not None:
            return Filler(hit[2], hit[0], hit[1])
        return self.previous

    def quoted_speaker(self, pron: Filler) -> Filler | None:
        """ "We will not negotiate with bandits," he said: a first-person pronoun inside a
        quote stands for the quote's speaker, where the quotes stage named a known one."""
        if pron.name.lower() not in FIRST_PERSON:
            return None
        for q in self.analysis.quotes:
            if q.start <= pron.start < q.end and q.speaker in self.known_names:
                return Filler(q.speaker, pron.start, pron.end)
        return None

    def register(self, f: Filler) -> Filler:
        """Record an unknown actor-like phrase as an actor (``known: false``)."""
        key = slug(f.name)
        span = Span.of(self.body, f.start, f.end)
        for a in self.analysis.actors:
            if fold(a.name) == fold(f.name):
                return replace(f, name=a.name, known=True)
        old = self.new.get(key)
        if old is None:
            self.new[key] = Actor(id=key, name=f.name, type=f.kind, known=False, mentions=(span,))
        elif span not in old.mentions:
            self.new[key] = replace(old, mentions=(*old.mentions, span))
        return replace(f, name=self.new[key].name)

    def actors(self) -> tuple[Actor, ...]:
        return (*self.analysis.actors, *self.new.values())

    def evidence(self, d: Draft, roles: list[Filler]) -> Span:
        tok = d.token
        keep = [tok] + [
            t
            for c in tok.children
            if c.dep_ not in ("ccomp", "advcl", "conj", "cc", "punct", "parataxis", "mark", "relcl", "discourse")
            for t in c.subtree
        ]
        if d.light is not None:
            keep.append(d.light)
        lo = min(t.idx for t in keep)
        hi = max(t.idx + len(t) for t in keep)
        sent = tok.sent
        for f in roles:
            if sent.start_char <= f.start and f.end <= sent.end_char:
                lo, hi = min(lo, f.start), max(hi, f.end)
        text = self.body[lo:hi]
        hi -= len(text) - len(text.rstrip(" ,;:.\n"))
        return Span.of(self.body, lo, hi)

    def where_when(self, sent: Any, roles: list[tuple[int, int]], evidence: Span) -> tuple[tuple[str, ...], str | None]:
        lo, hi = sent.start_char, sent.end_char
        starts = {t.idx: t for t in sent}
        places = []
        for p in self.analysis.places:
            for m in p.mentions:
                inside = lo <= m.start and m.end <= hi and m.start in starts
                if not inside or any(m.start < e and s < m.end for s, e in roles) or p.name in places:
                    continue
                if locative(starts[m.start], self.cues):
                    places.append(p.name)
        times = [t for t in self.analysis.times if lo <= t.start and t.end <= hi and t.value]
        times.sort(key=lambda t: not (evidence.start <= t.start and t.end <= evidence.end))
        return tuple(places), (times[0].value if times else None)

    def violent(self, d: Draft, recipients: list[Filler], sent: Any) -> bool:
        """Whether a verb that is often figurative ("beat", "hit") is violence here: a weapon
        or an attack is named, or people are its target; never beside a score ("2-1")."""
        if d.token.lemma_.lower() not in FIGURATIVE_VIOLENCE:
            return True
        if _SCORE.search(sent.text):
            return False
        mode = d.mode if d.mode != "beat" else None
        subjects = [c for c in d.token.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
        words = {t.lemma_.lower() for c in subjects for t in c.subtree}
        if mode or (assault_mode(d.token, self.cues) or "beat") != "beat" or words & set(self.cues.assault_modes):
            return True
        people = {p.name for p in self.analysis.people}
        fighters = {a.name for a in self.analysis.actors if a.type in _FIGHTING_TYPES}
        human = people | fighters
        return any(r.name in human or (not r.known and r.kind in _HUMAN_TARGET_KINDS) for r in recipients)

    def casualties(self, sent: Any) -> tuple[Quantity, ...]:
        """Counts of the killed, injured, arrested ... stated in the event's sentence."""
        lo, hi = sent.start_char, sent.end_char
        return tuple(q for q in self.analysis.quantities if q.category and lo <= q.start and q.end <= hi)

    def confidence(self, d: Draft, actor: Filler | None, recipient: Filler | None) -> float:
        score = d.frame.weight
        score += 0.1 if actor is not None else -0.1
        score += 0.05 if recipient is not None else 0.0
        if actor is not None and actor.pronoun:
            score -= 0.05
        if d.frame.nominal and d.light is None:
            score -= 0.05
        score *= MODALITY_WEIGHT.get(d.modality, 0.8)
        return round(min(0.99, max(0.05, score)), 2)


def _inquiry(d: Draft) -> bool:
    """An investigation told as the purpose of a dispatch ("sent experts to investigate")."""
    return d.type == "ACCUSE" and d.mode == "investigate" and d.token.dep_ in ("advcl", "xcomp")


def _rioting(d: Draft, cues: Cues) -> bool:
    """Violence whose doers are protesters ("demonstrators torched the building", "hundreds
    of protesters attacked the police"): PLOVER codes it as a violent protest."""
    heads = list(expand(d.actors))
    heads += [g for h in heads for g in pobjs(h, ("of",))]
    return any(h.lemma_.lower() in cues.rioters for h in heads)


def _governor_of(d: Draft, by_token: dict[int, Draft]) -> Draft | None:
    """The nearest trigger above ``d`` along content dependencies (within three steps)."""
    tok = d.token
    for _ in range(3):
        if tok.dep_ not in CONTENT_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
        g = by_token.get(tok.i)
        if g is not None:
            if d.token.dep_ == "conj" and tok.i == d.token.head.i:
                return None  # coordinated acts are siblings, not content
            return g
    return None
