"""The store: one SQLite file (WAL) of documents, events and rejects. See docs/store.md."""

from .reader import BBox, EventFilter, Reject, Store, StoredEvent, open_store
from .rows import DocumentRows, EventRow, document_rows, event_row
from .schema import DEFAULT_DB, SCHEMA_VERSION, connect
from .writer import StoreWriter

__all__ = [
    "BBox", "DEFAULT_DB", "DocumentRows", "EventFilter", "EventRow", "Reject", "SCHEMA_VERSION", "Store",
    "StoreWriter", "StoredEvent", "connect", "document_rows", "event_row", "open_store",
]
