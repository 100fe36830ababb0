"""Assembly of a whole document: each sentence viewed, decided and applied in turn, then the drafts folded,
placed and frozen into Events."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..actor_kinds import is_armed
from ..model import Event, Mention
from ..resolve.wording import says_any
from .apply_decision import apply_decision
from .context import Context
from .decision import Decision, decide
from .draft import Draft, DraftsSoFar
from .folding import drop_background, fold_same_incident, main_place
from .freeze import freeze, with_unique_ids
from .sentence_view import view_sentence
from .verbal import verbal_drafts

if TYPE_CHECKING:
    from ..annotated import Annotated

# An event placed only by the document's main event keeps this share of that place's confidence.
MAIN_PLACE_CONFIDENCE_FACTOR = 0.5


@dataclass(frozen=True, kw_only=True)
class SentencesRead:
    """What reading a document sentence by sentence made, with each sentence's decision."""

    drafts: tuple[Draft, ...]  # violent and material events
    verbal: tuple[Draft, ...]
    decisions: tuple[tuple[int, Decision], ...]  # sentence index and its decision, in reading order


def read_sentences(ctx: Context) -> SentencesRead:
    """Every sentence with an event word or a figure: build its view, decide, apply."""
    annotated = ctx.a
    sentences = list(annotated.doc.sents)
    by_sentence: dict[int, list[Mention]] = {}
    for t in sorted(annotated.of("trigger"), key=lambda m: m.start):
        by_sentence.setdefault(annotated.sentence_index(t.start), []).append(t)
    for c in ctx.casualties:  # a sentence that only gives a toll ("1 fatality.") still counts
        by_sentence.setdefault(annotated.sentence_index(c.start), [])
    so_far = DraftsSoFar()
    decisions: list[tuple[int, Decision]] = []
    for index in sorted(by_sentence):
        view = view_sentence(ctx, sentences[index], index, by_sentence[index])
        decision = decide(view, so_far)
        apply_decision(ctx, view, decision, so_far)
        so_far.verbal.extend(verbal_drafts(ctx, view))
        decisions.append((index, decision))
    return SentencesRead(drafts=tuple(so_far.drafts), verbal=tuple(so_far.verbal), decisions=tuple(decisions))


def assemble(annotated: Annotated) -> tuple[Event, ...]:
    ctx = Context(annotated)
    if not annotated.of("trigger"):
        return ()
    read = read_sentences(ctx)
    drafts = fold_same_incident(ctx, list(read.drafts))
    verbal = list(read.verbal)
    happened_conflict = bool(drafts)
    main = main_place(drafts)
    for d in drafts + verbal:
        if d.place is None and main is not None:
            d.place = replace(
                main,
                evidence=replace(
                    main.evidence,
                    confidence=round(main.evidence.confidence * MAIN_PLACE_CONFIDENCE_FACTOR, 3),
                    reason="no place in the sentence: the place of the document's main event",
                ),
            )
    events = drop_background(ctx, [freeze(ctx, d) for d in drafts])
    for d in verbal:
        conflict_sentence = says_any(d.sentence.text, ctx.lex.conflict_words) or any(
            is_armed(a) for a in d.actors + d.recipients
        )
        if not (happened_conflict or conflict_sentence):
            continue
        events.append(freeze(ctx, d))
    return with_unique_ids(events)
