"""Violent events (attack, clash, beat, shelling, bombard, airstrike, explosion, suicide): Battles,
Violence against civilians, Explosions/Remote violence or Riots, from who fought whom with what.

The steps are tried in order, each on the facts read once from the sentence (:class:`Scene`); the
first that applies gives the type. They follow the ACLED definitions: Battles need two organised
armed sides; Violence against civilians is an organised armed actor harming unarmed people; Riots
are unorganised crowds; Explosions/Remote violence leaves the target unable to respond.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...actor_kinds import Inter, is_armed
from ...model import Actor, Trigger, Weapon
from ..event_words import (
    AIR_SUPPORT,
    AREA_TARGET,
    BATTLES,
    BOMBER_ENGAGED,
    CEASEFIRE,
    CROWD_SIDES,
    CROWD_VS_POLICE,
    DRUG_TRADE_PAST,
    DRUG_TRADE_PERSON,
    EXCHANGE,
    EXPLOSIONS,
    FIGHTING,
    IN_CUSTODY,
    NON_STATE_FIGHTERS,
    ORGANISED_FIGHTERS,
    STANDOFF_WEAPONS,
    TWO_WAY,
    VAC,
)
from ..wording import matches
from .means import chemical_agent_used, light_arms, remote_subtype
from .parties import (
    crowd_agent,
    doer_phrase,
    killed_civilians,
    people_against_forces,
    sides_text,
    target_text,
    unarmed_doers,
    victims_of,
    without_doers,
)
from .protest import riot_typed
from .typed import Case, Typed


@dataclass(frozen=True, kw_only=True, slots=True)
class Scene:
    """What the steps read: the case, the text after it, and the facts about the fight told."""

    trigger: Trigger
    modes: tuple[str, ...]
    weapons: tuple[Weapon, ...]
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    sentence: str
    after: str  # the next sentences, when a step may read them
    victims: str | None  # "armed", "civilian" or None
    firearms: bool  # a firearm among the weapons
    small_arms_fight: bool  # small arms fired, and not said to be secondary
    exchange: bool  # a clash word, or an exchange of fire told
    answered: bool  # fire returned, told in the sentence or the next ones
    doers: str  # the words naming who did it, from the parse ("Russian warplanes"); empty when not read

    @property
    def family(self) -> str:
        return self.trigger.family

    def typed(self, acled_type: str, subtype: str, reason: str | None = None, default: str | None = None) -> Typed:
        """A violent ASSAULT with this scene's modes (``default`` when there are none)."""
        modes = self.modes or ((default,) if default else ())
        return Typed.assault(modes, acled_type, subtype, reason=reason)


def _scene(case: Case, after: str) -> Scene:
    trigger, weapons, sentence = case.trigger, case.weapons, case.sentence
    # Small arms among the weapons mark a fight, unless the report says heavier weapons were the main
    # ones ("primarily heavy weapons, including small arms"). Heavy machine guns and grenade launchers
    # fired on their own are stand-off fire, coded like artillery.
    # "gunmen threw a grenade": the word for the doers is no rifle fired when another weapon is named.
    fired = [w for w in weapons if not (matches(r"gunm[ae]n", w.evidence.text) and len(weapons) > 1)]
    infantry = any(light_arms(w, sentence) for w in fired)
    heavy_first = matches(
        r"(?:primarily|mainly|mostly|largely|predominantly) (?:with )?(?:heavy|artillery|mortars?|rockets?|missiles?)",
        sentence,
    )
    return Scene(
        trigger=trigger,
        modes=case.modes,
        weapons=weapons,
        actors=case.actors,
        recipients=case.recipients,
        sentence=sentence,
        after=after,
        victims=victims_of(sentence, trigger, case.actors, case.recipients),
        firearms=any(w.mode == "firearms" for w in weapons),
        small_arms_fight=infantry and not heavy_first,
        exchange=trigger.family == "clash" or matches(EXCHANGE, sentence),
        # Fire returned, told in the sentence or the next ones ("... The other side responded to the fire").
        answered=matches(TWO_WAY, sentence) or matches(TWO_WAY, after),
        doers=doer_phrase(case.context, case.trigger_span),
    )


# Aircraft and drones named as the doer ("Russian warplanes carried out sorties", "raids by army
# helicopters"): whatever the event word, they strike from the air.
AIRCRAFT_DOERS = (
    r"warplanes?|war planes?|jets?|fighter jets?|aircraft|helicopters?|choppers?|gunships?|bombers?|drones?|uavs?|"
    r"air ?force|aviation|airstrikes?|air strikes?|air raids?"
)


