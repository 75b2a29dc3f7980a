"""The ``places`` stage end to end: parse, entities, recognition and resolution."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.model import Analysis, Article
from eventwire.stages.places import resolve_place
from tests.conftest import analyse

STAGES = ("clean", "language", "parse", "mentions", "places")


def places(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each place mention's text -> (country, kind)."""
    a = analyse(text, stages=STAGES)
    return {m.text: (p.country, p.kind) for p in a.places for m in p.mentions}


def test_places_resolves_an_ambiguous_city_in_the_articles_country() -> None:
    found = places("Lebanese troops deployed in Beirut and Sidon on Monday. Clashes were also reported in Tripoli.")
    assert found["Tripoli"] == ("LB", "city")
    assert found["Lebanese"] == ("LB", "country")


def test_places_resolves_x_comma_state_inside_that_state() -> None:
    a = analyse("The plant in Springfield, Ohio, will close next year.", stages=STAGES)
    springfield = next(p for p in a.places if p.name == "Springfield")
    assert springfield.country == "US" and 39 < springfield.lat < 41 and -85 < springfield.lon < -83
    assert any(p.name == "Ohio" and p.kind == "province" for p in a.places)


def test_places_reads_x_province_as_the_province() -> None:
    assert places("Gunmen attacked a police post in Baghdad province on Sunday.")["Baghdad"] == ("IQ", "province")
    assert places("Gunmen attacked a police post in Baghdad on Sunday.")["Baghdad"] == ("IQ", "city")


def test_places_reads_a_demonym_as_its_country() -> None:
    assert places("Iraqi officials said the talks would resume.")["Iraqi"] == ("IQ", "country")


def test_places_leaves_out_names_inside_organisation_names() -> None:
    found = places("She studied at the University of Texas before joining Bank of America.")
    assert "Texas" not in found and "America" not in found
    assert places("A commander of Kataib Hezbollah spoke to reporters.") == {}


def test_places_lists_a_metonym_as_a_place_too() -> None:
    found = places("Baghdad told Washington that the militias would disarm.")
    assert found["Baghdad"] == ("IQ", "city")
    assert found["Washington"] == ("US", "city")


def test_places_mentions_slice_the_body_to_their_text() -> None:
    a = analyse("Floods hit Harris County, Texas, on Friday. Iraqi and US officials met in Mosul.", stages=STAGES)
    assert a.places
    for p in a.places:
        for m in p.mentions:
            assert a.article.body[m.start : m.end] == m.text


def test_places_gives_gazetteer_names_ids_and_coordinates() -> None:
    a = analyse("Fighting resumed near Mosul.", stages=STAGES)
    (mosul,) = a.places
    assert (mosul.name, mosul.kind, mosul.country, mosul.geonameid) == ("Mosul", "city", "IQ", 99072)
    assert mosul.lat is not None and mosul.lon is not None


def test_resolve_place_uses_the_articles_places_as_context() -> None:
    a = analyse("Lebanese troops deployed in Beirut and Sidon on Monday.", stages=STAGES)
    tripoli = resolve_place("Tripoli", a)
    assert tripoli is not None and tripoli.country == "LB"
    beirut = resolve_place("beirut", a)
    assert beirut is not None and beirut.mentions  # already a place of the article


def test_resolve_place_returns_none_for_an_unknown_name() -> None:
    assert resolve_place("Xqzzyville", Analysis(article=Article(id="t", body="Nothing here."))) is None


def test_places_on_the_seed_article_finds_every_gold_place(shared: Path) -> None:
    text = (shared / "seed" / "seed-article.txt").read_text(encoding="utf-8")
    gold = json.loads((shared / "seed" / "seed-article.gold.json").read_text(encoding="utf-8"))
    a = analyse(text, stages=STAGES)
    names = {p.name for p in a.places} | {m.text for p in a.places for m in p.mentions}
    missing = [g["name"] for g in gold["places"] if g["name"] not in names]
    assert missing == []


@pytest.mark.parametrize("text", ["no names at all here, just words.", "The weather was fine and the talks went on."])
def test_places_of_a_text_without_toponyms_is_empty(text: str) -> None:
    assert analyse(text, stages=STAGES).places == ()


def test_a_city_the_tagger_reads_as_a_person_is_a_place_after_a_verb_of_movement() -> None:
    from tests.conftest import analyse

    a = analyse("Tour\n\nThe French health minister visited Lyon and Marseille on Tuesday to inspect new hospitals.")
    names = {p.name for p in a.places}
    assert {"Lyon", "Marseille"} <= names
    assert all(e.recipient not in {"Lyon", "Marseille"} for e in a.events)


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        ("Drones struck residential areas of Omdurman on Sunday.", "Omdurman", "SD"),
        ("The United Nations urged both sides to let aid convoys into El Fasher.", "El Fasher", "SD"),
    ],
)
def test_places_finds_a_town_the_tagger_misread_after_a_place_word(text: str, town: str, country: str) -> None:
    found = places(text)
    assert found.get(town, (None, None))[0] == country, found


def test_places_a_byname_is_not_a_place() -> None:
    found = places("The commander Mohamed Hamdan Dagalo, known as Hemedti, flew to Jeddah.")
    assert "Hemedti" not in found and "Jeddah" in found


def test_places_resolves_a_province_written_with_another_compass_form() -> None:
    found = places("Paramilitary forces shelled Nyala in South Darfur and a base in North Darfur State on Sunday.")
    assert found["South Darfur"] == ("SD", "province")
    assert found["North Darfur State"] == ("SD", "province")


def test_places_a_dateline_in_capitals_is_no_acronym() -> None:
    found = places("DOHA, July 19 (AFP) - Envoys met in a hotel on Saturday to discuss the truce.")
    assert found["DOHA"] == ("QA", "city")


def test_places_a_demonym_the_tagger_reads_as_a_place_is_its_country() -> None:
    assert places("The Angolan government said it would send 40 doctors to Haiti.")["Angolan"] == ("AO", "country")


def test_places_congo_among_places_of_eastern_congo_is_the_democratic_republic() -> None:
    text = "Rebels seized Goma and Bukavu in January. Fighting in eastern Congo has displaced millions."
    assert places(text)["Congo"] == ("CD", "country")


def test_places_a_bare_name_of_a_town_and_its_municipality_is_the_town() -> None:
    found = places("Police raided mining camps in Roraima state. A judge in Boa Vista ordered the suspects held.")
    assert found["Boa Vista"] == ("BR", "city")


def test_an_unresolved_name_of_an_organisation_is_not_a_place() -> None:
    text = (
        "The EU added the state airline Belavia to its sanctions list on Thursday. Flights of Belavia to Rome "
        "were halted. Belavia said the decision was unfair."
    )
    names = [p.name for p in analyse(text, stages=STAGES).places]
    assert "Belavia" not in names and "EU" not in names


def test_a_compass_word_shares_the_region_named_after_the_conjunction() -> None:
    places = analyse("Coups have shaken West and Central Africa since 2020.", stages=STAGES).places
    assert [(p.name, p.kind) for p in places] == [("West Africa", "region"), ("Central Africa", "region")]


def test_a_town_listed_after_another_town_is_a_place() -> None:
    places = analyse("Residents of Goma and Bukavu said the truce held.", stages=STAGES).places
    assert [p.name for p in places] == ["Goma", "Bukavu"]
