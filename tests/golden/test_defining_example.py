"""The defining example: ../shared/examples/artsakh-2020-09-28.txt against every item of its .expected.md.

One test per item of the expected file, so a report shows which items hold. The offensive is the
ASSAULT read from the first sentence ("launched a large-scale attack along the entire line of
contact"); the bombing of Stepanakert and the fire towards Vardenis are found by their coordinates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest

from sitrep.model import Actor, Event, Extraction
from sitrep.pipeline import Pipeline

from .expectations import (
    describe,
    describe_actor,
    describe_all,
    describe_count,
    invariant_problems,
    km_between,
    read_document,
)

NETWORK = "Constructive Dialogue Network"
STEPANAKERT = (39.82, 46.75)
VARDENIS = (40.18, 45.73)
SHELLING_OR_AIR_OR_CLASH = {"Shelling/artillery/missile attack", "Air/drone strike", "Armed clash"}


@pytest.fixture(scope="module")
def extraction(pipeline: Pipeline, shared_dir) -> Extraction:  # type: ignore[no-untyped-def]
    path = shared_dir / "examples" / "artsakh-2020-09-28.txt"
    return pipeline(read_document(path.read_text(encoding="utf-8"), str(path)))


def _fail(what: str, extraction: Extraction) -> None:
    pytest.fail(f"artsakh-2020-09-28: {what}\n  events that came out:\n{describe_all(extraction)}")


def _violent(extraction: Extraction) -> list[Event]:
    return [e for e in extraction.events if e.plover == "ASSAULT" and e.happened]


def _find(extraction: Extraction, what: str, pred: Callable[[Event], bool]) -> Event:
    hits = [e for e in extraction.events if pred(e)]
    if not hits:
        _fail(f"no event for {what}", extraction)
    return hits[0]


@pytest.fixture(scope="module")
def offensive(extraction: Extraction) -> Event:
    return _find(
        extraction,
        "the offensive (ASSAULT that happened, sentence with 'large-scale attack')",
        lambda e: e.plover == "ASSAULT" and e.happened and "large-scale attack" in e.sentence.text,
    )


def _near(e: Event, point: tuple[float, float], km: float) -> bool:
    p = e.place
    return p is not None and p.lat is not None and p.lon is not None and km_between(*point, p.lat, p.lon) <= km


def _parties(e: Event) -> tuple[Actor, ...]:
    return e.actors + e.recipients


# ---------------------------------------------------------------- document


def test_document_is_dated_2020_09_28_in_english(extraction: Extraction) -> None:
    assert extraction.document.published == dt.date(2020, 9, 28)
    assert extraction.document.language == "en"


def test_document_claimant_is_the_armenian_network(extraction: Extraction) -> None:
    claimants = [e.claimant for e in extraction.events if e.claimant is not None]
    network = [c for c in claimants if NETWORK.lower() in c.name.lower()]
    if not network:
        _fail(f"no event is claimed by the {NETWORK}; claimants: {[c.name for c in claimants]}", extraction)
    c = network[0]
    assert c.country == "ARM", f"the network's country should be ARM, got {describe_actor(c)}"
    assert c.sector not in {"MIL", "GOV", "REB", None}, f"the network is civil society, got {describe_actor(c)}"


def test_every_event_is_claimed_by_the_network_with_attribution_evidence(extraction: Extraction) -> None:
    if not extraction.events:
        _fail("no events at all", extraction)
    bad = []
    for i, e in enumerate(extraction.events):
        if e.claimant is None or NETWORK.lower() not in e.claimant.name.lower():
            bad.append(f"[{i}] claimant is {e.claimant.name if e.claimant else None!r}")
            continue
        spans = [e.claimant.evidence.text] + [
            c.evidence.text for c in e.claims if NETWORK.lower() in c.claimant.name.lower()
        ]
        if not any("statement" in s.lower() or NETWORK.lower() in s.lower() for s in spans):
            bad.append(f"[{i}] no evidence span of the attribution; spans: {spans}")
    assert not bad, "events not attributed to the network:\n  " + "\n  ".join(bad)


# ---------------------------------------------------------------- 1. the offensive


def test_offensive_actor_is_azerbaijan_state(offensive: Event) -> None:
    ok = [a for a in offensive.actors if a.country == "AZE" and a.sector in {"MIL", "GOV"}]
    assert ok, f"actor should be Azerbaijan (AZE, MIL or GOV); got {[describe_actor(a) for a in offensive.actors]}"


def test_offensive_recipient_is_artsakh_forces(offensive: Event) -> None:
    ok = [
        r
        for r in offensive.recipients
        if r.country == "AZE" and r.sector == "PRE" and r.de_facto and "artsakh" in r.de_facto.lower()
    ]
    assert ok, (
        "recipient should be Artsakh forces (country AZE, sector PRE, de facto Artsakh); "
        f"got {[describe_actor(r) for r in offensive.recipients]}"
    )


def test_offensive_date_is_27_september_day_precision(offensive: Event) -> None:
    assert offensive.date is not None, "the offensive has no date"
    assert offensive.date.date == dt.date(2020, 9, 27), (
        f"date came out as {offensive.date.date} ({offensive.date.raw!r})"
    )
    assert offensive.date.precision.value == "day"


def test_offensive_place_is_region_level(offensive: Event) -> None:
    p = offensive.place
    assert p is not None, "the offensive has no place"
    assert p.precision.value == "region", f"place {p.name} has precision {p.precision.value}, want region"
    assert p.country == "AZE", f"the line of contact lies in de jure Azerbaijan; got {p.country}"


def test_offensive_modes_and_acled_subtype(offensive: Event) -> None:
    assert {"heavy-weapons", "aerial"} <= set(offensive.modes), f"modes: {offensive.modes}"
    assert offensive.acled_subtype in SHELLING_OR_AIR_OR_CLASH, f"ACLED subtype: {offensive.acled_subtype}"
    names = {w.name for w in offensive.weapons}
    assert {"artillery", "tank", "aircraft", "missile"} <= names, f"weapons: {sorted(names)}"


# ---------------------------------------------------------------- 2, 3. places


def test_bombing_of_stepanakert(extraction: Extraction) -> None:
    e = _find(
        extraction,
        "the bombing of Stepanakert (within 10 km of 39.82 N 46.75 E)",
        lambda e: e.plover == "ASSAULT" and e.happened and _near(e, STEPANAKERT, 10),
    )
    assert e.place is not None and e.place.precision.value == "town", f"precision: {describe(e)}"
    assert any(r.sector == "CVL" for r in e.recipients), f"civilians should be among the recipients: {describe(e)}"


def test_fire_towards_vardenis(extraction: Extraction) -> None:
    e = _find(
        extraction,
        "the fire towards Vardenis (within 10 km of 40.18 N 45.73 E)",
        lambda e: e.plover == "ASSAULT" and e.happened and _near(e, VARDENIS, 10),
    )
    assert e.place is not None
    assert e.place.country == "ARM", f"Vardenis is in Armenia: {describe(e)}"
    assert e.place.precision.value == "near_town", f"'in the direction of the town': want near_town, {describe(e)}"


# ---------------------------------------------------------------- casualties


def test_wounded_over_a_hundred(offensive: Event) -> None:
    total = offensive.wounded.total if offensive.wounded else None
    assert total is not None, "the offensive has no wounded figure"
    assert total.low in {100, 101} and total.high is None, f"'over a hundred wounded': {describe_count(total)}"


def test_killed_over_a_dozen(offensive: Event) -> None:
    total = offensive.killed.total if offensive.killed else None
    assert total is not None, "the offensive has no killed figure"
    assert total.low in {12, 13} and total.high is None, f"'over a dozen killed': {describe_count(total)}"


def test_at_least_one_child_killed(offensive: Event) -> None:
    subsets = offensive.killed.subsets if offensive.killed else ()
    kids = [c for c in subsets if c.group and "child" in c.group.lower()]
    assert kids, f"no children subset among killed: {[(c.group, describe_count(c)) for c in subsets]}"
    assert kids[0].low >= 1 and kids[0].high is None, f"'at least one child': {describe_count(kids[0])}"


# ---------------------------------------------------------------- verbal events


def test_accuse_targeting_civilians(extraction: Extraction) -> None:
    e = _find(
        extraction,
        "ACCUSE: targeting the civilian population",
        lambda e: e.plover == "ACCUSE" and "civilian population" in e.sentence.text,
    )
    assert set(e.modes) & {"disapprove", "allege"}, f"modes: {e.modes}"
    assert any(a.country == "AZE" for a in _parties(e)), f"Azerbaijan should be the accused: {describe(e)}"


def test_accuse_turkey_alleged_and_hedged(extraction: Extraction) -> None:
    e = _find(
        extraction,
        "ACCUSE (allege): 'apparent support of the Turkish regime'",
        lambda e: e.plover == "ACCUSE" and "Turkish" in e.sentence.text,
    )
    assert "allege" in e.modes, f"modes: {e.modes}"
    assert any("apparent" in h.text.lower() for h in e.certainty.hedges), (
        f"hedges: {[h.text for h in e.certainty.hedges]}"
    )
    assert any(a.country == "TUR" and a.sector == "GOV" for a in _parties(e)), (
        f"Turkey's government (TUR, GOV) should be a party: {[describe_actor(a) for a in _parties(e)]}"
    )


def test_accuse_strongly_condemns(extraction: Extraction) -> None:
    e = _find(
        extraction,
        "ACCUSE (disapprove): 'strongly condemns the aggression'",
        lambda e: e.plover == "ACCUSE" and "condemns" in e.sentence.text,
    )
    assert "disapprove" in e.modes, f"modes: {e.modes}"


def test_request_to_international_organisations(extraction: Extraction) -> None:
    e = _find(
        extraction,
        "REQUEST: the appeal to the international community and organisations",
        lambda e: e.plover == "REQUEST" and "appeals" in e.sentence.text,
    )
    assert set(e.modes) & {"assist", "change"}, f"modes: {e.modes}"
    wanted = {
        "UN": ("united nations", "un"),
        "Council of Europe": ("council of europe",),
        "European Union": ("european union", "eu"),
        "OSCE Minsk Group": ("osce", "minsk"),
    }
    said = [f"{r.name} | {r.evidence.text}".lower() for r in e.recipients]
    missing = [
        k for k, alts in wanted.items() if not any(re.search(rf"\b{re.escape(a)}\b", t) for t in said for a in alts)
    ]
    assert not missing, f"recipients lack {missing}; got {[describe_actor(r) for r in e.recipients]}"


# ---------------------------------------------------------------- what must not come out


def test_no_protest_or_riot(extraction: Extraction) -> None:
    bad = [e for e in extraction.events if e.plover == "PROTEST" or e.acled_type in {"Protests", "Riots"}]
    assert not bad, "protest/riot events came out:\n" + "\n".join(describe(e) for e in bad)


def test_no_violent_event_in_turkey(extraction: Extraction) -> None:
    bad = [e for e in _violent(extraction) if e.place is not None and e.place.country == "TUR"]
    assert not bad, "violent events placed in Turkey:\n" + "\n".join(describe(e) for e in bad)


def test_covid_is_not_a_conflict_event(extraction: Extraction) -> None:
    words = ("covid", "pandemic", "coronavirus", "outbreak")
    bad = [e for e in extraction.events if e.kind != "verbal" and any(w in e.trigger.text.lower() for w in words)]
    assert not bad, "COVID-19 came out as an event:\n" + "\n".join(describe(e) for e in bad)


def test_hypothetical_expansion_did_not_happen(extraction: Extraction) -> None:
    bad = [e for e in extraction.events if e.happened and "may expand" in e.sentence.text and e.kind != "verbal"]
    assert not bad, "the hypothetical expansion came out as an event that happened:\n" + "\n".join(
        describe(e) for e in bad
    )


# ---------------------------------------------------------------- evidence everywhere


def test_every_field_has_evidence_and_stage(extraction: Extraction) -> None:
    if not extraction.events:
        _fail("no events at all", extraction)
    problems = invariant_problems(extraction)
    for i, e in enumerate(extraction.events):
        for name, ev in (("place", e.place), ("date", e.date)):
            if ev is None:
                problems.append(f"events[{i}].{name} is missing")
    assert not problems, "\n  ".join(["evidence problems:"] + problems)
