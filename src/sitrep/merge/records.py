"""Records made by the merge: incidents, their merged figures, conflicts and revisions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Claim, Place


@dataclass(frozen=True, kw_only=True, slots=True)
class Settings:
    """Knobs of the merge. The defaults are the ones measured in docs/merge.md."""

    threshold: float = 0.70  # a pair of events is linked when its similarity reaches this
    day_slack: int = 1  # days two day-precision dates may differ and still be compared
    max_km: float = 40.0  # farthest two town-level places may be and still be compared
    cell_degrees: float = 1.0  # side of a geographic grid cell used for blocking


@dataclass(frozen=True, kw_only=True, slots=True)
class SourceRef:
    """One member event of an incident and the document that told it."""

    event_id: str
    document_id: str
    publisher: str | None
    published: dt.date | None
    claimant: str | None  # who the event's report names as its source, if anyone


@dataclass(frozen=True, kw_only=True, slots=True)
class FigureClaim:
    """A number of killed or wounded as one source put it."""

    low: int
    best: int
    high: int | None  # None: no upper bound ("more than 20")
    claimant: str | None
    publisher: str | None
    document_id: str
    event_id: str
    raw: str


@dataclass(frozen=True, kw_only=True, slots=True)
class MergedFigure:
    """Killed or wounded for an incident, merged over its sources.

    ``low``/``best``/``high`` follow the UCDP habit (lowest credible, a best guess, highest
    credible); ``acled`` is the conservative figure ACLED would code (the lowest reported).
    Every source's figure stays in ``claims``; ``conflicting`` says whether they disagree.
    """

    low: int
    best: int
    high: int
    acled: int
    rule: str
    claims: tuple[FigureClaim, ...]
    conflicting: bool


@dataclass(frozen=True, kw_only=True, slots=True)
class Position:
    """One value of a disputed field and everyone who holds it."""

    value: str
    claimants: tuple[str, ...]  # claimant names, or publishers when no claimant is named
    event_ids: tuple[str, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Conflict:
    """Sources of one incident disagree on ``field``; every position is kept."""

    field: str  # "killed", "wounded", "actors", "date", "place"
    positions: tuple[Position, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Incident:
    """One thing that happened, as told by one or more documents."""

    id: str
    members: tuple[str, ...]  # event ids, sorted
    sources: tuple[SourceRef, ...]
    documents: tuple[str, ...]
    publishers: tuple[str, ...]
    kind: str
    plover: str
    acled_type: str | None
    acled_subtype: str | None
    date: dt.date | None  # the date most sources give (earliest on a tie)
    date_end: dt.date | None  # the latest day any member places it on
    place: Place | None  # the most precise place a member gives
    actors: tuple[str, ...]  # every actor and recipient named by some member
    killed: MergedFigure | None
    wounded: MergedFigure | None
    claims: tuple[tuple[str, Claim], ...]  # (event id, claim) for every claim of every member
    conflicts: tuple[Conflict, ...]
    cohesion: float  # lowest similarity of the links that joined the members (1.0 for one member)


@dataclass(frozen=True, kw_only=True, slots=True)
class Revision:
    """A change in an incident's membership between two runs."""

    incident_id: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    reason: str  # "new", "grown", "shrunk", "changed", "merged into <id>", "split from <id>", "gone"
