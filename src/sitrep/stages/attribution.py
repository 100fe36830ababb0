"""Placeholder: the real stage is being written."""

from __future__ import annotations

from ..registry import stage


@stage("attribution.rules.v1", requires=("actor",), assigns=("attribution",))
def find(annotated):  # type: ignore[no-untyped-def]
    return ()
