"""sitrep.evaluation.articles: reading article folders, matching predictions to gold events, the figures."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from sitrep import cli
from sitrep.errors import EmptyInput, MalformedRecord, MissingField, UnreadableInput
from sitrep.evaluation.articles import (
    ArticlesReport,
    Prediction,
    claimant_right,
    date_right,
    judge,
    normal_name,
    place_right,
    read_articles,
)
from sitrep.pipeline import Pipeline

TEXT = (
    "Rebels shell market town, killing four\n\n"
    "KORVALA, May 3 - Rebel gunners shelled the market of Korvala on Sunday, killing four traders, "
    "the district governor said.\n\n"
    "Later that day soldiers clashed with the rebels near the river crossing.\n\n"
    "Last year the rebels burned the town hall."
)
LEAD = "Rebel gunners shelled the market of Korvala on Sunday, killing four traders, the district governor said."
HEADLINE = "Rebels shell market town, killing four"
CLASH = "Later that day soldiers clashed with the rebels near the river crossing."


def gold_event(**overrides: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "id": "E1",
        "mentions": [HEADLINE, LEAD],
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "date": "2021-05-02",
        "date_precision": "day",
        "place": {"name": "Korvala", "admin1": "North", "country": "XXX", "lat": 10.0, "lon": 20.0, "geo_precision": 1},
        "actor1": "Rebels of Somewhere",
        "actor2": "Civilians (Somewhere)",
        "fatalities": 4,
        "claimant": "the district governor",
    }
    event.update(overrides)
    return event


def write_article(folder: Path, name: str, gold: dict[str, Any], text: str = TEXT, date: str = "2021-05-03") -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_text(f"date {date}\n{text}", encoding="utf-8")
    (folder / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")


def gold_file(events: list[dict[str, Any]], not_events: list[dict[str, str]] | None = None, kind: str = "conflict"):  # type: ignore[no-untyped-def]
    return {"kind": kind, "published": "2021-05-03", "events": events, "not_events": not_events or []}


def prediction(text: str, word: str, **overrides: Any) -> Prediction:
    start = text.index(word)
    fields: dict[str, Any] = {
        "start": start,
        "end": start + len(word),
        "trigger": word,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "date": dt.date(2021, 5, 2),
        "lat": 10.05,
        "lon": 20.05,
        "admin1": "North",
        "actors": ("Rebels of Somewhere", "Civilians (Somewhere)"),
        "fatalities": 4,
        "claimant": "District Governor",
        "sentence": "",
    }
    fields.update(overrides)
    return Prediction(**fields)


@pytest.fixture
def article(tmp_path: Path):  # type: ignore[no-untyped-def]
    clash = gold_event(
        id="E2",
        mentions=[CLASH],
        event_type="Battles",
        sub_event_type="Armed clash",
        actor2="Military Forces of Somewhere",
        fatalities=0,
        claimant=None,
    )
    write_article(
        tmp_path,
        "001-korvala",
        gold_file([gold_event(), clash], [{"text": "Last year the rebels burned the town hall.", "why": "background"}]),
    )
    return next(read_articles(tmp_path))


def test_reading_places_every_mention_in_the_text_after_the_date_line(article) -> None:  # type: ignore[no-untyped-def]
    assert article.published == dt.date(2021, 5, 3)
    assert article.text.startswith("Rebels shell")
    first = article.events[0]
    assert [article.text[s:e] for s, e in first.spans] == [HEADLINE, LEAD]
    assert article.not_events[0].why == "background"


def test_first_prediction_matches_and_a_retelling_is_a_duplicate(article) -> None:  # type: ignore[no-untyped-def]
    text = article.text
    outcome = judge(
        article,
        [
            prediction(text, "shell"),
            prediction(text, "shelled"),
            prediction(text, "burned"),
            prediction(text, "KORVALA"),
        ],
    )
    assert [j.verdict for j in outcome.judged] == ["matched", "duplicate", "background", "false"]
    assert outcome.judged[0].all_right


def test_a_sentence_telling_two_events_gives_each_prediction_the_event_it_agrees_with(tmp_path: Path) -> None:
    both = "Rebels shelled Korvala and soldiers clashed with them."
    text = f"{both}\n\nNothing else."
    first = gold_event(mentions=[both])
    second = gold_event(id="E2", mentions=[both], event_type="Battles", sub_event_type="Armed clash")
    write_article(tmp_path, "002-two", gold_file([first, second]), text=text)
    art = next(read_articles(tmp_path))
    clash = prediction(text, "clashed", event_type="Battles", sub_event_type="Armed clash")
    shell = prediction(text, "shelled")
    outcome = judge(art, [clash, shell])
    assert [(j.verdict, j.gold_id) for j in outcome.judged] == [("matched", "E2"), ("matched", "E1")]


def test_fields_are_compared_by_the_readme_rules(article) -> None:  # type: ignore[no-untyped-def]
    text = article.text
    wrong = prediction(
        text,
        "shell",
        sub_event_type="Air/drone strike",
        date=dt.date(2021, 5, 3),
        lat=11.0,
        actors=("Rebels of Somewhere",),
        fatalities=3,
        claimant=None,
    )
    outcome = judge(article, [wrong])
    right = dict(outcome.judged[0].right)
    assert right == {
        "type": True,
        "sub_type": False,
        "date": False,
        "place": False,
        "fatalities": False,
        "actors": False,
        "claimant": False,
    }
    report = ArticlesReport(folder="x", outcomes=[outcome])
    figures = report.figures()
    assert figures["event_precision"] == 1.0
    assert figures["event_recall"] == 0.5
    assert figures["matched_type"] == 1.0 and figures["matched_every_field"] == 0.0
    assert "001-korvala" in report.table()


def test_date_place_claimant_and_names_follow_their_tolerances() -> None:
    week = gold_event_record(date_precision="week")
    assert date_right(week, dt.date(2021, 5, 5)) and not date_right(week, dt.date(2021, 5, 6))
    month = gold_event_record(date_precision="month")
    assert date_right(month, dt.date(2021, 5, 31)) and not date_right(month, dt.date(2021, 6, 1))
    region = gold_event_record(place={"lat": 10.0, "lon": 20.0, "geo_precision": 3, "admin1": "Upper Nile"}).place
    assert place_right(region, 11.0, 20.0, "")  # 111 km: inside 150
    assert place_right(region, 14.0, 20.0, "upper nile")  # far, but the same first-level division
    assert not place_right(region, 14.0, 20.0, "Lakes")
    assert claimant_right(None, None) and not claimant_right(None, "army")
    assert claimant_right("the interior ministry", "Ministry of Interior")
    assert not claimant_right("the interior ministry", "a spokesman")
    assert normal_name("The Military Forces of Côte d'Ivoire (2011-)") == normal_name(
        "military forces of cote d ivoire"
    )


def gold_event_record(**overrides: Any):  # type: ignore[no-untyped-def]
    from sitrep.evaluation.articles import _gold_event

    record = gold_event(mentions=[LEAD])
    if "place" in overrides:
        record["place"] = {"name": "X", **overrides.pop("place")}
    record.update(overrides)
    return _gold_event(record, TEXT, "test")


def test_quiet_articles_count_as_false_alarms_when_anything_is_predicted(tmp_path: Path) -> None:
    quiet = "The striker blasted two goals as the home side battled to a win."
    write_article(tmp_path, "003-match", gold_file([], kind="quiet"), text=quiet)
    art = next(read_articles(tmp_path))
    alarm = judge(art, [prediction(quiet, "blasted")])
    calm = judge(art, [])
    assert ArticlesReport(folder="x", outcomes=[alarm]).figures()["quiet_share_without_event"] == 0.0
    assert ArticlesReport(folder="x", outcomes=[calm]).figures()["quiet_share_without_event"] == 1.0


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda d: None, EmptyInput, "no *.gold.json"),
        (lambda d: (d / "001-a.gold.json").write_text("{}", encoding="utf-8"), MissingField, "article"),
        (
            lambda d: write_article(d, "001-a", gold_file([gold_event(mentions=["not in it"])])),
            MalformedRecord,
            "quoted",
        ),
        (lambda d: write_article(d, "001-a", gold_file([]), date="someday"), MalformedRecord, "not a date"),
        (
            lambda d: (write_article(d, "001-a", gold_file([])), (d / "001-a.gold.json").write_text("{", "utf-8")),
            MalformedRecord,
            "not JSON",
        ),
    ],
)
def test_broken_folders_give_coded_errors_naming_the_file(tmp_path: Path, make, error, words) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "arts"
    folder.mkdir()
    make(folder)
    with pytest.raises(error) as caught:
        list(read_articles(folder))
    assert words in str(caught.value)
    assert str(folder) in str(caught.value)


def test_a_file_is_not_a_folder(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(UnreadableInput):
        list(read_articles(path))


def test_cli_runs_the_pipeline_and_writes_the_figures(tmp_path: Path, pipeline: Pipeline, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sitrep.pipeline

    monkeypatch.setattr(sitrep.pipeline, "load_pipeline", lambda *a, **k: pipeline)
    folder = tmp_path / "arts"
    write_article(folder, "001-korvala", gold_file([gold_event()]))
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["eval", "articles", str(folder), "--json", str(tmp_path / "f.json")], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    figures = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
    assert figures["gold_events"] == 1 and figures["event_recall"] == 1.0
    assert "001-korvala" in out.getvalue()
