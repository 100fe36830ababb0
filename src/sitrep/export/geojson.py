"""GeoJSON (RFC 7946): a FeatureCollection of Points, coordinates [longitude, latitude].

Streaming: the collection's header is written first, each feature as its document comes, and the
closing brackets in ``close()``, so the output is valid JSON once the exporter is closed. Only
events that happened and have coordinates are mapped; the others are counted in ``skipped`` and
``not_happened`` (the CLI reports the first on stderr).
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..model import Casualties, Event, Extraction
from ..registry import exporter


def _best(cas: Casualties | None) -> int | None:
    return cas.total.best if cas is not None and cas.total is not None else None


def feature(event: Event, extraction: Extraction) -> dict[str, Any] | None:
    """One event as a GeoJSON Feature, or None when it has no coordinates."""
    place = event.place
    if place is None or place.lat is None or place.lon is None:
        return None
    document = extraction.document
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [round(place.lon, 6), round(place.lat, 6)]},
        "properties": {
            "id": event.id,
            "document_id": event.document_id,
            "date": event.date.date.isoformat() if event.date is not None and event.date.date is not None else None,
            "date_precision": event.date.precision.value if event.date is not None else None,
            "kind": event.kind,
            "event": event.plover,
            "modes": list(event.modes),
            "acled_type": event.acled_type,
            "acled_subtype": event.acled_subtype,
            "actors": [a.name for a in event.actors],
            "recipients": [a.name for a in event.recipients],
            "place": place.name,
            "country": place.country,
            "admin1": place.admin1,
            "precision": place.precision.value,
            "de_facto": place.de_facto,
            "killed": _best(event.killed),
            "wounded": _best(event.wounded),
            "weapons": [w.name for w in event.weapons],
            "claimant": event.claimant.name if event.claimant is not None else None,
            "hedged": bool(event.certainty.hedges),
            "confidence": event.confidence,
            "source": document.source,
            "url": document.url,
            "title": document.title,
            "published": document.published.isoformat() if document.published is not None else None,
        },
    }


@exporter("geojson")
class GeoJsonExporter:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.written = 0
        self.skipped = 0  # happened, but no coordinates
        self.not_happened = 0  # negated, hypothetical or future: not put on a map
        self._closed = False
        self.out.write('{"type": "FeatureCollection", "features": [')

    def write(self, extraction: Extraction) -> None:
        for event in extraction.events:
            if not event.happened:
                self.not_happened += 1
                continue
            feat = feature(event, extraction)
            if feat is None:
                self.skipped += 1
                continue
            self.out.write(("\n" if self.written == 0 else ",\n") + json.dumps(feat, ensure_ascii=False))
            self.written += 1
        self.out.flush()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.out.write("\n]}\n")
        self.out.flush()
