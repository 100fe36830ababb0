"""The words of casualty reading: death and injury words, the words of a number phrase, victim
groups, and the tests that put a token among them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

KILLED = frozenset(
    {
        "kill",
        "killed",
        "die",
        "dead",
        "death",
        "fatality",
        "slay",
        "slain",
        "massacre",
        "execute",
        "murder",
        "behead",
        "assassinate",
        "perish",
        "slaughter",
        "lynch",
        "body",
        "corpse",
        "martyr",  # "five soldiers were martyred": killed, in the press of South Asia and the Middle East
    }
)
WOUNDED = frozenset({"wound", "wounded", "injure", "injured", "injury", "hurt", "maim", "casualty"})
# Verbs whose victim is their object when active ("killed 3 soldiers"); others take it as subject.
TRANSITIVE = frozenset(
    {
        "kill",
        "slay",
        "massacre",
        "execute",
        "murder",
        "behead",
        "assassinate",
        "slaughter",
        "lynch",
        "martyr",
        "wound",
        "injure",
        "hurt",
        "maim",
    }
)
INTRANSITIVE = frozenset({"die", "perish"})
# Words that need a person beside them before they count ("bodies were found", "executed 3 men").
NEEDS_NUMBER = frozenset({"body", "corpse", "execute"})

# Words that may stand left of a number inside its phrase ("over a", "at least", "up to").
MODIFIER_WORDS = frozenset(
    {
        "over",
        "more",
        "than",
        "at",
        "least",
        "nearly",
        "almost",
        "about",
        "around",
        "some",
        "roughly",
        "approximately",
        "up",
        "to",
        "a",
        "an",
        "as",
        "many",
        "estimated",
        "upwards",
        "of",
        "in",
        "excess",
        "no",
        "fewer",
        "less",
        "under",
        "between",
        "close",
        "just",
        "another",
        "further",
        "total",
        "minimum",
        "maximum",
        "only",
        "exactly",
        "single",
        "not",
        "the",
        "all",
        "these",
        "those",
        "both",
    }
)
VAGUE_HEADS = frozenset(
    {
        "dozen",
        "dozens",
        "score",
        "scores",
        "tens",
        "hundreds",
        "thousands",
        "several",
        "few",
        "many",
        "number",
        "unknown",
        "unspecified",
        "undisclosed",
        "unconfirmed",
        "undetermined",
        "numerous",
        "multiple",
        "nobody",
        "none",
        "couple",
    }
)
NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
UNIT_WORDS = frozenset(
    {
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "minute",
        "minutes",
        "km",
        "kilometres",
        "kilometers",
        "mile",
        "miles",
        "metres",
        "meters",
        "mm",
        "percent",
        "%",
        "am",
        "pm",
        "times",
        "calibre",
        "caliber",
        "o'clock",
        "tonnes",
        "kg",
    }
)
MONTHS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)
DEFINITE = frozenset({"the", "these", "those", "all", "both"})
GROUPS = {
    "children": {
        "child",
        "children",
        "kid",
        "minor",
        "boy",
        "girl",
        "infant",
        "baby",
        "toddler",
        "teenager",
        "schoolchild",
        "student",
        "pupil",
    },
    "civilians": {
        "civilian",
        "resident",
        "villager",
        "farmer",
        "passer",
        "passerby",
        "bystander",
        "worker",
        "shepherd",
        "herder",
        "local",
    },
    "soldiers": {
        "soldier",
        "troop",
        "serviceman",
        "servicemen",
        "army",
        "paratrooper",
        "marine",
        "conscript",
        "officer",
        "commander",
        "personnel",
    },
    "police": {"police", "policeman", "policemen", "policewoman", "gendarme", "cop", "guard"},
    "fighters": {
        "fighter",
        "militant",
        "insurgent",
        "rebel",
        "jihadist",
        "terrorist",
        "gunman",
        "gunmen",
        "militiaman",
        "militiamen",
        "combatant",
        "attacker",
        "assailant",
    },
    "women": {"woman", "women"},
}
GENERIC_PEOPLE = frozenset(
    {"people", "person", "persons", "individual", "other", "others", "victim", "man", "men", "member", "body", "corpse"}
)
COLLECTIVE = frozenset(
    {
        "family",
        "group",
        "crew",
        "unit",
        "patrol",
        "convoy",
        "population",
        "people",
        "number",
        "toll",
        "village",
        "town",
        "house",
        "vehicle",
        "car",
        "building",
        "area",
        "life",
        "lives",
    }
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
SHARED_OUTCOMES = frozenset({"capture", "arrest", "abduct", "kidnap", "detain", "displace"})

# Nouns whose size is given with "of" ("a family of three", "a group of five").
GROUP_OF = frozenset({"family", "group", "crew", "team", "convoy"})
# Nouns a count can be stated for ("fatalities coded as 11", "the death toll was put at 40").
STATED_NOUNS = frozenset({"fatality", "fatalities", "death", "deaths", "toll"})
SUBSET_CUES = ("among them", "among whom", "of them", "of whom", "including", "among the dead", "among the victims")


def outcome_of(token: Token) -> str | None:
    lemma, lower = token.lemma_.lower(), token.lower_
    if lemma in KILLED or lower in KILLED:
        return "killed"
    if lemma in WOUNDED or lower in WOUNDED:
        return "wounded"
    if lemma == "life" and token.head.lemma_ in {"lose", "claim", "take", "cost"}:
        return "killed"
    if lemma == "toll":
        return "wounded" if any(c.lemma_ in {"injury", "casualty"} for c in token.children) else "killed"
    return None


def root_of(token: Token) -> Token:
    """Climb conjunctions ("2 civilians and 3 soldiers": soldiers -> civilians) and appositions."""
    while token.dep_ in {"conj", "appos"} and token.head.i != token.i:
        token = token.head
    return token


def group_of(noun: Token | None) -> str | None:
    if noun is None:
        return None
    lemma, lower = noun.lemma_.lower(), noun.lower_
    for group, words in GROUPS.items():
        if lemma in words or lower in words:
            return group
    return None
