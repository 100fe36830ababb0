"""store/failures.py: SQLite's errors become E403/E404/E405 in one place; other errors pass unchanged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sitrep.errors import DamagedStore, DiskFull, ReadOnlyStore
from sitrep.store import StoreWriter, document_rows
from sitrep.store.failures import GuardedConnection
from tests.unit.store.conftest import extraction


def guarded(db: Path, *, readonly: bool = False) -> GuardedConnection:
    uri = db.resolve().as_uri() + ("?mode=ro" if readonly else "")
    con = sqlite3.connect(uri, uri=True, isolation_level=None, factory=GuardedConnection)
    con.where = str(db)
    return con


@pytest.fixture
def db(tmp_path: Path) -> Path:
    with StoreWriter(tmp_path / "s.db") as w:
        w.write(document_rows(extraction(1)))
    return tmp_path / "s.db"


def test_a_write_sqlite_refuses_as_read_only_is_e404(db: Path) -> None:
    con = guarded(db, readonly=True)
    with pytest.raises(ReadOnlyStore) as caught:
        con.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')")
    assert caught.value.code == "E404" and caught.value.source == str(db)
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)


def test_sqlite_full_is_e405(db: Path) -> None:
    con = guarded(db)
    con.execute(f"PRAGMA max_page_count = {con.execute('PRAGMA page_count').fetchone()[0]}")
    with pytest.raises(DiskFull):
        con.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", [(str(i), "x" * 4000) for i in range(50)])


def test_text_that_is_not_utf8_is_damage_met_while_fetching(db: Path) -> None:
    con = guarded(db)
    con.execute("INSERT INTO meta(key, value) VALUES ('bad', CAST(x'80ff' AS TEXT))")
    with pytest.raises(DamagedStore):
        con.execute("SELECT value FROM meta WHERE key = 'bad'").fetchone()
    with pytest.raises(DamagedStore):
        list(con.execute("SELECT value FROM meta"))


def test_errors_about_our_own_sql_or_rows_pass_unchanged(db: Path) -> None:
    con = guarded(db)
    with pytest.raises(sqlite3.OperationalError):
        con.execute("SELECT nothing FROM nowhere")
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("INSERT INTO meta(key, value) VALUES ('schema_version', NULL)")


@pytest.mark.parametrize(
    ("record", "command"),
    [
        ("{not json", ["export", "-f", "geojson"]),
        ('{"id": "x"}', ["export", "-f", "acled-csv"]),
        ('{"id": "x"}', ["export", "-f", "geojson"]),
        ('{"id": "x", "sitrep": {}}', ["export", "-f", "acled-csv"]),
        ("[1, 2]", ["export", "-f", "incidents-csv"]),
        ("{not json", ["merge"]),
        ('{"sitrep": {"evidence": []}}', ["merge"]),
    ],
)
def test_a_stored_record_that_is_not_what_sitrep_wrote_is_e403(db: Path, record: str, command: list[str]) -> None:
    """The SQLite page is sound but the JSON in it is not: damage all the same, one coded line."""
    import io

    from sitrep import cli

    con = sqlite3.connect(db)
    con.execute("UPDATE events SET record = ?", (record,))
    con.commit()
    con.close()
    out, err = io.StringIO(), io.StringIO()
    code = cli.main([command[0], "--db", str(db), *command[1:]], stdout=out, stderr=err)
    assert code != 0 and err.getvalue().startswith("[E403]"), err.getvalue()
    assert len(err.getvalue().splitlines()) == 1
