"""The PLOVER data the event coder reads: ontology, trigger lexicon and cues.

Each file lives under ``eventwire/data/plover/`` and is loaded through a function that takes
a path (default: the packaged file), so a user can swap in a lexicon of their own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data" / "plover"
ONTOLOGY_PATH = DATA / "ontology.json"
TRIGGERS_PATH = DATA / "triggers.json"
CUES_PATH = DATA / "cues.json"


@dataclass(frozen=True, slots=True)
class Frame:
    """One reading of a trigger word: the event type it codes and the syntax it needs.

    ``object``/``particle``/``prep``/``subject``/``modifier`` are conditions (lemmas that must
    be present); ``object_marked``/``subject_marked`` ask that the object or subject be, or be
    modified by, one of their words (*peacekeeping troops*); ``prep_object`` asks that the
    object of a ``prep`` be one of its words (*taken into custody*, not *into account*);
    ``object_place`` accepts a town or region as object (*captured Kherson*); ``object_money``
    accepts a sum of money (*pledged $300 million*); ``object_owned`` asks that the matched
    object be the doer's own, marked by a possessive pronoun (*delivered **their** weapons*);
    ``modality`` is the modality of an act told by a verb of promise (*pledged aid* is aid
    to come); ``carrier``
    makes a noun a trigger only as the modifier of an effort noun (*a peace bid*);
    ``poss_patient`` reads a possessor as the one the act is done to (*his arrest*);
    ``recipient`` lists prepositions whose object is the recipient; ``governs`` says what the
    trigger does to an event in its complement (``request``, ``threat``, ``promise``,
    ``accuse``, ``reject``)."""

    lemma: str
    type: str
    nominal: bool = False
    mode: str | None = None
    weight: float = 0.7
    object: frozenset[str] = frozenset()
    object_not: frozenset[str] = frozenset()
    object_actor: bool = False
    object_content: bool = False
    particle: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    subject: frozenset[str] = frozenset()
    modifier: frozenset[str] = frozenset()
    object_marked: frozenset[str] = frozenset()
    subject_marked: frozenset[str] = frozenset()
    prep_object: frozenset[str] = frozenset()
    object_place: bool = False
    object_money: bool = False
    object_owned: bool = False
    cargo: frozenset[str] = frozenset()
    object_owner: bool = False
    modality: str | None = None
    carrier: bool = False
    poss_patient: bool = False
    recipient: tuple[str, ...] = ()
    governs: str | None = None
    of_is_actor: bool = False
    complement: bool = False
    needs_content: bool = False
    inverse: bool = False


@dataclass(frozen=True)
class Lexicon:
    """Trigger frames by lemma, verbs and nouns apart, in the order they are tried."""

    verbs: dict[str, tuple[Frame, ...]] = field(default_factory=dict)
    nouns: dict[str, tuple[Frame, ...]] = field(default_factory=dict)

    def __len__(self) -> int:
        return sum(len(f) for f in self.verbs.values()) + sum(len(f) for f in self.nouns.values())


_SETS = (
    "object",
    "object_not",
    "particle",
    "prep",
    "subject",
    "modifier",
    "object_marked",
    "subject_marked",
    "prep_object",
    "cargo",
)


def _frame(lemma: str, raw: dict[str, Any], nominal: bool, lists: dict[str, list[str]]) -> Frame:
    kw: dict[str, Any] = {k: v for k, v in raw.items() if k not in _SETS and k != "recipient"}
    for key in _SETS:
        if key in raw:
            value = raw[key]
            # "@forces" names a shared word list of the file's "lists" section
            kw[key] = frozenset(lists[value[1:]] if isinstance(value, str) else value)
    kw["recipient"] = tuple(raw.get("recipient", ()))
    return Frame(lemma=lemma, nominal=nominal, **kw)


@lru_cache(maxsize=4)
def load_lexicon(path: Path | str | None = None) -> Lexicon:
    """The trigger lexicon at ``path`` (default: the packaged ``triggers.json``)."""
    raw = json.loads(Path(path or TRIGGERS_PATH).read_text(encoding="utf-8"))
    lists = raw.get("lists", {})
    verbs = {k: tuple(_frame(k, f, False, lists) for f in fs) for k, fs in raw["verbs"].items()}
    nouns = {k: tuple(_frame(k, f, True, lists) for f in fs) for k, fs in raw["nouns"].items()}
    return Lexicon(verbs=verbs, nouns=nouns)


@dataclass(frozen=True)
class Cues:
    """Modality cues, light verbs, actor nouns, instrument and context keywords."""

    intended_aux: frozenset[str]
    possible_aux: frozenset[str]
    conditional_aux: frozenset[str]
    condition_marks: frozenset[str]
    background_marks: frozenset[str]
    upcoming_marks: frozenset[str]
    locative_preps: frozenset[str]
    intended_governors: frozenset[str]
    possible_governors: frozenset[str]
    negated_governors: frozenset[str]
    negators: frozenset[str]
    negating_determiners: frozenset[str]
    deontic_aux: frozenset[str]
    non_actor_entities: frozenset[str]
    light_verbs: frozenset[str]
    light_prep_verbs: dict[str, frozenset[str]]
    responsibility_nouns: frozenset[str]
    responsibility_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    object_control_verbs: frozenset[str]
    quantity_nouns: frozenset[str]
    actor_nouns: dict[str, str]
    pronouns: dict[str, str]
    assault_modes: dict[str, str]
    threat_modes: dict[str, str]
    aid_modes: dict[str, str]
    contexts: dict[str, frozenset[str]]
    verbal_attack_verbs: frozenset[str] = frozenset()
    verbal_attack_objects: frozenset[str] = frozenset()
    effort_nouns: frozenset[str] = frozenset()
    rioters: frozenset[str] = frozenset()
    beneficiary_verbs: frozenset[str] = frozenset()
    possessed_groups: frozenset[str] = frozenset()
    relational_nouns: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    vow_verbs: frozenset[str] = frozenset()
    deliberative_bodies: frozenset[str] = frozenset()
    aid_beneficiaries: frozenset[str] = frozenset()
    cancel_phrasals: dict[str, frozenset[str]] = field(default_factory=dict)
    naming_verbs: frozenset[str] = frozenset()
    cargo_verbs: frozenset[str] = frozenset()


def _cue_words(raw: dict[str, Any], key: str) -> frozenset[str]:
    """An optional cue list of ``cues.json``: a plain list, or an object holding a ``_doc``
    note and one list ("verbs", "nouns")."""
    value = raw.get(key, ())
    if isinstance(value, dict):
        value = next((v for k, v in value.items() if not k.startswith("_")), ())
    return frozenset(value)


@lru_cache(maxsize=4)
def load_cues(path: Path | str | None = None) -> Cues:
    """The coder's cue lists at ``path`` (default: the packaged ``cues.json``)."""
    raw = json.loads(Path(path or CUES_PATH).read_text(encoding="utf-8"))
    mod = {k: frozenset(v) for k, v in raw["modality"].items()}
    actor_nouns = {lemma: kind for kind, lemmas in raw["actor_nouns"].items() for lemma in lemmas}
    modes = {word: mode for mode, words in raw["assault_modes"].items() for word in words}
    return Cues(
        intended_aux=mod["intended_aux"],
        possible_aux=mod["possible_aux"],
        conditional_aux=mod["conditional_aux"],
        condition_marks=mod["condition_marks"],
        background_marks=mod["background_marks"],
        upcoming_marks=mod["upcoming_marks"],
        locative_preps=frozenset(raw["locative_preps"]),
        intended_governors=mod["intended_governors"],
        possible_governors=mod["possible_governors"],
        negated_governors=mod["negated_governors"],
        negators=mod["negators"],
        negating_determiners=mod["negating_determiners"],
        deontic_aux=mod["deontic_aux"],
        non_actor_entities=frozenset(raw["non_actor_entities"]),
        light_verbs=frozenset(raw["light_verbs"]),
        light_prep_verbs={k: frozenset(v) for k, v in raw["light_prep_verbs"].items()},
        responsibility_nouns=frozenset(raw["responsibility_nouns"]),
        responsibility_verbs=frozenset(raw["responsibility_verbs"]),
        speech_verbs=frozenset(raw["speech_verbs"]),
        object_control_verbs=frozenset(raw["object_control_verbs"]),
        quantity_nouns=frozenset(raw["quantity_nouns"]),
        actor_nouns=actor_nouns,
        pronouns=dict(raw["pronouns"]),
        assault_modes=modes,
        threat_modes=dict(raw["threat_modes"]),
        aid_modes=dict(raw["aid_modes"]),
        contexts={k: frozenset(v) for k, v in raw["contexts"].items()},
        verbal_attack_verbs=frozenset(raw.get("verbal_attack", {}).get("verbs", ())),
        verbal_attack_objects=frozenset(raw.get("verbal_attack", {}).get("objects", ())),
        effort_nouns=_cue_words(raw, "effort_nouns"),
        rioters=_cue_words(raw, "rioters"),
        beneficiary_verbs=_cue_words(raw, "beneficiary_verbs"),
        possessed_groups=_cue_words(raw, "possessed_groups"),
        relational_nouns=_cue_words(raw, "relational_nouns"),
        place_nouns=_cue_words(raw, "place_nouns"),
        vow_verbs=_cue_words(raw, "vow_verbs"),
        deliberative_bodies=_cue_words(raw, "deliberative_bodies"),
        aid_beneficiaries=_cue_words(raw, "aid_beneficiaries"),
        naming_verbs=_cue_words(raw, "naming_verbs"),
        cargo_verbs=_cue_words(raw, "cargo_verbs"),
        cancel_phrasals={k: frozenset(v) for k, v in raw.get("cancel_phrasals", {}).get("verbs", {}).items()},
    )


@lru_cache(maxsize=4)
def load_ontology(path: Path | str | None = None) -> dict[str, Any]:
    """The PLOVER ontology at ``path`` (default: the packaged ``ontology.json``): types with
    our definitions and modes, contexts and quad classes."""
    data: dict[str, Any] = json.loads(Path(path or ONTOLOGY_PATH).read_text(encoding="utf-8"))
    return data


def ontology() -> dict[str, Any]:
    """The packaged PLOVER ontology, for documentation and exports."""
    return load_ontology()


def quad_class(event_type: str, onto: dict[str, Any] | None = None) -> str | None:
    """The PLOVER quad class of ``event_type`` (``verbal_cooperation`` ...), or ``None``."""
    for quad, types in (onto or load_ontology())["quad_classes"].items():
        if event_type in types:
            return str(quad)
    return None
