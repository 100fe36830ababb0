"""From a trigger and its context to PLOVER event + modes and ACLED event type + sub-event type.

The rules follow the ACLED codebook definitions (see docs/event-types.md):

* who acts: an organised armed actor, an unorganised crowd (mob, villagers, rioters) or protesters;
* who is hit: armed people (soldiers, police, militants, their positions and convoys) or unarmed
  civilians;
* which weapon: one-sided remote weapons (artillery, aircraft, IEDs, thrown grenades) versus an
  exchange of small-arms fire, which is a clash whatever else is fired with it;
* for protests, whether force was used on the protesters, and whether it was lethal.

Only the trigger's sentence is read here; document-level folding (a dispersal told in the next
sentence) is done by the ACLED view (sitrep.acled_view).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model import Actor, Trigger, Weapon
from .event_words import (
    ABDUCTEE_KILLED,
    AIR_SUPPORT,
    AREA_TARGET,
    ARMED_AGENT,
    ARMED_INTERS,
    ARMED_PEOPLE,
    ARMED_SECTORS,
    ARMS,
    AUTHORITY,
    BATTLES,
    BLOCKADE,
    BOMBER_ENGAGED,
    CEASEFIRE,
    CIVILIAN_PEOPLE,
    CLASH_WITH_POLICE,
    CROWD,
    CROWD_SIDE,
    CROWD_SIDES,
    CROWD_VS_POLICE,
    DETAINED,
    DEVICE,
    DISRUPTION,
    DOER_AFTER,
    DRUG_TRADE_PAST,
    DRUG_TRADE_PERSON,
    DRUG_WORKS,
    EXCHANGE,
    EXPLOSIONS,
    FIGHT_TOLD,
    FIGHTING,
    GRIEVANCE,
    HAND_GRENADE,
    HANDING_OVER,
    HARMED,
    HEAVY_GUNS,
    IN_CUSTODY,
    INTERVENTION,
    LETHAL_FORCE,
    LINKED_TO_PROTESTS,
    MANNED_AIRCRAFT,
    MANY_BLASTS,
    NEUTRAL_CAPTURE,
    NO_HARM,
    NON_STATE_FIGHTERS,
    OFF_DUTY,
    ORGANISED_FIGHTERS,
    OWN_BLAST,
    PARTICIPANT_VIOLENCE,
    PEOPLE_CAPTURED,
    PEOPLE_SIDE,
    PERSONAL_HARM,
    POLICE_SIDE,
    PROPERTY,
    PROPERTY_HARM,
    PROTEST_CONTEXT,
    PROTEST_FIRES,
    PROTESTS,
    RIOTS,
    SEARCH_RAIDS,
    SETTLEMENT_ATTACKED,
    SEXUAL,
    STANDOFF_WEAPONS,
    STOPPED_WEAPON,
    STRATEGIC,
    TAKEN_OVER,
    TERRITORY,
    TWO_WAY,
    UNARMED_DOERS,
    UNARMED_SECTORS,
    UNORGANISED_INTERS,
    VAC,
    WARNING_FIRE,
    matches,
    pattern,
)

if TYPE_CHECKING:
    from spacy.tokens import Span

_has = matches


@dataclass(frozen=True, kw_only=True, slots=True)
class Typed:
    kind: str
    plover: str
    modes: tuple[str, ...]
    acled_type: str | None
    acled_subtype: str | None
    reason: str | None = None


def killed_civilians(sentence: str) -> bool:
    """Whether the sentence names civilian victims outright ("a civilian was wounded")."""
    return _has(r"civilians?|villagers?|residents?|child(?:ren)?|wom[ae]n|farmers?|shepherds?", sentence)


def _armed(actor: Actor) -> bool:
    if actor.inter is not None:
        return actor.inter in ARMED_INTERS
    return actor.sector in ARMED_SECTORS


def _civilian(actor: Actor) -> bool:
    return actor.inter == 7 or (actor.inter is None and actor.sector in UNARMED_SECTORS)


def _unorganised(actor: Actor) -> bool:
    return actor.inter in UNORGANISED_INTERS or (actor.inter is None and actor.sector in UNARMED_SECTORS)


def _without_actors(sentence: str, actors: tuple[Actor, ...]) -> str:
    """The sentence with the agents' own words blanked, so "militants killed a farmer" reads as "... farmer"."""
    out = sentence
    for a in actors:
        text = a.evidence.text
        if text and len(text) > 2:
            out = out.replace(text, " " * len(text))
    return out


def _trigger_at(low: str, trigger: Trigger) -> int:
    """Where the trigger word starts in the lower-cased sentence (by its first four letters), or -1."""
    return low.find(trigger.lemma.split()[0][:4]) if trigger.lemma else -1


def _target_text(sentence: str, trigger: Trigger, actors: tuple[Actor, ...]) -> str:
    """Where the victims are named: after an active trigger, before a passive one ("X was killed by")."""
    text = _without_actors(sentence, actors)
    low = text.lower()
    at = _trigger_at(low, trigger)
    if at < 0:
        return text
    before = low[max(0, at - 40) : at]
    if re.search(r"\b(?:was|were|been|being|got)\s+(?:\w+\s+)?$", before):
        return text[:at]
    return text[at:]


