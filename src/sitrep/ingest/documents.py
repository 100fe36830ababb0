"""Building a Document from text and metadata."""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import replace

from ..errors import BadOption
from ..model import Document


def normalise(text: str) -> str:
    """The form a document's id is computed on: NFC, whitespace runs collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def document_id(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


def parse_published(value: dt.date | str | None, *, source: str = "<text>") -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise BadOption(f"publication date {value!r} is not a date in the form YYYY-MM-DD", source=source) from None


def make_document(
    text: str,
    *,
    published: dt.date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    source: str = "<text>",
    language: str = "en",
) -> Document:
    return Document(
        id=document_id(text),
        text=text,
        title=title,
        url=url,
        publisher=publisher,
        published=parse_published(published, source=source),
        language=language,
        source=source,
    )


def with_published(document: Document, published: dt.date | str | None) -> Document:
    """The same document with its publication date replaced (the CLI's ``--published``)."""
    return replace(document, published=parse_published(published, source=document.source))
