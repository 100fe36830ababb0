"""From a trigger and its context to PLOVER event + modes and ACLED event type + sub-event type.

The rules follow the codebooks (see docs/event-types.md): the trigger's family gives the default,
weapons decide between the Explosions/Remote violence sub-types, the sides decide between Battles
and Violence against civilians, and force used against a protest decides between the three
Protests sub-types.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Actor, Trigger, Weapon

EXPLOSIONS = "Explosions/Remote violence"
BATTLES = "Battles"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

ARMED_INTERS = frozenset({1, 2, 3, 4, 8})
UNARMED_SECTORS = frozenset({"CVL", "REF", "JRN", "MED", "EDU", "REL", "LAB", "AGR", "BUS", "SOC"})

INTERVENTION_WORDS = (
    "dispers", "tear gas", "teargas", "rubber bullet", "water cannon", "baton", "arrest", "detain",
    "broke up", "break up", "crackdown", "cracked down", "pepper spray", "stun grenade",
)
EXCESSIVE_FORCE_WORDS = ("live ammunition", "live fire", "live rounds", "opened fire on protest", "shot dead", "killed")
RIOT_WORDS = (
    "stone", "rock", "petrol bomb", "molotov", "torched", "set fire", "burned", "burnt", "vandal",
    "clashed with police", "clashed with security", "clash with police", "looted", "smashed", "violent",
)


@dataclass(frozen=True, kw_only=True, slots=True)
class Typed:
    kind: str
    plover: str
    modes: tuple[str, ...]
    acled_type: str | None
    acled_subtype: str | None
    reason: str | None = None


def _armed(actor: Actor) -> bool:
    if actor.inter is not None:
        return actor.inter in ARMED_INTERS
    return actor.sector in {"MIL", "REB", "PRM", "UAF", "COP", "PRE"}


def _civilian(actor: Actor) -> bool:
    return actor.inter == 7 or actor.sector in UNARMED_SECTORS


def _remote_subtype(weapons: tuple[Weapon, ...], family: str) -> tuple[str | None, str | None]:
    names = {w.name for w in weapons}
    modes = {w.mode for w in weapons}
    if "suicide-attack" in modes or family == "suicide":
        return "Suicide bomb", None
    if "unconventional" in modes:
        return "Chemical weapon", None
    if family == "airstrike":
        return "Air/drone strike", None
    if family == "shelling":
        return "Shelling/artillery/missile attack", None
    if "grenade" in names:
        return "Grenade", None
    if names & {"ied", "landmine", "car bomb", "explosive device", "roadside bomb", "mine"}:
        return "Remote explosive/landmine/IED", None
    if "heavy-weapons" in modes and modes & {"aerial", "drone"}:
        return "Shelling/artillery/missile attack", "artillery and aircraft both named: coded as shelling"
    if "heavy-weapons" in modes:
        return "Shelling/artillery/missile attack", None
    if modes & {"aerial", "drone"}:
        return "Air/drone strike", None
    if family == "explosion" or "explosives" in modes:
        return "Remote explosive/landmine/IED", None
    if family == "bombard":
        return "Shelling/artillery/missile attack", "bombardment without a named weapon: coded as shelling"
    return None, None


def classify(
    trigger: Trigger,
    *,
    weapons: tuple[Weapon, ...],
    actors: tuple[Actor, ...],
    recipients: tuple[Actor, ...],
    sentence: str,
    killed: bool,
) -> Typed:
    family = trigger.family
    modes = tuple(dict.fromkeys(trigger.modes + tuple(w.mode for w in weapons if trigger.plover == "ASSAULT")))
    low = sentence.lower()
    if trigger.kind == "verbal":
        return Typed(kind="verbal", plover=trigger.plover, modes=trigger.modes, acled_type=None, acled_subtype=None)
    if family == "protest":
        if killed or any(w in low for w in EXCESSIVE_FORCE_WORDS if w != "killed") or (
            killed and any(_armed(a) for a in actors)
        ):
            return Typed(kind="material", plover="PROTEST", modes=("demo",), acled_type=PROTESTS,
                         acled_subtype="Excessive force against protesters")
        if any(w in low for w in RIOT_WORDS):
            return Typed(kind="violent", plover="PROTEST", modes=("riot",), acled_type=RIOTS,
                         acled_subtype="Violent demonstration", reason="protest with violence by participants")
        if any(w in low for w in INTERVENTION_WORDS):
            return Typed(kind="material", plover="PROTEST", modes=("demo",), acled_type=PROTESTS,
                         acled_subtype="Protest with intervention")
        return Typed(kind="material", plover="PROTEST", modes=("demo",), acled_type=PROTESTS, acled_subtype="Peaceful protest")
    if family == "riot":
        return Typed(kind="violent", plover="PROTEST", modes=("riot",), acled_type=RIOTS, acled_subtype="Violent demonstration")
    if family == "mob":
        return Typed(kind="violent", plover="ASSAULT", modes=modes, acled_type=RIOTS, acled_subtype="Mob violence")
    if family == "arrest":
        return Typed(kind="material", plover="COERCE", modes=("arrest",), acled_type=STRATEGIC, acled_subtype="Arrests")
    if family == "loot":
        return Typed(kind="material", plover="ASSAULT", modes=("destroy",), acled_type=STRATEGIC,
                     acled_subtype="Looting/property destruction")
    if family == "disrupt":
        return Typed(kind="material", plover="COERCE", modes=("seize",), acled_type=STRATEGIC,
                     acled_subtype="Disrupted weapons use")
    if family == "withdraw":
        return Typed(kind="material", plover="RETREAT", modes=("withdraw",), acled_type=STRATEGIC,
                     acled_subtype="Non-violent transfer of territory")
    if family == "base":
        return Typed(kind="material", plover="MOBILIZE", modes=("troops",), acled_type=STRATEGIC,
                     acled_subtype="Headquarters or base established")
    if family == "mobilize":
        return Typed(kind="material", plover="MOBILIZE", modes=("troops",), acled_type=STRATEGIC,
                     acled_subtype="Change to group/activity")
    if family == "capture":
        state = any(a.inter == 1 or a.sector in {"MIL", "GOV"} for a in actors)
        return Typed(kind="violent", plover="ASSAULT", modes=modes, acled_type=BATTLES,
                     acled_subtype="Government regains territory" if state else "Non-state actor overtakes territory")
    if family == "abduct":
        return Typed(kind="violent", plover="ASSAULT", modes=modes, acled_type=VAC, acled_subtype="Abduction/forced disappearance")
    if family == "sexual":
        return Typed(kind="violent", plover="ASSAULT", modes=modes, acled_type=VAC, acled_subtype="Sexual violence")
    # The remaining violent families: attack, shelling, airstrike, clash, explosion, suicide, beat.
    remote, reason = _remote_subtype(weapons, family)
    if remote is not None:
        return Typed(kind="violent", plover="ASSAULT", modes=modes, acled_type=EXPLOSIONS, acled_subtype=remote, reason=reason)
    civilians_hit = any(_civilian(r) for r in recipients)
    armed_sides = [a for a in actors + recipients if _armed(a)]
    if family == "clash" or (len({a.name for a in armed_sides}) >= 2 and not civilians_hit):
        return Typed(kind="violent", plover="ASSAULT", modes=modes or ("firearms",), acled_type=BATTLES, acled_subtype="Armed clash")
    if civilians_hit or not recipients:
        reason = None if civilians_hit else "no armed opponent named: coded as an attack on civilians"
        return Typed(kind="violent", plover="ASSAULT", modes=modes, acled_type=VAC, acled_subtype="Attack", reason=reason)
    return Typed(kind="violent", plover="ASSAULT", modes=modes, acled_type=BATTLES, acled_subtype="Armed clash",
                 reason="armed recipient: coded as a clash")