def _victims(sentence: str, trigger: Trigger, actors: tuple[Actor, ...], recipients: tuple[Actor, ...]) -> str | None:
    """ "armed", "civilian" or None from the recipients, else from the nouns where the victims are named.

    ACLED counts government officials among civilians when they are attacked; a "regime" named in
    loaded words stands for its forces, so it stays armed."""
    if _has(OFF_DUTY, sentence) and not re.search(
        r"\b(?:if|whether|unclear|not clear)\b(?:\W+\w+){0,4}\W+(?:" + OFF_DUTY + r")", sentence, re.IGNORECASE
    ):
        return "civilian"  # ACLED counts off-duty soldiers and police among civilians
    # an international mission (inter 8) is an armed force even when its dictionary sector is GOV
    civil_targets = [r for r in recipients if _civilian(r) or (r.sector == "GOV" and not r.loaded and r.inter != 8)]
    armed_targets = [r for r in recipients if _armed(r) and r not in civil_targets]
    if civil_targets and not armed_targets:
        return "civilian"
    if armed_targets and not civil_targets:
        return "armed"
    target = _target_text(sentence, trigger, actors)
    armed = pattern(ARMED_PEOPLE).search(target)
    civil = pattern(CIVILIAN_PEOPLE).search(target)
    if armed and (not civil or armed.start() < civil.start()):
        return "armed"
    if civil:
        return "civilian"
    return None


def _agent_text(sentence: str, trigger: Trigger) -> str:
    """Where the doers are named: before an active trigger, after a passive one ("beaten by a mob")."""
    low = sentence.lower()
    at = _trigger_at(low, trigger)
    if at < 0:
        return sentence
    if re.search(r"\b(?:was|were|been|being|got)\s+(?:\w+\s+)?$", low[max(0, at - 40) : at]):
        return sentence[at:]
    return sentence[:at]


def _sides_text(sentence: str, trigger: Trigger) -> str:
    """Where a fight's sides are named: the doers' words, or a "between ... and ..." phrase."""
    between = re.search(r"\bbetween\b[^.;]{0,100}", sentence, re.IGNORECASE)
    return _agent_text(sentence, trigger) + (" " + between.group() if between else "")


def _crowd_agent(sentence: str, trigger: Trigger, actors: tuple[Actor, ...]) -> bool:
    """An unorganised crowd did it: no armed actor among the doers, and a crowd coded or named."""
    if any(_armed(a) for a in actors):
        return False
    agent = _agent_text(sentence, trigger)
    if _has(ARMED_AGENT, agent):
        return False
    if actors and any(a.inter in (5, 6) for a in actors):  # rioters, protesters
        return True
    return _has(CROWD, agent)


def _unarmed_doers(sentence: str, trigger: Trigger, actors: tuple[Actor, ...]) -> bool:
    """The doers are a people, a crowd or plain persons, and no armed actor or assailant is named as doing it.

    Looks where the doers are named: before an active trigger ("several residents beat up a
    commander"), or in a "by ..." phrase after it ("an attack by a mob", "beaten by three persons")."""
    agent = _agent_text(sentence, trigger)
    at = _trigger_at(sentence.lower(), trigger)
    after = sentence[at:] if at >= 0 else ""
    by = re.match(r"\S+(?: \S+){0,2}? " + DOER_AFTER + r"(?:" + UNARMED_DOERS + r")\b", after)
    doers = by.group() if by else agent
    if by is None and agent is sentence:
        return False
    if _has(ARMED_AGENT + "|" + ORGANISED_FIGHTERS + "|" + ARMED_PEOPLE, doers) or _has(NON_STATE_FIGHTERS, sentence):
        return False
    if re.search(r"\b[Mm]embers of (?:the )?[A-Z]|\b[A-Z][\w-]+ members\b", doers):  # a named group's members
        return False
    if any(_armed(a) and a.evidence.text and a.evidence.text in doers for a in actors):
        return False
    # a crowd coded as rioters or protesters, or named as a people, a crowd or several persons (one man is no mob)
    return _has(UNARMED_DOERS, doers) or any(
        a.inter in (5, 6) and a.evidence.text and a.evidence.text in doers for a in actors
    )


REMOTE_MODES = frozenset({"heavy-weapons", "aerial", "drone", "explosives"})


def _remote_means(weapons: tuple[Weapon, ...], sentence: str) -> bool:
    """A weapon of remote violence named as the means ("destroyed by artillery", "with a drone"), not as the thing hit."""
    return any(
        w.mode in REMOTE_MODES
        and w.evidence.text
        and re.search(r"\b(?:by|with|using)\s+(?:[\w-]+\s+){0,3}" + re.escape(w.evidence.text), sentence, re.IGNORECASE)
        for w in weapons
    )


def _non_state_doers(actors: tuple[Actor, ...]) -> bool:
    """The doers include a non-state armed group (rebels, militias, gangs) and no state actor."""
    state = any(a.inter == 1 or (a.inter is None and a.sector in {"MIL", "COP", "GOV"}) for a in actors)
    return not state and any(_armed(a) and a.inter != 8 for a in actors)


