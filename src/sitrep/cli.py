"""The ``sitrep`` command. Thin: read -> pipeline -> exporter; problems become one line each on stderr.

Exit status: 0 when every input was read and extracted, 1 when any input failed (the others are
still processed and written), 2 for a usage error or a store that cannot be used (E401-E405).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NoReturn, TextIO

from . import __version__
from .errors import (
    WARNING_CAPPED,
    WARNING_NO_DATE,
    InputError,
    ResourceError,
    SitrepError,
    SitrepWarning,
    StoreError,
)
from .model import Document, Extraction
from .output_files import OutputFile, check_target
from .safe_text import printable

EXIT_OK = 0
EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2
# Documents handed to the pipeline at a time (spaCy batches the parsing within a chunk).
CHUNK = 16
# A progress line is shown only for more documents than this, and only on a terminal.
PROGRESS_MIN_DOCUMENTS = 3
# Formats whose cells are neutralised against spreadsheet formulas unless --raw-cells (export/csv_cells.py).
CSV_FORMATS = ("acled-csv", "incidents-csv")
RAW_CELLS_HELP = (
    "CSV formats: write cells as they are; by default a text cell starting with =, +, -, @, a tab or a "
    "carriage return gets a leading apostrophe so that spreadsheets do not run it as a formula"
)


class _Reporter:
    """Writes problems and warnings to stderr, one line each, and remembers whether anything failed."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self.failed = False
        self.extracted = 0  # documents written to the output
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


