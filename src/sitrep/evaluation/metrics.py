"""Small metric helpers shared by the evaluations."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Classes:
    """Per-class precision/recall/F1 for a single-label task; a missing prediction is ``None``."""

    pairs: list[tuple[str, str | None]] = field(default_factory=list)

    def add(self, gold: str, predicted: str | None) -> None:
        self.pairs.append((gold, predicted))

    def per_class(self) -> dict[str, dict[str, float]]:
        tp: Counter[str] = Counter()
        fp: Counter[str] = Counter()
        fn: Counter[str] = Counter()
        for gold, pred in self.pairs:
            if pred == gold:
                tp[gold] += 1
            else:
                fn[gold] += 1
                if pred is not None:
                    fp[pred] += 1
        out: dict[str, dict[str, float]] = {}
        for label in sorted(set(tp) | set(fn) | set(fp)):
            p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
            r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[label] = {"precision": p, "recall": r, "f1": f, "support": tp[label] + fn[label]}
        return out

    def macro_f1(self) -> float:
        """Macro-F1 over the gold classes (classes only ever predicted do not dilute it)."""
        per = self.per_class()
        gold_labels = {g for g, _ in self.pairs}
        scores = [per[label]["f1"] for label in gold_labels]
        return sum(scores) / len(scores) if scores else 0.0

    def weighted_f1(self) -> float:
        """F1 per gold class weighted by the class's gold support (CASE 2021's headline figure); a class
        only ever predicted weighs nothing, and a missing prediction is a miss of its gold class."""
        per = self.per_class()
        return sum(s["f1"] * s["support"] for s in per.values()) / len(self.pairs) if self.pairs else 0.0

    def accuracy(self) -> float:
        return sum(g == p for g, p in self.pairs) / len(self.pairs) if self.pairs else 0.0

    def confusions(self, top: int = 15) -> list[tuple[str, str, int]]:
        c = Counter((g, p or "(none)") for g, p in self.pairs if g != p)
        return [(g, p, n) for (g, p), n in c.most_common(top)]


def ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def median(values: list[float]) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
