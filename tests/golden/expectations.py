"""Golden-case expectations: load ``expected.toml``, match its items against extracted events.

The schema is documented in tests/golden/README.md. Every key is checked for spelling when a case
is loaded, so a typo in an expectation fails loudly instead of silently matching everything.
Each check returns ``None`` when it holds, else a short text saying what came out instead; the
harness turns those into failure messages that name the case, the item and the closest event.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

from sitrep.model import Actor, Casualties, Count, Event, Evidence, Extraction

CASES_DIR = Path(__file__).resolve().parent / "cases"
DATED_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})(?=\s|\Z)\s*", re.IGNORECASE)

NONE = "none"  # in TOML, the string "none" stands for "no upper bound" / "absent"

TOP_KEYS = frozenset(
    {"published", "min_events", "max_events", "max_all_events", "no_events", "note", "event", "absent", "claim"}
)
ACTOR_KEYS = ("country", "sector", "name_contains", "de_facto")
COUNT_FIELDS = ("low", "best", "high")
EVENT_KEYS = frozenset(
    {
        "note",
        "kind",
        "plover",
        "modes_include",
        "modes_any",
        "acled_type",
        "acled_subtype",
        "place",
        "near",
        "country",
        "place_country",
        "place_precision",
        "de_facto",
        "disputed",
        "date",
        "date_in",
        "date_precision",
        "weapons_include",
        "claimant_contains",
        "hedged",
        "hedge_contains",
        "happened",
        "negated",
        "hypothetical",
        "sentence_contains",
        "killed_max",
        "wounded_max",
    }
    | {f"{side}_{k}" for side in ("actor", "recipient") for k in ACTOR_KEYS}
    | {f"{outcome}_{k}" for outcome in ("killed", "wounded") for k in COUNT_FIELDS}
    | {"killed_subset", "wounded_subset"}
)
CLAIM_KEYS = frozenset({"note", "field", "claimant_contains", "plover", "low", "best", "high"})
SUBSET_KEYS = frozenset({"group", "low", "best", "high", "low_min"})


class SchemaError(ValueError):
    """An expected.toml that does not follow the schema in README.md."""


# ---------------------------------------------------------------- reading cases


@dataclass(frozen=True, kw_only=True, slots=True)
class Case:
    slug: str
    folder: Path
    raw_text: str
    expected: dict[str, Any]


def case_folders() -> list[Path]:
    return sorted(p for p in CASES_DIR.iterdir() if p.is_dir())


def load_case(folder: Path) -> Case:
    raw = (folder / "article.txt").read_text(encoding="utf-8")
    with (folder / "expected.toml").open("rb") as fh:
        expected = tomllib.load(fh)
    validate(expected, where=folder.name)
    return Case(slug=folder.name, folder=folder, raw_text=raw, expected=expected)


def split_dated_text(raw: str) -> tuple[dt.date | None, str]:
    """The dated-text form without the project's reader: (publication date, body)."""
    match = DATED_HEADER.match(raw)
    if not match:
        return None, raw
    return dt.date.fromisoformat(match.group(1)), raw[match.end() :]


def read_document(raw: str, source: str):  # type: ignore[no-untyped-def]
    """A Document through the project's reader, or through :func:`split_dated_text` if it is missing."""
    try:
        from sitrep.ingest.shared import text_document
    except ImportError:
        from sitrep.ingest.documents import make_document

        published, body = split_dated_text(raw)
        return make_document(body, published=published, source=source)
    return text_document(raw, source)


