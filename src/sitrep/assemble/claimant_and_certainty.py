"""Who claims an event (the innermost attribution covering it, else the publisher) and how certainly it is told."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Actor, Certainty, CertaintyMark, Evidence, Mention
from .context import Context
from .declaration import STAGE

if TYPE_CHECKING:
    from spacy.tokens import Span

# Confidence of the publisher taken as claimant when no one in the text claims the event.
PUBLISHER_CONFIDENCE = 0.5


def claimant_at(ctx: Context, offset: int) -> tuple[Actor | None, Mention | None]:
    covering = ctx.scopes.covering(offset)
    if covering:
        m = min(covering, key=lambda m: m.value.scope_end - m.value.scope_start)
        return m.value.claimant, m
    publisher = ctx.a.document.publisher
    if publisher:
        return (
            Actor(
                name=publisher,
                country=None,
                sector="JRN",
                acled_name=None,
                inter=None,
                raw=True,
                evidence=Evidence(
                    start=0,
                    end=0,
                    text="",
                    stage=STAGE,
                    reason="no claimant in the text: the publisher",
                    confidence=PUBLISHER_CONFIDENCE,
                ),
            ),
            None,
        )
    return None, None


def certainty_of(ctx: Context, trig: Mention, sent: Span) -> Certainty:
    hedges: list[Evidence] = []
    negated = hypothetical = future = False
    for m in ctx.in_sentence(ctx.marks, sent):
        mark: CertaintyMark = m.value
        if not (mark.scope_start <= trig.start < mark.scope_end):
            continue
        if mark.kind == "hedge":
            hedges.append(m.evidence())
        elif mark.kind == "negated":
            negated = True
        elif mark.kind == "hypothetical":
            hypothetical = True
        elif mark.kind == "future":
            future = True
    return Certainty(hedges=tuple(hedges), negated=negated, hypothetical=hypothetical, future=future)
