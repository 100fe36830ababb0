"""The fuzz suite: generated inputs for every reader, the command line's arguments and the exporters.

Two sizes of one suite. ``make test`` runs a seeded slice (profile ``slice``: few examples, the same
ones every run, so a failure reproduces). ``make fuzz`` runs profile ``fuzz``: 10,000 fresh inputs per
target. Each example runs under a time limit (:func:`tests.fuzz.guards.time_limit`), so a hang fails
the run instead of stalling it, and every target counts the inputs it was given; the counts are
printed at the end of the run.
"""

from __future__ import annotations

import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, settings

from tests.fuzz import guards

_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile(
    "slice", max_examples=60, derandomize=True, deadline=None, suppress_health_check=_SLOW_IS_FINE
)
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, suppress_health_check=_SLOW_IS_FINE, print_blob=True
)
settings.load_profile(os.environ.get("SITREP_FUZZ_PROFILE", "slice"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    counts: Counter[str] = guards.COUNTS
    if not counts:
        return
    terminalreporter.write_sep("-", "fuzz: generated inputs per target")
    for target, n in sorted(counts.items()):
        terminalreporter.write_line(f"{target:<28} {n:>7,}")
    terminalreporter.write_line(f"{'hangs (over the time limit)':<28} {guards.HANGS:>7,}")
