"""The knowledge base: consistency, the user overlay, and name lookup that keeps look-alikes apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.kb import KnowledgeBase, load_kb
from eventwire.kb.records import PACKAGED
from eventwire.names import loose, skeleton
from eventwire.stages.actors import loyalists

RECORDS = [
    {"id": "kataib-hezbollah", "name": "Kataib Hezbollah", "type": "armed_group", "country": "IQ",
     "aliases": ["Kata'ib Hizballah", "Hezbollah Brigades", "KH"],
     "relations": [{"type": "member_of", "object": "islamic-resistance-in-iraq"}]},
    {"id": "kataib-sayyid-al-shuhada", "name": "Kataib Sayyid al-Shuhada", "type": "armed_group", "country": "IQ",
     "aliases": ["Kata'ib Sayyid al-Shuhada", "KSS"],
     "relations": [{"type": "member_of", "object": "islamic-resistance-in-iraq"}]},
    {"id": "islamic-resistance-in-iraq", "name": "Islamic Resistance in Iraq", "type": "armed_group",
     "country": "IQ", "aliases": ["IRI"], "descriptions": ["the resistance group"]},
    {"id": "ansar-allah-al-awfiya", "name": "Ansar Allah al-Awfiya", "type": "armed_group", "country": "IQ"},
    {"id": "ansar-allah", "name": "Ansar Allah", "type": "armed_group", "country": "YE", "aliases": ["Houthis"]},
]  # fmt: skip


@pytest.fixture(scope="module")
def overlay(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "mine.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def kb(overlay: Path) -> KnowledgeBase:
    return KnowledgeBase.from_files([overlay])


def test_the_packaged_knowledge_base_is_consistent() -> None:
    kb = load_kb()
    assert kb.records, "the packaged knowledge base is empty"
    assert kb.check() == []


def test_packaged_states_have_demonyms_and_capitals() -> None:
    kb = load_kb()
    iraq = kb.get("state-iq")
    assert iraq is not None and iraq.name == "Iraq"
    assert kb.demonyms["iraqi"] == "state-iq"
    assert kb.capitals["baghdad"] == "state-iq"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kataib Hezbollah", "kataib-hezbollah"),
        ("Kata'ib Hizballah", "kataib-hezbollah"),
        ("kataib hezbollah", "kataib-hezbollah"),
        ("Kataib Sayyed al-Shuhada", "kataib-sayyid-al-shuhada"),
        ("Kataib Sayyid Shuhada", "kataib-sayyid-al-shuhada"),
        ("Ansaullah al-Awfiya", "ansar-allah-al-awfiya"),
        ("Ansar Allah", "ansar-allah"),
        ("Islamic resistance in Iraq", "islamic-resistance-in-iraq"),
    ],
)
def test_spelling_variants_link_to_the_right_record(kb: KnowledgeBase, name: str, expected: str) -> None:
    match = kb.lookup(name)
    assert match is not None, name
    assert match.record.id == expected


@pytest.mark.parametrize("name", ["Kataib al-Imam Ali", "Kataib", "Hezbollah Movement Party", "Ansar"])
def test_look_alike_names_that_are_other_groups_do_not_link(kb: KnowledgeBase, name: str) -> None:
    match = kb.lookup(name)
    assert match is None or match.record.id not in {"kataib-hezbollah", "kataib-sayyid-al-shuhada"}, match


def test_transliteration_keys() -> None:
    assert loose("Harakat Hezbollah al-Nujabaa") == loose("Harakat Hezbollah Nujaba")
    assert skeleton("Kataib Sayyed al-Shuhada") == skeleton("Kata'ib Sayyid al-Shuhada")
    assert skeleton("Kataib Hezbollah") != skeleton("Kataib Sayyid al-Shuhada")


def test_overlay_adds_and_replaces_records(tmp_path: Path) -> None:
    path = tmp_path / "extra.jsonl"
    rows = [
        {"id": "state-iq", "name": "Republic of Iraq", "type": "state", "country": "IQ", "aliases": ["Iraq"]},
        {"id": "river-militia", "name": "River Militia", "type": "armed_group", "country": "IQ"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    kb = KnowledgeBase.from_files([PACKAGED, path])
    assert kb.records["state-iq"].name == "Republic of Iraq"
    match = kb.lookup("River Militia")
    assert match is not None and match.record.id == "river-militia"


def test_check_reports_bad_types_and_dangling_relations(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    rows = [
        {"id": "a", "name": "A", "type": "spaceship"},
        {"id": "b", "name": "B", "type": "armed_group", "relations": [{"type": "member_of", "object": "nowhere"}]},
        {"id": "c", "name": "C", "type": "armed_group", "relations": [{"type": "befriends", "object": "b"}]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    problems = KnowledgeBase.from_files([path]).check()
    assert any("unknown type 'spaceship'" in p for p in problems)
    assert any("unknown record 'nowhere'" in p for p in problems)
    assert any("unknown relation 'befriends'" in p for p in problems)


def test_kb_commands(overlay: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "search", "Kataib Sayyed al-Shuhada", "--kb-extra", str(overlay)]) == 0
    assert "Kataib Sayyid al-Shuhada (kataib-sayyid-al-shuhada" in capsys.readouterr().out
    assert main(["kb", "search", "Baghdad"]) == 0
    assert "capital of Iraq" in capsys.readouterr().out
    assert main(["kb", "check", "--kb-extra", str(overlay)]) == 0
    assert "0 problems" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("TPLF", "tigray-peoples-liberation-front"),
        ("Human Rights Watch", "human-rights-watch"),
        ("Médecins Sans Frontières", "doctors-without-borders"),
        ("ICRC", "international-committee-of-the-red-cross"),
        ("Syrian Observatory for Human Rights", "syrian-observatory-for-human-rights"),
        ("Hemedti", "mohamed-hamdan-dagalo"),
        ("Haitian National Police", "haitian-national-police"),
        ("Transitional Presidential Council", "transitional-presidential-council"),
    ],
)
def test_packaged_base_knows_recent_parties_ngos_and_leaders(name: str, expected: str) -> None:
    match = load_kb().lookup(name, fuzzy=False)
    assert match is not None and match.record.id == expected


def test_communities_are_groups_and_state_backed_militias_are_loyalists() -> None:
    kb = load_kb()
    assert kb.records["druze"].type == "religious_group"
    assert kb.lookup("Bedouins", person=False) is not None
    found = loyalists(kb)
    assert "wazalendo" in found  # the DRC backs it
    assert "march-23-movement" not in found  # Rwanda backs it: a foreign backer makes no loyalist