def validate(expected: dict[str, Any], *, where: str) -> None:
    unknown = set(expected) - TOP_KEYS
    if unknown:
        raise SchemaError(f"{where}: unknown top-level keys {sorted(unknown)}")
    if "published" not in expected:
        raise SchemaError(f"{where}: 'published' is required")
    dt.date.fromisoformat(expected["published"])
    for section, allowed in (("event", EVENT_KEYS), ("absent", EVENT_KEYS), ("claim", CLAIM_KEYS)):
        items = expected.get(section, [])
        if not isinstance(items, list):
            raise SchemaError(f"{where}: [[{section}]] must be an array of tables")
        for i, item in enumerate(items, 1):
            bad = set(item) - allowed
            if bad:
                raise SchemaError(f"{where}: [[{section}]] #{i} has unknown keys {sorted(bad)}")
            for key in ("killed_subset", "wounded_subset"):
                if key in item and set(item[key]) - SUBSET_KEYS:
                    raise SchemaError(f"{where}: [[{section}]] #{i} {key} has unknown keys")
            if "near" in item and len(item["near"]) != 3:
                raise SchemaError(f"{where}: [[{section}]] #{i} near must be [lat, lon, km]")
            for key in ("date", "date_in"):
                for value in _as_list(item.get(key, [])):
                    dt.date.fromisoformat(value)
    if expected.get("no_events") and (expected.get("event") or expected.get("claim")):
        raise SchemaError(f"{where}: no_events = true cannot list [[event]] or [[claim]] items")


# ---------------------------------------------------------------- small helpers


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _text_in(needles: Any, *haystacks: str | None) -> bool:
    hay = [h.lower() for h in haystacks if h]
    return any(str(n).lower() in h for n in _as_list(needles) for h in hay)


def _value(v: Any) -> str:
    return getattr(v, "value", v) if v is not None else "None"


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def count_matches(count: Count | dict[str, Any] | None, key: str, allowed: Any) -> bool:
    """``allowed`` is an int, a list of ints, or "none" (for ``high``: no upper bound)."""
    if count is None:
        return False
    got = count.get(key) if isinstance(count, dict) else getattr(count, key)
    options = _as_list(allowed)
    return any((got is None) if o == NONE else (got == o) for o in options)


def describe_count(count: Count | None) -> str:
    if count is None:
        return "None"
    return f"low={count.low} best={count.best} high={count.high} raw={count.raw!r}"


def describe_actor(a: Actor) -> str:
    extra = f", de_facto={a.de_facto}" if a.de_facto else ""
    return f"{a.name} ({a.country}/{a.sector}{extra})"


def describe(event: Event) -> str:
    """One line per event, for failure messages."""
    place = event.place
    where = "None"
    if place is not None:
        where = f"{place.name} [{place.country}, {_value(place.precision)}, {place.lat}, {place.lon}]"
        if place.de_facto:
            where += f" de_facto={place.de_facto}"
    when = "None" if event.date is None else f"{event.date.date} ({_value(event.date.precision)})"
    killed = describe_count(event.killed.total) if event.killed else "None"
    wounded = describe_count(event.wounded.total) if event.wounded else "None"
    claimant = event.claimant.name if event.claimant else "None"
    c = event.certainty
    cert = "happened" if event.happened else f"negated={c.negated} hypothetical={c.hypothetical} future={c.future}"
    if c.hedges:
        cert += " hedges=" + ",".join(h.text for h in c.hedges)
    return (
        f"{event.plover}{list(event.modes)} {event.acled_type}/{event.acled_subtype} kind={event.kind}; "
        f"actors={[describe_actor(a) for a in event.actors]} recipients={[describe_actor(a) for a in event.recipients]}; "
        f"place={where}; date={when}; killed={killed}; wounded={wounded}; "
        f"weapons={[w.name for w in event.weapons]}; claimant={claimant}; {cert}; "
        f"trigger={event.trigger.text!r}"
    )


def describe_all(extraction: Extraction) -> str:
    if not extraction.events:
        return "  (no events came out)"
    return "\n".join(f"  [{i}] {describe(e)}" for i, e in enumerate(extraction.events))


# ---------------------------------------------------------------- event checks


