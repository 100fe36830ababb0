"""The sentence's event word: a fight told only as what came before a strategic development is its background."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.acled_view import primary_event
from sitrep.ingest.documents import make_document
from sitrep.pipeline import Pipeline


def _subtype(pipeline: Pipeline, text: str) -> str | None:
    doc = make_document(text, published=dt.date(2022, 5, 9), source="test")
    event = primary_event(next(iter(pipeline.pipe([doc]))))
    return event.acled_subtype if event is not None else None


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        (
            "The army and the rebel forces have agreed a ceasefire after three weeks of the heaviest fighting "
            "in the hills.",
            "Agreement",
        ),
        (
            "Dozens of cars and market stalls were destroyed following a clash between two rival militias in the town.",
            "Looting/property destruction",
        ),
        # with no strategic word beside it, the fight after "after" is still the event
        ("Militants killed five soldiers after a clash near the border.", "Armed clash"),
        # the strategic word comes after the fight: the fight is the event
        ("A gunman was killed after exchanging fire with police during a patrol in the suburb.", "Armed clash"),
    ],
)
def test_a_fight_told_as_what_came_before_is_background(pipeline: Pipeline, text: str, subtype: str) -> None:
    assert _subtype(pipeline, text) == subtype


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        ("Police arrested twelve militants they say were plotting to launch attacks on churches.", "Arrests"),
        ("The rebels are mobilising their fighters for attacking the district capital.", "Change to group/activity"),
    ],
)
def test_an_attack_only_planned_does_not_outrank_what_was_done(pipeline: Pipeline, text: str, subtype: str) -> None:
    assert _subtype(pipeline, text) == subtype


def test_an_event_word_recalled_in_a_clause_gives_way_to_the_sentences_news(pipeline: Pipeline) -> None:
    text = "Foreign troops have deployed to the city of Gao, at a base vacated by other troops last month."
    doc = make_document(text, published=dt.date(2022, 5, 9), source="test")
    event = primary_event(next(iter(pipeline.pipe([doc]))))
    assert event is not None and event.trigger.text == "deployed"
