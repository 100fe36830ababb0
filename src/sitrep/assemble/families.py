"""Sets of trigger families (and of kill words and ordnance modes) that assembly rules consult.

They are kept together so that a declared family table can replace them in one place.
"""

from __future__ import annotations

# Most specific first: the word that names a sentence's event.
FAMILY_RANK = (
    "suicide",
    "abduct",
    "sexual",
    "airstrike",
    "shelling",
    "bombard",
    "explosion",
    "capture",
    "riot",
    "mob",
    "protest",
    "clash",
    "beat",
    "body",
    "attack",
    "loot",
    "disrupt",
    "arrest",
    "pact",
    "withdraw",
    "base",
    "mobilize",
    "measures",
    "aid",
    "other",
)
# Where a family not in FAMILY_RANK falls: after every ranked one.
UNRANKED = 99
# Lemmas of killing: a sentence made only of them may be a toll rather than a new event.
KILL_WORDS = frozenset({"kill", "killing", "murder", "slay", "massacre", "execute", "execution", "behead"})
# Families of words too general to name an event on their own ("attack", "clash").
GENERIC_FAMILIES = frozenset({"attack", "clash"})
# Families whose words keep their sense in a story about a business, a flood or a match.
CONTEXT_IMMUNE = frozenset({"protest", "riot", "mob", "arrest", "abduct", "sexual", "suicide", "airstrike", "capture"})
# Violent families that, on a front line with no side named, are fire between the two sides.
FRONT_LINE_FAMILIES = frozenset({"attack", "clash", "shelling", "bombard", "explosion"})
# Families that strike from afar: towns and villages they hit are their people hit.
REMOTE_FAMILIES = frozenset({"shelling", "airstrike", "bombard", "explosion"})
# Weapon modes that are conflict even in a story about something else (a landmine, a bomb).
ORDNANCE_MODES = frozenset({"explosives", "suicide-attack"})


def family_rank(family: str) -> int:
    """Position of a family in FAMILY_RANK (lower is more specific); UNRANKED when it is not listed."""
    return FAMILY_RANK.index(family) if family in FAMILY_RANK else UNRANKED
