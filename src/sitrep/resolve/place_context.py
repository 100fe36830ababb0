"""Where a document is: the countries and first-level regions its names and demonyms evoke."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..parsed import doc_text
from .demonyms import DEMONYMS
from .gazetteer import GazEntry, Gazetteer
from .place_cues import IN_COUNTRY, PLACE_LABELS
from .place_names import COUNTRY, REGION, fold
from .place_weights import IN_COUNTRY_BEFORE

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .place_candidate import SpanCandidate


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """What the whole document says about where it is: countries and first-level regions it evokes."""

    countries: Counter[str]  # ISO2 -> weight
    regions: Counter[tuple[str, str]]  # (ISO2, folded admin-1 name) -> weight
    named_regions: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)  # by folded name
    named_countries: dict[str, Counter[str]] = field(default_factory=dict)  # what each folded name gave
    # The part of ``countries`` given by regions and towns: where the story is, not who acts in it
    # ("Turkish forces", "the forces of Azerbaijan", "the road to Georgia").
    located: Counter[str] = field(default_factory=Counter)
    resolved: Counter[str] = field(default_factory=Counter)  # countries of the other names' first readings

    def countries_without(self, key: str) -> Counter[str]:
        """The country weights less what the name ``key`` gave itself: no reading supports itself."""
        own = self.named_countries.get(key)
        if not own:
            return self.countries
        rest = Counter(self.countries)
        rest.subtract(own)
        return +rest


def country_bias(doc: Doc, gazetteer: Gazetteer, spans: list[SpanCandidate]) -> DocumentContext:
    """Countries evoked by name, demonym or unambiguous places; regions evoked by name."""
    bias: Counter[str] = Counter()
    regions: Counter[tuple[str, str]] = Counter()
    named: dict[str, Counter[tuple[str, str]]] = {}
    gave: dict[str, Counter[str]] = {}
    located: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ == "NORP" and (cc := DEMONYMS.get(fold(ent.text).removesuffix("s"))):
            bias[cc] += 1
    for span in spans:
        key = fold(doc_text(doc)[span.start : span.end])
        found = gazetteer.lookup(doc_text(doc)[span.start : span.end])
        countries = [e for e in found if e.kind == COUNTRY]
        listed = [e for e in found if e.kind == REGION and e.curated and e.country2]
        if not listed and found and all(e.kind == REGION and e.country2 == found[0].country2 for e in found):
            listed = list(found)  # a first-level region of one country only ("Tachira")
        if countries:
            if len({e.country2 for e in countries}) > 1:
                continue  # "Congo" names either of two countries: the rest of the text says which
            bias[countries[0].country2] += 2
            if IN_COUNTRY.search(doc_text(doc)[max(0, span.start - IN_COUNTRY_BEFORE) : span.start]):
                located[countries[0].country2] += 2  # "in western Yemen": where, not who
            continue
        if listed and len({e.country2 for e in listed}) == 1:
            region = (listed[0].country2, fold(listed[0].admin1 or listed[0].name))
            regions[region] += 1
            named.setdefault(key, Counter())[region] += 1
            own = listed[0].country2
        elif span.label in PLACE_LABELS and len({e.country2 for e in found}) == 1:
            own = found[0].country2
        else:
            continue
        bias[own] += 1
        located[own] += 1
        gave.setdefault(key, Counter())[own] += 1
    return DocumentContext(bias, regions, named, gave, located)


def region_key(e: GazEntry) -> tuple[str, str] | None:
    """(ISO2, folded first-level region) a place lies in, or is; None for countries and world regions."""
    if e.kind == COUNTRY or not e.country2:
        return None
    admin = e.admin1 or (e.name if e.kind == REGION else None)
    return (e.country2, fold(admin)) if admin else None


def document_context(
    doc: Doc, gazetteer: Gazetteer, spans: list[SpanCandidate], hints: dict[str, int] | None
) -> DocumentContext:
    """The country bias of the whole document, with the countries the text evokes otherwise."""
    context = country_bias(doc, gazetteer, spans)
    for cc, weight in (hints or {}).items():
        context.countries[cc] += weight
        context.located[cc] += weight  # groups that fight in one country place the story there
    return context


@dataclass(frozen=True, slots=True, kw_only=True)
class FirstReadings:
    """The regions and countries of a first reading of every name, by folded name, and in all."""

    regions_by_name: dict[str, Counter[tuple[str, str]]]
    countries_by_name: dict[str, Counter[str]]
    regions: Counter[tuple[str, str]]  # the document's regions and those of every first reading
    countries: Counter[str]  # the countries of every first reading


def first_readings(context: DocumentContext, names: list[str], readings: list[GazEntry | None]) -> FirstReadings:
    by_name: dict[str, Counter[tuple[str, str]]] = {}
    countries_by_name: dict[str, Counter[str]] = {}
    for key, entry in zip(names, readings):
        if entry is not None and (own := region_key(entry)) is not None:
            by_name.setdefault(key, Counter())[own] += 1
        if entry is not None and entry.country2:
            countries_by_name.setdefault(key, Counter())[entry.country2] += 1
    first_countries: Counter[str] = Counter()
    for found in countries_by_name.values():
        first_countries.update(found)
    regions = Counter(context.regions)
    for found_regions in by_name.values():
        regions.update(found_regions)
    return FirstReadings(
        regions_by_name=by_name, countries_by_name=countries_by_name, regions=regions, countries=first_countries
    )


def second_context(context: DocumentContext, first: FirstReadings, key: str) -> DocumentContext:
    """The document's context for a second reading of the name ``key``, less what that name
    contributed itself (in any of its mentions), so that no reading supports itself."""
    own_regions = first.regions.copy()
    own_regions.subtract(first.regions_by_name.get(key, Counter()))
    own_regions.subtract(context.named_regions.get(key, Counter()))
    return DocumentContext(
        context.countries_without(key),
        +own_regions,
        located=+(context.located - context.named_countries.get(key, Counter())),
        resolved=+(first.countries - first.countries_by_name.get(key, Counter())),
    )
