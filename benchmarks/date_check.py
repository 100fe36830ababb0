"""How often the date stage's first day-precise date equals ACLED's coded `event_date` (not a test).

Runs dates.anchored.v1 over the `notes` of an ACLED export, with the row's event_date as the
publication date, and counts how often the FIRST date mention of day precision equals event_date.
The notes are read only to measure; nothing from them is stored. Usage:

    .venv/bin/python benchmarks/date_check.py [CSV ...] [--limit N] [--errors N]
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import time
from pathlib import Path

from sitrep.annotated import Annotated, Resources
from sitrep.ingest.documents import make_document
from sitrep.model import DatePrecision, EventDate
from sitrep.stages.dates import find

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "acled"
DEFAULTS = (EVAL / "acled_global_2020-04-27_to_2020-05-09.csv", EVAL / "acled_armenia_hdx_2018-01-01_to_2020-12-05.csv")


def parse_event_date(value: str) -> dt.date:
    """ACLED exports write either ISO dates or `9-May-20`."""
    for fmt in ("%Y-%m-%d", "%d-%b-%y", "%d %B %Y"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable event_date {value!r}")


def first_day(annotated: Annotated) -> EventDate | None:
    for mention in annotated.mentions:
        value: EventDate = mention.value
        if value.precision is DatePrecision.DAY and value.date is not None:
            return value
    return None


def check(path: Path, resources: Resources, limit: int | None, errors: int) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    notes = [r["notes"] for r in rows]
    t0 = time.perf_counter()
    parsed = list(resources.nlp.pipe(notes, batch_size=64))
    t_parse = time.perf_counter() - t0
    outcome: collections.Counter[str] = collections.Counter()
    shown: collections.Counter[str] = collections.Counter()
    t0 = time.perf_counter()
    for row, doc in zip(rows, parsed):
        gold = parse_event_date(row["event_date"])
        document = make_document(row["notes"], published=gold)
        starts = tuple(s.start_char for s in doc.sents)
        annotated = Annotated(document=document, doc=doc, resources=resources, _sentence_starts=starts)
        annotated = annotated.with_mentions(find(annotated))
        got = first_day(annotated)
        if got is None:
            kind = "no day-precise date"
        elif got.date == gold:
            kind = "exact"
        elif (
            got.date is not None
            and got.date.year != gold.year
            and (got.date.month, got.date.day) == (gold.month, gold.day)
        ):
            kind = "same day, other year (stated year differs)"
        else:
            kind = "other day"
        outcome[kind] += 1
        if kind != "exact" and shown[kind] < errors:
            shown[kind] += 1
            print(f"  [{kind}] gold {gold} got {got.date if got else None} raw {got.raw if got else None!r}")
    t_stage = time.perf_counter() - t0
    n = len(rows)
    print(f"{path.name}: {n} notes")
    for kind, count in outcome.most_common():
        print(f"  {kind:45} {count:5}  {count / n:.3f}")
    print(f"  exact first day-precise date: {outcome['exact'] / n:.3f}")
    print(
        f"  stage time {1000 * t_stage / n:.2f} ms/document (spaCy parse {1000 * t_parse / n:.2f} ms/document, not counted)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("csv", nargs="*", type=Path, default=list(DEFAULTS))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", type=int, default=0, help="print this many misses per kind")
    args = parser.parse_args()
    resources = Resources()
    for path in args.csv:
        check(path, resources, args.limit, args.errors)


if __name__ == "__main__":
    main()
