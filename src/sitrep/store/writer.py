"""Writing to the store: one transaction per document (with all its events), rejects, nothing else.

Only one process writes (the parent of an ingest run); workers hand it :class:`DocumentRows`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from types import TracebackType
from typing import Self

from ..errors import SitrepError
from .rows import DocumentRows, EventRow, to_json
from .schema import connect

# The documents table keeps its warnings column so that stores written before keep one layout;
# extraction reports no warnings of its own (the command line prints its notes on stderr), so it
# holds an empty JSON list.
NO_WARNINGS = "[]"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class StoreWriter:
    """The single writer of a store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._con = connect(self.path)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    def has_document(self, document_id: str) -> bool:
        row = self._con.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row is not None

    def document_ids(self) -> set[str]:
        return {r[0] for r in self._con.execute("SELECT id FROM documents")}

    def write(self, rows: DocumentRows) -> bool:
        """Store one document and its events atomically; False (and nothing written) when it is already stored."""
        doc = rows.document
        con = self._con
        con.execute("BEGIN IMMEDIATE")
        try:
            cur = con.execute(
                "INSERT INTO documents(id, text, title, url, publisher, published, language, source, "
                "stages, warnings, event_count, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
                "ON CONFLICT(id) DO NOTHING",
                (
                    doc.id,
                    doc.text,
                    doc.title,
                    doc.url,
                    doc.publisher,
                    doc.published.isoformat() if doc.published else None,
                    doc.language,
                    doc.source,
                    to_json(list(rows.stages)),
                    NO_WARNINGS,
                    len(rows.events),
                    _now(),
                ),
            )
            if cur.rowcount == 0:
                con.execute("ROLLBACK")
                return False
            for event in rows.events:
                self._insert_event(event)
            # A document that reads and extracts now is no longer a reject.
            con.execute("DELETE FROM rejects WHERE source = ? OR document_id = ?", (doc.source, doc.id))
            con.execute("COMMIT")
        except BaseException:
            self._undo()
            raise
        return True

    def _undo(self) -> None:
        """Roll back the document's transaction, unless SQLite already has (it does on a full disk)."""
        if self._con.in_transaction:
            self._con.execute("ROLLBACK")

    def _insert_event(self, e: EventRow) -> None:
        con = self._con
        cur = con.execute(
            "INSERT INTO events(id, document_id, date, date_end, date_precision, country, lat, lon, place, "
            "place_precision, kind, plover, acled_type, acled_subtype, happened, killed_best, wounded_best, "
            "confidence, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING",
            (
                e.id,
                e.document_id,
                e.date,
                e.date_end,
                e.date_precision,
                e.country,
                e.lat,
                e.lon,
                e.place,
                e.place_precision,
                e.kind,
                e.plover,
                e.acled_type,
                e.acled_subtype,
                int(e.happened),
                e.killed_best,
                e.wounded_best,
                e.confidence,
                e.record,
            ),
        )
        if cur.rowcount == 0:  # the same event id twice: the same trigger and place, already stored
            return
        pk = cur.lastrowid
        if e.lat is not None and e.lon is not None:
            day = dt.date.fromisoformat(e.date).toordinal() if e.date else 0
            con.execute(
                "INSERT INTO events_where_when(pk, min_day, max_day, min_lat, max_lat, min_lon, max_lon) "
                "VALUES (?,?,?,?,?,?,?)",
                (pk, day, day, e.lat, e.lat, e.lon, e.lon),
            )
        con.executemany(
            "INSERT INTO event_actors(event_pk, role, name, country) VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
            [(pk, a.role, a.name, a.country) for a in e.actors],
        )

    def reject(self, error: SitrepError, *, document_id: str | None = None) -> None:
        """Record a document that could not be read or extracted (one row per source and code)."""
        self._con.execute(
            "INSERT INTO rejects(source, code, message, document_id, seen_at) VALUES (?,?,?,?,?) "
            "ON CONFLICT(source, code) DO UPDATE SET message = excluded.message, "
            "document_id = excluded.document_id, seen_at = excluded.seen_at",
            (error.source or "<unknown>", error.code, error.message, document_id, _now()),
        )

    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for tests and maintenance."""
        return self._con
