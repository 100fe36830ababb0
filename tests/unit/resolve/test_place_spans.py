"""place_spans.py: the bisection that replaced scans of the kept and blocked spans answers as the scans did."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sitrep.resolve.place_spans import _containment, _Taken

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda p: (p[0], p[0] + p[1])), max_size=25)


@given(spans, spans)
def test_taken_answers_as_a_scan_of_kept_spans(offered: list[tuple[int, int]], asked: list[tuple[int, int]]) -> None:
    taken, kept = _Taken(), []
    for a, b in offered:
        if not any(x < b and a < y for x, y in kept):  # kept spans never overlap, as in select_spans
            kept.append((a, b))
            taken.add(a, b)
    for a, b in asked + offered:
        assert taken.overlaps(a, b) == any(x < b and a < y for x, y in kept)


@given(spans, spans)
def test_containment_answers_as_a_scan(blocked: list[tuple[int, int]], asked: list[tuple[int, int]]) -> None:
    inside = _containment(blocked)
    for a, b in asked:
        assert inside(a, b) == any(x <= a and b <= y for x, y in blocked)
