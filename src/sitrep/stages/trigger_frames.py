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
# A grenade thrown by hand ("a grenade was hurled at the patrol"): the noun makes the verb an attack,
# passive or active, whatever words stand between them.
GRENADES = frozenset("grenade grenades".split())
THROWING = frozenset("throw hurl lob toss fling chuck".split())
# Chemical agents used or dropped, whatever the verb names them by ("chlorine was used", "dropped sarin").
CHEMICAL_AGENTS = frozenset("chlorine sarin novichok tabun vx".split())
# Nouns that are a chemical weapon only with a word before them ("mustard gas", "nerve agents").
CHEMICAL_NOUNS = frozenset("gas gases agent agents weapon weapons munition munitions bomb bombs".split())
CHEMICAL_KINDS = frozenset("chemical chlorine sarin mustard nerve poison poisonous toxic".split())
USING = frozenset("use employ drop unleash spread spray deploy fire launch".split())
# What carries an agent ("barrels of poisonous gas", "rockets loaded with sarin"): a chemical weapon when
# an agent is named inside it.
CHEMICAL_HOLDERS = frozenset(
    "barrel barrels canister canisters cylinder cylinders container containers bomb bombs rocket rockets "
    "shell shells munition munitions".split()
)
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
# A halt to fighting that two sides agree, sign or reach ("agreed a 48-hour ceasefire").
TRUCES = frozenset("ceasefire ceasefires cease-fire cease-fires truce truces armistice".split())
# A deal is a conflict agreement only when a word before it says so ("signed a peace deal").
DEALS = frozenset("deal deals agreement agreements accord accords pact".split())
DEAL_KINDS = frozenset("peace ceasefire cease-fire truce evacuation reconciliation surrender".split())
# What two sides agree to do about a truce or peace talks ("agreed to resume peace talks", "agreed to extend
# the truce"): agreeing is the event, not the talks, which are only an Agreement so agreed.
AGREED_STEPS = frozenset(
    "resume restart reopen start begin hold open launch extend observe respect implement restore honour honor".split()
)
AGREEING = frozenset("agree consent".split())
TALKS = frozenset("talks negotiations negotiation dialogue".split())
PEACE = frozenset({"peace"})
# What forces set up: a base or a post ("set up two new bases", "established 56 observation points").
BASES = frozenset(
    "base bases outpost outposts headquarters camp camps garrison garrisons barracks airbase airbases".split()
)
# Checkpoints are left out: forces deploying and setting up checkpoints change their activity (the
# lexicon's "set up checkpoint" stays). Posts, points and positions are a base only when a word
# before them says so ("a new observation post").
POSTS = frozenset("post posts point points position positions tower towers".split())
POST_KINDS = frozenset("observation military army security border monitoring lookout watch".split())
# Units an armed force forms, and forces sent somewhere.
UNITS = frozenset(
    "force forces unit units brigade brigades battalion battalions regiment regiments division divisions "
    "group groups organisation organization command militia militias squad squads corps".split()
)
TROOPS = frozenset(
    "troops forces soldiers fighters reinforcements units militants servicemen paratroopers marines "
    "commandos battalions brigades".split()
)
# Camps and posts for people in need are relief, not a base ("set up relief camps").
RELIEF = frozenset(
    "relief refugee refugees displaced idp idps aid medical evacuation tent tents health quarantine isolation "
    "vaccination rescue holiday summer".split()
)
# Land or property seized is looting, not ground taken ("seized a large area of farmland").
LAND = frozenset("land lands farmland farmlands property properties dunams dunums acres hectares plots plot".split())
# Ground that forces take ("freed several villages", "seized the provincial capital").
GROUND = frozenset(
    "village villages town towns city cities district districts area areas region regions territory "
    "territories hill hills hilltop hilltops post posts outpost outposts base bases camp camps stronghold "
    "strongholds capital port crossing crossings airport airfield neighbourhood neighborhood neighbourhoods "
    "neighborhoods locality localities settlement settlements province highway".split()
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
# Doers that make a base set up, a unit formed or ground taken a conflict matter, not an office or a club.
MILITARY_DOERS = (*HOSTILE_DOERS, "military", "coalition", "peacekeepers", "troopers", "guerrillas", "separatists")
# Words that make chlorine or a gas used a weapon, not a cleaner ("the regime used chlorine", "used as a weapon").
CHEMICAL_USERS = (
    *MILITARY_DOERS,
    "regime",
    "government",
    "terrorists",
    "terrorist",
    "weapon",
    "weapons",
    "attack",
    "attacks",
    "helicopters",
    "aircraft",
    "warplanes",
    "war",
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
    kinds: frozenset[str] | None = None  # the noun must carry one of these words before it ("peace deal")
    doers: tuple[str, ...] = HOSTILE_DOERS  # read when ``hostile``
    preps: frozenset[str] = frozenset()  # prepositions whose object also counts ("agreed to a truce")
    unless: frozenset[str] = frozenset()  # words in the noun's phrase that undo the frame ("an area of land")
    agreed_by: frozenset[str] = (
        frozenset()
    )  # the verb counts only as the complement of one of these ("agreed to resume")


FRAMES = (
    # before the projectiles: "fired rockets filled with chlorine" is a chemical attack
    Frame(
        "attack",
        USING,
        "object",
        CHEMICAL_AGENTS | (CHEMICAL_KINDS - {"chemical"}),
        hostile=True,
        holders=CHEMICAL_HOLDERS,
        doers=CHEMICAL_USERS,
    ),
    Frame("shelling", frozenset({"launch", "fire", "lob"}), "object", PROJECTILES),
    Frame("shelling", frozenset({"fall", "land", "hit", "strike", "slam", "impact"}), "subject", PROJECTILES),
    Frame("explosion", frozenset({"use", "detonate"}), "object", EXPLOSIVES),
    Frame("attack", THROWING, "object", GRENADES),
    Frame("attack", USING, "object", CHEMICAL_NOUNS, hostile=True, kinds=CHEMICAL_KINDS, doers=CHEMICAL_USERS),
    Frame("loot", frozenset({"steal", "rustle"}), "object", None, hostile=True),
    Frame("loot", frozenset({"uproot", "chop", "fell"}), "object", TREES, hostile=True),
    Frame("loot", frozenset({"cut"}), "object", TREES, hostile=True, particle="down"),
    Frame("disrupt", DISARMING, "object", WEAPONRY, holders=HOLDERS),
    Frame(
        "pact",
        frozenset({"agree", "sign", "reach", "conclude", "broker", "seal", "strike", "accept"}),
        "object",
        TRUCES,
        preps=frozenset({"to", "on", "upon"}),
    ),
    Frame(
        "pact",
        frozenset({"agree", "sign", "reach", "conclude", "broker", "seal", "strike"}),
        "object",
        DEALS,
        kinds=DEAL_KINDS,
        preps=frozenset({"to", "on", "upon"}),
    ),
    Frame("pact", AGREED_STEPS, "object", TRUCES, agreed_by=AGREEING),
    Frame("pact", AGREED_STEPS, "object", TALKS, kinds=PEACE, agreed_by=AGREEING),
    Frame(
        "base", frozenset({"set"}), "object", BASES, hostile=True, particle="up", doers=MILITARY_DOERS, unless=RELIEF
    ),
    Frame(
        "base",
        frozenset({"set"}),
        "object",
        POSTS,
        hostile=True,
        particle="up",
        kinds=POST_KINDS,
        doers=MILITARY_DOERS,
        unless=RELIEF,
    ),
    Frame(
        "base",
        frozenset({"establish", "open", "build", "install", "erect", "construct"}),
        "object",
        BASES,
        hostile=True,
        doers=MILITARY_DOERS,
        unless=RELIEF,
    ),
    Frame(
        "base",
        frozenset({"establish", "open", "build", "install", "erect", "construct"}),
        "object",
        POSTS,
        hostile=True,
        kinds=POST_KINDS,
        doers=MILITARY_DOERS,
        unless=RELIEF,
    ),
    Frame("mobilize", frozenset({"form", "create"}), "object", UNITS, hostile=True, doers=MILITARY_DOERS),
    Frame(
        "mobilize",
        frozenset({"dispatch", "send", "deploy", "redeploy", "forward", "rush", "move", "amass", "mass"}),
        "object",
        TROOPS,
    ),
    Frame(
        "capture",
        frozenset({"free", "liberate", "recover", "seize", "occupy", "retake", "recapture", "overrun"}),
        "object",
        GROUND,
        hostile=True,
        doers=MILITARY_DOERS,
        unless=LAND,
    ),
    Frame(
        "capture",
        frozenset({"take", "seize", "gain", "regain", "wrest", "restore", "assume", "retake"}),
        "object",
        frozenset({"control"}),
        hostile=True,
        doers=MILITARY_DOERS,
    ),
)


# Driving the other side out of ground ("pushed the militants out of several villages", "drove the rebels
# from the town", "cleared the district of insurgents"): ground taken, told by whom it was taken from.
DRIVING_OUT = frozenset("push drive expel flush chase oust dislodge evict rout kick force".split())
CLEARING = frozenset({"clear", "purge", "rid"})
FIGHTERS = frozenset(
    "militant militants rebel rebels insurgent insurgents fighter fighters terrorist terrorists jihadist jihadists "
    "militia militias militiamen gunmen troops forces soldiers army separatists extremists".split()
)


def _pobj(head: Token, prep: str) -> Token | None:
    found = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == prep), None)
    return next((c for c in found.children if c.dep_ == "pobj"), None) if found is not None else None


