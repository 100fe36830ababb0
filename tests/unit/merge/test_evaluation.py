from pathlib import Path

from sitrep.merge import merge_events
from sitrep.merge.evaluation import load_corpus, pairwise_scores
from sitrep.merge.records import Incident

from .factory import document, event

CORPUS = Path(__file__).resolve().parents[3] / "benchmarks" / "merge_corpus"


def test_pairwise_scores_by_hand():
    documents = [document(f"d{i}") for i in (1, 2, 3)]
    incidents = merge_events([event("a", "d1"), event("b", "d2"), event("c", "d3")], documents)
    scores = pairwise_scores({"d1": "X", "d2": "X", "d3": "Y"}, incidents)
    assert (scores.linked_pairs, scores.true_pairs, scores.correct_pairs) == (3, 1, 1)
    assert abs(scores.precision - 1 / 3) < 1e-9 and scores.recall == 1.0


def test_corpus_is_large_enough():
    reports = load_corpus(CORPUS)
    assert len(reports) >= 120 and len({r.incident for r in reports}) >= 40
    assert len({r.document.publisher for r in reports}) >= 10
    assert all(r.document.published is not None for r in reports)


def test_merge_of_the_corpus_reaches_the_floor(pipeline):
    reports = load_corpus(CORPUS)
    extractions = list(pipeline.pipe([r.document for r in reports]))
    events = [e for x in extractions for e in x.events]
    incidents: tuple[Incident, ...] = merge_events(events, [x.document for x in extractions])
    scores = pairwise_scores({r.document.id: r.incident for r in reports}, incidents)
    assert scores.precision >= 0.85, scores
    assert scores.recall >= 0.85, scores
