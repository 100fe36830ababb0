"""Words and patterns that tell place names from other capitalised words, and cue a place's kind.

Entity labels, organisation names, months, common words, the cue phrases before and after a name
("the town of", "near", "district"), street and facility words, and the name patterns shared by
span finding and scoring.
"""

from __future__ import annotations

import re

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
OTHER_LABELS = frozenset({"PERSON", "ORG", "NORP"})

# Organisation names that contain a place name; nothing inside them is a place.
ORG_NAMES = (
    "OSCE Minsk Group",
    "Minsk Group",
    "Council of Europe",
    "European Union",
    "European Commission",
    "European Parliament",
    "United Nations",
    "African Union",
    "Arab League",
    "League of Arab States",
    "Islamic State",
    "Red Cross",
    "Red Crescent",
    "Associated Press",
    "New York Times",
    "Washington Post",
    "Wall Street Journal",
    "Los Angeles Times",
    "Al Jazeera",
    "Gulf Cooperation Council",
    "Minsk agreements",
    "Minsk Protocol",
    "Human Rights Watch",
    "Amnesty International",
    "Amnesty",
    "Syrian Observatory",
    "Asian Development Bank",
    "Bank of America",
    "University of",
    "Real Madrid",
    "Manchester United",
)
ORG_RE = re.compile("|".join(re.escape(n) for n in sorted(ORG_NAMES, key=len, reverse=True)))

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# Capitalised words that are also towns somewhere but almost never mean one in news.
COMMON_WORDS = frozenset(
    """over police will man mark best hope union independence victory liberty justice unity progress
    president minister general government army navy state news today ministry parliament assembly
    republic city town village district region province north south east west central western eastern
    northern southern capital border church mosque university court national international county
    people world earth god christmas easter ramadan eid reuters media twitter facebook march may
    said says street road party council committee security defense defence forces military
    commander colonel major captain sergeant chief governor mayor senator king queen prince
    bishop pope sheikh mr mrs ms dr sir lord lady health human rights service office centre center
    department agency bureau station airport port bank hospital school college market square park
    covid coronavirus pandemic peninsula delta coast gulf bay valley river lake island islands mountain
    mountains hill hills crescent cathedral landing pioneer pacific atlantic ocean sea strait desert plains
    heights harbour harbor beach lakes springs falls creek green zone line mission embassy congress senate
    secretary powers temple palace tower""".split()
)
TOWN_CUE = re.compile(r"\b(?:town|city|village|capital|settlement|hamlet|municipality|port|city) of\s*$", re.IGNORECASE)
NEAR_CUE = re.compile(
    r"\b(?:near|nearby|outside|outskirts of|vicinity of|close to|around|direction of(?: the (?:town|city|village) of)?"
    r"|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of|km (?:from|of)|kilometres (?:from|of)"
    r"|kilometers (?:from|of)|miles (?:from|of)|border of)\s*(?:the )?(?:(?:town|city|village) of )?$",
    re.IGNORECASE,
)
IN_CUE = re.compile(r"\b(?:in|at|from|to|into|across|towards?|of)\s+(?:the\s+)?$", re.IGNORECASE)
IN_COUNTRY = re.compile(r"\bin\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?$", re.IGNORECASE)
AREA_SUFFIX = re.compile(r"^\s*(?:district|area|outskirts|suburbs?)\b", re.IGNORECASE)


# The small words inside Romance and English place names ("Rio de Janeiro", "Port of Spain").
JOINERS = ("of", "de", "del", "do", "da", "dos", "das", "di", "du")
NAME_JOINERS = frozenset((*JOINERS, "la", "el"))
# A capitalised name and what follows it, joined by those small words.
CONTEXT_NAME = re.compile(r"[A-Z][\w’'-]+\.?(?:\s(?:(?:" + "|".join(sorted(NAME_JOINERS)) + r")\s)?[A-Z][\w’'-]+)*")
LEADING_WORDS = frozenset({"in", "on", "at", "near", "the", "from", "to", "of", "around", "outside"})

AFTER_PLACE_COMMA = re.compile(r"(" + CONTEXT_NAME.pattern + r"),\s*$")
# "Port of Spain", "Heroica Puebla de Zaragoza": one name across a small joining word.
# At most this many capitalised words more on either side of a joiner ("Heroica Puebla de Zaragoza"):
# with no bound the expression tried the rest of a long run of capitalised words again from each of
# its words, which grew with the square of the run (80,000 characters of names took minutes).
OF_NAME_MORE_WORDS = 9
_MORE_WORDS = r"(?: [A-Z][\w’'-]+){0," + str(OF_NAME_MORE_WORDS) + "}"
OF_NAME = re.compile(
    r"\b[A-Z][\w’'-]+" + _MORE_WORDS + r"(?: (?:" + "|".join(JOINERS) + r")(?: (?:the|la|los|las))? "
    r"[A-Z][\w’'-]+" + _MORE_WORDS + ")+"
)
AND_NAME = re.compile(r"\b[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)? and (?:the )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?")

# Capitalised words that, following a name, make it the name of a street or thoroughfare.
STREET_WORDS = frozenset(
    "street st avenue ave road rd boulevard blvd drive lane parade canal bend terrace highway expressway "
    "freeway turnpike pike alley crescent".split()
)
# ... or of a building, institution or site: the name is then a town only where the document is.
FACILITY_WORDS = frozenset(
    """centre center stadium arena hall chapel church cathedral castle palace college school elementary
    academy university hospital clinic airport mall hotel theatre theater museum library harbor harbour
    park square plaza tower building house prison jail club garden gardens zoo circuit speedway raceway
    racecourse institute""".split()
)


CURRENCY_AFTER = re.compile(
    r"\s*(?:dollars?|pounds? sterling|euros?|rubles?|roubles?|rupees?|pesos?|francs?|yuan)\b", re.IGNORECASE
)
# "Maan news agency", "the Dawn newspaper": a name followed by these words names a news outlet.
MEDIA_AFTER = re.compile(
    r"\s+(?:news\s+agency|news\s+service|newspaper|broadcaster|television|tv\s+channel)\b", re.IGNORECASE
)
# Arabic names often keep their article in lower case ("al Tabqa", "al-Hasakeh").
LOWER_ARTICLE = re.compile(r"^(?:(?:al|el)[ -]|(?:ad|an|ar|as|at|az|ash)-)[A-Z]")
LOCATIVE_BEFORE = re.compile(r"\b(?:in|to|from|near|at|of)\s+$")
# "Douala city", "Mamfe town": a town's usual form; villages are mostly missing from the gazetteer, where
# a town of the same name elsewhere is the likelier match, so "X village" keeps its own handling.
PLACE_NOUN_TAIL = re.compile(r"\s+(?:city|town)$", re.IGNORECASE)
