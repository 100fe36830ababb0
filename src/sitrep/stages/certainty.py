"""Placeholder: the real stage is being written."""

from __future__ import annotations

from ..registry import stage


@stage("certainty.rules.v1", requires=(), assigns=("certainty",))
def find(annotated):  # type: ignore[no-untyped-def]
    return ()
