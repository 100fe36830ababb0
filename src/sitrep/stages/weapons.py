"""Placeholder: the real stage is being written."""

from __future__ import annotations

from ..registry import stage


@stage("weapons.lexicon.v1", requires=(), assigns=("weapon",))
def find(annotated):  # type: ignore[no-untyped-def]
    return ()
