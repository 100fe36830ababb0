"""actors.lexicon.v1 on short texts and the defining example."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.annotated import Resources
from tests.helpers import annotate


@pytest.fixture(scope="module")
def run(resources: Resources):  # type: ignore[no-untyped-def]
    stages = ("actors.lexicon.v1",)

    def actors(text: str):  # type: ignore[no-untyped-def]
        return annotate(text, resources, stages).of("actor")

    return actors


def by_text(mentions):  # type: ignore[no-untyped-def]
    return {m.text: m.value for m in mentions}


def test_defining_example(run, shared_dir: Path) -> None:  # type: ignore[no-untyped-def]
    text = (shared_dir / "examples" / "artsakh-2020-09-28.txt").read_text(encoding="utf-8")
    found = by_text(run(text))
    regime = found["dictatorial regime of Azerbaijan"]
    assert regime.country == "AZE" and regime.loaded and regime.sector in {"GOV", "MIL"}
    cso = found["Constructive Dialogue Network of Armenian CSOs"]
    assert cso.raw and cso.country == "ARM" and cso.sector == "SOC"
    assert found["Turkish regime"].country == "TUR" and found["Turkish regime"].loaded
    assert found["Armenian civil society"].country == "ARM"
    assert found["Council of Europe"].country == "IGO"
    assert found["OSCE Minsk Group Co-Chairs"].name == "OSCE Minsk Group"
    assert "Artsakh" not in found  # "line of contact of Artsakh", "villages in Artsakh": places
    assert "COVID-19" not in found
    for m in run(text):
        assert text[m.start : m.end] == m.text == m.value.evidence.text


def test_forces_ministries_and_roles(run) -> None:  # type: ignore[no-untyped-def]
    found = by_text(
        run("Armenia's Ministry of Defence said Azerbaijani forces shelled Martuni, killing two civilians.")
    )
    assert found["Armenia's Ministry of Defence"].country == "ARM"
    assert found["Armenia's Ministry of Defence"].sector in {"MIL", "GOV"}
    assert found["Azerbaijani forces"].acled_name == "Military Forces of Azerbaijan"
    assert found["Azerbaijani forces"].sector == "MIL"
    assert found["civilians"].inter == 7


def test_country_possessive_armed_forces_is_military(run) -> None:  # type: ignore[no-untyped-def]
    found = by_text(run("Azerbaijan's armed forces attacked the positions."))
    assert found["Azerbaijan's armed forces"].sector == "MIL"


def test_country_as_subject_is_the_state_but_not_as_place(run) -> None:  # type: ignore[no-untyped-def]
    found = by_text(run("Azerbaijan attacked villages in Armenia."))
    assert found["Azerbaijan"].sector == "GOV" and found["Azerbaijan"].country == "AZE"
    assert "Armenia" not in found


def test_bare_role_takes_the_country_of_the_text_with_a_reason(run) -> None:  # type: ignore[no-untyped-def]
    mentions = run("Police fired tear gas at protesters in Santiago, Chile.")
    found = by_text(mentions)
    police = next(m for m in mentions if m.text == "Police")
    assert found["Police"].acled_name == "Police Forces of Chile"
    assert police.reason and "country" in police.reason


def test_named_groups_and_loaded_words(run) -> None:  # type: ignore[no-untyped-def]
    found = by_text(run("Al-Shabaab fighters and the Taliban clashed with the occupiers. Boko Haram struck."))
    assert found["Taliban"].inter == 2
    assert found["Boko Haram"].country == "NGA"
    assert found["occupiers"].loaded


def test_protest_subject_becomes_protesters(run) -> None:  # type: ignore[no-untyped-def]
    found = by_text(run("Nurses protested outside the hospital in Lagos, Nigeria, over unpaid wages."))
    assert found["Nurses"].acled_name == "Protesters (Nigeria)"


def test_unknown_text_gives_no_error(run) -> None:  # type: ignore[no-untyped-def]
    assert run("The weather was fine and nothing happened.") == ()


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Syrian troops",
                "shelled",
                "Idlib",
                "protesters",
                "the UN",
                "said",
                "Armenia",
                "gunmen",
                ".",
                ",",
                "the government of Mali",
                "Hamas",
            ]
        ),
        min_size=1,
        max_size=12,
    )
)
def test_offsets_slice_back_and_never_overlap(run, words) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(words)
    mentions = run(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    spans = sorted((m.start, m.end) for m in mentions)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_role_before_a_list_of_countries_applies_to_each(run) -> None:  # type: ignore[no-untyped-def]
    found = run("Military forces of India and Pakistan exchanged fire across the line of control.")
    names = {m.value.acled_name for m in found}
    assert {"Military Forces of India", "Military Forces of Pakistan"} <= names


def test_admin_areas_in_parentheses_are_not_organisations(run) -> None:  # type: ignore[no-untyped-def]
    found = run("Troops clashed with militants in Degwar (Poonch district, J&K) on Monday.")
    assert not any(m.value.raw and "J&K" in m.text for m in found)
