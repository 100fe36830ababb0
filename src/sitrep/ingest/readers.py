"""Read inputs into Documents: plain text, dated text, HTML, JSON Lines, RSS/Atom, CSV, folders and stdin.

Readers never raise for a user's bad input: they *yield* the :class:`~sitrep.errors.InputError`
in place of the document, so one malformed JSON line or one binary file in a folder does not stop
the others from being read. The CLI prints the errors and sets the exit status.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .. import config
from ..errors import (
    BadOption,
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    InputTooLarge,
    MalformedRecord,
    MissingField,
    NotARegularFile,
    UnreadableInput,
)
from ..model import Document
from ..safe_text import source_name
from .feeds import read_feed_bytes
from .shared import (
    CSV_SUFFIXES,
    FEED_SUFFIXES,
    FOLDER_SUFFIXES,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    ReadResult,
    finish_document,
    text_document,
)
from .tables import read_csv_bytes

HTML_START = re.compile(
    rb"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL
)
# Control characters other than tab, newline, carriage return and form feed mark binary data.
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}
# More than this share of control bytes in the first block means the input is not text.
MAX_CONTROL_SHARE = 0.05
SNIFF_BYTES = 8192


# ---------------------------------------------------------------- entry points


def read_path(path: str | Path, *, text_column: str | None = None) -> Iterator[ReadResult]:
    """Documents (or errors) from a file or, recursively, a folder.

    ``text_column`` names the text column of CSV files (see sitrep.ingest.tables).
    """
    if str(path) == "":
        yield UnreadableInput("an empty path names no file (give . for the current folder)", source="''")
        return
    p = Path(path)
    if p.is_dir():
        yield from _read_folder(p, text_column)
        return
    source = source_name(str(p))
    data = _file_bytes(p, source)
    if isinstance(data, InputError):
        yield data
        return
    try:
        yield from _read_format(data, source, p.suffix.lower(), text_column)
    except RecursionError:
        yield MalformedRecord("the input is nested too deeply to be read", source=source)
    except Exception as exc:  # noqa: BLE001 (a reader's bug must cost one input, not the run)
        yield UnreadableInput(f"the reader failed on it: {type(exc).__name__}: {exc}", source=source)


def _read_format(data: bytes, source: str, suffix: str, text_column: str | None) -> Iterator[ReadResult]:
    utf8 = _as_utf8(data, source)
    if isinstance(utf8, InputError):
        yield utf8
        return
    data = utf8
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_bytes(data, source)
    elif suffix in FEED_SUFFIXES:
        yield from read_feed_bytes(data, source)
    elif suffix in CSV_SUFFIXES:
        yield from read_csv_bytes(data, source, text_column=text_column)
    else:
        yield read_bytes(data, source, html=suffix in HTML_SUFFIXES or None)


def _read_folder(folder: Path, text_column: str | None) -> Iterator[ReadResult]:
    """Every file of a folder with a suffix sitrep reads, in name order; a subfolder that cannot be
    listed is reported (E006), not passed over."""
    unreadable: list[OSError] = []
    files: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=unreadable.append):
        dirs.sort()
        files.extend(Path(root, n) for n in names if Path(n).suffix.lower() in FOLDER_SUFFIXES)
    for error in unreadable:
        yield UnreadableInput(
            f"the folder cannot be listed: {error.strerror or error}", source=source_name(str(error.filename))
        )
    files = sorted(f for f in files if not f.is_dir())
    if not files and not unreadable:
        yield EmptyInput(
            "the folder holds no .txt, .html, .jsonl, .xml/.rss/.atom or .csv files", source=source_name(str(folder))
        )
    for f in files:
        yield from read_path(f, text_column=text_column)


def _file_bytes(p: Path, source: str) -> bytes | InputError:
    """The bytes of a regular file, at most the size limit; devices, FIFOs and sockets are refused
    before they are opened (a FIFO with no writer would block, /dev/zero never ends)."""
    try:
        info = p.stat()
        if not stat.S_ISREG(info.st_mode):
            return NotARegularFile(
                f"this is a {_file_kind(info.st_mode)}, not a regular file: sitrep reads files, folders and - "
                "(standard input)",
                source=source,
            )
        if info.st_size > config.MAX_FILE_BYTES:
            return _too_large_file(info.st_size, source)
        with p.open("rb") as fh:
            data = fh.read(config.MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return UnreadableInput("no such file", source=source)
    except PermissionError:
        return UnreadableInput("permission denied", source=source)
    except OSError as exc:
        return UnreadableInput(f"cannot read: {exc.strerror or exc}", source=source)
    if len(data) > config.MAX_FILE_BYTES:  # it grew while being read
        return _too_large_file(len(data), source)
    return data


def special_file(path: str | Path) -> NotARegularFile | None:
    """E011 when ``path`` names a device, FIFO or socket (for commands that open a path themselves,
    such as ``sitrep eval``); None for a regular file, a folder or a path that does not exist."""
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return NotARegularFile(f"this is a {_file_kind(mode)}, not a regular file or folder", source=source_name(str(path)))


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def read_stdin(stream: BinaryIO | None = None) -> Iterator[ReadResult]:
    """Documents from standard input; JSON Lines when the first non-blank line starts with '{'."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read(config.MAX_FILE_BYTES + 1)
    source = "<stdin>"
    if len(data) > config.MAX_FILE_BYTES:
        yield _too_large_file(len(data), source)
        return
    utf8 = _as_utf8(data, source)
    if isinstance(utf8, InputError):
        yield utf8
        return
    try:
        if utf8.lstrip()[:1] == b"{":
            yield from read_jsonl_bytes(utf8, source)
        else:
            yield read_bytes(utf8, source)
    except RecursionError:
        yield MalformedRecord("the input is nested too deeply to be read", source=source)


