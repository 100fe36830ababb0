"""Placeholder: the real stage is being written."""

from __future__ import annotations

from ..registry import stage


@stage("dates.anchored.v1", requires=(), assigns=("date",))
def find(annotated):  # type: ignore[no-untyped-def]
    return ()