def _light_arms(weapon: Weapon, sentence: str) -> bool:
    """A rifle, a pistol or a light machine gun: not a heavy machine gun, cannon or grenade launcher."""
    if weapon.mode != "firearms":
        return False
    text = weapon.evidence.text
    if _has(HEAVY_GUNS, text):
        return False
    return not (
        _has(r"machine ?-?guns?|machineguns?", text)
        and _has(HEAVY_GUNS, sentence)
        and not _has(r"small arms|small-arms|rifles?", sentence)
    )


def _named_ground(context: Span | None, trigger_span: tuple[int, int] | None) -> bool:
    """Whether the capture word's object is a place name ("retook Kidal")."""
    if context is None or trigger_span is None:
        return False
    words = [t for t in context if trigger_span[0] <= t.idx < trigger_span[1]]
    for word in words:
        for child in word.children:
            if child.dep_ in {"dobj", "nsubjpass"} and (
                child.ent_type_ in {"GPE", "LOC", "FAC"} or child.pos_ == "PROPN"
            ):
                return True
    if words and not any(c.dep_ in {"dobj", "nsubjpass"} for w in words for c in w.children):
        # a parse gone astray ("re-captured Kidal" split at the hyphen): the name right after the word
        after = [t for t in context if t.i > words[-1].i][:2]
        after = after[1:] if after and after[0].lower_ == "the" else after
        return (
            bool(after)
            and after[0].pos_ == "PROPN"
            and after[0].text[:1].isupper()
            and after[0].ent_type_ not in {"PERSON", "ORG", "NORP"}
        )
    return False


def _remote_subtype(weapons: tuple[Weapon, ...], family: str, sentence: str) -> tuple[str | None, str | None]:
    names = {w.name for w in weapons}
    modes = {w.mode for w in weapons}
    heavy_guns_only = "firearms" in modes and not any(_light_arms(w, sentence) for w in weapons)
    if "suicide-attack" in modes or family == "suicide":
        return "Suicide bomb", None
    if "unconventional" in modes:
        return "Chemical weapon", None
    if family == "airstrike":
        return "Air/drone strike", None
    if family == "shelling":
        return "Shelling/artillery/missile attack", None
    if "grenade" in names and _has(HAND_GRENADE, sentence):
        return "Grenade", None
    if names & {"ied", "landmine", "car bomb", "explosive device", "roadside bomb", "mine"} and _has(DEVICE, sentence):
        return "Remote explosive/landmine/IED", None
    if "heavy-weapons" in modes and modes & {"aerial", "drone"}:
        return "Shelling/artillery/missile attack", "artillery and aircraft both named: coded as shelling"
    if "heavy-weapons" in modes:
        return "Shelling/artillery/missile attack", None
    if modes & {"aerial", "drone"}:
        return "Air/drone strike", None
    if heavy_guns_only and family != "clash":
        return "Shelling/artillery/missile attack", "heavy machine guns without small arms: coded as stand-off fire"
    if "grenade" in names:  # launched grenades without small arms: a stand-off weapon
        return "Shelling/artillery/missile attack", "grenade launcher: coded as a stand-off weapon"
    if family == "explosion" or "explosives" in modes:
        if not _has(DEVICE, sentence) and _has(MANY_BLASTS, sentence):
            return "Shelling/artillery/missile attack", "many explosions and no device named: coded as shelling"
        return "Remote explosive/landmine/IED", None
    if family == "bombard":
        return "Shelling/artillery/missile attack", "bombardment without a named weapon: coded as shelling"
    return None, None


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


def _in_grievance(token) -> bool:  # type: ignore[no-untyped-def]
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


def _in_grievance_at(context: Span | None, span: tuple[int, int] | None) -> bool:
    if context is None or span is None:
        return False
    found = context.doc.char_span(span[0], span[1], alignment_mode="expand")
    return found is not None and _in_grievance(found.root)


def _armed_doer_before(sentence: str, at: int) -> bool:
    """Whether an armed agent is named just before position `at` ("Israeli forces stormed")."""
    found = re.search(rf"\b(?:{ARMED_AGENT})((?: \w+){{0,2}}) *$", sentence[max(0, at - 40) : at], re.IGNORECASE)
    return found is not None and not _has(CROWD_SIDE + r"|they|who|said|says|say|reported|claimed", found.group(1))


def _told_as_act(words: str, sentence: str, context: Span | None, skip_armed_doer: bool = False) -> bool:
    """Whether `words` occur as something done at the gathering, not in its grievance ("demanding the
    release of the arrested activists") nor as a modifier ("the detained director"); needs the parse."""
    found = list(pattern(words).finditer(sentence))
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
        if root.dep_ == "amod" or _in_grievance(root):
            continue
        return True
    return False


def participants_violent(sentence: str, context: Span | None) -> bool:
    """Violence by the gathering itself; "forces stormed the town and dispersed the march" is force on it."""
    return _told_as_act(PARTICIPANT_VIOLENCE, sentence, context, skip_armed_doer=True)


