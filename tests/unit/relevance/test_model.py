"""model.py: the bundled model reads as plain data, scores within 0..1, and a damaged file is a coded error."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.errors import DataFileInvalid
from sitrep.relevance.model import FORMAT, bundled, from_json


def test_the_bundled_model_is_recorded_and_has_a_threshold() -> None:
    model = bundled()
    assert model.stage == "relevance.linear.v1"
    assert 0.0 < model.threshold < 1.0
    assert len(model.weights) > 1000 and len(model.digest) == 64


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=500))
def test_every_text_scores_between_0_and_1(text: str) -> None:
    assert 0.0 <= bundled().score(text) <= 1.0


def test_violence_scores_over_sport() -> None:
    model = bundled()
    war = "Rebels shelled the town overnight and soldiers returned fire; eight civilians were killed."
    sport = "The home side won the cup final 3-1 after the striker scored twice in the second half."
    assert model.score(war) > model.threshold > model.score(sport)


@pytest.mark.parametrize(
    "data",
    [b"", b"not json", b"[]", json.dumps({"format": FORMAT + 1}).encode(), json.dumps({"format": FORMAT}).encode()],
)
def test_a_file_that_is_not_a_model_is_e205(data: bytes) -> None:
    with pytest.raises(DataFileInvalid) as raised:
        from_json(data, "relevance_model.json")
    assert raised.value.code == "E205" and "relevance_model.json" in str(raised.value)


def test_a_minimal_model_scores_by_its_weights() -> None:
    raw = {
        "format": FORMAT,
        "stage": "t.v1",
        "intercept": 0.0,
        "threshold": 0.5,
        "weights": {"raid": 2.0},
        "known": ["the"],
    }
    model = from_json(json.dumps(raw).encode(), "m.json")
    assert model.score("nothing known here") == 0.5  # no known feature: the intercept alone
    assert model.score("raid") > model.score("the raid") > 0.5  # one known feature dilutes the other
