import dataclasses
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.model import Certainty, Evidence, Place, PlacePrecision
from sitrep.store.builders import builder

texts = st.text(max_size=20)


@given(
    start=st.integers(0, 10_000),
    length=st.integers(0, 500),
    text=texts,
    stage=texts,
    reason=st.none() | texts,
    confidence=st.floats(0, 1),
)
def test_a_built_record_equals_one_made_by_its_class(start, length, text, stage, reason, confidence):  # type: ignore[no-untyped-def]
    kw = {
        "start": start,
        "end": start + length,
        "text": text,
        "stage": stage,
        "reason": reason,
        "confidence": confidence,
    }
    made, built = Evidence(**kw), builder(Evidence)(**kw)
    assert built == made and hash(built) == hash(made) and type(built) is Evidence


def test_defaults_are_the_classes_and_the_record_stays_frozen() -> None:
    ev = builder(Evidence)(start=0, end=3, text="abc", stage="s")
    assert (ev.reason, ev.confidence) == (None, 1.0)
    assert builder(Certainty)() == Certainty()
    with pytest.raises(dataclasses.FrozenInstanceError):
        ev.start = 1  # type: ignore[misc]
    place = builder(Place)(
        name="Ganja",
        geonameid=None,
        lat=40.68,
        lon=46.36,
        country="AZE",
        admin1=None,
        admin2=None,
        precision=PlacePrecision.TOWN,
        evidence=ev,
    )
    assert place == Place(
        name="Ganja",
        geonameid=None,
        lat=40.68,
        lon=46.36,
        country="AZE",
        admin1=None,
        admin2=None,
        precision=PlacePrecision.TOWN,
        evidence=ev,
    )


def test_unknown_or_missing_keywords_fail_as_with_the_class() -> None:
    with pytest.raises(TypeError):
        builder(Evidence)(start=0, end=1, text="x", stage="s", colour="red")
    with pytest.raises(TypeError):
        builder(Evidence)(start=0, end=1)


def test_records_with_a_post_init_are_refused() -> None:
    @dataclass(frozen=True, kw_only=True, slots=True)
    class Checked:
        n: int

        def __post_init__(self) -> None:
            assert self.n >= 0

    with pytest.raises(TypeError, match="Checked"):
        builder(Checked)
