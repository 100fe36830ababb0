"""The query string of the event routes, read into the store's :class:`~sitrep.store.EventFilter`.

Every route that lists, counts or downloads events takes the same parameters, so a view on the page
(its URL) can be downloaded or charted as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import Query

from ..errors import BadOption
from ..store import BBox, EventFilter

MAX_TEXT = 200


def _day(value: str | None, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadOption(f"{value!r} is not a date (YYYY-MM-DD)", source=name) from None


def _text(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if len(value) > MAX_TEXT:
        raise BadOption(f"longer than {MAX_TEXT} characters", source=name)
    return value


@dataclass(frozen=True, kw_only=True, slots=True)
class EventQuery:
    """The filter part of an event route's query string (paging aside)."""

    start: Annotated[str | None, Query(description="first day, YYYY-MM-DD (inclusive)")] = None
    end: Annotated[str | None, Query(description="last day, YYYY-MM-DD (inclusive)")] = None
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None
    country: Annotated[str | None, Query(description="ISO 3166 alpha-3 code of the event's country")] = None
    type: Annotated[str | None, Query(description="ACLED event type")] = None
    subtype: Annotated[str | None, Query(description="ACLED sub-event type")] = None
    plover: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT")] = None
    actor: Annotated[str | None, Query(description="an actor or recipient's name, exactly")] = None
    claimant: Annotated[str | None, Query(description="a claimant's name, exactly")] = None
    happened: Annotated[
        bool | None, Query(description="true: only events told as having happened; false: only the others")
    ] = None
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description="lowest confidence")] = None
    q: Annotated[str | None, Query(description="words searched in the sentences that tell the event")] = None

    def to_filter(self) -> EventFilter:
        """BadOption (E008), naming the parameter, for a value the store cannot use."""
        box = BBox.parse(self.bbox) if self.bbox else None
        start, end = _day(self.start, "start"), _day(self.end, "end")
        if start is not None and end is not None and start > end:
            raise BadOption(f"start {start} is after end {end}", source="start")
        country = _text(self.country, "country")
        plover = _text(self.plover, "plover")
        return EventFilter(
            start=start,
            end=end,
            bbox=box,
            country=country.upper() if country else None,
            acled_type=_text(self.type, "type"),
            acled_subtype=_text(self.subtype, "subtype"),
            plover=plover.upper() if plover else None,
            actor=_text(self.actor, "actor"),
            claimant=_text(self.claimant, "claimant"),
            happened=self.happened,
            min_confidence=self.min_confidence,
            text=_text(self.q, "q"),
        )
