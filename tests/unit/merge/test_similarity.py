import datetime as dt

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from sitrep.merge.blocking import profiles
from sitrep.merge.records import Settings
from sitrep.merge.similarity import compatible, km_between, pair_score, similarity
from sitrep.model import PlacePrecision

from .factory import DAY, event, place

S = Settings()


def pair(a, b):
    x, y = profiles([a, b], {})
    return x, y


def test_same_day_same_town_scores_above_threshold():
    a, b = pair(event("a", "d1"), event("b", "d2", actors=("Military Forces of Russia", "Civilians (Ukraine)")))
    assert compatible(a, b, S) and similarity(a, b, S) >= 0.85


def test_consecutive_days_in_one_city_stay_below_threshold():
    a, b = pair(event("a", "d1"), event("b", "d2", day=DAY + dt.timedelta(days=1)))
    assert compatible(a, b, S)
    assert similarity(a, b, S) < S.threshold


def test_protest_and_shelling_in_one_town_on_one_day_are_incompatible():
    a, b = pair(event("a", "d1"), event("b", "d2", acled=("Protests", "Peaceful protest"), plover="PROTEST"))
    assert not compatible(a, b, S)


def test_riot_may_match_a_clash():
    riot = event("b", "d2", acled=("Riots", "Mob violence"), plover="PROTEST")
    a, b = pair(event("a", "d1", acled=("Battles", "Armed clash")), riot)
    assert compatible(a, b, S)


def test_nearby_town_counts_far_town_does_not():
    near = place("Sloviansk", 48.85, 37.60, admin1="Donetsk")
    kramatorsk = place("Kramatorsk", 48.73, 37.57, admin1="Donetsk")
    a, b = pair(event("a", "d1", where=kramatorsk), event("b", "d2", where=near))
    assert 10 < km_between(a, b) < 16
    assert compatible(a, b, S) and similarity(a, b, S) >= S.threshold
    far = place("Kharkiv", 49.99, 36.23)
    a, c = pair(event("a", "d1", where=kramatorsk), event("c", "d3", where=far))
    assert not compatible(a, c, S)


def test_same_document_and_different_certainty_never_compatible():
    a, b = pair(event("a", "d1"), event("b", "d1"))
    assert not compatible(a, b, S)
    a, b = pair(event("a", "d1"), event("b", "d2", hypothetical=True))
    assert not compatible(a, b, S)


@hsettings(max_examples=60, deadline=None)
@given(
    st.floats(-0.3, 0.3),
    st.floats(-0.3, 0.3),
    st.integers(-3, 3),
    st.booleans(),
    st.sampled_from(
        [
            ("Battles", "Armed clash"),
            ("Explosions/Remote violence", "Air/drone strike"),
            ("Protests", "Peaceful protest"),
        ]
    ),
)
def test_similarity_is_symmetric_and_bounded(dlat, dlon, ddays, defaulted, kind):
    a = event("a", "d1")
    b = event(
        "b",
        "d2",
        where=place("x", 49.99 + dlat, 36.23 + dlon),
        day=DAY + dt.timedelta(days=ddays),
        acled=kind,
        defaulted_date=defaulted,
    )
    x, y = pair(a, b)
    assert 0.0 <= similarity(x, y, S) <= 1.0 + 1e-9
    assert abs(similarity(x, y, S) - similarity(y, x, S)) < 1e-12
    assert compatible(x, y, S) == compatible(y, x, S)


@hsettings(max_examples=80, deadline=None)
@given(
    st.floats(-0.5, 0.5),
    st.floats(-0.5, 0.5),
    st.integers(-3, 3),
    st.booleans(),
    st.booleans(),
    st.sampled_from([None, "Donetsk", "Kharkiv"]),
    st.sampled_from([("Battles", "Armed clash"), ("Riots", "Mob violence"), ("Protests", "Peaceful protest")]),
)
def test_pair_score_is_similarity_when_compatible_else_none(dlat, dlon, ddays, defaulted, coarse, admin1, kind):
    where = place("x", 49.99 + dlat, 36.23 + dlon, admin1=admin1)
    if coarse:
        precision = PlacePrecision.REGION if admin1 else PlacePrecision.COUNTRY
        where = place("Region", None, None, precision=precision, admin1=admin1)
    a = event("a", "d1")
    b = event("b", "d2", where=where, day=DAY + dt.timedelta(days=ddays), acled=kind, defaulted_date=defaulted)
    for x, y in (pair(a, b), pair(b, a)):
        got = pair_score(x, y, S)
        if compatible(x, y, S):
            assert got == similarity(x, y, S)
        else:
            assert got is None
