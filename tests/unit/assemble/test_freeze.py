from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sitrep.assemble.freeze import with_unique_ids
from tests.unit.merge.factory import event


def test_a_repeated_id_gets_a_new_one_and_the_first_keeps_its_own() -> None:
    a, b, c = event("aaaa", "d1"), event("aaaa", "d1", sentence="again"), event("bbbb", "d1")
    out = with_unique_ids([a, b, c])
    assert [e.id for e in out][0::2] == ["aaaa", "bbbb"]
    assert out[1].id not in {"aaaa", "bbbb"} and out[1].sentence.text == "again"


@given(st.lists(st.sampled_from(["a", "b", "c"]), max_size=12))
def test_ids_are_unique_and_events_kept_in_order(ids: list[str]) -> None:
    events = [event(i, "d1", sentence=str(n)) for n, i in enumerate(ids)]
    out = with_unique_ids(events)
    assert len({e.id for e in out}) == len(out) == len(events)
    assert [e.sentence.text for e in out] == [str(n) for n in range(len(ids))]
