"""bounded_parse.py: caps on the parse keep text and offsets intact, leave a note, and change nothing within them."""

from __future__ import annotations

from itertools import pairwise

import pytest

from sitrep import bounded_parse
from sitrep.bounded_parse import MAX_SENTENCE_TOKENS, STRETCH_CHARS, parse, parse_many, piece_bounds
from sitrep.ingest.documents import make_document

STORY = "Soldiers shelled Stepanakert on Monday, killing two civilians, officials said."


def _rows(doc):  # type: ignore[no-untyped-def]
    return [(t.idx, t.text, t.tag_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in doc]


def test_text_within_the_caps_is_parsed_as_spacy_parses_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = STORY + "\n\nRebels said they had taken the town of Martuni.  A second paragraph follows. "
    doc, notes = parse(nlp, text)
    assert notes == ()
    assert _rows(doc) == _rows(nlp(text))


def test_many_texts_come_back_in_order(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = [STORY, "", "!" * (STRETCH_CHARS + 5), "Gunmen attacked Goma."]
    found = list(parse_many(nlp, texts, batch_size=2))
    assert [d.text for d, _ in found] == texts
    assert [bool(n) for _, n in found] == [False, False, True, False]


def test_pieces_cover_the_text_and_cut_after_a_line_break(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc("one two three four five six\n\nseven eight nine ten eleven twelve")
    bounds = piece_bounds(doc, 10)
    assert bounds[0] == (0, 7)  # after the paragraph break
    assert all(a[1] == b[0] for a, b in pairwise(bounds))
    assert bounds[-1][1] == len(doc) and all(b - a <= 10 for a, b in bounds)
    plain = nlp.make_doc("w " * 25)
    assert piece_bounds(plain, 10) == [(0, 10), (10, 20), (20, 25)]


def test_a_long_text_parsed_in_pieces_keeps_its_offsets(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(bounded_parse, "PIECE_TOKENS", 60)
    text = "\n\n".join(f"{STORY} Paragraph {i} ends here." for i in range(12))
    doc, notes = parse(nlp, text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    assert any("pieces" in n for n in notes)


def test_a_run_of_one_mark_becomes_few_tokens(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "(" * (STRETCH_CHARS * 5) + "Rebels attacked Goma"
    doc, notes = parse(nlp, text)
    assert doc.text == text and len(doc) < 20 and notes


def test_a_long_punctuation_run_is_tokenized_in_parts_and_the_story_after_it_is_read(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "!" * 5000 + " " + STORY
    extraction = pipeline(make_document(text, published="2020-09-28"))
    assert any("without a space" in n for n in extraction.notes)
    assert extraction.events
    for event in extraction.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert text[event.sentence.start : event.sentence.end] == event.sentence.text
    assert any("Stepanakert" in e.sentence.text for e in extraction.events)


def test_a_long_sentence_is_cut_and_noted(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "killed " * (MAX_SENTENCE_TOKENS * 3) + "and " + STORY
    doc, notes = parse(nlp, text)
    assert doc.text == text
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    assert len(notes) == 1 and "sentences for parsing" in notes[0]


def test_the_pipeline_keeps_the_notes_and_a_story_after_a_long_sentence(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "killed " * (MAX_SENTENCE_TOKENS * 2) + ".\n\n" + STORY
    [extraction] = list(pipeline.pipe([make_document(text, published="2020-09-28")]))
    assert any("sentence" in n for n in extraction.notes)
    assert any("Stepanakert" in e.sentence.text for e in extraction.events)
    plain = pipeline(make_document(STORY, published="2020-09-28"))
    assert plain.notes == ()
