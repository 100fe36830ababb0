"""Whether two events may report the same incident, and how alike they are.

:func:`compatible` is a hard rule (a pair failing it is never linked, nor are the incidents holding
its two events); :func:`similarity` is a weighted mean of five parts, each in 0..1:

====== ====== =================================================================================
part   weight score
====== ====== =================================================================================
date   0.35   same day 1; one day apart 0.1; windows that overlap 0.6 (0.3 one day apart) when
              a date is coarse or was not in the text (then it is publication day or the day before)
place  0.30   same place or < 1 km 1; else 0.9 * (1 - km / max_km); same admin1 0.6; same
              country 0.45 (coarse places); no place on one side 0.35
type   0.20   same ACLED sub-event type 1; same event type 0.8; same family 0.55
actors 0.10   no actors on one side 0.5; a shared name 0.6 + 0.4 * Jaccard; only a shared
              country 0.35; nothing shared 0.1
words  0.05   Jaccard of the content words of the two sentences
====== ====== =================================================================================

A pair is linked when the score reaches ``Settings.threshold`` (0.70). Two reports of one incident
on the same day in the same town score about 0.85 to 1; one that lost its place but shares an
actor still reaches about 0.71. The same kind of event in the same town a day apart scores 0.685
at most, below the threshold, which is why attacks on consecutive days in one city stay apart
(dates read from text can be a day off, so a one-day gap is not a hard bar).
"""

from __future__ import annotations

import math

from ..model import DatePrecision
from .blocking import COUNTRY, FINE, NOWHERE, REGION, UNREST, VIOLENCE, Profile
from .records import Settings

WEIGHTS = {"date": 0.35, "place": 0.30, "type": 0.20, "actors": 0.10, "words": 0.05}
_KM_PER_DEGREE = 111.2


def km_between(a: Profile, b: Profile) -> float:
    """Equirectangular distance; good to well under 1 % at the distances blocking allows."""
    # Asked only of two FINE profiles, which have coordinates (hence the ignored Optional operands).
    mean_lat = math.radians((a.lat + b.lat) / 2)  # type: ignore[operator]
    dx = (a.lon - b.lon) * math.cos(mean_lat)  # type: ignore[operator]
    dy = a.lat - b.lat  # type: ignore[operator]
    return _KM_PER_DEGREE * math.hypot(dx, dy)


def day_gap(a: Profile, b: Profile) -> int:
    """Days between the two date windows; 0 when they overlap."""
    return max(0, a.first_day - b.last_day, b.first_day - a.last_day)


def compatible(a: Profile, b: Profile, settings: Settings) -> bool:
    """Hard rule: different documents, same certainty, compatible types, near in time and place."""
    if a.document == b.document or a.happened != b.happened:
        return False
    if a.day_precision is DatePrecision.UNKNOWN or b.day_precision is DatePrecision.UNKNOWN:
        return False
    if not _families_compatible(a, b):
        return False
    if day_gap(a, b) > settings.day_slack:
        return False
    return _places_compatible(a, b, settings)


def _families_compatible(a: Profile, b: Profile) -> bool:
    if a.family == b.family:
        return True
    # A riot is often told as a clash by one outlet and a riot by another.
    riot = "Riots" in (a.event.acled_type, b.event.acled_type)
    return riot and {a.family, b.family} == {VIOLENCE, UNREST}


def _places_compatible(a: Profile, b: Profile, settings: Settings) -> bool:
    if a.grain == NOWHERE or b.grain == NOWHERE:
        return bool(a.actors & b.actors)
    if a.country != b.country:
        return False
    if a.grain == FINE and b.grain == FINE:
        same = a.geonameid is not None and a.geonameid == b.geonameid
        return same or km_between(a, b) <= settings.max_km
    if COUNTRY in (a.grain, b.grain):
        return True
    return a.admin1 == b.admin1  # region against region or town


def similarity(a: Profile, b: Profile, settings: Settings) -> float:
    """Weighted mean of the date, place, type, actor and word parts (see the module docstring)."""
    return (
        WEIGHTS["date"] * _date_part(a, b)
        + WEIGHTS["place"] * _place_part(a, b, settings)
        + WEIGHTS["type"] * _type_part(a, b)
        + WEIGHTS["actors"] * _actor_part(a, b)
        + WEIGHTS["words"] * _jaccard(a.words, b.words)
    )


