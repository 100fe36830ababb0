"""sitrep.span_index: every lookup returns exactly what a scan of the whole list returns, in the same order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sitrep.span_index import DisjointSpans, GrowingSpans, SpanIndex

# Spans that overlap, nest, repeat, touch and are empty: everything a stage's mentions may do.
SPAN = st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1]))
SPANS = st.lists(SPAN, max_size=40)
OFFSET = st.integers(-2, 80)


def _index(spans: list[tuple[int, int]]) -> SpanIndex[int]:
    """The positions of ``spans`` indexed, so that equal spans stay told apart."""
    return SpanIndex(list(range(len(spans))), lambda i: spans[i])


@given(SPANS, OFFSET, OFFSET)
def test_starting_in(spans: list[tuple[int, int]], lo: int, hi: int) -> None:
    index = _index(spans)
    expected = [i for i, (s, _) in enumerate(spans) if lo <= s < hi]
    assert index.starting_in(lo, hi) == expected
    assert index.first_starting_in(lo, hi) == (expected[0] if expected else None)


@given(SPANS, OFFSET)
def test_covering(spans: list[tuple[int, int]], offset: int) -> None:
    index = _index(spans)
    expected = [i for i, (s, e) in enumerate(spans) if s <= offset < e]
    assert index.covering(offset) == expected
    assert index.any_covering(offset) == bool(expected)


@given(SPANS, SPAN)
def test_containing(spans: list[tuple[int, int]], span: tuple[int, int]) -> None:
    index = _index(spans)
    start, end = span
    expected = [i for i, (s, e) in enumerate(spans) if s <= start and end <= e]
    assert index.containing(start, end) == expected
    assert index.any_containing(start, end) == bool(expected)


@given(SPANS, SPAN)
def test_any_overlapping(spans: list[tuple[int, int]], span: tuple[int, int]) -> None:
    start, end = span
    assert _index(spans).any_overlapping(start, end) == any(s < end and start < e for s, e in spans)


def test_the_list_order_is_kept_not_the_order_of_starts() -> None:
    spans = [(9, 12), (0, 20), (3, 4), (0, 20)]
    index = SpanIndex(spans, lambda s: s)
    assert index.covering(10) == [(9, 12), (0, 20), (0, 20)]
    assert index.containing(3, 4) == [(0, 20), (3, 4), (0, 20)]
    assert index.starting_in(0, 5) == [(0, 20), (3, 4), (0, 20)]
    assert index.first_starting_in(1, 10) == (9, 12)
    assert len(index) == 4


def test_an_empty_list() -> None:
    index: SpanIndex[tuple[int, int]] = SpanIndex([], lambda s: s)
    assert index.covering(0) == [] and index.containing(0, 1) == [] and index.starting_in(0, 9) == []
    assert not (index.any_covering(0) or index.any_containing(0, 0) or index.any_overlapping(0, 9))
    assert index.first_starting_in(0, 9) is None


@given(st.lists(SPAN, max_size=40), SPAN)
def test_disjoint_spans_answer_as_a_scan_does(spans: list[tuple[int, int]], probe: tuple[int, int]) -> None:
    held = DisjointSpans()
    kept: list[tuple[int, int]] = []
    for start, end in spans:  # the way the stages use it: a span is added only when it overlaps none
        overlaps = any(s < end and start < e for s, e in kept)
        assert held.overlaps(start, end) == overlaps
        if not overlaps:
            held.add(start, end)
            kept.append((start, end))
    assert held.overlaps(*probe) == any(s < probe[1] and probe[0] < e for s, e in kept)


@given(st.lists(SPAN, max_size=40), OFFSET)
def test_growing_spans_answer_as_a_scan_does(spans: list[tuple[int, int]], offset: int) -> None:
    held = GrowingSpans()
    for number, (start, end) in enumerate(spans):
        held.add(start, end, number)
        assert held.covering(offset) == [k for k, (s, e) in enumerate(spans[: number + 1]) if s <= offset < e]


@given(SPANS, OFFSET)
def test_ending_by_gives_the_last_first(spans: list[tuple[int, int]], bound: int) -> None:
    expected = [i for i, (_, e) in enumerate(spans) if e <= bound][::-1]
    assert list(_index(spans).ending_by(bound)) == expected
    ordered = sorted(spans, key=lambda s: s[1])  # ends rising: the bisection
    index = SpanIndex(ordered, lambda s: s)
    assert list(index.ending_by(bound)) == [s for s in ordered if s[1] <= bound][::-1]


@given(SPANS, SPAN)
def test_overlapping(spans: list[tuple[int, int]], span: tuple[int, int]) -> None:
    start, end = span
    assert _index(spans).overlapping(start, end) == [i for i, (s, e) in enumerate(spans) if s < end and start < e]
