from __future__ import annotations

from dataclasses import replace

import pytest

from sitrep.model import Actor, Evidence, Trigger, Weapon
from sitrep.resolve.event_types import classify

EV = Evidence(start=0, end=1, text="x", stage="test")


def actor(name: str, sector: str, inter: int | None) -> Actor:
    return Actor(name=name, country="SYR", sector=sector, acled_name=None, inter=inter, evidence=EV)


def trig(family: str, kind: str = "violent", plover: str = "ASSAULT") -> Trigger:
    return Trigger(lemma=family, family=family, kind=kind, plover=plover)


def weapon(name: str, mode: str) -> Weapon:
    return Weapon(name=name, mode=mode, evidence=EV)


def typed(t: Trigger, **kw):  # type: ignore[no-untyped-def]
    args = {"weapons": (), "actors": (), "recipients": (), "sentence": "", "killed": False}
    args.update(kw)
    return classify(t, **args)


def test_shelling_is_remote_violence() -> None:
    out = typed(trig("shelling"))
    assert (out.acled_type, out.acled_subtype) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_generic_attack_with_drones_is_an_air_or_drone_strike() -> None:
    out = typed(trig("attack"), weapons=(weapon("drone", "drone"),))
    assert out.acled_subtype == "Air/drone strike"
    assert "drone" in out.modes


def test_attack_with_ied_is_remote_explosive() -> None:
    out = typed(trig("attack"), weapons=(weapon("ied", "explosives"),))
    assert out.acled_subtype == "Remote explosive/landmine/IED"


def test_two_armed_sides_fight_a_battle() -> None:
    out = typed(trig("attack"), actors=(actor("Army", "MIL", 1),), recipients=(actor("Rebels", "REB", 2),))
    assert (out.acled_type, out.acled_subtype) == ("Battles", "Armed clash")


def test_gunmen_against_villagers_is_violence_against_civilians() -> None:
    out = typed(trig("attack"), actors=(actor("Gunmen", "UAF", 3),), recipients=(actor("Villagers", "CVL", 7),))
    assert (out.acled_type, out.acled_subtype) == ("Violence against civilians", "Attack")


def test_protest_subtypes_follow_the_force_used() -> None:
    assert (
        typed(trig("protest", "material", "PROTEST"), sentence="People marched peacefully.").acled_subtype
        == "Peaceful protest"
    )
    assert (
        typed(trig("protest", "material", "PROTEST"), sentence="Police fired tear gas to disperse them.").acled_subtype
        == "Protest with intervention"
    )
    assert (
        typed(trig("protest", "material", "PROTEST"), sentence="Security forces used live ammunition.").acled_subtype
        == "Excessive force against protesters"
    )
    assert (
        typed(trig("protest", "material", "PROTEST"), sentence="Protesters threw stones at police.").acled_type
        == "Riots"
    )


def test_verbal_events_have_no_acled_type() -> None:
    out = typed(trig("accuse", "verbal", "ACCUSE"))
    assert out.acled_type is None and out.kind == "verbal"


def test_capture_by_government_versus_by_rebels() -> None:
    town = "They captured the town after a day of fighting."
    assert (
        typed(trig("capture"), actors=(actor("Army", "MIL", 1),), sentence=town).acled_subtype
        == "Government regains territory"
    )
    assert (
        typed(trig("capture"), actors=(actor("Rebels", "REB", 2),), sentence=town).acled_subtype
        == "Non-state actor overtakes territory"
    )


def test_capture_with_no_ground_named_is_fighting() -> None:
    out = typed(trig("capture"), actors=(actor("Army", "MIL", 1),), sentence="The army captured three rebels.")
    assert (out.acled_type, out.acled_subtype) == ("Battles", "Armed clash") and out.reason


def test_small_arms_fired_at_army_positions_is_a_clash_even_with_mortars() -> None:
    sentence = "Rebel units fired rifles, machine guns and mortars at army positions near the village."
    out = typed(
        trig("attack"),
        weapons=(weapon("firearm", "firearms"), weapon("artillery", "heavy-weapons")),
        actors=(actor("Rebels", "REB", 2),),
        sentence=sentence,
    )
    assert (out.acled_type, out.acled_subtype) == ("Battles", "Armed clash")


def test_mainly_heavy_weapons_stay_shelling() -> None:
    sentence = "Troops fired mainly heavy artillery, including some machine guns, at the border posts."
    out = typed(
        trig("attack"),
        weapons=(weapon("artillery", "heavy-weapons"), weapon("firearm", "firearms")),
        actors=(actor("Army", "MIL", 1),),
        sentence=sentence,
    )
    assert out.acled_subtype == "Shelling/artillery/missile attack"


def test_grenade_launcher_is_not_a_thrown_grenade() -> None:
    thrown = typed(
        trig("attack"), weapons=(weapon("grenade", "explosives"),), sentence="A man threw a grenade into the shop."
    )
    launched = typed(
        trig("attack"),
        weapons=(weapon("grenade", "explosives"),),
        sentence="Militia fired grenade launchers at the checkpoint.",
    )
    assert thrown.acled_subtype == "Grenade"
    assert launched.acled_subtype != "Grenade"


def test_exchange_of_artillery_fire_is_a_battle() -> None:
    out = typed(trig("shelling"), sentence="The two armies exchanged artillery fire along the front overnight.")
    assert (out.acled_type, out.acled_subtype) == ("Battles", "Armed clash")


def test_killing_a_soldier_is_a_battle_and_killing_a_farmer_is_not() -> None:
    kill = Trigger(lemma="kill", family="attack", kind="violent", plover="ASSAULT")
    militants = Actor(
        name="Militants",
        country="SYR",
        sector="REB",
        acled_name=None,
        inter=2,
        evidence=Evidence(start=0, end=9, text="Militants", stage="test"),
    )
    soldier = typed(kill, actors=(militants,), sentence="Militants killed a soldier at a checkpoint.")
    farmer = typed(kill, actors=(militants,), sentence="Militants killed a farmer in his field.")
    assert soldier.acled_type == "Battles"
    assert (farmer.acled_type, farmer.acled_subtype) == ("Violence against civilians", "Attack")


def test_a_mob_beating_someone_is_mob_violence() -> None:
    out = typed(trig("beat"), sentence="An angry mob beat a suspected thief in the market.")
    assert (out.acled_type, out.acled_subtype) == ("Riots", "Mob violence")


def test_burning_tyres_over_a_grievance_is_a_violent_demonstration() -> None:
    out = typed(trig("riot"), sentence="Residents burned tyres on the main road, denouncing the water cuts.")
    assert (out.acled_type, out.acled_subtype) == ("Riots", "Violent demonstration")


def test_a_protest_against_an_arrest_is_still_peaceful() -> None:
    out = typed(trig("protest", "material", "PROTEST"), sentence="Lawyers rallied against the arrest of a colleague.")
    assert out.acled_subtype == "Peaceful protest"


