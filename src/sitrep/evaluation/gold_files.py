"""Opening a labelled TSV file, and the coded errors its reading raises, shared by the evaluations
that read one (CASE 2021, quiet news)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from ..errors import EncodingError, MalformedRecord, UnreadableInput


def open_gold(path: Path) -> TextIO:
    """``path`` opened for the csv module (a UTF-8 byte-order mark skipped), or UnreadableInput."""
    try:
        return path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise UnreadableInput(f"cannot open: {exc.strerror or exc}", source=str(path)) from None


@contextmanager
def coded_tsv_errors(path: Path, line: Callable[[], int]) -> Iterator[None]:
    """Undecodable bytes and broken TSV met while reading, as coded errors naming the line
    (``line()`` gives the reader's current line)."""
    try:
        yield
    except UnicodeDecodeError as exc:
        raise EncodingError(f"not UTF-8 near line {line() + 1}: {exc.reason}", source=str(path)) from None
    except csv.Error as exc:
        raise MalformedRecord(f"the TSV cannot be read: {exc}", source=f"{path}:{line()}") from None
