"""Exports from the store: events read from a :class:`~sitrep.store.Store`, streamed to a text stream.

Each stored event keeps its full record (``sitrep.serialize.event_to_dict``). ``geojson`` builds
each feature from that record (``geojson.feature_from_record``, which the single-document exporter
uses too); ``acled-csv`` rebuilds the typed :class:`~sitrep.model.Event` (:func:`event_from_record`)
for ``acled_csv.row``. Either way an export from the store and ``sitrep extract --format ...`` on
the same text give the same rows. ``plover-jsonl`` writes the stored record itself, which is what
the ``jsonl`` exporter writes.

``incidents-csv`` streams the incidents a ``sitrep merge`` run stored; on a store never merged it
merges the selected events here, which needs them all at once (the selection, not the whole
store, is then held in memory). Everything else streams from the store's cursor.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from ..acled_view import coded
from ..errors import BadOption, StoreError
from ..model import Document, Event, Extraction
from ..store.decode import document_from_cite_info, event_from_dict
from ..store.failures import stored_record
from ..store.incidents import StoredIncident
from ..store.reader import EventFilter, Store, StoredEvent
from . import acled_csv, geojson
from .csv_cells import CsvRows

FORMATS = ("acled-csv", "plover-jsonl", "geojson", "incidents-csv")

INCIDENT_COLUMNS = (
    "incident_id",
    "date",
    "date_end",
    "kind",
    "event",
    "acled_type",
    "acled_subtype",
    "location",
    "country",
    "admin1",
    "latitude",
    "longitude",
    "geo_precision",
    "actors",
    "killed_low",
    "killed_best",
    "killed_high",
    "killed_acled",
    "wounded_low",
    "wounded_best",
    "wounded_high",
    "wounded_acled",
    "conflicts",
    "reports",
    "documents",
    "publishers",
    "members",
    "cohesion",
)


@dataclass(frozen=True, kw_only=True, slots=True)
class ExportSummary:
    """What an export wrote. ``left_out``: selected events the format has no row for (see docs/export.md)."""

    format: str
    read: int  # events read from the store
    written: int  # rows, features, lines or incidents written
    left_out: int


# ---------------------------------------------------------------- records back into typed events


def event_from_record(rec: dict[str, Any]) -> Event:
    """The typed event a stored record was made from (``sitrep.store.decode``, the inverse of event_to_dict)."""
    return stored_record(event_from_dict, rec, f"the record of event {rec.get('id') if isinstance(rec, dict) else '?'}")


def document_from_record(rec: dict[str, Any]) -> Document:
    """The event's document as far as exports need it: its metadata (``cite_info``), not its text."""
    return stored_record(
        lambda r: document_from_cite_info(r["sitrep"]["document_id"], r.get("cite_info") or {}),
        rec,
        "an event's document metadata",
    )


def extraction_of(stored: StoredEvent) -> Extraction:
    """A one-event extraction, the shape the single-document row functions take."""
    return Extraction(document=document_from_record(stored.record), events=(event_from_record(stored.record),))


# ---------------------------------------------------------------- the formats


def write_plover_jsonl(events: Iterable[StoredEvent], out: TextIO) -> ExportSummary:
    read = 0
    for stored in events:
        out.write(json.dumps(stored.record, ensure_ascii=False) + "\n")
        read += 1
    return ExportSummary(format="plover-jsonl", read=read, written=read, left_out=0)


def write_acled_csv(
    events: Iterable[StoredEvent], out: TextIO, *, clock: Callable[[], float] = time.time, raw_cells: bool = False
) -> ExportSummary:
    """ACLED rows for events that happened, have an ACLED type and are news (as the acled-csv exporter does)."""
    writer = CsvRows(out, acled_csv.COLUMNS, raw=raw_cells)
    writer.header()
    stamp = int(clock())
    read = written = 0
    for stored in events:
        read += 1
        if not stored.happened or stored.acled_type is None:
            continue
        extraction = extraction_of(stored)
        if not coded(extraction.events[0]):  # recalled as background by its report
            continue
        writer.row(acled_csv.row(extraction.events[0], extraction, timestamp=stamp))
        written += 1
    return ExportSummary(format="acled-csv", read=read, written=written, left_out=read - written)


