"""Building a Document from text and metadata."""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import replace

from ..errors import BadOption
from ..model import Document
from ..safe_text import clean_optional, clean_text, source_name


def normalise(text: str) -> str:
    """The form a document's id is computed on: NFC, whitespace runs collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def document_id(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


# Publication dates sitrep anchors relative dates on ("three years ago", "next month"): far enough
# either way for any archive, and far from the calendar's ends (years 1 and 9999), where the arithmetic
# of a relative date would leave the calendar.
EARLIEST_PUBLISHED = dt.date(1800, 1, 1)
LATEST_PUBLISHED = dt.date(2199, 12, 31)


def parse_published(value: dt.date | str | None, *, source: str = "<text>") -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            raise BadOption(f"publication date {value!r} is not a date in the form YYYY-MM-DD", source=source) from None
    if not EARLIEST_PUBLISHED <= day <= LATEST_PUBLISHED:
        raise BadOption(
            f"publication date {day.isoformat()} is outside the years {EARLIEST_PUBLISHED.year}-"
            f"{LATEST_PUBLISHED.year} that relative dates are anchored in",
            source=source,
        )
    return day


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
    """Every reader, the library's ``extract`` and the evaluations build documents here, so this is
    where text and metadata are cleaned (sitrep.safe_text), once: no later layer meets a lone
    surrogate or a control character."""
    text = clean_text(text)
    return Document(
        id=document_id(text),
        text=text,
        title=clean_optional(title),
        url=clean_optional(url),
        publisher=clean_optional(publisher),
        published=parse_published(published, source=source),
        language=language,
        source=source_name(source),
    )


def with_published(document: Document, published: dt.date | str | None) -> Document:
    """The same document with its publication date replaced (the CLI's ``--published``)."""
    return replace(document, published=parse_published(published, source=document.source))
