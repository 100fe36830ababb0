"""weapons.lexicon.v1: weapon phrases to normalised names and PLOVER ASSAULT modes."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.annotated import Resources
from sitrep.model import Weapon
from sitrep.stages.weapons import PLATFORM, USE, WEAPON, kind_at, kind_of, kinds, lexicon
from tests.helpers import annotate

STAGE = "weapons.lexicon.v1"


def weapons(text: str, resources: Resources) -> list[tuple[str, str, str]]:
    annotated = annotate(text, resources, (STAGE,))
    out = []
    for m in annotated.mentions:
        assert m.kind == "weapon" and m.stage == STAGE
        assert annotated.text[m.start : m.end] == m.text
        w: Weapon = m.value
        assert w.evidence.start == m.start and w.evidence.text == m.text
        out.append((m.text, w.name, w.mode))
    return out


def test_defining_example(resources: Resources, shared_dir: Path) -> None:
    text = (shared_dir / "examples" / "artsakh-2020-09-28.txt").read_text("utf-8")
    found = weapons(text, resources)
    assert [(t, n) for t, n, _ in found] == [
        ("heavy artillery", "artillery"),
        ("tanks", "tank"),
        ("aircraft", "aircraft"),
        ("missiles", "missile"),
    ]
    assert {m for _, _, m in found} == {"heavy-weapons", "aerial"}


@pytest.mark.parametrize(
    ("text", "phrase", "name", "mode"),
    [
        ("Mortar shells hit the market.", "Mortar shells", "artillery", "heavy-weapons"),
        ("Grad rockets struck the town.", "Grad rockets", "rocket launcher", "heavy-weapons"),
        ("Armoured vehicles entered the city.", "Armoured vehicles", "tank", "heavy-weapons"),
        ("Warplanes bombed the base.", "Warplanes", "aircraft", "aerial"),
        ("An airstrike hit the convoy.", "airstrike", "air strike", "aerial"),
        ("A helicopter gunship fired on the village.", "helicopter gunship", "aircraft", "aerial"),
        ("A drone hit the car.", "drone", "drone", "drone"),
        ("The army downed an unmanned aerial vehicle.", "unmanned aerial vehicle", "drone", "drone"),
        ("A ballistic missile hit the city.", "ballistic missile", "missile", "heavy-weapons"),
        ("A roadside bomb exploded near the patrol.", "roadside bomb", "ied", "explosives"),
        ("A car bomb went off.", "car bomb", "ied", "explosives"),
        ("Soldiers stepped on landmines.", "landmines", "ied", "explosives"),
        ("The strike destroyed a VBIED.", "VBIED", "ied", "explosives"),
        ("He died in an improvised explosive device blast.", "improvised explosive device", "ied", "explosives"),
        ("They fired an RPG at the checkpoint.", "RPG", "rocket-propelled grenade", "heavy-weapons"),
        (
            "A rocket-propelled grenade hit the truck.",
            "rocket-propelled grenade",
            "rocket-propelled grenade",
            "heavy-weapons",
        ),
        ("The regime dropped barrel bombs on Aleppo.", "barrel bombs", "barrel bomb", "aerial"),
        ("Cluster munitions were found in the field.", "Cluster munitions", "munition", "explosives"),
        ("The aircraft delivered 24 munitions.", "munitions", "munition", "explosives"),
        ("The navy fired Tomahawk missiles at the base.", "Tomahawk missiles", "missile", "heavy-weapons"),
        ("A Scud was launched overnight.", "Scud", "missile", "heavy-weapons"),
        ("Iskander missiles hit the airport.", "Iskander missiles", "missile", "heavy-weapons"),
        ("Rebels fired MANPADS at the helicopter.", "MANPADS", "missile", "heavy-weapons"),
        ("The militia was armed with Kalashnikovs.", "Kalashnikovs", "firearm", "firearms"),
        ("A heavy machine gun was destroyed.", "heavy machine gun", "firearm", "firearms"),
        ("They were beaten with gun butts.", "gun butts", "bladed or blunt weapon", "primitive"),
        ("Inspectors found traces of mustard gas.", "mustard gas", "chemical weapon", "unconventional"),
        (
            "He built a chemical munition from an artillery round.",
            "chemical munition",
            "chemical weapon",
            "unconventional",
        ),
        ("The regime used chlorine in the attack.", "chlorine", "chemical weapon", "unconventional"),
        ("A warship entered the port.", "warship", "warship", "heavy-weapons"),
        ("F-16s flew over the city.", "F-16s", "aircraft", "aerial"),
        ("A suicide bomber blew himself up.", "suicide bomber", "suicide bomb", "suicide-attack"),
        ("Attackers threw a grenade.", "grenade", "grenade", "explosives"),
        ("Gunfire was heard all night.", "Gunfire", "firearm", "firearms"),
        ("They were armed with machine guns.", "machine guns", "firearm", "firearms"),
        ("The mob attacked them with machetes.", "machetes", "bladed or blunt weapon", "primitive"),
        ("Witnesses reported a sarin attack.", "sarin", "chemical weapon", "unconventional"),
        ("Police fired tear gas at the crowd.", "tear gas", "crowd-control weapon", "crowd-control"),
        ("Police used water cannon and rubber bullets.", "water cannon", "crowd-control weapon", "crowd-control"),
    ],
)
def test_lexicon(text: str, phrase: str, name: str, mode: str, resources: Resources) -> None:
    assert (phrase, name, mode) in weapons(text, resources)


def test_longest_phrase_wins(resources: Resources) -> None:
    found = weapons("A suicide car bomb exploded.", resources)
    assert found == [("suicide car bomb", "suicide bomb", "suicide-attack")]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Coalition forces conducted 34 strikes against the group.", "strikes"),
        ("Near the town, one strike destroyed a bridge.", "strike"),
        ("The strikes were conducted as part of the operation.", "strikes"),
    ],
)
def test_strike_counts_only_as_a_military_action(text: str, phrase: str, resources: Resources) -> None:
    assert (phrase, "air strike", "aerial") in weapons(text, resources)


@pytest.mark.parametrize(
    "text",
    [
        "Teachers went on strike over pay.",
        "The union called a general strike for Monday.",
        "Prisoners began a hunger strike in the jail.",
        "The strike closed the ports for a week.",
        "Protesters gathered in Belgrade-Stari Grad on Sunday.",
        "The Bukluran ng Manggagawang Pilipino (BMP) staged a rally.",
    ],
)
def test_no_weapon_in_strikes_and_names(text: str, resources: Resources) -> None:
    assert weapons(text, resources) == []


def test_artillery_fire_keeps_the_weapon_word(resources: Resources) -> None:
    found = weapons("Ground-based artillery fired in support of the troops.", resources)
    assert [t for t, _, _ in found] == ["artillery"]


def test_named_ships_are_warships(resources: Resources) -> None:
    found = weapons("Forbin joined USS Mahan and HMS Ocean in the Gulf.", resources)
    assert [(t, n) for t, n, _ in found] == [("USS Mahan", "warship"), ("HMS Ocean", "warship")]
    assert kind_of("warship") == PLATFORM


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        ("An ISIL tank was hit.", "tank", PLATFORM),
        ("A drone hit the car.", "drone", PLATFORM),
        ("A mortar hit the car.", "mortar", WEAPON),
        ("The town was shelled overnight.", "shelled", USE),
        ("Shelling continued overnight.", "Shelling", USE),
        ("Gunmen attacked the bus.", "Gunmen", USE),
        ("A suicide bomber blew himself up.", "suicide bomber", USE),
    ],
)
def test_kind_at(text: str, phrase: str, kind: str, resources: Resources) -> None:
    annotated = annotate(text, resources, (STAGE,))
    (m,) = [m for m in annotated.mentions if m.text == phrase]
    assert kind_at(annotated.doc, m.start, m.end) == kind


def test_every_lexicon_name_has_a_known_kind_and_mode() -> None:
    assert set(kinds().values()) <= {WEAPON, PLATFORM}
    modes = {
        "heavy-weapons",
        "aerial",
        "drone",
        "explosives",
        "suicide-attack",
        "firearms",
        "primitive",
        "unconventional",
        "crowd-control",
    }
    for hit_entry in {e for _, e in _all_entries()}:
        assert hit_entry.mode in modes


def _all_entries():  # type: ignore[no-untyped-def]
    matcher = lexicon()
    return [item for items in matcher._by_first.values() for item in items]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "tanks",
                "the",
                "shelled",
                "USS",
                "Mahan",
                "a",
                "VBIED",
                "strikes",
                "destroyed",
                "rocket-propelled",
                "grenade",
                "and",
                ",",
                "Grad",
                "rockets",
                "hit",
                "city",
            ]
        ),
        min_size=1,
        max_size=12,
    )
)
def test_offsets_are_exact(words: list[str]) -> None:
    resources = _shared_resources()
    text = " ".join(words)
    for m in annotate(text, resources, (STAGE,)).mentions:
        assert text[m.start : m.end] == m.text == m.value.evidence.text


@lru_cache(maxsize=1)
def _shared_resources() -> Resources:
    return Resources()


def test_no_weapons_in_plain_text(resources: Resources) -> None:
    assert weapons("The minister met the ambassador to discuss trade.", resources) == []
