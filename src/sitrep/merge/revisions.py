"""Keep incident ids stable across runs and record changes of membership as revisions.

A fresh merge names each incident after its smallest member id. When an earlier run's incidents
are known, :func:`reconcile` gives each new incident the id of the earlier incident it shares the
most members with (pairs with the most shared members are settled first; on a tie the new incident
that holds the earlier one's smallest member wins), so an incident that gains or loses a report
keeps its id. Every change is a :class:`Revision`:

* ``grown`` / ``shrunk`` / ``changed``: same id, members added and/or removed;
* ``new``: no earlier incident shares a member;
* ``split from <id>``: shares members with an earlier incident whose id went to a larger part;
* ``merged into <ids>``: an earlier incident whose members now sit in other incidents;
* ``gone``: an earlier incident none of whose members are present any more.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from .records import Incident, Revision


def reconcile(
    previous: Sequence[Incident], current: Sequence[Incident]
) -> tuple[tuple[Incident, ...], tuple[Revision, ...]]:
    """``current`` with ids carried over from ``previous``, and the revisions between the two."""
    owner = {m: inc.id for inc in previous for m in inc.members}
    before = {inc.id: frozenset(inc.members) for inc in previous}
    overlaps = {inc.id: Counter(owner[m] for m in inc.members if m in owner) for inc in current}
    chosen = _carried_ids(current, before, overlaps)
    taken = set(chosen.values())
    used = taken | before.keys()  # ids no new incident may take (kept up to date below)
    renamed: list[Incident] = []
    revisions: list[Revision] = []
    for inc in sorted(current, key=lambda x: x.id):
        members = frozenset(inc.members)
        choice = chosen.get(inc.id)
        if choice is not None:
            renamed.append(dataclasses.replace(inc, id=choice))
            added, removed = members - before[choice], before[choice] - members
            if added or removed:
                reason = "changed" if added and removed else "grown" if added else "shrunk"
                revisions.append(
                    Revision(
                        incident_id=choice,
                        added=tuple(sorted(added)),
                        removed=tuple(sorted(removed)),
                        reason=reason,
                    )
                )
            continue
        new_id = _free_id(inc.id, used)
        taken.add(new_id)
        used.add(new_id)
        renamed.append(dataclasses.replace(inc, id=new_id))
        overlap = overlaps[inc.id]
        origin = min(overlap, key=lambda p: (-overlap[p], p)) if overlap else None
        revisions.append(
            Revision(
                incident_id=new_id,
                added=tuple(sorted(members)),
                removed=(),
                reason="new" if origin is None else f"split from {origin}",
            )
        )
    now_in = {m: inc.id for inc in renamed for m in inc.members}
    for pid in sorted(before.keys() - taken):
        homes = sorted({now_in[m] for m in before[pid] if m in now_in})
        revisions.append(
            Revision(
                incident_id=pid,
                added=(),
                removed=tuple(sorted(before[pid])),
                reason=f"merged into {', '.join(homes)}" if homes else "gone",
            )
        )
    return tuple(sorted(renamed, key=lambda x: x.id)), tuple(revisions)


def _carried_ids(
    current: Sequence[Incident], before: dict[str, frozenset[str]], overlaps: dict[str, Counter[str]]
) -> dict[str, str]:
    """The previous id each current incident keeps (current id -> previous id), if it keeps one."""
    # Greedy over (current, previous) pairs: most shared members first; on a tie the current
    # incident holding the previous one's smallest member, then the smaller ids.
    holders = {inc.id: frozenset(inc.members) for inc in current}
    ranked = sorted(
        ((cid, pid) for cid, counter in overlaps.items() for pid in counter),
        key=lambda cp: (-overlaps[cp[0]][cp[1]], cp[1], min(before[cp[1]]) not in holders[cp[0]], cp[0]),
    )
    chosen: dict[str, str] = {}
    claimed: set[str] = set()  # previous ids already given to a current incident
    for cid, pid in ranked:
        if cid not in chosen and pid not in claimed:
            chosen[cid] = pid
            claimed.add(pid)
    return chosen


def _free_id(base: str, used: set[str]) -> str:
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"
