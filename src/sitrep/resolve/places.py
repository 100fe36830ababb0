"""Find place names in a parsed document and resolve them against the gazetteer.

Steps: collect spans (proper-noun runs, spaCy GPE/LOC/FAC/PERSON/ORG entities, supplement phrases
such as "line of contact"), drop spans that are not places (months, common words, organisation
names, demonyms), derive a country bias from the whole document, then score each span's candidates
by country bias, admin context, population and name exactness. Areas named with a place ("X (district,
province)", "X, state") are read in ``place_areas``.
"""

from __future__ import annotations

import importlib.resources
import json
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from ..distance import haversine_km
from ..model import Evidence, Place, PlacePrecision
from ..parsed import doc_text
from .disputed import territory_at
from .gazetteer import CITY, COUNTRY, REGION, GazEntry, Gazetteer, fold, skeleton, without_article
from .place_areas import (
    GENERIC_FIRST_WORDS,
    LIST_GOES_ON,
    PLACE_NOUN,
    REGION_SUFFIX,
    AreaList,
    Resolved,
    area_list,
    enumeration,
    in_areas,
    key_forms,
    keys_of_areas,
    locate_in_areas,
    loose_region,
    named_area,
    near,
    strip_admin_words,
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
OTHER_LABELS = frozenset({"PERSON", "ORG", "NORP"})

# Organisation names that contain a place name; nothing inside them is a place.
ORG_NAMES = (
    "OSCE Minsk Group",
    "Minsk Group",
    "Council of Europe",
    "European Union",
    "European Commission",
    "European Parliament",
    "United Nations",
    "African Union",
    "Arab League",
    "League of Arab States",
    "Islamic State",
    "Red Cross",
    "Red Crescent",
    "Associated Press",
    "New York Times",
    "Washington Post",
    "Wall Street Journal",
    "Los Angeles Times",
    "Al Jazeera",
    "Gulf Cooperation Council",
    "Minsk agreements",
    "Minsk Protocol",
    "Human Rights Watch",
    "Amnesty International",
    "Amnesty",
    "Syrian Observatory",
    "Asian Development Bank",
    "Bank of America",
    "University of",
    "Real Madrid",
    "Manchester United",
)
_ORG_RE = re.compile("|".join(re.escape(n) for n in sorted(ORG_NAMES, key=len, reverse=True)))

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# Capitalised words that are also towns somewhere but almost never mean one in news.
COMMON_WORDS = frozenset(
    """over police will man mark best hope union independence victory liberty justice unity progress
    president minister general government army navy state news today ministry parliament assembly
    republic city town village district region province north south east west central western eastern
    northern southern capital border church mosque university court national international county
    people world earth god christmas easter ramadan eid reuters media twitter facebook march may
    said says street road party council committee security defense defence forces military
    commander colonel major captain sergeant chief governor mayor senator king queen prince
    bishop pope sheikh mr mrs ms dr sir lord lady health human rights service office centre center
    department agency bureau station airport port bank hospital school college market square park
    covid coronavirus pandemic peninsula delta coast gulf bay valley river lake island islands mountain
    mountains hill hills crescent cathedral landing pioneer pacific atlantic ocean sea strait desert plains
    heights harbour harbor beach lakes springs falls creek""".split()
)
TOWN_CUE = re.compile(r"\b(?:town|city|village|capital|settlement|hamlet|municipality|port|city) of\s*$", re.IGNORECASE)
NEAR_CUE = re.compile(
    r"\b(?:near|nearby|outside|outskirts of|vicinity of|close to|around|direction of(?: the (?:town|city|village) of)?"
    r"|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of|km (?:from|of)|kilometres (?:from|of)"
    r"|kilometers (?:from|of)|miles (?:from|of)|border of)\s*(?:the )?(?:(?:town|city|village) of )?$",
    re.IGNORECASE,
)
IN_CUE = re.compile(r"\b(?:in|at|from|to|into|across|towards?|of)\s+(?:the\s+)?$", re.IGNORECASE)
IN_COUNTRY = re.compile(r"\bin\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?$", re.IGNORECASE)
AREA_SUFFIX = re.compile(r"^\s*(?:district|area|outskirts|suburbs?)\b", re.IGNORECASE)

# Demonyms of countries (adjectives are never places themselves; they only bias the document): those of
# the actor dictionary's countries, and these, which it spells otherwise or lacks.
_OWN_DEMONYMS = {
    "armenian": "AM",
    "azerbaijani": "AZ",
    "azeri": "AZ",
    "turkish": "TR",
    "russian": "RU",
    "ukrainian": "UA",
    "georgian": "GE",
    "syrian": "SY",
    "iraqi": "IQ",
    "iranian": "IR",
    "afghan": "AF",
    "pakistani": "PK",
    "indian": "IN",
    "israeli": "IL",
    "palestinian": "PS",
    "lebanese": "LB",
    "libyan": "LY",
    "egyptian": "EG",
    "yemeni": "YE",
    "saudi": "SA",
    "sudanese": "SD",
    "somali": "SO",
    "ethiopian": "ET",
    "eritrean": "ER",
    "nigerian": "NG",
    "malian": "ML",
    "burkinabe": "BF",
    "nigerien": "NE",
    "chadian": "TD",
    "cameroonian": "CM",
    "congolese": "CD",
    "mozambican": "MZ",
    "kenyan": "KE",
    "ugandan": "UG",
    "burundian": "BI",
    "rwandan": "RW",
    "american": "US",
    "british": "GB",
    "french": "FR",
    "german": "DE",
    "chinese": "CN",
    "mexican": "MX",
    "colombian": "CO",
    "venezuelan": "VE",
    "brazilian": "BR",
    "filipino": "PH",
    "philippine": "PH",
    "burmese": "MM",
    "myanmar": "MM",
    "thai": "TH",
    "bangladeshi": "BD",
    "nepali": "NP",
    "kurdish": "IQ",
    "jordanian": "JO",
    "tunisian": "TN",
    "algerian": "DZ",
    "moroccan": "MA",
    "belarusian": "BY",
    "moldovan": "MD",
    "serbian": "RS",
    "kosovar": "XK",
    "cypriot": "CY",
    "greek": "GR",
    "canadian": "CA",
    "australian": "AU",
    "japanese": "JP",
    "korean": "KR",
    "italian": "IT",
    "spanish": "ES",
    "polish": "PL",
}


def _dictionary_demonyms() -> dict[str, str]:
    """Folded demonym -> ISO2, from the countries of ``data/actors.json``."""
    import pycountry

    raw = json.loads((importlib.resources.files("sitrep.data") / "actors.json").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for iso3, spec in raw["countries"].items():
        country = pycountry.countries.get(alpha_3=iso3)
        if country is None:
            continue
        names = {
            fold(n)
            for n in (country.name, getattr(country, "common_name", ""), spec.get("acled", ""), *spec.get("names", ()))
        }
        # "Azerbaijan forces": a country's name used as an adjective stays a place name here
        out.update((fold(d), country.alpha_2) for d in spec.get("demonyms", ()) if fold(d) not in names)
    return out


DEMONYMS = {**_dictionary_demonyms(), **_OWN_DEMONYMS}


@dataclass(frozen=True, slots=True)
class SpanCandidate:
    start: int  # character offsets
    end: int
    label: str  # spaCy entity label, "PROPN" for a proper-noun run, "PHRASE" for supplement phrases
    tokens: int
    facility: bool = False  # the first words of a building's or institution's name ("Rogers Centre")


def find_places(
    doc: Doc, gazetteer: Gazetteer, *, stage: str, hints: dict[str, int] | None = None
) -> list[tuple[Place, float]]:
    """Places named in ``doc``, each with its confidence, in text order.

    ``hints`` (ISO2 -> weight) are countries the text evokes otherwise, e.g. by naming a group that
    fights there; they weigh like a country named once.
    """
    text = doc_text(doc)
    blocked = [(m.start(), m.end()) for m in _ORG_RE.finditer(text)]
    spans = _select(doc, gazetteer, blocked)
    context = _country_bias(doc, gazetteer, spans)
    for cc, weight in (hints or {}).items():
        context.countries[cc] += weight
        context.located[cc] += weight  # groups that fight in one country place the story there
    areas = {
        s.start: found for s in spans if (found := area_list(text, s.end, loose=s.label in {"GPE", "LOC"})) is not None
    }
    # each name inside parentheses, read with the names after it and the place the parentheses follow
    members = {
        start: (AreaList(al.names[i:], al.starts[i:]), text[owner.start : owner.end])
        for owner in spans
        if (al := areas.get(owner.start)) is not None and al.bracketed
        for i, start in enumerate(al.starts)
    }
    # Two passes: the regions of the first pass's places then favour readings in those regions
    # ("Glasgow" beside "Edmonton, Kentucky"). What a name itself contributed (in any of its
    # mentions) is left out when that name is resolved again, so no reading supports itself.
    names = [fold(text[s.start : s.end]) for s in spans]
    first = [
        _resolve(text[s.start : s.end], s, text, gazetteer, context, areas.get(s.start), members.get(s.start))
        for s in spans
    ]
    by_name: dict[str, Counter[tuple[str, str]]] = {}
    countries_by_name: dict[str, Counter[str]] = {}
    for key, r in zip(names, first):
        if r is not None and (own := _region_key(r.entry)) is not None:
            by_name.setdefault(key, Counter())[own] += 1
        if r is not None and r.entry.country2:
            countries_by_name.setdefault(key, Counter())[r.entry.country2] += 1
    first_countries: Counter[str] = Counter()
    for found in countries_by_name.values():
        first_countries.update(found)
    regions = Counter(context.regions)
    for found in by_name.values():
        regions.update(found)
    out: list[tuple[Place, float]] = []
    for span, key in zip(spans, names):
        name = text[span.start : span.end]
        own_regions = regions.copy()
        own_regions.subtract(by_name.get(key, Counter()))
        own_regions.subtract(context.named_regions.get(key, Counter()))
        resolved = _resolve(
            name,
            span,
            text,
            gazetteer,
            DocumentContext(
                context.countries_without(key),
                +own_regions,
                located=+(context.located - context.named_countries.get(key, Counter())),
                resolved=+(first_countries - countries_by_name.get(key, Counter())),
            ),
            areas.get(span.start),
            members.get(span.start),
        )
        if resolved is None:
            continue
        out.append((_to_place(resolved, span, name, text, stage), resolved.score))
    out.extend(_demonym_countries(doc, gazetteer, stage))
    return sorted(out, key=lambda item: item[0].evidence.start)


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
        s = _strip(doc, ent)
        span = SpanCandidate(s.start_char, s.end_char, "NORP", len(s))
        resolved = Resolved(entry=country, score=0.3, reason="demonym: the adjective's country, not a named place")
        out.append((_to_place(resolved, span, doc_text(doc)[span.start : span.end], doc_text(doc), stage), 0.3))
    return out


# ---------------------------------------------------------------- spans


def _strip(doc: Doc, span: Span) -> Span:
    """Drop a leading article/possessive and trailing punctuation from an entity."""
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return doc[start:end]


def _propn_runs(doc: Doc) -> Iterator[Span]:
    i = 0
    while i < len(doc):
        if doc[i].pos_ != "PROPN":
            i += 1
            continue
        j = i + 1
        while j < len(doc):
            tok = doc[j]
            if tok.pos_ == "PROPN":
                j += 1
            elif (
                tok.text in {"-", "‐"}
                and not doc[j - 1].whitespace_
                and j + 1 < len(doc)
                and doc[j + 1].pos_ == "PROPN"
            ):
                j += 2
            else:
                break
        yield doc[i:j]
        i = j


def _raw_spans(doc: Doc, gazetteer: Gazetteer) -> Iterator[SpanCandidate]:
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS or ent.label_ in {"PERSON", "ORG"}:
            s = _strip(doc, ent)
            if len(s):
                yield SpanCandidate(s.start_char, s.end_char, ent.label_, len(s))
            if ent.label_ in PLACE_LABELS and len(s) > 1 and re.fullmatch(PLACE_NOUN, s[-1].lower_):
                bare = s[:-1]  # "Idleb city", "Tsrancha village": the name without its place noun
                yield SpanCandidate(bare.start_char, bare.end_char, ent.label_, len(bare))
    ent_label = {t.i: t.ent_type_ for t in doc}
    for run in _propn_runs(doc):
        labels = {ent_label[t.i] for t in run}
        # Inside a person's or organisation's name only the whole run may be a place.
        whole_only = bool(labels & {"PERSON", "ORG", "NORP"})
        for width in range(len(run), 0, -1):
            for k in range(len(run) - width + 1):
                sub = run[k : k + width]
                if sub[0].text == "-" or sub[-1].text == "-":
                    continue
                if whole_only and width != len(run):
                    continue
                yield SpanCandidate(sub.start_char, sub.end_char, "PROPN", width)
    for m in _AND_NAME.finditer(doc_text(doc)):  # "Trinidad and Tobago", "Bosnia and Herzegovina"
        if any(e.kind == COUNTRY for e in gazetteer.lookup(m.group())):
            yield SpanCandidate(m.start(), m.end(), "GPE", len(m.group().split()))
    for m in _OF_NAME.finditer(doc_text(doc)):
        if (known := _known_tail(m.group(), gazetteer)) is not None:  # "In Heroica Puebla de Zaragoza": drop "In"
            yield SpanCandidate(m.end() - len(known), m.end(), "GPE", len(known.split()))
    low = doc_text(doc).lower()
    for key, idx in _phrase_entries(gazetteer):
        for m in re.finditer(r"\b" + re.escape(key) + r"\b", low):
            yield SpanCandidate(m.start(), m.end(), "PHRASE", len(key.split()))


# The small words inside Romance and English place names ("Rio de Janeiro", "Port of Spain").
_JOINERS = ("of", "de", "del", "do", "da", "dos", "das", "di", "du")
_NAME_JOINERS = frozenset((*_JOINERS, "la", "el"))
# A capitalised name and what follows it, joined by those small words.
_CONTEXT_NAME = re.compile(r"[A-Z][\w’'-]+\.?(?:\s(?:(?:" + "|".join(sorted(_NAME_JOINERS)) + r")\s)?[A-Z][\w’'-]+)*")
_LEADING_WORDS = frozenset({"in", "on", "at", "near", "the", "from", "to", "of", "around", "outside"})


def _known_tail(name: str, gazetteer: Gazetteer) -> str | None:
    """The name the gazetteer knows once a capitalised sentence word is dropped ("In Utinga" -> "Utinga")."""
    words = name.split()
    while words:
        if gazetteer.has(known := " ".join(words)):
            return known
        if words[0].lower() not in _LEADING_WORDS:
            return None
        words = words[1:]
    return None


_AFTER_PLACE_COMMA = re.compile(r"(" + _CONTEXT_NAME.pattern + r"),\s*$")
# "Port of Spain", "Heroica Puebla de Zaragoza": one name across a small joining word.
_OF_NAME = re.compile(
    r"\b[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*(?: (?:" + "|".join(_JOINERS) + r")(?: (?:the|la|los|las))? "
    r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*)+"
)
_AND_NAME = re.compile(r"\b[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)? and (?:the )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?")


def _phrase_entries(gazetteer: Gazetteer) -> tuple[tuple[str, int], ...]:
    """Supplement names that may appear in lower case ("line of contact"); they need a context country."""
    return gazetteer.phrases


def _select(doc: Doc, gazetteer: Gazetteer, blocked: list[tuple[int, int]]) -> list[SpanCandidate]:
    """Plausible place spans, longest first, without overlaps."""
    text = doc_text(doc)
    kept: list[SpanCandidate] = []
    taken: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()
    raw = sorted(_raw_spans(doc, gazetteer), key=lambda s: (-(s.end - s.start), _label_rank(s.label), s.start))
    for span in raw:
        if (span.start, span.end) in seen:
            continue
        seen.add((span.start, span.end))
        if any(a < span.end and span.start < b for a, b in taken):
            continue
        if any(a <= span.start and span.end <= b for a, b in blocked):
            continue
        name = text[span.start : span.end]
        if not _plausible(name, span, text[max(0, span.start - 12) : span.start]):
            continue
        if CURRENCY_AFTER.match(text[span.end : span.end + 12]):
            continue  # "the US dollar", "Hong Kong dollars": a currency, not a place of the story
        tail = _name_tail(doc, span)
        if tail is not None and span.label != "PHRASE":
            if tail in STREET_WORDS:
                continue  # "Royal Street", "Collins Avenue": a street named after a town is not the town
            span = replace(span, facility=True)
        if not gazetteer.has(name) and (bare := _PLACE_NOUN_TAIL.sub("", name)) != name and gazetteer.has(bare):
            continue  # "Douala city": the name without its place noun is the one to read
        if not gazetteer.has(name) and not (
            (_missing_but_located(name, span, text, gazetteer) or _may_be_spelt_otherwise(name, span, gazetteer))
            and not _inside_person_or_org(doc, span)
        ):
            continue
        kept.append(span)
        taken.append((span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


# "Douala city", "Mamfe town": a town's usual form; villages are mostly missing from the gazetteer, where
# a town of the same name elsewhere is the likelier match, so "X village" keeps its own handling.
_PLACE_NOUN_TAIL = re.compile(r"\s+(?:city|town)$", re.IGNORECASE)


def _inside_person_or_org(doc: Doc, span: SpanCandidate) -> bool:
    """Part of a person's name, or of an organisation's unless a place noun follows ("Goosu town")."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    if found is None:
        return True
    labels = {t.ent_type_ for t in found}
    if "PERSON" in labels:
        return True
    nxt = doc[found.end] if found.end < len(doc) else None
    place_noun = nxt is not None and re.fullmatch(PLACE_NOUN, nxt.lower_) is not None
    return bool(labels & OTHER_LABELS) and not place_noun


def _may_be_spelt_otherwise(name: str, span: SpanCandidate, gazetteer: Gazetteer) -> bool:
    """A place name the gazetteer lacks as written but holds spelt otherwise, somewhere ("Ras Al Ain")."""
    bare = _PLACE_NOUN_TAIL.sub("", name)
    # a proper-noun run of several words may be a name spaCy did not label, or took for a building
    # ("exploded in Ras Al Ain")
    named = span.label in {"GPE", "LOC"} or (span.label in {"PROPN", "FAC"} and span.tokens > 1)
    return named and len(skeleton(bare)) >= VARIANT_MIN and gazetteer.has_variant(bare)


VARIANT_MIN = 5  # letters below which a spelling search finds namesakes rather than the place


def _missing_but_located(name: str, span: SpanCandidate, text: str, gazetteer: Gazetteer) -> bool:
    """A name the gazetteer lacks, followed by areas it knows ("Muaja (Ancuabe, ...)", "X in Idlib")."""
    if span.label not in PLACE_LABELS and span.label not in {"PROPN", "ORG"}:
        return False
    found = area_list(text, span.end, loose=span.label in {"GPE", "LOC"})
    return (
        found is not None
        and fold(name) not in {fold(n) for n in found.names}
        and (named_area(found, gazetteer, Counter()) is not None)
    )


# Capitalised words that, following a name, make it the name of a street or thoroughfare.
STREET_WORDS = frozenset(
    "street st avenue ave road rd boulevard blvd drive lane parade canal bend terrace highway expressway "
    "freeway turnpike pike alley crescent".split()
)
# ... or of a building, institution or site: the name is then a town only where the document is.
FACILITY_WORDS = frozenset(
    """centre center stadium arena hall chapel church cathedral castle palace college school elementary
    academy university hospital clinic airport mall hotel theatre theater museum library harbor harbour
    park square plaza tower building house prison jail club garden gardens zoo circuit speedway raceway
    racecourse institute""".split()
)


def _name_tail(doc: Doc, span: SpanCandidate) -> str | None:
    """The street or facility word among the capitalised words right after a span, if any."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    if found is None:
        return None
    lower_case_name = LOWER_ARTICLE.match(doc_text(doc)[span.start : span.end]) is not None
    for tok in doc[found.end : found.end + 4]:
        if tok.text in {"'s", "’s"}:
            continue
        if not tok.is_alpha or not (tok.text[:1].isupper() or lower_case_name):
            break  # after "al Alam" the words go on in lower case: "the al Alam square"
        low = tok.lower_
        if low in STREET_WORDS or low in FACILITY_WORDS:
            return low
    return None


def _label_rank(label: str) -> int:
    return {"GPE": 0, "LOC": 0, "FAC": 1, "PHRASE": 1, "PROPN": 2}.get(label, 3)


def _plausible(name: str, span: SpanCandidate, before: str = "") -> bool:
    if span.label == "PHRASE":
        return True
    if not (name[:1].isupper() or LOWER_ARTICLE.match(name)) or any(c.isdigit() for c in name):
        return False
    key = fold(name)
    if key in MONTHS or key in DEMONYMS:
        return False
    if span.tokens == 1 and key in COMMON_WORDS and span.label not in PLACE_LABELS:
        return False
    if len(key.replace(" ", "")) <= 3 and span.label not in PLACE_LABELS:
        # Acronyms and abbreviations ("UN", "EU", "Mo.") unless spaCy calls them places ("US"); a short
        # name in title case right after a word of place ("to Gao", "the city of Gao") is a place.
        return not name.isupper() and LOCATIVE_BEFORE.search(before) is not None
    return True


SMALL_TOWN = 10_000  # below this, a town abroad needs the document's support to be read
MID_TOWN = 50_000  # ... and below this, one matched only by another of its names
CURRENCY_AFTER = re.compile(
    r"\s*(?:dollars?|pounds? sterling|euros?|rubles?|roubles?|rupees?|pesos?|francs?|yuan)\b", re.IGNORECASE
)
# Arabic names often keep their article in lower case ("al Tabqa", "al-Hasakeh").
LOWER_ARTICLE = re.compile(r"^(?:(?:al|el)[ -]|(?:ad|an|ar|as|at|az|ash)-)[A-Z]")
LOCATIVE_BEFORE = re.compile(r"\b(?:in|to|from|near|at|of)\s+$")


# ---------------------------------------------------------------- bias and resolution


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


def _country_bias(doc: Doc, gazetteer: Gazetteer, spans: list[SpanCandidate]) -> DocumentContext:
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
            listed = found  # a first-level region of one country only ("Tachira")
        if countries:
            bias[countries[0].country2] += 2
            if IN_COUNTRY.search(doc_text(doc)[max(0, span.start - 30) : span.start]):
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


def _region_key(e: GazEntry) -> tuple[str, str] | None:
    """(ISO2, folded first-level region) a place lies in, or is; None for countries and world regions."""
    if e.kind == COUNTRY or not e.country2:
        return None
    admin = e.admin1 or (e.name if e.kind == REGION else None)
    return (e.country2, fold(admin)) if admin else None


def _spelt_otherwise(name: str, gazetteer: Gazetteer, context: DocumentContext) -> Resolved | None:
    """A name the gazetteer lacks, read as the one town of the document's countries spelt like it
    ("Quamishli" in a Syrian story is Al Qamishli); None when no town or several far apart match."""
    bare = _PLACE_NOUN_TAIL.sub("", name)  # "Nassriya city"
    found = [
        t
        for cc, weight in (context.countries + context.resolved).items()
        if weight > 0
        for t in gazetteer.spelling_variants(bare, cc, close=True)
    ]
    in_regions = [t for t in found if context.regions.get(_region_key(t) or ("", ""), 0) > 0]
    found = in_regions or found  # "Basira ... in Deir-ez-Zor": the one in the region the story names
    if not found:
        return None
    best = max(found, key=lambda t: t.population)
    if any(haversine_km(t.lat, t.lon, best.lat, best.lon) > VARIANT_SPREAD_KM for t in found):
        return None  # namesakes in several parts of the country: the spelling alone cannot choose
    return Resolved(
        entry=best,
        score=0.5,
        reason=f"not in the gazetteer as written: read as {best.name!r}, spelt alike, in the document's country",
    )


VARIANT_SPREAD_KM = 25.0


def _is_capital(e: GazEntry, gazetteer: Gazetteer) -> bool:
    capital = gazetteer.capitals.get(e.country2)
    return e.kind == CITY and capital is not None and fold(capital) == fold(e.name) and e.population >= 100_000


def _resolve(
    name: str,
    span: SpanCandidate,
    text: str,
    gazetteer: Gazetteer,
    context: DocumentContext,
    areas: AreaList | None = None,
    member: tuple[AreaList, str] | None = None,
) -> Resolved | None:
    bias = context.countries
    owner = gazetteer.lookup(_PLACE_NOUN_TAIL.sub("", member[1])) if member is not None else ()
    if member is not None and (area := named_area(member[0], gazetteer, bias, owner)):
        # read with the place before the parentheses: "Bafoussam (Mifi, Ouest)" is Cameroon's West, not Haiti's
        return Resolved(entry=area, score=0.8, reason="an area named in parentheses after a place: read as the area")
    candidates = [e for e in gazetteer.lookup(name) if not e.context or any(bias[c] for c in e.context)]
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
        area, area_keys = None, frozenset()
    if area is not None and not any(in_areas(e, area_keys, gazetteer) or near(e, area) for e in candidates):
        return locate_in_areas(name, area, gazetteer, bracketed=areas is None or areas.bracketed)
    if not candidates:
        return (
            _spelt_otherwise(name, gazetteer, context)
            if area is None and _may_be_spelt_otherwise(name, span, gazetteer)
            else None
        )
    before = text[max(0, span.start - 60) : span.start]
    after = text[span.end : span.end + 40]
    key = fold(name)
    total = sum(bias.values()) or 1
    region_total = sum(context.regions.values()) or 1
    context_keys = _context_names(before[-40:] + " " + after)
    region_next = _region_named_next(after)
    region_hint = bool(REGION_SUFFIX.match(after))
    top_population = max(e.population for e in candidates)
    scored: list[tuple[float, GazEntry, list[str]]] = []
    for e in candidates:
        notes: list[str] = []
        score = 2 * math.log10(e.population + 10) / 7
        if e.population and e.population == top_population:
            score += 0.4
        share = bias[e.country2] / total
        if share:
            score += 0.8 * share + 0.4
            notes.append("document country")
        if e.curated:
            score += 1.5
        if e.kind == COUNTRY or (e.kind == REGION and e.curated and not e.country2):
            score += 3.0  # countries, continents and world regions ("Middle East") over towns named so
        elif e.kind == REGION:
            score += 1.2 if region_hint else (0.2 if e.geonameid is None and e.population == 0 else 0.0)
        else:
            score += 0.3
            if _is_capital(e, gazetteer):
                score += 0.5
                notes.append("national capital")
        if fold(e.name) == key:
            score += 0.3
        if area_keys and in_areas(e, area_keys, gazetteer) and not (e.kind == REGION and key_forms(e.name) & area_keys):
            # a region named like the area is the area, not a place inside it: "Valparaiso (Valparaiso)" is the city
            score += 3.0
            notes.append("areas named in parentheses")
        elif e.admin1 and e.kind != REGION and (named := _admin_named(e, context_keys, region_next)):
            score += named
            notes.append("admin context")
        elif (own := _region_key(e)) is not None and (weight := context.regions[own]):
            score += 0.5 + 0.5 * weight / region_total
            notes.append("document region")
        scored.append((score, e, notes))
    scored.sort(key=lambda t: (-t[0], -t[1].population))
    after_place = (
        (m := _AFTER_PLACE_COMMA.search(before)) is not None
        and bool(_known_tail(m.group(1), gazetteer))
        and (before.rfind("(") <= before.rfind(")"))
    )  # inside "(Ad Durayhimi, Al Hudaydah)" the old habit holds
    scored = _prefer_city_over_namesake_region(scored, key, region_hint, gazetteer, after_comma=after_place)
    best_score, best, notes = scored[0]
    strong_cue = bool(TOWN_CUE.search(before) or NEAR_CUE.search(before) or IN_CUE.search(before)) or region_hint
    # Names that spaCy did not call places need support: a cue, the document's country, or a big place.
    if span.label not in PLACE_LABELS and span.label != "PHRASE" and best.kind == CITY:
        supported = strong_cue or "document country" in notes or best.population >= 50_000
        if not _same_name(best.name, key) and "document country" not in notes:
            supported = False  # only an alternate name matched, with nothing else for it
        if span.label in {"PERSON", "ORG"}:
            supported = "document country" in notes or (strong_cue and best.population >= 10_000)
        if not supported:
            return None
    located = bool({"areas named in parentheses", "admin context"} & set(notes))
    if (
        best.kind == CITY
        and any(context.located.values())
        and not bias[best.country2]
        and ((fold(best.name) != key and best.population < MID_TOWN) or best.population < SMALL_TOWN)
        and (not located and not context.resolved[best.country2])
    ):
        # "the village of Korin in Idleb province" is no town of that name in Bohemia: in a story set in
        # other countries, a namesake abroad that is small, or matched only by another of its names, is dropped
        return None
    generic = all(w in COMMON_WORDS for w in key.split())  # "West Coast", "Gulf", "Valley"
    if (span.facility or generic) and best.kind != COUNTRY and best.country2 and "document country" not in notes:
        return None  # "Rogers Centre" far from the document's country: the name is not the town
    reason = None
    if len(scored) > 1:
        why = " and ".join(notes) if notes else "population"
        reason = f"ambiguous ({len(scored)} candidates): picked by {why}"
    confidence = 0.9 if len(scored) == 1 else max(0.4, min(0.9, 0.5 + (best_score - scored[1][0]) / 4))
    if span.label not in PLACE_LABELS:
        confidence *= 0.9
    return Resolved(entry=best, score=round(confidence, 3), reason=reason)


_CITY_WORD = re.compile(r" city$")


def _same_name(name: str, key: str) -> bool:
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


def _context_names(text: str) -> set[str]:
    """Folded capitalised names near a place, each with its leading parts that end on a name word:
    "Jalisco State Police" gives "jalisco" and "jalisco state"; "Rio de Janeiro" gives no "rio",
    which would match the first word of "Rio Grande do Norte"."""
    keys: set[str] = set()
    for m in _CONTEXT_NAME.finditer(text):
        words = m.group().split()
        for i in range(1, min(len(words), 5) + 1):
            if i < len(words) and words[i] in _NAME_JOINERS:
                continue
            if words[i - 1] not in _NAME_JOINERS:
                keys.add(fold(" ".join(words[:i])))
    return keys


def _region_named_next(after: str) -> str | None:
    """The folded name right after a comma that ends a place's mention ("Sao Goncalo, Rio de Janeiro, ..."),
    unless it goes on as a list of places ("Washington, New York and Boston")."""
    m = re.match(r"\s*,\s*(" + _CONTEXT_NAME.pattern + ")", after)
    if m is None or LIST_GOES_ON.match(after[m.end() :]):
        return None
    return fold(m.group(1))


def _admin_named(e: GazEntry, context_keys: set[str], region_next: str | None = None) -> float:
    """How strongly the candidate's region is named next to it: right after a comma and in full
    ("Springfield, Illinois") it outweighs any population (the gazetteer gives some big towns none);
    nearby, or by its first word, less."""
    admin = fold(e.admin1 or "")
    bare = strip_admin_words(admin)  # "La Paz Department" is named as "La Paz"
    if region_next is not None and bare in key_forms(region_next):
        return 3.0
    if admin in context_keys or (bare in context_keys and bare not in GENERIC_FIRST_WORDS):
        return 1.5
    first = admin.split(" ")[0]
    return 1.5 if first in context_keys and first not in GENERIC_FIRST_WORDS else 0.0


def _prefer_city_over_namesake_region(
    scored: list[tuple[float, GazEntry, list[str]]],
    key: str,
    region_hint: bool,
    gazetteer: Gazetteer,
    after_comma: bool = False,
) -> list[tuple[float, GazEntry, list[str]]]:
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
                _is_capital(e, gazetteer)
                or e.population >= 1_000_000
                or (fold(e.name) == key and e.population >= 0.25 * max(1, best.population))
            )
        ):
            notes.append("city named like its region")
            return [scored[i], *scored[:i], *scored[i + 1 :]]
    return scored


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
    before = text[max(0, span.start - 60) : span.start]
    after = text[span.end : span.end + 30]
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
