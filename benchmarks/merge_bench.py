"""Time the merge of 200,000 synthetic events (not a test).

Synthetic incidents are spread over a year and over hot spots of uneven weight (a few busy cities
take a large share, as real conflict data does); each is told by 1 to 5 documents whose copies
jitter the place (a nearby point, now and then only the region or country, or no place), the date
(now and then the publication day by default, or a week-precision date), the type within its
family and the figures. Usage:

    .venv/bin/python benchmarks/merge_bench.py [--events N] [--seed S] [--workers N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from sitrep.merge import merge_events
from sitrep.merge.evaluation import pairwise_scores
from sitrep.model import (
    Actor,
    Casualties,
    Certainty,
    Count,
    DatePrecision,
    Document,
    Event,
    EventDate,
    Evidence,
    Place,
    PlacePrecision,
)

TYPES = (
    ("Battles", "Armed clash", "ASSAULT"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT"),
    ("Explosions/Remote violence", "Air/drone strike", "ASSAULT"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "ASSAULT"),
    ("Violence against civilians", "Attack", "ASSAULT"),
    ("Protests", "Peaceful protest", "PROTEST"),
    ("Riots", "Violent demonstration", "PROTEST"),
)
START = dt.date(2024, 1, 1)


def _evidence(text: str = "x") -> Evidence:
    return Evidence(start=0, end=len(text), text=text, stage="bench")


def _actor(name: str, country: str) -> Actor:
    return Actor(name=name, country=country, sector="MIL", acled_name=name, inter=1, evidence=_evidence(name))


def synthetic(n_events: int, seed: int) -> tuple[list[Event], list[Document], dict[str, str]]:
    """Events, their documents, and the true incident of each document."""
    rng = random.Random(seed)
    countries = [f"C{c:02d}" for c in range(40)]
    spots = []  # (lat, lon, country, admin1, weight)
    for c in countries:
        base_lat, base_lon = rng.uniform(-30, 55), rng.uniform(-80, 120)
        for s in range(60):
            weight = 40.0 if s < 2 else 1.0  # two busy cities per country
            spots.append((base_lat + rng.uniform(-4, 4), base_lon + rng.uniform(-4, 4), c, f"{c}-A{s % 8}", weight))
    weights = [s[4] for s in spots]
    events: list[Event] = []
    documents: list[Document] = []
    truth: dict[str, str] = {}
    incident = 0
    while len(events) < n_events:
        incident += 1
        lat, lon, country, admin1, _ = rng.choices(spots, weights)[0]
        day = START + dt.timedelta(days=rng.randrange(365))
        acled_type, subtype, plover = rng.choice(TYPES)
        doer = _actor(f"Group {rng.randrange(300)}", country)
        victim = _actor(f"Civilians ({country})", country)
        killed = rng.randrange(0, 30)
        for _ in range(rng.choice((1, 2, 3, 3, 4, 5))):
            if len(events) >= n_events:
                break
            k = len(events)
            published = day + dt.timedelta(days=rng.choice((0, 1, 1, 2)))
            doc = Document(id=f"d{k:07d}", text="x", publisher=f"Outlet {rng.randrange(50)}", published=published)
            roll = rng.random()
            if roll < 0.03:
                place = None
            elif roll < 0.08:
                place = Place(
                    name=admin1,
                    geonameid=None,
                    lat=None,
                    lon=None,
                    country=country,
                    admin1=admin1,
                    precision=PlacePrecision.REGION,
                    evidence=_evidence(),
                )
            elif roll < 0.10:
                place = Place(
                    name=country,
                    geonameid=None,
                    lat=None,
                    lon=None,
                    country=country,
                    precision=PlacePrecision.COUNTRY,
                    evidence=_evidence(),
                )
            else:
                jitter = 0.0 if rng.random() < 0.7 else 0.1
                place = Place(
                    name="town",
                    geonameid=None,
                    lat=lat + rng.uniform(-jitter, jitter),
                    lon=lon + rng.uniform(-jitter, jitter),
                    country=country,
                    admin1=admin1,
                    evidence=_evidence(),
                )
            roll = rng.random()
            if roll < 0.1:
                date = EventDate(
                    date=published,
                    precision=DatePrecision.DAY,
                    raw="",
                    evidence=Evidence(start=0, end=0, text="", stage="bench", reason="publication date"),
                )
            elif roll < 0.13:
                monday = day - dt.timedelta(days=day.weekday())
                date = EventDate(
                    date=monday,
                    end=monday + dt.timedelta(days=6),
                    precision=DatePrecision.WEEK,
                    raw="last week",
                    evidence=_evidence(),
                )
            else:
                date = EventDate(date=day, precision=DatePrecision.DAY, raw=day.isoformat(), evidence=_evidence())
            figure = max(0, killed + rng.randrange(-2, 3))
            count = Count(low=figure, best=figure, high=figure, raw=str(figure), rule="bench", evidence=_evidence())
            events.append(
                Event(
                    id=f"e{k:07d}",
                    document_id=doc.id,
                    kind="violent" if plover == "ASSAULT" else "material",
                    plover=plover,
                    modes=(),
                    acled_type=acled_type,
                    acled_subtype=subtype,
                    actors=(doer,),
                    recipients=(victim,),
                    place=place,
                    date=date,
                    killed=Casualties(total=count),
                    wounded=None,
                    weapons=(),
                    claims=(),
                    claimant=None,
                    certainty=Certainty(),
                    trigger=_evidence(),
                    sentence=_evidence(f"attack in town {incident % 97}"),
                    confidence=0.8,
                )
            )
            documents.append(doc)
            truth[doc.id] = f"I{incident}"
    return events, documents, truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=1, help="processes scoring candidate pairs")
    args = parser.parse_args()
    started = time.perf_counter()
    events, documents, truth = synthetic(args.events, args.seed)
    took = time.perf_counter() - started
    print(f"generated {len(events)} events of {len(set(truth.values()))} incidents in {took:.1f} s")
    started = time.perf_counter()
    incidents = merge_events(events, documents, workers=args.workers)
    seconds = time.perf_counter() - started
    print(f"merge: {seconds:.1f} s for {len(events)} events -> {len(incidents)} incidents")
    scores = pairwise_scores(truth, incidents)
    print(f"synthetic pairwise precision {scores.precision:.3f}  recall {scores.recall:.3f}")


if __name__ == "__main__":
    main()
