"""Rules shared by several families, tried by each family's typing rule before its own.

Each guard gives a type when its condition holds, else None. A family's rule (in :mod:`.rules`)
lists the guards it applies, in this order: search raid, shot-down aircraft, stopped weapon, own
blast, warning shots, air defences, violence as a protest's grievance, crowd control, sexual violence, property alone.
"""

from __future__ import annotations

from ..event_words import (
    ARMS,
    BATTLES,
    CROWD_AIMED,
    CROWD_CONTROL,
    DETAINED,
    HARMED,
    MANNED_AIRCRAFT,
    OWN_BLAST,
    PERSONAL_HARM,
    SEXUAL,
    STOPPED_WEAPON,
    VAC,
    WARNING_FIRE,
)
from ..keyed_words import SEARCH_RAIDS
from ..wording import matches
from .means import next_sentences, property_only
from .parties import crowd_agent, non_state_doers
from .protest import in_grievance_at, protest_typed
from .typed import Case, Typed


def search_raid(case: Case) -> Typed | None:
    if crowd_agent(case.sentence, case.trigger, case.actors):
        return None  # a crowd storming a building is no search raid by the state, whoever is arrested after
    if (
        SEARCH_RAIDS.names(case.family, case.trigger.lemma)
        and not case.killed
        and not non_state_doers(case.actors)
        and matches(DETAINED, case.sentence + " " + next_sentences(case.context, 1))
        and not matches(HARMED, case.sentence)
    ):
        # "a search and arrest campaign ... During the raid, ten men were arrested": a raid by the state
        # that ends in detentions, with no one harmed, is told for its arrests
        return Typed.strategic("COERCE", ("arrest",), "Arrests", "a raid whose outcome is arrests, no one harmed")
    if (
        SEARCH_RAIDS.names(case.family, case.trigger.lemma)
        and not case.killed
        and not non_state_doers(case.actors)
        and matches(WEAPONS_SEIZED, case.sentence)
        and not matches(HARMED, case.sentence)
    ):
        # "police seized eight guns and 500 bullets following a raid on the house": told for the weapons taken
        return Typed.strategic(
            "COERCE", ("seize",), "Disrupted weapons use", "a raid whose outcome is weapons seized, no one harmed"
        )
    return None


# Weapons taken in a search ("seized a huge amount of weapons", "recovered two rifles").
WEAPONS_SEIZED = (
    r"(?:seiz\w*|confiscat\w*|recover\w*|impound\w*|discover\w*|found|unearth\w*) (?:[\w,.-]+ ){0,5}?(?:\w+-)?(?:"
    + ARMS
    + r"|pistols?|bullets|firearms?)"
)


def shot_down_aircraft(case: Case) -> Typed | None:
    if (
        matches(r"shot down|downed", case.sentence)
        and matches(r"(?:shot down|downed) (?:[\w-]+ ){0,4}(?:" + MANNED_AIRCRAFT + ")", case.sentence)
        and not matches(r"drones?|uavs?|unmanned", case.sentence)
    ):
        return Typed.assault(
            case.modes, BATTLES, "Armed clash", reason="a manned aircraft shot down: fighting between armed sides"
        )
    return None


_STOPPED = Typed.strategic("COERCE", ("seize",), "Disrupted weapons use", "the weapon was stopped before it did harm")


# Air defences as the doer: what they destroy or hit is drones or missiles in flight, not a strike of theirs.
AIR_DEFENCE = r"air[- ]defen[cs]es?|anti-?aircraft|interceptors?|iron dome|missile defen[cs]es?"


# Weapons in flight destroyed ("20 of the drones were destroyed"), not the ground they are fired from.
_IN_FLIGHT = r"(?:drones?|uavs?|missiles?|rockets?|targets|launches)(?! launchers?| launch\w*| depots?| factor\w*| sites?| bases?)"
IN_FLIGHT_DESTROYED = (
    r"(?:destroy\w*|shot down|downed|intercept\w*|neutrali[sz]\w*) (?:[\w-]+ ){0,3}?" + _IN_FLIGHT + "|"
    r"(?:"
    + _IN_FLIGHT
    + r"|of them) (?:were|was|had been|have been) (?:\w+ )?(?:destroyed|downed|intercepted|shot down)"
)


def air_defence(case: Case) -> Typed | None:
    """Air defences named just before the event word ("air defence destroyed 20 drones"), or drones and
    missiles told as destroyed in flight."""
    if case.context is None or case.trigger_span is None:
        return None
    before = case.sentence[: max(0, case.trigger_span[0] - case.context.start_char)]
    in_flight = matches(r"destroy\w*|downed|shot", case.trigger.lemma) and matches(IN_FLIGHT_DESTROYED, case.sentence)
    if matches(AIR_DEFENCE, before[-60:]) or in_flight:
        return Typed.strategic(
            "COERCE", ("seize",), "Disrupted weapons use", "air defences stopped the weapons in flight"
        )
    return None


def stopped_weapon(case: Case) -> Typed | None:
    return _STOPPED if not case.killed and matches(STOPPED_WEAPON, case.sentence) else None


def own_blast(case: Case) -> Typed | None:
    """A blast that hurt only those handling the explosives: the weapon stopped itself."""
    return _STOPPED if matches(OWN_BLAST, case.sentence) else None


def warning_shots(case: Case) -> Typed | None:
    if not case.killed and matches(WARNING_FIRE, case.sentence):
        return Typed.strategic("THREATEN", (), "Other", "warning shots with no target: a strategic development")
    return None


def violence_as_grievance(case: Case) -> Typed | None:
    if matches(r"protest\w*|demonstrat\w*|rall(?:y|ies)|picket\w*|sit-ins?|vigils?", case.sentence) and in_grievance_at(
        case.context, case.trigger_span
    ):
        # "protested against the clashes on the front line": the violence is what the protest is about.
        return protest_typed(case.sentence, case.actors, case.killed, case.context)
    return None


def crowd_control(case: Case) -> Typed | None:
    if matches(CROWD_CONTROL, case.sentence) and matches(CROWD_AIMED, case.sentence):
        # "police fired tear gas and rubber bullets at the crowd": force on a gathering, typed as a protest's
        return protest_typed(case.sentence, case.actors, case.killed, case.context)
    return None


def sexual_violence(case: Case) -> Typed:
    return Typed.assault(case.modes, VAC, "Sexual violence")


def sexual_words(case: Case) -> Typed | None:
    return sexual_violence(case) if matches(SEXUAL, case.sentence) else None


# Buildings pulled down by the authorities or forces: ACLED's property destruction.
DEMOLITION = r"demolish\w*|demolition\w*|bulldoz\w*|razed|raz(?:e|ing) (?:\w+ ){0,2}(?:houses|homes|buildings|village)"


def demolition(case: Case) -> Typed | None:
    """Houses demolished in a raid with no one hurt: the destruction of property is the event."""
    if (
        not case.killed
        and matches(DEMOLITION, case.sentence)
        and not matches(PERSONAL_HARM + r"|shot|fired", case.sentence)
    ):
        return Typed.strategic(
            "ASSAULT", ("destroy",), "Looting/property destruction", "buildings demolished, no one hurt"
        )
    return None


def property_alone(case: Case) -> Typed | None:
    if (
        not case.killed
        and property_only(case.sentence, case.trigger, case.actors, case.weapons)
        and not crowd_agent(case.sentence, case.trigger, case.actors)
    ):
        return Typed.strategic(
            "ASSAULT", ("destroy",), "Looting/property destruction", "only property was harmed: a strategic development"
        )
    return None
