"""What a SQLite failure means for the store: the one place where sqlite3's errors get sitrep's codes.

Store connections are :class:`GuardedConnection`. Each statement they run and each row they fetch
goes through :func:`translated`, so a damaged page met half-way through an export, a full disk met
in the middle of a document or a read-only file met at the first write reaches the caller as one
:class:`~sitrep.errors.StoreError` naming the store, whichever module ran the statement. Errors
that say nothing about the store file itself (a constraint, a bug in our SQL) pass through as they are.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from ..errors import DamagedStore, DiskFull, ReadOnlyStore, StoreError


def store_error(exc: sqlite3.Error, where: str) -> StoreError | None:
    """The StoreError that ``exc`` stands for, or None when it is not about the store file."""
    code = getattr(exc, "sqlite_errorcode", None)
    # Two kinds of damage are told by their message only: a stored text value that is not UTF-8
    # (Python's sqlite3 reports it, with no SQLite code) and a header naming a file format SQLite
    # does not know (a plain SQLITE_ERROR).
    text = str(exc)
    if code is None:
        if text.startswith("Could not decode to UTF-8"):
            return DamagedStore(f"the file is damaged (a text value that is not UTF-8): {text[:120]}", source=where)
        return None
    primary = code & 0xFF  # extended codes keep the primary code in their low byte
    unknown_format = primary == sqlite3.SQLITE_ERROR and "unsupported file format" in text
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or unknown_format:
        return DamagedStore(f"the file is damaged (SQLite: {exc})", source=where)
    if primary == sqlite3.SQLITE_READONLY:
        return ReadOnlyStore(f"the store, or its folder, cannot be written (SQLite: {exc})", source=where)
    if primary == sqlite3.SQLITE_FULL:
        return DiskFull(
            f"the disk is full (SQLite: {exc}); what was being written is undone, earlier commits are kept",
            source=where,
        )
    return None


def translated_error(exc: BaseException, where: str) -> BaseException:
    """The StoreError ``exc`` stands for, or ``exc`` itself when it says nothing about the store file."""
    if isinstance(exc, UnicodeDecodeError):
        # sitrep writes only valid UTF-8, so bytes that do not decode (in a value, or in the schema
        # text that SQLite quotes in its error message) are damage.
        return DamagedStore(f"the file is damaged (text that is not UTF-8: {exc.reason})", source=where)
    if isinstance(exc, sqlite3.Error):
        return store_error(exc, where) or exc
    return exc


@contextmanager
def translated(where: str) -> Iterator[None]:
    """Raise the StoreError a sqlite3 error stands for instead of it; other errors pass unchanged."""
    try:
        yield
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        mapped = translated_error(exc, where)
        if mapped is exc:
            raise
        raise mapped from exc


class GuardedCursor(sqlite3.Cursor):
    """A cursor whose statements and fetches raise StoreErrors (see the module docstring)."""

    def _where(self) -> str:
        con = self.connection
        return con.where if isinstance(con, GuardedConnection) else "<store>"

    def execute(self, sql: str, parameters: Any = (), /) -> GuardedCursor:
        with translated(self._where()):
            super().execute(sql, parameters)
        return self

    def executemany(self, sql: str, seq_of_parameters: Any, /) -> GuardedCursor:
        with translated(self._where()):
            super().executemany(sql, seq_of_parameters)
        return self

    def fetchone(self) -> Any:
        with translated(self._where()):
            return super().fetchone()

    def fetchmany(self, size: int | None = 1) -> list[Any]:
        with translated(self._where()):
            return super().fetchmany(size if size is not None else self.arraysize)

    def fetchall(self) -> list[Any]:
        with translated(self._where()):
            return super().fetchall()

    def __next__(self) -> Any:
        # Once per row: a plain try costs nothing until it catches, unlike a context manager.
        try:
            return super().__next__()
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            mapped = translated_error(exc, self._where())
            if mapped is exc:
                raise
            raise mapped from exc


class GuardedConnection(sqlite3.Connection):
    """A connection to a store (``where`` names it in errors) whose cursors are GuardedCursors."""

    where = "<store>"

    def execute(self, sql: str, parameters: Any = (), /) -> GuardedCursor:
        return GuardedCursor(self).execute(sql, parameters)

    def executemany(self, sql: str, parameters: Any, /) -> GuardedCursor:
        return GuardedCursor(self).executemany(sql, parameters)


def stored_json(text: str | bytes, what: str) -> Any:
    """A JSON column's value. Text that is not JSON can only come from damage (sitrep writes every
    record with ``json``/``orjson``), so it is DamagedStore, not a parser's traceback."""
    import orjson

    try:
        return orjson.loads(text)
    except (orjson.JSONDecodeError, TypeError) as exc:
        raise DamagedStore(f"the file is damaged: {what} is not JSON ({exc})") from None


Decoded = TypeVar("Decoded")


def stored_record(decode: Callable[[Any], Decoded], record: Any, what: str) -> Decoded:
    """``decode(record)``, with a record of the wrong shape (a field missing or of another type)
    reported as DamagedStore rather than a KeyError from deep in the decoder."""
    try:
        return decode(record)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise DamagedStore(
            f"the file is damaged: {what} is not a record this sitrep wrote ({type(exc).__name__}: {exc})"
        ) from None
