"""Vague-quantity rules (docs/casualty-rules.md) and the ACLED fatalities rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.model import Count, Evidence
from sitrep.resolve.quantities import acled_fatalities, parse_quantity


@pytest.mark.parametrize(
    ("text", "low", "best", "high", "rule"),
    [
        ("over a hundred", 100, 100, None, "at-least:over"),
        ("over a dozen", 12, 12, None, "at-least:over"),
        ("more than 20", 20, 20, None, "at-least:more than"),
        ("at least one", 1, 1, None, "at-least:at least"),
        ("upwards of 300", 300, 300, None, "at-least:upwards of"),
        ("nearly 100", 90, 99, 99, "nearly:nearly"),
        ("almost 20", 18, 19, 19, "nearly:almost"),
        ("up to 30", 1, 30, 30, "up-to:up to"),
        ("about 50", 45, 50, 55, "about:about"),
        ("around 5", 4, 5, 6, "about:around"),
        ("some 20", 18, 20, 22, "about:some"),
        ("roughly 1,000", 900, 1000, 1100, "about:roughly"),
        ("10 to 15", 10, 10, 15, "range"),
        ("10-15", 10, 10, 15, "range"),
        ("between 10 and 15", 10, 10, 15, "range"),
        ("a dozen", 12, 12, 12, "exact"),
        ("dozens of", 12, 24, None, "unit-plural:dozens"),
        ("scores", 20, 40, None, "unit-plural:scores"),
        ("tens of", 10, 20, None, "unit-plural:tens"),
        ("hundreds", 100, 200, None, "unit-plural:hundreds"),
        ("thousands of", 1000, 2000, None, "unit-plural:thousands"),
        ("several", 3, 3, None, "vague:several"),
        ("a few", 2, 3, None, "vague:a few"),
        ("many", 3, 3, None, "vague:many"),
        ("a number of", 2, 3, None, "vague:a number"),
        ("an unknown number of", 1, 1, None, "unknown"),
        ("a", 1, 1, 1, "exact"),
        ("one", 1, 1, 1, "exact"),
        ("a single", 1, 1, 1, "exact"),
        ("two children", 2, 2, 2, "exact"),
        ("twenty-five", 25, 25, 25, "exact"),
        ("1,200", 1200, 1200, 1200, "exact"),
        ("no one", 0, 0, 0, "none"),
        ("nobody", 0, 0, 0, "none"),
    ],
)
def test_rules(text: str, low: int, best: int, high: int | None, rule: str) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert (q.low, q.best, q.high, q.rule) == (low, best, high, rule)


def test_unknown_number_says_why() -> None:
    q = parse_quantity("an unspecified number")
    assert q is not None and q.reason


@pytest.mark.parametrize("text", ["", "people", "the village", "killed", "to 25"])
def test_not_quantities(text: str) -> None:
    assert parse_quantity(text) is None


def test_strict_refuses_trailing_words() -> None:
    assert parse_quantity("two children", strict=True) is None
    assert parse_quantity("two", strict=True) is not None


def _count(text: str) -> Count:
    q = parse_quantity(text)
    assert q is not None
    ev = Evidence(start=0, end=len(text), text=text, stage="test")
    return Count(low=q.low, best=q.best, high=q.high, raw=text, rule=q.rule, evidence=ev)


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("over a dozen", 12),
        ("dozens", 12),
        ("hundreds", 100),
        ("tens of", 10),
        ("several", 3),
        ("an unknown number of", 10),
        ("about 50", 50),
        ("10 to 15", 10),
        ("7", 7),
        ("no one", 0),
        ("up to 30", 30),
    ],
)
def test_acled_fatalities(text: str, fatalities: int) -> None:
    assert acled_fatalities(_count(text)) == fatalities


def test_acled_fatalities_without_count_is_zero() -> None:
    assert acled_fatalities(None) == 0


@given(st.integers(min_value=0, max_value=10_000_000))
def test_any_number_is_exact(n: int) -> None:
    for text in (str(n), f"{n:,}"):
        q = parse_quantity(text)
        assert q is not None and (q.low, q.best, q.high) == (n, n, n)


_MODIFIERS = [
    "",
    "over ",
    "more than ",
    "at least ",
    "nearly ",
    "almost ",
    "up to ",
    "about ",
    "around ",
    "some ",
    "roughly ",
    "fewer than ",
    "as many as ",
    "upwards of ",
]
_CORES = st.one_of(
    st.integers(min_value=0, max_value=100_000).map(str),
    st.sampled_from(
        [
            "a dozen",
            "dozens",
            "scores of",
            "hundreds",
            "thousands",
            "several",
            "a few",
            "many",
            "a number of",
            "an unknown number of",
            "one",
            "a hundred",
            "twenty-five",
            "three hundred",
        ]
    ),
    st.tuples(st.integers(0, 5000), st.integers(0, 5000)).map(lambda ab: f"{ab[0]} to {ab[1]}"),
)


@given(st.sampled_from(_MODIFIERS), _CORES)
def test_invariant_low_best_high(modifier: str, core: str) -> None:
    q = parse_quantity(modifier + core)
    if q is None:
        return
    assert 0 <= q.low <= q.best
    assert q.high is None or q.best <= q.high
    assert q.rule


@pytest.mark.parametrize(
    "phrase", ["99999999999999999999999", "100,000,001", "9" * 5000, "between 3 and 99999999999999999999"]
)
def test_numbers_beyond_any_plausible_count_are_not_figures(phrase: str) -> None:
    assert parse_quantity(phrase) is None


def test_the_largest_plausible_count_is_still_a_figure() -> None:
    q = parse_quantity("100,000,000")
    assert q is not None and q.best == 100_000_000
