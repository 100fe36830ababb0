"""The CLI: exit codes, error lines, formats. A fake pipeline keeps these independent of the stages;
one subprocess run goes end to end with the real pipeline and checks structure only."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

import sitrep
from sitrep import cli
from sitrep.model import Document, Extraction
from tests.unit.test_serialize import make_event

BODY = "Gunmen attacked a police checkpoint near the town on Monday, officials said."


class FakePipeline:
    """Stands in for sitrep's pipeline: one hand-built event per document, its id the document's source."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.resources = SimpleNamespace(nlp=None)
        self.fail_on = fail_on
        self.seen: list[Document] = []

    def __call__(self, document: Document) -> Extraction:
        self.seen.append(document)
        if self.fail_on and self.fail_on in document.text:
            raise RuntimeError("boom")
        return Extraction(document=document, events=(make_event(event_id=document.source),))

    def pipe(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        for d in documents:
            yield self(d)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakePipeline:
    pipe = FakePipeline()
    monkeypatch.setattr(sitrep, "load_pipeline", lambda: pipe)
    return pipe


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_ok_exit_0_and_jsonl_by_default(tmp_path: Path, fake: FakePipeline) -> None:
    p = tmp_path / "a.txt"
    p.write_text(f"date 2020-09-28 {BODY}", encoding="utf-8")
    code, out, err = run(["extract", str(p)])
    assert code == 0 and err == ""
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["id"] == str(p) and record["cite_info"]["published"] == "2020-09-28"


def test_malformed_jsonl_line_others_still_written_exit_1(tmp_path: Path, fake: FakePipeline) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"text": BODY}) + "\n{oops\n" + json.dumps({"text": "Troops shelled the village."}) + "\n")
    code, out, err = run(["extract", str(p)])
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == [f"{p}:1", f"{p}:3"]
    assert err.splitlines()[0].startswith(f"[E005] {p}:2: not valid JSON")
    assert "Traceback" not in err


def test_every_bad_input_one_line_each(tmp_path: Path, fake: FakePipeline) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"ab\x00cd")
    (tmp_path / "latin.txt").write_bytes("Caf\u00e9".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text(BODY)
    paths = [str(tmp_path / n) for n in ("empty.txt", "bin.txt", "latin.txt", "missing.txt")] + [str(good)]
    code, out, err = run(["extract", *paths, "--published", "2021-01-01"])
    assert code == 1
    codes = [line.split("]")[0] + "]" for line in err.splitlines()]
    assert codes == ["[E001]", "[E002]", "[E003]", "[E006]"]
    assert len(out.splitlines()) == 1  # the good file still came out
    assert fake.seen[0].published.isoformat() == "2021-01-01"


def test_published_overrides_the_header(tmp_path: Path, fake: FakePipeline) -> None:
    p = tmp_path / "d.txt"
    p.write_text(f"date 2020-09-28 {BODY}")
    assert run(["extract", str(p), "--published", "2019-01-02"])[0] == 0
    assert fake.seen[0].published.isoformat() == "2019-01-02"


def test_warnings_do_not_fail(tmp_path: Path, fake: FakePipeline) -> None:
    p = tmp_path / "fr.txt"
    p.write_text("Des tirs ont frappé la ville de Stepanakert dimanche, selon le ministère de la défense.")
    code, _, err = run(["extract", str(p)])
    assert code == 0
    lines = err.splitlines()
    assert lines[0].startswith(f"[W001] {p}: text looks like French (English function words: ")
    assert lines[1].startswith(f"[W002] {p}: no publication date")


def test_stdin(monkeypatch: pytest.MonkeyPatch, fake: FakePipeline) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(b"date 2020-01-01 " + BODY.encode())))
    code, out, _ = run(["extract", "-"])
    assert code == 0 and json.loads(out)["id"] == "<stdin>"


def test_output_file_and_formats(tmp_path: Path, fake: FakePipeline) -> None:
    p = tmp_path / "a.txt"
    p.write_text(f"date 2020-09-28 {BODY}")
    target = tmp_path / "out.csv"
    assert run(["extract", str(p), "--format", "acled-csv", "--output", str(target)])[0] == 0
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    assert len(rows) == 1 and rows[0]["event_type"] == "Explosions/Remote violence"
    code, out, _ = run(["extract", str(p), "--format", "geojson"])
    assert code == 0 and json.loads(out)["features"][0]["geometry"]["coordinates"][0] == pytest.approx(46.7528)
    code, out, _ = run(["extract", str(p), "--format", "pretty"])
    assert code == 0 and out.startswith(f"== {p}")


