import datetime as dt

from sitrep.merge.blocking import COUNTRY, FINE, NOWHERE, REGION, candidate_pairs, family_of, profiles
from sitrep.merge.records import Settings
from sitrep.model import DatePrecision, PlacePrecision

from .factory import DAY, document, event, place

S = Settings()


def pairs(events):
    docs = {e.document_id: document(e.document_id) for e in events}
    items = profiles(events, docs)
    found = list(candidate_pairs(items, Settings()))
    assert len(found) == len(set(found)), "a pair was yielded twice"
    return {(events[i].id, events[j].id) for i, j in found}


def test_same_place_same_day_is_a_candidate_but_same_document_is_not():
    events = [event("a", "d1"), event("b", "d2"), event("c", "d1")]
    assert pairs(events) == {("a", "b"), ("b", "c")}


def test_far_places_and_far_days_are_not_compared():
    far = place("Lviv", 49.84, 24.03, admin1="Lviv")
    events = [event("a", "d1"), event("b", "d2", where=far), event("c", "d3", day=DAY + dt.timedelta(days=5))]
    assert pairs(events) == set()


def test_week_precision_reaches_across_its_window():
    three = dt.timedelta(days=3)
    week = event("w", "d2", day=DAY - three, end=DAY + three, precision=DatePrecision.WEEK)
    later = event("x", "d3", day=DAY + dt.timedelta(days=6))
    assert ("a", "w") in pairs([event("a", "d1"), week, later])
    assert ("w", "x") in pairs([event("a", "d1"), week, later])


def test_region_and_country_places_find_town_events_in_their_area():
    region = event("r", "d2", where=place("Kharkiv Oblast", None, None, PlacePrecision.REGION))
    country = event("c", "d3", where=place("Ukraine", None, None, PlacePrecision.COUNTRY, admin1=None))
    other_region = event("o", "d4", where=place("Lviv Oblast", None, None, PlacePrecision.REGION, admin1="Lviv"))
    found = pairs([event("a", "d1"), region, country, other_region])
    assert {("a", "r"), ("a", "c"), ("r", "c"), ("c", "o")} <= found
    assert ("r", "o") not in found and ("a", "o") not in found


def test_an_event_without_place_is_compared_with_events_naming_the_same_actor():
    lost = event("n", "d2", nowhere=True)
    stranger = event("s", "d3", nowhere=True, actors=("Someone Else",))
    found = pairs([event("a", "d1"), lost, stranger])
    assert ("a", "n") in found and ("a", "s") not in found


def test_grains_and_families():
    items = profiles(
        [
            event("a", "d1"),
            event("n", "d2", nowhere=True),
            event("p", "d3", acled=("Protests", "Peaceful protest"), plover="PROTEST"),
            event("v", "d4", acled=(None, None), plover="ACCUSE"),
        ],
        {},
    )
    assert [p.grain for p in items][:2] == [FINE, NOWHERE]
    assert [family_of(p.event) for p in items] == ["violence", "violence", "unrest", "plover:ACCUSE"]
    assert REGION != COUNTRY


def test_a_date_left_to_the_publication_day_reaches_the_day_before():
    items = profiles([event("a", "d1", defaulted_date=True)], {})
    assert items[0].last_day - items[0].first_day == 1 and not items[0].exact


def test_exact_days_apart_are_left_out_only_when_asked_and_loose_dates_still_reach_them():
    one = DAY + dt.timedelta(days=1)
    items = profiles([event("a", "d1"), event("b", "d2", day=one), event("c", "d3", day=one, defaulted_date=True)], {})
    every = set(candidate_pairs(items, S))
    assert {(0, 1), (0, 2), (1, 2)} <= every
    assert set(candidate_pairs(items, S, exact_neighbours=False)) == every - {(0, 1)}


def test_merge_is_the_same_whether_or_not_exact_neighbours_are_compared(monkeypatch):
    from sitrep.merge import scoring
    from sitrep.merge.incidents import cluster

    evs = [
        event(
            f"e{i}",
            f"d{i}",
            day=DAY + dt.timedelta(days=i % 3),
            defaulted_date=i % 4 == 0,
            where=place("x", 49.99 + 0.01 * (i % 5), 36.23),
        )
        for i in range(24)
    ]
    items = profiles(evs, {})
    got = cluster(items, S)
    monkeypatch.setattr(scoring, "exact_days_apart_may_link", lambda settings: True)
    assert cluster(items, S) == got


def _mixed_items():
    evs = [
        event(
            f"e{i}",
            f"d{i % 7}",
            day=DAY + dt.timedelta(days=i % 3),
            defaulted_date=i % 4 == 0,
            where=place("x", 49.99 + 0.01 * (i % 5), 36.23),
            nowhere=i % 6 == 0,
            actors=(f"Group {i % 2}",),
        )
        for i in range(40)
    ]
    return profiles(evs, {})


def test_the_parts_of_the_candidate_pairs_are_disjoint_and_give_every_pair():
    items = _mixed_items()
    every = list(candidate_pairs(items, S))
    parts = [list(candidate_pairs(items, S, part=k, parts=3)) for k in range(3)]
    assert sum(len(p) for p in parts) == len(every)
    assert set().union(*map(set, parts)) == set(every)
