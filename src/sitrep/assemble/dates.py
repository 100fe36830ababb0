"""Choosing an event's date: the sentence's own (not a statement's), else the last one stated earlier, else (for
a headline) the day its lead states, else the publication date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import DatePrecision, EventDate, Evidence, Mention
from .context import Context
from .declaration import STAGE
from .filters import SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Span

# Confidence of a date carried from earlier in the text to a sentence that states none.
EARLIER_DATE_CONFIDENCE = 0.6
# Confidence of the lead's day taken for a headline that states none.
LEAD_DATE_CONFIDENCE = 0.5
# The reason a headline's date taken from its lead carries (the lead states it for the headline's event).
LEAD_DATE_REASON = "a headline with no date: the day its lead states"
# A lead's day further than this before publication is a file photo's or background's, not the headline's.
LEAD_MAX_DAYS_BEFORE = 7
# How many sentences after a headline are its lead, searched for the headline's day.
LEAD_SENTENCES = 3
# "came two days after", "comes a day after": how many days the incident told next lies before the last one.
_SMALL_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_CAME_DAYS_AFTER = re.compile(
    r"\b(?:came|comes|happened|followed)\s+(?:just\s+|only\s+)?(a|one|two|three|four|five|six|seven)\s+days?\s+after\b",
    re.IGNORECASE,
)
# Confidence of the publication date taken for an event the text does not date.
PUBLICATION_DATE_CONFIDENCE = 0.4
# Confidence of an event date when neither the text nor the publication gives one.
NO_DATE_CONFIDENCE = 0.0


def _speech_date(ctx: Context, m: Mention, trigger: Mention | None = None) -> bool:
    """ "The coalition said on Tuesday that ...": the day of the statement, not of the event.

    A date opening the sentence before the event word, with the saying put after it ("On Sunday, a bomb
    injured seven people, state television said"), dates the event, whatever the parse hangs it on."""
    tok = ctx.token_at(m.start, m.end)
    head = tok.head if tok.dep_ == "pobj" else tok
    verb = head.head if head.dep_ in {"prep", "npadvmod", "pobj"} else head
    if not (verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in SPEECH_VERBS):
        return False
    return not (trigger is not None and m.end <= trigger.start and verb.idx >= trigger.end)


def date_for(ctx: Context, sent: Span, trigger: Mention, *, from_lead: bool = True) -> EventDate | None:
    """The event's date (see the module's order). ``from_lead=False`` leaves a headline on the publication
    date: folding compares the days the sentences themselves give, and a headline folding into its own
    lead would lose what the lead tells better (its type, its toll); coreference joins the two later."""
    in_sent = [
        m
        for m in ctx.in_sentence(ctx.dates, sent)
        if m.start >= ctx.dateline_end and not ctx.in_furniture(m) and not _speech_date(ctx, m, trigger)
    ]
    if in_sent:
        m = min(in_sent, key=lambda m: abs(m.start - trigger.start))
        own: EventDate = m.value
        return own
    earlier = next(
        (
            m
            for m in ctx.index(ctx.dates).ending_by(trigger.start)  # the last one first
            if ctx.dateline_end <= m.start
            and m.value.date is not None
            and not ctx.in_furniture(m)
            and not _speech_date(ctx, m)
        ),
        None,
    )
    if earlier is not None:
        v: EventDate = earlier.value
        before = _days_before(sent, trigger)
        if before and v.date is not None and v.precision is DatePrecision.DAY:
            return replace(
                v,
                date=v.date - dt.timedelta(days=before),
                raw=v.raw,
                evidence=replace(
                    v.evidence,
                    reason=f"the sentence tells an incident {before} day(s) before the date stated earlier",
                    confidence=EARLIER_DATE_CONFIDENCE,
                ),
            )
        return replace(
            v,
            evidence=replace(
                v.evidence,
                reason="no date in the sentence: the last date stated earlier",
                confidence=EARLIER_DATE_CONFIDENCE,
            ),
        )
    lead = _lead_date(ctx, trigger) if from_lead else None
    if lead is not None:
        return lead
    pub = ctx.a.document.published
    if pub is not None:
        return _untold(pub, DatePrecision.DAY, "no date in the text: the publication date", PUBLICATION_DATE_CONFIDENCE)
    return _untold(None, DatePrecision.UNKNOWN, "no date in the text and no publication date", NO_DATE_CONFIDENCE)


def _days_before(sent: Span, trigger: Mention) -> int:
    """ "The attack came two days after gunmen stormed a base": the event told after "after" happened that
    many days before the one told just before (0 when the sentence says no such thing)."""
    m = _CAME_DAYS_AFTER.search(sent.text)
    if m is None or trigger.start < sent.start_char + m.end():
        return 0
    return _SMALL_NUMBERS.get(m.group(1).lower(), 0)


def _lead_date(ctx: Context, trigger: Mention) -> EventDate | None:
    """A headline tells its lead's event: "Gunmen kill 13 in ..." is dated by the first day the lead
    states ("on Monday"), not by the publication. Only a day: a week or a month says less than that."""
    if trigger.start >= ctx.headline_end:
        return None
    lead = [s for s in ctx.a.doc.sents if s.start_char >= ctx.headline_end][:LEAD_SENTENCES]
    end = lead[-1].end_char if lead else ctx.headline_end
    pub = ctx.a.document.published
    for m in ctx.index(ctx.dates).starting_in(ctx.headline_end, end):
        v: EventDate = m.value
        if (
            v.date is None
            or v.precision is not DatePrecision.DAY
            or (pub is not None and not 0 <= (pub - v.date).days <= LEAD_MAX_DAYS_BEFORE)
            or m.start < ctx.dateline_end
            or ctx.in_furniture(m)
            or _speech_date(ctx, m)
            or not any(t.pos_ in {"VERB", "AUX"} for t in ctx.token_at(m.start, m.end).sent)
        ):
            continue  # (a line with no verb, "18 June 2019 22:03", stamps the page, not the event)
        return replace(
            v,
            evidence=replace(v.evidence, reason=LEAD_DATE_REASON, confidence=LEAD_DATE_CONFIDENCE),
        )
    return None


def _untold(date: dt.date | None, precision: DatePrecision, reason: str, confidence: float) -> EventDate:
    """A date the text does not state, with the reason it was chosen and no span of text behind it."""
    evidence = Evidence(start=0, end=0, text="", stage=STAGE, reason=reason, confidence=confidence)
    return EventDate(date=date, precision=precision, raw="", evidence=evidence)
