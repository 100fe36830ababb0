"""Event assembly: the rules of sitrep.assemble, each on a sentence written for it."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.ingest.documents import make_document
from sitrep.model import Event, Extraction
from sitrep.pipeline import Pipeline
from sitrep.resolve.actors import ActorDictionary

PUBLISHED = dt.date(2023, 6, 14)


def run(pipeline: Pipeline, text: str, published: dt.date | None = PUBLISHED) -> Extraction:
    return pipeline(make_document(text, published=published))


def happened(x: Extraction) -> list[Event]:
    return [e for e in x.events if e.happened]


def violent(x: Extraction) -> list[Event]:
    return [e for e in happened(x) if e.kind == "violent"]


def names(actors: tuple) -> set[str]:  # type: ignore[type-arg]
    return {a.acled_name or a.name for a in actors}


# ---------------------------------------------------------------- roles


def test_speaker_is_not_a_party(pipeline: Pipeline) -> None:
    x = run(pipeline, "Gunmen attacked a police post in Kandahar on Tuesday, provincial officials said.")
    [e] = violent(x)
    assert "Government of Afghanistan" not in names(e.actors + e.recipients)
    assert e.claimant is not None and "Afghanistan" in (e.claimant.acled_name or "")


def test_actor_deep_in_another_phrase_takes_no_role(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "The army shelled the village of Kfar Nabl in defiance of the appeal by the United Nations for a truce.",
    )
    [e] = violent(x)
    assert "United Nations" not in names(e.actors + e.recipients)


def test_attack_on_a_town_hits_civilians(pipeline: Pipeline) -> None:
    x = run(pipeline, "Villages near Marib were shelled on Monday.")
    [e] = violent(x)
    civ = [r for r in e.recipients if r.sector == "CVL"]
    assert civ and civ[0].evidence.text == "Villages"
    assert civ[0].evidence.reason and "populated place" in civ[0].evidence.reason


def test_no_civilians_for_a_military_target(pipeline: Pipeline) -> None:
    x = run(pipeline, "Rebels shelled an army base near Marib on Monday.")
    [e] = violent(x)
    assert not any(r.sector == "CVL" for r in e.recipients)


def test_state_attacking_held_territory_fights_its_forces(pipeline: Pipeline) -> None:
    x = run(pipeline, "Azerbaijani forces shelled Stepanakert on Sunday.")
    [e] = violent(x)
    held = [r for r in e.recipients if r.de_facto == "Artsakh"]
    assert held and held[0].sector == "PRE" and held[0].country == "AZE"


def test_de_facto_forces_attack_the_state(pipeline: Pipeline) -> None:
    x = run(pipeline, "DPR forces fired mortars at Horlivka on Sunday.")
    [e] = violent(x)
    assert "Military Forces of Ukraine" in names(e.recipients)


def test_front_line_fire_with_no_side_named_has_both_sides(pipeline: Pipeline) -> None:
    x = run(pipeline, "Monitors recorded 40 explosions near Horlivka on Sunday.")
    [e] = violent(x)
    both = names(e.actors + e.recipients)
    assert "Military Forces of Ukraine" in both and any("Novorossiya" in n for n in both)
    assert all(a.evidence.confidence <= 0.5 for a in e.actors)


def test_forces_of_a_de_facto_authority() -> None:
    d = ActorDictionary.load()
    artsakh = d.forces_of("Artsakh")
    assert artsakh is not None and artsakh.acled == "Military Forces of Artsakh"
    dpr = d.forces_of("Donetsk People's Republic")
    assert dpr is not None and "Novorossiya" in (dpr.acled or "")
    assert d.forces_of("Atlantis") is None


def test_regime_forces_take_the_country_of_the_place(pipeline: Pipeline) -> None:
    x = run(pipeline, "Regime forces shelled Kafr Nabl in Idlib on Sunday.")
    [e] = violent(x)
    assert "Military Forces of Syria" in names(e.actors)


# ---------------------------------------------------------------- places


def test_demonym_is_not_the_event_place(pipeline: Pipeline) -> None:
    x = run(pipeline, "A Turkish drone struck a car near Sinjar on Monday, killing two fighters.")
    [e] = violent(x)
    assert e.place is not None and e.place.country == "IRQ"


def test_several_towns_fan_out(pipeline: Pipeline) -> None:
    x = run(pipeline, "Artillery shells hit Kramatorsk and Sloviansk on Friday.")
    places = {e.place.name for e in violent(x) if e.place}
    assert len(places) == 2


def test_statement_without_a_place_takes_the_main_place(pipeline: Pipeline) -> None:
    x = run(pipeline, "Militants attacked an army post in Dhusamareb on Monday. The government condemned the attack.")
    verbal = [e for e in happened(x) if e.kind == "verbal"]
    assert verbal and verbal[0].place is not None
    assert verbal[0].place.evidence.reason and "main event" in verbal[0].place.evidence.reason


# ---------------------------------------------------------------- what is not an event


def test_background_history_is_not_coded(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed three farmers near Djibo on Tuesday, officials said. "
        "The insurgency has killed more than 2,000 people since 2015."
    )
    x = run(pipeline, text)
    dates = {e.date.date for e in violent(x) if e.date}
    assert dt.date(2015, 1, 1) not in dates
    assert any(d == dt.date(2023, 6, 13) for d in dates)


def test_history_alone_is_kept(pipeline: Pipeline) -> None:
    x = run(pipeline, "Fighting in the region killed more than 2,000 people in 2015.")
    assert violent(x), "a report that only tells past events still yields them"


@pytest.mark.parametrize(
    "text",
    [
        "Heavy floods struck the coastal district on Monday, killing twelve people and destroying homes.",
        "The striker scored twice as the home side beat their rivals 3-1 in the league match on Sunday.",
        "A bus collided with a lorry on the highway, killing four passengers.",
    ],
)
def test_no_conflict_event_in_other_news(pipeline: Pipeline, text: str) -> None:
    assert not violent(run(pipeline, text))


def test_a_labour_protest_is_still_a_protest(pipeline: Pipeline) -> None:
    x = run(pipeline, "Employees of a bus company protested outside the ministry on Monday to demand unpaid wages.")
    assert any(e.plover == "PROTEST" for e in happened(x))


def test_negated_event_did_not_happen(pipeline: Pipeline) -> None:
    x = run(pipeline, "Government troops did not attack the village of Katari on Monday, the police said.")
    assert not violent(x)
    assert any(e.kind == "violent" and e.certainty.negated for e in x.events)


# ---------------------------------------------------------------- later rules


def test_country_named_on_the_weapon_is_the_attacker(pipeline: Pipeline) -> None:
    [e] = violent(run(pipeline, "Russian warplanes struck a market in Ariha on Tuesday."))
    assert "Military Forces of Russia" in names(e.actors)
    assert e.actors[0].evidence.text == "Russian warplanes"


def test_date_of_a_statement_is_not_the_event_date(pipeline: Pipeline) -> None:
    text = "The army said on Tuesday that its jets had bombed a rebel camp near Marib."
    [e] = violent(run(pipeline, text))
    assert e.date is not None and e.date.date != dt.date(2023, 6, 13), "'said on Tuesday' dates the statement"


def test_dateline_date_and_place_are_not_the_event_s(pipeline: Pipeline) -> None:
    text = (
        "KADUNA, Nigeria, June 14 (Sahel Courier) - Gunmen abducted eleven passengers near Zaria "
        "on Saturday, police said."
    )
    [e] = violent(run(pipeline, text))
    assert e.date is not None and e.date.date == dt.date(2023, 6, 10)
    assert e.place is not None and e.place.name != "Kaduna"


def test_clash_between_two_named_sides(pipeline: Pipeline) -> None:
    [e] = violent(
        run(pipeline, "Fighting broke out between al-Shabaab and Ahlu Sunna Wal Jama'a near Dhusamareb on Sunday.")
    )
    assert names(e.actors) and names(e.recipients)
    both = names(e.actors + e.recipients)
    assert "Al Shabaab" in both and "ASWJ: Ahlu Sunna Wal Jamaa" in both


def test_retelling_folds_into_the_lead_incident(pipeline: Pipeline) -> None:
    text = (
        "A drone struck a car near Sinjar on Monday, killing two fighters. "
        "The drone fired two missiles at the car on a road south of Sinjar on Monday."
    )
    events = violent(run(pipeline, text))
    assert len(events) == 1
    assert any("same incident" in r for r in events[0].reasons)


def test_separate_incident_stays_separate(pipeline: Pipeline) -> None:
    text = (
        "Gunmen attacked a police post in Djibo on Monday, killing two officers. "
        "In a separate incident, a roadside bomb hit an army truck near Djibo on Monday."
    )
    assert len(violent(run(pipeline, text))) == 2


def test_figures_for_different_sides_add_up(pipeline: Pipeline) -> None:
    text = (
        "Militants attacked an army camp in Boulkessi on Monday, killing 25 soldiers. "
        "Fifteen militants were killed in the fighting at the camp on Monday."
    )
    [e] = violent(run(pipeline, text))
    assert e.killed is not None and e.killed.total is not None and e.killed.total.best == 40


def test_children_are_part_of_the_civilians_killed(pipeline: Pipeline) -> None:
    [e] = violent(run(pipeline, "An air strike on Ariha killed nine civilians, among them three children, on Tuesday."))
    assert e.killed is not None and e.killed.total is not None
    assert e.killed.total.best == 9
    assert any(s.group == "children" and s.best == 3 for s in e.killed.subsets)


@pytest.mark.parametrize(
    "text",
    [
        "The group has used women as suicide bombers many times during its insurgency.",
        "Attacks on markets and camps for displaced people continue across the region.",
    ],
)
def test_a_pattern_is_not_an_incident(pipeline: Pipeline, text: str) -> None:
    assert not violent(run(pipeline, text))


def test_a_past_incident_in_the_same_words_is_one(pipeline: Pipeline) -> None:
    assert violent(run(pipeline, "Suicide bombers attacked a market in Maiduguri on Sunday, killing six people."))


def test_a_quarter_named_before_its_town_is_not_the_event_place(pipeline: Pipeline) -> None:
    x = run(pipeline, "On Monday, residents protested in the Nima community of Accra to demand water.")
    protests = [e for e in happened(x) if e.plover == "PROTEST"]
    assert protests and protests[0].place is not None and protests[0].place.name == "Accra"


def test_rival_claimants_figures_are_not_added(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "The army said on Tuesday its jets had killed 30 rebel fighters in air strikes near Ghazni, "
        "while the rebels said the strikes hit a wedding and killed 12 civilians.",
    )
    [e] = violent(x)
    assert e.killed is not None and e.killed.total is not None
    assert (e.killed.total.low, e.killed.total.high) == (12, 30)
    assert "rival claims" in e.killed.total.rule
    claimed = {(c.claimant.name, c.value["best"]) for c in e.claims if c.field == "killed"}
    assert any(best == 12 and "rebels" in who.lower() for who, best in claimed)
    assert not any(best == 12 and "army" in who.lower() for who, best in claimed)


def test_a_denial_beside_a_reported_toll_does_not_lower_it(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "Militia fighters attacked a village near Kadugli on Friday, killing at least 40 people, according to "
        "local activists. In a statement, the militia said it had attacked army posts around the village but "
        "did not acknowledge any civilian casualties.",
    )
    killed = [e.killed.total for e in violent(x) if e.killed is not None and e.killed.total is not None]
    assert killed and max(k.low for k in killed) == 40


def test_an_up_to_figure_beside_a_rival_one_states_its_number(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "Shelling hit the market in Taiz on Monday, killing at least 9 people, the health office said. "
        "A rights group said the shelling of the market killed up to 9 people.",
    )
    killed = [e.killed.total for e in violent(x) if e.killed is not None and e.killed.total is not None]
    assert killed and all(k.low == 9 for k in killed)


def test_a_toll_stated_as_zero_still_counts_beside_another(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "On 3 May, one soldier was shot dead by a sniper near Gardez. Fatalities coded as 0 (a radio reported 1).",
    )
    killed = [e.killed.total for e in violent(x) if e.killed is not None and e.killed.total is not None]
    assert killed and min(k.low for k in killed) == 0


def test_hyphenated_place_qualifies_a_group(pipeline: Pipeline) -> None:
    x = run(pipeline, "Officials blamed the bombing in Kirkuk on Iran-aligned armed factions.")
    assert all(e.place is None or e.place.country != "IRN" for e in x.events)


def test_a_string_of_recent_attacks_is_no_incident(pipeline: Pipeline) -> None:
    x = run(pipeline, "Officials have blamed a string of recent rocket attacks on US interests on armed factions.")
    assert violent(x) == []


def test_burnt_out_vehicle_is_a_state_not_an_event(pipeline: Pipeline) -> None:
    x = run(pipeline, "Police later found the burnt-out truck near the airport, the statement said.")
    assert happened(x) == [] or all(e.acled_subtype != "Looting/property destruction" for e in happened(x))


def test_a_patrol_passing_is_no_deployment(pipeline: Pipeline) -> None:
    x = run(pipeline, "The bomb was set off as the patrol passed near Lashkar Gah, officials said.")
    assert all(e.plover != "MOBILIZE" for e in x.events)


def test_actor_in_a_relative_clause_is_no_recipient(pipeline: Pipeline) -> None:
    x = run(pipeline, "The spokesman blamed the Taliban, who often plant mines along roads used by security forces.")
    accused = [e for e in x.events if e.plover == "ACCUSE"]
    assert accused
    assert all("Military Forces of Afghanistan" not in names(e.recipients) for e in accused)


def test_retelling_gives_the_day_the_lead_lacked(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "The coalition said on Wednesday its aircraft had struck a rebel camp near Marib. "
        "The raids late on Monday destroyed six vehicles in the Sirwah district, the coalition said.",
    )
    [e] = violent(x)
    assert e.date is not None and e.date.date == dt.date(2023, 6, 12)


def test_people_captured_are_no_territory(pipeline: Pipeline) -> None:
    x = run(pipeline, "Four militants were killed, wounded or captured during an army operation near Kandahar.")
    assert [e.acled_subtype for e in violent(x)] == ["Armed clash"]


def test_fighters_captured_on_a_front_are_fighting(pipeline: Pipeline) -> None:
    x = run(pipeline, "Government forces captured three rebels on the southern front on Monday.")
    assert [e.acled_subtype for e in violent(x)] == ["Armed clash"]


def test_ground_captured_changes_hands(pipeline: Pipeline) -> None:
    x = run(pipeline, "Rebels captured the town of Kidal on Monday after a night of fighting.")
    assert [e.acled_subtype for e in violent(x)] == ["Non-state actor overtakes territory"]


def test_suicide_bombers_killed_before_they_struck(pipeline: Pipeline) -> None:
    x = run(pipeline, "Soldiers killed two suicide bombers at a checkpoint outside Maiduguri on Monday.")
    assert violent(x) and all(e.acled_subtype != "Suicide bomb" for e in violent(x))
    assert all(w.mode != "aerial" for e in violent(x) for w in e.weapons)


def test_what_happened_outranks_what_was_wanted(pipeline: Pipeline) -> None:
    x = run(
        pipeline, "A militia surrendered to the army in Beni on Monday, saying it wanted to fight the rebels instead."
    )
    assert any(e.acled_subtype == "Agreement" for e in happened(x))


def test_brokered_truce_between_armed_groups_is_an_agreement(pipeline: Pipeline) -> None:
    x = run(pipeline, "Tribal elders brokered a truce between two rival militias in Zawiya on Sunday.")
    assert any(e.acled_subtype == "Agreement" for e in happened(x))


def test_brawl_between_party_supporters_is_mob_violence(pipeline: Pipeline) -> None:
    x = run(
        pipeline, "Supporters of the ruling party clashed with members of the opposition party in Lubumbashi on Monday."
    )
    assert [(e.acled_type, e.acled_subtype) for e in violent(x)] == [("Riots", "Mob violence")]


def test_clash_with_gunfire_stays_a_battle(pipeline: Pipeline) -> None:
    x = run(pipeline, "Members of two clans clashed and exchanged fire near Beledweyne on Monday, killing three.")
    assert [e.acled_subtype for e in violent(x)] == ["Armed clash"]


def test_blocking_a_numbered_road_to_demand_is_a_protest(pipeline: Pipeline) -> None:
    x = run(pipeline, "Factory workers blocked the N7 near Setif on Monday, demanding three months of unpaid wages.")
    assert [e.acled_subtype for e in happened(x) if e.acled_type] == ["Peaceful protest"]


def test_blocking_a_bill_is_no_protest(pipeline: Pipeline) -> None:
    x = run(pipeline, "The opposition blocked the budget bill in parliament on Monday, demanding new elections.")
    assert all(e.acled_type != "Protests" for e in happened(x))


def test_a_weather_warning_is_no_event(pipeline: Pipeline) -> None:
    """ "warned" once counted as the conflict word "war"; storms are no assault."""
    assert run(pipeline, "The weather service warned of storms in Jos on Monday.").events == ()


def test_a_curfew_is_a_change_to_group_activity(pipeline: Pipeline) -> None:
    x = run(pipeline, "The army imposed a dusk-to-dawn curfew on Kaduna on Monday.")
    assert any(e.acled_subtype == "Change to group/activity" for e in happened(x))


def test_a_victim_said_next_to_be_in_the_drug_trade_makes_gang_violence(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "Gunmen shot dead a man in Recife on Monday. Police said the victim had been "
        "arrested twice for drug trafficking.",
    )
    assert [e.acled_type for e in violent(x)] == ["Battles"]
    x = run(pipeline, "Gunmen shot dead a baker in Recife on Monday. Police said the killers were drug traffickers.")
    assert [e.acled_type for e in violent(x)] == ["Violence against civilians"]


def test_a_torched_warehouse_with_no_one_hurt_is_property_destruction(pipeline: Pipeline) -> None:
    x = run(pipeline, "Unknown attackers set fire to a grain warehouse in Kaduna on Monday. No one was hurt.")
    assert [(e.acled_type, e.acled_subtype) for e in happened(x) if e.acled_type] == [
        ("Strategic developments", "Looting/property destruction")
    ]


def test_palestinians_clashing_with_soldiers_is_a_riot(pipeline: Pipeline) -> None:
    x = run(
        pipeline, "Clashes broke out between Palestinians and Israeli soldiers at the entrance of Nablus on Monday."
    )
    assert [e.acled_type for e in violent(x)] == ["Riots"]


def test_gunmen_throwing_a_hand_grenade_is_a_grenade_attack(pipeline: Pipeline) -> None:
    x = run(pipeline, "Two gunmen threw a hand grenade at a police post in Garissa on Monday, wounding an officer.")
    assert [e.acled_subtype for e in violent(x)] == ["Grenade"]


def test_fighting_named_as_the_setting_leaves_the_sentence_to_its_own_event(pipeline: Pipeline) -> None:
    x = run(
        pipeline, "Rebel reinforcements arrived at the front near Kidal on Monday as battles continue in the region."
    )
    assert [e.acled_subtype for e in happened(x) if e.acled_type] == ["Change to group/activity"]
    x = run(pipeline, "Clashes continued between the army and rebels near Kidal on Monday.")
    assert [e.acled_subtype for e in happened(x) if e.acled_type] == ["Armed clash"]


def test_a_severed_head_found_is_an_attack_and_bursts_of_fire_are_fighting(pipeline: Pipeline) -> None:
    x = run(pipeline, "A severed head was found beside a highway near Uruapan on Monday with a written threat.")
    assert [e.acled_subtype for e in violent(x)] == ["Attack"]
    x = run(pipeline, "Monitors recorded 14 bursts of fire involving small arms near Avdiivka on Monday.")
    assert [e.acled_subtype for e in violent(x)] == ["Armed clash"]
    x = run(pipeline, "Monitors recorded 9 projectiles of unknown type near Avdiivka on Monday.")
    assert [e.acled_subtype for e in violent(x)] == ["Shelling/artillery/missile attack"]


def test_rioters_attack_tied_to_protests_in_the_next_sentence_is_a_violent_demonstration(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "Rioters hurled Molotov cocktails at a bank in Sidon on Monday. The attack is likely related to recent "
        "demonstrations against the banks.",
    )
    assert [e.acled_subtype for e in violent(x)] == ["Violent demonstration"]


def test_fire_answered_in_the_next_sentence_makes_a_clash(pipeline: Pipeline) -> None:
    x = run(
        pipeline, "Rebels fired mortar shells at army positions near Dilling on Monday. The army responded to the fire."
    )
    assert [e.acled_subtype for e in violent(x)][:1] == ["Armed clash"]
    x = run(pipeline, "Rebels fired mortar shells at army positions near Dilling on Monday. No one was hurt.")
    assert [e.acled_subtype for e in violent(x)] == ["Shelling/artillery/missile attack"]


def test_retired_soldiers_or_residents_gathering_to_voice_a_grievance_protest(pipeline: Pipeline) -> None:
    x = run(pipeline, "Retired soldiers gathered in front of parliament in Amman on Monday, demanding higher pensions.")
    assert [e.acled_subtype for e in happened(x) if e.acled_type] == ["Peaceful protest"]
    x = run(
        pipeline,
        "Dozens of residents gathered outside the town hall of Zarqa on Monday and voiced their rejection of "
        "a new landfill.",
    )
    assert [e.acled_subtype for e in happened(x) if e.acled_type] == ["Peaceful protest"]


def test_arsonists_and_petrol_bombs_thrown_at_shops_are_property_destruction(pipeline: Pipeline) -> None:
    x = run(pipeline, "Unknown arsonists set fire to a delivery van outside a depot in Patras on Monday.")
    assert [e.acled_subtype for e in happened(x) if e.acled_type] == ["Looting/property destruction"]
    x = run(pipeline, "Two men riding a motorcycle threw Molotov cocktails at a pharmacy in Patras on Monday night.")
    assert [e.acled_subtype for e in happened(x) if e.acled_type] == ["Looting/property destruction"]


def test_tear_gas_shells_are_no_shelling_and_police_fighting_vendors_is_a_riot(pipeline: Pipeline) -> None:
    x = run(pipeline, "Residents threw stones at the police in Rajkot on Monday and officers fired tear gas shells.")
    assert all(e.acled_subtype != "Shelling/artillery/missile attack" for e in happened(x))
    x = run(pipeline, "Police officers fought with street vendors at the central market of Mekelle on Monday.")
    assert [e.acled_type for e in violent(x)] == ["Riots"]


def test_assault_rifles_seized_during_an_operation_are_disrupted_weapons_use(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "Gendarmes seized 2,000 rounds of ammunition and four assault rifles found during military operations "
        "near Tunceli on Monday.",
    )
    assert [e.acled_subtype for e in happened(x) if e.acled_type] == ["Disrupted weapons use"]
    x = run(pipeline, "Police recovered a pistol and 30 live shells from a house in Imphal on Monday.")
    assert all(e.acled_subtype != "Shelling/artillery/missile attack" for e in happened(x))


def test_workers_setting_fire_to_tyres_is_a_violent_demonstration(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "Factory workers set fire to tyres outside the plant in Rosario on Monday after being told it would close.",
    )
    assert [(e.acled_type, e.acled_subtype) for e in violent(x)] == [("Riots", "Violent demonstration")]


def test_the_force_whose_raid_an_event_happened_in_did_it(pipeline: Pipeline) -> None:
    x = run(pipeline, "A drug suspect was killed during a police raid in Cabanatuan on Friday.")
    events = violent(x)
    assert events and all("Police" in " ".join(names(e.actors)) and not e.recipients for e in events)
    assert {e.acled_type for e in events} == {"Violence against civilians"}
    x = run(pipeline, "Two militants were killed in an army operation near Kidal on Friday.")
    assert any("Military Forces" in " ".join(names(e.actors)) and e.acled_type == "Battles" for e in violent(x))


def test_an_arrest_retold_of_someone_in_a_relative_clause_is_no_event(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "On Monday, about a hundred supporters of the former mayor, who had been arrested in June on charges "
        "of fraud, gathered in Gyumri. Protestors demanded his release from custody.",
    )
    assert [(e.acled_type, e.acled_subtype) for e in happened(x) if e.kind != "verbal"] == [
        ("Protests", "Peaceful protest")
    ]


def test_mobilising_because_of_clashes_is_the_event_not_the_clashes(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "The government declared martial law in Yerevan on Sunday due to the start of massive clashes along the border.",
    )
    assert {e.acled_subtype for e in happened(x) if e.kind != "verbal"} == {"Change to group/activity"}


def test_violence_told_of_the_person_a_rally_stands_with_leaves_it_peaceful(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "On Monday a rally was held in Yerevan in solidarity with a student, who said she was "
        "detained and assaulted at a police station.",
    )
    assert [(e.acled_type, e.acled_subtype) for e in happened(x) if e.kind != "verbal"] == [
        ("Protests", "Peaceful protest")
    ]


def test_demonstrators_breaking_into_a_residence_riot(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "On Monday about 15 demonstrators broke into the residence of the governor in Vagharshapat, "
        "demanding his resignation.",
    )
    assert ("Riots", "Violent demonstration") in [(e.acled_type, e.acled_subtype) for e in happened(x)]


def test_a_journalist_attacked_while_covering_a_protest_is_an_attack(pipeline: Pipeline) -> None:
    x = run(
        pipeline, "On Monday in Yerevan a man attacked a journalist covering a protest, and she was taken to hospital."
    )
    assert [(e.acled_type, e.acled_subtype) for e in violent(x)] == [("Violence against civilians", "Attack")]


def test_a_killing_told_of_someone_a_protest_is_for_is_no_lethal_force(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "On Monday relatives of a constable who was shot dead by mistake held a protest outside the hospital "
        "in Jodhpur, demanding an investigation.",
    )
    assert ("Protests", "Peaceful protest") in [(e.acled_type, e.acled_subtype) for e in happened(x)]
    x = run(
        pipeline, "On Monday police shot dead two protesters during a demonstration outside the hospital in Jodhpur."
    )
    assert ("Protests", "Excessive force against protesters") in [(e.acled_type, e.acled_subtype) for e in happened(x)]


def test_fighting_that_drove_people_from_their_homes_is_the_setting_of_the_displacement(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "On Monday fighting between the army and the rebels forced over 400 villagers to flee their village near Kidal.",
    )
    assert {(e.acled_type, e.acled_subtype) for e in happened(x) if e.kind != "verbal"} == {
        ("Strategic developments", "Other")
    }
    x = run(pipeline, "On Monday fighting between the army and the rebels killed 12 soldiers near Kidal.")
    assert any(e.acled_type == "Battles" for e in happened(x))


def test_an_event_with_no_place_in_its_sentence_takes_the_town_named_just_before(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "Soldiers chased a group of bandits in the town of Kidal on Sunday, after they stole a truck. "
        "The truck was found later, but the bandits opened fire and wounded a soldier.",
    )
    fire = [e for e in happened(x) if e.trigger.text == "opened fire"]
    assert fire and fire[0].place is not None and fire[0].place.name == "Kidal"
    assert any("place named just before" in r for r in fire[0].reasons)


def test_villagers_assaulting_a_man_are_an_event_with_no_weapon_or_armed_group(pipeline: Pipeline) -> None:
    x = run(pipeline, "On Friday, villagers assaulted a shopkeeper in the town of Kidal over the price of rice.")
    found = [e for e in happened(x) if e.trigger.text == "assaulted"]
    assert found and found[0].acled_type == "Riots"


def test_a_place_inside_a_building_name_or_made_a_doer_still_places_the_event(pipeline: Pipeline) -> None:
    x = run(pipeline, "On Friday, residents held a protest at the steps of the Court of Justice in Sofia.")
    protests = [e for e in happened(x) if e.acled_type == "Protests"]
    assert protests and protests[0].place is not None and protests[0].place.name == "Sofia"
    x = run(pipeline, "On 28 April, Carora, Lara state, bus drivers protested to demand fuel.")
    protests = [e for e in happened(x) if e.acled_type == "Protests"]
    assert protests and protests[0].place is not None and protests[0].place.name == "Carora"


def test_a_town_after_a_bearing_only_locates_the_place_before_it(pipeline: Pipeline) -> None:
    x = run(pipeline, "On Monday, artillery shelled Jarabulus, 30 km east of Manbij, in the morning.")
    shelled = [e for e in happened(x) if e.acled_type == "Explosions/Remote violence"]
    assert shelled and {e.place.name for e in shelled if e.place} == {"Jarābulus"}


def test_a_quarter_named_like_a_far_town_is_no_second_place(pipeline: Pipeline) -> None:
    x = run(
        pipeline,
        "On Monday, in Timoteo, Minas Gerais, a man was found dead in the Primavera neighbourhood. "
        "Police arrested three men.",
    )
    placed = {e.place.name for e in happened(x) if e.place is not None}
    assert "Timóteo" in placed and not any(p.startswith("Primavera") for p in placed)


def test_a_protest_against_rape_is_a_protest_not_sexual_violence(pipeline: Pipeline) -> None:
    x = run(
        pipeline, "On Tuesday, fifty groups held a sit-in in Nouakchott, demanding a law punishing all forms of rape."
    )
    typed = {e.acled_type for e in happened(x) if e.acled_type}
    assert "Protests" in typed and "Violence against civilians" not in typed


@pytest.mark.parametrize(
    "text",
    [
        "A strong earthquake struck the island on Monday, killing eight people, officials said.",
        "A fire broke out at a textile warehouse in the port on Monday, killing three workers.",
        "A gas explosion destroyed a block of flats in the city centre on Monday, officials said.",
        "The government targeted ten officials with sanctions on Monday over the disputed vote.",
    ],
)
def test_disasters_accidents_and_sanctions_are_not_conflict_events(pipeline: Pipeline, text: str) -> None:
    """An official who only speaks does not make a disaster a conflict event."""
    x = Pipeline(resources=pipeline.resources, first_look=False)(make_document(text, published="2024-03-05"))
    assert not [e for e in x.events if e.happened and e.acled_type], [e.acled_subtype for e in x.events]


def test_a_depot_destroyed_by_warplanes_stays_an_air_strike(pipeline: Pipeline) -> None:
    x = run(pipeline, "Warplanes destroyed an ammunition depot of the rebels near the town on Monday.")
    assert [e.acled_subtype for e in x.events if e.happened][:1] == ["Air/drone strike"]
