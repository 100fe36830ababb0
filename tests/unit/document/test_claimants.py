"""sitrep.document.claimants: an event told without its source takes the one the report gives nearby."""

from __future__ import annotations

from sitrep.acled_view import coded_events
from sitrep.document.claimants import _paragraphs
from sitrep.ingest.documents import make_document
from sitrep.model import Event
from sitrep.pipeline import Pipeline


def _claimant_at(events: tuple[Event, ...], text: str, word: str) -> str | None:
    at = text.index(word)
    event = next(e for e in events if e.trigger.start == at)
    return event.claimant.name if event.claimant is not None else None


def test_a_headline_takes_the_source_of_the_lead(pipeline: Pipeline) -> None:
    text = (
        "Roadside bomb kills four soldiers in eastern Burkina Faso\n\n"
        "Four soldiers were killed on Monday when their vehicle struck a roadside bomb near Fada N'Gourma, "
        "the army said in a statement on Tuesday.\n\n"
        "The blast was the third of its kind in the province this month."
    )
    x = pipeline(make_document(text, published="2023-03-07"))
    told = [e for e in x.events if e.trigger.start < text.index("\n\n") or e.mentions]
    assert told and all(e.claimant is not None and "army" in e.claimant.name for e in told)


def test_a_source_in_the_next_sentence_of_the_paragraph(pipeline: Pipeline) -> None:
    text = (
        "Gunmen shot dead three farmers in Kauru on Sunday. The attackers fled into the forest, a police "
        "spokesman for the state command said."
    )
    x = pipeline(make_document(text, published="2023-05-15"))
    assert "police" in (_claimant_at(x.events, text, "shot dead") or "")
    assert any("from a later sentence of its paragraph" in r for e in x.events for r in e.reasons)


def test_a_source_opening_the_next_paragraph(pipeline: Pipeline) -> None:
    text = (
        "Rebels attacked an army post in Kitchanga on Friday.\n\n"
        "The provincial governor's office said on Saturday that the attack was repelled after two hours."
    )
    x = pipeline(make_document(text, published="2023-06-10"))
    claimant = _claimant_at(x.events, text, "attacked")
    assert claimant is not None and "governor" in claimant


def test_a_denial_sources_nothing_else(pipeline: Pipeline) -> None:
    text = "Protesters blocked the main road into Goma on Monday. The governor denied that police had opened fire."
    x = pipeline(make_document(text, published="2023-06-13"))
    event = next(e for e in coded_events(x) if e.trigger.start < text.index("."))
    assert event.claimant is None or "governor" not in event.claimant.name


def test_a_source_far_down_the_report_is_not_the_headline_s() -> None:
    text = "Head\n\nOne.\nTwo two two.\n\nThree."
    assert [text[p.start : p.end] for p in _paragraphs(text)] == ["Head", "One.", "Two two two.", "Three."]
