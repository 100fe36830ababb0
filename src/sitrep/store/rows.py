"""Extractions as the rows the store writes. Pure functions: workers build rows, the parent writes them."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..model import Casualties, Document, Event, Extraction
from ..serialize import event_to_dict
from .summaries import sentences_of_record, summary_of_record


@dataclass(frozen=True, kw_only=True, slots=True)
class ActorRow:
    role: str  # "actor", "recipient" or "claimant"
    name: str
    country: str | None


@dataclass(frozen=True, kw_only=True, slots=True)
class EventRow:
    """An event's indexed columns and its full JSON record."""

    id: str
    document_id: str
    date: str | None
    date_end: str | None
    date_precision: str | None
    country: str | None
    lat: float | None
    lon: float | None
    place: str | None
    place_precision: str | None
    kind: str
    plover: str
    acled_type: str | None
    acled_subtype: str | None
    happened: bool
    killed_best: int | None
    wounded_best: int | None
    confidence: float
    record: str  # JSON text of sitrep.serialize.event_to_dict(event, document)
    actors: tuple[ActorRow, ...]
    sentences: str = ""  # what the full-text index keeps: the event's sentence and its joined tellings'
    summary: str = "{}"  # JSON of sitrep.store.summaries.summary_of_record: what a list of events shows


@dataclass(frozen=True, kw_only=True, slots=True)
class DocumentRows:
    """One extracted document, ready to be written in one transaction."""

    document: Document
    stages: tuple[str, ...]
    events: tuple[EventRow, ...]
    unread: bool = False  # the first look judged it ordinary news (sitrep.relevance): not parsed


def to_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _best(cas: Casualties | None) -> int | None:
    return cas.total.best if cas is not None and cas.total is not None else None


def _actor_rows(event: Event) -> tuple[ActorRow, ...]:
    seen: dict[tuple[str, str], ActorRow] = {}
    people = [("actor", a) for a in event.actors] + [("recipient", a) for a in event.recipients]
    if event.claimant is not None:
        people.append(("claimant", event.claimant))
    for role, actor in people:
        seen.setdefault((role, actor.name), ActorRow(role=role, name=actor.name, country=actor.country))
    return tuple(seen.values())


def event_row(event: Event, document: Document) -> EventRow:
    date = event.date
    place = event.place
    record = event_to_dict(event, document)
    first = date.date.isoformat() if date is not None and date.date is not None else None
    last = date.end.isoformat() if date is not None and date.end is not None else first
    return EventRow(
        id=event.id,
        document_id=event.document_id,
        date=first,
        date_end=last,
        date_precision=date.precision.value if date is not None else None,
        country=place.country if place is not None else None,
        lat=place.lat if place is not None else None,
        lon=place.lon if place is not None else None,
        place=place.name if place is not None else None,
        place_precision=place.precision.value if place is not None else None,
        kind=event.kind,
        plover=event.plover,
        acled_type=event.acled_type,
        acled_subtype=event.acled_subtype,
        happened=event.happened,
        killed_best=_best(event.killed),
        wounded_best=_best(event.wounded),
        confidence=event.confidence,
        record=to_json(record),
        actors=_actor_rows(event),
        sentences=sentences_of_record(record),
        summary=to_json(summary_of_record(record)),
    )


def document_rows(extraction: Extraction) -> DocumentRows:
    doc = extraction.document
    return DocumentRows(
        document=doc,
        stages=extraction.stages,
        events=tuple(event_row(e, doc) for e in extraction.events),
        unread=extraction.relevance is not None and not extraction.relevance.relevant,
    )
