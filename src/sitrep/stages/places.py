"""Stage ``places.gazetteer.v1``: place names resolved against the gazetteer (see resolve/places.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Mention
from ..registry import stage
from ..resolve.places import find_places

if TYPE_CHECKING:
    from ..pipeline import Annotated

NAME = "places.gazetteer.v1"


@stage(NAME, requires=(), assigns=("place",))
def find(annotated: Annotated) -> tuple[Mention, ...]:
    """Every proper-noun span, entity and supplement phrase that resolves to a gazetteer place."""
    found = find_places(annotated.doc, annotated.resources.gazetteer, stage=NAME)
    return tuple(
        Mention(kind="place", start=p.evidence.start, end=p.evidence.end, text=p.evidence.text, value=p,
                stage=NAME, score=score, reason=p.evidence.reason)
        for p, score in found
    )
