"""The typing rules, one per family or group of families, registered by name.

The family table (data/triggers.json, loaded by :mod:`sitrep.resolve.families`) names each family's
rule in its ``typing`` field; a name that is not registered here is an error when the table loads.
A rule first tries the shared guards that apply to its families (:mod:`.guards`), in their order,
then its own steps; it always gives a type.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from types import MappingProxyType

from ...actor_kinds import STATE_SECTORS, Inter, is_armed
from ...errors import BadFamilyTable
from ..event_words import (
    ABDUCTEE_KILLED,
    ARMED_PEOPLE,
    ARMS,
    ATTEMPT_BEFORE,
    AUTHORITY,
    BATTLES,
    CIVILIAN_PEOPLE,
    DRUG_WORKS,
    EXPLOSIONS,
    FIGHT_TOLD,
    FORCE_TOLD,
    GRIEVANCE,
    GROUND_TAKEN,
    HOLDER_LEFT,
    NO_FIGHT,
    PEOPLE_CAPTURED,
    PROTEST_CONTEXT,
    PROTEST_FIRES,
    STOPPED_WEAPON,
    TAKEN_OVER,
    TERRITORY,
    VAC,
    WAR_STORES,
)
from ..keyed_words import HANDING_OVER, NEUTRAL_CAPTURE
from ..wording import matches
from . import guards
from .means import named_ground, next_sentences, remote_means
from .parties import (
    agent_text,
    crowd_agent,
    doer_phrase,
    killed_civilians,
    non_state_doers,
    without_actors,
    without_agents,
)
from .protest import in_grievance_at, participants_violent, protest_typed, riot_typed
from .typed import Case, Guard, Typed, TypingRule, first_of
from .violence import AIRCRAFT_DOERS, violence_typed

# Sectors whose forces taking ground is the government regaining it (police are not counted).
MILITARY_OR_GOVERNMENT = frozenset({"MIL", "GOV"})
# Words naming the side that takes ground, read just before the capture word.
STATE_SIDE = r"army|government|soldiers|military|regime|security forces|troopers|loyalists?|pro-government"
NON_STATE_SIDE = (
    r"rebels?|militants?|insurgents?|jihadists?|separatists?|guerrill?as?|militias?|militiam[ae]n|terrorists|"
    r"Taliban|Shabaab|Shabab|Islamic State|ISIS|ISIL|Daesh|Boko Haram"
)


# Subjects that name no side by themselves.
PRONOUN_DOERS = frozenset({"they", "we", "it", "he", "she"})


_RULES: dict[str, TypingRule] = {}
TYPING_RULES: Mapping[str, TypingRule] = MappingProxyType(_RULES)


def typing_rule(*names: str) -> Callable[[TypingRule], TypingRule]:
    """Register a typing rule under the names the family table may give it."""

    def register(rule: TypingRule) -> TypingRule:
        for name in names:
            if name in _RULES and _RULES[name] is not rule:
                raise BadFamilyTable(f"typing rule '{name}' is registered twice", source=__name__)
            _RULES[name] = rule
        return rule

    return register


def _violent(case: Case, shared: tuple[Guard, ...]) -> Typed:
    """A violent family: the shared guards it applies, then the steps of violence typing."""
    return first_of(case, shared) or violence_typed(case, next_sentences(case.context))


def _as_attack(case: Case) -> Case:
    """The case told as an attack, for an event coded by the violence it turned into."""
    return replace(case, trigger=replace(case.trigger, family="attack"))


@typing_rule("verbal")
def verbal(case: Case) -> Typed:
    t = case.trigger
    return Typed(kind="verbal", plover=t.plover, modes=t.modes, acled_type=None, acled_subtype=None)


@typing_rule("attack")
def attack(case: Case) -> Typed:
    return _violent(
        case,
        (
            guards.search_raid,
            guards.shot_down_aircraft,
            guards.stopped_weapon,
            guards.warning_shots,
            guards.violence_as_grievance,
            guards.crowd_control,
            guards.sexual_words,
            guards.demolition,
            guards.property_alone,
        ),
    )


@typing_rule("bombardment")
def bombardment(case: Case) -> Typed:
    """Shelling and bombing words."""
    return _violent(
        case,
        (
            guards.air_defence,
            guards.shot_down_aircraft,
            guards.stopped_weapon,
            guards.warning_shots,
            guards.violence_as_grievance,
        ),
    )


@typing_rule("explosion")
def explosion(case: Case) -> Typed:
    return _violent(
        case,
        (
            guards.air_defence,
            guards.shot_down_aircraft,
            guards.stopped_weapon,
            guards.own_blast,
            guards.warning_shots,
            guards.violence_as_grievance,
        ),
    )


@typing_rule("clash")
def clash(case: Case) -> Typed:
    return _violent(case, (guards.warning_shots, guards.violence_as_grievance))


@typing_rule("beat")
def beat(case: Case) -> Typed:
    return _violent(case, (guards.violence_as_grievance, guards.sexual_words, guards.property_alone))


@typing_rule("airstrike")
def airstrike(case: Case) -> Typed:
    return _violent(case, (guards.violence_as_grievance,))


@typing_rule("suicide")
def suicide(case: Case) -> Typed:
    return _violent(case, ())


@typing_rule("sexual")
def sexual(case: Case) -> Typed:
    return guards.violence_as_grievance(case) or guards.sexual_violence(case)


@typing_rule("protest")
def protest(case: Case) -> Typed:
    return protest_typed(case.sentence, case.actors, case.killed, case.context)


@typing_rule("riot")
def riot(case: Case) -> Typed:
    if in_grievance_at(case.context, case.trigger_span):
        return protest(case)  # "against the arrest of men who threw stones"
    return mob(case)


@typing_rule("mob")
def mob(case: Case) -> Typed:
    if matches(PROTEST_CONTEXT, case.sentence) and in_grievance_at(case.context, case.trigger_span):
        return protest(case)  # "a peaceful protest after the arrest of vigilantes"
    return riot_typed(case.sentence, case.modes, after=next_sentences(case.context))


# A crowd's own violence told as the time of the arrests ("dozens held as rioters stormed the palace").
ARRESTS_AT_RIOT = (
    r"(?:as|after|when|while) (?:[\w-]+ ){0,4}(?:protest[eo]rs|demonstrators|supporters|rioters|crowds?|mobs?)"
)


@typing_rule("arrest")
def arrest(case: Case) -> Typed:
    if matches(ARRESTS_AT_RIOT, case.sentence) and participants_violent(case.sentence, case.context):
        # ACLED codes the riot the arrests were made at, not the arrests
        return Typed.violent_demonstration("arrests made as a crowd used violence: coded as the riot")
    if non_state_doers(case.actors):
        # ACLED: only a state (or a de facto one) arrests; people detained by an armed group are abducted
        return Typed.assault(
            ("abduct",),
            VAC,
            "Abduction/forced disappearance",
            reason="detained by a non-state armed group: an abduction",
        )
    return Typed.strategic("COERCE", ("arrest",), "Arrests")


def _weapons_seized(case: Case) -> Typed | None:
    if matches(r"seiz\w+|confiscat\w+", case.trigger.lemma) and matches(
        r"(?:seiz\w+|confiscat\w+) (?:[\w,.-]+ ){0,4}(?:\w+-)?(?:" + ARMS + ")", case.sentence
    ):
        return Typed.strategic("COERCE", ("seize",), "Disrupted weapons use", "weapons seized")
    if (
        not case.killed
        and matches(STOPPED_WEAPON, case.sentence)
        and matches(ARMS + r"|(?:land)?mines?", case.sentence)
    ):
        reason = "explosives destroyed or found before they did harm"
        return Typed.strategic("COERCE", ("seize",), "Disrupted weapons use", reason)
    if (
        matches(r"seiz\w+|confiscat\w+|captur\w+", case.trigger.lemma)
        and matches(WAR_STORES, case.sentence)
        and not matches(DRUG_WORKS + r"|drugs?|narcotics?|cocaine|heroin", case.sentence)
    ):
        return Typed.strategic("COERCE", ("seize",), "Disrupted weapons use", "an armed group's war stores seized")
    return None


# Weapons that destroy from afar when they are the doer ("warplanes destroyed ..."); explosives are
# left out, as a depot of them is what gets destroyed.
_DOER_MODES = frozenset({"aerial", "drone", "heavy-weapons"})


_AIRCRAFT = r"warplanes?|jets?|aircraft|helicopters?|drones?|gunships?|bombers"
_DOERS_FROM_AFAR = _AIRCRAFT + r"|artillery|tanks?|missiles?|rockets?"


def _struck_from_afar(case: Case) -> bool:
    """A remote weapon named before the event word, as its doer: "warplanes destroyed the depot"."""
    if case.trigger_span is None:
        return False
    if any(w.mode in _DOER_MODES and w.evidence.end <= case.trigger_span[0] for w in case.weapons):
        return True
    if case.context is None:
        return False
    before = case.sentence[: max(0, case.trigger_span[0] - case.context.start_char)]
    return matches(_DOERS_FROM_AFAR, before)


def _destroyed_from_afar(case: Case) -> Typed | None:
    if remote_means(case.weapons, case.sentence) or matches(
        AIRCRAFT_DOERS, doer_phrase(case.context, case.trigger_span)
    ):
        # "launchers destroyed by artillery", "the air force destroyed vehicles": destroyed with a weapon of
        # remote violence, coded by that weapon
        typed = violence_typed(_as_attack(case))
        if typed.acled_type == EXPLOSIONS:
            return typed
    return None


@typing_rule("loot")
def loot(case: Case) -> Typed:
    found = _weapons_seized(case) or _destroyed_from_afar(case)
    if found is not None:
        return found
    sentence = case.sentence
    crowd = crowd_agent(sentence, case.trigger, case.actors)
    if crowd and matches(
        r"attack\w*|beat\w*|assault\w*|injur\w*|kill\w*|lynch\w*|fatalit\w*|died|dead|death|burn\w* alive", sentence
    ):
        return riot_typed(sentence, case.modes, "a crowd attacked people and property")
    if crowd and (matches(PROTEST_FIRES, sentence) or matches(GRIEVANCE + "|" + PROTEST_CONTEXT, sentence)):
        # burning tyres, barricades or mattresses, or burning anything to voice a grievance
        return Typed.violent_demonstration("a crowd burning things in protest")
    return Typed.strategic("ASSAULT", ("destroy",), "Looting/property destruction")


@typing_rule("body")
def body(case: Case) -> Typed:
    sentence = case.sentence
    if _bodies_of_civilians(sentence):
        return Typed.assault(
            case.modes, VAC, "Attack", reason="the bodies found are of civilians named by their trade or as people"
        )
    if matches(ARMED_PEOPLE, without_actors(without_agents(sentence), case.actors)) and not killed_civilians(sentence):
        return Typed.assault(
            case.modes,
            BATTLES,
            "Armed clash",
            reason="the body of a fighter or a member of the forces found killed: coded as a clash",
        )
    return Typed.assault(case.modes, VAC, "Attack", reason="a body found with signs of violence: coded as an attack")


# Whose bodies were found: the few words right after "the bodies of" ("four construction workers").
BODIES_OF = re.compile(r"\b(?:bod(?:y|ies)|remains|corpses?) of ((?:[\w-]+ ){0,3}[\w-]+)", re.IGNORECASE)


def _bodies_of_civilians(sentence: str) -> bool:
    """The bodies found are of people named as civilians, not fighters: whoever else the sentence names
    (the forces that found them) does not make it a clash."""
    for found in BODIES_OF.finditer(sentence):
        whose = found.group(1)
        if matches(CIVILIAN_PEOPLE, whose) and not matches(ARMED_PEOPLE, whose):
            return True
    return False


@typing_rule("disrupt")
def disrupt(case: Case) -> Typed:
    downed = guards.shot_down_aircraft(case)
    if downed is not None:
        return downed
    stopped = guards.air_defence(case)
    if stopped is not None:
        return stopped
    if matches(r"destroy\w*", case.trigger.lemma) and (
        _struck_from_afar(case) or remote_means(case.weapons, case.sentence)
    ):
        typed = violence_typed(_as_attack(case))  # "warplanes destroyed a weapons depot": an air strike
        if typed.acled_type == EXPLOSIONS:
            return typed
        aerial = matches(_AIRCRAFT, case.sentence)
        return Typed.assault(
            ("aerial",) if aerial else ("heavy-weapons",),
            EXPLOSIONS,
            "Air/drone strike" if aerial else "Shelling/artillery/missile attack",
            reason="weapons destroyed from afar, not taken out of use",
        )
    if (
        matches(r"dismantl\w*|destroy\w*", case.trigger.lemma + " " + case.sentence)
        and matches(DRUG_WORKS, case.sentence)
        and not matches(ARMS, case.sentence)
    ):
        reason = "a drug works dismantled: property, not weapons"
        return Typed.strategic("COERCE", ("destroy",), "Looting/property destruction", reason)
    return Typed.strategic("COERCE", ("seize",), "Disrupted weapons use")


# People, not ground, handed over: prisoners, captives or the bodies of the dead in an exchange.
PEOPLE_HANDED = (
    r"(?:prisoners?|captives?|POWs?|detainees|hostages|bodies|remains) (?:[\w-]+ ){0,6}?(?:were|was|have been|had been) "
    r"(?:handed over|returned|released|swapped|exchanged)|"
    r"(?:hand(?:ed|s|ing)? over|swapp?(?:ed|ing)|exchang(?:ed|ing)) (?:[\w-]+ ){0,3}?(?:prisoners?|captives?|POWs?|detainees|hostages|bodies)|"
    r"prisoners? (?:exchange|swap)|(?:exchange|swap) of (?:prisoners|captives|POWs|bodies)"
)


@typing_rule("withdraw")
def withdraw(case: Case) -> Typed:
    if matches(PEOPLE_HANDED, case.sentence):
        # prisoners or the dead handed over: an exchange between the sides, which ACLED codes as an agreement
        return Typed.strategic("AGREE", ("settle",), "Agreement", "people handed over in an exchange, not ground")
    told = case.sentence + " " + next_sentences(case.context, limit=1)
    if HANDING_OVER.names(case.family, case.trigger.lemma) or matches(TAKEN_OVER + "|" + GROUND_TAKEN, told):
        # the ground left went to someone: handed over, or taken by the other side as the holders left
        return Typed.strategic("RETREAT", ("withdraw",), "Non-violent transfer of territory")
    # troops pulled out with nobody said to take the ground over: a change in the group's activity
    return Typed.strategic(
        "RETREAT", ("withdraw",), "Change to group/activity", "a withdrawal with no ground handed over"
    )


@typing_rule("other")
def other(case: Case) -> Typed:
    return Typed.strategic(case.trigger.plover, case.trigger.modes, "Other")


@typing_rule("pact")
def pact(case: Case) -> Typed:
    return Typed.strategic("AGREE", case.trigger.modes, "Agreement")


@typing_rule("base")
def base(case: Case) -> Typed:
    return Typed.strategic("MOBILIZE", ("troops",), "Headquarters or base established")


@typing_rule("mobilize")
def mobilize(case: Case) -> Typed:
    return Typed.strategic("MOBILIZE", ("troops",), "Change to group/activity")


@typing_rule("governance")
def governance(case: Case) -> Typed:
    """Security measures (lockdowns, closed roads) or aid handed out: a change to the activity of
    an armed group or an authority (ACLED's Strategic developments); by anyone else, aid is just aid."""
    trigger, actors = case.trigger, case.actors
    by_armed_group = any(is_armed(a) and a.inter != Inter.STATE_FORCES for a in actors) or any(
        a.sector == "CRM" for a in actors
    )
    # an authority by its sector whatever its code: a coalition, the UN or a regional body (coded 8) counts
    authority = any(a.sector in STATE_SECTORS or a.inter == Inter.STATE_FORCES for a in actors) or matches(
        AUTHORITY, agent_text(case.sentence, trigger)
    )
    if by_armed_group or (trigger.family == "measures" and authority):
        reason = "an armed group handing out aid" if trigger.family == "aid" else "security measures"
        return Typed.strategic(trigger.plover, trigger.modes, "Change to group/activity", reason)
    return Typed(kind="material", plover=trigger.plover, modes=trigger.modes, acled_type=None, acled_subtype=None)


@typing_rule("capture")
def capture(case: Case) -> Typed:
    sentence, modes = case.sentence, case.modes
    if matches(PEOPLE_CAPTURED, sentence):
        reason = "fighters captured in an operation: fighting, not ground taken"
        return Typed.assault(modes, BATTLES, "Armed clash", reason=reason)
    if _object_is_arms(case) or (
        not matches(TERRITORY, sentence) and not named_ground(case.context, case.trigger_span)
    ):
        reason = "fighters captured, no ground named: fighting"
        return Typed.assault(modes, BATTLES, "Armed clash", reason=reason)
    if _attempted(case):
        reason = "ground only aimed at: fighting, not ground taken"
        return Typed.assault(modes, BATTLES, "Armed clash", reason=reason)
    told = sentence + " " + next_sentences(case.context)
    if matches(NO_FIGHT, told):
        return Typed.strategic(
            "COERCE", ("seize",), "Non-violent transfer of territory", "ground taken without a fight"
        )
    if NEUTRAL_CAPTURE.names(case.family, case.trigger.lemma) and not matches(FIGHT_TOLD, told):
        # ACLED keeps battles for ground taken by force; ground taken over with no fight told changes hands
        # peacefully ("recaptured", "overran" tell the force themselves)
        return Typed.strategic(
            "COERCE", ("seize",), "Non-violent transfer of territory", "ground taken with no fighting told"
        )
    if matches(HOLDER_LEFT, told) and not matches(FORCE_TOLD, told):
        # even "recaptured": ground its holders left, taken with no force told, changed hands peacefully
        return Typed.strategic(
            "COERCE", ("seize",), "Non-violent transfer of territory", "ground its holders left, taken with no fight"
        )
    # the state's side by its army or government sector whatever its code: a coalition's or peacekeepers'
    # troops (coded 8) regain ground for the government they back
    state = _state_takes(case)
    return Typed.assault(
        modes, BATTLES, "Government regains territory" if state else "Non-state actor overtakes territory"
    )


def _state_takes(case: Case) -> bool:
    """Whether the state's side takes the ground: by the doers named before the word when they are of one
    side only ("Houthi rebels took control ... amid fighting with tribesmen backed by the coalition"),
    else by the actors' codes."""
    agent = _doers(case)
    state_named, others_named = matches(STATE_SIDE, agent), matches(NON_STATE_SIDE, agent)
    if state_named != others_named:
        return state_named
    # the state's side by its army or government sector whatever its code: a coalition's or peacekeepers'
    # troops (coded 8) regain ground for the government they back
    return any(a.inter == Inter.STATE_FORCES or a.sector in MILITARY_OR_GOVERNMENT for a in case.actors)


def _doers(case: Case) -> str:
    """The words naming who took the ground: the subject of the capture verb, or its "by" phrase; for a
    pronoun told in speech ("the rebels say they have taken the town"), the subject of the saying."""
    phrase = doer_phrase(case.context, case.trigger_span, nouns=False)
    if phrase.lower() not in PRONOUN_DOERS or case.context is None or case.trigger_span is None:
        return phrase
    word = next((t for t in case.context if case.trigger_span[0] <= t.idx < case.trigger_span[1]), None)
    while word is not None and word.dep_ in {"ccomp", "conj", "xcomp"} and word.head.i != word.i:
        word = word.head
        subject = next((c for c in word.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in PRONOUN_DOERS:
            return " ".join(t.text for t in subject.subtree)
    return phrase


def _object_is_arms(case: Case) -> bool:
    """Whether the capture word takes weapons ("pistols and bullets were captured in the capital")."""
    if case.context is None or case.trigger_span is None:
        return False
    words = [t for t in case.context if case.trigger_span[0] <= t.idx < case.trigger_span[1]]
    taken = [c for w in words for c in w.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(matches(ARMS + r"|pistols?|bullets|ammunition", " ".join(t.text for t in c.subtree)) for c in taken)


def _attempted(case: Case) -> bool:
    """Whether the capture word is only what an attack or an attempt aimed at ("an attack to capture the hill")."""
    if case.context is None or case.trigger_span is None:
        return False
    before = case.context.doc.text[case.context.start_char : case.trigger_span[0]].rstrip()
    return matches(ATTEMPT_BEFORE, before[-40:])


@typing_rule("abduct")
def abduct(case: Case) -> Typed:
    after = next_sentences(case.context)
    if case.killed or matches(ABDUCTEE_KILLED, case.sentence + " " + after):
        # ACLED codes a kidnapping that ends in a killing by the killing.
        typed = violence_typed(_as_attack(case), after)
        return replace(typed, reason="an abduction ending in a killing: coded as the killing")
    return Typed.assault(case.modes, VAC, "Abduction/forced disappearance")
