"""Names the gazetteer lacks as written but holds spelt otherwise ("Quamishli" for Al Qamishli),
read by a spelling-blind key among the towns of the document's countries."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..distance import haversine_km
from .gazetteer import Gazetteer
from .place_areas import Resolved
from .place_context import DocumentContext, region_key
from .place_cues import PLACE_NOUN_TAIL
from .place_names import fold, skeleton, without_article
from .place_weights import SPELT_OTHERWISE

if TYPE_CHECKING:
    from .place_candidate import SpanCandidate

VARIANT_MIN = 5  # letters below which a spelling search finds namesakes rather than the place
VARIANT_SPREAD_KM = 25.0


def may_be_spelt_otherwise(name: str, span: SpanCandidate, gazetteer: Gazetteer) -> bool:
    """A place name the gazetteer lacks as written but holds spelt otherwise, somewhere ("Ras Al Ain")."""
    bare = PLACE_NOUN_TAIL.sub("", name)
    # a proper-noun run of several words may be a name spaCy did not label, or took for a building
    # ("exploded in Ras Al Ain")
    named = span.label in {"GPE", "LOC"} or (span.label in {"PROPN", "FAC"} and span.tokens > 1)
    return named and len(skeleton(bare)) >= VARIANT_MIN and gazetteer.has_variant(bare)


def spelt_otherwise(name: str, gazetteer: Gazetteer, context: DocumentContext) -> Resolved | None:
    """A name the gazetteer lacks, read as the one town of the document's countries spelt like it
    ("Quamishli" in a Syrian story is Al Qamishli); None when no town or several far apart match."""
    bare = PLACE_NOUN_TAIL.sub("", name)  # "Nassriya city"
    found = [
        t
        for cc, weight in (context.countries + context.resolved).items()
        if weight > 0
        for t in gazetteer.spelling_variants(bare, cc, close=True)
    ]
    in_regions = [t for t in found if context.regions.get(region_key(t) or ("", ""), 0) > 0]
    found = in_regions or found  # "Basira ... in Deir-ez-Zor": the one in the region the story names
    if not found:
        return None
    best = max(found, key=lambda t: t.population)
    if any(haversine_km(t.lat, t.lon, best.lat, best.lon) > VARIANT_SPREAD_KM for t in found):
        return None  # namesakes in several parts of the country: the spelling alone cannot choose
    return Resolved(
        entry=best,
        score=SPELT_OTHERWISE,
        reason=f"not in the gazetteer as written: read as {best.name!r}, spelt alike, in the document's country",
    )


_CITY_WORD = re.compile(r" city$")


def same_name(name: str, key: str) -> bool:
    """Whether a place's own name is the name written, but for an article, "City" or the spelling
    ("Al Diwaniyah" for "Diwaniya", "Cabanatuan City" for "Cabanatuan")."""
    own, written = _CITY_WORD.sub("", fold(name)), _CITY_WORD.sub("", key)
    if own == written:
        return True
    return (
        skeleton(own) == skeleton(written)
        and len(skeleton(written)) >= VARIANT_MIN
        and (len(without_article(own).split()) == len(written.split()))
    )  # not "Orinoco A" for "Orinoco"
