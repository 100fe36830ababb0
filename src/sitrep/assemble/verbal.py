"""A sentence's verbal events (statements, accusations, appeals): one per PLOVER event and mode."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Mention
from .context import Context
from .draft import Draft, unique_actors
from .places import pick_places
from .roles import assign_roles
from .sentence_view import SentenceView


def verbal_drafts(ctx: Context, view: SentenceView) -> list[Draft]:
    made: list[Draft] = []
    for family_trigs in _group_verbal(view.verbal):
        t = family_trigs[0]
        if view.non_conflict:
            continue
        d = Draft(trigger=t, sentence=view.sentence, typed_trigger=t.value, extra_triggers=family_trigs[1:])
        assign_roles(ctx, d, view.actors)
        if t.value.family in {"allege", "accuse"} and ctx.token_at(t.start, t.end).pos_ == "NOUN":
            # "violation of ...", "the support of X": the speaker alleges; the others are accused.
            d.recipients = unique_actors(d.actors + d.recipients)
            d.actors = []
        d.weapons = [m.value for m in view.weapons]
        places = pick_places(ctx, view.sentence, t)
        d.place = places[0].value if places else None
        made.append(d)
    return made


def _group_verbal(trigs: Sequence[Mention]) -> list[list[Mention]]:
    groups: dict[tuple[str, tuple[str, ...]], list[Mention]] = {}
    for t in trigs:
        groups.setdefault((t.value.plover, t.value.modes), []).append(t)
    return list(groups.values())
