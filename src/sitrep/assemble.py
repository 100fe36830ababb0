"""Turn triggers and the mentions around them into Events.

The rules, in the order they apply (docs/stages.md has the long form):

1. A trigger becomes a candidate unless it is content of another event ("condemns the aggression":
   the aggression is what is condemned), lies in a non-conflict context (a storm, a match, a
   crash) without any armed actor or weapon beside it, or, for a violent word, has no conflict
   support at all in its sentence.
2. In one sentence, violent and material triggers make one event (the most specific word names
   it); verbal triggers make one event per family.
3. Arguments come from the trigger's sentence: actors by their grammatical role, else by position;
   places (a dateline place is skipped); dates, else the last date stated earlier, else the
   publication date; weapons; casualties. Several towns in one sentence fan out into one event each.
4. A sentence that only reports a toll ("over a dozen people were killed") adds its figures to the
   event they belong to instead of making a new one; a bare violent verb with no place, date or
   figure of its own elaborates the previous violent event.
5. Certainty marks whose scope covers the trigger apply; the claimant is the innermost
   attribution covering the trigger, else the publisher.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .distance import haversine_km
from .model import (
    Actor,
    Casualties,
    CasualtyFigure,
    Certainty,
    CertaintyMark,
    Claim,
    Count,
    DatePrecision,
    Event,
    EventDate,
    Evidence,
    Mention,
    Place,
    PlacePrecision,
    Trigger,
    Weapon,
)
from .resolve.event_types import classify
from .resolve.trigger_lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .annotated import Annotated

STAGE = "assemble.rules.v1"
REQUIRES = ("trigger", "actor", "place", "date", "casualty", "weapon", "attribution", "certainty")

# Most specific first: the word that names a sentence's event.
FAMILY_RANK = (
    "suicide",
    "abduct",
    "sexual",
    "airstrike",
    "shelling",
    "bombard",
    "explosion",
    "capture",
    "riot",
    "mob",
    "protest",
    "clash",
    "beat",
    "body",
    "attack",
    "loot",
    "disrupt",
    "arrest",
    "pact",
    "withdraw",
    "base",
    "mobilize",
    "measures",
    "aid",
    "other",
)
KILL_WORDS = frozenset({"kill", "killing", "murder", "slay", "massacre", "execute", "execution", "behead"})
GENERIC_FAMILIES = frozenset({"attack", "clash"})
AGENT_DEPS = frozenset({"nsubj", "agent", "poss", "csubj"})
PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "iobj", "attr", "oprd"})
PATIENT_PREPS = frozenset({"on", "against", "at", "towards", "toward", "upon", "of", "to", "targeting", "into"})
AGENT_PREPS = frozenset({"by", "from"})
# Operations whose named force did the event told around them ("killed during a police raid").
OPERATION_NOUNS = frozenset({"raid", "operation", "crackdown", "sweep", "swoop", "offensive", "assault"})
PLACE_RANK = {PlacePrecision.TOWN: 0, PlacePrecision.NEAR_TOWN: 1, PlacePrecision.REGION: 2, PlacePrecision.COUNTRY: 3}
# A coarse-dated event ending this many days before publication is background (see _drop_background).
BACKGROUND_DAYS = 30
# Families whose words keep their sense in a story about a business, a flood or a match.
CONTEXT_IMMUNE = frozenset({"protest", "riot", "mob", "arrest", "abduct", "sexual", "suicide", "airstrike", "capture"})
# Violent families that, on a front line with no side named, are fire between the two sides.
FRONT_LINE_FAMILIES = frozenset({"attack", "clash", "shelling", "bombard", "explosion"})
# Nouns a place name may qualify and still be the place ("the Syria border", "Yemen territory").
PLACE_NOUNS = frozenset(
    "border frontier territory side soil city town province region state capital coast "
    "countryside airspace waters".split()
)
# Verbs of saying: a date on one of them dates the statement.
SPEECH_VERBS = frozenset("say tell announce claim state report confirm deny add note write tweet".split())
# Victim groups on the same side: children and women killed are civilians killed, not more victims.
SIDES = {"children": "civilians", "women": "civilians", "civilians": "civilians"}
# Words after a name that make it a quarter of a town ("Kypseli neighbourhood", "Nima community").
SUBPLACE_AFTER = re.compile(
    r"^\s+(?:neighbou?rhoods?|quarters?|sectors?|communit(?:y|ies)|districts?|areas?|suburbs?|colonia|"
    r"township|market|camp)\b"
)
# Words that announce another incident in the same report.
SEPARATE_INCIDENT = frozenset({"separate", "separately", "another", "elsewhere", "meanwhile", "a second", "later that"})
# "Iran-aligned", "Kabul-based", "US-led": a place name joined by a hyphen to a lower-case word.
HYPHEN_MODIFIER = re.compile(r"-[a-z]")
# "A string of attacks", "a wave of bombings": many incidents summed up, not one.
AGGREGATE_HEADS = frozenset("string series wave spate spree rash succession campaign number handful litany".split())
AGGREGATE_MODIFIERS = frozenset(
    "recent previous past repeated frequent earlier several numerous multiple sporadic".split()
)
# Words of repetition that make a present perfect a pattern ("has used ... many times").
REPETITION = (
    "many times",
    "repeatedly",
    "often",
    "frequently",
    "regularly",
    "for years",
    "routinely",
    "time and again",
)
ORDNANCE_MODES = frozenset({"explosives", "suicide-attack"})
# Nouns naming where people live or gather: an attack on them hits civilians.
POPULATED_TARGETS = frozenset(
    "town village city hamlet home house neighbourhood neighborhood settlement hospital school market mosque "
    "church clinic residence apartment".split()
)
SETTLEMENTS = frozenset({"town", "village", "city", "hamlet", "settlement"})
REMOTE_FAMILIES = frozenset({"shelling", "airstrike", "bombard", "explosion"})
POPULATED_AREAS = frozenset({"area", "building", "district", "quarter", "infrastructure", "block"})
TARGET_PREPS = frozenset({"on", "against", "at", "targeting", "into"})
# "KADUNA, Nigeria, June 14 (Sahel Courier) - ": a capitalised place, then at most a line, then a dash.
DATELINE = re.compile(r"^\s*[A-Z][A-Z' .-]{2,40}(?:,|\s\()[^\n]{0,100}?\s[-\u2013\u2014]{1,2}\s")


@dataclass
class _Draft:
    """A mutable event under construction; frozen into an Event at the end."""

    trigger: Mention
    sentence: Span
    typed_trigger: Trigger
    extra_triggers: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    place: Place | None = None
    date: EventDate | None = None
    killed: list[CasualtyFigure] = field(default_factory=list)
    wounded: list[CasualtyFigure] = field(default_factory=list)
    casualty_mentions: list[Mention] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


class _Context:
    """The document's mentions, indexed for the questions assembly asks."""

    def __init__(self, annotated: Annotated) -> None:
        self.a = annotated
        self.text = annotated.text
        self.actors = annotated.of("actor")
        self.places = annotated.of("place")
        self.dates = annotated.of("date")
        self.casualties = annotated.of("casualty")
        self.weapons = annotated.of("weapon")
        self.attributions = annotated.of("attribution")
        self.marks = annotated.of("certainty")
        self.lex = lexicon()
        self._dateline = self._find_dateline()
        head = DATELINE.match(self.text)
        # Where the dateline ends: its place and date say where and when the story was filed.
        self.dateline_end = head.end() if head else (self._dateline[1] if self._dateline else 0)
        # A story about a flood, a crash, a match or a market: generic violent words need an armed actor.
        low = self.text.lower()
        hits = {w for w in self.lex.non_conflict_context if re.search(rf"\b{re.escape(w)}", low)}
        self.non_conflict_document = len(hits) >= 2

    def _find_dateline(self) -> tuple[int, int] | None:
        """A place at the very start followed by a date and a dash is the dateline, not the event place."""
        first = min(self.places, key=lambda m: m.start, default=None)
        if first is None or self.text[: first.start].strip():
            return None
        tail = self.text[first.end : first.end + 80]
        if re.match(r"^\s*(?:\([^)]{0,40}\))?\s*,", tail) or re.match(r"^[^\n.]{0,60}[-\u2013\u2014]\s", tail):
            return first.start, first.end
        return None

    def in_sentence(self, mentions: Sequence[Mention], sent: Span) -> list[Mention]:
        return [m for m in mentions if sent.start_char <= m.start < sent.end_char]

    def token_at(self, start: int, end: int) -> Token:
        span = self.a.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return self.a.doc[min(len(self.a.doc) - 1, max(0, self._token_index(start)))]
        return span.root

    def _token_index(self, offset: int) -> int:
        for tok in self.a.doc:
            if tok.idx + len(tok.text) > offset:
                return tok.i
        return len(self.a.doc) - 1

    def is_speaker(self, m: Mention) -> bool:
        """The actor who says something ("officials said"), not a party to what is told."""
        return any(
            a.value.cue != "publisher" and a.value.claimant.evidence.start <= m.start < a.value.claimant.evidence.end
            for a in self.attributions
        )

    def names_place(self, m: Mention) -> bool:
        """A raw organisation that is really a place the gazetteer knows ("Erbil" tagged as an organisation)."""
        return m.value.raw and any(p.start <= m.start and m.end <= p.end for p in self.places)

    def is_dateline(self, m: Mention) -> bool:
        return m.start < self.dateline_end or (self._dateline is not None and (m.start, m.end) == self._dateline)

    def overlaps_actor(self, m: Mention) -> bool:
        """A place inside a longer actor name, or a country name the actor stage read as an actor."""
        for a in self.actors:
            if not (a.start <= m.start and m.end <= a.end):
                continue
            if self.text[m.end : a.end].startswith(","):
                continue  # "Carora, Lara state, public transport drivers": a place and its region before the people
            if (a.start, a.end) == (m.start, m.end) and m.value.precision in (
                PlacePrecision.TOWN,
                PlacePrecision.NEAR_TOWN,
            ):
                continue  # "On Monday, Carora, ...": a town's bare name that the parse made a doer still says where
            if not a.value.raw:
                return True
            root = self.token_at(a.start, a.end)
            if "," in a.text:
                continue  # "Mirpurkhas, Sindh" taken for an organisation: a place and its province
            if re.search(r"\b(?:in|at)\s+$", self.text[a.start : m.start]):
                continue  # "the Court of Justice in Sofia": the place says where it stands
            if (a.end - a.start) > (m.end - m.start) and not (m.start <= root.idx < m.end):
                return True  # "Idlib Civil Monitoring Centre": the place names the organisation
        return False


