"""Pairwise precision and recall of the merge on the written corpus (not a test).

Reads benchmarks/merge_corpus (articles/*.txt and truth.tsv), runs the real extractor over every
report, merges all events into incidents and compares the grouping of reports with the truth.
Usage:

    .venv/bin/python benchmarks/merge_check.py [FOLDER] [--threshold T] [--errors]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

import sitrep
from sitrep.merge import Settings, merge_events
from sitrep.merge.evaluation import linked_reports, load_corpus, pairwise_scores

DEFAULT = Path(__file__).resolve().parent / "merge_corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--threshold", type=float, default=Settings().threshold)
    parser.add_argument("--errors", action="store_true", help="list wrong and missing links")
    args = parser.parse_args()

    reports = load_corpus(args.folder)
    pipeline = sitrep.load_pipeline()
    started = time.perf_counter()
    extractions = list(pipeline.pipe([r.document for r in reports]))
    extract_seconds = time.perf_counter() - started
    events = [e for x in extractions for e in x.events]
    documents = [x.document for x in extractions]
    started = time.perf_counter()
    incidents = merge_events(events, documents, Settings(threshold=args.threshold))
    merge_seconds = time.perf_counter() - started
    truth = {r.document.id: r.incident for r in reports}
    scores = pairwise_scores(truth, incidents)
    empty = [r.file for r, x in zip(reports, extractions) if not x.events]
    print(f"reports {scores.reports}  true incidents {scores.incidents}  events {len(events)}", end="  ")
    print(f"reports without events {len(empty)}")
    print(f"incidents made {len(incidents)} ({scores.predicted} with two or more reports)")
    print(f"pairs: true {scores.true_pairs}  linked {scores.linked_pairs}  correct {scores.correct_pairs}")
    print(f"pairwise precision {scores.precision:.3f}  recall {scores.recall:.3f}  (threshold {args.threshold})")
    print(f"extract {extract_seconds:.1f} s, merge {merge_seconds * 1000:.1f} ms")
    if args.errors:
        _errors(reports, incidents, truth, empty)


def _errors(reports, incidents, truth, empty) -> None:  # type: ignore[no-untyped-def]
    file_of = {r.document.id: r.file for r in reports}
    linked = linked_reports(incidents)
    wrong = sorted(tuple(sorted(file_of[d] for d in p)) for p in linked if len({truth[d] for d in p}) > 1)
    print("wrong links:", ", ".join(f"{a}+{b}" for a, b in wrong) or "none")
    by_incident = defaultdict(list)
    for r in reports:
        by_incident[r.incident].append(r.document.id)
    for label, docs in sorted(by_incident.items()):
        missing = [
            (file_of[a], file_of[b])
            for i, a in enumerate(docs)
            for b in docs[i + 1 :]
            if frozenset((a, b)) not in linked
        ]
        if missing:
            print(f"{label} missing: " + ", ".join(f"{a}+{b}" for a, b in missing))
    print("no events:", ", ".join(empty) or "none")


if __name__ == "__main__":
    main()
