"""The store: one SQLite file (WAL) of documents, events, rejects and merged incidents. See docs/store.md."""

from .decode import event_from_dict
from .incidents import (
    ConcurrentMerge,
    IncidentWrite,
    Membership,
    StoredFigure,
    StoredIncident,
    StoredRevision,
    incident_to_dict,
    memberships,
    write_incidents,
)
from .reader import BBox, EventFilter, Reject, Store, StoredEvent, open_store
from .rows import DocumentRows, EventRow, document_rows, event_row
from .schema import DEFAULT_DB, SCHEMA_VERSION, connect
from .writer import StoreWriter

__all__ = [
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "BBox",
    "ConcurrentMerge",
    "DocumentRows",
    "EventFilter",
    "EventRow",
    "IncidentWrite",
    "Membership",
    "Reject",
    "Store",
    "StoreWriter",
    "StoredEvent",
    "StoredFigure",
    "StoredIncident",
    "StoredRevision",
    "connect",
    "document_rows",
    "event_from_dict",
    "event_row",
    "incident_to_dict",
    "memberships",
    "open_store",
    "write_incidents",
]
