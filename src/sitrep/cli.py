"""The ``sitrep`` command. Thin: read -> pipeline -> exporter; problems become one line each on stderr.

Exit status: 0 when every input was read and extracted, 1 when any input failed (the others are
still processed and written), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from . import __version__
from .errors import WARNING_NO_DATE, InputError, ResourceError, SitrepError
from .model import Document, Extraction

EXIT_OK = 0
EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2
# Documents handed to the pipeline at a time (spaCy batches the parsing within a chunk).
CHUNK = 16
# A progress line is shown only for more documents than this, and only on a terminal.
PROGRESS_MIN_DOCUMENTS = 3


class _Reporter:
    """Writes problems and warnings to stderr, one line each, and remembers whether anything failed."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self.failed = False
        self._progress_shown = False

    def error(self, line: str) -> None:
        self.failed = True
        self.line(line)

    def line(self, line: str) -> None:
        if self._progress_shown:
            self.err.write("\r\033[K")
            self._progress_shown = False
        self.err.write(line + "\n")
        self.err.flush()

    def progress(self, done: int, total: int) -> None:
        self.err.write(f"\rsitrep: {done}/{total} documents")
        self.err.flush()
        self._progress_shown = done < total
        if done >= total:
            self.err.write("\n")


def build_parser(formats: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitrep",
        description="Source-attributed conflict event data from news articles and statements.",
    )
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    ex = sub.add_parser(
        "extract",
        help="extract events from articles",
        description="Extract events from text, dated-text, HTML or JSON Lines files, folders, or - for stdin.",
    )
    ex.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder, or - for standard input")
    ex.add_argument("--format", "-f", choices=list(formats), default="jsonl", help="output format (default: jsonl)")
    ex.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for every input (overrides the input's own)")
    ex.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    ing = sub.add_parser(
        "ingest",
        help="extract a corpus into a store",
        description="Read files and folders (text, dated text, HTML, RSS/Atom, JSON Lines, CSV), extract every new "
        "document and store documents, events and rejects in one SQLite file. Re-running is safe: stored "
        "documents are skipped.",
    )
    ing.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder, or - for standard input")
    ing.add_argument("--db", metavar="FILE", default="sitrep.db", help="the store (default: ./sitrep.db)")
    ing.add_argument("--text-column", metavar="NAME", help="the text column of CSV files (default: text, body, content or article)")
    ing.add_argument("--workers", type=int, default=1, metavar="N", help="extraction processes (default: 1)")
    ev = sub.add_parser(
        "eval",
        help="measure accuracy against labelled data",
        description="Measure accuracy against labelled data: ACLED CSV files; TR-News or GeoWebNews XML (geoparse).",
    )
    ev.add_argument("dataset", choices=["acled", "geoparse", "re3d"], help="kind of labelled data")
    ev.add_argument("path", metavar="PATH", help="the labelled file")
    ev.add_argument("--limit", type=int, metavar="N", help="only the first N rows or documents")
    ev.add_argument("--json", metavar="FILE", help="also write the figures as JSON to FILE")
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    from .ingest.documents import parse_published
    from .registry import exporter_names, get_exporter

    err = stderr if stderr is not None else sys.stderr
    parser = build_parser(exporter_names())
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on a usage error and 0 for --help/--version
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE

    if args.command == "eval":
        return _evaluate(args, stdout if stdout is not None else sys.stdout, err)
    if args.command == "ingest":
        return _ingest(args, stdout if stdout is not None else sys.stdout, err)
    try:
        published = parse_published(args.published, source="--published")
    except SitrepError as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE

    exporter_cls = get_exporter(args.format)
    if args.output:
        try:
            out: TextIO = open(args.output, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed below)
        except OSError as exc:
            err.write(f"[E006] {args.output}: cannot write the output file: {exc.strerror or exc}\n")
            return EXIT_USAGE
    else:
        out = stdout if stdout is not None else sys.stdout
    reporter = _Reporter(err)
    try:
        return _run(args.paths, published, exporter_cls, out, reporter)
    except KeyboardInterrupt:
        err.write("\nsitrep: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK if not reporter.failed else EXIT_INPUT_FAILED
    finally:
        if args.output:
            out.close()


def _run(paths: Sequence[str], published: Any, exporter_cls: Any, out: TextIO, reporter: _Reporter) -> int:
    from .ingest.documents import with_published
    from .ingest.language import language_warning
    from .ingest.readers import read_inputs

    documents: list[Document] = []
    for item in read_inputs(list(paths)):
        if isinstance(item, InputError):
            reporter.error(str(item))
            continue
        if published is not None:
            item = with_published(item, published)
        warning = language_warning(item.text, item.source)
        if warning:
            reporter.line(warning)
        documents.append(item)

    exporter = exporter_cls(out)
    try:
        if documents:
            _extract(documents, exporter, reporter)
    finally:
        exporter.close()
    skipped = getattr(exporter, "skipped", 0)
    if skipped:
        reporter.line(f"sitrep: {skipped} event(s) without coordinates were left out of the GeoJSON")
    return EXIT_INPUT_FAILED if reporter.failed else EXIT_OK


def _extract(documents: list[Document], exporter: Any, reporter: _Reporter) -> None:
    from . import load_pipeline

    try:
        pipeline = load_pipeline()
        pipeline.resources.nlp  # noqa: B018 (load the model now: a missing model is one clear error)
    except SitrepError as exc:
        reporter.error(str(exc))
        return
    show_progress = reporter.err.isatty() and len(documents) > PROGRESS_MIN_DOCUMENTS
    done = 0
    for start in range(0, len(documents), CHUNK):
        chunk = documents[start : start + CHUNK]
        try:
            extractions = _extract_chunk(pipeline, chunk, reporter)
        except ResourceError as exc:
            reporter.error(str(exc))
            return
        for document, extraction in zip(chunk, extractions):
            if extraction is not None:
                _warn(document, extraction, reporter)
                exporter.write(extraction)
            done += 1
            if show_progress:
                reporter.progress(done, len(documents))


def _extract_chunk(pipeline: Any, chunk: list[Document], reporter: _Reporter) -> list[Extraction | None]:
    """Extract a chunk in one batch; if that fails, one by one so one bad document does not sink the rest."""
    try:
        return list(pipeline.pipe(chunk))
    except Exception:  # noqa: BLE001 (retried one by one below, where each failure is reported)
        pass
    results: list[Extraction | None] = []
    for document in chunk:
        try:
            results.append(pipeline(document))
        except ResourceError:
            raise
        except Exception as exc:  # noqa: BLE001 (a bug in a stage must not lose the other documents)
            reporter.error(f"[E000] {document.source}: extraction failed: {type(exc).__name__}: {exc}")
            results.append(None)
    return results


def _warn(document: Document, extraction: Extraction, reporter: _Reporter) -> None:
    for warning in extraction.warnings:
        reporter.line(warning if warning.startswith("[") else f"{document.source}: {warning}")
    if document.published is None and not any(WARNING_NO_DATE in w for w in extraction.warnings):
        reporter.line(
            f"[{WARNING_NO_DATE}] {document.source}: no publication date; relative dates get a coarse precision "
            "(give one with --published or a 'date YYYY-MM-DD' first line)"
        )




def _ingest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`sitrep ingest`: a progress bar and a summary on a terminal; else one JSON summary line on stdout."""
    import json

    from . import corpus

    terminal = err.isatty()
    try:
        summary = corpus.ingest(
            args.paths,
            args.db,
            text_column=args.text_column,
            workers=args.workers,
            progress=_ProgressBar(err) if terminal else None,
        )
    except KeyboardInterrupt:
        err.write("\nsitrep: interrupted; what was stored is kept (run again to finish)\n")
        return 130
    except SitrepError as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE if isinstance(exc, InputError) else EXIT_INPUT_FAILED
    if terminal:
        err.write(_summary_text(summary, args.db) + "\n")
    else:
        out.write(json.dumps({"db": str(args.db), **summary.to_dict()}) + "\n")
    return EXIT_INPUT_FAILED if summary.rejected else EXIT_OK


class _ProgressBar:
    """``[#####-----] 12/30 documents  4.1/s`` redrawn in place on a terminal."""

    WIDTH = 30

    def __init__(self, err: TextIO) -> None:
        import time

        self.err = err
        self._clock = time.perf_counter
        self._started = self._clock()

    def __call__(self, done: int, total: int) -> None:
        filled = self.WIDTH * done // max(total, 1)
        rate = done / max(self._clock() - self._started, 1e-9)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.err.write(f"\r[{bar}] {done}/{total} documents  {rate:.1f}/s")
        if done >= total:
            self.err.write("\n")
        self.err.flush()


def _summary_text(summary: Any, db: str) -> str:
    lines = [
        f"sitrep: {summary.read} read, {summary.coded} coded ({summary.events} events), "
        f"{summary.already_stored} already stored, {summary.rejected} rejected in {summary.seconds:.1f} s -> {db}"
    ]
    lines += [f"  rejected {code}: {n}" for code, n in summary.rejected_by_code]
    return "\n".join(lines)


def _evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`sitrep eval`: print the table, and write the figures as JSON when asked."""
    import json
    from pathlib import Path

    from .evaluation.acled import evaluate_acled
    from .pipeline import load_pipeline

    if args.dataset == "geoparse":
        return _evaluate_geoparse(args, out, err)
    if args.dataset == "re3d":
        return _evaluate_re3d(args, out, err)
    reporter = _Reporter(err)
    show = err.isatty()
    try:
        report = evaluate_acled(
            Path(args.path),
            load_pipeline(),
            limit=args.limit,
            progress=reporter.progress if show else None,
        )
    except SitrepError as exc:
        err.write(f"{exc}\n")
        return EXIT_INPUT_FAILED
    out.write(report.table() + "\n")
    if args.json:
        try:
            Path(args.json).write_text(json.dumps(report.figures(), indent=2, default=str), encoding="utf-8")
        except OSError as exc:
            err.write(f"[E006] {args.json}: cannot write the figures: {exc.strerror or exc}\n")
            return EXIT_USAGE
    return EXIT_OK


def _evaluate_geoparse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`sitrep eval geoparse FILE.xml`: toponym P/R and placement accuracy on TR-News or GeoWebNews."""
    import json
    from pathlib import Path

    from .evaluation.geoparse import evaluate_geoparse
    from .pipeline import Resources

    reporter = _Reporter(err)
    try:
        report = evaluate_geoparse(
            Path(args.path), Resources(), limit=args.limit, progress=reporter.progress if err.isatty() else None
        )
    except SitrepError as exc:
        err.write(f"{exc}\n")
        return EXIT_INPUT_FAILED
    out.write(report.table() + "\n")
    if args.json:
        try:
            Path(args.json).write_text(json.dumps(report.figures(), indent=2), encoding="utf-8")
        except OSError as exc:
            err.write(f"[E006] {args.json}: cannot write the figures: {exc.strerror or exc}\n")
            return EXIT_USAGE
    return EXIT_OK


def _evaluate_re3d(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`sitrep eval re3d DIR`: Weapon, MilitaryPlatform, Location and Organisation spans against Dstl re3d."""
    import json
    from pathlib import Path

    from .evaluation.re3d import evaluate_re3d
    from .pipeline import load_pipeline

    reporter = _Reporter(err)
    try:
        report = evaluate_re3d(
            Path(args.path), load_pipeline(), limit=args.limit, progress=reporter.progress if err.isatty() else None
        )
    except SitrepError as exc:
        err.write(f"{exc}\n")
        return EXIT_INPUT_FAILED
    out.write(report.table() + "\n")
    if args.json:
        try:
            Path(args.json).write_text(json.dumps(report.figures(), indent=2), encoding="utf-8")
        except OSError as exc:
            err.write(f"[E006] {args.json}: cannot write the figures: {exc.strerror or exc}\n")
            return EXIT_USAGE
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
