"""Registries: stages and exporters are registered by versioned name.

A stage declares the mention kinds it ``requires`` (made by earlier stages) and the kinds it
``assigns``; :mod:`sitrep.pipeline` checks both when a pipeline is built and when a stage runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import DuplicateStage, UnknownStage

if TYPE_CHECKING:
    from .annotated import Annotated
    from .model import Mention

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
    _load_builtin_stages()
    try:
        return _STAGES[name]
    except KeyError:
        known = ", ".join(sorted(_STAGES))
        raise UnknownStage(f"no stage named {name!r}; known stages: {known}") from None


def all_stages() -> dict[str, StageSpec]:
    _load_builtin_stages()
    return dict(_STAGES)


def _load_builtin_stages() -> None:
    from . import stages  # noqa: F401  (importing registers the built-in stages)


# ---------------------------------------------------------------- exporters

_EXPORTERS: dict[str, Any] = {}


def exporter(name: str) -> Callable[[Any], Any]:
    """Register an exporter class under a ``--format`` name."""

    def wrap(cls: Any) -> Any:
        _EXPORTERS[name] = cls
        return cls

    return wrap


def get_exporter(name: str) -> Any:
    from . import export  # noqa: F401

    try:
        return _EXPORTERS[name]
    except KeyError:
        from .errors import BadOption

        raise BadOption(f"unknown format {name!r}; choose one of {', '.join(sorted(_EXPORTERS))}") from None


def exporter_names() -> list[str]:
    from . import export  # noqa: F401

    return sorted(_EXPORTERS)
