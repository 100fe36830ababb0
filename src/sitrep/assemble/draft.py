"""The mutable event under construction, the drafts made so far in a document, and small edits to drafts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..model import Actor, CasualtyFigure, EventDate, Mention, Place, Trigger, Weapon

if TYPE_CHECKING:
    from spacy.tokens import Span


@dataclass(kw_only=True)
class Draft:
    """A mutable event under construction; frozen into an Event at the end."""

    trigger: Mention
    sentence: Span
    typed_trigger: Trigger
    extra_triggers: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    place: Place | None = None
    date: EventDate | None = None
    killed: list[CasualtyFigure] = field(default_factory=list)
    wounded: list[CasualtyFigure] = field(default_factory=list)
    casualty_mentions: list[Mention] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


# Sentence index of "no violent event yet": far enough back that no window reaches it.
NO_SENTENCE = -10


@dataclass
class DraftPlaces:
    """The drafts of a list that only grows, by place name (and disputed name) as positions, violent ones apart.

    A draft's place and kind are set before it joins the list and do not change while sentences are
    read, so each call indexes only the drafts appended since the last one.
    """

    indexed: int = 0
    violent: list[Draft] = field(default_factory=list)
    violent_by_name: dict[str, list[int]] = field(default_factory=dict)  # positions in ``violent``
    by_name: dict[str, list[int]] = field(default_factory=dict)  # positions in the whole list

    def update(self, drafts: Sequence[Draft]) -> None:
        for i in range(self.indexed, len(drafts)):
            d = drafts[i]
            names = _place_names(d.place)
            for name in names:
                self.by_name.setdefault(name, []).append(i)
            if d.typed_trigger.kind == "violent":
                for name in names:
                    self.violent_by_name.setdefault(name, []).append(len(self.violent))
                self.violent.append(d)
        self.indexed = len(drafts)


def _place_names(place: Place | None) -> tuple[str, ...]:
    if place is None:
        return ()
    if place.disputed and place.disputed != place.name:
        return (place.name, place.disputed)
    return (place.name,)


@dataclass(kw_only=True)
class DraftsSoFar:
    """What the sentences read so far have made; a sentence's decision reads it, applying it adds to it."""

    drafts: list[Draft] = field(default_factory=list)  # violent and material events
    verbal: list[Draft] = field(default_factory=list)
    last_violent: list[Draft] = field(default_factory=list)  # the drafts made by the latest violent sentence
    last_violent_sentence: int = NO_SENTENCE
    places: DraftPlaces = field(default_factory=DraftPlaces)  # ``drafts`` by place, for figures told apart


def unique_actors(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for a in actors:
        seen.setdefault(a.name, a)
    return list(seen.values())


def add_casualties(d: Draft, casualties: Sequence[Mention], reason: str | None = None) -> None:
    for m in casualties:
        fig: CasualtyFigure = m.value
        if reason:
            fig = replace(
                fig,
                count=replace(
                    fig.count, evidence=replace(fig.count.evidence, reason=fig.count.evidence.reason or reason)
                ),
            )
        (d.killed if fig.outcome == "killed" else d.wounded).append(fig)
        d.casualty_mentions.append(m)