def _chemical_agent(s: Scene) -> Typed | None:
    # ACLED codes any use of chemical agents as a chemical weapon event, whoever fought whom.
    if chemical_agent_used(s.weapons, s.sentence, s.after):
        return s.typed(EXPLOSIONS, "Chemical weapon", default="unconventional")
    return None


def _aircraft_doer(s: Scene) -> Typed | None:
    flying = any(w.mode in ("aerial", "drone") and w.evidence.text in s.doers for w in s.weapons)
    if s.doers and (flying or matches(AIRCRAFT_DOERS, s.doers)):
        drone = matches(r"drones?|uavs?", s.doers)
        return s.typed(
            EXPLOSIONS,
            "Air/drone strike",
            "aircraft named as the doer: coded as an air strike",
            default="drone" if drone else "aerial",
        )
    return None


def _drug_trade(s: Scene) -> Typed | None:
    if s.victims != "armed" and (
        matches(DRUG_TRADE_PERSON, without_doers(target_text(s.sentence, s.trigger, s.actors)))
        or matches(DRUG_TRADE_PAST, s.after)
    ):
        return s.typed(
            BATTLES, "Armed clash", "the victim was in the drug trade: coded as gang violence", default="firearms"
        )
    return None


def _fire_both_ways(s: Scene) -> Typed | None:
    if s.family != "airstrike" and s.victims != "civilian" and s.answered:
        return s.typed(BATTLES, "Armed clash", "fire exchanged both ways: coded as a clash")
    return None


def _bomber_engaged(s: Scene) -> Typed | None:
    if (
        (s.family == "suicide" or "suicide-attack" in s.modes)
        and s.victims != "civilian"
        and (matches(BOMBER_ENGAGED, s.sentence) or matches(BOMBER_ENGAGED, s.after))
    ):
        return s.typed(BATTLES, "Armed clash", "the suicide attacker was fired on before the blast: coded as a clash")
    return None


def _air_support(s: Scene) -> Typed | None:
    if (
        s.victims != "civilian"
        and matches(AIR_SUPPORT, s.sentence)
        and matches(r"operations?|offensive|attack\w*|assault|clash\w*|fight\w*|repel\w*", s.sentence)
    ):
        return s.typed(BATTLES, "Armed clash", "air strikes backing a ground operation: coded as the battle")
    return None


def _area_shelled(s: Scene) -> Typed | None:
    if (
        s.family in ("attack", "bombard", "shelling")
        and not killed_civilians(s.sentence)
        and matches(STANDOFF_WEAPONS, s.sentence)
        and matches(AREA_TARGET, s.sentence)
        and not matches(EXCHANGE, s.sentence)
        and not s.answered
    ):
        return s.typed(
            EXPLOSIONS,
            "Shelling/artillery/missile attack",
            "heavy weapons fired at an area, no fight told: coded as shelling",
        )
    return None


def _small_arms_at_armed(s: Scene) -> Typed | None:
    # Small arms fired at armed people: an exchange of fire, not remote violence, whatever heavier
    # weapons are listed with them.
    if (
        s.family in ("attack", "clash", "explosion", "bombard", "shelling")
        and s.small_arms_fight
        and (s.victims != "civilian")
        and (s.victims == "armed" or s.exchange or matches(r"shots|bursts|small arms|machine ?guns?", s.sentence))
    ):
        return s.typed(BATTLES, "Armed clash", "small arms fired at armed people: coded as a clash")
    return None


def _shelling_in_fight(s: Scene) -> Typed | None:
    if s.family in ("shelling", "bombard") and s.victims != "civilian" and matches(FIGHTING, s.sentence):
        return s.typed(BATTLES, "Armed clash", "shelling during a fight between armed sides: coded as a clash")
    return None


def _crowd_fought_police(s: Scene) -> Typed | None:
    if (
        s.family in ("attack", "clash", "beat")
        and not s.firearms
        and matches(CROWD_VS_POLICE, s.sentence)
        and not matches(NON_STATE_FIGHTERS + r"|armed", s.sentence)
    ):
        # a violent demonstration when the crowd voices a grievance, else mob violence
        return riot_typed(s.sentence, s.modes, "a crowd fought the police", s.after)
    return None


def _crowd_did_it(s: Scene) -> Typed | None:
    if s.family in ("attack", "clash", "beat") and crowd_agent(s.sentence, s.trigger, s.actors) and not s.firearms:
        return riot_typed(s.sentence, s.modes, "violence by an unorganised crowd", s.after)
    return None


