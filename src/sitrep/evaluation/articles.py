"""`sitrep eval articles DIR`: whole news articles read by hand, event by event.

A folder of ``NNN-slug.txt`` articles (first line ``date YYYY-MM-DD``, then the text) each beside a
``NNN-slug.gold.json`` listing the events an ACLED coder records from it, the sentences that tell
each (``mentions``) and the notable sentences that must give none (``not_events``). Its README
(../shared/eval/articles/README.md) fixes the scoring, which this module follows:

* The predictions are what the ``acled-csv`` export holds (events that happened with an ACLED
  type), in output order, each placed by its event word (trigger).
* A prediction matches a gold event when its trigger lies wholly inside one of the event's
  mentions (a quoted string stands for every place it occurs). A gold event is matched once, by the
  first prediction in its mentions; when one sentence tells several events the prediction takes
  the unmatched one it agrees with on the most fields. A later prediction inside an already matched
  event is a duplicate, one inside a ``not_events`` string a background error, any other a false
  event.
* Event precision = matched / predictions; recall = matched gold events / gold events; quiet
  articles: the share with any prediction (``quiet_share_without_event`` is its complement, so
  that every figure is better when higher and can hold a floor).
* On matched pairs: event type, sub-type, date (same day; week precision within 3 days; month
  precision the same month), place (within 25, 50 or 150 km for ACLED precision 1, 2 or 3; for 3
  also the same first-level division), fatalities exact, both actors (each gold actor among the
  prediction's two, names compared without case, accents, punctuation, "the" and ACLED's years),
  claimant (none for none, else a content word in common), and every one of those at once.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..acled_view import coded_events
from ..distance import haversine_km
from ..errors import EmptyInput, MalformedRecord, MissingField, UnreadableInput
from ..export.acled_csv import row
from ..ingest.documents import make_document
from ..model import Event, Extraction
from ..pipeline import Pipeline
from ..safe_text import clean_text
from .metrics import ratio

GOLD_SUFFIX = ".gold.json"
# The fields compared on a matched pair, in the order the tables show them.
FIELDS = ("type", "sub_type", "date", "place", "fatalities", "actors", "claimant")
# Kilometres within which a predicted place is right, by the gold event's ACLED geo-precision.
PLACE_KM = {1: 25.0, 2: 50.0, 3: 150.0}
# Days either side of the gold date a week-precision date may fall.
WEEK_DAYS = 3
# Words that carry no content when two claimant names are compared.
CLAIMANT_STOP = frozenset(
    "a an the of for and in on at to by from with its his her their said says told according spokesman "
    "spokeswoman spokesperson official officials".split()
)
VERDICTS = ("matched", "duplicate", "background", "false")


# ---------------------------------------------------------------- gold records


@dataclass(frozen=True, kw_only=True, slots=True)
class GoldPlace:
    name: str
    admin1: str | None
    country: str | None
    lat: float
    lon: float
    precision: int  # ACLED geo-precision 1..3


@dataclass(frozen=True, kw_only=True, slots=True)
class GoldEvent:
    id: str
    spans: tuple[tuple[int, int], ...]  # every occurrence of every mention in the document text
    event_type: str
    sub_event_type: str
    date: dt.date
    date_precision: str  # day, week or month
    place: GoldPlace
    actor1: str
    actor2: str | None
    fatalities: int
    claimant: str | None


@dataclass(frozen=True, kw_only=True, slots=True)
class NotEvent:
    spans: tuple[tuple[int, int], ...]
    why: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Article:
    name: str  # the file stem, e.g. 001-syria-damascus-israeli-missiles
    path: Path
    published: dt.date
    kind: str  # conflict or quiet
    text: str  # the document text (after the date line), as sitrep cleans it
    events: tuple[GoldEvent, ...]
    not_events: tuple[NotEvent, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Prediction:
    """One exported event, reduced to what the scoring compares."""

    start: int  # the trigger's span in the document text
    end: int
    trigger: str
    event_type: str
    sub_event_type: str
    date: dt.date | None
    lat: float | None
    lon: float | None
    admin1: str
    actors: tuple[str, ...]  # the ACLED actor1 and actor2 as exported, empty ones left out
    fatalities: int
    claimant: str | None
    sentence: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Judged:
    prediction: Prediction
    verdict: str  # one of VERDICTS
    gold_id: str | None = None  # the gold event matched (or duplicated)
    right: tuple[tuple[str, bool], ...] = ()  # per field of FIELDS, for a match

    @property
    def all_right(self) -> bool:
        return bool(self.right) and all(ok for _, ok in self.right)


@dataclass(frozen=True, kw_only=True, slots=True)
class ArticleOutcome:
    article: Article
    judged: tuple[Judged, ...]

    def count(self, verdict: str) -> int:
        return sum(j.verdict == verdict for j in self.judged)


# ---------------------------------------------------------------- reading


def read_articles(folder: Path) -> Iterator[Article]:
    """Every article of ``folder`` with its gold file, in name order. A gold file that cannot be read,
    or whose quoted strings are not in its article, stops the evaluation with a coded error naming it:
    figures measured on the articles that happened to read would mislead."""
    if not folder.is_dir():
        raise UnreadableInput("not a folder of articles (NNN-slug.txt beside NNN-slug.gold.json)", source=str(folder))
    gold_files = sorted(folder.glob("*" + GOLD_SUFFIX))
    if not gold_files:
        raise EmptyInput(f"no *{GOLD_SUFFIX} file in the folder", source=str(folder))
    for gold_path in gold_files:
        yield _article(gold_path)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MissingField("the article of this gold file is missing", source=str(path)) from None
    except UnicodeDecodeError as exc:
        raise MalformedRecord(f"not UTF-8: {exc.reason}", source=str(path)) from None
    except OSError as exc:
        raise UnreadableInput(f"cannot open: {exc.strerror or exc}", source=str(path)) from None


def _article(gold_path: Path) -> Article:
    name = gold_path.name[: -len(GOLD_SUFFIX)]
    text_path = gold_path.with_name(name + ".txt")
    try:
        gold = json.loads(_read_text(gold_path))
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"not JSON: {exc.msg} at line {exc.lineno}", source=str(gold_path)) from None
    raw = _read_text(text_path)
    first, _, body = raw.partition("\n")
    published = _date(first.removeprefix("date").strip(), str(text_path), "the first line 'date YYYY-MM-DD'")
    text = clean_text(body)
    where = str(gold_path)
    if not isinstance(gold, dict):
        raise MalformedRecord("the gold file is not a JSON object", source=where)
    events = tuple(_gold_event(e, text, f"{where} event {i + 1}") for i, e in enumerate(_list(gold, "events", where)))
    not_events = tuple(
        NotEvent(spans=_spans([_str(n, "text", where)], text, where), why=str(n.get("why") or ""))
        for n in _list(gold, "not_events", where)
    )
    kind = str(gold.get("kind") or ("quiet" if not events else "conflict"))
    return Article(
        name=name,
        path=text_path,
        published=published,
        kind=kind,
        text=text,
        events=events,
        not_events=not_events,
    )


def _list(record: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = record.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise MalformedRecord(f"{key!r} is not a list of objects", source=where)
    return value


def _str(record: dict[str, Any], key: str, where: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value:
        raise MissingField(f"{key!r} is missing or not text", source=where)
    return value


def _date(value: object, where: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise MalformedRecord(f"{what} is not a date: {str(value)[:40]!r}", source=where) from None


def _spans(quotes: list[str], text: str, where: str) -> tuple[tuple[int, int], ...]:
    """Every occurrence of every quoted string in ``text``; a string not found is a broken gold file."""
    spans: list[tuple[int, int]] = []
    for quote in quotes:
        needle = clean_text(quote)
        at = text.find(needle)
        if at < 0:
            raise MalformedRecord(f"quoted string not in the article: {quote[:60]!r}", source=where)
        while at >= 0:
            spans.append((at, at + len(needle)))
            at = text.find(needle, at + 1)
    return tuple(spans)


def _gold_event(record: dict[str, Any], text: str, where: str) -> GoldEvent:
    mentions = record.get("mentions")
    if not isinstance(mentions, list) or not mentions or not all(isinstance(m, str) for m in mentions):
        raise MissingField("'mentions' must be a non-empty list of quoted strings", source=where)
    place = record.get("place")
    if not isinstance(place, dict):
        raise MissingField("'place' is missing", source=where)
    try:
        gold_place = GoldPlace(
            name=str(place.get("name") or ""),
            admin1=place.get("admin1"),
            country=place.get("country"),
            lat=float(place["lat"]),
            lon=float(place["lon"]),
            precision=int(place["geo_precision"]),
        )
        fatalities = int(record.get("fatalities") or 0)
    except (KeyError, TypeError, ValueError) as exc:
        raise MalformedRecord(f"a place or fatalities field cannot be read: {exc}", source=where) from None
    return GoldEvent(
        id=str(record.get("id") or where),
        spans=_spans(mentions, text, where),
        event_type=_str(record, "event_type", where),
        sub_event_type=_str(record, "sub_event_type", where),
        date=_date(record.get("date"), where, "'date'"),
        date_precision=str(record.get("date_precision") or "day"),
        place=gold_place,
        actor1=_str(record, "actor1", where),
        actor2=record.get("actor2") or None,
        fatalities=fatalities,
        claimant=record.get("claimant") or None,
    )


# ---------------------------------------------------------------- predictions


def predictions(extraction: Extraction) -> list[Prediction]:
    """The events the ``acled-csv`` export writes for this extraction, in its order."""
    return [_prediction(e, extraction) for e in coded_events(extraction)]


def _prediction(event: Event, extraction: Extraction) -> Prediction:
    cells = row(event, extraction, timestamp=0)
    return Prediction(
        start=event.trigger.start,
        end=event.trigger.end,
        trigger=event.trigger.text,
        event_type=str(cells["event_type"] or ""),
        sub_event_type=str(cells["sub_event_type"] or ""),
        date=dt.date.fromisoformat(cells["event_date"]) if cells["event_date"] else None,
        lat=float(cells["latitude"]) if cells["latitude"] else None,
        lon=float(cells["longitude"]) if cells["longitude"] else None,
        admin1=str(cells["admin1"] or ""),
        actors=tuple(a for a in (cells["actor1"], cells["actor2"]) if a),
        fatalities=int(cells["fatalities"]),
        claimant=event.claimant.name if event.claimant is not None else None,
        sentence=event.sentence.text,
    )


# ---------------------------------------------------------------- comparing one pair


def normal_name(name: str) -> str:
    """An actor or division name without case, accents, punctuation, "the" and ACLED's "(2003-)" years."""
    name = re.sub(r"\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)", " ", name)
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).lower()
    words = re.findall(r"[^\W_]+", name)
    return " ".join(w for w in words if w != "the")


