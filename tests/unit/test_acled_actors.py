"""The ACLED view's actor coding: conventions that fill what the text leaves unsaid."""

from __future__ import annotations

import datetime as dt

from sitrep.acled_actors import acled_sides
from sitrep.ingest.documents import make_document
from sitrep.model import Event
from sitrep.pipeline import Pipeline


def first(pipeline: Pipeline, text: str, kind: str | None = None) -> Event:
    x = pipeline(make_document(text, published=dt.date(2021, 5, 3)))
    events = [e for e in x.events if e.happened and (kind is None or e.acled_type == kind)]
    assert events, f"no event in {text!r}"
    return events[0]


def test_unnamed_perpetrator_is_an_unidentified_armed_group(pipeline: Pipeline) -> None:
    e = first(pipeline, "A farmer was shot dead near Kidal on Sunday.")
    assert not e.actors, "the event itself keeps what the text says: no perpetrator"
    sides = acled_sides(e)
    assert sides.actor1 is not None and sides.actor1.acled_name == "Unidentified Armed Group (Mali)"
    assert sides.actor1.evidence.reason and "no perpetrator" in sides.actor1.evidence.reason


def test_protest_without_named_participants_has_protesters(pipeline: Pipeline) -> None:
    e = first(pipeline, "A demonstration against fuel prices was held in Mombasa on Sunday.", "Protests")
    assert acled_sides(e).actor1 is not None
    assert acled_sides(e).actor1.acled_name == "Protesters (Kenya)"  # type: ignore[union-attr]


def test_crowd_in_a_riot_is_coded_rioters(pipeline: Pipeline) -> None:
    e = first(pipeline, "Residents of Kisumu torched a police post and threw stones at officers on Sunday.", "Riots")
    names = acled_sides(e).names()
    assert "Rioters (Kenya)" in names
    assert "Civilians (Kenya)" not in names


def test_named_sides_are_kept(pipeline: Pipeline) -> None:
    e = first(pipeline, "Al-Shabaab fighters attacked a Somali army base in Baidoa on Sunday.")
    names = acled_sides(e).names()
    assert "Al Shabaab" in names and "Military Forces of Somalia" in names


def test_unidentified_men_in_a_drug_story_are_a_gang(pipeline: Pipeline) -> None:
    e = first(pipeline, "Gunmen linked to a drug cartel shot dead a shopkeeper in Culiacan on Sunday.")
    assert "Unidentified Gang (Mexico)" in acled_sides(e).names()


def test_violence_against_civilians_has_civilians_as_actor_2(pipeline: Pipeline) -> None:
    e = first(pipeline, "Gunmen abducted a blogger from his home in Yenagoa on Sunday.", "Violence against civilians")
    sides = acled_sides(e)
    assert sides.actor2 is not None and sides.actor2.acled_name == "Civilians (Nigeria)"
    assert sides.actor2.evidence.reason and "civilian" in sides.actor2.evidence.reason


def test_a_regime_that_shells_is_its_military(pipeline: Pipeline) -> None:
    e = first(pipeline, "The Syrian regime shelled the town of Ariha in Idlib on Sunday.", "Explosions/Remote violence")
    sides = acled_sides(e)
    assert sides.actor1 is not None and sides.actor1.acled_name == "Military Forces of Syria"
    assert sides.actor1.evidence.reason and "regime" in sides.actor1.evidence.reason


def test_civilians_read_as_the_doer_of_violence_are_its_targets(pipeline: Pipeline) -> None:
    e = first(pipeline, "Two civilians were shot dead in an attack near Gao on Sunday.")
    sides = acled_sides(e)
    assert sides.actor2 is not None and sides.actor2.acled_name == "Civilians (Mali)"
    assert sides.actor1 is not None and sides.actor1.acled_name == "Unidentified Armed Group (Mali)"


def test_protesters_take_the_country_of_the_place_not_of_the_cause(pipeline: Pipeline) -> None:
    e = first(pipeline, "Thousands of protesters rallied in Lahore on Friday against France.", "Protests")
    sides = acled_sides(e)
    assert sides.actor1 is not None and sides.actor1.acled_name == "Protesters (Pakistan)"


def test_the_crowd_is_actor_1_and_the_police_actor_2(pipeline: Pipeline) -> None:
    e = first(pipeline, "Police fired tear gas at protesters in Tbilisi on Sunday.", "Protests")
    sides = acled_sides(e)
    assert sides.actor1 is not None and (sides.actor1.acled_name or "").startswith("Protesters")
    assert sides.actor2 is not None and sides.actor2.acled_name == "Police Forces of Georgia"


def test_arrests_naming_no_one_are_police_arresting_civilians(pipeline: Pipeline) -> None:
    e = first(pipeline, "Three men were arrested in Diyarbakir on Tuesday.", "Strategic developments")
    if e.acled_subtype != "Arrests":
        return
    sides = acled_sides(e)
    assert sides.actor1 is not None and sides.actor1.acled_name == "Police Forces of Turkey"
    assert sides.actor2 is not None and sides.actor2.acled_name == "Civilians (Turkey)"


def test_a_news_agency_is_no_actor(pipeline: Pipeline) -> None:
    e = first(pipeline, "Gunmen killed two farmers near Jos on Sunday, AFP reported.")
    assert "AFP" not in acled_sides(e).names()
