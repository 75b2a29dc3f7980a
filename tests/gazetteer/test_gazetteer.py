"""The offline gazetteer: building, loading, lookups, demonyms, abbreviations."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.gazetteer import Gazetteer, build, cache_dir, default_path, load_gazetteer
from eventwire.gazetteer.build import admin_variants


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_gazetteer_builds_from_package_data_and_loads_in_under_a_second(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.pkl"
    problems = build(path)
    assert problems == []
    started = time.perf_counter()
    loaded = Gazetteer.load(path)
    assert time.perf_counter() - started < 1.0
    assert len(loaded) > 200_000


def test_gazetteer_cache_lives_where_eventwire_cache_points(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    assert cache_dir() == tmp_path
    assert default_path().parent == tmp_path
    assert default_path().name.startswith("gazetteer-")


def test_gazetteer_load_of_a_missing_file_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="E210") as err:
        Gazetteer.load(tmp_path / "absent.pkl")
    assert "eventwire.gazetteer build" in str(err.value)


@pytest.mark.parametrize(
    ("name", "kind", "country", "canonical"),
    [
        ("Iraq", "country", "IQ", "Iraq"),
        ("U.S.", "country", "US", "United States"),
        ("Britain", "country", "GB", "United Kingdom"),
        ("Nineveh", "province", "IQ", "Ninawa"),
        ("Anbar", "province", "IQ", "Anbar"),
        ("Al Mawsil", "city", "IQ", "Mosul"),
        ("Mosul", "city", "IQ", "Mosul"),
        ("Kurdistan Region", "region", "IQ", "Kurdistan Region"),
        ("West Bank", "region", "PS", "West Bank"),
        ("Harris County", "province", "US", "Harris County"),
    ],
)
def test_gazetteer_lookup_finds_each_kind_by_its_names(
    gaz: Gazetteer, name: str, kind: str, country: str, canonical: str
) -> None:
    hits = [(e.name, e.kind, e.country) for e in gaz.lookup(name)]
    assert (canonical, kind, country) in hits


def test_gazetteer_cities_carry_geonames_ids_population_and_coordinates(gaz: Gazetteer) -> None:
    mosul = next(e for e in gaz.lookup("Mosul") if e.country == "IQ")
    assert mosul.geonameid == 99072
    assert mosul.population > 1_000_000
    assert abs(mosul.lat - 36.34) < 0.1 and abs(mosul.lon - 43.13) < 0.1


def test_gazetteer_country_points_lie_inside_the_country(gaz: Gazetteer) -> None:
    us = gaz.country("US")
    assert us is not None and us.name == "United States"
    assert 25 < us.lat < 49 and -125 < us.lon < -67


@pytest.mark.parametrize(
    ("word", "place"),
    [("Iraqi", "Iraq"), ("Iraqis", "Iraq"), ("American", "United States"), ("European", "Europe")],
)
def test_gazetteer_demonyms_stand_for_their_country_or_region(gaz: Gazetteer, word: str, place: str) -> None:
    found = gaz.demonym(word)
    assert found is not None and found.name == place


@pytest.mark.parametrize(("text", "state"), [("Ga.", "Georgia"), ("W.Va.", "West Virginia"), ("OH", "Ohio")])
def test_gazetteer_state_abbreviations_name_us_states(gaz: Gazetteer, text: str, state: str) -> None:
    found = gaz.abbreviation(text)
    assert found is not None and (found.name, found.country, found.kind) == (state, "US", "province")


def test_gazetteer_abbreviations_are_case_sensitive(gaz: Gazetteer) -> None:
    assert gaz.abbreviation("oh") is None


@pytest.mark.parametrize(
    ("name", "short"),
    [("Muhafazat Kirkuk", "kirkuk"), ("Al Anbar Governorate", "anbar"), ("Basra Governorate", "basra")],
)
def test_gazetteer_province_names_get_their_short_forms(name: str, short: str) -> None:
    assert short in admin_variants(name)


def test_gazetteer_does_not_index_a_province_by_a_bare_compass_word(gaz: Gazetteer) -> None:
    assert all(e.kind != "province" for e in gaz.lookup("West"))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("South Darfur", "Southern Darfur"),
        ("North Darfur", "Northern Darfur"),
        ("Northern Kivu", "Nord Kivu"),
        ("Sud Kivu", "South Kivu"),
        ("North Kordofan", "Shamal Kurdufan"),
    ],
)
def test_gazetteer_knows_a_compass_province_by_either_form_of_its_compass_word(
    gaz: Gazetteer, written: str, expected: str
) -> None:
    assert expected in [e.name for e in gaz.lookup(written) if e.kind == "province"]


def test_gazetteer_compass_form_of_a_province_is_not_a_part_of_a_country_or_province() -> None:
    assert "western virginia" not in admin_variants("West Virginia", frozenset({"virginia"}))
    assert "south darfur" in admin_variants("Southern Darfur", frozenset({"virginia"}))


def test_gazetteer_congo_alone_can_be_either_congo(gaz: Gazetteer) -> None:
    assert {e.country for e in gaz.lookup("Congo") if e.kind == "country"} == {"CD", "CG"}