def _ground_freed(verb: Token) -> Token | None:
    """The ground the verb drives the other side out of, or clears of them."""
    lemma = verb.lemma_.lower()
    taken = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if taken is None:
        return None
    if lemma in CLEARING:
        cleared_of = _pobj(taken, "of") or _pobj(verb, "of")
        return taken if cleared_of is not None and cleared_of.lower_ in FIGHTERS else None
    if lemma not in DRIVING_OUT or taken.lower_ not in FIGHTERS:
        return None
    out = next((c for c in verb.children if c.dep_ in {"prep", "prt", "advmod"} and c.lower_ == "out"), None)
    return _pobj(verb, "from") or (_pobj(out, "of") if out is not None else None) or _pobj(verb, "of")


@dataclass(frozen=True, slots=True)
class FrameHit:
    token: Token  # the verb
    family: str
    phrase: str  # the verb's lemma and the noun's, as the trigger's lemma


# Words for a quantity whose "of" names the thing counted ("dozens of olive trees").
QUANTITIES = frozenset(
    "dozens hundreds thousands scores number numbers lot lots some several dozen hundred thousand couple pair "
    "amount amounts quantity quantities kg kilogram kilograms kilo kilos tonne tonnes ton tons pound pounds total".split()
)


def _argument(verb: Token, role: str, preps: frozenset[str] = frozenset()) -> Token | None:
    """The verb's object ("dobj", or the subject of a passive; the object of one of ``preps``) or its
    subject, read through a quantity."""
    deps = {"dobj", "nsubjpass"} if role == "object" else {"nsubj"}
    found = next((c for c in verb.children if c.dep_ in deps), None)
    if found is None and preps:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps), None)
        found = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if found is None and role == "object":
        # "discovered a large amount of ammunition believed to belong to the group", parsed as the subject
        # of a clause of its own: the participle describes the noun, which is the verb's object
        reduced = next(
            (
                c
                for c in verb.children
                if c.dep_ == "ccomp" and c.tag_ in {"VBN", "VBD"} and not any(a.dep_ == "aux" for a in c.children)
            ),
            None,
        )
        found = next((c for c in reduced.children if c.dep_ == "nsubj"), None) if reduced is not None else None
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
        ground = _ground_freed(token)
        if (
            ground is not None
            and _names_one(ground, GROUND, frozenset())
            and has_any_word(token.sent.text.lower(), MILITARY_DOERS)
        ):
            hits.append(FrameHit(token=token, family="capture", phrase=f"{lemma} out of {ground.lemma_.lower()}"))
            continue
        for frame in FRAMES:
            if lemma not in frame.verbs:
                continue
            if frame.agreed_by and not (token.dep_ == "xcomp" and token.head.lemma_.lower() in frame.agreed_by):
                continue
            if frame.particle and not any(c.dep_ == "prt" and c.lower_ == frame.particle for c in token.children):
                continue
            noun = _argument(token, frame.role, frame.preps)
            if noun is None or noun.pos_ not in {"NOUN", "PROPN"}:
                continue
            if frame.nouns is not None and not _names_one(noun, frame.nouns, frame.holders):
                continue
            if frame.unless and any(t.lower_ in frame.unless for t in noun.subtree):
                continue
            if frame.kinds is not None and not any(
                c.lower_ in frame.kinds for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}
            ):
                continue
            if any(c.lower_ in CROWD_CONTROL for c in noun.children if c.dep_ in {"compound", "amod"}):
                continue  # "lobbed tear gas shells": crowd control, not artillery
            if frame.hostile and not has_any_word(token.sent.text.lower(), frame.doers):
                continue
            verb = f"{lemma} {frame.particle}" if frame.particle else lemma
            hits.append(FrameHit(token=token, family=frame.family, phrase=f"{verb} {noun.lemma_.lower()}"))
            break
    return hits
