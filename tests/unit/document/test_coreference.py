"""sitrep.document.coreference: one record per incident, whatever the number of its tellings."""

from __future__ import annotations

import pytest

from sitrep.acled_view import coded_events
from sitrep.evaluation.articles import normal_name
from sitrep.ingest.documents import make_document
from sitrep.model import Extraction
from sitrep.pipeline import Pipeline


def extract(pipeline: Pipeline, text: str, published: str = "2023-04-11") -> Extraction:
    return pipeline(make_document(text, published=published))


def test_headline_lead_and_caption_make_one_event_listing_every_telling(pipeline: Pipeline) -> None:
    text = (
        "Rebels shell market in Gao, killing five\n\n"
        "GAO, April 10 - Rebel fighters shelled the central market of Gao on Monday, killing five "
        "traders, the regional governor said.\n\n"
        "The shelling also wounded a dozen people, according to a local doctor.\n\n"
        "Photo caption: The market of Gao after the shelling."
    )
    events = coded_events(extract(pipeline, text))
    assert len(events) == 1, [(e.trigger.text, e.acled_subtype) for e in events]
    event = events[0]
    assert event.acled_subtype == "Shelling/artillery/missile attack"
    assert event.place is not None and event.place.name == "Gao"
    assert event.date is not None and event.date.date is not None and event.date.date.isoformat() == "2023-04-10"
    assert len(event.mentions) >= 2
    assert all(m.reason and "same incident told again" in m.reason for m in event.mentions)
    assert "Photo caption" in " ".join(m.text for m in event.mentions)


def test_two_towns_on_the_same_day_stay_two_events(pipeline: Pipeline) -> None:
    text = (
        "Gunmen kill villagers in two attacks\n\n"
        "Gunmen killed four villagers in Menaka on Monday, officials said.\n\n"
        "Gunmen also killed three herders in Kidal on Monday, a local official said."
    )
    events = coded_events(extract(pipeline, text))
    places = {normal_name(e.place.name) for e in events if e.place is not None}
    assert {"menaka", "kidal"} <= places


def test_tellings_on_stated_different_days_stay_apart(pipeline: Pipeline) -> None:
    text = (
        "Soldiers clashed with rebels near Gao on Monday, the army said.\n\n"
        "Soldiers clashed with rebels near Gao on Saturday, the army said."
    )
    events = coded_events(extract(pipeline, text))
    assert len({e.date.date for e in events if e.date is not None}) == 2


@pytest.mark.parametrize("opening", ["In a separate attack,", "Earlier,"])
def test_a_sentence_announcing_another_incident_is_not_joined(pipeline: Pipeline, opening: str) -> None:
    text = (
        "Suicide bomber kills six in Kabul\n\n"
        "A suicide bomber killed six people at a checkpoint in Kabul on Monday, police said.\n\n"
        f"{opening} a suicide bomber killed two guards at a bank in Kabul on Monday."
    )
    events = coded_events(extract(pipeline, text))
    assert len(events) == 2, [(e.trigger.text, e.sentence.text) for e in events]


def test_arrests_at_a_protest_join_the_protest(pipeline: Pipeline) -> None:
    text = (
        "Thousands of teachers protested outside parliament in Nairobi on Tuesday over unpaid wages.\n\n"
        "Police arrested 20 of the protesters outside parliament in Nairobi on Tuesday."
    )
    events = coded_events(extract(pipeline, text, published="2023-04-12"))
    protests = [e for e in events if e.acled_type == "Protests"]
    assert len(protests) == 1
    assert not [e for e in events if e.acled_subtype == "Arrests"]
    assert "arrested" in " ".join(m.text for m in protests[0].mentions)


def test_the_stage_can_be_left_out(pipeline: Pipeline) -> None:
    text = (
        "Rebels shell market in Gao, killing five\n\n"
        "GAO, April 10 - Rebel fighters shelled the central market of Gao on Monday, killing five traders."
    )
    alone = Pipeline(resources=pipeline.resources, document_stages=("window.rules.v1",))
    assert len(coded_events(alone(make_document(text, published="2023-04-11")))) >= 2
    assert "coreference.rules.v1" not in alone.stage_names
    assert "coreference.rules.v1" in pipeline.stage_names


def test_an_incident_added_with_also_and_its_own_place_stays_apart(pipeline: Pipeline) -> None:
    text = (
        "Gunmen kill farmers in central Mali\n\n"
        "Gunmen killed six farmers near Djenne on Monday, local officials said.\n\n"
        "Gunmen also attacked a market in Mopti on Monday, killing two traders."
    )
    events = coded_events(extract(pipeline, text, published="2023-04-11"))
    places = {normal_name(e.place.name) for e in events if e.place is not None}
    assert "mopti" in places and len(events) >= 2


def test_arrests_joined_to_a_protest_make_it_a_protest_with_intervention(pipeline: Pipeline) -> None:
    text = (
        "Thousands of teachers protested outside parliament in Nairobi on Tuesday over unpaid wages.\n\n"
        "Police arrested 20 of the protesters outside parliament in Nairobi on Tuesday."
    )
    events = coded_events(extract(pipeline, text, published="2023-04-12"))
    protest = next(e for e in events if e.acled_type == "Protests")
    assert protest.acled_subtype == "Protest with intervention"


def test_a_suicide_blast_headline_keeps_its_sub_type_when_the_lead_says_only_explosion(pipeline: Pipeline) -> None:
    text = (
        "Four soldiers killed in suicide blast in Kandahar\n\n"
        "An explosion ripped through an army checkpoint in Kandahar on Monday, killing four soldiers, "
        "a provincial spokesman said."
    )
    events = coded_events(extract(pipeline, text, published="2023-04-11"))
    assert events[0].acled_subtype == "Suicide bomb"


