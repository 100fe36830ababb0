"""Golden corpus: hand-written articles with partial expectations (schema in README.md).

Every item of every case is its own test, so a report reads "which case, which item"; a failure
message lists what the closest extracted event got wrong and every event that came out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from sitrep.model import Extraction

from .expectations import (
    Case,
    case_folders,
    claim_satisfied,
    describe,
    describe_all,
    invariant_problems,
    load_case,
    match_item,
    split_dated_text,
)

CASES = [load_case(folder) for folder in case_folders()]
Extract = Callable[[Case], Extraction]


def _label(item: dict[str, Any]) -> str:
    parts = [str(item[k]) for k in ("plover", "acled_subtype", "place", "field", "claimant_contains") if k in item]
    return "-".join(parts).replace(" ", "_") or "item"


def _items(section: str) -> list[Any]:
    params = []
    for case in CASES:
        for i, item in enumerate(case.expected.get(section, []), 1):
            params.append(pytest.param(case, i, item, id=f"{case.slug}/{section}{i}-{_label(item)}"))
    return params


def _by_case() -> list[Any]:
    return [pytest.param(case, id=case.slug) for case in CASES]


def _header(case: Case, section: str, i: int, item: dict[str, Any]) -> str:
    note = f"\n  note: {item['note']}" if "note" in item else ""
    return f"case {case.slug}: [[{section}]] #{i} { {k: v for k, v in item.items() if k != 'note'} }{note}"


# ---------------------------------------------------------------- the corpus itself


def test_corpus_has_the_required_size() -> None:
    assert len(CASES) >= 17, f"only {len(CASES)} golden cases"
    assert sum(bool(c.expected.get("no_events")) for c in CASES) >= 3, "need at least 3 no-event cases"


@pytest.mark.parametrize("case", _by_case())
def test_article_is_dated_text_of_article_length(case: Case) -> None:
    published, body = split_dated_text(case.raw_text)
    assert published == dt.date.fromisoformat(case.expected["published"]), (
        f"case {case.slug}: header date {published} differs from expected.toml published"
    )
    words = len(body.split())
    assert 120 <= words <= 350, f"case {case.slug}: {words} words (want 120-350)"


# ---------------------------------------------------------------- extraction against expectations


@pytest.mark.parametrize("case", _by_case())
def test_publication_date(case: Case, golden_extract: Extract) -> None:
    got = golden_extract(case).document.published
    assert got == dt.date.fromisoformat(case.expected["published"]), f"case {case.slug}: published came out as {got}"


@pytest.mark.parametrize("case", _by_case())
def test_number_of_events(case: Case, golden_extract: Extract) -> None:
    """min/max count non-verbal events that happened; no_events forbids any event at all."""
    extraction = golden_extract(case)
    events = extraction.events
    if case.expected.get("no_events"):
        assert not events, f"case {case.slug}: no event may come out, got {len(events)}:\n{describe_all(extraction)}"
        return
    happened = [e for e in events if e.kind != "verbal" and e.happened]
    lo = case.expected.get("min_events", 0)
    hi = case.expected.get("max_events")
    assert len(happened) >= lo, (
        f"case {case.slug}: want at least {lo} non-verbal events that happened, got {len(happened)}:\n{describe_all(extraction)}"
    )
    if hi is not None:
        assert len(happened) <= hi, (
            f"case {case.slug}: want at most {hi} non-verbal events that happened, got {len(happened)}:\n{describe_all(extraction)}"
        )
    if "max_all_events" in case.expected:
        assert len(events) <= case.expected["max_all_events"], (
            f"case {case.slug}: want at most {case.expected['max_all_events']} events of any kind, got {len(events)}:\n"
            f"{describe_all(extraction)}"
        )


@pytest.mark.parametrize(("case", "i", "item"), _items("event"))
def test_expected_event(case: Case, i: int, item: dict[str, Any], golden_extract: Extract) -> None:
    extraction = golden_extract(case)
    outcome = match_item(item, extraction.events, default_happened=True)
    if outcome.matched:
        return
    lines = [_header(case, "event", i, item), "  no extracted event satisfies every key."]
    if outcome.closest is not None:
        lines.append(f"  closest is event [{outcome.closest}], which fails:")
        lines += [f"    - {f}" for f in outcome.failures]
    lines.append("  events that came out:")
    lines.append(describe_all(extraction))
    pytest.fail("\n".join(lines))


@pytest.mark.parametrize(("case", "i", "item"), _items("absent"))
def test_absent_item(case: Case, i: int, item: dict[str, Any], golden_extract: Extract) -> None:
    extraction = golden_extract(case)
    outcome = match_item(item, extraction.events, default_happened=None)
    if outcome.matched:
        lines = [_header(case, "absent", i, item), "  must not come out, but these events match it:"]
        lines += [f"  [{k}] {describe(extraction.events[k])}" for k in outcome.matched]
        pytest.fail("\n".join(lines))


@pytest.mark.parametrize(("case", "i", "item"), _items("claim"))
def test_expected_claim(case: Case, i: int, item: dict[str, Any], golden_extract: Extract) -> None:
    extraction = golden_extract(case)
    if not claim_satisfied(item, extraction.events):
        claims = [
            f"  [{k}] {c.field}={c.value!r} by {c.claimant.name} ({c.evidence.text!r})"
            for k, e in enumerate(extraction.events)
            for c in e.claims
        ]
        pytest.fail(
            "\n".join(
                [_header(case, "claim", i, item), "  no event or claim carries it. Claims that came out:"]
                + (claims or ["  (none)"])
                + ["  events:", describe_all(extraction)]
            )
        )


@pytest.mark.parametrize("case", _by_case())
def test_evidence_and_counts_are_consistent(case: Case, golden_extract: Extract) -> None:
    problems = invariant_problems(golden_extract(case))
    assert not problems, f"case {case.slug}:\n  " + "\n  ".join(problems)
