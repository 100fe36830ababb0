"""Ordinary crime told as such: a police-and-court story with no political or armed side, and a
sentence told in court. ACLED codes neither ordinary criminal violence nor arrests for ordinary
crime; it codes political violence, armed groups' violence and politically motivated arrests.

A police-and-court story is known by its procedure: suspects, charges, bail, warrants, juries. A
conflict report rarely uses three of these words, and an ACLED note almost never does; a local
crime report uses them in every paragraph."""

from __future__ import annotations

import re

# The procedure of police and courts: each pattern counts once, however often it is used.
CRIME_PROCEDURE = tuple(
    re.compile(rf"\b(?:{p})\b", re.IGNORECASE)
    for p in (
        r"charged with",
        r"charges?",
        r"arraign\w*",
        r"pleaded (?:not )?guilty",
        r"court",
        r"trial",
        r"jury|jurors",
        r"sentenced",
        r"bail",
        r"bond",
        r"warrants?",
        r"homicide",
        r"detectives?",
        r"sheriff\W?s?",
        r"prosecutors?",
        r"district attorney",
        r"suspects?",
        r"custody",
        r"felony",
        r"misdemeanou?rs?",
        r"investigators",
        r"defendants?",
        r"counts? of",
        r"police (?:said|say|says)",
        r"(?:first|second|third)[- ]degree",
    )
)
# This many distinct procedure words make a story a crime report.
CRIME_REPORT_WORDS = 3
# Words of a political or armed side: with one of them, violence or an arrest may be ACLED's.
POLITICAL_OR_ARMED = re.compile(
    r"\b(?:militan\w*|rebels?|insurgen\w*|terror\w*|jihad\w*|islamic state|isis|isil|al-qaeda|al-shabaab|"
    r"boko haram|soldiers?|troops|army|military|war|militia\w*|armed groups?|gunmen|bandits|paramilitar\w*|"
    r"protest\w*|demonstrat\w*|riot\w*|rally|activists?|opposition|political|politicians?|dissidents?|"
    r"journalists?|separatists?|guerrillas?|gangs?|cartels?|vigilantes?|treason|sedition|coup|overthrow\w*|"
    r"constitutional order|extremis\w*|president)\b",
    re.IGNORECASE,
)
# A sentence told as a court's business: charges, pleas, sentences, and what a court or a jury heard.
LEGAL_FRAME = re.compile(
    r"\b(?:charged with|convicted of|pleaded (?:not )?guilty|(?:was|were|been|is|be) sentenced|on trial|"
    r"indicted|arraigned|(?:\w+ )?charges? (?:of|that|related)|on (?:\w+ ){0,3}charges?|"
    r"(?:murder|assault|homicide|manslaughter) charges?|"
    r"(?:court|jury|jurors|trial|inquest) (?:heard|was told|were told)|told (?:the )?(?:court|jury|jurors|inquest)|"
    r"prosecutors? (?:said|says|told|alleged?))\b",
    re.IGNORECASE,
)
# Event families that keep their sense in a crime story: a crowd's protest, mob justice, and
# weapons of war.
BEYOND_CRIME = frozenset({"protest", "mob", "suicide", "airstrike", "shelling", "bombard"})


def crime_report(text: str) -> bool:
    """A police-and-court story with no political or armed side named anywhere in it."""
    if POLITICAL_OR_ARMED.search(text):
        return False
    return sum(1 for p in CRIME_PROCEDURE if p.search(text)) >= CRIME_REPORT_WORDS


def told_in_court(sentence: str) -> bool:
    """A sentence about charges, pleas, a sentence or a trial, with no political or armed side: what it
    tells of violence is the case before a court, not a new report ("was charged with murder in the
    stabbing", "a jury was told")."""
    return LEGAL_FRAME.search(sentence) is not None and POLITICAL_OR_ARMED.search(sentence) is None
