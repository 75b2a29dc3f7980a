"""Actors and people: linking and each within-article resolution rule, on hand-written text."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from eventwire.config import Options
from eventwire.model import Analysis, Source
from eventwire.pipeline import Pipeline
from tests.kb.test_kb import RECORDS

STAGES = ("clean", "language", "parse", "mentions", "actors", "relations")


@lru_cache(maxsize=1)
def overlay() -> Path:
    path = Path(__file__).resolve().parent / ".." / ".." / ".pytest_cache" / "actors-overlay.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path.resolve()


@lru_cache(maxsize=1)
def pipe() -> Pipeline:
    return Pipeline.from_options(Options(stages=STAGES, kb_paths=(overlay(),)))


def run(text: str) -> Analysis:
    return pipe()(Source(id="t", text="Report\n\n" + text, published="2025-04-07"))


def actor(a: Analysis, name: str) -> list[str]:
    """Mention texts of the actor called ``name`` ([] when absent)."""
    found = [x for x in a.actors if x.name == name]
    return [m.text for m in found[0].mentions] if found else []


def test_militias_the_ner_calls_people_are_known_armed_groups() -> None:
    a = run("The commanders are from Kataib Hezbollah, Kataib Sayyed al-Shuhada and Ansaullah al-Awfiya.")
    names = {x.name: x for x in a.actors}
    for canonical in ("Kataib Hezbollah", "Kataib Sayyid al-Shuhada", "Ansar Allah al-Awfiya"):
        assert canonical in names, sorted(names)
        assert names[canonical].known
        assert names[canonical].type == "armed_group"
    assert not {p.name for p in a.people} & {"Kataib Hezbollah", "Kataib Sayyed al-Shuhada"}


def test_look_alike_groups_stay_apart() -> None:
    a = run("Kataib Hezbollah and Kataib Sayyid al-Shuhada held rallies, while Ansar Allah fired missiles.")
    names = [x.name for x in a.actors]
    assert names.count("Kataib Hezbollah") == 1
    assert "Kataib Sayyid al-Shuhada" in names
    assert "Ansar Allah" in names and "Ansar Allah al-Awfiya" not in names


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Iraqi authorities said the talks would continue.", "Iraqi authorities"),
        ("US officials warned Baghdad on Monday.", "Baghdad"),
        ("The United States told Baghdad to act.", "Baghdad"),
    ],
)
def test_demonyms_and_capitals_stand_for_states(text: str, surface: str) -> None:
    a = run(text)
    mentions = actor(a, "Iraq")
    assert surface in mentions, [(x.name, [m.text for m in x.mentions]) for x in a.actors]


def test_a_capital_as_a_location_is_not_the_government() -> None:
    a = run("The commanders were interviewed in Baghdad last week.")
    assert "Baghdad" not in actor(a, "Iraq")


def test_acronym_defined_in_the_text_binds_to_its_actor() -> None:
    a = run("The Islamic Resistance in Iraq (IRI) claimed the attack. Later the IRI denied it.")
    assert actor(a, "Islamic Resistance in Iraq").count("IRI") == 2


def test_description_of_a_named_actor_refers_to_it() -> None:
    a = run("The Islamic Resistance in Iraq claimed the attack. The resistance group said it would continue.")
    assert "The resistance group" in actor(a, "Islamic Resistance in Iraq")


def test_surnames_and_titles_refer_to_people_already_named() -> None:
    a = run(
        "Prime Minister Karim al-Haddad met the commanders. Haddad said the talks were advanced. "
        "The Prime Minister will travel to Tehran."
    )
    people = {p.name: p for p in a.people}
    assert "Karim al-Haddad" in people, sorted(people)
    p = people["Karim al-Haddad"]
    texts = [m.text for m in p.mentions]
    assert "Haddad" in texts and "The Prime Minister" in texts
    assert p.role == "Prime Minister"


def test_role_and_affiliation_from_title_and_apposition() -> None:
    a = run(
        "Iraqi Foreign Minister Samir Khalil spoke to reporters. "
        "Laila Noor, Khalil's adviser on energy, attended the meeting."
    )
    people = {p.name: p for p in a.people}
    assert people["Samir Khalil"].role == "Foreign Minister"
    assert people["Samir Khalil"].affiliation == "Iraq"
    assert people["Laila Noor"].role is not None and "adviser" in people["Laila Noor"].role
    assert people["Laila Noor"].affiliation == "Iraq"


def test_unknown_actor_has_a_stable_id_and_a_guessed_type() -> None:
    first = run("The Northern Valley Brigades attacked a checkpoint.")
    second = run("Fighters of the Northern Valley Brigades withdrew from the town.")
    a = next(x for x in first.actors if "Valley" in x.name)
    b = next(x for x in second.actors if "Valley" in x.name)
    assert not a.known
    assert a.id == b.id
    assert a.type == "armed_group"


def test_stated_and_known_relations() -> None:
    a = run("Kataib Hezbollah is part of the Islamic Resistance in Iraq. Kataib Sayyid al-Shuhada also fought.")
    rels = {(r.subject, r.relation, r.object, r.source) for r in a.relations}
    assert ("Kataib Hezbollah", "part_of", "Islamic Resistance in Iraq", "text") in rels
    assert ("Kataib Sayyid al-Shuhada", "member_of", "Islamic Resistance in Iraq", "kb") in rels
    for r in a.relations:
        if r.evidence is not None:
            assert a.article.body[r.evidence.start : r.evidence.end] == r.evidence.text


def test_the_government_is_the_state_the_article_is_about() -> None:
    a = run(
        "Kenya raised fuel taxes on Monday. Traders in Kenya protested. "
        "The government said the measure was needed to cut the deficit."
    )
    assert "The government" in actor(a, "Kenya")


def test_the_government_stays_unlinked_when_no_state_leads() -> None:
    a = run("Kenya and Uganda signed a trade deal. The government said it would help farmers.")
    assert "The government" not in actor(a, "Kenya") + actor(a, "Uganda")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The Angolan government rejected the proposal on Monday.", "Angolan government"),
        ("The Malian government expelled the envoy.", "Malian government"),
    ],
)
def test_a_nationality_the_model_tags_as_a_place_still_names_its_state(text: str, surface: str) -> None:
    from tests.conftest import analyse

    a = analyse(text, stages=STAGES)
    states = [x for x in a.actors if x.id.startswith("state-")]
    assert [m.text for x in states for m in x.mentions] == [surface], [(x.name, x.id) for x in a.actors]


def test_a_capital_the_model_tags_as_an_organisation_stands_for_its_government() -> None:
    from tests.conftest import analyse

    a = analyse("Officials said Luanda would comply with the ruling.", stages=STAGES)
    assert [(x.id, [m.text for m in x.mentions]) for x in a.actors] == [("state-ao", ["Luanda"])]


def test_a_known_name_inside_a_longer_name_is_not_that_actor() -> None:
    from tests.conftest import analyse

    a = analyse("The Cabinda Enclave Liberation Front announced a truce on Wednesday.", stages=STAGES)
    assert "liberation" not in {x.id for x in a.actors}
    assert any("Liberation Front" in x.name for x in a.actors), [x.name for x in a.actors]


def test_a_month_in_a_dateline_is_not_a_person() -> None:
    from tests.conftest import analyse

    a = analyse("BAMAKO, 12 Mar (Reuters) - Mali's army said on Tuesday it had retaken the town.", stages=STAGES)
    assert [p.name for p in a.people] == []


def test_the_group_refers_back_to_the_group_just_named() -> None:
    from tests.conftest import analyse

    a = analyse(
        "The Cabinda Enclave Liberation Front signed the truce on Wednesday. "
        "The group said it would free 40 prisoners.",
        stages=STAGES,
    )
    front = [x for x in a.actors if "Liberation Front" in x.name]
    assert front and "The group" in [m.text for m in front[0].mentions]


def test_a_definite_noun_with_its_own_modifier_is_not_resolved() -> None:
    from tests.conftest import analyse

    a = analyse("Hamas fighters clashed with troops. The new group of former soldiers joined them.", stages=STAGES)
    assert all("group" not in m.text for x in a.actors for m in x.mentions)


def test_a_capital_in_the_dateline_is_not_its_government() -> None:
    from tests.conftest import analyse

    a = analyse("KHARTOUM, Sept 3 (AP) — Egypt called for a ceasefire on Tuesday.", stages=STAGES)
    assert [x.id for x in a.actors if x.id.startswith("state-")] == ["state-eg"]


def test_the_army_is_the_one_armed_force_the_article_names() -> None:
    from tests.conftest import analyse

    a = analyse(
        "The Sudanese Armed Forces retook a bridge on Tuesday.\n\nArmy spokesman Nabil Abdallah said the army "
        "had also arrested dozens of fighters.",
        stages=STAGES,
    )
    forces = [x for x in a.actors if x.type == "military"]
    assert len(forces) == 1 and {m.text for m in forces[0].mentions} >= {"Army", "the army"}, a.actors


def test_a_name_after_into_with_no_organisation_word_is_not_an_actor() -> None:
    from tests.conftest import analyse

    a = analyse("The United Nations urged both sides to let aid convoys into El Fasher.", stages=STAGES)
    assert all("Fasher" not in x.name for x in a.actors)


def test_riot_police_opening_a_sentence_are_the_states_police_not_a_person() -> None:
    from tests.conftest import analyse

    a = analyse(
        "Georgia's parliament passed the bill on Tuesday. Thousands marched in Georgia's capital.\n\n"
        "Riot police used tear gas to disperse the protesters.",
        stages=STAGES,
    )
    assert [p.name for p in a.people] == []
    georgia = next(x for x in a.actors if x.id == "state-ge")
    assert "Riot police" in [m.text for m in georgia.mentions]


def test_a_dateline_with_only_the_agency_names_no_government() -> None:
    from tests.conftest import analyse

    a = analyse("NAIROBI (AFP) — Canada promised $60 million for the mission on Friday.", stages=STAGES)
    assert [x.id for x in a.actors if x.id.startswith("state-")] == ["state-ca"]


def test_a_capital_as_the_whole_of_a_share_is_a_place_but_a_capitals_position_is_its_government() -> None:
    from tests.conftest import analyse

    a = analyse("Gangs control about 80 percent of Port-au-Prince, residents said.", stages=STAGES)
    assert all(x.id != "state-ht" for x in a.actors)
    b = analyse("Diplomats said the position of Tehran had hardened.", stages=STAGES)
    assert any(x.id == "state-ir" for x in b.actors)


def test_the_office_in_a_persons_title_is_not_an_actor() -> None:
    from tests.conftest import analyse

    a = analyse("Ruto met US Secretary of State Antony Blinken in Nairobi on Thursday.", stages=STAGES)
    assert {x.name for x in a.actors} == {"United States"}


def people_of(a: Analysis) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.role, p.affiliation) for p in a.people}


def relations_of(a: Analysis) -> set[tuple[str, str, str]]:
    return {(r.subject, r.relation, r.object) for r in a.relations}


def test_a_lower_case_title_takes_its_owner_from_the_mention_before_it() -> None:
    a = run(
        "Sudan's army said it had retaken the town. Army spokesman Khalid Osman said 14 vehicles were seized. "
        "Kenyan government spokesman Peter Otieno said the talks would resume."
    )
    people = people_of(a)
    assert people["Khalid Osman"] == ("spokesman", "Sudanese Armed Forces")
    assert people["Peter Otieno"] == ("spokesman", "Kenya")


def test_a_possessive_pronoun_before_a_title_is_the_group_or_person_just_named() -> None:
    a = run(
        "The Men of Dignity, a faction that has talked with Damascus, stayed out of the fighting. "
        "Its spokesman Karim Nassar said the group wanted calm. "
        "Mohamed Hamdan Dagalo said his men would hold the road. His deputy, Adam Yousif, went to Nyala."
    )
    people = people_of(a)
    assert people["Karim Nassar"] == ("spokesman", "Men of Dignity")
    assert people["Adam Yousif"] == ("deputy", "Rapid Support Forces")


def test_an_apposition_role_stops_before_a_clause_and_an_open_bracket() -> None:
    a = run(
        "Sara Ndege, spokeswoman for the Congo River Alliance (AFC), said the town was calm. "
        "Omar Diallo, a trader known as the Baron, said prices had doubled."
    )
    people = people_of(a)
    assert people["Sara Ndege"][0] == "spokeswoman for the Congo River Alliance"
    assert people["Omar Diallo"][0] == "trader"


def test_relations_through_an_apposition_a_passive_leader_and_a_possessor() -> None:
    a = run(
        "The Popular Forces, an Israel-backed militia led by Karim Mansour, clashed with Hamas in Rafah. "
        "JNIM, al Qaeda's affiliate in the Sahel, claimed the attack. "
        "Haile Berhe, the head of the Tigray People's Liberation Front, denied the charge."
    )
    rels = relations_of(a)
    assert ("Israel", "backs", "Popular Forces") in rels
    assert ("Karim Mansour", "leads", "Popular Forces") in rels
    assert ("Jama'at Nusrat al-Islam wal-Muslimin", "member_of", "al-Qaeda") in rels
    assert ("Haile Berhe", "leads", "Tigray People's Liberation Front") in rels
    assert not any(o == "Sahel" for _, _, o in rels)


def test_a_hyphenated_backer_is_read_whatever_the_parse_makes_of_it() -> None:
    a = run("Several of the Iran -backed Kataib Hezbollah units withdrew from the border on Monday.")
    assert ("Iran", "backs", "Kataib Hezbollah") in relations_of(a)


def test_an_acronym_inside_a_hyphenated_word_and_a_month_with_its_day_are_not_names() -> None:
    a = run(
        "PORT-AU-PRINCE, Oct 2 (Reuters) - Gangs attacked the town of Mirebalais, the Haitian National Police said."
    )
    assert "African Union" not in {x.name for x in a.actors}
    assert "Oct 2" not in {p.name for p in a.people}
    assert "Haitian National Police" in {x.name for x in a.actors if x.known}


def test_a_title_left_inside_or_before_an_untagged_name_is_the_role_not_part_of_the_name() -> None:
    a = run(
        "Field Marshal Tesfaye Gorfu, the country's army chief, visited the front on Monday. "
        "Gorfu said troops would stay."
    )
    assert people_of(a)["Tesfaye Gorfu"][0] == "Field Marshal"
    assert [m.text for p in a.people if p.name == "Tesfaye Gorfu" for m in p.mentions] == ["Tesfaye Gorfu", "Gorfu"]
    assert not [x for x in a.actors if "Gorfu" in x.name]
    assert ("Tesfaye Gorfu", "leads", "Ethiopia") not in relations_of(a)  # an army chief leads no state


def test_a_name_after_a_title_and_a_comma_is_a_person_and_its_surname_follows() -> None:
    a = run(
        '"We will not retreat," the force commander, Samuel Kiprono Wekesa, said. Wekesa told reporters two were hurt.'
    )
    assert people_of(a)["Samuel Kiprono Wekesa"][0] == "force commander"
    assert [m.text for p in a.people if p.name == "Samuel Kiprono Wekesa" for m in p.mentions][-1] == "Wekesa"


def test_a_city_the_tagger_calls_a_person_and_communities_are_no_people() -> None:
    a = run("M23 rebels said on Monday they had seized the airport of Goma, the largest city in eastern Congo.")
    assert "Goma" not in {p.name for p in a.people}
    b = run("Clashes between Druze fighters and Bedouin tribes killed 20 people. Bedouin elders called for calm.")
    assert not b.people
    assert {x.name: x.type for x in b.actors if x.known} == {"Druze": "religious_group", "Bedouin": "ethnic_group"}


def test_the_alliance_and_the_fighters_are_the_last_fitting_group_named() -> None:
    a = run(
        "The Alliance of Sahel States said it would form a joint force. The alliance accused Algeria of arming rebels."
    )
    assert actor(a, "Alliance of Sahel States") == ["Alliance of Sahel States", "The alliance"]
    b = run("Hamas said its fighters fired rockets. The fighters withdrew after an hour, Israel said.")
    assert actor(b, "Hamas") == ["Hamas", "The fighters"]


def test_the_rebels_are_never_a_militia_its_own_state_backs() -> None:
    a = run(
        "M23 fighters attacked Sake on Monday, and Wazalendo militiamen pushed them back. "
        "The rebels later shelled the town."
    )
    assert "The rebels" in actor(a, "March 23 Movement")
    assert "The rebels" not in actor(a, "Wazalendo")


def test_junta_opening_a_sentence_is_the_junta_of_the_state_named() -> None:
    a = run(
        "Niger's junta expelled a French aid group on Wednesday. "
        "Junta spokesman Colonel Issa Maiga said it had broken its deal."
    )
    junta = "National Council for the Safeguard of the Homeland"
    assert actor(a, junta) == ["Niger's junta", "Junta"]
    assert people_of(a)["Issa Maiga"] == ("Colonel", junta)


def test_a_states_police_count_as_mentions_of_it_for_the_government() -> None:
    a = run(
        "Haitian police said gangs attacked Mirebalais. Haiti asked for help. "
        "The government said 300 officers were deployed."
    )
    assert actor(a, "Haiti") == ["Haiti", "The government"]


def test_a_name_after_also_known_as_is_another_name_of_the_actor_before_it() -> None:
    a = run("The Movement for Unity, also known as Harakat al-Wahda, said it had attacked the base.")
    assert actor(a, "Movement for Unity") == ["Movement for Unity", "Harakat al-Wahda"]
    assert "Harakat al-Wahda" not in {x.name for x in a.actors}


def test_a_capital_the_tagger_calls_a_nationality_is_its_government_as_an_object() -> None:
    a = run("Italy pledged 50 million euros to help Tunis with migration control.")
    assert actor(a, "Tunisia") == ["Tunis"]


def test_an_apposition_role_stops_before_a_clause_on_the_group_it_names() -> None:
    a = run(
        "Hundreds cheered as Maria Fernandez, head of the Civic Front, who was sentenced to 12 years, left the court."
    )
    assert people_of(a)["Maria Fernandez"] == ("head of the Civic Front", "Civic Front")


def test_a_known_name_joined_into_a_longer_name_is_not_that_actor_but_alone_it_is() -> None:
    from tests.conftest import analyse

    a = analyse("The Front for Liberation and Justice rejected the vote on Sunday.", stages=STAGES)
    assert "liberation" not in {x.id for x in a.actors}
    b = analyse("The French daily Liberation reported the deal on Sunday.", stages=STAGES)
    assert "liberation" in {x.id for x in b.actors}


def test_a_town_after_toward_is_not_an_actor() -> None:
    from tests.conftest import analyse

    a = analyse("Rebels of the Rapid Support Forces pushed toward El Obeid on Monday.", stages=STAGES)
    assert all("Obeid" not in x.name for x in a.actors)


def test_words_with_no_capital_are_never_a_person() -> None:
    from tests.conftest import analyse

    a = analyse('"We have waited four days," said Freddy Choque, a 52-year-old lorry driver.', stages=STAGES)
    assert [p.name for p in a.people] == ["Freddy Choque"]


def test_the_army_after_a_states_own_government_is_that_states_even_if_a_mediator_leads() -> None:
    from tests.conftest import analyse

    a = analyse(
        "Niger's military government and rebel groups signed a ceasefire after talks mediated by "
        "Algeria. Algeria's foreign minister said Algeria would host more talks. Clashes between "
        "the army and the rebels killed 35 people in January.",
        stages=STAGES,
    )
    niger = next(x for x in a.actors if x.id == "state-ne")
    assert "the army" in [m.text for m in niger.mentions]