def _content_words(name: str) -> set[str]:
    return {w for w in normal_name(name).split() if w not in CLAIMANT_STOP}


def date_right(gold: GoldEvent, date: dt.date | None) -> bool:
    if date is None:
        return False
    if gold.date_precision == "week":
        return abs((date - gold.date).days) <= WEEK_DAYS
    if gold.date_precision == "month":
        return (date.year, date.month) == (gold.date.year, gold.date.month)
    return date == gold.date


def place_right(gold: GoldPlace, lat: float | None, lon: float | None, admin1: str) -> bool:
    if lat is None or lon is None:
        return False
    km = haversine_km(gold.lat, gold.lon, lat, lon)
    if km <= PLACE_KM.get(gold.precision, PLACE_KM[3]):
        return True
    return gold.precision >= 3 and bool(gold.admin1) and normal_name(gold.admin1 or "") == normal_name(admin1)


def actors_right(gold: GoldEvent, actors: tuple[str, ...]) -> bool:
    found = {normal_name(a) for a in actors}
    wanted = [a for a in (gold.actor1, gold.actor2) if a]
    return all(normal_name(a) in found for a in wanted)


def claimant_right(gold: str | None, claimant: str | None) -> bool:
    if gold is None:
        return claimant is None
    return claimant is not None and bool(_content_words(gold) & _content_words(claimant))


