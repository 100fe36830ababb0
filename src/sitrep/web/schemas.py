"""The shapes of the API's answers, for its OpenAPI schema. The routes write their JSON directly
(sitrep.web.views, orjson); these models document it and are checked against it in the tests."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class EventSummary(_Open):
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
    window: str
    killed: int | None
    wounded: int | None
    confidence: float
    actors: list[str]
    recipients: list[str]
    claimant: str | None
    certainty: dict[str, Any]
    sentence: str


class EventPage(BaseModel):
    events: list[EventSummary]
    next: str | None


class Count(BaseModel):
    count: int


class Span(_Open):
    field: str
    start: int
    end: int
    text: str
    stage: str | None
    reason: str | None


class Report(EventSummary):
    publisher: str | None
    published: str | None
    title: str | None


class IncidentSummary(_Open):
    id: str
    kind: str
    plover: str
    acled_type: str | None
    acled_subtype: str | None
    date: str | None
    date_end: str | None
    country: str | None
    lat: float | None
    lon: float | None
    place: str | None
    place_precision: str | None
    reports: int
    documents: int
    publishers: list[str]
    actors: list[str]
    conflicts: int


class IncidentDetail(IncidentSummary):
    killed: dict[str, Any] | None
    wounded: dict[str, Any] | None
    figure_conflicts: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    members: list[Report]


class IncidentPage(BaseModel):
    incidents: list[IncidentSummary]
    next: str | None


class EventDetail(EventSummary):
    sentence_span: dict[str, int | None]
    trigger_span: dict[str, int | None]
    evidence: list[Span]
    mentions: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    reasons: list[str]
    weapons: list[dict[str, Any]]
    document: dict[str, Any] | None
    incident: IncidentDetail | None
    record: dict[str, Any]


class DayCount(BaseModel):
    date: str
    count: int


class DayCounts(BaseModel):
    days: list[DayCount]


class TypeCount(BaseModel):
    acled_type: str | None
    acled_subtype: str | None
    count: int


class TypeCounts(BaseModel):
    types: list[TypeCount]


class Posted(BaseModel):
    document_id: str
    stored: bool
    events: list[str]


class Health(BaseModel):
    status: str
    events: int
    writable: bool


class Problem(_Open):
    """An RFC 9457 problem document."""

    type: str
    title: str
    status: int
    detail: str
    code: str
    source: str | None = None
    instance: str | None = None


PROBLEMS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "a bad parameter (E008)", "content": {"application/problem+json": {}}},
    404: {"model": Problem, "description": "no such record (E012)", "content": {"application/problem+json": {}}},
    503: {
        "model": Problem,
        "description": "the store cannot be read (E4xx)",
        "content": {"application/problem+json": {}},
    },
}
