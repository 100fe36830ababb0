"""Who did it and to whom: an actor's role from the dependency path between it and the event word."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..actor_kinds import is_armed
from ..model import Actor, Mention
from .context import Context
from .draft import Draft, unique_actors
from .families import KILL_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

AGENT_DEPS = frozenset({"nsubj", "agent", "poss", "csubj"})
PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "iobj", "attr", "oprd"})
PATIENT_PREPS = frozenset({"on", "against", "at", "towards", "toward", "upon", "of", "to", "targeting", "into"})
AGENT_PREPS = frozenset({"by", "from"})
# Operations whose named force did the event told around them ("killed during a police raid").
OPERATION_NOUNS = frozenset({"raid", "operation", "crackdown", "sweep", "swoop", "offensive", "assault"})
# How many steps up the parse tree a path from an actor is followed before it is given up.
MAX_PATH_STEPS = 12
# An actor behind more prepositional phrases than this ("of" aside) is in another phrase and takes no role.
MAX_PREPOSITIONS = 1


def _role(ctx: Context, actor: Mention, trigger_tok: Token) -> str | None:
    """'actor' or 'recipient' from the dependency path between an actor and the trigger.

    'other' when the path reaches the trigger but the actor sits in a nested phrase that is no argument
    of it; None when no path says anything (the caller then falls back on word order).
    """
    anchors = {trigger_tok}
    governor = trigger_tok.head if trigger_tok.dep_ in {"dobj", "pobj", "attr", "xcomp", "nsubjpass"} else None
    if governor is not None and governor.pos_ in {"VERB", "AUX"}:
        anchors.add(governor)
    if trigger_tok.dep_ == "conj" and not any(c.dep_ in AGENT_DEPS for c in trigger_tok.children):
        anchors.add(trigger_tok.head)
    # "killed 40 fighters in air strikes": the verb the event phrase qualifies carries the roles
    carrier = None
    if (
        trigger_tok.dep_ == "pobj"
        and trigger_tok.head.lower_ in {"in", "during", "with"}
        and trigger_tok.head.head.pos_ == "VERB"
        and trigger_tok.head.head.lemma_.lower() in KILL_WORDS
        and any(c.dep_ == "dobj" for c in trigger_tok.head.head.children)
    ):
        carrier = trigger_tok.head.head
        anchors.add(carrier)
    tok = ctx.token_at(actor.start, actor.end)
    # "killed during a police raid": the actor names the operation in which the event happened
    operation = tok.dep_ in {"compound", "amod", "poss", "nmod"} and tok.head.lemma_.lower() in OPERATION_NOUNS
    prev: Token | None = None
    steps = 0
    preps = 0  # prepositions crossed on the way up, "of" aside
    while steps < MAX_PATH_STEPS:
        if tok.dep_ == "prep" and tok.lower_ != "of" and prev is not None:
            preps += 1
        if tok in anchors and prev is not None:
            if preps > MAX_PREPOSITIONS:
                return "other"  # deep in another phrase: "with disregard for the call by the UN"
            dep = prev.dep_
            if carrier is not None and tok.i == carrier.i:
                return "actor" if dep in AGENT_DEPS else "recipient" if dep in PATIENT_DEPS else None
            if tok.i != trigger_tok.i and governor is not None and tok.i == governor.i:
                return "actor" if dep in AGENT_DEPS else None
            if dep in AGENT_DEPS:
                return "actor"
            if dep in PATIENT_DEPS or dep == "compound":
                return "recipient"
            if dep in {"prep", "agent"}:
                prep = prev.lower_
                if prep in AGENT_PREPS or dep == "agent" or (operation and prep in {"during", "in", "amid"}):
                    return "actor"
                if prep in PATIENT_PREPS:
                    return "recipient"
            return None
        if tok in anchors:  # the actor mention covers the trigger
            return None
        if tok.head.i == tok.i:
            return None
        if tok.dep_ == "relcl" and trigger_tok.i < tok.i:
            return "other"  # "blamed the Taliban, who plant mines on roads used by security forces"
        prev, tok = tok, tok.head
        steps += 1
    return None


def assign_roles(ctx: Context, draft: Draft, actor_mentions: Sequence[Mention]) -> None:
    trigger_tok = ctx.token_at(draft.trigger.start, draft.trigger.end)
    unknown: list[Mention] = []
    unreal = [
        (mk.value.scope_start, mk.value.scope_end)
        for mk in ctx.in_sentence(ctx.marks, draft.sentence)
        if mk.value.kind in {"future", "hypothetical", "negated"}
        and not mk.value.scope_start <= draft.trigger.start < mk.value.scope_end
    ]
    for m in actor_mentions:
        if ctx.is_speaker(m) or ctx.names_place(m) or m.start < ctx.dateline_end or ctx.in_furniture(m):
            continue
        if any(lo <= m.start < hi for lo, hi in unreal):
            continue  # "fighters preparing to attack government positions": the positions were not hit
        role = _role(ctx, m, trigger_tok)
        if role == "other":
            continue
        if role == "actor":
            draft.actors.append(m.value)
        elif role == "recipient":
            draft.recipients.append(m.value)
        else:
            unknown.append(m)
    for m in unknown:  # by position: before the trigger acts, after it receives
        actor: Actor = m.value
        if _nested(ctx, m):
            continue
        if m.end <= draft.trigger.start and not draft.actors:
            draft.actors.append(
                replace(actor, evidence=replace(actor.evidence, reason="role by position: before the event word"))
            )
        elif m.start >= draft.trigger.end or draft.actors:
            draft.recipients.append(
                replace(actor, evidence=replace(actor.evidence, reason="role by position: after the event word"))
            )
    draft.actors = unique_actors(draft.actors)
    if not draft.actors and draft.typed_trigger.family == "clash" and len(unique_actors(draft.recipients)) >= 2:
        # "Fighting between A and B": two sides and no doer; the first named is side one.
        first = draft.recipients[0]
        draft.actors = [
            replace(
                first, evidence=replace(first.evidence, reason="a clash has two sides: the first named is side one")
            )
        ]
    names = {a.name for a in draft.actors}
    draft.recipients = [r for r in unique_actors(draft.recipients) if r.name not in names]


def _nested(ctx: Context, m: Mention) -> bool:
    """True for an actor buried in two or more prepositional phrases below its clause's verb."""
    tok = ctx.token_at(m.start, m.end)
    preps = 0
    for _ in range(MAX_PATH_STEPS):
        if tok.pos_ in {"VERB", "AUX"} or tok.head.i == tok.i:
            break
        if tok.dep_ == "prep" and tok.lower_ != "of":
            preps += 1
        tok = tok.head
    return preps > MAX_PREPOSITIONS


