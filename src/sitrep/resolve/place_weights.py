"""The numbers of place reading: the points that score a candidate reading of a name, the confidences
given to a reading, and the text windows and population thresholds the rules look at."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceWeights:
    """Points added to a candidate reading of a place name; the reading with most points wins."""

    # log10 of the population (plus ten), times this and divided by the scale: big places first
    population: float = 2.0
    population_scale: float = 7.0
    # the most populous of the candidates (when it has any population at all)
    most_populous: float = 0.4
    # times the candidate country's share of the document's country weight ...
    country_share: float = 0.8
    # ... plus this once when the document evokes that country at all
    document_country: float = 0.4
    # an entry of the curated supplement (or a listed region)
    curated: float = 1.5
    # countries, continents and world regions ("Middle East") over towns named so
    country_or_world_region: float = 3.0
    # a region whose name is followed by "district", "area" and the like
    region_named_as_area: float = 1.2
    # a region derived from its towns, without a population of its own
    derived_region: float = 0.2
    # any town (over a region of the same name)
    town: float = 0.3
    # a country's capital city
    national_capital: float = 0.5
    # the candidate's own name is the name written, not one of its alternate names
    own_name: float = 0.3
    # the candidate lies in the areas named in parentheses or after a comma
    in_named_areas: float = 3.0
    # the candidate's first-level region named in full right after a comma ("Springfield, Illinois")
    admin_after_comma: float = 3.0
    # the candidate's first-level region named nearby, or by its first word
    admin_nearby: float = 1.5
    # the candidate's first-level region is one the document names ...
    document_region: float = 0.5
    # ... plus this times that region's share of the regions the document names
    document_region_share: float = 0.5


WEIGHTS = PlaceWeights()

# Confidence of a reading
ONE_READING = 0.9  # a name with a single candidate
MARGIN_BASE = 0.5  # several candidates: this plus a quarter of the winner's margin ...
MARGIN_DIVISOR = 4
MIN_CONFIDENCE = 0.4  # ... kept between these two
MAX_CONFIDENCE = 0.9
UNLABELLED_FACTOR = 0.9  # a name spaCy did not call a place is trusted a little less
AREA_IN_PARENTHESES = 0.8  # an area named in parentheses after a place, read with that place
SPELT_OTHERWISE = 0.5  # a name read as a town of the document's country spelt alike
DEMONYM_COUNTRY = 0.3  # a country evoked only by its demonym

# Text windows (characters) around a name
BEFORE = 60  # cue phrases before a name ("the town of", "near")
AFTER = 40  # what follows a name (its region, "district")
CONTEXT_BEFORE = 40  # the part of ``BEFORE`` searched for region names
PRECISION_AFTER = 30  # what follows a name when telling a town from its surroundings
IN_COUNTRY_BEFORE = 30  # "in western" before a country's name
LOCATIVE_BEFORE_CHARS = 12  # "to", "in" before a short name
CURRENCY_AFTER_CHARS = 12  # "dollars" after a name

# Populations
SMALL_TOWN = 10_000  # below this, a town abroad needs the document's support to be read
MID_TOWN = 50_000  # ... and below this, one matched only by another of its names
SUPPORTING_POPULATION = 50_000  # a town this big needs no cue when spaCy did not call it a place
CUED_PERSON_OR_ORG = 10_000  # a cued name spaCy took for a person or organisation needs this many
CAPITAL_POPULATION = 100_000  # a town named like the capital is the capital from this size
BIG_CITY = 1_000_000  # a city this big outweighs a region of its name
NAMESAKE_CITY_SHARE = 0.25  # ... as does one named exactly so with this share of the region's people
