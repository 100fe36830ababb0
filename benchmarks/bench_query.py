"""Median time of a query and of an export by date range and bounding box over a store of 200,000 events.

The store is filled through ``StoreWriter`` with synthetic rows: one hand-built event record copied
with its own id, day (two years), point (a 30 x 20 degree area) and country; 10 events per
document. Then, for ``--runs`` random windows (7 days and a 2 x 2 degree box, the size of a
typical analyst's question), it times reading the matching events and exporting them as GeoJSON
to memory.

    .venv/bin/python benchmarks/bench_query.py [--events 200000] [--runs 50] [--db FILE] [--json FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from report import emit

from sitrep.export.store_export import export_store
from sitrep.ingest.documents import make_document
from sitrep.model import (
    Actor,
    Casualties,
    Certainty,
    Count,
    DatePrecision,
    Event,
    EventDate,
    Evidence,
    Extraction,
    Place,
    PlacePrecision,
    Weapon,
)
from sitrep.store import BBox, EventFilter, Store, StoreWriter, document_rows

START = dt.date(2021, 1, 1)
DAYS = 730
LON, LAT = (20.0, 50.0), (30.0, 50.0)
COUNTRIES = ("UKR", "SYR", "IRQ", "TUR", "AZE", "ARM")
PER_DOCUMENT = 10
TEXT = "Government forces shelled the town with artillery on Monday, killing 7 civilians, officials said."


def _ev(phrase: str) -> Evidence:
    start = TEXT.index(phrase)
    return Evidence(start=start, end=start + len(phrase), text=phrase, stage="bench.v1")


def template(document_id: str) -> Event:
    officials = Actor(
        name="Officials", country=None, sector="GOV", acled_name=None, inter=None, evidence=_ev("officials")
    )
    return Event(
        id="x",
        document_id=document_id,
        kind="violent",
        plover="ASSAULT",
        modes=("heavy-weapons",),
        acled_type="Explosions/Remote violence",
        acled_subtype="Shelling/artillery/missile attack",
        actors=(
            Actor(
                name="Government forces",
                country=None,
                sector="MIL",
                acled_name=None,
                inter=1,
                evidence=_ev("Government forces"),
            ),
        ),
        recipients=(
            Actor(name="Civilians", country=None, sector="CVL", acled_name=None, inter=7, evidence=_ev("civilians")),
        ),
        place=Place(
            name="the town",
            geonameid=None,
            lat=0.0,
            lon=0.0,
            country=None,
            precision=PlacePrecision.TOWN,
            evidence=_ev("the town"),
        ),
        date=EventDate(date=START, precision=DatePrecision.DAY, raw="Monday", evidence=_ev("Monday")),
        killed=Casualties(
            total=Count(low=7, best=7, high=7, raw="7 civilians", rule="exact", evidence=_ev("7 civilians"))
        ),
        wounded=None,
        weapons=(Weapon(name="artillery", mode="heavy-weapons", evidence=_ev("artillery")),),
        claims=(),
        claimant=officials,
        certainty=Certainty(),
        trigger=_ev("shelled"),
        sentence=_ev(TEXT),
        confidence=0.8,
    )


def fill(db: Path, events: int, rng: random.Random) -> float:
    """Write ``events`` synthetic events to ``db``; returns seconds taken."""
    started = time.perf_counter()
    with StoreWriter(db) as writer:
        for n in range(events // PER_DOCUMENT):
            doc = make_document(f"{TEXT} Report {n}.", published=START, source=f"bench-{n}.txt")
            base = template(doc.id)
            made = []
            for k in range(PER_DOCUMENT):
                day = START + dt.timedelta(days=rng.randrange(DAYS))
                assert base.place is not None and base.date is not None
                made.append(
                    replace(
                        base,
                        id=f"{doc.id[:12]}-{k}",
                        place=replace(
                            base.place, lat=rng.uniform(*LAT), lon=rng.uniform(*LON), country=rng.choice(COUNTRIES)
                        ),
                        date=replace(base.date, date=day),
                    )
                )
            writer.write(document_rows(Extraction(document=doc, events=tuple(made))))
    return time.perf_counter() - started


def window(rng: random.Random, days: int, degrees: float) -> EventFilter:
    start = START + dt.timedelta(days=rng.randrange(DAYS - days))
    lon, lat = rng.uniform(LON[0], LON[1] - degrees), rng.uniform(LAT[0], LAT[1] - degrees)
    return EventFilter(
        start=start,
        end=start + dt.timedelta(days=days - 1),
        bbox=BBox(min_lon=lon, min_lat=lat, max_lon=lon + degrees, max_lat=lat + degrees),
    )


def timed(db: Path, filters: list[EventFilter], export: bool) -> tuple[float, float]:
    """(median ms, mean number of events) over ``filters``."""
    times, sizes = [], []
    with Store(db) as store:
        for f in filters:
            started = time.perf_counter()
            if export:
                summary = export_store(store, f, "geojson", io.StringIO())
                n = summary.read
            else:
                n = sum(1 for _ in store.events(f))
            times.append((time.perf_counter() - started) * 1000)
            sizes.append(n)
    return statistics.median(times), statistics.mean(sizes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--db", metavar="FILE", help="keep the store here (reused when it exists)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures here")
    args = parser.parse_args(argv)

    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="sitrep-query-") as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "query.db"
        fill_s = fill(db, args.events, rng) if not db.exists() else 0.0
        with Store(db) as store:
            total = store.count_events()
        figures: dict[str, object] = {"events": total, "fill_seconds": round(fill_s, 1), "runs": args.runs}
        for name, days, degrees in (("week_2deg", 7, 2.0), ("month_5deg", 30, 5.0)):
            filters = [window(rng, days, degrees) for _ in range(args.runs)]
            timed(db, filters[:3], export=False)  # warm the page cache
            q_ms, q_n = timed(db, filters, export=False)
            e_ms, _ = timed(db, filters, export=True)
            figures[name] = {
                "query_median_ms": round(q_ms, 2),
                "geojson_export_median_ms": round(e_ms, 2),
                "mean_events": round(q_n, 1),
            }
    emit(figures, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
