"""Within-article rules of the actors stage that do not concern people.

Each rule reads the parse or the body and returns :class:`Link` records: a stretch of the
body and what it refers to (a knowledge-base id, or an unknown actor's key).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.kb import KnowledgeBase
from eventwire.names import fold
from eventwire.stages.parse import text_of, tokens_of

LEXICONS = Path(__file__).resolve().parents[1] / "data" / "lexicons"

# Nouns that, after a demonym, name the state itself ("Iraqi authorities", "US officials").
STATE_NOUNS = frozenset({
    "government", "authorities", "officials", "forces", "troops", "army", "military", "navy", "administration",
    "security", "ministry", "officers", "soldiers", "diplomats", "negotiators", "leaders", "leadership", "regime",
})  # fmt: skip
# Prepositions after which a capital is a place, not the government ("in Baghdad").
LOCATIVE = frozenset(
    [
        "in",
        "at",
        "near",
        "from",
        "outside",
        "inside",
        "around",
        "across",
        "into",
        "toward",
        "towards",
        "through",
        "via",
        "within",
        "over",
    ]
)
# Nouns after which "of <capital>" is the government's ("the position of Tehran").
RELATIONAL_NOUNS = frozenset({
    "position", "demand", "request", "decision", "policy", "stance", "response", "reply", "offer", "proposal",
    "approval", "rejection", "support", "refusal", "call", "consent", "permission", "warning", "accusation",
})  # fmt: skip
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "iobj", "agent", "poss", "appos", "conj"})
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z\-]{1,9})\s*\)")


@dataclass(frozen=True, slots=True)
class Link:
    """A stretch of the body that refers to an actor or a person."""

    start: int
    end: int
    text: str
    kind: str  # "actor" or "person"
    key: str  # a knowledge-base id, or "u:<slug>" for an actor the base lacks
    name: str  # the surface name of an unknown actor; the record name for a known one
    how: str = "kb"


def sentence_window(doc: Any) -> Callable[[int], int]:
    """For a token index, the character offset where the previous sentence starts (or its
    own, for the first sentence): the window in which a referent is looked for."""
    starts = [(s.start, s.start_char) for s in doc.sents]
    firsts = [t for t, _ in starts]

    def window(i: int) -> int:
        here = max(0, bisect_right(firsts, i) - 1)
        return starts[max(0, here - 1)][1] if starts else 0

    return window


@lru_cache(maxsize=4)
def actor_cues(path: Path = LEXICONS / "actor_cues.json") -> dict[str, tuple[str, ...]]:
    """Head words that reveal an unknown actor's type, by type."""
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {k: tuple(v) for k, v in raw.items() if not k.startswith("_")}


def guess_type(name: str, cues: dict[str, tuple[str, ...]] | None = None) -> str:
    """The actor type a name's words suggest ("Free Syrian Army" -> armed_group)."""
    words = f" {fold(name)} "
    for kind, heads in (cues or actor_cues()).items():
        if any(f" {h} " in words for h in heads):
            return kind
    return "other"