def test_a_failing_document_does_not_sink_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = FakePipeline(fail_on="EXPLODE")
    monkeypatch.setattr(sitrep, "load_pipeline", lambda: pipe)
    (tmp_path / "a.txt").write_text("EXPLODE " + BODY)
    (tmp_path / "b.txt").write_text(BODY)
    code, out, err = run(["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--published", "2020-01-01"])
    assert code == 1
    assert err.startswith(f"[E301] {tmp_path / 'a.txt'}: extraction failed: RuntimeError: boom")
    assert [json.loads(line)["id"] for line in out.splitlines()] == [str(tmp_path / "b.txt")]


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["extract", "x", "--format", "xml"])[0] == 2
    assert run([])[0] == 2
    code, _, err = run(["extract", "x", "--published", "2020-13-01"])
    assert code == 2 and err.startswith("[E008] --published:")
    assert run(["extract", "x", "--output", "/nonexistent-dir/out.txt"])[0] == 2


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--version"])[0] == 0
    assert capsys.readouterr().out.strip() == f"sitrep {sitrep.__version__}"


def test_no_progress_line_when_not_a_tty(tmp_path: Path, fake: FakePipeline) -> None:
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(f"date 2020-01-01 {BODY} {i}")
    code, _, err = run(["extract", str(tmp_path)])
    assert code == 0 and err == ""


def test_progress_line_on_a_tty(tmp_path: Path, fake: FakePipeline) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(f"date 2020-01-01 {BODY} {i}")
    err = Tty()
    assert cli.main(["extract", str(tmp_path)], stdout=io.StringIO(), stderr=err) == 0
    assert "6/6 documents" in err.getvalue()