def compare(gold: GoldEvent, p: Prediction) -> tuple[tuple[str, bool], ...]:
    """Which fields of the prediction agree with the gold event, in FIELDS order."""
    return (
        ("type", p.event_type == gold.event_type),
        ("sub_type", p.sub_event_type == gold.sub_event_type),
        ("date", date_right(gold, p.date)),
        ("place", place_right(gold.place, p.lat, p.lon, p.admin1)),
        ("fatalities", p.fatalities == gold.fatalities),
        ("actors", actors_right(gold, p.actors)),
        ("claimant", claimant_right(gold.claimant, p.claimant)),
    )


# ---------------------------------------------------------------- judging an article


def _inside(p: Prediction, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= p.start and p.end <= end for start, end in spans)


def judge(article: Article, preds: list[Prediction]) -> ArticleOutcome:
    matched: set[str] = set()
    judged: list[Judged] = []
    for p in preds:
        told = [g for g in article.events if _inside(p, g.spans)]
        open_ = [g for g in told if g.id not in matched]
        if open_:
            # Several events told in one sentence: the unmatched one the prediction agrees with most
            # (the first in gold order on a tie).
            best = max(open_, key=lambda g: sum(ok for _, ok in compare(g, p)))
            matched.add(best.id)
            judged.append(Judged(prediction=p, verdict="matched", gold_id=best.id, right=compare(best, p)))
        elif told:
            judged.append(Judged(prediction=p, verdict="duplicate", gold_id=told[0].id))
        elif any(_inside(p, n.spans) for n in article.not_events):
            judged.append(Judged(prediction=p, verdict="background"))
        else:
            judged.append(Judged(prediction=p, verdict="false"))
    return ArticleOutcome(article=article, judged=tuple(judged))