def _unarmed_attacked_forces(s: Scene) -> Typed | None:
    if (
        s.family in ("attack", "clash", "beat")
        and s.victims == "armed"
        and not s.weapons
        and unarmed_doers(s.sentence, s.trigger, s.actors)
    ):
        # Battles need two organised armed sides: people with no weapon of war attacking soldiers or
        # police is mob violence (or a violent demonstration when it voices a grievance).
        return riot_typed(s.sentence, s.modes, "unarmed people attacked the security forces", s.after)
    return None


def _hand_weapons_only(s: Scene) -> bool:
    return all(w.mode == "primitive" for w in s.weapons)


def _crowds_fought(s: Scene) -> Typed | None:
    # a party's youth wing (a political militia) fighting another party's supporters with no weapon of
    # war is mob violence too: the militia does not make it a battle
    if (
        s.family == "clash"
        and _hand_weapons_only(s)
        and not any(is_armed(a) and a.inter != Inter.POLITICAL_MILITIAS for a in s.actors + s.recipients)
        and matches(CROWD_SIDES, sides_text(s.sentence, s.trigger))
        and not matches(ORGANISED_FIGHTERS, s.sentence)
    ):
        return riot_typed(
            s.sentence, s.modes, "a fight with no weapon of war where a side is a crowd, not an armed group", s.after
        )
    return None


def _people_fought_forces(s: Scene) -> Typed | None:
    if s.family == "clash" and _hand_weapons_only(s) and people_against_forces(s.sentence, s.actors + s.recipients):
        return riot_typed(s.sentence, s.modes, "a people, not an armed group, fought the security forces", s.after)
    return None


def _remote_weapons(s: Scene) -> Typed | None:
    if not (s.family == "clash" or (s.family == "attack" and s.exchange and s.victims == "armed" and not s.weapons)):
        remote, reason = remote_subtype(s.weapons, s.family, s.sentence)
        if remote is not None:
            return s.typed(EXPLOSIONS, remote, reason)
    return None


def _across_ceasefire(s: Scene) -> Typed | None:
    if (
        s.victims is None
        and not killed_civilians(s.sentence)
        and matches(CEASEFIRE, s.sentence)
        and (any(is_armed(a) for a in s.actors) or matches(r"forces|army|troops|military|soldiers", s.sentence))
    ):
        return s.typed(BATTLES, "Armed clash", "fire across a ceasefire line: coded as a clash", default="firearms")
    return None


def _tortured_in_custody(s: Scene) -> Typed | None:
    if (
        s.family in ("beat", "attack")
        and matches(r"tortur\w*|ill[- ]treat\w*|mistreat\w*", s.sentence)
        and matches(IN_CUSTODY, s.sentence)
    ):
        return s.typed(VAC, "Attack", "a detainee tortured or killed in custody: violence against civilians")
    return None


def _civilian_victims(s: Scene) -> Typed | None:
    if s.victims == "civilian" and not s.exchange:
        return s.typed(VAC, "Attack")
    return None


def _armed_sides(s: Scene) -> Typed | None:
    armed_sides = {a.name for a in s.actors + s.recipients if is_armed(a)}
    if s.exchange or s.victims == "armed" or len(armed_sides) >= 2:
        reason = None if s.exchange or len(armed_sides) >= 2 else "armed victims: coded as a clash"
        return s.typed(BATTLES, "Armed clash", reason, default="firearms")
    return None


STEPS: tuple[Callable[[Scene], Typed | None], ...] = (
    _chemical_agent,
    _drug_trade,
    _fire_both_ways,
    _bomber_engaged,
    _air_support,
    _aircraft_doer,
    _area_shelled,
    _small_arms_at_armed,
    _shelling_in_fight,
    _crowd_fought_police,
    _crowd_did_it,
    _unarmed_attacked_forces,
    _crowds_fought,
    _people_fought_forces,
    _remote_weapons,
    _across_ceasefire,
    _tortured_in_custody,
    _civilian_victims,
    _armed_sides,
)


def violence_typed(case: Case, after: str = "") -> Typed:
    """The type of a violent event: the first step that applies, else an attack on civilians."""
    scene = _scene(case, after)
    for step in STEPS:
        typed = step(scene)
        if typed is not None:
            return typed
    # _civilian_victims took civilians with no exchange, _armed_sides any exchange: no victims are left
    # named as civilians here.
    return scene.typed(VAC, "Attack", "no armed opponent named: coded as an attack on civilians")
