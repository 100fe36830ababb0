"""Measure a merge against a corpus whose true grouping is known.

The corpus is a folder with ``articles/*.txt`` (dated text) and ``truth.tsv`` (columns ``file``,
``publisher``, ``incident``). Scores are pairwise over *reports*: two reports are linked by the
merge when some incident holds an event of each; they truly belong together when the truth gives
them the same incident. Precision is the share of linked pairs that truly belong together; recall
the share of truly-together pairs that are linked. A report from which no event was extracted is
linked to nothing, so it costs recall.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from ..ingest.shared import text_document
from ..model import Document
from .records import Incident


@dataclass(frozen=True, kw_only=True, slots=True)
class CorpusReport:
    document: Document
    file: str
    incident: str  # the true incident label


@dataclass(frozen=True, kw_only=True, slots=True)
class PairScores:
    precision: float
    recall: float
    linked_pairs: int
    true_pairs: int
    correct_pairs: int
    reports: int
    incidents: int  # true incidents
    predicted: int  # incidents the merge made that hold events of at least two reports


def load_corpus(folder: str | Path) -> tuple[CorpusReport, ...]:
    """The corpus's documents (publisher from the truth file) with their true incident labels."""
    root = Path(folder)
    reports = []
    with (root / "truth.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            path = root / "articles" / row["file"]
            text = path.read_text(encoding="utf-8")
            document = text_document(text, source=str(path), publisher=row["publisher"])
            reports.append(CorpusReport(document=document, file=row["file"], incident=row["incident"]))
    return tuple(reports)


def linked_reports(incidents: Iterable[Incident]) -> set[frozenset[str]]:
    """Pairs of document ids put in one incident by the merge."""
    pairs: set[frozenset[str]] = set()
    for incident in incidents:
        for a, b in combinations(incident.documents, 2):
            pairs.add(frozenset((a, b)))
    return pairs


def pairwise_scores(truth: Mapping[str, str], incidents: Sequence[Incident]) -> PairScores:
    """Pairwise precision and recall of ``incidents`` against ``truth`` (document id -> incident label)."""
    linked = {p for p in linked_reports(incidents) if p <= truth.keys()}
    groups: dict[str, list[str]] = defaultdict(list)
    for document_id, label in truth.items():
        groups[label].append(document_id)
    true = {frozenset(p) for members in groups.values() for p in combinations(sorted(members), 2)}
    correct = linked & true
    return PairScores(
        precision=len(correct) / len(linked) if linked else 1.0,
        recall=len(correct) / len(true) if true else 1.0,
        linked_pairs=len(linked),
        true_pairs=len(true),
        correct_pairs=len(correct),
        reports=len(truth),
        incidents=len(set(truth.values())),
        predicted=sum(1 for i in incidents if len(i.documents) > 1),
    )
