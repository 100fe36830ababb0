"""What the readers of every format share: the result type, the file suffixes, a Document from text.

It sits below sitrep.ingest.readers, which routes a file by its suffix, and the format readers it
routes to (sitrep.ingest.feeds, sitrep.ingest.tables), so none of them imports another.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import config
from ..errors import EmptyInput, InputError, InputTooLarge
from ..model import Document
from .documents import make_document
from .language import guess_language

ReadResult = Document | InputError

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
# Files a folder is searched for; anything else in a folder is passed over.
FOLDER_SUFFIXES = HTML_SUFFIXES | JSONL_SUFFIXES | TEXT_SUFFIXES | FEED_SUFFIXES | CSV_SUFFIXES

DATED_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})(?=\s|\Z)\s*", re.IGNORECASE)


def text_document(text: str, source: str, *, published: str | None = None, **metadata: str | None) -> Document:
    """A document from plain text; a leading ``date YYYY-MM-DD`` header gives the publication date."""
    match = DATED_HEADER.match(text)
    if match:
        header_date = match.group(1)
        text = text[match.end() :]
        published = published or header_date
        if not text.strip():
            raise EmptyInput("the dated text has a date header but no text after it", source=source)
    return finish_document(text, source, published=published, **metadata)


def finish_document(text: str, source: str, *, published: str | None = None, **metadata: str | None) -> Document:
    """The Document of an input's text, once its size is checked and its language guessed."""
    if len(text) > config.MAX_DOCUMENT_CHARS:
        raise InputTooLarge(
            f"the document has {len(text):,} characters; the limit is {config.MAX_DOCUMENT_CHARS:,} "
            "(sitrep.config.MAX_DOCUMENT_CHARS); split it into smaller documents",
            source=source,
        )
    document = make_document(  # cleans the text and metadata, once
        text,
        published=published,
        source=source,
        title=metadata.get("title"),
        url=metadata.get("url"),
        publisher=metadata.get("publisher"),
    )
    if not document.text.strip():
        raise EmptyInput("the input holds only control characters and whitespace", source=source)
    return replace(document, language=guess_language(document.text).code)
