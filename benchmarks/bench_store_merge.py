"""Time one `sitrep merge` run (``update_incidents``) over a store of synthetic events (not a test).

The events are those of ``merge_bench.synthetic`` (the same generator as the in-memory merge
benchmark), written to a store one document at a time. The run is timed by phase: reading and
decoding the records, merging and reconciling, writing the incidents. Peak memory is the
process's high-water resident set size.

    .venv/bin/python benchmarks/bench_store_merge.py [--events 200000] [--seed 1] [--db FILE] [--json FILE] [--workers N]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from merge_bench import synthetic
from report import emit

from sitrep.incidents_run import update_incidents
from sitrep.model import Extraction
from sitrep.store import StoreWriter, document_rows


def fill(db: Path, n_events: int, seed: int) -> float:
    started = time.perf_counter()
    events, documents, _ = synthetic(n_events, seed)
    by_doc = defaultdict(list)
    for e in events:
        by_doc[e.document_id].append(e)
    with StoreWriter(db) as writer:
        for doc in documents:
            if doc.id in by_doc:
                writer.write(document_rows(Extraction(document=doc, events=tuple(by_doc.pop(doc.id)))))
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", metavar="FILE", help="keep the store here (reused when it exists)")
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--workers", type=int, default=1, help="processes scoring candidate pairs")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sitrep-merge-") as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "merge.db"
        fill_s = fill(db, args.events, args.seed) if not db.exists() else 0.0
        summary = update_incidents(db, workers=args.workers)
    figures = {
        "events": summary.events,
        "workers": args.workers,
        "incidents": summary.incidents,
        "fill_seconds": round(fill_s, 1),
        "read_seconds": round(summary.read_seconds, 1),
        "merge_seconds": round(summary.merge_seconds, 1),
        "write_seconds": round(summary.write_seconds, 1),
        "total_seconds": round(summary.read_seconds + summary.merge_seconds + summary.write_seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    emit(figures, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
