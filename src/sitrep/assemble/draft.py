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


@dataclass(kw_only=True)
class DraftsSoFar:
    """What the sentences read so far have made; a sentence's decision reads it, applying it adds to it."""

    drafts: list[Draft] = field(default_factory=list)  # violent and material events
    verbal: list[Draft] = field(default_factory=list)
    last_violent: list[Draft] = field(default_factory=list)  # the drafts made by the latest violent sentence
    last_violent_sentence: int = NO_SENTENCE


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
