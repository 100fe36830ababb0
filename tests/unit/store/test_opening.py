"""store/opening.py + schema.connect: what is a store, what is refused (E401-E403), and that a refused
file is left byte for byte as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import DamagedStore, NewerStore, NotAStore, SitrepError, StoreError
from sitrep.store import SCHEMA_VERSION, Store, StoreWriter, connect, document_rows, opening
from sitrep.store.opening import APPLICATION_ID
from tests.unit.store.conftest import extraction


def pragmas(db: Path) -> tuple[int, int, str]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = con.execute("PRAGMA application_id").fetchone()[0], con.execute("PRAGMA user_version").fetchone()[0]
        return int(row[0]), int(row[1]), str(con.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        con.close()


def small_store(db: Path, documents: int = 3) -> Path:
    with StoreWriter(db) as w:
        for n in range(documents):
            w.write(document_rows(extraction(n, events=2)))
    return db


def raw(db: Path, *statements: str) -> None:
    """Run statements with plain sqlite3, as another program (or an older sitrep) would."""
    con = sqlite3.connect(db, isolation_level=None)
    try:
        for s in statements:
            con.execute(s)
    finally:
        con.close()


@pytest.mark.parametrize("empty", [False, True], ids=["missing", "zero-bytes"])
def test_a_new_or_empty_file_becomes_a_marked_store(tmp_path: Path, empty: bool) -> None:
    db = tmp_path / "s.db"
    if empty:
        db.write_bytes(b"")
    connect(db).close()
    assert pragmas(db) == (APPLICATION_ID, SCHEMA_VERSION, "wal")


def test_an_unmarked_store_of_an_older_sitrep_is_read_and_marked_when_written(tmp_path: Path) -> None:
    db = small_store(tmp_path / "s.db")
    raw(db, "PRAGMA application_id = 0", "PRAGMA user_version = 0")  # as sitrep wrote stores before the mark
    with Store(db) as s:
        assert s.count_events() == 6
    assert pragmas(db)[:2] == (0, 0)  # reading changes nothing
    with StoreWriter(db) as w:
        assert w.write(document_rows(extraction(9))) == 1
    assert pragmas(db)[:2] == (APPLICATION_ID, SCHEMA_VERSION)


def foreign_database(db: Path) -> bytes:
    raw(db, "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)", "INSERT INTO meta VALUES ('owner', 'someone')")
    return db.read_bytes()


@pytest.mark.parametrize("readonly", [False, True], ids=["writing", "reading"])
def test_another_programs_database_is_refused_and_left_as_it_was(tmp_path: Path, readonly: bool) -> None:
    db = tmp_path / "theirs.db"
    before = foreign_database(db)
    with pytest.raises(NotAStore) as caught:
        connect(db, readonly=readonly)
    assert caught.value.code == "E401" and caught.value.source == str(db)
    assert db.read_bytes() == before  # no tables added, journal mode not switched to WAL
    assert pragmas(db)[2] == "delete"


def test_a_database_with_another_application_id_is_refused(tmp_path: Path) -> None:
    db = small_store(tmp_path / "s.db")
    raw(db, "PRAGMA application_id = 1196444487")  # GeoPackage's
    before = db.read_bytes()
    with pytest.raises(NotAStore):
        StoreWriter(db)
    assert db.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("my notes, not a database\n" * 50, encoding="utf-8")
    before = db.read_bytes()
    for readonly in (False, True):
        with pytest.raises(NotAStore):
            connect(db, readonly=readonly)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]  # no -wal or -shm beside it


@pytest.mark.parametrize(
    "statement",
    ["UPDATE meta SET value = '9' WHERE key = 'schema_version'", f"PRAGMA user_version = {SCHEMA_VERSION + 1}"],
    ids=["meta", "user_version"],
)
def test_a_store_of_a_newer_sitrep_is_refused(tmp_path: Path, statement: str) -> None:
    db = small_store(tmp_path / "s.db")
    raw(db, statement)
    for readonly in (False, True):
        with pytest.raises(NewerStore) as caught:
            connect(db, readonly=readonly)
        assert caught.value.code == "E402"


@pytest.mark.parametrize("value", ["x3", "", "3.0", "0"])
def test_a_schema_version_that_is_not_one_is_a_coded_error(tmp_path: Path, value: str) -> None:
    db = small_store(tmp_path / "s.db")
    raw(db, f"UPDATE meta SET value = '{value}' WHERE key = 'schema_version'")
    for readonly in (False, True):
        with pytest.raises(DamagedStore) as caught:
            connect(db, readonly=readonly)
        assert caught.value.code == "E403" and caught.value.source == str(db)


def damage(db: Path) -> bytes:
    """Overwrite the events table's first page (not its header byte) with noise, as the probe did."""
    con = sqlite3.connect(db)
    page = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    with db.open("r+b") as f:
        f.seek((page - 1) * size + 8)
        f.write(bytes((i * 37 + 11) % 251 for i in range(size - 8)))
    return db.read_bytes()