def adopt_roles(d: Draft, probe: Draft) -> None:
    """Roles found in a sentence that elaborates an event: its doer fills an empty actor slot, its targets join."""
    why = "from a sentence elaborating this event"
    known = {a.name for a in d.actors}
    if not d.actors:
        d.actors = [replace(a, evidence=replace(a.evidence, reason=why)) for a in probe.actors]
        known = {a.name for a in d.actors}
    for a in probe.recipients:
        if a.name not in known and a.name not in {r.name for r in d.recipients}:
            d.recipients.append(replace(a, evidence=replace(a.evidence, reason=why)))


# Sectors of the state's armed men: police and the military (not "authorities" who found a body).
STATE_FORCE_SECTORS = frozenset({"COP", "MIL"})


def state_force_agent(ctx: Context, trig: Mention, actors: Sequence[Mention]) -> bool:
    """Police or soldiers doing the deed ("officers shot a man"), not reporting it or suffering it."""
    tok = ctx.token_at(trig.start, trig.end)
    return any(
        m.value.sector in STATE_FORCE_SECTORS and not ctx.is_speaker(m) and _role(ctx, m, tok) == "actor"
        for m in actors
    )


def armed_agent(ctx: Context, trigs: Sequence[Mention], actors: Sequence[Mention]) -> bool:
    """An armed actor doing the deed (not the police reporting a crash)."""
    for t in trigs:
        tok = ctx.token_at(t.start, t.end)
        if any(is_armed(m.value) and _role(ctx, m, tok) == "actor" for m in actors):
            return True
    return False
