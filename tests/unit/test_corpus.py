"""corpus.py: a run reads, skips what is stored, extracts, stores, rejects and counts.

A fake extractor keeps most tests independent of spaCy; one test compares a 2-worker run of the
real pipeline with a 1-worker run.
"""

from __future__ import annotations

import signal
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from sitrep import corpus
from sitrep.errors import BadOption, ModelMissing
from sitrep.model import Document, Extraction
from sitrep.pipeline import Pipeline
from sitrep.store import Store
from tests.unit.test_serialize import make_event


class FakeExtractor:
    """One hand-made event per document; raises on a document that says BOOM."""

    def __call__(self, document: Document) -> Extraction:
        if "BOOM" in document.text:
            raise RuntimeError("stage bug")
        event = replace(make_event(), id=f"{document.id}-0", document_id=document.id)
        return Extraction(document=document, events=(event,), stages=("fake.v1",))

    def pipe(self, documents: list[Document]) -> Iterator[Extraction]:
        for d in documents:
            yield self(d)


def fake_factory() -> FakeExtractor:
    return FakeExtractor()


def corpus_dir(tmp_path: Path, n: int = 5) -> Path:
    root = tmp_path / "in"
    (root / "deeper").mkdir(parents=True)
    for i in range(n):
        (root / f"r{i}.txt").write_text(f"date 2020-09-28\nReport number {i} about shelling.", encoding="utf-8")
    (root / "deeper" / "copy.txt").write_text("date 2020-09-28\nReport number 0 about shelling.", encoding="utf-8")
    (root / "deeper" / "bin.txt").write_bytes(b"\x00\x01\x02 binary")
    (root / "deeper" / "bad.txt").write_text("This one says BOOM.", encoding="utf-8")
    return root


