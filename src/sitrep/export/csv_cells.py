"""Spreadsheet-safe CSV cells.

A spreadsheet runs a cell that starts with "=", "+", "-" or "@" as a formula, and a tab or carriage
return before one of them does not stop it (OWASP, "CSV Injection"). Text read from articles ends up
in CSV cells (notes, sources, actor and publisher names), so every text cell that starts with one of
those characters is written with a leading apostrophe, which spreadsheets show as text and do not
evaluate. Plain numbers ("-25.9622") are left as they are. ``raw=True`` writes cells untouched, for
pipelines that need the text exactly and never open it in a spreadsheet (``--raw-cells``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Mapping
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise(value: Any) -> Any:
    """``value`` as a cell a spreadsheet will not evaluate (see the module's docstring)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


class CsvRows:
    """A CSV writer of dict rows with a header, neutralising formula cells unless ``raw``."""

    def __init__(self, out: TextIO, columns: Collection[str], *, raw: bool = False) -> None:
        self._writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
        self._raw = raw

    def header(self) -> None:
        self._writer.writeheader()

    def row(self, values: Mapping[str, Any]) -> None:
        self._writer.writerow(values if self._raw else {k: neutralise(v) for k, v in values.items()})
