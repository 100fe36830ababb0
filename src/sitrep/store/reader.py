"""Reading the store: events by filter (streamed), documents by id, rejects and counts.

Readers open the file read-only and can run while an ingest writes (WAL mode). Results are
streamed from the cursor, so a large store never has to fit in memory.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from ..errors import BadOption, DamagedStore
from ..model import Document
from .failures import stored_json
from .incidents import (
    StoredIncident,
    StoredRevision,
    count_incidents,
    incident_of,
    page_incidents,
    read_incident,
    read_incidents,
    read_revisions,
)
from .schema import connect, has_space_time_index, has_summaries, has_text_index
from .summaries import summary_of_record


@dataclass(frozen=True, kw_only=True, slots=True)
class BBox:
    """A bounding box in degrees (WGS84)."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    def __post_init__(self) -> None:
        if self.min_lon > self.max_lon or self.min_lat > self.max_lat:
            raise BadOption(f"bounding box {self} has a minimum above its maximum", source="bbox")

    @classmethod
    def parse(cls, text: str) -> BBox:
        """From ``min_lon,min_lat,max_lon,max_lat`` (the GeoJSON/QGIS order)."""
        try:
            a, b, c, d = (float(x) for x in text.split(","))
        except ValueError:
            raise BadOption(f"{text!r} is not min_lon,min_lat,max_lon,max_lat", source="bbox") from None
        return cls(min_lon=a, min_lat=b, max_lon=c, max_lat=d)


@dataclass(frozen=True, kw_only=True, slots=True)
class EventFilter:
    """Which events to read. Every field left at None matches everything; the fields are ANDed.

    ``start``/``end`` select events whose date lies within [start, end] (inclusive); ``actor`` matches
    a canonical actor name exactly in any role given by ``roles``; ``claimant`` a claimant's name
    exactly; ``text`` is searched in the sentences that tell the event (every word, in any order).
    """

    start: dt.date | None = None
    end: dt.date | None = None
    bbox: BBox | None = None
    country: str | None = None
    acled_type: str | None = None
    acled_subtype: str | None = None
    plover: str | None = None
    actor: str | None = None
    roles: tuple[str, ...] = ("actor", "recipient")
    claimant: str | None = None
    document_id: str | None = None
    happened: bool | None = None
    min_confidence: float | None = None
    text: str | None = None
    limit: int | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class EventColumns:
    """A stored event's indexed columns (what every reader of the store filters and sorts on)."""

    id: str
    document_id: str
    date: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    country: str | None
    lat: float | None
    lon: float | None
    place: str | None
    place_precision: str | None
    kind: str
    plover: str
    acled_type: str | None
    acled_subtype: str | None
    happened: bool
    killed_best: int | None
    wounded_best: int | None
    confidence: float
    pk: int = 0  # the row number: the tie-break of a page's order


@dataclass(frozen=True, kw_only=True, slots=True)
class StoredEvent(EventColumns):
    """One stored event: its indexed columns and its full record (the JSON of sitrep.serialize)."""

    record: dict[str, Any] = field(hash=False, compare=True)


@dataclass(frozen=True, kw_only=True, slots=True)
class ListedEvent(EventColumns):
    """An event as a list shows it: its indexed columns and its summary (sitrep.store.summaries), read
    without decoding its full record."""

    summary: dict[str, Any] = field(hash=False, compare=True)


@dataclass(frozen=True, kw_only=True, slots=True)
class Page:
    """One page of events, newest first, and the cursor of the next page (None after the last)."""

    events: tuple[ListedEvent, ...]
    next: str | None


@dataclass(frozen=True, kw_only=True, slots=True)
class IncidentPage:
    """One page of incidents, newest first, and the cursor of the next page (None after the last)."""

    incidents: tuple[StoredIncident, ...]
    next: str | None