def _protest(sentence: str, actors: tuple[Actor, ...], killed: bool, context: Span | None = None) -> Typed:
    lethal = _told_as_act(LETHAL_FORCE, sentence, context) or (
        killed and any(_armed(a) for a in actors) and _has(r"shot|fired|opened fire|gunfire|bullets", sentence)
    )
    # Violence by the participants makes a riot whatever force met it (ACLED keeps excessive force
    # for peaceful gatherings).
    clash = _has(r"rioters", sentence) or _told_as_act(
        CLASH_WITH_POLICE, sentence, context
    )  # not a clash in the grievance
    if (participants_violent(sentence, context) or clash) and not _has(r"peaceful(?:ly)?", sentence):
        return Typed(
            kind="violent",
            plover="PROTEST",
            modes=("riot",),
            acled_type=RIOTS,
            acled_subtype="Violent demonstration",
            reason="protest with violence by participants",
        )
    if lethal:
        return Typed(
            kind="material",
            plover="PROTEST",
            modes=("demo",),
            acled_type=PROTESTS,
            acled_subtype="Excessive force against protesters",
        )
    if _told_as_act(INTERVENTION, sentence, context):
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


def _riot(sentence: str, modes: tuple[str, ...], reason: str | None = None, after: str = "") -> Typed:
    """Violence by an unorganised crowd: a violent demonstration if it voices a grievance or disrupts
    (burning tyres, blocking roads), else mob violence (a crowd attacking people)."""
    if _has(PROTEST_CONTEXT + "|" + DISRUPTION + "|" + GRIEVANCE + "|" + BLOCKADE, sentence) or _has(
        LINKED_TO_PROTESTS, after
    ):
        return Typed(
            kind="violent",
            plover="PROTEST",
            modes=("riot",),
            acled_type=RIOTS,
            acled_subtype="Violent demonstration",
            reason=reason,
        )
    return Typed(
        kind="violent",
        plover="ASSAULT",
        modes=modes or ("primitive",),
        acled_type=RIOTS,
        acled_subtype="Mob violence",
        reason=reason,
    )