class _Parser(argparse.ArgumentParser):
    """argparse, with the user's words in its error messages (a bad choice, an unknown option) escaped
    like every other message (sitrep.safe_text); its subcommand parsers are of this class too."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {printable(message)}\n")


def _at_least_one(value: str) -> int:
    """A count option: a whole number of at least 1 (argparse reports anything else as a usage error)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _share(value: str) -> float:
    """A share option: a number from 0 to 1."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be from 0 to 1, not {value}")
    return number


READ_ALL_HELP = (
    "parse every document; by default a first look on the raw text leaves ordinary news (sport, business, "
    "culture, technology) unparsed and without events (see docs/relevance.md)"
)


# Over 60 lines: every command and option of the command line, declared in one place.


def build_parser(formats: Sequence[str]) -> argparse.ArgumentParser:
    parser = _Parser(
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
    ex.add_argument(
        "--published", metavar="YYYY-MM-DD", help="publication date for every input (overrides the input's own)"
    )
    ex.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    ex.add_argument("--raw-cells", action="store_true", help=RAW_CELLS_HELP)
    ex.add_argument("--read-all", action="store_true", help=READ_ALL_HELP)
    ex.add_argument(
        "--min-relevance",
        type=_share,
        default=0.0,
        metavar="P",
        help="leave out events of documents whose relevance score (0-1) is under P (default: 0, keep all)",
    )
    ing = sub.add_parser(
        "ingest",
        help="extract a corpus into a store",
        description="Read files and folders (text, dated text, HTML, RSS/Atom, JSON Lines, CSV), extract every new "
        "document and store documents, events and rejects in one SQLite file. Re-running is safe: stored "
        "documents are skipped.",
    )
    ing.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder, or - for standard input")
    ing.add_argument("--db", metavar="FILE", default="sitrep.db", help="the store (default: ./sitrep.db)")
    ing.add_argument(
        "--text-column", metavar="NAME", help="the text column of CSV files (default: text, body, content or article)"
    )
    ing.add_argument("--workers", type=int, default=1, metavar="N", help="extraction processes (default: 1)")
    ing.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="extract on this Dask distributed scheduler, e.g. tcp://host:8786 (needs sitrep[dask])",
    )
    ing.add_argument("--merge", action="store_true", help="merge the store's events into incidents after the ingest")
    ing.add_argument("--read-all", action="store_true", help=READ_ALL_HELP)
    _add_store_commands(sub)
    _add_gazetteer_commands(sub)
    _add_serve_command(sub)
    mer = sub.add_parser(
        "merge",
        help="merge a store's events into incidents",
        description="Group the stored events of many documents into incidents (ids stay stable across runs; "
        "changes of membership are recorded as revisions). See docs/merge.md and docs/store.md.",
    )
    mer.add_argument("--db", metavar="FILE", default="sitrep.db", help="the store (default: ./sitrep.db)")
    mer.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="processes that score candidate pairs (default: 1; the incidents are the same)",
    )
    ev = sub.add_parser(
        "eval",
        help="measure accuracy against labelled data",
        description=(
            "Measure accuracy against labelled data: ACLED CSV files; TR-News or GeoWebNews XML (geoparse); "
            "the re3d folder; CASE 2021 Task 2 TSV (case2021); ordinary news labelled 0/1 (quiet, false alarms); "
            "a folder of articles read event by event (articles: NNN-slug.txt beside NNN-slug.gold.json)."
        ),
    )
    ev.add_argument(
        "dataset", choices=["acled", "articles", "case2021", "geoparse", "quiet", "re3d"], help="kind of labelled data"
    )
    ev.add_argument("path", metavar="PATH", help="the labelled file (a folder for re3d and articles)")
    ev.add_argument("--limit", type=_at_least_one, metavar="N", help="only the first N rows or documents")
    ev.add_argument("--json", metavar="FILE", help="also write the figures as JSON to FILE")
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    err = stderr if stderr is not None else sys.stderr
    with warnings.catch_warnings():
        fallback = warnings.showwarning
        warnings.showwarning = functools.partial(_show_warning, err=err, fallback=fallback)
        return _main(argv, stdout=stdout, stderr=err)


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
    *,
    err: TextIO,
    fallback: Any,
) -> None:
    """sitrep's coded warnings (a rebuilt or unwritable gazetteer cache) as one ``[W...]`` line each;
    any other warning as Python shows it."""
    if issubclass(category, SitrepWarning):
        err.write(f"[{category.code}] {printable(str(message))}\n")
        err.flush()
    else:
        fallback(message, category, filename, lineno, file, line)


def _main(argv: Sequence[str] | None, *, stdout: TextIO | None, stderr: TextIO) -> int:
    from .ingest.documents import parse_published
    from .registry import exporter_names, get_exporter

    err = stderr
    parser = build_parser(exporter_names())
    try:
        with contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on a usage error and 0 for --help/--version
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE

    if args.command == "eval":
        return _evaluate(args, stdout if stdout is not None else sys.stdout, err)
    if args.command == "ingest":
        return _ingest(args, stdout if stdout is not None else sys.stdout, err)
    if args.command == "export":
        return _export(args, stdout if stdout is not None else sys.stdout, err)
    if args.command == "merge":
        return _merge(args.db, args.workers, stdout if stdout is not None else sys.stdout, err)
    if args.command == "stats":
        return _stats(args, stdout if stdout is not None else sys.stdout, err)
    if args.command == "gazetteer":
        return _gazetteer(args, stdout if stdout is not None else sys.stdout, err)
    if args.command == "serve":
        return _serve(args, err)
    try:
        published = parse_published(args.published, source="--published")
    except SitrepError as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE

    if args.raw_cells and args.format not in CSV_FORMATS:
        err.write(f"[E008] --raw-cells: applies to the CSV formats ({', '.join(CSV_FORMATS)}), not {args.format}\n")
        return EXIT_USAGE
    exporter_cls = get_exporter(args.format)
    if args.raw_cells:
        exporter_cls = functools.partial(exporter_cls, raw_cells=True)
    reporter = _Reporter(err)
    options = _ExtractOptions(read_all=args.read_all, min_relevance=args.min_relevance)
    if not args.output:
        out = stdout if stdout is not None else sys.stdout
        return _run_to(args.paths, published, exporter_cls, out, reporter, options)
    try:
        with OutputFile(check_target(args.output, reads=args.paths)) as output:
            code = _run_to(args.paths, published, exporter_cls, output.stream, reporter, options)
            if reporter.failed and reporter.extracted == 0:
                err.write(f"sitrep: nothing was extracted; {args.output} is left as it was\n")
            elif code != 130:
                output.commit()
            return code
    except (SitrepError, OSError) as exc:
        return _refused(exc, args.output, err)


def _refused(exc: SitrepError | OSError, output: str | None, err: TextIO) -> int:
    """A coded line for a refused or unwritable output (or a bad option met while writing it); exit 2."""
    if isinstance(exc, OSError):
        err.write(f"[E006] {output}: cannot write the output file: {exc.strerror or exc}\n")
    else:
        err.write(f"{exc}\n")
    return EXIT_USAGE


@dataclass(frozen=True)
class _ExtractOptions:
    read_all: bool = False
    min_relevance: float = 0.0


def _run_to(
    paths: Sequence[str], published: Any, exporter_cls: Any, out: TextIO, reporter: _Reporter, options: _ExtractOptions
) -> int:
    try:
        return _run(paths, published, exporter_cls, out, reporter, options)
    except KeyboardInterrupt:
        reporter.err.write("\nsitrep: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK if not reporter.failed else EXIT_INPUT_FAILED


def _run(
    paths: Sequence[str], published: Any, exporter_cls: Any, out: TextIO, reporter: _Reporter, options: _ExtractOptions
) -> int:
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
            _extract(documents, exporter, reporter, options)
    finally:
        exporter.close()
    skipped = getattr(exporter, "skipped", 0)
    if skipped:
        reporter.line(f"sitrep: {skipped} event(s) without coordinates were left out of the GeoJSON")
    return EXIT_INPUT_FAILED if reporter.failed else EXIT_OK


def _extract(documents: list[Document], exporter: Any, reporter: _Reporter, options: _ExtractOptions) -> None:
    from . import load_pipeline
    from .relevance.first_look import relevant_enough
    from .worker import Failure, extract_chunk

    try:
        pipeline = load_pipeline(first_look=False) if options.read_all else load_pipeline()
        pipeline.resources.nlp  # noqa: B018 (load the model now: a missing model is one clear error)
    except SitrepError as exc:
        reporter.error(str(exc))
        return
    show_progress = reporter.err.isatty() and len(documents) > PROGRESS_MIN_DOCUMENTS
    done = 0
    for start in range(0, len(documents), CHUNK):
        chunk = documents[start : start + CHUNK]
        try:
            outcomes = extract_chunk(pipeline, chunk, _as_extracted)
        except ResourceError as exc:
            reporter.error(str(exc))
            return
        for outcome in outcomes:
            if isinstance(outcome, Failure):
                reporter.error(str(outcome.error()))
        for document, outcome in zip(chunk, outcomes):
            if not isinstance(outcome, Failure):
                _warn_undated(document, reporter)
                for note in outcome.notes:
                    reporter.line(f"[{WARNING_CAPPED}] {printable(document.source)}: {note}")
                exporter.write(relevant_enough(outcome, options.min_relevance))
                reporter.extracted += 1
            done += 1
            if show_progress:
                reporter.progress(done, len(documents))


def _as_extracted(extraction: Extraction) -> Extraction:
    return extraction


def _warn_undated(document: Document, reporter: _Reporter) -> None:
    if document.published is None:
        reporter.line(
            f"[{WARNING_NO_DATE}] {printable(document.source)}: no publication date; relative dates get a coarse precision "
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
            scheduler=args.scheduler,
            progress=_ProgressBar(err) if terminal else None,
            pipeline_factory=corpus.read_everything if args.read_all else None,
        )
    except KeyboardInterrupt:
        err.write("\nsitrep: interrupted; what was stored is kept (run again to finish)\n")
        return 130
    except SitrepError as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE if isinstance(exc, InputError | StoreError) else EXIT_INPUT_FAILED
    merged: Any = None
    if getattr(args, "merge", False):
        from .incidents_run import update_incidents

        try:
            merged = update_incidents(args.db, workers=args.workers)
        except SitrepError as exc:
            err.write(f"{exc}\n")
            return EXIT_USAGE if isinstance(exc, StoreError) else EXIT_INPUT_FAILED
    err.writelines(rejection.line() + "\n" for rejection in summary.rejections)
    if terminal:
        err.write(_summary_text(summary, args.db) + "\n")
        if merged is not None:
            err.write(_merge_text(merged) + "\n")
    else:
        line = {"db": str(args.db), **summary.to_dict()}
        if merged is not None:
            line["merge"] = merged.to_dict()
        out.write(json.dumps(line) + "\n")
    return EXIT_INPUT_FAILED if summary.rejected else EXIT_OK


def _merge(db: str, workers: int, out: TextIO, err: TextIO) -> int:
    """`sitrep merge`: a summary on a terminal; else one JSON line on stdout."""
    import json
    from pathlib import Path

    from .errors import UnreadableInput
    from .incidents_run import update_incidents

    if not Path(db).is_file():
        err.write(f"{UnreadableInput('no such store', source=db)}\n")
        return EXIT_USAGE
    try:
        summary = update_incidents(db, workers=workers)
    except (InputError, StoreError) as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE
    except SitrepError as exc:
        err.write(f"{exc}\n")
        return EXIT_INPUT_FAILED
    if err.isatty():
        err.write(_merge_text(summary) + "\n")
    else:
        out.write(json.dumps({"db": str(db), **summary.to_dict()}) + "\n")
    return EXIT_OK


def _merge_text(summary: Any) -> str:
    d = summary.to_dict()
    changes = ", ".join(f"{n} {reason}" for reason, n in d["revisions_by_reason"].items()) or "no changes"
    return (
        f"merge run {d['run']}: {d['events']} events -> {d['incidents']} incidents "
        f"({d['multi_report']} told by several documents); revisions: {changes}; {d['seconds']:.1f} s"
    )


def _add_store_commands(sub: Any) -> None:
    """`sitrep export` and `sitrep stats`: reading a store (see docs/export.md)."""
    from .export.store_export import FORMATS

    exp = sub.add_parser(
        "export",
        help="export events from a store",
        description="Write the store's events matching the filters as ACLED CSV, PLOVER JSON Lines, GeoJSON or "
        "merged incidents (CSV). Streams: a large store does not have to fit in memory.",
    )
    exp.add_argument("--db", metavar="FILE", default="sitrep.db", help="the store (default: ./sitrep.db)")
    exp.add_argument("--format", "-f", choices=FORMATS, required=True, help="output format")
    exp.add_argument("--start", metavar="YYYY-MM-DD", help="events on or after this day")
    exp.add_argument("--end", metavar="YYYY-MM-DD", help="events on or before this day")
    exp.add_argument("--country", metavar="ISO3", help="events placed in this country (ISO 3166 alpha-3)")
    exp.add_argument(
        "--type",
        metavar="TYPE",
        help="an ACLED event type (e.g. Battles) or, in capitals, a PLOVER event (e.g. ASSAULT)",
    )
    exp.add_argument("--actor", metavar="NAME", help="events naming this canonical actor as actor or recipient")
    exp.add_argument("--bbox", metavar="MINLON,MINLAT,MAXLON,MAXLAT", help="events inside this box (degrees)")
    exp.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    exp.add_argument("--raw-cells", action="store_true", help=RAW_CELLS_HELP)
    st = sub.add_parser("stats", help="count a store's events", description="Events by day, type and country.")
    st.add_argument("--db", metavar="FILE", default="sitrep.db", help="the store (default: ./sitrep.db)")
    st.add_argument("--json", action="store_true", help="one JSON object instead of tables")
    st.add_argument("--rejects", action="store_true", help="also list every rejected input: source, code, message")


def _add_serve_command(sub: Any) -> None:
    """`sitrep serve`: the HTTP API and map page over a store (sitrep.web; see docs/web.md)."""
    srv = sub.add_parser(
        "serve",
        help="serve a store's events: an HTTP API and a map page",
        description="Serve the store read-only on this machine (127.0.0.1) by default. With --token, articles "
        "may be posted to /api/documents with the header 'Authorization: Bearer TOKEN'.",
    )
    srv.add_argument("--db", metavar="FILE", default="sitrep.db", help="the store (default: ./sitrep.db)")
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    srv.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    srv.add_argument("--token", metavar="TOKEN", help="accept posted articles sent with this bearer token")
    srv.add_argument(
        "--body-limit", type=int, default=1_000_000, metavar="BYTES", help="largest posted body (default: 1000000)"
    )


def _serve(args: argparse.Namespace, err: TextIO) -> int:
    """`sitrep serve`: checks the store and options, prints the address, runs until interrupted."""
    from .web.server import serve

    try:
        return serve(args.db, host=args.host, port=args.port, token=args.token, body_limit=args.body_limit, err=err)
    except SitrepError as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE


def _add_gazetteer_commands(sub: Any) -> None:
    """`sitrep gazetteer add|info|remove|clear`: places added from GeoNames dumps (see docs/gazetteer.md)."""
    gaz = sub.add_parser(
        "gazetteer",
        help="add GeoNames dump files to the gazetteer, or say what it holds",
        description="The bundled gazetteer (GeoNames cities500) lacks most villages: add GeoNames dump files "
        "(allCountries.txt or a country's XX.txt, zipped or not) to the cache folder (see docs/gazetteer.md).",
    )
    cmd = gaz.add_subparsers(dest="gazetteer_command", required=True, metavar="ACTION")
    add = cmd.add_parser("add", help="index GeoNames dump files into the cache")
    add.add_argument("files", nargs="+", metavar="FILE", help="a GeoNames dump: XX.txt, allCountries.txt or its .zip")
    info = cmd.add_parser("info", help="say what the gazetteer holds")
    info.add_argument("--json", action="store_true", help="one JSON object instead of lines")
    rm = cmd.add_parser("remove", help="remove added dump files")
    rm.add_argument("names", nargs="+", metavar="NAME", help="an added file's name (as info lists it) or sha256 prefix")
    cmd.add_parser("clear", help="remove every added dump file")


def _gazetteer(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pathlib import Path

    from . import config
    from .resolve import gazetteer, gazetteer_added

    try:
        if args.gazetteer_command == "add":
            return _gazetteer_add([Path(f) for f in args.files], out, err)
        if args.gazetteer_command in ("remove", "clear"):
            folder = config.cache_dir()
            names = (
                args.names if args.gazetteer_command == "remove" else [f.sha256 for f in gazetteer_added.stored(folder)]
            )
            gone = gazetteer_added.remove(folder, names)
            out.write(
                "".join(f"removed {printable(f.name)} ({f.rows} places)\n" for f in gone) or "nothing to remove\n"
            )
            return EXIT_OK if gone or args.gazetteer_command == "clear" else EXIT_INPUT_FAILED
        described = gazetteer.describe()
    except (InputError, ResourceError) as exc:
        err.write(f"{exc}\n")
        return EXIT_INPUT_FAILED
    except OSError as exc:
        err.write(
            f"[E006] {printable(str(config.cache_dir()))}: cannot write the gazetteer cache: {exc.strerror or exc}\n"
        )
        return EXIT_USAGE
    out.write(_json_text(described) if args.json else _gazetteer_text(described))
    return EXIT_OK


def _gazetteer_add(paths: list[Any], out: TextIO, err: TextIO) -> int:
    """One line for each file: what was added, or the coded error that refused it (exit status 1)."""
    from .resolve.gazetteer import add_dumps

    failed = False
    for done in add_dumps(paths, progress=_ByteProgress(err) if err.isatty() else None):
        if isinstance(done, InputError):
            failed = True
            err.write(f"{done}\n")
            continue
        f = done.file
        countries = f"{len(f.countries)} countr{'y' if len(f.countries) == 1 else 'ies'}"
        what = "already added" if done.already else f"added {f.rows} places of {countries}"
        out.write(f"{printable(f.name)}: {what} ({printable(str(f.path))})\n")
    return EXIT_INPUT_FAILED if failed else EXIT_OK


def _json_text(value: Any) -> str:
    import json

    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def _gazetteer_text(described: dict[str, Any]) -> str:
    bundled = described["bundled"]
    lines = [f"bundled: {bundled['places']} places from {bundled['source']}", f"  cache: {bundled['path']}"]
    for f in described["added"]:
        top = ", ".join(f"{cc} {n}" for cc, n in sorted(f["countries"].items(), key=lambda t: -t[1])[:8])
        more = f", and {len(f['countries']) - 8} more" if len(f["countries"]) > 8 else ""
        lines.append(f"added: {f['name']}: {f['rows']} places ({top}{more}), added {f['added']}")
        lines.append(f"  {f['size']} bytes, sha256 {f['sha256'][:16]}; cache: {f['path']}")
    if not described["added"]:
        lines.append("added: none (sitrep gazetteer add FILE adds a GeoNames dump)")
    return "\n".join(printable(line) for line in lines) + "\n"


class _ByteProgress:
    """``sitrep: AF.txt 42%`` redrawn in place on a terminal while a dump is read."""

    def __init__(self, err: TextIO) -> None:
        self.err = err

    def __call__(self, name: str, done: int, total: int) -> None:
        share = 100 * done // max(total, 1)
        self.err.write(f"\rsitrep: {printable(name)} {share}%")
        if done >= total:
            self.err.write("\n")
        self.err.flush()


def _event_filter(args: argparse.Namespace) -> Any:
    """The command's filters as an EventFilter. A --type in capitals is a PLOVER event, else an ACLED type."""
    import datetime as dt

    from .errors import BadOption
    from .store import BBox, EventFilter

    def day(value: str | None, option: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(value) if value else None
        except ValueError:
            raise BadOption(f"{value!r} is not a date YYYY-MM-DD", source=option) from None

    kind = args.type
    plover = kind if kind is not None and kind.isupper() else None
    return EventFilter(
        start=day(args.start, "--start"),
        end=day(args.end, "--end"),
        bbox=BBox.parse(args.bbox) if args.bbox else None,
        country=args.country.upper() if args.country else None,
        acled_type=kind if plover is None else None,
        plover=plover,
        actor=args.actor,
    )


def _export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`sitrep export`: stream the selected events to stdout or --output; a one-line summary on stderr."""
    from .export.store_export import export_store
    from .store import open_store

    if args.raw_cells and args.format not in CSV_FORMATS:
        err.write(f"[E008] --raw-cells: applies to the CSV formats ({', '.join(CSV_FORMATS)}), not {args.format}\n")
        return EXIT_USAGE
    try:
        where = _event_filter(args)
        store = open_store(args.db)
    except SitrepError as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE
    try:
        if args.output:
            store_files = [args.db, f"{args.db}-wal", f"{args.db}-shm", f"{args.db}-journal"]
            with OutputFile(check_target(args.output, reads=store_files)) as output:
                summary = export_store(store, where, args.format, output.stream, raw_cells=args.raw_cells)
                output.commit()
        else:
            summary = export_store(store, where, args.format, out, raw_cells=args.raw_cells)
            out.flush()
    except BrokenPipeError:  # before OSError, of which it is one: a reader that stopped reading is no failure
        return EXIT_OK
    except (SitrepError, OSError) as exc:
        return _refused(exc, args.output, err)
    except KeyboardInterrupt:
        err.write("\nsitrep: interrupted\n")
        return 130
    finally:
        store.close()
    if err.isatty() or args.output:
        err.write(
            f"sitrep: {summary.written} {args.format} record(s) from {summary.read} event(s); "
            f"{summary.left_out} left out (see docs/export.md)\n"
        )
    return EXIT_OK


def _stats(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`sitrep stats`: plain tables, or one JSON object with --json."""
    import json

    from .stats import stats_table, store_stats

    try:
        stats = store_stats(args.db, listing=args.rejects)
    except SitrepError as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE
    out.write(json.dumps(stats.to_dict()) + "\n" if args.json else stats_table(stats))
    return EXIT_OK


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
        + (
            f"\n  {summary.unread} of those coded judged ordinary news and not parsed (--read-all parses them)"
            if summary.unread
            else ""
        )
    ]
    lines += [f"  rejected {code}: {n}" for code, n in summary.rejected_by_code]
    return "\n".join(lines)


