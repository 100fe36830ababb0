"""From a trigger and its context to PLOVER event + modes and ACLED event type + sub-event type.

The rules follow the ACLED codebook definitions (see docs/event-types.md):

* who acts: an organised armed actor, an unorganised crowd (mob, villagers, rioters) or protesters;
* who is hit: armed people (soldiers, police, militants, their positions and convoys) or unarmed
  civilians;
* which weapon: one-sided remote weapons (artillery, aircraft, IEDs, thrown grenades) versus an
  exchange of small-arms fire, which is a clash whatever else is fired with it;
* for protests, whether force was used on the protesters, and whether it was lethal.

Each family's typing rule is named in the family table (:mod:`.families`) and registered in
:mod:`.event_typing.rules`. Only the trigger's sentence is read here (and, for some rules, the next
ones); document-level folding (a dispersal told in the next sentence) is done by the ACLED view
(sitrep.acled_view).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Actor, Trigger, Weapon
from .event_typing.parties import killed_civilians
from .event_typing.protest import participants_violent
from .event_typing.typed import Case, Typed
from .families import family_table

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["Typed", "classify", "killed_civilians", "participants_violent"]


def classify(
    trigger: Trigger,
    *,
    weapons: tuple[Weapon, ...],
    actors: tuple[Actor, ...],
    recipients: tuple[Actor, ...],
    sentence: str,
    killed: bool,
    context: Span | None = None,
    trigger_span: tuple[int, int] | None = None,
) -> Typed:
    """The PLOVER and ACLED types of one event, by the typing rule its family names in the table (a
    verbal family's rule, "verbal", gives no ACLED type).

    ``context`` is the parsed sentence and ``trigger_span`` the trigger's character offsets in the
    document, for rules that need the parse (what the trigger acts on); both are optional.
    """
    modes = tuple(dict.fromkeys(trigger.modes + tuple(w.mode for w in weapons if trigger.plover == "ASSAULT")))
    case = Case(
        trigger=trigger,
        modes=modes,
        weapons=weapons,
        actors=actors,
        recipients=recipients,
        sentence=sentence,
        killed=killed,
        context=context,
        trigger_span=trigger_span,
    )
    return family_table().typing_rule(trigger.family)(case)
