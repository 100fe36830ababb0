"""Reading ACLED gold rows: a bad row is a coded error naming its line, never a traceback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from sitrep import cli
from sitrep.errors import EncodingError, MalformedRecord, MissingField
from sitrep.evaluation.acled import NEEDED, read_rows

HEADER = ",".join(NEEDED) + ",fatalities"
GOOD = '"Rebels attacked an army post.",2020-09-28,Battles,Armed clash,Rebels,Army,12.5,-1.5,1,3'


def gold(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "gold.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("row", "why"),
    [
        ('"x",not-a-date,Battles,Armed clash,A,B,12.5,-1.5,1,3', "date"),
        ('"x",2020-09-28,Battles,Armed clash,A,B,north,-1.5,1,3', "float"),
        ('"x",2020-09-28,Battles,Armed clash,A,B,12.5,-1.5,one,3', "int"),
        ('"x",2020-09-28,Battles,Armed clash,A,B,12.5,-1.5,1,many', "int"),
        ('"x",2020-09-28,Battles', "fewer cells"),
        ('"x",2020-09-28,Battles,Armed clash,A,B,,-1.5,1,3', "float"),
    ],
)
def test_a_bad_gold_row_is_a_coded_error_naming_its_line(tmp_path: Path, row: str, why: str) -> None:
    path = gold(tmp_path, GOOD, row)
    with pytest.raises(MalformedRecord) as caught:
        list(read_rows(path))
    assert caught.value.source == f"{path}:3" and why in caught.value.message


def test_rows_read_and_the_first_is_line_two(tmp_path: Path) -> None:
    (row,) = read_rows(gold(tmp_path, GOOD))
    assert row.line == 2 and row.fatalities == 3 and row.actors == frozenset({"Rebels", "Army"})


def test_a_file_that_is_not_utf8_or_not_acled(tmp_path: Path) -> None:
    path = tmp_path / "gold.csv"
    path.write_bytes((HEADER + "\n" + GOOD + "\n").encode() + b'"caf\xe9",2020-09-28\n')
    with pytest.raises(EncodingError):
        list(read_rows(path))
    path.write_text("a,b\n1,2\n")
    with pytest.raises(MissingField):
        list(read_rows(path))


def test_the_command_reports_a_bad_row_in_one_line(tmp_path: Path) -> None:
    path = gold(tmp_path, GOOD, '"x",2020-13-45,Battles,Armed clash,A,B,12.5,-1.5,1,3')
    err = io.StringIO()
    assert cli.main(["eval", "acled", str(path)], stdout=io.StringIO(), stderr=err) == 1
    assert err.getvalue().startswith("[E005]") and len(err.getvalue().splitlines()) == 1


@pytest.mark.parametrize("limit", ["0", "-1", "two"])
def test_a_limit_below_one_is_a_usage_error(tmp_path: Path, limit: str) -> None:
    err = io.StringIO()
    assert cli.main(["eval", "acled", str(gold(tmp_path, GOOD)), "--limit", limit], stderr=err) == 2
    assert "argument --limit" in err.getvalue()


@pytest.mark.parametrize("dataset", ["acled", "case2021", "geoparse", "quiet", "re3d"])
def test_a_fifo_as_the_labelled_file_is_refused_not_waited_on(tmp_path: Path, dataset: str) -> None:
    import os

    fifo = tmp_path / "gold.csv"
    os.mkfifo(fifo)
    err = io.StringIO()
    assert cli.main(["eval", dataset, str(fifo)], stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue().startswith("[E011]")
