"""The ``events`` stage: PLOVER types, roles, modality, mode, place, date and confidence,
on sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import pytest

from eventwire.config import Options
from eventwire.model import Analysis, Article, Event, Place, Quote, Span, TimeExpr
from eventwire.pipeline import load_stage
from eventwire.stages.events import EventCoder

STAGES = ("parse", "mentions", "actors")


@lru_cache(maxsize=1)
def _stages() -> tuple:
    return tuple(load_stage(name, Options()) for name in STAGES)


@lru_cache(maxsize=64)
def parsed(text: str) -> Analysis:
    """``text`` parsed and linked (the cleaner is skipped: test sentences are already clean)."""
    analysis = Analysis(article=Article(id="t", body=text, language="en", published="2025-04-07"))
    for stage in _stages():
        analysis = stage(analysis)
    return analysis


def events(text: str, options: Options | None = None) -> tuple[Event, ...]:
    return EventCoder(options or Options())(parsed(text)).events


def one(text: str, type_: str) -> Event:
    found = [e for e in events(text) if e.type == type_]
    assert found, f"no {type_} in {[(e.type, e.actor, e.recipient) for e in events(text)]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Egypt signed a water-sharing agreement with Sudan in Cairo.", "AGREE"),
        ("Officials from France and Egypt held talks in Cairo on the crisis.", "CONSULT"),
        ("Germany praised Kenya for the conduct of its elections.", "SUPPORT"),
        ("After weeks of strikes the president gave in to the demands of the unions.", "CONCEDE"),
        ("Brazil and Argentina restored diplomatic relations after a long break.", "COOPERATE"),
        ("Japan sent humanitarian aid to Turkey on Monday.", "AID"),
        ("Russia withdrew its troops from Moldova last year.", "RETREAT"),
        ("Egypt urged Israel to open the crossings into Gaza.", "REQUEST"),
        ("Iran accused Israel of sabotage at a nuclear site.", "ACCUSE"),
        ("Syria rejected the peace proposal of the Arab League.", "REJECT"),
        ("China threatened to cut trade with Lithuania.", "THREATEN"),
        ("Thousands of protesters marched against the government in Nairobi.", "PROTEST"),
        ("The United States imposed sanctions on Venezuela.", "SANCTION"),
        ("Turkey deployed troops along the border with Syria.", "MOBILIZE"),
        ("Police arrested three journalists in Istanbul.", "COERCE"),
        ("Rebels attacked an army base near Goma.", "ASSAULT"),
    ],
)
def test_events_codes_each_plover_type(text: str, type_: str) -> None:
    assert type_ in {e.type for e in events(text)}


@pytest.mark.parametrize(
    ("text", "type_", "modality"),
    [
        ("Police arrested three journalists in Istanbul.", "COERCE", "realized"),
        ("The rebels are prepared to release the hostages.", "RETREAT", "intended"),
        ("Hamas would release the hostages if Israel stopped the bombing.", "RETREAT", "conditional"),
        ("Russia may withdraw its troops from Moldova.", "RETREAT", "possible"),
        ("The police did not arrest the protesters.", "COERCE", "negated"),
        ("The minister refused to meet the opposition leaders.", "CONSULT", "negated"),
        ("Ukraine said it would release the prisoners next week.", "RETREAT", "intended"),
    ],
)
def test_events_reads_modality_from_the_clause(text: str, type_: str, modality: str) -> None:
    assert one(text, type_).modality == modality


def test_events_codes_a_conditional_attack_in_a_warning_as_a_realized_threat() -> None:
    text = (
        "Officials told Baghdad that if the government does not act against the militias, "
        "the United States can attack the militias with air strikes."
    )
    threat = one(text, "THREATEN")
    assert (threat.actor, threat.modality, threat.mode) == ("United States", "realized", "violence")
    assert "ASSAULT" not in {e.type for e in events(text)}


def test_events_codes_a_request_and_not_the_requested_act() -> None:
    found = events("Egypt urged Israel to withdraw its troops from Gaza.")
    assert [(e.type, e.actor, e.recipient, e.mode) for e in found] == [("REQUEST", "Egypt", "Israel", "yield")]


def test_events_takes_the_actor_of_a_passive_from_the_by_phrase() -> None:
    ev = one("The ambassador was attacked by gunmen outside the embassy.", "ASSAULT")
    assert (ev.actor, ev.recipient) == ("gunmen", "ambassador")


def test_events_splits_coordinated_recipients_into_two_events() -> None:
    found = [e for e in events("Israel attacked Hamas and Hezbollah on Sunday.") if e.type == "ASSAULT"]
    assert {(e.actor, e.recipient) for e in found} == {("Israel", "Hamas"), ("Israel", "Hezbollah")}


def test_events_gives_a_controlled_verb_the_subject_of_its_governor() -> None:
    ev = one("The rebels are prepared to disarm for the first time.", "RETREAT")
    assert (ev.actor, ev.mode, ev.modality) == ("rebels", "disarm", "intended")


def test_events_codes_a_nominal_consultation_between_two_parties() -> None:
    ev = one("Talks between Egypt and Qatar were very advanced, officials said.", "CONSULT")
    assert (ev.actor, ev.recipient) == ("Egypt", "Qatar")


def test_events_reads_the_actor_of_a_nominal_event_from_a_possessive() -> None:
    ev = one("Israel's strikes on Gaza continued for a third day.", "ASSAULT")
    assert (ev.actor, ev.recipient) == ("Israel", "Gaza")


def test_events_codes_reported_speech_as_what_the_speaker_reports() -> None:
    found = events("Witnesses said soldiers shot two protesters near the square.")
    assert [(e.type, e.actor, e.recipient) for e in found] == [("ASSAULT", "soldiers", "protesters")]


def test_events_takes_the_actor_of_claimed_attacks_from_the_claimant() -> None:
    text = "The group has claimed responsibility for dozens of drone attacks against Israel."
    ev = one(text, "ASSAULT")
    assert (ev.actor, ev.recipient, ev.mode) == ("group", "Israel", "drone")


def test_events_adds_unknown_actor_phrases_to_the_actors() -> None:
    analysis = EventCoder(Options())(parsed("Police arrested three journalists in Istanbul."))
    names = {a.name for a in analysis.actors} | {p.name for p in analysis.people}
    assert all(e.actor in names for e in analysis.events if e.actor)
    police = next(a for a in analysis.actors if a.name == "Police")
    assert (police.known, police.type) == (False, "military")


@pytest.mark.parametrize(
    "text",
    [
        "Israel's strikes on Gaza continued for a third day.",
        "Officials told Baghdad that if the government does not act, the United States can attack the militias.",
        "Thousands of protesters marched against the government in Nairobi.",
    ],
)
def test_events_spans_slice_the_body_to_their_text(text: str) -> None:
    analysis = EventCoder(Options())(parsed(text))
    assert analysis.events
    for _, span in analysis.spans():
        assert text[span.start : span.end] == span.text


def test_events_evidence_covers_the_trigger() -> None:
    for ev in events("Egypt signed a water-sharing agreement with Sudan in Cairo."):
        assert ev.trigger is not None
        assert ev.evidence.start <= ev.trigger.start and ev.trigger.end <= ev.evidence.end


def test_events_reads_the_context_from_the_sentence() -> None:
    assert "military" in one("Turkey deployed troops along the border with Syria.", "MOBILIZE").context


def test_events_takes_place_and_date_from_the_sentence() -> None:
    text = "Rebels attacked an army base near Goma on 3 March."
    base = parsed(text)
    goma = text.index("Goma")
    date = text.index("3 March")
    analysis = replace(
        base,
        places=(Place(name="Goma", kind="city", country="CD", mentions=(Span.of(text, goma, goma + 4),)),),
        times=(TimeExpr(text="3 March", start=date, end=date + 7, value="2025-03-03"),),
    )
    ev = next(e for e in EventCoder(Options())(analysis).events if e.type == "ASSAULT")
    assert (ev.location, ev.date) == (("Goma",), "2025-03-03")


def test_events_drops_events_below_min_confidence() -> None:
    text = "The rebels are prepared to release the hostages, and police arrested three journalists."
    all_events = events(text)
    strict = events(text, Options(min_confidence=0.9))
    assert len(strict) < len(all_events)
    assert all(e.confidence >= 0.9 for e in strict)


def test_events_confidence_lies_between_zero_and_one() -> None:
    assert all(0 < e.confidence <= 1 for e in events("Russia may withdraw its troops from Moldova."))


def test_events_leaves_an_analysis_without_a_parse_unchanged() -> None:
    analysis = Analysis(article=Article(id="t", body="Rebels attacked a base.", language="xx"))
    assert EventCoder(Options())(analysis) is analysis


def test_events_codes_nothing_in_a_sentence_without_political_acts() -> None:
    assert events("The weather in Cairo was warm and the markets were busy on Sunday.") == ()


def test_events_codes_a_reported_must_as_a_demand_of_the_speaker() -> None:
    found = events("The foreign minister of Qatar said that Israel must open the crossings into Gaza.")
    assert [(e.type, e.recipient) for e in found] == [("REQUEST", "Israel")]


def test_events_codes_a_protest_and_its_claim_as_one_protest() -> None:
    found = events("Thousands of farmers demonstrated in Lima on Sunday, calling for lower fuel prices.")
    assert [e.type for e in found] == ["PROTEST"]


def test_events_merges_a_purpose_clause_of_the_same_type_into_the_act() -> None:
    found = events("The Kenyan president telephoned the Somali president to discuss the border dispute.")
    assert [e.type for e in found] == ["CONSULT"]


def test_events_reads_the_giver_of_received_aid_from_the_from_phrase() -> None:
    ev = one("The rebels received weapons from Iran last year.", "AID")
    assert (ev.actor, ev.recipient, ev.mode) == ("Iran", "rebels", "military")


def test_events_does_not_code_background_events_of_a_temporal_clause() -> None:
    found = events("Brazil restored diplomatic relations with Paraguay, years after protesters attacked its embassy.")
    assert "ASSAULT" not in {e.type for e in found}


def test_events_takes_the_recipient_of_a_reaction_from_the_owner_of_its_object() -> None:
    ev = one("Syria rejected the peace proposal of the Arab League on Monday.", "REJECT")
    assert (ev.actor, ev.recipient) == ("Syria", "Arab League")


def test_casualty_counts_are_attached_to_their_event() -> None:
    from tests.conftest import analyse

    a = analyse(
        "Clashes in the north\n\nGunmen attacked a police station in Maiduguri on Monday, killing at least 12 "
        "people and wounding 30 others, officials said. Separately, the central bank raised interest rates."
    )
    assaults = [e for e in a.events if e.type == "ASSAULT"]
    assert assaults, a.events
    counts = {(q.value, q.category) for q in assaults[0].casualties}
    assert (12, "killed") in counts
    assert all(not e.casualties for e in a.events if e.type not in ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE"))


def test_attacking_an_idea_is_criticism_not_force() -> None:
    from tests.conftest import analyse

    a = analyse("Row over pledges\n\nThe opposition leader attacked the government's new pledges as empty promises.")
    assert "ASSAULT" not in {e.type for e in a.events}
    assert "ACCUSE" in {e.type for e in a.events}


@pytest.mark.parametrize(
    ("sentence", "violent"),
    [
        ("England beat France 2-1 in the final on Saturday.", False),
        ("Sales were hit by rising prices, the company said.", False),
        ("Police beat protesters with batons in the capital.", True),
        ("Soldiers beat a journalist outside the parliament.", True),
    ],
)
def test_beat_and_hit_are_violence_only_with_weapons_or_people_as_targets(sentence: str, violent: bool) -> None:
    from tests.conftest import analyse

    a = analyse("Report\n\n" + sentence)
    assert ("ASSAULT" in {e.type for e in a.events}) is violent, a.events


def test_events_reads_a_nominal_trigger_through_the_effort_noun_it_modifies() -> None:
    consults = list(events("Norway launched a mediation effort between Colombia and the ELN rebels."))
    assert consults and {e.actor for e in consults} == {"Norway"}
    assert "Colombia" in {e.recipient for e in consults}


def test_events_codes_a_peace_bid_only_as_the_modifier_of_an_effort_noun() -> None:
    assert {e.actor for e in events("Egypt launched a new peace bid between Israel and Hamas.")} == {"Egypt"}
    assert events("Peace returned to the valley after the harvest.") == ()


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Ghana deployed 300 peacekeepers to South Sudan last week.", "Ghana", "South Sudan"),
        ("The African Union sent a peacekeeping force to Somalia.", "African Union", "Somalia"),
        ("Nigerian peacekeeping troops arrived in Liberia on Tuesday.", "Nigeria", "Liberia"),
        ("A first contingent of Kenyan peacekeepers arrived in Haiti.", "Kenya", "Haiti"),
    ],
)
def test_events_codes_sending_peacekeepers_as_aid_of_the_sender(text: str, actor: str, recipient: str) -> None:
    found = events(text)
    assert [(e.type, e.actor, e.recipient, e.mode) for e in found] == [("AID", actor, recipient, "military")]


def test_events_codes_the_withdrawal_of_peacekeepers_as_a_sanction() -> None:
    text = "The United Nations withdrew its peacekeepers from southern Lebanon."
    ev = one(text, "SANCTION")
    assert (ev.actor, ev.mode) == ("United Nations", "withdraw")
    assert "RETREAT" not in {e.type for e in events(text)}


def test_events_takes_the_owner_of_forces_moved_in_a_passive_as_the_actor() -> None:
    ev = one("Kenyan troops were withdrawn from the border town on Monday.", "RETREAT")
    assert ev.actor == "Kenya"


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("The governor lifted the curfew in Kano on Sunday.", "CONCEDE", "policy"),
        ("The army shortened the nightly curfew by two hours.", "CONCEDE", "policy"),
        ("Sri Lanka lifted the state of emergency on Tuesday.", "CONCEDE", "policy"),
        ("Egypt eased restrictions on travel to Gaza.", "CONCEDE", "policy"),
        ("The European Union lifted sanctions on Libya.", "RETREAT", "ease"),
        ("Israel eased the blockade of Gaza.", "RETREAT", "ease"),
    ],
)
def test_events_codes_easing_restrictions_as_concession_and_easing_sanctions_as_retreat(
    text: str, type_: str, mode: str
) -> None:
    assert [(e.type, e.mode) for e in events(text)] == [(type_, mode)]


def test_events_reads_the_target_of_lifted_sanctions() -> None:
    ev = one("The European Union lifted sanctions on Libya.", "RETREAT")
    assert (ev.actor, ev.recipient) == ("European Union", "Libya")


@pytest.mark.parametrize(
    "text",
    [
        "Rebels captured the town of Rutshuru on Monday.",
        "Government forces took control of the airport on Sunday.",
        "The militia seized a military base outside the city.",
    ],
)
def test_events_codes_capturing_territory_as_assault(text: str) -> None:
    assert [(e.type, e.mode) for e in events(text)] == [("ASSAULT", "seize")]


def test_events_codes_capturing_a_named_town_as_assault() -> None:
    text = "Russian troops captured Avdiivka after months of fighting."
    base = parsed(text)
    at = text.index("Avdiivka")
    town = Place(name="Avdiivka", kind="city", country="UA", mentions=(Span.of(text, at, at + 8),))
    coded = EventCoder(Options())(replace(base, places=(town,))).events
    assert ("ASSAULT", "seize") in {(e.type, e.mode) for e in coded}


def test_events_codes_capturing_people_as_coercion_not_assault() -> None:
    assert [e.type for e in events("Police captured three suspects near the border.")] == ["COERCE"]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Teachers went on strike on Monday over unpaid wages.", "strike"),
        ("Unions called a general strike against the pension reform.", "strike"),
        ("Dock workers stopped work in Rotterdam on Monday.", "strike"),
        ("Union members have voted to strike over pay cuts.", "strike"),
        ("The teachers' strike closed schools across France.", "strike"),
        ("The jailed activist began a hunger strike last week.", "hunger"),
    ],
)
def test_events_codes_a_work_stoppage_as_protest(text: str, mode: str) -> None:
    found = events(text)
    assert ("PROTEST", mode) in {(e.type, e.mode) for e in found}
    assert "ASSAULT" not in {e.type for e in found}


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Israeli jets carried out air strikes on Gaza overnight.", "aerial"),
        ("A US drone strike killed three militants in Waziristan.", "drone"),
    ],
)
def test_events_codes_a_military_strike_as_assault(text: str, mode: str) -> None:
    found = events(text)
    assert ("ASSAULT", mode) in {(e.type, e.mode) for e in found}
    assert "PROTEST" not in {e.type for e in found}


def test_events_does_not_code_a_struck_balance_as_violence() -> None:
    assert events("The budget struck a balance between tax cuts and spending.") == ()


def test_events_codes_reneging_on_a_promise_as_rejection() -> None:
    ev = one("The president has reneged on his promise to hold elections.", "REJECT")
    assert ev.actor == "president"


@pytest.mark.parametrize(
    "text",
    [
        "Police are investigating the death of a journalist in Lagos.",
        "Prosecutors opened an inquiry into the minister's contracts.",
        "Auditors looked into payments made by the ministry.",
    ],
)
def test_events_codes_an_investigation_as_accusation(text: str) -> None:
    assert ("ACCUSE", "investigate") in {(e.type, e.mode) for e in events(text)}


def test_events_codes_a_dispatch_to_investigate_as_the_investigation() -> None:
    found = events("NATO sent military officers to Kosovo to investigate the shooting.")
    assert [(e.type, e.mode) for e in found] == [("ACCUSE", "investigate")]
    assert found[0].actor == "North Atlantic Treaty Organization"


def test_events_codes_a_reciprocal_act_of_two_parties_once() -> None:
    # PLOVER's convention: one event, the parties as its actors (an event holds one actor and
    # one recipient, so the second party is the recipient); see docs for the dyadic variant
    found = events("Brazil and Argentina restored diplomatic relations on Monday.")
    assert [(e.type, e.actor, e.recipient) for e in found] == [("COOPERATE", "Brazil", "Argentina")]


def test_events_codes_violence_by_protesters_as_a_riot() -> None:
    found = events("Protesters attacked the parliament building in Tbilisi.")
    assert [(e.type, e.mode) for e in found] == [("PROTEST", "riot")]


def test_events_does_not_read_taking_into_account_as_an_arrest() -> None:
    assert events("The central bank took rising prices into account.") == ()
    assert one("Police took the suspect into custody.", "COERCE").mode == "arrest"


def test_events_does_not_turn_an_act_inside_a_condition_into_a_threat() -> None:
    found = events("Uganda will pull out its troops unless rebels attacking villages lay down their arms.")
    assert not [e for e in found if e.type == "THREATEN" and e.actor == "rebels"]


def test_events_reads_a_possessor_of_an_arrest_as_the_one_arrested() -> None:
    assert not [e for e in events("Police confirmed his arrest in Lagos on Friday.") if e.type == "COERCE"]


def test_events_codes_troops_marching_in_as_mobilization_not_protest() -> None:
    assert [e.type for e in events("Russian troops marched into the city on Sunday.")] == ["MOBILIZE"]
    assert [e.type for e in events("Students marched against the war in Madrid.")] == ["PROTEST"]


def test_events_negates_an_act_whose_subject_is_neither_nor() -> None:
    found = events("Neither Kenya nor Uganda sent troops to the border.")
    assert found and all(e.modality == "negated" for e in found)


def test_events_takes_an_unknown_name_coordinated_with_the_subject_as_an_actor() -> None:
    ev = one("Gondor and Osgiliath have renewed diplomatic ties.", "COOPERATE")
    assert (ev.actor, ev.recipient) == ("Gondor", "Osgiliath")


def test_events_does_not_take_the_news_agency_of_a_dateline_as_an_actor() -> None:
    text = "BAGHDAD, 7 Apr (Reuters) - Several Iraqi militias are willing to hand over their weapons."
    city = Place(name="Baghdad", kind="city", country="IQ", mentions=(Span.of(text, 0, 7),))
    coded = EventCoder(Options())(replace(parsed(text), places=(city,))).events
    assert coded and "Reuters" not in {e.actor for e in coded}


@pytest.mark.parametrize(
    ("text", "recipient", "mode"),
    [
        ("Japan has pledged $50 million to support the reconstruction of Mosul.", None, "economic"),
        ("Norway will provide 20 million euros to help Somalia fight the drought.", "Somalia", "economic"),
        ("Canada pledged 15 million dollars in food aid for Yemen.", "Yemen", "humanitarian"),
    ],
)
def test_events_codes_a_sum_of_money_pledged_or_given_as_aid(text: str, recipient: str | None, mode: str) -> None:
    found = events(text)
    assert [(e.type, e.recipient, e.mode, e.modality) for e in found] == [("AID", recipient, mode, "intended")]


def test_events_codes_pledged_support_as_support_not_agreement() -> None:
    found = events("Germany pledged its support to Moldova on Monday.")
    assert [(e.type, e.actor, e.recipient) for e in found] == [("SUPPORT", "Germany", "Moldova")]


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("The rebels delivered their weapons to UN peacekeepers in Bunia.", "RETREAT", "disarm"),
        ("About 200 fighters of the militia handed in their weapons to the army.", "RETREAT", "disarm"),
        ("The rebels delivered weapons to the militia.", "AID", "military"),
    ],
)
def test_events_codes_handing_over_ones_own_weapons_as_disarmament(text: str, type_: str, mode: str) -> None:
    assert [(e.type, e.mode) for e in events(text)] == [(type_, mode)]


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        ("Kenyan President William Ruto said his troops would withdraw from Haiti next year.", "RETREAT", "Kenya"),
        ("The Houthis said their fighters attacked a ship in the Red Sea.", "ASSAULT", "Houthis"),
        ("The Israeli prime minister said his government would meet Hamas envoys on Monday.", "CONSULT", "Israel"),
    ],
)
def test_events_reads_forces_owned_by_a_pronoun_as_the_possessors_group(text: str, type_: str, actor: str) -> None:
    assert one(text, type_).actor == actor


def test_events_drops_the_reason_for_thanks_and_keeps_the_thanked() -> None:
    found = events("The minister thanked Oman for its mediation.")
    assert [(e.type, e.recipient) for e in found] == [("SUPPORT", "Oman")]


def test_events_reads_the_members_listed_for_a_relational_noun_not_its_possessor() -> None:
    found = events("Ukraine's allies, including Poland and Canada, condemned the attack.")
    assert sorted(e.actor for e in found if e.type == "ACCUSE") == ["Canada", "Poland"]
    assert events("Russia's neighbours condemned the attack.") == ()


def test_events_codes_one_event_per_subject_of_a_joint_announcement_with_place_and_date() -> None:
    text = "The government and the rebels announced a truce in Juba on Friday."
    juba, date = text.index("Juba"), text.index("Friday")
    analysis = replace(
        parsed(text),
        places=(Place(name="Juba", kind="city", country="SS", mentions=(Span.of(text, juba, juba + 4),)),),
        times=(TimeExpr(text="Friday", start=date, end=date + 6, value="2025-04-04"),),
    )
    found = EventCoder(Options())(analysis).events
    assert [e.actor for e in found] == ["government", "rebels"]
    for e in found:
        assert (e.type, e.mode, e.location, e.date) == ("RETREAT", "ceasefire", ("Juba",), "2025-04-04")
        assert text[e.evidence.start : e.evidence.end].startswith("The government and the rebels announced a truce")


def test_events_takes_a_named_modifier_of_an_air_strike_as_its_actor() -> None:
    assert one("Israeli air strikes killed 12 people in Rafah.", "ASSAULT").actor == "Israel"


def test_events_takes_the_place_named_by_a_village_of_phrase() -> None:
    text = "Police detained 40 migrants near the village of Kuznica."
    at = text.index("Kuznica")
    place = Place(name="Kuźnica", kind="city", country="PL", mentions=(Span.of(text, at, at + 7),))
    analysis = replace(parsed(text), places=(place,))
    assert EventCoder(Options())(analysis).events[0].location == ("Kuźnica",)


@pytest.mark.parametrize(
    ("text", "type_", "mode", "recipient"),
    [
        ("Iran vowed to retaliate against Israel.", "THREATEN", "violence", "Israel"),
        ("The army chief vowed to crush the Rapid Support Forces.", "THREATEN", "violence", "Rapid Support Forces"),
        ("The European Union agreed to impose sanctions on Russia.", "SANCTION", None, "Russia"),
    ],
)
def test_events_codes_a_vow_of_force_as_a_threat(text: str, type_: str, mode: str | None, recipient: str) -> None:
    ev = one(text, type_)
    assert (ev.mode, ev.recipient) == (mode, recipient)


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("The government withdrew the fuel tax after a week of protests.", "CONCEDE", "policy"),
        ("Kenya withdrew its ambassador from Uganda.", "SANCTION", "withdraw"),
        ("Russia withdrew its troops from Moldova last year.", "RETREAT", "withdraw"),
    ],
)
def test_events_tells_withdrawing_a_policy_an_envoy_and_troops_apart(text: str, type_: str, mode: str) -> None:
    assert [(e.type, e.mode) for e in events(text)] == [(type_, mode)]


def test_events_reads_who_territory_was_taken_from_as_the_recipient() -> None:
    assert one("The army recaptured the town from the rebels.", "ASSAULT").recipient == "rebels"


def test_events_does_not_read_fighting_a_drought_as_violence() -> None:
    assert "ASSAULT" not in {e.type for e in events("Somalia is fighting the worst drought in decades.")}


def test_events_keeps_the_mode_of_a_nominal_attack_told_again_by_its_killing() -> None:
    text = "The army launched air strikes on a village in the north on Monday, killing 25 civilians."
    assert [(e.type, e.mode) for e in events(text)] == [("ASSAULT", "aerial")]


def test_events_reads_the_kind_and_the_recipient_of_a_sum_from_the_verbs_in_phrase() -> None:
    ev = one("China has pledged 5 million yuan in humanitarian assistance for refugees.", "AID")
    assert (ev.mode, ev.recipient, ev.modality) == ("humanitarian", "refugees", "intended")


def test_events_still_takes_supporters_of_a_person_as_protesters() -> None:
    assert one("Thousands of opposition supporters rallied outside the palace.", "PROTEST").actor is not None


@pytest.mark.parametrize(
    "dateline",
    ["DOHA, Jan 15 (Reuters) - ", "DOHA (AFP) — ", "DOHA, Qatar, March 3 (AP) -- ", "DOHA — "],
)
def test_a_wire_dateline_never_becomes_the_lead_sentences_subject(dateline: str) -> None:
    from tests.conftest import analyse

    a = analyse(dateline + "Israel and Hamas have agreed to a ceasefire in Gaza, mediators said on Wednesday.")
    actors = {e.actor for e in a.events}
    assert actors == {"Israel", "Hamas"}, [(e.type, e.actor) for e in a.events]


def test_events_gives_a_threat_to_use_force_the_violence_mode() -> None:
    ev = one("Minsk condemned the decision and threatened to use force against its neighbours.", "THREATEN")
    assert ev.mode == "violence"


def test_events_reads_plain_aid_to_people_in_need_as_humanitarian() -> None:
    assert one("Canada said it would send aid to refugees in Chad.", "AID").mode == "humanitarian"


def test_events_does_not_code_a_government_meeting_itself_as_a_consultation() -> None:
    text = "Prime Minister Lena Varga said her government would meet on Friday to discuss the floods."
    assert "CONSULT" not in {e.type for e in events(text)}
    assert one("The cabinet met with the union leaders on Friday.", "CONSULT").actor is not None


def test_events_reads_a_place_noun_captured_by_an_army_as_territory() -> None:
    ev = one("The Lebanese army recaptured a key market in the border town after a clash.", "ASSAULT")
    assert ev.mode == "seize"


def test_events_reads_a_plural_possessive_after_a_coordination_as_every_conjunct() -> None:
    found = [e for e in events("Qatar and Egypt said their mediation would continue.") if e.type == "CONSULT"]
    assert {e.actor for e in found} == {"Qatar", "Egypt"}


@pytest.mark.parametrize(
    ("text", "type_", "modality"),
    [
        ("Israel and Hamas failed to agree on the release of the hostages.", "RETREAT", "negated"),
        ("A planned meeting between the two foreign ministers was called off.", "CONSULT", "negated"),
        ("Talks between Serbia and Kosovo were postponed.", "CONSULT", "negated"),
        ("Rwanda denied sending troops to Congo.", "MOBILIZE", "negated"),
        ("The army would not allow the rebels to attack the town.", "ASSAULT", "negated"),
        ("Egypt is expected to host the talks next week.", "CONSULT", "intended"),
        ("Turkey plans to send troops to Libya.", "MOBILIZE", "intended"),
        ("Iran could attack the tanker.", "ASSAULT", "possible"),
    ],
)
def test_events_reads_modality_from_governors_and_cancelling_verbs(text: str, type_: str, modality: str) -> None:
    assert one(text, type_).modality == modality


def test_events_takes_the_subject_of_a_passive_raising_verb_as_the_actor() -> None:
    assert one("Egypt is expected to host the talks next week.", "CONSULT").actor == "Egypt"


def test_events_reads_officials_from_several_states_as_each_state() -> None:
    ev = one("Ministers from Chad and Niger met in Niamey.", "CONSULT")
    assert {ev.actor, ev.recipient} == {"Chad", "Niger"}


def test_events_does_not_read_a_verb_of_naming_as_an_act() -> None:
    text = 'President Ali Moru called the protests "treasonous" and deployed the army.'
    assert "PROTEST" not in {e.type for e in events(text)}
    text = 'Minsk threatened to use force against what it called "provocations" on its border.'
    assert "REQUEST" not in {e.type for e in events(text)}


def test_events_reads_retaliation_with_trade_measures_as_a_sanction() -> None:
    types = {e.type for e in events("Beijing said it would retaliate with countermeasures on European goods.")}
    assert "SANCTION" in types and "ASSAULT" not in types


def test_events_takes_the_shared_subject_of_a_coordinated_report_as_the_speaker() -> None:
    text = "Soldiers detained President Ali Moru on Monday and announced that they had seized power."
    assert "Ali Moru" not in {e.actor for e in events(text)}


def test_events_reads_a_first_person_pronoun_in_a_quote_as_its_speaker() -> None:
    text = 'Gunmen attacked a school. "We will not negotiate with bandits," Governor Uba Sani said.'
    base = parsed(text)
    speaker = next(p.name for p in base.people)
    start = text.index('"We')
    quote = Quote(text=text[start : text.index(',"')], start=start, end=text.index(',"') + 2, speaker=speaker)
    coded = EventCoder(Options())(replace(base, quotes=(quote,))).events
    assert [e.actor for e in coded if e.type == "CONSULT"] == [speaker]


def test_events_does_not_make_the_one_to_be_freed_the_recipient_of_a_demand() -> None:
    ev = one("ECOWAS demanded the release of President Mohamed Bazoum.", "REQUEST")
    assert ev.recipient != "Mohamed Bazoum"
    # who is asked to withdraw is who holds the troops
    assert one("Protesters demanded the withdrawal of French troops from Niger.", "REQUEST").recipient == "France"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Jordan sent 40 trucks loaded with flour to Gaza on Wednesday.", "Jordan"),
        ("Turkey flew three planes carrying tents and blankets to the region on Friday.", "Turkey"),
        ("A UN convoy carrying medicine reached the besieged city on Thursday.", "United Nations"),
    ],
)
def test_events_reads_aid_carried_by_vehicles_as_aid(text: str, actor: str) -> None:
    ev = one(text, "AID")
    assert (ev.actor, ev.mode) == (actor, "humanitarian")


def test_events_does_not_read_what_people_carry_as_aid() -> None:
    assert "AID" not in {e.type for e in events("Soldiers carrying weapons patrolled the streets of the capital.")}


@pytest.mark.parametrize(
    ("text", "type_", "recipient"),
    [
        ("The Philippines summoned China's ambassador on Tuesday.", "ACCUSE", "China"),
        ("The Philippines lodged a diplomatic protest with China.", "ACCUSE", "China"),
        ("Estonia expelled two Russian diplomats on Monday.", "SANCTION", "Russia"),
    ],
)
def test_events_reads_the_state_an_envoy_serves_as_the_recipient(text: str, type_: str, recipient: str) -> None:
    assert one(text, type_).recipient == recipient


def test_events_codes_arson_as_assault_or_as_a_riot_by_who_sets_the_fire() -> None:
    assert one("Protesters set fire to the French embassy in Niamey.", "PROTEST").mode == "riot"
    assert one("Gunmen set fire to a church in Kaduna state.", "ASSAULT").actor == "Gunmen"


@pytest.mark.parametrize(
    "text",
    [
        "Police fired live bullets into the crowd, killing five people.",
        "Troops used live ammunition to disperse the protesters, killing three.",
    ],
)
def test_events_gives_a_killing_the_weapons_of_the_clause_it_follows(text: str) -> None:
    assert {e.mode for e in events(text) if e.type == "ASSAULT"} == {"firearms"}


def test_events_reads_tear_gas_and_water_cannon_as_coercion() -> None:
    types = {e.type for e in events("Police fired tear gas and water cannon at protesters in Nairobi.")}
    assert "COERCE" in types and "ASSAULT" not in types


def test_events_keeps_a_refusal_with_an_unless_clause_realized() -> None:
    ev = one("Rebels refused to withdraw from the town unless the government lifted the siege.", "REJECT")
    assert ev.modality == "realized"


def test_events_codes_a_coup_as_a_seizure_apart_from_the_arrest() -> None:
    found = {(e.type, e.mode) for e in events("The army seized power in Niger on Wednesday, detaining the president.")}
    assert {("COERCE", "seize"), ("COERCE", "arrest")} <= found
    assert one("Mutinous soldiers ousted President Ali Moru in July.", "COERCE").mode == "seize"
    assert "COERCE" not in {e.type for e in events("Parliament ousted the prime minister in a no-confidence vote.")}


def test_events_codes_ramming_a_vessel_as_an_assault() -> None:
    ev = one("Coast guard vessels rammed two Philippine supply boats near the shoal.", "ASSAULT")
    assert ev.recipient == "Philippines"
