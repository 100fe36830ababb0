"""`sitrep eval geoparse FILE.xml`: toponym recognition and resolution against TR-News or GeoWebNews.

The format is recognised from the XML itself: TR-News toponyms carry a ``gaztag`` with the GeoNames
record, GeoWebNews toponyms carry ``extractedName``, a fine-grained ``type`` and coordinates.

Definitions (the ones published geoparser tables use):

* A predicted place *matches* a gold toponym when their character spans overlap.
* Precision: predicted places that overlap any gold annotation (GeoWebNews annotations that are not
  counted as toponyms, such as demonyms or non-toponyms, only excuse a prediction) / predictions.
* Recall: counted gold toponyms matched by a prediction / counted gold toponyms.
* Accuracy within 161 km of recognised gold toponyms (the headline, as in Mordecai-style tables):
  among gold toponyms that have coordinates and that the system recognised (a prediction with
  coordinates overlaps them), the share placed within 161 km (100 miles) of the gold point.
* Accuracy within 161 km of all gold toponyms: the same hits over every counted gold toponym with
  coordinates, recognised or not (a missed toponym counts as wrong).
* Median error: over the recognised gold toponyms with coordinates, in km.
* Country accuracy: among recognised gold toponyms with coordinates whose country is known, the
  share for which the predicted country (ISO3) is the gold one.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..distance import haversine_km
from ..errors import MalformedRecord, UnknownFormat, UnreadableInput
from ..model import Place
from ..resolve.gazetteer import Gazetteer
from ..resolve.place_names import COUNTRY
from ..resolve.places import find_places
from .metrics import median, ratio

TR_NEWS = "TR-News"
GEOWEBNEWS = "GeoWebNews"
WITHIN_KM = 161.0
# GeoWebNews annotation types that are not place names (they only excuse an overlapping prediction).
NOT_TOPONYMS = frozenset({"Non_Toponym", "Literal_Expression", "Non_Lit_Expression", "Demonym"})
STAGE = "eval.geoparse"


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    country3: str | None  # ISO3 of the gold place, when known
    counts: bool  # a real toponym (for recall and accuracy); others only excuse a prediction


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True, slots=True)
class Miss:
    """A recognised gold toponym placed too far away: for reading the errors."""

    km: float
    gold: str
    gold_lat: float
    gold_lon: float
    predicted: str
    predicted_country: str | None
    context: str


@dataclass(frozen=True, kw_only=True)
class GeoparseReport:
    file: str
    corpus: str
    articles: int
    predictions: int
    predictions_matched: int
    gold: int
    gold_recognised: int
    gold_with_coordinates: int
    recognised_with_coordinates: int
    within_km: int
    country_known: int
    country_hits: int
    errors_km: tuple[float, ...]
    misses: tuple[Miss, ...]  # worst first
    seconds: float

    def figures(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "corpus": self.corpus,
            "articles": self.articles,
            "toponym_precision": ratio(self.predictions_matched, self.predictions),
            "toponym_recall": ratio(self.gold_recognised, self.gold),
            "accuracy_161km_recognised": ratio(self.within_km, self.recognised_with_coordinates),
            "accuracy_161km_all_gold": ratio(self.within_km, self.gold_with_coordinates),
            "median_error_km": median(list(self.errors_km)) if self.errors_km else None,
            "country_accuracy_recognised": ratio(self.country_hits, self.country_known),
            "predictions": self.predictions,
            "gold_toponyms": self.gold,
            "gold_with_coordinates": self.gold_with_coordinates,
            "recognised_with_coordinates": self.recognised_with_coordinates,
            "seconds": round(self.seconds, 1),
        }

    def table(self, worst: int = 0) -> str:
        f = self.figures()
        lines = [f"Geoparsing evaluation: {self.file} ({self.corpus}, {self.articles} articles)", ""]
        lines.append(f"{'measure':40} value")
        for key, value in f.items():
            if key in {"file", "corpus", "articles"}:
                continue
            if isinstance(value, float):
                lines.append(f"{key:40} {value:.3f}")
            elif value is None:
                lines.append(f"{key:40} n/a")
            else:
                lines.append(f"{key:40} {value}")
        if worst:
            lines += ["", f"worst {min(worst, len(self.misses))} placements (km, gold -> predicted):"]
            for m in self.misses[:worst]:
                lines.append(f"  {m.km:8.0f}  {m.gold!r} -> {m.predicted} ({m.predicted_country})  …{m.context}…")
        return "\n".join(lines)


# ---------------------------------------------------------------- reading


def read_corpus(path: Path, gazetteer: Gazetteer | None = None) -> tuple[str, tuple[Article, ...]]:
    """(corpus name, articles) of a TR-News or GeoWebNews XML file; raises a coded SitrepError."""
    try:
        root = ET.parse(path).getroot()
    except OSError as exc:
        raise UnreadableInput(f"cannot open: {exc.strerror or exc}", source=str(path)) from None
    except ET.ParseError as exc:
        raise MalformedRecord(f"not well-formed XML: {exc}", source=str(path)) from None
    articles = root.findall("article")
    if root.tag != "articles" or not articles:
        raise UnknownFormat("not a geoparsing corpus: expected <articles> with <article> elements", source=str(path))
    if root.find(".//toponym/gaztag") is not None:
        return TR_NEWS, tuple(_tr_news(a, gazetteer) for a in articles)
    if root.find(".//toponym/extractedName") is not None:
        return GEOWEBNEWS, tuple(_geowebnews(a) for a in articles)
    raise UnknownFormat("neither TR-News (gaztag) nor GeoWebNews (extractedName) toponyms found", source=str(path))


def _number(node: ET.Element | None) -> float | None:
    if node is None or not node.text or not node.text.strip():
        return None
    try:
        return float(node.text)
    except ValueError:
        return None


def _int(node: ET.Element, tag: str) -> int:
    value = node.findtext(tag)
    try:
        return int(value or "")
    except ValueError:
        raise MalformedRecord(f"toponym without a numeric <{tag}>: {value!r}") from None


def _tr_news(article: ET.Element, gazetteer: Gazetteer | None) -> Article:
    text = article.findtext("text") or ""
    gold = []
    for t in article.iter("toponym"):
        start, end = _int(t, "start"), _int(t, "end")
        tag = t.find("gaztag")
        lat = _number(tag.find("lat")) if tag is not None else None
        lon = _number(tag.find("lon")) if tag is not None else None
        country = tag.findtext("country") if tag is not None else None
        gold.append(GoldToponym(start, end, text[start:end], lat, lon, _country3(country, gazetteer), True))
    return Article(text, tuple(gold))


def _geowebnews(article: ET.Element) -> Article:
    text = article.findtext("text") or ""
    gold = []
    for t in article.iter("toponym"):
        start, end = _int(t, "start"), _int(t, "end")
        kind = t.findtext("type") or ""
        counts = kind not in NOT_TOPONYMS and t.findtext("nonLocational") != "Yes"
        gold.append(
            GoldToponym(
                start, end, text[start:end], _number(t.find("latitude")), _number(t.find("longitude")), None, counts
            )
        )
    return Article(text, tuple(gold))


def _country3(name: str | None, gazetteer: Gazetteer | None) -> str | None:
    if gazetteer is None:
        return None
    if name:
        for e in gazetteer.lookup(name):
            if e.kind == COUNTRY:
                return e.country3
    return None


# ---------------------------------------------------------------- scoring


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _score_article(
    article: Article,
    places: list[Place],
    gazetteer: Gazetteer,
    tally: dict[str, int],
    errors: list[float],
    misses: list[Miss],
) -> None:
    for p in places:
        tally["predictions"] += 1
        if any(_overlaps(p.evidence.start, p.evidence.end, g.start, g.end) for g in article.toponyms):
            tally["predictions_matched"] += 1
    for g in article.toponyms:
        if not g.counts:
            continue
        tally["gold"] += 1
        match = next((p for p in places if _overlaps(p.evidence.start, p.evidence.end, g.start, g.end)), None)
        if match is not None:
            tally["gold_recognised"] += 1
        if g.lat is None or g.lon is None:
            continue
        tally["gold_with_coordinates"] += 1
        if match is None or match.lat is None or match.lon is None:
            continue
        tally["recognised_with_coordinates"] += 1
        km = haversine_km(g.lat, g.lon, match.lat, match.lon)
        errors.append(km)
        if km <= WITHIN_KM:
            tally["within_km"] += 1
        else:
            context = article.text[max(0, g.start - 40) : g.end + 40].replace("\n", " ")
            misses.append(Miss(km, g.text, g.lat, g.lon, match.name, match.country, context))
        gold_country = g.country3 or _nearest_country3(gazetteer, g.lat, g.lon)
        if gold_country:
            tally["country_known"] += 1
            tally["country_hits"] += match.country == gold_country


def _nearest_country3(gazetteer: Gazetteer, lat: float, lon: float) -> str | None:
    cc = gazetteer.nearest_country(lat, lon)
    entry = gazetteer.country(cc) if cc else None
    return entry.country3 if entry else None


def evaluate_geoparse(
    path: Path,
    resources: Any,
    *,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> GeoparseReport:
    """Run the place finder over every article of ``path`` and compare with the gold toponyms.

    ``resources`` is a :class:`sitrep.annotated.Resources` (its ``nlp`` and ``gazetteer`` are used).
    """
    import time

    t0 = time.perf_counter()
    gazetteer: Gazetteer = resources.gazetteer
    corpus, articles = read_corpus(path, gazetteer)
    if limit is not None:
        articles = articles[:limit]
    tally = dict.fromkeys(
        (
            "predictions",
            "predictions_matched",
            "gold",
            "gold_recognised",
            "gold_with_coordinates",
            "recognised_with_coordinates",
            "within_km",
            "country_known",
            "country_hits",
        ),
        0,
    )
    errors: list[float] = []
    misses: list[Miss] = []
    docs: Iterable[Any] = resources.nlp.pipe([a.text for a in articles], batch_size=8)
    for i, (article, doc) in enumerate(zip(articles, docs), start=1):
        places = [p for p, _ in find_places(doc, gazetteer, stage=STAGE)]
        _score_article(article, places, gazetteer, tally, errors, misses)
        if progress is not None:
            progress(i, len(articles))
    misses.sort(key=lambda m: -m.km)
    return GeoparseReport(
        file=path.name,
        corpus=corpus,
        articles=len(articles),
        errors_km=tuple(errors),
        misses=tuple(misses),
        seconds=time.perf_counter() - t0,
        **tally,
    )
