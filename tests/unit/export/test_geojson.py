from __future__ import annotations

import io
import json

from sitrep.export.geojson import GeoJsonExporter
from tests.unit.test_serialize import make_event, make_extraction


def _run(*extractions) -> tuple[dict, GeoJsonExporter]:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    exp = GeoJsonExporter(out)
    for x in extractions:
        exp.write(x)
    exp.close()
    return json.loads(out.getvalue()), exp


def test_longitude_first_and_valid_json() -> None:
    data, exp = _run(make_extraction(make_event()))
    assert data["type"] == "FeatureCollection"
    (feat,) = data["features"]
    assert feat["geometry"] == {"type": "Point", "coordinates": [46.7528, 39.8177]}
    props = feat["properties"]
    assert props["event"] == "ASSAULT" and props["killed"] == 13 and props["claimant"] == "Ministry of Defence"
    assert props["actors"] == ["Azerbaijan"] and props["precision"] == "town"
    assert exp.written == 1 and exp.skipped == 0


def test_events_without_coordinates_or_that_did_not_happen_are_counted_not_mapped() -> None:
    data, exp = _run(
        make_extraction(make_event(lat=None, lon=None), make_event(event_id="h", happened=False)),
        make_extraction(make_event(event_id="ok")),
    )
    assert [f["id"] for f in data["features"]] == ["ok"]
    assert exp.skipped == 1 and exp.not_happened == 1


def test_empty_collection_is_valid() -> None:
    data, _ = _run()
    assert data == {"type": "FeatureCollection", "features": []}


def test_header_written_before_any_feature() -> None:
    out = io.StringIO()
    GeoJsonExporter(out)
    assert out.getvalue().startswith('{"type": "FeatureCollection"')