def test_a_death_being_protested_is_not_excessive_force() -> None:
    out = typed(
        trig("protest", "material", "PROTEST"),
        sentence="Relatives marched over the death of a boy who drowned.",
        killed=True,
    )
    assert out.acled_subtype == "Peaceful protest"


def test_heavy_machine_guns_alone_are_stand_off_fire() -> None:
    gun = Weapon(
        name="firearm", mode="firearms", evidence=Evidence(start=0, end=19, text="heavy machine guns", stage="test")
    )
    sentence = "Rebels fired heavy machine guns at army positions near the village."
    out = typed(trig("attack"), weapons=(gun,), sentence=sentence)
    assert (out.acled_type, out.acled_subtype) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_small_arms_with_mortars_at_positions_is_a_clash() -> None:
    mortar = weapon("artillery", "heavy-weapons")
    rifles = Weapon(
        name="firearm", mode="firearms", evidence=Evidence(start=0, end=10, text="small arms", stage="test")
    )
    sentence = "Rebels fired mortars and small arms at army positions."
    out = typed(trig("shelling"), weapons=(mortar, rifles), sentence=sentence)
    assert (out.acled_type, out.acled_subtype) == ("Battles", "Armed clash")


def test_shelling_during_clashes_is_a_clash() -> None:
    sentence = "Clashes broke out between the army and rebels amid heavy shelling of the front."
    out = typed(trig("shelling"), weapons=(weapon("artillery", "heavy-weapons"),), sentence=sentence)
    assert out.acled_subtype == "Armed clash"


def test_shelling_of_a_market_stays_remote_violence() -> None:
    out = typed(trig("shelling"), sentence="Artillery shelled the central market, wounding two women.")
    assert out.acled_subtype == "Shelling/artillery/missile attack"


def test_a_defused_device_is_disrupted_weapons_use() -> None:
    out = typed(
        trig("explosion"),
        weapons=(weapon("ied", "explosives"),),
        sentence="Engineers defused a bomb left near the bridge.",
    )
    assert (out.acled_type, out.acled_subtype) == ("Strategic developments", "Disrupted weapons use")


def test_seized_weapons_are_disrupted_and_seized_goods_are_property() -> None:
    arms = Trigger(lemma="seize", family="loot", kind="material", plover="ASSAULT")
    out = typed(arms, sentence="Police seized rifles and ammunition from a farmhouse.")
    assert out.acled_subtype == "Disrupted weapons use"
    goods = typed(arms, sentence="Soldiers seized cattle and grain from the villagers.")
    assert goods.acled_subtype == "Looting/property destruction"


def test_an_armed_groups_stores_seized_are_disrupted_weapons_use() -> None:
    seize = Trigger(lemma="seize", family="loot", kind="material", plover="ASSAULT")
    out = typed(seize, sentence="Troops seized a stash of chemicals left by the insurgents in a cellar.")
    assert out.acled_subtype == "Disrupted weapons use"
    drugs = typed(seize, sentence="Gunmen seized a stash of drugs and cash from the dealers.")
    assert drugs.acled_subtype == "Looting/property destruction"


def test_landmines_cleared_and_destroyed_are_disrupted_weapons_use() -> None:
    destroy = Trigger(lemma="destroy", family="loot", kind="material", plover="ASSAULT")
    out = typed(destroy, sentence="Deminers cleared some 400 landmines from the farmland and destroyed them.")
    assert out.acled_subtype == "Disrupted weapons use"


def test_a_body_found_with_signs_of_violence_is_an_attack() -> None:
    out = typed(trig("body"), sentence="A man was found dead with gunshot wounds.")
    assert (out.acled_type, out.acled_subtype) == ("Violence against civilians", "Attack")
    assert out.reason


