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

Each concern has a module of its own (docs/stages.md lists them); ``document.assemble`` reads the
sentences in order, each one viewed (``sentence_view``), decided (``decision``) and applied
(``apply_decision``), then folds the drafts and freezes them into Events.
"""

from __future__ import annotations

from .declaration import REQUIRES, STAGE
from .document import assemble

__all__ = ["REQUIRES", "STAGE", "assemble"]
