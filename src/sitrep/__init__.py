"""sitrep: source-attributed conflict event data from news articles and statements."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from . import registrations  # noqa: F401  (the built-in stages and exporters, whatever the way in)
from .model import Document, Event, Extraction
from .pipeline import Pipeline, load_pipeline

__version__ = "0.1.0"
__all__ = ["Document", "Event", "Extraction", "Pipeline", "__version__", "extract", "load_pipeline"]


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return load_pipeline()


def extract(text: str, published: dt.date | str | None = None, **metadata: str) -> Extraction:
    """Extract events from one text. ``published`` anchors relative dates ("yesterday")."""
    from .ingest.documents import make_document

    document = make_document(text, published=published, **metadata)
    return _default_pipeline()(document)
