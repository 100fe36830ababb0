"""Carrying out a sentence's decision: drafts made (one per town), words joined to the previous violent
event, or figures attached to an earlier event."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..resolve.recall import RECALLED
from .context import Context
from .decision import Decision, DecisionKind, PlaceSource
from .draft import Draft, DraftsSoFar, add_casualties
from .folding import attach_toll
from .implied_roles import weapon_owners
from .roles import adopt_roles, assign_roles
from .sentence_view import EventWords, SentenceView

if TYPE_CHECKING:
    from spacy.tokens import Span


def apply_decision(ctx: Context, view: SentenceView, decision: Decision, so_far: DraftsSoFar) -> None:
    kind = decision.kind
    if kind is DecisionKind.TOLL_ONLY:
        # "The insurgency has killed 35,000 people since 2009": a running total is no event's toll.
        if not RECALLED.search(view.sentence.text):
            attach_toll(ctx, so_far.drafts, view.casualties, view.places, so_far.places)
        return
    if kind is DecisionKind.SKIP or view.event_words is None:
        return
    primary = view.event_words.primary
    if kind is DecisionKind.ELABORATION_POINTING_BACK:
        for d in so_far.last_violent:
            d.extra_triggers.append(primary)
    elif kind is DecisionKind.ELABORATION_WITH_ROLES:
        probe = Draft(trigger=primary, sentence=view.sentence, typed_trigger=primary.value)
        assign_roles(ctx, probe, view.actors)
        for d in so_far.last_violent:
            adopt_roles(d, probe)
            d.extra_triggers.append(primary)
    else:
        _add_new_event(ctx, view, view.event_words, decision.place_source, so_far)


def _add_new_event(
    ctx: Context, view: SentenceView, words: EventWords, place_source: PlaceSource, so_far: DraftsSoFar
) -> None:
    made = make_drafts(ctx, words, view)
    if place_source is PlaceSource.PREVIOUS_EVENT:
        for d in made:
            d.place = so_far.last_violent[0].place
            d.reasons.append("place carried from the previous event")
    elif place_source is PlaceSource.TOLD_BEFORE and view.place_told_before is not None:
        for d in made:
            d.place = view.place_told_before.value
            d.reasons.append("no place in the event's sentence: the place named just before it")
    so_far.drafts.extend(made)
    if made[0].typed_trigger.kind == "violent":
        so_far.last_violent = made
        so_far.last_violent_sentence = view.index


def make_drafts(ctx: Context, words: EventWords, view: SentenceView) -> list[Draft]:
    """One draft for the sentence's event words, or one per place when the sentence names several towns."""
    primary = words.primary
    sent: Span = view.sentence
    base = Draft(
        trigger=primary,
        sentence=sent,
        typed_trigger=primary.value,
        extra_triggers=[t for t in words.words if t is not primary],
    )
    assign_roles(ctx, base, view.actors)
    if not base.actors:
        base.actors = weapon_owners(ctx, sent, view.weapons)
    base.weapons = [m.value for m in view.weapons]
    add_casualties(base, view.casualties)
    if not view.places:
        return [base]
    drafts = []
    for k, pm in enumerate(view.places):
        d = replace(
            base,
            actors=list(base.actors),
            recipients=list(base.recipients),
            weapons=list(base.weapons),
            killed=list(base.killed) if k == 0 else [],
            wounded=list(base.wounded) if k == 0 else [],
            casualty_mentions=list(base.casualty_mentions) if k == 0 else [],
            reasons=list(base.reasons),
            extra_triggers=list(base.extra_triggers),
        )
        d.place = pm.value
        if len(view.places) > 1:
            d.reasons.append(f"one of {len(view.places)} places in the sentence: one event per place")
        drafts.append(d)
    return drafts
