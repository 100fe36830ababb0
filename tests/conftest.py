"""Shared fixtures: one spaCy model and one set of resources for the whole session."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.annotated import Resources
from sitrep.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources()


@pytest.fixture(scope="session")
def nlp(resources: Resources):  # type: ignore[no-untyped-def]
    return resources.nlp


@pytest.fixture(scope="session")
def pipeline(resources: Resources) -> Pipeline:
    return Pipeline(resources=resources)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing beside the project root ({SHARED}); CI provides it")
    return SHARED
