from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sitrep.actor_kinds import (
    ARMED_SECTORS,
    UNARMED_SECTORS,
    Inter,
    is_armed,
    is_civilian,
    is_civilian_target,
    is_coded_civilian,
    is_crowd,
    is_state,
)
from sitrep.model import Actor, Evidence

SECTORS: list[str | None] = [*sorted(ARMED_SECTORS | UNARMED_SECTORS | {"GOV", "IGO", "NGO"}), None]


def actor(inter: int | None, sector: str | None) -> Actor:
    return Actor(
        name="x",
        country=None,
        sector=sector,
        acled_name=None,
        inter=inter,
        evidence=Evidence(start=0, end=1, text="x", stage="test"),
    )


def test_the_codes_are_acleds() -> None:
    assert [int(i) for i in Inter] == list(range(1, 9))
    assert Inter(7) is Inter.CIVILIANS and Inter.STATE_FORCES == 1


def test_the_code_decides_when_there_is_one() -> None:
    police_as_protesters = actor(6, "COP")
    assert not is_armed(police_as_protesters) and is_crowd(police_as_protesters)
    assert not is_state(police_as_protesters)
    assert is_civilian(actor(7, "MIL")) and not is_civilian(actor(1, "CVL"))


def test_the_sector_decides_without_a_code() -> None:
    assert is_armed(actor(None, "CRM")) and is_armed(actor(None, "UAF"))
    assert is_civilian(actor(None, "JRN")) and not is_civilian(actor(None, "GOV"))
    assert is_state(actor(None, "GOV")) and not is_state(actor(None, "REB"))


@given(st.one_of(st.none(), st.integers(1, 8)), st.sampled_from(SECTORS))
def test_no_actor_is_both_armed_and_civilian_or_a_crowd(inter: int | None, sector: str | None) -> None:
    a = actor(inter, sector)
    assert not (is_armed(a) and is_crowd(a))
    assert not (is_civilian(a) and is_armed(a))


def test_the_acled_readings_of_civilians_are_their_own() -> None:
    foundation = actor(None, "SOC")
    assert is_civilian(foundation) and not is_coded_civilian(foundation) and not is_civilian_target(foundation)
    rioters_of_the_civil_sector = actor(5, "CVL")
    assert is_civilian_target(rioters_of_the_civil_sector) and not is_civilian(rioters_of_the_civil_sector)