@dataclass(frozen=True, kw_only=True, slots=True)
class Reject:
    source: str
    code: str
    message: str
    document_id: str | None
    seen_at: str


_EVENT_COLUMNS = (
    "e.id, e.document_id, e.date, e.date_end, e.date_precision, e.country, e.lat, e.lon, e.place, "
    "e.place_precision, e.kind, e.plover, e.acled_type, e.acled_subtype, e.happened, e.killed_best, "
    "e.wounded_best, e.confidence, e.record, e.pk"
)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _columns(row: tuple[Any, ...]) -> dict[str, Any]:
    """The indexed columns of an event row (``_EVENT_COLUMNS`` order; ``row[18]`` is read apart)."""
    return {
        "id": row[0],
        "document_id": row[1],
        "date": _date(row[2]),
        "date_end": _date(row[3]),
        "date_precision": row[4],
        "country": row[5],
        "lat": row[6],
        "lon": row[7],
        "place": row[8],
        "place_precision": row[9],
        "kind": row[10],
        "plover": row[11],
        "acled_type": row[12],
        "acled_subtype": row[13],
        "happened": bool(row[14]),
        "killed_best": row[15],
        "wounded_best": row[16],
        "confidence": row[17],
        "pk": row[19],
    }


def _event(row: tuple[Any, ...]) -> StoredEvent:
    return StoredEvent(**_columns(row), record=_record(row[18], row[0]))


_LISTED_COLUMNS = _EVENT_COLUMNS.replace("e.record", "e.summary")


def _listed(row: tuple[Any, ...]) -> ListedEvent:
    """A page's row; ``row[18]`` is the summary JSON, or the whole record in a store before version 4."""
    found = stored_json(row[18], f"the summary of event {row[0]}") if row[18] is not None else {}
    summary = found if isinstance(found, dict) and "sitrep" not in found else summary_of_record(found)
    return ListedEvent(**_columns(row), summary=summary)


def _record(text: str, event_id: str) -> dict[str, Any]:
    """An event's stored record, checked for the shape every reader of it relies on."""
    record = stored_json(text, f"the record of event {event_id}")
    if not (isinstance(record, dict) and isinstance(record.get("sitrep"), dict) and "id" in record):
        raise DamagedStore(f"the file is damaged: the record of event {event_id} is not a record this sitrep wrote")
    return record


_WORD = re.compile(r"\w+")


def fts_query(text: str) -> str:
    """A user's search words as an FTS5 query: each word a quoted phrase, all of them required, so
    no character of the input is read as FTS5 syntax. BadOption (E008) when it holds no word."""
    words = _WORD.findall(text)
    if not words:
        raise BadOption(f"{text!r} holds no word to search for", source="q")
    return " ".join(f'"{w}"' for w in words[:32])


