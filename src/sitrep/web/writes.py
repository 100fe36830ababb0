"""Posting an article: extracted by the library's pipeline and stored like ``sitrep ingest`` stores it.

Writes happen one at a time (one lock per process; SQLite allows one writer), and the pipeline is
loaded at the first post, not when the server starts, so a read-only server never loads spaCy.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, Field

from ..ingest.documents import make_document
from ..pipeline import Pipeline, load_pipeline
from ..store import StoreWriter, document_rows

_lock = threading.Lock()
_pipelines: dict[str, Pipeline] = {}


class ArticleIn(BaseModel):
    """An article to extract: its text and what is known of where it came from."""

    text: Annotated[str, Field(min_length=1, description="the article's text, headline first")]
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: Annotated[str | None, Field(description="publication date, YYYY-MM-DD")] = None


def store_article(db: Path, article: ArticleIn) -> dict[str, Any]:
    """Extract ``article`` and store it; the ids of its document and events (coded errors as the CLI's)."""
    doc = make_document(
        article.text,
        published=article.published,
        title=article.title,
        url=article.url,
        publisher=article.publisher,
        source=article.url or "POST /api/documents",
    )
    with _lock:
        pipeline = _pipelines.get("default")
        if pipeline is None:
            pipeline = _pipelines["default"] = load_pipeline()
        extraction = next(iter(pipeline.pipe([doc], batch_size=1)))
        with StoreWriter(db) as writer:
            stored = writer.write(document_rows(extraction))
    return {
        "document_id": doc.id,
        "stored": stored is not None,
        "events": [e.id for e in extraction.events],
    }
