"""Protests and riots: what a gathering is about (its grievance), what was done at it, and the
Protests and Riots sub-event types that follow."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...actor_kinds import is_armed
from ...model import Actor
from ..event_words import (
    ARMED_AGENT,
    BLOCKADE,
    CLASH_WITH_POLICE,
    CROWD_SIDE,
    DISRUPTION,
    GRIEVANCE,
    INTERVENTION,
    LETHAL_FORCE,
    LINKED_TO_PROTESTS,
    PARTICIPANT_VIOLENCE,
    PROTEST_CONTEXT,
    PROTESTS,
    RIOTS,
)
from ..wording import matches, whole_words
from .typed import Typed

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


GRIEVANCE_HEADS = frozenset(
    {
        "against",
        "over",
        "for",
        "about",
        "after",
        "following",
        "of",
        "accuse",
        "demand",
        "denounce",
        "condemn",
        "protest",
        "blame",
        "reject",
        "release",
    }
)


def in_grievance(token: Token) -> bool:
    """Whether a word sits in what a protest is about ("against the arrest of men who hurled stones")."""
    for anc in token.ancestors:
        if anc.lemma_.lower() in GRIEVANCE_HEADS and anc.dep_ != "ROOT":
            return True
        if anc.dep_ == "relcl" and anc.head.dep_ == "pobj":
            return (
                True  # told of someone the gathering is with or for: "in solidarity with a teenager, who was assaulted"
            )
        if anc.dep_ == "ROOT":
            return False
    return False


def in_grievance_at(context: Span | None, span: tuple[int, int] | None) -> bool:
    if context is None or span is None:
        return False
    found = context.doc.char_span(span[0], span[1], alignment_mode="expand")
    return found is not None and in_grievance(found.root)


def _armed_doer_before(sentence: str, at: int) -> bool:
    """Whether an armed agent is named just before position `at` ("Israeli forces stormed")."""
    found = re.search(rf"\b(?:{ARMED_AGENT})((?: \w+){{0,2}}) *$", sentence[max(0, at - 40) : at], re.IGNORECASE)
    return found is not None and not matches(CROWD_SIDE + r"|they|who|said|says|say|reported|claimed", found.group(1))


def told_as_act(words: str, sentence: str, context: Span | None, skip_armed_doer: bool = False) -> bool:
    """Whether `words` occur as something done at the gathering, not in its grievance ("demanding the
    release of the arrested activists") nor as a modifier ("the detained director"); needs the parse."""
    found = list(whole_words(words).finditer(sentence))
    if skip_armed_doer:
        # neither "forces stormed ..." nor "two of them were attacked by a man with a knife"
        found = [
            m
            for m in found
            if not _armed_doer_before(sentence, m.start()) and not re.match(r"\s+by\b", sentence[m.end() :])
        ]
    if not found:
        return False
    if context is None or context.text != sentence:
        return True
    doc = context.doc
    for m in found:
        span = doc.char_span(context.start_char + m.start(), context.start_char + m.end(), alignment_mode="expand")
        if span is None:
            return True
        root = span.root
        if root.dep_ == "amod" or in_grievance(root):
            continue
        return True
    return False


def participants_violent(sentence: str, context: Span | None) -> bool:
    """Violence by the gathering itself; "forces stormed the town and dispersed the march" is force on it."""
    return told_as_act(PARTICIPANT_VIOLENCE, sentence, context, skip_armed_doer=True)


def protest_typed(sentence: str, actors: tuple[Actor, ...], killed: bool, context: Span | None = None) -> Typed:
    lethal = told_as_act(LETHAL_FORCE, sentence, context) or (
        killed and any(is_armed(a) for a in actors) and matches(r"shot|fired|opened fire|gunfire|bullets", sentence)
    )
    # Violence by the participants makes a riot whatever force met it (ACLED keeps excessive force
    # for peaceful gatherings).
    clash = matches(r"rioters", sentence) or told_as_act(
        CLASH_WITH_POLICE, sentence, context
    )  # not a clash in the grievance
    if (participants_violent(sentence, context) or clash) and not matches(r"peaceful(?:ly)?", sentence):
        return Typed.violent_demonstration("protest with violence by participants")
    if lethal:
        return Typed(
            kind="material",
            plover="PROTEST",
            modes=("demo",),
            acled_type=PROTESTS,
            acled_subtype="Excessive force against protesters",
        )
    if told_as_act(INTERVENTION, sentence, context):
        return Typed(
            kind="material",
            plover="PROTEST",
            modes=("demo",),
            acled_type=PROTESTS,
            acled_subtype="Protest with intervention",
        )
    return Typed(
        kind="material", plover="PROTEST", modes=("demo",), acled_type=PROTESTS, acled_subtype="Peaceful protest"
    )


def riot_typed(sentence: str, modes: tuple[str, ...], reason: str | None = None, after: str = "") -> Typed:
    """Violence by an unorganised crowd: a violent demonstration if it voices a grievance or disrupts
    (burning tyres, blocking roads), else mob violence (a crowd attacking people)."""
    if matches(PROTEST_CONTEXT + "|" + DISRUPTION + "|" + GRIEVANCE + "|" + BLOCKADE, sentence) or matches(
        LINKED_TO_PROTESTS, after
    ):
        return Typed.violent_demonstration(reason)
    return Typed.assault(modes or ("primitive",), RIOTS, "Mob violence", reason=reason)
