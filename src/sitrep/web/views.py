"""What the API answers: stored events and incidents as JSON, with the evidence a reader checks.

An event's record (sitrep.serialize) already holds every field's evidence span; these views pick
what a list needs (``event_summary``) and, for one event, lay the spans out against its sentence
and document (``event_detail``) so the page can highlight them without ever reading text as HTML.
"""

from __future__ import annotations

from typing import Any

from ..model import Document
from ..store import Store, StoredEvent, StoredIncident
from ..store.reader import EventColumns, Page
from ..store.summaries import summary_of_record

# Evidence fields of a record, in the order the page lists them.
EVIDENCE_FIELDS = ("event", "actor", "recipient", "place", "date", "killed", "wounded", "weapons", "claimant", "hedges")


def _row(e: EventColumns, summary: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": e.id,
        "document_id": e.document_id,
        "date": e.date.isoformat() if e.date else None,
        "date_end": e.date_end.isoformat() if e.date_end else None,
        "date_precision": e.date_precision,
        "country": e.country,
        "lat": e.lat,
        "lon": e.lon,
        "place": e.place,
        "place_precision": e.place_precision,
        "kind": e.kind,
        "plover": e.plover,
        "acled_type": e.acled_type,
        "acled_subtype": e.acled_subtype,
        "happened": e.happened,
        "window": summary.get("window", "news"),
        "killed": e.killed_best,
        "wounded": e.wounded_best,
        "confidence": e.confidence,
        "actors": summary.get("actors", []),
        "recipients": summary.get("recipients", []),
        "claimant": summary.get("claimant"),
        "certainty": summary.get("certainty", {}),
        "sentence": summary.get("sentence", ""),
    }


def event_summary(e: StoredEvent) -> dict[str, Any]:
    """One stored event as a list row or a map marker needs it."""
    return _row(e, summary_of_record(e.record))


def page_body(page: Page) -> dict[str, Any]:
    return {"events": [_row(e, e.summary) for e in page.events], "next": page.next}


def _spans(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Every evidence span of the record, one entry each, with the field it is evidence for."""
    evidence = record.get("sitrep", {}).get("evidence", {})
    spans: list[dict[str, Any]] = []
    for name in EVIDENCE_FIELDS:
        value = evidence.get(name)
        for ev in value if isinstance(value, list) else [value]:
            if isinstance(ev, dict) and isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
                spans.append({"field": name, **{k: ev.get(k) for k in ("start", "end", "text", "stage", "reason")}})
    return spans


def _document(doc: Document | None) -> dict[str, Any] | None:
    if doc is None:
        return None
    return {
        "id": doc.id,
        "title": doc.title,
        "url": doc.url,
        "publisher": doc.publisher,
        "published": doc.published.isoformat() if doc.published else None,
        "text": doc.text,
    }


def event_detail(store: Store, e: StoredEvent) -> dict[str, Any]:
    """One event with its evidence laid out, its document and its incident's other reports."""
    s = e.record.get("sitrep", {})
    info = e.record.get("text_info", {})
    mentions = s.get("evidence", {}).get("mentions") or []
    incident_id = store.incident_of(e.id)
    return {
        **event_summary(e),
        "sentence_span": {"start": info.get("sentence_start"), "end": info.get("sentence_end")},
        "trigger_span": {"start": info.get("trigger_start"), "end": info.get("trigger_end")},
        "evidence": _spans(e.record),
        "mentions": [{k: m.get(k) for k in ("start", "end", "text", "reason")} for m in mentions],
        "claims": s.get("claims", []),
        "reasons": s.get("reasons", []),
        "weapons": s.get("weapons", []),
        "document": _document(store.document(e.document_id)),
        "incident": incident_body(store, store.incident(incident_id)) if incident_id else None,
        "record": e.record,
    }


def incident_summary(inc: StoredIncident) -> dict[str, Any]:
    return {
        "id": inc.id,
        "kind": inc.kind,
        "plover": inc.plover,
        "acled_type": inc.acled_type,
        "acled_subtype": inc.acled_subtype,
        "date": inc.date.isoformat() if inc.date else None,
        "date_end": inc.date_end.isoformat() if inc.date_end else None,
        "country": inc.country,
        "lat": inc.lat,
        "lon": inc.lon,
        "place": inc.place,
        "place_precision": inc.place_precision,
        "reports": len(inc.members),
        "documents": len(inc.documents),
        "publishers": list(inc.publishers),
        "actors": list(inc.actors),
        "conflicts": inc.conflict_count,
    }


def incident_body(store: Store, inc: StoredIncident | None) -> dict[str, Any] | None:
    """An incident with every report side by side: who published it, who it cites, its own figures."""
    if inc is None:
        return None
    reports = []
    for event_id in inc.members:
        e = store.event(event_id)
        if e is None:
            continue
        doc = store.document(e.document_id)
        reports.append(
            {
                **event_summary(e),
                "publisher": doc.publisher if doc else None,
                "published": doc.published.isoformat() if doc and doc.published else None,
                "title": doc.title if doc else None,
            }
        )
    return {
        **incident_summary(inc),
        "killed": inc.record.get("killed"),
        "wounded": inc.record.get("wounded"),
        "figure_conflicts": inc.record.get("conflicts", []),
        "sources": inc.record.get("sources", []),
        "members": reports,
    }
