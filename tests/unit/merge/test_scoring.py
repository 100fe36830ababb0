import datetime as dt

from sitrep.merge import merge_events, scoring
from sitrep.merge.blocking import profiles
from sitrep.merge.records import Settings

from .factory import DAY, document, event, place


def _reports():
    """Many reports of a few incidents in three towns over a week, some without a place or date."""
    events, documents = [], []
    for i in range(90):
        town = i % 3
        doc = f"d{i:03d}"
        documents.append(document(doc, publisher=f"Outlet {i % 11}"))
        events.append(
            event(
                f"e{i:03d}",
                doc,
                day=None if i % 17 == 0 else DAY + dt.timedelta(days=(i // 3) % 4),
                defaulted_date=i % 5 == 0,
                nowhere=i % 13 == 0,
                where=place(f"town {town}", 49.0 + town * 0.2, 36.0 + 0.001 * (i % 4), admin1=f"A{town}"),
                actors=(f"Group {i % 4}",),
            )
        )
    return events, documents


def test_scoring_in_forked_processes_gives_the_same_incidents(monkeypatch):
    events, documents = _reports()
    alone = merge_events(events, documents)
    monkeypatch.setattr(scoring, "MIN_PARALLEL_EVENTS", 0)
    shared = merge_events(events, documents, workers=3)
    assert shared == alone
    assert any(len(i.members) > 1 for i in shared)


def test_the_scores_of_all_parts_are_those_of_one_part(monkeypatch):
    events, documents = _reports()
    items = profiles(events, {d.id: d for d in documents})
    [(keys, values)] = scoring.score_pairs(items, Settings())
    monkeypatch.setattr(scoring, "MIN_PARALLEL_EVENTS", 0)
    parts = scoring.score_pairs(items, Settings(), workers=2)
    assert len(parts) == 2 and all(len(k) for k, _ in parts)
    joined = {k: v for ks, vs in parts for k, v in zip(ks, vs)}
    assert joined == dict(zip(keys, values))


def test_a_small_merge_stays_in_this_process():
    events, _documents = _reports()
    items = profiles(events, {})
    assert len(scoring.score_pairs(items, Settings(), workers=4)) == 1
