"""serialize.py: the JSONL record shape, built from hand-made Events (independent of the stages)."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

from sitrep.ingest.documents import make_document
from sitrep.model import (
    Actor,
    Casualties,
    Certainty,
    Claim,
    Count,
    DatePrecision,
    Event,
    EventDate,
    Evidence,
    Extraction,
    Place,
    PlacePrecision,
    Weapon,
)
from sitrep.serialize import event_to_dict, extraction_to_dicts, plain

TEXT = (
    "On Sunday, Azerbaijani forces shelled Stepanakert with artillery, killing over a dozen people, "
    "the ministry said. They may also strike Vardenis."
)


def ev(text: str, phrase: str, stage: str = "test.v1", reason: str | None = None) -> Evidence:
    """Evidence for the first occurrence of ``phrase`` in ``text``."""
    start = text.index(phrase)
    return Evidence(start=start, end=start + len(phrase), text=phrase, stage=stage, reason=reason, confidence=0.9)


def make_event(
    *,
    text: str = TEXT,
    event_id: str = "e1",
    lat: float | None = 39.8177,
    lon: float | None = 46.7528,
    happened: bool = True,
    acled_type: str | None = "Explosions/Remote violence",
    killed_high: int | None = None,
) -> Event:
    doc_id = make_document(text).id
    ministry = Actor(
        name="Ministry of Defence",
        country="ARM",
        sector="GOV",
        acled_name=None,
        inter=1,
        evidence=ev(text, "the ministry"),
    )
    return Event(
        id=event_id,
        document_id=doc_id,
        kind="violent",
        plover="ASSAULT",
        modes=("heavy-weapons",),
        acled_type=acled_type,
        acled_subtype="Shelling/artillery/missile attack" if acled_type else None,
        actors=(
            Actor(
                name="Azerbaijan",
                country="AZE",
                sector="MIL",
                acled_name="Military Forces of Azerbaijan (2003-)",
                inter=1,
                evidence=ev(text, "Azerbaijani forces"),
            ),
        ),
        recipients=(
            Actor(
                name="Civilians",
                country="ARM",
                sector="CVL",
                acled_name="Civilians (Armenia)",
                inter=7,
                evidence=ev(text, "people"),
            ),
        ),
        place=Place(
            name="Stepanakert",
            geonameid=174875,
            lat=lat,
            lon=lon,
            country="AZE",
            admin1="Nagorno-Karabakh",
            precision=PlacePrecision.TOWN,
            de_facto="Artsakh",
            disputed="Nagorno-Karabakh",
            evidence=ev(text, "Stepanakert"),
        ),
        date=EventDate(
            date=dt.date(2020, 9, 27), precision=DatePrecision.DAY, raw="Sunday", evidence=ev(text, "Sunday")
        ),
        killed=Casualties(
            total=Count(
                low=13,
                best=13,
                high=killed_high,
                raw="over a dozen",
                rule="over N: N+1, no upper bound",
                evidence=ev(text, "over a dozen people"),
            )
        ),
        wounded=None,
        weapons=(Weapon(name="artillery", mode="heavy-weapons", evidence=ev(text, "artillery")),),
        claims=(
            Claim(
                field="killed",
                value={"low": 13, "best": 13, "high": None},
                claimant=ministry,
                evidence=ev(text, "the ministry said"),
            ),
        ),
        claimant=ministry,
        certainty=Certainty(hedges=(), hypothetical=not happened),
        trigger=ev(text, "shelled"),
        sentence=ev(text, text.split(" They")[0]),
        confidence=0.8,
    )


def make_extraction(*events: Event, text: str = TEXT, **meta: str) -> Extraction:
    doc = make_document(text, published="2020-09-28", source="a.txt", **meta)
    return Extraction(document=doc, events=tuple(events))


def test_top_level_is_plover_shaped_in_fixed_order() -> None:
    d = event_to_dict(make_event())
    assert list(d)[:11] == [
        "id",
        "date",
        "actor",
        "recipient",
        "event",
        "mode",
        "event_loc",
        "event_text",
        "size",
        "text_info",
        "cite_info",
    ]
    assert d["event"] == "ASSAULT" and d["mode"] == ["heavy-weapons"]
    assert d["date"] == "2020-09-27"
    assert d["size"] == {"dead": 13, "injured": None}
    assert d["event_loc"]["lat"] == 39.8177 and d["event_loc"]["resolution"] == 4
    assert d["actor"][0]["country"] == "AZE" and d["actor"][0]["sector"] == "MIL"


def test_sitrep_fields_and_every_evidence_slices_the_text() -> None:
    d = event_to_dict(make_event())
    s = d["sitrep"]
    assert s["acled_subtype"] == "Shelling/artillery/missile attack"
    assert s["killed"]["total"] == {
        "low": 13,
        "best": 13,
        "high": None,
        "group": None,
        "raw": "over a dozen",
        "rule": "over N: N+1, no upper bound",
    }
    assert s["place"]["de_facto"] == "Artsakh" and s["place"]["acled_geo_precision"] == 1
    assert s["claims"][0]["claimant"] == "Ministry of Defence"
    spans = [
        s["evidence"]["event"],
        s["evidence"]["place"],
        s["evidence"]["date"],
        *s["evidence"]["actor"],
        *s["evidence"]["killed"],
        *s["evidence"]["weapons"],
        s["evidence"]["claimant"],
    ]
    for span in spans:
        assert TEXT[span["start"] : span["end"]] == span["text"]
        assert set(span) == {"start", "end", "text", "stage", "reason", "confidence"}


def test_extraction_to_dicts_fills_cite_info_and_is_json() -> None:
    records = extraction_to_dicts(make_extraction(make_event(), make_event(event_id="e2"), url="http://x", title="T"))
    assert [r["id"] for r in records] == ["e1", "e2"]
    assert records[0]["cite_info"]["published"] == "2020-09-28"
    assert records[0]["cite_info"]["url"] == "http://x"
    json.dumps(records)  # plain values only


def test_notes_are_written_only_when_a_cap_cut_something() -> None:
    from dataclasses import replace

    plain_records = extraction_to_dicts(make_extraction(make_event()))
    assert "notes" not in plain_records[0]["sitrep"]
    note = "1 sentence over 250 tokens (longest 900 tokens, first at 0) cut into parts of 250 tokens for parsing"
    noted = extraction_to_dicts(replace(make_extraction(make_event()), notes=(note,)))
    assert noted[0]["sitrep"]["notes"] == [note]
    noted[0]["sitrep"].pop("notes")
    assert json.dumps(noted) == json.dumps(plain_records)  # nothing else differs


def test_not_happened_is_marked() -> None:
    s = event_to_dict(make_event(happened=False))["sitrep"]
    assert s["happened"] is False and s["certainty"]["hypothetical"] is True


def test_same_event_serialises_identically() -> None:
    assert json.dumps(event_to_dict(make_event())) == json.dumps(event_to_dict(make_event()))


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text() | st.dates(),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.text(max_size=5), inner, max_size=3)
            | st.tuples(inner, inner)
        ),
        max_leaves=10,
    )
)
def test_plain_always_gives_json(value: object) -> None:
    json.dumps(plain(value))
