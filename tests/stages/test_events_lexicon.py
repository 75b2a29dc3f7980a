"""The PLOVER data files: ontology, trigger lexicon and cues agree with each other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.model import MODALITIES
from eventwire.stages.events_lexicon import (
    DATA,
    load_cues,
    load_lexicon,
    load_ontology,
    ontology,
    quad_class,
)

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
ALL_FRAMES = [f for frames in (*load_lexicon().verbs.values(), *load_lexicon().nouns.values()) for f in frames]


def test_ontology_lists_the_sixteen_plover_types_with_definitions() -> None:
    types = ontology()["types"]
    assert set(types) == PLOVER_TYPES
    assert all(len(t["definition"]) > 40 for t in types.values())


def test_ontology_puts_each_type_in_exactly_one_quad_class() -> None:
    quads = ontology()["quad_classes"]
    members = [t for types in quads.values() for t in types]
    assert sorted(members) == sorted(PLOVER_TYPES)
    assert quad_class("ASSAULT") == "material_conflict"
    assert quad_class("AGREE") == "verbal_cooperation"


@pytest.mark.parametrize("frame", ALL_FRAMES, ids=lambda f: f"{f.lemma}:{f.type}")
def test_lexicon_frames_use_plover_types_and_their_modes(frame) -> None:
    types = ontology()["types"]
    assert frame.type in types
    assert frame.mode is None or frame.mode in types[frame.type]["modes"]
    assert 0 < frame.weight <= 1
    assert frame.governs in (None, "request", "threat", "promise", "accuse", "reject")


def test_lexicon_covers_every_plover_type_with_verbs_and_nouns() -> None:
    lexicon = load_lexicon()
    verb_types = {f.type for fs in lexicon.verbs.values() for f in fs}
    assert verb_types == PLOVER_TYPES
    noun_types = {f.type for fs in lexicon.nouns.values() for f in fs}
    assert {"ASSAULT", "CONSULT", "PROTEST", "SANCTION", "RETREAT"} <= noun_types


def test_cues_give_threat_modes_that_exist_for_threaten() -> None:
    modes = ontology()["types"]["THREATEN"]["modes"]
    assert set(load_cues().threat_modes.values()) <= set(modes)


def test_cues_give_assault_modes_and_contexts_of_the_ontology() -> None:
    cues = load_cues()
    assert set(cues.assault_modes.values()) <= set(ontology()["types"]["ASSAULT"]["modes"])
    assert set(cues.contexts) <= set(ontology()["contexts"])


def test_modalities_of_the_model_are_the_five_the_coder_emits() -> None:
    assert MODALITIES == ("realized", "intended", "conditional", "possible", "negated")


def test_lexicon_loads_from_a_path_of_the_callers_choice(tmp_path: Path) -> None:
    path = tmp_path / "triggers.json"
    path.write_text(json.dumps({"verbs": {"parley": [{"type": "CONSULT"}]}, "nouns": {}}), encoding="utf-8")
    lexicon = load_lexicon(path)
    assert len(lexicon) == 1
    assert lexicon.verbs["parley"][0].type == "CONSULT"


def test_ontology_loads_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "ontology.json"
    path.write_text((DATA / "ontology.json").read_text(encoding="utf-8"), encoding="utf-8")
    assert load_ontology(path)["version"] == "0.8"


def test_data_folder_documents_each_file() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for name in ("ontology.json", "triggers.json", "cues.json"):
        assert name in readme


def test_lexicon_frames_set_only_modalities_of_the_model() -> None:
    told = {f.modality for f in ALL_FRAMES} - {None}
    assert told and told <= set(MODALITIES)


def test_lexicon_frames_asking_for_owned_or_money_objects_say_what_is_given() -> None:
    for f in ALL_FRAMES:
        if f.object_owned:
            assert f.object, f"{f.lemma}: an owned object needs a list of what is owned"
        if f.object_money:
            assert f.type == "AID", f"{f.lemma}: a sum of money given is aid"


def test_cues_list_the_words_of_possessed_groups_relational_nouns_and_vows() -> None:
    cues = load_cues()
    assert {"troop", "government"} <= cues.possessed_groups
    assert "ally" in cues.relational_nouns
    assert "vow" in cues.vow_verbs
    assert "help" in cues.beneficiary_verbs
    assert "village" in cues.place_nouns


def test_lexicon_reads_the_vehicles_whose_load_is_sent_and_the_envoys_owner() -> None:
    send = next(f for f in load_lexicon().verbs["send"] if f.cargo)
    assert {"truck", "convoy"} <= send.cargo and "flour" in send.object
    assert any(f.object_owner for f in load_lexicon().verbs["summon"])
    assert {"carry", "load"} <= load_cues().cargo_verbs
