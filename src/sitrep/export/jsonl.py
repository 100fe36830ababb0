"""JSON Lines: one PLOVER-shaped record per event per line (the default format)."""

from __future__ import annotations

import json
from typing import TextIO

from ..model import Extraction
from ..registry import exporter
from ..serialize import extraction_to_dicts


@exporter("jsonl")
class JsonlExporter:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.written = 0

    def write(self, extraction: Extraction) -> None:
        for record in extraction_to_dicts(extraction):
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.written += 1
        self.out.flush()

    def close(self) -> None:
        self.out.flush()
