"""sitrep.stages.trigger_cues: what the parse tells about a candidate event word (disasters and
accidents, shows that are no gathering, parades)."""

from __future__ import annotations

import pytest

from tests.helpers import annotate

STAGE = ("triggers.lexicon.v1",)


def words(text: str, resources) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.text for m in annotate(text, resources, STAGE).of("trigger")]


@pytest.mark.parametrize(
    "text",
    [
        "Over 200 people killed in 6.8-magnitude quake in the south",
        "The earthquake, which killed 40 people, flattened the old market.",
        "Nine pilgrims died in a stampede at the shrine on Friday.",
        "Twelve passengers were killed and three injured when a minibus plunged into a river.",
        "Seven miners were killed when the mine collapsed after heavy rain.",
    ],
)
def test_deaths_in_a_disaster_or_an_accident_are_no_attack(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    found = words(text, resources)
    assert not {"killed", "died", "injured"} & set(found), found


def test_a_killing_with_a_doer_stays_an_event_word(resources) -> None:  # type: ignore[no-untyped-def]
    assert "killed" in words("Gunmen killed twelve passengers when they stopped a bus near the river.", resources)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The parade was a demonstration of close ties between the two armies.", False),
        ("Thousands joined a demonstration of farmers outside the ministry.", True),
        ("Army contingents held a march-past before the president.", False),
        ("Teachers held a march through the capital over unpaid wages.", True),
    ],
)
def test_a_show_is_no_gathering(resources, text: str, kept: bool) -> None:  # type: ignore[no-untyped-def]
    found = " ".join(words(text, resources))
    assert (("demonstration" in found) or ("march" in found)) == kept, found


def test_descriptions_and_kinds_are_no_events(resources) -> None:  # type: ignore[no-untyped-def]
    found = words("Aid reached the worst-hit villages as firefighters fought several blazes.", resources)
    assert not {"hit", "fought"} & set(found), found
    assert "patrol" not in words("A patrol vehicle was parked outside the school.", resources)


def test_a_fight_that_did_not_happen_is_no_event_word(resources) -> None:  # type: ignore[no-untyped-def]
    assert "fight" not in words("The rebels took the palace without a fight.", resources)
