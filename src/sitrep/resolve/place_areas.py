"""Areas named with a place ("Muaja (Ancuabe, Cabo Delgado)", "Mojolo, Sinaloa") and how a name is
read against them: the area's readings in the gazetteer, a spelling variant inside it, its seat town,
or the area itself when the name is missing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..distance import haversine_km
from .gazetteer import GazEntry, Gazetteer
from .place_names import CITY, COUNTRY, REGION, fold, skeleton

REGION_SUFFIX = re.compile(
    r"^\s*(?:region|province|oblast|governorate|state|prefecture|department|county|raion)\b", re.IGNORECASE
)


# "Payyoli town (Kozhikode, Kerala)", "Muaja (Ancuabe, Cabo Delgado)": a name, an optional place
# noun, then its district, province and country in parentheses (the ACLED and wire-service habit).
PLACE_NOUN = (
    r"(?:town|village|city|area|locality|neighbou?rhood|suburb|district cent(?:er|re)|district|camp|IDP camp|"
    r"settlement|market|quarter)"
)
_AREA_LIST = re.compile(r"^(?:\s+" + PLACE_NOUN + r")?\s*\(\s*([A-Z][^()\n]{1,100}?)\s*\)")


# Without parentheses ("Dashishah in al-Hasakeh", "Mojolo, Sinaloa"): only used for names the gazetteer lacks.
_NAME = r"(?:al-|el-|ad-|as-|ar-)?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}"
_TRAILING_AREAS = re.compile(r"^(?:\s+" + PLACE_NOUN + r")?(?:,\s*|\s+in\s+)(" + _NAME + r"(?:\s*,\s*" + _NAME + r")?)")


@dataclass(frozen=True, slots=True)
class AreaList:
    """The areas named in parentheses after a place name, most specific first, with their offsets."""

    names: tuple[str, ...]
    starts: tuple[int, ...]
    bracketed: bool = True  # in parentheses; loose lists only help the name before them


def area_list(text: str, end: int, *, loose: bool = False) -> AreaList | None:
    """The parenthesised list of areas right after ``text[:end]``, if there is one.

    With ``loose``, also areas after a comma or "in" without parentheses.
    """
    m = _AREA_LIST.match(text[end : end + 200])
    bracketed = m is not None
    if m is None and loose:
        m = _TRAILING_AREAS.match(text[end : end + 200])
    if m is None:
        return None
    names: list[str] = []
    starts: list[int] = []
    pos = end + m.start(1)
    for part in m.group(1).split(","):
        lead = len(part) - len(part.lstrip())
        name = part.strip()
        if name[:1].isupper() and len(name.split()) <= 5:
            names.append(name)
            starts.append(pos + lead)
        pos += len(part) + 1
    return AreaList(tuple(names), tuple(starts), bracketed) if names else None


@dataclass(frozen=True, slots=True)
class Resolved:
    entry: GazEntry
    score: float
    reason: str | None


def key_forms(name: str) -> set[str]:
    key = fold(name)
    bare = strip_admin_words(key)
    forms = {key, bare}
    english = in_english(bare)
    if english != bare:
        forms.add(english)  # "Nord-Ouest" and "North-West", "Sud-Kivu" and "South Kivu" meet
    first = bare.split(" ")[0]
    if len(first) >= 4 and first not in GENERIC_FIRST_WORDS:
        forms.add(first)
    return forms


def in_english(key: str) -> str:
    """A folded area name with its compass words in English: "nord kivu" -> "north kivu", "ouest" -> "west"."""
    return " ".join(COMPASS.get(w, w) for w in key.split())


# Compass words in French, Spanish and Portuguese area names, as the English the gazetteer may hold.
COMPASS = {
    "nord": "north",
    "norte": "north",
    "sud": "south",
    "sul": "south",
    "est": "east",
    "este": "east",
    "leste": "east",
    "ouest": "west",
    "oeste": "west",
    "extreme": "far",
    "center": "centre",
    "centro": "centre",
}

GENERIC_FIRST_WORDS = frozenset(
    "north south east west northern southern eastern western central upper lower greater new old "
    "san santa santo saint sao west".split()
)


def strip_admin_words(key: str) -> str:
    words = [w for w in key.split() if w not in ADMIN_WORDS]
    return " ".join(words) if words else key


ADMIN_WORDS = frozenset(
    "district municipality county province region governorate department prefecture division "
    "subdistrict sub tehsil tahsil taluk taluka lga local government area city commune town "
    "municipio municipal raion rayon oblast state circle sector zone of".split()
)


# State codes written after Indian and Pakistani towns ("Hyderabad city (Hyderabad, TS)"), read only
# inside a list of areas, where an all-capitals pair of letters cannot be a word.
STATE_CODES = {
    "AP": "Andhra Pradesh",
    "AR": "Arunachal Pradesh",
    "AS": "Assam",
    "BR": "Bihar",
    "CG": "Chhattisgarh",
    "CT": "Chhattisgarh",
    "DL": "Delhi",
    "GA": "Goa",
    "GJ": "Gujarat",
    "HP": "Himachal Pradesh",
    "HR": "Haryana",
    "JH": "Jharkhand",
    "KA": "Karnataka",
    "KL": "Kerala",
    "MH": "Maharashtra",
    "ML": "Meghalaya",
    "MN": "Manipur",
    "MP": "Madhya Pradesh",
    "MZ": "Mizoram",
    "NL": "Nagaland",
    "OD": "Odisha",
    "PB": "Punjab",
    "PY": "Puducherry",
    "RJ": "Rajasthan",
    "SK": "Sikkim",
    "TG": "Telangana",
    "TN": "Tamil Nadu",
    "TR": "Tripura",
    "TS": "Telangana",
    "UK": "Uttarakhand",
    "UP": "Uttar Pradesh",
    "WB": "West Bengal",
    "KP": "Khyber Pakhtunkhwa",
    "KPK": "Khyber Pakhtunkhwa",
}


def spelled_out(name: str) -> str:
    """An area written as a state code ("TS") in full ("Telangana"); any other name as written."""
    return STATE_CODES.get(name, name)


def keys_of_areas(gazetteer: Gazetteer, names: tuple[str, ...]) -> frozenset[str]:
    keys: set[str] = set()
    for n in map(spelled_out, names):
        keys |= key_forms(n)
        country = next((e for e in gazetteer.lookup(n) if e.kind == COUNTRY), None)
        if country is not None:
            keys.add("cc:" + country.country2)
    return frozenset(keys)


def in_areas(e: GazEntry, keys: frozenset[str], gazetteer: Gazetteer) -> bool:
    """The entry lies in one of the named areas (its district, province or country)."""
    if e.kind == COUNTRY:
        return False
    for admin in (e.admin2, e.admin1):
        if admin and key_forms(admin) & keys:
            return True
    return False


def named_area(
    areas: AreaList, gazetteer: Gazetteer, bias: Counter[str], towns: tuple[GazEntry, ...] = ()
) -> GazEntry | None:
    """The most specific area of the list that the gazetteer knows, checked against the areas after it
    and, among its readings, one holding a reading of the name before the list (``towns``): "Santa Fe
    (Santa Fe)" is the Argentine city in its province, not a county of New Mexico.

    An area is found by its name among regions and districts, else as a spelling variant of one in
    a country named later ("Al-Hasakeh" for "Al-Hasakah"), else through a town of that name in the
    later areas (a district named after its seat: "Ancuabe (district), Cabo Delgado").
    """
    for i, written in enumerate(areas.names):
        n = spelled_out(written)
        if (
            n != written
            and len(areas.names) == 1
            and not any(t.country2 == e.country2 for t in towns for e in gazetteer.lookup(n))
        ):
            continue  # a code alone in parentheses is a state only after a town of its country, not "WASHINGTON (AP)"
        if any(e.kind == COUNTRY for e in gazetteer.lookup(n)):
            continue  # a country is checked through the names before it, never the area itself
        rest = areas.names[i + 1 :]
        later = keys_of_areas(gazetteer, rest)
        checkable = any(gazetteer.has(spelled_out(r)) or gazetteer.districts(r) for r in rest)  # not "Bihar, IN"
        countries = {k[3:] for k in later if k.startswith("cc:")}

        def inside(e: GazEntry) -> bool:  # used within this iteration only
            return e.country2 in countries or in_areas(e, later, gazetteer)  # noqa: B023

        readings = {n, in_english(fold(n))}  # "Ouest" is West Region of Cameroon as well as Haiti's Ouest
        found = list(gazetteer.districts(n)) + [
            e for r in readings for e in gazetteer.lookup(r) if e.kind == REGION and e.country2
        ]
        if not found and countries:
            key = skeleton(strip_admin_words(fold(n)))
            found = [
                e for c in countries for e in gazetteer.areas_in(c) if skeleton(strip_admin_words(fold(e.name))) == key
            ]
        if found:
            best = max(
                found,
                key=lambda e: (
                    int(inside(e)),
                    int(holds_any(e, towns, gazetteer)),
                    bias[e.country2],
                    int(e.admin2 is not None),
                    e.population,
                ),
            )
            if not checkable or inside(best) or bias[best.country2]:
                return best
        seats = [e for e in gazetteer.lookup(n) if e.kind == CITY and later and inside(e) and fold(e.name) == fold(n)]
        if seats:
            seat = max(seats, key=lambda e: e.population)
            return replace(seat, kind=REGION, admin2=None, geonameid=None)
    return None


def holds_any(area: GazEntry, towns: tuple[GazEntry, ...], gazetteer: Gazetteer) -> bool:
    """Whether one of the towns lies in the area, by its district or province name."""
    keys = frozenset(key_forms(area.name))
    return any(t.country2 == area.country2 and in_areas(t, keys, gazetteer) for t in towns)


def near(e: GazEntry, area: GazEntry, km: float = 50.0) -> bool:
    """Same country and within ``km`` of the area's point (towns whose admin names the data lacks)."""
    return e.country2 == area.country2 and haversine_km(e.lat, e.lon, area.lat, area.lon) <= km


