"""train.py: the shipped model is exactly what `make train-relevance` builds from its recorded inputs."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from sitrep.relevance import train
from sitrep.relevance.model import MODEL_FILE

ROOT = Path(__file__).resolve().parents[3]


def test_retraining_gives_the_shipped_model_byte_for_byte(shared_dir: Path) -> None:
    pytest.importorskip("sklearn", reason="the train extra is not installed")
    shipped = resources.files("sitrep.data").joinpath(MODEL_FILE).read_bytes()
    built = train.to_bytes(train.train(shared_dir / "eval", ROOT / "training" / "relevance"))
    assert built == shipped, "the model file is stale: run `make train-relevance` and commit it"


def test_the_model_records_its_inputs_and_never_reads_the_measuring_sets() -> None:
    record = json.loads(resources.files("sitrep.data").joinpath(MODEL_FILE).read_bytes())["training"]
    assert record["seed"] == train.SEED and record["command"] == "make train-relevance"
    names = " ".join(record["inputs"])
    assert "bbc_news_train.tsv" in names and "muc4/train.json" in names
    for measured in ("bbc_news_dev", "case2021", "acled"):
        assert measured not in names
    assert all(len(v.get("sha256", "")) == 64 for v in record["inputs"].values())
