"""A store this user cannot write: reading commands work, writing ones stop with E404 and change nothing.

Permission bits do not stop root, so when the tests run as root the commands run in a forked child
that becomes the user ``nobody``; otherwise the folder and file are read-only for the current user.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import tempfile
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep import cli
from sitrep.store import StoreWriter, document_rows
from tests.unit.store.conftest import extraction

NOBODY = 65534


def run(commands: tuple[list[str], ...]) -> list[tuple[int, str, str]]:
    results = []
    for argv in commands:
        out, err = io.StringIO(), io.StringIO()
        results.append((cli.main(argv, stdout=out, stderr=err), out.getvalue(), err.getvalue()))
    return results


def build(db: Path, documents: int = 2) -> None:
    with StoreWriter(db) as w:
        for n in range(documents):
            w.write(document_rows(extraction(n)))


@pytest.fixture
def place() -> Iterator[Path]:
    """A folder other users can read (tmp_path's parents are private to the user who runs the tests)."""
    folder = Path(tempfile.mkdtemp(prefix="sitrep-ro-"))
    folder.chmod(0o755)
    yield folder
    for path in (folder, *folder.rglob("*")):
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(folder)


def read_only(*paths: Path) -> None:
    for path in paths:
        path.chmod(0o555 if path.is_dir() else 0o444)


def sitrep_as_reader(*commands: list[str]) -> list[tuple[int, str, str]]:
    """Each command's (exit status, stdout, stderr), run by a user who cannot write the read-only paths:
    this one, or when it is root a forked child that becomes ``nobody`` (no new interpreter is started,
    so the modules the commands need are imported here first)."""
    if os.geteuid() != 0:
        return run(commands)
    import sitrep.corpus
    import sitrep.export.store_export
    import sitrep.incidents_run
    import sitrep.ingest.readers
    import sitrep.stats  # noqa: F401

    readable, writable = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (the child's coverage is not collected)
        os.close(readable)
        with os.fdopen(writable, "w") as pipe:
            try:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
                pipe.write(json.dumps(run(commands)))
            except BaseException:  # noqa: BLE001 (reported to the parent, which fails the test)
                pipe.write(json.dumps({"error": traceback.format_exc()}))
        os._exit(0)
    os.close(writable)
    with os.fdopen(readable) as pipe:
        answer = json.loads(pipe.read())
    os.waitpid(child, 0)
    assert isinstance(answer, list), answer["error"]
    return [(int(code), out, err) for code, out, err in answer]


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_a_store_in_a_read_only_folder_is_read_and_not_written(place: Path) -> None:
    folder = place / "ro"
    folder.mkdir()
    db = folder / "s.db"
    build(db)
    inputs = place / "in.txt"
    inputs.write_text("date 2020-09-28\nShelling near the river.", encoding="utf-8")
    inputs.chmod(0o644)
    read_only(db, folder)
    before = files(folder)
    stats, export, ingest, merge, new = sitrep_as_reader(
        ["stats", "--db", str(db), "--json"],
        ["export", "--db", str(db), "-f", "plover-jsonl"],
        ["ingest", str(inputs), "--db", str(db)],
        ["merge", "--db", str(db)],
        ["ingest", str(inputs), "--db", str(folder / "new.db")],
    )
    assert stats[0] == 0 and json.loads(stats[1])["documents"] == 2
    assert export[0] == 0 and len(export[1].splitlines()) == 2
    for code, out, err in (ingest, merge, new):
        assert code == 2 and out == "" and err.startswith("[E404] ") and err.count("\n") == 1, err
    assert files(folder) == before  # no -wal, no -shm, no new.db


def test_a_read_only_store_file_is_read_and_not_written(place: Path) -> None:
    db = place / "s.db"
    build(db)
    read_only(db)
    before = db.read_bytes()
    stats, ingest = sitrep_as_reader(["stats", "--db", str(db), "--json"], ["ingest", str(place), "--db", str(db)])
    assert stats[0] == 0 and json.loads(stats[1])["events"] == 2
    assert ingest[0] == 2 and ingest[2].startswith(f"[E404] {db}: ")
    assert db.read_bytes() == before


def test_a_read_only_folder_whose_wal_holds_commits_is_refused_not_misread(place: Path) -> None:
    """Opened immutable, SQLite would not see the commits still in the -wal file: E404 says why instead."""
    writable = place / "w"
    writable.mkdir()
    w = StoreWriter(writable / "s.db")
    w.connection().execute("PRAGMA wal_autocheckpoint = 0")
    for n in range(2):
        w.write(document_rows(extraction(n)))
    folder = place / "ro"
    folder.mkdir()
    for name in ("s.db", "s.db-wal"):  # the -shm file is left behind, as after a copy or a crash
        shutil.copy(writable / name, folder / name)
        (folder / name).chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    w.close()
    read_only(folder)
    ((code, _, err),) = sitrep_as_reader(["stats", "--db", str(folder / "s.db")])
    assert code == 2 and err.startswith("[E404] ") and "s.db-wal" in err
