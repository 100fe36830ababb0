"""Extraction on an existing Dask distributed cluster (``sitrep ingest --scheduler ADDRESS``).

The parent connects a client, maps :func:`extract_on_worker` over chunks of documents and gets
the rows back in input order; it stays the store's only writer, exactly as with local workers.
Each worker process builds the pipeline once (``sitrep.worker.worker_pipeline`` is cached per
process), so the model is loaded once per worker, not per chunk. Dask is an optional extra
(``pip install 'sitrep[dask]'``); it is imported only here, and only when a scheduler is given.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any

from .errors import BadOption, ClusterUnavailable
from .model import Document
from .store.rows import DocumentRows, document_rows
from .worker import Failure, PipelineFactory, extract_chunk, worker_pipeline

# How long to wait for the scheduler before giving up (seconds).
CONNECT_TIMEOUT = 30


def extract_on_worker(factory: PipelineFactory, documents: list[Document]) -> list[DocumentRows | Failure]:
    """Runs on a Dask worker: the rows (or Failures) of one chunk, with this worker's cached pipeline."""
    return extract_chunk(worker_pipeline(factory), documents, document_rows)


def check_scheduler(scheduler: str) -> None:
    """Refuse an address Dask cannot parse (E008) or a missing Dask (E203) before anything is read,
    rather than after the inputs, with a traceback."""
    try:
        from distributed.comm.addressing import get_address_host_port
    except ImportError:
        raise ClusterUnavailable(
            "Dask is not installed; --scheduler needs the extra: pip install 'sitrep[dask]'", source="--scheduler"
        ) from None
    try:
        get_address_host_port(scheduler)
    except ValueError as exc:
        raise BadOption(
            f"{scheduler!r} is not a scheduler address ({exc}); give one like tcp://host:8786", source="--scheduler"
        ) from None


def _client(scheduler: str) -> Any:
    check_scheduler(scheduler)
    from distributed import Client

    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        message = f"cannot reach the Dask scheduler at {scheduler}: {exc}"
        raise ClusterUnavailable(message, source="--scheduler") from None


def dask_outcomes(parts: Sequence[list[Document]], factory: Any, scheduler: str) -> Iterator[tuple[Document, Any]]:
    """(document, outcome) for every document of ``parts``, in order, extracted on the cluster.

    A chunk's result is released on the cluster as soon as the parent has taken it. An exception
    raised on a worker (a missing model, ResourceError) is raised here and stops the run.
    """
    if not parts:
        return
    client = _client(scheduler)
    try:
        futures = deque(client.map(extract_on_worker, [factory] * len(parts), list(parts), pure=False))
        for part in parts:
            future = futures.popleft()
            outcomes = future.result()
            future.release()
            yield from zip(part, outcomes)
    finally:
        client.close()
