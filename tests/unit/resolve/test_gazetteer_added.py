"""Places added from GeoNames dump files (``sitrep gazetteer add``): stored beside the bundled index,
found by the place stage, listed by ``info``; a bad dump is refused with a coded error and leaves what
was stored as it was.

The dump is a few rows written here in GeoNames' format: a bundled town (Sangin, which must not be
stored again but names Helmand's admin-1 code), Helmand's ADM1 record, a district (ADM2), two
villages that cities500 lacks, a namesake in Pakistan of a bundled town, and a spring (class H, left
out). Each test gets its own cache folder holding a link to the session's bundled index, so no test
builds the index."""

from __future__ import annotations

import os
import shutil
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest

from sitrep.annotated import Resources
from sitrep.errors import (
    EmptyInput,
    EncodingError,
    GazetteerAddedUnusable,
    MalformedRecord,
    NotARegularFile,
    UnknownFormat,
    UnreadableInput,
)
from sitrep.model import Document
from sitrep.pipeline import Pipeline
from sitrep.resolve import gazetteer_added, gazetteer_cache
from sitrep.resolve.gazetteer import Gazetteer, add_dumps, describe
from sitrep.resolve.gazetteer_added import Added
from sitrep.resolve.places import find_places

ROWS = [
    # geonameid, name, asciiname, alternatenames, lat, lon, class, code, country, cc2, admin1-4, population,
    # elevation, dem, timezone, modified
    "1127547\tSangīn\tSangin\tSangin,Sangīn\t32.07275\t64.8359\tP\tPPLA2\tAF\t\t10\t\t\t\t13579\t\t852\tAsia/Kabul\t2017-02-18",
    "1138255\tHelmand\tHelmand\tHelmand Province\t31.0\t64.0\tA\tADM1\tAF\t\t10\t\t\t\t0\t\t800\tAsia/Kabul\t2020-01-01",
    "9900001\tNahr-e Sarāj District\tNahr-e Saraj District\tNahri Saraj\t31.9\t64.5\tA\tADM2\tAF\t\t10\t2101\t\t\t0"
    "\t\t850\tAsia/Kabul\t2020-01-01",
    "9900002\tZarghūnak Kalay\tZarghunak Kalay\tZarghunak,Zarghoonak Kalay\t31.8372\t64.4921\tP\tPPL\tAF\t\t10\t2101"
    "\t\t\t0\t\t845\tAsia/Kabul\t2019-06-01",
    "9900003\tShīn Ghar Kalay\tShin Ghar Kalay\t\t31.9012\t64.5503\tP\tPPL\tAF\t\t10\t2101\t\t\t0\t\t860\tAsia/Kabul"
    "\t2019-06-01",
    "9900004\tMusa Qala\tMusa Qala\t\t33.1\t70.2\tP\tPPL\tPK\t\t03\t\t\t\t300\t\t900\tAsia/Karachi\t2019-06-01",
    "9900005\tTor Ghar Spring\tTor Ghar Spring\t\t31.95\t64.6\tH\tSPNG\tAF\t\t10\t\t\t\t0\t\t870\tAsia/Kabul\t2019-06-01",
]
VILLAGE = (31.8372, 64.4921)  # Zarghunak Kalay
SENTENCE = "Gunmen attacked the village of Zarghunak Kalay in Nahr-e Saraj district on Monday, killing two farmers."


def write_dump(folder: Path, rows: list[str] = ROWS, name: str = "AF.txt") -> Path:
    path = folder / name
    path.write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def write_zip(folder: Path, name: str = "AF.zip") -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("AF.txt", "".join(r + "\n" for r in ROWS))
        archive.writestr("readme.txt", "not a dump\tat all\n")
    return path


@pytest.fixture
def cache(gazetteer_folder: Path) -> Path:
    return gazetteer_folder


@pytest.fixture
def dumps(tmp_path: Path) -> Path:
    folder = tmp_path / "dumps"
    folder.mkdir()
    return folder


def add(paths: list[Path], **kwargs: Any) -> list[Added]:
    """Add the dumps; raise the first error met."""
    done = list(add_dumps(paths, **kwargs))
    for outcome in done:
        if isinstance(outcome, Exception):
            raise outcome
    return [d for d in done if isinstance(d, Added)]


def places(resources: Resources, gaz: Gazetteer, text: str) -> dict[str, tuple[float, float, int | None]]:
    return {p.evidence.text: (p.lat, p.lon, p.geonameid) for p, _ in find_places(resources.nlp(text), gaz, stage="t")}


def stored_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name != gazetteer_cache.NAME}


