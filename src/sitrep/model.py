"""Typed records passed between sitrep's stages.

Every record is a frozen, keyword-only dataclass. Anything that was read out of a text carries an
:class:`Evidence` naming the characters it came from, the stage that found it, a reason when the
stage fell back to a default, and a confidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


@dataclass(frozen=True, kw_only=True, slots=True)
class Evidence:
    """Where a value came from: character offsets into ``Document.text``."""

    start: int
    end: int
    text: str
    stage: str
    reason: str | None = None
    confidence: float = 1.0


@dataclass(frozen=True, kw_only=True, slots=True)
class Document:
    """One article or statement. ``id`` is a hash of the normalised text."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    language: str = "en"
    source: str = "<text>"  # where it was read from: a path, "<stdin>", "file.jsonl:12"


@dataclass(frozen=True, kw_only=True, slots=True)
class Dateline:
    """A report's furniture (sitrep.stages.datelines): a dateline, a byline or a credit, none of which
    tells an event. For a dateline, the filing place, date and agency as written."""

    kind: str  # "dateline", "byline" or "credit"
    place: str | None
    date: str | None
    agency: str | None


@dataclass(frozen=True, kw_only=True, slots=True)
class Mention:
    """What a stage found in the text. ``value`` is a typed record of the stage's kind."""

    kind: str  # "trigger", "actor", "place", "date", "casualty", "weapon", "attribution", "hedge", ...
    start: int
    end: int
    text: str
    value: Any
    stage: str
    score: float = 1.0
    reason: str | None = None

    def evidence(self, *, reason: str | None = None, confidence: float | None = None) -> Evidence:
        return Evidence(
            start=self.start,
            end=self.end,
            text=self.text,
            stage=self.stage,
            reason=reason if reason is not None else self.reason,
            confidence=self.score if confidence is None else confidence,
        )


# ---------------------------------------------------------------- values of mentions


