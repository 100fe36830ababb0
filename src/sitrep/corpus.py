"""Corpus runs: read many inputs, extract every new document, store documents, events and rejects.

The parent process reads, skips what the store already holds (a document's id is the hash of
its text), hands the rest in small chunks to the extraction workers and is the store's only
writer. Each document is committed with its events in one transaction, so a run killed at any
point and started again finishes the job without losing or duplicating anything. With
``workers > 1`` a multiprocessing pool extracts; each worker builds its pipeline (and loads the
spaCy model) once, in the pool initializer. With ``scheduler`` a Dask cluster extracts
(sitrep.distributed), the parent still writing.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BadOption, DocumentNotStored, InputError, SitrepError
from .model import Document
from .safe_text import printable
from .store.rows import DocumentRows, document_rows
from .store.schema import DEFAULT_DB
from .store.writer import StoreWriter
from .worker import Extractor, Failure, PipelineFactory, extract_chunk, worker_pipeline

# Documents sent to a worker at a time: big enough for spaCy's batching, small enough to keep
# the progress bar moving and both workers busy at the end of a run.
CHUNK = 8

Outcome = DocumentRows | Failure
Progress = Callable[[int, int], None]


@dataclass(frozen=True, kw_only=True, slots=True)
class Rejection:
    """One input or document this run could not store, as the rejects table records it."""

    source: str
    code: str
    message: str

    @classmethod
    def of(cls, error: SitrepError) -> Rejection:
        return cls(source=error.source or "<unknown>", code=error.code, message=error.message)

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "code": self.code, "message": self.message}

    def line(self) -> str:
        """The line a terminal shows: control characters in the source escaped (sitrep.safe_text)."""
        return f"[{self.code}] {printable(self.source)}: {printable(self.message)}"


@dataclass(frozen=True, kw_only=True, slots=True)
class IngestSummary:
    """What a run did. ``read`` counts every input item, read or not."""

    read: int  # documents read, plus inputs that could not be read
    coded: int  # documents extracted and stored by this run
    events: int  # events stored by this run
    already_stored: int  # documents skipped: the same text was in the store or earlier in the input
    unread: int = 0  # of those coded, documents the first look judged ordinary news (not parsed)
    rejected: int  # inputs or documents recorded in the rejects table by this run
    rejected_by_code: tuple[tuple[str, int], ...] = ()  # (error code, how many), by code
    seconds: float = 0.0
    rejections: tuple[Rejection, ...] = ()  # every input or document rejected by this run, in input order

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "coded": self.coded,
            "events": self.events,
            "already_stored": self.already_stored,
            "unread": self.unread,
            "rejected": self.rejected,
            "rejected_by_code": dict(self.rejected_by_code),
            "seconds": round(self.seconds, 3),
            "rejected_inputs": [r.to_dict() for r in self.rejections],
        }


def _default_factory() -> Extractor:
    from .pipeline import load_pipeline

    return load_pipeline()


def read_everything() -> Extractor:
    """A pipeline that parses every document, ordinary news too (``--read-all``)."""
    from .pipeline import load_pipeline

    return load_pipeline(first_look=False)


# ---------------------------------------------------------------- extraction (parent or workers)


def _init_worker(factory: PipelineFactory) -> None:
    """Build the worker's pipeline before its first chunk. A failure is left for that chunk, whose
    own call raises it again to the parent: a pool whose initializer raises starts new workers
    forever instead of reporting it."""
    try:
        worker_pipeline(factory)
    except Exception:  # noqa: BLE001, S110 (raised again by the first chunk, see above)
        pass


def _work(job: tuple[PipelineFactory, list[Document]]) -> list[Outcome]:
    factory, documents = job
    return extract_chunk(worker_pipeline(factory), documents, document_rows)


def _chunks(documents: list[Document], size: int) -> Iterator[list[Document]]:
    for start in range(0, len(documents), size):
        yield documents[start : start + size]


def _outcomes(
    documents: list[Document], factory: PipelineFactory, workers: int, chunk: int, scheduler: str | None = None
) -> Iterator[tuple[Document, Outcome]]:
    """(document, outcome) in input order, extracted here, by ``workers`` processes or on a Dask cluster."""
    if not documents:  # nothing new: do not load the model at all
        return
    if scheduler is not None:
        from .distributed import dask_outcomes

        yield from dask_outcomes(list(_chunks(documents, chunk)), factory, scheduler)
        return
    if workers == 1 or len(documents) <= chunk:
        pipeline = worker_pipeline(factory)
        for part in _chunks(documents, chunk):
            yield from zip(part, extract_chunk(pipeline, part, document_rows))
        return
    with multiprocessing.Pool(workers, initializer=_init_worker, initargs=(factory,)) as pool:
        parts = list(_chunks(documents, chunk))
        for part, outcomes in zip(parts, pool.imap(_work, ((factory, p) for p in parts))):
            yield from zip(part, outcomes)


# ---------------------------------------------------------------- the run


# Over 60 lines with its docstring: one pass that reads and skips, then extracts and writes in order.
def ingest(
    paths: Sequence[str | Path],
    db: str | Path = DEFAULT_DB,
    *,
    text_column: str | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    pipeline_factory: PipelineFactory | None = None,
    chunk: int = CHUNK,
    scheduler: str | None = None,
) -> IngestSummary:
    """Read ``paths`` (files, folders, ``-``), extract new documents and store them in ``db``.

    ``pipeline_factory`` builds the extractor (default: sitrep's pipeline); with ``workers > 1``
    it must be picklable (a module-level function). ``progress(done, total)`` is called after
    every document extracted. Raises ResourceError when the model or gazetteer is missing,
    UnreadableInput (E006) when the store cannot be opened, and a StoreError (E401-E405) when it is
    not a store, damaged, read-only or the disk fills. A document the store cannot hold (E302) is a
    reject like any other.

    ``scheduler`` (a Dask scheduler address) extracts on that cluster instead of here
    (``workers`` is then ignored; see sitrep.distributed); ClusterUnavailable (E203) when Dask is
    missing or the scheduler cannot be reached.
    """
    from .ingest.readers import read_inputs

    if workers < 1:
        raise BadOption(f"--workers must be at least 1, not {workers}", source="--workers")
    if scheduler is not None:
        from .distributed import check_scheduler

        check_scheduler(scheduler)
    factory = pipeline_factory or _default_factory
    started = time.perf_counter()
    rejections: list[Rejection] = []
    read = coded = events = already = unread = 0
    with StoreWriter(db) as store:
        known = store.document_ids()
        pending: list[Document] = []
        for item in read_inputs([str(p) for p in paths], text_column=text_column):
            read += 1
            if isinstance(item, InputError):
                store.reject(item)
                rejections.append(Rejection.of(item))
            elif item.id in known:
                already += 1
            else:
                known.add(item.id)
                pending.append(item)
        for done, (document, outcome) in enumerate(_outcomes(pending, factory, workers, chunk, scheduler), start=1):
            error: SitrepError | None = None
            stored: int | None = None
            if isinstance(outcome, Failure):
                error = outcome.error()
            else:
                try:
                    stored = store.write(outcome)
                except DocumentNotStored as exc:  # a value the store cannot hold: this document only
                    error = exc
            if error is not None:
                store.reject(error, document_id=document.id)
                rejections.append(Rejection.of(error))
            elif stored is not None:
                coded += 1
                unread += bool(getattr(outcome, "unread", False))
                events += stored  # rows actually stored, not events extracted
            else:  # another run stored it meanwhile
                already += 1
            if progress is not None:
                progress(done, len(pending))
    return IngestSummary(
        read=read,
        coded=coded,
        events=events,
        already_stored=already,
        unread=unread,
        rejected=len(rejections),
        rejected_by_code=tuple(sorted(Counter(r.code for r in rejections).items())),
        seconds=time.perf_counter() - started,
        rejections=tuple(rejections),
    )