def _where(f: EventFilter, space_time: bool = True, text_index: bool = True) -> tuple[str, list[Any]]:
    """SQL for a filter. With a box, the R-tree picks the candidates (by day too when it has the
    day axis, ``space_time``) and the exact comparisons on the columns decide: the R-tree keeps
    float32 bounds rounded outward, so it may offer a point just outside the box."""
    clauses: list[str] = []
    params: list[Any] = []
    by_tree = f.bbox is not None and space_time
    date_col = "+e.date" if by_tree else "e.date"  # "+": let the R-tree, not the date index, drive the search
    if f.start is not None:
        clauses.append(f"{date_col} >= ?")
        params.append(f.start.isoformat())
    if f.end is not None:
        clauses.append(f"{date_col} <= ?")
        params.append(f.end.isoformat())
    if f.bbox is not None:
        b = f.bbox
        clauses.append("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?")
        params += [b.min_lat, b.max_lat, b.min_lon, b.max_lon]
        if space_time:
            lo = f.start.toordinal() if f.start is not None else 0
            hi = f.end.toordinal() if f.end is not None else dt.date.max.toordinal()
            clauses.append(
                "e.pk IN (SELECT pk FROM events_where_when WHERE max_day >= ? AND min_day <= ? "
                "AND max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?)"
            )
            params += [lo, hi, b.min_lat, b.max_lat, b.min_lon, b.max_lon]
        else:
            clauses.append(
                "e.pk IN (SELECT pk FROM events_geo WHERE max_lat >= ? AND min_lat <= ? "
                "AND max_lon >= ? AND min_lon <= ?)"
            )
            params += [b.min_lat, b.max_lat, b.min_lon, b.max_lon]
    for column, value in (
        ("country", f.country),
        ("acled_type", f.acled_type),
        ("acled_subtype", f.acled_subtype),
        ("plover", f.plover),
        ("document_id", f.document_id),
    ):
        if value is not None:
            clauses.append(f"e.{column} = ?")
            params.append(value)
    if f.happened is not None:
        clauses.append("e.happened = ?")
        params.append(int(f.happened))
    if f.actor is not None:
        marks = ",".join("?" for _ in f.roles)
        clauses.append(f"e.pk IN (SELECT a.event_pk FROM event_actors a WHERE a.name = ? AND a.role IN ({marks}))")
        params += [f.actor, *f.roles]
    if f.claimant is not None:
        clauses.append("e.pk IN (SELECT a.event_pk FROM event_actors a WHERE a.name = ? AND a.role = 'claimant')")
        params.append(f.claimant)
    if f.min_confidence is not None:
        clauses.append("e.confidence >= ?")
        params.append(f.min_confidence)
    if f.text is not None:
        if text_index and (f.start or f.end or f.country or f.acled_type or f.bbox or f.actor or f.claimant):
            # another filter narrows the search through its index: each candidate is looked up in the
            # text index (a word found in most events would otherwise list them all first)
            clauses.append("EXISTS (SELECT 1 FROM events_text t WHERE events_text MATCH ? AND t.rowid = e.pk)")
            params.append(fts_query(f.text))
        elif text_index:
            clauses.append("e.pk IN (SELECT rowid FROM events_text WHERE events_text MATCH ?)")
            params.append(fts_query(f.text))
        else:  # a store of an older version opened read-only: no index, every word searched in the record
            for word in _WORD.findall(f.text) or [f.text]:
                clauses.append("instr(lower(e.record), lower(?)) > 0")
                params.append(word)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


