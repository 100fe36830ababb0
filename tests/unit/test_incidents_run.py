"""incidents_run.update_incidents and `sitrep merge`: stable ids, revisions, one run after another."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from sitrep.cli import main
from sitrep.incidents_run import update_incidents
from sitrep.model import Extraction
from sitrep.store import Store, StoreWriter, document_rows
from tests.unit.store.conftest import extraction
from tests.unit.store.test_incidents import reported


def _add(db: Path, *reports) -> None:  # type: ignore[no-untyped-def]
    with StoreWriter(db) as w:
        for doc, event in reports:
            w.write(document_rows(Extraction(document=doc, events=(event,))))


def test_second_run_keeps_ids_and_records_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _add(db, reported(1, 12, "Ministry", "A"), reported(2, 10, "Ombudsman", "B"))
    with StoreWriter(db) as w:  # another incident, weeks later, told once
        w.write(document_rows(extraction(7, day=dt.date(2020, 10, 20))))
    first = update_incidents(db)
    assert (first.run, first.events, first.incidents, first.multi_report) == (1, 3, 2, 1)
    assert dict(first.revisions_by_reason) == {"new": 2} and first.written == 2
    with Store(db) as store:
        before = [(i.id, i.members) for i in store.incidents()]
    second = update_incidents(db)
    assert (second.run, second.revisions, second.written, second.unchanged, second.deleted) == (2, 0, 0, 2, 0)
    with Store(db) as store:
        assert [(i.id, i.members) for i in store.incidents()] == before
        assert len(store.revisions()) == 2


def test_a_new_report_joins_and_is_recorded(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _add(db, reported(1, 12, "Ministry", "A"), reported(2, 12, "Ministry", "B"))
    update_incidents(db)
    with Store(db) as store:
        (only,) = list(store.incidents())
    late = reported(3, 20, "Ombudsman", "C")
    _add(db, late)
    summary = update_incidents(db)
    assert dict(summary.revisions_by_reason) == {"grown": 1} and summary.written == 1
    with Store(db) as store:
        (now,) = list(store.incidents())
        assert now.id == only.id and late[1].id in now.members
        assert now.killed is not None and (now.killed.low, now.killed.best, now.killed.high) == (12, 12, 20)
        last = store.revisions(now.id)[-1]
        assert (last.reason, last.added, last.removed, last.run) == ("grown", (late[1].id,), (), 2)


def test_merge_command_prints_one_json_line(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _add(db, reported(1, 12, "Ministry", "A"), reported(2, 12, "Ministry", "B"))
    out, err = io.StringIO(), io.StringIO()
    assert main(["merge", "--db", str(db)], stdout=out, stderr=err) == 0
    line = json.loads(out.getvalue())
    assert line["incidents"] == 1 and line["events"] == 2 and line["revisions_by_reason"] == {"new": 1}
    assert main(["merge", "--db", str(tmp_path / "missing.db")], stdout=io.StringIO(), stderr=err) == 2
    assert "E006" in err.getvalue()


def test_merge_command_takes_workers_and_refuses_fewer_than_one(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _add(db, reported(1, 12, "Ministry", "A"), reported(2, 12, "Ministry", "B"))
    out, err = io.StringIO(), io.StringIO()
    assert main(["merge", "--db", str(db), "--workers", "2"], stdout=out, stderr=err) == 0
    assert json.loads(out.getvalue())["incidents"] == 1
    assert main(["merge", "--db", str(db), "--workers", "0"], stdout=io.StringIO(), stderr=err) == 2
    assert "E008" in err.getvalue() and "--workers" in err.getvalue()
    with Store(db) as store:  # the refused run stored nothing and lost nothing
        assert store.count_incidents() == 1 and len(store.revisions()) == 1
