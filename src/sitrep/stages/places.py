"""Stage ``places.gazetteer.v1``: place names resolved against the gazetteer (see resolve/places.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Mention
from ..registry import stage
from ..resolve.place_spans import MAX_PLACE_TOKENS, long_runs
from ..resolve.places import find_places

if TYPE_CHECKING:
    from ..annotated import Annotated

NAME = "places.gazetteer.v1"


@stage(NAME, requires=(), assigns=("place", "note"))
def find(annotated: Annotated) -> tuple[Mention, ...]:
    """Every proper-noun span, entity and supplement phrase that resolves to a gazetteer place; a
    note when a proper-noun run was too long to try all of its spans."""
    found = find_places(annotated.doc, annotated.resources.gazetteer, stage=NAME, hints=_group_hints(annotated))
    return _long_runs_note(annotated) + tuple(
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


def _long_runs_note(annotated: Annotated) -> tuple[Mention, ...]:
    """One note for the proper-noun runs of which only spans up to ``MAX_PLACE_TOKENS`` tokens were tried."""
    runs = long_runs(annotated.doc)
    if not runs:
        return ()
    first = runs[0]
    longest = max(len(r) for r in runs)
    what = "1 proper-noun run" if len(runs) == 1 else f"{len(runs):,} proper-noun runs"
    reason = (
        f"{what} over {MAX_PLACE_TOKENS} tokens (longest {longest:,}, first at {first.start_char:,}): "
        f"only spans of up to {MAX_PLACE_TOKENS} tokens tried as places"
    )
    return (
        Mention(
            kind="note",
            start=first.start_char,
            end=first.end_char,
            text=annotated.text[first.start_char : first.end_char],
            value=reason,
            stage=NAME,
            reason=reason,
        ),
    )
