"""Places added to the gazetteer from GeoNames dump files (``sitrep gazetteer add``).

The bundled index (cities500) lacks most villages. A user who has a GeoNames dump (``allCountries.txt``
or a country's ``XX.txt``, plain or zipped: 19 tab-separated columns, UTF-8, no header) can add it:
its populated places (feature class P) and its second- and third-level areas (ADM2, ADM3) are kept,
with their admin-1 codes named as the bundled index names them (by the bundled towns of that code;
else by the dump's own ADM1 record), and written beside the bundled index as one checked JSON Lines
file per dump, ``gazetteer-added-<sha256 of the dump>.jsonl``. The dump is streamed, never read whole.

Each stored file starts with a header (what was added, from which file, its size and digest, rows kept
by country, when) that ``info`` reads alone; then one row a line; then the table of admin names. Places
already in the bundled index (same geonameid) are not stored. A file is written through a temporary
file and renamed, so a bad dump leaves what was stored before as it was. Adding a dump whose digest
is stored already does nothing; adding one named like a stored one (``AF.zip`` after ``AF.txt``) with
other bytes replaces it. A place in two stored dumps is added once, from the one added first.

:func:`extend` appends the stored places to a built index when the gazetteer loads: places to its
name index, areas to its district index (found only with an admin context, as the bundled ones).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
import zipfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO

import orjson

from ..errors import EmptyInput, EncodingError, MalformedRecord, NotARegularFile, UnknownFormat, UnreadableInput
from .gazetteer_cache import write_whole
from .place_names import CITY, COUNTRY, REGION, Row, fold, strip_admin_suffix

if TYPE_CHECKING:
    from .gazetteer_build import Built

PREFIX = "gazetteer-added-"
SUFFIX = ".jsonl"
FORMAT = "sitrep-gazetteer-added"
VERSION = 1  # of the stored layout and its keys: raise it when fold() or what is stored changes
COLUMNS = 19  # of a GeoNames dump row
AREA_CODES = frozenset({"ADM2", "ADM3"})  # feature codes (class A) kept as districts
_HEADER_LIMIT = 1 << 20  # bytes; a longer first line is not a header
_PROGRESS_EVERY = 1 << 16  # rows between two progress reports

Progress = Callable[[int, int], None]  # (bytes read, bytes in all)


@dataclass(frozen=True, slots=True)
class AddedFile:
    """One dump file as stored: what ``info`` reports."""

    name: str  # the dump's file name
    size: int  # its bytes
    sha256: str
    rows: int  # places and areas kept (those not in the bundled index)
    countries: dict[str, int]  # rows kept by ISO2 country
    added: str  # when, ISO 8601 UTC
    path: Path  # the stored file

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "size": self.size,
            "sha256": self.sha256,
            "rows": self.rows,
            "countries": self.countries,
            "added": self.added,
            "path": str(self.path),
        }


# ------------------------------------------------------------------ what is stored


def stored(folder: Path) -> list[AddedFile]:
    """The dump files added to the cache folder, oldest first; files whose header cannot be read are left out."""
    found = []
    for path in sorted(folder.glob(f"{PREFIX}*{SUFFIX}")):
        header = _read_header(path)
        if header is not None:
            found.append(header)
    return sorted(found, key=lambda f: (f.added, f.name))


def remove(folder: Path, names: Sequence[str]) -> list[AddedFile]:
    """Remove the stored dumps of these file names (or sha256 prefixes); returns those removed."""
    gone = [f for f in stored(folder) if any(n in (f.name, Path(f.name).stem) or f.sha256.startswith(n) for n in names)]
    for f in gone:
        f.path.unlink(missing_ok=True)
    return gone


def _read_header(path: Path) -> AddedFile | None:
    try:
        with path.open("rb") as fh:
            header = orjson.loads(fh.readline(_HEADER_LIMIT))
        if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("version") != VERSION:
            return None
        return AddedFile(
            name=str(header["name"]),
            size=int(header["size"]),
            sha256=str(header["sha256"]),
            rows=int(header["rows"]),
            countries={str(k): int(v) for k, v in header["countries"].items()},
            added=str(header["added"]),
            path=path,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


# ------------------------------------------------------------------ adding a dump


@dataclass(frozen=True, slots=True)
class Added:
    """The outcome of adding one dump: the file as stored, and whether it was stored already."""

    file: AddedFile
    already: bool
    replaced: tuple[AddedFile, ...] = ()  # stored files of the same name (but its suffix) with other bytes


def add(path: Path, folder: Path, bundled: Sequence[Row], progress: Progress | None = None) -> Added:
    """Index the dump at ``path`` into ``folder``. ``bundled`` are the bundled index's rows (their
    geonameids are not stored again; their admin-1 names name the dump's admin-1 codes).

    Raises UnreadableInput, NotARegularFile, UnknownFormat, EmptyInput, EncodingError or
    MalformedRecord (naming the line) and then leaves the folder as it was."""
    size = _check_file(path)
    digest = _file_sha256(path)
    before = stored(folder)
    for f in before:
        if f.sha256 == digest:
            return Added(f, already=True)
    kept = _Kept({r[0]: r[6] for r in bundled if r[0] is not None and r[9] == CITY})
    folder.mkdir(parents=True, exist_ok=True)
    fd, rows_tmp = tempfile.mkstemp(dir=folder, prefix=".gazetteer-added-", suffix=".rows")
    try:
        with os.fdopen(fd, "wb") as out:
            try:
                for source, lines, total in _members(path):
                    kept.read(source, lines, out, total, progress)
            except (zipfile.BadZipFile, EOFError, zlib.error) as exc:  # a member's bytes damaged
                raise UnreadableInput(f"is a damaged zip archive ({exc})", source=str(path)) from None
        if not kept.seen:
            raise EmptyInput("holds no rows", source=str(path))
        target = folder / f"{PREFIX}{digest[:16]}{SUFFIX}"
        header = {
            "format": FORMAT,
            "version": VERSION,
            "name": path.name,
            "size": size,
            "sha256": digest,
            "rows": kept.count,
            "countries": dict(sorted(kept.countries.items())),
            "added": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        _write(Path(rows_tmp), kept.names_line(), header, target)
    finally:
        Path(rows_tmp).unlink(missing_ok=True)
    replaced = tuple(f for f in before if Path(f.name).stem == path.stem and f.path != target)
    for f in replaced:
        f.path.unlink(missing_ok=True)
    found = _read_header(target)
    assert found is not None  # just written
    return Added(found, already=False, replaced=replaced)


def _check_file(path: Path) -> int:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UnreadableInput("no such file", source=str(path)) from None
    except OSError as exc:
        raise UnreadableInput(f"cannot be read ({exc.strerror or exc})", source=str(path)) from None
    if path.is_dir():
        raise UnreadableInput("is a folder, not a GeoNames dump file", source=str(path))
    if not path.is_file():
        raise NotARegularFile("is a device, FIFO or socket, not a GeoNames dump file", source=str(path))
    return info.st_size


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    buffer = bytearray(1 << 20)
    view = memoryview(buffer)
    try:
        with path.open("rb", buffering=0) as fh:
            while size := fh.readinto(buffer):
                digest.update(view[:size])
    except OSError as exc:
        raise UnreadableInput(f"cannot be read ({exc.strerror or exc})", source=str(path)) from None
    return digest.hexdigest()


def _members(path: Path) -> Iterator[tuple[str, IO[bytes], int]]:
    """(name for messages, binary line stream, its size) of each dump in the file: the file itself,
    or each ``.txt`` of a zip but its readme."""
    if not zipfile.is_zipfile(path):
        if path.suffix.lower() == ".zip":
            raise UnreadableInput("is not a zip archive (damaged or misnamed)", source=str(path))
        with path.open("rb") as fh:
            yield str(path), fh, path.stat().st_size
        return
    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                m
                for m in archive.infolist()
                if m.filename.lower().endswith(".txt") and not Path(m.filename).name.lower().startswith("readme")
            ]
            if not members:
                raise UnknownFormat("is a zip archive without a GeoNames .txt file", source=str(path))
            for m in members:
                with archive.open(m) as fh:
                    yield f"{path}:{m.filename}", fh, m.file_size
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise UnreadableInput(f"is a damaged zip archive ({exc})", source=str(path)) from None


class _Kept:
    """The rows kept from a dump so far, and the admin names gathered for them."""

    def __init__(self, bundled_admin1: dict[int, str | None]) -> None:
        self.bundled_admin1 = bundled_admin1  # geonameid -> admin-1 name, of the bundled towns
        self.seen = 0  # rows read
        self.count = 0  # rows kept
        self.countries: Counter[str] = Counter()
        self.votes: dict[str, Counter[str]] = defaultdict(Counter)  # "CC|code" -> bundled admin-1 names
        self.adm1: dict[str, str] = {}  # "CC|code" -> the dump's ADM1 name
        self.adm2: dict[str, str] = {}  # "CC|code|code" -> the dump's ADM2 name
        self.used1: set[str] = set()
        self.used2: set[str] = set()

    def read(self, source: str, lines: IO[bytes], out: IO[bytes], total: int, progress: Progress | None) -> None:
        done = 0
        for number, raw in enumerate(lines, start=1):
            done += len(raw)
            self.seen += 1
            if progress is not None and number % _PROGRESS_EVERY == 0:
                progress(done, total)
            self._row(_columns(raw, source, number), source, number, out)
        if progress is not None:
            progress(total, total)

    def _row(self, cols: list[str] | None, source: str, number: int, out: IO[bytes]) -> None:
        if cols is None:
            return
        feature, code, cc, a1 = cols[6], cols[7], cols[8], cols[10]
        key1 = f"{cc}|{a1}"
        if feature == "A" and code == "ADM1":  # area names in ASCII, as the text names them ("Saraj", not "Sarāj")
            self.adm1[key1] = cols[2] or cols[1]
            return
        if feature == "A" and code == "ADM2":
            self.adm2[f"{key1}|{cols[11]}"] = cols[2] or cols[1]
        if feature != "P" and not (feature == "A" and code in AREA_CODES):
            return
        gid, lat, lon, population = _numbers(cols, source, number)
        if gid in self.bundled_admin1:  # in the bundled index already: its admin-1 name names the code
            if name := self.bundled_admin1[gid]:
                self.votes[key1][name] += 1
            return
        keys = _keys(cols[1], cols[2], cols[3])
        if not keys:
            return
        kind = CITY if feature == "P" else REGION
        a2 = f"{key1}|{cols[11]}" if cols[11] else ""
        self.used1.add(key1)
        if a2:
            self.used2.add(a2)
        out.write(orjson.dumps([gid, cols[1], lat, lon, cc, key1, a2, population, kind, code, keys]) + b"\n")
        self.count += 1
        self.countries[cc] += 1

    def names_line(self) -> bytes:
        """The last payload line: the admin-1 and admin-2 names of the codes the rows use."""
        admin1 = {}
        for key in sorted(self.used1):
            votes = self.votes.get(key)
            name = votes.most_common(1)[0][0] if votes else self.adm1.get(key)
            if name:
                admin1[key] = name
        admin2 = {key: self.adm2[key] for key in sorted(self.used2) if key in self.adm2}
        return orjson.dumps({"admin1": admin1, "admin2": admin2}) + b"\n"


def _columns(raw: bytes, source: str, number: int) -> list[str] | None:
    """The 19 columns of a line, or None for a blank line."""
    try:
        line = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        raise EncodingError(f"line {number}: not UTF-8 (byte {exc.start + 1})", source=source) from None
    if not line.strip():
        return None
    cols = line.split("\t")
    if len(cols) != COLUMNS:
        raise MalformedRecord(
            f"line {number}: {len(cols)} tab-separated columns where a GeoNames dump has {COLUMNS}", source=source
        )
    return cols


def _numbers(cols: list[str], source: str, number: int) -> tuple[int, float, float, int]:
    """geonameid, latitude, longitude and population of a row."""
    try:
        gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
        population = int(cols[14] or 0)
    except ValueError:
        raise MalformedRecord(
            f"line {number}: geonameid, latitude, longitude or population is not a number", source=source
        ) from None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise MalformedRecord(f"line {number}: coordinates {lat}, {lon} are off the globe", source=source)
    return gid, lat, lon, max(population, 0)


def _keys(name: str, ascii_name: str, alternates: str) -> list[str]:
    """Folded Latin-script names of a row, as the bundled index keys its towns (short codes left out)."""
    forms = [name, ascii_name, *(a for a in alternates.split(",") if a and not (a.isupper() and len(a) <= 4))]
    keys: list[str] = []
    for form in dict.fromkeys(forms):
        key = fold(form)
        if len(key) >= 2 and key.isascii() and any(c.isalpha() for c in key) and key not in keys:
            keys.append(key)
    return keys


def _write(rows: Path, names_line: bytes, header: dict[str, Any], target: Path) -> None:
    """Write header, rows and names to ``target`` through a temporary file in its folder."""
    digest = hashlib.sha256()
    size = 0
    with rows.open("rb") as fh:
        for line in fh:
            digest.update(line)
            size += len(line)
    digest.update(names_line)
    header = {**header, "payload_bytes": size + len(names_line), "payload_sha256": digest.hexdigest()}

    def body(out: BinaryIO) -> None:
        with rows.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                out.write(chunk)
        out.write(names_line)

    write_whole(target, header, body, prefix=".gazetteer-added-")


# ------------------------------------------------------------------ loading


class Damaged(ValueError):
    """A stored file that fails its checks (the loader leaves it out with a warning)."""


def read_rows(path: Path) -> Iterator[list[Any] | dict[str, Any]]:
    """The rows of a stored file, then its table of admin names, once its payload matches its
    header (checked in a first pass, so that the file is never in memory whole); raises Damaged."""
    try:
        with path.open("rb") as fh:
            header = orjson.loads(fh.readline(_HEADER_LIMIT))
            if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("version") != VERSION:
                raise Damaged("is not a file of added places this sitrep reads")
            start = fh.tell()
            digest = hashlib.sha256()
            size = 0
            for line in fh:
                digest.update(line)
                size += len(line)
            if size != header.get("payload_bytes") or digest.hexdigest() != header.get("payload_sha256"):
                raise Damaged("does not match its header's size and checksum (damaged or edited)")
            fh.seek(start)
            for line in fh:
                yield orjson.loads(line)
    except OSError as exc:
        raise Damaged(f"cannot be read ({exc.strerror or exc})") from None
    except orjson.JSONDecodeError:
        raise Damaged("has a line that is not JSON") from None


def extend(built: Built, files: Sequence[Path], warn: Callable[[Path, str], None]) -> Built:
    """The built index with the places of the stored files appended (a place already in it, by
    geonameid, is not added twice); a damaged file is left out and reported through ``warn``."""
    rows, index, capitals, districts, skeletons = built
    rows = list(rows)
    known = {r[0] for r in rows if r[0] is not None}
    iso3 = {r[4]: r[5] for r in rows if r[9] == COUNTRY}
    names: dict[str, list[int]] = defaultdict(list)
    areas: dict[str, list[int]] = defaultdict(list)
    for path in files:
        try:
            _append(path, rows, known, iso3, names, areas)
        except (Damaged, ValueError, TypeError, KeyError, AttributeError) as exc:
            warn(path, str(exc))
    if len(rows) == len(built[0]):
        return built
    return rows, _merged(index, names), capitals, _merged(districts, areas), skeletons


def _append(
    path: Path,
    rows: list[Row],
    known: set[int],
    iso3: dict[str, str | None],
    names: dict[str, list[int]],
    areas: dict[str, list[int]],
) -> None:
    """Append the places of one stored file to ``rows`` and their keys to ``names`` (towns) or ``areas``;
    a damaged file leaves ``rows`` and the keys as they were."""
    found: list[list[Any]] = []
    table: dict[str, Any] | None = None
    for item in read_rows(path):
        if table is not None:
            raise Damaged("has lines after its table of admin names")
        if isinstance(item, dict):
            table = item
        else:
            found.append(item)
    if table is None:
        raise Damaged("has no table of admin names")
    admin1, admin2 = table["admin1"], table["admin2"]
    first = len(rows)
    new_names: list[tuple[str, int]] = []
    new_areas: list[tuple[str, int]] = []
    try:
        for gid, name, lat, lon, cc, key1, key2, population, kind, _code, keys in found:
            if gid in known:
                continue
            area = kind == REGION
            i = len(rows)
            rows.append(
                (
                    gid,
                    name,
                    float(lat),
                    float(lon),
                    cc,
                    iso3.get(cc),
                    admin1.get(key1),
                    name if area else admin2.get(key2),
                    int(population),
                    REGION if area else CITY,
                    (),
                    False,
                    True,
                )
            )
            known.add(gid)
            if area:
                new_areas += [(k, i) for k in sorted({*keys, *(strip_admin_suffix(k) for k in keys)} - {""})]
            else:
                new_names += [(k, i) for k in keys]
    except (ValueError, TypeError, KeyError):
        known.difference_update(r[0] for r in rows[first:])
        del rows[first:]
        raise Damaged("has a row that is not a place") from None
    for key, i in new_names:
        names[key].append(i)
    for key, i in new_areas:
        areas[key].append(i)


def _merged(index: dict[str, tuple[int, ...]], more: dict[str, list[int]]) -> dict[str, tuple[int, ...]]:
    if not more:
        return index
    merged = dict(index)
    for key, found in more.items():
        merged[key] = merged.get(key, ()) + tuple(found)
    return merged
