"""Find place names in a parsed document and resolve them against the gazetteer.

Steps: collect spans (proper-noun runs, spaCy GPE/LOC/FAC/PERSON/ORG entities, supplement phrases
such as "line of contact"), drop spans that are not places (months, common words, organisation
names, demonyms), derive a country bias from the whole document, then score each span's candidates
by country bias, admin context, population and name exactness. Each step has its module:
``place_spans`` (candidate spans), ``place_context`` (the document's countries and regions),
``place_reading`` and ``place_scoring`` (choosing a reading, by the points of ``place_weights``),
``place_variants`` (names spelt otherwise). Areas named with a place ("X (district, province)",
"X, state") are read in ``place_areas``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Evidence, Place, PlacePrecision
from ..parsed import doc_text
from .demonyms import DEMONYMS
from .disputed import territory_at
from .gazetteer import GazEntry, Gazetteer
from .place_areas import AreaList, Resolved, area_list
from .place_candidate import SpanCandidate
from .place_context import DocumentContext, document_context, first_readings, second_context
from .place_cues import AREA_SUFFIX, NEAR_CUE, ORG_RE
from .place_names import CITY, COUNTRY, REGION, fold
from .place_reading import resolve_name
from .place_spans import select_spans, strip_entity
from .place_weights import BEFORE, DEMONYM_COUNTRY, PRECISION_AFTER

__all__ = ["DEMONYMS", "find_places"]

Areas = dict[int, AreaList]  # the areas named after a span, by its start
Members = dict[int, tuple[AreaList, str]]  # a name in parentheses, with the names after it and the place before


def find_places(
    doc: Doc, gazetteer: Gazetteer, *, stage: str, hints: dict[str, int] | None = None
) -> list[tuple[Place, float]]:
    """Places named in ``doc``, each with its confidence, in text order.

    ``hints`` (ISO2 -> weight) are countries the text evokes otherwise, e.g. by naming a group that
    fights there; they weigh like a country named once.
    """
    text = doc_text(doc)
    blocked = [(m.start(), m.end()) for m in ORG_RE.finditer(text)]
    spans = select_spans(doc, gazetteer, blocked)
    context = document_context(doc, gazetteer, spans, hints)
    areas = _areas(spans, text)
    members = _members(spans, areas, text)
    # Two passes: the regions of the first pass's places then favour readings in those regions
    # ("Glasgow" beside "Edmonton, Kentucky"). What a name itself contributed (in any of its
    # mentions) is left out when that name is resolved again, so no reading supports itself.
    names = [fold(text[s.start : s.end]) for s in spans]
    first = [_read(s, text, gazetteer, context, areas, members) for s in spans]
    readings = first_readings(context, names, [r.entry if r is not None else None for r in first])
    out: list[tuple[Place, float]] = []
    for span, key in zip(spans, names):
        resolved = _read(span, text, gazetteer, second_context(context, readings, key), areas, members)
        if resolved is None:
            continue
        out.append((_to_place(resolved, span, text[span.start : span.end], text, stage), resolved.score))
    out.extend(_demonym_countries(doc, gazetteer, stage))
    return sorted(out, key=lambda item: item[0].evidence.start)


def _areas(spans: list[SpanCandidate], text: str) -> Areas:
    return {
        s.start: found for s in spans if (found := area_list(text, s.end, loose=s.label in {"GPE", "LOC"})) is not None
    }


def _members(spans: list[SpanCandidate], areas: Areas, text: str) -> Members:
    """Each name inside parentheses, read with the names after it and the place the parentheses follow."""
    return {
        start: (AreaList(al.names[i:], al.starts[i:]), text[owner.start : owner.end])
        for owner in spans
        if (al := areas.get(owner.start)) is not None and al.bracketed
        for i, start in enumerate(al.starts)
    }


def _read(
    span: SpanCandidate, text: str, gazetteer: Gazetteer, context: DocumentContext, areas: Areas, members: Members
) -> Resolved | None:
    name = text[span.start : span.end]
    return resolve_name(name, span, text, gazetteer, context, areas.get(span.start), members.get(span.start))


def _demonym_countries(doc: Doc, gazetteer: Gazetteer, stage: str) -> list[tuple[Place, float]]:
    """Country-level places for demonyms ("the Turkish regime"), kept with a low score and a reason."""
    out: list[tuple[Place, float]] = []
    for ent in doc.ents:
        if ent.label_ != "NORP":
            continue
        cc = DEMONYMS.get(fold(ent.text).removesuffix("s"))
        country = gazetteer.country(cc) if cc else None
        if country is None:
            continue
        s = strip_entity(doc, ent)
        span = SpanCandidate(s.start_char, s.end_char, "NORP", len(s))
        resolved = Resolved(
            entry=country, score=DEMONYM_COUNTRY, reason="demonym: the adjective's country, not a named place"
        )
        text = doc_text(doc)
        out.append((_to_place(resolved, span, text[span.start : span.end], text, stage), DEMONYM_COUNTRY))
    return out


def _precision(entry: GazEntry, before: str, after: str) -> PlacePrecision:
    if entry.kind == COUNTRY:
        return PlacePrecision.COUNTRY
    if entry.kind == REGION:
        return PlacePrecision.REGION
    if NEAR_CUE.search(before) or AREA_SUFFIX.match(after):
        return PlacePrecision.NEAR_TOWN
    return PlacePrecision.TOWN


def _to_place(resolved: Resolved, span: SpanCandidate, name: str, text: str, stage: str) -> Place:
    e = resolved.entry
    before = text[max(0, span.start - BEFORE) : span.start]
    after = text[span.end : span.end + PRECISION_AFTER]
    territory = territory_at(e.lat, e.lon, country2=e.country2, admin1=e.admin1, name=e.name)
    if territory is None and e.kind != CITY:
        territory = territory_at(None, None, name=name)
    country = territory.de_jure if territory else e.country3
    if e.kind == COUNTRY and territory is None:
        country = e.country3
    evidence = Evidence(
        start=span.start, end=span.end, text=name, stage=stage, reason=resolved.reason, confidence=resolved.score
    )
    return Place(
        name=e.name,
        geonameid=e.geonameid,
        lat=e.lat,
        lon=e.lon,
        country=country,
        admin1=e.admin1,
        admin2=e.admin2,
        precision=_precision(e, before, after),
        de_facto=territory.de_facto if territory else None,
        disputed=territory.name if territory else None,
        evidence=evidence,
    )