def classify(
    trigger: Trigger,
    *,
    weapons: tuple[Weapon, ...],
    actors: tuple[Actor, ...],
    recipients: tuple[Actor, ...],
    sentence: str,
    killed: bool,
    context: Span | None = None,
    trigger_span: tuple[int, int] | None = None,
) -> Typed:
    """The PLOVER and ACLED types of one event.

    ``context`` is the parsed sentence and ``trigger_span`` the trigger's character offsets in the
    document, for rules that need the parse (what the trigger acts on); both are optional.
    """
    family = trigger.family
    modes = tuple(dict.fromkeys(trigger.modes + tuple(w.mode for w in weapons if trigger.plover == "ASSAULT")))
    if trigger.kind == "verbal":
        return Typed(kind="verbal", plover=trigger.plover, modes=trigger.modes, acled_type=None, acled_subtype=None)
    if family == "protest":
        return _protest(sentence, actors, killed, context)
    if family == "riot" and _in_grievance_at(context, trigger_span):
        return _protest(sentence, actors, killed, context)  # "against the arrest of men who threw stones"
    if family in ("riot", "mob"):
        return _riot(sentence, modes, after=_next_sentences(context))
    if (
        family == "attack"
        and trigger.lemma in SEARCH_RAIDS
        and not killed
        and not _non_state_doers(actors)
        and _has(DETAINED, sentence + " " + _next_sentences(context, 1))
        and not _has(HARMED, sentence)
    ):
        # "a search and arrest campaign ... During the raid, ten men were arrested": a raid by the state
        # that ends in detentions, with no one harmed, is told for its arrests
        return Typed(
            kind="material",
            plover="COERCE",
            modes=("arrest",),
            acled_type=STRATEGIC,
            acled_subtype="Arrests",
            reason="a raid whose outcome is arrests, no one harmed",
        )
    if family == "arrest" and _non_state_doers(actors):
        # ACLED: only a state (or a de facto one) arrests; people detained by an armed group are abducted
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=("abduct",),
            acled_type=VAC,
            acled_subtype="Abduction/forced disappearance",
            reason="detained by a non-state armed group: an abduction",
        )
    if family == "arrest":
        return Typed(kind="material", plover="COERCE", modes=("arrest",), acled_type=STRATEGIC, acled_subtype="Arrests")
    if (
        family == "loot"
        and _has(r"seiz\w+|confiscat\w+", trigger.lemma)
        and _has(r"(?:seiz\w+|confiscat\w+) (?:[\w,.-]+ ){0,4}(?:\w+-)?(?:" + ARMS + ")", sentence)
    ):
        return Typed(
            kind="material",
            plover="COERCE",
            modes=("seize",),
            acled_type=STRATEGIC,
            acled_subtype="Disrupted weapons use",
            reason="weapons seized",
        )
    if family == "loot" and not killed and _has(STOPPED_WEAPON, sentence) and _has(ARMS, sentence):
        return Typed(
            kind="material",
            plover="COERCE",
            modes=("seize",),
            acled_type=STRATEGIC,
            acled_subtype="Disrupted weapons use",
            reason="explosives destroyed or found before they did harm",
        )
    if family == "loot" and _remote_means(weapons, sentence):
        # "launchers destroyed by artillery": destroyed with a weapon of remote violence, coded by that weapon
        typed = _violence(replace(trigger, family="attack"), modes, weapons, actors, recipients, sentence)
        if typed.acled_type == EXPLOSIONS:
            return typed
    if family == "loot":
        crowd = _crowd_agent(sentence, trigger, actors)
        if crowd and _has(
            r"attack\w*|beat\w*|assault\w*|injur\w*|kill\w*|lynch\w*|fatalit\w*|died|dead|death|burn\w* alive", sentence
        ):
            return _riot(sentence, modes, "a crowd attacked people and property")
        if crowd and (_has(PROTEST_FIRES, sentence) or _has(GRIEVANCE + "|" + PROTEST_CONTEXT, sentence)):
            # burning tyres, barricades or mattresses, or burning anything to voice a grievance
            return Typed(
                kind="violent",
                plover="PROTEST",
                modes=("riot",),
                acled_type=RIOTS,
                acled_subtype="Violent demonstration",
                reason="a crowd burning things in protest",
            )
        return Typed(
            kind="material",
            plover="ASSAULT",
            modes=("destroy",),
            acled_type=STRATEGIC,
            acled_subtype="Looting/property destruction",
        )
    if (
        family == "body"
        and _has(ARMED_PEOPLE, _without_actors(_without_agents(sentence), actors))
        and not killed_civilians(sentence)
    ):
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes,
            acled_type=BATTLES,
            acled_subtype="Armed clash",
            reason="the body of a fighter or a member of the forces found killed: coded as a clash",
        )
    if family == "body":
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes,
            acled_type=VAC,
            acled_subtype="Attack",
            reason="a body found with signs of violence: coded as an attack",
        )
    if (
        family in ("explosion", "bombard", "shelling", "attack", "disrupt")
        and _has(r"shot down|downed", sentence)
        and _has(r"(?:shot down|downed) (?:[\w-]+ ){0,4}(?:" + MANNED_AIRCRAFT + ")", sentence)
        and not _has(r"drones?|uavs?|unmanned", sentence)
    ):
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes,
            acled_type=BATTLES,
            acled_subtype="Armed clash",
            reason="a manned aircraft shot down: fighting between armed sides",
        )
    if family in ("explosion", "bombard", "shelling", "attack") and (
        (not killed and _has(STOPPED_WEAPON, sentence)) or (family == "explosion" and _has(OWN_BLAST, sentence))
    ):
        return Typed(
            kind="material",
            plover="COERCE",
            modes=("seize",),
            acled_type=STRATEGIC,
            acled_subtype="Disrupted weapons use",
            reason="the weapon was stopped before it did harm",
        )
    if (
        family == "disrupt"
        and _has(r"dismantl\w*|destroy\w*", trigger.lemma + " " + sentence)
        and _has(DRUG_WORKS, sentence)
        and not _has(ARMS, sentence)
    ):
        return Typed(
            kind="material",
            plover="COERCE",
            modes=("destroy",),
            acled_type=STRATEGIC,
            acled_subtype="Looting/property destruction",
            reason="a drug works dismantled: property, not weapons",
        )
    if family == "disrupt":
        return Typed(
            kind="material",
            plover="COERCE",
            modes=("seize",),
            acled_type=STRATEGIC,
            acled_subtype="Disrupted weapons use",
        )
    if family == "withdraw" and (trigger.lemma in HANDING_OVER or _has(TAKEN_OVER, sentence)):
        return Typed(
            kind="material",
            plover="RETREAT",
            modes=("withdraw",),
            acled_type=STRATEGIC,
            acled_subtype="Non-violent transfer of territory",
        )
    if family == "withdraw":
        # troops pulled out with nobody said to take the ground over: a change in the group's activity
        return Typed(
            kind="material",
            plover="RETREAT",
            modes=("withdraw",),
            acled_type=STRATEGIC,
            acled_subtype="Change to group/activity",
            reason="a withdrawal with no ground handed over",
        )
    if family == "other":
        return Typed(
            kind="material", plover=trigger.plover, modes=trigger.modes, acled_type=STRATEGIC, acled_subtype="Other"
        )
    if (
        family in ("attack", "clash", "explosion", "shelling", "bombard")
        and not killed
        and _has(WARNING_FIRE, sentence)
    ):
        return Typed(
            kind="material",
            plover="THREATEN",
            modes=(),
            acled_type=STRATEGIC,
            acled_subtype="Other",
            reason="warning shots with no target: a strategic development",
        )
    if family == "pact":
        return Typed(
            kind="material", plover="AGREE", modes=trigger.modes, acled_type=STRATEGIC, acled_subtype="Agreement"
        )
    if family == "base":
        return Typed(
            kind="material",
            plover="MOBILIZE",
            modes=("troops",),
            acled_type=STRATEGIC,
            acled_subtype="Headquarters or base established",
        )
    if family in ("measures", "aid"):
        return _governance(trigger, actors, sentence)
    if family == "mobilize":
        return Typed(
            kind="material",
            plover="MOBILIZE",
            modes=("troops",),
            acled_type=STRATEGIC,
            acled_subtype="Change to group/activity",
        )
    if family == "capture" and _has(PEOPLE_CAPTURED, sentence):
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes,
            acled_type=BATTLES,
            acled_subtype="Armed clash",
            reason="fighters captured in an operation: fighting, not ground taken",
        )
    if family == "capture" and not _has(TERRITORY, sentence) and not _named_ground(context, trigger_span):
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes,
            acled_type=BATTLES,
            acled_subtype="Armed clash",
            reason="fighters captured, no ground named: fighting",
        )
    if (
        family == "capture"
        and trigger.lemma in NEUTRAL_CAPTURE
        and not _has(FIGHT_TOLD, sentence + " " + _next_sentences(context))
    ):
        # ACLED keeps battles for ground taken by force; ground taken over with no fight told changes hands
        # peacefully ("recaptured", "overran" tell the force themselves)
        return Typed(
            kind="material",
            plover="COERCE",
            modes=("seize",),
            acled_type=STRATEGIC,
            acled_subtype="Non-violent transfer of territory",
            reason="ground taken with no fighting told",
        )
    if family == "capture":
        state = any(a.inter == 1 or a.sector in {"MIL", "GOV"} for a in actors)
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes,
            acled_type=BATTLES,
            acled_subtype="Government regains territory" if state else "Non-state actor overtakes territory",
        )
    after = _next_sentences(context) if family == "abduct" else ""
    if family == "abduct" and (killed or _has(ABDUCTEE_KILLED, sentence + " " + after)):
        # ACLED codes a kidnapping that ends in a killing by the killing.
        typed = _violence(replace(trigger, family="attack"), modes, weapons, actors, recipients, sentence, after)
        return replace(typed, reason="an abduction ending in a killing: coded as the killing")
    if family == "abduct":
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes,
            acled_type=VAC,
            acled_subtype="Abduction/forced disappearance",
        )
    if (
        family in ("attack", "clash", "beat", "shelling", "bombard", "airstrike", "explosion", "sexual")
        and _has(r"protest\w*|demonstrat\w*|rall(?:y|ies)|picket\w*|sit-ins?|vigils?", sentence)
        and _in_grievance_at(context, trigger_span)
    ):
        # "protested against the clashes on the front line": the violence is what the protest is about.
        return _protest(sentence, actors, killed, context)
    if family == "sexual" or (family in ("attack", "beat") and _has(SEXUAL, sentence)):
        return Typed(kind="violent", plover="ASSAULT", modes=modes, acled_type=VAC, acled_subtype="Sexual violence")
    if (
        family in ("attack", "beat")
        and not killed
        and _property_only(sentence, trigger, actors, weapons)
        and not _crowd_agent(sentence, trigger, actors)
    ):
        return Typed(
            kind="material",
            plover="ASSAULT",
            modes=("destroy",),
            acled_type=STRATEGIC,
            acled_subtype="Looting/property destruction",
            reason="only property was harmed: a strategic development",
        )
    # The remaining violent families: attack, shelling, airstrike, clash, explosion, suicide, beat, bombard.
    return _violence(trigger, modes, weapons, actors, recipients, sentence, _next_sentences(context))


