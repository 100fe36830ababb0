"""Build small Event and Document records for the merge tests."""

from __future__ import annotations

import datetime as dt

from sitrep.model import (
    Actor,
    Casualties,
    Certainty,
    Claim,
    Count,
    DatePrecision,
    Document,
    Event,
    EventDate,
    Evidence,
    Place,
    PlacePrecision,
)

DAY = dt.date(2024, 3, 4)


def evidence(text: str = "x", reason: str | None = None) -> Evidence:
    return Evidence(start=0, end=len(text), text=text, stage="test", reason=reason)


def actor(name: str, country: str | None = "UKR") -> Actor:
    return Actor(name=name, country=country, sector=None, acled_name=None, inter=None, evidence=evidence(name))


def place(
    name: str = "Kharkiv",
    lat: float | None = 49.99,
    lon: float | None = 36.23,
    precision: PlacePrecision = PlacePrecision.TOWN,
    country: str = "UKR",
    admin1: str | None = "Kharkiv",
    geonameid: int | None = None,
) -> Place:
    return Place(
        name=name,
        geonameid=geonameid,
        lat=lat,
        lon=lon,
        country=country,
        admin1=admin1,
        precision=precision,
        evidence=evidence(name),
    )


def count(low: int, best: int | None = None, high: int | None | str = "same") -> Count:
    best = low if best is None else best
    top = best if high == "same" else high
    return Count(
        low=low,
        best=best,
        high=top,
        raw=str(best),
        rule="test",  # type: ignore[arg-type]
        evidence=evidence(),
    )


def event(
    eid: str,
    doc: str,
    *,
    day: dt.date | None = DAY,
    precision: DatePrecision = DatePrecision.DAY,
    end: dt.date | None = None,
    where: Place | None = None,
    nowhere: bool = False,
    acled: tuple[str | None, str | None] = ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    plover: str = "ASSAULT",
    actors: tuple[str, ...] = ("Military Forces of Russia",),
    killed: Count | None = None,
    wounded: Count | None = None,
    claimant: str | None = None,
    sentence: str = "a missile hit a block of flats",
    defaulted_date: bool = False,
    hypothetical: bool = False,
) -> Event:
    date = None
    if day is not None:
        date = EventDate(
            date=day,
            precision=precision,
            end=end,
            raw="" if defaulted_date else day.isoformat(),
            evidence=evidence("", reason="publication date") if defaulted_date else evidence(),
        )
    who = actor(claimant) if claimant else None
    claims = []
    for field, value in (("killed", killed), ("wounded", wounded)):
        if value is not None and who is not None:
            numbers = {"low": value.low, "best": value.best, "high": value.high, "group": None}
            claims.append(Claim(field=field, value=numbers, claimant=who, evidence=evidence()))
    return Event(
        id=eid,
        document_id=doc,
        kind="violent" if plover == "ASSAULT" else "material",
        plover=plover,
        modes=(),
        acled_type=acled[0],
        acled_subtype=acled[1],
        actors=tuple(actor(a) for a in actors),
        recipients=(),
        place=None if nowhere else (where or place()),
        date=date,
        killed=Casualties(total=killed) if killed else None,
        wounded=Casualties(total=wounded) if wounded else None,
        weapons=(),
        claims=tuple(claims),
        claimant=who,
        certainty=Certainty(hypothetical=hypothetical),
        trigger=evidence(),
        sentence=evidence(sentence),
        confidence=0.9,
    )


def document(doc: str, publisher: str = "Outlet", published: dt.date | None = DAY) -> Document:
    return Document(id=doc, text="x", publisher=publisher, published=published)
