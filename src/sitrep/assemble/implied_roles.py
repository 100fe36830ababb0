"""Roles the text implies without naming them: the residents of a populated target, the forces on either side
of a de facto front line, the country named on a weapon."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Actor, Evidence, Mention, PlacePrecision
from .context import Context
from .declaration import STAGE
from .draft import Draft, unique_actors
from .families import has_flag
from .places import demonym

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Nouns naming where people live or gather: an attack on them hits civilians.
POPULATED_TARGETS = frozenset(
    "town village city hamlet home house neighbourhood neighborhood settlement hospital school market mosque "
    "church clinic residence apartment".split()
)
SETTLEMENTS = frozenset({"town", "village", "city", "hamlet", "settlement"})
POPULATED_AREAS = frozenset({"area", "building", "district", "quarter", "infrastructure", "block"})
TARGET_PREPS = frozenset({"on", "against", "at", "targeting", "into"})
# Confidence of a role the text implies (civilians of a target, forces of a front line, a weapon's country).
IMPLIED_ROLE_CONFIDENCE = 0.6
# Confidence of the two sides put on fire that names no side at all.
BOTH_SIDES_CONFIDENCE = 0.4
# A country or demonym names a weapon's owner when at most this much blank space parts them ("Turkish drone").
WEAPON_OWNER_GAP_CHARS = 2


def _populated_target(ctx: Context, trigger: Mention) -> Token | None:
    """The town, village or home the event word acts on ("villages are being bombed", "shelled a school")."""
    tok = ctx.token_at(trigger.start, trigger.end)
    heads = [tok]
    if tok.dep_ in {"dobj", "nsubjpass", "xcomp"} and tok.head.pos_ in {"VERB", "AUX"}:
        heads.append(tok.head)
    for head in heads:
        for child in head.children:
            if child.dep_ in {"nsubjpass", "dobj"}:
                target: Token | None = child
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                target = next((g for g in child.children if g.dep_ == "pobj"), None)
            else:
                continue
            if target is None:
                continue
            remote = has_flag(trigger.value.family, "remote")
            for t in (target, *target.conjuncts):
                lemma = t.lemma_.lower()
                if lemma in SETTLEMENTS and not (remote or t.tag_ in {"NNS", "NNPS"}):
                    continue  # "militants attacked the town": its garrison, perhaps; towns bombed: their people
                if lemma in POPULATED_TARGETS or (
                    lemma in POPULATED_AREAS and any(c.lower_ in {"residential", "civilian"} for c in t.children)
                ):
                    return t
    return None


def civilian_recipient(ctx: Context, d: Draft) -> None:
    """An attack on a populated place hits its residents: civilians join the recipients."""
    if d.typed_trigger.kind != "violent" or any(r.sector == "CVL" for r in d.recipients):
        return
    target = _populated_target(ctx, d.trigger)
    if target is None:
        return
    dictionary = ctx.a.resources.actors
    role = dictionary.role("civilians")
    if role is None:
        return
    start, end = target.idx, target.idx + len(target.text)
    ev = Evidence(
        start=start,
        end=end,
        text=ctx.text[start:end],
        stage=STAGE,
        reason="the event's target is a populated place: its residents are the recipients",
        confidence=IMPLIED_ROLE_CONFIDENCE,
    )
    country = d.place.country if d.place is not None else None
    d.recipients.append(dictionary.actor(country, role, evidence=ev))


def de_facto_recipient(ctx: Context, d: Draft) -> None:
    """On a front line between a state and a de facto authority, each side's attack is on the other's forces."""
    place = d.place
    if d.typed_trigger.kind != "violent" or place is None or not place.de_facto or d.recipients:
        return
    dictionary = ctx.a.resources.actors
    states = [a for a in d.actors if a.country == place.country and not a.de_facto and a.sector in {"MIL", "GOV"}]
    holders = [a for a in d.actors if a.de_facto and a.sector == "PRE"]
    if states:
        forces = dictionary.forces_of(place.de_facto)
        if forces is None:
            return
        ev = replace(
            place.evidence,
            stage=STAGE,
            confidence=IMPLIED_ROLE_CONFIDENCE,
            reason=f"the attack lies in territory held de facto by {place.de_facto}: its forces are the recipient",
        )
        d.recipients.append(dictionary.group_actor(forces, evidence=ev))
    elif not d.actors and has_flag(d.typed_trigger.family, "front_line"):
        # Fire on a front line with no side named: the two sides that hold the line.
        forces = dictionary.forces_of(place.de_facto)
        army = dictionary.role("military forces")
        if forces is None:
            return
        why = f"no side named for fire in territory disputed between {place.country} and {place.de_facto}: both sides"
        ev = replace(place.evidence, stage=STAGE, confidence=BOTH_SIDES_CONFIDENCE, reason=why)
        d.actors.append(dictionary.actor(place.country, army, evidence=ev))
        d.recipients.append(dictionary.group_actor(forces, evidence=ev))
    elif holders:
        army = dictionary.role("military forces")
        ev = replace(
            place.evidence,
            stage=STAGE,
            confidence=IMPLIED_ROLE_CONFIDENCE,
            reason=f"the de facto forces attack in territory claimed by {place.country}: its forces are the recipient",
        )
        d.recipients.append(dictionary.actor(place.country, army, evidence=ev))


def weapon_owners(ctx: Context, sent: Span, weapons: Sequence[Mention]) -> list[Actor]:
    """ "Russian warplanes struck", "a Turkish drone hit": the country named on the weapon is the attacker."""
    owners: list[Actor] = []
    dictionary = ctx.a.resources.actors
    army = dictionary.role("military forces")
    for w in weapons:
        for m in ctx.in_sentence(ctx.places, sent):
            gap = ctx.text[m.end : w.start]
            if (
                m.end <= w.start
                and len(gap) <= WEAPON_OWNER_GAP_CHARS
                and not gap.strip()
                and m.value.country
                and _demonym_or_country(m)
            ):
                ev = Evidence(
                    start=m.start,
                    end=w.end,
                    text=ctx.text[m.start : w.end],
                    stage=STAGE,
                    confidence=IMPLIED_ROLE_CONFIDENCE,
                    reason="the country named on the weapon: its forces are the attacker",
                )
                owners.append(dictionary.actor(m.value.country, army, evidence=ev))
    return unique_actors(owners)


def _demonym_or_country(m: Mention) -> bool:
    return demonym(m) or m.value.precision == PlacePrecision.COUNTRY
