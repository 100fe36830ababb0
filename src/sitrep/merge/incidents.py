"""Merge events from many documents into incidents.

Candidate pairs come from :mod:`.blocking`; a pair is a link when :func:`.similarity.compatible`
holds and :func:`.similarity.similarity` reaches the threshold. Links are taken strongest first
and join two groups only when

* the groups share no document (events of one document are never merged with each other), and
* every event of one group is :func:`compatible` with every event of the other, and their mean
  similarity reaches the threshold (average linkage),

so a vague or undated report ("fighting across the region") cannot chain two distinct incidents together.
Ties are broken by event id, so the same events always give the same incidents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

from ..gc_pause import gc_paused
from ..model import Document, Event, PlacePrecision
from .blocking import Profile, profiles
from .figures import figure_claims, merge_figures
from .records import Conflict, Incident, MergedFigure, Position, Settings, SourceRef
from .scoring import INCOMPATIBLE, scored_links
from .similarity import pair_score

Value = TypeVar("Value", bound=Hashable)  # what members vote on: a kind, a type name, a date

_PRECISION_RANK = {
    PlacePrecision.TOWN: 0,
    PlacePrecision.NEAR_TOWN: 1,
    PlacePrecision.REGION: 2,
    PlacePrecision.COUNTRY: 3,
}


def incident_id(member_ids: Iterable[str]) -> str:
    """The id an incident with these members gets when it is first seen: from its smallest member id."""
    return f"inc-{min(member_ids)}"


def merge_events(
    events: Sequence[Event],
    documents: Mapping[str, Document] | Iterable[Document] = (),
    settings: Settings = Settings(),
    workers: int = 1,
) -> tuple[Incident, ...]:
    """Group ``events`` into incidents, sorted by id. ``documents`` supply publisher and date.

    ``workers`` > 1 scores the candidate pairs in that many processes (:mod:`.scoring`); the
    incidents are the same.
    """
    by_id = documents if isinstance(documents, Mapping) else {d.id: d for d in documents}
    with gc_paused():
        items = profiles(events, by_id)
        groups = cluster(items, settings, workers)
        return tuple(sorted((build_incident([items[i] for i in g], score) for g, score in groups), key=lambda x: x.id))


def cluster(items: Sequence[Profile], settings: Settings, workers: int = 1) -> list[tuple[list[int], float]]:
    """Groups of profile indexes with the weakest link that joined each (1.0 for a single event)."""
    parent = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    documents: dict[int, set[int]] = {i: {items[i].document} for i in range(len(items))}
    weakest: dict[int, float] = {}
    scores: dict[int, float] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for score, i, j in scored_links(items, settings, scores, workers):
        ri, rj = root(i), root(j)
        if ri == rj or documents[ri] & documents[rj]:
            continue
        if not _may_join(items, members[ri], members[rj], settings, scores):
            continue
        if len(members[ri]) < len(members[rj]):
            ri, rj = rj, ri
        parent[rj] = ri
        members[ri].extend(members.pop(rj))
        documents[ri] |= documents.pop(rj)
        weakest[ri] = min(score, weakest.get(ri, 1.0), weakest.pop(rj, 1.0))
    return [(sorted(group), weakest.get(r, 1.0)) for r, group in members.items()]


def _may_join(
    items: Sequence[Profile], left: Sequence[int], right: Sequence[int], settings: Settings, scores: dict[int, float]
) -> bool:
    """Every cross pair compatible, and the mean cross similarity at the threshold (average linkage).

    Candidate pairs scored by :func:`.scoring.scored_links` are looked up in ``scores`` (those that
    failed the hard rule are kept there as ``INCOMPATIBLE``); a pair that shared no bucket is
    scored here.
    """
    n = len(items)
    total = 0.0
    unscored: list[tuple[int, int]] = []
    for x in left:
        for y in right:
            lo, hi = (x, y) if x < y else (y, x)
            score = scores.get(lo * n + hi)
            if score is None:
                unscored.append((lo, hi))
            elif score == INCOMPATIBLE:
                return False
            else:
                total += score
    # Each unscored pair adds at most 1; stop scoring once the mean can no longer reach the threshold.
    needed = settings.threshold * len(left) * len(right) - 1e-6
    left_to_score = len(unscored)
    for lo, hi in unscored:
        if total + left_to_score < needed:
            return False
        score = pair_score(items[lo], items[hi], settings)
        if score is None:
            return False
        total += score
        left_to_score -= 1
    return round(total / (len(left) * len(right)), 9) >= settings.threshold


def build_incident(group: Sequence[Profile], cohesion: float = 1.0) -> Incident:
    """The incident record for a group of member profiles."""
    events = [p.event for p in group]
    sources = tuple(
        sorted(
            (
                SourceRef(
                    event_id=p.event.id,
                    document_id=p.event.document_id,
                    publisher=p.publisher,
                    published=p.published,
                    claimant=p.event.claimant.name if p.event.claimant is not None else None,
                )
                for p in group
            ),
            key=lambda s: (s.published.toordinal() if s.published else 0, s.event_id),
        )
    )
    killed = merge_figures([c for p in group for c in figure_claims("killed", p.event, p.publisher)])
    wounded = merge_figures([c for p in group for c in figure_claims("wounded", p.event, p.publisher)])
    dates = [e.date.date for e in events if e.date is not None and e.date.date is not None]
    ends = [e.date.end or e.date.date for e in events if e.date is not None and e.date.date is not None]
    places = [e.place for e in events if e.place is not None]
    place = None
    if len(places) == 1:
        place = places[0]
    elif places:
        counts = Counter(p.geonameid or p.name for p in places)
        place = min(places, key=lambda p: (_PRECISION_RANK[p.precision], -counts[p.geonameid or p.name], p.name))
    return Incident(
        id=incident_id(e.id for e in events),
        members=tuple(sorted(e.id for e in events)),
        sources=sources,
        documents=tuple(sorted({e.document_id for e in events})),
        publishers=tuple(sorted({p.publisher for p in group if p.publisher})),
        kind=_majority(e.kind for e in events),
        plover=_majority(e.plover for e in events),
        acled_type=_majority_or_none(e.acled_type for e in events),
        acled_subtype=_majority_or_none(e.acled_subtype for e in events),
        date=_majority_or_none(dates),
        date_end=max(ends) if ends else None,
        place=place,
        actors=tuple(sorted({a.name for e in events for a in e.actors + e.recipients})),
        killed=killed,
        wounded=wounded,
        claims=tuple((e.id, c) for e in sorted(events, key=lambda e: e.id) for c in e.claims),
        conflicts=_conflicts(group, killed, wounded),
        cohesion=round(cohesion, 4),
    )


def _majority(values: Iterable[Value]) -> Value:
    listed = list(values)
    first = listed[0]
    if all(v == first for v in listed):  # most incidents: one member, or members that agree
        return first
    counts = Counter(listed)
    return min(counts, key=lambda v: (-counts[v], str(v)))


def _majority_or_none(values: Iterable[Value | None]) -> Value | None:
    kept = [v for v in values if v is not None]
    return _majority(kept) if kept else None


def _voice(p: Profile) -> str:
    """Who a member's statements are credited to: its claimant, else its publisher, else its document."""
    if p.event.claimant is not None:
        return p.event.claimant.name
    return p.publisher or p.event.document_id


