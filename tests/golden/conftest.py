"""Fixtures for the golden tests: one extraction per case, shared by every test of that case."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitrep.model import Extraction
from sitrep.pipeline import Pipeline

from .expectations import Case, read_document


@pytest.fixture(scope="session")
def golden_extract(pipeline: Pipeline) -> Callable[[Case], Extraction]:
    """Extract a case once per session (several tests read the same extraction)."""
    done: dict[str, Extraction] = {}

    def run(case: Case) -> Extraction:
        if case.slug not in done:
            document = read_document(case.raw_text, str(case.folder / "article.txt"))
            done[case.slug] = pipeline(document)
        return done[case.slug]

    return run
