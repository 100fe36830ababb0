"""parse_helper.py: pieces parsed by the helper process join into the same Doc as pieces parsed here,
and a helper that cannot be used costs nothing but its time."""

from __future__ import annotations

import multiprocessing

import pytest

from sitrep import bounded_parse, config, parse_helper
from sitrep.bounded_parse import parse
from sitrep.parse_helper import ParseHelper

STORY = "Soldiers shelled Stepanakert on Monday, killing two civilians, officials said."
TEXT = "\n\n".join(f"{STORY} Rebels in district {i} said the road was cut." for i in range(16))


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounded_parse, "PIECE_TOKENS", 60)


def test_pieces_parsed_by_the_helper_give_the_same_doc(nlp, small_pieces) -> None:  # type: ignore[no-untyped-def]
    alone, alone_notes = parse(nlp, TEXT)
    helper = ParseHelper(config.SPACY_MODEL, nlp)
    try:
        shared, shared_notes = parse(nlp, TEXT, helper=helper)
    finally:
        helper.close()
    assert helper.pieces > 0 and not helper.failed
    assert shared.to_bytes() == alone.to_bytes()
    assert shared_notes == alone_notes and "pieces" in shared_notes[0]


def test_a_helper_that_cannot_load_the_model_leaves_the_parse_to_this_process(nlp, small_pieces) -> None:  # type: ignore[no-untyped-def]
    helper = ParseHelper("no_such_model_anywhere", nlp)
    try:
        shared, _ = parse(nlp, TEXT, helper=helper)
    finally:
        helper.close()
    assert helper.failed and helper.pieces == 0
    assert shared.to_bytes() == parse(nlp, TEXT)[0].to_bytes()
    assert not helper.start()  # never tried again


def test_a_helper_with_another_model_is_not_used(nlp, small_pieces) -> None:  # type: ignore[no-untyped-def]
    helper = ParseHelper(config.SPACY_MODEL, nlp)
    helper.identity = ("another_model", "0.0.1", helper.identity[2])
    try:
        shared, _ = parse(nlp, TEXT, helper=helper)
    finally:
        helper.close()
    assert helper.failed and helper.pieces == 0
    assert shared.to_bytes() == parse(nlp, TEXT)[0].to_bytes()


def test_a_short_text_never_starts_the_helper(nlp) -> None:  # type: ignore[no-untyped-def]
    helper = ParseHelper(config.SPACY_MODEL, nlp)
    parse(nlp, TEXT, helper=helper)
    assert helper._process is None and helper.pieces == 0


def test_the_helper_is_switched_off_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parse_helper.ENV_SWITCH, "0")
    assert not parse_helper.wanted()


def test_no_helper_from_a_worker_process() -> None:
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(parse_helper.wanted) is False


def test_the_helper_stops_when_closed(nlp, small_pieces) -> None:  # type: ignore[no-untyped-def]
    helper = ParseHelper(config.SPACY_MODEL, nlp)
    parse(nlp, TEXT, helper=helper)
    process = helper._process
    assert process is not None
    helper.close()
    assert process.poll() is not None and helper._process is None
    helper.close()  # twice is harmless
