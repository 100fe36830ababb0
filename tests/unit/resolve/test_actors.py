"""The actor dictionary: countries from pycountry, demonyms, groups, ACLED-style names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.model import Evidence
from sitrep.resolve.actors import ActorDictionary, split_phrase

EV = Evidence(start=0, end=1, text="x", stage="test")


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def test_every_pycountry_country_is_known(actors: ActorDictionary) -> None:
    import pycountry

    assert all(actors.country(c.alpha_3) is not None for c in pycountry.countries)
    assert actors.country_named("Syrian Arab Republic").iso3 == "SYR"
    assert actors.country_named("Republic of Armenia").iso3 == "ARM"


@pytest.mark.parametrize(
    "demonym, iso3",
    [
        ("Azerbaijani", "AZE"),
        ("Azeri", "AZE"),
        ("Burkinabe", "BFA"),
        ("South Sudanese", "SSD"),
        ("Burmese", "MMR"),
        ("Filipino", "PHL"),
        ("Congolese", "COD"),
        ("Turkish", "TUR"),
    ],
)
def test_demonyms(actors: ActorDictionary, demonym: str, iso3: str) -> None:
    assert actors.country_of_demonym(demonym).iso3 == iso3


def test_at_least_120_demonym_countries(actors: ActorDictionary) -> None:
    assert sum(1 for c in actors.countries.values() if c.demonyms) >= 120


def test_acled_names_follow_patterns(actors: ActorDictionary) -> None:
    troops = actors.role("troops")
    assert actors.actor("AZE", troops, evidence=EV).acled_name == "Military Forces of Azerbaijan"
    assert actors.actor("NGA", actors.role("police"), evidence=EV).acled_name == "Police Forces of Nigeria"
    assert actors.actor("CHL", actors.role("protesters"), evidence=EV).acled_name == "Protesters (Chile)"
    assert actors.actor("IND", actors.role("rioters"), evidence=EV).inter == 5
    assert actors.actor("ARM", None, evidence=EV).acled_name == "Government of Armenia"
    unknown = actors.actor(None, actors.role("gunmen"), evidence=EV)
    assert unknown.acled_name == "Unidentified Armed Group" and unknown.country is None


def test_disputed_entity_goes_to_the_nominal_sovereign(actors: ActorDictionary) -> None:
    group = actors.group_named("Karabakh Defense Army")
    actor = actors.group_actor(group, evidence=EV)
    assert (actor.country, actor.sector, actor.de_facto, actor.acled_name) == (
        "AZE",
        "PRE",
        "Artsakh",
        "Military Forces of Artsakh",
    )
    assert actors.group_named("DPR").country == "UKR"


def test_igos_and_case_sensitive_aliases(actors: ActorDictionary) -> None:
    assert actors.group_named("UN").country == "IGO"
    assert actors.group_named("OSCE Minsk Group Co-Chairs").name == "OSCE Minsk Group"
    assert actors.group_named("is") is None  # the verb, not the Islamic State
    assert actors.group_named("IS").name == "Islamic State"


def test_raw_actor_takes_country_from_its_name(actors: ActorDictionary) -> None:
    raw = actors.raw_actor("Constructive Dialogue Network of Armenian CSOs", evidence=EV)
    assert raw.raw and raw.country == "ARM" and raw.sector == "SOC"
    assert actors.raw_actor("Acme Holdings", evidence=EV).sector == "UNK"


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=40))
def test_split_phrase_never_fails_and_has_no_empty_words(text: str) -> None:
    assert all(split_phrase(text))


def test_country_hints_from_named_groups() -> None:
    d = ActorDictionary.load()
    hints = d.country_hints("The Houthis and the OSCE SMM were mentioned; al-Shabaab too, twice: al-Shabaab.")
    assert hints.get("YEM") == 1 and hints.get("UKR") == 1 and hints.get("SOM") == 2
    assert d.country_hints("Nothing armed here.") == {}
