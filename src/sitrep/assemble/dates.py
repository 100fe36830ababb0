"""Choosing an event's date: the sentence's own (not a statement's), else the last one stated earlier, else the
publication date."""

from __future__ import annotations

import datetime as dt
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
# Confidence of the publication date taken for an event the text does not date.
PUBLICATION_DATE_CONFIDENCE = 0.4
# Confidence of an event date when neither the text nor the publication gives one.
NO_DATE_CONFIDENCE = 0.0


def _speech_date(ctx: Context, m: Mention) -> bool:
    """ "The coalition said on Tuesday that ...": the day of the statement, not of the event."""
    tok = ctx.token_at(m.start, m.end)
    head = tok.head if tok.dep_ == "pobj" else tok
    verb = head.head if head.dep_ in {"prep", "npadvmod", "pobj"} else head
    return verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in SPEECH_VERBS


def date_for(ctx: Context, sent: Span, trigger: Mention) -> EventDate | None:
    in_sent = [
        m
        for m in ctx.in_sentence(ctx.dates, sent)
        if m.start >= ctx.dateline_end and not ctx.in_furniture(m) and not _speech_date(ctx, m)
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
        return replace(
            v,
            evidence=replace(
                v.evidence,
                reason="no date in the sentence: the last date stated earlier",
                confidence=EARLIER_DATE_CONFIDENCE,
            ),
        )
    pub = ctx.a.document.published
    if pub is not None:
        return _untold(pub, DatePrecision.DAY, "no date in the text: the publication date", PUBLICATION_DATE_CONFIDENCE)
    return _untold(None, DatePrecision.UNKNOWN, "no date in the text and no publication date", NO_DATE_CONFIDENCE)


def _untold(date: dt.date | None, precision: DatePrecision, reason: str, confidence: float) -> EventDate:
    """A date the text does not state, with the reason it was chosen and no span of text behind it."""
    evidence = Evidence(start=0, end=0, text="", stage=STAGE, reason=reason, confidence=confidence)
    return EventDate(date=date, precision=precision, raw="", evidence=evidence)
