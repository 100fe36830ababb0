"""attribution.rules.v1: who says so, and over which text."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.annotated import Resources
from tests.helpers import annotate


@pytest.fixture(scope="module")
def run(resources: Resources):  # type: ignore[no-untyped-def]
    stages = ("places.gazetteer.v1", "actors.lexicon.v1", "attribution.rules.v1")

    def attributions(text: str):  # type: ignore[no-untyped-def]
        return annotate(text, resources, stages).of("attribution")

    return attributions


def covering(mentions, offset: int):  # type: ignore[no-untyped-def]
    return [m for m in mentions if m.value.scope_start <= offset < m.value.scope_end]


def test_defining_example_is_all_the_networks_claim(run, shared_dir: Path) -> None:  # type: ignore[no-untyped-def]
    text = (shared_dir / "examples" / "artsakh-2020-09-28.txt").read_text(encoding="utf-8")
    found = run(text)
    cues = {m.text for m in found}
    assert {"has noted this in a statement", "the statement also reads"} <= cues
    for m in found:
        assert m.value.claimant.name == "Constructive Dialogue Network of Armenian CSOs"
        assert m.value.claimant.country == "ARM"
        assert text[m.start : m.end] == m.text
    for phrase in ("launched a large-scale attack", "Towns and villages", "Turkish regime", "resume negotiations"):
        assert covering(found, text.index(phrase)), phrase
    quote = next(m for m in found if m.text == "the statement also reads").value
    assert text[quote.scope_start] == "“" and text.index("“Towns") == quote.scope_start
    assert quote.scope_end > text.index("peaceful resolution of the conflict")


def test_according_to(run) -> None:  # type: ignore[no-untyped-def]
    text = "At least 12 fighters were killed in Idlib, according to the Syrian Observatory for Human Rights. Calm returned."
    found = run(text)
    assert len(found) == 1
    a = found[0].value
    assert a.claimant.name == "Syrian Observatory for Human Rights" and a.cue == "according to"
    assert a.scope_start == 0 and a.scope_end <= text.index("Calm")


def test_ministry_said_and_denial(run) -> None:  # type: ignore[no-untyped-def]
    text = "Armenia's Ministry of Defence said Azerbaijani forces shelled Martuni. Azerbaijan denied the claim."
    found = run(text)
    said = covering(found, text.index("shelled"))
    assert [m.value.claimant.country for m in said] == ["ARM"]
    denied = covering(found, text.index("denied"))
    assert [m.value.claimant.country for m in denied] == ["AZE"] and denied[0].value.cue == "deny"
    assert not covering(found, text.index("shelled"))[0].value.scope_end > text.index("Azerbaijan denied")


def test_quote_with_speaker_after(run) -> None:  # type: ignore[no-untyped-def]
    text = "\u201cThe enemy shelled our positions near the village all night long,\u201d the Ukrainian army said."
    found = run(text)
    assert found and found[0].value.scope_start == 0 and found[0].value.cue == "quote"
    assert found[0].value.claimant.country == "UKR"


def test_nothing_said_nothing_emitted(run) -> None:  # type: ignore[no-untyped-def]
    assert run("Gunmen killed three villagers in Zamfara on Sunday.") == ()


@pytest.mark.parametrize(
    ("text", "name", "resolved"),
    [
        (
            "Rockets hit the airport, the Kurdistan Region's interior ministry said.",
            "Kurdistan Region's interior ministry",
            "Police Forces of Iraq",
        ),
        (
            "Six people were killed in Maiduguri, emergency officials said.",
            "emergency officials",
            "Government of Nigeria",
        ),
    ],
)
def test_claimant_named_by_a_role_keeps_the_sources_words(run, text: str, name: str, resolved: str) -> None:  # type: ignore[no-untyped-def]
    [m] = run(text)
    assert m.value.claimant.name == name
    assert m.value.claimant.acled_name == resolved


def test_named_claimant_is_unchanged(run) -> None:  # type: ignore[no-untyped-def]
    [m] = run("The strike killed four fighters, the Islamic State said.")
    assert m.value.claimant.name == "Islamic State"


def test_an_informant_the_dictionary_does_not_know_is_kept_as_written(run) -> None:  # type: ignore[no-untyped-def]
    text = "Two traders died of their wounds overnight, hospital sources said."
    found = run(text)
    assert len(found) == 1
    who = found[0].value.claimant
    assert who.name == "hospital sources" and who.raw
    assert covering(found, text.index("traders"))


def test_according_to_witnesses(run) -> None:  # type: ignore[no-untyped-def]
    text = "Soldiers fired into the air to disperse the crowd, according to witnesses."
    found = run(text)
    assert [m.value.claimant.name for m in found] == ["witnesses"]


def test_a_common_noun_is_no_speaker(run) -> None:  # type: ignore[no-untyped-def]
    assert not run("The weather said little about the harvest to come.")


def test_a_speaker_is_named_with_the_apposition(run) -> None:  # type: ignore[no-untyped-def]
    text = "Amina Bello, a spokeswoman for the state police command, said the gunmen fled on motorbikes."
    (found,) = run(text)
    name = found.value.claimant.name
    assert "Amina Bello" in name and "police" in name


def test_a_speaker_after_the_verb(run) -> None:  # type: ignore[no-untyped-def]
    text = "More than 30 people were hurt in the blast, said the regional governor's office on Friday."
    (found,) = run(text)
    name = found.value.claimant.name
    assert "office" in name and "Friday" not in name


def test_a_dateline_wire_is_never_the_claimant(resources: Resources) -> None:
    stages = ("datelines.rules.v1", "places.gazetteer.v1", "actors.lexicon.v1", "attribution.rules.v1")
    text = "KANO, March 3 (Sahel Wire): Gunmen killed four herders near Kano on Sunday, police said."
    found = annotate(text, resources, stages).of("attribution")
    assert found and all("Wire" not in m.value.claimant.name for m in found)
    assert any("police" in m.value.claimant.name.lower() for m in found)


def test_it_is_reported_goes_on_with_the_last_source(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Ukrainian army said drones struck the port overnight. "
        "It is reported that a grain warehouse was hit and a fire broke out."
    )
    found = run(text)
    assert covering(found, text.index("warehouse"))
    assert all("army" in m.value.claimant.name for m in found)
