from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.distance import haversine_km


def test_haversine_known_distance() -> None:
    # London to Paris is about 344 km on the great circle.
    assert 340 < haversine_km(51.5074, -0.1278, 48.8566, 2.3522) < 347


@given(st.floats(-89, 89), st.floats(-179, 179))
def test_distance_to_itself_is_zero(lat: float, lon: float) -> None:
    assert haversine_km(lat, lon, lat, lon) == pytest.approx(0.0, abs=1e-6)


@given(st.floats(-89, 89), st.floats(-179, 179), st.floats(-89, 89), st.floats(-179, 179))
def test_distance_is_symmetric(lat1: float, lon1: float, lat2: float, lon2: float) -> None:
    assert haversine_km(lat1, lon1, lat2, lon2) == pytest.approx(haversine_km(lat2, lon2, lat1, lon1), abs=1e-6)
