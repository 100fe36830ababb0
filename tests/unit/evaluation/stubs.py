"""A stand-in for the pipeline whose events are written by hand, so that figures can be checked exactly."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from sitrep.model import Certainty, Document, Event, Evidence, Extraction
from tests.unit.test_serialize import make_event

BASE = make_event()


@dataclass(frozen=True)
class Stub:
    """One event to give a document: its ACLED type and sub-type, the trigger word, and whether it happened."""

    acled_type: str | None
    subtype: str | None
    trigger: str
    happened: bool = True


def stub_event(text: str, stub: Stub, number: int = 0) -> Event:
    start = text.index(stub.trigger)
    return replace(
        BASE,
        id=f"stub{number}",
        kind="violent" if stub.acled_type else "verbal",
        acled_type=stub.acled_type,
        acled_subtype=stub.subtype,
        certainty=Certainty(hypothetical=not stub.happened),
        trigger=Evidence(start=start, end=start + len(stub.trigger), text=stub.trigger, stage="stub.v1"),
        sentence=Evidence(start=0, end=len(text), text=text, stage="stub.v1"),
    )


class StubPipeline:
    """Gives each document the events listed for the first key found in its text; none for the others."""

    def __init__(self, events: dict[str, list[Stub]]) -> None:
        self.events = events
        self.seen: list[Document] = []

    def pipe(self, documents: Iterable[Document], *, batch_size: int = 16) -> Iterator[Extraction]:
        for document in documents:
            self.seen.append(document)
            stubs = next((s for key, s in self.events.items() if key in document.text), [])
            events = tuple(stub_event(document.text, s, i) for i, s in enumerate(stubs))
            yield Extraction(document=document, events=events)
