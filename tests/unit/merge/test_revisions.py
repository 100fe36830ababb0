from sitrep.merge import Settings, merge_events, reconcile

from .factory import document, event, place


def docs(n):
    return [document(f"d{i}") for i in range(n)]


def test_ids_stay_when_an_earlier_member_joins():
    first = merge_events([event("m5", "d1"), event("m7", "d2")], docs(4))
    assert [i.id for i in first] == ["inc-m5"]
    fresh = merge_events([event("m5", "d1"), event("m7", "d2"), event("m1", "d3")], docs(4))
    assert [i.id for i in fresh] == ["inc-m1"]
    kept, revisions = reconcile(first, fresh)
    assert [i.id for i in kept] == ["inc-m5"]
    assert [(r.incident_id, r.added, r.removed, r.reason) for r in revisions] == [("inc-m5", ("m1",), (), "grown")]


def test_no_change_no_revision():
    incidents = merge_events([event("a", "d1"), event("b", "d2")], docs(3))
    kept, revisions = reconcile(incidents, incidents)
    assert kept == incidents and revisions == ()


def test_new_split_merge_and_gone():
    before = merge_events([event("a", "d1"), event("b", "d2")], docs(9))
    other = merge_events([event("x", "d5", actors=("Someone",), nowhere=True)], docs(9))
    previous = before + other
    # "b" now stands alone (as if moved far away), "x" disappears, "n" is new.
    far = place("Lviv", 49.84, 24.03, admin1="Lviv")
    protest = event("n", "d7", where=far, acled=("Protests", "Peaceful protest"), plover="PROTEST")
    current = merge_events([event("a", "d1"), event("b", "d2", where=far), protest], docs(9))
    kept, revisions = reconcile(previous, current)
    reasons = {r.incident_id: r for r in revisions}
    assert reasons["inc-a"].removed == ("b",) and reasons["inc-a"].reason == "shrunk"
    assert reasons["inc-b"].reason == "split from inc-a" and reasons["inc-b"].added == ("b",)
    assert reasons["inc-n"].reason == "new"
    assert reasons["inc-x"].reason == "gone" and reasons["inc-x"].removed == ("x",)
    assert len({i.id for i in kept}) == len(kept)


def test_two_earlier_incidents_merged():
    clash = event("b", "d2", acled=("Battles", "Armed clash"))
    previous = merge_events([event("a", "d1"), clash], docs(3), Settings(threshold=0.99))
    assert len(previous) == 2
    current = merge_events([event("a", "d1"), event("b", "d2")], docs(3))
    kept, revisions = reconcile(previous, current)
    assert [i.id for i in kept] == ["inc-a"]
    assert {(r.incident_id, r.reason) for r in revisions} == {("inc-a", "grown"), ("inc-b", "merged into inc-a")}