def _actor_check(side: str, item: dict[str, Any]) -> Callable[[Event], str | None] | None:
    wanted = {k: item[f"{side}_{k}"] for k in ACTOR_KEYS if f"{side}_{k}" in item}
    if not wanted:
        return None

    def fits(a: Actor) -> bool:
        if "country" in wanted and a.country not in _as_list(wanted["country"]):
            return False
        if "sector" in wanted and a.sector not in _as_list(wanted["sector"]):
            return False
        if "name_contains" in wanted and not _text_in(wanted["name_contains"], a.name, a.evidence.text, a.acled_name):
            return False
        return not ("de_facto" in wanted and not _text_in(wanted["de_facto"], a.de_facto))

    def check(e: Event) -> str | None:
        people = e.actors if side == "actor" else e.recipients
        if any(fits(a) for a in people):
            return None
        return f"no {side} with {wanted}; got {[describe_actor(a) for a in people]}"

    return check


def _count_check(outcome: str, item: dict[str, Any]) -> list[Callable[[Event], str | None]]:
    checks: list[Callable[[Event], str | None]] = []
    for key in COUNT_FIELDS:
        if f"{outcome}_{key}" not in item:
            continue
        allowed = item[f"{outcome}_{key}"]

        def check(e: Event, key: str = key, allowed: Any = allowed) -> str | None:
            cas: Casualties | None = getattr(e, outcome)
            total = cas.total if cas else None
            if count_matches(total, key, allowed):
                return None
            return f"{outcome}.{key} should be {allowed}; got {describe_count(total)}"

        checks.append(check)
    if f"{outcome}_max" in item:
        limit = item[f"{outcome}_max"]

        def check_max(e: Event) -> str | None:
            cas: Casualties | None = getattr(e, outcome)
            total = cas.total if cas else None
            if total is None or total.best <= limit:
                return None
            return f"{outcome} best should be at most {limit} (or absent); got {describe_count(total)}"

        checks.append(check_max)
    if f"{outcome}_subset" in item:
        sub = item[f"{outcome}_subset"]

        def check_subset(e: Event) -> str | None:
            cas: Casualties | None = getattr(e, outcome)
            subsets = cas.subsets if cas else ()
            for c in subsets:
                if not _text_in(sub["group"], c.group):
                    continue
                if "low_min" in sub and c.low < sub["low_min"]:
                    continue
                if all(count_matches(c, k, sub[k]) for k in COUNT_FIELDS if k in sub):
                    return None
            got = [f"{c.group}: {describe_count(c)}" for c in subsets]
            return f"{outcome} subset {sub} not found; got {got}"

        checks.append(check_subset)
    return checks


