"""Scoring the candidate readings of a place name by the points of :data:`place_weights.WEIGHTS`:
population, the document's countries and regions, the region named beside the name, the kind of
place, and whether a big city outranks a region of its name."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .gazetteer import GazEntry, Gazetteer
from .place_areas import GENERIC_FIRST_WORDS, LIST_GOES_ON, REGION_SUFFIX, in_areas, key_forms, strip_admin_words
from .place_context import DocumentContext, region_key
from .place_cues import CONTEXT_NAME, NAME_JOINERS
from .place_names import CITY, COUNTRY, REGION, fold
from .place_weights import (
    AFTER,
    BEFORE,
    BIG_CITY,
    CAPITAL_POPULATION,
    CONTEXT_BEFORE,
    NAMESAKE_CITY_SHARE,
    WEIGHTS,
)

Scored = tuple[float, GazEntry, list[str]]  # points, candidate, what supported it


@dataclass(frozen=True, slots=True, kw_only=True)
class Surroundings:
    """The text around one mention of a name, as the scoring reads it."""

    key: str  # the folded name
    before: str  # the ``BEFORE`` characters before it
    after: str  # the ``AFTER`` characters after it
    context_keys: frozenset[str]  # names nearby (see context_names)
    region_next: str | None  # a name right after a comma
    region_hint: bool  # "district", "area" and the like right after it


def surroundings(name: str, start: int, end: int, text: str) -> Surroundings:
    before = text[max(0, start - BEFORE) : start]
    after = text[end : end + AFTER]
    return Surroundings(
        key=fold(name),
        before=before,
        after=after,
        context_keys=frozenset(context_names(before[-CONTEXT_BEFORE:] + " " + after)),
        region_next=_region_named_next(after),
        region_hint=bool(REGION_SUFFIX.match(after)),
    )


def is_capital(e: GazEntry, gazetteer: Gazetteer) -> bool:
    capital = gazetteer.capitals.get(e.country2)
    return (
        e.kind == CITY and capital is not None and fold(capital) == fold(e.name) and e.population >= CAPITAL_POPULATION
    )


def score_candidates(
    candidates: list[GazEntry],
    around: Surroundings,
    context: DocumentContext,
    gazetteer: Gazetteer,
    area_keys: frozenset[str],
) -> list[Scored]:
    """Every candidate with its points, best first (the more populous first among equals)."""
    totals = _Totals(
        countries=sum(context.countries.values()) or 1,
        regions=sum(context.regions.values()) or 1,
        top_population=max(e.population for e in candidates),
    )
    scored = [_score(e, around, context, totals, gazetteer, area_keys) for e in candidates]
    scored.sort(key=lambda t: (-t[0], -t[1].population))
    return _bundled_first_without_evidence(scored)


def _bundled_first_without_evidence(scored: list[Scored]) -> list[Scored]:
    """A place added from a user's GeoNames dump (often a village whose population GeoNames does not
    know) wins over a bundled namesake only with evidence (the document's country, its region, an
    admin context); by population or name form alone the bundled place keeps the name."""
    best = scored[0]
    if not best[1].added or best[2]:
        return scored
    for i, item in enumerate(scored):
        if not item[1].added:
            return [item, *scored[:i], *scored[i + 1 :]]
    return scored


@dataclass(frozen=True, slots=True, kw_only=True)
class _Totals:
    countries: int  # the document's country weight in all (at least 1)
    regions: int  # the document's region weight in all (at least 1)
    top_population: int  # of the most populous candidate


def _score(
    e: GazEntry,
    around: Surroundings,
    context: DocumentContext,
    totals: _Totals,
    gazetteer: Gazetteer,
    area_keys: frozenset[str],
) -> Scored:
    # The points are added in this order; the sum of floats depends on it.
    w = WEIGHTS
    notes: list[str] = []
    score = w.population * math.log10(e.population + 10) / w.population_scale
    if e.population and e.population == totals.top_population:
        score += w.most_populous
    share = context.countries[e.country2] / totals.countries
    if share:
        score += w.country_share * share + w.document_country
        notes.append("document country")
    if e.curated:
        score += w.curated
    if e.kind == COUNTRY or (e.kind == REGION and e.curated and not e.country2):
        score += w.country_or_world_region  # countries, continents and world regions ("Middle East") over towns
    elif e.kind == REGION:
        score += (
            w.region_named_as_area
            if around.region_hint
            else (w.derived_region if e.geonameid is None and e.population == 0 else 0.0)
        )
    else:
        score += w.town
        if is_capital(e, gazetteer):
            score += w.national_capital
            notes.append("national capital")
    if fold(e.name) == around.key:
        score += w.own_name
    if area_keys and in_areas(e, area_keys, gazetteer) and not (e.kind == REGION and key_forms(e.name) & area_keys):
        # a region named like the area is the area, not a place inside it: "Valparaiso (Valparaiso)" is the city
        score += w.in_named_areas
        notes.append("areas named in parentheses")
    elif e.admin1 and e.kind != REGION and (named := _admin_named(e, around.context_keys, around.region_next)):
        score += named
        notes.append("admin context")
    elif (own := region_key(e)) is not None and (weight := context.regions[own]):
        score += w.document_region + w.document_region_share * weight / totals.regions
        notes.append("document region")
    return score, e, notes


def context_names(text: str) -> set[str]:
    """Folded capitalised names near a place, each with its leading parts that end on a name word:
    "Jalisco State Police" gives "jalisco" and "jalisco state"; "Rio de Janeiro" gives no "rio",
    which would match the first word of "Rio Grande do Norte"."""
    keys: set[str] = set()
    for m in CONTEXT_NAME.finditer(text):
        words = m.group().split()
        for i in range(1, min(len(words), 5) + 1):
            if i < len(words) and words[i] in NAME_JOINERS:
                continue
            if words[i - 1] not in NAME_JOINERS:
                keys.add(fold(" ".join(words[:i])))
    return keys


def _region_named_next(after: str) -> str | None:
    """The folded name right after a comma that ends a place's mention ("Sao Goncalo, Rio de Janeiro, ..."),
    unless it goes on as a list of places ("Washington, New York and Boston")."""
    m = re.match(r"\s*,\s*(" + CONTEXT_NAME.pattern + ")", after)
    if m is None or LIST_GOES_ON.match(after[m.end() :]):
        return None
    return fold(m.group(1))


def _admin_named(e: GazEntry, context_keys: frozenset[str], region_next: str | None = None) -> float:
    """How strongly the candidate's region is named next to it: right after a comma and in full
    ("Springfield, Illinois") it outweighs any population (the gazetteer gives some big towns none);
    nearby, or by its first word, less."""
    admin = fold(e.admin1 or "")
    bare = strip_admin_words(admin)  # "La Paz Department" is named as "La Paz"
    if region_next is not None and bare in key_forms(region_next):
        return WEIGHTS.admin_after_comma
    if admin in context_keys or (bare in context_keys and bare not in GENERIC_FIRST_WORDS):
        return WEIGHTS.admin_nearby
    first = admin.split(" ")[0]
    return WEIGHTS.admin_nearby if first in context_keys and first not in GENERIC_FIRST_WORDS else 0.0


def prefer_city_over_namesake_region(
    scored: list[Scored],
    key: str,
    region_hint: bool,
    gazetteer: Gazetteer,
    after_comma: bool = False,
) -> list[Scored]:
    """ "New York", "Washington": a region whose name is also that of a big city or the capital means the city.

    A region wins only when the text says so ("Washington state") or the city is small beside it.
    """
    best = scored[0][1]
    if region_hint or best.kind != REGION or after_comma:
        return scored  # "Utinga, Bahia": a name after a known place and a comma is that place's region
    region_supported = "document region" in scored[0][2]
    for i, (_, e, notes) in enumerate(scored[1:], start=1):
        if region_supported and "document region" not in notes:
            continue  # the document is about the region's other places, not this city's
        if (
            e.kind == CITY
            and e.country2 == best.country2
            and (
                is_capital(e, gazetteer)
                or e.population >= BIG_CITY
                or (fold(e.name) == key and e.population >= NAMESAKE_CITY_SHARE * max(1, best.population))
            )
        ):
            notes.append("city named like its region")
            return [scored[i], *scored[:i], *scored[i + 1 :]]
    return scored
