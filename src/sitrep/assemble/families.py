"""What assembly asks of an event family, answered by the declared family table
(resolve/families.py, data/triggers.json), and the two word sets its rules read beside it."""

from __future__ import annotations

from ..resolve.families import families_with, family_rank

__all__ = ["KILL_WORDS", "ORDNANCE_MODES", "family_rank", "has_flag"]

# Lemmas of killing: a sentence made only of them may be a toll rather than a new event.
KILL_WORDS = frozenset({"kill", "killing", "murder", "slay", "massacre", "execute", "execution", "behead"})
# Weapon modes that are conflict even in a story about something else (a landmine, a bomb).
ORDNANCE_MODES = frozenset({"explosives", "suicide-attack"})


def has_flag(family: str, flag: str) -> bool:
    """Whether ``family`` carries ``flag`` in the table: "generic" (too general to name an event on its
    own), "context_immune" (keeps its sense in a story about a business, a flood or a match),
    "front_line" (with no side named, fire between the two sides of a front line), "remote" (strikes
    from afar: towns it hits are their people hit)."""
    return family in families_with(flag)
