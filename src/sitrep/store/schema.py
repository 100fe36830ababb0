"""The store's tables and how a connection to it is opened.

One SQLite file in WAL mode: one process writes while any number read. Documents and their
events are written in one transaction per document, so a run killed at any moment leaves only
whole documents behind. Each event keeps its full JSON record (``sitrep.serialize``) beside a few
indexed columns for the common filters: date, country, bounding box (an R-tree), type, actor.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from ..errors import DamagedStore, NewerStore, NotAStore, UnreadableInput
from .failures import GuardedConnection
from .opening import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    Found,
    cannot_write,
    check_file,
    check_integrity,
    identify,
    open_readonly,
)
from .summaries import sentences_of_record, summary_of_record

SCHEMA_VERSION = 4
# Versions this code can open. Version 2 added the incident tables; version 3 replaced the 2-D
# R-tree ``events_geo`` by ``events_where_when``, which indexes the day too, so a window of dates
# and a box is answered from the index alone; version 4 added ``events_text``, a full-text index
# (FTS5) of each event's sentences. Opening an older store for writing brings it up to 4 (see
# ``_upgrade``); read-only opens accept it as is, query its 2-D R-tree and search its text unindexed.
READABLE_VERSIONS = frozenset({1, 2, 3, 4})
# The R-tree's day axis: the date's proleptic Gregorian ordinal (``date.toordinal()``); in SQL
# ``julianday(date) - JULIAN_OFFSET`` gives the same number. Float32 in the R-tree holds it exactly.
JULIAN_OFFSET = 1721424.5
DEFAULT_DB = "sitrep.db"

TABLES = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id          TEXT PRIMARY KEY,          -- sitrep.ingest.documents.document_id: hash of the normalised text
    text        TEXT NOT NULL,
    title       TEXT,
    url         TEXT,
    publisher   TEXT,
    published   TEXT,                      -- ISO date or NULL
    language    TEXT NOT NULL,
    source      TEXT NOT NULL,             -- where it was first read from
    stages      TEXT NOT NULL,             -- JSON list of the versioned stage names that ran
    warnings    TEXT NOT NULL,             -- always [] (kept for the layout of earlier stores)
    event_count INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    pk           INTEGER PRIMARY KEY,      -- row number; the R-tree refers to it
    id           TEXT NOT NULL UNIQUE,
    document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    date         TEXT,                     -- ISO first day, or NULL
    date_end     TEXT,                     -- ISO last day of a coarse date, else = date
    date_precision TEXT,
    country      TEXT,                     -- ISO3 of the place (de jure)
    lat          REAL,
    lon          REAL,
    place        TEXT,
    place_precision TEXT,
    kind         TEXT NOT NULL,
    plover       TEXT NOT NULL,
    acled_type   TEXT,
    acled_subtype TEXT,
    happened     INTEGER NOT NULL,
    killed_best  INTEGER,
    wounded_best INTEGER,
    confidence   REAL NOT NULL,
    record       TEXT NOT NULL,            -- the event's full JSON (sitrep.serialize.event_to_dict)
    summary      TEXT                      -- version 4: what a list shows (sitrep.store.summaries)
);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_document ON events(document_id);
CREATE INDEX IF NOT EXISTS events_country_date ON events(country, date);
CREATE INDEX IF NOT EXISTS events_acled_type ON events(acled_type, date);
CREATE INDEX IF NOT EXISTS events_plover ON events(plover, date);
-- events with coordinates: their first day (0 when undated) and point
CREATE VIRTUAL TABLE IF NOT EXISTS events_where_when USING rtree(pk, min_day, max_day, min_lat, max_lat, min_lon, max_lon);
-- the sentences that tell each event (its own and its joined mentions'), searched by the web API's q=
CREATE VIRTUAL TABLE IF NOT EXISTS events_text USING fts5(sentences, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS event_actors (
    event_pk INTEGER NOT NULL REFERENCES events(pk) ON DELETE CASCADE,
    role     TEXT NOT NULL,                -- "actor", "recipient" or "claimant"
    name     TEXT NOT NULL,
    country  TEXT,
    PRIMARY KEY (event_pk, role, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_actors_name ON event_actors(name, role);
CREATE TABLE IF NOT EXISTS rejects (
    source      TEXT NOT NULL,             -- the file, "file.jsonl:12", "feed.xml#3", "table.csv:7"
    code        TEXT NOT NULL,             -- sitrep.errors code, e.g. E003
    message     TEXT NOT NULL,
    document_id TEXT,                      -- when the document was read but could not be extracted
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (source, code)
);
CREATE TABLE IF NOT EXISTS incidents (      -- schema version 2: the merge's incidents (sitrep.store.incidents)
    id           TEXT PRIMARY KEY,          -- stable across merge runs (sitrep.merge.reconcile)
    kind         TEXT NOT NULL,
    plover       TEXT NOT NULL,
    acled_type   TEXT,
    acled_subtype TEXT,
    date         TEXT,
    date_end     TEXT,
    country      TEXT,
    lat          REAL,
    lon          REAL,
    place        TEXT,
    place_precision TEXT,
    member_count INTEGER NOT NULL,
    document_count INTEGER NOT NULL,
    killed_low   INTEGER,
    killed_best  INTEGER,
    killed_high  INTEGER,
    killed_acled INTEGER,
    wounded_low  INTEGER,
    wounded_best INTEGER,
    wounded_high INTEGER,
    wounded_acled INTEGER,
    conflict_count INTEGER NOT NULL,
    cohesion     REAL NOT NULL,
    digest       TEXT NOT NULL,             -- hash of record: unchanged incidents are not rewritten
    record       TEXT NOT NULL,             -- full JSON: sources, figures with claims, conflicts with claimants
    updated_run  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS incidents_date ON incidents(date);
CREATE INDEX IF NOT EXISTS incidents_country_date ON incidents(country, date);
CREATE TABLE IF NOT EXISTS incident_members (
    event_id     TEXT PRIMARY KEY,
    incident_id  TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    document_id  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incident_members_incident ON incident_members(incident_id);
CREATE TABLE IF NOT EXISTS incident_runs (
    run          INTEGER PRIMARY KEY,
    finished_at  TEXT NOT NULL,
    events       INTEGER NOT NULL,
    incidents    INTEGER NOT NULL,
    revisions    INTEGER NOT NULL,
    seconds      REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS incident_revisions (
    seq          INTEGER PRIMARY KEY,
    run          INTEGER NOT NULL REFERENCES incident_runs(run),
    incident_id  TEXT NOT NULL,             -- no foreign key: a "gone" incident's revision outlives it
    reason       TEXT NOT NULL,
    added        TEXT NOT NULL,             -- JSON list of event ids
    removed      TEXT NOT NULL              -- JSON list of event ids
);
CREATE INDEX IF NOT EXISTS incident_revisions_incident ON incident_revisions(incident_id, seq);
"""


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (and, for writing, create) the store at ``path``.

    Autocommit mode: callers open their transactions explicitly (``BEGIN`` ... ``COMMIT``). The file
    is identified first through a read-only connection (sitrep.store.opening), so a file that is not
    a store is refused unchanged; an existing store opened for writing passes SQLite's quick_check
    first. Raises NotAStore (E401), NewerStore (E402), DamagedStore (E403), ReadOnlyStore (E404),
    DiskFull (E405), or UnreadableInput (E006) when the file is missing (reading) or cannot be opened.
    """
    where = str(path)
    try:
        check_file(where, must_exist=readonly)
        if readonly:
            return _reader(where)
        found = None
        if Path(where).exists():
            with closing(open_readonly(where)) as probe:
                found = identify(probe, where)
                _check_version(found, where)
                if found.version is not None:
                    check_integrity(probe, where)
        return _writer(where, found)
    except sqlite3.DatabaseError as exc:
        raise UnreadableInput(f"cannot open the store: {exc}", source=where) from None


def _reader(where: str) -> sqlite3.Connection:
    con = open_readonly(where)
    try:
        found = identify(con, where)
        if found.version is None:
            raise NotAStore("an empty file, not a sitrep store", source=where)
        _check_version(found, where)
    except BaseException:
        con.close()
        raise
    return con


def _writer(where: str, found: Found | None) -> sqlite3.Connection:
    con: GuardedConnection | None = None
    try:
        con = sqlite3.connect(where, isolation_level=None, factory=GuardedConnection)
        con.where = where
        con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        con.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL still survives a killed process; only a power cut may lose the last commits.
        con.execute("PRAGMA synchronous = NORMAL")
        con.execute("PRAGMA foreign_keys = ON")
        _create(con, found)
    except BaseException as exc:
        if con is not None:
            con.close()
        if isinstance(exc, sqlite3.Error) and getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_CANTOPEN:
            raise cannot_write(exc, where) from None
        raise
    return con


def _create(con: sqlite3.Connection, found: Found | None) -> None:
    """Tables, upgrade and mark, in one transaction. It always writes (the version row), so a store
    that cannot be written is refused here rather than at its first document."""
    con.execute("BEGIN IMMEDIATE")
    try:
        for statement in _statements(TABLES):
            con.execute(statement)
        if found is not None and found.version is not None and found.version < SCHEMA_VERSION:
            _upgrade(con, found.version)
        con.execute(
            "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(SCHEMA_VERSION),),
        )
        con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise


def _upgrade(con: sqlite3.Connection, version: int) -> None:
    """An older version to this one, inside the caller's transaction: fill the space-time R-tree and
    drop the 2-D one (from 1 or 2); add each event's summary and fill the text index (from 1 to 3)."""
    if version < 3:
        con.execute("DELETE FROM events_where_when")
        con.execute(
            "INSERT INTO events_where_when(pk, min_day, max_day, min_lat, max_lat, min_lon, max_lon) "
            f"SELECT pk, coalesce(julianday(date) - {JULIAN_OFFSET}, 0), coalesce(julianday(date) - {JULIAN_OFFSET}, 0), "
            "lat, lat, lon, lon FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL"
        )
        con.execute("DROP TABLE IF EXISTS events_geo")
    if not has_summaries(con):
        con.execute("ALTER TABLE events ADD COLUMN summary TEXT")
    con.execute("DELETE FROM events_text")
    last = -1
    while batch := con.execute("SELECT pk, record FROM events WHERE pk > ? ORDER BY pk LIMIT 1000", (last,)).fetchall():
        last = batch[-1][0]
        for pk, text in batch:
            try:
                rec = json.loads(text)
            except ValueError:
                continue  # a damaged record is left for the readers to report (E403)
            if not isinstance(rec, dict):
                continue
            summary = json.dumps(summary_of_record(rec), ensure_ascii=False, separators=(",", ":"))
            con.execute("UPDATE events SET summary = ? WHERE pk = ?", (summary, pk))
            con.execute("INSERT INTO events_text(rowid, sentences) VALUES (?, ?)", (pk, sentences_of_record(rec)))


