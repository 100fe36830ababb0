"""export/store_export.py: exports from the store agree with the single-document exporters, filter, stream."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep import cli
from sitrep.errors import BadOption
from sitrep.export.acled_csv import AcledCsvExporter
from sitrep.export.geojson import GeoJsonExporter
from sitrep.export.jsonl import JsonlExporter
from sitrep.export.store_export import (
    INCIDENT_COLUMNS,
    document_from_record,
    event_from_record,
    export_events,
    export_store,
    incident_row,
    write_acled_csv,
    write_incidents,
)
from sitrep.model import Extraction
from sitrep.serialize import event_to_dict
from sitrep.store import BBox, EventFilter, Store, StoreWriter, document_rows
from tests.unit.store.conftest import extraction
from tests.unit.test_serialize import make_event, make_extraction

# (n, day, lat, lon, country, happened)
ROWS = [
    (1, dt.date(2020, 9, 27), 39.8, 46.7, "AZE", True),
    (2, dt.date(2020, 10, 2), 40.1, 46.0, "AZE", True),
    (3, dt.date(2020, 10, 15), 50.4, 30.5, "UKR", True),
    (4, dt.date(2021, 1, 1), None, None, "AZE", True),
    (5, dt.date(2020, 10, 3), 40.0, 46.2, "AZE", False),
]


def _extraction(n: int, day: dt.date, lat: float | None, lon: float | None, country: str, happened: bool) -> Extraction:
    x = extraction(n, day=day, lat=lat, lon=lon, country=country)
    if happened:
        return x
    events = tuple(replace(e, certainty=replace(e.certainty, hypothetical=True)) for e in x.events)
    return replace(x, events=events)


EXTRACTIONS = [_extraction(*r) for r in ROWS]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "s.db"
    with StoreWriter(path) as w:
        for x in EXTRACTIONS:
            w.write(document_rows(x))
    return path


def _single(exporter_cls: type, **kw: object) -> str:
    """What the single-document exporter writes for all EXTRACTIONS (store order: by date, then id)."""
    out = io.StringIO()
    exp = exporter_cls(out, **kw)
    ordered = sorted(EXTRACTIONS, key=lambda x: (x.events[0].date.date, x.events[0].id))  # type: ignore[union-attr]
    for x in ordered:
        exp.write(x)
    exp.close()
    return out.getvalue()


# ---------------------------------------------------------------- records back into events


@settings(max_examples=40, deadline=None)
@given(
    killed_high=st.one_of(st.none(), st.integers(13, 500)),
    happened=st.booleans(),
    has_coords=st.booleans(),
    acled=st.sampled_from([None, "Battles", "Explosions/Remote violence"]),
)
def test_event_from_record_gives_the_same_record_back(
    killed_high: int | None, happened: bool, has_coords: bool, acled: str | None
) -> None:
    event = make_event(
        killed_high=killed_high,
        happened=happened,
        acled_type=acled,
        lat=39.8 if has_coords else None,
        lon=46.7 if has_coords else None,
    )
    doc = make_extraction(event, publisher="Outlet", title="T").document
    record = json.loads(json.dumps(event_to_dict(event, doc)))
    rebuilt = event_from_record(record)
    assert event_to_dict(rebuilt, document_from_record(record)) == record
    assert rebuilt.happened == happened
    assert rebuilt.trigger == event.trigger and rebuilt.place == event.place and rebuilt.killed == event.killed


def test_document_from_record_keeps_the_citation() -> None:
    x = make_extraction(make_event(), publisher="Outlet", title="T", url="http://x/1")
    doc = document_from_record(event_to_dict(x.events[0], x.document))
    assert (doc.id, doc.publisher, doc.title, doc.url, doc.published, doc.source) == (
        x.document.id,
        "Outlet",
        "T",
        "http://x/1",
        dt.date(2020, 9, 28),
        "a.txt",
    )


# ---------------------------------------------------------------- formats agree with the single-document exporters


def test_acled_csv_from_store_equals_the_acled_exporter(db: Path) -> None:
    out = io.StringIO()
    with Store(db) as store:
        summary = write_acled_csv(store.events(), out, clock=lambda: 1_600_000_000)
    assert out.getvalue() == _single(AcledCsvExporter, clock=lambda: 1_600_000_000)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == summary.written == 4 and summary.left_out == 1  # the hypothetical event
    assert rows[0]["event_date"] == "2020-09-27" and rows[0]["latitude"] == "39.8000"


def test_plover_jsonl_from_store_equals_the_jsonl_exporter(db: Path) -> None:
    out = io.StringIO()
    with Store(db) as store:
        export_store(store, EventFilter(), "plover-jsonl", out)
    assert out.getvalue() == _single(JsonlExporter)


def test_geojson_is_one_feature_collection_longitude_first(db: Path) -> None:
    out = io.StringIO()
    with Store(db) as store:
        summary = export_store(store, EventFilter(), "geojson", out)
    doc = json.loads(out.getvalue())
    single = json.loads(_single(GeoJsonExporter))
    assert doc == single
    assert doc["type"] == "FeatureCollection" and summary.written == len(doc["features"]) == 3
    assert doc["features"][0]["geometry"] == {"type": "Point", "coordinates": [46.7, 39.8]}
    assert summary.left_out == 2  # one without coordinates, one that did not happen


# ---------------------------------------------------------------- filters and streaming


def test_date_range_and_bbox_select_only_events_inside(db: Path) -> None:
    out = io.StringIO()
    where = EventFilter(
        start=dt.date(2020, 9, 1),
        end=dt.date(2020, 12, 31),
        bbox=BBox(min_lon=45.0, min_lat=39.0, max_lon=47.0, max_lat=41.0),
    )
    with Store(db) as store:
        summary = export_store(store, where, "plover-jsonl", out)
    dates = [json.loads(line)["date"] for line in out.getvalue().splitlines()]
    assert dates == ["2020-09-27", "2020-10-02", "2020-10-03"] and summary.read == 3


def test_geojson_features_are_written_as_events_are_read(db: Path) -> None:
    out = io.StringIO()
    seen: list[int] = []

    def events() -> Iterator:  # type: ignore[type-arg]
        with Store(db) as store:
            for i, e in enumerate(store.events()):
                seen.append(out.getvalue().count('"Feature"'))
                yield e

    export_events(events(), "geojson", out)
    assert seen[:3] == [0, 1, 2]  # each feature is out before the next event is read


def test_unknown_format_is_a_bad_option() -> None:
    with pytest.raises(BadOption):
        export_events(iter(()), "shapefile", io.StringIO())


# ---------------------------------------------------------------- incidents


def test_incidents_csv_puts_every_event_that_happened_in_exactly_one_incident(db: Path) -> None:
    out = io.StringIO()
    with Store(db) as store:
        summary = export_store(store, EventFilter(), "incidents-csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(INCIDENT_COLUMNS)
    members = [m for r in rows for m in r["members"].split("; ")]
    happened = [x.events[0].id for x in EXTRACTIONS if x.events[0].happened]
    assert sorted(members) == sorted(happened)
    assert summary.written == len(rows) and summary.left_out == 1


def test_incident_row_reads_an_incident_record() -> None:
    rec = {
        "id": "inc-a",
        "kind": "violent",
        "plover": "ASSAULT",
        "acled_type": "Battles",
        "acled_subtype": None,
        "date": "2022-03-01",
        "date_end": "2022-03-02",
        "place": {"name": "Town", "country": "UKR", "admin1": None, "lat": 1.5, "lon": 2.25, "acled_geo_precision": 3},
        "actors": ["X", "Y"],
        "members": ["a", "b"],
        "documents": ["d1", "d2"],
        "publishers": ["P", "Q"],
        "killed": {"low": 3, "best": 5, "high": 9, "acled": 3},
        "wounded": None,
        "conflicts": [{"field": "killed", "positions": []}],
        "cohesion": 0.8,
    }
    row = incident_row(rec)
    assert row["killed_low"] == 3 and row["killed_high"] == 9 and row["wounded_best"] == ""
    assert row["longitude"] == "2.2500" and row["geo_precision"] == 3 and row["conflicts"] == "killed"
    out = io.StringIO()
    assert write_incidents([rec], out) == 1
    assert next(csv.DictReader(io.StringIO(out.getvalue())))["members"] == "a; b"


def test_incidents_csv_streams_stored_incidents_after_a_merge_run(db: Path, tmp_path: Path) -> None:
    from sitrep.incidents_run import update_incidents

    merged = tmp_path / "merged.db"
    shutil.copy(db, merged)
    update_incidents(merged)
    with Store(merged) as store:
        stored = {i.id: i for i in store.incidents()}
        out = io.StringIO()
        summary = export_store(
            store, EventFilter(bbox=BBox(min_lon=45, min_lat=39, max_lon=47, max_lat=41)), "incidents-csv", out
        )
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows and all(r["incident_id"] in stored for r in rows)  # the stored, stable ids
    assert all(39 <= float(r["latitude"]) <= 41 for r in rows)
    assert summary.read == len(stored) and summary.written == len(rows)


# ---------------------------------------------------------------- the command


def test_cli_export_writes_a_file_and_filters_by_country_and_type(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    err = io.StringIO()
    code = cli.main(
        [
            "export",
            "--db",
            str(db),
            "--format",
            "acled-csv",
            "--country",
            "ukr",
            "--type",
            "Explosions/Remote violence",
            "-o",
            str(target),
        ],
        stderr=err,
    )
    assert code == 0
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [r["country"] for r in rows] == ["Ukraine"]
    assert "1 acled-csv record(s)" in err.getvalue()


def test_cli_export_plover_type_and_bad_options(db: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["export", "--db", str(db), "-f", "plover-jsonl", "--type", "ASSAULT"], stdout=out, stderr=err) == 0
    assert len(out.getvalue().splitlines()) == 5
    assert cli.main(["export", "--db", str(db), "-f", "geojson", "--bbox", "1,2,3"], stdout=out, stderr=err) == 2
    assert cli.main(["export", "--db", str(db), "-f", "geojson", "--start", "2020-13-01"], stdout=out, stderr=err) == 2
    assert "[E008]" in err.getvalue()
