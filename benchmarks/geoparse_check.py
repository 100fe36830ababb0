"""Geoparsing check over TR-News and GeoWebNews: a thin wrapper over sitrep.evaluation.geoparse.

    .venv/bin/python benchmarks/geoparse_check.py [--limit N] [--errors N]

Same figures as `sitrep eval geoparse FILE.xml`; --errors N also prints the N worst placements.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sitrep.annotated import Resources
from sitrep.evaluation.geoparse import evaluate_geoparse

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "geoparsing"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles of each corpus")
    parser.add_argument("--errors", type=int, default=0, help="print the N worst placements")
    args = parser.parse_args()
    resources = Resources()
    for name in ("TR-News.xml", "GeoWebNews.xml"):
        report = evaluate_geoparse(EVAL / name, resources, limit=args.limit or None)
        print(report.table(worst=args.errors) + "\n")


if __name__ == "__main__":
    main()
