"""How often the casualty stage's killed figure matches ACLED's coded `fatalities` (not a test).

Runs casualties.rules.v1 over the `notes` of an ACLED export and compares
``acled_fatalities(killed total)`` (0 when nothing is found) with the gold column. The notes are
read only to measure; nothing from them is stored. Usage:

    .venv/bin/python benchmarks/casualty_check.py [CSV] [--errors N]
"""

from __future__ import annotations

import argparse
import collections
import csv
import time
from pathlib import Path

from sitrep.annotated import Annotated, Resources
from sitrep.ingest.documents import make_document
from sitrep.model import Count, Mention
from sitrep.resolve.quantities import acled_fatalities
from sitrep.stages.casualties import find

DEFAULT = (
    Path(__file__).resolve().parents[2] / "shared" / "eval" / "acled" / "acled_global_2020-04-27_to_2020-05-09.csv"
)


def killed_total(mentions: tuple[Mention, ...]) -> Count | None:
    """The document's killed total: the lowest stated total (ACLED-conservative), else an unknown one, else the sum of subsets."""
    killed = [m.value.count for m in mentions if m.value.outcome == "killed"]
    totals = [c for c in killed if c.group is None]
    stated = [c for c in totals if not c.rule.startswith("unknown")]
    totals = stated or totals  # a stated figure beats "fatalities were reported"
    if totals:
        return min(totals, key=lambda c: c.low) if len(totals) > 1 else totals[0]
    subsets = [c for c in killed if c.group is not None]
    if subsets:
        first = subsets[0]
        return Count(
            low=sum(c.low for c in subsets),
            best=sum(c.best for c in subsets),
            high=None,
            raw=first.raw,
            rule="sum of reported subsets",
            evidence=first.evidence,
        )
    return None


def error_kind(predicted: int, gold: int, note: str) -> str:
    lowered = note.lower()
    if "split" in lowered or "spread" in lowered or "between" in lowered and "locations" in lowered:
        return "ACLED split a total across events"
    if predicted == 0 and gold > 0:
        return "missed: gold > 0, found nothing"
    if predicted > 0 and gold == 0:
        return "spurious: gold 0, found a figure"
    if "coded as" in lowered:
        return "ACLED coding note overrides the text"
    return "wrong figure"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", type=int, default=0, help="print this many mismatches per kind")
    args = parser.parse_args()
    rows = list(csv.DictReader(args.csv.open(encoding="utf-8")))
    resources = Resources()
    nlp = resources.nlp
    started = time.perf_counter()
    hits = 0
    kinds: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    for row, doc in zip(rows, nlp.pipe((r["notes"] for r in rows), batch_size=64)):
        document = make_document(row["notes"])
        annotated = Annotated(
            document=document, doc=doc, resources=resources, _sentence_starts=tuple(s.start_char for s in doc.sents)
        )
        predicted = acled_fatalities(killed_total(find(annotated)))
        gold = int(row["fatalities"])
        if predicted == gold:
            hits += 1
            continue
        kind = error_kind(predicted, gold, row["notes"])
        kinds[kind] += 1
        if len(examples[kind]) < args.errors:
            examples[kind].append(f"pred={predicted} gold={gold} :: {row['notes'][:300]}")
    n = len(rows)
    print(f"rows {n}, exact fatalities match {hits}/{n} = {hits / n:.3f} ({time.perf_counter() - started:.0f} s)")
    for kind, k in kinds.most_common():
        print(f"  {k:5d}  {kind}")
        for line in examples[kind]:
            print("         ", line)


if __name__ == "__main__":
    main()
