"""casualties.rules.v1: killed and wounded figures, subsets, zeros, no double counting."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.annotated import Resources
from sitrep.model import CasualtyFigure
from tests.helpers import annotate

STAGE = "casualties.rules.v1"


def figures(text: str, resources: Resources) -> list[tuple[str, int, int, int | None, str | None, str]]:
    annotated = annotate(text, resources, (STAGE,))
    out = []
    for m in annotated.of("casualty"):
        assert m.stage == STAGE
        assert annotated.text[m.start : m.end] == m.text
        fig: CasualtyFigure = m.value
        c = fig.count
        assert c.evidence.start == m.start and c.evidence.text == m.text
        out.append((fig.outcome, c.low, c.best, c.high, c.group, m.text))
    return out


def test_defining_example(resources: Resources, shared_dir: Path) -> None:
    text = (shared_dir / "examples" / "artsakh-2020-09-28.txt").read_text("utf-8")
    found = figures(text, resources)
    wounded = [f for f in found if f[0] == "wounded"]
    killed = [f for f in found if f[0] == "killed" and f[4] is None]
    children = [f for f in found if f[0] == "killed" and f[4] == "children"]
    assert len(wounded) == 1 and wounded[0][1] in (100, 101) and wounded[0][3] is None
    assert wounded[0][5] == "over a hundred wounded"
    assert len(killed) == 1 and killed[0][1] in (12, 13) and killed[0][3] is None
    assert killed[0][5] == "over a dozen people were killed"
    assert len(children) == 1 and children[0][1] >= 1 and children[0][5] == "at least one child"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Five people were killed in the attack.", [("killed", 5, 5, 5, None)]),
        ("Gunmen killed 3 soldiers and wounded five others.", [("killed", 3, 3, 3, None), ("wounded", 5, 5, 5, None)]),
        ("Clashes left 4 dead and dozens injured.", [("killed", 4, 4, 4, None), ("wounded", 12, 24, None, None)]),
        ("The death toll rose to 25 on Sunday.", [("killed", 25, 25, 25, None)]),
        ("At least 12 people lost their lives.", [("killed", 12, 12, None, None)]),
        ("The blast claimed the lives of 7 people.", [("killed", 7, 7, 7, None)]),
        ("The militants raided the village, killing one.", [("killed", 1, 1, 1, None)]),
        ("1 killed, 7 injured.", [("killed", 1, 1, 1, None), ("wounded", 7, 7, 7, None)]),
        ("Between 10 and 15 people died.", [("killed", 10, 10, 15, None)]),
        ("Nearly 20 people were wounded in the shelling.", [("wounded", 18, 19, 19, None)]),
        ("Several soldiers were killed in the attack.", [("killed", 3, 3, None, None)]),
        ("An unknown number of fighters were killed.", [("killed", 1, 1, None, None)]),
        ("A man was shot dead.", [("killed", 1, 1, 1, None)]),
        ("Nobody was hurt.", [("wounded", 0, 0, 0, None)]),
        ("No one was killed.", [("killed", 0, 0, 0, None)]),
        ("The attack caused no injuries.", [("wounded", 0, 0, 0, None)]),
        ("Four soldiers were martyred in the ambush.", [("killed", 4, 4, 4, None)]),
        ("Three houses were burned in the raid.", []),
    ],
)
def test_figures(text: str, expected: list[tuple], resources: Resources) -> None:
    assert [f[:5] for f in figures(text, resources)] == expected


@pytest.mark.parametrize("text", ["No casualties were reported.", "The convoy was attacked without casualties."])
def test_no_casualties_is_zero_killed_and_wounded(text: str, resources: Resources) -> None:
    found = figures(text, resources)
    assert sorted(f[:4] for f in found) == [("killed", 0, 0, 0), ("wounded", 0, 0, 0)]
    assert all("casualties" in f[5] for f in found)


def test_coordinated_subsets_sum_to_a_total(resources: Resources) -> None:
    found = figures("Two civilians and three soldiers were killed when a shell hit the village.", resources)
    subsets = {f[4]: f[1] for f in found if f[4] is not None}
    totals = [f for f in found if f[4] is None]
    assert subsets == {"civilians": 2, "soldiers": 3}
    assert len(totals) == 1 and totals[0][1:4] == (5, 5, 5)


def test_including_is_a_subset_not_another_total(resources: Resources) -> None:
    found = figures("Fifteen people were killed, including four children.", resources)
    assert [f[:5] for f in found] == [("killed", 15, 15, 15, None), ("killed", 4, 4, 4, "children")]


def test_same_victims_are_not_counted_twice(resources: Resources) -> None:
    found = figures("Police killed three people; the three dead were buried on Monday.", resources)
    assert [f[:4] for f in found] == [("killed", 3, 3, 3)]


@pytest.mark.parametrize(
    "text",
    [
        "A 25-year-old man was injured.",  # the age is not a count
        "In 2019, 3 people were killed.",  # the year is not a count
        "He was killed by a 7.62 mm bullet at 10:30 pm.",  # calibre and time are not counts
    ],
)
def test_ages_years_calibres_are_not_counts(text: str, resources: Resources) -> None:
    found = figures(text, resources)
    assert all(f[1] in (1, 3) for f in found)
    assert all(f[1] not in (25, 2019, 7, 10) for f in found)


def test_joint_killed_and_wounded_is_halved(resources: Resources) -> None:
    found = figures("7 militants were killed and wounded during an operation.", resources)
    assert [f[:4] for f in found] == [("killed", 0, 3, 7)]


def test_no_figures_without_casualty_words(resources: Resources) -> None:
    assert figures("Three hundred people protested in the square on 5 May 2020.", resources) == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    n=st.integers(min_value=2, max_value=5000),
    noun=st.sampled_from(["people", "soldiers", "civilians"]),
    verb=st.sampled_from(["killed", "wounded", "injured"]),
)
def test_any_stated_number_is_read_back(n: int, noun: str, verb: str, resources: Resources) -> None:
    found = figures(f"On Monday {n:,} {noun} were {verb} in the town.", resources)
    outcome = "killed" if verb == "killed" else "wounded"
    assert [f[:4] for f in found if f[4] is None] == [(outcome, n, n, n)]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Gunmen attacked a bus. The driver died. 1 fatality.", 1, 1),
        ("Militants attacked a post. Fatalities coded as 11.", 11, 11),
        ("Shelling killed a family of three in the town.", 3, 3),
        ("11-12 militants were killed in the clashes.", 11, 12),
    ],
)
def test_stated_counts(resources: Resources, text: str, low: int, high: int) -> None:
    found = [
        m.value.count
        for m in annotate(text, resources, ("casualties.rules.v1",)).of("casualty")
        if m.value.outcome == "killed"
    ]
    assert any(c.low == low and c.high == high for c in found), [(c.low, c.high, c.raw) for c in found]


def test_an_additional_victim_is_marked(resources: Resources) -> None:
    text = "The bomb killed four officers and wounded two. A passing motorcyclist was also hurt."
    found = annotate(text, resources, ("casualties.rules.v1",)).of("casualty")
    extra = [m.value for m in found if m.value.additional]
    assert len(extra) == 1 and extra[0].outcome == "wounded" and extra[0].count.best == 1


def test_a_toll_beyond_any_report_is_refused_with_a_note(resources: Resources) -> None:
    text = "Gunmen attacked the village on Monday, killing 99999999999999999999999 people."
    annotated = annotate(text, resources, (STAGE,))
    assert figures(text, resources) == []
    (note,) = annotated.of("note")
    assert note.text == "99999999999999999999999" and "not read as a toll" in str(note.value)
    assert text[note.start : note.end] == note.text


def test_a_large_but_plausible_toll_has_no_note(resources: Resources) -> None:
    text = "The war has killed 300,000 people, the agency said."
    annotated = annotate(text, resources, (STAGE,))
    assert annotated.of("casualty") and not annotated.of("note")
