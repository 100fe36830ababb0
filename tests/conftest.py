"""Shared fixtures: one spaCy model and one set of resources for the whole session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.annotated import Resources
from sitrep.pipeline import Pipeline
from sitrep.resolve import gazetteer
from sitrep.resolve.gazetteer_build import Built

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


@pytest.fixture(scope="session")
def bundled_index(resources: Resources) -> Built:
    """The session's bundled gazetteer index, as the loader reads it from the cache."""
    gaz = resources.gazetteer
    return gaz._rows, gaz._index, gaz.capitals, gaz._districts, gaz._town_skeletons


@pytest.fixture
def gazetteer_folder(tmp_path: Path, bundled_index: Built, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder (SITREP_CACHE) whose bundled gazetteer index is the session's: for tests
    of places added from GeoNames dumps, which neither build nor read the bundled index."""
    folder = tmp_path / "gazetteer-cache"
    folder.mkdir()
    monkeypatch.setenv("SITREP_CACHE", str(folder))
    monkeypatch.setattr(gazetteer, "_bundled", lambda _folder: bundled_index)
    yield folder
