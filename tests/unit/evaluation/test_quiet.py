"""sitrep.evaluation.quiet: reading the two-column news TSV, false alarms on label-0 articles."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sitrep import cli
from sitrep.errors import EmptyInput, EncodingError, MalformedRecord, MissingField, UnreadableInput
from sitrep.evaluation.quiet import evaluate_quiet, read_articles, trimmed
from sitrep.pipeline import Pipeline
from tests.unit.evaluation.stubs import Stub, StubPipeline

LONG = "the home side clashed with the visitors in a tense derby " + "and the crowd sang " * 12 + "until the end."
# (text, label, what the stub pipeline finds in it)
ROWS: list[tuple[str, str, list[Stub]]] = [
    (LONG, "0", [Stub("Battles", "Armed clash", "clashed")]),
    ("the bank cut its rates again on thursday.", "0", []),
    (
        "the band may storm the charts if the single sells.",
        "0",
        [Stub("Riots", "Mob violence", "storm", happened=False)],
    ),
    ("the chief executive said the firm would appeal.", "0", [Stub(None, None, "said")]),
    ("thousands marched through the city against the new tax.", "1", [Stub("Protests", "Peaceful protest", "marched")]),
    ("the minister said the bill would pass next week.", "1", []),
]


def write(tmp_path: Path, lines: list[str], name: str = "news.tsv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def news(tmp_path: Path) -> Path:
    return write(tmp_path, [f"{text}\t{label}" for text, label, _ in ROWS])


@pytest.fixture()
def stub() -> StubPipeline:
    return StubPipeline({text: stubs for text, _, stubs in ROWS})


def test_articles_read_with_their_row_numbers(news: Path) -> None:
    articles = list(read_articles(news))
    assert [a.line for a in articles] == [1, 2, 3, 4, 5, 6]
    assert [a.label for a in articles] == [0, 0, 0, 0, 1, 1]
    assert articles[1].text == "the bank cut its rates again on thursday."


def test_each_figure_on_a_constructed_case(news: Path, stub: StubPipeline) -> None:
    f = evaluate_quiet(news, stub).figures()  # type: ignore[arg-type]
    # label 0: row 1 has an Armed clash (a false alarm); row 3's event did not happen; row 4's has no ACLED type
    assert f["false_alarm_rate"] == pytest.approx(1 / 4)
    assert f["quiet_share_without_event"] == pytest.approx(3 / 4)
    assert f["label1_event_share"] == pytest.approx(1 / 2)
    assert (f["articles"], f["label0_articles"], f["label1_articles"]) == (6, 4, 2)
    assert (f["label0_articles_with_event"], f["label0_events"], f["label1_articles_with_event"]) == (1, 1, 1)
    assert all(isinstance(v, int | float) for v in f.values())


def test_the_table_lists_each_offending_sentence_trimmed(news: Path, stub: StubPipeline) -> None:
    table = evaluate_quiet(news, stub).table()  # type: ignore[arg-type]
    assert "quiet_share_without_event        0.750" in table
    (alarm,) = [line for line in table.splitlines() if line.lstrip().startswith("row ")]
    assert alarm.split()[:4] == ["row", "1", "Armed", "clash"]
    assert "'clashed'" in alarm and alarm.endswith("...")
    assert trimmed(LONG) in alarm and len(trimmed(LONG)) == 160
    assert "marched" not in table  # label 1 is information, not an alarm


def test_trimmed_keeps_short_text_and_flattens_whitespace() -> None:
    assert trimmed("a  short\nsentence ") == "a short sentence"
    assert trimmed("x" * 200, limit=10) == "xxxxxxx..."


def test_documents_have_no_date_and_name_their_row(news: Path, stub: StubPipeline) -> None:
    evaluate_quiet(news, stub, limit=2)  # type: ignore[arg-type]
    assert len(stub.seen) == 2 and all(d.published is None for d in stub.seen)
    assert stub.seen[1].source.endswith("news.tsv:2")


def test_the_real_pipeline_finds_no_event_in_a_plain_business_story(tmp_path: Path, pipeline: Pipeline) -> None:
    path = write(
        tmp_path,
        [
            "shares in the retailer rose after it reported higher christmas sales and said profits would grow.\t0",
            "police fired tear gas at protesters who threw stones at the parliament building on monday.\t1",
        ],
    )
    f = evaluate_quiet(path, pipeline).figures()
    assert f["false_alarm_rate"] == 0.0 and f["label1_articles"] == 1


@pytest.mark.parametrize(
    ("lines", "error", "where"),
    [
        (["an article\t0", "another article\t2"], MalformedRecord, 2),
        (["an article with no label"], MissingField, 1),
        (["an article\t0\textra"], MalformedRecord, 1),
        (["\t1"], MalformedRecord, 1),
        ([""], EmptyInput, None),
    ],
)
def test_bad_files_are_coded_errors(
    tmp_path: Path, lines: list[str], error: type[Exception], where: int | None
) -> None:
    path = write(tmp_path, lines)
    with pytest.raises(error) as caught:
        list(read_articles(path))
    if where is not None:
        assert caught.value.source == f"{path}:{where}"  # type: ignore[attr-defined]


def test_blank_lines_are_skipped_and_rows_keep_their_line(tmp_path: Path) -> None:
    path = write(tmp_path, ["one\t0", "", "two\t1"])
    assert [(a.line, a.label) for a in read_articles(path)] == [(1, 0), (3, 1)]


def test_unreadable_and_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput):
        list(read_articles(tmp_path / "missing.tsv"))
    path = tmp_path / "latin1.tsv"
    path.write_bytes(b"caf\xe9 prices rose\t0\n")
    with pytest.raises(EncodingError):
        list(read_articles(path))


def test_the_command_prints_the_table_and_writes_the_figures(
    news: Path, stub: StubPipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sitrep.pipeline.load_pipeline", lambda: stub)
    out, err = io.StringIO(), io.StringIO()
    figures = tmp_path / "figures.json"
    assert cli.main(["eval", "quiet", str(news), "--json", str(figures)], stdout=out, stderr=err) == 0, err.getvalue()
    assert out.getvalue().startswith("quiet news evaluation: news.tsv (6 articles")
    written = json.loads(figures.read_text("utf-8"))
    assert written["false_alarm_rate"] == pytest.approx(0.25) and written["articles"] == 6


def test_the_command_reports_a_bad_file_in_one_coded_line(tmp_path: Path) -> None:
    path = write(tmp_path, ["an article\tpolitics"])
    err = io.StringIO()
    assert cli.main(["eval", "quiet", str(path)], stdout=io.StringIO(), stderr=err) == 1
    assert err.getvalue().startswith("[E005]") and len(err.getvalue().splitlines()) == 1
