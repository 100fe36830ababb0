"""Merged killed and wounded for an incident.

Rule ("sources-v1"), over every distinct total figure any member gives (a figure is distinct by
document, claimant and numbers; subsets such as "children" are not totals and are left out):

* low  = the lowest ``low`` of any source;
* high = the highest ``high`` of any source, an open upper bound ("more than 20") counting as its best;
* best = the median of the sources' ``best`` figures, the lower of the two middle ones when their
  number is even, so that it is always a figure some source gave;
* acled = the lowest ``low`` (ACLED codes the lowest reported count when sources disagree).

So low <= best <= high always holds. The sources' own figures are kept in ``claims`` with their
claimants and publishers; ``conflicting`` is true when they do not all give the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Count, Event
from .records import FigureClaim, MergedFigure

RULE = "sources-v1: low=min low, best=lower median of bests, high=max high, acled=min low"


def figure_claims(outcome: str, event: Event, publisher: str | None) -> tuple[FigureClaim, ...]:
    """Every total figure for ``outcome`` ("killed"/"wounded") the event carries, with its claimant."""
    found: list[FigureClaim] = []
    for claim in event.claims:
        if claim.field != outcome:
            continue
        numbers = _numbers(claim.value)
        if numbers is None:
            continue
        low, best, high = numbers
        found.append(
            FigureClaim(
                low=low,
                best=best,
                high=high,
                claimant=claim.claimant.name,
                publisher=publisher,
                document_id=event.document_id,
                event_id=event.id,
                raw=claim.evidence.text,
            )
        )
    casualties = getattr(event, outcome)
    total: Count | None = casualties.total if casualties is not None else None
    if not found and total is not None:
        found.append(
            FigureClaim(
                low=total.low,
                best=total.best,
                high=total.high,
                claimant=event.claimant.name if event.claimant is not None else None,
                publisher=publisher,
                document_id=event.document_id,
                event_id=event.id,
                raw=total.raw,
            )
        )
    return tuple(found)


def _numbers(value: Any) -> tuple[int, int, int | None] | None:
    if isinstance(value, Count):
        return (value.low, value.best, value.high) if value.group is None else None
    if isinstance(value, Mapping) and value.get("group") is None and "best" in value:
        return int(value["low"]), int(value["best"]), None if value.get("high") is None else int(value["high"])
    return None


def merge_figures(claims: Sequence[FigureClaim]) -> MergedFigure | None:
    """The merged figure over the sources' claims (see the module docstring); None without claims."""
    distinct: dict[tuple[str, str | None, int, int, int | None], FigureClaim] = {}
    for c in claims:
        distinct.setdefault((c.document_id, c.claimant, c.low, c.best, c.high), c)
    kept = tuple(sorted(distinct.values(), key=lambda c: (c.best, c.low, c.document_id, c.claimant or "")))
    if not kept:
        return None
    bests = sorted(c.best for c in kept)
    low = min(c.low for c in kept)
    high = max(c.best if c.high is None else c.high for c in kept)
    return MergedFigure(
        low=low,
        best=bests[(len(bests) - 1) // 2],
        high=high,
        acled=low,
        rule=RULE,
        claims=kept,
        conflicting=len({(c.low, c.best, c.high) for c in kept}) > 1,
    )
