"""One merge run over a store: every stored event into incidents, ids kept from the last run.

Reads every event record from the store (streamed, decoded into typed Events; documents are
rebuilt text-less from each record's ``cite_info``, which is all the merge needs of them),
merges them (:func:`sitrep.merge.merge_events`), carries ids over from the stored incidents
(:func:`sitrep.merge.reconcile`) and writes incidents and revisions in one transaction. Reading
does not lock the store, so an ingest may keep writing; events it adds meanwhile are merged by
the next run.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from .errors import BadOption
from .gc_pause import gc_paused
from .merge import Incident, Settings, merge_events, reconcile
from .model import Document, Event
from .store import Store, connect, event_from_dict, memberships, write_incidents
from .store.decode import document_from_cite_info
from .store.failures import stored_record
from .store.incidents import last_run


@dataclass(frozen=True, kw_only=True, slots=True)
class IncidentRunSummary:
    """What one merge run did."""

    run: int  # the run's number in the store (1 for the first)
    events: int  # events read and merged
    incidents: int  # incidents after the run
    multi_report: int  # incidents told by more than one document
    revisions: int  # membership changes recorded by this run
    revisions_by_reason: tuple[tuple[str, int], ...]  # ("grown", 3), ("new", 40) ...; "split from X" counts as "split"
    written: int  # incidents inserted or rewritten
    unchanged: int  # incidents already stored exactly so
    deleted: int  # stored incidents that no longer exist
    read_seconds: float
    merge_seconds: float
    write_seconds: float

    def to_dict(self) -> dict[str, object]:
        return {
            "run": self.run,
            "events": self.events,
            "incidents": self.incidents,
            "multi_report": self.multi_report,
            "revisions": self.revisions,
            "revisions_by_reason": dict(self.revisions_by_reason),
            "written": self.written,
            "unchanged": self.unchanged,
            "deleted": self.deleted,
            "seconds": round(self.read_seconds + self.merge_seconds + self.write_seconds, 3),
        }


def read_merge_input(store: Store) -> tuple[list[Event], dict[str, Document]]:
    """Every stored event as a typed Event, and a text-less Document per document id."""
    events: list[Event] = []
    documents: dict[str, Document] = {}
    for data in store.records():
        event = stored_record(event_from_dict, data, "an event's record")
        events.append(event)
        if event.document_id not in documents:
            documents[event.document_id] = document_from_cite_info(event.document_id, data.get("cite_info") or {})
    return events, documents


def _reason(reason: str) -> str:
    return reason.split(" ", 1)[0] if reason.startswith(("split", "merged")) else reason


def update_incidents(db: str | Path, settings: Settings = Settings(), workers: int = 1) -> IncidentRunSummary:
    """Merge every event of the store at ``db`` into incidents and store them (ids stable across runs).

    Raises UnreadableInput (E006) when the store cannot be opened, ConcurrentMerge (E406) when
    another merge run stored its result while this one was merging. The garbage collector is
    paused for the run (``sitrep.gc_pause``). ``workers`` > 1 scores candidate pairs in that many
    processes (``sitrep.merge.scoring``); BadOption (E008) when it is below 1.
    """
    if workers < 1:
        raise BadOption(f"--workers must be at least 1, not {workers}", source="--workers")
    with gc_paused():
        return _update_incidents(db, settings, workers)


def _update_incidents(db: str | Path, settings: Settings, workers: int) -> IncidentRunSummary:
    con = connect(db)  # creates the incident tables on a version 1 store
    try:
        t0 = time.perf_counter()
        after = last_run(con)
        previous = memberships(con)
        with Store(db) as store:
            events, documents = read_merge_input(store)
        t1 = time.perf_counter()
        current = merge_events(events, documents, settings, workers)
        del events, documents
        # reconcile looks only at ids and members of the earlier incidents.
        incidents, revisions = reconcile(cast(Sequence[Incident], previous), current)
        t2 = time.perf_counter()
        written = write_incidents(
            con, incidents, revisions, after_run=after, events=sum(len(i.members) for i in incidents), seconds=t2 - t0
        )
        t3 = time.perf_counter()
    finally:
        con.close()
    reasons = Counter(_reason(r.reason) for r in revisions)
    return IncidentRunSummary(
        run=written.run,
        events=sum(len(i.members) for i in incidents),
        incidents=len(incidents),
        multi_report=sum(1 for i in incidents if len(i.documents) > 1),
        revisions=len(revisions),
        revisions_by_reason=tuple(sorted(reasons.items())),
        written=written.written,
        unchanged=written.unchanged,
        deleted=written.deleted,
        read_seconds=t1 - t0,
        merge_seconds=t2 - t1,
        write_seconds=t3 - t2,
    )
