"""The command line, fed generated argument lists: every command and option, with values good, bad and
hostile (file names holding newlines and escapes, devices, a FIFO, the store or an input as the output).

Whatever the arguments: an exit status of 0, 1 or 2, no traceback, every line on stderr a coded message,
a warning, argparse's usage or sitrep's own summary, nothing a terminal would act on, and no input
file changed. The pipeline is the real one, built once for the run.
"""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sitrep
from sitrep import cli, corpus
from sitrep.pipeline import Pipeline
from tests.fuzz.guards import time_limit

STORY = "date 2021-05-11\nGunmen attacked a police post near Gao on Monday, killing two officers, officials said.\n"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Named paths the generated arguments pick from."""
    root = tmp_path_factory.mktemp("cli")
    (root / "in").mkdir()
    (root / "in" / "a.txt").write_text(STORY)
    (root / "in" / "b.jsonl").write_text('{"text": "Protesters marched in the capital on Friday."}\n{"x": 1}\n')
    weird = root / "in" / "bad\n[E000] forged\x1b[2J.txt"
    weird.write_text(STORY.replace("Gao", "Kidal"))
    (root / "bin.txt").write_bytes(b"\x00\x01binary")
    (root / "gold.csv").write_text("notes,event_date\nx,2020-01-01\n")
    foreign = root / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t(x)")
    con.close()
    os.mkfifo(root / "fifo.txt")
    return {
        "input": str(root / "in" / "a.txt"),
        "jsonl": str(root / "in" / "b.jsonl"),
        "weird": str(weird),
        "folder": str(root / "in"),
        "binary": str(root / "bin.txt"),
        "missing": str(root / "nope.txt"),
        "empty": "",
        "fifo": str(root / "fifo.txt"),
        "device": "/dev/null",
        "gold": str(root / "gold.csv"),
        "store": str(root / "s.db"),
        "foreign": str(foreign),
        "out": str(root / "out.txt"),
        "out-in-folder": str(root / "in" / "out.txt"),
        "dir": str(root),
    }


@pytest.fixture(scope="module")
def shared_pipeline(pipeline: Pipeline) -> Iterator[None]:
    """The session's pipeline for every command (building one loads spaCy: seconds, not milliseconds)."""
    patch = pytest.MonkeyPatch()
    patch.setattr(sitrep, "load_pipeline", lambda *a, **k: pipeline)
    patch.setattr(sitrep.pipeline, "load_pipeline", lambda *a, **k: pipeline)
    patch.setattr(corpus, "_default_factory", lambda: pipeline)
    yield
    patch.undo()


PATH = st.sampled_from(["input", "jsonl", "weird", "folder", "binary", "missing", "empty", "fifo", "device"])
TARGET = st.sampled_from(["out", "out-in-folder", "input", "store", "gold", "dir", "device", "missing"])
VALUE = st.one_of(
    st.sampled_from(["0", "-1", "1", "2", "x", "", "2020-13-45", "0001-01-01", "2021-05-11", "ASSAULT", "Battles"]),
    st.sampled_from(["MLI", "1,2,3", "-180,-90,180,90", "nan,nan,nan,nan", "tcp://", "not-an-address"]),
    st.text(max_size=12),
)
COMMON = {
    "extract": [
        ("--format", st.sampled_from(["jsonl", "acled-csv", "geojson", "pretty", "bogus"])),
        ("--published", VALUE),
    ],
    "ingest": [("--workers", VALUE), ("--text-column", VALUE), ("--scheduler", VALUE)],
    "export": [
        ("--format", st.sampled_from(["acled-csv", "plover-jsonl", "geojson", "incidents-csv", "pretty"])),
        ("--start", VALUE),
        ("--end", VALUE),
        ("--country", VALUE),
        ("--type", VALUE),
        ("--actor", VALUE),
        ("--bbox", VALUE),
    ],
    "stats": [],
    "merge": [("--workers", VALUE)],
    "eval": [("--limit", VALUE)],
    "gazetteer": [],
}
FLAGS = {
    "extract": ["--raw-cells"],
    "ingest": ["--merge"],
    "export": ["--raw-cells"],
    "stats": ["--json", "--rejects"],
    "gazetteer": ["--json"],
}


@st.composite
def argv(draw: st.DrawFn, files: dict[str, str]) -> list[str]:
    command = draw(st.sampled_from(sorted(COMMON)))
    args = [command]
    if command == "gazetteer":
        args.append(draw(st.sampled_from(["add", "info", "remove", "clear", "bogus"])))
    if command in {"extract", "ingest"} or args[-1] == "add":
        args += [files[p] for p in draw(st.lists(PATH, min_size=0, max_size=3))]
    if args[-1] == "remove":
        args += draw(st.lists(VALUE, max_size=2))
    if command == "eval":
        args += [
            draw(st.sampled_from(["acled", "case2021", "geoparse", "quiet", "re3d", "bogus"])),
            files[draw(PATH | st.just("gold"))],
        ]
    if command in {"ingest", "export", "stats", "merge"} and draw(st.booleans()):
        args += ["--db", files[draw(st.sampled_from(["store", "foreign", "binary", "missing", "dir", "input"]))]]
    for option, values in draw(st.lists(st.sampled_from(COMMON[command]), max_size=3)) if COMMON[command] else []:
        args += [option, draw(values)]
    args += draw(st.lists(st.sampled_from(FLAGS.get(command, ["--bogus"])), max_size=1))
    if command in {"extract", "export"} and draw(st.booleans()):
        args += ["-o", files[draw(TARGET)]]
    if command == "eval" and draw(st.booleans()):
        args += ["--json", files[draw(TARGET)]]
    if draw(st.integers(0, 9)) == 0:
        args.insert(draw(st.integers(0, len(args))), draw(st.text(max_size=6)))
    return args


def _digest(paths: list[str]) -> dict[str, str]:
    return {p: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths}


# A fifth of the profile's inputs: each runs a whole command (the real pipeline included), a hundred
# times the cost of one reader's input; 2,000 in `make fuzz`.
@settings(
    max_examples=max(20, settings.default.max_examples // 5),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_argument_list_gives_a_traceback(
    files: dict[str, str], shared_pipeline: None, gazetteer_folder: Path, data: st.DataObject
) -> None:
    args = data.draw(argv(files))
    # A file the command does not read may be its -o target (replacing it is what -o is for); every
    # file it reads, and every file it is not told to write, must come through unchanged.
    target_at = {i + 1 for i, a in enumerate(args[:-1]) if a in {"-o", "--json"}}
    targets = {args[i] for i in target_at}
    read = {a for i, a in enumerate(args) if i not in target_at}
    inputs = [files[k] for k in ("input", "jsonl", "weird", "binary", "gold", "foreign")]
    inputs = [p for p in inputs if p not in targets or p in read]
    before = _digest(inputs)
    out, err = io.StringIO(), io.StringIO()
    with time_limit("cli arguments", seconds=60):
        code = cli.main(args, stdout=out, stderr=err)
    assert code in {0, 1, 2}, (args, code, err.getvalue())
    assert _digest(inputs) == before, args
    out.getvalue().encode("utf-8")
    for line in err.getvalue().splitlines():
        assert not any(unicodedata.category(c) in {"Cc", "Cs"} for c in line), (args, line)
        assert line.startswith(("[E", "[W", "usage:", "sitrep", " ", "\t")) or not line.strip(), (args, line)
