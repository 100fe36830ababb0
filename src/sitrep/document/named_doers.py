"""The doer a report names once for all its violence: "militants", named in the lead, are the group the
report names further down ("the group claimed responsibility", "the cartel's birthplace").

An ACLED coder reads the whole report: violence whose sentence names no doer, or only a generic one
("militants", "insurgents", "the attackers"), is coded to the one non-state armed group the report
names, when it names exactly one. A doer the text calls unidentified or unknown, in any telling of
the event, stays so, and so does every event of a report that names two groups or none. The group filled in keeps the evidence of
its own mention, with the reason.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..actor_kinds import Inter, is_armed
from ..model import Actor, Event
from ..registry import document_stage

if TYPE_CHECKING:
    from ..annotated import Annotated

NAME = "doers.document.v1"
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# Non-state armed groups: rebels, political and identity militias.
GROUP_INTERS = frozenset({Inter.REBEL_GROUPS, Inter.POLITICAL_MILITIAS, Inter.IDENTITY_MILITIAS})
# Words that say the text does not know who did it: such a doer stays unidentified.
UNKNOWN_WORDS = ("unidentified", "unknown", "suspected", "unnamed")
REASON = "the one armed group the report names: the doer its sentence leaves generic"


@document_stage(NAME, requires=("events",), assigns=("doers",))
def fill_named_doers(annotated: Annotated, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """Violence with no doer or a generic one takes the report's only named armed group (see the module)."""
    group = _only_group(annotated)
    if group is None:
        return events
    return tuple(_filled(e, group) for e in events)


def _only_group(annotated: Annotated) -> Actor | None:
    """The report's one named non-state armed group, or None when it names none or several."""
    found: dict[str, Actor] = {}
    for m in annotated.of("actor"):
        a = m.value
        if not isinstance(a, Actor) or a.raw or not a.acled_name or a.inter not in GROUP_INTERS:
            continue
        if _generic(a):
            continue
        found.setdefault(a.acled_name, a)
    return next(iter(found.values())) if len(found) == 1 else None


def _generic(actor: Actor) -> bool:
    """A role without a name ("militants" coded "Unidentified Armed Group (X)")."""
    return (actor.acled_name or "").startswith("Unidentified")


def _stays_unknown(actor: Actor) -> bool:
    low = actor.evidence.text.lower()
    return any(w in low for w in UNKNOWN_WORDS)


def _filled(event: Event, group: Actor) -> Event:
    if event.acled_type not in VIOLENT_TYPES or not event.happened:
        return event
    if any(a.acled_name == group.acled_name for a in event.actors + event.recipients):
        return event
    if any(w in t.text.lower() for t in (event.sentence, *event.mentions) for w in UNKNOWN_WORDS[:2]):
        return event  # another telling calls the doer unidentified
    doer = replace(group, evidence=replace(group.evidence, stage=NAME, reason=REASON))
    if not event.actors:
        if any(is_armed(r) and not r.raw and not _generic(r) and r.inter in GROUP_INTERS for r in event.recipients):
            return event  # a named group on the other side: who acted is not the report's group
        return replace(event, actors=(doer,), reasons=(*event.reasons, REASON))
    sides = {"actors": event.actors, "recipients": event.recipients}
    for side, actors in sides.items():
        generic = [a for a in actors if _generic(a) and a.inter in GROUP_INTERS and not _stays_unknown(a)]
        if generic:
            kept = tuple(doer if a is generic[0] else a for a in actors if a is generic[0] or a not in generic)
            return replace(event, **{side: kept}, reasons=(*event.reasons, REASON))  # type: ignore[arg-type]
    return event
