"""What kind of party an actor is, asked one way everywhere.

ACLED's inter codes as an enum, the PLOVER sectors that stand in for them when an actor has no code
(a raw organisation, a group the dictionary gives no ACLED role), and the tests that event typing,
assembly, the ACLED view and the exports ask of an actor: armed, civilian, state, crowd.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Actor


class Inter(IntEnum):
    """ACLED's actor type codes (`inter1`/`inter2`)."""

    STATE_FORCES = 1
    REBEL_GROUPS = 2
    POLITICAL_MILITIAS = 3
    IDENTITY_MILITIAS = 4
    RIOTERS = 5
    PROTESTERS = 6
    CIVILIANS = 7
    EXTERNAL_FORCES = 8


# Organised armed actors: the sides of a battle.
ARMED_INTERS = frozenset(
    {Inter.STATE_FORCES, Inter.REBEL_GROUPS, Inter.POLITICAL_MILITIAS, Inter.IDENTITY_MILITIAS, Inter.EXTERNAL_FORCES}
)
# People acting as a crowd.
CROWD_INTERS = frozenset({Inter.RIOTERS, Inter.PROTESTERS})
# Nobody organised to fight: crowds and civilians.
UNORGANISED_INTERS = CROWD_INTERS | {Inter.CIVILIANS}

# PLOVER sectors of people who bear arms: military, rebels, paramilitaries, unidentified armed
# forces, police, de facto state forces, organised crime.
ARMED_SECTORS = frozenset({"MIL", "REB", "PRM", "UAF", "COP", "PRE", "CRM"})
# PLOVER sectors of people who do not: civilians, refugees, press, medics, teachers, clergy,
# workers, farmers, business, civil society, the opposition.
UNARMED_SECTORS = frozenset({"CVL", "REF", "JRN", "MED", "EDU", "REL", "LAB", "AGR", "BUS", "SOC", "OPP"})
# PLOVER sectors of the state: its army, its police, its government.
STATE_SECTORS = frozenset({"MIL", "COP", "GOV"})


def is_armed(actor: Actor) -> bool:
    """An organised armed actor: by its inter code when it has one, else by its sector."""
    if actor.inter is not None:
        return actor.inter in ARMED_INTERS
    return actor.sector in ARMED_SECTORS


def is_civilian(actor: Actor) -> bool:
    """Civilians: by the inter code when there is one, else an unarmed sector."""
    if actor.inter is not None:
        return actor.inter == Inter.CIVILIANS
    return actor.sector in UNARMED_SECTORS


def is_coded_civilian(actor: Actor) -> bool:
    """Coded as civilians the ACLED way: the inter code, or an ACLED actor name for civilians. Narrower
    than :func:`is_civilian` (a raw organisation of an unarmed sector is no ACLED civilian actor), so
    the ACLED view still adds "Civilians (country)" as the victim of violence against an organisation."""
    return actor.inter == Inter.CIVILIANS or (actor.acled_name or "").startswith("Civilians")


def is_civilian_target(actor: Actor) -> bool:
    """Whether a recipient makes an event count as civilian targeting in the ACLED CSV: coded as
    civilians, or of the civilian sector whatever its code. Broader than :func:`is_civilian` (a crowd of
    civilians coded as rioters or protesters counts), which moves that column on 51 events of the ACLED
    notes when swapped, so the CSV keeps its own reading here."""
    return actor.inter == Inter.CIVILIANS or actor.sector == "CVL"


def is_state(actor: Actor) -> bool:
    """The state's own forces or government: by the inter code when there is one, else the sector."""
    if actor.inter is not None:
        return actor.inter == Inter.STATE_FORCES
    return actor.sector in STATE_SECTORS


def is_crowd(actor: Actor) -> bool:
    """Rioters or protesters."""
    return actor.inter in CROWD_INTERS
