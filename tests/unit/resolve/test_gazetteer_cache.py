"""The gazetteer's cache file: never executed, checked on every load, rebuilt with a warning when it
does not match, and kept in memory with one warning when its folder cannot be written.

A real build takes about 15 s and its cache holds 40 MB, so these tests stand in for the build with a
small index of three places: what is under test is when the loader builds, what it writes and reads
and what it says, not the build (the session's resources load the real index through the same code,
and the row dumps compare every place resolution before and after a change)."""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
import warnings
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from sitrep.annotated import Resources
from sitrep.errors import GazetteerCacheRebuilt, GazetteerCacheUnwritable
from sitrep.resolve import gazetteer, gazetteer_build, gazetteer_cache
from sitrep.resolve.gazetteer import INDEX_VERSION, GazEntry, Gazetteer, _data_files
from sitrep.resolve.gazetteer_build import Built
from sitrep.resolve.place_names import CITY, COUNTRY, skeleton

SMALL: Built = (
    [
        (174875, "Stepanakert", 39.8153, 46.7519, "AZ", "AZE", "Xankandi", None, 53000, CITY, (), False),
        (174982, "Armenia", 40.0, 45.0, "AM", "ARM", None, None, 2968000, COUNTRY, (), False),
        (587116, "Azerbaijan", 40.5, 47.5, "AZ", "AZE", None, None, 9942000, COUNTRY, ("AM",), True),
    ],
    {"stepanakert": (0,), "xankandi": (0,), "armenia": (1,), "arm": (1,), "azerbaijan": (2,), "aze": (2,)},
    {"AM": "Yerevan", "AZ": "Baku"},
    {},
    frozenset({skeleton("stepanakert"), skeleton("xankandi")}),
)


@pytest.fixture(scope="module")
def source() -> str:
    return gazetteer_cache.source_digest(_data_files(), INDEX_VERSION)


@pytest.fixture(scope="module")
def valid_cache(source: str, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a cache file of the small index that matches this installation's data files."""
    path = tmp_path_factory.mktemp("gazetteer") / gazetteer_cache.NAME
    gazetteer_cache.write(path, SMALL, source)
    return path.read_bytes()


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Stands in for the build (returning the small index) and counts its calls; forgets indexes kept
    for unwritable folders by earlier tests."""
    calls: list[int] = []

    def build(_files: object) -> Built:
        calls.append(1)
        return SMALL

    monkeypatch.setattr(gazetteer_build, "build", build)
    monkeypatch.setattr(gazetteer, "_KEPT", {})
    yield calls


def load(folder: Path) -> tuple[Gazetteer, list[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        gaz = Gazetteer.load(cache=folder)
    return gaz, seen


def assert_places_work(gaz: Gazetteer) -> None:
    found = gaz.lookup("Stepanakert")
    assert found and found[0].country2 == "AZ"
    assert gaz.country("ARM") is not None and gaz.country("ARM").name == "Armenia"  # type: ignore[union-attr]


def assert_rebuilt(seen: list[warnings.WarningMessage], path: Path, reason: str) -> None:
    assert [w.category for w in seen] == [GazetteerCacheRebuilt]
    message = str(seen[0].message)
    assert str(path) in message and reason in message, message


def assert_cache_now_valid(folder: Path, builds: list[int]) -> None:
    """The rewritten cache loads without a build and without a warning."""
    before = len(builds)
    gaz, seen = load(folder)
    assert not seen and len(builds) == before
    assert_places_work(gaz)


class _RunsCode:
    """Pickles to a call of open(marker, "w"): unpickling it creates the marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return open, (str(self.marker), "w")


def test_a_crafted_pickle_in_the_cache_folder_never_runs(tmp_path: Path, builds: list[int]) -> None:
    marker = tmp_path / "code-ran"
    crafted = pickle.dumps(_RunsCode(marker))
    folder = tmp_path / "cache"
    folder.mkdir()
    sizes = "-".join(str(p.stat().st_size) for p in _data_files().values())
    (folder / f"gazetteer-{INDEX_VERSION}-{sizes}.pickle").write_bytes(crafted)  # where the pickle cache was
    (folder / gazetteer_cache.NAME).write_bytes(crafted)
    gaz, seen = load(folder)
    assert not marker.exists()
    assert_rebuilt(seen, folder / gazetteer_cache.NAME, "has no header line")
    assert_places_work(gaz)
    assert not marker.exists()


def _tampered(data: bytes) -> bytes:
    middle = len(data) // 2
    digit = data.index(b"1", middle)
    return data[:digit] + b"2" + data[digit + 1 :]


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda data: b"", "is empty"),
        (lambda data: data[: len(data) // 2], "truncated"),
        (lambda data: data.split(b"\n")[0] + b"\n", "truncated"),
        (_tampered, "checksum does not match"),
        (lambda data: b"\0" * 4096, "has no header line"),
    ],
    ids=["emptied", "truncated", "header-only", "tampered", "garbage"],
)
def test_a_damaged_cache_is_rebuilt_with_a_warning(
    tmp_path: Path, valid_cache: bytes, builds: list[int], damage: object, reason: str
) -> None:
    path = tmp_path / gazetteer_cache.NAME
    path.write_bytes(damage(valid_cache))  # type: ignore[operator]
    gaz, seen = load(tmp_path)
    assert_rebuilt(seen, path, reason)
    assert builds == [1]
    assert_places_work(gaz)
    assert_cache_now_valid(tmp_path, builds)


