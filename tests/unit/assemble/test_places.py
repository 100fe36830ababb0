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
        ("A soldier was killed when Kiev forces shelled the town of Horlivka on Saturday.", "Horlivka"),
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


def test_a_retelling_names_the_town_within_the_country_first_told(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Militants killed five police officers in an attack in northern Kenya on Friday, officials said. "
        "The attack on Friday took place in Mandera, near the border with Somalia."
    )
    events = coded_events(pipeline(make_document(text, published="2023-04-15")))
    assert events and events[0].place is not None and events[0].place.name == "Mandera"


def test_a_common_word_inside_a_longer_name_is_no_town_abroad(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Three mortar rounds hit the Green Zone in Baghdad on Monday, killing a guard, police said."
    events = coded_events(pipeline(make_document(text, published="2023-04-11")))
    assert events and all(e.place is not None and e.place.country == "IRQ" for e in events)