class Store:
    """A read-only view of a store file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._con: sqlite3.Connection = connect(self.path, readonly=True)
        self._space_time = has_space_time_index(self._con)
        self._text_index = has_text_index(self._con)
        self._list_columns = _LISTED_COLUMNS if has_summaries(self._con) else _EVENT_COLUMNS

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    # ------------------------------------------------------------ events

    def events(self, where: EventFilter | None = None) -> Iterator[StoredEvent]:
        """Events matching ``where``, ordered by date (undated last), then id; streamed."""
        f = where or EventFilter()
        clause, params = _where(f, self._space_time, self._text_index)
        sql = f"SELECT {_EVENT_COLUMNS} FROM events e{clause} ORDER BY e.date IS NULL, e.date, e.id"
        if f.limit is not None:
            sql += " LIMIT ?"
            params.append(f.limit)
        for row in self._con.execute(sql, params):
            yield _event(row)

    def count_events(self, where: EventFilter | None = None) -> int:
        clause, params = _where(where or EventFilter(), self._space_time, self._text_index)
        return int(self._con.execute(f"SELECT count(*) FROM events e{clause}", params).fetchone()[0])

    def page(self, where: EventFilter | None = None, *, size: int = 50, after: str | None = None) -> Page:
        """One page of the events matching ``where``, newest first (undated last), then by row number.

        ``after`` is the previous page's ``next`` cursor: a page is found from the cursor's place in
        the order (keyset paging), so a page never repeats or skips an event when others are stored
        meanwhile, and a deep page costs what the first one does. BadOption (E008) for a bad cursor.
        """
        if not 1 <= size <= 1000:
            raise BadOption(f"a page holds 1 to 1000 events, not {size}", source="limit")
        f = where or EventFilter()
        clause, params = _where(f, self._space_time, self._text_index)
        joiner = " AND " if clause else " WHERE "
        day, pk = _event_cursor(after) if after is not None else (None, None)
        found: list[ListedEvent] = []
        if after is None or day is not None:  # the dated events, newest first
            sql = f"SELECT {self._list_columns} FROM events e{clause}{joiner}e.date IS NOT NULL"
            extra: list[Any] = []
            if day is not None:
                sql += " AND (e.date, e.pk) < (?, ?)"
                extra = [day, pk]
            sql += " ORDER BY e.date DESC, e.pk DESC LIMIT ?"
            found += [_listed(r) for r in self._con.execute(sql, [*params, *extra, size + 1])]
        if len(found) <= size:  # then the undated ones
            sql = f"SELECT {self._list_columns} FROM events e{clause}{joiner}e.date IS NULL"
            extra = []
            if after is not None and day is None:
                sql += " AND e.pk < ?"
                extra = [pk]
            sql += " ORDER BY e.pk DESC LIMIT ?"
            found += [_listed(r) for r in self._con.execute(sql, [*params, *extra, size + 1 - len(found)])]
        if len(found) <= size:
            return Page(events=tuple(found), next=None)
        last = found[size - 1]
        return Page(events=tuple(found[:size]), next=make_cursor(last.date, last.pk))

    def counts_by_day(self, where: EventFilter | None = None) -> list[tuple[dt.date, int]]:
        """How many matching events each day holds (undated ones left out), in date order."""
        clause, params = _where(where or EventFilter(), self._space_time, self._text_index)
        joiner = " AND " if clause else " WHERE "
        sql = f"SELECT e.date, count(*) FROM events e{clause}{joiner}e.date IS NOT NULL GROUP BY e.date ORDER BY e.date"
        return [(dt.date.fromisoformat(d), int(n)) for d, n in self._con.execute(sql, params)]

    def counts_by_type(self, where: EventFilter | None = None) -> list[tuple[str | None, str | None, int]]:
        """How many matching events each ACLED type and sub-type has (None: no ACLED type), most first."""
        clause, params = _where(where or EventFilter(), self._space_time, self._text_index)
        sql = (
            f"SELECT e.acled_type, e.acled_subtype, count(*) AS n FROM events e{clause} "
            "GROUP BY e.acled_type, e.acled_subtype ORDER BY n DESC, e.acled_type, e.acled_subtype"
        )
        return [(t, s, int(n)) for t, s, n in self._con.execute(sql, params)]

    def event(self, event_id: str) -> StoredEvent | None:
        row = self._con.execute(f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.id = ?", (event_id,)).fetchone()
        return _event(row) if row is not None else None

    def actors(self, event_id: str) -> tuple[tuple[str, str, str | None], ...]:
        """(role, name, country) of every actor, recipient and claimant of an event."""
        rows = self._con.execute(
            "SELECT a.role, a.name, a.country FROM event_actors a JOIN events e ON e.pk = a.event_pk "
            "WHERE e.id = ? ORDER BY a.role, a.name",
            (event_id,),
        )
        return tuple((r[0], r[1], r[2]) for r in rows)

    def records(self) -> Iterator[dict[str, Any]]:
        """Every event's full record in storage order; streamed. Cheaper than events() for a full scan."""
        for (text,) in self._con.execute("SELECT record FROM events ORDER BY pk"):
            yield stored_json(text, "an event's record")

    # ------------------------------------------------------------ incidents (sitrep.store.incidents)

    def incidents(
        self, *, start: dt.date | None = None, end: dt.date | None = None, country: str | None = None
    ) -> Iterator[StoredIncident]:
        """Merged incidents ordered by date (undated last), then id; streamed. None when never merged."""
        return read_incidents(self._con, start=start, end=end, country=country)

    def incident_page(
        self, where: EventFilter | None = None, *, size: int = 50, after: str | None = None
    ) -> IncidentPage:
        """A page of merged incidents with a member event matching ``where``, newest first; ``after``
        is the previous page's ``next`` (keyset paging, as :meth:`page`)."""
        if not 1 <= size <= 1000:
            raise BadOption(f"a page holds 1 to 1000 incidents, not {size}", source="limit")
        f = where or EventFilter()
        clause, params = _where(f, self._space_time, self._text_index)
        key = read_cursor(after) if after is not None else None
        found = page_incidents(self._con, (clause, params) if clause else None, size=size + 1, after=key)
        if len(found) <= size:
            return IncidentPage(incidents=tuple(found), next=None)
        last = found[size - 1]
        return IncidentPage(incidents=tuple(found[:size]), next=make_cursor(last.date, last.id))

    def incident(self, incident_id: str) -> StoredIncident | None:
        return read_incident(self._con, incident_id)

    def incident_of(self, event_id: str) -> str | None:
        return incident_of(self._con, event_id)

    def revisions(self, incident_id: str | None = None) -> list[StoredRevision]:
        return read_revisions(self._con, incident_id)

    def count_incidents(self) -> int:
        return count_incidents(self._con)

    # ------------------------------------------------------------ documents

    def document(self, document_id: str) -> Document | None:
        row = self._con.execute(
            "SELECT id, text, title, url, publisher, published, language, source FROM documents WHERE id = ?",
            (document_id,),
        ).fetchone()
        return _document(row) if row is not None else None

    def documents(self) -> Iterator[Document]:
        """Every stored document in id order; streamed."""
        for row in self._con.execute(
            "SELECT id, text, title, url, publisher, published, language, source FROM documents ORDER BY id"
        ):
            yield _document(row)

    def document_ids(self) -> list[str]:
        return [r[0] for r in self._con.execute("SELECT id FROM documents ORDER BY id")]

    def count_documents(self) -> int:
        return int(self._con.execute("SELECT count(*) FROM documents").fetchone()[0])

    # ------------------------------------------------------------ rejects

    def rejects(self) -> list[Reject]:
        rows = self._con.execute(
            "SELECT source, code, message, document_id, seen_at FROM rejects ORDER BY source, code"
        )
        return [Reject(source=r[0], code=r[1], message=r[2], document_id=r[3], seen_at=r[4]) for r in rows]