def _property_only(sentence: str, trigger: Trigger, actors: tuple[Actor, ...], weapons: tuple[Weapon, ...]) -> bool:
    """An attack on things alone: property burnt, wrecked or plundered, and no person harmed or targeted.

    Explosives and heavier weapons are left to remote violence (ACLED codes a bomb that only damages
    a shop as an explosion). Any person named in the sentence, other than the doers, keeps it an attack.
    """
    if any(w.mode not in ("firearms", "primitive", "beat") for w in weapons):
        return False
    if not _has(PROPERTY_HARM, sentence) or _has(SETTLEMENT_ATTACKED, sentence):
        return False
    unharmed = pattern(NO_HARM).sub(" ", sentence)
    if _has(PERSONAL_HARM, unharmed):
        return False
    things = pattern(NO_HARM).sub(" ", _without_actors(sentence, actors))
    if not _has(PROPERTY, things):
        return False
    # an owner named is no target: "damaging livestock of a local farmer", "shops belonging to traders"
    things = re.sub(
        rf"\b(?:{PROPERTY}) (?:of|belonging to|owned by) (?:[\w-]+ ){{0,3}}?(?:{CIVILIAN_PEOPLE})\b",
        " ",
        things,
        flags=re.IGNORECASE,
    )
    people = pattern(ARMED_PEOPLE).search(things) or pattern(CIVILIAN_PEOPLE).search(pattern(PROPERTY).sub(" ", things))
    return people is None


def _people_against_forces(sentence: str, named: tuple[Actor, ...]) -> bool:
    """A clash "between Palestinians and Israeli forces": one side a people or crowd that is no armed
    group (no actor was resolved from its words), the other the state's forces, and no fighters or
    firearms named."""
    if not any(_armed(a) for a in named) or _has(NON_STATE_FIGHTERS, sentence):
        return False
    sides = re.search(
        rf"\bbetween (?:the )?(?:[\w-]+ ){{0,2}}?({PEOPLE_SIDE}) and (?:the )?(?:[\w-]+ ){{0,2}}?({POLICE_SIDE}|forces|soldiers|troops|army)\b|"
        rf"\bbetween (?:the )?(?:[\w-]+ ){{0,2}}?({POLICE_SIDE}|forces|soldiers|troops|army) and (?:the )?(?:[\w-]+ ){{0,2}}?({PEOPLE_SIDE})\b|"
        rf"(?:^|[,;] |\d{{4}},? )(?:the )?(?:[\w-]+ ){{0,3}}?({PEOPLE_SIDE}) clashed with (?:the )?(?:[\w-]+ ){{0,2}}?({POLICE_SIDE}|forces|soldiers|troops|army)\b",
        sentence,
    )
    if sides is None:
        return False
    people = next(g for g in (sides.group(1), sides.group(4), sides.group(5)) if g)
    return not any(
        people in a.evidence.text or a.evidence.text in people for a in named if _armed(a) and a.evidence.text
    )