def _conflicts(
    group: Sequence[Profile], killed: MergedFigure | None, wounded: MergedFigure | None
) -> tuple[Conflict, ...]:
    found: list[Conflict] = []
    held: dict[str, list[tuple[str, str]]]  # a value -> (who holds it, event id) of each member holding it
    for name, figure in (("killed", killed), ("wounded", wounded)):
        if figure is not None and figure.conflicting:
            held = {}
            for c in figure.claims:
                value = f"{c.low}-{'' if c.high is None else c.high} (best {c.best})"
                held.setdefault(value, []).append((c.claimant or c.publisher or c.document_id, c.event_id))
            found.append(_conflict(name, held))
    if len(group) == 1:  # one member cannot disagree with itself on actors, date or place
        return tuple(found)
    for name, value_of in (
        ("actors", lambda p: ", ".join(sorted(a.name for a in p.event.actors)) or None),
        ("date", lambda p: p.event.date.date.isoformat() if p.event.date and p.event.date.date else None),
        ("place", lambda p: p.event.place.name if p.event.place is not None else None),
    ):
        held = {}
        for p in group:
            shown = value_of(p)
            if shown is not None:
                held.setdefault(shown, []).append((_voice(p), p.event.id))
        if len(held) > 1:
            found.append(_conflict(name, held))
    return tuple(found)


def _conflict(field: str, held: Mapping[str, list[tuple[str, str]]]) -> Conflict:
    return Conflict(
        field=field,
        positions=tuple(
            Position(
                value=value,
                claimants=tuple(sorted({who for who, _ in pairs})),
                event_ids=tuple(sorted({eid for _, eid in pairs})),
            )
            for value, pairs in sorted(held.items())
        ),
    )
