"""The ACLED view of an extraction: which event stands for a document, and its ACLED-coded fields.

ACLED codes one event per day x place x actor pair. When a document reports several events, the
*primary* event is chosen by this rule (documented in docs/acled-view.md):

1. only events that happened and carry an ACLED event type;
2. violent events before material ones (a protest broken up by police is one Protest event, and
   the assembly already folds the intervention into it);
3. among those, the first in the text (news and event summaries lead with the main event).
"""

from __future__ import annotations

from .model import Actor, Event, Extraction

KIND_ORDER = {"violent": 0, "material": 1}


def coded_events(extraction: Extraction) -> list[Event]:
    return [e for e in extraction.events if e.happened and e.acled_type is not None]


def primary_event(extraction: Extraction) -> Event | None:
    events = coded_events(extraction)
    if not events:
        return None
    # Protests outrank the violence done to them, as ACLED codes the intervention as a protest sub-type.
    protests = [e for e in events if e.acled_type in ("Protests", "Riots")]
    if protests and protests[0].trigger.start <= min(e.trigger.start for e in events) + 200:
        return protests[0]
    return min(events, key=lambda e: (KIND_ORDER.get(e.kind, 2), e.trigger.start))


def actor_name(actor: Actor) -> str:
    return actor.acled_name or actor.name


def fatalities(event: Event) -> int:
    """ACLED's conservative figure for the event's killed (docs/casualty-rules.md)."""
    from .resolve.quantities import acled_fatalities

    return acled_fatalities(event.killed.total if event.killed else None)
