"""Items with character or token spans, sorted by start once, answering "which start in this range",
"which cover this offset", "which contain this span" and "which overlap it" by bisection.

A scan of every mention of a document for every mention or sentence grows with the square of the
document's length (a 1,000,000-character article spent most of its time in such scans). An index is
built once per list and each question then costs a bisection plus the items it returns. Every answer
is exactly what the scan gave: the same items, in the order of the list the index was built from.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate, pairwise
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """``items`` with their ``(start, end)`` spans (``end`` not included), sorted by start."""

    def __init__(self, items: Sequence[T], span: Callable[[T], tuple[int, int]]) -> None:
        spans = [span(x) for x in items]
        order = sorted(range(len(items)), key=lambda i: spans[i][0])  # stable: equal starts keep list order
        self.items = items
        self._list_ends = [e for _, e in spans]
        self._ends_rise = all(a <= b for a, b in pairwise(self._list_ends))
        self._order = order  # sorted position -> position in ``items``
        self._starts = [spans[i][0] for i in order]
        self._ends = [spans[i][1] for i in order]
        # the largest end among the first k + 1 sorted items, for the yes-or-no questions
        self._reach = list(accumulate(self._ends, max))
        # a max-tree over the ends in sorted order, for listing the items whose end passes a bound
        size = 1
        while size < len(order):
            size *= 2
        below = min(self._ends, default=0) - 1  # less than every end: a leaf with no item is never listed
        tree = [below] * (2 * size)
        tree[size : size + len(order)] = self._ends
        for node in range(size - 1, 0, -1):
            tree[node] = max(tree[2 * node], tree[2 * node + 1])
        self._size = size
        self._tree = tree

    def __len__(self) -> int:
        return len(self.items)

    def _in_list_order(self, positions: list[int]) -> list[T]:
        return [self.items[i] for i in sorted(self._order[p] for p in positions)]

    def _ending_after(self, count: int, bound: int) -> list[int]:
        """Sorted positions below ``count`` whose end is greater than ``bound``: the tree is walked only
        into the parts that hold one, so the cost follows the number found, not the number indexed."""
        found: list[int] = []
        stack = [(1, 0, self._size)]
        tree = self._tree
        while stack:
            node, lo, hi = stack.pop()
            if lo >= count or tree[node] <= bound:
                continue
            if hi - lo == 1:
                found.append(lo)
                continue
            mid = (lo + hi) // 2
            stack.append((2 * node + 1, mid, hi))
            stack.append((2 * node, lo, mid))
        return found

    def starting_in(self, lo: int, hi: int) -> list[T]:
        """The items with ``lo <= start < hi``."""
        a, b = bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, hi)
        return [self.items[i] for i in sorted(self._order[a:b])]

    def first_starting_in(self, lo: int, hi: int) -> T | None:
        """The first item of the list with ``lo <= start < hi``."""
        a, b = bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, hi)
        return self.items[min(self._order[a:b])] if a < b else None

    def ending_by(self, bound: int) -> Iterator[T]:
        """The items with ``end <= bound``, from the last of the list back to the first (a bisection when
        the list's ends rise, as a stage's mentions in text order do; else a scan)."""
        ends = self._list_ends
        if self._ends_rise:
            for i in range(bisect.bisect_right(ends, bound) - 1, -1, -1):
                yield self.items[i]
            return
        for i in range(len(ends) - 1, -1, -1):
            if ends[i] <= bound:
                yield self.items[i]

    def covering(self, offset: int) -> list[T]:
        """The items with ``start <= offset < end``."""
        return self._in_list_order(self._ending_after(bisect.bisect_right(self._starts, offset), offset))

    def any_covering(self, offset: int) -> bool:
        k = bisect.bisect_right(self._starts, offset)
        return k > 0 and self._reach[k - 1] > offset

    def containing(self, start: int, end: int) -> list[T]:
        """The items with ``item.start <= start`` and ``end <= item.end``."""
        return self._in_list_order(self._ending_after(bisect.bisect_right(self._starts, start), end - 1))

    def any_containing(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items with ``item.start < end`` and ``start < item.end``."""
        return self._in_list_order(self._ending_after(bisect.bisect_left(self._starts, end), start))

    def any_overlapping(self, start: int, end: int) -> bool:
        """Whether an item has ``item.start < end`` and ``start < item.end``."""
        k = bisect.bisect_left(self._starts, end)
        return k > 0 and self._reach[k - 1] > start


class DisjointSpans:
    """Spans added one at a time, none overlapping another (the caller adds only spans that pass
    ``overlaps``). Kept sorted: their ends then rise with their starts, so the one span that may
    overlap a new one is the last starting before the new one ends."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span held has ``held.start < end`` and ``start < held.end``."""
        before = bisect.bisect_left(self.spans, (end,))  # the spans starting before ``end``
        return before > 0 and self.spans[before - 1][1] > start

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))


class GrowingSpans:
    """Numbered spans added one at a time, looked up by an offset they cover. They are kept sorted by
    start, and a lookup reads only the spans starting within the longest one's length before the
    offset: short spans (words, phrases) cost a bisection and a few steps, whatever their number."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int, int]] = []  # (start, number, end)
        self._longest = 0

    def add(self, start: int, end: int, number: int) -> None:
        bisect.insort(self._spans, (start, number, end))
        self._longest = max(self._longest, end - start)

    def covering(self, offset: int) -> list[int]:
        """The numbers of the spans with ``start <= offset < end``, smallest first."""
        lo = bisect.bisect_left(self._spans, (offset - self._longest + 1,))
        hi = bisect.bisect_left(self._spans, (offset + 1,))
        return sorted(number for _, number, end in self._spans[lo:hi] if end > offset)
