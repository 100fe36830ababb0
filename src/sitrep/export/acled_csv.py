"""ACLED-style CSV: ACLED's column names, one row per event that happened and has an ACLED type.

Verbal events (no ACLED type), events marked negated, hypothetical or future, and events recalled
as background (``Event.window``) are left out.
Columns sitrep cannot fill (``region``, ``admin3``, ``source_scale``) stay empty; see
docs/output-fields.md for how each column is made.
"""

from __future__ import annotations

import importlib
import re
import time
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TextIO

from ..acled_actors import acled_sides
from ..acled_view import coded
from ..actor_kinds import is_civilian_target
from ..model import Actor, Count, DatePrecision, Event, Extraction
from ..registry import exporter
from .csv_cells import CsvRows

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

TIME_PRECISION = {DatePrecision.DAY: 1, DatePrecision.WEEK: 2}  # month, year, unknown: 3


def disorder_type(event_type: str, sub_event_type: str | None) -> str:
    """ACLED's disorder type from the event type (violence against protesters counts as both)."""
    if event_type == "Strategic developments":
        return "Strategic developments"
    if event_type == "Protests":
        return (
            "Political violence; Demonstrations"
            if sub_event_type == "Excessive force against protesters"
            else "Demonstrations"
        )
    if event_type == "Riots":
        return "Political violence" if sub_event_type == "Mob violence" else "Demonstrations"
    return "Political violence"


def fatalities(count: Count | None) -> int:
    """ACLED's conservative figure: sitrep.resolve.quantities.acled_fatalities when present, else the low end."""
    try:
        quantities = importlib.import_module("sitrep.resolve.quantities")
    except ModuleNotFoundError:
        quantities = None
    rule: Callable[[Count | None], int] | None = getattr(quantities, "acled_fatalities", None)
    if rule is not None:
        return int(rule(count))
    return count.low if count is not None else 0


@lru_cache(maxsize=512)
def _country(iso3: str) -> tuple[str, str]:
    """(name, ISO 3166 numeric code) for an ISO3 code; the code itself when pycountry does not know it."""
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3)
    if found is None:
        return iso3, ""
    return getattr(found, "common_name", None) or found.name, str(int(found.numeric))


def _name(actor: Actor) -> str:
    return actor.acled_name or actor.name


def _interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's two-digit pair, smaller code first (actors carry no direction); a lone actor gives N0."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return ""
    if len(codes) == 1:
        return f"{codes[0]}0"
    return f"{codes[0]}{codes[1]}"


def _notes(event: Event, extraction: Extraction) -> str:
    parts = []
    if event.date is not None and event.date.date is not None:
        parts.append(f"On {event.date.date.isoformat()} ({event.date.precision.value} precision):")
    parts.append(re.sub(r"\s+", " ", event.sentence.text).strip())
    if event.killed is not None and event.killed.total is not None:
        parts.append(f"Killed as reported: {event.killed.total.raw or event.killed.total.best}.")
    if event.wounded is not None and event.wounded.total is not None:
        parts.append(f"Wounded as reported: {event.wounded.total.raw or event.wounded.total.best}.")
    if event.claimant is not None:
        parts.append(f"Source of the claim: {event.claimant.name}.")
    return " ".join(parts)


def row(event: Event, extraction: Extraction, *, timestamp: int) -> dict[str, Any]:
    """One event as an ACLED row (a dict keyed by COLUMNS)."""
    doc = extraction.document
    place = event.place
    iso3 = place.country if place is not None else None
    country, numeric = _country(iso3) if iso3 else ("", "")
    sides = acled_sides(event)
    a1, a2 = sides.actor1, sides.actor2
    inter1 = a1.inter if a1 is not None else None
    inter2 = a2.inter if a2 is not None else None
    date = event.date.date if event.date is not None else None
    precision = event.date.precision if event.date is not None else DatePrecision.UNKNOWN
    civilians = any(is_civilian_target(r) for r in event.recipients)
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{event.id}",
        "event_date": date.isoformat() if date is not None else "",
        "year": date.year if date is not None else "",
        "time_precision": TIME_PRECISION.get(precision, 3),
        "disorder_type": disorder_type(event.acled_type or "", event.acled_subtype),
        "event_type": event.acled_type,
        "sub_event_type": event.acled_subtype or "",
        "actor1": _name(a1) if a1 is not None else "",
        "assoc_actor_1": "; ".join(_name(a) for a in sides.assoc1),
        "inter1": inter1 if inter1 is not None else "",
        "actor2": _name(a2) if a2 is not None else "",
        "assoc_actor_2": "; ".join(_name(a) for a in sides.assoc2),
        "inter2": inter2 if inter2 is not None else "",
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilians and event.kind == "violent" else "",
        "iso": numeric,
        "region": "",
        "country": country,
        "admin1": (place.admin1 or "") if place is not None else "",
        "admin2": (place.admin2 or "") if place is not None else "",
        "admin3": "",
        "location": place.name if place is not None else "",
        "latitude": f"{place.lat:.4f}" if place is not None and place.lat is not None else "",
        "longitude": f"{place.lon:.4f}" if place is not None and place.lon is not None else "",
        "geo_precision": place.precision.acled_code if place is not None else "",
        "source": doc.publisher or doc.title or doc.source,
        "source_scale": "",
        "notes": _notes(event, extraction),
        "fatalities": fatalities(event.killed.total if event.killed is not None else None),
        "tags": "; ".join(f"hedged: {h.text}" for h in event.certainty.hedges),
        "timestamp": timestamp,
    }


@exporter("acled-csv")
class AcledCsvExporter:
    def __init__(self, out: TextIO, *, clock: Callable[[], float] = time.time, raw_cells: bool = False) -> None:
        self.out = out
        self.clock = clock
        self.written = 0
        self.left_out = 0  # verbal, untyped or not happened
        self._rows = CsvRows(out, COLUMNS, raw=raw_cells)
        self._rows.header()

    def write(self, extraction: Extraction) -> None:
        stamp = int(self.clock())
        for event in extraction.events:
            if not coded(event):
                self.left_out += 1
                continue
            self._rows.row(row(event, extraction, timestamp=stamp))
            self.written += 1
        self.out.flush()

    def close(self) -> None:
        self.out.flush()