def write_geojson(events: Iterable[StoredEvent], out: TextIO) -> ExportSummary:
    """A FeatureCollection of the events that happened and have coordinates, written as they are read."""
    out.write('{"type": "FeatureCollection", "features": [')
    read = written = 0
    close = True
    try:
        for stored in events:
            read += 1
            if not stored.happened or stored.lat is None or stored.lon is None:
                continue
            feat = geojson.feature_from_record(stored.record)
            if feat is None:
                continue
            out.write(("\n" if written == 0 else ",\n") + json.dumps(feat, ensure_ascii=False))
            written += 1
    except StoreError:  # a store failing half-way: left unclosed, the output cannot pass for complete
        close = False
        raise
    finally:  # even when interrupted, what was written is closed into valid JSON
        if close:
            out.write("\n]}\n")
    return ExportSummary(format="geojson", read=read, written=written, left_out=read - written)


def _figure(prefix: str, fig: dict[str, Any] | None) -> dict[str, Any]:
    keys = ("low", "best", "high", "acled")
    return {f"{prefix}_{k}": (fig[k] if fig is not None and fig.get(k) is not None else "") for k in keys}


def incident_row(rec: dict[str, Any]) -> dict[str, Any]:
    """One incident as a row keyed by INCIDENT_COLUMNS; lists are joined with "; ".

    ``rec`` is an incident record as ``sitrep.store.incidents.incident_to_dict`` writes it (the
    ``record`` of a stored incident). Keys read: id, kind, plover, acled_type, acled_subtype,
    date, date_end, place (name, country, admin1, lat, lon, acled_geo_precision), actors, killed
    and wounded (low, best, high, acled), conflicts (field), members, documents, publishers, cohesion.
    """
    p = rec.get("place") or {}
    lat, lon = p.get("lat"), p.get("lon")
    return {
        "incident_id": rec["id"],
        "date": rec.get("date") or "",
        "date_end": rec.get("date_end") or "",
        "kind": rec["kind"],
        "event": rec["plover"],
        "acled_type": rec.get("acled_type") or "",
        "acled_subtype": rec.get("acled_subtype") or "",
        "location": p.get("name") or "",
        "country": p.get("country") or "",
        "admin1": p.get("admin1") or "",
        "latitude": f"{lat:.4f}" if lat is not None else "",
        "longitude": f"{lon:.4f}" if lon is not None else "",
        "geo_precision": p.get("acled_geo_precision") or "",
        "actors": "; ".join(rec.get("actors", ())),
        **_figure("killed", rec.get("killed")),
        **_figure("wounded", rec.get("wounded")),
        "conflicts": "; ".join(sorted({c["field"] for c in rec.get("conflicts", ())})),
        "reports": len(rec.get("members", ())),
        "documents": len(rec.get("documents", ())),
        "publishers": "; ".join(rec.get("publishers", ())),
        "members": "; ".join(rec.get("members", ())),
        "cohesion": f"{rec.get('cohesion', 1.0):.3f}",
    }


def write_incidents(records: Iterable[dict[str, Any]], out: TextIO, *, raw_cells: bool = False) -> int:
    """Incident records as CSV rows, written as they come; returns how many were written."""
    writer = CsvRows(out, INCIDENT_COLUMNS, raw=raw_cells)
    writer.header()
    written = 0
    for rec in records:
        writer.row(incident_row(rec))
        written += 1
    return written


def write_incidents_csv(events: Iterable[StoredEvent], out: TextIO, *, raw_cells: bool = False) -> ExportSummary:
    """Merge the selected events that happened into incidents (sitrep.merge) and write one row each.

    Used when the store holds no merged incidents: the selected events are held in memory to merge.
    """
    from ..merge import merge_events
    from ..store.incidents import incident_to_dict

    typed: list[Event] = []
    documents: dict[str, Document] = {}
    read = 0
    for stored in events:
        read += 1
        if not stored.happened:
            continue
        typed.append(event_from_record(stored.record))
        documents.setdefault(stored.document_id, document_from_record(stored.record))
    written = write_incidents((incident_to_dict(i) for i in merge_events(typed, documents)), out, raw_cells=raw_cells)
    return ExportSummary(format="incidents-csv", read=read, written=written, left_out=read - len(typed))


def _incident_matches(inc: StoredIncident, where: EventFilter) -> bool:
    """The filters SQL does not apply to stored incidents: bounding box, type and actor."""
    b = where.bbox
    if b is not None and (
        inc.lat is None
        or inc.lon is None
        or not (b.min_lat <= inc.lat <= b.max_lat and b.min_lon <= inc.lon <= b.max_lon)
    ):
        return False
    if where.acled_type is not None and inc.acled_type != where.acled_type:
        return False
    if where.plover is not None and inc.plover != where.plover:
        return False
    return where.actor is None or where.actor in inc.actors


def write_stored_incidents(store: Store, where: EventFilter, out: TextIO, *, raw_cells: bool = False) -> ExportSummary:
    """The store's merged incidents (``sitrep merge``) matching ``where``, streamed with their stable ids."""
    read = 0

    def selected() -> Iterator[dict[str, Any]]:
        nonlocal read
        for inc in store.incidents(start=where.start, end=where.end, country=where.country):
            read += 1
            if _incident_matches(inc, where):
                yield inc.record

    written = write_incidents(selected(), out, raw_cells=raw_cells)
    return ExportSummary(format="incidents-csv", read=read, written=written, left_out=read - written)


_TEXT_WRITERS: dict[str, Callable[[Iterable[StoredEvent], TextIO], ExportSummary]] = {
    "plover-jsonl": write_plover_jsonl,
    "geojson": write_geojson,
}
# The CSV writers neutralise formula cells unless asked for raw cells (export/csv_cells.py).
_CSV_WRITERS: dict[str, Callable[..., ExportSummary]] = {
    "acled-csv": write_acled_csv,
    "incidents-csv": write_incidents_csv,
}


def export_events(events: Iterable[StoredEvent], fmt: str, out: TextIO, *, raw_cells: bool = False) -> ExportSummary:
    """Write ``events`` (any iterable; consumed once) to ``out`` in format ``fmt``."""
    if fmt in _CSV_WRITERS:
        summary: ExportSummary = _CSV_WRITERS[fmt](events, out, raw_cells=raw_cells)
        return summary
    try:
        writer = _TEXT_WRITERS[fmt]
    except KeyError:
        known = ", ".join(FORMATS)
        raise BadOption(f"unknown export format {fmt!r}; choose one of {known}", source="--format") from None
    return writer(events, out)


def export_store(store: Store, where: EventFilter, fmt: str, out: TextIO, *, raw_cells: bool = False) -> ExportSummary:
    """The events of ``store`` matching ``where``, read from its cursor and written as they come.

    ``incidents-csv`` writes the store's merged incidents when ``sitrep merge`` has run (streamed,
    stable ids; the filters apply to the incidents), else merges the selected events here.
    """
    if fmt == "incidents-csv" and store.count_incidents() > 0:
        return write_stored_incidents(store, where, out, raw_cells=raw_cells)
    events = store.events(where)
    # The query's first rows are read before anything is written: a store found damaged (E403) at
    # its start leaves no output behind, not the header of an empty one.
    first = next(events, None)
    return export_events(itertools.chain(() if first is None else (first,), events), fmt, out, raw_cells=raw_cells)
