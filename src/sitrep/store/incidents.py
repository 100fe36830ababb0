"""Incidents in the store: writing a merge run's result, reading incidents and revisions back.

Tables (schema version 2, see schema.py): ``incidents`` (indexed columns plus the full JSON
record), ``incident_members`` (event id -> incident id), ``incident_runs`` (one row per merge run)
and ``incident_revisions`` (changes of membership, per run). A run's result is written in one
transaction; an incident whose record did not change is not rewritten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from ..errors import SitrepError
from ..merge.records import Incident, MergedFigure, Revision
from ..serialize import actor_to_dict, evidence_to_dict, place_to_dict, plain
from .failures import stored_json


class ConcurrentMerge(SitrepError):
    """Another merge run wrote incidents while this one was merging; run it again. Not a StoreError:
    the store is fine and the next run will do."""

    code = "E406"


@dataclass(frozen=True, kw_only=True, slots=True)
class StoredFigure:
    """Merged killed or wounded of a stored incident (rule in docs/merge.md); the claims are in ``record``."""

    low: int
    best: int
    high: int
    acled: int
    conflicting: bool


@dataclass(frozen=True, kw_only=True, slots=True)
class StoredIncident:
    """One stored incident: its indexed columns, members, figures and the full JSON record."""

    id: str
    kind: str
    plover: str
    acled_type: str | None
    acled_subtype: str | None
    date: dt.date | None
    date_end: dt.date | None
    country: str | None
    lat: float | None
    lon: float | None
    place: str | None
    place_precision: str | None
    members: tuple[str, ...]
    documents: tuple[str, ...]
    publishers: tuple[str, ...]
    actors: tuple[str, ...]
    killed: StoredFigure | None
    wounded: StoredFigure | None
    conflict_count: int
    cohesion: float
    record: dict[str, Any] = field(hash=False, compare=True)


@dataclass(frozen=True, kw_only=True, slots=True)
class StoredRevision:
    seq: int
    run: int
    incident_id: str
    reason: str
    added: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Membership:
    """A stored incident's id and members: all :func:`sitrep.merge.reconcile` looks at of earlier incidents."""

    id: str
    members: tuple[str, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class IncidentWrite:
    """What writing one run's incidents did."""

    run: int
    written: int  # incidents inserted or rewritten
    unchanged: int  # incidents whose stored record was already the same
    deleted: int  # stored incidents that no longer exist
    revisions: int


# ---------------------------------------------------------------- JSON of an incident


def _figure(fig: MergedFigure | None) -> dict[str, Any] | None:
    if fig is None:
        return None
    return {
        "low": fig.low,
        "best": fig.best,
        "high": fig.high,
        "acled": fig.acled,
        "rule": fig.rule,
        "conflicting": fig.conflicting,
        "claims": [
            {
                "low": c.low,
                "best": c.best,
                "high": c.high,
                "claimant": c.claimant,
                "publisher": c.publisher,
                "document_id": c.document_id,
                "event_id": c.event_id,
                "raw": c.raw,
            }
            for c in fig.claims
        ],
    }


def incident_to_dict(inc: Incident) -> dict[str, Any]:
    """An incident as JSON-able values: every member, source, figure claim and conflict with its claimants."""
    return {
        "id": inc.id,
        "kind": inc.kind,
        "plover": inc.plover,
        "acled_type": inc.acled_type,
        "acled_subtype": inc.acled_subtype,
        "date": inc.date.isoformat() if inc.date else None,
        "date_end": inc.date_end.isoformat() if inc.date_end else None,
        "place": place_to_dict(inc.place) if inc.place is not None else None,
        "actors": list(inc.actors),
        "members": list(inc.members),
        "documents": list(inc.documents),
        "publishers": list(inc.publishers),
        "sources": [
            {
                "event_id": s.event_id,
                "document_id": s.document_id,
                "publisher": s.publisher,
                "published": s.published.isoformat() if s.published else None,
                "claimant": s.claimant,
            }
            for s in inc.sources
        ],
        "killed": _figure(inc.killed),
        "wounded": _figure(inc.wounded),
        "claims": [
            {
                "event_id": event_id,
                "field": c.field,
                "value": plain(c.value),
                "claimant": actor_to_dict(c.claimant),
                "evidence": evidence_to_dict(c.evidence),
            }
            for event_id, c in inc.claims
        ],
        "conflicts": [
            {
                "field": c.field,
                "positions": [
                    {"value": p.value, "claimants": list(p.claimants), "event_ids": list(p.event_ids)}
                    for p in c.positions
                ],
            }
            for c in inc.conflicts
        ],
        "cohesion": inc.cohesion,
    }


def _dumps(value: Any) -> str:
    """Compact JSON with characters unescaped, made by orjson for speed (the text differs from
    ``json.dumps`` only in the exponent of very small floats, "2.5e-7" for "2.5e-07")."""
    return orjson.dumps(value).decode("utf-8")


def _row(inc: Incident, text: str, digest: str, run: int) -> tuple[Any, ...]:
    p, k, w = inc.place, inc.killed, inc.wounded
    return (
        inc.id,
        inc.kind,
        inc.plover,
        inc.acled_type,
        inc.acled_subtype,
        inc.date.isoformat() if inc.date else None,
        inc.date_end.isoformat() if inc.date_end else None,
        p.country if p else None,
        p.lat if p else None,
        p.lon if p else None,
        p.name if p else None,
        p.precision.value if p else None,
        len(inc.members),
        len(inc.documents),
        k.low if k else None,
        k.best if k else None,
        k.high if k else None,
        k.acled if k else None,
        w.low if w else None,
        w.best if w else None,
        w.high if w else None,
        w.acled if w else None,
        len(inc.conflicts),
        inc.cohesion,
        digest,
        text,
        run,
    )


_INSERT = (
    "INSERT INTO incidents(id, kind, plover, acled_type, acled_subtype, date, date_end, country, lat, lon, place, "
    "place_precision, member_count, document_count, killed_low, killed_best, killed_high, killed_acled, "
    "wounded_low, wounded_best, wounded_high, wounded_acled, conflict_count, cohesion, digest, record, updated_run) "
    "VALUES (" + ",".join("?" * 27) + ")"
)


# ---------------------------------------------------------------- writing


def last_run(con: sqlite3.Connection) -> int:
    """The number of the latest merge run stored (0 before the first)."""
    return int(con.execute("SELECT coalesce(max(run), 0) FROM incident_runs").fetchone()[0])


def memberships(con: sqlite3.Connection) -> tuple[Membership, ...]:
    """Every stored incident's id and members, by id."""
    grouped: dict[str, list[str]] = {}
    for incident_id, event_id in con.execute("SELECT incident_id, event_id FROM incident_members"):
        grouped.setdefault(incident_id, []).append(event_id)
    return tuple(Membership(id=i, members=tuple(sorted(m))) for i, m in sorted(grouped.items()))


def write_incidents(
    con: sqlite3.Connection,
    incidents: Sequence[Incident],
    revisions: Sequence[Revision],
    *,
    after_run: int,
    events: int,
    seconds: float,
) -> IncidentWrite:
    """Replace the stored incidents by ``incidents`` and append ``revisions``, in one transaction.

    ``after_run`` is the run the caller read the earlier incidents from; when another run has been
    stored since, nothing is written and :class:`ConcurrentMerge` (E406) is raised.
    """
    prepared = []
    for inc in incidents:
        text = _dumps(incident_to_dict(inc))
        prepared.append((inc, text, hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()))
    con.execute("BEGIN IMMEDIATE")
    try:
        if last_run(con) != after_run:
            raise ConcurrentMerge("another merge run stored incidents meanwhile; run the merge again")
        run = after_run + 1
        stored = dict(con.execute("SELECT id, digest FROM incidents").fetchall())
        fresh = {inc.id for inc, _, _ in prepared}
        changed = [(inc, text, digest) for inc, text, digest in prepared if stored.get(inc.id) != digest]
        stale = [i for i in stored if i not in fresh] + [inc.id for inc, _, _ in changed if inc.id in stored]
        # Delete everything that goes or changes first, so a member moving between incidents never collides.
        con.executemany("DELETE FROM incident_members WHERE incident_id = ?", [(i,) for i in stale])
        con.executemany("DELETE FROM incidents WHERE id = ?", [(i,) for i in stale])
        con.executemany(_INSERT, [_row(inc, text, digest, run) for inc, text, digest in changed])
        con.executemany(
            "INSERT INTO incident_members(event_id, incident_id, document_id) VALUES (?,?,?)",
            [(s.event_id, inc.id, s.document_id) for inc, _, _ in changed for s in inc.sources],
        )
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        con.execute(
            "INSERT INTO incident_runs(run, finished_at, events, incidents, revisions, seconds) VALUES (?,?,?,?,?,?)",
            (run, now, events, len(prepared), len(revisions), round(seconds, 3)),
        )
        con.executemany(
            "INSERT INTO incident_revisions(run, incident_id, reason, added, removed) VALUES (?,?,?,?,?)",
            [(run, r.incident_id, r.reason, _dumps(list(r.added)), _dumps(list(r.removed))) for r in revisions],
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    removed = len(stored.keys() - fresh)
    return IncidentWrite(
        run=run, written=len(changed), unchanged=len(prepared) - len(changed), deleted=removed, revisions=len(revisions)
    )


# ---------------------------------------------------------------- reading


def _has_incidents(con: sqlite3.Connection) -> bool:
    """False for a schema version 1 store opened read-only (it has no incident tables yet)."""
    row = con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'incidents'").fetchone()
    return row is not None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _stored_figure(d: dict[str, Any] | None) -> StoredFigure | None:
    if d is None:
        return None
    return StoredFigure(low=d["low"], best=d["best"], high=d["high"], acled=d["acled"], conflicting=d["conflicting"])


def _incident(row: tuple[Any, ...]) -> StoredIncident:
    data = stored_json(row[14], f"the record of incident {row[0]}")
    return StoredIncident(
        id=row[0],
        kind=row[1],
        plover=row[2],
        acled_type=row[3],
        acled_subtype=row[4],
        date=_date(row[5]),
        date_end=_date(row[6]),
        country=row[7],
        lat=row[8],
        lon=row[9],
        place=row[10],
        place_precision=row[11],
        members=tuple(data["members"]),
        documents=tuple(data["documents"]),
        publishers=tuple(data["publishers"]),
        actors=tuple(data["actors"]),
        killed=_stored_figure(data["killed"]),
        wounded=_stored_figure(data["wounded"]),
        conflict_count=row[12],
        cohesion=row[13],
        record=data,
    )


_COLUMNS = (
    "id, kind, plover, acled_type, acled_subtype, date, date_end, country, lat, lon, place, place_precision, "
    "conflict_count, cohesion, record"
)


def read_incidents(
    con: sqlite3.Connection,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    country: str | None = None,
) -> Iterator[StoredIncident]:
    """Stored incidents ordered by date (undated last), then id; streamed. Filters as in EventFilter."""
    if not _has_incidents(con):
        return
    clauses, params = [], []
    if start is not None:
        clauses.append("date >= ?")
        params.append(start.isoformat())
    if end is not None:
        clauses.append("date <= ?")
        params.append(end.isoformat())
    if country is not None:
        clauses.append("country = ?")
        params.append(country)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    for row in con.execute(f"SELECT {_COLUMNS} FROM incidents{where} ORDER BY date IS NULL, date, id", params):
        yield _incident(row)


def page_incidents(
    con: sqlite3.Connection,
    members: tuple[str, list[Any]] | None,
    *,
    size: int,
    after: tuple[str | None, str] | None,
) -> list[StoredIncident]:
    """Up to ``size`` incidents, newest first (undated last), then by id descending, after the
    ``(date, id)`` key ``after``. ``members`` is a WHERE clause on events ``e`` and its parameters:
    only incidents with a member event it matches are listed."""
    if not _has_incidents(con):
        return []
    columns = ", ".join(f"i.{c.strip()}" for c in _COLUMNS.split(","))
    base = f"SELECT {columns} FROM incidents i WHERE "
    shared: list[str] = []
    shared_params: list[Any] = []
    if members is not None:
        shared.append(
            f"i.id IN (SELECT m.incident_id FROM incident_members m JOIN events e ON e.id = m.event_id{members[0]})"
        )
        shared_params += members[1]
    found: list[StoredIncident] = []
    day, ident = after if after is not None else (None, None)
    if after is None or day is not None:
        keyset = ["i.date IS NOT NULL"] + (["(i.date, i.id) < (?, ?)"] if day is not None else [])
        sql = base + " AND ".join([*shared, *keyset]) + " ORDER BY i.date DESC, i.id DESC LIMIT ?"
        extra = [day, ident] if day is not None else []
        found += [_incident(r) for r in con.execute(sql, [*shared_params, *extra, size])]
    if len(found) < size:
        keyset = ["i.date IS NULL"] + (["i.id < ?"] if after is not None and day is None else [])
        sql = base + " AND ".join([*shared, *keyset]) + " ORDER BY i.id DESC LIMIT ?"
        extra = [ident] if after is not None and day is None else []
        found += [_incident(r) for r in con.execute(sql, [*shared_params, *extra, size - len(found)])]
    return found


def read_incident(con: sqlite3.Connection, incident_id: str) -> StoredIncident | None:
    if not _has_incidents(con):
        return None
    row = con.execute(f"SELECT {_COLUMNS} FROM incidents WHERE id = ?", (incident_id,)).fetchone()
    return _incident(row) if row is not None else None


def incident_of(con: sqlite3.Connection, event_id: str) -> str | None:
    """The id of the incident an event belongs to, if it has been merged."""
    if not _has_incidents(con):
        return None
    row = con.execute("SELECT incident_id FROM incident_members WHERE event_id = ?", (event_id,)).fetchone()
    return row[0] if row is not None else None


def read_revisions(con: sqlite3.Connection, incident_id: str | None = None) -> list[StoredRevision]:
    """Revisions in the order they were recorded, all or one incident's."""
    if not _has_incidents(con):
        return []
    sql = "SELECT seq, run, incident_id, reason, added, removed FROM incident_revisions"
    params: tuple[Any, ...] = ()
    if incident_id is not None:
        sql += " WHERE incident_id = ?"
        params = (incident_id,)
    return [
        StoredRevision(
            seq=r[0],
            run=r[1],
            incident_id=r[2],
            reason=r[3],
            added=tuple(stored_json(r[4], "a revision's added events")),
            removed=tuple(stored_json(r[5], "a revision's removed events")),
        )
        for r in con.execute(sql + " ORDER BY seq", params)
    ]


def count_incidents(con: sqlite3.Connection) -> int:
    if not _has_incidents(con):
        return 0
    return int(con.execute("SELECT count(*) FROM incidents").fetchone()[0])
