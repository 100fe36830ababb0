"""sitrep.evaluation.re3d: reading re3d folders, mapping mentions to re3d classes, overlap scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.annotated import Resources
from sitrep.cli import main
from sitrep.errors import MalformedRecord, MissingField, UnreadableInput
from sitrep.evaluation.re3d import (
    CLASSES,
    Re3dReport,
    Span,
    evaluate_re3d,
    predicted_spans,
    read_corpus,
    score_class,
)
from sitrep.pipeline import Pipeline
from tests.helpers import annotate

TEXT = "Coalition aircraft destroyed an ISIL tank and a mortar near Mosul on Monday."


def _write_subset(folder: Path, text: str, entities: list[tuple[int, int, str]]) -> None:
    folder.mkdir(parents=True)
    doc = {"_id": "D1", "title": "t", "text": text}
    (folder / "documents.json").write_text(json.dumps(doc) + "\n", encoding="utf-8")
    lines = [
        json.dumps(
            {"_id": f"e{i}", "documentId": "D1", "begin": b, "end": e, "type": t, "value": text[b:e], "confidence": 1}
        )
        for i, (b, e, t) in enumerate(entities)
    ]
    (folder / "entities.json").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _span(text: str, phrase: str, label: str) -> tuple[int, int, str]:
    start = text.index(phrase)
    return start, start + len(phrase), label


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    gold = [
        _span(TEXT, "Coalition aircraft", "MilitaryPlatform"),
        _span(TEXT, "an ISIL tank", "MilitaryPlatform"),
        _span(TEXT, "a mortar", "Weapon"),
        _span(TEXT, "Mosul", "Location"),
        _span(TEXT, "Monday", "Temporal"),
    ]
    _write_subset(tmp_path / "re3d" / "CENTCOM", TEXT, gold)
    return tmp_path / "re3d"


def test_read_corpus_keeps_only_evaluated_classes(corpus: Path) -> None:
    (doc,) = read_corpus(corpus)
    assert doc.subset == "CENTCOM"
    assert {s.label for s in doc.gold} <= set(CLASSES)
    assert [s.text for s in doc.gold] == ["Coalition aircraft", "an ISIL tank", "a mortar", "Mosul"]
    assert read_corpus(corpus / "CENTCOM") == [doc]  # one subset folder works too


def test_bad_folders_are_coded_errors(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput):
        read_corpus(tmp_path / "missing")
    with pytest.raises(MissingField):
        read_corpus(tmp_path)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "documents.json").write_text("{not json\n", encoding="utf-8")
    (tmp_path / "s" / "entities.json").write_text("", encoding="utf-8")
    with pytest.raises(MalformedRecord):
        read_corpus(tmp_path)


def test_predicted_spans_map_kinds_to_classes(resources: Resources) -> None:
    annotated = annotate(
        "Gunmen shelled the town; an ISIL tank and a VBIED were destroyed by an airstrike in Mosul.",
        resources,
        ("actors.lexicon.v1", "places.gazetteer.v1", "weapons.lexicon.v1"),
    )
    spans = {(s.text, s.label) for s in predicted_spans(annotated)}
    assert ("tank", "MilitaryPlatform") in spans
    assert ("VBIED", "Weapon") in spans
    assert ("airstrike", "Weapon") in spans
    assert ("Mosul", "Location") in spans
    # the use of a weapon and its user are no weapon entities
    assert not {t for t, lab in spans if lab in {"Weapon", "MilitaryPlatform"}} & {"Gunmen", "shelled"}


def test_overlap_scoring_counts_each_side() -> None:
    gold = [
        Span(start=0, end=10, label="Weapon", text="a"),
        Span(start=20, end=25, label="Weapon", text="b"),
        Span(start=30, end=35, label="Location", text="c"),
    ]
    pred = [
        Span(start=5, end=8, label="Weapon", text="a"),
        Span(start=40, end=45, label="Weapon", text="x"),
        Span(start=30, end=32, label="Weapon", text="c"),
    ]
    s = score_class("Weapon", [(gold, pred)])
    assert (s.gold, s.predicted, s.found, s.correct) == (2, 3, 1, 1)
    assert s.precision == pytest.approx(1 / 3) and s.recall == pytest.approx(1 / 2)
    assert s.f1 == pytest.approx(0.4)
    assert dict(s.missed) == {"b": 1} and dict(s.wrong) == {"x": 1, "c": 1}


spans = st.builds(
    lambda a, n, lab: Span(start=a, end=a + n, label=lab, text=str(a)),
    st.integers(0, 200),
    st.integers(1, 20),
    st.sampled_from(["Weapon", "Location"]),
)


@given(st.lists(spans, max_size=12), st.lists(spans, max_size=12))
def test_scores_are_bounded_and_perfect_on_self(gold: list[Span], pred: list[Span]) -> None:
    s = score_class("Weapon", [(gold, pred)])
    assert 0 <= s.found <= s.gold and 0 <= s.correct <= s.predicted
    assert 0.0 <= s.f1 <= 1.0
    same = score_class("Weapon", [(gold, gold)])
    assert same.f1 == (1.0 if any(g.label == "Weapon" for g in gold) else 0.0)


def test_evaluate_report_table_and_figures(corpus: Path, pipeline: Pipeline) -> None:
    report = evaluate_re3d(corpus, pipeline)
    assert isinstance(report, Re3dReport) and report.documents == 1
    platform = report.score("MilitaryPlatform")
    assert platform.gold == 2 and platform.found == 2  # "aircraft" and "tank"
    assert report.score("Weapon").found == 1  # "mortar"
    assert report.score("Location").found == 1
    figures = report.figures()
    assert figures["militaryplatform_recall"] == 1.0
    assert set(figures["per_class"]) == set(CLASSES)
    table = report.table()
    assert "MilitaryPlatform" in table and "1 documents" in table
    with pytest.raises(AttributeError):
        report.documents = 2  # type: ignore[misc]  # frozen


def test_cli_table_json_and_errors(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_json = tmp_path / "figures.json"
    assert main(["eval", "re3d", str(corpus), "--json", str(out_json)]) == 0
    assert "re3d evaluation" in capsys.readouterr().out
    assert json.loads(out_json.read_text("utf-8"))["documents"] == 1
    assert main(["eval", "re3d", str(tmp_path / "nowhere")]) == 1
    assert "[E006]" in capsys.readouterr().err