def test_an_air_strike_and_a_rocket_attack_stay_two_events(pipeline: Pipeline) -> None:
    text = (
        "Militants fired a rocket attack at the town of Sderot on Tuesday night, the army said.\n\n"
        "On Wednesday, warplanes struck a militant compound in Khan Younis, the army said."
    )
    events = coded_events(extract(pipeline, text, published="2023-04-13"))
    subtypes = {e.acled_subtype for e in events}
    assert {"Shelling/artillery/missile attack", "Air/drone strike"} <= subtypes


def test_fighting_told_after_ground_taken_there_that_day_takes_the_outcome(pipeline: Pipeline) -> None:
    text = (
        "Rebels seized the town of Kitchanga in eastern Congo after heavy fighting on Saturday, residents said.\n\n"
        "Fighting between the army and the rebels around Kitchanga began early on Saturday morning."
    )
    events = coded_events(extract(pipeline, text, published="2023-04-16"))
    fights = [e for e in events if e.acled_type == "Battles"]
    assert fights
    assert all(e.acled_subtype == "Non-state actor overtakes territory" for e in fights)


def test_a_title_joins_its_lead_and_takes_the_leads_town(pipeline: Pipeline) -> None:
    text = (
        "Gunmen kill seven traders in northern Burkina Faso\n\n"
        "OUAGADOUGOU, May 9 - Armed men killed seven traders on the road to the market town of Djibo "
        "on Monday, a local official said.\n\n"
        "The attackers stopped the traders' truck and shot them before burning the vehicle, he said."
    )
    events = coded_events(extract(pipeline, text, published="2023-05-09"))
    assert len(events) == 1, [(e.trigger.text, e.place.name if e.place else None) for e in events]
    assert events[0].place is not None and normal_name(events[0].place.name) == "djibo"
    assert any("joined with the telling" in r for r in events[0].reasons)


def test_a_crowd_in_the_title_keeps_its_reading_when_the_lead_tells_a_fight(pipeline: Pipeline) -> None:
    text = (
        "Protesters storm town hall in Kisumu\n\n"
        "Hundreds of protesters fought with police and stormed the town hall in Kisumu on Tuesday, "
        "hurling stones at officers, witnesses said."
    )
    events = coded_events(extract(pipeline, text, published="2023-04-12"))
    assert len(events) == 1, [(e.trigger.text, e.acled_type) for e in events]
    assert events[0].acled_type == "Riots"


def test_a_second_device_of_one_attack_is_not_another_incident(pipeline: Pipeline) -> None:
    text = (
        "A roadside bomb killed three soldiers near Konduga on Monday, military sources said.\n\n"
        "A second device exploded as a rescue team approached, wounding two more, the sources said."
    )
    events = coded_events(extract(pipeline, text, published="2023-04-11"))
    assert len(events) == 1, [(e.trigger.text, e.sentence.text) for e in events]


def test_a_first_paragraph_that_ends_with_a_full_stop_is_no_title(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed four villagers in Menaka on Monday, officials said.\n\n"
        "Gunmen killed three herders in Kidal on Monday, a local official said."
    )
    places = {normal_name(e.place.name) for e in coded_events(extract(pipeline, text)) if e.place is not None}
    assert {"menaka", "kidal"} <= places


def test_a_verb_in_a_pointed_back_incident_joins_it(pipeline: Pipeline) -> None:
    text = (
        "An air strike killed 40 people at a market in Togoga on Tuesday, health workers said.\n\n"
        "The army said only fighters were targeted in Tuesday's strike."
    )
    events = coded_events(extract(pipeline, text, published="2021-06-24"))
    assert len(events) == 1, [(e.trigger.text, e.acled_type) for e in events]


def test_the_attack_pointed_back_at_joins_though_placed_at_a_finer_town(pipeline: Pipeline) -> None:
    text = (
        "Gunmen ambush police convoy in western Mexico, killing 13\n\n"
        "Gunmen ambushed a police convoy in Michoacan state on Monday, killing 13 officers, officials said.\n\n"
        "The attack took place near the town of Aguililla as the officers drove to serve a court order."
    )
    events = coded_events(extract(pipeline, text, published="2019-10-15"))
    assert len(events) == 1, [(e.trigger.text, e.place.name if e.place else None) for e in events]


def test_a_shooting_told_as_later_is_not_folded_into_the_bombing(pipeline: Pipeline) -> None:
    text = (
        "Bomb wounds two soldiers in southern Thailand\n\n"
        "A roadside bomb wounded two soldiers in Pattani on Monday, police said.\n\n"
        "A man was later shot dead on the same day in Pattani, police said."
    )
    events = coded_events(extract(pipeline, text, published="2015-07-14"))
    assert len(events) == 2, [(e.trigger.text, e.acled_subtype) for e in events]


def test_arrests_hours_later_at_the_same_rally_are_the_same_incident(pipeline: Pipeline) -> None:
    text = (
        "Hundreds of nurses rallied outside the health ministry in Kampala on Monday over unpaid allowances.\n\n"
        "Three hours later police detained 25 of the nurses outside the ministry, a union official said."
    )
    events = coded_events(extract(pipeline, text, published="2023-04-11"))
    protests = [e for e in events if e.acled_type == "Protests"]
    assert protests and protests[0].acled_subtype == "Protest with intervention"