def _evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`sitrep eval DATASET PATH`: print the table, and write the figures as JSON when asked."""
    import json
    from pathlib import Path

    from .ingest.readers import special_file

    path = Path(args.path)
    progress = _Reporter(err).progress if err.isatty() else None
    try:
        json_target = check_target(args.json, reads=[args.path]) if args.json else None
    except SitrepError as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE
    refused = special_file(path)
    if refused is not None:  # a FIFO with no writer would block the evaluation's reader for ever
        err.write(f"{refused}\n")
        return EXIT_USAGE
    try:
        if args.dataset == "geoparse":
            from .annotated import Resources
            from .evaluation.geoparse import evaluate_geoparse

            report: Any = evaluate_geoparse(path, Resources(), limit=args.limit, progress=progress)
        elif args.dataset == "re3d":
            from .evaluation.re3d import evaluate_re3d
            from .pipeline import load_pipeline

            report = evaluate_re3d(path, load_pipeline(), limit=args.limit, progress=progress)
        elif args.dataset == "case2021":
            from .evaluation.case2021 import evaluate_case2021
            from .pipeline import load_pipeline

            report = evaluate_case2021(path, load_pipeline(), limit=args.limit, progress=progress)
        elif args.dataset == "articles":
            from .evaluation.articles import evaluate_articles
            from .pipeline import load_pipeline

            report = evaluate_articles(path, load_pipeline(), limit=args.limit, progress=progress)
        elif args.dataset == "quiet":
            from .evaluation.quiet import evaluate_quiet
            from .pipeline import load_pipeline

            report = evaluate_quiet(path, load_pipeline(), limit=args.limit, progress=progress)
        else:
            from .evaluation.acled import evaluate_acled
            from .pipeline import load_pipeline

            report = evaluate_acled(path, load_pipeline(), limit=args.limit, progress=progress)
    except SitrepError as exc:
        err.write(f"{exc}\n")
        return EXIT_INPUT_FAILED
    out.write(report.table() + "\n")
    if json_target is not None:
        try:
            with OutputFile(json_target) as output:
                output.stream.write(json.dumps(report.figures(), indent=2, default=str))
                output.commit()
        except OSError as exc:
            err.write(f"[E006] {args.json}: cannot write the figures: {exc.strerror or exc}\n")
            return EXIT_USAGE
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
