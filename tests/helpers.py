"""Helpers for stage tests: annotate a text with a subset of stages."""

from __future__ import annotations

import datetime as dt

from sitrep.annotated import Annotated, Resources
from sitrep.ingest.documents import make_document
from sitrep.pipeline import Pipeline
from sitrep.registry import get_stage


def annotate(
    text: str, resources: Resources, stages: tuple[str, ...], published: str | dt.date | None = None
) -> Annotated:
    """Parse ``text`` and run only ``stages`` (in order), without assembling events."""
    pipe = Pipeline.__new__(Pipeline)
    pipe.resources = resources
    pipe.stages = tuple(get_stage(s) for s in stages)
    return pipe.annotate(make_document(text, published=published))
