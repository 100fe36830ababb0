"""Folding retold incidents and attaching figures told apart search only the drafts that can match (by day,
by place name); on generated drafts they give what comparing every pair gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.assemble import folding
from sitrep.assemble.draft import Draft, DraftPlaces
from sitrep.model import DatePrecision, EventDate, Evidence, PlacePrecision

EVIDENCE = Evidence(start=0, end=0, text="", stage="test")
DAY0 = dt.date(2020, 9, 27)

draft_specs = st.lists(
    st.tuples(
        st.sampled_from(["violent", "violent", "material", "loot"]),  # kind (loot is a material family)
        st.integers(0, 4),  # sentence
        st.one_of(
            st.none(),
            st.tuples(
                st.integers(0, 4),
                st.sampled_from([DatePrecision.DAY, DatePrecision.DAY, *DatePrecision]),
                st.booleans(),
            ),
        ),
        st.one_of(st.none(), st.none(), st.tuples(st.sampled_from("ABCD"), st.sampled_from(list(PlacePrecision)))),
        st.lists(st.sampled_from(["x", "y"]), max_size=1),  # actors
        st.booleans(),  # definite
        st.booleans(),  # "separately" in the sentence
    ),
    max_size=25,
)


def _place(name: str, precision: PlacePrecision) -> Any:
    return SimpleNamespace(
        name=name, geonameid=None, precision=precision, admin1="R" if name in "AB" else None, country="C", disputed=None
    )


def _drafts(specs: Sequence[tuple[Any, ...]]) -> tuple[list[Draft], dict[int, EventDate | None], set[int]]:
    drafts, dates, definite = [], {}, set()
    for i, (kind, sentence, date, place, actors, is_definite, separate) in enumerate(specs):
        d = Draft(
            trigger=SimpleNamespace(text=f"t{i}", start=i, end=i + 1),
            sentence=SimpleNamespace(start=sentence * 10, text="separately" if separate else "quiet"),
            typed_trigger=SimpleNamespace(kind="material" if kind == "loot" else kind, family=kind),
            place=_place(*place) if place else None,
            actors=[SimpleNamespace(name=a, sector="MIL") for a in actors],
        )
        if date is not None:
            offset, precision, raw = date
            dates[i] = EventDate(
                date=DAY0 + dt.timedelta(days=offset), precision=precision, raw="x" if raw else "", evidence=EVIDENCE
            )
        else:
            dates[i] = None
        if is_definite:
            definite.add(i)
        drafts.append(d)
    return drafts, dates, definite


def _pairwise_fold(drafts: list[Draft], day_of: Any, definite_of: Any) -> list[Draft]:
    """The fold as it was: every draft against every earlier kept one."""
    kept: list[Draft] = []
    dates: dict[int, EventDate | None] = {}

    def day(d: Draft) -> EventDate | None:
        if id(d) not in dates:
            dates[id(d)] = day_of(d)
        return dates[id(d)]

    for d in drafts:
        target = None
        foldable = d.typed_trigger.kind == "violent" or d.typed_trigger.family == "loot"
        if foldable and "separately" not in d.sentence.text:
            definite = definite_of(d)
            for k in kept:
                if (
                    k.typed_trigger.kind == "violent"
                    and k.sentence.start != d.sentence.start
                    and folding._same_day(day(k), day(d))
                    and folding._same_place(k.place, d.place)
                    and folding._same_sides(k, d)
                ):
                    target = k
                    break
                if (
                    k.typed_trigger.kind == "violent"
                    and k.sentence.start < d.sentence.start
                    and definite
                    and folding._dated_later(day(k), day(d))
                    and folding._same_province(k.place, d.place)
                    and folding._same_sides(k, d)
                ):
                    target = k
                    k.date = dates[id(k)] = day(d)
                    break
        if target is None:
            kept.append(d)
            continue
        target.extra_triggers += [d.trigger, *d.extra_triggers]
    return kept


def _summary(kept: list[Draft]) -> list[tuple[Any, ...]]:
    return [(d.trigger.start, [t.start for t in d.extra_triggers], d.date) for d in kept]


@settings(max_examples=500, deadline=None)
@given(draft_specs)
def test_fold_by_day_equals_pairwise(monkeypatch_specs: list[tuple[Any, ...]]) -> None:
    drafts, dates, definite = _drafts(monkeypatch_specs)
    expected = _summary(_pairwise_fold(drafts, lambda d: dates[d.trigger.start], lambda d: d.trigger.start in definite))
    drafts, dates, definite = _drafts(monkeypatch_specs)
    saved = folding.date_for, folding._definite, folding.says_any, folding._told_as_later
    try:
        folding.date_for = lambda ctx, sent, trig, **_: dates[trig.start]
        folding._definite = lambda ctx, trig: trig.start in definite
        folding.says_any = lambda text, words: text == "separately"
        folding._told_as_later = lambda ctx, trig: False  # (a parse cue; the buckets are what is compared)
        kept = folding.fold_same_incident(None, drafts)
    finally:
        folding.date_for, folding._definite, folding.says_any, folding._told_as_later = saved
    assert [d.trigger.start for d in kept] == [e[0] for e in expected]
    assert [(d.trigger.start, [t.start for t in d.extra_triggers]) for d in kept] == [e[:2] for e in expected]
    assert [d.date for d in kept] == [e[2] for e in expected]


def _pairwise_toll(drafts: list[Draft], names: set[str]) -> Draft | None:
    """The target as it was found: every draft checked in order."""
    violent = [d for d in drafts if d.typed_trigger.kind == "violent"] or drafts
    if not violent:
        return None
    target = violent[0]
    for d in violent:
        if d.place is not None and (d.place.name in names or (d.place.disputed and d.place.disputed in names)):
            if d.place.precision in (PlacePrecision.REGION, PlacePrecision.COUNTRY) or target.place is None:
                target = d
                break
            target = d
    return target


@settings(max_examples=500, deadline=None)
@given(
    draft_specs,
    st.lists(st.tuples(st.integers(0, 25), st.lists(st.sampled_from("ABCDE"), max_size=2)), max_size=8),
    st.lists(st.tuples(st.integers(0, 25), st.sampled_from("ABCDE")), max_size=4),
)
def test_toll_by_place_equals_pairwise(
    specs: list[tuple[Any, ...]], calls: list[tuple[int, list[str]]], disputed: list[tuple[int, str]]
) -> None:
    drafts, _, _ = _drafts(specs)
    for i, name in disputed:  # some places are also a disputed territory
        if i < len(drafts) and drafts[i].place is not None:
            drafts[i].place.disputed = name
    seen = DraftPlaces()
    growing: list[Draft] = []
    got: list[Draft] = []
    saved = folding.add_casualties
    try:
        folding.add_casualties = lambda d, casualties, reason=None: got.append(d)
        for upto, names in sorted(calls):
            growing.extend(drafts[len(growing) : upto])
            mentions = [SimpleNamespace(value=SimpleNamespace(name=n, disputed=None)) for n in names]
            got.clear()
            folding.attach_toll(None, growing, ["a figure"], mentions, seen)
            expected = _pairwise_toll(growing, set(names))
            assert got == ([expected] if expected is not None else [])
    finally:
        folding.add_casualties = saved