def has_space_time_index(con: sqlite3.Connection) -> bool:
    """Whether the store has the version 3 R-tree (a version 1 or 2 store opened read-only has not)."""
    return con.execute("SELECT 1 FROM sqlite_master WHERE name = 'events_where_when'").fetchone() is not None


def has_text_index(con: sqlite3.Connection) -> bool:
    """Whether the store has the version 4 full-text index of event sentences."""
    return con.execute("SELECT 1 FROM sqlite_master WHERE name = 'events_text'").fetchone() is not None


def has_summaries(con: sqlite3.Connection) -> bool:
    """Whether the events table has the version 4 summary column."""
    return any(row[1] == "summary" for row in con.execute("PRAGMA table_info(events)"))


def _check_version(found: Found, where: str) -> None:
    """NewerStore for a store of a later schema; DamagedStore for a version sitrep never wrote."""
    if found.version is None:
        return
    newest = max(found.version, found.user_version)
    if newest > SCHEMA_VERSION:
        raise NewerStore(
            f"the store has schema version {newest}; this sitrep knows versions up to {SCHEMA_VERSION} "
            "(use a newer sitrep)",
            source=where,
        )
    if found.version not in READABLE_VERSIONS:
        raise DamagedStore(f"schema version {found.version} (table meta) was never written by sitrep", source=where)


def _statements(script: str) -> list[str]:
    """The script's statements, one each (comments dropped), so they can run inside one transaction."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