def _without_doers(text: str) -> str:
    """The text with its "by ..." agent phrases blanked ("shot by gang members": the gang is the doer)."""
    return re.sub(
        r"\bby (?:the |a |an |several |two |three )?(?:[\w-]+ ){0,2}?(?:" + DRUG_TRADE_PERSON + r")",
        " ",
        text,
        flags=re.IGNORECASE,
    )


def _without_agents(text: str) -> str:
    """The text with its "by <armed agent>" phrases blanked ("found dead, killed by unknown gunmen")."""
    return re.sub(
        r"\bby (?:[\w-]+ ){0,3}(?:" + ARMED_AGENT + r")\b(?: (?:officers|personnel|members|agents|men))?",
        " ",
        text,
        flags=re.IGNORECASE,
    )


def _next_sentences(context: Span | None, limit: int = 2) -> str:
    """The text of the sentences right after ``context`` in its document (what a report says next of the victim).

    Walks only the tokens of those sentences: this runs for every violent event, and ``doc.sents``
    would walk the whole document each time."""
    if context is None:
        return ""
    doc = context.doc
    end = i = context.end
    seen = 0
    while i < len(doc):
        if i > end and doc[i].is_sent_start:
            seen += 1
            if seen == limit:
                break
        i += 1
    return doc[end:i].text if i > end else ""


def _governance(trigger: Trigger, actors: tuple[Actor, ...], sentence: str) -> Typed:
    """Security measures (lockdowns, closed roads) or aid handed out: a change to the activity of
    an armed group or an authority (ACLED's Strategic developments); by anyone else, aid is just aid."""
    by_armed_group = any(_armed(a) and a.inter != 1 for a in actors) or any(a.sector == "CRM" for a in actors)
    authority = any(a.sector in {"GOV", "MIL", "COP"} or a.inter == 1 for a in actors) or _has(
        AUTHORITY, _agent_text(sentence, trigger)
    )
    if by_armed_group or (trigger.family == "measures" and authority):
        reason = "an armed group handing out aid" if trigger.family == "aid" else "security measures"
        return Typed(
            kind="material",
            plover=trigger.plover,
            modes=trigger.modes,
            acled_type=STRATEGIC,
            acled_subtype="Change to group/activity",
            reason=reason,
        )
    return Typed(kind="material", plover=trigger.plover, modes=trigger.modes, acled_type=None, acled_subtype=None)


