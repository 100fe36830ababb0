"""The store's tables and how a connection to it is opened.

One SQLite file in WAL mode: one process writes while any number read. Documents and their
events are written in one transaction per document, so a run killed at any moment leaves only
whole documents behind. Each event keeps its full JSON record (``sitrep.serialize``) beside a few
indexed columns for the common filters: date, country, bounding box (an R-tree), type, actor.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import UnreadableInput

SCHEMA_VERSION = 3
# Versions this code can open. Version 2 added the incident tables; version 3 replaced the 2-D
# R-tree ``events_geo`` by ``events_where_when``, which indexes the day too, so a window of dates
# and a box is answered from the index alone. Opening an older store for writing brings it up to 3
# (see ``_upgrade``); read-only opens accept it as is and query its 2-D R-tree.
READABLE_VERSIONS = frozenset({1, 2, 3})
# The R-tree's day axis: the date's proleptic Gregorian ordinal (``date.toordinal()``); in SQL
# ``julianday(date) - JULIAN_OFFSET`` gives the same number. Float32 in the R-tree holds it exactly.
JULIAN_OFFSET = 1721424.5
DEFAULT_DB = "sitrep.db"
# How long a connection waits for another one's lock before giving up (milliseconds).
BUSY_TIMEOUT_MS = 10_000

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
    record       TEXT NOT NULL             -- the event's full JSON (sitrep.serialize.event_to_dict)
);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_document ON events(document_id);
CREATE INDEX IF NOT EXISTS events_country_date ON events(country, date);
CREATE INDEX IF NOT EXISTS events_acled_type ON events(acled_type, date);
CREATE INDEX IF NOT EXISTS events_plover ON events(plover, date);
-- events with coordinates: their first day (0 when undated) and point
CREATE VIRTUAL TABLE IF NOT EXISTS events_where_when USING rtree(pk, min_day, max_day, min_lat, max_lat, min_lon, max_lon);
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

    Autocommit mode: callers open their transactions explicitly (``BEGIN`` ... ``COMMIT``).
    """
    where = str(path)
    try:
        if readonly:
            if not Path(where).is_file():
                raise UnreadableInput("no such store", source=where)
            con = sqlite3.connect(
                f"file:{Path(where).resolve()}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
            )
        else:
            con = sqlite3.connect(where, isolation_level=None)
        con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not readonly:
            con.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL still survives a killed process; only a power cut may lose the last commits.
            con.execute("PRAGMA synchronous = NORMAL")
            con.execute("PRAGMA foreign_keys = ON")
            _create(con)
        else:
            _check_version(con, where)
    except sqlite3.DatabaseError as exc:
        raise UnreadableInput(f"cannot open the store: {exc}", source=where) from None
    return con


def _create(con: sqlite3.Connection) -> None:
    con.execute("BEGIN IMMEDIATE")
    for statement in _statements(TABLES):
        con.execute(statement)
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        con.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    elif int(row[0]) in READABLE_VERSIONS and int(row[0]) < SCHEMA_VERSION:
        _upgrade(con)
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
    elif int(row[0]) != SCHEMA_VERSION:
        con.execute("ROLLBACK")
        raise UnreadableInput(f"the store has schema version {row[0]}; this sitrep reads version {SCHEMA_VERSION}")
    con.execute("COMMIT")


def _upgrade(con: sqlite3.Connection) -> None:
    """Version 1 or 2 to 3, inside the caller's transaction: fill the space-time R-tree, drop the 2-D one."""
    con.execute("DELETE FROM events_where_when")
    con.execute(
        "INSERT INTO events_where_when(pk, min_day, max_day, min_lat, max_lat, min_lon, max_lon) "
        f"SELECT pk, coalesce(julianday(date) - {JULIAN_OFFSET}, 0), coalesce(julianday(date) - {JULIAN_OFFSET}, 0), "
        "lat, lat, lon, lon FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL"
    )
    con.execute("DROP TABLE IF EXISTS events_geo")


def has_space_time_index(con: sqlite3.Connection) -> bool:
    """Whether the store has the version 3 R-tree (a version 1 or 2 store opened read-only has not)."""
    return con.execute("SELECT 1 FROM sqlite_master WHERE name = 'events_where_when'").fetchone() is not None


def _check_version(con: sqlite3.Connection, where: str) -> None:
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None or int(row[0]) not in READABLE_VERSIONS:
        found = row[0] if row else "none"
        raise UnreadableInput(f"not a sitrep store of schema version {SCHEMA_VERSION} (found {found})", source=where)


def _statements(script: str) -> list[str]:
    """The script's statements, one each (comments dropped), so they can run inside one transaction."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
