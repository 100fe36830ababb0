"""Stage ``datelines.rules.v1``: a report's furniture, which says who filed it, where and when, and
who took its pictures, but tells no event.

* datelines opening a paragraph: "KARACHI:", "BAKU -", "DONETSK, May 20. /TASS/.", "London, 18 May
  2020:", "Nov. 10 (UPI) --", "KADUNA, Nigeria, June 14 (Courier) -";
* bylines: a paragraph or line "By Jane Doe";
* picture credits: "[File Photo: AFP]", "Photo by J. Doe/EPA", "AFP photo", "PHOTOS: Collected", a
  caption ending "- AFP";
* a paragraph that is only a wire credit and a city ("AFP, Baghdad").

Each becomes a ``dateline`` mention whose value (``model.Dateline``) names its kind and, for a
dateline, the filing place, date and agency as written. Assembly reads none of these words as an
event's actor, place or date: the city of the dateline is where the story was filed, its date the
day it was, and the agency its publisher.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Dateline, Mention
from ..registry import stage

if TYPE_CHECKING:
    from ..annotated import Annotated

NAME = "datelines.rules.v1"
# Only the opening of a paragraph can be a dateline; a paragraph starts the text or follows a blank line.
PARAGRAPH_START = re.compile(r"(?:\A|\n[^\S\n]*\n)[^\S\n]*(?=\S)")
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?)"
# Wire services and picture agencies, as their credits spell them.
AGENCIES = (
    r"AFP|Reuters|AP|Associated Press|UPI|TASS|Xinhua|ANI|PTI|IANS|Anadolu(?: Agency)?|EFE|EPA(?:-EFE)?|dpa|"
    r"Bernama|APP|IRNA|Getty Images|AAP|Kyodo|Yonhap|NNA|QNA|KUNA|MENA|SPA|BSS|UNB|IRIN"
)
_AGENCY = rf"(?P<agency>\((?:{AGENCIES}|[A-Z][\w.&' /-]{{1,40}})\)|/(?:{AGENCIES}|[A-Z]{{2,10}})/)"
# (an en or em dash may also touch the first word of the story: "JAYAPURA, Indonesia\u2014Security forces")
_SEP = r"\s*(?:(?:[-\u2013\u2014]{1,2}|:)(?=\s)|[\u2013\u2014](?=[A-Z]))"
_CAPS_PLACE = r"[A-Z][A-Z'.\-]+(?:\s[A-Z][A-Z'.\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'.\-]+(?:\s[A-Z][a-z'.\-]+){0,2}"
_REGION = rf"(?:,\s*(?!{_MONTH}\s+\d)[A-Z][A-Za-z'.\-]+(?:\s[A-Z][A-Za-z'.\-]+){{0,2}})?"
DATELINES = (
    # KARACHI:  BAKU -  KADUNA, Nigeria, June 14 (Courier) -  DONETSK, May 20. /TASS/.
    re.compile(
        rf"(?P<place>{_CAPS_PLACE}){_REGION}(?:,?\s*(?P<date>{_DATE}))?\.?\s*(?:{_AGENCY}\.?)?(?:{_SEP}|\.?(?=\s))"
    ),
    # London, 18 May 2020:  Tripoli, June 14 (Reuters) -
    re.compile(rf"(?P<place>{_TITLE_PLACE}){_REGION},?\s*(?P<date>{_DATE})\.?\s*(?:{_AGENCY}\.?)?{_SEP}"),
    re.compile(rf"(?P<place>{_TITLE_PLACE}){_REGION}\s*{_AGENCY}{_SEP}"),
    # Nov. 10 (UPI) --
    re.compile(rf"(?P<date>{_DATE})\s*{_AGENCY}{_SEP}"),
)
BYLINE = re.compile(r"(?m)^[^\S\n]*By\s+[A-Z][\w.'\-]+(?:\s+(?:[A-Z][\w.'\-]+|and|&)){0,5}\.?[^\S\n]*$")
CREDITS = (
    re.compile(r"\[(?:File\s+)?(?:Photo|Picture|Image)s?\s*:?[^\]\n]{0,50}\]", re.IGNORECASE),
    re.compile(
        r"\b(?:Photo|Picture|Image|Photograph)s?\s*(?:by|:|credit:?)\s*[A-Z][^\n]{0,60}?"
        r"(?=\s{2,}|\n|$|\.\s|\s(?:[A-Z][a-z]+\s){0,3}\d)",
        re.IGNORECASE,
    ),
    re.compile(rf"\b(?:{AGENCIES})(?:/(?:{AGENCIES}))?\s+(?:photo|file photo|picture)\b", re.IGNORECASE),
    re.compile(rf"\s[-\u2013\u2014]\s(?:{AGENCIES})(?:/(?:{AGENCIES}))?[^\S\n]*(?=\n|$)"),
    re.compile(rf"(?m)^[^\S\n]*(?:{AGENCIES}),\s*[A-Z][A-Za-z'\-]+(?:\s[A-Z][A-Za-z'\-]+)?[^\S\n]*$"),
)


@stage(NAME, requires=(), assigns=("dateline",))
def find(annotated: Annotated) -> tuple[Mention, ...]:
    """Datelines at paragraph openings, bylines and picture credits."""
    text = annotated.text
    found: list[Mention] = []
    for opening in PARAGRAPH_START.finditer(text):
        m = _dateline_at(text, opening.end())
        if m is not None:
            found.append(m)
    for match in BYLINE.finditer(text):
        found.append(_mention(match, "byline", "a byline: who wrote the report"))
    for pattern in CREDITS:
        for match in pattern.finditer(text):
            found.append(_mention(match, "credit", "a credit: who took the picture or sent the wire"))
    return tuple(_without_overlaps(found))


def _dateline_at(text: str, at: int) -> Mention | None:
    for pattern in DATELINES:
        match = pattern.match(text, at)
        if match is None:
            continue
        groups = match.groupdict()
        # Capitals alone need their separator right behind ("KARACHI:", "BAKU -"): a paragraph opening
        # "NATO troops" has no dateline.
        bare = pattern is DATELINES[0] and not (groups.get("date") or groups.get("agency"))
        if bare and (not re.search(_SEP + r"\s*$", match.group(0) + " ") or len(groups["place"]) < 3):
            continue
        place = groups.get("place")
        value = Dateline(
            kind="dateline",
            place=place.strip() if place else None,
            date=groups.get("date"),
            agency=(groups.get("agency") or "").strip("()/") or None,
        )
        return Mention(
            kind="dateline",
            start=match.start(),
            end=match.end(),
            text=match.group(0),
            value=value,
            stage=NAME,
            reason="a dateline: where and when the report was filed",
        )
    return None


def _mention(match: re.Match[str], kind: str, reason: str) -> Mention:
    start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
    return Mention(
        kind="dateline",
        start=start,
        end=match.end(),
        text=match.group(0).strip(),
        value=Dateline(kind=kind, place=None, date=None, agency=None),
        stage=NAME,
        reason=reason,
    )


def _without_overlaps(found: list[Mention]) -> list[Mention]:
    """The mentions in text order, a later one overlapping an earlier kept one left out."""
    kept: list[Mention] = []
    for m in sorted(found, key=lambda m: (m.start, -m.end)):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept
