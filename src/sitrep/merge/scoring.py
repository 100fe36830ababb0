"""Scoring the candidate pairs of a merge, in this process or split over forked processes.

Scoring is most of a large merge's time and each pair is scored on its own, so the pairs can be
shared out: with ``workers`` > 1 (and enough events to pay for starting processes) the candidate
pairs are split by the index of the event that finds them (:func:`.blocking.candidate_pairs`,
``part``/``parts``), the other parts are scored in processes forked from this one, which see the
profiles without copying them, and only the scores come back (two flat arrays per part). The
links and scores are the same whatever the number of workers. Where processes cannot be forked
(platforms without ``fork``) the work stays in this process.
"""

from __future__ import annotations

import multiprocessing
from array import array
from collections.abc import Sequence
from typing import TypeAlias

from .blocking import Profile, candidate_pairs
from .records import Settings
from .similarity import exact_days_apart_may_link, pair_score

MIN_PARALLEL_EVENTS = 20_000  # below this, starting a process costs more than it saves

# What forked scorers read: set just before the pool forks, cleared after (never pickled).
_SHARED: tuple[Sequence[Profile], Settings, int] | None = None

# Pair keys (i * n + j) and their scores, for every candidate pair (a string: array is not
# subscriptable at run time before Python 3.12).
Part: TypeAlias = "tuple[array[int], array[float]]"
INCOMPATIBLE = -1.0  # the score kept for a candidate pair that fails the hard rule


def score_part(items: Sequence[Profile], settings: Settings, part: int = 0, parts: int = 1) -> Part:
    """The candidate pairs of one part and their similarity (:data:`INCOMPATIBLE` for a pair failing the hard rule)."""
    keys, values = array("q"), array("d")
    n = len(items)
    exact = exact_days_apart_may_link(settings)
    for i, j in candidate_pairs(items, settings, exact_neighbours=exact, part=part, parts=parts):
        score = pair_score(items[i], items[j], settings)
        keys.append(i * n + j)
        values.append(INCOMPATIBLE if score is None else score)
    return keys, values


def _score_shared(part: int) -> Part:
    assert _SHARED is not None, "scoring worker started without shared profiles"
    items, settings, parts = _SHARED
    return score_part(items, settings, part, parts)


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def score_pairs(items: Sequence[Profile], settings: Settings, workers: int = 1) -> list[Part]:
    """Every candidate pair with its score, as one part per process used."""
    if workers <= 1 or len(items) < MIN_PARALLEL_EVENTS or not _can_fork():
        return [score_part(items, settings)]
    global _SHARED
    _SHARED = (items, settings, workers)
    try:
        with multiprocessing.get_context("fork").Pool(workers - 1) as pool:
            others = pool.map_async(_score_shared, range(1, workers))
            mine = score_part(items, settings, 0, workers)
            return [mine, *others.get()]
    finally:
        _SHARED = None


def scored_links(
    items: Sequence[Profile], settings: Settings, scores: dict[int, float] | None = None, workers: int = 1
) -> list[tuple[float, int, int]]:
    """Every candidate pair that passes the hard rule and reaches the threshold, strongest first.

    ``scores``, when given, receives the similarity of every candidate pair (keyed by
    ``i * len(items) + j``, i < j; :data:`INCOMPATIBLE` when the pair fails the hard rule) so that
    the average-linkage check need not score them again.
    """
    links = []
    n = len(items)
    threshold = settings.threshold
    for keys, values in score_pairs(items, settings, workers):
        if scores is not None:
            scores.update(zip(keys, values))
        for key, score in zip(keys, values):
            if score >= threshold - 1e-9:
                rounded = round(score, 9)
                if rounded >= threshold:
                    i, j = divmod(key, n)
                    links.append((rounded, i, j))
    # Ties go by event ids, so the order of the input does not change the outcome.
    rank = [0] * n
    for position, index in enumerate(sorted(range(n), key=lambda k: items[k].event.id)):
        rank[index] = position

    def order(link: tuple[float, int, int]) -> tuple[float, int, int]:
        a, b = rank[link[1]], rank[link[2]]
        return (-link[0], a, b) if a < b else (-link[0], b, a)

    links.sort(key=order)
    return links
