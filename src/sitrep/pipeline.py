"""Builds and runs the pipeline: parse, then registered stages in order, then assemble events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from . import config
from .annotated import Annotated, Resources
from .bounded_parse import parse, parse_many
from .errors import UnmetRequirement
from .model import Document, Event, Extraction, Relevance
from .parsed import index_sentences
from .registry import DocumentStageSpec, StageSpec, get_document_stage, get_stage

if TYPE_CHECKING:
    from spacy.tokens import Doc


class Pipeline:
    """Parse with spaCy, run stages, assemble events. Build it once; call it on many documents."""

    def __init__(
        self,
        stages: Sequence[str] = config.DEFAULT_STAGES,
        *,
        resources: Resources | None = None,
        first_look: bool = True,
        document_stages: Sequence[str] = config.DOCUMENT_STAGES,
    ) -> None:
        """``first_look``: judge each document's relevance on its raw text first and leave ordinary
        news unparsed (``sitrep.relevance.first_look``); False reads every document in full.
        ``document_stages``: what runs on a document's assembled events (sitrep.document)."""
        self.resources = resources or Resources()
        self.first_look = first_look
        self.stages: tuple[StageSpec, ...] = tuple(get_stage(name) for name in stages)
        self.document_stages: tuple[DocumentStageSpec, ...] = tuple(
            get_document_stage(name) for name in document_stages
        )
        self._check()

    def _check(self) -> None:
        available = _chain(self.stages, set(config.PARSE_ASSIGNS), "stage")
        from .assemble import REQUIRES as assemble_requires

        missing = [k for k in assemble_requires if k not in available]
        if missing:
            raise UnmetRequirement(f"event assembly requires {', '.join(missing)}, which no stage assigns")
        _chain(self.document_stages, set(config.ASSEMBLY_ASSIGNS), "document stage")
        from .resolve.trigger_lexicon import lexicon

        lexicon()  # the event-family table and the words its rules name are checked here, at start-up

    @property
    def stage_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages) + tuple(s.name for s in self.document_stages)

    def annotate(self, document: Document, doc: Doc | None = None, notes: tuple[str, ...] = ()) -> Annotated:
        """Run the stages on ``document``, parsed here unless ``doc`` is given (``notes``: what its parse cut)."""
        if doc is None:
            doc, notes = parse(self.resources.nlp, document.text, helper=self.resources.parse_helper)
        index_sentences(doc)
        starts = tuple(s.start_char for s in doc.sents)
        annotated = Annotated(
            document=document, doc=doc, resources=self.resources, notes=notes, _sentence_starts=starts
        )
        for spec in self.stages:
            found = spec.fn(annotated)
            wrong = {m.kind for m in found} - set(spec.assigns)
            if wrong:
                raise UnmetRequirement(
                    f"stage {spec.name!r} made mentions of kinds it does not assign: {sorted(wrong)}"
                )
            annotated = annotated.with_mentions(found)
        return annotated

    def __call__(self, document: Document) -> Extraction:
        relevance = self._look(document)
        if relevance is not None and not relevance.relevant:
            return self._unread(document, relevance)
        return self._finish(self.annotate(document), relevance)

    def pipe(self, documents: Iterable[Document], *, batch_size: int = 16) -> Iterator[Extraction]:
        """Extract many documents, letting spaCy batch the parsing (batches bounded in characters too);
        documents the first look leaves out are never parsed."""
        docs = list(documents) if not isinstance(documents, list) else documents
        looks = [self._look(d) for d in docs]
        read = [d for d, look in zip(docs, looks, strict=True) if look is None or look.relevant]
        parsed = parse_many(
            self.resources.nlp, (d.text for d in read), batch_size=batch_size, helper=self.resources.parse_helper
        )
        for document, look in zip(docs, looks, strict=True):
            if look is not None and not look.relevant:
                yield self._unread(document, look)
                continue
            doc, notes = next(parsed)
            yield self._finish(self.annotate(document, doc, notes), look)

    def _look(self, document: Document) -> Relevance | None:
        if not self.first_look:
            return None
        from .relevance.first_look import first_look

        return first_look(document.text)

    def _unread(self, document: Document, relevance: Relevance) -> Extraction:
        return Extraction(document=document, events=(), stages=(relevance.stage,), relevance=relevance)

    def _finish(self, annotated: Annotated, relevance: Relevance | None = None) -> Extraction:
        from .assemble import assemble

        notes = annotated.notes + tuple(f"{m.stage}: {m.value}" for m in annotated.of("note"))
        events = assemble(annotated)
        for doc_spec in self.document_stages:
            events = doc_spec.fn(annotated, events)
        stages = self.stage_names
        if relevance is not None:
            from .relevance.first_look import event_stays

            stay = [e for e in events if event_stays(e, relevance)]
            if len(stay) < len(events):
                dropped = {e.sentence for e in events if e not in stay}
                relevance = replace(relevance, left_out=tuple(sorted(dropped, key=lambda ev: ev.start)))
            events = tuple(with_relevance(e, relevance) for e in stay)
            stages = (relevance.stage, *stages)
        return Extraction(document=annotated.document, events=events, stages=stages, notes=notes, relevance=relevance)


def _chain(specs: Sequence[StageSpec | DocumentStageSpec], available: set[str], what: str) -> set[str]:
    """What ``specs`` make available in turn, starting from ``available``; E102 for the first one that
    requires something no earlier one assigns."""
    for spec in specs:
        missing = [k for k in spec.requires if k not in available]
        if missing:
            raise UnmetRequirement(
                f"{what} {spec.name!r} requires {', '.join(missing)}, which no earlier stage assigns"
            )
        available.update(spec.assigns)
    return available


def with_relevance(event: Event, relevance: Relevance) -> Event:
    """``event`` carrying its document's relevance, and its own sentence's score, in its extras (kept
    in the store and every export)."""
    from .relevance.model import bundled

    record = {
        "score": relevance.score,
        "sentence_score": round(bundled().score(event.sentence.text), 3),
        "stage": relevance.stage,
        "reason": relevance.reason,
    }
    return replace(event, extras=(*event.extras, ("relevance", record)))


def load_pipeline(stages: Sequence[str] | None = None, **kwargs: Any) -> Pipeline:
    return Pipeline(stages if stages is not None else config.DEFAULT_STAGES, **kwargs)
