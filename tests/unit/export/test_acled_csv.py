from __future__ import annotations

import csv
import io

import pytest

from sitrep.export import acled_csv
from sitrep.export.acled_csv import COLUMNS, AcledCsvExporter, disorder_type
from sitrep.model import Count, Evidence
from tests.unit.test_serialize import make_event, make_extraction


def _rows(*extractions) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    exp = AcledCsvExporter(out, clock=lambda: 1_600_000_000)
    for x in extractions:
        exp.write(x)
    exp.close()
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def test_columns_and_values() -> None:
    (row,) = _rows(make_extraction(make_event(), publisher="Armenpress"))
    for col in (
        "event_id_cnty",
        "event_date",
        "time_precision",
        "actor1",
        "inter1",
        "interaction",
        "latitude",
        "longitude",
        "geo_precision",
        "fatalities",
        "notes",
        "timestamp",
        "iso",
        "country",
    ):
        assert col in row
    assert row["event_date"] == "2020-09-27" and row["year"] == "2020" and row["time_precision"] == "1"
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["disorder_type"] == "Political violence"
    assert row["actor1"] == "Military Forces of Azerbaijan (2003-)" and row["actor2"] == "Civilians (Armenia)"
    assert row["inter1"] == "1" and row["inter2"] == "7" and row["interaction"] == "17"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["latitude"] == "39.8177" and row["longitude"] == "46.7528" and row["geo_precision"] == "1"
    assert row["country"] == "Azerbaijan" and row["iso"] == "31" and row["event_id_cnty"].startswith("AZE")
    assert row["source"] == "Armenpress" and row["timestamp"] == "1600000000"
    assert "shelled Stepanakert" in row["notes"] and "Ministry of Defence" in row["notes"]


def test_only_events_that_happened_and_have_an_acled_type() -> None:
    rows = _rows(
        make_extraction(
            make_event(event_id="a"),
            make_event(event_id="b", happened=False),
            make_event(event_id="c", acled_type=None),
        )
    )
    assert [r["event_id_cnty"] for r in rows] == ["AZEa"]


def test_fatalities_fall_back_to_the_low_end(monkeypatch: pytest.MonkeyPatch) -> None:
    real = acled_csv.importlib.import_module

    def no_quantities(name: str):  # type: ignore[no-untyped-def]
        if name == "sitrep.resolve.quantities":
            raise ModuleNotFoundError(name)
        return real(name)

    monkeypatch.setattr(acled_csv.importlib, "import_module", no_quantities)
    ev = Evidence(start=0, end=1, text="x", stage="t")
    assert acled_csv.fatalities(Count(low=3, best=4, high=5, raw="3-5", rule="range", evidence=ev)) == 3
    assert acled_csv.fatalities(None) == 0
    (row,) = _rows(make_extraction(make_event(killed_high=20)))
    assert row["fatalities"] == "13"


def test_quoting_survives_commas_quotes_and_newlines() -> None:
    text = 'On Sunday, Azerbaijani forces shelled Stepanakert with artillery, "killing"\nover a dozen people, the ministry said. They left.'
    ext = make_extraction(make_event(text=text), text=text, publisher='A, "B"\nC')
    (row,) = _rows(ext)
    assert row["source"] == 'A, "B"\nC'
    assert 'artillery, "killing" over a dozen' in row["notes"]


def test_disorder_types() -> None:
    assert disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert disorder_type("Protests", "Excessive force against protesters") == "Political violence; Demonstrations"
    assert disorder_type("Battles", "Armed clash") == "Political violence"
    assert disorder_type("Strategic developments", "Arrests") == "Strategic developments"