def _with_header(data: bytes, **changes: object) -> bytes:
    first, _, payload = data.partition(b"\n")
    return orjson.dumps({**orjson.loads(first), **changes}) + b"\n" + payload


def test_an_empty_index_with_consistent_checksums_is_rebuilt(tmp_path: Path, source: str, builds: list[int]) -> None:
    """An index without places would silently stop every place from resolving."""
    empty: Built = ([], {}, {}, {}, frozenset())
    payload = gazetteer_cache.encode(empty)
    header = {
        "format": gazetteer_cache.FORMAT,
        "version": gazetteer_cache.VERSION,
        "source_sha256": source,
        "payload_bytes": len(payload),
        "payload_sha256": hashlib.sha256(payload).hexdigest(),
    }
    path = tmp_path / gazetteer_cache.NAME
    path.write_bytes(orjson.dumps(header) + b"\n" + payload)
    gaz, seen = load(tmp_path)
    assert_rebuilt(seen, path, "not an index")
    assert builds == [1]
    assert_places_work(gaz)


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"version": gazetteer_cache.VERSION + 1}, "format version"),
        ({"source_sha256": "0" * 64}, "other data files or another index version"),
    ],
    ids=["other-format-version", "other-sources"],
)
def test_a_cache_of_another_version_or_source_is_rebuilt(
    tmp_path: Path, valid_cache: bytes, builds: list[int], changes: dict[str, object], reason: str
) -> None:
    path = tmp_path / gazetteer_cache.NAME
    path.write_bytes(_with_header(valid_cache, **changes))
    gaz, seen = load(tmp_path)
    assert_rebuilt(seen, path, reason)
    assert builds == [1]
    assert_places_work(gaz)
    assert_cache_now_valid(tmp_path, builds)


def test_an_unwritable_folder_warns_once_and_keeps_the_index_in_memory(tmp_path: Path, builds: list[int]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    folder = blocker / "cache"  # cannot be created, even by root
    first, seen_first = load(folder)
    second, seen_second = load(folder)
    assert [w.category for w in seen_first + seen_second] == [GazetteerCacheUnwritable]
    assert str(folder / gazetteer_cache.NAME) in str(seen_first[0].message)
    assert builds == [1]  # the second load of the process reuses the index built by the first
    assert_places_work(first)
    assert_places_work(second)


def test_a_folder_in_the_cache_files_place_is_reported_not_raised(tmp_path: Path, builds: list[int]) -> None:
    (tmp_path / gazetteer_cache.NAME).mkdir()
    gaz, seen = load(tmp_path)
    assert [w.category for w in seen] == [GazetteerCacheRebuilt, GazetteerCacheUnwritable]
    assert "not a regular file" in str(seen[0].message)
    assert_places_work(gaz)


def test_the_first_build_is_silent_and_later_loads_read_the_cache(tmp_path: Path, builds: list[int]) -> None:
    gaz, seen = load(tmp_path / "new")
    assert not seen and builds == [1]
    assert_places_work(gaz)
    assert_cache_now_valid(tmp_path / "new", builds)


def test_the_source_digest_sees_an_edit_that_keeps_the_size(tmp_path: Path) -> None:
    """The pickle's key held only file sizes: a one-digit edit of the supplement went unseen."""
    data = tmp_path / "places.json"
    data.write_text('{"lat": 31.5}')
    before = gazetteer_cache.source_digest({"supplement": data}, INDEX_VERSION)
    data.write_text('{"lat": 31.6}')
    assert gazetteer_cache.source_digest({"supplement": data}, INDEX_VERSION) != before
    assert gazetteer_cache.source_digest({"supplement": data}, "other") != gazetteer_cache.source_digest(
        {"supplement": data}, INDEX_VERSION
    )


def test_the_cached_columns_are_the_fields_of_an_entry() -> None:
    """All but the last: ``added`` is never set in the bundled index (its rows stop before it)."""
    *cached, added = (f.name for f in dataclasses.fields(GazEntry))
    assert gazetteer_cache.FIELDS == tuple(cached) and added == "added"


def test_the_real_index_comes_back_from_the_cache_unchanged(resources: Resources, tmp_path: Path, source: str) -> None:
    """Every row, name and order as built: floats, None and ints of the same type, keys in the same order."""
    gaz = resources.gazetteer
    built: Built = (gaz._rows, gaz._index, gaz.capitals, gaz._districts, gaz._town_skeletons)
    path = tmp_path / gazetteer_cache.NAME
    gazetteer_cache.write(path, built, source)
    back = gazetteer_cache.read(path, source)
    assert isinstance(back, tuple)
    assert repr(back[0]) == repr(built[0])
    for mine, theirs in zip(back[1:4], built[1:4], strict=True):
        assert list(mine.items()) == list(theirs.items())
    assert back[4] == built[4]


def test_the_name_index_has_one_key_order_whatever_the_hash_seed() -> None:
    """Keys go in sorted within a row, so two builds write the same cache bytes (checked by building
    under PYTHONHASHSEED 1 and 2: identical files; before, they differed from byte 174)."""
    from sitrep.resolve.gazetteer_build import _name_index

    index = _name_index([(0, ["Zeta", "Alpha", "Mid"]), (1, ["Beta", "Alpha"])])
    assert list(index) == ["alpha", "mid", "zeta", "beta"]
    assert index["alpha"] == [0, 1]