def pair_score(a: Profile, b: Profile, settings: Settings) -> float | None:
    """``similarity(a, b)`` when ``compatible(a, b)``, else None: both in one pass.

    The merge scores millions of candidate pairs, so this is the two functions above written out
    with their parts inlined; a property test keeps it equal to them.
    """
    if a.document == b.document or a.happened != b.happened:
        return None
    if a.day_precision is DatePrecision.UNKNOWN or b.day_precision is DatePrecision.UNKNOWN:
        return None
    fa, fb = a.family, b.family
    if fa != fb and not ("Riots" in (a.event.acled_type, b.event.acled_type) and {fa, fb} == {VIOLENCE, UNREST}):
        return None
    gap = max(0, a.first_day - b.last_day, b.first_day - a.last_day)
    if gap > settings.day_slack:
        return None
    ga, gb = a.grain, b.grain
    if ga == NOWHERE or gb == NOWHERE:
        if not (a.actors & b.actors):
            return None
        place = 0.35
    else:
        if a.country != b.country:
            return None
        if ga == FINE and gb == FINE:
            if a.geonameid is not None and a.geonameid == b.geonameid:
                place = 1.0
            else:  # two FINE profiles have coordinates (hence the ignored Optional operands)
                mean_lat = math.radians((a.lat + b.lat) / 2)  # type: ignore[operator]
                km = _KM_PER_DEGREE * math.hypot((a.lon - b.lon) * math.cos(mean_lat), a.lat - b.lat)  # type: ignore[operator]
                if km > settings.max_km:
                    return None
                place = 1.0 if km < 1.0 else max(0.0, 0.9 * (1.0 - km / settings.max_km))
        elif ga == COUNTRY or gb == COUNTRY:
            place = 0.45
        elif a.admin1 != b.admin1:
            return None
        else:
            place = 0.6 if (ga == REGION or gb == REGION) else 0.45
    if a.exact and b.exact:
        date = 1.0 if gap == 0 else 0.1
    else:
        date = 0.6 if gap == 0 else 0.3
    return (
        _W_DATE * date
        + _W_PLACE * place
        + _W_TYPE * _type_part(a, b)
        + _W_ACTORS * _actor_part(a, b)
        + _W_WORDS * _jaccard(a.words, b.words)
    )


_W_DATE, _W_PLACE, _W_TYPE, _W_ACTORS, _W_WORDS = (
    WEIGHTS["date"],
    WEIGHTS["place"],
    WEIGHTS["type"],
    WEIGHTS["actors"],
    WEIGHTS["words"],
)


def exact_days_apart_may_link(settings: Settings) -> bool:
    """Whether two events on different days, both read from the text, can reach the threshold.

    Their date part is 0.1, so their score is at most 0.1 * the date weight + every other weight.
    """
    return _W_DATE * 0.1 + (1.0 - _W_DATE) >= settings.threshold - 1e-9


def _date_part(a: Profile, b: Profile) -> float:
    gap = day_gap(a, b)
    if a.exact and b.exact:
        return 1.0 if gap == 0 else 0.1
    return 0.6 if gap == 0 else 0.3


def _place_part(a: Profile, b: Profile, settings: Settings) -> float:
    if a.grain == NOWHERE or b.grain == NOWHERE:
        return 0.35
    if a.grain == FINE and b.grain == FINE:
        if a.geonameid is not None and a.geonameid == b.geonameid:
            return 1.0
        km = km_between(a, b)
        return 1.0 if km < 1.0 else max(0.0, 0.9 * (1.0 - km / settings.max_km))
    if REGION in (a.grain, b.grain) and COUNTRY not in (a.grain, b.grain) and a.admin1 == b.admin1:
        return 0.6
    return 0.45 if a.country == b.country else 0.0


def _type_part(a: Profile, b: Profile) -> float:
    ea, eb = a.event, b.event
    if ea.acled_subtype is not None and ea.acled_subtype == eb.acled_subtype:
        return 1.0
    if ea.acled_type is not None and ea.acled_type == eb.acled_type:
        return 0.8
    if ea.acled_type is None and eb.acled_type is None and ea.plover == eb.plover:
        return 0.8
    return 0.55 if a.family == b.family else 0.3


def _actor_part(a: Profile, b: Profile) -> float:
    if not a.actors or not b.actors:
        return 0.5
    shared = a.actors & b.actors
    if shared:
        return 0.6 + 0.4 * len(shared) / len(a.actors | b.actors)
    return 0.35 if a.actor_countries & b.actor_countries else 0.1


def _jaccard(x: frozenset[str], y: frozenset[str]) -> float:
    if not x or not y:
        return 0.0
    return len(x & y) / len(x | y)
