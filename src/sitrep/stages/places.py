"""Placeholder: the real stage is being written."""

from __future__ import annotations

from ..registry import stage


@stage("places.gazetteer.v1", requires=(), assigns=("place",))
def find(annotated):  # type: ignore[no-untyped-def]
    return ()
