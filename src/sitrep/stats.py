"""Counts over a store: events by day, by type and by country, counted by SQLite (nothing is loaded)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .safe_text import printable
from .store.schema import connect

UNDATED = "(undated)"
NO_COUNTRY = "(no country)"
NO_ACLED_TYPE = "(no ACLED type)"


@dataclass(frozen=True, kw_only=True, slots=True)
class StoreStats:
    """Counts of a store. Each ``by_*`` is (key, events) sorted by key; every event is counted once in each."""

    documents: int
    events: int
    happened: int  # events not negated, hypothetical or future
    rejects: int
    by_day: tuple[tuple[str, int], ...]
    by_acled_type: tuple[tuple[str, int], ...]
    by_plover: tuple[tuple[str, int], ...]
    by_country: tuple[tuple[str, int], ...]
    rejects_by_code: tuple[tuple[str, int], ...] = ()
    rejected: tuple[StoredReject, ...] = ()  # filled only when asked for (``store_stats(listing=True)``)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "events": self.events,
            "happened": self.happened,
            "rejects": self.rejects,
            "by_day": dict(self.by_day),
            "by_acled_type": dict(self.by_acled_type),
            "by_plover": dict(self.by_plover),
            "by_country": dict(self.by_country),
            "rejects_by_code": dict(self.rejects_by_code),
            **({"rejected_inputs": [r.to_dict() for r in self.rejected]} if self.rejected else {}),
        }


@dataclass(frozen=True, kw_only=True, slots=True)
class StoredReject:
    """A row of the store's rejects table: an input or document that could not be stored."""

    source: str
    code: str
    message: str
    seen_at: str

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "code": self.code, "message": self.message, "seen_at": self.seen_at}

    def line(self) -> str:
        return f"[{self.code}] {printable(self.source)}: {printable(self.message)} (seen {self.seen_at})"


def _scalar(con: sqlite3.Connection, sql: str) -> int:
    return int(con.execute(sql).fetchone()[0])


def _grouped(con: sqlite3.Connection, column: str, missing: str) -> tuple[tuple[str, int], ...]:
    # ``column`` is one of our own column names, never user input.
    rows = con.execute(f"SELECT {column}, count(*) FROM events GROUP BY {column} ORDER BY {column} IS NULL, {column}")
    return tuple((key if key is not None else missing, int(n)) for key, n in rows)


def store_stats(path: str | Path, *, listing: bool = False) -> StoreStats:
    """Counts of the store at ``path`` (read-only; raises UnreadableInput, E006, when it is not a store).

    ``listing`` also loads every reject row, in source order."""
    con = connect(Path(path), readonly=True)
    try:
        return StoreStats(
            documents=_scalar(con, "SELECT count(*) FROM documents"),
            events=_scalar(con, "SELECT count(*) FROM events"),
            happened=_scalar(con, "SELECT count(*) FROM events WHERE happened = 1"),
            rejects=_scalar(con, "SELECT count(*) FROM rejects"),
            by_day=_grouped(con, "date", UNDATED),
            by_acled_type=_grouped(con, "acled_type", NO_ACLED_TYPE),
            by_plover=_grouped(con, "plover", "?"),
            by_country=_grouped(con, "country", NO_COUNTRY),
            rejects_by_code=tuple(
                (code, int(n))
                for code, n in con.execute("SELECT code, count(*) FROM rejects GROUP BY code ORDER BY code")
            ),
            rejected=_rejects(con) if listing else (),
        )
    finally:
        con.close()


def _rejects(con: sqlite3.Connection) -> tuple[StoredReject, ...]:
    rows = con.execute("SELECT source, code, message, seen_at FROM rejects ORDER BY source, code")
    return tuple(StoredReject(source=r[0], code=r[1], message=r[2], seen_at=r[3]) for r in rows)


def _table(title: str, rows: tuple[tuple[str, int], ...]) -> list[str]:
    if not rows:
        return [title, "  (none)"]
    width = max(len(k) for k, _ in rows)
    digits = max(len(str(n)) for _, n in rows)
    return [title] + [f"  {k:<{width}}  {n:>{digits}}" for k, n in rows]


def stats_table(stats: StoreStats) -> str:
    """A plain-text report for a terminal: totals, then one table per grouping."""
    lines = [
        f"documents {stats.documents}   events {stats.events} ({stats.happened} happened)   rejects {stats.rejects}",
        "",
    ]
    for title, rows in (
        ("events by day", stats.by_day),
        ("events by ACLED type", stats.by_acled_type),
        ("events by PLOVER event", stats.by_plover),
        ("events by country", stats.by_country),
        ("rejects by code", stats.rejects_by_code),
    ):
        lines += _table(title, rows) + [""]
    if stats.rejected:
        lines += ["rejected inputs"] + [f"  {r.line()}" for r in stats.rejected] + [""]
    return "\n".join(lines).rstrip() + "\n"
