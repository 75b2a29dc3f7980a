"""The ``events`` stage: PLOVER types, roles, modality, mode, place, date and confidence,
on sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import pytest

from eventwire.config import Options
from eventwire.model import Analysis, Article, Event, Place, Span, TimeExpr
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
