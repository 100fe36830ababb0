"""The typed event a typing rule returns, and the case it reads (the trigger and its context)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...model import Actor, Trigger, Weapon
from ..event_words import RIOTS, STRATEGIC

if TYPE_CHECKING:
    from spacy.tokens import Span


@dataclass(frozen=True, kw_only=True, slots=True)
class Typed:
    kind: str
    plover: str
    modes: tuple[str, ...]
    acled_type: str | None
    acled_subtype: str | None
    reason: str | None = None

    @classmethod
    def strategic(cls, plover: str, modes: tuple[str, ...], subtype: str, reason: str | None = None) -> Typed:
        """A Strategic development of this ACLED sub-event type."""
        return cls(
            kind="material", plover=plover, modes=modes, acled_type=STRATEGIC, acled_subtype=subtype, reason=reason
        )

    @classmethod
    def violent_demonstration(cls, reason: str | None = None) -> Typed:
        """A demonstration whose participants used violence (ACLED's Riots)."""
        return cls(
            kind="violent",
            plover="PROTEST",
            modes=("riot",),
            acled_type=RIOTS,
            acled_subtype="Violent demonstration",
            reason=reason,
        )

    @classmethod
    def assault(cls, modes: tuple[str, ...], acled_type: str, subtype: str, reason: str | None = None) -> Typed:
        """A violent PLOVER ASSAULT of this ACLED type and sub-event type."""
        return cls(
            kind="violent", plover="ASSAULT", modes=modes, acled_type=acled_type, acled_subtype=subtype, reason=reason
        )


@dataclass(frozen=True, kw_only=True, slots=True)
class Case:
    """One event to type: its trigger, the modes it carries (the trigger's and its weapons'), and
    what its sentence names. ``context`` is the parsed sentence and ``trigger_span`` the trigger's
    character offsets in the document, for rules that need the parse; both may be missing."""

    trigger: Trigger
    modes: tuple[str, ...]
    weapons: tuple[Weapon, ...]
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    sentence: str
    killed: bool
    context: Span | None = None
    trigger_span: tuple[int, int] | None = None

    @property
    def family(self) -> str:
        return self.trigger.family


# A family's typing rule always gives a type; a guard gives one only when its condition holds.
TypingRule = Callable[[Case], Typed]
Guard = Callable[[Case], "Typed | None"]


def first_of(case: Case, guards: tuple[Guard, ...]) -> Typed | None:
    """The type given by the first guard, in order, whose condition holds."""
    for guard in guards:
        typed = guard(case)
        if typed is not None:
            return typed
    return None