# ---------------------------------------------------------------- roles


def _role(ctx: _Context, actor: Mention, trigger_tok: Token) -> str | None:
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
    while steps < 12:
        if tok.dep_ == "prep" and tok.lower_ != "of" and prev is not None:
            preps += 1
        if tok in anchors and prev is not None:
            if preps > 1:
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


def _assign_roles(ctx: _Context, draft: _Draft, actor_mentions: list[Mention]) -> None:
    trigger_tok = ctx.token_at(draft.trigger.start, draft.trigger.end)
    unknown: list[Mention] = []
    unreal = [
        (mk.value.scope_start, mk.value.scope_end)
        for mk in ctx.in_sentence(ctx.marks, draft.sentence)
        if mk.value.kind in {"future", "hypothetical", "negated"}
        and not mk.value.scope_start <= draft.trigger.start < mk.value.scope_end
    ]
    for m in actor_mentions:
        if ctx.is_speaker(m) or ctx.names_place(m) or m.start < ctx.dateline_end:
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
    draft.actors = _unique_actors(draft.actors)
    if not draft.actors and draft.typed_trigger.family == "clash" and len(_unique_actors(draft.recipients)) >= 2:
        # "Fighting between A and B": two sides and no doer; the first named is side one.
        first = draft.recipients[0]
        draft.actors = [
            replace(
                first, evidence=replace(first.evidence, reason="a clash has two sides: the first named is side one")
            )
        ]
    names = {a.name for a in draft.actors}
    draft.recipients = [r for r in _unique_actors(draft.recipients) if r.name not in names]


def _nested(ctx: _Context, m: Mention) -> bool:
    """True for an actor buried in two or more prepositional phrases below its clause's verb."""
    tok = ctx.token_at(m.start, m.end)
    preps = 0
    for _ in range(12):
        if tok.pos_ in {"VERB", "AUX"} or tok.head.i == tok.i:
            break
        if tok.dep_ == "prep" and tok.lower_ != "of":
            preps += 1
        tok = tok.head
    return preps > 1


def _populated_target(ctx: _Context, trigger: Mention) -> Token | None:
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
            remote = trigger.value.family in REMOTE_FAMILIES
            for t in (target, *target.conjuncts):
                lemma = t.lemma_.lower()
                if lemma in SETTLEMENTS and not (remote or t.tag_ in {"NNS", "NNPS"}):
                    continue  # "militants attacked the town": its garrison, perhaps; towns bombed: their people
                if lemma in POPULATED_TARGETS or (
                    lemma in POPULATED_AREAS and any(c.lower_ in {"residential", "civilian"} for c in t.children)
                ):
                    return t
    return None


def _civilian_recipient(ctx: _Context, d: _Draft) -> None:
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
        confidence=0.6,
    )
    country = d.place.country if d.place is not None else None
    d.recipients.append(dictionary.actor(country, role, evidence=ev))


