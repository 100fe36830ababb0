"""What a sentence's event words are, decided as a value: a new event, an elaboration of the previous
violent event, a toll for an earlier event, or nothing new.

``decide`` reads a sentence's view and the drafts made so far; it changes nothing. The order of its
questions is the order of the rules: a protest told again, a toll, a word pointing back with nothing
told, an elaboration, and only then a new event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from ..model import Mention, PlacePrecision
from .draft import Draft, DraftsSoFar
from .families import has_flag
from .sentence_view import EventWords, SentenceView

# A generic word this many sentences or fewer after a violent event, with nothing of its own, elaborates it.
ELABORATION_SENTENCES = 2
# An event with no place of its own this many sentences or fewer after a violent event is near it.
PLACE_CARRY_SENTENCES = 3


class DecisionKind(Enum):
    NEW_EVENT = "new event"
    ELABORATION_POINTING_BACK = "elaboration pointing back"  # the word joins the previous violent event
    ELABORATION_WITH_ROLES = "elaboration with roles"  # the word joins it and lends it its roles
    TOLL_ONLY = "toll only"  # the sentence's figures go to an earlier event
    SKIP = "skip"


class PlaceSource(Enum):
    """Where a new event's place comes from when its sentence names none."""

    SENTENCE = "the sentence's own places, if any"
    PREVIOUS_EVENT = "carried from the previous violent event"
    LEFT_FOR_FOLDING = "left until the event is folded into another"
    TOLD_BEFORE = "the place named just before"


@dataclass(frozen=True, kw_only=True)
class Decision:
    kind: DecisionKind
    reason: str
    place_source: PlaceSource = PlaceSource.SENTENCE  # read for a new event only


def decide(view: SentenceView, so_far: DraftsSoFar) -> Decision:
    """The decision for one sentence, from its view and the drafts the sentences before it made."""
    words = view.event_words
    if words is None:
        return _figures_or_skip(view, so_far, "no event word survives with conflict support")
    drafts = so_far.drafts
    recent = bool(so_far.last_violent) and view.index - so_far.last_violent_sentence <= ELABORATION_SENTENCES
    own = view.has_own_args or bool(view.casualties)
    if (
        words.primary.value.family == "protest"
        and any(d.typed_trigger.family == "protest" for d in drafts)
        and not any(m.value.precision == PlacePrecision.TOWN for m in view.places)
        and not view.dates
    ):
        return _figures_or_skip(view, so_far, "the same demonstration told again")
    if words.unarmed_killing and so_far.last_violent and not _new_town(view.places, drafts):
        return Decision(kind=DecisionKind.TOLL_ONLY, reason="killing with no armed doer after a violent event")
    if words.claimed and not drafts:
        # "X claimed responsibility for the attack on Y" with no attack told: the claim is a verbal event
        return _figures_or_skip(view, so_far, "an act told only as what a claim or an accusation is about")
    if words.referring and words.generic and not drafts and not own:
        # "condemns the aggression" with nothing told: the verbal event is enough
        return Decision(kind=DecisionKind.SKIP, reason="a word pointing back at nothing told")
    if words.generic and not own and bool(drafts) and words.happened and (words.referring or recent):
        if words.referring:
            return Decision(kind=DecisionKind.ELABORATION_POINTING_BACK, reason="a generic word pointing back")
        return Decision(kind=DecisionKind.ELABORATION_WITH_ROLES, reason="a bare generic word after a violent event")
    return Decision(
        kind=DecisionKind.NEW_EVENT, reason="event words of its own", place_source=_place_source(view, words, so_far)
    )


def _figures_or_skip(view: SentenceView, so_far: DraftsSoFar, why: str) -> Decision:
    """No event of its own: figures it gives still go to an earlier event ("The victim died. 1 fatality.")."""
    if view.casualties and so_far.drafts:
        return Decision(kind=DecisionKind.TOLL_ONLY, reason=f"{why}; its figures go to an earlier event")
    return Decision(kind=DecisionKind.SKIP, reason=why)


def _place_source(view: SentenceView, words: EventWords, so_far: DraftsSoFar) -> PlaceSource:
    if view.places:
        return PlaceSource.SENTENCE
    near = bool(so_far.last_violent) and view.index - so_far.last_violent_sentence <= PLACE_CARRY_SENTENCES
    if near and not has_flag(words.primary.value.family, "generic"):
        return PlaceSource.PREVIOUS_EVENT
    if near:
        return PlaceSource.LEFT_FOR_FOLDING  # a generic word told after an event: its place comes when it is merged
    if view.place_told_before is not None:
        return PlaceSource.TOLD_BEFORE
    return PlaceSource.SENTENCE


def _new_town(places: Sequence[Mention], drafts: list[Draft]) -> bool:
    known = {d.place.name for d in drafts if d.place is not None}
    return any(m.value.precision == PlacePrecision.TOWN and m.value.name not in known for m in places)
