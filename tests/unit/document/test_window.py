"""sitrep.document.window: what a report only recalls is background, kept but not coded."""

from __future__ import annotations

import pytest

from sitrep.acled_view import coded_events
from sitrep.errors import UnmetRequirement
from sitrep.ingest.documents import make_document
from sitrep.model import BACKGROUND
from sitrep.pipeline import Pipeline


def test_an_event_dated_weeks_before_publication_is_background(pipeline: Pipeline) -> None:
    text = (
        "Militants attacked a police post in Bannu on Monday, killing two officers, police said.\n\n"
        "On 2 February 2023, militants had attacked another post in Bannu, killing four."
    )
    x = pipeline(make_document(text, published="2023-04-12"))
    old = [e for e in x.events if e.date is not None and e.date.date is not None and e.date.date.month == 2]
    assert old and all(e.window == BACKGROUND for e in old)
    assert all(any("days before publication" in r for r in e.reasons) for e in old)
    assert all(e.window == "news" for e in coded_events(x))
    assert coded_events(x), "the news event stays"


def test_a_recalled_total_is_background(pipeline: Pipeline) -> None:
    text = (
        "An airstrike killed nine people in Marib on Sunday, medics said.\n\n"
        "The war has killed tens of thousands of people since 2015."
    )
    x = pipeline(make_document(text, published="2023-04-10"))
    coded = coded_events(x)
    assert coded and all("since 2015" not in e.sentence.text for e in coded)


def test_a_recall_cue_without_a_date_of_the_week_makes_background(pipeline: Pipeline) -> None:
    text = "Last year the rebels burned down the town hall in Beni."
    x = pipeline(make_document(text, published="2023-04-10"))
    assert not coded_events(x)
    assert any(e.window == BACKGROUND and "background" in e.reasons[-1] for e in x.events)


def test_document_stages_are_checked_for_what_they_require(pipeline: Pipeline) -> None:
    with pytest.raises(UnmetRequirement, match="requires window"):
        Pipeline(resources=pipeline.resources, document_stages=("coreference.rules.v1",))


@pytest.mark.parametrize(
    "total",
    [
        "So far, 19 civilians have been shot dead by gunmen in the district this year.",
        "The revolt is part of a three-year conflict that has left more than 2,000 people dead.",
    ],
)
def test_running_totals_are_background(pipeline: Pipeline, total: str) -> None:
    text = f"Gunmen shot dead a shopkeeper in Bunia on Monday, police said.\n\n{total}"
    x = pipeline(make_document(text, published="2023-04-11"))
    coded = coded_events(x)
    assert coded and all(total[:20] not in e.sentence.text for e in coded)


def test_last_week_beside_newer_news_is_background(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed six villagers in Bandiagara on Monday, the mayor said.\n\n"
        "Last week, suspected jihadists killed four herders near Bankass, officials said."
    )
    x = pipeline(make_document(text, published="2023-06-21"))
    coded = coded_events(x)
    assert coded and all("Last week" not in e.sentence.text for e in coded)
    assert any(e.window == BACKGROUND and "last week" in " ".join(e.reasons) for e in x.events)


def test_last_weeks_incident_told_alone_is_the_news(pipeline: Pipeline) -> None:
    text = "Suspected jihadists killed four herders near Bankass last week, officials said on Wednesday."
    assert coded_events(pipeline(make_document(text, published="2023-06-21")))


def test_a_day_and_month_without_a_year_weeks_before_publication_is_background(pipeline: Pipeline) -> None:
    text = (
        "Rockets hit a base near Baghdad on Sunday, the army said.\n\n"
        "On July 3, rockets had hit the same base, wounding two soldiers."
    )
    x = pipeline(make_document(text, published="2021-08-30"))
    coded = coded_events(x)
    assert coded and all("July 3" not in e.sentence.text for e in coded)


def test_a_running_total_so_far_this_year_is_background(pipeline: Pipeline) -> None:
    text = (
        "Militants shot dead a teacher in Srinagar on Thursday, police said.\n\n"
        "So far, 20 civilians have been shot dead by militants this year."
    )
    coded = coded_events(pipeline(make_document(text, published="2021-10-07")))
    assert coded and all("So far" not in e.sentence.text for e in coded)


def test_a_yearless_range_running_past_publication_is_not_read_as_last_years(pipeline: Pipeline) -> None:
    text = "From 4-5 May, residents of Bamako demonstrated against the election results and burned a police post."
    assert coded_events(pipeline(make_document(text, published="2020-05-04")))
