"""Fit the relevance model and write ``sitrep/data/relevance_model.json`` (``make train-relevance``).

Training text, all of it text the project may use: the label-0 articles of
``quiet-news/bbc_news_train.tsv`` (business, entertainment, sport, technology) as ordinary news;
the ``muc4/train.json`` reports that fill at least one role (a perpetrator, target or weapon) as
reports of political violence; and the project's own hand-written examples in
``training/relevance/`` (every kind of ACLED event in modern news wording, and hard negatives:
sports, markets, films, software, disasters, accidents, crime), each expanded a few times with
fillers drawn by a fixed seed. The BBC politics articles are left out: some report events and most
do not. Nothing measured by the evaluations (ACLED rows, CASE 2021, ``bbc_news_dev.tsv``) is read.

The model is a logistic regression on binary word and word-pair features (seen in at least
``MIN_DF`` training texts), each text's vector scaled to unit length. The threshold is set on the
training data by five-fold cross-validation (the expansions of one hand-written line kept in one
fold): the highest score that still keeps ``KEEP_RECALL`` of the held-out hand-written event
reports, which are one sentence long, as the shortest inputs are; long reports score far higher. The file records the digests of every input, the seed, the counts and
those figures, so the same inputs give the same bytes.

    python -m sitrep.relevance.train --shared ../shared/eval --examples training/relevance --out src/sitrep/data/relevance_model.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

from .features import features
from .model import FORMAT

STAGE = "relevance.linear.v1"
SEED = 20261203
MIN_DF = 2
C = 4.0  # inverse regularisation strength
EXPANSIONS = 6  # fillings of each hand-written example
KEEP_RECALL = 1.0  # the lowest held-out hand-written report sets the threshold
PRUNE = 1e-3  # weights smaller than this are left out of the file (their features stay known)
_SLOT = re.compile(r"\{(\w+)\}")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def bbc_quiet(path: Path) -> list[str]:
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text, _, label = line.rpartition("\t")
        if label.strip() == "0":
            texts.append(text)
    return texts


def muc_reports(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [v["doc"] for _, v in sorted(data.items()) if any(v["roles"].values())]


def own_examples(folder: Path, rng: random.Random) -> list[tuple[str, int, int]]:
    """(text, label, line number) for each expansion of each hand-written example."""
    fillers: dict[str, list[str]] = json.loads((folder / "fillers.json").read_text(encoding="utf-8"))
    out = []
    for number, line in enumerate((folder / "examples.txt").read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        label, _, template = line.partition("\t")
        for _ in range(EXPANSIONS):
            out.append((_SLOT.sub(lambda m: rng.choice(fillers[m.group(1)]), template), int(label), number))
    return out


def train(shared: Path, examples: Path) -> dict[str, Any]:
    import numpy as np
    from scipy.sparse import csr_matrix, diags
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedGroupKFold

    rng = random.Random(SEED)
    bbc_path, muc_path = shared / "quiet-news" / "bbc_news_train.tsv", shared / "muc4" / "train.json"
    quiet, reports, own = bbc_quiet(bbc_path), muc_reports(muc_path), own_examples(examples, rng)
    texts = [*quiet, *reports, *(t for t, _, _ in own)]
    labels = np.array([0] * len(quiet) + [1] * len(reports) + [y for _, y, _ in own])
    groups = np.array([*range(len(quiet) + len(reports)), *(-n for _, _, n in own)])
    is_own = np.array([False] * (len(quiet) + len(reports)) + [True] * len(own))
    docs = [features(t) for t in texts]
    df = Counter(f for d in docs for f in d)
    vocabulary = sorted(f for f, n in df.items() if n >= MIN_DF)
    column = {f: i for i, f in enumerate(vocabulary)}

    def matrix(rows: list[frozenset[str]]) -> Any:
        r, c = [], []
        for i, d in enumerate(rows):
            for f in d:
                j = column.get(f)
                if j is not None:
                    r.append(i)
                    c.append(j)
        m = csr_matrix((np.ones(len(r)), (r, c)), shape=(len(rows), len(vocabulary)))
        norms = np.sqrt(np.asarray(m.sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return diags(1.0 / norms) @ m

    x = matrix(docs)

    def fit(rows: Any, ys: Any) -> LogisticRegression:
        return LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(rows, ys)

    held_out = np.zeros(len(texts))
    folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    for train_rows, test_rows in folds.split(x, labels, groups):
        held_out[test_rows] = fit(x[train_rows], labels[train_rows]).predict_proba(x[test_rows])[:, 1]
    positive = np.sort(held_out[(labels == 1) & is_own])
    threshold = float(positive[min(len(positive) - 1, int((1 - KEEP_RECALL) * len(positive)))])
    quiet_kept = float((held_out[labels == 0] >= threshold).mean())
    reports_kept = float((held_out[(labels == 1) & ~is_own] >= threshold).mean())
    model = fit(x, labels)
    weights = {f: round(float(w), 5) for f, w in zip(vocabulary, model.coef_[0], strict=True) if abs(w) >= PRUNE}
    return {
        "format": FORMAT,
        "stage": STAGE,
        "intercept": round(float(model.intercept_[0]), 5),
        "threshold": round(threshold, 4),
        "weights": dict(sorted(weights.items())),
        "known": [f for f in vocabulary if f not in weights],
        "training": {
            "command": "make train-relevance",
            "seed": SEED,
            "min_df": MIN_DF,
            "C": C,
            "inputs": {
                "quiet-news/bbc_news_train.tsv (label 0)": {"sha256": _digest(bbc_path), "texts": len(quiet)},
                "muc4/train.json (reports with a role filled)": {"sha256": _digest(muc_path), "texts": len(reports)},
                "training/relevance/examples.txt": {
                    "sha256": _digest(examples / "examples.txt"),
                    "texts": len(own),
                    "positive": sum(y for _, y, _ in own),
                },
                "training/relevance/fillers.json": {"sha256": _digest(examples / "fillers.json")},
            },
            "features": len(vocabulary),
            "weights_kept": len(weights),
            "cross_validation": {
                "folds": 5,
                "threshold_keeps_of_event_reports": KEEP_RECALL,
                "quiet_texts_passing_threshold": round(quiet_kept, 4),
                "muc_reports_passing_threshold": round(reports_kept, 4),
            },
        },
    }


def to_bytes(model: dict[str, Any]) -> bytes:
    """The model file's bytes (one key or weight a line, so a retrained model diffs readably)."""
    return (json.dumps(model, indent=0, ensure_ascii=False) + "\n").encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="fit the relevance model (sitrep.relevance)")
    parser.add_argument("--shared", type=Path, required=True, help="the ../shared/eval folder")
    parser.add_argument("--examples", type=Path, required=True, help="training/relevance")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    model = train(args.shared, args.examples)
    args.out.write_bytes(to_bytes(model))
    print(json.dumps(model["training"], indent=2))
    print(f"threshold {model['threshold']}, {len(model['weights'])} weights -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
