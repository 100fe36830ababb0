"""sitrep.evaluation.case2021: reading CASE 2021 Task 2 files, the 25-class figures, the non-ACLED rejection."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sitrep import cli
from sitrep.errors import EmptyInput, EncodingError, MalformedRecord, MissingField, UnreadableInput
from sitrep.evaluation.case2021 import CODES, NON_ACLED, evaluate_case2021, read_snippets
from sitrep.pipeline import Pipeline
from tests.unit.evaluation.stubs import Stub, StubPipeline

HEADER = "id\tEventSnippet\tSubType"
# (id, snippet, gold code, what the stub pipeline finds in it)
ROWS: list[tuple[str, str, str, list[Stub]]] = [
    (
        "1",
        "Militia fighters traded fire with soldiers near the dam.",
        "ARMED_CLASH",
        [Stub("Battles", "Armed clash", "traded fire")],
    ),
    (
        "2",
        "Gunmen and guards fought at the mill gate.",
        "ARMED_CLASH",
        [Stub("Violence against civilians", "Attack", "fought")],
    ),
    ("3", "A gang beat a shopkeeper in the bazaar.", "ATTACK", [Stub("Violence against civilians", "Attack", "beat")]),
    ("4", "Jets were heard over the valley at dawn.", "AIR_STRIKE", []),
    (
        "5",
        "The two envoys may sign a pact if talks go well.",
        "DIPLO",
        [Stub("Battles", "Armed clash", "sign", happened=False)],
    ),
    (
        "6",
        "Smugglers shot a border trader over a debt.",
        "ORG_CRIME",
        [Stub("Violence against civilians", "Attack", "shot")],
    ),
    (
        "7",
        "Rebels and police fought in the square at noon.",
        "ARMED_CLASH",
        [Stub("Violence against civilians", "Attack", "fought")],
    ),
]


def write(tmp_path: Path, lines: list[str], name: str = "case.tsv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def gold(tmp_path: Path) -> Path:
    return write(tmp_path, [HEADER, *(f"{i}\t{text}\t{code}" for i, text, code, _ in ROWS)])


@pytest.fixture()
def stub() -> StubPipeline:
    return StubPipeline({text: stubs for _, text, _, stubs in ROWS})


def test_the_codes_map_one_to_one_onto_acleds_25_sub_types() -> None:
    assert len(CODES) == 25 and len(set(CODES.values())) == 25
    assert not set(CODES) & set(NON_ACLED)


def test_snippets_read_with_their_lines_and_quoted_cells(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [HEADER, '9\t"A ""quoted"" snippet\tabout a raid."\tATTACK', "10\tTroops took the hill.\tGOV_REGAINS_TERIT"],
    )
    first, second = read_snippets(path)
    assert (first.line, first.id, first.code) == (2, "9", "ATTACK")
    assert first.text == 'A "quoted" snippet\tabout a raid.' and first.is_acled
    assert (second.line, second.text) == (3, "Troops took the hill.")


def test_each_figure_on_a_constructed_case(gold: Path, stub: StubPipeline) -> None:
    report = evaluate_case2021(gold, stub)  # type: ignore[arg-type]
    f = report.figures()
    # 25-class rows: Armed clash x3 (1 right, 2 given Attack), Attack x1 (right), Air/drone strike x1 (no event).
    # Armed clash P 1, R 1/3, F1 1/2; Attack P 1/3, R 1, F1 1/2; Air/drone strike F1 0.
    assert f["weighted_f1_25"] == pytest.approx((3 * 0.5 + 1 * 0.5 + 1 * 0.0) / 5)
    assert f["macro_f1_25"] == pytest.approx((0.5 + 0.5 + 0.0) / 3)
    assert f["micro_f1_25"] == f["accuracy_25"] == pytest.approx(2 / 5)
    assert f["no_event_share_25"] == pytest.approx(1 / 5)
    # DIPLO: only a hypothetical event, rejected; ORG_CRIME: given an Attack
    assert f["non_acled_rejection"] == pytest.approx(1 / 2)
    assert (f["rows"], f["acled_rows"], f["non_acled_rows"]) == (7, 5, 2)
    assert (f["acled_rows_correct"], f["acled_rows_without_event"], f["non_acled_rows_without_event"]) == (2, 1, 1)
    assert all(isinstance(v, int | float) for v in f.values())
    assert report.confusions()[0] == ("ARMED_CLASH", "ATTACK", 2, "2")
    assert ("AIR_STRIKE", "(none)", 1, "4") in report.confusions()


def test_the_table_shows_figures_classes_confusions_and_the_non_acled_answers(gold: Path, stub: StubPipeline) -> None:
    table = evaluate_case2021(gold, stub).table()  # type: ignore[arg-type]
    assert "weighted_f1_25                   0.400" in table
    assert any(
        line.startswith("ARMED_CLASH") and "Armed clash" in line and " 3 " in line for line in table.splitlines()
    )
    assert "ARMED_CLASH -> ATTACK: 2 (first id 2)" in table
    assert any(line.split()[:3] == ["ORG_CRIME", "1", "0"] and "Attack x1" in line for line in table.splitlines())
    assert any(line.split()[:3] == ["DIPLO", "1", "1"] and line.endswith("none") for line in table.splitlines())


def test_documents_have_no_date_and_name_their_line(gold: Path, stub: StubPipeline) -> None:
    evaluate_case2021(gold, stub, limit=3)  # type: ignore[arg-type]
    assert len(stub.seen) == 3
    assert all(d.published is None for d in stub.seen)
    assert stub.seen[0].source.endswith("case.tsv:2")


def test_a_primary_event_is_taken_and_none_when_nothing_happened(tmp_path: Path, pipeline: Pipeline) -> None:
    path = write(
        tmp_path,
        [
            HEADER,
            "1\tSoldiers and rebels clashed near the border town on Monday, killing four fighters.\tARMED_CLASH",
            "2\tThe two ministers discussed trade and tourism over dinner in the capital.\tDIPLO",
        ],
    )
    report = evaluate_case2021(path, pipeline)
    first, second = report.outcomes
    assert first.has_event and first.predicted == "Armed clash" and first.correct
    assert not second.has_event and second.correct
    assert report.figures()["non_acled_rejection"] == 1.0


@pytest.mark.parametrize(
    ("lines", "error", "where"),
    [
        (["id\tEventSnippet", "1\tx"], MissingField, None),
        ([], MissingField, None),
        ([HEADER], EmptyInput, None),
        ([HEADER, "1\tRebels took a town.\tARMED_CLASH", "2\tA storm hit.\tWEATHER"], MalformedRecord, 3),
        ([HEADER, "1\tRebels took a town."], MalformedRecord, 2),
        ([HEADER, "1\tRebels\ttook a town.\tARMED_CLASH"], MalformedRecord, 2),
        ([HEADER, "1\t \tARMED_CLASH"], MalformedRecord, 2),
        ([HEADER, '1\t"Rebels took a town.\tARMED_CLASH'], MalformedRecord, None),
    ],
)
def test_bad_files_are_coded_errors(
    tmp_path: Path, lines: list[str], error: type[Exception], where: int | None
) -> None:
    path = write(tmp_path, lines)
    with pytest.raises(error) as caught:
        list(read_snippets(path))
    if where is not None:
        assert caught.value.source == f"{path}:{where}"  # type: ignore[attr-defined]


def test_an_unknown_subtype_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, [HEADER, "1\tA storm hit.\tWEATHER"])
    with pytest.raises(MalformedRecord, match="unknown SubType 'WEATHER'"):
        list(read_snippets(path))


def test_unreadable_and_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput):
        list(read_snippets(tmp_path / "missing.tsv"))
    with pytest.raises(UnreadableInput):
        list(read_snippets(tmp_path))
    path = tmp_path / "latin1.tsv"
    path.write_bytes(HEADER.encode() + b"\n1\tCaf\xe9 attacked.\tATTACK\n")
    with pytest.raises(EncodingError):
        list(read_snippets(path))


def test_the_command_prints_the_table_and_writes_the_figures(
    gold: Path, stub: StubPipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sitrep.pipeline.load_pipeline", lambda: stub)
    out, err = io.StringIO(), io.StringIO()
    figures = tmp_path / "figures.json"
    code = cli.main(["eval", "case2021", str(gold), "--limit", "4", "--json", str(figures)], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    assert out.getvalue().startswith("CASE 2021 Task 2 evaluation: case.tsv (4 snippets")
    written = json.loads(figures.read_text("utf-8"))
    assert written["rows"] == 4 and written["accuracy_25"] == pytest.approx(2 / 4)


def test_the_command_reports_a_bad_file_in_one_coded_line(tmp_path: Path) -> None:
    path = write(tmp_path, [HEADER, "1\tA storm hit.\tWEATHER"])
    err = io.StringIO()
    assert cli.main(["eval", "case2021", str(path)], stdout=io.StringIO(), stderr=err) == 1
    assert err.getvalue().startswith("[E005]") and len(err.getvalue().splitlines()) == 1
    err = io.StringIO()
    assert cli.main(["eval", "case2021", str(tmp_path / "nowhere.tsv")], stdout=io.StringIO(), stderr=err) == 1
    assert err.getvalue().startswith("[E006]")
