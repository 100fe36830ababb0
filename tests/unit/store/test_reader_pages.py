"""store/reader.py: pages with a cursor, counts for charts, sub-type, claimant, confidence and text filters."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.errors import BadOption
from sitrep.store import EventFilter, Store, StoreWriter, document_rows
from sitrep.store.reader import fts_query
from tests.unit.store.conftest import extraction

DAYS = [dt.date(2020, 9, 27), dt.date(2020, 10, 2), dt.date(2020, 10, 2), dt.date(2020, 10, 15), None]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pages") / "s.db"
    with StoreWriter(path) as w:
        for n, day in enumerate(DAYS, start=1):
            ex = extraction(n, day=day or dt.date(2020, 1, 1), events=2)
            if day is None:  # an undated event
                ex = replace(ex, events=tuple(replace(e, date=None) for e in ex.events))
            w.write(document_rows(ex))
    return path


def all_pages(store: Store, f: EventFilter, size: int) -> list[list[str]]:
    pages, after = [], None
    while True:
        page = store.page(f, size=size, after=after)
        pages.append([e.id for e in page.events])
        if page.next is None:
            return pages
        after = page.next


def test_pages_run_newest_first_and_undated_last(db: Path) -> None:
    with Store(db) as s:
        page = s.page(EventFilter(), size=100)
        dates = [e.date for e in page.events]
        assert page.next is None and len(dates) == 10
        assert dates[-2:] == [None, None]
        dated = [d for d in dates if d is not None]
        assert dated == sorted(dated, reverse=True)


@pytest.mark.parametrize("size", [1, 2, 3, 4, 7, 9, 10])
def test_paging_visits_every_event_once_in_the_same_order(db: Path, size: int) -> None:
    with Store(db) as s:
        whole = [e.id for e in s.page(EventFilter(), size=100).events]
        pages = all_pages(s, EventFilter(), size)
        assert [i for p in pages for i in p] == whole
        assert all(len(p) == size for p in pages[:-1]) and 1 <= len(pages[-1]) <= size


def test_a_cursor_survives_events_stored_after_it(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with StoreWriter(path) as w:
        for n in range(1, 5):
            w.write(document_rows(extraction(n, day=dt.date(2020, 10, n))))
    with Store(path) as s:
        first = s.page(EventFilter(), size=2)
    with StoreWriter(path) as w:  # a newer event arrives between two page requests
        w.write(document_rows(extraction(9, day=dt.date(2020, 10, 9))))
    with Store(path) as s:
        rest = s.page(EventFilter(), size=10, after=first.next)
    assert [e.date.day for e in first.events if e.date] == [4, 3]
    assert [e.date.day for e in rest.events if e.date] == [2, 1]


@pytest.mark.parametrize("bad", ["", "not-a-cursor", "MjAyMC0xMy0wMXwx", "fHh4"])
def test_a_bad_cursor_is_a_coded_error(db: Path, bad: str) -> None:
    with Store(db) as s, pytest.raises(BadOption) as caught:
        s.page(EventFilter(), size=2, after=bad)
    assert caught.value.code == "E008" and caught.value.source == "cursor"


@pytest.mark.parametrize("size", [0, -1, 1001])
def test_a_page_size_out_of_range_is_a_coded_error(db: Path, size: int) -> None:
    with Store(db) as s, pytest.raises(BadOption):
        s.page(EventFilter(), size=size)


def test_counts_by_day_and_by_type(db: Path) -> None:
    with Store(db) as s:
        assert s.counts_by_day() == [(dt.date(2020, 9, 27), 2), (dt.date(2020, 10, 2), 4), (dt.date(2020, 10, 15), 2)]
        assert s.counts_by_day(EventFilter(start=dt.date(2020, 10, 1))) == [
            (dt.date(2020, 10, 2), 4),
            (dt.date(2020, 10, 15), 2),
        ]
        assert s.counts_by_type() == [("Explosions/Remote violence", "Shelling/artillery/missile attack", 10)]


def test_sub_type_claimant_and_confidence_filters(db: Path) -> None:
    with Store(db) as s:
        assert s.count_events(EventFilter(acled_subtype="Shelling/artillery/missile attack")) == 10
        assert s.count_events(EventFilter(acled_subtype="Air/drone strike")) == 0
        assert s.count_events(EventFilter(claimant="Ministry of Defence")) == 10
        assert s.count_events(EventFilter(claimant="Azerbaijan")) == 0  # an actor, not a claimant
        top = max(e.confidence for e in s.events())
        assert s.count_events(EventFilter(min_confidence=top)) >= 1
        assert s.count_events(EventFilter(min_confidence=top + 0.01)) == 0


def test_text_search_needs_every_word_in_any_order(db: Path) -> None:
    with Store(db) as s:
        assert s.count_events(EventFilter(text="Stepanakert artillery")) == 10
        assert s.count_events(EventFilter(text="artillery STEPANAKERT")) == 10
        assert s.count_events(EventFilter(text="Stepanakert drones")) == 0
        assert s.count_events(EventFilter(text='"Stepanakert" OR NEAR(x')) == 0  # syntax is read as words


def test_text_with_no_word_is_a_coded_error() -> None:
    with pytest.raises(BadOption):
        fts_query(" ;-) ")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_any_search_text_gives_a_valid_fts_query_or_a_coded_error(text: str) -> None:
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    try:
        query = fts_query(text)
    except BadOption:
        return
    con.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query,)).fetchone()


def test_an_older_store_gets_its_text_index_when_opened_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with StoreWriter(path) as w:
        w.write(document_rows(extraction(1)))
    raw = sqlite3.connect(path)
    raw.execute("DROP TABLE events_text")
    raw.execute("ALTER TABLE events DROP COLUMN summary")
    raw.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    raw.execute("PRAGMA user_version = 3")
    raw.commit()
    raw.close()
    with Store(path) as s:  # read-only: searched without the index, listed from the whole record
        assert s.count_events(EventFilter(text="Stepanakert")) == 1
        before = s.page(EventFilter()).events[0].summary
    with StoreWriter(path):
        pass
    with Store(path) as s:
        assert s._text_index and s.count_events(EventFilter(text="Stepanakert")) == 1
        after = s.page(EventFilter()).events[0].summary
    assert after == before and after["claimant"] == "Ministry of Defence" and after["actors"] == ["Azerbaijan"]
