"""Who tells an event the text attributes nowhere near its own words.

A report names its source once for several sentences: a headline gives no source, the lead's
"..., police said." covers the sentence before it in the same paragraph, and a lead paragraph with
no source of its own is sourced in the next one ("Five soldiers were killed on Sunday." then "The
army said in a statement ..."). Attribution (``attribution.rules.v1``) scopes a claim to its own
sentence or quotation; this stage gives an event left without a claimant

* in the headline: the source of the lead, the first attribution in the first ``LEAD_PARAGRAPHS``
  paragraphs of the body (bylines, datelines and captions, shorter than ``MIN_PARAGRAPH_CHARS`` or
  holding a picture credit, not counted);
* elsewhere: the first attribution after its event word in the same paragraph, or in the next
  paragraph when that one opens with it (``NEXT_OPENING_CHARS``).

A denial, an accusation, a condemnation or a warning sources nothing. The publisher as a fallback claimant counts as none. Each event given a claimant keeps the reason.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model import Actor, Claim, Event, Mention
from ..registry import document_stage
from .coreference import HEADLINE_CHARS

if TYPE_CHECKING:
    from ..annotated import Annotated

NAME = "claimants.rules.v1"
# The body paragraphs that make a report's lead, whose source is the headline's.
LEAD_PARAGRAPHS = 3
# A shorter paragraph is a byline, a dateline, a credit or a caption: not a paragraph of the lead.
MIN_PARAGRAPH_CHARS = 80
# A source in the next paragraph speaks for the paragraph before when its cue comes this early in it.
NEXT_OPENING_CHARS = 160
# What a speaker denies, blames, condemns or warns of is no account of an event told elsewhere.
NOT_SOURCING = frozenset({"deny", "accuse", "blame", "condemn", "warn", "argue", "insist"})
# Reports break paragraphs with a blank line or a bare line break: either ends one here.
PARAGRAPH_BREAK = re.compile(r"\n\s*")


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int


@document_stage(NAME, requires=("events",), assigns=("claimants",))
def carry_claimants(annotated: Annotated, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """Events without a claimant take the source the report gives them in a nearby sentence (see the module's rules)."""
    said = sorted(
        (m for m in annotated.of("attribution") if m.value.cue not in NOT_SOURCING and m.value.cue != "publisher"),
        key=lambda m: m.start,
    )
    if not said:
        return events
    paragraphs = _paragraphs(annotated.text)
    furniture = [m.start for m in annotated.of("dateline") if m.value.kind in {"credit", "byline"}]
    headline_end = _headline_end(annotated.text)
    out = []
    for event in events:
        if not _unsourced(event):
            out.append(event)
            continue
        found = _source_for(event, said, paragraphs, headline_end, furniture)
        if found is None:
            out.append(event)
            continue
        attribution, why = found
        claimant: Actor = attribution.value.claimant
        said_so = Claim(field="event", value=event.plover, claimant=claimant, evidence=attribution.evidence())
        reasons = (*event.reasons, f"claimant {claimant.name!r} {why}")
        out.append(replace(event, claimant=claimant, claims=(said_so, *event.claims), reasons=reasons))
    return tuple(out)


def _unsourced(event: Event) -> bool:
    """No claimant, or only the publisher taken for one (a claimant with no words in the text)."""
    c = event.claimant
    return c is None or c.evidence.end <= c.evidence.start


def _source_for(
    event: Event, said: list[Mention], paragraphs: list[Paragraph], headline_end: int, furniture: list[int]
) -> tuple[Mention, str] | None:
    at = event.trigger.start
    if at < headline_end:
        lead = [
            p
            for p in paragraphs
            if p.start >= headline_end
            and p.end - p.start >= MIN_PARAGRAPH_CHARS
            and not any(p.start <= f < p.end for f in furniture)
        ]
        lead = lead[:LEAD_PARAGRAPHS]
        if not lead:
            return None
        first = _first_in(said, lead[0].start, lead[-1].end)
        return (first, "from the lead: the headline names no source") if first is not None else None
    i = _paragraph_at(paragraphs, at)
    if i is None:
        return None
    here = paragraphs[i]
    after = _first_in(said, event.sentence.end, here.end)
    if after is not None:
        return after, "from a later sentence of its paragraph"
    if i + 1 < len(paragraphs):
        nxt = paragraphs[i + 1]
        opening = _first_in(said, nxt.start, min(nxt.end, nxt.start + NEXT_OPENING_CHARS))
        if opening is not None and opening.value.scope_start <= nxt.start + NEXT_OPENING_CHARS:
            return opening, "from the opening of the next paragraph"
    return None


def _first_in(said: list[Mention], start: int, end: int) -> Mention | None:
    """The first attribution whose cue starts in ``start``..``end``."""
    i = bisect.bisect_left([m.start for m in said], start)
    return said[i] if i < len(said) and said[i].start < end else None


def _paragraphs(text: str) -> list[Paragraph]:
    out: list[Paragraph] = []
    start = 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        if text[start : brk.start()].strip():
            out.append(Paragraph(start, brk.start()))
        start = brk.end()
    if text[start:].strip():
        out.append(Paragraph(start, len(text)))
    return out


def _paragraph_at(paragraphs: list[Paragraph], offset: int) -> int | None:
    i = bisect.bisect_right([p.start for p in paragraphs], offset) - 1
    return i if i >= 0 and offset < paragraphs[i].end else None


def _headline_end(text: str) -> int:
    """Where the headline ends: the first blank line, when it comes within HEADLINE_CHARS; else 0."""
    at = text.find("\n\n", 0, HEADLINE_CHARS)
    return at if at > 0 and text[:at].strip() else 0