LIST_GOES_ON = re.compile(r"^(?:,\s*|\s+(?:and|or)\s+)[A-Z]")


def loose_region(areas: AreaList, text: str, gazetteer: Gazetteer, bias: Counter[str]) -> GazEntry | None:
    """The province or country a comma list names last, when it lies in a country of the document or
    is called a province ("a mining town, Zulia state")."""
    end = areas.starts[-1] + len(areas.names[-1])
    called_region = bool(REGION_SUFFIX.match(text[end : end + 20]))
    found = [
        e
        for e in gazetteer.lookup(areas.names[-1])
        if (e.kind == COUNTRY or (e.kind == REGION and e.admin2 is None)) and (bias[e.country2] or called_region)
    ]
    return max(found, key=lambda e: e.population) if found else None


def enumeration(text: str, areas: AreaList) -> bool:
    """Whether more names follow the areas, as in a list of places rather than a place and its region."""
    end = areas.starts[-1] + len(areas.names[-1])
    return bool(LIST_GOES_ON.match(text[end : end + 40]))


def locate_in_areas(name: str, area: GazEntry, gazetteer: Gazetteer, *, bracketed: bool = True) -> Resolved:
    """A name with no reading inside the areas named after it: a spelling variant there, else the area."""
    where = "in parentheses" if bracketed else "after it"
    members = {t.geonameid for t in gazetteer.towns_in(area)}
    # any of a town's names may be the one spelt differently ("Basira" is Al Busayrah, also "Busaira")
    variants = [t for t in gazetteer.spelling_variants(name, area.country2) if t.geonameid in members]
    if variants:
        best = max(variants, key=lambda t: t.population)
        return Resolved(entry=best, score=0.6, reason=f"spelling variant {best.name!r} in the area named {where}")
    seat = seat_of(area, gazetteer)
    if seat is not None:
        # a district named after its seat: the seat is a real place in it, where an average of its towns may be none
        return Resolved(
            entry=replace(area, lat=seat.lat, lon=seat.lon),
            score=0.5,
            reason=f"no reading of the name inside the areas named {where}: placed at {seat.name}, "
            "the town the area is named after",
        )
    return Resolved(
        entry=area, score=0.5, reason=f"no reading of the name inside the areas named {where}: placed at the area"
    )


def seat_of(area: GazEntry, gazetteer: Gazetteer, km: float = 150.0) -> GazEntry | None:
    """The town an area is named after ("Matiacoali" for the district of Matiacoali), in its country and
    near its point; the biggest if several."""
    keys = {fold(area.name), strip_admin_words(fold(area.name))}
    seats = [
        t
        for k in keys
        for t in gazetteer.lookup(k)
        if t.kind == CITY
        and t.country2 == area.country2
        and fold(t.name) in keys
        and haversine_km(t.lat, t.lon, area.lat, area.lon) <= km
    ]
    return max(seats, key=lambda t: t.population) if seats else None
