"""Posting an article: extracted by the library's pipeline and stored like ``sitrep ingest`` stores it.

Every write runs on one thread of its own (SQLite allows one writer, and its connection stays on the
thread that opened it), so the store is opened for writing once, at the first post, not for every
article (opening checks the whole file). The pipeline is loaded then too: a read-only server never
loads spaCy.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, Field

from ..ingest.documents import make_document
from ..pipeline import Pipeline, load_pipeline
from ..store import StoreWriter, document_rows


class ArticleIn(BaseModel):
    """An article to extract: its text and what is known of where it came from."""

    text: Annotated[str, Field(min_length=1, description="the article's text, headline first")]
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: Annotated[str | None, Field(description="publication date, YYYY-MM-DD")] = None


class ArticleWriter:
    """Extracts and stores posted articles, one at a time, on its own thread."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sitrep-writer")
        self._pipeline: Pipeline | None = None
        self._writer: StoreWriter | None = None

    async def store(self, article: ArticleIn) -> dict[str, Any]:
        """The ids of the article's document and events; coded errors as the command line's."""
        return await asyncio.get_running_loop().run_in_executor(self._thread, self._store, article)

    def _store(self, article: ArticleIn) -> dict[str, Any]:
        doc = make_document(
            article.text,
            published=article.published,
            title=article.title,
            url=article.url,
            publisher=article.publisher,
            source=article.url or "POST /api/documents",
        )
        if self._pipeline is None:
            self._pipeline = load_pipeline()
        extraction = next(iter(self._pipeline.pipe([doc], batch_size=1)))
        if self._writer is None:
            self._writer = StoreWriter(self.db)
        stored = self._writer.write(document_rows(extraction))
        return {"document_id": doc.id, "stored": stored is not None, "events": [e.id for e in extraction.events]}

    def close(self) -> None:
        def shut() -> None:
            if self._writer is not None:
                self._writer.close()
                self._writer = None

        self._thread.submit(shut).result()
        self._thread.shutdown()
