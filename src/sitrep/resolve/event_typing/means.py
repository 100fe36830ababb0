"""What an event is done with and to: weapons (light arms, remote means), ground and property, and
the sentences that follow the event's own."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...model import Actor, Trigger, Weapon
from ..event_words import (
    ARMED_PEOPLE,
    CIVILIAN_PEOPLE,
    DEVICE,
    HAND_GRENADE,
    HEAVY_GUNS,
    MANY_BLASTS,
    NO_HARM,
    PERSONAL_HARM,
    PROPERTY,
    PROPERTY_ATTACKED,
    PROPERTY_HARM,
    SETTLEMENT_ATTACKED,
)
from ..wording import matches, whole_words
from .parties import without_actors

if TYPE_CHECKING:
    from spacy.tokens import Span


REMOTE_MODES = frozenset({"heavy-weapons", "aerial", "drone", "explosives"})
# Chemical agents among the unconventional means (not nuclear, biological or radiological ones, nor
# white phosphorus, an incendiary).
CHEMICAL_AGENT = r"chemical|chlorine|sarin|mustard|nerve (?:agent|gas)|vx|novichok|tabun|toxic|poison\w*|gas attacks?"
# Words before a chemical agent that make it what someone else did, the cause the event answers
# ("strikes on groups it accused of carrying out a chlorine attack").
BLAMED_BEFORE = re.compile(
    r"\b(?:accus\w*|blam\w*|retaliat\w*|response|revenge|reprisal|responsible)\b(?:\W+\w+){0,6}\W+$", re.IGNORECASE
)
# A projectile said to have carried an agent, in the sentences after the event ("the shells contained chlorine").
FILLED_WITH = (
    r"(?:shells?|rockets?|bombs?|munitions?|missiles?|projectiles?|barrels?|canisters?)\s+(?:\w+\s+){0,3}?"
    r"(?:contain\w*|filled with|loaded with|carr\w+|released)\s+(?:\w+\s+){0,3}?(?:" + CHEMICAL_AGENT + ")"
)


def remote_means(weapons: tuple[Weapon, ...], sentence: str) -> bool:
    """A weapon of remote violence named as the means ("destroyed by artillery", "with a drone"), not as the thing hit."""
    return any(
        w.mode in REMOTE_MODES
        and w.evidence.text
        and re.search(r"\b(?:by|with|using)\s+(?:[\w-]+\s+){0,3}" + re.escape(w.evidence.text), sentence, re.IGNORECASE)
        for w in weapons
    )


def _blamed(weapon: Weapon, sentence: str) -> bool:
    at = sentence.lower().find(weapon.evidence.text.lower())
    return at > 0 and BLAMED_BEFORE.search(sentence[:at]) is not None


def chemical_agent_used(weapons: tuple[Weapon, ...], sentence: str, after: str = "") -> bool:
    """A chemical agent used in the event, whatever the verb ("attacked with poisonous gas", "chlorine was
    dropped"), or said in the next sentences to fill its projectiles; not one the event answers."""
    if any(
        w.mode == "unconventional" and matches(CHEMICAL_AGENT, w.evidence.text) and not _blamed(w, sentence)
        for w in weapons
    ):
        return True
    return matches(FILLED_WITH, after) and any(w.mode in REMOTE_MODES for w in weapons)


def light_arms(weapon: Weapon, sentence: str) -> bool:
    """A rifle, a pistol or a light machine gun: not a heavy machine gun, cannon or grenade launcher."""
    if weapon.mode != "firearms":
        return False
    text = weapon.evidence.text
    if matches(HEAVY_GUNS, text):
        return False
    return not (
        matches(r"machine ?-?guns?|machineguns?", text)
        and matches(HEAVY_GUNS, sentence)
        and not matches(r"small arms|small-arms|rifles?", sentence)
    )


def named_ground(context: Span | None, trigger_span: tuple[int, int] | None) -> bool:
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


def _missiles_from_the_air(weapons: tuple[Weapon, ...]) -> bool:
    """Aircraft or drones named, then missiles and no other heavy weapon ("jets fired missiles at ...")."""
    heavy = [w for w in weapons if w.mode == "heavy-weapons"]
    flying = [w.evidence.start for w in weapons if w.mode in ("aerial", "drone")]
    return (
        bool(heavy and flying)
        and all(w.name == "missile" for w in heavy)
        and min(flying) < min(w.evidence.start for w in heavy)
    )


# Drones and shells named together as the weapons of one attack ("a drone and mortar attack"), not drones
# seen overhead while the shells fell.
_SHELLS = r"(?:mortars?|rockets?|artillery|missiles?|shells?|shelling|explosives?)"
DRONE_AND_SHELLS = (
    r"(?:drones?|uavs?) (?:and|or|,) (?:\w+ )?"
    + _SHELLS
    + r" (?:attacks?|strikes?|assaults?|fire)|"
    + _SHELLS
    + r" (?:and|or|,) (?:\w+ )?(?:drones?|uavs?) (?:attacks?|strikes?|assaults?)"
)


def remote_subtype(weapons: tuple[Weapon, ...], family: str, sentence: str) -> tuple[str | None, str | None]:
    names = {w.name for w in weapons}
    modes = {w.mode for w in weapons}
    heavy_guns_only = "firearms" in modes and not any(light_arms(w, sentence) for w in weapons)
    if "suicide-attack" in modes or family == "suicide":
        return "Suicide bomb", None
    if any(w.mode == "unconventional" and not _blamed(w, sentence) for w in weapons):
        return "Chemical weapon", None
    if family == "airstrike":
        return "Air/drone strike", None
    if "drone" in modes and matches(DRONE_AND_SHELLS, sentence):
        return "Air/drone strike", "drones named as a weapon of the attack with the shells: coded as a drone strike"
    if family == "shelling":
        return "Shelling/artillery/missile attack", None
    if "grenade" in names and matches(HAND_GRENADE, sentence):
        return "Grenade", None
    if names & {"ied", "landmine", "car bomb", "explosive device", "roadside bomb", "mine"} and matches(
        DEVICE, sentence
    ):
        return "Remote explosive/landmine/IED", None
    if _missiles_from_the_air(weapons):
        return "Air/drone strike", "missiles fired by the aircraft named before them: coded as an air strike"
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
        if not matches(DEVICE, sentence) and matches(MANY_BLASTS, sentence):
            return "Shelling/artillery/missile attack", "many explosions and no device named: coded as shelling"
        return "Remote explosive/landmine/IED", None
    if family == "bombard":
        return "Shelling/artillery/missile attack", "bombardment without a named weapon: coded as shelling"
    return None, None


def property_only(sentence: str, trigger: Trigger, actors: tuple[Actor, ...], weapons: tuple[Weapon, ...]) -> bool:
    """An attack on things alone: property burnt, wrecked or plundered, and no person harmed or targeted.

    Explosives and heavier weapons are left to remote violence (ACLED codes a bomb that only damages
    a shop as an explosion). Any person named in the sentence, other than the doers, keeps it an attack.
    """
    if any(w.mode not in ("firearms", "primitive", "beat") for w in weapons):
        return False
    harmed = matches(PROPERTY_HARM, sentence) or matches(PROPERTY_ATTACKED, sentence)
    if not harmed or matches(SETTLEMENT_ATTACKED, sentence):
        return False
    unharmed = whole_words(NO_HARM).sub(" ", sentence)
    if matches(PERSONAL_HARM, unharmed):
        return False
    things = whole_words(NO_HARM).sub(" ", without_actors(sentence, actors))
    if not matches(PROPERTY, things):
        return False
    # an owner named is no target: "damaging livestock of a local farmer", "shops belonging to traders"
    things = re.sub(
        rf"\b(?:{PROPERTY}) (?:of|belonging to|owned by) (?:[\w-]+ ){{0,3}}?(?:{CIVILIAN_PEOPLE})\b",
        " ",
        things,
        flags=re.IGNORECASE,
    )
    people = whole_words(ARMED_PEOPLE).search(things) or whole_words(CIVILIAN_PEOPLE).search(
        whole_words(PROPERTY).sub(" ", things)
    )
    return people is None


def next_sentences(context: Span | None, limit: int = 2) -> str:
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
