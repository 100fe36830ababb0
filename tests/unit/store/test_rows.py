"""store/rows.py: the indexed columns agree with the event, and the JSON record is serialize's."""

from __future__ import annotations

import json

from sitrep.serialize import event_to_dict
from sitrep.store.rows import document_rows, event_row
from tests.unit.store.conftest import extraction


def test_event_row_columns_and_record() -> None:
    x = extraction(1)
    event = x.events[0]
    row = event_row(event, x.document)
    assert (row.date, row.country, row.lat, row.lon) == ("2020-09-27", "AZE", 39.8177, 46.7528)
    assert row.date_end == row.date  # a day-precision date ends on itself
    assert row.killed_best == 13 and row.wounded_best is None
    assert row.plover == "ASSAULT" and row.acled_type == "Explosions/Remote violence"
    assert json.loads(row.record) == json.loads(json.dumps(event_to_dict(event, x.document)))
    roles = {(a.role, a.name) for a in row.actors}
    assert roles == {("actor", "Azerbaijan"), ("recipient", "Civilians"), ("claimant", "Ministry of Defence")}


def test_document_rows_keeps_every_event_in_order() -> None:
    x = extraction(2, events=3)
    rows = document_rows(x)
    assert [r.id for r in rows.events] == [e.id for e in x.events]
    assert rows.stages == ("test.v1",)


def test_event_without_place_or_coordinates() -> None:
    x = extraction(3, lat=None, lon=None)
    row = event_row(x.events[0], x.document)
    assert row.lat is None and row.lon is None and row.country == "AZE"
