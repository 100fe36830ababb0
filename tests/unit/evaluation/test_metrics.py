from __future__ import annotations

import datetime as dt

import pytest

from sitrep.evaluation.acled import parse_acled_date, strip_dates
from sitrep.evaluation.metrics import Classes, median


def test_macro_f1_counts_misses_against_recall() -> None:
    c = Classes()
    for gold, pred in [("A", "A"), ("A", None), ("B", "B"), ("B", "A")]:
        c.add(gold, pred)
    per = c.per_class()
    assert per["A"]["precision"] == pytest.approx(0.5)
    assert per["A"]["recall"] == pytest.approx(0.5)
    assert per["B"]["precision"] == pytest.approx(1.0)
    assert per["B"]["recall"] == pytest.approx(0.5)
    assert c.macro_f1() == pytest.approx((0.5 + 2 / 3) / 2)
    assert ("A", "(none)", 1) in c.confusions()


def test_weighted_f1_weighs_each_gold_class_by_its_support() -> None:
    c = Classes()
    # A: 3 gold, 2 found, 1 wrongly given to a C row; B: 1 gold, missed (no answer); C: 1 gold, given A
    for gold, pred in [("A", "A"), ("A", "A"), ("A", "B"), ("B", None), ("C", "A")]:
        c.add(gold, pred)
    f1_a = 2 * (2 / 3) * (2 / 3) / (4 / 3)
    assert c.weighted_f1() == pytest.approx((3 * f1_a + 0.0 + 0.0) / 5)
    assert c.macro_f1() == pytest.approx(f1_a / 3)
    assert Classes().weighted_f1() == 0.0


def test_median() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([1.0, 2.0, 3.0, 4.0]) == 2.5


def test_acled_names_lose_their_dates_and_dates_parse_in_both_formats() -> None:
    assert strip_dates("Military Forces of Armenia (2018-)") == "Military Forces of Armenia"
    assert strip_dates("Police Forces of Chile (2018-2022)") == "Police Forces of Chile"
    assert parse_acled_date("9-May-20") == dt.date(2020, 5, 9)
    assert parse_acled_date("2020-09-27") == dt.date(2020, 9, 27)
