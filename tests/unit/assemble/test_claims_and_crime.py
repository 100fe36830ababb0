"""Claims of responsibility and accusations are verbal events; ordinary crime and disasters are no
political violence (issue 14). Each rule on sentences written for it."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.acled_view import primary_event
from sitrep.ingest.documents import make_document
from sitrep.model import Extraction
from sitrep.pipeline import Pipeline

PUBLISHED = dt.date(2023, 6, 14)


def run(pipeline: Pipeline, text: str) -> Extraction:
    return pipeline(make_document(text, published=PUBLISHED))


def subtype(pipeline: Pipeline, text: str) -> str | None:
    event = primary_event(run(pipeline, text))
    return event.acled_subtype if event is not None else None


@pytest.mark.parametrize(
    "text",
    [
        "The Northern Front claimed responsibility for the attack on a radio station in the capital.",
        "A separatist group took credit for the car bomb that killed six people in the port city.",
        "The movement has claimed the murder of a local judge last year.",
        "The foreign minister on Monday accused Ruritania of shelling border villages.",
        "Foreign fighters are suspected to be behind the twin blasts at a market in Dornville.",
        "The minister dismissed the allegations against the army of targeting civilians in the north.",
    ],
)
def test_an_act_told_only_as_what_a_claim_is_about_is_no_acled_event(pipeline: Pipeline, text: str) -> None:
    assert subtype(pipeline, text) is None


def test_a_claim_makes_a_verbal_event(pipeline: Pipeline) -> None:
    x = run(pipeline, "The Northern Front claimed responsibility for the attack on a radio station in the capital.")
    assert any(e.kind == "verbal" and e.plover == "ACCUSE" for e in x.events)


def test_an_attack_told_as_happening_stays_beside_its_claim(pipeline: Pipeline) -> None:
    text = (
        "A car bomb exploded near a police station in Kirkuk on Monday, killing four officers. "
        "A militant group claimed responsibility for the bombing."
    )
    assert subtype(pipeline, text) is not None


def test_a_claimed_attack_dated_in_the_note_stays_an_attack(pipeline: Pipeline) -> None:
    text = "On 3 May 2020, the Islamic State claimed the firing of 3 rockets towards an army garrison in Tessalit."
    assert subtype(pipeline, text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested six men and recovered counterfeit notes worth 2 million rupees from a flat in the city.",
        "The police have caught a gang that was engaged in stealing cars across the region.",
        "A 20-year-old, a member of a youth gang, captured during a robbery in the capital, was charged.",
    ],
)
def test_ordinary_crime_is_no_political_violence(pipeline: Pipeline, text: str) -> None:
    assert subtype(pipeline, text) is None


def test_an_arrest_of_activists_stays_an_arrest(pipeline: Pipeline) -> None:
    assert subtype(pipeline, "On 4 May 2020, police arrested 12 opposition activists in Minsk.") == "Arrests"


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers helped residents of villages that were hit by an earthquake on Monday.",
        "The army mobilized efforts to help people trapped by the floods in the north.",
        "Two workers were killed when an explosion ripped through a fertilizer plant outside the city.",
    ],
)
def test_disasters_are_no_conflict_event(pipeline: Pipeline, text: str) -> None:
    assert subtype(pipeline, text) is None


def test_a_blast_told_after_an_industrial_accident_is_the_accident(pipeline: Pipeline) -> None:
    text = (
        "Late on Friday, explosions tore through a chemical plant on the edge of the port city. "
        "The blasts killed at least 20 people and injured 300, state media said."
    )
    assert subtype(pipeline, text) is None


def test_a_bomb_at_a_factory_stays_a_bombing(pipeline: Pipeline) -> None:
    text = "Militants detonated a bomb at a textile factory in Quetta on Monday, killing three guards."
    assert subtype(pipeline, text) is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dated report of an act whose doers stand accused tells the act, as ACLED's notes do
        ("On 2 May 2024, soldiers in Kindu are accused of beating a trader at a checkpoint.", "Attack"),
        # the accusation is about the theft; what happened in the clause after it is told as happening
        (
            "On 2 May 2024, a crowd tried to seize two men accused of stealing goats in Kindu when the police "
            "intervened and fired at the rioters, killing a woman.",
            None,
        ),
        # flood victims protesting: the floods are what they suffered, not the doer of the blockade
        (
            "On 8 May 2024, victims of the recent floods blocked the main road in Kindu to demand aid.",
            "Peaceful protest",
        ),
    ],
)
def test_accusations_and_disasters_do_not_swallow_reported_acts(
    pipeline: Pipeline, text: str, expected: str | None
) -> None:
    found = subtype(pipeline, text)
    if expected is None:
        assert found is not None
    else:
        assert found == expected


def test_an_accusation_describing_the_arrested_is_not_the_act_reported(pipeline: Pipeline) -> None:
    text = (
        "On 29 April 2024, police in Kindu arrested 20 youths, who were accused of having taken part in a "
        "protest the weekend before."
    )
    assert subtype(pipeline, text) == "Arrests"
