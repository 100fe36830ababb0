"""Geoparsing check (not a test): run places.gazetteer.v1 over TR-News and GeoWebNews.

Prints toponym precision/recall (character-overlap match against gold spans) and the share of
matched gold toponyms with coordinates that we place within 161 km (100 miles).

    .venv/bin/python benchmarks/geoparse_check.py [--limit N]
"""

from __future__ import annotations

import argparse
import math
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from sitrep.pipeline import Resources
from sitrep.resolve.places import find_places

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "geoparsing"
NOT_PLACES = {"Non_Toponym", "Literal_Expression", "Non_Lit_Expression"}


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    lat: float | None
    lon: float | None
    counts: bool  # a real toponym (for recall); others only excuse a prediction


def _f(node: ET.Element | None) -> float | None:
    return float(node.text) if node is not None and node.text and node.text.strip() else None


def tr_news() -> list[tuple[str, list[Gold]]]:
    out = []
    for art in ET.parse(EVAL / "TR-News.xml").getroot():
        gold = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            lat = _f(tag.find("lat")) if tag is not None else None
            lon = _f(tag.find("lon")) if tag is not None else None
            gold.append(Gold(int(t.findtext("start")), int(t.findtext("end")), lat, lon, True))
        out.append((art.findtext("text") or "", gold))
    return out


def geowebnews() -> list[tuple[str, list[Gold]]]:
    out = []
    for art in ET.parse(EVAL / "GeoWebNews.xml").getroot():
        gold = []
        for t in art.iter("toponym"):
            kind = t.findtext("type") or ""
            counts = kind not in NOT_PLACES and kind != "Demonym" and t.findtext("nonLocational") != "Yes"
            gold.append(Gold(int(t.findtext("start")), int(t.findtext("end")), _f(t.find("latitude")),
                             _f(t.find("longitude")), counts))
        out.append((art.findtext("text") or "", gold))
    return out


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, a)))


def evaluate(name: str, corpus: list[tuple[str, list[Gold]]], resources: Resources, show: int = 0) -> None:
    tp = fp = 0
    found_gold = 0
    total_gold = 0
    with_coords = hits = 0
    errors: list[tuple[float, str, str]] = []
    t0 = time.perf_counter()
    docs = resources.nlp.pipe([text for text, _ in corpus], batch_size=8)
    for (text, gold), doc in zip(corpus, docs):
        places = [p for p, _ in find_places(doc, resources.gazetteer, stage="check")]
        for p in places:
            s, e = p.evidence.start, p.evidence.end
            if any(g.start < e and s < g.end for g in gold):
                tp += 1
            else:
                fp += 1
        for g in gold:
            if not g.counts:
                continue
            total_gold += 1
            match = next((p for p in places if p.evidence.start < g.end and g.start < p.evidence.end), None)
            if match is None:
                continue
            found_gold += 1
            if g.lat is not None and match.lat is not None:
                with_coords += 1
                d = km(g.lat, g.lon, match.lat, match.lon)
                if d <= 161:
                    hits += 1
                else:
                    errors.append((d, text[g.start:g.end], f"{match.name} ({match.country})"))
    precision = tp / max(1, tp + fp)
    recall = found_gold / max(1, total_gold)
    print(f"{name}: {len(corpus)} docs in {time.perf_counter() - t0:.1f}s; precision {precision:.3f} "
          f"({tp}/{tp + fp}), recall {recall:.3f} ({found_gold}/{total_gold}), "
          f"accuracy@161km {hits / max(1, with_coords):.3f} ({hits}/{with_coords} matched gold with coordinates)")
    errors.sort(reverse=True)
    for d, gold_text, ours in errors[:show]:
        print(f"   {d:8.0f} km  {gold_text!r} -> {ours}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles of each corpus")
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    resources = Resources()
    for name, corpus in (("TR-News", tr_news()), ("GeoWebNews", geowebnews())):
        evaluate(name, corpus[: args.limit] if args.limit else corpus, resources, args.errors)


if __name__ == "__main__":
    main()
