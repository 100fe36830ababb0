"""A frozen view of one sentence for the per-sentence decision: its mentions, its event words that survive
the context filters, and the flags the decision reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..actor_kinds import is_armed
from ..model import Mention
from ..resolve.wording import says_any
from .claimant_and_certainty import certainty_of
from .context import Context
from .crime import BEYOND_CRIME, told_in_court
from .families import KILL_WORDS, ORDNANCE_MODES, family_rank, has_flag
from .filters import (
    after_request,
    anaphoric,
    claimed,
    content_of_verbal,
    habitual,
    retold_of_someone,
    timed_as_past,
    told_as_cause,
    told_as_setting,
)
from .places import pick_places, place_told_before
from .roles import armed_agent, state_force_agent

if TYPE_CHECKING:
    from spacy.tokens import Span


BLAST_WORDS = frozenset({"explosion", "explosions", "blast", "blasts"})
# Event words that say only that something blew up.
BLAST_LEMMAS = frozenset({"explosion", "blast", "explode", "detonation"})
# What a blast did: killed, hurt, destroyed (read beside a blast word only).
HARM_LEMMAS = KILL_WORDS | {"injure", "wound"}
# Where things blow up by accident: a blast told there, with no weapon and no fighters, is an industrial accident.
INDUSTRIAL_SITES = frozenset(
    {
        "factory",
        "plant",
        "warehouse",
        "industrial area",
        "industrial zone",
        "refinery",
        "chemical",
        "chemicals",
        "fertilizer",
        "fertiliser",
        "petroleum",
        "oil company",
        "gas station",
        "petrol station",
        "fuel depot",
        "fireworks",
    }
)


@dataclass(frozen=True, kw_only=True)
class EventWords:
    """A sentence's violent and material words that survived the filters, with conflict support beside them."""

    words: tuple[Mention, ...]
    primary: Mention  # the word that names the event
    happened: bool  # the primary word is told as having happened (not negated, wanted or future)
    generic: bool  # every word is a generic fight word ("attack", "clash")
    referring: bool  # every word points back, is what a verbal event talks about, or follows a request
    unarmed_killing: bool  # only killing words, and no armed actor doing them: perhaps only a toll
    claimed: bool  # every word is only what a claim or an accusation is about ("claimed the attack")


@dataclass(frozen=True, kw_only=True)
class SentenceView:
    """One sentence with event words or figures, as the per-sentence decision sees it."""

    index: int
    sentence: Span
    verbal: tuple[Mention, ...]  # verbal words that are neither asked for nor talked about by another
    actors: tuple[Mention, ...]
    weapons: tuple[Mention, ...]
    casualties: tuple[Mention, ...]
    places: tuple[Mention, ...]  # the places chosen for the sentence's event
    dates: tuple[Mention, ...]
    non_conflict: bool  # a storm, a crash, a match or a market explains the violent words
    ordinary_crime: bool  # a crime report or a court's business: its violence and arrests are crime
    event_words: EventWords | None  # None when no word survives or nothing supports a conflict reading
    place_told_before: Mention | None  # for event words with no place of their own: the place named just before

    @property
    def has_own_args(self) -> bool:
        """The sentence names a place or a date of its own."""
        return bool(self.places or self.dates)