def token_at(doc: Any, start: int, end: int) -> Any:
    """The syntactic head of the tokens covering ``start:end`` (None if none)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def is_metonymic(doc: Any, start: int, end: int) -> bool:
    """Whether a place name here acts as a government: subject, object, "told Baghdad"."""
    tok = token_at(doc, start, end)
    if tok is None:
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        # "the demands of Baghdad" speaks for a government; "80 percent of Kabul" is a place
        return tok.head.head.lemma_.lower() in RELATIONAL_NOUNS
    if tok.dep_ == "pobj":
        return tok.head.lower_ not in LOCATIVE
    if tok.dep_ == "compound":
        return False
    return tok.dep_ in ACTOR_DEPS or tok.dep_ == "ROOT"


def demonym_link(doc: Any, kb: KnowledgeBase, start: int, end: int, text: str) -> Link | None:
    """A nationality adjective as its state, with the state noun it governs ("Iraqi authorities")."""
    rid = kb.demonyms.get(fold(text))
    if rid is None:
        return None
    rec = kb.records[rid]
    tok = token_at(doc, start, end)
    if tok is not None and tok.dep_ in ("amod", "compound") and tok.head.lower_ in STATE_NOUNS and tok.head.i > tok.i:
        head = tok.head
        stop = head.idx + len(head.text)
        return Link(start, stop, text_of(doc)[start:stop], "actor", rid, rec.name, "demonym")
    return Link(start, end, text, "actor", rid, rec.name, "demonym")


def state_phrase(kb: KnowledgeBase, text: str) -> str | None:
    """The state that "<country or demonym> <generic state noun>" names ("US forces" -> US).

    PLOVER codes such phrases as the state (with a sector), not as a named institution; a
    capitalised noun ("Iraqi Security Forces") is a proper name and is left to the base."""
    words = text.split()
    if len(words) != 2 or words[1] not in STATE_NOUNS:
        return None
    rid = kb.demonyms.get(fold(words[0]))
    if rid is None:
        match = kb.lookup(words[0], person=False, fuzzy=False)
        rid = match.record.id if match is not None and match.record.type == "state" else None
    return rid


def acronym_links(body: str, links: list[Link]) -> list[Link]:
    """Acronyms defined in the text ("Revolutionary Guard (IRGC)") and their later uses."""
    out: list[Link] = []
    by_end = {lk.end: lk for lk in links}
    for m in _ACRONYM.finditer(body):
        acronym = m.group(1)
        if not any(c.isupper() for c in acronym[1:]):
            continue
        before = body[: m.start()].rstrip()
        owner = by_end.get(len(before))
        if owner is None:
            continue
        for use in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", body):
            out.append(Link(use.start(), use.end(), acronym, owner.kind, owner.key, owner.name, "acronym"))
    return out


_FILLER = frozenset({"the", "a", "an", "of", "s", "its"})


@lru_cache(maxsize=4096)
def description_pattern(desc: str) -> re.Pattern[str]:
    """A description's content words in order, with up to three other words between them.

    "the elite force of the Revolutionary Guard" also finds "the elite military force of
    Iran's Revolutionary Guard"."""
    words = [w for w in re.findall(r"[\w\-]+", desc) if w.lower() not in _FILLER]
    gap = r"(?:[\W_]+[\w\-’']+){0,3}?[\W_]+"
    body = gap.join(re.escape(w) for w in words)
    lead = r"\b[Tt]he\s+" if desc.lower().startswith("the ") else r"\b"
    return re.compile(lead + body + r"\b", re.IGNORECASE)


def description_links(body: str, kb: KnowledgeBase, present: set[str]) -> list[Link]:
    """Definite descriptions of actors named in the article, or of parts of them.

    "the resistance group" refers to the Islamic Resistance in Iraq only in an article that
    names it; "the elite force of the Revolutionary Guard" to the Quds Force where the
    Revolutionary Guard is named."""
    parents = {r.subject: r.object for r in kb.relations if r.type == "part_of"}
    out = []
    for rec in kb.records.values():
        if not rec.descriptions or (rec.id not in present and parents.get(rec.id) not in present):
            continue
        for desc in rec.descriptions:
            for m in description_pattern(desc).finditer(body):
                out.append(Link(m.start(), m.end(), m.group(0), "actor", rec.id, rec.name, "description"))
    return out


# Words too generic to pick one actor out of several ("the armed group").
_GENERIC = frozenset({
    "armed", "militant", "rebel", "islamist", "jihadist", "terrorist", "extremist", "main", "largest", "new", "same",
    "other", "whole", "entire", "group", "movement", "militia", "organization", "organisation", "national", "islamic",
    "popular", "army", "front", "forces", "force", "party", "state", "united", "people", "peoples",
})  # fmt: skip
_TYPE_NOUN = re.compile(
    r"\b[Tt]he ([a-z][\w\-]+) (group|movement|militia|organi[sz]ation|faction|alliance|coalition|network)\b"
)


def named_type_links(body: str, present: list[tuple[str, str, str]]) -> list[Link]:
    """ "the resistance group" for the one named actor whose name has "Resistance" in it.

    ``present`` lists (key, name, type) of the actors named in the article; a word shared by
    two of them, or too generic, refers to none."""
    out = []
    for m in _TYPE_NOUN.finditer(body):
        word = m.group(1).lower()
        if word in _GENERIC:
            continue
        owners = {(k, n) for k, n, t in present if word in fold(n).split() and t != "state"}
        if len(owners) == 1:
            key, name = next(iter(owners))
            out.append(Link(m.start(), m.end(), m.group(0), "actor", key, name, "description"))
    return out


# Plural nouns that, in an article about one coalition of armed groups, refer to its members
# together ("the militias", "the groups", "militia leaders"): coded as the coalition.
COLLECTIVE_NOUNS = frozenset({"militias", "groups", "factions", "commanders", "leaders", "fighters"})
COLLECTIVE_NEEDS_MILITIA = frozenset({"commanders", "leaders", "fighters"})


