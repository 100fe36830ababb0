"""Turn triggers and the mentions around them into Events (placeholder until written)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Event

if TYPE_CHECKING:
    from .pipeline import Annotated

REQUIRES = ("trigger", "actor", "place", "date", "casualty", "weapon", "attribution", "certainty")


def assemble(annotated: Annotated) -> tuple[tuple[Event, ...], tuple[str, ...]]:
    return (), ()
