"""sitrep.document.named_doers: violence told with a generic doer takes the one armed group the report names."""

from __future__ import annotations

from sitrep.acled_view import coded_events
from sitrep.document.named_doers import NAME
from sitrep.ingest.documents import make_document
from sitrep.model import Event
from sitrep.pipeline import Pipeline


def _battle(events: tuple[Event, ...] | list[Event]) -> Event:
    found = [e for e in events if e.acled_type == "Battles"]
    assert found, "no battle came out"
    return found[0]


def test_generic_militants_are_the_group_the_report_names(pipeline: Pipeline) -> None:
    text = (
        "Militants attacked an army base near Balad in Somalia on Sunday, killing four soldiers, officials said.\n\n"
        "Al-Shabaab said in a statement on its radio station that its fighters carried out the assault."
    )
    event = _battle(coded_events(pipeline(make_document(text, published="2023-05-02"))))
    names = [a.acled_name for a in event.actors]
    assert "Al Shabaab" in names
    filled = next(a for a in event.actors if a.acled_name == "Al Shabaab")
    assert filled.evidence.stage == NAME and filled.evidence.reason


def test_unidentified_gunmen_stay_unidentified(pipeline: Pipeline) -> None:
    text = (
        "Unidentified gunmen attacked a police post near Kidal in Mali on Sunday, killing three officers.\n\n"
        "JNIM has carried out many attacks in the region in recent years."
    )
    x = pipeline(make_document(text, published="2023-05-02"))
    assert all(a.evidence.stage != NAME for e in x.events for a in e.actors + e.recipients)


def test_two_named_groups_leave_the_doer_generic(pipeline: Pipeline) -> None:
    text = (
        "Militants attacked an army post near Djibo in Burkina Faso on Sunday, killing five soldiers.\n\n"
        "Both JNIM and Ansaroul Islam are active in the province."
    )
    x = pipeline(make_document(text, published="2023-05-02"))
    assert all(a.evidence.stage != NAME for e in x.events for a in e.actors + e.recipients)


def test_the_stage_is_in_the_default_pipeline(pipeline: Pipeline) -> None:
    assert NAME in pipeline.stage_names
