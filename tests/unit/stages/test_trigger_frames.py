"""Event words that a verb's object or subject makes (stages/trigger_frames.py), through the trigger stage."""

from __future__ import annotations

import pytest

from tests.unit.stages.test_triggers import families


@pytest.mark.parametrize(
    ("text", "word", "family"),
    [
        ("Rebels launched three long-range missiles towards the port city.", "launched", "shelling"),
        ("Two unidentified rockets fell near the airport's perimeter wall.", "fell", "shelling"),
        ("Several mortar shells landed in a field outside the village.", "shells", "shelling"),
        ("Masked men used explosives to open a cash machine in the square.", "used", "explosion"),
        ("Armed herders stole some forty goats from a farm near the river.", "stole", "loot"),
        ("Settlers cut down dozens of olive trees on the hillside.", "cut", "loot"),
        ("Soldiers uprooted hundreds of young saplings near the checkpoint.", "uprooted", "loot"),
    ],
)
def test_a_verb_and_its_argument_make_an_event_word_across_the_words_between(
    resources, text: str, word: str, family: str
) -> None:
    assert (word, family) in families(text, resources)


@pytest.mark.parametrize(
    "text",
    [
        "The company launched two new products at the fair.",  # no projectile
        "A thief stole a phone from a shop in the market.",  # a crime: no hostile doer
        "Farmers cut down old trees to plant maize.",  # farm work
        "Apples fell from the trees in the wind.",
        "Police lobbed tear gas shells at the stone-throwing crowd.",  # crowd control
    ],
)
def test_frames_need_their_noun_and_doer(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(f in {"shelling", "loot", "explosion"} for _, f in families(text, resources))


def test_a_launch_word_already_matched_is_replaced_not_doubled(resources) -> None:  # type: ignore[no-untyped-def]
    found = families("The militia fired four rockets at the base.", resources)
    assert ("fired", "shelling") in found
    assert ("fired", "attack") not in found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Police seized seven illegal pistols and 300 rounds from the house.", "seized"),
        ("A cache of rifles and ammunition was seized by border guards on Friday.", "seized"),
        ("Soldiers discovered a large amount of ammunition buried near the farm.", "discovered"),
        ("Two explosive devices were found in a canal beside the road.", "found"),
        ("Engineers cleared more than 900 landmines from the fields last month.", "cleared"),
        ("About 40kg of explosives were unearthed in a well outside the town.", "unearthed"),
        (
            "After heavy rain, villagers and soldiers discovered a large amount of ammunition believed to belong "
            "to the militia.",
            "discovered",
        ),
    ],
)
def test_weapons_taken_out_of_use_are_a_disruption(resources, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert (word, "disrupt") in families(text, resources)


@pytest.mark.parametrize(
    ("text", "word", "family"),
    [
        ("The two militias agreed a three-day truce around the market town.", "agreed", "pact"),
        ("Government and rebel envoys agreed to a fragile ceasefire on Friday.", "agreed", "pact"),
        ("The army and the insurgents signed a long-awaited peace deal in the capital.", "signed", "pact"),
        ("The junta and the guerrillas agreed to reopen peace talks stalled since spring.", "reopen", "pact"),
        ("Both militias agreed to extend the truce around the oil fields by a month.", "extend", "pact"),
        ("The army has set up a new observation post near the border village.", "set", "base"),
        (
            "Foreign troops established a total of nine military observation points in the province.",
            "established",
            "base",
        ),
        ("Government forces set up three new bases along the river.", "set", "base"),
        ("A new special forces brigade was formed in the eastern military district.", "formed", "mobilize"),
        ("Hundreds of troops were dispatched to the northern border.", "dispatched", "mobilize"),
        ("Soldiers freed four villages from the insurgents on Sunday.", "freed", "capture"),
        ("Rebel fighters seized the provincial capital at dawn.", "seized", "capture"),
        ("Loyalist forces wrested control of an air base from the militia.", "wrested", "capture"),
        ("The rebels took full control of the district after a week.", "took", "capture"),
        ("Government troops pushed the militants out of three villages near the lake.", "pushed", "capture"),
        ("The army drove the rebels from the market town on Sunday.", "drove", "capture"),
        ("Soldiers cleared the border district of insurgents after a two-day operation.", "cleared", "capture"),
    ],
)
def test_strategic_and_territorial_frames(resources, text: str, word: str, family: str) -> None:  # type: ignore[no-untyped-def]
    assert (word, family) in families(text, resources)


@pytest.mark.parametrize(
    "text",
    [
        "Customs officers seized two tonnes of cocaine at the port.",  # drugs, not weapons
        "Investigators found a package of documents in the office.",  # a holder with no weapon in it
        "The museum recovered a painting stolen in the war.",
    ],
)
def test_a_seizure_of_anything_else_is_not_a_disruption(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(f == "disrupt" for _, f in families(text, resources))


def test_people_intercepted_are_not_a_disruption(resources) -> None:  # type: ignore[no-untyped-def]
    assert not any(
        f == "disrupt" for _, f in families("Coastguards intercepted 20 smugglers off the coast.", resources)
    )
    assert any(f == "disrupt" for _, f in families("Air defences intercepted two drones over the city.", resources))


@pytest.mark.parametrize(
    "text",
    [
        "The company agreed a deal with its main supplier.",  # a business deal
        "The bank set up a new office in the city centre.",  # an office
        "The army set up relief camps for the flood victims.",  # relief, not a base
        "Soldiers seized a large area of farmland near the village.",  # land seized: property
        "The club formed a new youth group this season.",  # a club
        "Police chased the hawkers from the market square.",  # no fighters driven out
        "Farmers drove the cattle out of the fields.",
        "The two ministers agreed to resume trade talks next month.",  # trade talks
        "The rebels say they are ready to resume peace talks with the army.",  # ready, not agreed
    ],
)
def test_strategic_frames_need_an_armed_doer_and_their_noun(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(f in {"pact", "base", "mobilize", "capture"} for _, f in families(text, resources))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("A hand grenade was hurled at a police post in the old town on Monday.", "hurled"),
        ("Unknown men lobbed two grenades into the courtyard of the mosque.", "lobbed"),
        ("Militants tossed a grenade at a passing army truck.", "tossed"),
    ],
)
def test_a_grenade_thrown_is_an_attack_word_active_or_passive(resources, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert (word, "attack") in families(text, resources)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The regime dropped chlorine on a rebel-held suburb overnight.", "dropped"),
        ("Insurgents used mustard gas against an army unit near the border.", "used"),
        ("Sarin was likely used as a weapon in the attack, the inspectors said.", "used"),
        ("Government helicopters dropped barrels of toxic gas on the town.", "dropped"),
        ("Rebels fired rockets filled with chlorine into the city.", "fired"),
    ],
)
def test_a_chemical_agent_used_or_dropped_is_an_attack_word(resources, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert (word, "attack") in families(text, resources)


@pytest.mark.parametrize(
    "text",
    [
        "The plant used chlorine to treat the town's drinking water.",  # no weapon, no hostile doer
        "Police threw stun grenades to break up the crowd.",  # crowd control
        "The players threw the ball into the crowd.",
    ],
)
def test_chemicals_and_throwing_need_a_weapon_and_a_hostile_story(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(f == "attack" for _, f in families(text, resources))
