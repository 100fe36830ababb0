"""Turn a date expression ("on Sunday", "last week", "27-Sep-20") into a date window anchored on the
publication date.

``read_date(raw, published, anchor)`` returns a :class:`DateReading` (first day, last day, precision,
reason) or ``None`` when ``raw`` is not a date (a duration, an age, a time of day alone). Our own rules
handle the shapes news text uses most and the cases where dateparser is known to be wrong; dateparser
is the fallback for other shapes ("Sept. 27th", "the 3rd of May"), run only on the candidate span.

Rules (documented choices):
- A weekday ("on Monday", "late on Tuesday", "Monday night") is the most recent such day ON OR BEFORE
  the publication date: a report published on a Monday that says "on Monday" means that day (news is
  written about the day it is published; dateparser would answer a week earlier). "last Monday" is
  strictly before the publication date.
- A day and month without a year ("November 10") is the most recent occurrence on or before the
  publication date, never a future one. A month without a year likewise.
- A two-digit year ("27-Sep-20") is 20YY unless that is more than a year after the publication date
  (then 19YY); without a publication date the pivot is fixed at 70 (never today's date).
- "last week" is the Monday-Sunday week before the publication week; "this week" runs from the Monday
  of the publication week to the publication date; "over the weekend" is the latest Saturday-Sunday
  that has begun by the publication date (week precision, a two-day window).
- "between 1 and 3 May" is a range: day precision with ``end`` on the last day when it spans one
  day, week precision up to seven days, month precision beyond.
- "the previous day", "the day before", "the next day" count from ``anchor`` (the last day-precise
  date stated earlier in the text), else from the publication date, with a reason.
- Without a publication date, a relative expression resolves to ``date=None``, precision UNKNOWN and
  the reason "relative date without a publication date". Today's date is never consulted.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..model import DatePrecision

NO_PUBLICATION = "relative date without a publication date"
NO_YEAR = "year not stated: the most recent occurrence on or before the publication date"
ANCHOR_PUBLICATION = "counted from the publication date: no earlier date in the text"
DATEPARSER = "read by dateparser"

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

# Regex pieces, shared with the candidate finder in sitrep.stages.dates.
MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
PART_OF_DAY_RE = r"(?:night|morning|afternoon|evening|overnight)"
NUMBER_RE = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

# Leading words that do not change the date ("late on Tuesday", "on the night of 3 May").
_LEAD = re.compile(
    r"^(?:(?:late|early)\s+(?:on\s+)?|(?:on\s+)?the\s+" + PART_OF_DAY_RE + r"\s+of\s+|on\s+|in\s+|during\s+"
    r"|around\s+|at\s+|over\s+|as\s+of\s+)+"
)
_MONTH_PART = re.compile(r"^(?:early|mid|late|the\s+(?:beginning|start|end|middle)\s+of)[\s-]+")
_AGE_OR_DURATION = re.compile(
    r"(?:\b(?:year|month|week|day)s?[- ]old\b"
    r"|^(?:for\s+|within\s+|after\s+|nearly\s+|about\s+|the\s+(?:past|last|next)\s+)?(?:\d+|a|an|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|several|a\s+few|few|many)[\s-]+(?:hours?|days?|nights?|weeks?|months?|years?|decades?)(?!\s+ago)$"
    r"|^(?:hours?|days?|weeks?|months?|years?|decades?)$)"
)


@dataclass(frozen=True, slots=True)
class DateReading:
    """A resolved date window. ``date`` is None when it cannot be placed (precision UNKNOWN)."""

    date: dt.date | None
    precision: DatePrecision
    end: dt.date | None = None
    reason: str | None = None
    score: float = 0.9


def normalise(raw: str) -> str:
    text = re.sub(r"\s+", " ", raw.strip().lower()).strip(" ,.;:()")
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    return text


def _unknown(reason: str = NO_PUBLICATION) -> DateReading:
    return DateReading(date=None, precision=DatePrecision.UNKNOWN, reason=reason, score=0.5)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".")]


def _day(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def _year(word: str, published: dt.date | None) -> int:
    if len(word) == 4:
        return int(word)
    yy = int(word.lstrip("'"))
    if published is not None:
        return 2000 + yy if 2000 + yy <= published.year + 1 else 1900 + yy
    return 2000 + yy if yy < 70 else 1900 + yy


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _past_occurrence(month: int, day: int, published: dt.date) -> dt.date | None:
    """The most recent ``day month`` on or before ``published`` (29 February looks back up to 8 years)."""
    for year in range(published.year, published.year - 9, -1):
        found = _safe_date(year, month, day)
        if found is not None and found <= published:
            return found
    return None


def _day_reading(day: int, month: int, year_word: str | None, published: dt.date | None) -> DateReading | None:
    if year_word:
        found = _safe_date(_year(year_word, published), month, day)
        return None if found is None else DateReading(date=found, precision=DatePrecision.DAY, score=0.95)
    if published is None:
        return _unknown("day and month without a year, and no publication date")
    found = _past_occurrence(month, day, published)
    if found is None:
        return None
    return DateReading(date=found, precision=DatePrecision.DAY, reason=NO_YEAR, score=0.9)


def _range_reading(first: dt.date, last: dt.date, reason: str | None) -> DateReading | None:
    if last < first:
        return None
    days = (last - first).days
    if days == 0:
        return DateReading(date=first, precision=DatePrecision.DAY, reason=reason, score=0.9)
    precision = DatePrecision.WEEK if days <= 6 else DatePrecision.MONTH
    return DateReading(date=first, precision=precision, end=last, reason=reason, score=0.85)


# ---------------------------------------------------------------- absolute shapes

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_D_MON_Y = re.compile(r"^(" + DAY_RE + r")(?:\s+of)?[\s-]+(" + MONTH_RE + r")(?:,?[\s-]+(" + YEAR_RE + r"|'?\d\d))?$")
_MON_D_Y = re.compile(r"^(" + MONTH_RE + r")\s+(" + DAY_RE + r")(?:,?\s+(" + YEAR_RE + r"))?$")
_RANGE_D_D_MON = re.compile(
    r"^(?:between\s+|from\s+)?("
    + DAY_RE
    + r")(?:\s+("
    + MONTH_RE
    + r"))?\s*(?:and|to|-|until)\s*("
    + DAY_RE
    + r")\s+("
    + MONTH_RE
    + r")(?:,?\s+("
    + YEAR_RE
    + r"))?$"
)
_RANGE_MON_D_D = re.compile(
    r"^(?:between\s+|from\s+)?("
    + MONTH_RE
    + r")\s+("
    + DAY_RE
    + r")\s*(?:and|to|-|until)\s*(?:("
    + MONTH_RE
    + r")\s+)?("
    + DAY_RE
    + r")(?:,?\s+("
    + YEAR_RE
    + r"))?$"
)
_MON_Y = re.compile(r"^(" + MONTH_RE + r")(?:,?\s+(?:of\s+)?(" + YEAR_RE + r"))?$")
_YEAR = re.compile(r"^(" + YEAR_RE + r")$")


def _absolute(text: str, published: dt.date | None, had_lead: bool) -> DateReading | None | Literal[False]:
    """Our own reading of an absolute date; ``False`` when no shape here matches."""
    if m := _ISO.match(text):
        found = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        return None if found is None else DateReading(date=found, precision=DatePrecision.DAY, score=0.95)
    if m := _D_MON_Y.match(text):
        return _day_reading(_day(m[1]), _month(m[2]), m[3], published)
    if m := _MON_D_Y.match(text):
        return _day_reading(_day(m[2]), _month(m[1]), m[3], published)
    if (m := _RANGE_D_D_MON.match(text)) or (m2 := _RANGE_MON_D_D.match(text)):
        if m:
            d1, mon1, d2, mon2, year = m[1], m[2] or m[4], m[3], m[4], m[5]
        else:
            assert m2 is not None  # one of the two shapes matched
            d1, mon1, d2, mon2, year = m2[2], m2[1], m2[4], m2[3] or m2[1], m2[5]
        last = _day_reading(_day(d2), _month(mon2), year, published)
        if last is None or last.date is None:
            return last
        first = _safe_date(last.date.year, _month(mon1), _day(d1))
        if first is not None and first > last.date:  # "30 December to 2 January"
            first = _safe_date(last.date.year - 1, _month(mon1), _day(d1))
        return None if first is None else _range_reading(first, last.date, last.reason)
    part = _MONTH_PART.match(text)
    rest = text[part.end() :] if part else text
    if m := _MON_Y.match(rest):
        if not (m[2] or had_lead or part):  # a bare "May" is too often not a date
            return None
        month = _month(m[1])
        if m[2]:
            year = int(m[2])
            reason = None
        elif published is None:
            return _unknown("month without a year, and no publication date")
        else:
            year = published.year if month <= published.month else published.year - 1
            reason = NO_YEAR
        return DateReading(
            date=dt.date(year, month, 1),
            precision=DatePrecision.MONTH,
            end=_month_end(year, month),
            reason=reason,
            score=0.85,
        )
    if m := _YEAR.match(rest):
        if not (had_lead or part):  # "the 2020 pandemic": a year used as a label
            return None
        year = int(m[1])
        return DateReading(date=dt.date(year, 1, 1), precision=DatePrecision.YEAR, end=dt.date(year, 12, 31), score=0.8)
    return False


# ---------------------------------------------------------------- relative shapes

_TODAY = re.compile(
    r"^(?:today|tonight|earlier today|later today|this " + PART_OF_DAY_RE + r"|earlier this " + PART_OF_DAY_RE + r")$"
)
# "Overnight" with no day named: the night that ended on the morning of the report, coded (as ACLED
# does) to the day it began.
_YESTERDAY = re.compile(r"^(?:yesterday(?: " + PART_OF_DAY_RE + r")?|last night|the day before yesterday|overnight)$")
_AGO = re.compile(r"^(" + NUMBER_RE + r") (day|week|month|year)s? ago$")
_LAST_UNIT = re.compile(r"^(last|this|the past|past|the previous|previous) (week|month|year|weekend)$")
_WEEKEND = re.compile(r"^(?:the |this |last |that )?weekend$")
_WEEKDAY = re.compile(r"^(last |this |past |this past )?(" + WEEKDAY_RE + r")(?:'s)?(?: " + PART_OF_DAY_RE + r")?$")
_NARRATIVE = re.compile(r"^(?:the )?(previous|day before|next|following|day after|same)(?: day)?$")


def _weekend(published: dt.date) -> tuple[dt.date, dt.date]:
    back = (published.weekday() - 5) % 7  # days since the latest Saturday
    saturday = published - dt.timedelta(days=back)
    return saturday, saturday + dt.timedelta(days=1)


def _relative(text: str, published: dt.date | None, anchor: dt.date | None) -> DateReading | None | Literal[False]:
    """Our own reading of a relative expression; ``False`` when no shape here matches."""
    if m := _NARRATIVE.match(text):
        return _narrative(m[1], published, anchor)
    shapes = (_TODAY, _YESTERDAY, _AGO, _LAST_UNIT, _WEEKEND, _WEEKDAY)
    if not any(shape.match(text) for shape in shapes):
        return False
    if published is None:
        return _unknown()
    pub = published
    if _TODAY.match(text):
        return DateReading(date=pub, precision=DatePrecision.DAY, score=0.85)
    if _YESTERDAY.match(text):
        days = 2 if "before" in text else 1
        return DateReading(date=pub - dt.timedelta(days=days), precision=DatePrecision.DAY, score=0.85)
    if m := _AGO.match(text):
        return _ago(_number(m[1]), m[2], pub)
    if _WEEKEND.match(text) or (m := _LAST_UNIT.match(text)) and m[2] == "weekend":
        first, last = _weekend(pub)
        return DateReading(date=first, precision=DatePrecision.WEEK, end=last, score=0.8)
    if m := _LAST_UNIT.match(text):
        return _last_unit(m[1], m[2], pub)
    m = _WEEKDAY.match(text)
    assert m is not None
    back = (pub.weekday() - WEEKDAYS[m[2]]) % 7
    if back == 0 and m[1] and m[1].strip() == "last":
        back = 7  # "last Monday" said on a Monday: a week ago
    return DateReading(date=pub - dt.timedelta(days=back), precision=DatePrecision.DAY, score=0.85)


def _narrative(word: str, published: dt.date | None, anchor: dt.date | None) -> DateReading:
    """ "the previous day", "the following day": a day from the date of the story so far."""
    base = anchor or published
    if base is None:
        return _unknown()
    reason = None if anchor is not None else ANCHOR_PUBLICATION
    shift = {"previous": -1, "day before": -1, "next": 1, "following": 1, "day after": 1, "same": 0}[word]
    return DateReading(date=base + dt.timedelta(days=shift), precision=DatePrecision.DAY, reason=reason, score=0.7)


def _ago(n: int, unit: str, pub: dt.date) -> DateReading:
    """ "three days ago", "two weeks ago", "a month ago", "a year ago"."""
    if unit == "day":
        return DateReading(date=pub - dt.timedelta(days=n), precision=DatePrecision.DAY, score=0.85)
    if unit == "week":
        first, last = _week_of(pub - dt.timedelta(weeks=n))
        return DateReading(date=first, precision=DatePrecision.WEEK, end=last, score=0.8)
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 - n
        year, month = divmod(index, 12)
        return DateReading(
            date=dt.date(year, month + 1, 1),
            precision=DatePrecision.MONTH,
            end=_month_end(year, month + 1),
            score=0.8,
        )
    year = pub.year - n
    return DateReading(date=dt.date(year, 1, 1), precision=DatePrecision.YEAR, end=dt.date(year, 12, 31), score=0.8)


def _last_unit(which: str, unit: str, pub: dt.date) -> DateReading:
    """ "last week", "this month", "the past year"."""
    this = which == "this"
    if "past" in which:  # "the past week": the window that ends on the publication date
        days = {"week": 6, "month": 29, "year": 364}[unit]
        precision = {"week": DatePrecision.WEEK, "month": DatePrecision.MONTH, "year": DatePrecision.YEAR}[unit]
        return DateReading(date=pub - dt.timedelta(days=days), precision=precision, end=pub, score=0.75)
    if unit == "week":
        if this:
            return DateReading(date=_week_of(pub)[0], precision=DatePrecision.WEEK, end=pub, score=0.8)
        first, last = _week_of(pub - dt.timedelta(days=7))
        return DateReading(date=first, precision=DatePrecision.WEEK, end=last, score=0.8)
    if unit == "month":
        year, month = (pub.year, pub.month) if this else divmod(pub.year * 12 + pub.month - 2, 12)
        month = month if this else month + 1
        end = pub if this else _month_end(year, month)
        return DateReading(date=dt.date(year, month, 1), precision=DatePrecision.MONTH, end=end, score=0.8)
    year = pub.year if this else pub.year - 1
    end = pub if this else dt.date(year, 12, 31)
    return DateReading(date=dt.date(year, 1, 1), precision=DatePrecision.YEAR, end=end, score=0.75)


# ---------------------------------------------------------------- dateparser fallback

_PERIODS = {
    "day": DatePrecision.DAY,
    "week": DatePrecision.WEEK,
    "month": DatePrecision.MONTH,
    "year": DatePrecision.YEAR,
}
_HAS_CALENDAR_WORD = re.compile(r"\b" + MONTH_RE + r"(?:\b|$)|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")


@lru_cache(maxsize=8192)
def _dateparser(text: str, base: dt.date) -> tuple[dt.date, str] | None:
    """dateparser's reading of ``text`` relative to ``base``: (date, period) or None. Slow: cached."""
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "STRICT_PARSING": False,
        "REQUIRE_PARTS": [],
    }
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def _fallback(text: str, published: dt.date | None) -> DateReading | None:
    """Shapes our own rules do not cover ("the 3rd of May", "Sept. 27th, 2020", "05/03/2020")."""
    if not _HAS_CALENDAR_WORD.search(text):
        return None  # no month name or numeric date: not something dateparser should guess at
    has_year = re.search(r"\b" + YEAR_RE + r"\b", text) is not None
    # Without a publication date a fixed base only fills missing parts: the result never depends on today.
    base = published or dt.date(2000, 1, 1)
    read = _dateparser(text, base)
    if read is None:
        return None
    if published is None and not has_year:
        return _unknown("date without a year, and no publication date")
    found, period = read
    precision = _PERIODS.get(period, DatePrecision.DAY)
    reason = DATEPARSER
    if precision is DatePrecision.DAY and not has_year and published is not None and found > published:
        found = _past_occurrence(found.month, found.day, published) or found
        reason = f"{DATEPARSER}; {NO_YEAR}"
    if precision is DatePrecision.MONTH:
        found = found.replace(day=1)
        return DateReading(
            date=found, precision=precision, end=_month_end(found.year, found.month), reason=reason, score=0.7
        )
    if precision is DatePrecision.YEAR:
        return DateReading(
            date=dt.date(found.year, 1, 1),
            precision=precision,
            end=dt.date(found.year, 12, 31),
            reason=reason,
            score=0.65,
        )
    if precision is DatePrecision.WEEK:
        first, last = _week_of(found)
        return DateReading(date=first, precision=precision, end=last, reason=reason, score=0.65)
    return DateReading(date=found, precision=DatePrecision.DAY, reason=reason, score=0.7)


# ---------------------------------------------------------------- entry point


@lru_cache(maxsize=16384)
def read_date(
    raw: str, published: dt.date | None, anchor: dt.date | None = None, *, allow_dateparser: bool = True
) -> DateReading | None:
    """Resolve one date expression; None when ``raw`` is not a date.

    ``published`` anchors relative expressions; ``anchor`` (the last day-precise date stated earlier)
    anchors "the previous day". ``allow_dateparser=False`` keeps to our own rules (for spans spaCy
    tagged TIME, which dateparser would happily read as today).
    """
    text = normalise(raw)
    if not text or _AGE_OR_DURATION.search(text):
        return None
    lead = _LEAD.match(text)
    had_lead = lead is not None
    if lead:
        text = text[lead.end() :]
    result = _relative(text, published, anchor)
    if result is False:
        result = _absolute(text, published, had_lead)
    if result is not False:
        return result
    if not allow_dateparser:
        return None
    return _fallback(text, published)
