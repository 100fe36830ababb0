"""sitrep.resolve.dates: date expressions to windows anchored on the publication date."""

from __future__ import annotations

import datetime as dt
import types

import pytest

from sitrep.model import DatePrecision
from sitrep.resolve import dates
from sitrep.resolve.dates import NO_PUBLICATION, NO_YEAR, read_date

D = dt.date
DAY, WEEK, MONTH, YEAR, UNKNOWN = (
    DatePrecision.DAY,
    DatePrecision.WEEK,
    DatePrecision.MONTH,
    DatePrecision.YEAR,
    DatePrecision.UNKNOWN,
)
PUB = D(2020, 5, 6)  # a Wednesday


def test_publication_date_is_a_wednesday() -> None:
    assert PUB.weekday() == 2


@pytest.mark.parametrize(
    ("raw", "date", "precision", "end"),
    [
        ("On September 27, 2020", D(2020, 9, 27), DAY, None),
        ("on 27 September 2020", D(2020, 9, 27), DAY, None),
        ("27-Sep-20", D(2020, 9, 27), DAY, None),
        ("2020-04-30", D(2020, 4, 30), DAY, None),
        ("yesterday", D(2020, 5, 5), DAY, None),
        ("yesterday evening", D(2020, 5, 5), DAY, None),
        ("last night", D(2020, 5, 5), DAY, None),
        ("overnight", D(2020, 5, 5), DAY, None),  # the night before the report, coded to the day it began
        ("in overnight", D(2020, 5, 5), DAY, None),
        ("earlier today", PUB, DAY, None),
        ("this morning", PUB, DAY, None),
        ("two days ago", D(2020, 5, 4), DAY, None),
        ("on Sunday", D(2020, 5, 3), DAY, None),
        ("on Monday night", D(2020, 5, 4), DAY, None),
        ("late on Tuesday", D(2020, 5, 5), DAY, None),
        ("on Wednesday", PUB, DAY, None),  # the publication day itself (documented choice)
        ("on Thursday", D(2020, 4, 30), DAY, None),
        ("last Wednesday", D(2020, 4, 29), DAY, None),
        ("on the night of 3 May", D(2020, 5, 3), DAY, None),
        ("last week", D(2020, 4, 27), WEEK, D(2020, 5, 3)),
        ("this week", D(2020, 5, 4), WEEK, PUB),
        ("over the weekend", D(2020, 5, 2), WEEK, D(2020, 5, 3)),
        ("two weeks ago", D(2020, 4, 20), WEEK, D(2020, 4, 26)),
        ("between 1 and 3 May", D(2020, 5, 1), WEEK, D(2020, 5, 3)),
        ("in May 2020", D(2020, 5, 1), MONTH, D(2020, 5, 31)),
        ("in early April", D(2020, 4, 1), MONTH, D(2020, 4, 30)),
        ("last month", D(2020, 4, 1), MONTH, D(2020, 4, 30)),
        ("in 2019", D(2019, 1, 1), YEAR, D(2019, 12, 31)),
        ("last year", D(2019, 1, 1), YEAR, D(2019, 12, 31)),
        ("the 3rd of May", D(2020, 5, 3), DAY, None),  # dateparser fallback
        ("Sept. 27th, 2019", D(2019, 9, 27), DAY, None),  # dateparser fallback
    ],
)
def test_expressions_against_a_fixed_publication_date(
    raw: str, date: dt.date, precision: DatePrecision, end: dt.date | None
) -> None:
    reading = read_date(raw, PUB)
    assert reading is not None
    assert (reading.date, reading.precision, reading.end) == (date, precision, end)


def test_on_monday_published_on_a_monday_is_that_day() -> None:
    monday = D(2020, 5, 4)
    assert read_date("on Monday", monday).date == monday  # dateparser alone answers 2020-04-27
    assert read_date("last Monday", monday).date == D(2020, 4, 27)
    assert read_date("on Tuesday", monday).date == D(2020, 4, 28)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (D(2020, 11, 9), D(2019, 11, 10)),
        (D(2020, 11, 10), D(2020, 11, 10)),
        (D(2020, 11, 11), D(2020, 11, 10)),
        (D(2021, 1, 3), D(2020, 11, 10)),
    ],
)
def test_day_and_month_without_year_is_never_in_the_future(published: dt.date, expected: dt.date) -> None:
    reading = read_date("November 10", published)
    assert reading.date == expected and reading.precision is DAY
    assert reading.reason == NO_YEAR


def test_previous_day_counts_from_the_anchor_else_the_publication() -> None:
    assert read_date("the previous day", PUB, D(2020, 5, 1)).date == D(2020, 4, 30)
    fallback = read_date("the previous day", PUB)
    assert fallback.date == D(2020, 5, 5) and fallback.reason is not None


@pytest.mark.parametrize(
    "raw",
    [
        "yesterday",
        "on Sunday",
        "last week",
        "two days ago",
        "this morning",
        "last month",
        "over the weekend",
        "November 10",
        "in May",
    ],
)
def test_relative_without_publication_date_is_unknown(raw: str) -> None:
    reading = read_date(raw, None)
    assert reading is not None
    assert reading.date is None and reading.precision is UNKNOWN and reading.reason
    if raw not in {"November 10", "in May"}:
        assert reading.reason == NO_PUBLICATION


@pytest.mark.parametrize(
    ("raw", "date"),
    [
        ("On September 27, 2020", D(2020, 9, 27)),
        ("27-Sep-20", D(2020, 9, 27)),
        ("in May 2020", D(2020, 5, 1)),
        ("Sept. 27th, 2019", D(2019, 9, 27)),
    ],
)
def test_absolute_dates_resolve_without_publication_date(raw: str, date: dt.date) -> None:
    assert read_date(raw, None).date == date


def test_no_publication_date_never_consults_today(monkeypatch: pytest.MonkeyPatch) -> None:
    class TrapDate(dt.date):
        @classmethod
        def today(cls):  # type: ignore[no-untyped-def]
            raise AssertionError("date.today() called")

    class TrapDatetime(dt.datetime):
        @classmethod
        def today(cls):  # type: ignore[no-untyped-def]
            raise AssertionError("datetime.today() called")

        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def]
            raise AssertionError("datetime.now() called")

    monkeypatch.setattr(
        dates, "dt", types.SimpleNamespace(date=TrapDate, datetime=TrapDatetime, timedelta=dt.timedelta)
    )
    read_date.cache_clear()
    try:
        for raw in ("yesterday", "on Sunday", "last week", "3 May", "the 3rd of May", "27-Sep-20", "in 2019"):
            read_date(raw, None)
        assert read_date("yesterday", None).date is None
        assert read_date("27-Sep-20", None).date == D(2020, 9, 27)
    finally:
        read_date.cache_clear()


@pytest.mark.parametrize(
    "raw",
    [
        "for three days",
        "three days",
        "a 25-year-old",
        "25 years old",
        "2020",
        "COVID-19",
        "the past 24 hours",
        "several weeks",
        "decades",
        "May",
    ],
)
def test_non_dates_are_rejected(raw: str) -> None:
    assert read_date(raw, PUB) is None


def test_time_of_day_alone_is_not_a_date_without_dateparser() -> None:
    assert read_date("10 a.m.", PUB, allow_dateparser=False) is None
    assert read_date("at 4:30", PUB, allow_dateparser=False) is None


def test_two_digit_year_pivots_on_the_publication_date() -> None:
    assert read_date("27-Sep-20", D(2020, 9, 28)).date == D(2020, 9, 27)
    assert read_date("27-Sep-95", D(2020, 9, 28)).date == D(1995, 9, 27)


def test_impossible_day_is_rejected() -> None:
    assert read_date("31 February 2020", PUB) is None
