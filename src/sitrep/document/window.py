"""The report window: what a report tells as new, and what it only recalls.

ACLED codes the events a report brings as news, roughly those of the week before it was published.
Older events told for context ("last year the group claimed a string of bombings"), a conflict's
running total ("the war has killed tens of thousands since 2014") and what happened "over the past
months" are background: the event stays on the record, marked ``window = "background"`` with the
reason, and the ACLED view and export leave it out.

An event is background when

* the text states its date (with its year, or a day and month read as their latest occurrence before
  publication), and that date ends more than ``NEWS_DAYS`` days before
  publication, while the report tells something more recent; or
* a recall cue (``RECALLED``) times the event itself, and the text states no date of the report's
  week for it; or
* "last week" (``LAST_WEEK``) times it while the report tells some other event not so timed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import BACKGROUND, DatePrecision, Event
from ..registry import document_stage
from ..resolve.dates import NO_YEAR
from ..resolve.recall import LAST_WEEK, RECALLED
from .coreference import stated

if TYPE_CHECKING:
    from ..annotated import Annotated

NAME = "window.rules.v1"
# A report's news: what happened up to this many days before it was published (ACLED's "roughly the
# week before", with room for the reports that come a week late from remote districts).
NEWS_DAYS = 14
# A day and month without a year read as more than this many days old may be this week's, its year
# put back by a range or a day that runs past the publication day.
YEARLESS_DAYS = 183
# How far (characters) from its event word a recall cue still speaks of that event.
CUE_REACH = 120


@document_stage(NAME, requires=("events",), assigns=("window",))
def mark_background(annotated: Annotated, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """Events the report only recalls, marked as background with the reason (see the module's rules)."""
    dated_old = {id(e): why for e in events if (why := _old_date(annotated, e)) is not None}
    # A report whose every event is old (an anniversary, or a summary whose year was mistyped) keeps
    # them: its dates are then no evidence of what is news to it.
    if all(id(e) in dated_old for e in events if e.happened and e.acled_type is not None):
        dated_old = {}
    reasons = {id(e): dated_old.get(id(e)) or _recalled(annotated, e) for e in events}
    # "Last week" beside an incident of this week is background; a report of last week's incident alone
    # keeps it as its news.
    news = [e for e in events if e.happened and e.acled_type is not None and reasons[id(e)] is None]
    last_week = {id(e): cue for e in news if (cue := _last_week(e)) is not None}
    if len(last_week) < len(news):
        for event_id, cue in last_week.items():
            reasons[event_id] = f"background: told as last week's ({cue!r}) beside the report's newer news"
    out = []
    for event in events:
        reason = reasons[id(event)]
        out.append(event if reason is None else replace(event, window=BACKGROUND, reasons=(*event.reasons, reason)))
    return tuple(out)


def _old_date(annotated: Annotated, event: Event) -> str | None:
    """Why the event's stated date puts it before the report's window, or None."""
    published = annotated.document.published
    date = event.date
    # (a date inferred otherwise, e.g. counted from another date, may be off: not judged by date; a day
    # and month without a year is read as their latest occurrence up to publication, so it is at least
    # as old as it reads)
    if published is None or not stated(event) or date is None or date.date is None:
        return None
    if date.evidence.reason and NO_YEAR not in date.evidence.reason:
        return None
    days = (published - (date.end or date.date)).days
    if date.evidence.reason and days > YEARLESS_DAYS:
        return None  # ("4-5 May" in a report of 4 May, read as last year's: more likely this week's)
    return f"background: dated {date.raw!r}, {days} days before publication" if days > NEWS_DAYS else None


def _last_week(event: Event) -> str | None:
    """ "Last week" in the event's sentence, when the text states no other date for it ("arrested last
    week, he was killed on Monday" dates the killing on Monday)."""
    found = LAST_WEEK.search(event.sentence.text)
    if found is None:
        return None
    date = event.date
    if stated(event) and date is not None and "week" not in date.raw.lower():
        return None
    return found.group(0)


def _recalled(annotated: Annotated, event: Event) -> str | None:
    """Why a recall cue puts the event in the past, or None; a day or week stated for it within the window
    wins (not "this year": a running total "so far this year" spans the publication day), and so does
    any stated date when there is no publication date to judge it by."""
    date = event.date
    if stated(event) and date is not None and date.date is not None and not date.evidence.reason:
        published = annotated.document.published
        if published is None:
            return None
        fine = date.precision in {DatePrecision.DAY, DatePrecision.WEEK}
        if fine and (published - (date.end or date.date)).days <= NEWS_DAYS:
            return None
    cue = _recall_cue(annotated, event)
    return f"background: recalled ({cue!r}) with no date of the report's week" if cue is not None else None


def _recall_cue(annotated: Annotated, event: Event) -> str | None:
    """A recall cue that times the event itself: it holds the event word ("the war has killed"), or it
    hangs on the event word or on the verb the event word hangs on ("last year the rebels burned",
    "carried out attacks since 2015"). A cue elsewhere in the sentence times something else ("workers
    unpaid since March protested")."""
    sentence = event.sentence
    lo = max(sentence.start, event.trigger.start - CUE_REACH)
    hi = min(sentence.end, event.trigger.end + CUE_REACH)
    anchors = _anchors(annotated, event)
    for found in RECALLED.finditer(annotated.text, lo, hi):
        if found.start() <= event.trigger.start < found.end():
            return found.group(0)
        cue = annotated.doc.char_span(found.start(), found.end(), alignment_mode="expand")
        if cue is not None and len(cue) and cue.root.head.i in anchors:
            return found.group(0)
    return None


def _anchors(annotated: Annotated, event: Event) -> set[int]:
    span = annotated.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    root = span.root
    anchors = {root.i, root.head.i}
    # "the protests, which have left 300 dead since October": a clause on the event noun times it
    anchors |= {c.i for c in root.children if c.dep_ in {"relcl", "acl"}}
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        anchors.add(root.head.head.i)  # "injured in grenade attacks": the verb the phrase hangs on
    return anchors
