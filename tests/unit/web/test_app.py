"""web/app.py: every route and filter, paging, downloads, problems, the token and the body limit."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.errors import UnreadableInput
from sitrep.store import Store
from sitrep.web.app import Settings, create_app
from tests.unit.web.conftest import TOKEN


def ids(client: TestClient, query: str = "") -> list[str]:
    r = client.get(f"/api/events?{query}")
    assert r.status_code == 200, r.text
    return [e["id"] for e in r.json()["events"]]


def test_events_newest_first_with_the_fields_a_list_needs(client: TestClient) -> None:
    body = client.get("/api/events").json()
    dates = [e["date"] for e in body["events"]]
    assert dates == sorted(dates, reverse=True) and len(dates) == 4 and body["next"] is None
    first = body["events"][0]
    assert first["acled_type"] == "Explosions/Remote violence" and first["claimant"] == "Ministry of Defence"
    assert first["sentence"].startswith("On Sunday") and first["place_precision"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("start=2020-10-01", 2),
        ("end=2020-09-30", 2),
        ("start=2020-10-16&end=2020-10-31", 1),
        ("bbox=44,38,48,42", 2),
        ("country=ukr", 2),
        ("type=Explosions/Remote violence", 4),
        ("type=Battles", 0),
        ("subtype=Shelling/artillery/missile attack", 4),
        ("subtype=Air/drone strike", 0),
        ("plover=assault", 4),
        ("actor=Azerbaijan", 4),
        ("actor=Nobody", 0),
        ("claimant=Ministry of Defence", 4),
        ("happened=true", 4),
        ("happened=false", 0),
        ("min_confidence=0", 4),
        ("min_confidence=1", 0),
        ("q=Stepanakert artillery", 4),
        ("q=Stepanakert drones", 0),
    ],
)
def test_every_filter(client: TestClient, query: str, expected: int) -> None:
    assert len(ids(client, query)) == expected
    assert client.get(f"/api/events/count?{query}").json() == {"count": expected}


def test_paging_with_the_cursor_visits_each_event_once(client: TestClient) -> None:
    whole = ids(client)
    seen, cursor = [], None
    while True:
        r = client.get("/api/events", params={"limit": 1, **({"cursor": cursor} if cursor else {})}).json()
        seen += [e["id"] for e in r["events"]]
        cursor = r["next"]
        if cursor is None:
            break
    assert seen == whole


def test_one_event_with_evidence_document_and_incident(client: TestClient) -> None:
    event_id = ids(client, "country=AZE")[0]
    body = client.get(f"/api/events/{event_id}").json()
    text = body["document"]["text"]
    assert body["evidence"], "every field's evidence span is listed"
    for span in body["evidence"]:
        assert text[span["start"] : span["end"]] == span["text"]
    assert {s["field"] for s in body["evidence"]} >= {"event", "place", "claimant"}
    s, t = body["sentence_span"], body["trigger_span"]
    assert s["start"] <= t["start"] < t["end"] <= s["end"]
    incident = body["incident"]
    assert incident is not None and incident["reports"] == 2
    assert {m["id"] for m in incident["members"]} == set(ids(client, "country=AZE"))


def test_incidents_list_page_and_one_incident(client: TestClient) -> None:
    body = client.get("/api/incidents").json()
    assert len(body["incidents"]) == 3 and body["next"] is None
    dates = [i["date"] for i in body["incidents"]]
    assert dates == sorted(dates, reverse=True)
    two = [i for i in body["incidents"] if i["reports"] == 2]
    assert len(two) == 1
    one = client.get(f"/api/incidents/{two[0]['id']}").json()
    assert len(one["members"]) == 2 and all(m["publisher"] is None or m["publisher"] for m in one["members"])
    seen, cursor = [], None
    while True:
        page = client.get("/api/incidents", params={"limit": 1, **({"cursor": cursor} if cursor else {})}).json()
        seen += [i["id"] for i in page["incidents"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == [i["id"] for i in body["incidents"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=UKR", 2),
        ("start=2020-10-01", 2),
        ("bbox=44,38,48,42", 1),
        ("q=Stepanakert", 3),
        ("claimant=Ministry of Defence", 3),
        ("type=Battles", 0),
    ],
)
def test_incidents_take_the_event_filters(client: TestClient, query: str, expected: int) -> None:
    r = client.get(f"/api/incidents?{query}")
    assert r.status_code == 200 and len(r.json()["incidents"]) == expected


def test_counts_for_charts(client: TestClient) -> None:
    days = client.get("/api/counts/day").json()["days"]
    assert days == [
        {"date": "2020-09-27", "count": 2},
        {"date": "2020-10-15", "count": 1},
        {"date": "2020-10-20", "count": 1},
    ]
    assert client.get("/api/counts/day?country=UKR").json()["days"][0]["date"] == "2020-10-15"
    types = client.get("/api/counts/type").json()["types"]
    assert types == [
        {"acled_type": "Explosions/Remote violence", "acled_subtype": "Shelling/artillery/missile attack", "count": 4}
    ]


def test_downloads_match_the_cli_exports(client: TestClient, served_db: Path) -> None:
    from sitrep.export.store_export import export_store
    from sitrep.store import EventFilter

    r = client.get("/api/events.geojson?country=UKR")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    features = r.json()["features"]
    assert len(features) == 2
    r = client.get("/api/events.csv?country=UKR")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 2
    expected = io.StringIO()
    with Store(served_db) as s:
        export_store(s, EventFilter(country="UKR"), "acled-csv", expected)
    got = list(csv.DictReader(io.StringIO(expected.getvalue())))
    assert [r["event_id_cnty"] for r in rows] == [g["event_id_cnty"] for g in got]


@pytest.mark.parametrize(
    ("path", "status", "code", "source"),
    [
        ("/api/events?start=2020-13-01", 400, "E008", "start"),
        ("/api/events?start=2020-10-02&end=2020-10-01", 400, "E008", "start"),
        ("/api/events?bbox=1,2,3", 400, "E008", "bbox"),
        ("/api/events?bbox=10,0,0,10", 400, "E008", "bbox"),
        ("/api/events?limit=0", 400, "E008", "limit"),
        ("/api/events?limit=abc", 400, "E008", "limit"),
        ("/api/events?min_confidence=2", 400, "E008", "min_confidence"),
        ("/api/events?cursor=nonsense", 400, "E008", "cursor"),
        ("/api/events?q=%3B%3B", 400, "E008", "q"),
        ("/api/events/no-such-event", 404, "E012", "no-such-event"),
        ("/api/incidents/no-such-incident", 404, "E012", "no-such-incident"),
        ("/api/events.xlsx", 404, "E012", "format"),
        ("/api/nothing-here", 404, "E012", "/api/nothing-here"),
        ("/api/incidents?cursor=x", 400, "E008", "cursor"),
        ("/api/incidents?limit=5000", 400, "E008", "limit"),
    ],
)
def test_problems_are_coded_json_never_a_traceback(
    client: TestClient, path: str, status: int, code: str, source: str
) -> None:
    r = client.get(path)
    assert r.status_code == status
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["code"] == code and body["status"] == status and body["type"].endswith(code)
    assert body["source"] == source and f"[{code}]" in body["detail"]
    assert "Traceback" not in r.text


def test_a_missing_store_is_refused_before_serving(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput):
        create_app(Settings(db=tmp_path / "none.db"))


def test_the_api_is_described_by_its_openapi_schema(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/events.{fmt}",
        "/api/events/count",
        "/api/incidents",
        "/api/incidents/{incident_id}",
        "/api/counts/day",
        "/api/counts/type",
        "/api/documents",
    ):
        assert path in schema["paths"], path
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert names >= {"start", "end", "bbox", "country", "type", "subtype", "plover", "actor", "claimant"}
    assert names >= {"happened", "min_confidence", "q", "limit", "cursor"}


def test_a_read_only_server_refuses_posts(client: TestClient) -> None:
    r = client.post("/api/documents", json={"text": "Anything."}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 401 and r.json()["code"] == "E013"


@pytest.mark.parametrize("header", [None, "Bearer wrong-token-here", f"Basic {TOKEN}", TOKEN])
def test_a_post_without_the_right_bearer_token_is_refused(
    writable: tuple[TestClient, Path], header: str | None
) -> None:
    client, path = writable
    before = Store(path).count_documents()
    r = client.post("/api/documents", json={"text": "Anything."}, headers={"Authorization": header} if header else {})
    assert r.status_code == 401 and r.json()["code"] == "E013" and r.headers["www-authenticate"] == "Bearer"
    assert Store(path).count_documents() == before


def test_a_body_over_the_limit_is_refused_and_nothing_is_stored(writable: tuple[TestClient, Path]) -> None:
    client, path = writable
    big = json.dumps({"text": "word " * 2000})
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    r = client.post("/api/documents", content=big, headers=auth)
    assert r.status_code == 413 and r.json()["code"] == "E004"

    def chunks():  # no Content-Length: counted as it streams
        for _ in range(10):
            yield b" " * 1000

    r = client.post("/api/documents", content=chunks(), headers=auth)
    assert r.status_code == 413 and r.json()["code"] == "E004"
    assert Store(path).count_documents() == 1


def test_a_malformed_post_is_a_coded_problem(writable: tuple[TestClient, Path]) -> None:
    client, _ = writable
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/documents", json={"title": "no text"}, headers=auth)
    assert r.status_code == 400 and r.json()["code"] == "E008" and r.json()["source"] == "text"
    r = client.post("/api/documents", json={"text": "Shots.", "published": "yesterday"}, headers=auth)
    assert r.status_code == 400 and r.json()["code"] == "E008"


def test_a_posted_article_is_extracted_stored_and_served(writable: tuple[TestClient, Path]) -> None:
    client, _ = writable
    text = (
        "Drone strike kills four in northern town\n\n"
        "KARAMLESH, March 3 - A drone struck a vehicle near the town of Bartella in Iraq on Tuesday, "
        "killing four fighters, a security official said."
    )
    r = client.post(
        "/api/documents",
        json={"text": text, "published": "2021-03-03", "publisher": "Our Wire"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["stored"] and body["events"]
    detail = client.get(f"/api/events/{body['events'][0]}").json()
    assert detail["document"]["publisher"] == "Our Wire" and detail["killed"] == 4
    again = client.post("/api/documents", json={"text": text}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.status_code == 201 and not again.json()["stored"]


def test_every_answer_has_the_shape_its_schema_documents(client: TestClient) -> None:
    from sitrep.web import schemas

    page = schemas.EventPage.model_validate(client.get("/api/events").json())
    event_id = page.events[0].id
    detail = schemas.EventDetail.model_validate(client.get(f"/api/events/{event_id}").json())
    assert detail.incident is not None
    schemas.IncidentDetail.model_validate(client.get(f"/api/incidents/{detail.incident.id}").json())
    schemas.IncidentPage.model_validate(client.get("/api/incidents").json())
    schemas.DayCounts.model_validate(client.get("/api/counts/day").json())
    schemas.TypeCounts.model_validate(client.get("/api/counts/type").json())
    schemas.Count.model_validate(client.get("/api/events/count").json())
    schemas.Health.model_validate(client.get("/api/health").json())
    schemas.Problem.model_validate(client.get("/api/events/none").json())
    documented = client.get("/api/openapi.json").json()["paths"]["/api/events/{event_id}"]["get"]["responses"]
    assert {"200", "404"} <= set(documented)
