from hypothesis import given
from hypothesis import strategies as st

from sitrep.merge.figures import figure_claims, merge_figures
from sitrep.merge.records import FigureClaim

from .factory import count, event


def claim(low, best, high, who="x", doc="d"):
    return FigureClaim(
        low=low, best=best, high=high, claimant=who, publisher="p", document_id=doc, event_id="e", raw=""
    )


def test_rule_on_three_sources():
    merged = merge_figures([claim(3, 3, 3, doc="a"), claim(4, 4, 4, doc="b"), claim(10, 11, None, doc="c")])
    assert (merged.low, merged.best, merged.high, merged.acled) == (3, 4, 11, 3)
    assert merged.conflicting and len(merged.claims) == 3


def test_even_number_of_sources_takes_lower_middle_best():
    merged = merge_figures([claim(2, 2, 2, doc="a"), claim(5, 5, 5, doc="b")])
    assert merged.best == 2 and merged.high == 5


def test_agreeing_sources_are_not_a_conflict_and_none_without_claims():
    merged = merge_figures([claim(4, 4, 4, doc="a"), claim(4, 4, 4, doc="b")])
    assert not merged.conflicting
    assert merge_figures([]) is None


def test_claims_keep_their_claimants():
    e = event("e1", "d1", killed=count(6), claimant="Taliban")
    (found,) = figure_claims("killed", e, "Outlet")
    assert (found.claimant, found.best, found.publisher) == ("Taliban", 6, "Outlet")
    plain = event("e2", "d2", killed=count(8))
    (total,) = figure_claims("killed", plain, None)
    assert total.claimant is None and total.best == 8
    assert figure_claims("wounded", plain, None) == ()


FIGURES = st.tuples(st.integers(0, 50), st.integers(0, 20), st.one_of(st.none(), st.integers(0, 20)))


@given(st.lists(FIGURES, min_size=1, max_size=8))
def test_low_best_high_ordered(raw):
    claims = [
        claim(lo, lo + extra, None if up is None else lo + extra + up, doc=str(i))
        for i, (lo, extra, up) in enumerate(raw)
    ]
    merged = merge_figures(claims)
    assert merged.low <= merged.best <= merged.high
    assert merged.acled == min(c.low for c in claims)
    assert merged.best in {c.best for c in claims}
