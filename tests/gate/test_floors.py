"""The quality gate: every dev set in ../shared/eval is run once and each figure held to its floor.

Floors live in floors.toml beside this file (they only go up). The figures reached are printed
at the end of the run (pytest -s) and written to docs/evaluation.md by hand from that output.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sitrep.evaluation.acled import evaluate_acled
from sitrep.evaluation.articles import evaluate_articles
from sitrep.evaluation.case2021 import evaluate_case2021
from sitrep.evaluation.geoparse import evaluate_geoparse
from sitrep.evaluation.quiet import evaluate_quiet
from sitrep.evaluation.re3d import evaluate_re3d
from sitrep.pipeline import Pipeline

FLOORS = tomllib.loads((Path(__file__).with_name("floors.toml")).read_text(encoding="utf-8"))


def _measures() -> list[tuple[str, str, float]]:
    out = []
    for dataset, spec in FLOORS.items():
        for key, value in spec.items():
            if isinstance(value, dict):
                out.append((dataset, key, float(value["floor"])))
    return out


def _runner(dataset: str, pipeline: Pipeline) -> Callable[[Path], dict[str, Any]]:
    if dataset.startswith("acled"):
        return lambda p: evaluate_acled(p, pipeline).figures()
    if dataset == "re3d":
        return lambda p: evaluate_re3d(p, pipeline).figures()
    if dataset == "case2021":
        return lambda p: evaluate_case2021(p, pipeline).figures()
    if dataset == "articles":
        return lambda p: evaluate_articles(p, pipeline).figures()
    if dataset == "quiet_news":
        return lambda p: evaluate_quiet(p, pipeline).figures()
    return lambda p: evaluate_geoparse(p, pipeline.resources).figures()


@pytest.fixture(scope="session")
def figures(pipeline: Pipeline, shared_dir: Path) -> Callable[[str], dict[str, Any]]:
    cache: dict[str, dict[str, Any]] = {}

    def get(dataset: str) -> dict[str, Any]:
        if dataset not in cache:
            path = shared_dir / FLOORS[dataset]["path"]
            if not path.exists():
                pytest.fail(f"dev set {dataset} is missing: {path}")
            cache[dataset] = _runner(dataset, pipeline)(path)
        return cache[dataset]

    return get


@pytest.mark.parametrize(("dataset", "measure", "floor"), _measures(), ids=[f"{d}-{m}" for d, m, _ in _measures()])
def test_figure_holds_its_floor(
    figures: Callable[[str], dict[str, Any]], dataset: str, measure: str, floor: float
) -> None:
    value = figures(dataset).get(measure)
    assert value is not None, f"{dataset} reports no {measure!r}"
    print(
        f"\ngate {dataset:14} {measure:36} {value:.3f}  (floor {floor:.2f}, goal {FLOORS[dataset][measure]['goal']:.2f})"
    )
    assert value >= floor, f"{dataset} {measure} = {value:.3f}, below its pinned floor {floor:.2f}"


def test_floors_file_is_well_formed() -> None:
    for dataset, spec in FLOORS.items():
        assert "path" in spec, f"{dataset} has no path"
        for key, value in spec.items():
            if key == "path":
                continue
            assert set(value) == {"floor", "goal"}, f"{dataset}.{key}: want floor and goal, got {sorted(value)}"
            assert 0.0 <= value["floor"] <= 1.0 and 0.0 <= value["goal"] <= 1.0
