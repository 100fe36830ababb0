"""Hand-built extractions for store tests (no spaCy)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sitrep.ingest.documents import make_document
from sitrep.model import DatePrecision, Extraction
from tests.unit.test_serialize import TEXT, make_event


def extraction(
    n: int,
    *,
    day: dt.date = dt.date(2020, 9, 27),
    lat: float | None = 39.8177,
    lon: float | None = 46.7528,
    events: int = 1,
    country: str = "AZE",
) -> Extraction:
    """Document number ``n`` (its own text, so its own id) with ``events`` events on ``day`` at (lat, lon)."""
    text = f"{TEXT} Report {n}."
    doc = make_document(text, published="2020-09-28", source=f"doc{n}.txt")
    made = []
    for k in range(events):
        e = make_event(text=text, event_id=f"{doc.id}-{k}", lat=lat, lon=lon)
        assert e.date is not None and e.place is not None
        made.append(
            replace(
                e, date=replace(e.date, date=day, precision=DatePrecision.DAY), place=replace(e.place, country=country)
            )
        )
    return Extraction(document=doc, events=tuple(made), stages=("test.v1",))
