"""`sitrep ingest` killed with SIGKILL mid-run and started again loses nothing and duplicates nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sitrep import corpus
from sitrep.pipeline import Pipeline

PLACES = ["Stepanakert", "Goma", "Mosul", "Kharkiv", "Gao", "Aleppo"]
# Enough sentences per text that a run of 30 takes a few seconds: room to kill it half-way.
BODY = (
    "Forces shelled {place} on Sunday, killing {n} civilians and wounding {w}, the ministry said. "
    "Officials said the attack destroyed several houses. Residents fled to nearby villages. "
    "The army denied the report and accused rebels of attacking a checkpoint near {place}. "
)


def write_corpus(root: Path, n: int = 30) -> None:
    root.mkdir()
    for i in range(n):
        text = BODY.format(place=PLACES[i % len(PLACES)], n=i + 2, w=i + 5) * 2
        (root / f"report-{i:02d}.txt").write_text(
            f"date 2021-0{1 + i % 9}-1{i % 10}\n{text} Report {i}.", encoding="utf-8"
        )


def count(db: Path, table: str) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        finally:
            con.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


def command(root: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "sitrep.cli", "ingest", str(root), "--db", str(db)]


def test_kill_and_rerun(tmp_path: Path, pipeline: Pipeline) -> None:
    root, db = tmp_path / "in", tmp_path / "kill.db"
    write_corpus(root)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    proc = subprocess.Popen(command(root, db), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while count(db, "documents") < 3:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "exited"
        assert time.monotonic() < deadline, "ingest stored nothing in two minutes"
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    at_kill = count(db, "documents")
    assert 3 <= at_kill < 30, f"the kill should land mid-run; {at_kill} of 30 were stored"

    done = subprocess.run(command(root, db), env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert f'"already_stored": {at_kill}' in done.stdout and f'"coded": {30 - at_kill}' in done.stdout

    # The same corpus in one uninterrupted run is the reference.
    reference = tmp_path / "ref.db"
    corpus.ingest([root], reference, pipeline_factory=lambda: pipeline)
    query_docs = "SELECT id, text, published, event_count FROM documents ORDER BY id"
    query_events = "SELECT id, document_id, record FROM events ORDER BY id"
    got, ref = sqlite3.connect(db), sqlite3.connect(reference)
    assert got.execute(query_docs).fetchall() == ref.execute(query_docs).fetchall()
    assert got.execute(query_events).fetchall() == ref.execute(query_events).fetchall()
    assert got.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone() == (30, 30)
    n_events = got.execute("SELECT count(*) FROM events").fetchone()[0]
    assert n_events == got.execute("SELECT sum(event_count) FROM documents").fetchone()[0] > 30
    # Every event with coordinates is in the space-time index exactly once.
    assert (
        got.execute("SELECT count(*) FROM events_where_when").fetchone()[0]
        == got.execute("SELECT count(*) FROM events WHERE lat IS NOT NULL").fetchone()[0]
    )
