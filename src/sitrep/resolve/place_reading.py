"""Choosing the reading of one mention of a place name: the areas named with it, its scored
candidates, and the checks that drop a reading the text does not support."""

from __future__ import annotations

from collections import Counter

from .gazetteer import GazEntry, Gazetteer
from .place_areas import (
    AreaList,
    Resolved,
    enumeration,
    in_areas,
    keys_of_areas,
    locate_in_areas,
    loose_region,
    named_area,
    near,
)
from .place_candidate import SpanCandidate
from .place_context import DocumentContext
from .place_cues import AFTER_PLACE_COMMA, COMMON_WORDS, IN_CUE, NEAR_CUE, PLACE_LABELS, PLACE_NOUN_TAIL, TOWN_CUE
from .place_names import CITY, COUNTRY, fold
from .place_scoring import Scored, Surroundings, prefer_city_over_namesake_region, score_candidates, surroundings
from .place_spans import known_tail
from .place_variants import may_be_spelt_otherwise, same_name, spelt_otherwise
from .place_weights import (
    AREA_IN_PARENTHESES,
    CUED_PERSON_OR_ORG,
    MARGIN_BASE,
    MARGIN_DIVISOR,
    MAX_CONFIDENCE,
    MID_TOWN,
    MIN_CONFIDENCE,
    ONE_READING,
    SMALL_TOWN,
    SUPPORTING_POPULATION,
    UNLABELLED_FACTOR,
)


def resolve_name(
    name: str,
    span: SpanCandidate,
    text: str,
    gazetteer: Gazetteer,
    context: DocumentContext,
    areas: AreaList | None = None,
    member: tuple[AreaList, str] | None = None,
) -> Resolved | None:
    """The reading of the name ``name`` at ``span``, or None when the text does not support one.

    ``areas`` are the areas named after it; ``member`` the names in parentheses from this one on,
    with the place the parentheses follow.
    """
    bias = context.countries
    if member is not None and (found := _member_area(member, gazetteer, bias)) is not None:
        return found
    candidates = [e for e in gazetteer.lookup(name) if not e.context or any(bias[c] for c in e.context)]
    area, area_keys = _named_area(candidates, areas, text, gazetteer, bias)
    if area is not None and not any(in_areas(e, area_keys, gazetteer) or near(e, area) for e in candidates):
        return locate_in_areas(name, area, gazetteer, bracketed=areas is None or areas.bracketed)
    if not candidates:
        return (
            spelt_otherwise(name, gazetteer, context)
            if area is None and may_be_spelt_otherwise(name, span, gazetteer)
            else None
        )
    around = surroundings(name, span.start, span.end, text)
    scored = score_candidates(candidates, around, context, gazetteer, area_keys)
    scored = prefer_city_over_namesake_region(
        scored, around.key, around.region_hint, gazetteer, after_comma=_after_known_place(around.before, gazetteer)
    )
    _, best, notes = scored[0]
    if not _supported(best, notes, span, around) or _namesake_abroad(best, notes, around.key, context):
        return None
    generic = all(w in COMMON_WORDS for w in around.key.split())  # "West Coast", "Gulf", "Valley"
    if (span.facility or generic) and best.kind != COUNTRY and best.country2 and "document country" not in notes:
        return None  # "Rogers Centre" far from the document's country: the name is not the town
    return _reading(scored, span)


def _member_area(member: tuple[AreaList, str], gazetteer: Gazetteer, bias: Counter[str]) -> Resolved | None:
    """A name in parentheses read with the place before them: "Bafoussam (Mifi, Ouest)" is Cameroon's
    West, not Haiti's."""
    owner = gazetteer.lookup(PLACE_NOUN_TAIL.sub("", member[1]))
    if area := named_area(member[0], gazetteer, bias, owner):
        return Resolved(
            entry=area,
            score=AREA_IN_PARENTHESES,
            reason="an area named in parentheses after a place: read as the area",
        )
    return None


