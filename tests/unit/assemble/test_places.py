"""sitrep.assemble.places: which named place is the event's."""

from __future__ import annotations

import pytest

from sitrep.acled_view import coded_events
from sitrep.ingest.documents import make_document


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Paris has stepped up its drone strikes against militants in northern Mali, officials said.", "Mali"),
        ("Moscow's troops shelled the village of Kozacha Lopan on Monday.", "Kozacha Lopan"),
    ],
)
def test_a_capital_acting_stands_for_its_government_not_the_place(pipeline, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    events = coded_events(pipeline(make_document(text, published="2023-04-11")))
    assert events and all(e.place is not None and e.place.name == place for e in events)


def test_a_capital_that_is_hit_is_the_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = coded_events(
        pipeline(make_document("Rockets hit Kabul on Monday, killing three people.", published="2023-04-11"))
    )
    assert events and events[0].place is not None and events[0].place.name == "Kabul"
