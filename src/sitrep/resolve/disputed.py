"""Disputed territories (``data/disputed.json``): which country a place belongs to de jure, who holds it.

A place is in a territory when its country and admin-1 name match, when its country code is the
territory's own code (XK, EH), or when it lies inside the territory's approximate polygon. Polygons
are coarse (tens of km); admin-1 matches are preferred where GeoNames has the right admin-1.
"""

from __future__ import annotations

import importlib.resources
import json
from dataclasses import dataclass
from functools import lru_cache

from .place_names import fold


@dataclass(frozen=True, slots=True)
class Territory:
    name: str
    de_jure: str  # ISO3
    de_facto: str
    claimants: tuple[str, ...]
    country: str  # ISO2 of the places GeoNames files under it
    admin1: tuple[str, ...] = ()
    polygon: tuple[tuple[float, float], ...] = ()
    names: tuple[str, ...] = ()

    def contains(self, lat: float, lon: float) -> bool:
        return len(self.polygon) >= 3 and _inside(lat, lon, self.polygon)


@lru_cache(maxsize=1)
def territories() -> tuple[Territory, ...]:
    raw = json.loads((importlib.resources.files("sitrep.data") / "disputed.json").read_text(encoding="utf-8"))
    return tuple(
        Territory(
            name=t["name"],
            de_jure=t["de_jure"],
            de_facto=t["de_facto"],
            claimants=tuple(t.get("claimants", ())),
            country=t["country"],
            admin1=tuple(t.get("admin1", ())),
            polygon=tuple((float(a), float(b)) for a, b in t.get("polygon", ())),
            names=tuple(t.get("names", ())),
        )
        for t in raw["territories"]
    )


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Territory]:
    return {fold(n): t for t in territories() for n in (t.name, *t.names)}


def territory_named(name: str) -> Territory | None:
    """The territory a name denotes ("Artsakh", "Crimea"), if any."""
    return _by_name().get(fold(name))


def territory_at(
    lat: float | None,
    lon: float | None,
    *,
    country2: str | None = None,
    admin1: str | None = None,
    name: str | None = None,
) -> Territory | None:
    """The disputed territory holding a place, from its name, admin-1 region or coordinates."""
    if name is not None and (named := territory_named(name)) is not None:
        return named
    for t in territories():
        if country2 is not None and country2 != t.country:
            continue
        if t.admin1:
            if admin1 is not None and admin1 in t.admin1:
                return t
            continue
        if not t.polygon:
            if country2 == t.country:
                return t
            continue
        if lat is not None and lon is not None and t.contains(lat, lon):
            return t
    return None


def _inside(lat: float, lon: float, polygon: tuple[tuple[float, float], ...]) -> bool:
    """Ray casting on (lat, lon) vertices; fine at the scale of a territory."""
    inside = False
    j = len(polygon) - 1
    for i, (yi, xi) in enumerate(polygon):
        yj, xj = polygon[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside
