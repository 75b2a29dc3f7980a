"""Resolution in context, on hand-made toponyms (no parser needed)."""

from __future__ import annotations

import pytest

from eventwire.gazetteer import Gazetteer, load_gazetteer
from eventwire.gazetteer.recognise import Recogniser, hint_of, org_part
from eventwire.gazetteer.resolve import Toponym
from eventwire.model import Mention
from eventwire.stages.places import group_places


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def places_of(gaz: Gazetteer, body: str, entities: list[tuple[str, str]]) -> dict[str, tuple[str | None, str | None]]:
    """Resolve ``body`` whose entities are given as (text, label), each at its first occurrence."""
    mentions = []
    for text, label in entities:
        start = body.index(text)
        mentions.append(Mention(start, start + len(text), text, label))
    toponyms = Recogniser(gaz).toponyms(body, mentions)
    from eventwire.gazetteer.resolve import Resolver

    places = group_places(body, toponyms, Resolver(gaz).resolve(toponyms))
    return {m.text: (p.country, p.kind) for p in places for m in p.mentions}


def test_resolution_prefers_candidates_in_the_articles_country(gaz: Gazetteer) -> None:
    body = "Troops deployed in Beirut and Byblos. Clashes were reported in Tripoli."
    found = places_of(gaz, body, [("Beirut", "GPE"), ("Byblos", "GPE"), ("Tripoli", "GPE")])
    assert found["Tripoli"] == ("LB", "city")


def test_resolution_without_context_prefers_the_larger_and_the_capital(gaz: Gazetteer) -> None:
    found = places_of(gaz, "Talks were held in Tripoli.", [("Tripoli", "GPE")])
    assert found["Tripoli"] == ("LY", "city")


def test_resolution_prefers_the_province_of_the_articles_other_places(gaz: Gazetteer) -> None:
    body = "Officials in Ontario said flooding hit London and Kitchener."
    found = places_of(gaz, body, [("Ontario", "GPE"), ("London", "GPE"), ("Kitchener", "GPE")])
    assert found["London"] == ("CA", "city")


@pytest.mark.parametrize(
    ("body", "name", "kind"),
    [
        ("Gunmen attacked a post in Baghdad province.", "Baghdad", "province"),
        ("Gunmen attacked a post in the province of Baghdad.", "Baghdad", "province"),
        ("Gunmen attacked a post in Baghdad.", "Baghdad", "city"),
    ],
)
def test_resolution_follows_the_kind_the_text_names(gaz: Gazetteer, body: str, name: str, kind: str) -> None:
    assert places_of(gaz, body, [(name, "GPE")])[name] == ("IQ", kind)


def test_resolution_puts_x_comma_state_in_that_state(gaz: Gazetteer) -> None:
    body = "The plant in Springfield, Ohio, will close."
    toponyms = Recogniser(gaz).toponyms(body, [Mention(13, 24, "Springfield", "GPE")])
    from eventwire.gazetteer.resolve import Resolver

    springfield = Resolver(gaz).resolve(toponyms)[0]
    assert springfield is not None and springfield.country == "US"
    assert gaz.entry(springfield.parent or 0).name == "Ohio"


def test_resolution_lists_a_state_abbreviation_after_a_comma(gaz: Gazetteer) -> None:
    found = places_of(gaz, "The mayor of Macon, Ga., spoke.", [("Macon", "GPE")])
    assert found["Ga."] == ("US", "province")
    assert found["Macon"] == ("US", "city")


def test_resolution_reads_demonyms_as_their_country(gaz: Gazetteer) -> None:
    found = places_of(gaz, "Iraqi officials met.", [("Iraqi", "NORP")])
    assert found["Iraqi"] == ("IQ", "country")


@pytest.mark.parametrize(
    ("body", "start", "end"),
    [("She joined Bank of America.", 19, 26), ("He studied at the University of Texas.", 32, 37)],
)
def test_names_inside_organisation_names_are_not_places(body: str, start: int, end: int) -> None:
    assert org_part(body, start, end)


def test_organisation_names_hold_no_places(gaz: Gazetteer) -> None:
    body = "She joined Bank of America after the University of Texas. Kataib Hezbollah denied it."
    found = places_of(gaz, body, [("America", "GPE"), ("University of Texas", "ORG"), ("Kataib Hezbollah", "ORG")])
    assert found == {}


@pytest.mark.parametrize(
    ("body", "start", "end", "hint"),
    [
        ("in the province of Anbar", 19, 24, "province"),
        ("in Anbar province", 3, 8, "province"),
        ("in the city of Mosul", 15, 20, "city"),
        ("in Mosul on Monday", 3, 8, None),
    ],
)
def test_hints_come_from_the_words_around_a_name(body: str, start: int, end: int, hint: str | None) -> None:
    assert hint_of(body, start, end) == hint


def test_toponyms_in_a_group_resolve_alike(gaz: Gazetteer) -> None:
    body = "Mosul is calm. Later, Mosul was shelled."
    found = places_of(gaz, body, [("Mosul", "GPE")])
    assert found["Mosul"] == ("IQ", "city")
    assert Toponym(0, 5, "Mosul").group == Toponym(22, 27, "Mosul").group


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Gunmen stormed a hotel in Aden, officials said.", "Aden"),
        ("Miners marched through Oruro demanding higher wages.", "Oruro"),
    ],
)
def test_resolution_reads_a_bare_name_shared_with_its_province_as_the_city(
    gaz: Gazetteer, body: str, name: str
) -> None:
    assert places_of(gaz, body, [(name, "GPE")])[name][1] == "city"


def test_resolution_keeps_the_province_when_the_text_names_it(gaz: Gazetteer) -> None:
    body = "Fighting spread across Aden province overnight."
    found = places_of(gaz, body, [("Aden", "GPE")])
    assert [kind for _, kind in found.values()] == ["province"]


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Lower Shabelle", "SO"),
        ("Lower Shabeelle", "SO"),
        ("Middle Shabelle", "SO"),
        ("Ituri", "CD"),
        ("Tshopo", "CD"),
        ("Haut-Uele", "CD"),
        ("Haut-Katanga", "CD"),
        ("Kongo Central", "CD"),
    ],
)
def test_gazetteer_knows_spelling_variants_and_newer_provinces(gaz: Gazetteer, name: str, country: str) -> None:
    assert any(e.kind == "province" and e.country == country for e in gaz.lookup(name))


def test_resolution_places_el_alto_beside_la_paz(gaz: Gazetteer) -> None:
    body = "Truck drivers blocked roads between La Paz and El Alto in Bolivia."
    found = places_of(gaz, body, [("La Paz", "GPE"), ("El Alto", "GPE"), ("Bolivia", "GPE")])
    assert found["El Alto"] == ("BO", "city")
    assert found["La Paz"] == ("BO", "city")


def test_lowercase_words_and_surnames_of_people_are_not_places(gaz: Gazetteer) -> None:
    body = "Mutharika thanked voters in Blantyre. Peter Mutharika said villagers hid in the bush."
    entities = [("Mutharika", "GPE"), ("Blantyre", "GPE"), ("Peter Mutharika", "PERSON"), ("bush", "GPE")]
    found = places_of(gaz, body, entities)
    assert set(found) == {"Blantyre"}
