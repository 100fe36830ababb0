"""store/incidents.py, store/decode.py and schema version 2: incidents written and read back."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.ingest.documents import make_document
from sitrep.merge import merge_events, reconcile
from sitrep.model import Claim, Document, Event, Extraction
from sitrep.serialize import event_to_dict
from sitrep.store import (
    BBox,
    ConcurrentMerge,
    EventFilter,
    Store,
    StoreWriter,
    connect,
    document_rows,
    event_from_dict,
    memberships,
    write_incidents,
)
from sitrep.store.schema import SCHEMA_VERSION
from tests.unit.store.conftest import extraction
from tests.unit.test_serialize import TEXT, ev, make_event

ARTICLES = [
    "date 2020-09-28\nAzerbaijani forces shelled Stepanakert on Sunday, killing 12 civilians, the Armenian "
    "defence ministry said. The Azerbaijani army denied targeting civilians.",
    "date 2020-10-04\nTwo people were killed and 5 wounded when rockets hit Ganja on Sunday, Azerbaijan's "
    "prosecutor said. Armenia denied firing at the city.",
]


def reported(n: int, killed: int, claimant: str, publisher: str) -> tuple[Document, Event]:
    """Report number ``n`` of the same shelling: its own document, publisher, figure and claimant."""
    text = f"{TEXT} Report {n}."
    doc = make_document(text, published="2020-09-28", source=f"r{n}.txt", publisher=publisher)
    base = make_event(text=text, event_id=f"{doc.id}-0")
    assert base.killed is not None and base.killed.total is not None and base.claimant is not None
    who = replace(base.claimant, name=claimant)
    event = replace(
        base,
        document_id=doc.id,
        killed=replace(base.killed, total=replace(base.killed.total, low=killed, best=killed, high=killed)),
        claimant=who,
        claims=(
            Claim(
                field="killed",
                value={"low": killed, "best": killed, "high": killed},
                claimant=who,
                evidence=ev(text, "the ministry said"),
            ),
        ),
    )
    return doc, event


def test_event_round_trips_through_its_record() -> None:
    e = make_event()
    d = event_to_dict(e, make_document(TEXT))
    back = event_from_dict(d)
    assert back == e
    assert event_to_dict(back, make_document(TEXT)) == d


def test_real_extractions_round_trip(pipeline) -> None:  # type: ignore[no-untyped-def]
    seen = 0
    for text in ARTICLES:
        extraction = pipeline(make_document(text.split("\n", 1)[1], published=text[5:15]))
        for e in extraction.events:
            d = event_to_dict(e, extraction.document)
            back = event_from_dict(d)
            assert event_to_dict(back, extraction.document) == d
            # What the merge reads, exactly as extracted.
            assert (
                back.place,
                back.date,
                back.killed,
                back.wounded,
                back.actors,
                back.recipients,
                back.certainty,
                back.sentence,
            ) == (e.place, e.date, e.killed, e.wounded, e.actors, e.recipients, e.certainty, e.sentence)
            assert [(c.field, c.claimant.name, c.evidence) for c in back.claims] == [
                (c.field, c.claimant.name, c.evidence) for c in e.claims
            ]
            seen += 1
    assert seen >= 2


def _store(tmp_path: Path, reports: list[tuple[Document, Event]]) -> Path:
    db = tmp_path / "s.db"
    with StoreWriter(db) as w:
        for doc, event in reports:
            w.write(document_rows(Extraction(document=doc, events=(event,))))
    return db


def _write(db: Path, documents: list[Document], events: list[Event]) -> None:
    con = connect(db)
    try:
        previous = memberships(con)
        incidents, revisions = reconcile(previous, merge_events(events, documents))  # type: ignore[arg-type]
        write_incidents(
            con,
            incidents,
            revisions,
            after_run=len({r for r in con.execute("SELECT run FROM incident_runs")}),
            events=len(events),
            seconds=0.1,
        )
    finally:
        con.close()


def test_incident_figures_conflicts_and_claimants_are_stored(tmp_path: Path) -> None:
    reports = [
        reported(1, 12, "Armenian Ministry of Defence", "Outlet A"),
        reported(2, 15, "Artsakh Ombudsman", "Outlet B"),
        reported(3, 9, "Azerbaijan", "Outlet C"),
    ]
    db = _store(tmp_path, reports)
    _write(db, [d for d, _ in reports], [e for _, e in reports])
    with Store(db) as store:
        found = list(store.incidents())
        assert len(found) == 1
        inc = found[0]
        assert set(inc.members) == {e.id for _, e in reports}
        assert len(inc.documents) == 3 and inc.publishers == ("Outlet A", "Outlet B", "Outlet C")
        assert inc.killed is not None
        assert (inc.killed.low, inc.killed.best, inc.killed.high, inc.killed.acled) == (9, 12, 15, 9)
        assert inc.killed.conflicting
        assert inc.place == "Stepanakert" and inc.country == "AZE" and inc.date == dt.date(2020, 9, 27)
        conflicts = {c["field"]: c for c in inc.record["conflicts"]}
        held = {p["value"]: p["claimants"] for p in conflicts["killed"]["positions"]}
        assert sorted(held.values()) == [["Armenian Ministry of Defence"], ["Artsakh Ombudsman"], ["Azerbaijan"]]
        assert inc.conflict_count == len(inc.record["conflicts"])
        claims = inc.record["killed"]["claims"]
        assert {(c["claimant"], c["publisher"], c["best"]) for c in claims} == {
            ("Armenian Ministry of Defence", "Outlet A", 12),
            ("Artsakh Ombudsman", "Outlet B", 15),
            ("Azerbaijan", "Outlet C", 9),
        }
        assert store.incident(inc.id) == inc
        assert all(store.incident_of(e.id) == inc.id for _, e in reports)
        assert [r.reason for r in store.revisions()] == ["new"]


def test_rewrite_with_a_new_member_records_a_revision(tmp_path: Path) -> None:
    reports = [reported(1, 12, "Ministry", "A"), reported(2, 12, "Ministry", "B")]
    db = _store(tmp_path, reports)
    _write(db, [d for d, _ in reports], [e for _, e in reports])
    with Store(db) as store:
        first = next(store.incidents()).id
    more = [*reports, reported(3, 14, "Ombudsman", "C")]
    _write(db, [d for d, _ in more], [e for _, e in more])
    with Store(db) as store:
        incs = list(store.incidents())
        assert [i.id for i in incs] == [first] and len(incs[0].members) == 3
        grown = store.revisions(first)[-1]
        assert grown.reason == "grown" and grown.added == (more[2][1].id,) and grown.run == 2


def test_stale_run_number_writes_nothing(tmp_path: Path) -> None:
    reports = [reported(1, 12, "Ministry", "A")]
    db = _store(tmp_path, reports)
    _write(db, [d for d, _ in reports], [e for _, e in reports])
    con = connect(db)
    incidents = merge_events([e for _, e in reports], [d for d, _ in reports])
    with pytest.raises(ConcurrentMerge):
        write_incidents(con, incidents, (), after_run=0, events=1, seconds=0.0)
    assert con.execute("SELECT count(*) FROM incident_runs").fetchone()[0] == 1
    con.close()


def test_version_1_store_is_migrated_and_readable(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with StoreWriter(db) as w:
        w.write(document_rows(extraction(1)))
    raw = sqlite3.connect(db)  # make it what a version 1 store was: no incident tables, a 2-D R-tree
    for table in ("incident_revisions", "incident_runs", "incident_members", "incidents", "events_where_when"):
        raw.execute(f"DROP TABLE {table}")
    raw.execute("CREATE VIRTUAL TABLE events_geo USING rtree(pk, min_lat, max_lat, min_lon, max_lon)")
    raw.execute("INSERT INTO events_geo SELECT pk, lat, lat, lon, lon FROM events WHERE lat IS NOT NULL")
    raw.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    raw.commit()
    raw.close()
    window = EventFilter(
        start=dt.date(2020, 9, 27),
        end=dt.date(2020, 9, 27),
        bbox=BBox(min_lon=46.0, min_lat=39.0, max_lon=47.0, max_lat=40.0),
    )
    with Store(db) as store:  # read-only: a version 1 store reads, with no incidents, boxes from its 2-D R-tree
        assert list(store.incidents()) == [] and store.revisions() == [] and store.count_events() == 1
        assert store.count_events(window) == 1
    connect(db).close()  # a writer brings it to version 3
    with Store(db) as store:
        version = store._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        assert int(version) == SCHEMA_VERSION == 4
        assert store.count_incidents() == 0
        assert store.count_events(window) == 1
        assert store.count_events(replace(window, start=dt.date(2020, 9, 28), end=None)) == 0
        tables = {r[0] for r in store._con.execute("SELECT name FROM sqlite_master")}
        assert "events_geo" not in tables and "events_where_when" in tables


def test_incidents_filter_by_date_and_country(tmp_path: Path) -> None:
    reports = [reported(1, 12, "Ministry", "A")]
    db = _store(tmp_path, reports)
    _write(db, [d for d, _ in reports], [e for _, e in reports])
    with Store(db) as store:
        assert len(list(store.incidents(start=dt.date(2020, 9, 27), end=dt.date(2020, 9, 27), country="AZE"))) == 1
        assert list(store.incidents(start=dt.date(2020, 9, 28))) == []
        assert list(store.incidents(country="ARM")) == []


def test_a_concurrent_merge_has_a_code_of_its_own() -> None:
    """It was E401, which now means "not a sitrep store" (exit 2), while a concurrent merge exits 1."""
    import sitrep.errors

    def every(cls: type[SitrepError]) -> list[type[SitrepError]]:
        return [cls] + [d for sub in cls.__subclasses__() for d in every(sub)]

    owners: dict[str, list[str]] = {}
    for cls in every(sitrep.errors.SitrepError):
        if "code" in vars(cls):
            owners.setdefault(cls.code, []).append(cls.__name__)
    assert ConcurrentMerge.code == "E406"
    assert {code: names for code, names in owners.items() if len(names) > 1} == {}
