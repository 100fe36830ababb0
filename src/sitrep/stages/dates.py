"""Date expressions anchored on the publication date ("On September 27, 2020", "yesterday", "last week").

Candidates come from two places: our own patterns over the text (they catch what the small spaCy
model misses or tags TIME: "Monday night", "earlier today", "27-Sep-20") and spaCy's DATE and TIME
entities, widened leftwards over "on", "in", "late on", "over" ... When candidates overlap the longest
wins. Each candidate is read by :func:`sitrep.resolve.dates.read_date`; one that is not a date (a
duration, an age, a year used as a label) is dropped. "The previous day" counts from the last
day-precise date stated earlier in the text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import DatePrecision, EventDate, Mention
from ..registry import stage
from ..resolve.dates import (
    DAY_RE,
    MONTH_RE,
    NUMBER_RE,
    PART_OF_DAY_RE,
    WEEKDAY_RE,
    YEAR_RE,
    DateReading,
    read_date,
)
from ..span_index import DisjointSpans

if TYPE_CHECKING:
    import datetime as dt

    from ..annotated import Annotated

NAME = "dates.anchored.v1"

_LEAD = (
    r"(?:(?:late|early)\s+(?:on\s+)?|(?:on\s+)?the\s+" + PART_OF_DAY_RE + r"\s+of\s+|on\s+|in\s+|during\s+"
    r"|over\s+|at\s+)"
)
_D = DAY_RE + r"(?!\d)"
_CORE = (
    r"\d{4}-\d{1,2}-\d{1,2}(?!\d)",
    r"(?:between\s+|from\s+)?"
    + _D
    + r"(?:\s+"
    + MONTH_RE
    + r")?\s*(?:and|to|-|\u2013|until)\s*"
    + _D
    + r"\s+"
    + MONTH_RE
    + r"(?:,?\s+"
    + YEAR_RE
    + r")?",
    r"(?:between\s+|from\s+)?"
    + MONTH_RE
    + r"\s+"
    + _D
    + r"\s*(?:and|to|-|\u2013|until)\s*(?:"
    + MONTH_RE
    + r"\s+)?"
    + _D
    + r"(?:,?\s+"
    + YEAR_RE
    + r")?",
    _D + r"-" + MONTH_RE + r"-(?:" + YEAR_RE + r"|\d\d)(?!\d)",
    _D + r"(?:\s+of)?\s+" + MONTH_RE + r"(?:,?\s+" + YEAR_RE + r")?",
    MONTH_RE + r"\s+" + _D + r"(?:,?\s+" + YEAR_RE + r")?",
    r"(?:early|mid|late)[\s-]+" + MONTH_RE + r"(?:,?\s+" + YEAR_RE + r")?",
    MONTH_RE + r",?\s+(?:of\s+)?" + YEAR_RE,
    r"(?:in|during)\s+(?:early\s+|mid-?|late\s+)?" + MONTH_RE,
    r"(?:in|during)\s+(?:early\s+|mid-?|late\s+)?" + YEAR_RE,
    r"(?:today|tonight|(?:earlier|later)\s+today|(?:earlier\s+)?this\s+" + PART_OF_DAY_RE + r")",
    r"(?:yesterday(?:\s+" + PART_OF_DAY_RE + r")?|last\s+night|the\s+day\s+before\s+yesterday)",
    NUMBER_RE + r"\s+(?:day|week|month|year)s?\s+ago",
    r"(?:last|this|the\s+past|the\s+previous)\s+(?:week|month|year|weekend)",
    r"(?:the\s+)?weekend",
    r"(?:last\s+|this\s+past\s+)?" + WEEKDAY_RE + r"(?:'s)?(?:\s+" + PART_OF_DAY_RE + r")?",
    r"the\s+(?:previous|next|following|same)\s+day",
)
_LEADING = re.compile(r"(?:" + _LEAD + r")+$", re.IGNORECASE)
_CALENDAR_WORD = re.compile(r"\b(" + MONTH_RE.removesuffix(r"\.?") + r"|" + WEEKDAY_RE + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r"\b(?:" + _LEAD + r")*(?:" + core + r")\b", re.IGNORECASE) for core in _CORE)


def _capitalised(text: str) -> bool:
    """Month and weekday names must be capitalised: "may" and "march" are usually verbs."""
    return all(m.group(0)[0].isupper() for m in _CALENDAR_WORD.finditer(text))


def _widen(text: str, start: int) -> int:
    """Move ``start`` left over a leading "on ", "in ", "late on " ... before a spaCy entity."""
    window = text[max(0, start - 40) : start]
    m = _LEADING.search(window)
    if m is None or (m.start() > 0 and window[m.start() - 1].isalnum()):
        return start
    return start - (len(window) - m.start())


def candidates(annotated: Annotated) -> list[tuple[int, int, bool]]:
    """(start, end, dateparser allowed) for every possible date span, overlapping ones included."""
    text = annotated.text
    found: list[tuple[int, int, bool]] = []
    for pattern in patterns():
        for m in pattern.finditer(text):
            if _capitalised(m.group(0)):
                found.append((m.start(), m.end(), True))
    for ent in annotated.doc.ents:
        if ent.label_ in {"DATE", "TIME"}:
            found.append((_widen(text, ent.start_char), ent.end_char, ent.label_ == "DATE"))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and text[end - 1] in " \t\n,.;:)(":
        if text[end - 1] == "." and end - start >= 2 and text[end - 2 : end].lower() in {"t.", "v.", "c.", "b.", "n."}:
            break  # keep the dot of an abbreviated month ("Oct.")
        end -= 1
    return start, end


def _select(annotated: Annotated, published: dt.date | None) -> list[tuple[int, int, bool]]:
    """Longest readable candidates first; a span overlapping an accepted one is dropped."""
    text = annotated.text
    spans: dict[tuple[int, int], bool] = {}
    for start, end, parser in candidates(annotated):
        start, end = _trim(text, start, end)
        if end > start:
            spans[(start, end)] = spans.get((start, end), False) or parser
    chosen: list[tuple[int, int, bool]] = []
    taken = DisjointSpans()
    for (start, end), parser in sorted(spans.items(), key=lambda kv: (-(kv[0][1] - kv[0][0]), kv[0][0])):
        if taken.overlaps(start, end):
            continue
        if read_date(text[start:end], published, None, allow_dateparser=parser) is not None:
            chosen.append((start, end, parser))
            taken.add(start, end)
    return sorted(chosen)


def _event_date(reading: DateReading, mention: Mention) -> EventDate:
    return EventDate(
        date=reading.date,
        precision=reading.precision,
        raw=mention.text,
        end=reading.end,
        evidence=mention.evidence(reason=reading.reason, confidence=reading.score),
    )


# "Overnight on September 3", "overnight Thursday": the night belongs to the day named right after it.
_OVERNIGHT = re.compile(r"(?:in\s+)?overnight", re.IGNORECASE)
_NIGHT_TO_DAY = re.compile(r"\s*(?:on\s+|into\s+|to\s+)?", re.IGNORECASE)


def _night_of_next(text: str, start: int, end: int, following: list[tuple[int, int, bool]]) -> bool:
    """An "overnight" joined to the date named right after it: that date, not one of its own, dates it."""
    if not following or not _OVERNIGHT.fullmatch(text[start:end]):
        return False
    return _NIGHT_TO_DAY.fullmatch(text[end : following[0][0]]) is not None


@stage(NAME, requires=(), assigns=("date",))
def find(annotated: Annotated) -> tuple[Mention, ...]:
    """Every date expression with its window and precision, anchored on ``document.published``."""
    published = annotated.document.published
    text = annotated.text
    anchor: dt.date | None = None
    out: list[Mention] = []
    selected = _select(annotated, published)
    for i, (start, end, parser) in enumerate(selected):
        raw = text[start:end]
        if _night_of_next(text, start, end, selected[i + 1 : i + 2]):
            continue
        reading = read_date(raw, published, anchor, allow_dateparser=parser)
        if reading is None:
            continue
        bare = Mention(
            kind="date",
            start=start,
            end=end,
            text=raw,
            value=None,
            stage=NAME,
            score=reading.score,
            reason=reading.reason,
        )
        out.append(
            Mention(
                kind="date",
                start=start,
                end=end,
                text=raw,
                value=_event_date(reading, bare),
                stage=NAME,
                score=reading.score,
                reason=reading.reason,
            )
        )
        if reading.precision is DatePrecision.DAY and reading.date is not None:
            anchor = reading.date
    return tuple(out)


__all__ = ["NAME", "candidates", "find", "patterns"]
