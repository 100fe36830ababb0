"""Per-row dumps of everything sitrep makes from the dev sets, to compare two versions of the code.

A refactor must leave every output as it was; a rule change should move only the rows it means to.
This writes, for each chosen set, one line per input (the full extraction as JSON) and the text of
the exporters (ACLED CSV with a fixed clock, GeoJSON, the readable table), or for the geoparsing sets
the places read and the figures. Run it on both versions into two folders and compare them with
`cmp` or `diff`:

    .venv/bin/python tests/gate/row_dump.py OUT acled_global,acled_armenia,articles,case,bbc,golden
    .venv/bin/python tests/gate/row_dump.py OUT tr_news,geowebnews,re3d

(`PYTHONPATH=OTHER/src` runs another checkout's code with the same environment; run from the root of
the checkout whose golden cases you want. `--limit N` keeps the first N rows of the ACLED files.)
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

from sitrep.evaluation import geoparse, re3d
from sitrep.evaluation.acled import read_rows
from sitrep.ingest.documents import make_document
from sitrep.ingest.readers import read_path
from sitrep.model import Document
from sitrep.pipeline import Pipeline
from sitrep.registry import get_exporter
from sitrep.serialize import extraction_to_dicts

SHARED = Path(__file__).resolve().parents[3] / "shared" / "eval"
ACLED = {
    "acled_global": "acled_global_2020-04-27_to_2020-05-09.csv",
    "acled_armenia": "acled_armenia_hdx_2018-01-01_to_2020-12-05.csv",
}
GEOPARSING = {"tr_news": "TR-News.xml", "geowebnews": "GeoWebNews.xml"}
JSON = orjson.OPT_SORT_KEYS


def _exporters(out: Any) -> list[Any]:
    return [
        get_exporter("acled-csv")(out, clock=lambda: 0.0),
        get_exporter("geojson")(out),
        get_exporter("pretty")(out, width=120),
    ]


def dump_extractions(pipeline: Pipeline, documents: list[Document], folder: Path, name: str) -> None:
    with (
        (folder / f"{name}.exports.txt").open("w", encoding="utf-8") as text,
        (folder / f"{name}.jsonl").open("wb") as rows,
    ):
        exporters = _exporters(text)
        for document, extraction in zip(documents, pipeline.pipe(documents, batch_size=64), strict=True):
            for exporter in exporters:
                exporter.write(extraction)
            record = {"src": document.source, "events": extraction_to_dicts(extraction)}
            rows.write(orjson.dumps(record, option=JSON) + b"\n")
        for exporter in exporters:
            exporter.close()


def documents_of(name: str, limit: int | None) -> list[Document]:
    if name in ACLED:
        rows = list(read_rows(SHARED / "acled" / ACLED[name]))[:limit]
        return [make_document(r.notes, published=r.date, source=f"{ACLED[name]}:{r.line}") for r in rows]
    if name == "articles":
        return _read(sorted((SHARED / "articles").glob("*.txt")))
    if name == "golden":
        return _read([*sorted(Path("tests/golden/cases").glob("*/article.txt")), Path("examples/demo-article.txt")])
    if name == "bbc":
        lines = (SHARED / "quiet-news" / "bbc_news_dev.tsv").read_text(encoding="utf-8").splitlines()
        return [make_document(line.split("\t")[0], source=f"bbc:{i}") for i, line in enumerate(lines)]
    if name == "case":
        with (SHARED / "case2021" / "case2021_task2_dev_half.tsv").open(encoding="utf-8") as fh:
            return [
                make_document(r["EventSnippet"], source=f"case:{r['id']}") for r in csv.DictReader(fh, delimiter="\t")
            ]
    raise SystemExit(f"unknown set {name!r}")


def _read(paths: Iterable[Path]) -> list[Document]:
    found = [d for p in paths for d in read_path(p)]
    return [d for d in found if isinstance(d, Document)]


def dump_places(pipeline: Pipeline, folder: Path, name: str) -> None:
    path = SHARED / "geoparsing" / GEOPARSING[name]
    figures = geoparse.evaluate_geoparse(path, pipeline.resources).figures()
    figures.pop("seconds", None)
    (folder / f"{name}.figures.json").write_bytes(orjson.dumps(figures, option=JSON | orjson.OPT_INDENT_2))
    _, articles = geoparse.read_corpus(path, pipeline.resources.gazetteer)
    gazetteer = pipeline.resources.gazetteer
    with (folder / f"{name}.places.jsonl").open("wb") as out:
        for doc in pipeline.resources.nlp.pipe([a.text for a in articles], batch_size=8):
            places = [p for p, _ in geoparse.find_places(doc, gazetteer, stage=geoparse.STAGE)]
            rows = [
                [p.name, p.lat, p.lon, p.country, p.evidence.start, p.evidence.end, str(p.precision)] for p in places
            ]
            out.write(orjson.dumps(rows) + b"\n")


def dump_re3d(pipeline: Pipeline, folder: Path) -> None:
    documents = re3d.read_corpus(SHARED / "re3d")
    with (folder / "re3d.jsonl").open("wb") as out:
        for d, parsed in zip(
            documents, pipeline.resources.nlp.pipe([x.text for x in documents], batch_size=8), strict=True
        ):
            spans = re3d.predicted_spans(pipeline.annotate(make_document(d.text, source="re3d"), parsed))
            out.write(orjson.dumps([repr(s) for s in spans]) + b"\n")
    figures = re3d.evaluate_re3d(SHARED / "re3d", pipeline).figures()
    (folder / "re3d.figures.json").write_bytes(orjson.dumps(figures, option=JSON))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the dumps into")
    parser.add_argument(
        "sets", help="comma-separated: " + ", ".join([*ACLED, "articles", "golden", "bbc", "case", *GEOPARSING, "re3d"])
    )
    parser.add_argument("--limit", type=int, default=None, help="first N rows of the ACLED files")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline()
    for name in args.sets.split(","):
        if name in GEOPARSING:
            dump_places(pipeline, args.out, name)
        elif name == "re3d":
            dump_re3d(pipeline, args.out)
        else:
            dump_extractions(pipeline, documents_of(name, args.limit), args.out, name)
        print(f"dumped {name}", flush=True)


if __name__ == "__main__":
    main()
