"""The record every stage reads: a document, its parse, the mentions found so far, and the shared
models and dictionaries. It lives apart from the pipeline so stages and assembly can type it
without importing the pipeline that runs them."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from . import config
from .errors import ModelMissing
from .model import Document, Mention

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .parse_helper import ParseHelper
    from .resolve.actors import ActorDictionary
    from .resolve.gazetteer import Gazetteer


class Resources:
    """Models and dictionaries shared by the stages, loaded once, on first use."""

    def __init__(self, model: str = config.SPACY_MODEL) -> None:
        self.model = model

    @cached_property
    def nlp(self) -> Language:
        import spacy

        try:
            return spacy.load(self.model)
        except OSError as exc:
            raise ModelMissing(
                f"the spaCy model {self.model!r} is not installed; run `make install` (it is pinned in pyproject.toml)"
            ) from exc

    @cached_property
    def parse_helper(self) -> ParseHelper | None:
        """A helper process for very long texts (see ``sitrep.parse_helper``), None where none may be
        used; it starts only when a long text comes."""
        from . import parse_helper

        return parse_helper.ParseHelper(self.model, self.nlp) if parse_helper.wanted() else None

    def close(self) -> None:
        """Stop the helper process, if one was started (it also stops when this process exits)."""
        helper = self.__dict__.get("parse_helper")
        if helper is not None:
            helper.close()

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from .resolve.gazetteer import Gazetteer

        return Gazetteer.load()

    @cached_property
    def actors(self) -> ActorDictionary:
        from .resolve.actors import ActorDictionary

        return ActorDictionary.load()


@dataclass(frozen=True, kw_only=True)
class Annotated:
    """A document, its parse and the mentions found so far. Stages read it; they never change it."""

    document: Document
    doc: Doc
    resources: Resources
    mentions: tuple[Mention, ...] = ()
    notes: tuple[str, ...] = ()  # what a cap on the parse cut (see sitrep.bounded_parse)
    _sentence_starts: tuple[int, ...] = field(default=(), repr=False)

    @property
    def text(self) -> str:
        return self.document.text

    def of(self, kind: str) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.kind == kind)

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def sentence_start(self, index: int) -> int:
        """Character offset where sentence ``index`` starts."""
        return self._sentence_starts[index] if self._sentence_starts else 0

    def with_mentions(self, more: Sequence[Mention]) -> Annotated:
        return replace(self, mentions=self.mentions + tuple(more))