def collective_links(doc: Any, kb: KnowledgeBase, links: list[Link]) -> list[Link]:
    """Generic plurals for the one umbrella group whose members the article names.

    An umbrella is a known armed group that two or more other named groups are members of;
    with none, or more than one, nothing is linked. "commanders", "leaders" and "fighters"
    count only with a militia word beside them ("militia leaders"), or once the article has
    introduced them so ("the commanders" after "six militia commanders")."""
    present = {lk.key for lk in links if lk.kind == "actor"}
    members: dict[str, int] = {}
    for rel in kb.relations:
        if rel.type == "member_of" and rel.subject in present and rel.object in present:
            members[rel.object] = members.get(rel.object, 0) + 1
    umbrellas = [rid for rid, n in members.items() if n >= 2 and kb.records[rid].type == "armed_group"]
    if len(umbrellas) != 1:
        return []
    rec = kb.records[umbrellas[0]]
    out = []
    introduced: set[str] = set()  # "militia commanders" earlier makes "the commanders" theirs
    for tok in tokens_of(doc, COLLECTIVE_NOUNS):
        word = tok.lower_
        if tok.tag_ != "NNS":
            continue
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
        militia = any(c.lower_.startswith("militia") for c in mods)
        if militia:
            introduced.add(word)
        if word in COLLECTIVE_NEEDS_MILITIA and not militia and word not in introduced:
            continue
        start = mods[0].idx if mods and mods[0].lower_.startswith("militia") else tok.idx
        end = tok.idx + len(tok.text)
        out.append(Link(start, end, text_of(doc)[start:end], "actor", rec.id, rec.name, "collective"))
    return out


# Definite nouns for a state's institutions ("the government", "the army") that, unmodified,
# refer to the state an article is about.
STATE_INSTITUTIONS = frozenset({"government", "army", "military", "authorities", "police", "regime", "administration"})


def institution_links(doc: Any, kb: KnowledgeBase, links: list[Link]) -> list[Link]:
    """ "the government", "the army": the state the article names most, if one clearly leads;
    "the army" and "the military" are rather the one armed force the article names, if any.

    A state leads when it is named at least twice and half again as often as any other; an
    institution noun with a modifier of its own ("the new government", "Kenya's army") is left
    to the other rules. A capitalised noun opening a sentence as a modifier ("Army spokesman
    X said") counts as the definite noun."""
    state = _leading_state(kb, links)
    forces = {lk.key for lk in links if lk.kind == "actor" and _type(kb, lk.key) == "military"}
    force = kb.records[next(iter(forces))] if len(forces) == 1 else None
    body = text_of(doc)
    out = []
    found = tokens_of(doc, STATE_INSTITUTIONS)
    owned = _owned_institutions(found, kb, links)
    for tok in found:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        rec = force if force is not None and tok.lower_ in ARMED_INSTITUTIONS else state
        earlier = [rid for i, rid in owned if i < tok.i]
        if earlier and (rec is None or rec.type == "state"):
            rec = kb.records[earlier[-1]]  # "Niger's military government ... the army"
        if rec is None:
            continue
        start = _institution_start(tok)
        if start is None:
            continue
        end = tok.idx + len(tok.text)
        out.append(Link(start, end, body[start:end], "actor", rec.id, rec.name, "institution"))
    return out


ARMED_INSTITUTIONS = frozenset({"army", "military"})


def _owned_institutions(found: list[Any], kb: KnowledgeBase, links: list[Link]) -> list[tuple[int, str]]:
    """(token index, state id) of institutions the text gives an owner: "Niger's military
    government". A later bare "the government" or "the army" is most likely the same state's,
    whichever state the article names most (a mediator is often named more often)."""
    states = {(lk.start, lk.end): lk.key for lk in links if lk.kind == "actor" and _type(kb, lk.key) == "state"}
    out = []
    for tok in found:
        owner = next((c for c in tok.lefts if c.dep_ == "poss"), None)
        if owner is None:
            continue
        rid = next((k for (s, e), k in states.items() if s <= owner.idx < e), None)
        if rid is not None:
            out.append((tok.i, rid))
    return out


# Words that name a branch of a state's service, not another owner ("riot police").
SERVICE_WORDS = frozenset({"riot", "border", "security", "secret", "traffic", "military", "federal", "state"})