class DatePrecision(str, Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class PlacePrecision(str, Enum):
    """Mirrors ACLED geo_precision (1 town, 2 near a town or part of a region, 3 region) plus country."""

    TOWN = "town"
    NEAR_TOWN = "near_town"
    REGION = "region"
    COUNTRY = "country"

    @property
    def acled_code(self) -> int:
        return {"town": 1, "near_town": 2, "region": 3, "country": 3}[self.value]


@dataclass(frozen=True, kw_only=True, slots=True)
class Actor:
    """An actor resolved against sitrep's actor dictionary (or kept raw when unknown)."""

    name: str  # canonical name, e.g. "Azerbaijan" or "Constructive Dialogue Network of Armenian CSOs"
    country: str | None  # ISO3, or a PLOVER pseudo-country (IGO, NGO, ...)
    sector: str | None  # PLOVER sector code: MIL, GOV, REB, CVL, ...
    acled_name: str | None  # e.g. "Military Forces of Azerbaijan"
    inter: int | None  # ACLED inter code 1..8
    de_facto: str | None = None  # e.g. "Artsakh" for a disputed entity
    loaded: bool = False  # the source's wording is loaded ("dictatorial regime")
    raw: bool = False  # not in the dictionary; kept as written
    evidence: Evidence


@dataclass(frozen=True, kw_only=True, slots=True)
class Place:
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None  # ISO3 of the de jure country
    admin1: str | None = None
    admin2: str | None = None
    precision: PlacePrecision = PlacePrecision.TOWN
    de_facto: str | None = None  # de facto authority for disputed territory
    disputed: str | None = None  # name of the disputed territory
    evidence: Evidence


@dataclass(frozen=True, kw_only=True, slots=True)
class EventDate:
    date: dt.date | None
    precision: DatePrecision
    raw: str
    end: dt.date | None = None  # last day of the window for week/month/year precision
    evidence: Evidence


@dataclass(frozen=True, kw_only=True, slots=True)
class Count:
    """A reported number of people: low <= best <= high; ``high`` None means no upper bound."""

    low: int
    best: int
    high: int | None
    raw: str
    rule: str  # the documented rule that turned ``raw`` into numbers
    group: str | None = None  # subset: "civilians", "children", "soldiers", ...
    evidence: Evidence


@dataclass(frozen=True, kw_only=True, slots=True)
class Casualties:
    """Killed or wounded for one event: the total and its subsets."""

    total: Count | None
    subsets: tuple[Count, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class Weapon:
    name: str  # normalised: "artillery", "tank", "aircraft", "drone", "missile", "ied", ...
    mode: str  # PLOVER ASSAULT mode: heavy-weapons, aerial, drone, explosives, firearms, ...
    evidence: Evidence


@dataclass(frozen=True, kw_only=True, slots=True)
class Claim:
    """Who says a field holds. ``field`` names an Event field ("event", "killed", ...)."""

    field: str
    value: Any
    claimant: Actor
    evidence: Evidence


@dataclass(frozen=True, kw_only=True, slots=True)
class Certainty:
    hedges: tuple[Evidence, ...] = ()  # "reportedly", "apparent", "alleged" ...
    negated: bool = False
    hypothetical: bool = False
    future: bool = False

    @property
    def happened(self) -> bool:
        return not (self.negated or self.hypothetical or self.future)


NEWS = "news"
BACKGROUND = "background"


@dataclass(frozen=True, kw_only=True, slots=True)
class Event:
    id: str
    document_id: str
    kind: str  # "violent" or "verbal"
    plover: str  # ASSAULT, ACCUSE, REQUEST, ...
    modes: tuple[str, ...]
    acled_type: str | None
    acled_subtype: str | None
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    place: Place | None
    date: EventDate | None
    killed: Casualties | None
    wounded: Casualties | None
    weapons: tuple[Weapon, ...]
    claims: tuple[Claim, ...]
    claimant: Actor | None
    certainty: Certainty
    trigger: Evidence
    sentence: Evidence
    confidence: float
    reasons: tuple[str, ...] = ()  # document-level fallbacks that shaped this event
    extras: tuple[tuple[str, Any], ...] = field(default=())
    # Every other place the document tells this same event (a headline, a caption, a retelling), each
    # the sentence with the reason it was joined (sitrep.document.coreference).
    mentions: tuple[Evidence, ...] = ()
    # NEWS: new in this report; BACKGROUND: recalled for context (an older event, a war's total),
    # kept but not coded as this report's news (sitrep.document.window).
    window: str = "news"

    @property
    def happened(self) -> bool:
        return self.certainty.happened

    @property
    def is_news(self) -> bool:
        return self.window == NEWS


@dataclass(frozen=True, kw_only=True, slots=True)
class Relevance:
    """Whether a text reports a political-violence, protest or strategic event at all (sitrep.relevance)."""

    score: float  # the relevance model's probability, 0..1
    relevant: bool  # False: the text was judged ordinary news and not read further
    reason: str
    stage: str
    cue: Evidence | None = None  # a word that keeps a low-scoring text in ("gunmen", "12 were killed")
    left_out: tuple[Evidence, ...] = ()  # sentences of a text kept only by a cue whose events were left out


@dataclass(frozen=True, kw_only=True, slots=True)
class Extraction:
    """What ``sitrep.extract`` returns for one document."""

    document: Document
    events: tuple[Event, ...]
    stages: tuple[str, ...] = ()  # versioned names of the stages that ran
    # Why part of the text was read with less care: a cap on work that cut something, e.g. "1
    # sentence over 250 tokens (...) cut into parts of 250 tokens for parsing". Empty for real news.
    notes: tuple[str, ...] = ()
    relevance: Relevance | None = None  # None when the first look was switched off


# ---------------------------------------------------------------- mention values made by stages


@dataclass(frozen=True, kw_only=True, slots=True)
class Trigger:
    """An event word: what kind of event it starts."""

    lemma: str  # the lexicon phrase that matched
    family: str  # "attack", "shelling", "protest", "accuse", ... (see data/triggers.json)
    kind: str  # "violent", "material" or "verbal"
    plover: str
    modes: tuple[str, ...] = ()
    acled_type: str | None = None
    acled_subtype: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class CasualtyFigure:
    outcome: str  # "killed" or "wounded"
    count: Count
    victims: str | None = None  # who the figure counts when it names them: "soldiers", "fighters", "civilians" ...
    additional: bool = False  # "was also hurt", "two more died": victims on top of those already counted


@dataclass(frozen=True, kw_only=True, slots=True)
class Attribution:
    """A claimant and the stretch of text (``scope_start``..``scope_end``) their claim covers."""

    claimant: Actor
    scope_start: int
    scope_end: int
    cue: str  # "according to", "said", "statement", "quote", "publisher"


@dataclass(frozen=True, kw_only=True, slots=True)
class CertaintyMark:
    kind: str  # "hedge", "negated", "hypothetical", "future"
    cue: str
    scope_start: int  # the clause the mark applies to
    scope_end: int