def event_checks(
    item: dict[str, Any], *, default_happened: bool | None
) -> list[tuple[str, Callable[[Event], str | None]]]:
    """(key, check) pairs for one [[event]] or [[absent]] item."""
    out: list[tuple[str, Callable[[Event], str | None]]] = []

    def add(key: str, fn: Callable[[Event], str | None]) -> None:
        out.append((key, fn))

    def one_of(key: str, getter: Callable[[Event], Any]) -> None:
        if key in item:
            allowed = _as_list(item[key])
            add(
                key,
                lambda e: (
                    None
                    if _value(getter(e)) in allowed
                    else f"{key} should be one of {allowed}; got {_value(getter(e))!r}"
                ),
            )

    one_of("kind", lambda e: e.kind)
    one_of("plover", lambda e: e.plover)
    one_of("acled_type", lambda e: e.acled_type)
    one_of("acled_subtype", lambda e: e.acled_subtype)
    one_of("country", lambda e: e.place.country if e.place else None)
    one_of("place_country", lambda e: e.place.country if e.place else None)
    one_of("place_precision", lambda e: e.place.precision if e.place else None)
    one_of("date_precision", lambda e: e.date.precision if e.date else None)
    if "modes_include" in item:
        need = item["modes_include"]
        add(
            "modes_include",
            lambda e: None if set(need) <= set(e.modes) else f"modes should include {need}; got {list(e.modes)}",
        )
    if "modes_any" in item:
        anyof = item["modes_any"]
        add(
            "modes_any",
            lambda e: (
                None if set(anyof) & set(e.modes) else f"modes should include one of {anyof}; got {list(e.modes)}"
            ),
        )
    if "weapons_include" in item:
        need_w = item["weapons_include"]
        add(
            "weapons_include",
            lambda e: (
                None
                if set(need_w) <= {w.name for w in e.weapons}
                else f"weapons should include {need_w}; got {[w.name for w in e.weapons]}"
            ),
        )
    if "place" in item:
        names = item["place"]
        add(
            "place",
            lambda e: (
                None
                if e.place is not None and _text_in(names, e.place.name, e.place.evidence.text)
                else f"place should be {names}; got {None if e.place is None else (e.place.name, e.place.evidence.text)}"
            ),
        )
    if "near" in item:
        lat, lon, km = item["near"]

        def near(e: Event) -> str | None:
            p = e.place
            if p is None or p.lat is None or p.lon is None:
                return f"place should be within {km} km of {lat},{lon}; got no coordinates"
            d = km_between(lat, lon, p.lat, p.lon)
            return None if d <= km else f"place should be within {km} km of {lat},{lon}; {p.name} is {d:.0f} km away"

        add("near", near)
    for key in ("de_facto", "disputed"):
        if key in item:
            add(
                key,
                lambda e, key=key: (
                    None
                    if e.place is not None and _text_in(item[key], getattr(e.place, key))
                    else f"place.{key} should contain {item[key]}; got {getattr(e.place, key, None) if e.place else None!r}"
                ),
            )
    if "date" in item:
        want = dt.date.fromisoformat(item["date"])
        add(
            "date",
            lambda e: (
                None
                if e.date and e.date.date == want
                else f"date should be {want}; got {e.date.date if e.date else None}"
            ),
        )
    if "date_in" in item:
        lo, hi = (dt.date.fromisoformat(x) for x in item["date_in"])
        add(
            "date_in",
            lambda e: (
                None
                if e.date and e.date.date and lo <= e.date.date <= hi
                else f"date should fall in {lo}..{hi}; got {e.date.date if e.date else None}"
            ),
        )
    for side in ("actor", "recipient"):
        check = _actor_check(side, item)
        if check:
            add(side, check)
    for outcome in ("killed", "wounded"):
        for check in _count_check(outcome, item):
            add(outcome, check)
    if "claimant_contains" in item:
        who = item["claimant_contains"]

        def claimant(e: Event) -> str | None:
            names = [e.claimant.name if e.claimant else None] + [c.claimant.name for c in e.claims]
            return (
                None
                if _text_in(who, *names)
                else f"claimant should contain {who!r}; got {e.claimant.name if e.claimant else None!r}"
            )

        add("claimant_contains", claimant)
    if "hedged" in item:
        hedged = item["hedged"]
        add(
            "hedged",
            lambda e: (
                None
                if bool(e.certainty.hedges) == hedged
                else f"hedged should be {hedged}; got hedges {[h.text for h in e.certainty.hedges]}"
            ),
        )
    if "hedge_contains" in item:
        cue = item["hedge_contains"]
        add(
            "hedge_contains",
            lambda e: (
                None
                if _text_in(cue, *(h.text for h in e.certainty.hedges))
                else f"a hedge should contain {cue!r}; got {[h.text for h in e.certainty.hedges]}"
            ),
        )
    for key in ("negated", "hypothetical"):
        if key in item:
            add(
                key,
                lambda e, key=key: None if getattr(e.certainty, key) == item[key] else f"{key} should be {item[key]}",
            )
    happened = item.get("happened", default_happened)
    if happened is not None:
        add(
            "happened",
            lambda e: (
                None if e.happened == happened else f"happened should be {happened}; got {e.happened} ({e.certainty})"
            ),
        )
    if "sentence_contains" in item:
        words = item["sentence_contains"]
        add(
            "sentence_contains",
            lambda e: None if _text_in(words, e.sentence.text) else "sentence does not contain " + repr(words),
        )
    return out


@dataclass(frozen=True, slots=True)
class Outcome:
    matched: tuple[int, ...]  # indexes of the events that satisfy every key
    closest: int | None  # index of the event failing the fewest keys
    failures: tuple[str, ...]  # what the closest event got wrong


