"""Freezing a draft into an Event: implied roles, merged figures, typing, claims, id and confidence."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from ..model import Actor, CasualtyFigure, Certainty, Claim, Event, Evidence, Mention, Weapon
from ..resolve.event_types import classify
from .casualties import merge_claimed
from .claimant_and_certainty import certainty_of, claimant_at
from .context import Context
from .dates import date_for
from .declaration import STAGE
from .draft import Draft
from .implied_roles import civilian_recipient, de_facto_recipient

# An event's confidence is its trigger's score times this, plus CONFIDENCE_PER_ARGUMENT for each of
# actors, place and date found.
CONFIDENCE_BASE = 0.55
CONFIDENCE_PER_ARGUMENT = 0.15
# Hex digits of the hash of document, trigger offset and place name kept as the event id.
ID_HEX_DIGITS = 16


def freeze(ctx: Context, d: Draft) -> Event:
    doc_id = ctx.a.document.id
    trig = d.trigger
    certainty = _certainty(ctx, d)
    date = d.date or date_for(ctx, d.sentence, trig)
    civilian_recipient(ctx, d)
    de_facto_recipient(ctx, d)
    killed = merge_claimed(ctx, d, "killed")
    wounded = merge_claimed(ctx, d, "wounded")
    typed = classify(
        d.typed_trigger,
        weapons=tuple(d.weapons),
        actors=tuple(d.actors),
        recipients=tuple(d.recipients),
        sentence=d.sentence.text,
        killed=bool(killed and killed.total and killed.total.best > 0),
        context=d.sentence,
        trigger_span=(trig.start, trig.end),
    )
    claimant, attribution = claimant_at(ctx, trig.start)
    actors = tuple(d.actors)
    if not actors and typed.kind == "verbal" and claimant is not None:
        actors = (replace(claimant, evidence=replace(claimant.evidence, reason="the speaker of the statement")),)
    reasons = list(d.reasons)
    if typed.reason:
        reasons.append(typed.reason)
    found = sum(x is not None and x != () for x in (actors or None, d.place, date.date if date else None))
    confidence = round(trig.score * (CONFIDENCE_BASE + CONFIDENCE_PER_ARGUMENT * found), 3)
    sentence_ev = Evidence(
        start=d.sentence.start_char, end=d.sentence.end_char, text=d.sentence.text, stage="parse.spacy"
    )
    key = f"{doc_id}|{trig.start}|{d.place.name if d.place else ''}"
    return Event(
        id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:ID_HEX_DIGITS],
        document_id=doc_id,
        kind=typed.kind,
        plover=typed.plover,
        modes=typed.modes,
        acled_type=typed.acled_type,
        acled_subtype=typed.acled_subtype,
        actors=actors,
        recipients=tuple(d.recipients),
        place=d.place,
        date=date,
        killed=killed,
        wounded=wounded,
        weapons=tuple(_unique_weapons(d.weapons)),
        claims=_claims(ctx, d, typed.plover, claimant, attribution),
        claimant=claimant,
        certainty=certainty,
        trigger=Evidence(start=trig.start, end=trig.end, text=trig.text, stage=trig.stage, confidence=trig.score),
        sentence=sentence_ev,
        confidence=confidence,
        reasons=tuple(reasons),
        mentions=_retold(ctx, d),
    )


def _retold(ctx: Context, d: Draft) -> tuple[Evidence, ...]:
    """The other sentences whose words were folded into this event (a retelling of the same incident)."""
    out: dict[int, Evidence] = {}
    for t in d.extra_triggers:
        sent = ctx.token_at(t.start, t.end).sent
        if sent.start_char == d.sentence.start_char or sent.start_char in out:
            continue
        out[sent.start_char] = Evidence(
            start=sent.start_char,
            end=sent.end_char,
            text=sent.text,
            stage=STAGE,
            reason=f"the same incident told again at {t.text!r} (same day and place)",
        )
    return tuple(out[k] for k in sorted(out))


def _certainty(ctx: Context, d: Draft) -> Certainty:
    certainty = certainty_of(ctx, d.trigger, d.sentence)
    if d.typed_trigger.kind == "verbal" and d.extra_triggers:
        # One verbal event from several words ("evidence that ... apparent support"): any word's hedge counts.
        more = [h for t in d.extra_triggers for h in certainty_of(ctx, t, d.sentence).hedges]
        certainty = replace(certainty, hedges=certainty.hedges + tuple(more))
    return certainty


def _claims(
    ctx: Context, d: Draft, plover: str, claimant: Actor | None, attribution: Mention | None
) -> tuple[Claim, ...]:
    """A claim for the event's occurrence, then one per casualty figure, each with its own claimant."""
    claims: list[Claim] = []
    if claimant is not None:
        cue = attribution.evidence() if attribution is not None else claimant.evidence
        claims.append(Claim(field="event", value=plover, claimant=claimant, evidence=cue))
    for m in d.casualty_mentions:
        fig: CasualtyFigure = m.value
        who, _ = claimant_at(ctx, m.start)
        if who is not None:
            c = fig.count
            claims.append(
                Claim(
                    field=fig.outcome,
                    value={"low": c.low, "best": c.best, "high": c.high, "group": c.group},
                    claimant=who,
                    evidence=c.evidence,
                )
            )
    return tuple(claims)


def _unique_weapons(weapons: list[Weapon]) -> list[Weapon]:
    seen: dict[tuple[str, int], Weapon] = {}
    for w in weapons:
        seen.setdefault((w.name, w.evidence.start), w)
    return list(seen.values())


def with_unique_ids(events: list[Event]) -> tuple[Event, ...]:
    """``events`` with every id unique: a later event that drew an id already taken (two drafts of one
    trigger placed alike) gets the hash of that id and its rank among the events sharing it. The
    store keys events by id, so a repeated id would silently lose an event there."""
    taken: dict[str, int] = {}
    unique: list[Event] = []
    for event in events:
        seen = taken.get(event.id, 0)
        taken[event.id] = seen + 1
        if seen:
            new_id = hashlib.sha1(f"{event.id}|{seen}".encode()).hexdigest()[:ID_HEX_DIGITS]
            event = replace(event, id=new_id)
            taken[new_id] = taken.get(new_id, 0) + 1
        unique.append(event)
    return tuple(unique)
