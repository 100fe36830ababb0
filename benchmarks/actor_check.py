"""Actor coverage check (not a test): run actors.lexicon.v1 over ACLED notes.

For each row of the ACLED export, prints how often the gold ``actor1`` (and ``actor2``), with
dated parentheses such as " (2003-)" removed, is among the ACLED names of the actors found in
the row's notes, and how often both are.

    .venv/bin/python benchmarks/actor_check.py [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from collections import Counter
from pathlib import Path

from sitrep.annotated import Resources
from sitrep.ingest.documents import make_document
from sitrep.pipeline import Pipeline
from sitrep.registry import get_stage

CSV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "acled" / "acled_global_2020-04-27_to_2020-05-09.csv"
DATED = re.compile(r"\s*\(\d{4}-\d{0,4}\)")


def plain(name: str) -> str:
    return " ".join(DATED.sub("", name).split())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--misses", type=int, default=0, help="print this many missed actor1 names")
    args = ap.parse_args()
    rows = list(csv.DictReader(CSV.open(encoding="utf-8")))
    if args.limit:
        rows = rows[:: max(1, len(rows) // args.limit)][: args.limit]
    resources = Resources()
    pipe = Pipeline.__new__(Pipeline)  # the actor stage alone, without event assembly
    pipe.resources = resources
    pipe.stages = (get_stage("actors.lexicon.v1"),)
    hit1 = hit2 = both = n2 = 0
    missed: Counter[str] = Counter()
    t0 = time.perf_counter()
    for row in rows:
        annotated = pipe.annotate(make_document(row["notes"]))
        names = {plain(m.value.acled_name) for m in annotated.of("actor") if m.value.acled_name}
        a1, a2 = plain(row["actor1"]), plain(row["actor2"])
        ok1 = a1 in names
        ok2 = not a2 or a2 in names
        hit1 += ok1
        if a2:
            n2 += 1
            hit2 += a2 in names
        both += ok1 and ok2
        if not ok1:
            missed[a1] += 1
    dt = time.perf_counter() - t0
    n = len(rows)
    print(
        f"rows {n}  actor1 found {hit1 / n:.1%}  actor2 found {hit2 / max(n2, 1):.1%} (of {n2})  "
        f"pair found {both / n:.1%}  ({n / dt:.0f} notes/s)"
    )
    for name, count in missed.most_common(args.misses):
        print(f"  missed {count:4d}  {name}")


if __name__ == "__main__":
    main()
