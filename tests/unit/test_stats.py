"""stats.py: counts by day, type and country, as tables and as JSON."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from sitrep import cli
from sitrep.stats import NO_COUNTRY, stats_table, store_stats
from sitrep.store import StoreWriter, document_rows
from tests.unit.store.conftest import extraction


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stats") / "s.db"
    with StoreWriter(path) as w:
        w.write(document_rows(extraction(1, day=dt.date(2020, 9, 27), events=2, country="AZE")))
        w.write(document_rows(extraction(2, day=dt.date(2020, 9, 27), country="ARM")))
        w.write(document_rows(extraction(3, day=dt.date(2020, 10, 1), country="AZE")))
    return path


def test_counts_by_day_type_and_country(db: Path) -> None:
    s = store_stats(db)
    assert (s.documents, s.events, s.happened, s.rejects) == (3, 4, 4, 0)
    assert s.by_day == (("2020-09-27", 3), ("2020-10-01", 1))
    assert s.by_country == (("ARM", 1), ("AZE", 3))
    assert s.by_acled_type == (("Explosions/Remote violence", 4),)
    assert s.by_plover == (("ASSAULT", 4),)
    for rows in (s.by_day, s.by_country, s.by_acled_type, s.by_plover):
        assert sum(n for _, n in rows) == s.events


def test_table_lists_every_key_with_its_count(db: Path) -> None:
    text = stats_table(store_stats(db))
    assert "events 4" in text
    lines = text.splitlines()
    assert any(line.split() == ["2020-09-27", "3"] for line in lines)
    assert any(line.split() == ["AZE", "3"] for line in lines)
    assert NO_COUNTRY not in text


def test_cli_stats_json_and_missing_store(db: Path, tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["stats", "--db", str(db), "--json"], stdout=out, stderr=err) == 0
    figures = json.loads(out.getvalue())
    assert figures["by_country"] == {"ARM": 1, "AZE": 3} and figures["events"] == 4
    assert cli.main(["stats", "--db", str(tmp_path / "none.db")], stdout=out, stderr=err) == 2
    assert "[E006]" in err.getvalue()


def test_rejects_are_counted_by_code_and_listed_when_asked(tmp_path: Path) -> None:
    from sitrep.errors import BinaryInput, EmptyInput

    path = tmp_path / "r.db"
    with StoreWriter(path) as w:
        w.write(document_rows(extraction(1, day=dt.date(2020, 9, 27))))
        w.reject(BinaryInput("NUL byte", source="in/a\x1b[2J.txt"))
        w.reject(EmptyInput("empty", source="in/b.txt"))
    s = store_stats(path)
    assert s.rejects_by_code == (("E001", 1), ("E002", 1)) and s.rejected == ()
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["stats", "--db", str(path), "--rejects"], stdout=out, stderr=err) == 0
    text = out.getvalue()
    assert "[E002] in/a\\x1b[2J.txt: NUL byte" in text and "[E001] in/b.txt: empty" in text and "\x1b" not in text
    out = io.StringIO()
    assert cli.main(["stats", "--db", str(path), "--rejects", "--json"], stdout=out, stderr=err) == 0
    listed = json.loads(out.getvalue())["rejected_inputs"]
    assert [(r["source"], r["code"]) for r in listed] == [("in/a\x1b[2J.txt", "E002"), ("in/b.txt", "E001")]
