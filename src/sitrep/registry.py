"""Registries: stages and exporters are registered by versioned name.

A stage declares the mention kinds it ``requires`` (made by earlier stages) and the kinds it
``assigns``; :mod:`sitrep.pipeline` checks both when a pipeline is built and when a stage runs.

The registry imports neither ``sitrep.stages`` nor ``sitrep.export``: they import it, to register
themselves. :mod:`sitrep.registrations` knows the built-in ones and hands the registry a loader for
each kind, which runs before the first lookup of that kind (so reading a store never loads spaCy).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import BadOption, DuplicateStage, UnknownStage

if TYPE_CHECKING:
    from .annotated import Annotated
    from .model import Event, Mention

StageFn = Callable[["Annotated"], "tuple[Mention, ...]"]


@dataclass(frozen=True, kw_only=True)
class StageSpec:
    name: str  # versioned, e.g. "casualties.rules.v1"
    fn: StageFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str

    @property
    def family(self) -> str:
        return self.name.split(".", 1)[0]


_STAGES: dict[str, StageSpec] = {}
# Run before a lookup of their kind; each imports built-in modules so that their decorators run.
_STAGE_LOADERS: list[Callable[[], None]] = []
_EXPORTER_LOADERS: list[Callable[[], None]] = []


def add_loaders(*, stages: Callable[[], None], exporters: Callable[[], None]) -> None:
    """Have ``stages()`` run before stages are looked up, and ``exporters()`` before exporters are."""
    if stages not in _STAGE_LOADERS:
        _STAGE_LOADERS.append(stages)
    if exporters not in _EXPORTER_LOADERS:
        _EXPORTER_LOADERS.append(exporters)


def _load(loaders: list[Callable[[], None]]) -> None:
    for load in loaders:
        load()


def stage(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...]) -> Callable[[StageFn], StageFn]:
    """Register ``fn`` as a pipeline stage under a versioned ``name``."""

    def wrap(fn: StageFn) -> StageFn:
        if name in _STAGES and _STAGES[name].fn is not fn:
            raise DuplicateStage(f"stage {name!r} is registered twice")
        _STAGES[name] = StageSpec(
            name=name, fn=fn, requires=tuple(requires), assigns=tuple(assigns), doc=(fn.__doc__ or "").strip()
        )
        return fn

    return wrap


def get_stage(name: str) -> StageSpec:
    _load(_STAGE_LOADERS)
    try:
        return _STAGES[name]
    except KeyError:
        known = ", ".join(sorted(_STAGES))
        raise UnknownStage(f"no stage named {name!r}; known stages: {known}") from None


def all_stages() -> dict[str, StageSpec]:
    _load(_STAGE_LOADERS)
    return dict(_STAGES)


# ---------------------------------------------------------------- document stages

DocumentStageFn = Callable[["Annotated", "tuple[Event, ...]"], "tuple[Event, ...]"]


@dataclass(frozen=True, kw_only=True)
class DocumentStageSpec:
    """A stage that reads a whole document's events after assembly (coreference, report window, ...).

    ``requires`` and ``assigns`` name what events carry: ``events`` (made by assembly) and the event
    fields a stage decides (``mentions``, ``window``, ...)."""

    name: str
    fn: DocumentStageFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str


_DOCUMENT_STAGES: dict[str, DocumentStageSpec] = {}


def document_stage(
    name: str, *, requires: tuple[str, ...] = ("events",), assigns: tuple[str, ...]
) -> Callable[[DocumentStageFn], DocumentStageFn]:
    """Register ``fn`` as a document stage under a versioned ``name``."""

    def wrap(fn: DocumentStageFn) -> DocumentStageFn:
        if name in _DOCUMENT_STAGES and _DOCUMENT_STAGES[name].fn is not fn:
            raise DuplicateStage(f"document stage {name!r} is registered twice")
        _DOCUMENT_STAGES[name] = DocumentStageSpec(
            name=name, fn=fn, requires=tuple(requires), assigns=tuple(assigns), doc=(fn.__doc__ or "").strip()
        )
        return fn

    return wrap


def get_document_stage(name: str) -> DocumentStageSpec:
    _load(_STAGE_LOADERS)
    try:
        return _DOCUMENT_STAGES[name]
    except KeyError:
        known = ", ".join(sorted(_DOCUMENT_STAGES))
        raise UnknownStage(f"no document stage named {name!r}; known document stages: {known}") from None


def all_document_stages() -> dict[str, DocumentStageSpec]:
    _load(_STAGE_LOADERS)
    return dict(_DOCUMENT_STAGES)


# ---------------------------------------------------------------- exporters

_EXPORTERS: dict[str, Any] = {}


def exporter(name: str) -> Callable[[Any], Any]:
    """Register an exporter class under a ``--format`` name."""

    def wrap(cls: Any) -> Any:
        _EXPORTERS[name] = cls
        return cls

    return wrap


def get_exporter(name: str) -> Any:
    _load(_EXPORTER_LOADERS)
    try:
        return _EXPORTERS[name]
    except KeyError:
        raise BadOption(f"unknown format {name!r}; choose one of {', '.join(sorted(_EXPORTERS))}") from None


def exporter_names() -> list[str]:
    _load(_EXPORTER_LOADERS)
    return sorted(_EXPORTERS)