def test_an_added_village_is_found_by_the_place_stage(resources: Resources, cache: Path, dumps: Path) -> None:
    assert "Zarghunak Kalay" not in places(resources, Gazetteer.load(), SENTENCE)  # not in cities500
    (done,) = add([write_dump(dumps)])
    assert not done.already and done.file.rows == 4  # the villages, the namesake, the district; not Sangin
    assert done.file.countries == {"AF": 3, "PK": 1}
    gaz = Gazetteer.load()
    lat, lon, geonameid = places(resources, gaz, SENTENCE)["Zarghunak Kalay"]
    assert (lat, lon, geonameid) == (*VILLAGE, 9900002)
    (village,) = gaz.lookup("Zarghunak")
    assert village.admin1 == "Helmand"  # the bundled index's name of the code, learnt from Sangin
    assert village.admin2 == "Nahr-e Saraj District" and village.added
    assert not gaz.lookup("Tor Ghar Spring")  # not a populated place
    assert [e.geonameid for e in gaz.lookup("Sangin")].count(1127547) == 1  # bundled, not added again
    assert [e.geonameid for e in gaz.districts("Nahri Saraj")] == [9900001]


def test_a_village_named_with_its_areas_in_parentheses(resources: Resources, cache: Path, dumps: Path) -> None:
    add([write_dump(dumps)])
    found = places(resources, Gazetteer.load(), "Clashes near Shin Ghar Kalay (Nahr-e Saraj, Helmand) left four dead.")
    assert found["Shin Ghar Kalay"] == (31.9012, 64.5503, 9900003)


def test_a_bundled_town_keeps_its_name_against_an_added_namesake(
    resources: Resources, cache: Path, dumps: Path
) -> None:
    text = "Taliban fighters attacked a checkpoint in Musa Qala on Monday, killing three soldiers."
    before = places(resources, Gazetteer.load(), text)["Musa Qala"]
    add([write_dump(dumps)])
    gaz = Gazetteer.load()
    assert {e.country2 for e in gaz.lookup("Musa Qala")} == {"AF", "PK"}  # the namesake is more populous
    assert places(resources, gaz, text)["Musa Qala"] == before  # the bundled town in Helmand
    found = places(resources, gaz, "Police said gunmen attacked Musa Qala in Pakistan's Khyber district.")
    assert found["Musa Qala"][2] == 9900004  # the document's country is evidence for the namesake


def test_the_zip_gives_the_same_places_and_its_readme_is_ignored(
    resources: Resources, cache: Path, dumps: Path
) -> None:
    (done,) = add([write_zip(dumps)])
    assert done.file.name == "AF.zip" and done.file.rows == 4
    assert places(resources, Gazetteer.load(), SENTENCE)["Zarghunak Kalay"][:2] == VILLAGE


def test_adding_twice_stores_once(cache: Path, dumps: Path) -> None:
    path = write_dump(dumps)
    add([path])
    size = len(Gazetteer.load())
    before = stored_files(cache)
    again, same = add([path, write_dump(dumps, name="copy.txt")])
    assert again.already and same.already and stored_files(cache) == before
    assert len(Gazetteer.load()) == size
    (zipped,) = add([write_zip(dumps)])  # AF.zip replaces AF.txt
    assert not zipped.already and [f.name for f in zipped.replaced] == ["AF.txt"]
    assert [f.name for f in gazetteer_added.stored(cache)] == ["AF.zip"] and len(Gazetteer.load()) == size


def test_info_lists_the_bundled_index_and_each_added_file(cache: Path, dumps: Path) -> None:
    add([write_dump(dumps)])
    described = describe()
    assert described["bundled"]["places"] == len(Gazetteer.load(added=False)) > 100_000
    assert described["bundled"]["path"] == str(cache / gazetteer_cache.NAME)
    (added,) = described["added"]
    assert added["name"] == "AF.txt" and added["rows"] == 4 and added["countries"] == {"AF": 3, "PK": 1}
    assert added["size"] == (dumps / "AF.txt").stat().st_size and len(added["sha256"]) == 64 and added["added"]


def test_nothing_added_leaves_the_bundled_index_as_it_is(cache: Path) -> None:
    bundled = Gazetteer.load(added=False)
    gaz = Gazetteer.load()
    assert len(gaz) == len(bundled) and gaz._index is not None
    assert gaz.lookup("Musa Qala") == bundled.lookup("Musa Qala")
    assert not any(gaz.entry(i).added for i in range(0, len(gaz), 997))
    assert describe()["added"] == []


def test_remove_takes_the_places_out(cache: Path, dumps: Path) -> None:
    add([write_dump(dumps)])
    assert [f.name for f in gazetteer_added.remove(cache, ["AF"])] == ["AF.txt"]
    assert not Gazetteer.load().lookup("Zarghunak") and not stored_files(cache)


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (None, UnreadableInput, "no such file"),
        (b"PK\x03\x04 not really a zip", UnreadableInput, "not a zip archive"),
        ((ROWS[3] + "\n" + ROWS[4].replace("\t860", "") + "\n").encode(), MalformedRecord, "line 2: 18"),
        ((ROWS[3] + "\n" + ROWS[4] + "\n").encode("utf-8").replace(b"Sh", b"\xff"), EncodingError, "line 2"),
        (ROWS[3].replace("31.8372", "north").encode(), MalformedRecord, "line 1"),
        (b"", EmptyInput, "no rows"),
    ],
    ids=["missing", "not-a-zip", "columns", "not-utf8", "not-a-number", "empty"],
)
def test_a_bad_file_is_refused_and_what_was_stored_stays(
    cache: Path, dumps: Path, content: bytes | None, error: type[Exception], words: str
) -> None:
    add([write_dump(dumps)])
    before = stored_files(cache)
    name = "bad.zip" if error is UnreadableInput and content else "bad.txt"
    bad = dumps / name
    if content is not None:
        bad.write_bytes(content)
    with pytest.raises(error) as raised:
        add([bad])
    assert str(bad) in str(raised.value) and words in str(raised.value) and str(raised.value).startswith("[E0")
    assert stored_files(cache) == before  # no temporary file left, nothing replaced
    assert Gazetteer.load().lookup("Zarghunak")


