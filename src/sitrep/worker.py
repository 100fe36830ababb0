"""Extraction workers: the pipeline of a process, and a chunk of documents extracted with a retry.

Shared by corpus runs (here or in a pool of processes), Dask workers (sitrep.distributed) and the
``sitrep extract`` command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Protocol, TypeVar

from .errors import ExtractionFailed, ResourceError
from .model import Document, Extraction

Finished = TypeVar("Finished")


@dataclass(frozen=True, kw_only=True, slots=True)
class Failure:
    """A document the pipeline raised on (plain fields: exceptions do not cross processes intact)."""

    source: str
    message: str

    def error(self) -> ExtractionFailed:
        return ExtractionFailed(self.message, source=self.source)


class Extractor(Protocol):
    def __call__(self, document: Document) -> Extraction: ...

    def pipe(self, documents: list[Document]) -> Iterator[Extraction]: ...


PipelineFactory = Callable[[], Extractor]


def extract_chunk(
    pipeline: Extractor, documents: list[Document], finish: Callable[[Extraction], Finished]
) -> list[Finished | Failure]:
    """``finish`` of each document's extraction, in order; a document the pipeline fails on becomes a Failure.

    The chunk is extracted in one batch; when that raises, one document at a time, so one bad
    document does not sink the others. A missing model or gazetteer (ResourceError) stops the run.
    """
    try:
        return [finish(x) for x in pipeline.pipe(documents)]
    except ResourceError:
        raise
    except Exception:  # noqa: BLE001, S110 (retried one by one below, where each failure is kept)
        pass
    outcomes: list[Finished | Failure] = []
    for document in documents:
        try:
            outcomes.append(finish(pipeline(document)))
        except ResourceError:
            raise
        except Exception as exc:  # noqa: BLE001 (a bug in a stage must not lose the other documents)
            outcomes.append(Failure(source=document.source, message=f"extraction failed: {type(exc).__name__}: {exc}"))
    return outcomes


@cache
def worker_pipeline(factory: PipelineFactory) -> Extractor:
    """The pipeline of this process, built once per factory (a worker builds it in its initializer)."""
    pipeline = factory()
    resources = getattr(pipeline, "resources", None)
    for name in ("nlp", "gazetteer", "actors"):
        if resources is not None and hasattr(type(resources), name):
            getattr(resources, name)  # load now rather than on the first document
    return pipeline
