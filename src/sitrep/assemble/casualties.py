"""Merging an event's casualty figures: rival claimants, additional victims, different sides, subsets."""

from __future__ import annotations

from dataclasses import replace

from ..model import Casualties, CasualtyFigure, Count
from ..resolve.quantities import ABOUT, UP_TO, ZERO
from .claimant_and_certainty import claimant_at
from .context import Context
from .draft import Draft

# Victim groups on the same side: children and women killed are civilians killed, not more victims.
SIDES = {"children": "civilians", "women": "civilians", "civilians": "civilians"}


def merge_claimed(ctx: Context, d: Draft, outcome: str) -> Casualties | None:
    """Totals of one outcome; figures given by different claimants are rival accounts, never added.

    Each claimant's figures are merged on their own; across claimants the total spans the lowest
    low to the highest high with the first-stated claimant's best. Every figure stays a claim.
    """
    figures = d.killed if outcome == "killed" else d.wounded
    mentions = [m for m in d.casualty_mentions if m.value.outcome == outcome]
    if len(mentions) != len(figures):
        return merge_counts(figures)
    groups: dict[str, list[CasualtyFigure]] = {}
    for m, fig in zip(mentions, figures):
        who, _ = claimant_at(ctx, m.start)
        key = who.name if who is not None else ""
        if fig.additional and groups:
            key = next(iter(groups))  # "a motorcyclist was also hurt, he said": on top of the count, not a rival one
        groups.setdefault(key, []).append(fig)
    if len(groups) < 2:
        return merge_counts(figures)
    merged = [(who, c) for who, c in ((w, merge_counts(fs)) for w, fs in groups.items()) if c is not None]
    totals = [(who, c.total) for who, c in merged if c.total is not None]
    if any(t.high != 0 for _, t in totals):
        # one side saying no one died ("no casualties") beside another's dead: a denial, not the lowest
        # figure; a number stated as 0 ("fatalities coded as 0") stays a figure
        totals = [(who, t) for who, t in totals if not (t.high == 0 and t.rule.startswith(ZERO))]
    if len(totals) < 2:
        if len(totals) == len(merged):
            return merge_counts(figures)
        return Casualties(total=totals[0][1], subsets=tuple(s for _, c in merged for s in c.subsets))
    low = min(stated_low(t) for _, t in totals)
    highs = [t.high for _, t in totals]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    _, first = totals[0]
    best = max(low, first.best) if high is None else min(max(low, first.best), high)
    names = ", ".join(w or "unattributed" for w, _ in totals)
    total = Count(
        low=low,
        best=best,
        high=high,
        raw=first.raw,
        group=None,
        rule=f"rival claims from {len(totals)} claimants ({names}): lowest low, highest high, best of the first",
        evidence=replace(first.evidence, reason=f"figures from {len(totals)} claimants are alternatives, not added"),
    )
    subsets = tuple(s for _, c in merged for s in c.subsets)
    return Casualties(total=total, subsets=subsets)


def merge_counts(figures: list[CasualtyFigure]) -> Casualties | None:
    """Totals from several figures: low = lowest low, high = highest high, best = the first stated.

    Figures that name different sides ("25 soldiers", "15 militants") count different victims and
    are added up instead; a figure naming nobody ("40 people") may cover them all, so then the
    figures are read as alternative reports.
    """
    added = _plus_additional(figures)
    if added is not None:
        return added
    by_side: dict[str | None, list[CasualtyFigure]] = {}
    for f in figures:
        if f.count.group is None:
            by_side.setdefault(SIDES.get(f.victims or "", f.victims), []).append(f)
    if len(by_side) > 1 and None not in by_side:
        return _sum_of_sides(figures, by_side)
    totals = [f.count for f in figures if f.count.group is None]
    subsets = tuple(f.count for f in figures if f.count.group is not None)
    if not totals and subsets:
        # Only subsets were reported ("two children were killed"): their sum is the total.
        return _sum_of_subsets(subsets)
    if not totals:
        return None
    if len(totals) == 1:
        return Casualties(total=totals[0], subsets=subsets)
    return _alternatives(totals, subsets)


def _plus_additional(figures: list[CasualtyFigure]) -> Casualties | None:
    """Victims told as additional ("a passer-by was also hurt") on top of the others; None when there are none."""
    extra = [f for f in figures if f.additional and f.count.group is None]
    if extra and len(extra) < len([f for f in figures if f.count.group is None]):
        base = merge_counts([f for f in figures if f not in extra])
        more = merge_counts([replace(f, additional=False) for f in extra])
        if base is not None and base.total is not None and more is not None and more.total is not None:
            b, m = base.total, more.total
            total = Count(
                low=b.low + m.low,
                best=b.best + m.best,
                high=None if b.high is None or m.high is None else b.high + m.high,
                raw=b.raw,
                rule=f"{b.rule} plus {m.rule} more",
                group=None,
                evidence=replace(b.evidence, reason="victims told as additional are added"),
            )
            return Casualties(total=total, subsets=base.subsets + more.subsets)
    return None


def _sum_of_sides(figures: list[CasualtyFigure], by_side: dict[str | None, list[CasualtyFigure]]) -> Casualties:
    parts = [merge_counts(fs) for fs in by_side.values()]
    counts = [c.total for c in parts if c is not None and c.total is not None]
    highs = [c.high for c in counts]
    first = counts[0]
    total = Count(
        low=sum(c.low for c in counts),
        best=sum(c.best for c in counts),
        high=None if any(h is None for h in highs) else sum(h for h in highs if h is not None),
        raw=first.raw,
        rule=f"sum over {len(counts)} sides: " + ", ".join(str(k) for k in by_side),
        evidence=replace(first.evidence, reason="figures for different sides are added"),
    )
    subsets = tuple(f.count for f in figures if f.count.group is not None)
    return Casualties(total=total, subsets=subsets)


def _sum_of_subsets(subsets: tuple[Count, ...]) -> Casualties:
    low = sum(c.low for c in subsets)
    best = sum(c.best for c in subsets)
    highs = [c.high for c in subsets]
    high = None if any(h is None for h in highs) else sum(h for h in highs if h is not None)
    first = subsets[0]
    total = Count(
        low=low,
        best=best,
        high=high,
        raw=first.raw,
        rule="sum of reported subsets",
        evidence=replace(first.evidence, reason="total is the sum of the subsets"),
    )
    return Casualties(total=total, subsets=subsets)


def stated_low(count: Count) -> int:
    """The lowest number a figure states, as ACLED reads it: "up to 100" and "about 100" state 100 (their
    own low, 0 or a little below, is no account of fewer victims when set beside another report)."""
    return count.best if count.rule.startswith((ABOUT + ":", UP_TO + ":")) else count.low


def _alternatives(totals: list[Count], subsets: tuple[Count, ...]) -> Casualties:
    low = min(stated_low(c) for c in totals)
    highs = [c.high for c in totals]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    best = max(low, totals[0].best) if high is None else min(max(low, totals[0].best), high)
    first = totals[0]
    merged = Count(
        low=low,
        best=best,
        high=high,
        raw=first.raw,
        rule=f"merged {len(totals)} figures: lowest low, highest high, first-stated best",
        group=None,
        evidence=replace(first.evidence, reason=f"{len(totals)} figures reported"),
    )
    return Casualties(total=merged, subsets=subsets)