def test_a_zip_with_damaged_bytes_is_refused(cache: Path, dumps: Path) -> None:
    path = dumps / "AF.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("AF.txt", "".join(r + "\n" for r in ROWS) * 50)
    data = bytearray(path.read_bytes())
    middle = len(data) // 3
    data[middle : middle + 40] = bytes(40)
    path.write_bytes(bytes(data))
    with pytest.raises(UnreadableInput, match=r"\[E006\].*damaged zip"):
        add([path])
    assert not stored_files(cache)


def test_a_fifo_is_refused_unopened(cache: Path, dumps: Path) -> None:
    fifo = dumps / "XX.txt"
    os.mkfifo(fifo)  # opening it would wait for a writer for ever
    with pytest.raises(NotARegularFile, match=r"\[E011\]"):
        add([fifo])


def test_a_zip_without_a_dump_is_refused(cache: Path, dumps: Path) -> None:
    path = dumps / "XX.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "GeoNames\n")
    with pytest.raises(UnknownFormat, match=r"\[E007\].*without a GeoNames \.txt"):
        add([path])
    assert not stored_files(cache)


def test_a_damaged_stored_file_is_left_out_with_a_warning(cache: Path, dumps: Path) -> None:
    (done,) = add([write_dump(dumps)])
    data = done.file.path.read_bytes()
    done.file.path.write_bytes(data.replace(b"zarghunak", b"zarghunik"))
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        gaz = Gazetteer.load()
    assert [w.category for w in seen] == [GazetteerAddedUnusable]
    assert "checksum" in str(seen[0].message) and not gaz.lookup("Zarghunik") and gaz.lookup("Sangin")


def test_progress_is_reported_while_a_dump_is_read(cache: Path, dumps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gazetteer_added, "_PROGRESS_EVERY", 2)
    seen: list[tuple[str, int, int]] = []
    path = write_dump(dumps)
    add([path], progress=lambda name, done, total: seen.append((name, done, total)))
    size = path.stat().st_size
    assert len(seen) >= 3 and seen[-1] == ("AF.txt", size, size)
    assert all(done <= total for _, done, total in seen)


def test_the_dump_is_streamed(cache: Path, dumps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows go to disk as they are read: a dump far longer than the rows a test would hold adds fine
    (a stand-in for allCountries.txt, whose 1.5 GB must never be read at once)."""
    many = [
        ROWS[3].replace("9900002", str(90_000_000 + i)).replace("Zarghūnak", f"Zarghūnak {i}") for i in range(20_000)
    ]
    (done,) = add([write_dump(dumps, many, "big.txt")])
    assert done.file.rows == 20_000
    assert Gazetteer.load().lookup("Zarghunak 19999 Kalay")


def test_a_bad_file_does_not_stop_the_next(cache: Path, dumps: Path) -> None:
    bad = dumps / "bad.txt"
    bad.write_bytes(b"\xff\n")
    refused, done = add_dumps([bad, write_dump(dumps)])
    assert isinstance(refused, EncodingError) and isinstance(done, Added) and done.file.rows == 4


def test_copying_the_cache_folder_keeps_the_added_places(cache: Path, dumps: Path, tmp_path: Path) -> None:
    add([write_dump(dumps)])
    other = tmp_path / "other"
    shutil.copytree(cache, other, symlinks=True)
    assert Gazetteer.load(other).lookup("Zarghunak")


def test_the_pipeline_places_the_event_in_the_added_village(resources: Resources, cache: Path, dumps: Path) -> None:
    """One event, at the village: the district named after it locates the village (its admin-2 name
    is the dump's ASCII one, as the text writes it), it is no second event place."""
    add([write_dump(dumps)])
    mine = Resources(resources.model)
    mine.__dict__["nlp"] = resources.nlp  # the session's model; the gazetteer is loaded from the cache folder
    text = f"date 2021-03-01 {SENTENCE[:-1]}, police said."
    (event,) = Pipeline(resources=mine)(Document(id="v", text=text)).events
    assert event.place is not None and (event.place.lat, event.place.lon) == VILLAGE
    assert (event.place.admin1, event.place.admin2) == ("Helmand", "Nahr-e Saraj District")
