"""Every exporter, fed generated events (names, notes and sources holding formulas, quotes, controls and
markup; tolls at the plausible bound; places at the poles and the antimeridian): it writes without a
traceback, its JSON parses, and its CSV cells never start a formula unless asked for raw cells."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tempfile
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.export.csv_cells import FORMULA_STARTS
from sitrep.model import Document, Extraction, PlacePrecision
from sitrep.registry import exporter_names, get_exporter
from sitrep.safe_text import clean_text
from tests.fuzz.guards import time_limit
from tests.fuzz.strategies import TEXT
from tests.unit.merge.factory import count, event, place

NAME = TEXT.map(clean_text).filter(str.strip)
ACLED = st.sampled_from(
    [
        (None, None),
        ("Battles", "Armed clash"),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("Violence against civilians", "Attack"),
        ("Protests", "Peaceful protest"),
        ("Riots", "Mob violence"),
        ("Strategic developments", "Looting/property destruction"),
    ]
)
COUNT = st.one_of(st.none(), st.integers(0, 100_000_000).map(count))
PLACE = st.one_of(
    st.none(),
    st.builds(
        place,
        name=NAME,
        lat=st.one_of(st.none(), st.floats(-90, 90)),
        lon=st.one_of(st.none(), st.floats(-180, 180)),
        precision=st.sampled_from(list(PlacePrecision)),
        country=st.sampled_from(["UKR", "MLI", "ARM", "XKX", ""]),
        admin1=st.one_of(st.none(), NAME),
    ),
)
EVENT = st.builds(
    event,
    eid=st.text(alphabet="0123456789abcdef", min_size=16, max_size=16),
    doc=st.just("d"),
    day=st.one_of(st.none(), st.dates(dt.date(1800, 1, 1), dt.date(2199, 12, 31))),
    where=PLACE,
    acled=ACLED,
    plover=st.sampled_from(["ASSAULT", "PROTEST", "COERCE", "ACCUSE", "MOBILIZE"]),
    actors=st.lists(NAME, max_size=3).map(tuple),
    killed=COUNT,
    wounded=COUNT,
    claimant=st.one_of(st.none(), NAME),
    sentence=NAME,
    hypothetical=st.booleans(),
)
DOCUMENT = st.builds(
    Document,
    id=st.just("d"),
    text=NAME,
    title=st.one_of(st.none(), NAME),
    url=st.one_of(st.none(), NAME),
    publisher=st.one_of(st.none(), NAME),
    published=st.one_of(st.none(), st.dates(dt.date(1800, 1, 1), dt.date(2199, 12, 31))),
    source=NAME,
)
EXTRACTION = st.builds(
    lambda document, events: Extraction(document=document, events=tuple(events)),
    DOCUMENT,
    st.lists(EVENT, max_size=4),
)


def _write(name: str, extractions: list[Extraction], raw_cells: bool) -> str:
    out = io.StringIO()
    cls = get_exporter(name)
    exporter = cls(out, raw_cells=True) if raw_cells else cls(out)
    try:
        for extraction in extractions:
            exporter.write(extraction)
    finally:
        exporter.close()
    return out.getvalue()


@given(st.sampled_from(exporter_names()), st.lists(EXTRACTION, min_size=1, max_size=3))
def test_every_exporter_writes_what_it_is_given(name: str, extractions: list[Extraction]) -> None:
    with time_limit("exporters"):
        text = _write(name, extractions, raw_cells=False)
    text.encode("utf-8")
    if name == "jsonl":
        for line in text.split("\n")[:-1]:  # not splitlines(): a record may hold U+2028 as it is
            json.loads(line)
    elif name == "geojson":
        assert json.loads(text)["type"] == "FeatureCollection"
    elif name.endswith("csv"):
        for row in csv.reader(io.StringIO(text, newline="")):
            for cell in row:
                assert not cell.startswith(FORMULA_STARTS) or _is_number(cell), cell


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@given(st.lists(EXTRACTION, min_size=1, max_size=2))
def test_raw_cells_are_written_as_given(extractions: list[Extraction]) -> None:
    with time_limit("exporters (raw cells)"):
        text = _write("acled-csv", extractions, raw_cells=True)
    list(csv.reader(io.StringIO(text, newline="")))


@settings(max_examples=max(20, settings.default.max_examples // 10))
@given(
    st.lists(EXTRACTION, min_size=1, max_size=3),
    st.sampled_from(["incidents-csv", "acled-csv", "geojson", "plover-jsonl"]),
)
def test_the_store_export_writes_what_was_stored(extractions: list[Extraction], fmt: str) -> None:
    """Through the store: written, read back and exported (incidents merged on the way for incidents-csv)."""
    from sitrep.export.store_export import export_store
    from sitrep.store import EventFilter, Store, StoreWriter, document_rows

    with tempfile.TemporaryDirectory() as folder, time_limit("exporters (from a store)"):
        db = f"{folder}/s.db"
        with StoreWriter(db) as writer:
            for n, extraction in enumerate(extractions):
                document = replace(extraction.document, id=f"d{n}")
                events = [replace(e, id=f"{n}-{i}", document_id=document.id) for i, e in enumerate(extraction.events)]
                writer.write(document_rows(Extraction(document=document, events=tuple(events))))
        out = io.StringIO()
        with Store(db) as store:
            export_store(store, EventFilter(), fmt, out)
        if fmt.endswith("csv"):
            for row in csv.reader(io.StringIO(out.getvalue(), newline="")):
                assert not any(c.startswith(FORMULA_STARTS) and not _is_number(c) for c in row), row
