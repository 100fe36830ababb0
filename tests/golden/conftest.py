"""Fixtures for the golden tests: one extraction per case, shared by every test of that case."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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


KNOWN_GAPS = Path(__file__).with_name("known_gaps.txt")


def _known_gaps() -> set[str]:
    if not KNOWN_GAPS.exists():
        return set()
    lines = KNOWN_GAPS.read_text(encoding="utf-8").splitlines()
    return {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Expectations the extractor does not meet yet are strict xfails: listed, visible, and they fail
    the run as soon as they pass, so the list can only shrink (see known_gaps.txt)."""
    gaps = _known_gaps()
    for item in items:
        if item.nodeid.split("tests/golden/", 1)[-1] in gaps:
            item.add_marker(pytest.mark.xfail(strict=True, reason="known gap, listed in tests/golden/known_gaps.txt"))