def test_end_to_end_with_the_real_pipeline(tmp_path: Path, shared_dir: Path) -> None:
    """Structure and exit codes only: what the stages find is tested elsewhere."""
    example = shared_dir / "examples" / "artsakh-2020-09-28.txt"
    bad = tmp_path / "in.jsonl"
    bad.write_text(json.dumps({"text": BODY, "published": "2021-05-03"}) + "\n{oops\n")
    proc = subprocess.run(
        [sys.executable, "-m", "sitrep.cli", "extract", str(example), str(bad)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("[E")]
    assert errors == [f"[E005] {bad}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)"]
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    for r in records:
        assert {"id", "date", "actor", "event", "mode", "sitrep", "cite_info"} <= set(r)
        ev = r["sitrep"]["evidence"]["event"]
        assert ev["end"] > ev["start"]
    sources = {r["cite_info"]["source"] for r in records}
    assert sources <= {str(example), f"{bad}:1"}
    assert str(example) in sources


# ---------------------------------------------------------------- store commands on stores they cannot use


def unusable_store(tmp_path: Path, kind: str) -> Path:
    """A store damaged in its events table, another program's database, or a store whose version is no number."""
    import sqlite3

    from sitrep.store import StoreWriter, document_rows
    from tests.unit.store.conftest import extraction
    from tests.unit.store.test_opening import damage

    db = tmp_path / f"{kind}.db"
    if kind == "theirs":
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE people(name TEXT)")
        con.commit()
        con.close()
        return db
    with StoreWriter(db) as w:
        for n in range(40):
            w.write(document_rows(extraction(n)))
    if kind == "damaged":
        damage(db)
    else:
        con = sqlite3.connect(db)
        con.execute("UPDATE meta SET value = 'three' WHERE key = 'schema_version'")
        con.commit()
        con.close()
    return db


@pytest.mark.parametrize(("kind", "code"), [("damaged", "E403"), ("theirs", "E401"), ("unnumbered", "E403")])
@pytest.mark.parametrize("command", ["stats", "export-geojson", "export-csv", "merge", "ingest"])
def test_a_store_that_cannot_be_used_is_one_coded_line_and_exit_2(
    tmp_path: Path, fake: FakePipeline, kind: str, code: str, command: str
) -> None:
    db = unusable_store(tmp_path, kind)
    before = db.read_bytes()
    text = tmp_path / "in.txt"
    text.write_text(f"date 2020-09-28\n{BODY}", encoding="utf-8")
    argv = {
        "stats": ["stats"],
        "export-geojson": ["export", "-f", "geojson"],
        "export-csv": ["export", "-f", "acled-csv"],
        "merge": ["merge"],
        "ingest": ["ingest", str(text)],
    }[command] + ["--db", str(db)]
    status, out, err = run(argv)
    assert status == 2
    assert out == ""  # not even the opening of an empty GeoJSON collection or a CSV header
    assert err.startswith(f"[{code}] {db}: ") and err.count("\n") == 1, err
    assert db.read_bytes() == before
    assert fake.seen == []  # refused before any document was extracted


def test_a_coded_warning_is_one_line_on_the_commands_stderr(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import warnings

    from sitrep.errors import GazetteerCacheUnwritable, UnreadableInput

    def warn_then_count(db: str, *, listing: bool = False) -> object:
        warnings.warn(GazetteerCacheUnwritable("cache folder /x\x1b[2J cannot be written"), stacklevel=1)
        raise UnreadableInput("no such store", source=db)

    monkeypatch.setattr("sitrep.stats.store_stats", warn_then_count)
    err = io.StringIO()
    assert cli.main(["stats", "--db", str(tmp_path / "none.db")], stdout=io.StringIO(), stderr=err) == 2
    lines = err.getvalue().splitlines()
    assert lines[0] == "[W004] cache folder /x\\x1b[2J cannot be written"


@pytest.mark.parametrize("fmt", ["jsonl", "acled-csv", "pretty", "geojson"])
def test_lone_surrogates_in_an_input_never_reach_an_output(tmp_path: Path, fake: FakePipeline, fmt: str) -> None:
    """Before the readers cleaned text, a surrogate in a JSON record was written to stdout as invalid
    UTF-8, and -o stopped with a UnicodeEncodeError."""
    p = tmp_path / "a.jsonl"
    p.write_text('{"text": "' + BODY + ' \\ud800", "title": "T\\udfff\\u001b[2J", "publisher": "\\udc80"}\n')
    target = tmp_path / f"out.{fmt}"
    code, out, err = run(["extract", str(p), "-f", fmt, "-o", str(target)])
    assert code == 0, err
    written = target.read_bytes().decode("utf-8")  # strict: raises on an encoded surrogate
    assert "\x1b" not in written
    code, out, err = run(["extract", str(p), "-f", fmt])
    assert code == 0 and out.encode("utf-8").decode("utf-8") == out and "\ud800" not in out


def test_gazetteer_add_info_remove(gazetteer_folder: Path, tmp_path: Path) -> None:
    from tests.unit.resolve.test_gazetteer_added import write_dump

    dump = write_dump(tmp_path)
    code, out, err = run(["gazetteer", "add", str(dump)])
    assert code == 0 and not err and out.startswith("AF.txt: added 4 places of 2 countries")
    code, out, _ = run(["gazetteer", "add", str(dump)])
    assert code == 0 and "AF.txt: already added" in out
    code, out, _ = run(["gazetteer", "info"])
    assert code == 0 and "bundled: " in out and "added: AF.txt: 4 places (AF 3, PK 1)" in out
    code, out, _ = run(["gazetteer", "info", "--json"])
    described = json.loads(out)
    assert [f["name"] for f in described["added"]] == ["AF.txt"] and described["bundled"]["places"] > 100_000
    code, out, _ = run(["gazetteer", "remove", "AF.txt"])
    assert code == 0 and out == "removed AF.txt (4 places)\n"
    code, out, _ = run(["gazetteer", "remove", "AF.txt"])
    assert code == 1 and out == "nothing to remove\n"
    code, out, _ = run(["gazetteer", "clear"])
    assert code == 0 and "added: none" in run(["gazetteer", "info"])[1]


def test_gazetteer_add_a_bad_file_is_one_coded_line(gazetteer_folder: Path, tmp_path: Path) -> None:
    from tests.unit.resolve.test_gazetteer_added import write_dump

    bad = tmp_path / "XX.txt"
    bad.write_text("1\tonly\tthree\n", encoding="utf-8")
    code, out, err = run(["gazetteer", "add", str(bad)])
    assert code == 1 and not out
    assert err == f"[E005] {bad}: line 1: 3 tab-separated columns where a GeoNames dump has 19\n"
    assert not list(gazetteer_folder.iterdir())
    code, out, err = run(["gazetteer", "add", str(bad), str(write_dump(tmp_path))])
    assert code == 1 and err.startswith("[E005]") and out.startswith("AF.txt: added 4 places of 2 countries")


def test_python_dash_m_sitrep_is_the_command_line() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "sitrep", "--version"], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().startswith("sitrep")