def stored(db: Path) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Documents and events of a store, without the time of ingest."""
    con = sqlite3.connect(db)
    docs = con.execute(
        "SELECT id, text, published, source, stages, warnings, event_count FROM documents ORDER BY id"
    ).fetchall()
    events = con.execute("SELECT id, document_id, date, country, lat, lon, record FROM events ORDER BY id").fetchall()
    con.close()
    return docs, events


def test_run_counts_stores_and_rejects(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    seen: list[tuple[int, int]] = []
    summary = corpus.ingest(
        [corpus_dir(tmp_path)], db, pipeline_factory=fake_factory, progress=lambda d, t: seen.append((d, t))
    )
    assert summary.read == 8
    assert summary.coded == 5 and summary.events == 5
    assert summary.already_stored == 1  # copy.txt has r0's text
    assert summary.rejected == 2 and summary.rejected_by_code == (("E002", 1), ("E301", 1))
    assert seen == [(i, 6) for i in range(1, 7)]
    with Store(db) as s:
        assert s.count_documents() == 5 and s.count_events() == 5
        codes = {(Path(r.source).name, r.code) for r in s.rejects()}
        assert codes == {("bin.txt", "E002"), ("bad.txt", "E301")}
        (failed,) = [r for r in s.rejects() if r.code == "E301"]
        assert failed.document_id is not None and "stage bug" in failed.message


def test_second_run_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    root = corpus_dir(tmp_path)
    corpus.ingest([root], db, pipeline_factory=fake_factory)
    before = stored(db)
    again = corpus.ingest([root], db, pipeline_factory=fake_factory)
    assert again.coded == 0 and again.events == 0 and again.already_stored == 6  # five, and the copy
    # The failing document is retried (a fixed stage may read it now), and still fails.
    assert again.rejected_by_code == (("E002", 1), ("E301", 1))
    assert stored(db) == before


def test_two_workers_store_what_one_stores(tmp_path: Path) -> None:
    root = corpus_dir(tmp_path)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    a = corpus.ingest([root], one, pipeline_factory=fake_factory, workers=1)
    b = corpus.ingest([root], two, pipeline_factory=fake_factory, workers=2, chunk=1)
    assert replace(a, seconds=0) == replace(b, seconds=0)
    assert stored(one) == stored(two)


def test_workers_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(BadOption):
        corpus.ingest([tmp_path], tmp_path / "s.db", workers=0)


def test_nothing_new_does_not_build_the_pipeline(tmp_path: Path) -> None:
    def refuse() -> FakeExtractor:
        raise AssertionError("the pipeline was built with nothing to extract")

    summary = corpus.ingest([tmp_path / "missing.txt"], tmp_path / "s.db", pipeline_factory=refuse)
    assert summary.rejected_by_code == (("E006", 1),)


def test_real_pipeline_two_workers_equal_one(tmp_path: Path, pipeline: Pipeline) -> None:
    root = tmp_path / "in"
    root.mkdir()
    texts = [
        "Azerbaijani forces shelled Stepanakert on Sunday, killing two civilians, the ministry said.",
        "Protesters gathered in Yerevan on Monday to demand an end to the fighting.",
        "Rebels attacked an army post near Goma, killing three soldiers, officials said.",
    ]
    for i, t in enumerate(texts):
        (root / f"{i}.txt").write_text(f"date 2020-09-28\n{t}", encoding="utf-8")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    a = corpus.ingest([root], one, pipeline_factory=lambda: pipeline)
    b = corpus.ingest([root], two, workers=2, chunk=1)
    assert a.coded == b.coded == 3 and a.events == b.events > 0
    assert stored(one) == stored(two)


# ---------------------------------------------------------------- the `sitrep ingest` command (thin)


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    import io

    from sitrep import cli

    out, err = io.StringIO(), io.StringIO()
    code = cli.main(argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_prints_one_json_line_when_not_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    monkeypatch.setattr(corpus, "_default_factory", fake_factory)
    db = tmp_path / "c.db"
    code, out, err = run_cli(["ingest", str(corpus_dir(tmp_path)), "--db", str(db)])
    assert code == 1  # rejects make the exit status 1; stdout holds the summary alone, stderr a line per reject
    assert sorted(line[:6] for line in err.splitlines()) == ["[E002]", "[E301]"]
    (line,) = out.splitlines()
    summary = json.loads(line)
    assert summary["coded"] == 5 and summary["rejected_by_code"] == {"E002": 1, "E301": 1}
    assert summary["db"] == str(db)
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text("Fighting near the river.", encoding="utf-8")
    code, out, _ = run_cli(["ingest", str(good), "--db", str(db)])
    assert code == 0 and json.loads(out)["coded"] == 1


def test_cli_usage_errors(tmp_path: Path) -> None:
    code, _, err = run_cli(["ingest", str(tmp_path), "--db", str(tmp_path / "s.db"), "--workers", "0"])
    assert code == 2 and "[E008]" in err
    (tmp_path / "not-a-db").write_text("hello, this is not SQLite" * 100, encoding="utf-8")
    code, _, err = run_cli(["ingest", str(tmp_path), "--db", str(tmp_path / "not-a-db")])
    assert code == 2 and "[E401]" in err


def test_progress_bar_draws_on_a_terminal() -> None:
    import io

    from sitrep.cli import _ProgressBar

    buf = io.StringIO()
    bar = _ProgressBar(buf)
    bar(1, 4)
    bar(4, 4)
    text = buf.getvalue()
    assert "\r[#######-----------------------] 1/4 documents" in text
    assert "\r[" + "#" * 30 + "] 4/4 documents" in text and text.endswith("/s\n")


def missing_model_factory() -> FakeExtractor:
    raise ModelMissing("the spaCy model is not installed (a test)")


def test_a_resource_missing_in_the_workers_stops_the_run(tmp_path: Path) -> None:
    """Not a pool that restarts its workers for ever: the error reaches the parent, which stops."""

    def hung(*_: object) -> None:
        raise AssertionError("the run hung: the pool kept restarting its workers")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)
    try:
        with pytest.raises(ModelMissing):
            corpus.ingest(
                [corpus_dir(tmp_path)], tmp_path / "s.db", pipeline_factory=missing_model_factory, workers=2, chunk=1
            )
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_the_run_names_every_input_it_rejected(tmp_path: Path) -> None:
    summary = corpus.ingest([corpus_dir(tmp_path)], tmp_path / "s.db", pipeline_factory=fake_factory)
    named = [(Path(r.source).name, r.code) for r in summary.rejections]
    assert named == [("bad.txt", "E301"), ("bin.txt", "E002")] or named == [("bin.txt", "E002"), ("bad.txt", "E301")]
    listed = summary.to_dict()["rejected_inputs"]
    assert {(Path(r["source"]).name, r["code"]) for r in listed} == {("bin.txt", "E002"), ("bad.txt", "E301")}


def test_the_cli_prints_each_rejected_input_on_its_own_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import json

    from sitrep import cli

    monkeypatch.setattr(corpus, "_default_factory", fake_factory)
    root = corpus_dir(tmp_path)
    (root / "evil\n[E000] forged.txt").write_bytes(b"\x00binary")
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["ingest", str(root), "--db", str(tmp_path / "s.db")], stdout=out, stderr=err) == 1
    lines = err.getvalue().splitlines()
    assert len(lines) == 3 and all(line.startswith(("[E002]", "[E301]")) for line in lines)
    assert any("evil\\x0a[E000] forged.txt" in line for line in lines)
    assert len(json.loads(out.getvalue())["rejected_inputs"]) == 3


def test_documents_with_hostile_text_are_stored_and_the_run_goes_on(tmp_path: Path) -> None:
    """Surrogates, control characters and a toll no store can hold, through the real pipeline."""
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.jsonl").write_text(
        '{"text": "Gunmen attacked a village near Gao on Monday, killing 99999999999999999999999 people. \\ud800"}\n'
        '{"text": "Soldiers shelled the town\\u001b[2J on Tuesday.", "title": "\\udfff"}\n'
        + "[" * 100_000
        + "]" * 100_000
        + "\n"
        '{"text": "Protesters marched through the capital on Friday."}\n'
    )
    db = tmp_path / "s.db"
    summary = corpus.ingest([root], db)
    assert summary.coded == 3 and summary.rejected_by_code == (("E005", 1),)
    with Store(db) as s:
        assert s.count_documents() == 3
        assert all(e.killed_best is None or e.killed_best <= 100_000_000 for e in s.events())


# ---------------------------------------------------------------- what the store cannot hold, what it did not store


class AwkwardExtractor(FakeExtractor):
    """A toll beyond SQLite's integers for a document saying HUGE; two events with one id for one saying TWICE."""

    def __call__(self, document: Document) -> Extraction:
        extraction = super().__call__(document)
        (event,) = extraction.events
        if "HUGE" in document.text:
            assert event.killed is not None and event.killed.total is not None
            total = replace(event.killed.total, best=99999999999999999999999)
            event = replace(event, killed=replace(event.killed, total=total))
        if "TWICE" in document.text:
            return replace(extraction, events=(event, event))
        return replace(extraction, events=(event,))


