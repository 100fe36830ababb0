"""Pausing Python's cyclic garbage collector while a large batch of objects is built.

Reading 200,000 stored events and merging them creates millions of small objects that stay alive;
every few thousand allocations the collector walks all of them again, which more than doubled the
time of a merge run (measured in docs/benchmarks.md). Nothing built there forms reference cycles
that must be freed early, so the collector is paused for the batch and restored after it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block; restore its previous state after, even on error."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
