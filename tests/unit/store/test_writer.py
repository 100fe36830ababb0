"""store/writer.py + schema.py: atomic per-document writes, idempotence, rejects, WAL."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from sitrep.errors import BinaryInput, DiskFull, DocumentNotStored, NotAStore, UnreadableInput
from sitrep.store import Store, StoreWriter, connect, document_rows
from tests.unit.store.conftest import extraction


def test_store_is_wal(tmp_path: Path) -> None:
    con = connect(tmp_path / "s.db")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_write_once_then_no_change(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    rows = document_rows(extraction(1, events=2))
    with StoreWriter(db) as w:
        assert w.write(rows) == 2  # event rows stored
        assert w.write(rows) is None  # same content: nothing changes
        assert w.has_document(rows.document.id)
    with Store(db) as s:
        assert s.count_documents() == 1
        assert s.count_events() == 2
        assert s.document(rows.document.id) == rows.document


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    """A document and its events are one transaction: an error half-way stores neither."""
    db = tmp_path / "s.db"
    rows = document_rows(extraction(1, events=2))
    broken = replace(rows.events[1], record=None)  # a NOT NULL column: this insert fails
    bad = replace(rows, events=(rows.events[0], broken))
    with StoreWriter(db) as w:
        with pytest.raises(sqlite3.IntegrityError):
            w.write(bad)
        assert not w.has_document(rows.document.id)
        assert w.connection().execute("SELECT count(*) FROM events").fetchone()[0] == 0
        assert w.write(rows) == 2


def test_rejects_upsert_and_clear_when_document_stores(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    rows = document_rows(extraction(1))
    with StoreWriter(db) as w:
        w.reject(BinaryInput("NUL byte", source="doc1.txt"))
        w.reject(BinaryInput("NUL byte again", source="doc1.txt"))
        w.reject(BinaryInput("other", source="other.txt"))
    with Store(db) as s:
        rejects = s.rejects()
        assert [(r.source, r.code, r.message) for r in rejects] == [
            ("doc1.txt", "E002", "NUL byte again"),
            ("other.txt", "E002", "other"),
        ]
    with StoreWriter(db) as w:
        w.write(rows)  # doc1.txt reads now: its reject goes
    with Store(db) as s:
        assert [r.source for r in s.rejects()] == ["other.txt"]


def test_reader_refuses_missing_or_foreign_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput):
        Store(tmp_path / "missing.db")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x(a)").connection.commit()
    with pytest.raises(NotAStore):
        Store(other)


def test_reader_sees_commits_while_writer_is_open(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with StoreWriter(db) as w:
        w.write(document_rows(extraction(1)))
        with Store(db) as s:
            assert s.count_documents() == 1
            w.write(document_rows(extraction(2)))
            assert s.count_documents() == 2


# ---------------------------------------------------------------- values SQLite cannot hold, full disks


def test_a_value_sqlite_cannot_hold_undoes_that_document_only(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    good = document_rows(extraction(1, events=2))
    toll = document_rows(extraction(2, events=2))
    huge = replace(toll, events=(toll.events[0], replace(toll.events[1], killed_best=99999999999999999999999)))
    title = document_rows(extraction(3))
    lone = replace(title, document=replace(title.document, title="Shelling \ud800 report"))
    with StoreWriter(db) as w:
        assert w.write(good) == 2
        for bad, what in ((huge, "64 bits"), (lone, "\\ud800")):
            with pytest.raises(DocumentNotStored) as caught:
                w.write(bad)
            assert caught.value.code == "E302" and caught.value.source == bad.document.source
            assert what in caught.value.message
            assert not w.has_document(bad.document.id)
            assert not w.connection().in_transaction
        assert w.write(document_rows(extraction(4))) == 1  # the writer goes on
    with Store(db) as s:
        assert s.count_documents() == 2 and s.count_events() == 3


def test_a_reject_naming_a_source_that_is_not_utf8_is_stored(tmp_path: Path) -> None:
    """A file name with bytes that are not UTF-8 reaches Python with lone surrogates (os.fsdecode)."""
    with StoreWriter(tmp_path / "s.db") as w:
        w.reject(DocumentNotStored("a value the store cannot hold", source="feeds/\udcff.txt"))
    with Store(tmp_path / "s.db") as s:
        assert [r.source for r in s.rejects()] == ["feeds/\\udcff.txt"]


def test_write_counts_the_event_rows_it_stored(tmp_path: Path) -> None:
    """Two events of one document with one id: the second is not stored, and not counted."""
    rows = document_rows(extraction(1, events=2))
    twice = replace(rows, events=(rows.events[0], replace(rows.events[1], id=rows.events[0].id)))
    with StoreWriter(tmp_path / "s.db") as w:
        assert w.write(twice) == 1
        stored = w.connection().execute("SELECT event_count FROM documents").fetchone()[0]
    assert stored == 1


def test_a_full_disk_undoes_the_document_and_keeps_the_earlier_ones(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with StoreWriter(db) as w:
        con = w.connection()
        w.write(document_rows(extraction(0, events=3)))
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLite's own way to run out of room
        written = 1
        with pytest.raises(DiskFull) as caught:
            for n in range(1, 200):
                w.write(document_rows(extraction(n, events=3)))
                written += 1
        assert caught.value.code == "E405" and caught.value.source == str(db)
        assert "rollback" not in str(caught.value) and not con.in_transaction
        assert written < 200
    with Store(db) as s:
        assert s.count_documents() == written and s.count_events() == 3 * written
