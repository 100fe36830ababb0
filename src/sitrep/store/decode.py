"""Typed events back from stored records: the inverse of :func:`sitrep.serialize.event_to_dict`.

The merge works on :class:`sitrep.model.Event`; the store keeps each event's JSON record. Every
field of an Event is in that record (evidence spans under ``sitrep.evidence``), so decoding is
exact: ``event_to_dict(event_from_dict(d)) == d`` for records made by ``event_to_dict``, with one
exception: a claim's claimant keeps only name, country and sector in the record. When it is the
event's own claimant that Actor is reused; otherwise it gets the claim's evidence span and the
reason ``claimant decoded from its name``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..model import (
    Actor,
    Casualties,
    Certainty,
    Claim,
    Count,
    DatePrecision,
    Document,
    Event,
    EventDate,
    Evidence,
    Place,
    PlacePrecision,
    Weapon,
)
from .builders import builder

# Quick constructors (see builders.py): decoding is the larger part of reading a store for a merge.
_Evidence = builder(Evidence)
_Actor = builder(Actor)
_Place = builder(Place)
_EventDate = builder(EventDate)
_Count = builder(Count)
_Casualties = builder(Casualties)
_Weapon = builder(Weapon)
_Claim = builder(Claim)
_Certainty = builder(Certainty)
_Event = builder(Event)
_PLACE_PRECISION = {p.value: p for p in PlacePrecision}
_DATE_PRECISION = {p.value: p for p in DatePrecision}
_COUNT_KEYS = frozenset({"low", "best", "high", "raw", "rule", "group", "evidence"})


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def evidence_from_dict(d: Mapping[str, Any]) -> Evidence:
    try:  # the six keys written by serialize.evidence_to_dict: the common, faster way
        return _Evidence(**d)
    except TypeError:
        return _Evidence(
            start=d["start"],
            end=d["end"],
            text=d["text"],
            stage=d["stage"],
            reason=d.get("reason"),
            confidence=d.get("confidence", 1.0),
        )


def actor_from_dict(d: Mapping[str, Any], evidence: Evidence) -> Actor:
    return _Actor(
        name=d["name"],
        country=d.get("country"),
        sector=d.get("sector"),
        acled_name=d.get("acled_name"),
        inter=d.get("inter"),
        de_facto=d.get("de_facto"),
        loaded=bool(d.get("loaded", False)),
        raw=bool(d.get("raw", False)),
        evidence=evidence,
    )


def place_from_dict(d: Mapping[str, Any], evidence: Evidence) -> Place:
    return _Place(
        name=d["name"],
        geonameid=d.get("geonameid"),
        lat=d.get("lat"),
        lon=d.get("lon"),
        country=d.get("country"),
        admin1=d.get("admin1"),
        admin2=d.get("admin2"),
        precision=_PLACE_PRECISION[d["precision"]],
        de_facto=d.get("de_facto"),
        disputed=d.get("disputed"),
        evidence=evidence,
    )


def _count(d: Mapping[str, Any], evidence: Evidence) -> Count:
    return _Count(
        low=d["low"],
        best=d["best"],
        high=d.get("high"),
        raw=d["raw"],
        rule=d["rule"],
        group=d.get("group"),
        evidence=evidence,
    )


def _casualties(d: Mapping[str, Any] | None, spans: list[Mapping[str, Any]]) -> Casualties | None:
    if d is None:
        return None
    # The evidence list holds the total's span first (when there is a total), then each subset's.
    evidence = [evidence_from_dict(s) for s in spans]
    offset = 1 if d.get("total") is not None else 0
    total = _count(d["total"], evidence[0]) if offset else None
    subsets = tuple(_count(c, evidence[offset + i]) for i, c in enumerate(d.get("subsets", ())))
    return _Casualties(total=total, subsets=subsets)


def _claim_value(value: Any) -> Any:
    """A Count written by ``plain`` becomes a Count again; any other value stays as plain JSON."""
    if isinstance(value, Mapping) and set(value) == _COUNT_KEYS and isinstance(value.get("evidence"), Mapping):
        return _count(value, evidence_from_dict(value["evidence"]))
    return value


def _claim(d: Mapping[str, Any], claimant: Actor | None) -> Claim:
    evidence = evidence_from_dict(d["evidence"])
    if (
        claimant is not None
        and claimant.name == d["claimant"]
        and claimant.country == d.get("claimant_country")
        and claimant.sector == d.get("claimant_sector")
    ):
        who = claimant
    else:
        who = _Actor(
            name=d["claimant"],
            country=d.get("claimant_country"),
            sector=d.get("claimant_sector"),
            acled_name=None,
            inter=None,
            evidence=_Evidence(
                start=evidence.start,
                end=evidence.end,
                text=evidence.text,
                stage=evidence.stage,
                reason="claimant decoded from its name",
                confidence=evidence.confidence,
            ),
        )
    return _Claim(field=d["field"], value=_claim_value(d["value"]), claimant=who, evidence=evidence)


def event_from_dict(d: Mapping[str, Any]) -> Event:
    """The Event a record of ``sitrep.serialize.event_to_dict`` was made from."""
    s = d["sitrep"]
    spans = s["evidence"]
    actors = tuple(actor_from_dict(a, evidence_from_dict(e)) for a, e in zip(s["actors"], spans["actor"], strict=True))
    recipients = tuple(
        actor_from_dict(a, evidence_from_dict(e)) for a, e in zip(s["recipients"], spans["recipient"], strict=True)
    )
    place = place_from_dict(s["place"], evidence_from_dict(spans["place"])) if s.get("place") else None
    date = None
    if s.get("date"):
        sd = s["date"]
        date = _EventDate(
            date=_date(sd["date"]),
            precision=_DATE_PRECISION[sd["precision"]],
            raw=sd["raw"],
            end=_date(sd.get("end")),
            evidence=evidence_from_dict(spans["date"]),
        )
    claimant = actor_from_dict(s["claimant"], evidence_from_dict(spans["claimant"])) if s.get("claimant") else None
    weapons = tuple(
        _Weapon(name=w["name"], mode=w["mode"], evidence=evidence_from_dict(e))
        for w, e in zip(s["weapons"], spans["weapons"], strict=True)
    )
    c = s["certainty"]
    certainty = _Certainty(
        hedges=tuple(evidence_from_dict(h) for h in spans["hedges"]),
        negated=c["negated"],
        hypothetical=c["hypothetical"],
        future=c["future"],
    )
    return _Event(
        id=d["id"],
        document_id=s["document_id"],
        kind=s["kind"],
        plover=d["event"],
        modes=tuple(d["mode"]),
        acled_type=s.get("acled_type"),
        acled_subtype=s.get("acled_subtype"),
        actors=actors,
        recipients=recipients,
        place=place,
        date=date,
        killed=_casualties(s.get("killed"), spans["killed"]),
        wounded=_casualties(s.get("wounded"), spans["wounded"]),
        weapons=weapons,
        claims=tuple(_claim(cl, claimant) for cl in s["claims"]),
        claimant=claimant,
        certainty=certainty,
        trigger=evidence_from_dict(spans["event"]),
        sentence=evidence_from_dict(spans["sentence"]),
        confidence=s["confidence"],
        reasons=tuple(s.get("reasons", ())),
        extras=tuple((k, v) for k, v in s.get("extras", {}).items()),
        mentions=tuple(evidence_from_dict(m) for m in spans.get("mentions", ())),
        window=s.get("window", "news"),
    )


def document_from_cite_info(document_id: str, cite: Mapping[str, Any]) -> Document:
    """A text-less Document with the metadata a record's ``cite_info`` carries (enough for the merge)."""
    return Document(
        id=document_id,
        text="",
        title=cite.get("title"),
        url=cite.get("url"),
        publisher=cite.get("publication"),
        published=_date(cite.get("published")),
        language=cite.get("language") or "en",
        source=cite.get("source") or "<store>",
    )