def view_sentence(ctx: Context, sent: Span, index: int, trigs: Sequence[Mention]) -> SentenceView:
    all_verbal = [t for t in trigs if t.value.kind == "verbal"]
    verbal_trigs = [
        t for t in all_verbal if not (after_request(t, all_verbal) or content_of_verbal(ctx, t, all_verbal))
    ]
    material = [t for t in trigs if t.value.kind != "verbal"]
    actors_here = ctx.in_sentence(ctx.actors, sent)
    weapons_here = ctx.in_sentence(ctx.weapons, sent)
    casualties_here = ctx.in_sentence(ctx.casualties, sent)
    places_here = pick_places(ctx, sent, trigs[0] if trigs else casualties_here[0])
    dates_here = ctx.in_sentence(ctx.dates, sent)
    armed_here = any(is_armed(m.value) for m in actors_here)
    specific = any(not has_flag(t.value.family, "generic") for t in material)
    support = (
        specific
        or armed_here
        or bool(weapons_here)
        or says_any(sent.text, ctx.lex.conflict_words)
        or bool(casualties_here)
    )
    # A landmine or a bomb is conflict even in a bus story; a "shot" or a helicopter in a match or a flood is not.
    # (an "explosion" or a "blast" names what happened, not a bomb: a gas explosion stays an accident)
    ordnance = any(m.value.mode in ORDNANCE_MODES and m.text.lower() not in BLAST_WORDS for m in weapons_here)
    # An official or the police who only speak ("officials said", "state police say") do not make a
    # flood, a crash or a blast a conflict.
    forces_here = any(is_armed(m.value) and m.value.sector != "GOV" and not ctx.is_speaker(m) for m in actors_here)
    non_conflict = (says_any(sent.text, ctx.lex.non_conflict_context) and not forces_here and not ordnance) or (
        ctx.non_conflict_document and not armed_agent(ctx, trigs, actors_here) and not ordnance
    )
    if not non_conflict and not forces_here and not ordnance and not armed_here:
        # "an explosion ripped through a warehouse of petroleum products": an accident, not a bomb
        blasts_only = any(t.value.lemma in BLAST_LEMMAS for t in material) and all(
            t.value.lemma in BLAST_LEMMAS or t.value.lemma in HARM_LEMMAS or t.value.family == "loot" for t in material
        )
        non_conflict = blasts_only and _industrial_site(ctx, sent)
    if non_conflict:
        # A flood, a crash or a match explains generic violent words; a protest or an abduction stays one.
        material = [t for t in material if has_flag(t.value.family, "context_immune")]
    ordinary_crime = ctx.crime_report or told_in_court(sent.text)
    if ordinary_crime:
        material = [t for t in material if _beyond_crime(ctx, t, actors_here, ordnance)]
    if not dates_here and not casualties_here:
        material = [t for t in material if not habitual(ctx, t)]
    material = [t for t in material if not retold_of_someone(ctx, t)]
    event_words = _event_words(ctx, sent, material, all_verbal, actors_here) if material and support else None
    return SentenceView(
        index=index,
        sentence=sent,
        verbal=tuple(verbal_trigs),
        actors=tuple(actors_here),
        weapons=tuple(weapons_here),
        casualties=tuple(casualties_here),
        places=tuple(places_here),
        dates=tuple(dates_here),
        non_conflict=bool(non_conflict),
        ordinary_crime=ordinary_crime,
        event_words=event_words,
        place_told_before=place_told_before(ctx, sent) if event_words is not None and not places_here else None,
    )


def _beyond_crime(ctx: Context, trig: Mention, actors: Sequence[Mention], ordnance: bool) -> bool:
    """Whether an event word in a crime story or a court's business still tells an ACLED event: a
    crowd's protest, mob justice, a weapon of war, or an armed actor's deed. In a crime report only
    police or soldiers count as armed (an "attacker" there is a criminal), and an arrest is police work
    whoever makes it."""
    family = trig.value.family
    if family in BEYOND_CRIME or (family == "explosion" and ordnance):
        return True
    if ctx.crime_report:
        return family != "arrest" and state_force_agent(ctx, trig, actors)
    return armed_agent(ctx, [trig], actors)


def _industrial_site(ctx: Context, sent: Span) -> bool:
    """An industrial site named in the sentence, or in the sentence before when no armed actor is named
    there ("An explosion tore through a chemical plant. The blast killed 15 workers.")."""
    if says_any(sent.text, INDUSTRIAL_SITES):
        return True
    if sent.start == 0:
        return False
    before = sent.doc[sent.start - 1].sent
    return says_any(before.text, INDUSTRIAL_SITES) and not any(
        is_armed(m.value) for m in ctx.in_sentence(ctx.actors, before)
    )


def _event_words(
    ctx: Context, sent: Span, material: list[Mention], all_verbal: list[Mention], actors: list[Mention]
) -> EventWords:
    # What happened outranks what was only wanted or denied ("a militia surrendered, saying it wanted to fight on").
    real = {id(t): certainty_of(ctx, t, sent).happened for t in material}
    # a fight told as what led to a strategic development told before it (a truce, a burning, a deployment)
    # is its background; "killed after exchanging fire during a patrol" stays the fight
    first_strategic = min((t.start for t in material if t.value.kind == "material"), default=None)
    setting = {
        id(t): told_as_setting(ctx, t, sent)
        or (first_strategic is not None and first_strategic < t.start and told_as_cause(ctx, t, sent))
        for t in material
    }
    claim = {id(t): claimed(ctx, t, sent) for t in material}
    past = {id(t): len(material) > 1 and timed_as_past(ctx, t, sent) for t in material}
    primary = min(
        material,
        key=lambda t: (
            not real[id(t)],
            claim[id(t)],
            setting[id(t)],
            past[id(t)],
            family_rank(t.value.family),
            t.start,
        ),
    )
    only_kill = all(t.value.family == "attack" and t.value.lemma in KILL_WORDS for t in material)
    return EventWords(
        words=tuple(material),
        primary=primary,
        happened=real[id(primary)],
        generic=all(has_flag(t.value.family, "generic") for t in material),
        referring=all(
            anaphoric(ctx, t) or content_of_verbal(ctx, t, all_verbal) or after_request(t, all_verbal) or claim[id(t)]
            for t in material
        ),
        unarmed_killing=only_kill and not armed_agent(ctx, material, actors),
        claimed=all(claim.values()),
    )
