"""What the integrity check before writing costs: PRAGMA quick_check over a store of N events.

The store is filled as in bench_query.py (synthetic events through ``StoreWriter``), or ``--db`` names
an existing one. Each figure is timed twice with the file in the page cache and twice after evicting
it (``posix_fadvise(DONTNEED)``, this file only), for ``quick_check``, ``integrity_check`` (cached
only) and for opening a ``StoreWriter``, whose check ``CHECK_SECONDS`` bounds.

    .venv/bin/python benchmarks/bench_store_check.py [--events 200000] [--db FILE] [--json FILE]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_query import fill
from report import emit

from sitrep.store import StoreWriter
from sitrep.store.opening import CHECK_SECONDS


def evict(db: Path) -> None:
    fd = os.open(db, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def seconds(action: Callable[[], object], db: Path, *, cold: bool) -> float:
    if cold:
        evict(db)
    started = time.perf_counter()
    action()
    return round(time.perf_counter() - started, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--db", help="an existing store to measure (else a new one in a temporary folder)")
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(args.db) if args.db else Path(folder) / "check.db"
        if not args.db:
            fill(db, args.events, random.Random(1))
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)

        def quick() -> object:
            return con.execute("PRAGMA quick_check").fetchall()

        def full() -> object:
            return con.execute("PRAGMA integrity_check").fetchall()

        def writer() -> object:
            StoreWriter(db).close()
            return None

        quick()  # into the page cache
        figures = {
            "events": con.execute("SELECT count(*) FROM events").fetchone()[0],
            "megabytes": round(db.stat().st_size / 1e6, 1),
            "quick_check_cached_s": [seconds(quick, db, cold=False) for _ in range(2)],
            "quick_check_from_disk_s": [seconds(quick, db, cold=True) for _ in range(2)],
            "integrity_check_cached_s": [seconds(full, db, cold=False) for _ in range(2)],
            "open_writer_cached_s": seconds(writer, db, cold=False),
            "open_writer_from_disk_s": seconds(writer, db, cold=True),
            "check_seconds_bound": CHECK_SECONDS,
        }
        con.close()
    emit(figures, args.json)


if __name__ == "__main__":
    main()