def test_a_damaged_store_is_not_written_into(tmp_path: Path) -> None:
    db = small_store(tmp_path / "s.db", documents=40)
    before = damage(db)
    with pytest.raises(DamagedStore) as caught:
        StoreWriter(db)
    assert caught.value.code == "E403" and "integrity check" in caught.value.message
    assert db.read_bytes() == before


def test_damage_met_while_reading_is_a_damaged_store_error(tmp_path: Path) -> None:
    db = small_store(tmp_path / "s.db", documents=40)
    damage(db)
    with Store(db) as s, pytest.raises(DamagedStore):
        list(s.records())


# Files to try: any bytes; SQLite's magic then any bytes; a real store with some bytes changed, or cut
# short. Drawn as a small recipe (not the bytes) so that a failing example prints readably.
MODEL: list[bytes] = []


def model_store(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    if not MODEL:
        db = small_store(tmp_path_factory.mktemp("model") / "s.db", documents=4)
        raw(db, "PRAGMA wal_checkpoint(TRUNCATE)")
        MODEL.append(db.read_bytes())
    return MODEL[0]


recipes = st.one_of(
    st.tuples(st.just("any"), st.binary(max_size=2048)),
    st.tuples(st.just("magic"), st.binary(max_size=2048)),
    st.tuples(st.just("cut"), st.floats(min_value=0.0, max_value=1.0, exclude_max=True)),
    st.tuples(
        st.just("changed"),
        st.lists(
            st.tuples(st.integers(min_value=0, max_value=2**20), st.integers(min_value=0, max_value=255)),
            min_size=1,
            max_size=8,
        ),
        st.booleans(),  # in the first 100 bytes (SQLite's header) or anywhere
    ),
)


def made(recipe: tuple[object, ...], model: bytes) -> bytes:
    kind = recipe[0]
    if kind == "any":
        return bytes(recipe[1])  # type: ignore[arg-type]
    if kind == "magic":
        return b"SQLite format 3\x00" + bytes(recipe[1])  # type: ignore[arg-type]
    if kind == "cut":
        return model[: max(1, int(len(model) * float(recipe[1])))]  # type: ignore[arg-type]
    data = bytearray(model)
    span = 100 if recipe[2] else len(data)
    for at, value in recipe[1]:  # type: ignore[attr-defined]
        data[at % span] = value
    return bytes(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(recipe=recipes)
def test_any_file_is_a_store_or_refused_with_a_code_never_changed_when_refused(
    recipe: tuple[object, ...], tmp_path_factory: pytest.TempPathFactory
) -> None:
    content = made(recipe, model_store(tmp_path_factory))
    db = tmp_path_factory.mktemp("any") / "s.db"
    db.write_bytes(content)
    try:
        with Store(db) as s:  # reading: whatever happens, the file does not change
            s.count_documents()
            s.count_events()
    except StoreError as exc:
        assert exc.code in ("E401", "E402", "E403"), exc
    assert db.read_bytes() == content
    try:
        StoreWriter(db).close()
    except StoreError as exc:
        assert exc.code in ("E401", "E402", "E403"), exc
        assert db.read_bytes() == content
    except SitrepError as exc:  # nothing else is acceptable: not E006, not a traceback
        raise AssertionError(f"uncoded refusal: {exc}") from exc


def test_the_integrity_check_stops_at_its_time_limit_and_the_store_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = small_store(tmp_path / "s.db")
    con = opening.open_readonly(str(db))
    assert opening.check_integrity(con, str(db)) is True
    # What the timer does when the time is up, done here at the check's first step: SQLite stops it.
    con.set_progress_handler(con.interrupt, 1)
    assert opening.check_integrity(con, str(db)) is False
    con.close()
    monkeypatch.setattr(opening, "CHECK_SECONDS", 0.0)  # no time at all: no check, and the store opens
    damage(db)
    with StoreWriter(db) as w, pytest.raises(DamagedStore):  # damage is still met where a write touches it
        w.write(document_rows(extraction(7, events=40)))
