from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.cli import main
from sitrep.errors import MalformedRecord, UnknownFormat, UnreadableInput
from sitrep.evaluation.geoparse import GEOWEBNEWS, TR_NEWS, evaluate_geoparse, read_corpus

TEXT = "Troops left Mosul for Baghdad. Officials in Paris said so."

TR_XML = f"""<?xml version="1.0"?>
<articles><article docid="1"><text>{TEXT}</text><toponyms>
<toponym><phrase>Mosul</phrase><start>12</start><end>17</end>
<gaztag geonameid="99072"><name>Mosul</name><lat>36.335</lat><lon>43.119</lon><country>Iraq</country></gaztag></toponym>
<toponym><phrase>Baghdad</phrase><start>22</start><end>29</end>
<gaztag geonameid="98182"><name>Baghdad</name><lat>33.341</lat><lon>44.401</lon><country>Iraq</country></gaztag></toponym>
</toponyms></article></articles>"""

GWN_XML = f"""<?xml version="1.0"?>
<articles><article file="0"><text>{TEXT}</text>
<toponym><extractedName>Mosul</extractedName><type>Literal</type><nonLocational>No</nonLocational>
<start>12</start><end>17</end><latitude>36.335</latitude><longitude>43.119</longitude></toponym>
<toponym><extractedName>Paris</extractedName><type>Metonymic</type><nonLocational>No</nonLocational>
<start>44</start><end>49</end><latitude>10.0</latitude><longitude>10.0</longitude></toponym>
<toponym><extractedName>Troops</extractedName><type>Non_Toponym</type><nonLocational>No</nonLocational>
<start>0</start><end>6</end><latitude/><longitude/></toponym>
</article></articles>"""


def _write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_format_detected_from_xml(tmp_path: Path) -> None:
    corpus, articles = read_corpus(_write(tmp_path, "a.xml", TR_XML))
    assert corpus == TR_NEWS and [t.text for t in articles[0].toponyms] == ["Mosul", "Baghdad"]
    corpus, articles = read_corpus(_write(tmp_path, "b.xml", GWN_XML))
    assert corpus == GEOWEBNEWS
    assert [t.counts for t in articles[0].toponyms] == [True, True, False]


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ("<articles><article>", MalformedRecord),
        ("<articles><article><text>x</text></article></articles>", UnknownFormat),
        ("<rows/>", UnknownFormat),
    ],
)
def test_bad_files_raise_coded_errors(tmp_path: Path, content: str, error: type) -> None:
    with pytest.raises(error):
        read_corpus(_write(tmp_path, "bad.xml", content))


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput):
        read_corpus(tmp_path / "nope.xml")


def test_report_figures(tmp_path: Path, resources) -> None:  # type: ignore[no-untyped-def]
    report = evaluate_geoparse(_write(tmp_path, "a.xml", TR_XML), resources)
    f = report.figures()
    assert report.gold == 2 and report.gold_recognised == 2
    assert f["accuracy_161km_recognised"] == 1.0 and f["country_accuracy_recognised"] == 1.0
    assert f["toponym_precision"] == pytest.approx(2 / 3)  # Paris is not annotated in this file
    assert "accuracy_161km_recognised" in report.table()


def test_gwn_wrong_point_counts_as_miss(tmp_path: Path, resources) -> None:  # type: ignore[no-untyped-def]
    report = evaluate_geoparse(_write(tmp_path, "b.xml", GWN_XML), resources)
    f = report.figures()
    assert report.recognised_with_coordinates == 2 and report.within_km == 1
    assert f["accuracy_161km_all_gold"] == 0.5 and report.misses[0].gold == "Paris"


def test_cli_table_json_and_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "f.json"
    assert main(["eval", "geoparse", str(_write(tmp_path, "a.xml", TR_XML)), "--json", str(out)]) == 0
    assert "TR-News" in capsys.readouterr().out
    assert json.loads(out.read_text())["toponym_recall"] == 1.0
    assert main(["eval", "geoparse", str(tmp_path / "missing.xml")]) == 1
    assert "[E006]" in capsys.readouterr().err
