"""Event words that a rule singles out by name ("wound", "close", "take over").

A rule that reads one word of a family, rather than the whole family, names it here, with the
family it belongs to. When the trigger lexicon loads, every word named here must be among that
family's words in data/triggers.json (and every prefix must begin one of them): renaming or
removing a word there without changing the rule here is an error, not a rule that silently stops
applying.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True, slots=True)
class KeyedWords:
    family: str
    words: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()  # any word of the family that begins with one of these
    rule: str  # where the words are read, for the error message

    def names(self, family: str, phrase: str) -> bool:
        """Whether a trigger of ``family`` found by ``phrase`` is one of these words."""
        return family == self.family and (phrase in self.words or phrase.startswith(self.prefixes))


# The trigger stage (stages/triggers.py).
PATROL = KeyedWords(family="mobilize", words=frozenset({"patrol"}), rule="the patrolling unit, not the act")
DOWNED = KeyedWords(family="disrupt", words=frozenset({"down"}), rule="a downed aircraft, not downed tools")
ENGAGE = KeyedWords(family="clash", words=frozenset({"engage"}), rule="engaging the enemy, not engaged in a trade")
RELEASE = KeyedWords(family="other", words=frozenset({"release"}), rule="prisoners or captives set free")
DISPLACEMENT = KeyedWords(
    family="other", prefixes=("displace", "flee", "forced to"), rule="people displaced by a conflict"
)
WOUNDING = KeyedWords(
    family="attack", words=frozenset({"wound", "injure"}), rule="a wounding told with its doer, not a toll"
)
CLOSING = KeyedWords(family="protest", words=frozenset({"close"}), rule="a crowd closing a road")
BLOCKING = KeyedWords(family="protest", words=frozenset({"block"}), rule="a way blocked, not a bill")
BLOCKADE = KeyedWords(
    family="protest",
    prefixes=("block", "barricade", "road blockade"),
    rule="a road blocked by a crowd or with a grievance",
)

# Event typing (resolve/event_typing/).
# Raids that may be searches: what they end in decides whether they are arrests.
SEARCH_RAIDS = KeyedWords(family="attack", words=frozenset({"raid", "storm"}), rule="a search raid ending in arrests")
# Withdrawal words that hand the ground to someone.
HANDING_OVER = KeyedWords(
    family="withdraw",
    words=frozenset(
        {"hand over", "handover", "cede", "hand over control", "handed over control", "take over from", "handover of"}
    ),
    rule="ground handed over in a withdrawal",
)
# Capture words that do not themselves tell of force.
NEUTRAL_CAPTURE = KeyedWords(
    family="capture",
    words=frozenset({"take control", "take over", "gain control"}),
    rule="ground taken with no fighting told",
)

KEYED_WORDS: tuple[KeyedWords, ...] = (
    PATROL,
    DOWNED,
    ENGAGE,
    RELEASE,
    DISPLACEMENT,
    WOUNDING,
    CLOSING,
    BLOCKING,
    BLOCKADE,
    SEARCH_RAIDS,
    HANDING_OVER,
    NEUTRAL_CAPTURE,
)
