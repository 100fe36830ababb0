"""GeoJSON (RFC 7946): a FeatureCollection of Points, coordinates [longitude, latitude].

Streaming: the collection's header is written first, each feature as its document comes, and the
closing brackets in ``close()``, so the output is valid JSON once the exporter is closed. Only
events that happened and have coordinates are mapped; the others are counted in ``skipped`` and
``not_happened`` (the CLI reports the first on stderr).
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..model import Event, Extraction
from ..registry import exporter
from ..serialize import event_to_dict


def feature(event: Event, extraction: Extraction) -> dict[str, Any] | None:
    """One event as a GeoJSON Feature, or None when it has no coordinates."""
    place = event.place
    if place is None or place.lat is None or place.lon is None:
        return None
    return feature_from_record(event_to_dict(event, extraction.document))


def _best(cas: dict[str, Any] | None) -> int | None:
    total = cas.get("total") if cas else None
    return total["best"] if total else None


def feature_from_record(rec: dict[str, Any]) -> dict[str, Any] | None:
    """A Feature from an event's record (``sitrep.serialize.event_to_dict``), as the store keeps it.

    Working from the record lets an export from the store skip rebuilding the typed Event.
    """
    s = rec["sitrep"]
    place = s.get("place")
    if place is None or place.get("lat") is None or place.get("lon") is None:
        return None
    cite = rec.get("cite_info") or {}
    date = s.get("date") or {}
    claimant = s.get("claimant")
    return {
        "type": "Feature",
        "id": rec["id"],
        "geometry": {"type": "Point", "coordinates": [round(place["lon"], 6), round(place["lat"], 6)]},
        "properties": {
            "id": rec["id"],
            "document_id": s["document_id"],
            "date": date.get("date"),
            "date_precision": date.get("precision"),
            "kind": s["kind"],
            "event": rec["event"],
            "modes": list(rec["mode"]),
            "acled_type": s.get("acled_type"),
            "acled_subtype": s.get("acled_subtype"),
            "actors": [a["name"] for a in s["actors"]],
            "recipients": [a["name"] for a in s["recipients"]],
            "place": place["name"],
            "country": place.get("country"),
            "admin1": place.get("admin1"),
            "precision": place["precision"],
            "de_facto": place.get("de_facto"),
            "killed": _best(s.get("killed")),
            "wounded": _best(s.get("wounded")),
            "weapons": list(dict.fromkeys(w["name"] for w in s["weapons"])),
            "claimant": claimant["name"] if claimant else None,
            "hedged": bool(s["certainty"]["hedges"]),
            "confidence": s["confidence"],
            "source": cite.get("source"),
            "url": cite.get("url"),
            "title": cite.get("title"),
            "published": cite.get("published"),
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
