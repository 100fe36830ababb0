"""RSS and Atom files: one document per entry (feedparser parses; nothing is fetched).

An entry's text is its full content when the feed carries it, else its summary; markup is
reduced to plain text with paragraph breaks. The entry's title, link and date, and the feed's
title as publisher, become the document's metadata.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from ..errors import EmptyInput, InputError, MalformedRecord, UnknownFormat
from .shared import FEED_SUFFIXES, ReadResult, text_document

__all__ = ["FEED_SUFFIXES", "markup_to_text", "read_feed_bytes"]

# Tags after which a paragraph ends in the plain text.
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}
)
_SKIP_TAGS = frozenset({"script", "style"})
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BREAKS = re.compile(r"\s*\n\s*")


class _TextOfMarkup(HTMLParser):
    """Collects the text of an HTML fragment, ending a paragraph at block tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def markup_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: paragraphs on their own lines, runs of spaces collapsed."""
    if "<" not in fragment:
        text = html.unescape(fragment)
    else:
        parser = _TextOfMarkup()
        parser.feed(fragment)
        parser.close()
        text = "".join(parser.parts)
    lines = (_SPACES.sub(" ", line).strip() for line in _BREAKS.split(text))
    return "\n".join(line for line in lines if line)


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    bodies = [c.get("value", "") for c in contents if c.get("value")]
    body = max(bodies, key=len) if bodies else entry.get("summary", "") or entry.get("description", "")
    return markup_to_text(body)


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def read_feed_bytes(data: bytes, source: str) -> Iterator[ReadResult]:
    """One document (or error) per feed entry; entries are named ``source#N`` (N from 1)."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") and not parsed.get("version"):
            problem = parsed.get("bozo_exception")
            yield UnknownFormat(f"not an RSS or Atom feed ({problem})", source=source)
        else:
            yield EmptyInput("the feed has no entries", source=source)
        return
    publisher = (parsed.get("feed") or {}).get("title") or None
    for number, entry in enumerate(entries, start=1):
        yield _entry_document(entry, f"{source}#{number}", publisher)


def _entry_document(entry: Any, where: str, publisher: str | None) -> ReadResult:
    text = _entry_text(entry)
    title = markup_to_text(entry.get("title", "")) or None
    if not text.strip():
        return EmptyInput("the feed entry has no text (no content and no summary)", source=where)
    if title and not text.startswith(title):
        # The headline often carries the who/what; put it first as its own paragraph.
        text = f"{title}\n\n{text}"
    try:
        return text_document(
            text,
            where,
            published=_iso(_entry_date(entry)),
            title=title,
            url=entry.get("link") or None,
            publisher=publisher,
        )
    except InputError as err:
        return err
    except (TypeError, ValueError) as exc:
        return MalformedRecord(f"the feed entry cannot be read: {exc}", source=where)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None
