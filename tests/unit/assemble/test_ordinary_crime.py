"""Ordinary crime is no ACLED event: a police-and-court story, a sentence told in court, an arrest
for drugs or drink-driving, a road accident. Violence by an armed side or a political arrest stays.
Each rule on sentences written for it."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.acled_view import coded_events, primary_event
from sitrep.assemble.crime import crime_report, told_in_court
from sitrep.ingest.documents import make_document
from sitrep.pipeline import Pipeline

PUBLISHED = dt.date(2023, 6, 14)


def subtypes(pipeline: Pipeline, text: str) -> list[str]:
    return [e.acled_subtype for e in coded_events(pipeline(make_document(text, published=PUBLISHED)))]


def subtype(pipeline: Pipeline, text: str) -> str | None:
    event = primary_event(pipeline(make_document(text, published=PUBLISHED)))
    return event.acled_subtype if event is not None else None


CRIME_STORY = (
    "A 24-year-old man was stabbed outside a bar in Millbrook early on Saturday. "
    "Police said the suspect, a neighbour of the victim, was taken into custody an hour later. "
    "He has been charged with attempted murder and is being held without bail. "
    "Detectives are asking witnesses to come forward."
)


def test_a_police_and_court_story_is_a_crime_report() -> None:
    assert crime_report(CRIME_STORY)


def test_a_political_or_armed_side_makes_no_crime_report() -> None:
    assert not crime_report(CRIME_STORY + " The victim was an opposition activist.")
    assert not crime_report(CRIME_STORY.replace("A 24-year-old man", "A soldier"))


def test_a_short_report_of_violence_is_no_crime_report() -> None:
    assert not crime_report(
        "On 5 May 2020, unknown assailants shot dead a shopkeeper in Kasese. Police said a suspect fled."
    )


def test_a_crime_story_gives_no_event(pipeline: Pipeline) -> None:
    assert subtypes(pipeline, CRIME_STORY) == []


def test_police_shooting_a_man_in_a_crime_story_stays(pipeline: Pipeline) -> None:
    text = (
        "Police officers shot dead a man in Millbrook on Sunday. Police said the suspect had pointed a rifle at "
        "them. He had been charged with assault last year and was out on bail. Detectives are investigating."
    )
    assert subtypes(pipeline, text) != []


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("A youth has been charged with murder in the stabbing of a taxi driver in March.", True),
        ("The woman was shot in the back as she walked home, a jury was told.", True),
        ("He pleaded guilty to assaulting his former partner.", True),
        ("Militants sentenced a man to death and executed him in the square.", False),
        ("Police used a lathi charge to disperse the protesters.", False),
        ("Gunmen shot dead a farmer near the river on Monday.", False),
    ],
)
def test_a_sentence_told_in_court(sentence: str, told: bool) -> None:
    assert told_in_court(sentence) is told


@pytest.mark.parametrize(
    "text",
    [
        "A teenager has been charged with murder in the stabbing death of a shopkeeper in the city last month.",
        "Two men killed a bouncer outside a nightclub in the town centre in May, a jury was told on Tuesday.",
    ],
)
def test_violence_told_in_court_is_no_new_event(pipeline: Pipeline, text: str) -> None:
    assert subtype(pipeline, text) is None


def test_an_armed_groups_court_still_kills(pipeline: Pipeline) -> None:
    text = "On 3 May 2020, militants held a court which sentenced a young man to death and executed him in Jilib."
    assert subtype(pipeline, text) == "Attack"


@pytest.mark.parametrize(
    "text",
    [
        "A 30-year-old man was arrested on Saturday on drunk driving charges after a crash on the highway.",
        "Police arrested a mother of two on drugs charges at her home in the suburbs.",
        "The deputy mayor's chief of staff was arrested on suspicion of corruption on Friday.",
        "Police say the woman had four warrants out for her arrest.",
    ],
)
def test_arrests_for_ordinary_crime_are_no_acled_arrests(pipeline: Pipeline, text: str) -> None:
    assert subtype(pipeline, text) is None


def test_an_arrest_for_a_crime_of_an_activist_stays(pipeline: Pipeline) -> None:
    text = "On 5 May 2020, police arrested an opposition activist in Minsk on drugs charges, his lawyer said."
    assert subtype(pipeline, text) == "Arrests"


@pytest.mark.parametrize(
    "text",
    [
        "A woman died after being struck by a car on the ring road in Leeds on Friday.",
        "State police say a 22-year-old man was killed in the crash on the interstate.",
    ],
)
def test_road_accidents_are_no_attack(pipeline: Pipeline, text: str) -> None:
    assert subtype(pipeline, text) is None


def test_unidentified_assailants_killing_a_man_stay_an_attack(pipeline: Pipeline) -> None:
    text = "On 5 May 2020, a man was stabbed to death by unknown persons in Soweto. Police said no suspect was found."
    assert subtype(pipeline, text) == "Attack"