def awkward_factory() -> AwkwardExtractor:
    return AwkwardExtractor()


def test_a_document_the_store_cannot_hold_is_rejected_and_the_run_goes_on(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for name, text in (("a", "Shelling near the river."), ("b", "A HUGE toll."), ("c", "More shelling.")):
        (root / f"{name}.txt").write_text(f"date 2020-09-28\n{text}", encoding="utf-8")
    summary = corpus.ingest([root], tmp_path / "s.db", pipeline_factory=awkward_factory)
    assert summary.coded == 2 and summary.events == 2
    assert summary.rejected_by_code == (("E302", 1),)
    with Store(tmp_path / "s.db") as s:
        ((reject),) = s.rejects()
        assert reject.code == "E302" and reject.source == str(root / "b.txt") and reject.document_id is not None
        assert s.count_documents() == 2


def test_the_summary_counts_the_events_stored_not_the_events_extracted(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text("date 2020-09-28\nShelled TWICE, one event id.", encoding="utf-8")
    (root / "b.txt").write_text("date 2020-09-28\nShelling near the river.", encoding="utf-8")
    summary = corpus.ingest([root], tmp_path / "s.db", pipeline_factory=awkward_factory)
    with Store(tmp_path / "s.db") as s:
        assert summary.events == s.count_events() == 2