def _de_facto_recipient(ctx: _Context, d: _Draft) -> None:
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
            confidence=0.6,
            reason=f"the attack lies in territory held de facto by {place.de_facto}: its forces are the recipient",
        )
        d.recipients.append(dictionary.group_actor(forces, evidence=ev))
    elif not d.actors and d.typed_trigger.family in FRONT_LINE_FAMILIES:
        # Fire on a front line with no side named: the two sides that hold the line.
        forces = dictionary.forces_of(place.de_facto)
        army = dictionary.role("military forces")
        if forces is None:
            return
        why = f"no side named for fire in territory disputed between {place.country} and {place.de_facto}: both sides"
        ev = replace(place.evidence, stage=STAGE, confidence=0.4, reason=why)
        d.actors.append(dictionary.actor(place.country, army, evidence=ev))
        d.recipients.append(dictionary.group_actor(forces, evidence=ev))
    elif holders:
        army = dictionary.role("military forces")
        ev = replace(
            place.evidence,
            stage=STAGE,
            confidence=0.6,
            reason=f"the de facto forces attack in territory claimed by {place.country}: its forces are the recipient",
        )
        d.recipients.append(dictionary.actor(place.country, army, evidence=ev))


def _weapon_owners(ctx: _Context, sent: Span, weapons: list[Mention]) -> list[Actor]:
    """ "Russian warplanes struck", "a Turkish drone hit": the country named on the weapon is the attacker."""
    owners: list[Actor] = []
    dictionary = ctx.a.resources.actors
    army = dictionary.role("military forces")
    for w in weapons:
        for m in ctx.in_sentence(ctx.places, sent):
            gap = ctx.text[m.end : w.start]
            if m.end <= w.start and len(gap) <= 2 and not gap.strip() and m.value.country and _demonym_or_country(m):
                ev = Evidence(
                    start=m.start,
                    end=w.end,
                    text=ctx.text[m.start : w.end],
                    stage=STAGE,
                    confidence=0.6,
                    reason="the country named on the weapon: its forces are the attacker",
                )
                owners.append(dictionary.actor(m.value.country, army, evidence=ev))
    return _unique_actors(owners)


def _demonym_or_country(m: Mention) -> bool:
    return _demonym(m) or m.value.precision == PlacePrecision.COUNTRY


def _adopt_roles(d: _Draft, probe: _Draft) -> None:
    """Roles found in a sentence that elaborates an event: its doer fills an empty actor slot, its targets join."""
    why = "from a sentence elaborating this event"
    known = {a.name for a in d.actors}
    if not d.actors:
        d.actors = [replace(a, evidence=replace(a.evidence, reason=why)) for a in probe.actors]
        known = {a.name for a in d.actors}
    for a in probe.recipients:
        if a.name not in known and a.name not in {r.name for r in d.recipients}:
            d.recipients.append(replace(a, evidence=replace(a.evidence, reason=why)))