def read_inputs(paths: list[str], *, text_column: str | None = None) -> Iterator[ReadResult]:
    """Every document of every path, in order; ``-`` is standard input."""
    for path in paths:
        yield from (read_stdin() if path == "-" else read_path(path, text_column=text_column))


# ---------------------------------------------------------------- one document


def read_bytes(data: bytes, source: str, *, html: bool | None = None) -> ReadResult:
    """One document from raw bytes: text, dated text or HTML (``html=None`` sniffs the start)."""
    problem = _check_bytes(data, source)
    if problem is not None:
        return problem
    text = _decode(data, source)
    if isinstance(text, InputError):
        return text
    if not text.strip():
        return EmptyInput("the input is empty or only whitespace", source=source)
    if html is None:
        html = bool(HTML_START.match(data[:SNIFF_BYTES]))
    try:
        return html_document(text, source) if html else text_document(text, source)
    except InputError as err:
        return err


def html_document(html: str, source: str) -> Document:
    """The main text, title and date of an HTML page (trafilatura; nothing is fetched)."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(extracted, "text", None) or "") if extracted is not None else ""
    if not text.strip():
        raise EmptyInput("the HTML page has no main text that could be extracted", source=source)
    published = getattr(extracted, "date", None) or None
    try:
        return finish_document(
            text,
            source,
            published=published,
            title=getattr(extracted, "title", None),
            url=getattr(extracted, "url", None),
            publisher=getattr(extracted, "sitename", None),
        )
    except BadOption:
        # A page date trafilatura could not normalise is dropped rather than failing the page.
        return finish_document(text, source, title=getattr(extracted, "title", None))


# ---------------------------------------------------------------- JSON Lines


def read_jsonl_bytes(data: bytes, source: str) -> Iterator[ReadResult]:
    """One document per line; a bad line yields an error naming the line and the rest go on."""
    if b"\x00" in data:
        yield BinaryInput("the JSON Lines file holds NUL bytes: it is binary, not text", source=source)
        return
    found = False
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        found = True
        where = f"{source}:{number}"
        yield _jsonl_record(raw, where)
    if not found:
        yield EmptyInput("the JSON Lines input holds no records", source=source)


def _jsonl_record(raw: bytes, where: str) -> ReadResult:
    text = _decode(raw, where)
    if isinstance(text, InputError):
        return text
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return MalformedRecord(f"not valid JSON ({exc.msg} at column {exc.colno})", source=where)
    except RecursionError:
        return MalformedRecord("the JSON is nested too deeply to be read", source=where)
    if not isinstance(record, dict):
        return MalformedRecord(f"a record must be a JSON object, not {type(record).__name__}", source=where)
    body = record.get("text")
    if body is None:
        return MissingField('the record has no "text" field', source=where)
    if not isinstance(body, str):
        return MalformedRecord(f'"text" must be a string, not {type(body).__name__}', source=where)
    if not body.strip():
        return EmptyInput('the record\'s "text" is empty', source=where)
    metadata: dict[str, str | None] = {}
    for key in ("published", "title", "url", "publisher"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return MalformedRecord(f'"{key}" must be a string, not {type(value).__name__}', source=where)
        metadata[key] = value or None
    try:
        return finish_document(body, where, **metadata)
    except InputError as err:
        return err


# ---------------------------------------------------------------- checks


def _check_bytes(data: bytes, source: str) -> InputError | None:
    if not data.strip():
        return EmptyInput("the input is empty or only whitespace", source=source)
    head = data[:SNIFF_BYTES]
    nul = head.find(b"\x00")
    if nul >= 0:
        return BinaryInput(f"NUL byte at offset {nul}: this is binary data, not text", source=source)
    control = sum(1 for b in head if b in _CONTROL)
    if control / len(head) > MAX_CONTROL_SHARE:
        return BinaryInput(
            f"{control} control bytes in the first {len(head)}: this is binary data, not text", source=source
        )
    return None


# Byte-order marks of the encodings a text editor may save in besides UTF-8 (the 4-byte ones first).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _as_utf8(data: bytes, source: str) -> bytes | InputError:
    """UTF-16 or UTF-32 with a byte-order mark, as UTF-8; any other input as it is (its checks follow)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding).encode("utf-8")
            except UnicodeDecodeError as exc:
                return EncodingError(
                    f"starts with a {encoding.upper()} byte-order mark but byte {exc.start + len(bom)} cannot be "
                    "decoded (save the file as UTF-8)",
                    source=source,
                )
    return data


def _decode(data: bytes, source: str) -> str | InputError:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        return EncodingError(
            f"not UTF-8: byte 0x{bad} at offset {exc.start} cannot be decoded (save the file as UTF-8)",
            source=source,
        )


def _too_large_file(size: int, source: str) -> InputTooLarge:
    return InputTooLarge(
        f"the input is {size:,} bytes; the limit is {config.MAX_FILE_BYTES:,} bytes (sitrep.config.MAX_FILE_BYTES)",
        source=source,
    )
