"""sitrep.assemble.dates: which stated date is the event's."""

from __future__ import annotations

import datetime as dt

from sitrep.acled_view import coded_events
from sitrep.ingest.documents import make_document

PUB = "2024-03-13"  # a Wednesday


def _dates(pipeline, text: str) -> list[tuple[str, dt.date | None]]:  # type: ignore[no-untyped-def]
    events = coded_events(pipeline(make_document(text, published=PUB)))
    return [(e.trigger.text, e.date.date if e.date else None) for e in events]


def test_a_headline_with_no_date_takes_the_day_its_lead_states(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen kill nine farmers in central Nigeria\n\n"
        "Armed men on motorcycles killed nine farmers in a village of Benue state on Monday, a police "
        "spokeswoman said on Tuesday.\n\nThe attackers also burned several houses, residents said."
    )
    got = _dates(pipeline, text)
    assert got and got[0][1] == dt.date(2024, 3, 11)


def test_a_headline_does_not_take_a_file_photos_old_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Police detain opposition leaders in the capital\n\n"
        "In this January 4, 2023, file photo, an opposition leader speaks to reporters.\n\n"
        "Police detained three opposition leaders at their homes on Tuesday, their party said."
    )
    got = _dates(pipeline, text)
    assert got and all(d == dt.date(2024, 3, 12) for _, d in got)


def test_a_fronted_date_before_a_reporting_clause_dates_the_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On Sunday, in the restive Northern province, a homemade bomb wounded at least six people including "
        "a policeman who later died, state radio said."
    )
    got = _dates(pipeline, text)
    assert got and got[0][1] == dt.date(2024, 3, 10)


def test_came_days_after_dates_the_earlier_incident(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Two rockets struck an army base near Kirkuk on Tuesday, security officials said. "
        "The strike came two days after a drone attacked a checkpoint in Tuz Khurmatu."
    )
    got = dict(_dates(pipeline, text))
    assert got.get("drone attacked") == dt.date(2024, 3, 10)
