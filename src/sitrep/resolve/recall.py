"""Words that recall rather than report: an earlier time, a span of time, a running total.

The report window (sitrep.document.window) marks an event such words time as background; assembly
gives no figure told with them to the report's news (sitrep.assemble.folding.attach_toll).
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
)
_NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)"
# Words that recall rather than report: an earlier time, a span of time, a running total.
RECALLED = re.compile(
    r"\b(?:last|past) (?:year|month|summer|winter|spring|autumn|fall)\b"
    r"|\bearlier (?:this|last) (?:year|month)\b"
    r"|\b(?:in|over|during|throughout) (?:the )?(?:past|last|previous) (?:few |several |two |three |\d+ )?"
    r"(?:weeks|months|years|decades?)\b"
    r"|\bsince (?:early |late |mid-?|the start of |the beginning of )?(?:(?:19|20)\d\d|" + _MONTH + r"\b)"
    r"|\bso far\b|\b(?:till|until|up to|to) date\b|\bin recent (?:weeks|months|years)\b"
    r"|\b" + _NUMBER + r" (?:years?|months?|decades?) ago\b"
    r"|\b(?:war|conflict|insurgency|fighting|violence|uprising|crisis|crackdown|unrest)(?: that| which)? "
    r"(?:has|have) (?:so far |already )?(?:killed|left|claimed|displaced|forced)\b",
    re.IGNORECASE,
)
# Words that put an event in the week before the report's: background beside this week's news.
LAST_WEEK = re.compile(r"\b(?:last|previous) week\b|\ba week (?:ago|earlier)\b", re.IGNORECASE)
