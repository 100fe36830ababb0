"""The gazetteer's cache file: plain data only, checked before it is trusted.

The cache is written by sitrep but lives in a user folder that anything may write, so it is never
unpickled or executed. It is JSON Lines: a header, then the payload (the built index by columns, then
the name index in slices). The header holds the format version, a sha256 of the build's sources (the
data files and ``INDEX_VERSION``), and the payload's length and sha256. A file that fails any check,
or decodes to something that is not an index, is reported by :func:`read` as :class:`Unusable` with
the reason, and the caller builds again.

Loading must stay about as fast as the pickle it replaces (docs/benchmarks.md): rows are rebuilt
from columns with ``zip``, repeated strings (codes, kinds, admin names) are stored once and shared,
and each line is decoded as it is read, so the whole payload is never in memory at once.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import orjson

from ..gc_pause import gc_paused

if TYPE_CHECKING:
    from .gazetteer_build import Built

NAME = "gazetteer-index.jsonl"
FORMAT = "sitrep-gazetteer-index"
VERSION = 1  # of the file layout: raise it when encode() changes (INDEX_VERSION is for the build)
# The fields of a row (GazEntry's, in order, but its last, ``added``, which only rows added from a
# GeoNames dump have: see gazetteer_added); those listed in _SHARED are stored as a table of
# distinct values plus one number per row.
FIELDS = (
    "geonameid",
    "name",
    "lat",
    "lon",
    "country2",
    "country3",
    "admin1",
    "admin2",
    "population",
    "kind",
    "context",
    "curated",
)
_SHARED = frozenset({"country2", "country3", "admin1", "admin2", "kind"})
_HEADER_LIMIT = 4096  # bytes; a longer first line is not a header


@dataclass(frozen=True, slots=True)
class Unusable:
    """Why a cache file cannot be used (for the warning that says it was rebuilt)."""

    reason: str


def source_digest(files: dict[str, Path], index_version: str) -> str:
    """sha256 over the index version and the name, size and bytes of every data file the build reads."""
    digest = hashlib.sha256(f"{index_version}\n".encode())
    buffer = bytearray(1 << 20)
    view = memoryview(buffer)
    for name in sorted(files):
        with files[name].open("rb", buffering=0) as fh:
            digest.update(f"{name}\n{os.fstat(fh.fileno()).st_size}\n".encode())
            while size := fh.readinto(buffer):
                digest.update(view[:size])
    return digest.hexdigest()


def read(path: Path, source: str) -> Built | Unusable | None:
    """The index cached at ``path``; None when there is no file; Unusable when it must be rebuilt."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return Unusable("is not a regular file")
        with path.open("rb") as fh:
            first = fh.readline(_HEADER_LIMIT)
            header = _header(first, info.st_size, source)
            if isinstance(header, Unusable):
                return header
            with gc_paused():  # millions of new objects and no cycles: the collector would only walk them
                return _payload(fh, header)
    except (FileNotFoundError, NotADirectoryError):
        return None  # no cache yet (or no folder for one): a first build, not a damaged cache
    except OSError as exc:
        return Unusable(f"cannot be read ({exc.strerror or exc})")


def _payload(lines: BinaryIO, header: dict[str, Any]) -> Built | Unusable:
    """The index from the payload lines, each decoded as it is read (so that the whole payload and
    the whole parsed tree are never in memory at once), once their length and checksum match."""
    digest = hashlib.sha256()
    size = 0
    sections: dict[str, Any] = {}
    problem = None
    for line in lines:
        digest.update(line)
        size += len(line)
        if problem is None:
            try:
                name, value = orjson.loads(line)
                if name in _KEYED:  # a name index comes in slices, each added while its strings are hot
                    sections.setdefault(name, {}).update(zip(value["keys"], map(tuple, value["rows"]), strict=True))
                elif name in sections:
                    raise ValueError(f"{name} given twice")
                else:
                    sections[name] = _DECODE.get(name, _as_is)(value)
            except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
                problem = f"{type(exc).__name__}: {exc}"
                sections.clear()
    if size != header["payload_bytes"]:
        return Unusable("changed while it was read")
    if digest.hexdigest() != header["payload_sha256"]:
        return Unusable("has a payload whose checksum does not match its header (damaged or edited)")
    try:
        if problem is not None:
            raise ValueError(problem)
        return _assemble(sections)
    except (ValueError, TypeError, KeyError) as exc:
        return Unusable(f"has a payload that is not an index ({exc})")


