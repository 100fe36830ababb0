import datetime as dt
import random

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from sitrep.merge import Settings, merge_events
from sitrep.model import PlacePrecision

from .factory import DAY, count, document, event, place

PROTEST = ("Protests", "Peaceful protest")


def docs(*ids):
    return [document(d, publisher=f"Outlet {d}") for d in ids]


def test_three_reports_become_one_incident_with_sources_and_figures():
    events = [
        event("e3", "d1", killed=count(3), claimant="Governor"),
        event("e1", "d2", killed=count(4), wounded=count(15)),
        event("e2", "d3", killed=count(4, 4, None), claimant="Officials"),
    ]
    (inc,) = merge_events(events, docs("d1", "d2", "d3"))
    assert inc.id == "inc-e1" and inc.members == ("e1", "e2", "e3")
    assert inc.documents == ("d1", "d2", "d3") and inc.publishers == ("Outlet d1", "Outlet d2", "Outlet d3")
    assert (inc.killed.low, inc.killed.best, inc.killed.high, inc.killed.acled) == (3, 4, 4, 3)
    assert inc.killed.conflicting
    killed = next(c for c in inc.conflicts if c.field == "killed")
    assert {who for p in killed.positions for who in p.claimants} == {"Governor", "Officials", "Outlet d2"}
    assert inc.wounded.best == 15 and not inc.wounded.conflicting
    assert {eid for eid, _ in inc.claims} == {"e3", "e2"}
    assert inc.date == DAY and inc.place.name == "Kharkiv"


def test_same_document_events_are_never_merged():
    events = [event("a", "d1"), event("b", "d1"), event("c", "d2")]
    incidents = merge_events(events, docs("d1", "d2"))
    for inc in incidents:
        assert len(inc.documents) == len(inc.members)
    assert len(incidents) == 2


def test_distractors_stay_apart():
    next_day = DAY + dt.timedelta(days=1)
    events = [
        event("a1", "d1"),
        event("a2", "d2"),
        event("b1", "d3", day=next_day),
        event("b2", "d4", day=next_day),
        event("p1", "d5", acled=PROTEST, plover="PROTEST", actors=("Protesters (Ukraine)",)),
        event("p2", "d6", acled=PROTEST, plover="PROTEST", actors=("Protesters (Ukraine)",)),
    ]
    incidents = merge_events(events, docs(*[f"d{i}" for i in range(1, 7)]))
    assert sorted(i.members for i in incidents) == [("a1", "a2"), ("b1", "b2"), ("p1", "p2")]


def test_a_vague_report_does_not_chain_two_towns():
    kramatorsk = place("Kramatorsk", 48.73, 37.57, admin1="Donetsk")
    pokrovsk = place("Pokrovsk", 48.28, 37.18, admin1="Donetsk")
    region = place("Donetsk Oblast", None, None, PlacePrecision.REGION, admin1="Donetsk")
    events = [
        event("k1", "d1", where=kramatorsk),
        event("k2", "d2", where=kramatorsk),
        event("p1", "d3", where=pokrovsk),
        event("p2", "d4", where=pokrovsk),
        event("r", "d5", where=region),
    ]
    incidents = merge_events(events, docs("d1", "d2", "d3", "d4", "d5"))
    groups = [set(i.members) for i in incidents]
    assert not any({"k1", "p1"} <= g for g in groups)
    assert {"k1", "k2"} in [g - {"r"} for g in groups] and {"p1", "p2"} in [g - {"r"} for g in groups]


def test_conflicting_perpetrators_are_listed():
    events = [
        event("a", "d1", claimant="Kyiv"),
        event("b", "d2", actors=("Military Forces of Ukraine",), claimant="Moscow"),
    ]
    (inc,) = merge_events(events, docs("d1", "d2"))
    actors = next(c for c in inc.conflicts if c.field == "actors")
    assert [p.claimants for p in actors.positions] == [("Kyiv",), ("Moscow",)]


def test_threshold_setting_is_used():
    events = [event("a", "d1"), event("b", "d2", where=place("near", 50.2, 36.23))]
    assert len(merge_events(events, docs("d1", "d2"))) == 1
    assert len(merge_events(events, docs("d1", "d2"), Settings(threshold=0.99))) == 2


@hsettings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000))
def test_input_order_does_not_change_incidents(seed):
    rng = random.Random(seed)
    events = []
    for k in range(12):
        day = DAY + dt.timedelta(days=rng.randrange(3))
        where = place("t", 49.99 + rng.choice((0, 0, 0.05, 0.5)), 36.23)
        events.append(event(f"e{k}", f"d{rng.randrange(8)}", day=day, where=where))
    shuffled = events[:]
    rng.shuffle(shuffled)
    documents = docs(*{e.document_id for e in events})
    first, second = merge_events(events, documents), merge_events(shuffled, documents)
    assert [i.members for i in first] == [i.members for i in second]
    assert sorted(m for i in first for m in i.members) == sorted(e.id for e in events)
    for inc in first:
        assert len(set(inc.documents)) == len(inc.members)
