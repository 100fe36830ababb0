"""Whether a file is a sitrep store, found out before anything is written into it, and read-only opening.

A store is marked by two fields of the SQLite header: ``application_id`` = :data:`APPLICATION_ID` and
``user_version`` = the schema version. Stores written before the mark have sitrep's tables and a
``schema_version`` row in ``meta``; they are accepted (and marked when next opened for writing). Any
other SQLite database, and any file that is not SQLite, is refused with NotAStore and never touched:
sitrep looks at it through a read-only connection only.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from ..errors import DamagedStore, NotAStore, ReadOnlyStore, StoreError, UnreadableInput
from .failures import GuardedConnection

# "SITR" in ASCII. Not in SQLite's list of registered ids (magic.txt); below 2**31, as the field is signed.
APPLICATION_ID = 0x53495452
SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables every sitrep store has had since schema version 1: what an unmarked store must hold.
SITREP_TABLES = frozenset({"meta", "documents", "events", "rejects"})
# How long a connection waits for another one's lock before giving up (milliseconds).
BUSY_TIMEOUT_MS = 10_000
# The integrity check before writing stops after this long (docs/store.md: 2.2 s for a 917 MB store
# in the page cache, 22-29 s read from this machine's disk).
CHECK_SECONDS = 10.0


@dataclass(frozen=True, kw_only=True, slots=True)
class Found:
    """What an opened file turned out to be. ``version`` None: an empty database, a store once written to."""

    version: int | None
    user_version: int
    marked: bool  # application_id is sitrep's


def check_file(where: str, *, must_exist: bool) -> None:
    """Refuse what is not a file or not SQLite by its first bytes, before SQLite opens it.

    A missing file is refused only when ``must_exist``; a missing or empty file becomes a new store.
    """
    path = Path(where)
    if not path.exists():
        if must_exist:
            raise UnreadableInput("no such store", source=where)
        return
    if not path.is_file():
        raise NotAStore("not a file (a folder, device or pipe)", source=where)
    try:
        with path.open("rb") as f:
            head = f.read(100)  # SQLite's header
    except OSError as exc:
        raise UnreadableInput(f"cannot read the store: {exc.strerror or exc}", source=where) from None
    if head and head[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        raise NotAStore("not a SQLite file; it is left as it was", source=where)
    # Bytes 18 and 19: the file format versions needed to write and to read (1 rollback journal, 2 WAL).
    # SQLite opens a file with a higher write version read-only, which would pass for a permission problem.
    if len(head) >= 20 and not (head[18] in (1, 2) and head[19] in (1, 2)):
        raise DamagedStore(f"its SQLite header names file format {head[18]}/{head[19]}, not 1 or 2", source=where)


def _connect_uri(uri: str, where: str) -> GuardedConnection:
    con = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, factory=GuardedConnection)
    con.where = where
    con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return con


def open_readonly(where: str) -> GuardedConnection:
    """A read-only connection. A WAL store needs its ``-shm`` file: in a folder this user cannot write,
    where SQLite can create none, the file is opened ``immutable`` (no locks, no journal) instead,
    unless its ``-wal`` holds commits the main file lacks, which an immutable reader would not see."""
    uri = Path(where).resolve().as_uri()
    con = _connect_uri(f"{uri}?mode=ro", where)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return con
    except (ReadOnlyStore, sqlite3.OperationalError) as exc:
        con.close()
        cause = exc.__cause__ if isinstance(exc, StoreError) else exc
        code = getattr(cause, "sqlite_errorcode", 0) & 0xFF
        if code not in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN):
            raise
    wal = Path(f"{where}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise ReadOnlyStore(
            f"its folder cannot be written and {wal.name} holds commits not yet in the store; open it once "
            "where it can be written (or copy the store with its -wal file to such a folder)",
            source=where,
        )
    return _connect_uri(f"{uri}?mode=ro&immutable=1", where)


def identify(con: sqlite3.Connection, where: str) -> Found:
    """What the database on ``con`` is: a store (of which version), an empty database, or neither."""
    app_id = int(con.execute("PRAGMA application_id").fetchone()[0])
    user_version = int(con.execute("PRAGMA user_version").fetchone()[0])
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    marked = app_id == APPLICATION_ID
    if not marked and app_id != 0:
        raise NotAStore(f"a SQLite database of another program (application id {app_id:#010x})", source=where)
    if not marked and not tables and user_version == 0:
        return Found(version=None, user_version=0, marked=False)
    if not marked and not SITREP_TABLES <= tables:
        listed = ", ".join(sorted(tables)[:5]) or "no tables"
        raise NotAStore(f"a SQLite database without sitrep's tables ({listed}); it is left as it was", source=where)
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() if "meta" in tables else None
    if row is None:
        if marked:
            raise DamagedStore("marked as a sitrep store but its meta table has no schema version", source=where)
        raise NotAStore("a SQLite database with sitrep's tables but no schema version", source=where)
    try:
        version = int(row[0])
    except (TypeError, ValueError):
        raise DamagedStore(f"its schema version {row[0]!r} (table meta) is not a number", source=where) from None
    return Found(version=version, user_version=user_version, marked=marked)


def check_integrity(con: sqlite3.Connection, where: str, seconds: float | None = None) -> bool:
    """SQLite's ``quick_check`` (the structure of every page, not index contents), for at most ``seconds``
    (default CHECK_SECONDS; 0 skips it).

    True when the whole file was checked; False when the time ran out first, and the store is opened
    all the same: damage in the pages not reached is still met by the writes that touch it (E403,
    that document undone). Costs are in docs/store.md.
    """
    budget = CHECK_SECONDS if seconds is None else seconds
    if budget <= 0:
        return False
    # A timer rather than a progress handler: SQLite walks the pages inside one VM step, which a
    # progress handler never interrupts, but it does look at sqlite3_interrupt's flag.
    timer = threading.Timer(budget, con.interrupt)
    timer.daemon = True
    timer.start()
    try:
        rows = con.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", 0) == sqlite3.SQLITE_INTERRUPT:
            return False
        raise
    finally:
        timer.cancel()
    if [r[0] for r in rows] != ["ok"]:
        first = str(rows[0][0]).replace("\n", " ")[:200] if rows else "no answer"
        raise DamagedStore(f"SQLite's integrity check failed ({first}); nothing is written into it", source=where)
    return True


def cannot_write(exc: sqlite3.Error, where: str) -> StoreError | UnreadableInput:
    """The error for a store SQLite cannot open for writing (``SQLITE_CANTOPEN``)."""
    path = Path(where)
    folder = path.parent
    if not folder.is_dir():
        return UnreadableInput("the store's folder does not exist", source=where)
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return ReadOnlyStore(f"the store, or its folder, cannot be written (SQLite: {exc})", source=where)
    return UnreadableInput(f"cannot open the store: {exc}", source=where)
