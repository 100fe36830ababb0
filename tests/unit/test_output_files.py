"""Outputs are written whole or not at all, and never over what a command reads (issue: `-o` had
truncated the store, emptied an input and replaced a gold file)."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from sitrep import cli
from sitrep.errors import OutputClash
from sitrep.output_files import OutputFile, check_target
from sitrep.store import StoreWriter, document_rows
from tests.unit.store.conftest import extraction
from tests.unit.test_cli import BODY, FakePipeline, fake, run  # noqa: F401  (fake is a fixture)

ARTICLE = f"date 2020-09-28 {BODY}"


def test_an_output_is_in_place_only_once_committed(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("earlier output\n", encoding="utf-8")
    with OutputFile(target) as out:
        out.stream.write("half of a new one")
    assert target.read_text(encoding="utf-8") == "earlier output\n" and list(tmp_path.iterdir()) == [target]
    with OutputFile(target) as out:
        out.stream.write("the new one\n")
        out.commit()
    assert target.read_text(encoding="utf-8") == "the new one\n" and list(tmp_path.iterdir()) == [target]


def test_a_new_output_gets_the_permissions_the_umask_gives(tmp_path: Path) -> None:
    before = os.umask(0o022)
    try:
        with OutputFile(tmp_path / "new.csv") as out:
            out.stream.write("x\n")
            out.commit()
    finally:
        os.umask(before)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o644


def test_targets_that_are_read_are_refused(tmp_path: Path) -> None:
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text(ARTICLE, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    for target, why in (
        (article, "also read"),
        (link, "also read"),
        (article.parent / "out.jsonl", "inside the input folder"),
        (dangling, "link to nothing"),
        (tmp_path, "folder"),
    ):
        with pytest.raises(OutputClash, match=why):
            check_target(str(target), reads=[str(article.parent)] if "inside" in why else [str(article)])
    assert check_target(str(tmp_path / "out.jsonl"), reads=[str(article), "-"]) == (tmp_path / "out.jsonl").resolve()


def test_extract_refuses_to_write_over_its_input(tmp_path: Path, fake: FakePipeline) -> None:  # noqa: F811
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(["extract", str(article), "-o", str(article)])
    assert code == 2 and "[E010]" in err and article.read_text(encoding="utf-8") == ARTICLE and not fake.seen


def test_extract_keeps_an_earlier_output_when_every_input_fails(tmp_path: Path, fake: FakePipeline) -> None:  # noqa: F811
    earlier = tmp_path / "events.jsonl"
    earlier.write_text('{"earlier": true}\n', encoding="utf-8")
    code, _, err = run(["extract", str(tmp_path / "missing.txt"), "-o", str(earlier)])
    assert code == 1 and "left as it was" in err and earlier.read_text(encoding="utf-8") == '{"earlier": true}\n'


def test_extract_replaces_an_earlier_output_when_it_ran(tmp_path: Path, fake: FakePipeline) -> None:  # noqa: F811
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    earlier = tmp_path / "events.jsonl"
    earlier.write_text('{"earlier": true}\n', encoding="utf-8")
    assert run(["extract", str(article), "-o", str(earlier)])[0] == 0
    assert '"earlier"' not in earlier.read_text(encoding="utf-8") and earlier.read_text(encoding="utf-8").strip()


def test_export_refuses_to_write_over_the_store(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with StoreWriter(db) as w:
        w.write(document_rows(extraction(1)))
    size = db.stat().st_size
    code, _, err = run(["export", "--db", str(db), "-f", "geojson", "-o", str(db)])
    assert code == 2 and "[E010]" in err and db.stat().st_size == size
    assert run(["stats", "--db", str(db)])[0] == 0


def test_eval_refuses_to_write_its_figures_over_the_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.csv"
    gold.write_text("notes,event_date\n", encoding="utf-8")
    code, _, err = run(["eval", "acled", str(gold), "--json", str(gold)])
    assert code == 2 and "[E010]" in err and gold.read_text(encoding="utf-8") == "notes,event_date\n"


def test_a_device_is_written_directly(tmp_path: Path, fake: FakePipeline) -> None:  # noqa: F811
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert run(["extract", str(article), "-o", os.devnull])[0] == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError


def test_export_to_a_reader_that_stopped_reading_is_no_failure(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with StoreWriter(db) as w:
        w.write(document_rows(extraction(1)))
    err = io.StringIO()
    assert cli.main(["export", "--db", str(db), "-f", "plover-jsonl"], stdout=_ClosedPipe(), stderr=err) == 0
    assert "[E006]" not in err.getvalue()
