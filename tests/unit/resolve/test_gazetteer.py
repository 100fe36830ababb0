from __future__ import annotations

import pytest

from sitrep.resolve.disputed import territory_at, territory_named
from sitrep.resolve.gazetteer import Gazetteer
from sitrep.resolve.place_names import COUNTRY, REGION, fold


@pytest.fixture(scope="module")
def gaz(resources) -> Gazetteer:  # type: ignore[no-untyped-def]
    return resources.gazetteer


def test_fold_drops_accents_case_and_hyphens() -> None:
    assert fold("Xankəndi") == fold("xankandi")
    assert fold("Nagorno-Karabakh") == "nagorno karabakh"
    assert fold("Ma’arrat") == "maarrat"


def test_stepanakert_found_by_alternate_name(gaz: Gazetteer) -> None:
    found = gaz.lookup("Stepanakert")
    assert found
    e = found[0]
    assert e.country2 == "AZ" and abs(e.lat - 39.82) < 0.05 and abs(e.lon - 46.75) < 0.05


def test_admin1_names_derived(gaz: Gazetteer) -> None:
    vardenis = {round(e.lat, 1): e for e in gaz.lookup("Vardenis")}
    assert vardenis[40.2].admin1 == "Gegharkunik"
    assert any(e.kind == REGION and e.country2 == "AM" for e in gaz.lookup("Gegharkunik"))


def test_countries_by_name_code_and_alias(gaz: Gazetteer) -> None:
    for name in ("Azerbaijan", "AZE", "Russian Federation", "UK", "DRC"):
        assert any(e.kind == COUNTRY for e in gaz.lookup(name)), name
    assert gaz.country("ARM").name == "Armenia"


def test_second_load_reads_the_cache_without_building(resources, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """How long a load takes is measured by the benchmarks; here, that a cached index is not rebuilt."""
    resources.gazetteer  # noqa: B018  (make sure the cache exists)
    from sitrep.resolve import gazetteer_build

    def refuse(*_: object) -> None:
        raise AssertionError("the index was rebuilt although a cache exists")

    monkeypatch.setattr(gazetteer_build, "build", refuse)
    assert Gazetteer.load().lookup("Stepanakert")


@pytest.mark.parametrize(
    ("name", "territory", "de_jure"),
    [("Stepanakert", "Nagorno-Karabakh", "AZE"), ("Donetsk", "Donetsk", "UKR"), ("Simferopol", "Crimea", "UKR")],
)
def test_disputed_lookup(gaz: Gazetteer, name: str, territory: str, de_jure: str) -> None:
    e = max(gaz.lookup(name), key=lambda x: x.population)
    t = territory_at(e.lat, e.lon, country2=e.country2, admin1=e.admin1)
    assert t is not None and t.name == territory and t.de_jure == de_jure


def test_disputed_by_name_and_not_elsewhere() -> None:
    assert territory_named("Artsakh").de_facto == "Artsakh"
    assert territory_at(40.18, 45.73, country2="AM", admin1="Gegharkunik") is None  # Vardenis, Armenia
    assert territory_at(40.41, 49.87, country2="AZ", admin1="Baki") is None  # Baku


def test_country_region_and_county_points(gaz: Gazetteer) -> None:
    us = gaz.country("US")
    assert abs(us.lat - 39.76) < 0.5 and abs(us.lon + 98.5) < 0.5
    assert any(e.kind == REGION and e.country2 == "US" and abs(e.lat - 37.5) < 0.5 for e in gaz.lookup("Kentucky"))
    assert any(e.kind == REGION and e.admin1 == "Kentucky" for e in gaz.lookup("Metcalfe County"))
    assert any(e.kind == REGION and not e.country2 for e in gaz.lookup("Europe"))
    assert any(e.kind == REGION and e.admin1 == "Missouri" for e in gaz.lookup("Mo."))


def test_nearest_country(gaz: Gazetteer) -> None:
    assert gaz.nearest_country(48.85, 2.35) == "FR"
    assert gaz.nearest_country(40.18, 44.51) == "AM"


def test_districts_kept_out_of_lookup(gaz: Gazetteer) -> None:
    found = gaz.districts("Kozhikode")
    assert found and all(e.kind == REGION and e.admin2 for e in found)
    district = next(e for e in found if e.country2 == "IN")
    assert district.admin1 == "Kerala" and abs(district.lat - 11.4) < 0.5
    assert not any(e.kind == REGION and e.country2 == "IN" for e in gaz.lookup("Kozhikode"))
    assert gaz.districts("Kozhikode District") == found  # administrative words are ignored


def test_towns_in_an_area(gaz: Gazetteer) -> None:
    district = next(e for e in gaz.districts("Kozhikode") if e.country2 == "IN")
    towns = gaz.towns_in(district)
    assert towns and all(t.admin2 == district.admin2 and t.country2 == "IN" for t in towns)
    region = next(e for e in gaz.lookup("Kerala") if e.kind == REGION)
    assert len(gaz.towns_in(region)) > len(towns)
    assert any(e.name == "Kerala" for e in gaz.areas_in("IN"))


def test_spelling_variants_are_sought_in_one_country(gaz: Gazetteer) -> None:
    # ACLED-style and news spellings of Syrian towns against the gazetteer's transliterations
    (ras,) = gaz.spelling_variants("Ras Al Ain", "SY")
    assert ras.country2 == "SY" and abs(ras.lat - 36.85) < 0.1
    assert {e.admin1 for e in gaz.spelling_variants("Basira", "SY")} >= {"Deir ez-Zor"}
    assert gaz.spelling_variants("Ras Al Ain", "FR") == ()
    assert gaz.has_variant("Ras Al Ain") and not gaz.has_variant("Qwxzplorvik")


def test_a_compass_name_written_solid_finds_the_one_written_apart(gaz: Gazetteer) -> None:
    assert any(e.country2 == "CM" for e in gaz.lookup("Northwest"))
    assert any(e.country2 == "CM" for e in gaz.lookup("North-West"))


def test_plain_congo_may_be_either_country(gaz: Gazetteer) -> None:
    countries = {e.country2 for e in gaz.lookup("Congo") if e.kind == "country"}
    assert countries == {"CD", "CG"}
