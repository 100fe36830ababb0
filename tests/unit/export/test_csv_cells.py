"""CSV cells a spreadsheet would run as formulas are written as text (export/csv_cells.py)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep import cli
from sitrep.export.acled_csv import AcledCsvExporter
from sitrep.export.csv_cells import FORMULA_STARTS, PLAIN_NUMBER, neutralise
from sitrep.store import StoreWriter, document_rows
from tests.unit.store.conftest import extraction

CRAFTED_SOURCE = '=HYPERLINK("http://example.invalid","open")'


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+2+5", "'+2+5"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r+1", "'\r+1"),
        ("-25.9622", "-25.9622"),
        ("+3", "+3"),
        ("Shelling hit the town", "Shelling hit the town"),
        ("", ""),
        (7, 7),
        (None, None),
    ],
)
def test_formula_cells_become_text_and_numbers_stay(cell: object, written: object) -> None:
    assert neutralise(cell) == written


@given(st.text())
def test_no_neutralised_text_starts_a_formula(text: str) -> None:
    cell = neutralise(text)
    assert not cell.startswith(FORMULA_STARTS) or PLAIN_NUMBER.fullmatch(cell)


def _crafted() -> object:
    x = extraction(1, day=dt.date(2020, 9, 27), lat=39.8, lon=46.7, country="AZE")
    return replace(x, document=replace(x.document, source=CRAFTED_SOURCE))


def _source_cells(text: str) -> list[str]:
    return [row["source"] for row in csv.DictReader(io.StringIO(text))]


def test_the_acled_csv_neutralises_a_crafted_source_unless_raw_cells() -> None:
    for raw, expected in ((False, "'" + CRAFTED_SOURCE), (True, CRAFTED_SOURCE)):
        out = io.StringIO()
        exporter = AcledCsvExporter(out, clock=lambda: 0.0, raw_cells=raw)
        exporter.write(_crafted())  # type: ignore[arg-type]
        exporter.close()
        assert _source_cells(out.getvalue()) == [expected]


def test_store_exports_neutralise_and_raw_cells_applies_to_csv_only(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with StoreWriter(db) as w:
        w.write(document_rows(_crafted()))  # type: ignore[arg-type]
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["export", "--db", str(db), "-f", "acled-csv"], stdout=out, stderr=err) == 0
    assert _source_cells(out.getvalue()) == ["'" + CRAFTED_SOURCE]
    out = io.StringIO()
    assert cli.main(["export", "--db", str(db), "-f", "acled-csv", "--raw-cells"], stdout=out, stderr=err) == 0
    assert _source_cells(out.getvalue()) == [CRAFTED_SOURCE]
    assert cli.main(["export", "--db", str(db), "-f", "geojson", "--raw-cells"], stdout=out, stderr=err) == 2
    assert "[E008] --raw-cells" in err.getvalue()
