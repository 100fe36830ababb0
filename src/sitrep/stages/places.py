"""Stage ``places.gazetteer.v1``: place names resolved against the gazetteer (see resolve/places.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Mention
from ..registry import stage
from ..resolve.places import find_places

if TYPE_CHECKING:
    from ..annotated import Annotated

NAME = "places.gazetteer.v1"


@stage(NAME, requires=(), assigns=("place",))
def find(annotated: Annotated) -> tuple[Mention, ...]:
    """Every proper-noun span, entity and supplement phrase that resolves to a gazetteer place."""
    found = find_places(annotated.doc, annotated.resources.gazetteer, stage=NAME, hints=_group_hints(annotated))
    return tuple(
        Mention(
            kind="place",
            start=p.evidence.start,
            end=p.evidence.end,
            text=p.evidence.text,
            value=p,
            stage=NAME,
            score=score,
            reason=p.evidence.reason,
        )
        for p, score in found
    )


def _group_hints(annotated: Annotated) -> dict[str, int]:
    """Countries evoked by named groups ("the Houthis", "the OSCE SMM"), as ISO2 -> mentions."""
    import pycountry

    out: dict[str, int] = {}
    for iso3, n in annotated.resources.actors.country_hints(annotated.text).items():
        country = pycountry.countries.get(alpha_3=iso3)
        if country is not None:
            out[country.alpha_2] = out.get(country.alpha_2, 0) + n
    return out