# ---------------------------------------------------------------- the report


@dataclass
class ArticlesReport:
    folder: str
    outcomes: list[ArticleOutcome] = field(default_factory=list)

    def _matches(self) -> list[Judged]:
        return [j for o in self.outcomes for j in o.judged if j.verdict == "matched"]

    def figures(self) -> dict[str, float | int]:
        judged = [j for o in self.outcomes for j in o.judged]
        matches = self._matches()
        gold = sum(len(o.article.events) for o in self.outcomes)
        quiet = [o for o in self.outcomes if o.article.kind == "quiet"]
        alarms = sum(bool(o.judged) for o in quiet)
        out: dict[str, float | int] = {
            "event_precision": ratio(len(matches), len(judged)),
            "event_recall": ratio(len(matches), gold),
            "quiet_share_without_event": ratio(len(quiet) - alarms, len(quiet)),
        }
        for name in FIELDS:
            out[f"matched_{name}"] = ratio(sum(dict(j.right)[name] for j in matches), len(matches))
        out["matched_every_field"] = ratio(sum(j.all_right for j in matches), len(matches))
        out |= {
            "articles": len(self.outcomes),
            "quiet_articles": len(quiet),
            "quiet_articles_with_event": alarms,
            "gold_events": gold,
            "predictions": len(judged),
        }
        counts = Counter(j.verdict for j in judged)
        out |= {f"predictions_{v}": counts[v] for v in VERDICTS}
        return out

    def table(self) -> str:
        f = self.figures()
        lines = [
            f"Articles evaluation: {self.folder} ({f['articles']} articles, {f['quiet_articles']} quiet; "
            f"{f['gold_events']} gold events; {f['predictions']} predictions)",
            "",
            f"{'article':44} {'kind':8} {'gold':>4} {'pred':>4} {'match':>5} {'dup':>4} {'bg':>4} "
            f"{'false':>5} {'all':>4}  fields wrong on matches",
        ]
        for o in self.outcomes:
            wrong = Counter(name for j in o.judged for name, ok in j.right if not ok)
            lines.append(
                f"{o.article.name[:44]:44} {o.article.kind:8} {len(o.article.events):4d} {len(o.judged):4d} "
                f"{o.count('matched'):5d} {o.count('duplicate'):4d} {o.count('background'):4d} "
                f"{o.count('false'):5d} {sum(j.all_right for j in o.judged):4d}  "
                + (", ".join(f"{k} x{n}" if n > 1 else k for k, n in sorted(wrong.items())) or "-")
            )
        lines += ["", f"{'measure':32} value"]
        for key in (
            "event_precision",
            "event_recall",
            "quiet_share_without_event",
            *(f"matched_{name}" for name in FIELDS),
            "matched_every_field",
        ):
            lines.append(f"{key:32} {f[key]:.3f}")
        lines.append(
            f"{'unmatched predictions':32} duplicates {f['predictions_duplicate']}, background "
            f"{f['predictions_background']}, false events {f['predictions_false']}"
        )
        lines.append(f"{'quiet articles with an event':32} {f['quiet_articles_with_event']} of {f['quiet_articles']}")
        return "\n".join(lines)


def evaluate_articles(
    folder: Path, pipeline: Pipeline, *, limit: int | None = None, progress: Callable[[int, int], None] | None = None
) -> ArticlesReport:
    articles = list(read_articles(folder))
    if limit is not None:
        articles = articles[:limit]
    report = ArticlesReport(folder=folder.name)
    documents = [make_document(a.text, published=a.published, source=str(a.path)) for a in articles]
    for i, (article, extraction) in enumerate(zip(articles, pipeline.pipe(documents, batch_size=8)), start=1):
        report.outcomes.append(judge(article, predictions(extraction)))
        if progress is not None:
            progress(i, len(articles))
    return report
