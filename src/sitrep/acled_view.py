"""The ACLED view of an extraction: which event stands for a document, and its ACLED-coded fields.

ACLED codes one event per day x place x actor pair. When a document reports several events, the
*primary* event is chosen by this rule (documented in docs/acled-view.md):

1. only events that happened and carry an ACLED event type;
2. violent events before material ones (a protest broken up by police is one Protest event, and
   the assembly already folds the intervention into it);
3. among violent events, ground taken (Government regains territory, Non-state actor overtakes
   territory) told in the lead (the first violent event's sentence) before the fighting or strikes
   it was taken in;
4. among those, the first in the text (news and event summaries lead with the main event).

A protest's sub-type depends on what was done to it, which reports often tell in the sentences
after the protest ("Police dispersed them"). The view folds that into the primary protest
(`fold_protest_response`); the event keeps a reason saying so.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Event, Extraction
from .resolve.event_types import participants_violent
from .resolve.event_words import (
    BRUTAL_FORCE,
    CLASH_WITH_POLICE,
    EXPLOSIONS,
    GATHERING_VIOLENT,
    INTERVENTION,
    LEGACY_ORDNANCE,
    LETHAL_FORCE,
    PROTESTS,
    RIOTS,
    SERIOUS_HARM,
    STRATEGIC,
)
from .resolve.wording import matches

KIND_ORDER = {"violent": 0, "material": 1}
# Battles that end with ground changing hands.
TERRITORY_TAKEN = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
# How far after the protest sentence a response is still read as this protest's (characters).
RESPONSE_WINDOW = 400
# Who may be the doers of violence told after a protest: the gathering, or what it burnt.
PARTICIPANTS = (
    r"protest[eo]rs|demonstrators|rioters|they|participants|inmates|prisoners|workers|residents|students|"
    r"the group|crowds?|(?:police\w*|officers|guards) (?:were|was) (?:pelted|stoned|attacked|assaulted|injured)|were (?:burnt|burned|set on fire|destroyed|vandali[sz]ed)"
)


def coded_events(extraction: Extraction) -> list[Event]:
    """The events ACLED would code from this report: they happened, have an ACLED type and are news
    (not recalled as background)."""
    return [e for e in extraction.events if coded(e)]


def coded(event: Event) -> bool:
    return event.happened and event.acled_type is not None and event.is_news


def _order(event: Event) -> tuple[int, int]:
    return KIND_ORDER.get(event.kind, 2), event.trigger.start


def _lead_territory(events: list[Event]) -> Event | None:
    """Ground taken, told in the sentence of the first violent event (or before it): ACLED codes a battle
    by its outcome, so it outranks the fighting or the strikes it was taken in. Ground taken only later in
    a report of killings is a detail of the fighting."""
    violent = [e for e in events if e.kind == "violent"]
    if not violent:
        return None
    lead_end = min(violent, key=lambda e: e.trigger.start).sentence.end
    taken = [e for e in violent if e.acled_subtype in TERRITORY_TAKEN and e.trigger.start < lead_end]
    return min(taken, key=lambda e: e.trigger.start) if taken else None


def primary_event(extraction: Extraction) -> Event | None:
    events = coded_events(extraction)
    if not events:
        return None
    # Protests outrank the violence done to them, as ACLED codes the intervention as a protest sub-type.
    legacy = fold_legacy_ordnance(extraction, min(events, key=_order))
    if legacy.acled_subtype == "Other":
        return legacy
    protests = [e for e in events if e.acled_type in (PROTESTS, RIOTS)]
    if protests and protests[0].trigger.start <= min(e.trigger.start for e in events) + 200:
        return fold_protest_response(extraction, protests[0])
    return _lead_territory(events) or min(events, key=_order)


# Words before a force word that make it the protest's grievance, not a response to the protest
# ("demanding the release of activists detained last week", "the arrested former president").
GRIEVANCE_BEFORE = re.compile(
    r"\b(?:(?:release|releasing|demand\w*|against|accus\w*|over|who (?:was|were|had been|have been|has been))\s+(?:\w+\s+){0,6}|"
    r"(?:the|a|an|previously|earlier)\s+)$",
    re.IGNORECASE,
)


# Violence done *to* the participants: force against the protest, not a riot by them.
FORCE_ON_PROTESTERS = (
    r"(?:attacked|assaulted|beat|beaten|stabbed|shot at|hit|pelted|set upon) (?:\w+ ){0,2}(?:the )?"
    r"(?:protest[eo]rs|demonstrators|participants|protest|rally|march|activists)|"
    r"(?:protest[eo]rs|demonstrators|participants|activists) (?:were|was|had been) (?:\w+ )?(?:attacked|assaulted|beaten|stabbed)"
)


# Who a later sentence's arrest or dispersal must concern to be the protest's: not "she was detained
# over a fraud case", the grievance told again.
GATHERING = (
    r"protest\w*|demonstrat\w*|participants|rall(?:y|ies)|\b(?:a|the) march\b|march(?:ed|ers|es|ing)\b|"
    r"crowds?|gathering|sit-in|picket\w*|"
    r"\bthey\b|\bthem\b|strikers|activists"
)


# A relative clause telling what someone did or had done: ", who attacked ...", "who had been arrested ...";
# not ", which turned into clashes": that tells what the gathering became.
RETOLD_CLAUSE = re.compile(r",\s*(?:who|whom)\b[^,.;]*|\b(?:who|which|that)\s+(?:had|has|have)\b[^,.;]*", re.IGNORECASE)
# A later sentence about one person's arrest, told as the case behind the protest.
GRIEVANCE_RETOLD = r"^\s*(?:He|She)\b|in connection with|on an? (?:\w+ )?charges?\b"


def told_as_response(words: str, text: str) -> bool:
    """Whether `words` occur in `text` as something done to the protest, not as its grievance."""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if not re.search(GATHERING, sentence, re.IGNORECASE) and re.search(GRIEVANCE_RETOLD, sentence):
            continue
        for m in re.finditer(rf"\b(?:{words})\b", sentence, re.IGNORECASE):
            if not GRIEVANCE_BEFORE.search(sentence[max(0, m.start() - 80) : m.start()]):
                return True
    return False


def fold_protest_response(extraction: Extraction, event: Event) -> Event:
    """A peaceful protest whose following sentences tell of force used on it takes the matching sub-type.

    A protest already known to be broken up (its arrests told with it) is still read for the
    participants' own violence, which makes it a riot whatever was done to it."""
    if event.acled_type != PROTESTS or event.acled_subtype not in ("Peaceful protest", "Protest with intervention"):
        return event
    text = extraction.document.text
    after = text[event.sentence.end : event.sentence.end + RESPONSE_WINDOW]
    if not after.strip():
        return event
    # what relative clauses tell of someone ("the villagers, who attacked ...", "who had been arrested
    # after the clashes") is the grievance's story, not the gathering's own violence
    own = RETOLD_CLAUSE.sub(" ", after)
    if not matches(FORCE_ON_PROTESTERS, after) and (
        (participants_violent(own, None) and matches(PARTICIPANTS, own)) or matches(GATHERING_VIOLENT, own)
    ):
        return replace(
            event,
            acled_type=RIOTS,
            acled_subtype="Violent demonstration",
            kind="violent",
            reasons=event.reasons + ("violence by the participants told after the protest",),
        )
    if event.acled_subtype != "Peaceful protest":
        if (
            not matches(FORCE_ON_PROTESTERS, after)
            and not matches(LETHAL_FORCE, after)
            and matches(CLASH_WITH_POLICE, own)
        ):
            return replace(
                event,
                acled_type=RIOTS,
                acled_subtype="Violent demonstration",
                kind="violent",
                reasons=event.reasons + ("the participants clashed with the police",),
            )
        return event
    if matches(LETHAL_FORCE, after):
        subtype, reason = "Excessive force against protesters", "lethal force told after the protest"
    elif (matches(FORCE_ON_PROTESTERS, after) and matches(SERIOUS_HARM, after)) or (
        told_as_response(INTERVENTION, after) and matches(BRUTAL_FORCE, after)
    ):
        subtype, reason = (
            "Excessive force against protesters",
            "protesters attacked and seriously hurt, or force on them told as brutal",
        )
    elif matches(FORCE_ON_PROTESTERS, after):
        subtype, reason = "Protest with intervention", "protesters attacked after the protest began"
    elif matches(CLASH_WITH_POLICE, own):
        return replace(
            event,
            acled_type=RIOTS,
            acled_subtype="Violent demonstration",
            kind="violent",
            reasons=event.reasons + ("the participants clashed with the police",),
        )
    elif told_as_response(INTERVENTION, after):
        subtype, reason = "Protest with intervention", "intervention told after the protest"
    else:
        return event
    return replace(event, acled_subtype=subtype, reasons=event.reasons + (reason,))


def fold_legacy_ordnance(extraction: Extraction, event: Event) -> Event:
    """An explosion of ordnance left from an earlier war (a landmine stepped on by accident) is no attack:
    ACLED codes it as Strategic developments / Other. The cue may sit in another sentence of the report."""
    if event.acled_type != EXPLOSIONS or not matches(LEGACY_ORDNANCE, extraction.document.text):
        return event
    return replace(
        event,
        acled_type=STRATEGIC,
        acled_subtype="Other",
        kind="material",
        reasons=event.reasons + ("ordnance left from an earlier war: coded as Other",),
    )


def fatalities(event: Event) -> int:
    """ACLED's conservative figure for the event's killed (docs/casualty-rules.md)."""
    from .resolve.quantities import acled_fatalities

    return acled_fatalities(event.killed.total if event.killed else None)
