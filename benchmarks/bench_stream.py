"""A realistic news stream: `sitrep ingest` against bare spaCy, side by side in one run.

The stream is 70 % ordinary news and 30 % conflict reports, all from ../shared/eval (nothing of it is
written into the project): the label-0 articles of ``quiet-news/bbc_news_dev.tsv`` (business,
entertainment, sport, technology) as ordinary news; the 60 conflict articles of ``articles/`` and
CASE 2021 snippets of the 25 ACLED classes (in file order) as conflict reports, as many as make 30 %.
The order is shuffled with a fixed seed.

Measured, after the model and the gazetteer are loaded and warmed up, each in this process:

1. ``nlp.pipe`` over every text with the full spaCy pipeline (what any spaCy-based coder pays
   before its own rules run);
2. ``sitrep.corpus.ingest`` of the stream (a JSON Lines file) into a fresh store: read, first look,
   parse of what is kept, every stage, assembly and the store writes;
3. the same ingest with the first look switched off (``--read-all``), for recall.

It prints documents per second for each, the ratio of (2) to (1), and the recall on the conflict
part: the share of conflict reports that give at least one event that happened with an ACLED type,
with and without the first look.

    .venv/bin/python benchmarks/bench_stream.py [--json FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from report import emit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
EVAL = ROOT.parent / "shared" / "eval"
NOT_ACLED = {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}
SEED = 14
CONFLICT_SHARE = 0.30


def stream() -> list[dict[str, str]]:
    """The mixed stream: each item a JSON Lines record with its kind in ``source``."""
    ordinary = []
    for i, line in enumerate((EVAL / "quiet-news" / "bbc_news_dev.tsv").read_text(encoding="utf-8").splitlines()):
        text, _, label = line.rpartition("\t")
        if label.strip() == "0":
            ordinary.append({"text": text, "url": f"ordinary:bbc:{i}"})
    conflict = []
    for gold in sorted((EVAL / "articles").glob("*.gold.json")):
        if json.loads(gold.read_text(encoding="utf-8"))["kind"] == "conflict":
            lines = gold.with_name(gold.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8").split("\n", 1)
            conflict.append({"text": lines[1], "published": lines[0].split()[1], "url": f"conflict:{gold.stem}"})
    wanted = round(len(ordinary) * CONFLICT_SHARE / (1 - CONFLICT_SHARE))
    with (EVAL / "case2021" / "case2021_task2_dev_half.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if len(conflict) >= wanted:
                break
            if row["SubType"] not in NOT_ACLED:
                conflict.append({"text": row["EventSnippet"], "url": f"conflict:case:{row['id']}"})
    items = ordinary + conflict
    random.Random(SEED).shuffle(items)
    return items


def _recall(db: Path) -> tuple[int, int]:
    """(conflict documents with a coded event that happened, conflict documents) in a store."""
    with sqlite3.connect(db) as con:
        sources = {row[0]: row[1] for row in con.execute("SELECT id, url FROM documents")}
        coded = {
            row[0]
            for row in con.execute("SELECT document_id FROM events WHERE happened = 1 AND acled_type IS NOT NULL")
        }
    conflict = [d for d, source in sources.items() if source.startswith("conflict:")]
    return sum(d in coded for d in conflict), len(conflict)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", default=None, help="also write the figures to this file")
    args = parser.parse_args(argv)

    from sitrep import corpus
    from sitrep.ingest.documents import make_document
    from sitrep.pipeline import Pipeline

    items = stream()
    texts = [item["text"] for item in items]
    conflict_count = sum(item["url"].startswith("conflict:") for item in items)
    pipeline = Pipeline()
    pipeline(make_document("Soldiers shelled the town on Monday, killing two civilians, officials said."))
    nlp = pipeline.resources.nlp

    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "stream.jsonl"
        feed.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")

        started = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
        bare = time.perf_counter() - started

        started = time.perf_counter()
        summary = corpus.ingest([feed], Path(tmp) / "first-look.db", pipeline_factory=lambda: pipeline)
        ingest = time.perf_counter() - started
        found, total = _recall(Path(tmp) / "first-look.db")

        everything = Pipeline(resources=pipeline.resources, first_look=False)
        started = time.perf_counter()
        corpus.ingest([feed], Path(tmp) / "read-all.db", pipeline_factory=lambda: everything)
        read_all = time.perf_counter() - started
        found_all, total_all = _recall(Path(tmp) / "read-all.db")

    figures = {
        "documents": len(items),
        "conflict_documents": conflict_count,
        "ordinary_documents": len(items) - conflict_count,
        "tokens": tokens,
        "bare_nlp_pipe_seconds": round(bare, 2),
        "bare_nlp_pipe_docs_per_second": round(len(items) / bare, 2),
        "ingest_seconds": round(ingest, 2),
        "ingest_docs_per_second": round(len(items) / ingest, 2),
        "ingest_over_bare": round(bare / ingest, 2),
        "ingest_unread_documents": summary.unread,
        "read_all_ingest_seconds": round(read_all, 2),
        "read_all_docs_per_second": round(len(items) / read_all, 2),
        "conflict_recall_first_look": round(found / total, 4),
        "conflict_recall_read_all": round(found_all / total_all, 4),
        "conflict_recall_loss_points": round(100 * (found_all / total_all - found / total), 2),
    }
    emit(figures, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
