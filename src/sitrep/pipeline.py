"""Builds and runs the pipeline: parse, then registered stages in order, then assemble events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from . import config
from .annotated import Annotated, Resources
from .bounded_parse import parse, parse_many
from .errors import UnmetRequirement
from .model import Document, Extraction
from .parsed import index_sentences
from .registry import StageSpec, get_stage

if TYPE_CHECKING:
    from spacy.tokens import Doc


class Pipeline:
    """Parse with spaCy, run stages, assemble events. Build it once; call it on many documents."""

    def __init__(self, stages: Sequence[str] = config.DEFAULT_STAGES, *, resources: Resources | None = None) -> None:
        self.resources = resources or Resources()
        self.stages: tuple[StageSpec, ...] = tuple(get_stage(name) for name in stages)
        self._check()

    def _check(self) -> None:
        available: set[str] = set(config.PARSE_ASSIGNS)
        for spec in self.stages:
            missing = [k for k in spec.requires if k not in available]
            if missing:
                raise UnmetRequirement(
                    f"stage {spec.name!r} requires {', '.join(missing)}, which no earlier stage assigns"
                )
            available.update(spec.assigns)
        from .assemble import REQUIRES as assemble_requires

        missing = [k for k in assemble_requires if k not in available]
        if missing:
            raise UnmetRequirement(f"event assembly requires {', '.join(missing)}, which no stage assigns")
        from .resolve.trigger_lexicon import lexicon

        lexicon()  # the event-family table and the words its rules name are checked here, at start-up

    @property
    def stage_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

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
        return self._finish(self.annotate(document))

    def pipe(self, documents: Iterable[Document], *, batch_size: int = 16) -> Iterator[Extraction]:
        """Extract many documents, letting spaCy batch the parsing (batches bounded in characters too)."""
        docs = list(documents) if not isinstance(documents, list) else documents
        texts = (d.text for d in docs)
        for document, (parsed, notes) in zip(
            docs, parse_many(self.resources.nlp, texts, batch_size=batch_size, helper=self.resources.parse_helper)
        ):
            yield self._finish(self.annotate(document, parsed, notes))

    def _finish(self, annotated: Annotated) -> Extraction:
        from .assemble import assemble

        notes = annotated.notes + tuple(f"{m.stage}: {m.value}" for m in annotated.of("note"))
        return Extraction(document=annotated.document, events=assemble(annotated), stages=self.stage_names, notes=notes)


def load_pipeline(stages: Sequence[str] | None = None, **kwargs: Any) -> Pipeline:
    return Pipeline(stages if stages is not None else config.DEFAULT_STAGES, **kwargs)
