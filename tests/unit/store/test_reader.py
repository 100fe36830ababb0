"""store/reader.py: filters by date, bounding box, country, type, actor; streaming order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.errors import BadOption
from sitrep.store import BBox, EventFilter, Store, StoreWriter, document_rows
from tests.unit.store.conftest import extraction

# (n, day, lat, lon, country)
ROWS = [
    (1, dt.date(2020, 9, 27), 39.8, 46.7, "AZE"),
    (2, dt.date(2020, 10, 2), 40.1, 46.0, "AZE"),
    (3, dt.date(2020, 10, 15), 50.4, 30.5, "UKR"),
    (4, dt.date(2021, 1, 1), None, None, "AZE"),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "s.db"
    with StoreWriter(path) as w:
        for n, day, lat, lon, country in ROWS:
            w.write(document_rows(extraction(n, day=day, lat=lat, lon=lon, country=country)))
    return path


def days(store: Store, f: EventFilter) -> list[dt.date | None]:
    return [e.date for e in store.events(f)]


def test_all_events_ordered_by_date(db: Path) -> None:
    with Store(db) as s:
        assert days(s, EventFilter()) == [r[1] for r in ROWS]
        assert s.count_events() == 4


def test_date_range_is_inclusive(db: Path) -> None:
    with Store(db) as s:
        f = EventFilter(start=dt.date(2020, 10, 2), end=dt.date(2020, 10, 15))
        assert days(s, f) == [dt.date(2020, 10, 2), dt.date(2020, 10, 15)]
        assert s.count_events(f) == 2


def test_bbox_and_country(db: Path) -> None:
    with Store(db) as s:
        caucasus = BBox(min_lon=44.0, min_lat=38.0, max_lon=48.0, max_lat=42.0)
        assert days(s, EventFilter(bbox=caucasus)) == [dt.date(2020, 9, 27), dt.date(2020, 10, 2)]
        assert days(s, EventFilter(country="UKR")) == [dt.date(2020, 10, 15)]
        assert days(s, EventFilter(bbox=caucasus, start=dt.date(2020, 10, 1))) == [dt.date(2020, 10, 2)]


def test_actor_role_type_and_limit(db: Path) -> None:
    with Store(db) as s:
        assert s.count_events(EventFilter(actor="Azerbaijan")) == 4
        assert s.count_events(EventFilter(actor="Ministry of Defence")) == 0  # claimant only, not asked for
        assert s.count_events(EventFilter(actor="Ministry of Defence", roles=("claimant",))) == 4
        assert s.count_events(EventFilter(acled_type="Protests")) == 0
        assert len(list(s.events(EventFilter(plover="ASSAULT", limit=2)))) == 2


def test_event_and_document_lookup(db: Path) -> None:
    with Store(db) as s:
        first = next(s.events())
        assert s.event(first.id) == first
        doc = s.document(first.document_id)
        assert doc is not None and doc.text.endswith("Report 1.")
        assert first.record["sitrep"]["document_id"] == doc.id
        assert ("claimant", "Ministry of Defence", "ARM") in s.actors(first.id)
        assert s.document("nope") is None and s.event("nope") is None
        assert len(list(s.documents())) == 4


def test_bbox_parse() -> None:
    assert BBox.parse("44,38,48,42") == BBox(min_lon=44, min_lat=38, max_lon=48, max_lat=42)
    with pytest.raises(BadOption):
        BBox.parse("44,38,48")
    with pytest.raises(BadOption):
        BBox.parse("48,38,44,42")


@settings(max_examples=40, deadline=None)
@given(lo=st.floats(-10, 60), width=st.floats(0, 40), lo_lon=st.floats(-10, 60), wid_lon=st.floats(0, 40))
def test_bbox_filter_equals_a_plain_scan(db: Path, lo: float, width: float, lo_lon: float, wid_lon: float) -> None:
    """Whatever the box, the R-tree answer is exactly the events whose coordinates lie inside it."""
    box = BBox(min_lon=lo_lon, min_lat=lo, max_lon=lo_lon + wid_lon, max_lat=lo + width)
    with Store(db) as s:
        expected = sorted(
            e.id
            for e in s.events()
            if e.lat is not None
            and e.lon is not None
            and box.min_lat <= e.lat <= box.max_lat
            and box.min_lon <= e.lon <= box.max_lon
        )
        assert sorted(e.id for e in s.events(EventFilter(bbox=box))) == expected


@settings(max_examples=40, deadline=None)
@given(
    row=st.sampled_from([r for r in ROWS if r[2] is not None]),
    first=st.integers(-20, 20),
    span=st.integers(0, 40),
    grow=st.floats(0, 5),
)
def test_window_with_edges_on_a_point_equals_a_plain_scan(
    db: Path,
    row: tuple,
    first: int,
    span: int,  # type: ignore[type-arg]
    grow: float,
) -> None:
    """A box whose corner is an event's exact point and a date window around its day: the space-time
    R-tree (float32 bounds) neither loses that event nor adds another."""
    _, day, lat, lon, _ = row
    box = BBox(min_lon=lon, min_lat=lat, max_lon=lon + grow, max_lat=lat + grow)
    start, end = day + dt.timedelta(days=first), day + dt.timedelta(days=first + span)
    with Store(db) as s:
        expected = sorted(
            e.id
            for e in s.events()
            if e.lat is not None
            and e.lon is not None
            and e.date is not None
            and start <= e.date <= end
            and box.min_lat <= e.lat <= box.max_lat
            and box.min_lon <= e.lon <= box.max_lon
        )
        assert sorted(e.id for e in s.events(EventFilter(start=start, end=end, bbox=box))) == expected
