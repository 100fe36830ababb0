"""A linear relevance model read from a plain JSON file: a weight per word or word pair, no code.

The score of a text is the logistic of the intercept plus the mean-square-normalised sum of the
weights of its distinct features (each present feature counts 1, the vector scaled to unit length
over the features the model knows), as ``sitrep.relevance.train`` fitted it.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..errors import DataFileInvalid
from .features import features

MODEL_FILE = "relevance_model.json"
FORMAT = 1


@dataclass(frozen=True, slots=True)
class LinearModel:
    stage: str
    intercept: float
    weights: dict[str, float]
    known: frozenset[str]  # every feature seen often enough in training (weights may be pruned)
    threshold: float  # below this score a text is judged not to report an event
    digest: str  # sha256 of the model file

    def score(self, text: str) -> float:
        present = features(text) & self.known
        if not present:
            return _logistic(self.intercept)
        total = sum(self.weights.get(f, 0.0) for f in present)
        return _logistic(self.intercept + total / math.sqrt(len(present)))


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -500 else 0.0


def from_json(data: bytes, source: str) -> LinearModel:
    try:
        raw: Any = json.loads(data)
        if raw.get("format") != FORMAT:
            raise ValueError(f"format {raw.get('format')!r}, expected {FORMAT}")
        weights = {str(k): float(v) for k, v in raw["weights"].items()}
        return LinearModel(
            stage=str(raw["stage"]),
            intercept=float(raw["intercept"]),
            weights=weights,
            known=frozenset(raw["known"]) | frozenset(weights),
            threshold=float(raw["threshold"]),
            digest=hashlib.sha256(data).hexdigest(),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataFileInvalid(f"not a relevance model: {exc}", source=source) from None


@cache
def bundled() -> LinearModel:
    """The model shipped in ``sitrep/data`` (built by ``make train-relevance``)."""
    path = resources.files("sitrep.data").joinpath(MODEL_FILE)
    return from_json(path.read_bytes(), str(path))
