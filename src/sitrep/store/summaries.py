"""What the store keeps beside each event's full record for quick reading: the text its full-text
index searches, and the few nested fields a list of events shows (so a page of events is read
without decoding whole records). Both are made from the record itself, by the writer for new events
and by the schema upgrade for the events of an older store."""

from __future__ import annotations

from typing import Any


def sentences_of_record(rec: dict[str, Any]) -> str:
    """The event's sentence and those of its joined tellings, once each, a line apart."""
    try:
        texts = [rec.get("event_text") or ""]
        texts += [m.get("text") or "" for m in rec["sitrep"]["evidence"].get("mentions") or ()]
    except (KeyError, TypeError, AttributeError):
        return ""
    return "\n".join(dict.fromkeys(t for t in texts if t))


def summary_of_record(rec: dict[str, Any]) -> dict[str, Any]:
    """Names of actors, targets and claimant, the certainty, the report window and the sentence."""
    s = rec.get("sitrep") if isinstance(rec.get("sitrep"), dict) else {}
    assert isinstance(s, dict)
    claimant = s.get("claimant") if isinstance(s.get("claimant"), dict) else {}
    assert isinstance(claimant, dict)
    return {
        "actors": [a.get("name", "") for a in s.get("actors") or () if isinstance(a, dict)],
        "recipients": [a.get("name", "") for a in s.get("recipients") or () if isinstance(a, dict)],
        "claimant": claimant.get("name"),
        "certainty": s.get("certainty") or {},
        "window": s.get("window", "news"),
        "sentence": rec.get("event_text") or "",
    }