def _violence(
    trigger: Trigger,
    modes: tuple[str, ...],
    weapons: tuple[Weapon, ...],
    actors: tuple[Actor, ...],
    recipients: tuple[Actor, ...],
    sentence: str,
    after: str = "",
) -> Typed:
    family = trigger.family
    victims = _victims(sentence, trigger, actors, recipients)
    if victims != "armed" and (
        _has(DRUG_TRADE_PERSON, _without_doers(_target_text(sentence, trigger, actors))) or _has(DRUG_TRADE_PAST, after)
    ):
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes or ("firearms",),
            acled_type=BATTLES,
            acled_subtype="Armed clash",
            reason="the victim was in the drug trade: coded as gang violence",
        )
    firearms = any(w.mode == "firearms" for w in weapons)
    # Small arms among the weapons mark a fight, unless the report says heavier weapons were the main
    # ones ("primarily heavy weapons, including small arms"). Heavy machine guns and grenade launchers
    # fired on their own are stand-off fire, coded like artillery.
    # "gunmen threw a grenade": the word for the doers is no rifle fired when another weapon is named.
    fired = [w for w in weapons if not (_has(r"gunm[ae]n", w.evidence.text) and len(weapons) > 1)]
    infantry = any(_light_arms(w, sentence) for w in fired)
    heavy_first = _has(
        r"(?:primarily|mainly|mostly|largely|predominantly) (?:with )?(?:heavy|artillery|mortars?|rockets?|missiles?)",
        sentence,
    )
    small_arms_fight = infantry and not heavy_first
    exchange = family == "clash" or _has(EXCHANGE, sentence)
    # Fire returned, told in the sentence or the next ones ("... The other side responded to the fire").
    answered = _has(TWO_WAY, sentence) or _has(TWO_WAY, after)
    if family != "airstrike" and victims != "civilian" and answered:
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes,
            acled_type=BATTLES,
            acled_subtype="Armed clash",
            reason="fire exchanged both ways: coded as a clash",
        )
    if (
        (family == "suicide" or "suicide-attack" in modes)
        and victims != "civilian"
        and (_has(BOMBER_ENGAGED, sentence) or _has(BOMBER_ENGAGED, after))
    ):
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes,
            acled_type=BATTLES,
            acled_subtype="Armed clash",
            reason="the suicide attacker was fired on before the blast: coded as a clash",
        )
    if (
        victims != "civilian"
        and _has(AIR_SUPPORT, sentence)
        and _has(r"operations?|offensive|attack\w*|assault|clash\w*|fight\w*|repel\w*", sentence)
    ):
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes,
            acled_type=BATTLES,
            acled_subtype="Armed clash",
            reason="air strikes backing a ground operation: coded as the battle",
        )
    if (
        family in ("attack", "bombard", "shelling")
        and not killed_civilians(sentence)
        and _has(STANDOFF_WEAPONS, sentence)
        and _has(AREA_TARGET, sentence)
        and not _has(EXCHANGE, sentence)
        and not answered
    ):
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes,
            acled_type=EXPLOSIONS,
            acled_subtype="Shelling/artillery/missile attack",
            reason="heavy weapons fired at an area, no fight told: coded as shelling",
        )
    # Small arms fired at armed people: an exchange of fire, not remote violence, whatever heavier
    # weapons are listed with them.
    if (
        family in ("attack", "clash", "explosion", "bombard", "shelling")
        and small_arms_fight
        and (victims != "civilian")
        and (victims == "armed" or exchange or _has(r"shots|bursts|small arms|machine ?guns?", sentence))
    ):
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes,
            acled_type=BATTLES,
            acled_subtype="Armed clash",
            reason="small arms fired at armed people: coded as a clash",
        )
    if family in ("shelling", "bombard") and victims != "civilian" and _has(FIGHTING, sentence):
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes,
            acled_type=BATTLES,
            acled_subtype="Armed clash",
            reason="shelling during a fight between armed sides: coded as a clash",
        )
    if (
        family in ("attack", "clash", "beat")
        and not firearms
        and _has(CROWD_VS_POLICE, sentence)
        and not _has(NON_STATE_FIGHTERS + r"|armed", sentence)
    ):
        # a violent demonstration when the crowd voices a grievance, else mob violence
        return _riot(sentence, modes, "a crowd fought the police", after)
    if family in ("attack", "clash", "beat") and _crowd_agent(sentence, trigger, actors) and not firearms:
        return _riot(sentence, modes, "violence by an unorganised crowd", after)
    if (
        family in ("attack", "clash", "beat")
        and victims == "armed"
        and not weapons
        and _unarmed_doers(sentence, trigger, actors)
    ):
        # Battles need two organised armed sides: people with no weapon of war attacking soldiers or
        # police is mob violence (or a violent demonstration when it voices a grievance).
        return _riot(sentence, modes, "unarmed people attacked the security forces", after)
    hand_weapons_only = all(w.mode == "primitive" for w in weapons)
    # a party's youth wing (a political militia) fighting another party's supporters with no weapon of
    # war is mob violence too: the militia does not make it a battle
    if (
        family == "clash"
        and hand_weapons_only
        and not any(_armed(a) and a.inter != 3 for a in actors + recipients)
        and _has(CROWD_SIDES, _sides_text(sentence, trigger))
        and not _has(ORGANISED_FIGHTERS, sentence)
    ):
        return _riot(
            sentence, modes, "a fight with no weapon of war where a side is a crowd, not an armed group", after
        )
    if family == "clash" and hand_weapons_only and _people_against_forces(sentence, actors + recipients):
        return _riot(sentence, modes, "a people, not an armed group, fought the security forces", after)
    if not (family == "clash" or (family == "attack" and exchange and victims == "armed" and not weapons)):
        remote, reason = _remote_subtype(weapons, family, sentence)
        if remote is not None:
            return Typed(
                kind="violent",
                plover="ASSAULT",
                modes=modes,
                acled_type=EXPLOSIONS,
                acled_subtype=remote,
                reason=reason,
            )
    armed_sides = {a.name for a in actors + recipients if _armed(a)}
    if (
        victims is None
        and not killed_civilians(sentence)
        and _has(CEASEFIRE, sentence)
        and (any(_armed(a) for a in actors) or _has(r"forces|army|troops|military|soldiers", sentence))
    ):
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes or ("firearms",),
            acled_type=BATTLES,
            acled_subtype="Armed clash",
            reason="fire across a ceasefire line: coded as a clash",
        )
    if (
        family in ("beat", "attack")
        and _has(r"tortur\w*|ill[- ]treat\w*|mistreat\w*", sentence)
        and _has(IN_CUSTODY, sentence)
    ):
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes,
            acled_type=VAC,
            acled_subtype="Attack",
            reason="a detainee tortured or killed in custody: violence against civilians",
        )
    if victims == "civilian" and not exchange:
        return Typed(kind="violent", plover="ASSAULT", modes=modes, acled_type=VAC, acled_subtype="Attack")
    if exchange or victims == "armed" or len(armed_sides) >= 2:
        reason = None if exchange or len(armed_sides) >= 2 else "armed victims: coded as a clash"
        return Typed(
            kind="violent",
            plover="ASSAULT",
            modes=modes or ("firearms",),
            acled_type=BATTLES,
            acled_subtype="Armed clash",
            reason=reason,
        )
    if victims == "civilian":
        return Typed(kind="violent", plover="ASSAULT", modes=modes, acled_type=VAC, acled_subtype="Attack")
    return Typed(
        kind="violent",
        plover="ASSAULT",
        modes=modes,
        acled_type=VAC,
        acled_subtype="Attack",
        reason="no armed opponent named: coded as an attack on civilians",
    )