def test_stones_in_the_grievance_do_not_make_a_riot(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hundreds rallied outside the court against the detention of two men accused of throwing stones at a bank."
    span = next(iter(nlp(text).sents))
    protest = Trigger(lemma="rally", family="protest", kind="material", plover="PROTEST")
    out = typed(protest, sentence=span.text, context=span)
    assert out.acled_subtype == "Peaceful protest"
    violent = "Hundreds rallied outside the court and threw stones at the police."
    span2 = next(iter(nlp(violent).sents))
    assert typed(protest, sentence=span2.text, context=span2).acled_type == "Riots"


def test_the_detained_leader_is_not_an_intervention(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Supporters of the detained mayor held a rally demanding his release."
    span = next(iter(nlp(text).sents))
    protest = Trigger(lemma="rally", family="protest", kind="material", plover="PROTEST")
    assert typed(protest, sentence=span.text, context=span).acled_subtype == "Peaceful protest"
    told = "Police detained ten people at a rally in the square."
    span2 = next(iter(nlp(told).sents))
    assert typed(protest, sentence=span2.text, context=span2).acled_subtype == "Protest with intervention"


def test_agreement_family_is_a_strategic_agreement() -> None:
    out = typed(trig("pact", "material", "AGREE"))
    assert (out.acled_type, out.acled_subtype) == ("Strategic developments", "Agreement")


def test_other_family_is_strategic_other() -> None:
    out = typed(trig("other", "material", "MOBILIZE"))
    assert (out.acled_type, out.acled_subtype) == ("Strategic developments", "Other")


def test_warning_shots_in_the_air_are_other_not_an_attack() -> None:
    out = typed(trig("attack"), sentence="Guards fired warning shots in the air near the river.")
    assert out.acled_subtype == "Other"
    hit = typed(trig("attack"), sentence="Guards fired warning shots and then shot dead a smuggler.", killed=True)
    assert hit.acled_subtype != "Other"


def test_rape_named_in_an_attack_makes_sexual_violence() -> None:
    out = typed(trig("attack"), sentence="Gunmen attacked the hamlet and raped three women.")
    assert (out.acled_type, out.acled_subtype) == ("Violence against civilians", "Sexual violence")


def test_crowd_fighting_police_is_a_riot_and_a_demonstration_when_it_voices_a_grievance() -> None:
    out = typed(
        trig("clash"),
        sentence="Hundreds of residents clashed with the police at the factory gate, demanding unpaid wages.",
    )
    assert (out.acled_type, out.acled_subtype) == ("Riots", "Violent demonstration")
    out = typed(
        trig("clash"), sentence="Street vendors clashed with municipal police officers enforcing the market closure."
    )
    assert (out.acled_type, out.acled_subtype) == ("Riots", "Mob violence")
    army = typed(trig("clash"), sentence="The army clashed with the rebels near the bridge.")
    assert army.acled_type == "Battles"


def test_fire_across_a_ceasefire_line_is_a_clash() -> None:
    out = typed(
        trig("attack"),
        actors=(actor("Army", "MIL", 1),),
        sentence="The army violated the ceasefire and fired on the hill village.",
    )
    assert (out.acled_type, out.acled_subtype) == ("Battles", "Armed clash")


def test_lethal_force_words_include_opening_fire_on_protesters() -> None:
    out = typed(
        trig("protest", "material", "PROTEST"), sentence="Guards dispersed the march, opening fire on the protesters."
    )
    assert out.acled_subtype == "Excessive force against protesters"


def test_forces_storming_a_march_do_not_make_it_a_riot() -> None:
    out = typed(
        trig("protest", "material", "PROTEST"),
        sentence="Soldiers stormed the village and broke up the march with tear gas.",
    )
    assert (out.acled_type, out.acled_subtype) == ("Protests", "Protest with intervention")


def test_a_government_official_shot_is_violence_against_civilians() -> None:
    official = replace(actor("Government of Haiti", "GOV", 1), country="HTI")
    out = typed(
        trig("attack"),
        actors=(actor("Gunmen", "UAF", 3),),
        recipients=(official,),
        sentence="Gunmen shot dead a government employee in Port-au-Prince.",
    )
    assert out.acled_subtype == "Attack"
    regime = replace(official, loaded=True)
    out = typed(
        trig("attack"),
        actors=(actor("Gunmen", "UAF", 3),),
        recipients=(regime,),
        sentence="Gunmen shot dead a regime officer in Daraa.",
    )
    assert out.acled_subtype == "Armed clash"


def test_an_attack_on_things_alone_is_property_destruction() -> None:
    masked = replace(actor("Unidentified Armed Group", "UAF", 3), evidence=replace(EV, text="Masked men"))
    gunmen = (replace(masked, evidence=replace(EV, text="Gunmen")), masked)
    for sentence in (
        "Masked men set fire to a warehouse of the port authority overnight; the blaze caused material damage.",
        "Gunmen attacked and wrecked a telecom mast outside the town. No one was hurt.",
        "Gunmen raided two shops, carrying away food and fuel.",
    ):
        out = typed(trig("attack"), actors=gunmen, sentence=sentence)
        assert (out.acled_type, out.acled_subtype) == ("Strategic developments", "Looting/property destruction"), (
            sentence
        )


def test_property_attacks_that_touch_people_stay_violence() -> None:
    gunmen = (actor("Unidentified Armed Group", "UAF", 3),)
    for sentence, killed in (
        ("Gunmen torched a bus, injuring four passengers.", False),
        ("Gunmen set fire to houses and shot the owner.", False),
        ("Fighters attacked the hamlet and burnt twenty huts.", False),
        ("Gunmen burnt a market stall.", True),
    ):
        out = typed(trig("attack"), actors=gunmen, sentence=sentence, killed=killed)
        assert out.acled_subtype != "Looting/property destruction", sentence


def test_a_mob_burning_a_house_is_a_riot_and_a_bomb_damaging_a_shop_an_explosion() -> None:
    out = typed(trig("attack"), sentence="An angry mob attacked and burnt the chief's house.")
    assert out.acled_type == "Riots"
    out = typed(
        trig("explosion"),
        weapons=(weapon("explosive device", "explosives"),),
        sentence="An explosive device went off outside a bank, damaging its front. No casualties were reported.",
    )
    assert out.acled_type == "Explosions/Remote violence"


def test_a_people_clashing_with_the_forces_is_a_riot_but_fighters_make_a_battle() -> None:
    police = (replace(actor("Police Forces of Ruritania", "COP", 1), evidence=replace(EV, text="Ruritanian police")),)
    out = typed(
        trig("clash"),
        recipients=police,
        sentence="Scuffles turned into a clash between Borduvian nationals and Ruritanian police at the crossing.",
    )
    assert out.acled_type == "Riots"
    out = typed(
        trig("clash"),
        recipients=police,
        sentence="A clash between Borduvian gunmen and Ruritanian police left the crossing closed.",
    )
    assert out.acled_type == "Battles"
    out = typed(
        trig("clash"),
        recipients=police,
        weapons=(weapon("firearm", "firearms"),),
        sentence="A clash between Borduvians and Ruritanian police left the crossing closed.",
    )
    assert out.acled_type == "Battles"


def test_a_village_brawl_with_sticks_and_axes_is_still_a_riot() -> None:
    out = typed(
        trig("clash"),
        weapons=(weapon("bladed or blunt weapon", "primitive"),),
        sentence="Two groups of villagers clashed over a field boundary, attacking each other with sticks and axes.",
    )
    assert out.acled_type == "Riots"


def test_a_shot_drug_dealer_is_gang_violence() -> None:
    out = typed(trig("attack"), sentence="Armed men attacked an alleged drug dealer outside a bar.")
    assert out.acled_subtype == "Armed clash"
    out = typed(trig("attack"), sentence="Armed men attacked a street vendor outside a bar.")
    assert out.acled_type == "Violence against civilians"


def test_an_armed_group_handing_out_food_is_a_change_to_its_activity_but_an_agency_doing_so_is_aid() -> None:
    cartel = (actor("Sinaloa Cartel", "CRM", 3),)
    aid = Trigger(lemma="food parcel", family="aid", kind="material", plover="AID")
    out = typed(aid, actors=cartel, sentence="Cartel members handed out food parcels in the hills.")
    assert (out.acled_type, out.acled_subtype) == ("Strategic developments", "Change to group/activity")
    agency = (actor("World Food Programme", "NGO", None),)
    out = typed(aid, actors=agency, sentence="The agency handed out food parcels in the camp.")
    assert (out.plover, out.acled_type) == ("AID", None)


def test_a_lockdown_by_the_authorities_is_a_change_to_group_activity() -> None:
    measures = Trigger(lemma="lockdown", family="measures", kind="material", plover="MOBILIZE")
    out = typed(measures, sentence="The provincial authorities imposed a lockdown on the port city.")
    assert out.acled_subtype == "Change to group/activity"
    out = typed(measures, sentence="Shoppers rushed to the stores before the lockdown.")
    assert out.acled_type is None


def test_people_shot_by_gang_members_stay_victims() -> None:
    gang = (replace(actor("Unidentified Gang", "CRM", 3), evidence=replace(EV, text="members of a gang")),)
    out = typed(
        trig("attack"), actors=gang, sentence="Two bakers were shot and injured by members of a gang near the market."
    )
    assert out.acled_type == "Violence against civilians"
    from sitrep.resolve.event_typing.parties import without_doers as _without_doers

    assert "gang" not in _without_doers("Two bakers were shot by rival gang members.")
    assert "gang" in _without_doers("Gunmen shot two gang members.")


def test_an_off_duty_officer_shot_is_a_civilian_victim() -> None:
    police = (actor("Police Forces of Ruritania", "COP", 1),)
    out = typed(
        trig("attack"),
        recipients=police,
        weapons=(weapon("firearm", "firearms"),),
        sentence="Gunmen shot an off-duty police officer outside his home.",
    )
    assert out.acled_type == "Violence against civilians"
    out = typed(
        trig("attack"),
        recipients=police,
        weapons=(weapon("firearm", "firearms"),),
        sentence="Gunmen shot a police officer at a checkpoint.",
    )
    assert out.acled_type == "Battles"


def test_torture_in_custody_is_violence_against_civilians() -> None:
    out = typed(trig("beat"), sentence="A former fighter died under torture in a military prison after his arrest.")
    assert out.acled_type == "Violence against civilians"


def test_a_counted_group_of_people_attacking_is_mob_violence_but_armed_men_are_not() -> None:
    out = typed(trig("attack"), sentence="About 20 young men attacked two shop owners in the old town.")
    assert (out.acled_type, out.acled_subtype) == ("Riots", "Mob violence")
    out = typed(trig("attack"), sentence="About 20 armed men attacked two shop owners in the old town.")
    assert out.acled_type == "Violence against civilians"


def test_an_officer_only_perhaps_off_duty_stays_armed() -> None:
    police = (actor("Police Forces of Ruritania", "COP", 1),)
    out = typed(
        trig("attack"),
        recipients=police,
        weapons=(weapon("firearm", "firearms"),),
        sentence="Gunmen shot a policeman in the market; it is unclear whether he was off duty.",
    )
    assert out.acled_type == "Battles"


def test_a_kidnapping_that_ends_in_a_killing_is_coded_as_the_killing() -> None:
    abduct = Trigger(lemma="kidnap", family="abduct", kind="violent", plover="ASSAULT")
    out = typed(abduct, sentence="Gunmen kidnapped two traders on the road and later killed them.")
    assert (out.acled_type, out.acled_subtype) == ("Violence against civilians", "Attack")
    out = typed(abduct, sentence="Gunmen kidnapped two traders on the road to the market.")
    assert out.acled_subtype == "Abduction/forced disappearance"


def test_a_sit_in_behind_closed_doors_and_people_attacked_at_a_rally_are_no_riot() -> None:
    protest = Trigger(lemma="protest", family="protest", kind="material", plover="PROTEST")
    out = typed(protest, sentence="Nurses barricaded themselves inside the health office to protest unpaid wages.")
    assert out.acled_type == "Protests"
    out = typed(protest, sentence="At the rally in the square, two protesters were attacked by a man with a knife.")
    assert out.acled_type == "Protests"


def test_heavy_guns_fired_at_an_area_are_shelling_unless_fire_is_exchanged() -> None:
    rifles = (weapon("heavy machine gun", "firearms"), weapon("sniper rifle", "firearms"))
    out = typed(
        trig("attack"),
        weapons=rifles,
        sentence="Rebels fired 14.5mm machine guns and sniper rifles at farms east of the town; no one was hurt.",
    )
    assert out.acled_subtype == "Shelling/artillery/missile attack"
    out = typed(
        trig("attack"),
        weapons=rifles,
        sentence="Rebels and soldiers exchanged fire with 14.5mm machine guns near farms east of the town.",
    )
    assert out.acled_subtype == "Armed clash"


def test_a_drug_lab_dismantled_is_property_destruction_and_a_bomb_defused_disrupts_weapons() -> None:
    disrupt = Trigger(lemma="dismantle", family="disrupt", kind="material", plover="COERCE")
    out = typed(disrupt, sentence="Federal agents dismantled a methamphetamine lab on a farm outside the city.")
    assert out.acled_subtype == "Looting/property destruction"
    out = typed(disrupt, sentence="Army engineers dismantled a roadside bomb near the bridge.")
    assert out.acled_subtype == "Disrupted weapons use"


def test_a_crowd_blocking_a_road_that_fights_the_police_is_a_violent_demonstration() -> None:
    out = typed(trig("clash"), sentence="Villagers who blocked the road to the quarry clashed with the police.")
    assert out.acled_subtype == "Violent demonstration"


def test_a_fighters_body_found_is_a_clash_but_a_mans_shot_by_gunmen_an_attack() -> None:
    body = Trigger(lemma="body of", family="body", kind="violent", plover="ASSAULT")
    out = typed(body, sentence="The bodies of two militia fighters were found by the river, shot by unknown gunmen.")
    assert out.acled_subtype == "Armed clash"
    out = typed(body, sentence="The body of a man was found by the river, shot by unknown gunmen.")
    assert out.acled_subtype == "Attack"


def test_a_victim_in_a_gang_or_a_named_gang_member_makes_gang_violence() -> None:
    out = typed(trig("attack"), sentence="Gunmen shot and wounded an alleged member of Los Tigres outside a bar.")
    assert out.acled_subtype == "Armed clash"


def test_an_attack_on_an_international_mission_is_a_battle() -> None:
    mission = (replace(actor("African Union", "GOV", 8), evidence=replace(EV, text="peacekeepers")),)
    out = typed(
        trig("attack"),
        recipients=mission,
        weapons=(weapon("firearm", "firearms"),),
        sentence="Militants attacked a convoy of peacekeepers near the town.",
    )
    assert out.acled_type == "Battles"


def test_unarmed_people_attacking_the_police_is_mob_violence_not_a_battle() -> None:
    police = (replace(actor("Police Forces", "COP", 1), evidence=replace(EV, text="police officers")),)
    out = typed(
        trig("attack"),
        recipients=police,
        sentence="Palestinians attacked two police officers who had come to arrest a neighbour.",
    )
    assert (out.acled_type, out.acled_subtype, out.reason) == (
        "Riots",
        "Mob violence",
        "unarmed people attacked the security forces",
    )
    out = typed(
        trig("beat"), recipients=police, sentence="Two police officers were beaten by three persons at the market."
    )
    assert out.acled_type == "Riots"
    rioters = (replace(actor("Rioters", "CVL", 5), evidence=replace(EV, text="a mob")),)
    out = typed(
        trig("attack"),
        actors=rioters,
        recipients=police,
        sentence="Two police officers were hurt in an attack by a mob at the station.",
    )
    assert out.acled_type == "Riots"


def test_armed_or_named_doers_or_gunfire_against_the_police_stay_a_battle() -> None:
    police = (replace(actor("Police Forces", "COP", 1), evidence=replace(EV, text="police officers")),)
    for sentence in (
        "Members of Los Rojos attacked two police officers near the market.",
        "Unknown persons attacked two police officers near the market.",
        "Palestinians attacked two police officers, and shots were heard.",
    ):
        out = typed(trig("attack"), recipients=police, sentence=sentence)
        assert out.acled_type == "Battles", sentence
    out = typed(
        trig("attack"),
        recipients=police,
        weapons=(weapon("rifle", "firearms"),),
        sentence="Several young men attacked two police officers with rifles.",
    )
    assert out.acled_type == "Battles"


def test_a_crowd_burning_tyres_or_barricades_is_a_violent_demonstration() -> None:
    loot = Trigger(lemma="set on fire", family="loot", kind="material", plover="ASSAULT")
    out = typed(loot, sentence="Residents set on fire barricades across the main road of the district.")
    assert (out.acled_type, out.acled_subtype) == ("Riots", "Violent demonstration")
    out = typed(loot, sentence="Inmates burned their mattresses, demanding visits from their families.")
    assert out.acled_subtype == "Violent demonstration"
    out = typed(loot, sentence="Militants burned down houses in the village.")
    assert out.acled_subtype == "Looting/property destruction"


def test_a_crowd_that_burns_people_to_death_is_mob_violence() -> None:
    loot = Trigger(lemma="set alight", family="loot", kind="material", plover="ASSAULT")
    out = typed(loot, sentence="A crowd set alight two men accused of theft; two fatalities were reported.")
    assert (out.acled_type, out.acled_subtype) == ("Riots", "Mob violence")


def test_soldiers_demonstrating_by_firing_into_the_air_riot_but_police_dispersing_do_not() -> None:
    protest = Trigger(lemma="demonstration", family="protest", kind="material", plover="PROTEST")
    out = typed(
        protest,
        sentence="Soldiers staged a demonstration at their camp and fired shots into the air, demanding their pay.",
    )
    assert out.acled_subtype == "Violent demonstration"
    out = typed(
        protest,
        sentence="Hundreds held a demonstration in the square before police fired into the air to disperse them.",
    )
    assert out.acled_type == "Protests"


def test_a_grenade_answered_with_gunfire_is_a_clash() -> None:
    out = typed(
        trig("explosion"),
        weapons=(weapon("grenade", "explosives"),),
        sentence="Militants threw a grenade at soldiers at the checkpoint; the soldiers opened fire in response.",
    )
    assert (out.acled_type, out.reason) == ("Battles", "fire exchanged both ways: coded as a clash")
    out = typed(
        trig("explosion"),
        weapons=(weapon("grenade", "explosives"),),
        sentence="Militants threw a grenade at soldiers at the checkpoint.",
    )
    assert out.acled_type == "Explosions/Remote violence"


def test_animals_killed_or_an_owner_named_leave_an_attack_on_property_alone() -> None:
    soldiers = (replace(actor("Military Forces", "MIL", 1), evidence=replace(EV, text="Soldiers")),)
    out = typed(
        trig("attack"),
        actors=soldiers,
        sentence="Soldiers set fire to the houses of a local farmer and several goats were killed.",
    )
    assert out.acled_subtype == "Looting/property destruction"
    out = typed(trig("attack"), actors=soldiers, sentence="Soldiers set fire to the houses and a farmer was killed.")
    assert out.acled_type == "Violence against civilians"


def test_armed_people_attacked_are_armed() -> None:
    out = typed(trig("attack"), sentence="Troops attacked a group of armed people on the road to the border.")
    assert out.acled_type == "Battles"


def test_something_destroyed_by_a_weapon_of_remote_violence_is_coded_by_the_weapon() -> None:
    destroy = Trigger(lemma="destroy", family="loot", kind="material", plover="ASSAULT")
    artillery = (replace(weapon("artillery", "heavy-weapons"), evidence=replace(EV, text="artillery")),)
    out = typed(
        destroy, weapons=artillery, sentence="Two rocket launchers of the army were destroyed by enemy artillery."
    )
    assert out.acled_subtype == "Shelling/artillery/missile attack"
    tanks = (replace(weapon("tank", "heavy-weapons"), evidence=replace(EV, text="tanks")),)
    out = typed(destroy, weapons=tanks, sentence="Soldiers destroyed three tanks abandoned by the rebels.")
    assert out.acled_subtype == "Looting/property destruction"


@pytest.mark.parametrize(
    ("lemma", "sentence", "subtype"),
    [
        ("withdraw", "The government said it was withdrawing 300 troops from the country.", "Change to group/activity"),
        (
            "withdraw",
            "The army withdrew from the town and rebels took control of it.",
            "Non-violent transfer of territory",
        ),
        ("hand over", "The army handed over the base to the police.", "Non-violent transfer of territory"),
    ],
)
def test_a_withdrawal_transfers_ground_only_when_it_is_handed_over(lemma: str, sentence: str, subtype: str) -> None:
    pull = Trigger(lemma=lemma, family="withdraw", kind="material", plover="RETREAT")
    out = typed(pull, actors=(actor("Army", "MIL", 1),), sentence=sentence)
    assert (out.acled_type, out.acled_subtype) == ("Strategic developments", subtype)


# The kind and PLOVER root of the families below, as data/triggers.json gives them.
_FAMILY = {"loot": ("material", "ASSAULT"), "disrupt": ("material", "COERCE"), "arrest": ("material", "COERCE")}


def _trigger(lemma: str, family: str) -> Trigger:
    kind, plover = _FAMILY.get(family, ("violent", "ASSAULT"))
    return Trigger(lemma=lemma, family=family, kind=kind, plover=plover)


REBELS = (actor("Rebels", "REB", 2),)
YOUTH_WING = (actor("Youth wing", "PRM", 3),)  # a party's youth wing, coded as a political militia
ARMY = (actor("Army", "MIL", 1),)
POLICE = (actor("Police", "COP", 1),)
VEST = (weapon("suicide vest", "suicide-attack"),)
JETS = (weapon("air strike", "aerial"),)
SD, BATTLES, REMOTE, VAC = (
    "Strategic developments",
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
)


@pytest.mark.parametrize(
    ("lemma", "family", "kw", "sentence", "coded"),
    [
        # air strikes backing a ground operation are that battle
        (
            "air strike",
            "airstrike",
            {"weapons": JETS},
            "An army operation backed by air strikes killed 18 militants in the district.",
            (BATTLES, "Armed clash"),
        ),
        (
            "air strike",
            "airstrike",
            {"weapons": JETS},
            "Air strikes killed 18 militants in the district.",
            (REMOTE, "Air/drone strike"),
        ),
        (
            "air strike",
            "airstrike",
            {"weapons": JETS},
            "An army operation backed by air strikes killed 12 civilians in the market.",
            (REMOTE, "Air/drone strike"),
        ),
        # a manned aircraft shot down is a battle; a drone is a stopped weapon
        (
            "shoot down",
            "disrupt",
            {},
            "Rebels shot down a military helicopter near the airport.",
            (BATTLES, "Armed clash"),
        ),
        (
            "shoot down",
            "disrupt",
            {},
            "Air defences shot down two drones near the airport.",
            (SD, "Disrupted weapons use"),
        ),
        # fighters captured in an operation are a clash, not ground taken
        (
            "capture",
            "capture",
            {},
            "Three militants were killed, injured or captured during operations in the district.",
            (BATTLES, "Armed clash"),
        ),
        (
            "capture",
            "capture",
            {"actors": REBELS},
            "Rebels captured the district town after heavy fighting.",
            (BATTLES, "Non-state actor overtakes territory"),
        ),
        # only a state arrests; people detained by an armed group are abducted
        (
            "arrest",
            "arrest",
            {"actors": REBELS},
            "The rebels arrested four men in the market.",
            (VAC, "Abduction/forced disappearance"),
        ),
        ("arrest", "arrest", {"actors": POLICE}, "Police arrested four men in the market.", (SD, "Arrests")),
        ("arrest", "arrest", {}, "Four men were arrested in the market.", (SD, "Arrests")),
        # ground taken over with no force told changes hands peacefully; "recaptured" tells force itself
        (
            "take control",
            "capture",
            {"actors": REBELS},
            "Rebels took control of the village and hoisted their flag over the school.",
            (SD, "Non-violent transfer of territory"),
        ),
        (
            "take control",
            "capture",
            {"actors": REBELS},
            "Rebels took control of the village after two days of fighting.",
            (BATTLES, "Non-state actor overtakes territory"),
        ),
        (
            "recapture",
            "capture",
            {"actors": ARMY},
            "The army recaptured the town, which rebels had held since March.",
            (BATTLES, "Government regains territory"),
        ),
        # a suicide attacker fired on before the blast: the target could respond
        (
            "suicide bomber",
            "suicide",
            {"weapons": VEST, "recipients": ARMY},
            "Guards opened fire on the truck at the gate, and the bomber set off his charge.",
            (BATTLES, "Armed clash"),
        ),
        (
            "suicide bomber",
            "suicide",
            {"weapons": VEST, "recipients": ARMY},
            "A suicide bomber blew himself up at the gate of the base.",
            (REMOTE, "Suicide bomb"),
        ),
        # explosives found, destroyed, or going off in the hands of those laying them
        (
            "explode",
            "explosion",
            {"killed": True},
            "Two fighters were killed when a mine they were planting exploded prematurely.",
            (SD, "Disrupted weapons use"),
        ),
        (
            "explode",
            "explosion",
            {},
            "Police recovered 40 crude bombs from a house near the market.",
            (SD, "Disrupted weapons use"),
        ),
        (
            "explode",
            "explosion",
            {"killed": True},
            "A bomb exploded in the market, killing three traders.",
            (REMOTE, "Remote explosive/landmine/IED"),
        ),
        (
            "destroy",
            "loot",
            {},
            "Sappers found 20 kg of explosives by the road and destroyed them in a controlled detonation.",
            (SD, "Disrupted weapons use"),
        ),
        # a state raid that ends in arrests, with no one harmed, is told for its arrests
        ("raid", "attack", {"actors": POLICE}, "Police raided the district and arrested twelve men.", (SD, "Arrests")),
        (
            "raid",
            "attack",
            {"actors": POLICE, "killed": True},
            "Police raided the district and shot dead two men.",
            (VAC, "Attack"),
        ),
        # a party's youth wing fighting another party's members with no weapon of war: mob violence
        (
            "fight",
            "clash",
            {"actors": YOUTH_WING},
            "The youth wing and UPD members fought one another on the hill.",
            ("Riots", "Mob violence"),
        ),
        (
            "fight",
            "clash",
            {"actors": YOUTH_WING},
            "The youth wing and UPD members fought one another with rifles.",
            (BATTLES, "Armed clash"),
        ),
    ],
)
def test_sub_event_types_by_sentence(lemma: str, family: str, kw: dict, sentence: str, coded: tuple[str, str]) -> None:  # type: ignore[type-arg]
    out = typed(_trigger(lemma, family), sentence=sentence, **kw)
    assert (out.acled_type, out.acled_subtype) == coded


def test_ground_taken_peacefully_is_coercion_in_plover() -> None:
    out = typed(
        _trigger("take control", "capture"),
        actors=REBELS,
        sentence="Rebels took control of the village and raised a flag.",
    )
    assert out.plover == "COERCE" and out.modes == ("seize",)


def _coded_8(name: str, sector: str) -> Actor:
    evidence = Evidence(start=0, end=len(name), text=name, stage="test")
    return Actor(name=name, country="IGO", sector=sector, acled_name=name, inter=8, evidence=evidence)


def test_forces_coded_as_external_count_for_the_state_by_their_sector() -> None:
    """A coalition's troops taking ground regain it for the government; a regional body imposing a curfew
    is an authority taking security measures (both coded 8, read by sector)."""
    capture = Trigger(lemma="capture", family="capture", kind="violent", plover="ASSAULT")
    coalition = _coded_8("Coalition of the Willing", "MIL")
    typed = classify(
        capture,
        weapons=(),
        actors=(coalition,),
        recipients=(),
        killed=False,
        sentence="Coalition troops captured the hill town after heavy fighting on Sunday.",
    )
    assert typed.acled_subtype == "Government regains territory"
    measures = Trigger(lemma="curfew", family="measures", kind="material", plover="COERCE")
    body = _coded_8("Regional Council", "GOV")
    typed = classify(
        measures,
        weapons=(),
        actors=(body,),
        recipients=(),
        killed=False,
        sentence="The regional council imposed a curfew on the port city.",
    )
    assert (typed.acled_type, typed.acled_subtype) == ("Strategic developments", "Change to group/activity")


def _protest_in(nlp, text: str):  # type: ignore[no-untyped-def]
    span = next(iter(nlp(text).sents))
    protest = Trigger(lemma="march", family="protest", kind="material", plover="PROTEST")
    return typed(protest, sentence=span.text, context=span, killed="killed" in text)


@pytest.mark.parametrize(
    "text",
    [
        "Violent protests broke out in the port town on Friday.",
        "Police clashed on Sunday with hundreds of marchers near the stadium.",
        "Riot police fired tear gas while clashing with students outside the ministry during the protest.",
        "Marchers threw bottles and fireworks at officers outside the town hall.",
        "The march turned violent when it reached the governor's office.",
    ],
)
def test_news_wording_of_a_violent_gathering_makes_a_riot(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    out = _protest_in(nlp, text)
    assert (out.acled_type, out.acled_subtype) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        ("Police suppressed a peaceful march of teachers in the town on Monday.", "Protest with intervention"),
        (
            "Teachers marched to the ministry demanding that the minister quit as police fired tear gas at them.",
            "Protest with intervention",
        ),
        (
            "Police fired several rounds of tear gas at a peaceful march of teachers in the town.",
            "Protest with intervention",
        ),
        (
            "Soldiers violently dispersed a peaceful march of farmers near the dam.",
            "Excessive force against protesters",
        ),
        (
            "Guards brutally attacked and injured a peaceful student march outside the college.",
            "Excessive force against protesters",
        ),
        (
            "Four protestors were killed when troops broke up the march by the river.",
            "Excessive force against protesters",
        ),
    ],
)
def test_force_on_a_gathering_in_news_wording(nlp, text: str, subtype: str) -> None:  # type: ignore[no-untyped-def]
    assert _protest_in(nlp, text).acled_subtype == subtype


def test_clashes_and_looted_money_in_the_grievance_keep_a_protest_peaceful(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _protest_in(nlp, "Farmers marched against the clashes between herders and the army.").acled_subtype == (
        "Peaceful protest"
    )
    assert _protest_in(nlp, "Traders marched to demand the return of looted funds.").acled_subtype == (
        "Peaceful protest"
    )


def test_tear_gas_fired_at_a_crowd_is_force_on_a_gathering() -> None:
    out = typed(
        trig("attack"), sentence="Police fired tear gas and rubber bullets to disperse the crowd near the mosque."
    )
    assert (out.acled_type, out.acled_subtype) == ("Protests", "Protest with intervention")


def test_people_hurt_before_an_attack_word_are_its_victims_not_a_mob() -> None:
    hurt = "Twelve persons were injured in three grenade attacks in the market."
    out = typed(
        Trigger(lemma="attack", family="attack", kind="violent", plover="ASSAULT"),
        sentence=hurt,
        weapons=(weapon("grenade", "explosives"),),
    )
    assert out.acled_type != "Riots"
    by_mob = "Twelve persons were injured in an attack by a mob in the market."
    assert typed(trig("attack"), sentence=by_mob).acled_subtype == "Mob violence"


def test_an_attempt_to_take_ground_is_fighting(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The militants launched an attack to capture the army positions near the airport."
    doc = nlp(text)
    at = text.index("capture")
    out = typed(
        trig("capture"),
        actors=(actor("Militants", "REB", 2),),
        sentence=text,
        context=doc[:],
        trigger_span=(at, at + len("capture")),
    )
    assert out.acled_subtype == "Armed clash"


def test_ground_taken_without_a_fight_is_a_peaceful_transfer() -> None:
    text = "Government troops retook the town without firing a single shot."
    out = typed(trig("capture"), actors=(actor("Army", "MIL", 1),), sentence=text)
    assert out.acled_subtype == "Non-violent transfer of territory"


def test_a_withdrawal_that_leaves_the_ground_to_others_is_a_transfer() -> None:
    text = "The army withdrew from the base, leaving it in the hands of the rebels."
    out = typed(trig("withdraw", kind="material", plover="RETREAT"), sentence=text)
    assert out.acled_subtype == "Non-violent transfer of territory"


def test_the_named_doers_decide_who_takes_the_ground(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels took the town amid fighting with tribesmen backed by the army."
    doc = nlp(text)
    at = text.index("took")
    out = typed(
        trig("capture"),
        actors=(actor("Army", "MIL", 1), actor("Rebels", "REB", 2)),
        sentence=text,
        context=doc[:],
        trigger_span=(at, at + len("took")),
    )
    assert out.acled_subtype == "Non-state actor overtakes territory"


def _named(name: str, mode: str, sentence: str, text: str) -> Weapon:
    at = sentence.index(text)
    return Weapon(name=name, mode=mode, evidence=Evidence(start=at, end=at + len(text), text=text, stage="test"))


def test_a_chemical_agent_used_makes_a_chemical_weapon_event_whoever_fought() -> None:
    sentence = "Gas spread by the rebels killed five residents amid clashes with the army; it was chlorine."
    gas = _named("chemical weapon", "unconventional", sentence, "chlorine")
    out = typed(trig("clash"), sentence=sentence, weapons=(gas,))
    assert (out.acled_type, out.acled_subtype) == ("Explosions/Remote violence", "Chemical weapon")
    attacked = "Villagers were attacked with poisonous gas on Tuesday."
    poison = _named("chemical weapon", "unconventional", attacked, "poisonous gas")
    assert typed(trig("attack"), sentence=attacked, weapons=(poison,)).acled_subtype == "Chemical weapon"


def test_a_chemical_attack_the_event_answers_does_not_make_it_chemical() -> None:
    sentence = "The air force struck a group it accused of carrying out a chlorine attack the day before."
    gas = _named("chemical weapon", "unconventional", sentence, "chlorine attack")
    strike = _named("air strike", "aerial", sentence, "air force")
    assert typed(trig("airstrike"), sentence=sentence, weapons=(strike, gas)).acled_subtype == "Air/drone strike"


def test_shells_said_next_to_have_held_an_agent_are_a_chemical_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels fired shells into two districts of the city on Tuesday. Doctors said the shells contained chlorine."
    span = next(iter(nlp(text).sents))
    shells = _named("artillery", "heavy-weapons", text, "shells")
    out = typed(trig("shelling"), sentence=span.text, weapons=(shells,), context=span)
    assert out.acled_subtype == "Chemical weapon"


def test_missiles_fired_by_jets_are_an_air_strike() -> None:
    sentence = "Jets fired four missiles at a farm outside the town."
    out = typed(
        trig("attack"),
        sentence=sentence,
        weapons=(
            _named("aircraft", "aerial", sentence, "Jets"),
            _named("missile", "heavy-weapons", sentence, "missiles"),
        ),
    )
    assert out.acled_subtype == "Air/drone strike"
    both = "Artillery and jets pounded the town."
    mixed = (_named("artillery", "heavy-weapons", both, "Artillery"), _named("aircraft", "aerial", both, "jets"))
    assert typed(trig("attack"), sentence=both, weapons=mixed).acled_subtype == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    ("text", "word", "family"),
    [
        (
            "Russian warplanes carried out combat sorties over rebel positions, killing several fighters.",
            "combat",
            "clash",
        ),
        ("The insurgents suffered heavy losses in raids by army helicopters.", "raids", "attack"),
        ("The air force destroyed a column of vehicles near the village.", "destroyed", "loot"),
    ],
)
def test_aircraft_named_as_the_doer_make_an_air_strike(nlp, text: str, word: str, family: str) -> None:  # type: ignore[no-untyped-def]
    span = next(iter(nlp(text).sents))
    at = text.index(word)
    t = Trigger(lemma=word, family=family, kind="violent" if family != "loot" else "material", plover="ASSAULT")
    out = typed(t, sentence=span.text, context=span, trigger_span=(at, at + len(word)))
    assert out.acled_subtype == "Air/drone strike"
    assert out.reason


def test_fighters_named_as_the_doer_are_no_air_strike(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebel fighters destroyed a column of vehicles near the village."
    span = next(iter(nlp(text).sents))
    at = text.index("destroyed")
    t = Trigger(lemma="destroy", family="loot", kind="material", plover="ASSAULT")
    out = typed(t, sentence=span.text, context=span, trigger_span=(at, at + len("destroyed")))
    assert out.acled_subtype != "Air/drone strike"


def test_a_raid_that_ends_in_weapons_seized_is_disrupted_weapons_use() -> None:
    raid = Trigger(lemma="raid", family="attack", kind="violent", plover="ASSAULT")
    found = "Police recovered three rifles and a box of cartridges during a raid on a farmhouse."
    out = typed(raid, sentence=found)
    assert out.acled_subtype == "Disrupted weapons use"
    assert out.reason
    harmed = "Police killed two suspects during a raid on a farmhouse and recovered three rifles."
    assert typed(raid, sentence=harmed, killed=True).acled_subtype != "Disrupted weapons use"


def test_attacks_aimed_at_property_alone_are_property_destruction() -> None:
    out = typed(
        trig("attack"),
        sentence="The company counted the cost of night attacks on its properties and installations in the delta.",
    )
    assert out.acled_subtype == "Looting/property destruction"


def test_a_crowd_fighting_troops_or_rioters_fighting_police_is_a_violent_demonstration() -> None:
    troops = typed(trig("riot"), sentence="Dozens of rioters clashed with army troops at the edge of the old city.")
    assert (troops.acled_subtype, troops.reason) == (
        "Violent demonstration",
        "a crowd fought troops, or rioters the police",
    )
    police = typed(trig("riot"), sentence="Rioters fought running battles with police near the stadium overnight.")
    assert police.acled_subtype == "Violent demonstration"


def test_barricades_make_a_crowd_violent_demonstration() -> None:
    out = typed(
        trig("riot"),
        sentence="Youths rioted in the suburb for a second night, setting up barricades and looting shops.",
    )
    assert out.acled_subtype == "Violent demonstration"
    inside = typed(trig("riot"), sentence="Inmates rioted and barricaded themselves inside a wing of the jail.")
    assert inside.acled_subtype == "Mob violence"


def test_a_mob_wrecking_places_of_worship_is_mob_violence_not_a_demonstration() -> None:
    out = typed(
        trig("riot"), sentence="An angry mob vandalised two churches and burned shops after a rumour spread online."
    )
    assert (out.acled_type, out.acled_subtype) == ("Riots", "Mob violence")
    protest = typed(trig("riot"), sentence="An angry mob vandalised the town hall, demanding the mayor resign.")
    assert protest.acled_subtype == "Violent demonstration"


def test_a_crowd_attacking_a_gathering_is_mob_violence_and_the_police_an_intervention() -> None:
    protest = trig("protest", "material", "PROTEST")
    crowd = typed(
        protest, sentence="A group of men attacked a peaceful rally outside the consulate, injuring six people."
    )
    assert (crowd.acled_type, crowd.acled_subtype) == ("Riots", "Mob violence")
    passive = typed(protest, sentence="The march was attacked by a mob of ruling party supporters in the capital.")
    assert passive.acled_subtype == "Mob violence"
    police = typed(protest, sentence="Police attacked the peaceful rally with batons and tear gas.")
    assert police.acled_subtype == "Protest with intervention"
    armed = typed(protest, sentence="A group of armed men attacked the rally, killing two protesters.")
    assert armed.acled_type == "Protests"


def test_a_crowd_armed_with_sticks_attacking_a_march_is_still_a_mob() -> None:
    protest = trig("protest", "material", "PROTEST")
    out = typed(
        protest, sentence="Dozens of youths armed with sticks and stones attacked a march by nurses in the town."
    )
    assert out.acled_subtype == "Mob violence"


def test_sexual_attacks_are_sexual_violence() -> None:
    out = typed(trig("attack"), sentence="Gunmen carried out sexual attacks on women near the camp.")
    assert out.acled_subtype == "Sexual violence"


def test_the_bodies_of_workers_found_by_soldiers_are_an_attack_on_civilians() -> None:
    sentence = "Soldiers recovered the bodies of three farm workers who were killed in an ambush."
    out = typed(trig("body"), sentence=sentence, actors=(actor("Army", "MIL", 1),))
    assert (out.acled_type, out.acled_subtype) == ("Violence against civilians", "Attack")


def test_prisoners_handed_over_are_an_agreement_not_ground() -> None:
    out = typed(
        trig("withdraw", "material", "RETREAT"), sentence="In return, 40 prisoners were handed over to the army."
    )
    assert (out.acled_type, out.acled_subtype) == ("Strategic developments", "Agreement")


def test_a_drone_and_mortar_attack_is_a_drone_strike() -> None:
    out = typed(
        trig("attack"),
        sentence="Rebels killed four soldiers in a drone and mortar attack on a base.",
        weapons=(weapon("drone", "drone"), weapon("mortar", "heavy-weapons")),
    )
    assert out.acled_subtype == "Air/drone strike"


def test_drones_seen_overhead_leave_shelling_as_shelling() -> None:
    out = typed(
        trig("shelling"),
        sentence="Troops shelled the village while drones were seen overhead.",
        weapons=(weapon("drone", "drone"),),
    )
    assert out.acled_subtype == "Shelling/artillery/missile attack"


def _typed_in(nlp, family: str, lemma: str, text: str, word: str, **kw):  # type: ignore[no-untyped-def]
    span = next(iter(nlp(text).sents))
    at = text.index(word)
    t = Trigger(lemma=lemma, family=family, kind="violent", plover="ASSAULT")
    return typed(t, sentence=span.text, context=span, trigger_span=(at, at + len(word)), **kw)


def test_protesters_overrunning_a_base_are_a_violent_demonstration(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Angry protesters overran a peacekeepers' base in the town on Monday."
    span = next(iter(nlp(text).sents))
    protest = Trigger(lemma="protester", family="protest", kind="material", plover="PROTEST")
    assert typed(protest, sentence=span.text, context=span).acled_subtype == "Violent demonstration"


def test_arrests_made_as_a_crowd_stormed_a_building_are_the_riot(nlp) -> None:  # type: ignore[no-untyped-def]
    out = _typed_in(
        nlp, "arrest", "arrest", "Dozens were arrested as supporters of the mayor stormed the town hall.", "arrested"
    )
    assert (out.acled_type, out.acled_subtype) == ("Riots", "Violent demonstration")
    plain = _typed_in(nlp, "arrest", "arrest", "Police arrested twelve men in the town on Monday.", "arrested")
    assert plain.acled_subtype == "Arrests"


def test_air_defences_destroying_drones_is_disrupted_weapons_use(nlp) -> None:  # type: ignore[no-untyped-def]
    out = _typed_in(
        nlp, "disrupt", "destroy", "Air defences destroyed 15 drones over the region overnight.", "destroyed"
    )
    assert out.acled_subtype == "Disrupted weapons use"


def test_residents_fleeing_a_fight_are_not_its_crowd(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Residents flee fighting between rebels and government troops near the town."
    out = _typed_in(nlp, "clash", "fighting", text, "fighting")
    assert (out.acled_type, out.acled_subtype) == ("Battles", "Armed clash")


def test_separatists_saying_they_took_a_city_overtake_territory(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Separatist forces say they have taken control of the port city from forces loyal to the government "
        "after days of fighting."
    )
    out = _typed_in(
        nlp,
        "capture",
        "take control",
        text,
        "taken",
        actors=(actor("Government", "GOV", 1),),
    )
    assert out.acled_subtype == "Non-state actor overtakes territory"


def test_houses_demolished_in_a_raid_are_property_destruction() -> None:
    sentence = (
        "Troops backed by bulldozers stormed the hamlet, demolished six houses and dismantled the tents of families."
    )
    out = typed(trig("attack"), sentence=sentence, actors=(actor("Army", "MIL", 1),))
    assert (out.acled_type, out.acled_subtype) == ("Strategic developments", "Looting/property destruction")


def test_dismantled_tents_are_no_weapon_stopped_but_a_dismantled_bomb_is() -> None:
    assert typed(trig("attack"), sentence="Police dismantled a bomb found near the school.").acled_subtype == (
        "Disrupted weapons use"
    )