def match_item(item: dict[str, Any], events: tuple[Event, ...], *, default_happened: bool | None) -> Outcome:
    checks = event_checks(item, default_happened=default_happened)
    matched: list[int] = []
    best: tuple[int, int, tuple[str, ...]] | None = None
    for i, e in enumerate(events):
        problems = tuple(f"{key}: {msg}" for key, fn in checks if (msg := fn(e)) is not None)
        if not problems:
            matched.append(i)
        elif best is None or len(problems) < best[0]:
            best = (len(problems), i, problems)
    if matched or best is None:
        return Outcome(tuple(matched), None, ())
    return Outcome((), best[1], best[2])


# ---------------------------------------------------------------- claims


def _claim_value_matches(value: Any, item: dict[str, Any]) -> bool:
    if isinstance(value, Casualties):
        value = value.total
    elif hasattr(value, "count") and isinstance(value.count, Count):  # CasualtyFigure
        value = value.count
    elif isinstance(value, int):
        value = {"low": value, "best": value, "high": value}
    if value is None:
        return False
    return all(count_matches(value, k, item[k]) for k in COUNT_FIELDS if k in item)


def claim_satisfied(item: dict[str, Any], events: tuple[Event, ...]) -> bool:
    """A [[claim]]: some event's claimant says it (its own field), or some Claim record does."""
    field = item.get("field", "event")
    who = item["claimant_contains"]
    for e in events:
        if "plover" in item and e.plover not in _as_list(item["plover"]):
            continue
        if e.claimant is not None and _text_in(who, e.claimant.name):
            if field == "event":
                return True
            cas = getattr(e, field, None)
            if cas is not None and _claim_value_matches(cas, item):
                return True
        for c in e.claims:
            if c.field != field or not _text_in(who, c.claimant.name):
                continue
            if field == "event" or _claim_value_matches(c.value, item):
                return True
    return False


# ---------------------------------------------------------------- invariants


def walk_evidence(obj: Any, path: str = "event") -> Iterator[tuple[str, Evidence]]:
    """Every Evidence inside a record, with the attribute path that leads to it."""
    if isinstance(obj, Evidence):
        yield path, obj
    elif is_dataclass(obj) and not isinstance(obj, type):
        for f in fields(obj):
            yield from walk_evidence(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, (tuple, list)):
        for i, x in enumerate(obj):
            yield from walk_evidence(x, f"{path}[{i}]")
    elif isinstance(obj, dict):
        for k, x in obj.items():
            yield from walk_evidence(x, f"{path}[{k!r}]")


def walk_counts(obj: Any, path: str = "event") -> Iterator[tuple[str, Count]]:
    if isinstance(obj, Count):
        yield path, obj
    elif is_dataclass(obj) and not isinstance(obj, type) and not isinstance(obj, Evidence):
        for f in fields(obj):
            yield from walk_counts(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, (tuple, list)):
        for i, x in enumerate(obj):
            yield from walk_counts(x, f"{path}[{i}]")


def invariant_problems(extraction: Extraction) -> list[str]:
    text = extraction.document.text
    problems: list[str] = []
    for i, event in enumerate(extraction.events):
        for path, ev in walk_evidence(event, f"events[{i}]"):
            if not (0 <= ev.start <= ev.end <= len(text)) or text[ev.start : ev.end] != ev.text:
                got = text[ev.start : ev.end] if 0 <= ev.start <= ev.end <= len(text) else "<out of range>"
                problems.append(f"{path}: text[{ev.start}:{ev.end}] is {got!r}, evidence says {ev.text!r}")
            if not ev.stage:
                problems.append(f"{path}: evidence {ev.text!r} names no stage")
        for path, c in walk_counts(event, f"events[{i}]"):
            if not (0 <= c.low <= c.best and (c.high is None or c.best <= c.high)):
                problems.append(f"{path}: count breaks 0 <= low <= best <= high: {describe_count(c)}")
    return problems
