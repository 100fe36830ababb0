"""Writing to the store: one transaction per document (with all its events), rejects, nothing else.

Only one process writes (the parent of an ingest run); workers hand it :class:`DocumentRows`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from types import TracebackType
from typing import Self

from ..errors import DocumentNotStored, SitrepError
from .rows import DocumentRows, EventRow, to_json
from .schema import connect

# The documents table keeps its warnings column so that stores written before keep one layout;
# extraction reports no warnings of its own (the command line prints its notes on stderr), so it
# holds an empty JSON list.
NO_WARNINGS = "[]"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _storable(text: str) -> str:
    """``text`` with lone surrogates (a file name that is not UTF-8, say) written as ``\\udcff``: a
    reject row must store even when the document it names could not."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _what(exc: BaseException) -> str:
    if isinstance(exc, OverflowError):
        return "an integer beyond SQLite's 64 bits"
    if isinstance(exc, UnicodeEncodeError):
        return f"text with a character UTF-8 cannot encode, {exc.object[exc.start : exc.end]!r}"
    return str(exc)


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

    def write(self, rows: DocumentRows) -> int | None:
        """Store one document and its events atomically.

        Returns how many event rows were stored (an event whose id is already stored is not stored
        again, so this may be fewer than ``rows.events``), or None, with nothing written, when the
        document is already stored. A value SQLite cannot hold (an integer beyond 64 bits, text that
        is not valid Unicode) undoes the document and raises DocumentNotStored (E302) naming its
        source: the caller records a reject and goes on. StoreErrors (disk full, read-only, damaged)
        undo the document too, and stop the run.
        """
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
                return None
            stored = sum(self._insert_event(event) for event in rows.events)
            if stored != len(rows.events):
                con.execute("UPDATE documents SET event_count = ? WHERE id = ?", (stored, doc.id))
            # A document that reads and extracts now is no longer a reject.
            con.execute("DELETE FROM rejects WHERE source = ? OR document_id = ?", (doc.source, doc.id))
            con.execute("COMMIT")
        except (OverflowError, UnicodeEncodeError, sqlite3.DataError) as exc:
            self._undo()
            raise DocumentNotStored(f"a value the store cannot hold ({_what(exc)})", source=doc.source) from exc
        except BaseException:
            self._undo()
            raise
        return stored

    def _undo(self) -> None:
        """Roll back the document's transaction, unless SQLite already has (it does on a full disk)."""
        if self._con.in_transaction:
            self._con.execute("ROLLBACK")

    def _insert_event(self, e: EventRow) -> int:
        """1 when the event was stored, 0 when an event of that id already was."""
        con = self._con
        cur = con.execute(
            "INSERT INTO events(id, document_id, date, date_end, date_precision, country, lat, lon, place, "
            "place_precision, kind, plover, acled_type, acled_subtype, happened, killed_best, wounded_best, "
            "confidence, record, summary) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING",
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
                e.summary,
            ),
        )
        if cur.rowcount == 0:  # the same event id twice: the same trigger and place, already stored
            return 0
        pk = cur.lastrowid
        if e.lat is not None and e.lon is not None:
            day = dt.date.fromisoformat(e.date).toordinal() if e.date else 0
            con.execute(
                "INSERT INTO events_where_when(pk, min_day, max_day, min_lat, max_lat, min_lon, max_lon) "
                "VALUES (?,?,?,?,?,?,?)",
                (pk, day, day, e.lat, e.lat, e.lon, e.lon),
            )
        con.execute("INSERT INTO events_text(rowid, sentences) VALUES (?, ?)", (pk, e.sentences))
        con.executemany(
            "INSERT INTO event_actors(event_pk, role, name, country) VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
            [(pk, a.role, a.name, a.country) for a in e.actors],
        )
        return 1

    def reject(self, error: SitrepError, *, document_id: str | None = None) -> None:
        """Record a document that could not be read or extracted (one row per source and code)."""
        self._con.execute(
            "INSERT INTO rejects(source, code, message, document_id, seen_at) VALUES (?,?,?,?,?) "
            "ON CONFLICT(source, code) DO UPDATE SET message = excluded.message, "
            "document_id = excluded.document_id, seen_at = excluded.seen_at",
            (_storable(error.source or "<unknown>"), error.code, _storable(error.message), document_id, _now()),
        )

    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for tests and maintenance."""
        return self._con
