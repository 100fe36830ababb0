"""Events as plain JSON-able values: the one place that knows the JSONL record shape.

The top level follows PLOVER's record format (``id``, ``date``, ``actor``, ``recipient``,
``event``, ``mode``, ``event_loc``, ``event_text``, ``size``, ``text_info``, ``cite_info``); what
PLOVER has no field for lives under ``sitrep``. Keys come out in a fixed order, dates as ISO
strings. docs/output-fields.md describes every field.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import Any

from .model import Actor, Casualties, Count, Document, Event, EventDate, Evidence, Extraction, Place, PlacePrecision

# PLOVER location ``resolution``: 1 country, 2 admin-1, 3 admin-2 or near a town, 4 city or town.
PLOVER_RESOLUTION = {
    PlacePrecision.COUNTRY: 1,
    PlacePrecision.REGION: 2,
    PlacePrecision.NEAR_TOWN: 3,
    PlacePrecision.TOWN: 4,
}


def plain(value: Any) -> Any:
    """Any record, enum, date or container as JSON-able values (for free-form ``Claim.value``/extras)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Evidence):
        return evidence_to_dict(value)
    if isinstance(value, Actor):
        return actor_to_dict(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    return str(value)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def evidence_to_dict(ev: Evidence) -> dict[str, Any]:
    return {
        "start": ev.start,
        "end": ev.end,
        "text": ev.text,
        "stage": ev.stage,
        "reason": ev.reason,
        "confidence": ev.confidence,
    }


def actor_to_dict(actor: Actor) -> dict[str, Any]:
    return {
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "acled_name": actor.acled_name,
        "inter": actor.inter,
        "de_facto": actor.de_facto,
        "loaded": actor.loaded,
        "raw": actor.raw,
        "text": actor.evidence.text,
    }


def _plover_actor(actor: Actor) -> dict[str, Any]:
    """PLOVER's entity coding: the words, a country and a sector."""
    return {
        "actor_text": actor.evidence.text or actor.name,
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
    }


def place_to_dict(place: Place) -> dict[str, Any]:
    return {
        "name": place.name,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "precision": place.precision.value,
        "acled_geo_precision": place.precision.acled_code,
        "disputed": place.disputed,
        "de_facto": place.de_facto,
    }


def _event_loc(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid,
        "country_code": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "resolution": PLOVER_RESOLUTION[place.precision],
    }


def date_to_dict(date: EventDate) -> dict[str, Any]:
    return {"date": _iso(date.date), "end": _iso(date.end), "precision": date.precision.value, "raw": date.raw}


def count_to_dict(count: Count) -> dict[str, Any]:
    return {
        "low": count.low,
        "best": count.best,
        "high": count.high,
        "group": count.group,
        "raw": count.raw,
        "rule": count.rule,
    }


def casualties_to_dict(cas: Casualties | None) -> dict[str, Any] | None:
    if cas is None:
        return None
    total = count_to_dict(cas.total) if cas.total is not None else None
    return {"total": total, "subsets": [count_to_dict(c) for c in cas.subsets]}


def _best(cas: Casualties | None) -> int | None:
    return cas.total.best if cas is not None and cas.total is not None else None


def _casualty_evidence(cas: Casualties | None) -> list[dict[str, Any]]:
    if cas is None:
        return []
    counts = ([cas.total] if cas.total is not None else []) + list(cas.subsets)
    return [evidence_to_dict(c.evidence) for c in counts]


def _evidence(event: Event) -> dict[str, Any]:
    """Where every field came from, keyed by field name."""
    return {
        "event": evidence_to_dict(event.trigger),
        "sentence": evidence_to_dict(event.sentence),
        "actor": [evidence_to_dict(a.evidence) for a in event.actors],
        "recipient": [evidence_to_dict(a.evidence) for a in event.recipients],
        "place": evidence_to_dict(event.place.evidence) if event.place is not None else None,
        "date": evidence_to_dict(event.date.evidence) if event.date is not None else None,
        "killed": _casualty_evidence(event.killed),
        "wounded": _casualty_evidence(event.wounded),
        "weapons": [evidence_to_dict(w.evidence) for w in event.weapons],
        "claimant": evidence_to_dict(event.claimant.evidence) if event.claimant is not None else None,
        "hedges": [evidence_to_dict(h) for h in event.certainty.hedges],
        "mentions": [evidence_to_dict(m) for m in event.mentions],
    }


def _sitrep(event: Event) -> dict[str, Any]:
    c = event.certainty
    return {
        "document_id": event.document_id,
        "kind": event.kind,
        "acled_type": event.acled_type,
        "acled_subtype": event.acled_subtype,
        "happened": event.happened,
        "actors": [actor_to_dict(a) for a in event.actors],
        "recipients": [actor_to_dict(a) for a in event.recipients],
        "place": place_to_dict(event.place) if event.place is not None else None,
        "date": date_to_dict(event.date) if event.date is not None else None,
        "killed": casualties_to_dict(event.killed),
        "wounded": casualties_to_dict(event.wounded),
        "weapons": [{"name": w.name, "mode": w.mode} for w in event.weapons],
        "claimant": actor_to_dict(event.claimant) if event.claimant is not None else None,
        "claims": [
            {
                "field": cl.field,
                "value": plain(cl.value),
                "claimant": cl.claimant.name,
                "claimant_country": cl.claimant.country,
                "claimant_sector": cl.claimant.sector,
                "evidence": evidence_to_dict(cl.evidence),
            }
            for cl in event.claims
        ],
        "certainty": {
            "hedges": [h.text for h in c.hedges],
            "negated": c.negated,
            "hypothetical": c.hypothetical,
            "future": c.future,
        },
        "confidence": event.confidence,
        "window": event.window,
        "reasons": list(event.reasons),
        "evidence": _evidence(event),
        "extras": {str(k): plain(v) for k, v in event.extras},
    }


def event_to_dict(event: Event, document: Document | None = None) -> dict[str, Any]:
    """One event as a PLOVER-shaped record; ``document`` fills ``cite_info`` when given."""
    date = event.date.date if event.date is not None else None
    return {
        "id": event.id,
        "date": _iso(date),
        "actor": [_plover_actor(a) for a in event.actors],
        "recipient": [_plover_actor(a) for a in event.recipients],
        "event": event.plover,
        "mode": list(event.modes),
        "event_loc": _event_loc(event.place),
        "event_text": event.sentence.text,
        "size": {"dead": _best(event.killed), "injured": _best(event.wounded)},
        "text_info": {
            "sentence_start": event.sentence.start,
            "sentence_end": event.sentence.end,
            "trigger_start": event.trigger.start,
            "trigger_end": event.trigger.end,
            "trigger_text": event.trigger.text,
        },
        "cite_info": cite_info(document),
        "sitrep": _sitrep(event),
    }


def cite_info(document: Document | None) -> dict[str, Any]:
    if document is None:
        return {"url": None, "title": None, "publication": None, "published": None, "language": None, "source": None}
    return {
        "url": document.url,
        "title": document.title,
        "publication": document.publisher,
        "published": _iso(document.published),
        "language": document.language,
        "source": document.source,
    }


def extraction_to_dicts(extraction: Extraction) -> list[dict[str, Any]]:
    """Every event of one document, each with the document's ``cite_info`` (and the document's
    ``notes`` under ``sitrep.notes`` when a cap on work cut part of it; absent otherwise)."""
    records = [event_to_dict(e, extraction.document) for e in extraction.events]
    if extraction.notes:
        for record in records:
            record["sitrep"]["notes"] = list(extraction.notes)
    return records
