"""The per-sentence decision of event assembly, on short reports written for it."""

from __future__ import annotations

import datetime as dt

from sitrep.assemble.context import Context
from sitrep.assemble.decision import DecisionKind, PlaceSource, decide
from sitrep.assemble.document import SentencesRead, read_sentences
from sitrep.assemble.draft import DraftsSoFar
from sitrep.assemble.sentence_view import view_sentence
from sitrep.ingest.documents import make_document
from sitrep.pipeline import Pipeline

PUBLISHED = dt.date(2023, 6, 14)
LEAD = "Gunmen attacked a police checkpoint in Kandahar on Tuesday."


def read(pipeline: Pipeline, text: str) -> SentencesRead:
    return read_sentences(Context(pipeline.annotate(make_document(text, published=PUBLISHED))))


def kinds(pipeline: Pipeline, text: str) -> list[DecisionKind]:
    return [d.kind for _, d in read(pipeline, text).decisions]


def test_the_lead_is_a_new_event(pipeline: Pipeline) -> None:
    [(index, decision)] = read(pipeline, LEAD).decisions
    assert index == 0 and decision.kind is DecisionKind.NEW_EVENT
    assert decision.place_source is PlaceSource.SENTENCE


def test_a_toll_after_an_attack_is_toll_only(pipeline: Pipeline) -> None:
    x = read(pipeline, f"{LEAD} Three policemen were killed.")
    assert [d.kind for _, d in x.decisions] == [DecisionKind.NEW_EVENT, DecisionKind.TOLL_ONLY]
    [event] = x.drafts
    assert [f.count.best for f in event.killed] == [3]


def test_the_attack_retold_right_after_is_an_elaboration(pipeline: Pipeline) -> None:
    x = read(pipeline, f"{LEAD} The attack was carried out by militants.")
    assert [d.kind for _, d in x.decisions] == [DecisionKind.NEW_EVENT, DecisionKind.ELABORATION_POINTING_BACK]
    [event] = x.drafts
    assert [t.text for t in event.extra_triggers] == ["attack"]


def test_a_bare_attack_word_lends_its_roles(pipeline: Pipeline) -> None:
    assert kinds(pipeline, f"{LEAD} Militants attacked again.") == [
        DecisionKind.NEW_EVENT,
        DecisionKind.ELABORATION_WITH_ROLES,
    ]


def test_a_new_place_and_date_make_a_new_event(pipeline: Pipeline) -> None:
    x = read(pipeline, f"{LEAD} On Thursday, soldiers clashed with insurgents in Herat.")
    assert [d.kind for _, d in x.decisions] == [DecisionKind.NEW_EVENT, DecisionKind.NEW_EVENT]
    lead, new = x.drafts
    assert lead.place is not None and new.place is not None and lead.place.name != new.place.name


def test_a_specific_word_without_a_place_takes_the_previous_event_s(pipeline: Pipeline) -> None:
    x = read(pipeline, f"{LEAD} A car bomb exploded near the gate.")
    [_, (_, second)] = x.decisions
    assert second.kind is DecisionKind.NEW_EVENT and second.place_source is PlaceSource.PREVIOUS_EVENT
    lead, bomb = x.drafts
    assert lead.place is not None and bomb.place == lead.place
    assert "place carried from the previous event" in bomb.reasons


def test_a_protest_told_again_is_skipped(pipeline: Pipeline) -> None:
    text = "Hundreds of teachers protested in Accra on Monday over unpaid wages. The protesters marched to parliament."
    assert kinds(pipeline, text) == [DecisionKind.NEW_EVENT, DecisionKind.SKIP]


def test_a_word_pointing_back_at_nothing_is_skipped(pipeline: Pipeline) -> None:
    [(_, decision)] = read(pipeline, "Rebels condemned the aggression in a statement.").decisions
    assert decision.kind is DecisionKind.SKIP


def test_deciding_changes_nothing(pipeline: Pipeline) -> None:
    annotated = pipeline.annotate(make_document(f"{LEAD} Three policemen were killed.", published=PUBLISHED))
    ctx = Context(annotated)
    sentence = list(annotated.doc.sents)[1]
    triggers = [t for t in annotated.of("trigger") if t.start >= sentence.start_char]
    view = view_sentence(ctx, sentence, 1, triggers)
    so_far = DraftsSoFar()
    first = decide(view, so_far)
    assert decide(view, so_far) == first
    assert so_far == DraftsSoFar()
