"""Documents per second of sitrep's extraction against bare spaCy on the same texts, in one run.

Texts: the news articles of TR-News and GeoWebNews in ../shared/eval/geoparsing (read at run time,
never copied into the project). Both sides get the same texts and the same spaCy components; the
spaCy side is `nlp.pipe` alone, the sitrep side is `Pipeline.pipe` (parse + every stage + assembly).

    .venv/bin/python benchmarks/bench_extract.py [--limit N] [--repeat R]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GEO = ROOT.parent / "shared" / "eval" / "geoparsing"


def load_texts(limit: int) -> list[str]:
    texts: list[str] = []
    for name in ("TR-News.xml", "GeoWebNews.xml"):
        tree = ET.parse(GEO / name)
        for article in tree.getroot():
            text = article.findtext("text") or ""
            if len(text.split()) >= 80:
                texts.append(text)
    return texts[:limit]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from sitrep.ingest.documents import make_document
    from sitrep.pipeline import Pipeline

    texts = load_texts(args.limit)
    words = sum(len(t.split()) for t in texts)
    pipeline = Pipeline()
    nlp = pipeline.resources.nlp
    documents = [make_document(t, published="2020-01-01") for t in texts]
    # Warm up: load the gazetteer, dictionaries and lexicons once before timing.
    list(pipeline.pipe(documents[:5]))

    spacy_times, sitrep_times = [], []
    events = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=16):
            pass
        spacy_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        events = sum(len(x.events) for x in pipeline.pipe(documents, batch_size=16))
        sitrep_times.append(time.perf_counter() - t0)

    n = len(texts)
    spacy_dps = n / statistics.median(spacy_times)
    sitrep_dps = n / statistics.median(sitrep_times)
    print(f"texts: {n} articles, {words / n:.0f} words on average; spaCy components: {', '.join(nlp.pipe_names)}")
    print(f"runs: {args.repeat} (median shown); events extracted: {events}")
    print(f"bare spaCy nlp.pipe : {spacy_dps:7.1f} documents/s")
    print(f"sitrep extract      : {sitrep_dps:7.1f} documents/s")
    print(f"ratio sitrep/spaCy  : {sitrep_dps / spacy_dps:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
