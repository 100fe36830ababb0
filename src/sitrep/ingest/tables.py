"""CSV files with a text column: one document per row.

The text column is named by the caller (``--text-column``); without a name, the first of
``text``, ``body``, ``content``, ``article`` found in the header is used. Columns named
``published`` (or ``date``), ``title``, ``url`` and ``publisher`` (or ``source``) become metadata.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from .. import config
from ..errors import (
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    InputTooLarge,
    MalformedRecord,
    MissingField,
)
from .shared import CSV_SUFFIXES, ReadResult, text_document

__all__ = ["CSV_SUFFIXES", "DEFAULT_TEXT_COLUMNS", "read_csv_bytes"]

DEFAULT_TEXT_COLUMNS = ("text", "body", "content", "article")
# Metadata field -> header names that give it, first found wins (compared case-insensitively).
METADATA_COLUMNS = {
    "published": ("published", "date", "publication_date"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "publisher": ("publisher", "source", "outlet"),
}


def read_csv_bytes(data: bytes, source: str, *, text_column: str | None = None) -> Iterator[ReadResult]:
    """One document (or error) per data row; rows are named ``source:LINE`` (the header is line 1)."""
    if b"\x00" in data[:8192]:
        yield BinaryInput("the CSV file holds NUL bytes: it is binary, not text", source=source)
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield EncodingError(
            f"not UTF-8: byte at offset {exc.start} cannot be decoded (save the file as UTF-8)", source=source
        )
        return
    if not text.strip():
        yield EmptyInput("the CSV file is empty", source=source)
        return
    dialect = "excel-tab" if source.lower().endswith(".tsv") else "excel"
    # The csv module's field limit (128 KiB) is below sitrep's document limit.
    csv.field_size_limit(max(csv.field_size_limit(), config.MAX_DOCUMENT_CHARS + 1))
    # Strict: a quote that is never closed, or closed in the middle of a cell, is an error naming the
    # lines it spans, where the lenient reader would silently run the following rows into one cell.
    reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect, strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        yield MalformedRecord(f"the CSV header cannot be read: {exc}", source=source)
        return
    names = [h.strip().lower() for h in header]
    column = _text_column(names, text_column, source)
    if isinstance(column, InputError):
        yield column
        return
    meta = {key: _find(names, options) for key, options in METADATA_COLUMNS.items()}
    found = False
    while True:
        first = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            found = True
            yield _bad_row(exc, source, first, reader.line_num)
            if reader.line_num < first:  # the reader cannot move on
                break
            continue
        if not any(cell.strip() for cell in row):
            continue
        found = True
        yield _row_document(row, column, meta, f"{source}:{first}")
    if not found:
        yield EmptyInput("the CSV file has a header but no rows", source=source)


def _bad_row(exc: csv.Error, source: str, first: int, last: int) -> InputError:
    where = f"{source}:{first}" if last <= first else f"{source}:{first}-{last}"
    if "field larger than field limit" in str(exc):
        return InputTooLarge(
            f"a cell is longer than the document limit of {config.MAX_DOCUMENT_CHARS:,} characters "
            "(sitrep.config.MAX_DOCUMENT_CHARS)",
            source=where,
        )
    return MalformedRecord(
        f"the CSV row cannot be read ({exc}): a quote is not closed, or a cell's own quotes are not doubled; "
        "the lines it spans are left out",
        source=where,
    )


def _find(names: list[str], options: tuple[str, ...]) -> int | None:
    for option in options:
        if option in names:
            return names.index(option)
    return None


def _text_column(names: list[str], wanted: str | None, source: str) -> int | InputError:
    if wanted is not None:
        if wanted.strip().lower() in names:
            return names.index(wanted.strip().lower())
        return MissingField(f"no column {wanted!r} in the header ({', '.join(names)})", source=source)
    index = _find(names, DEFAULT_TEXT_COLUMNS)
    if index is None:
        return MissingField(
            f"no text column in the header ({', '.join(names)}); name it with --text-column", source=source
        )
    return index


def _row_document(row: list[str], column: int, meta: dict[str, int | None], where: str) -> ReadResult:
    if column >= len(row) or not row[column].strip():
        return EmptyInput("the row's text cell is empty", source=where)
    metadata = {key: (row[i].strip() or None) if i is not None and i < len(row) else None for key, i in meta.items()}
    try:
        return text_document(row[column], where, **metadata)
    except InputError as err:
        return err