def make_cursor(day: dt.date | None, key: object) -> str:
    """The opaque cursor of the place just after a row of a page: its day and its tie-break key."""
    raw = f"{day.isoformat() if day else ''}|{key}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _event_cursor(text: str) -> tuple[str | None, int]:
    day, key = read_cursor(text)
    if not key.isdigit():
        raise BadOption(f"{text!r} is not a cursor this store gave", source="cursor")
    return day, int(key)


def read_cursor(text: str) -> tuple[str | None, str]:
    """(ISO day or None, key) of a cursor :func:`make_cursor` made; BadOption (E008) for anything else."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
        day, key = raw.split("|")
        if day:
            dt.date.fromisoformat(day)
        if not key:
            raise ValueError(key)
        return (day or None), key
    except (ValueError, UnicodeDecodeError):
        raise BadOption(f"{text!r} is not a cursor this store gave", source="cursor") from None


def _document(row: tuple[Any, ...]) -> Document:
    return Document(
        id=row[0],
        text=row[1],
        title=row[2],
        url=row[3],
        publisher=row[4],
        published=_date(row[5]),
        language=row[6],
        source=row[7],
    )


def open_store(path: str | Path) -> Store:
    """Open a store for reading (raises UnreadableInput, E006, when it is missing or not a store)."""
    return Store(path)
