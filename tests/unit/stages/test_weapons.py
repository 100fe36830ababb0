"""weapons.lexicon.v1: weapon phrases to normalised names and PLOVER ASSAULT modes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.model import Weapon
from sitrep.pipeline import Resources
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
        ("heavy artillery", "artillery"), ("tanks", "tank"), ("aircraft", "aircraft"), ("missiles", "missile")]
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


def test_no_weapons_in_plain_text(resources: Resources) -> None:
    assert weapons("The minister met the ambassador to discuss trade.", resources) == []
