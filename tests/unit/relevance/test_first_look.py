"""first_look.py and the pipeline: ordinary news is left unparsed, reports are read, and the decision
is kept with its score and reason."""

from __future__ import annotations

import pytest

from sitrep.ingest.documents import make_document
from sitrep.pipeline import Pipeline
from sitrep.relevance.first_look import HARD_CUES, event_stays, first_look, relevant_enough

SPORT = (
    "United clashed with City on Saturday and blew away the champions 3-1. The striker fired a shot into "
    "the top corner after a swift attack, and the visitors' captain was beaten for pace all afternoon."
)
REPORT = "Gunmen killed five villagers and burned houses near Mopti on Monday, local officials said."
FILM = (
    "The comedy fell to the number two spot at the box office on its second weekend.\n\nA thriller about a "
    "hostage stayed top for a third weekend. Critics were kinder to the sequel than to the original."
)


def test_sport_is_ordinary_news_and_a_report_is_read() -> None:
    sport, report = first_look(SPORT), first_look(REPORT)
    assert not sport.relevant and "ordinary news" in sport.reason and sport.cue is None
    assert report.relevant and report.score > sport.score


@pytest.mark.parametrize(
    "text",
    [
        "Suicide bombers struck the airport",
        "a car bomb went off",
        "twelve people were killed",
        "killing at least 30",
        "troops withdrew",
        "police fired tear gas",
        "protesters gathered",
        "2,000 were wounded",
    ],
)
def test_hard_cues(text: str) -> None:
    assert HARD_CUES.search(text)


@pytest.mark.parametrize("text", ["the team beat its rivals", "a heart attack", "shares were hit", "a shot at goal"])
def test_no_hard_cue_in_ordinary_words(text: str) -> None:
    assert HARD_CUES.search(text) is None


def test_a_low_score_is_kept_in_by_a_cue_and_the_cue_is_the_evidence() -> None:
    look = first_look(FILM)
    assert look.relevant and look.cue is not None and look.cue.text == "hostage"
    assert FILM[look.cue.start : look.cue.end] == "hostage"


def test_ordinary_news_is_never_parsed(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep import pipeline as pipeline_module

    parsed: list[str] = []
    real = pipeline_module.parse_many

    def counting(nlp, texts, **kwargs):  # type: ignore[no-untyped-def]
        texts = list(texts)
        parsed.extend(texts)
        return real(nlp, texts, **kwargs)

    monkeypatch.setattr(pipeline_module, "parse_many", counting)
    documents = [make_document(SPORT), make_document(REPORT, published="2024-03-05"), make_document(SPORT + " Again.")]
    out = list(pipeline.pipe(documents))
    assert parsed == [REPORT]
    assert [bool(x.events) for x in out] == [False, True, False]
    assert out[0].relevance is not None and not out[0].relevance.relevant
    assert out[0].stages == ("relevance.linear.v1",)
    event = out[1].events[0]
    record = dict(event.extras)["relevance"]
    assert record["score"] == out[1].relevance.score and record["stage"] == "relevance.linear.v1"
    assert 0.0 <= record["sentence_score"] <= 1.0


def test_read_all_parses_everything(resources) -> None:  # type: ignore[no-untyped-def]
    everything = Pipeline(resources=resources, first_look=False)
    extraction = everything(make_document(SPORT))
    assert extraction.relevance is None and "relevance.linear.v1" not in extraction.stages


def test_events_of_a_text_kept_only_by_a_cue_need_a_cue_in_their_sentence(pipeline: Pipeline) -> None:
    extraction = pipeline(make_document(FILM, published="2024-03-05"))
    assert extraction.relevance is not None and extraction.relevance.relevant
    for event in extraction.events:
        assert HARD_CUES.search(event.sentence.text)
        assert event_stays(event, extraction.relevance)
    assert all("fell to" not in e.sentence.text for e in extraction.events)
    assert any("fell to" in s.text for s in extraction.relevance.left_out)


def test_min_relevance_leaves_out_the_events_of_weak_documents(pipeline: Pipeline) -> None:
    extraction = pipeline(make_document(REPORT, published="2024-03-05"))
    assert extraction.events and extraction.relevance is not None
    assert relevant_enough(extraction, 0.0) is extraction
    assert relevant_enough(extraction, extraction.relevance.score) is extraction
    assert relevant_enough(extraction, min(1.0, extraction.relevance.score + 0.001)).events == ()
