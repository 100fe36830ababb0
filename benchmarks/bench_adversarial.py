"""Time and peak memory of extraction on pathological and very long inputs, each run in a fresh process.

Each pattern is extracted at 10, 20, 40, 80 and 160 thousand characters; the table shows the
seconds spent in extraction (the model, gazetteer and dictionaries are loaded and warmed up before
the clock starts), the growth of that time per doubling of the input (linear work gives about
2x), and the peak resident memory of the child process (``resource.getrusage``, model included),
plus that of the parse helper process when a long text started one (``sitrep.parse_helper``; the
two peaks added, an upper bound of what both held at once).
Then one 1,000,000-character document (the realistic article text) and a batch of four
250,000-character documents sent through the chunked extraction the corpus runs use.

The realistic text is the bundled example article and the golden case articles, repeated until
long enough. A run that exceeds ``--timeout`` seconds is stopped and shown as ``>N``; the larger
sizes of that pattern are then skipped.

    .venv/bin/python benchmarks/bench_adversarial.py [--quick] [--timeout 300] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from report import emit

ROOT = Path(__file__).resolve().parents[1]
KB = 1000  # characters: the sizes are counts of characters, not bytes
SIZES = (10, 20, 40, 80, 160)
QUICK_SIZES = (10, 20, 40)
MILLION = 1_000_000
BATCH = (4, 250_000)  # documents, characters each


def _project_text() -> str:
    paths = [
        ROOT / "examples" / "demo-article.txt",
        *sorted((ROOT / "tests" / "golden" / "cases").glob("*/article.txt")),
    ]
    texts = []
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        if lines and lines[0].startswith("date "):  # the golden cases' publication-date line
            lines = lines[1:]
        texts.append("\n".join(lines).strip())
    return "\n\n".join(texts) + "\n\n"


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _names(size: int) -> str:
    """Capitalised made-up names, no punctuation: one endless proper-noun run."""
    syllables = ("Abc", "Def", "Ghi", "Jkl", "Mno", "Pqr", "Stu", "Vwx", "Yza", "Bcd", "Efg")
    words = [f"{a}{b.lower()}" for a in syllables for b in syllables]
    return _repeat(" ".join(words) + " ", size)


PATTERNS: dict[str, Callable[[int], str]] = {
    "al-": lambda n: _repeat("al-", n),
    "killed ": lambda n: _repeat("killed ", n),
    "Names": _names,
    "!": lambda n: _repeat("!", n),
    "(": lambda n: _repeat("(", n),
    "article": lambda n: _repeat(_project_text(), n),
}


# ---------------------------------------------------------------- the child process


def _child(pattern: str, size: int, batch: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "src"))
    from sitrep.ingest.documents import make_document
    from sitrep.pipeline import Pipeline
    from sitrep.worker import extract_chunk

    pipeline = Pipeline()
    pipeline(make_document("Soldiers shelled Stepanakert on Monday, killing two civilians, officials said."))
    text = PATTERNS[pattern](size)
    # distinct texts for a batch (a document's id is the hash of its text)
    documents = [make_document(text if i == 0 else f"{i}\n{text[: size - 2]}") for i in range(batch)]
    started = time.perf_counter()
    if batch == 1:
        extractions = [pipeline(documents[0])]
    else:
        extractions = extract_chunk(pipeline, documents, lambda x: x)
    seconds = time.perf_counter() - started
    pipeline.resources.close()  # a helper process that parsed pieces of a long text ends here
    own_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    helper_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    events = sum(len(getattr(x, "events", ())) for x in extractions)
    notes = sorted({n for x in extractions for n in getattr(x, "notes", ())})
    return {
        "seconds": seconds,
        "peak_mb": (own_kb + helper_kb) / 1024,
        "helper_mb": helper_kb / 1024,
        "events": events,
        "notes": notes,
    }


def _run(pattern: str, size: int, timeout: float, batch: int = 1) -> dict[str, Any] | None:
    command = [sys.executable, __file__, "--child", pattern, str(size), str(batch)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"{pattern} at {size}: the child failed:\n{exc.stderr}") from exc
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# ---------------------------------------------------------------- the table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes 10-40 thousand characters, no 1M run")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before a child is stopped")
    parser.add_argument("--patterns", default=",".join(PATTERNS), help="comma-separated, from: " + ", ".join(PATTERNS))
    parser.add_argument("--no-large", action="store_true", help="skip the 1M document and the batch")
    parser.add_argument("--json", default=None, help="also write the figures to this file")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        pattern, size, batch = args.child
        print(json.dumps(_child(pattern, int(size), int(batch))))
        return 0

    sizes = QUICK_SIZES if args.quick else SIZES
    rows: list[dict[str, Any]] = []
    print(f"{'pattern':10} {'chars':>9} {'seconds':>9} {'x/doubling':>10} {'peak MB':>8} {'events':>6}  notes")
    for pattern in filter(None, args.patterns.split(",")):  # --patterns "" runs only the large ones
        previous: float | None = None
        for kb in sizes:
            result = _run(pattern, kb * KB, args.timeout)
            row = {"pattern": pattern, "chars": kb * KB, **(result or {"seconds": None})}
            rows.append(row)
            if result is None:
                print(f"{pattern!r:10} {kb * KB:>9} {'>' + str(int(args.timeout)):>9}", flush=True)
                break
            growth = f"{result['seconds'] / previous:.2f}" if previous else ""
            print(
                f"{pattern!r:10} {kb * KB:>9} {result['seconds']:9.2f} {growth:>10} {result['peak_mb']:8.0f} "
                f"{result['events']:>6}  {'; '.join(result['notes'])[:100]}",
                flush=True,
            )
            previous = max(result["seconds"], 0.01)
    if not (args.quick or args.no_large):
        for label, size, batch in (("1M doc", MILLION, 1), (f"{BATCH[0]}x{BATCH[1]}", BATCH[1], BATCH[0])):
            result = _run("article", size, args.timeout, batch)
            rows.append({"pattern": label, "chars": size * batch, **(result or {"seconds": None})})
            if result is None:
                print(f"{label:10} {size * batch:>9} {'>' + str(int(args.timeout)):>9}", flush=True)
                continue
            print(
                f"{label:10} {size * batch:>9} {result['seconds']:9.2f} {'':>10} {result['peak_mb']:8.0f} "
                f"{result['events']:>6}  {'; '.join(result['notes'])[:100]}",
                flush=True,
            )
    if args.json:
        emit({"rows": rows}, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
