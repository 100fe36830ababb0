"""`sitrep eval acled FILE.csv`: each row's notes is the input, its coded fields are the gold.

The publication date given to the extractor is the row's event date (ACLED notes are written the
week of the event). The ACLED view's primary event (sitrep.acled_view) is compared with the row.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..acled_actors import acled_sides
from ..acled_view import fatalities, primary_event
from ..distance import haversine_km
from ..errors import EncodingError, MalformedRecord, MissingField, UnreadableInput
from ..ingest.documents import make_document
from ..model import Event
from ..pipeline import Pipeline
from .metrics import Classes, ratio

DATED_SUFFIX = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")
NEEDED = (
    "notes",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "latitude",
    "longitude",
    "geo_precision",
)


def strip_dates(name: str) -> str:
    """ACLED actor names without their regime dates: "Military Forces of Armenia (2018-)" -> "...Armenia"."""
    return DATED_SUFFIX.sub("", name or "").strip()


def parse_acled_date(value: str) -> dt.date:
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%d-%b-%y", "%d %B %Y", "%d-%B-%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unrecognised ACLED date {value!r}")


@dataclass(frozen=True, kw_only=True)
class Row:
    line: int
    notes: str
    date: dt.date
    event_type: str
    sub_event_type: str
    actors: frozenset[str]
    inters: tuple[str, ...]
    lat: float
    lon: float
    geo_precision: int
    fatalities: int | None


def read_rows(path: Path) -> Iterator[Row]:
    """The gold rows of an ACLED export. A row that cannot be read stops the evaluation with a coded
    error naming its line: figures measured on the rows that happened to read would mislead."""
    try:
        handle = path.open(newline="", encoding="utf-8")
    except OSError as exc:
        raise UnreadableInput(f"cannot open: {exc.strerror}", source=str(path)) from None
    with handle:
        line = 1
        try:
            reader = csv.DictReader(handle, strict=True)
            missing = [c for c in NEEDED if c not in (reader.fieldnames or [])]
            if missing:
                raise MissingField(f"not an ACLED file: columns missing: {', '.join(missing)}", source=str(path))
            for line, r in enumerate(reader, start=2):
                yield _row(r, line)
        except UnicodeDecodeError as exc:
            raise EncodingError(f"not UTF-8 near line {line + 1}: {exc.reason}", source=str(path)) from None
        except csv.Error as exc:
            raise MalformedRecord(f"the CSV cannot be read: {exc}", source=f"{path}:{line + 1}") from None
        except (ValueError, TypeError, AttributeError) as exc:
            raise MalformedRecord(f"not a gold row: {exc}", source=f"{path}:{line}") from None


def _row(r: dict[str, str | None], line: int) -> Row:
    fat = r.get("fatalities")
    if any(r.get(c) is None for c in NEEDED):
        raise ValueError("the row has fewer cells than the header")
    return Row(
        line=line,
        notes=r["notes"] or "",
        date=parse_acled_date(r["event_date"] or ""),
        event_type=r["event_type"] or "",
        sub_event_type=r["sub_event_type"] or "",
        actors=frozenset(strip_dates(a) for a in (r["actor1"], r["actor2"]) if a),
        inters=tuple(sorted(x for x in (r.get("inter1") or "", r.get("inter2") or "") if x and x != "0")),
        lat=float(r["latitude"] or ""),
        lon=float(r["longitude"] or ""),
        geo_precision=int(r["geo_precision"] or 3),
        fatalities=int(fat) if fat not in (None, "") else None,
    )


@dataclass
class AcledReport:
    file: str
    rows: int = 0
    no_event: int = 0
    types: Classes = field(default_factory=Classes)
    subtypes: Classes = field(default_factory=Classes)
    date_hits: int = 0
    fatal_rows: int = 0
    fatal_hits: int = 0
    actor_pairs: int = 0
    actor1_hits: int = 0
    inter_pairs: int = 0
    place_rows: dict[int, int] = field(default_factory=dict)
    place_hits: dict[int, int] = field(default_factory=dict)
    errors_km: list[float] = field(default_factory=list)

    def add(self, row: Row, event: Event | None) -> None:
        self.rows += 1
        self.types.add(row.event_type, event.acled_type if event else None)
        self.subtypes.add(row.sub_event_type, event.acled_subtype if event else None)
        prec = row.geo_precision
        self.place_rows[prec] = self.place_rows.get(prec, 0) + 1
        if row.fatalities is not None:
            self.fatal_rows += 1
        if event is None:
            self.no_event += 1
            if row.fatalities == 0:
                self.fatal_hits += 1  # no event found, no deaths coded: the figure agrees
            return
        if event.date is not None and event.date.date == row.date:
            self.date_hits += 1
        if row.fatalities is not None and fatalities(event) == row.fatalities:
            self.fatal_hits += 1
        sides = acled_sides(event)
        names = {strip_dates(n) for n in sides.names()}
        if row.actors and row.actors <= names:
            self.actor_pairs += 1
        if any(a in names for a in row.actors):
            self.actor1_hits += 1
        inters = tuple(sorted(str(a.inter) for a in (sides.actor1, sides.actor2) if a is not None and a.inter))
        if inters == row.inters:
            self.inter_pairs += 1
        if event.place is not None and event.place.lat is not None and event.place.lon is not None:
            km = haversine_km(event.place.lat, event.place.lon, row.lat, row.lon)
            self.errors_km.append(km)
            if km <= 25:
                self.place_hits[prec] = self.place_hits.get(prec, 0) + 1

    def figures(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "rows": self.rows,
            "no_event_rate": ratio(self.no_event, self.rows),
            "event_type_macro_f1": self.types.macro_f1(),
            "event_type_accuracy": self.types.accuracy(),
            "sub_event_type_macro_f1": self.subtypes.macro_f1(),
            "sub_event_type_accuracy": self.subtypes.accuracy(),
            "event_date_exact": ratio(self.date_hits, self.rows),
            "fatalities_exact": ratio(self.fatal_hits, self.fatal_rows) if self.fatal_rows else None,
            "actor_pair_match": ratio(self.actor_pairs, self.rows),
            "actor_any_match": ratio(self.actor1_hits, self.rows),
            "inter_pair_match": ratio(self.inter_pairs, self.rows),
            **{
                f"place_within_25km_geo_precision_{p}": ratio(self.place_hits.get(p, 0), n)
                for p, n in sorted(self.place_rows.items())
            },
            "event_type_per_class": self.types.per_class(),
            "sub_event_type_per_class": self.subtypes.per_class(),
            "event_type_confusions": self.types.confusions(),
            "sub_event_type_confusions": self.subtypes.confusions(),
        }

    def table(self) -> str:
        f = self.figures()
        lines = [f"ACLED evaluation: {self.file} ({self.rows} rows)", ""]
        lines.append(f"{'measure':48} value")
        for key, value in f.items():
            if isinstance(value, float):
                lines.append(f"{key:48} {value:.3f}")
            elif value is None:
                lines.append(f"{key:48} n/a")
        lines += ["", f"{'event type':36} {'prec':>6} {'recall':>6} {'f1':>6} {'n':>6}"]
        for label, s in f["event_type_per_class"].items():
            lines.append(f"{label:36} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['support']:6.0f}")
        lines += ["", f"{'sub-event type':36} {'prec':>6} {'recall':>6} {'f1':>6} {'n':>6}"]
        for label, s in f["sub_event_type_per_class"].items():
            lines.append(f"{label:36} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['support']:6.0f}")
        lines += ["", "most frequent event type confusions (gold -> predicted):"]
        lines += [f"  {g} -> {p}: {n}" for g, p, n in f["event_type_confusions"]]
        lines += ["", "most frequent sub-event type confusions (gold -> predicted):"]
        lines += [f"  {g} -> {p}: {n}" for g, p, n in f["sub_event_type_confusions"]]
        return "\n".join(lines)


def evaluate_acled(
    path: Path, pipeline: Pipeline, *, limit: int | None = None, progress: Callable[[int, int], None] | None = None
) -> AcledReport:
    rows = list(read_rows(path))
    if limit is not None:
        rows = rows[:limit]
    report = AcledReport(file=path.name)
    documents = [make_document(r.notes, published=r.date, source=f"{path.name}:{r.line}") for r in rows]
    for i, (row, extraction) in enumerate(zip(rows, pipeline.pipe(documents, batch_size=64)), start=1):
        report.add(row, primary_event(extraction))
        if progress is not None:
            progress(i, len(rows))
    return report