def _header(first: bytes, file_size: int, source: str) -> dict[str, Any] | Unusable:
    """The header, once it says the file is this format and version, built from these sources, and
    as long as the payload it describes."""
    if not first:
        return Unusable("is empty")
    if not first.endswith(b"\n"):
        return Unusable("has no header line")
    try:
        header = orjson.loads(first)
    except orjson.JSONDecodeError:
        return Unusable("has a header that is not JSON")
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        return Unusable("is not a sitrep gazetteer index")
    if header.get("version") != VERSION:
        return Unusable(f"has format version {header.get('version')!r}, this sitrep reads version {VERSION}")
    if header.get("source_sha256") != source:
        return Unusable("was built from other data files or another index version")
    size = header.get("payload_bytes")
    if not isinstance(size, int) or size < 0 or not isinstance(header.get("payload_sha256"), str):
        return Unusable("has a header without the payload's size and checksum")
    if file_size != len(first) + size:
        return Unusable(f"holds {file_size - len(first)} payload bytes where its header says {size} (truncated?)")
    return header


def _as_is(value: Any) -> Any:
    return value


def _shared(column: dict[str, list[Any]]) -> list[Any]:
    return list(map(column["values"].__getitem__, column["codes"]))


def _tuples(column: list[list[str]]) -> list[tuple[str, ...]]:
    return list(map(tuple, column))


# How each payload line's value becomes its part of the index (others are taken as they are).
_DECODE: dict[str, Callable[[Any], Any]] = {
    **dict.fromkeys(_SHARED, _shared),
    "context": _tuples,
    "town_skeletons": frozenset,
}
# Name -> rows mappings, written in slices of _SLICE names: a dict built from a whole list of
# 630,000 new strings spends much of its time fetching each one back from memory to hash it.
_KEYED = frozenset({"index", "districts"})
_SLICE = 4096


def _assemble(sections: dict[str, Any]) -> Built:
    """The built index from its decoded sections; raises ValueError when they do not make one."""
    count = sections["rows"]
    if not isinstance(count, int) or count <= 0:
        raise ValueError("no rows")
    columns = [sections[name] for name in FIELDS]
    if any(not isinstance(column, list) or len(column) != count for column in columns):
        raise ValueError(f"a column does not have {count} rows")
    index, districts = sections.get("index", {}), sections.get("districts", {})
    capitals, town_skeletons = sections["capitals"], sections["town_skeletons"]
    if not index or not isinstance(capitals, dict) or not isinstance(town_skeletons, frozenset):
        raise ValueError("no names, or capitals that are not a mapping")
    return list(zip(*columns, strict=True)), index, capitals, districts, town_skeletons


def encode(built: Built) -> bytes:
    """The payload: one JSON line ``[section, value]`` per column of the rows, then the name index and
    the second-level areas in slices, the capitals and the town skeletons. Columns named in
    ``_SHARED`` are stored as their distinct values plus one number a row."""
    rows, index, capitals, districts, town_skeletons = built
    sections: list[tuple[str, Any]] = [("rows", len(rows))]
    columns = list(zip(*rows, strict=True)) or [()] * len(FIELDS)
    for name, column in zip(FIELDS, columns, strict=True):
        if name in _SHARED:
            values = sorted(set(column), key=lambda v: (v is not None, v or ""))
            code = {v: i for i, v in enumerate(values)}
            sections.append((name, {"values": values, "codes": [code[v] for v in column]}))
        else:
            sections.append((name, list(column)))
    for name, keyed in (("index", index), ("districts", districts)):
        keys, found = list(keyed), list(keyed.values())
        sections += [
            (name, {"keys": keys[i : i + _SLICE], "rows": found[i : i + _SLICE]}) for i in range(0, len(keys), _SLICE)
        ]
    sections += [("capitals", capitals), ("town_skeletons", sorted(town_skeletons))]
    return b"".join(orjson.dumps(section) + b"\n" for section in sections)


def write(path: Path, built: Built, source: str) -> None:
    """Write the cache through a temporary file in the same folder, so a reader sees the old file or
    the whole new one. Raises OSError when the folder cannot be written."""
    payload = encode(built)
    header = {
        "format": FORMAT,
        "version": VERSION,
        "source_sha256": source,
        "payload_bytes": len(payload),
        "payload_sha256": hashlib.sha256(payload).hexdigest(),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    write_whole(path, header, lambda out: out.write(payload), prefix=".gazetteer-")


def write_whole(path: Path, header: dict[str, Any], body: Callable[[BinaryIO], object], *, prefix: str) -> None:
    """Write a header line, then what ``body`` writes, through a synced temporary file in ``path``'s
    folder renamed over ``path``: a reader sees the old file or the whole new one, never a part."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(orjson.dumps(header) + b"\n")
            body(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
