"""Blocking: which pairs of events are worth comparing at all.

Each event is reduced to a :class:`Profile` (day window, place, type family, actors). Profiles are
put in buckets keyed by day and a place key, and an event is compared only with the events in
the buckets of the neighbouring days and places it probes:

* a town-level place with coordinates: its grid cell (``Settings.cell_degrees``) and the eight
  cells around it;
* a region-level place: its admin area (country + admin1), which town-level events there also
  fill; a country-level place, or a region without admin1: the whole country;
* no place at all: events that name one of the same actors.

Each event fills one bucket per day of its date window, so coarse dates (a week, a month) reach
further without any pair being compared twice. The work grows with the number of events times
the bucket sizes, not with the square of the number of events.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..model import DatePrecision, Document, Event, PlacePrecision
from .records import Settings

# Type families: events of different families never report the same incident.
VIOLENCE = "violence"
UNREST = "unrest"
_FAMILY_OF_ACLED = {
    "Battles": VIOLENCE,
    "Explosions/Remote violence": VIOLENCE,
    "Violence against civilians": VIOLENCE,
    "Protests": UNREST,
    "Riots": UNREST,
    "Strategic developments": "strategic",
}
_FAMILY_OF_PLOVER = {"ASSAULT": VIOLENCE, "FIGHT": VIOLENCE, "COERCE": VIOLENCE, "PROTEST": UNREST}

# How far, in days, a date of each precision may reach beyond its own window.
_EXTRA_DAYS = {DatePrecision.DAY: 0, DatePrecision.WEEK: 3, DatePrecision.MONTH: 7, DatePrecision.YEAR: 0}
# An event without a usable date is placed in the week before its document was published.
_UNDATED_DAYS = 7
# An event dated by default to its publication day (no date in the text) may be from the day before.
_DEFAULTED_DAYS = 1
_WORD = re.compile(r"[a-z]{4,}")
_STOPWORDS = frozenset(
    "that this with from were when said have been after they their there which would about also "
    "into than them then some other more over under while where what least according told".split()
)

FINE, REGION, COUNTRY, NOWHERE = 0, 1, 2, 3


@dataclass(frozen=True, kw_only=True, slots=True)
class Profile:
    """What blocking and similarity need of one event, computed once."""

    index: int
    event: Event
    document: int  # a small integer standing for the document
    publisher: str | None
    published: dt.date | None
    first_day: int  # proleptic ordinal of the first day the event may have happened on
    last_day: int
    day_precision: DatePrecision
    exact: bool  # a single day read from the text (not a window, not the publication date by default)
    grain: int  # FINE, REGION, COUNTRY or NOWHERE
    lat: float | None
    lon: float | None
    geonameid: int | None
    country: str | None
    admin1: str | None
    family: str
    happened: bool
    actors: frozenset[str]  # names of actors and recipients
    actor_countries: frozenset[str]
    words: frozenset[str]  # content words of the event's sentence


def family_of(event: Event) -> str:
    """The type family of an event: violence, unrest, strategic, or its PLOVER code."""
    if event.acled_type in _FAMILY_OF_ACLED:
        return _FAMILY_OF_ACLED[event.acled_type]
    return _FAMILY_OF_PLOVER.get(event.plover, f"plover:{event.plover}")


def profile(index: int, event: Event, document_number: int, document: Document | None) -> Profile:
    """Reduce one event (and its document's metadata) to a :class:`Profile`."""
    published = document.published if document is not None else None
    first, last, precision, exact = _day_window(event, published)
    place = event.place
    grain, lat, lon = NOWHERE, None, None
    if place is not None:
        fine = place.precision in (PlacePrecision.TOWN, PlacePrecision.NEAR_TOWN)
        if fine and place.lat is not None and place.lon is not None:
            grain, lat, lon = FINE, place.lat, place.lon
        elif place.precision is PlacePrecision.REGION and place.admin1 and place.country:
            grain = REGION
        elif place.country:
            grain = COUNTRY
    people = event.actors + event.recipients
    return Profile(
        index=index,
        event=event,
        document=document_number,
        publisher=document.publisher if document is not None else None,
        published=published,
        first_day=first,
        last_day=last,
        day_precision=precision,
        exact=exact,
        grain=grain,
        lat=lat,
        lon=lon,
        geonameid=place.geonameid if place is not None else None,
        country=place.country if place is not None else None,
        admin1=place.admin1 if place is not None else None,
        family=family_of(event),
        happened=event.happened,
        actors=frozenset(a.name for a in people),
        actor_countries=frozenset(a.country for a in people if a.country),
        words=frozenset(w for w in _WORD.findall(event.sentence.text.lower()) if w not in _STOPWORDS),
    )


def profiles(events: Sequence[Event], documents: Mapping[str, Document]) -> list[Profile]:
    """Profiles of all events; documents are looked up by ``event.document_id``."""
    numbers: dict[str, int] = {}
    return [
        profile(i, e, numbers.setdefault(e.document_id, len(numbers)), documents.get(e.document_id))
        for i, e in enumerate(events)
    ]


def _day_window(event: Event, published: dt.date | None) -> tuple[int, int, DatePrecision, bool]:
    date = event.date
    if date is not None and date.date is not None and date.precision is not DatePrecision.UNKNOWN:
        day = date.date.toordinal()
        if not date.raw and date.evidence.reason:  # defaulted, not read from the text
            return day - _DEFAULTED_DAYS, day, date.precision, False
        extra = _EXTRA_DAYS[date.precision]
        last = (date.end or date.date).toordinal() + extra
        return day - extra, max(day - extra, last), date.precision, date.precision is DatePrecision.DAY
    if published is not None:
        day = published.toordinal()
        return day - _UNDATED_DAYS, day, DatePrecision.WEEK, False
    return 0, 0, DatePrecision.UNKNOWN, False


# What events share to be paired (on a day): a kind ("cell", "adm", "cty", ...), then cell numbers or names.
BucketKey = tuple[str | int | None, ...]


def cell(lat: float, lon: float, size: float) -> tuple[int, int]:
    return math.floor(lat / size), math.floor(lon / size)


def _fill_keys(p: Profile, size: float) -> Iterator[BucketKey]:
    if p.grain == FINE:
        yield ("cell", *cell(p.lat, p.lon, size))  # type: ignore[arg-type]  # a FINE profile has coordinates
    if p.grain in (FINE, REGION) and p.admin1:
        yield ("adm", p.country, p.admin1)
    if p.grain != NOWHERE and p.country:
        yield ("cty", p.country)
    for name in p.actors:
        yield ("act", name)


def _probe_keys(p: Profile, size: float) -> Iterator[BucketKey]:
    if p.grain == FINE:
        cy, cx = cell(p.lat, p.lon, size)  # type: ignore[arg-type]  # a FINE profile has coordinates
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                yield ("cell", cy + dy, cx + dx)
    elif p.grain == REGION:
        yield ("adm", p.country, p.admin1)
        yield ("cty-coarse", p.country)
    elif p.grain == COUNTRY:
        yield ("cty", p.country)
    else:
        for name in p.actors:
            yield ("act", name)


def candidate_pairs(
    items: Sequence[Profile], settings: Settings, *, exact_neighbours: bool = True, part: int = 0, parts: int = 1
) -> Iterator[tuple[int, int]]:
    """Each pair of profile indexes (i < j) that share a bucket, once; same-document pairs are left out.

    With ``exact_neighbours`` false, two events each dated to a single day read from the text are
    paired only when it is the same day (the caller knows such a pair a day apart cannot link).
    With ``parts`` > 1 only the pairs found by the events whose index is ``part`` modulo ``parts``
    are given: every pair is found from one side only, so the parts are disjoint and together
    give every pair (what lets separate processes share the work).
    """
    size = settings.cell_degrees
    # (day, bucket) -> indexes: of events with a single day read from the text; of every other dated event
    exact: dict[tuple[int, BucketKey], list[int]] = defaultdict(list)
    loose: dict[tuple[int, BucketKey], list[int]] = defaultdict(list)
    for p in items:
        if p.day_precision is DatePrecision.UNKNOWN:
            continue
        keys = list(_fill_keys(p, size))
        if p.grain == COUNTRY:  # so that region-level events find country-level ones
            keys.append(("cty-coarse", p.country))
        buckets = exact if p.exact else loose
        for day in range(p.first_day, p.last_day + 1):
            for key in keys:
                buckets[(day, key)].append(p.index)
    slack = settings.day_slack
    document_of = [p.document for p in items]
    grain_of = [p.grain for p in items]
    empty: list[int] = []
    for p in items:
        if p.day_precision is DatePrecision.UNKNOWN or p.index % parts != part:
            continue
        me, mine, grain = p.index, p.document, p.grain
        # Grid cells hold town-level events only, which find each other from both sides: a
        # town-level event looks only at higher indexes (bucket lists are in index order).
        after = me + 1 if grain == FINE else 0
        seen = {me}
        probes = list(_probe_keys(p, size))
        for day in range(p.first_day - slack, p.last_day + slack + 1):
            with_exact = exact_neighbours or not p.exact or p.first_day <= day <= p.last_day
            for key in probes:
                found = loose.get((day, key), empty)
                if after and found:
                    found = found[bisect_left(found, after) :]
                if with_exact:
                    more = exact.get((day, key), empty)
                    if after and more:
                        more = more[bisect_left(more, after) :]
                    found = found + more if found else more
                for j in found:
                    if j in seen:
                        continue
                    seen.add(j)
                    if document_of[j] == mine:
                        continue
                    if j > me:
                        yield me, j
                    # A pair both of whose sides find each other is yielded by the lower index only.
                    elif not _symmetric(grain, grain_of[j]):
                        yield j, me


def _symmetric(a: int, b: int) -> bool:
    """Whether two events of these grains reach each other from both sides (see the probe keys)."""
    return a == b or {a, b} == {REGION, COUNTRY}
