"""dates.anchored.v1: date expressions found in text and anchored on the publication date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.annotated import Resources
from sitrep.model import DatePrecision, EventDate
from tests.helpers import annotate

STAGE = "dates.anchored.v1"
PUB = dt.date(2020, 5, 6)  # a Wednesday


def found(text: str, resources: Resources, published: dt.date | None = PUB) -> list[tuple[str, EventDate]]:
    annotated = annotate(text, resources, (STAGE,), published=published)
    out = []
    for m in annotated.mentions:
        assert m.kind == "date" and m.stage == STAGE
        assert annotated.text[m.start : m.end] == m.text
        value: EventDate = m.value
        assert value.raw == m.text and value.evidence.start == m.start and value.evidence.end == m.end
        out.append((m.text, value))
    return out


def test_defining_example(resources: Resources, shared_dir: Path) -> None:
    raw = (shared_dir / "examples" / "artsakh-2020-09-28.txt").read_text("utf-8")
    body = raw.split("2020-09-28", 1)[1]  # the reader strips the "date ..." line before extraction
    dates = found(body, resources, dt.date(2020, 9, 28))
    assert dates, "no date found"
    text, value = dates[0]
    assert text == "On September 27, 2020"
    assert (value.date, value.precision) == (dt.date(2020, 9, 27), DatePrecision.DAY)
    assert not any("COVID" in t for t, _ in dates)


def test_relative_expressions_in_running_text(resources: Resources) -> None:
    text = (
        "Shelling resumed on Sunday after a lull last week. Two soldiers were killed yesterday and a "
        "drone was downed earlier today. Protests began in May 2020 and continued over the weekend."
    )
    got = {t: (v.date, v.precision, v.end) for t, v in found(text, resources)}
    assert got["on Sunday"] == (dt.date(2020, 5, 3), DatePrecision.DAY, None)
    assert got["last week"] == (dt.date(2020, 4, 27), DatePrecision.WEEK, dt.date(2020, 5, 3))
    assert got["yesterday"] == (dt.date(2020, 5, 5), DatePrecision.DAY, None)
    assert got["earlier today"] == (PUB, DatePrecision.DAY, None)
    assert got["in May 2020"] == (dt.date(2020, 5, 1), DatePrecision.MONTH, dt.date(2020, 5, 31))
    assert got["over the weekend"] == (dt.date(2020, 5, 2), DatePrecision.WEEK, dt.date(2020, 5, 3))


def test_weekday_forms_spacy_tags_as_time(resources: Resources) -> None:
    text = "A man was shot on Monday night and a convoy was hit late on Tuesday."
    got = {t: v.date for t, v in found(text, resources)}
    assert got == {"on Monday night": dt.date(2020, 5, 4), "late on Tuesday": dt.date(2020, 5, 5)}


def test_overnight_joined_to_a_named_day_takes_that_day(resources: Resources) -> None:
    text = "Drones struck a fuel depot overnight on 2 May, the regional governor said."
    got = {t: v.date for t, v in found(text, resources)}
    assert "overnight" not in got
    assert dt.date(2020, 5, 2) in got.values()


def test_previous_day_follows_the_last_stated_date(resources: Resources) -> None:
    text = "On 27 September 2020, the offensive began. Troops had massed the previous day."
    got = dict(found(text, resources))
    assert got["the previous day"].date == dt.date(2020, 9, 26)


def test_without_publication_date_relative_dates_are_unknown(resources: Resources) -> None:
    text = "Two people were killed yesterday. On September 27, 2020, the attack began."
    got = dict(found(text, resources, None))
    assert got["yesterday"].date is None and got["yesterday"].precision is DatePrecision.UNKNOWN
    assert got["yesterday"].evidence.reason == "relative date without a publication date"
    assert got["On September 27, 2020"].date == dt.date(2020, 9, 27)


def test_date_like_non_dates_are_not_returned(resources: Resources) -> None:
    text = (
        "A 25-year-old man was held for three days. The 2020 pandemic and COVID-19 slowed the talks, "
        "which may resume. At 10 a.m. the convoy left."
    )
    assert found(text, resources) == []


EXPRESSIONS = [
    "on Sunday",
    "yesterday",
    "last week",
    "on 27 September 2020",
    "September 27, 2020",
    "27-Sep-20",
    "in May 2020",
    "in 2019",
    "two days ago",
    "on Monday night",
    "late on Tuesday",
    "this week",
    "over the weekend",
    "between 1 and 3 May",
    "on the night of 3 May",
    "earlier today",
    "last month",
]
WORDS = st.lists(
    st.sampled_from(
        [
            "Rebels",
            "shelled",
            "the",
            "town",
            "of",
            "Goris",
            ",",
            "and",
            "killed",
            "3",
            "people",
            "\u201c",
            "COVID-19",
            "May",
            "2020",
            "\n",
        ]
    ),
    max_size=8,
).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=WORDS,
    expression=st.sampled_from(EXPRESSIONS),
    suffix=WORDS,
    published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
)
def test_offsets_slice_back(
    resources: Resources, prefix: str, expression: str, suffix: str, published: dt.date | None
) -> None:
    text = f"{prefix} {expression} {suffix}".strip()
    annotated = annotate(text, resources, (STAGE,), published=published)
    for m in annotated.mentions:
        assert annotated.document.text[m.start : m.end] == m.text
        assert m.value.evidence.text == m.text
        if m.value.date is None:
            assert m.value.precision is DatePrecision.UNKNOWN and m.value.evidence.reason
        elif m.value.end is not None:
            assert m.value.end >= m.value.date
    starts = [m.start for m in annotated.mentions]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(annotated.mentions, annotated.mentions[1:]))
