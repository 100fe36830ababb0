"""Event words found through the parse: a verb with the noun it governs, whatever stands between them.

The phrase lexicon matches words side by side, so "launched two ballistic missiles", "three rockets
fell near the airport" or "cut down 28 olive trees" escape it: numbers and adjectives come between
the verb and the noun that makes it an event. A frame names the verbs, whether the noun is their
object or their subject, and the nouns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..resolve.wording import has_any_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PROJECTILES = frozenset(
    "rocket rockets missile missiles mortar mortars shell shells projectile projectiles katyusha katyushas".split()
)
TREES = frozenset(
    "tree trees sapling saplings seedling seedlings orchard orchards vine vines grove groves crop crops "
    "olive olives".split()
)
EXPLOSIVES = frozenset("explosive explosives dynamite".split())
# Weapons and ammunition that, seized, found, defused or cleared, make a Disrupted weapons use.
WEAPONRY = frozenset(
    "weapon weapons arm arms ammunition ammo munition munitions explosive explosives ied ieds bomb bombs "
    "grenade grenades landmine landmines mine mines firearm firearms gun guns rifle rifles pistol pistols "
    "revolver revolvers rocket rockets mortar mortars bullet bullets cartridge cartridges detonator detonators "
    "projectile projectiles launcher launchers".split()
)
# Nouns that hold weapons: they count when weapons are named inside them ("a cache of rifles",
# "an explosive device", "a weapons depot").
HOLDERS = frozenset(
    "cache caches stash stashes stockpile stockpiles arsenal arsenals depot depots haul device devices "
    "consignment shipment package packages parcel parcels".split()
)
# Taking weapons out of use: seized, found, defused, cleared or destroyed where they lay.
DISARMING = frozenset(
    "seize confiscate capture recover find discover unearth uncover defuse dismantle destroy clear remove "
    "neutralise neutralize intercept impound detect".split()
)
CROWD_CONTROL = frozenset("gas tear teargas smoke rubber stun paint".split())

# Doers that make a theft or a felling part of a conflict rather than a crime or farm work.
HOSTILE_DOERS = (
    "armed",
    "gunmen",
    "gunman",
    "militia",
    "militias",
    "militants",
    "militant",
    "rebels",
    "rebel",
    "bandits",
    "insurgents",
    "fighters",
    "soldiers",
    "troops",
    "forces",
    "army",
    "settlers",
    "jihadists",
    "herders",
    "unidentified",
    "unknown",
)


@dataclass(frozen=True, slots=True)
class Frame:
    family: str
    verbs: frozenset[str]
    role: str  # "object": the noun is the verb's object; "subject": its subject
    nouns: frozenset[str] | None  # None: any noun
    hostile: bool = False  # the sentence must name a hostile doer
    particle: str | None = None  # a particle the verb must carry ("cut down")
    holders: frozenset[str] = frozenset()  # nouns that count when one of ``nouns`` is named inside them


FRAMES = (
    Frame("shelling", frozenset({"launch", "fire", "lob"}), "object", PROJECTILES),
    Frame("shelling", frozenset({"fall", "land", "hit", "strike", "slam", "impact"}), "subject", PROJECTILES),
    Frame("explosion", frozenset({"use", "detonate"}), "object", EXPLOSIVES),
    Frame("loot", frozenset({"steal", "rustle"}), "object", None, hostile=True),
    Frame("loot", frozenset({"uproot", "chop", "fell"}), "object", TREES, hostile=True),
    Frame("loot", frozenset({"cut"}), "object", TREES, hostile=True, particle="down"),
    Frame("disrupt", DISARMING, "object", WEAPONRY, holders=HOLDERS),
)


@dataclass(frozen=True, slots=True)
class FrameHit:
    token: Token  # the verb
    family: str
    phrase: str  # the verb's lemma and the noun's, as the trigger's lemma


# Words for a quantity whose "of" names the thing counted ("dozens of olive trees").
QUANTITIES = frozenset(
    "dozens hundreds thousands scores number numbers lot lots some several dozen hundred thousand couple pair "
    "amount amounts quantity quantities kg kilogram kilograms kilo kilos tonne tonnes ton tons pound pounds".split()
)


def _argument(verb: Token, role: str) -> Token | None:
    """The verb's object ("dobj", or the subject of a passive) or its subject, read through a quantity."""
    deps = {"dobj", "nsubjpass"} if role == "object" else {"nsubj"}
    found = next((c for c in verb.children if c.dep_ in deps), None)
    if found is None and role == "object" and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found = verb.head  # "missiles launched from Sanaa": the participle qualifies its object
    if found is not None and found.lower_ in QUANTITIES:
        of = next((c for c in found.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        found = counted or found
    return found


def _names_one(noun: Token, nouns: frozenset[str], holders: frozenset[str]) -> bool:
    """Whether ``noun``, or a noun joined to it by "and", is one of ``nouns``, or is a holder with one
    of ``nouns`` inside it ("a cache of rifles", "explosive devices")."""
    for word in (noun, *noun.conjuncts):
        if word.lemma_.lower() in nouns or word.lower_ in nouns:
            return True
        if (word.lemma_.lower() in holders or word.lower_ in holders) and any(
            t.lower_ in nouns for t in word.subtree if t is not word
        ):
            return True
    return False


def find_frames(doc: Doc) -> list[FrameHit]:
    """Verbs that an argument makes an event word, in text order."""
    hits: list[FrameHit] = []
    for token in doc:
        if token.pos_ != "VERB":
            continue
        lemma = token.lemma_.lower()
        for frame in FRAMES:
            if lemma not in frame.verbs:
                continue
            if frame.particle and not any(c.dep_ == "prt" and c.lower_ == frame.particle for c in token.children):
                continue
            noun = _argument(token, frame.role)
            if noun is None or noun.pos_ not in {"NOUN", "PROPN"}:
                continue
            if frame.nouns is not None and not _names_one(noun, frame.nouns, frame.holders):
                continue
            if any(c.lower_ in CROWD_CONTROL for c in noun.children if c.dep_ in {"compound", "amod"}):
                continue  # "lobbed tear gas shells": crowd control, not artillery
            if frame.hostile and not has_any_word(token.sent.text.lower(), HOSTILE_DOERS):
                continue
            hits.append(FrameHit(token=token, family=frame.family, phrase=f"{lemma} {noun.lemma_.lower()}"))
            break
    return hits