def _institution_start(tok: Any) -> int | None:
    """Where the definite institution phrase headed by ``tok`` starts, or None when the noun
    has a modifier that may name another owner ("Kenya's army", "the new government")."""
    kids = list(tok.lefts)
    if kids and kids[0].lower_ == "the":
        service = kids[1:]
    elif kids and kids[0].is_sent_start:  # "Riot police fired ..."
        service = kids
    elif not kids and tok.is_sent_start and tok.is_title and tok.dep_ == "compound":
        return int(tok.idx)  # "Army spokesman X said"
    else:
        return None
    if any(k.lower_ not in SERVICE_WORDS or k.dep_ not in ("compound", "amod") for k in service):
        return None
    if kids[0].lower_ != "the" and not service:
        return None
    return int(kids[0].idx)


def _type(kb: KnowledgeBase, key: str) -> str | None:
    rec = kb.records.get(key)
    return rec.type if rec is not None else None


# Records that speak for their country's state: a mention of Sudan's army or of Haiti's police
# is a mention of that state when weighing which state an article is about.
STATE_ORGANS = frozenset({"state", "government_body", "military"})


def state_of(kb: KnowledgeBase, key: str) -> str | None:
    """The state record a state, or one of its government bodies or armed forces, belongs to."""
    rec = kb.records.get(key)
    if rec is None or rec.type not in STATE_ORGANS:
        return None
    if rec.type == "state":
        return rec.id
    sid = f"state-{rec.country.lower()}"
    return sid if rec.country and sid in kb.records else None


def _leading_state(kb: KnowledgeBase, links: list[Link]) -> Any:
    """The state named at least twice and half again as often as any other, or None; its
    government bodies and armed forces count as mentions of it."""
    counts: dict[str, int] = {}
    for lk in links:
        sid = state_of(kb, lk.key) if lk.kind == "actor" else None
        if sid is not None:
            counts[sid] = counts.get(sid, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]):
        return None
    return kb.records[ranked[0][0]]


def is_dateline(body: str, start: int, end: int) -> bool:
    """The place of a wire dateline ("AGADEZ, March 14 (AFP) -", "NAIROBI (AFP) -"), which
    names no actor."""
    after = body[end : end + 2]
    credited = after.startswith((",", "(", " ("))  # "AGADEZ, March 14", "NAIROBI (AFP)"
    return start < 60 and body[start:end].isupper() and credited and "\n" not in body[:start]


def capital_links(doc: Any, kb: KnowledgeBase, mentions: list[Any]) -> list[Link]:
    """Capitals used for their governments: "Baghdad said", "told Washington" (also where the
    model tagged the capital as an organisation)."""
    out = []
    body = text_of(doc)
    for m in mentions:
        # the tagger may call a capital anything ("to help Tunis" as NORP)
        if m.label not in ("GPE", "ORG", "NORP", "PERSON") and m.kb_id is None:
            continue
        rid = kb.capitals.get(fold(m.text))
        if rid is None or not is_metonymic(doc, m.start, m.end) or is_dateline(body, m.start, m.end):
            continue
        out.append(Link(m.start, m.end, m.text, "actor", rid, kb.records[rid].name, "capital"))
    return out


JUNTA = frozenset({"junta"})


def junta_of(kb: KnowledgeBase, state: Any) -> Any:
    """The record the knowledge base gives as ``state``'s junta ("Niger junta"), or None."""
    match = kb.lookup(f"{state.name} junta", person=False, fuzzy=False)
    rec = match.record if match is not None else None
    return rec if rec is not None and rec.country == state.country else None


def junta_links(doc: Any, kb: KnowledgeBase, links: list[Link]) -> list[Link]:
    """ "the junta", or "Junta" opening a sentence ("Junta leader X said"), for the junta of
    the state the article is about: the one named state that has a junta in the knowledge
    base, or, among several, the state the article names most."""
    found = tokens_of(doc, JUNTA)
    if not found:
        return []
    states = {sid for lk in links if lk.kind == "actor" and (sid := state_of(kb, lk.key))}
    juntas = {sid: rec for sid in states if (rec := junta_of(kb, kb.records[sid])) is not None}
    leader = _leading_state(kb, links)
    if len(juntas) == 1:
        rec = next(iter(juntas.values()))
    elif leader is not None and leader.id in juntas:
        rec = juntas[leader.id]
    else:
        return []
    body = text_of(doc)
    out = []
    for tok in found:
        before = doc[tok.i - 1] if tok.i > 0 else None
        definite = before is not None and before.lower_ == "the"
        if not definite and not (tok.is_sent_start and tok.is_title):
            continue
        start = before.idx if definite and before is not None else tok.idx
        end = tok.idx + len(tok.text)
        out.append(Link(start, end, body[start:end], "actor", rec.id, rec.name, "institution"))
    return out
