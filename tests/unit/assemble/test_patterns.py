"""Protests summed up over years are a pattern, not an incident; one protest told with its day stays."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.acled_view import primary_event
from sitrep.ingest.documents import make_document
from sitrep.pipeline import Pipeline


def subtype(pipeline: Pipeline, text: str) -> str | None:
    event = primary_event(pipeline(make_document(text, published=dt.date(2023, 6, 14))))
    return event.acled_subtype if event is not None else None


@pytest.mark.parametrize(
    "text",
    [
        "Over the past three years, the country has been hit by several protests by farmers demanding higher prices.",
        "In recent years, the region has seen repeated protests by teachers demanding better pay.",
    ],
)
def test_protests_summed_up_over_years_are_no_event(pipeline: Pipeline, text: str) -> None:
    assert subtype(pipeline, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, hundreds of farmers marched in Nairobi demanding higher prices.",
        "Hundreds of teachers demanding better pay gathered outside parliament in Nairobi on Monday.",
    ],
)
def test_one_protest_told_with_its_day_stays(pipeline: Pipeline, text: str) -> None:
    assert subtype(pipeline, text) == "Peaceful protest"