def _named_area(
    candidates: list[GazEntry], areas: AreaList | None, text: str, gazetteer: Gazetteer, bias: Counter[str]
) -> tuple[GazEntry | None, frozenset[str]]:
    """The area named after a name, if it is one, with the keys of the areas named."""
    area_keys = keys_of_areas(gazetteer, areas.names) if areas is not None else frozenset()
    area = named_area(areas, gazetteer, bias, tuple(candidates)) if areas is not None else None
    if area is not None and candidates and areas is not None and not areas.bracketed:
        area = loose_region(areas, text, gazetteer, bias)
    if (
        candidates
        and areas is not None
        and not areas.bracketed
        and (area is None or any(bias[e.country2] for e in candidates) or enumeration(text, areas))
    ):
        # "Mosul, Baghdad and Basra" is a list of towns, not Mosul inside Baghdad: a comma list after a
        # known name overrides it only with a region of the document's countries, when no reading of
        # the name lies in them ("Lashkari district centre, Ghazni" against a namesake abroad), and when the
        # list does not go on ("Saipan, Guam, Alaska, Hawaii").
        return None, frozenset()
    return area, area_keys


def _after_known_place(before: str, gazetteer: Gazetteer) -> bool:
    """Whether the name follows a known place and a comma, outside parentheses."""
    return (
        (m := AFTER_PLACE_COMMA.search(before)) is not None
        and bool(known_tail(m.group(1), gazetteer))
        and (before.rfind("(") <= before.rfind(")"))
    )  # inside "(Ad Durayhimi, Al Hudaydah)" the old habit holds


def _supported(best: GazEntry, notes: list[str], span: SpanCandidate, around: Surroundings) -> bool:
    """Names that spaCy did not call places need support: a cue, the document's country, or a big place."""
    if span.label in PLACE_LABELS or span.label == "PHRASE" or best.kind != CITY:
        return True
    before = around.before
    strong_cue = bool(TOWN_CUE.search(before) or NEAR_CUE.search(before) or IN_CUE.search(before)) or around.region_hint
    supported = strong_cue or "document country" in notes or best.population >= SUPPORTING_POPULATION
    if not same_name(best.name, around.key) and "document country" not in notes:
        supported = False  # only an alternate name matched, with nothing else for it
    if span.label in {"PERSON", "ORG"}:
        supported = "document country" in notes or (strong_cue and best.population >= CUED_PERSON_OR_ORG)
    return supported


def _namesake_abroad(best: GazEntry, notes: list[str], key: str, context: DocumentContext) -> bool:
    """ "the village of Korin in Idleb province" is no town of that name in Bohemia: in a story set in
    other countries, a namesake abroad that is small, or matched only by another of its names, is dropped."""
    located = bool({"areas named in parentheses", "admin context"} & set(notes))
    return (
        best.kind == CITY
        and any(context.located.values())
        and not context.countries[best.country2]
        and ((fold(best.name) != key and best.population < MID_TOWN) or best.population < SMALL_TOWN)
        and (not located and not context.resolved[best.country2])
    )


def _reading(scored: list[Scored], span: SpanCandidate) -> Resolved:
    """The best candidate, with a confidence from its margin over the next."""
    best_score, best, notes = scored[0]
    reason = None
    if len(scored) > 1:
        why = " and ".join(notes) if notes else "population"
        reason = f"ambiguous ({len(scored)} candidates): picked by {why}"
    confidence = (
        ONE_READING
        if len(scored) == 1
        else max(MIN_CONFIDENCE, min(MAX_CONFIDENCE, MARGIN_BASE + (best_score - scored[1][0]) / MARGIN_DIVISOR))
    )
    if span.label not in PLACE_LABELS:
        confidence *= UNLABELLED_FACTOR
    return Resolved(entry=best, score=round(confidence, 3), reason=reason)