def _unique_actors(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for a in actors:
        seen.setdefault(a.name, a)
    return list(seen.values())


# ---------------------------------------------------------------- filters


def _words(text: str, vocab: frozenset[str]) -> bool:
    return _vocabulary_pattern(vocab).search(text.lower()) is not None


@lru_cache(maxsize=32)
def _vocabulary_pattern(vocab: frozenset[str]) -> re.Pattern[str]:
    """One pattern for a word list: a word of five letters or more also as the start of a longer word
    ("police" in "policemen"); a shorter one only alone or as a plural ("war", "wars", not "warned")."""
    ordered = sorted(vocab, key=len, reverse=True)
    long = "|".join(re.escape(w) for w in ordered if len(w) > 4)  # "police" covers "policemen"
    short = "|".join(re.escape(w) for w in ordered if len(w) <= 4)  # "war" must not cover "warned"
    parts = ([r"\b(?:" + long + ")"] if long else []) + ([r"\b(?:" + short + r")(?:s|es|'s)?\b"] if short else [])
    return re.compile("|".join(parts) or r"(?!)")


def _armed(actor: Actor) -> bool:
    return (actor.inter in {1, 2, 3, 4, 8}) or actor.sector in {"MIL", "REB", "PRM", "UAF", "COP", "PRE"}


def _armed_agent(ctx: _Context, trigs: list[Mention], actors: list[Mention]) -> bool:
    """An armed actor doing the deed (not the police reporting a crash)."""
    for t in trigs:
        tok = ctx.token_at(t.start, t.end)
        if any(_armed(m.value) and _role(ctx, m, tok) == "actor" for m in actors):
            return True
    return False


def _content_of_verbal(ctx: _Context, trig: Mention, verbal: list[Mention]) -> bool:
    """A noun trigger inside the object of a verbal trigger is what is talked about, not a new event."""
    tok = ctx.token_at(trig.start, trig.end)
    if tok.pos_ not in {"NOUN", "PROPN"} and tok.dep_ not in {"xcomp", "pcomp"}:
        return False
    if tok.dep_ == "conj":  # "condemns ... and appeals": a second act, not the first one's object
        return False
    for v in verbal:
        vtok = ctx.token_at(v.start, v.end)
        if vtok.i == tok.i or vtok.pos_ != "VERB":
            continue
        if vtok.i < tok.i and tok in set(vtok.subtree):
            return True
    return False


def _anaphoric(ctx: _Context, trig: Mention) -> bool:
    """ "This attack", "the aggression": a generic noun pointing back at an event already told."""
    tok = ctx.token_at(trig.start, trig.end)
    if trig.value.family not in GENERIC_FAMILIES or tok.pos_ != "NOUN":
        return False
    return any(
        c.dep_ in {"det", "poss"} and c.lower_ in {"this", "that", "the", "these", "those", "such", "its", "their"}
        for c in tok.children
    )


def _after_request(trig: Mention, verbal: list[Mention]) -> bool:
    """What a speaker asks for or threatens ("to resume negotiations") has not happened."""
    return any(v.value.plover in {"REQUEST", "THREATEN"} and v.start < trig.start for v in verbal)


# ---------------------------------------------------------------- arguments


def _pick_places(ctx: _Context, sent: Span, trigger: Mention) -> list[Mention]:
    """Places for a sentence's event: every town-level place (fan-out), else the most specific one."""
    cands = [
        m
        for m in ctx.in_sentence(ctx.places, sent)
        if not ctx.is_dateline(m) and not ctx.overlaps_actor(m) and not _demonym(m) and not _modifier(ctx, m)
    ]
    if not cands:
        return []
    cands = [m for m in cands if not _admin_of_another(m, cands)] or cands
    cands = [m for m in cands if not _route_end(ctx, m, cands)]
    cands = [m for m in cands if not _bearing_from(ctx, m, cands)] or cands
    cands = [m for m in cands if not _part_of_next(ctx, m, cands)] or cands
    towns = [m for m in cands if m.value.precision in (PlacePrecision.TOWN, PlacePrecision.NEAR_TOWN)]
    towns = [m for m in towns if not _quarter_far_away(ctx, m, towns)] or towns
    if towns:
        unique: dict[str, Mention] = {}
        for m in towns:
            unique.setdefault(str(m.value.geonameid or m.value.name), m)
        return list(unique.values())
    best = min(cands, key=lambda m: (PLACE_RANK[m.value.precision], abs(m.start - trigger.start)))
    return [best]


def _place_told_before(ctx: _Context, sent: Span, sentences: int = 2) -> Mention | None:
    """The last town or region named in the sentences just before ``sent``: "Soldiers chased gunmen in
    Timbuktu. ... the gunmen opened fire" happened there. Countries and demonyms say too little."""
    lo = ctx.a.sentence_start(max(0, ctx.a.sentence_index(sent.start_char) - sentences))
    told = [
        m
        for m in ctx.places
        if lo <= m.start < sent.start_char
        and not ctx.is_dateline(m)
        and not ctx.overlaps_actor(m)
        and not _demonym(m)
        and m.value.precision is not PlacePrecision.COUNTRY
    ]
    towns = [m for m in told if m.value.precision in (PlacePrecision.TOWN, PlacePrecision.NEAR_TOWN)]
    towns = [m for m in towns if not _quarter_far_away(ctx, m, towns)]
    return (towns or told)[-1] if told else None


def _quarter_far_away(ctx: _Context, m: Mention, towns: list[Mention], km: float = 50.0) -> bool:
    """ "In Timoteo, ... in Nova Primavera neighbourhood": a quarter of the town named with it; a reading of
    its name far from that town is a namesake elsewhere."""
    if not SUBPLACE_AFTER.match(ctx.text[m.end : m.end + 25].lower()) or m.value.lat is None:
        return False
    return any(
        n is not m
        and n.value.lat is not None
        and n.value.lon is not None
        and m.value.lon is not None
        and haversine_km(n.value.lat, n.value.lon, m.value.lat, m.value.lon) > km
        for n in towns
    )


def _part_of_next(ctx: _Context, m: Mention, cands: list[Mention]) -> bool:
    """ "The Nima community of Accra", "Don Samuel neighbourhood in Barinas": a quarter of the town named next."""
    after = ctx.text[m.end : m.end + 25].lower()
    if not SUBPLACE_AFTER.match(after):
        return False
    return any(
        n.start > m.end
        and n.start - m.end <= 60
        and n.value.precision in (PlacePrecision.TOWN, PlacePrecision.NEAR_TOWN)
        for n in cands
    )


_BEARING = re.compile(
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?(?: part)? of (?:the )?$",
    re.IGNORECASE,
)


def _bearing_from(ctx: _Context, m: Mention, cands: list[Mention]) -> bool:
    """ "Majzar district west of Marib city": the town after the bearing only locates the place named before it."""
    window_start = max(0, m.start - 30)
    cue = _BEARING.search(ctx.text[window_start : m.start])
    if cue is None:
        return False
    cue_start = window_start + cue.start()
    return any(n is not m and n.end <= cue_start and cue_start - n.end <= 40 for n in cands)


def _route_end(ctx: _Context, m: Mention, cands: list[Mention]) -> bool:
    """ "The Kaduna-Abuja highway": the second town names where the road goes, not a second event place."""
    return any(n.end <= m.start and ctx.text[n.end : m.start] in {"-", "\u2013", "\u2014", "/"} for n in cands)


def _admin_of_another(m: Mention, cands: list[Mention]) -> bool:
    """ "Kafr Nabl in Idlib": a name that is the province or district of another place in the sentence locates it."""
    said = {m.text.casefold(), m.value.name.casefold()}
    for n in cands:
        if (
            n is m
            or n.value.name == m.value.name
            or n.value.precision not in (PlacePrecision.TOWN, PlacePrecision.NEAR_TOWN)
        ):
            continue
        admins = {a.casefold() for a in (n.value.admin1, n.value.admin2) if a}
        if said & admins or any(a.startswith(x + " ") or x.startswith(a + " ") for a in admins for x in said):
            return True
    return False


def _modifier(ctx: _Context, m: Mention) -> bool:
    """ "The US dollar", "Russian drones", "Iran-aligned factions", "Kabul-based": a name qualifying a thing,
    not where the event took place."""
    if HYPHEN_MODIFIER.match(ctx.text, m.end):
        return True
    if m.value.precision != PlacePrecision.COUNTRY:
        return False
    tok = ctx.token_at(m.start, m.end)
    if tok.dep_ not in {"compound", "amod", "nmod"} or tok.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    head = tok.head
    return head.lemma_.lower() not in PLACE_NOUNS and not any(p.start <= head.idx < p.end for p in ctx.places)


# Fighting named as the setting of something else ("reinforcements arrived as battles continue",
# "deployed in connection with the ongoing clashes"): the other thing is the sentence's event.
_SETTING_BEFORE = re.compile(
    r"\b(?:amid(?:st)?|in connection (?:to|with)|in the context of|in light of|as|due to|because of|"
    r"ongoing|continuing|recent|months of|years of)\s+(?:(?:the|a|an|of|recent|ongoing|continuing|heavy|renewed|start|outbreak|"
    r"beginning|escalation|resumption|wave|massive|fierce|intense|new|fresh|sporadic|large-scale|deadly)\s+){0,4}$",
    re.IGNORECASE,
)
_SETTING_AFTER = re.compile(r"^\w*\s+(?:continue|continues|go on|goes on|rage|rages)\b", re.IGNORECASE)


_DISPLACED = re.compile(r"\b(?:fle[ed]|fleeing|displaced|displacement|evacuat\w*)\b", re.IGNORECASE)
_DISPLACING = re.compile(
    r"^[^.;]{0,100}?\b(?:forced|forcing|drove|driving|displaced|displacing|caused)\b[^.;]{0,60}?\b"
    r"(?:flee|fled|leave their|displac\w*|evacuat\w*)",
    re.IGNORECASE,
)


def _told_as_setting(ctx: _Context, trig: Mention, sent: Span) -> bool:
    """Whether a generic fight word names the background of the sentence's event, not the event."""
    if trig.value.family not in GENERIC_FAMILIES:
        return False
    text = ctx.text
    before = text[max(sent.start_char, trig.start - 60) : trig.start]
    after = text[trig.start : min(sent.end_char, trig.end + 30)]
    if "operation" in trig.value.lemma and re.search(
        r"\b(?:during|in the course of)\s+(?:the\s+|a\s+|an\s+)?$", before, re.IGNORECASE
    ):
        return True  # "weapons found during military operations": the finding is the event
    if _SETTING_BEFORE.search(before) or _SETTING_AFTER.match(after):
        return True
    # fighting that drove people from their homes, in a sentence about the displacement: the
    # displacement is the event ("fighting between A and B forced 500 villagers to flee")
    sentence = text[sent.start_char : sent.end_char]
    if trig.value.family != "clash" or not _DISPLACED.search(sentence):
        return False
    return bool(
        _DISPLACING.match(text[trig.end : sent.end_char])
        or re.search(
            r"\b(?:following|after)\s+(?:(?:the|a|an|eruption|outbreak|of|heavy|renewed)\s+){0,4}$",
            before,
            re.IGNORECASE,
        )
    )


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause a word sits in (the word itself when it is one; the root when none is found)."""
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _retold_of_someone(ctx: _Context, trig: Mention) -> bool:
    """An earlier event told about a person in a relative clause, in the past perfect: "supporters of
    X, who had been arrested in June, gathered" (the gathering is the event, not the arrest). A
    gathering so told stays: "police used force against locals who had gathered" is the event."""
    if trig.value.family in {"protest", "riot"}:
        return False
    clause = _clause_verb(ctx.token_at(trig.start, trig.end))
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "who had been accused of corruption and arrested"
    if clause.dep_ != "relcl":
        return False
    return any(c.lower_ == "had" for c in clause.children if c.dep_ in {"aux", "auxpass"})


def _habitual(ctx: _Context, trig: Mention) -> bool:
    """A pattern, not an incident: "attacks on markets continue", "has used women as suicide bombers many times".

    The clause's verb is in the present tense, or in the present perfect with a word of repetition.
    """
    tok = ctx.token_at(trig.start, trig.end)
    if _aggregate(tok):
        return True
    verb = _clause_verb(tok)
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if verb.tag_ in {"VBZ", "VBP"} and not auxes and verb.lemma_.lower() not in SPEECH_VERBS:
        return True
    clause = ctx.text[verb.sent.start_char : verb.sent.end_char].lower()
    return bool(auxes & {"has", "have"}) and any(w in clause for w in REPETITION)


def _aggregate(tok: Token) -> bool:
    """ "A string of recent rocket attacks", "repeated raids": a plural event noun summing up many incidents."""
    if tok.tag_ != "NNS":
        return False
    if any(c.dep_ == "amod" and c.lower_ in AGGREGATE_MODIFIERS for c in tok.children):
        return True
    prep = tok.head if tok.dep_ == "pobj" else None
    return prep is not None and prep.lower_ == "of" and prep.head.lemma_.lower() in AGGREGATE_HEADS


def _speech_date(ctx: _Context, m: Mention) -> bool:
    """ "The coalition said on Tuesday that ...": the day of the statement, not of the event."""
    tok = ctx.token_at(m.start, m.end)
    head = tok.head if tok.dep_ == "pobj" else tok
    verb = head.head if head.dep_ in {"prep", "npadvmod", "pobj"} else head
    return verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in SPEECH_VERBS


def _demonym(m: Mention) -> bool:
    """ "A Turkish drone": the adjective says whose drone, not where it struck."""
    return (m.value.evidence.reason or "").startswith("demonym")


def _date_for(ctx: _Context, sent: Span, trigger: Mention) -> EventDate | None:
    in_sent = [m for m in ctx.in_sentence(ctx.dates, sent) if m.start >= ctx.dateline_end and not _speech_date(ctx, m)]
    if in_sent:
        m = min(in_sent, key=lambda m: abs(m.start - trigger.start))
        return m.value
    earlier = [
        m
        for m in ctx.dates
        if ctx.dateline_end <= m.start
        and m.end <= trigger.start
        and m.value.date is not None
        and not _speech_date(ctx, m)
    ]
    if earlier:
        m = earlier[-1]
        v: EventDate = m.value
        return replace(
            v,
            evidence=replace(
                v.evidence, reason="no date in the sentence: the last date stated earlier", confidence=0.6
            ),
        )
    pub = ctx.a.document.published
    if pub is not None:
        return EventDate(
            date=pub,
            precision=DatePrecision.DAY,
            raw="",
            evidence=Evidence(
                start=0, end=0, text="", stage=STAGE, reason="no date in the text: the publication date", confidence=0.4
            ),
        )
    return EventDate(
        date=None,
        precision=DatePrecision.UNKNOWN,
        raw="",
        evidence=Evidence(
            start=0, end=0, text="", stage=STAGE, reason="no date in the text and no publication date", confidence=0.0
        ),
    )


def _claimant_at(ctx: _Context, offset: int) -> tuple[Actor | None, Mention | None]:
    covering = [m for m in ctx.attributions if m.value.scope_start <= offset < m.value.scope_end]
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
                    confidence=0.5,
                ),
            ),
            None,
        )
    return None, None


def _certainty(ctx: _Context, trig: Mention, sent: Span) -> Certainty:
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


def _merge_claimed(ctx: _Context, d: _Draft, outcome: str) -> Casualties | None:
    """Totals of one outcome; figures given by different claimants are rival accounts, never added.

    Each claimant's figures are merged on their own; across claimants the total spans the lowest
    low to the highest high with the first-stated claimant's best. Every figure stays a claim.
    """
    figures = d.killed if outcome == "killed" else d.wounded
    mentions = [m for m in d.casualty_mentions if m.value.outcome == outcome]
    if len(mentions) != len(figures):
        return _merge_counts(figures)
    groups: dict[str, list[CasualtyFigure]] = {}
    for m, fig in zip(mentions, figures):
        who, _ = _claimant_at(ctx, m.start)
        key = who.name if who is not None else ""
        if fig.additional and groups:
            key = next(iter(groups))  # "a motorcyclist was also hurt, he said": on top of the count, not a rival one
        groups.setdefault(key, []).append(fig)
    if len(groups) < 2:
        return _merge_counts(figures)
    merged = [(who, c) for who, c in ((w, _merge_counts(fs)) for w, fs in groups.items()) if c is not None]
    totals = [(who, c.total) for who, c in merged if c.total is not None]
    if len(totals) < 2:
        return _merge_counts(figures)
    low = min(t.low for _, t in totals)
    highs = [t.high for _, t in totals]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    _, first = totals[0]
    best = max(low, first.best) if high is None else min(max(low, first.best), high)
    names = ", ".join(w or "unattributed" for w, _ in totals)
    total = Count(
        low=low,
        best=best,
        high=high,
        raw=first.raw,
        group=None,
        rule=f"rival claims from {len(totals)} claimants ({names}): lowest low, highest high, best of the first",
        evidence=replace(first.evidence, reason=f"figures from {len(totals)} claimants are alternatives, not added"),
    )
    subsets = tuple(s for _, c in merged for s in c.subsets)
    return Casualties(total=total, subsets=subsets)


def _merge_counts(figures: list[CasualtyFigure]) -> Casualties | None:
    """Totals from several figures: low = lowest low, high = highest high, best = the first stated.

    Figures that name different sides ("25 soldiers", "15 militants") count different victims and
    are added up instead; a figure naming nobody ("40 people") may cover them all, so then the
    figures are read as alternative reports.
    """
    extra = [f for f in figures if f.additional and f.count.group is None]
    if extra and len(extra) < len([f for f in figures if f.count.group is None]):
        base = _merge_counts([f for f in figures if f not in extra])
        more = _merge_counts([replace(f, additional=False) for f in extra])
        if base is not None and base.total is not None and more is not None and more.total is not None:
            b, m = base.total, more.total
            total = Count(
                low=b.low + m.low,
                best=b.best + m.best,
                high=None if b.high is None or m.high is None else b.high + m.high,
                raw=b.raw,
                rule=f"{b.rule} plus {m.rule} more",
                group=None,
                evidence=replace(b.evidence, reason="victims told as additional are added"),
            )
            return Casualties(total=total, subsets=base.subsets + more.subsets)
    by_side: dict[str | None, list[CasualtyFigure]] = {}
    for f in figures:
        if f.count.group is None:
            by_side.setdefault(SIDES.get(f.victims or "", f.victims), []).append(f)
    if len(by_side) > 1 and None not in by_side:
        parts = [_merge_counts(fs) for fs in by_side.values()]
        counts = [c.total for c in parts if c is not None and c.total is not None]
        highs = [c.high for c in counts]
        first = counts[0]
        total = Count(
            low=sum(c.low for c in counts),
            best=sum(c.best for c in counts),
            high=None if any(h is None for h in highs) else sum(h for h in highs if h is not None),
            raw=first.raw,
            rule=f"sum over {len(counts)} sides: " + ", ".join(str(k) for k in by_side),
            evidence=replace(first.evidence, reason="figures for different sides are added"),
        )
        subsets = tuple(f.count for f in figures if f.count.group is not None)
        return Casualties(total=total, subsets=subsets)
    totals = [f.count for f in figures if f.count.group is None]
    subsets = tuple(f.count for f in figures if f.count.group is not None)
    if not totals and subsets:
        # Only subsets were reported ("two children were killed"): their sum is the total.
        low = sum(c.low for c in subsets)
        best = sum(c.best for c in subsets)
        highs = [c.high for c in subsets]
        high = None if any(h is None for h in highs) else sum(h for h in highs if h is not None)
        first = subsets[0]
        total = Count(
            low=low,
            best=best,
            high=high,
            raw=first.raw,
            rule="sum of reported subsets",
            evidence=replace(first.evidence, reason="total is the sum of the subsets"),
        )
        return Casualties(total=total, subsets=subsets)
    if not totals:
        return None
    if len(totals) == 1:
        return Casualties(total=totals[0], subsets=subsets)
    low = min(c.low for c in totals)
    highs = [c.high for c in totals]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    best = max(low, totals[0].best) if high is None else min(max(low, totals[0].best), high)
    first = totals[0]
    merged = Count(
        low=low,
        best=best,
        high=high,
        raw=first.raw,
        rule=f"merged {len(totals)} figures: lowest low, highest high, first-stated best",
        group=None,
        evidence=replace(first.evidence, reason=f"{len(totals)} figures reported"),
    )
    return Casualties(total=merged, subsets=subsets)


# ---------------------------------------------------------------- main


def assemble(annotated: Annotated) -> tuple[tuple[Event, ...], tuple[str, ...]]:
    ctx = _Context(annotated)
    triggers = sorted(annotated.of("trigger"), key=lambda m: m.start)
    if not triggers:
        return (), ()
    sentences = list(annotated.doc.sents)
    by_sentence: dict[int, list[Mention]] = {}
    for t in triggers:
        by_sentence.setdefault(annotated.sentence_index(t.start), []).append(t)
    for c in ctx.casualties:  # a sentence that only gives a toll ("1 fatality.") still counts
        by_sentence.setdefault(annotated.sentence_index(c.start), [])

    drafts: list[_Draft] = []  # violent and material events
    verbal: list[_Draft] = []
    last_violent: list[_Draft] = []  # the drafts made by the latest violent sentence
    last_violent_sentence = -10

    for si in sorted(by_sentence):
        sent = sentences[si]
        sent_text = sent.text
        trigs = by_sentence[si]
        all_verbal = [t for t in trigs if t.value.kind == "verbal"]
        verbal_trigs = [
            t for t in all_verbal if not (_after_request(t, all_verbal) or _content_of_verbal(ctx, t, all_verbal))
        ]
        material = [t for t in trigs if t.value.kind != "verbal"]
        actors_here = [m for m in ctx.in_sentence(ctx.actors, sent)]
        weapons_here = [m for m in ctx.in_sentence(ctx.weapons, sent)]
        casualties_here = [m for m in ctx.in_sentence(ctx.casualties, sent)]
        places_here = _pick_places(ctx, sent, trigs[0] if trigs else casualties_here[0])
        dates_here = ctx.in_sentence(ctx.dates, sent)
        armed_here = any(_armed(m.value) for m in actors_here)
        specific = any(t.value.family not in GENERIC_FAMILIES for t in material)
        support = (
            specific
            or armed_here
            or bool(weapons_here)
            or _words(sent_text, ctx.lex.conflict_words)
            or bool(casualties_here)
        )
        # A landmine or a bomb is conflict even in a bus story; a "shot" or a helicopter in a match or a flood is not.
        ordnance = any(m.value.mode in ORDNANCE_MODES for m in weapons_here)
        non_conflict = (_words(sent_text, ctx.lex.non_conflict_context) and not armed_here and not ordnance) or (
            ctx.non_conflict_document and not _armed_agent(ctx, trigs, actors_here) and not ordnance
        )

        if non_conflict:
            # A flood, a crash or a match explains generic violent words; a protest or an abduction stays one.
            material = [t for t in material if t.value.family in CONTEXT_IMMUNE]
        if not dates_here and not casualties_here:
            material = [t for t in material if not _habitual(ctx, t)]
        material = [t for t in material if not _retold_of_someone(ctx, t)]
        counted = False  # whether this sentence's figures went into an event
        if material and support:
            # What happened outranks what was only wanted or denied ("a militia surrendered, saying it wanted to fight on").
            real = {id(t): _certainty(ctx, t, sent).happened for t in material}
            setting = {id(t): _told_as_setting(ctx, t, sent) for t in material}
            primary = min(
                material,
                key=lambda t: (
                    not real[id(t)],
                    setting[id(t)],
                    FAMILY_RANK.index(t.value.family) if t.value.family in FAMILY_RANK else 99,
                    t.start,
                ),
            )
            only_kill = all(t.value.family == "attack" and t.value.lemma in KILL_WORDS for t in material)
            generic = all(t.value.family in GENERIC_FAMILIES for t in material)
            has_own_args = bool(places_here or dates_here)
            toll_only = only_kill and not _armed_agent(ctx, material, actors_here) and last_violent
            referring = all(
                _anaphoric(ctx, t) or _content_of_verbal(ctx, t, all_verbal) or _after_request(t, all_verbal)
                for t in material
            )
            happened = real[id(primary)]
            elaboration = (
                generic
                and not has_own_args
                and not casualties_here
                and bool(drafts)
                and happened
                and (referring or (last_violent and si - last_violent_sentence <= 2))
            )
            if referring and generic and not drafts and not has_own_args and not casualties_here:
                material = []  # "condemns the aggression" with nothing told: the verbal event is enough
            repeat_protest = (
                primary.value.family == "protest"
                and any(d.typed_trigger.family == "protest" for d in drafts)
                and not any(m.value.precision == PlacePrecision.TOWN for m in places_here)
                and not dates_here
            )
            if repeat_protest:
                pass  # the same demonstration told again
            elif toll_only and not _new_town(places_here, drafts):
                _attach_toll(ctx, drafts, casualties_here, places_here)
                counted = True
            elif not material:
                pass
            elif elaboration and referring:
                for d in last_violent:
                    d.extra_triggers.append(primary)
            elif elaboration:
                probe = _Draft(trigger=primary, sentence=sent, typed_trigger=primary.value)
                _assign_roles(ctx, probe, actors_here)
                for d in last_violent:
                    _adopt_roles(d, probe)
                    d.extra_triggers.append(primary)
            else:
                made = _make_drafts(
                    ctx, primary, material, sent, actors_here, weapons_here, casualties_here, places_here
                )
                if (
                    not made[0].place
                    and last_violent
                    and si - last_violent_sentence <= 3
                    and primary.value.family not in GENERIC_FAMILIES
                ):
                    for d in made:
                        d.place = last_violent[0].place
                        d.reasons.append("place carried from the previous event")
                elif not made[0].place and last_violent and si - last_violent_sentence <= 3:
                    pass  # a generic word told after an event: its place, if any, comes when it is merged
                elif not made[0].place and (earlier := _place_told_before(ctx, sent)) is not None:
                    for d in made:
                        d.place = earlier.value
                        d.reasons.append("no place in the event's sentence: the place named just before it")
                drafts.extend(made)
                counted = True
                if made[0].typed_trigger.kind == "violent":
                    last_violent = made
                    last_violent_sentence = si
        if casualties_here and drafts and not counted:
            # "The victim died. 1 fatality.": figures told apart from any event of their own.
            _attach_toll(ctx, drafts, casualties_here, places_here)

        for family_trigs in _group_verbal(verbal_trigs):
            t = family_trigs[0]
            if non_conflict:
                continue
            d = _Draft(trigger=t, sentence=sent, typed_trigger=t.value, extra_triggers=family_trigs[1:])
            _assign_roles(ctx, d, actors_here)
            if t.value.family in {"allege", "accuse"} and ctx.token_at(t.start, t.end).pos_ == "NOUN":
                # "violation of ...", "the support of X": the speaker alleges; the others are accused.
                d.recipients = _unique_actors(d.actors + d.recipients)
                d.actors = []
            d.weapons = [m.value for m in weapons_here]
            places = _pick_places(ctx, sent, t)
            d.place = places[0].value if places else None
            verbal.append(d)

    drafts = _fold_same_incident(ctx, drafts)
    happened_conflict = bool(drafts)
    main = _main_place(drafts)
    for d in drafts + verbal:
        if d.place is None and main is not None:
            d.place = replace(
                main,
                evidence=replace(
                    main.evidence,
                    confidence=round(main.evidence.confidence * 0.5, 3),
                    reason="no place in the sentence: the place of the document's main event",
                ),
            )
    events: list[Event] = []
    for d in drafts:
        events.append(_freeze(ctx, d))
    events = _drop_background(ctx, events)
    for d in verbal:
        conflict_sentence = _words(d.sentence.text, ctx.lex.conflict_words) or any(
            _armed(a) for a in d.actors + d.recipients
        )
        if not (happened_conflict or conflict_sentence):
            continue
        events.append(_freeze(ctx, d))
    warnings: tuple[str, ...] = ()
    return tuple(events), warnings


def _drop_background(ctx: _Context, events: list[Event]) -> list[Event]:
    """A violent event dated only by month or year, ending a month or more before publication, is background.

    "The insurgency has killed more than 13,000 people since 2014" gives context to the news; it is
    not the news. Such events are left out when the report tells something more recent.
    """
    pub = ctx.a.document.published
    if pub is None:
        return events

    def old(e: Event) -> bool:
        d = e.date
        if d is None or d.date is None or d.precision not in (DatePrecision.MONTH, DatePrecision.YEAR):
            return False
        return (pub - (d.end or d.date)).days >= BACKGROUND_DAYS

    recent = [e for e in events if not old(e)]
    return recent if recent else events


def _fold_same_incident(ctx: _Context, drafts: list[_Draft]) -> list[_Draft]:
    """Later sentences retelling the same incident add to it instead of making new events.

    ACLED codes one event per day, place and actor pair; a report's second and third paragraphs
    ("the drone fired two missiles at the car", "two trucks were burnt") usually describe the
    incident of its lead. A violent (or property-destruction) event joins an earlier violent event of
    the same day and the same place (or a place within the other's province), unless its actors
    differ or its sentence says it is another incident.
    """
    kept: list[_Draft] = []
    dates: dict[int, EventDate | None] = {}

    def day(d: _Draft) -> EventDate | None:
        if id(d) not in dates:
            dates[id(d)] = _date_for(ctx, d.sentence, d.trigger)
        return dates[id(d)]

    for d in drafts:
        target = None
        foldable = d.typed_trigger.kind == "violent" or d.typed_trigger.family == "loot"
        if foldable and not _words(d.sentence.text, SEPARATE_INCIDENT):
            definite = _definite(ctx, d.trigger)
            for k in kept:
                if (
                    k.typed_trigger.kind == "violent"
                    and k.sentence.start != d.sentence.start
                    and _same_day(day(k), day(d))
                    and _same_place(k.place, d.place)
                    and _same_sides(k, d)
                ):
                    target = k
                    break
                if (
                    k.typed_trigger.kind == "violent"
                    and k.sentence.start < d.sentence.start
                    and definite
                    and _dated_later(day(k), day(d))
                    and _same_province(k.place, d.place)
                    and _same_sides(k, d)
                ):
                    # "The coalition said its jets struck ..." then "the raids late on Monday ...": the
                    # retelling gives the day the lead left to the publication date.
                    target = k
                    k.date = dates[id(k)] = day(d)
                    break
        if target is None:
            kept.append(d)
            continue
        target.extra_triggers += [d.trigger, *d.extra_triggers]
        target.killed += d.killed
        target.wounded += d.wounded
        target.casualty_mentions += d.casualty_mentions
        target.weapons += d.weapons
        if not target.actors:
            target.actors = list(d.actors)
        names = {a.name for a in target.actors + target.recipients}
        target.recipients += [r for r in d.recipients if r.name not in names]
        target.reasons.append(f"retold at {d.trigger.text!r}: the same incident (same day and place)")
    return kept


def _definite(ctx: _Context, trig: Mention) -> bool:
    """ "The raids", "these strikes": an event noun pointing back at something already told."""
    tok = ctx.token_at(trig.start, trig.end)
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "these", "that", "those"} for c in tok.children
    )


def _dated_later(lead: EventDate | None, retold: EventDate | None) -> bool:
    """The lead fell back on the publication date and the retelling states a day just before it."""
    if lead is None or retold is None or lead.date is None or retold.date is None or lead.raw or not retold.raw:
        return False
    return retold.precision == DatePrecision.DAY and 0 <= (lead.date - retold.date).days <= 3


def _same_province(a: Place | None, b: Place | None) -> bool:
    return _same_place(a, b) or (
        a is not None and b is not None and bool(a.admin1) and a.admin1 == b.admin1 and a.country == b.country
    )


def _same_day(a: EventDate | None, b: EventDate | None) -> bool:
    return a is not None and b is not None and a.date is not None and a.date == b.date and a.precision == b.precision


def _same_place(a: Place | None, b: Place | None) -> bool:
    if b is None:
        return True  # the later sentence names no place: it tells of the same one
    if a is None:
        return False
    if a.name == b.name or (a.geonameid is not None and a.geonameid == b.geonameid):
        return True
    fine = (PlacePrecision.TOWN, PlacePrecision.NEAR_TOWN)
    if (a.precision in fine) == (b.precision in fine):
        return False
    coarse, town = (b, a) if a.precision in fine else (a, b)
    if coarse.precision == PlacePrecision.REGION:
        return bool(town.admin1) and (town.admin1 == coarse.admin1 or town.admin1 == coarse.name)
    return coarse.precision == PlacePrecision.COUNTRY and town.country is not None and town.country == coarse.country


def _same_sides(a: _Draft, b: _Draft) -> bool:
    """The later event ``b`` retells ``a`` only if it names no doer or one of ``a``'s doers."""
    doers = [x for x in b.actors if x.sector != "CVL"]  # "the woman detonated explosives": the bomber retold
    if not doers:
        return True
    # Either side of the first event may be the doer of its retelling ("GNA forces attacked; LNA repelled").
    return {x.name for x in doers} <= {x.name for x in a.actors + a.recipients}


def _main_place(drafts: list[_Draft]) -> Place | None:
    """The place of the first violent event that has one (the story's lead), else of any event."""
    violent = [d for d in drafts if d.typed_trigger.kind == "violent" and d.place is not None]
    placed = violent or [d for d in drafts if d.place is not None]
    return placed[0].place if placed else None


def _new_town(places: list[Mention], drafts: list[_Draft]) -> bool:
    known = {d.place.name for d in drafts if d.place is not None}
    return any(m.value.precision == PlacePrecision.TOWN and m.value.name not in known for m in places)


def _attach_toll(ctx: _Context, drafts: list[_Draft], casualties: list[Mention], places: list[Mention]) -> None:
    """Figures reported apart from any event word belong to the event of the same place, else the first."""
    violent = [d for d in drafts if d.typed_trigger.kind == "violent"] or drafts
    if not violent or not casualties:
        return
    target = violent[0]
    names = {m.value.name for m in places} | {m.value.disputed for m in places if m.value.disputed}
    for d in violent:
        if d.place is not None and (d.place.name in names or (d.place.disputed and d.place.disputed in names)):
            if d.place.precision in (PlacePrecision.REGION, PlacePrecision.COUNTRY) or target.place is None:
                target = d
                break
            target = d
    _add_casualties(target, casualties, reason="figures reported apart from the event word")


def _add_casualties(d: _Draft, casualties: list[Mention], reason: str | None = None) -> None:
    for m in casualties:
        fig: CasualtyFigure = m.value
        if reason:
            fig = replace(
                fig,
                count=replace(
                    fig.count, evidence=replace(fig.count.evidence, reason=fig.count.evidence.reason or reason)
                ),
            )
        (d.killed if fig.outcome == "killed" else d.wounded).append(fig)
        d.casualty_mentions.append(m)


def _group_verbal(trigs: list[Mention]) -> list[list[Mention]]:
    groups: dict[tuple[str, tuple[str, ...]], list[Mention]] = {}
    for t in trigs:
        groups.setdefault((t.value.plover, t.value.modes), []).append(t)
    return list(groups.values())


def _make_drafts(
    ctx: _Context,
    primary: Mention,
    material: list[Mention],
    sent: Span,
    actors_here: list[Mention],
    weapons_here: list[Mention],
    casualties_here: list[Mention],
    places_here: list[Mention],
) -> list[_Draft]:
    base = _Draft(
        trigger=primary,
        sentence=sent,
        typed_trigger=primary.value,
        extra_triggers=[t for t in material if t is not primary],
    )
    _assign_roles(ctx, base, actors_here)
    if not base.actors:
        base.actors = _weapon_owners(ctx, sent, weapons_here)
    base.weapons = [m.value for m in weapons_here]
    _add_casualties(base, casualties_here)
    if not places_here:
        return [base]
    drafts = []
    for k, pm in enumerate(places_here):
        d = replace(
            base,
            actors=list(base.actors),
            recipients=list(base.recipients),
            weapons=list(base.weapons),
            killed=list(base.killed) if k == 0 else [],
            wounded=list(base.wounded) if k == 0 else [],
            casualty_mentions=list(base.casualty_mentions) if k == 0 else [],
            reasons=list(base.reasons),
            extra_triggers=list(base.extra_triggers),
        )
        d.place = pm.value
        if len(places_here) > 1:
            d.reasons.append(f"one of {len(places_here)} places in the sentence: one event per place")
        drafts.append(d)
    return drafts


def _freeze(ctx: _Context, d: _Draft) -> Event:
    doc_id = ctx.a.document.id
    trig = d.trigger
    certainty = _certainty(ctx, trig, d.sentence)
    if d.typed_trigger.kind == "verbal" and d.extra_triggers:
        # One verbal event from several words ("evidence that ... apparent support"): any word's hedge counts.
        more = [h for t in d.extra_triggers for h in _certainty(ctx, t, d.sentence).hedges]
        certainty = replace(certainty, hedges=certainty.hedges + tuple(more))
    date = d.date or _date_for(ctx, d.sentence, trig)
    _civilian_recipient(ctx, d)
    _de_facto_recipient(ctx, d)
    killed = _merge_claimed(ctx, d, "killed")
    wounded = _merge_claimed(ctx, d, "wounded")
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
    claimant, attribution = _claimant_at(ctx, trig.start)
    actors = tuple(d.actors)
    if not actors and typed.kind == "verbal" and claimant is not None:
        actors = (replace(claimant, evidence=replace(claimant.evidence, reason="the speaker of the statement")),)
    claims: list[Claim] = []
    if claimant is not None:
        cue = attribution.evidence() if attribution is not None else claimant.evidence
        claims.append(Claim(field="event", value=typed.plover, claimant=claimant, evidence=cue))
    for m in d.casualty_mentions:
        fig: CasualtyFigure = m.value
        who, _ = _claimant_at(ctx, m.start)
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
    reasons = list(d.reasons)
    if typed.reason:
        reasons.append(typed.reason)
    found = sum(x is not None and x != () for x in (actors or None, d.place, date.date if date else None))
    confidence = round(trig.score * (0.55 + 0.15 * found), 3)
    sentence_ev = Evidence(
        start=d.sentence.start_char, end=d.sentence.end_char, text=d.sentence.text, stage="parse.spacy"
    )
    key = f"{doc_id}|{trig.start}|{d.place.name if d.place else ''}"
    return Event(
        id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
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
        claims=tuple(claims),
        claimant=claimant,
        certainty=certainty,
        trigger=Evidence(start=trig.start, end=trig.end, text=trig.text, stage=trig.stage, confidence=trig.score),
        sentence=sentence_ev,
        confidence=confidence,
        reasons=tuple(reasons),
    )


def _unique_weapons(weapons: list[Weapon]) -> list[Weapon]:
    seen: dict[tuple[str, int], Weapon] = {}
    for w in weapons:
        seen.setdefault((w.name, w.evidence.start), w)
    return list(seen.values())
