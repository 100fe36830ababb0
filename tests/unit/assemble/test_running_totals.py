"""sitrep.assemble.folding.attach_toll: a running total told apart is no event's toll."""

from __future__ import annotations

import pytest

from sitrep.acled_view import coded_events
from sitrep.ingest.documents import make_document
from sitrep.pipeline import Pipeline


@pytest.mark.parametrize(
    "total",
    [
        "The insurgency has killed more than 35,000 people since 2009.",
        "More than 3,000 people have been killed in the region over the past two years.",
    ],
)
def test_a_running_total_does_not_join_the_toll(pipeline: Pipeline, total: str) -> None:
    text = f"A roadside bomb killed nine soldiers near Damboa on Tuesday, the army said.\n\n{total}"
    events = coded_events(pipeline(make_document(text, published="2023-04-12")))
    tolls = [e.killed.total.best for e in events if e.killed is not None and e.killed.total is not None]
    assert tolls == [9]


def test_a_toll_told_apart_still_joins_its_event(pipeline: Pipeline) -> None:
    text = "A roadside bomb struck an army truck near Damboa on Tuesday.\n\nNine soldiers were killed, the army said."
    events = coded_events(pipeline(make_document(text, published="2023-04-12")))
    assert [e.killed.total.best for e in events if e.killed is not None and e.killed.total is not None] == [9]
