"""How the benchmark scripts hand out their figures: printed as JSON, and written to a file if asked."""

from __future__ import annotations

import json
from pathlib import Path


def emit(figures: dict[str, object], path: str | None) -> None:
    text = json.dumps(figures, indent=2)
    print(text)
    if path:
        Path(path).write_text(text, encoding="utf-8")
