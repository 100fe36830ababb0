from __future__ import annotations

import dataclasses
import io

from sitrep.export.pretty import PrettyExporter, format_count
from sitrep.model import Count, Evidence
from tests.unit.test_serialize import make_event, make_extraction

EV = Evidence(start=0, end=1, text="x", stage="t")


def _count(low: int, best: int, high: int | None) -> Count:
    return Count(low=low, best=best, high=high, raw="", rule="", evidence=EV)


def test_count_forms() -> None:
    assert format_count(_count(12, 12, None)) == "12+"
    assert format_count(_count(3, 4, 5)) == "3-5"
    assert format_count(_count(7, 7, 7)) == "7"
    assert format_count(None) == "-"


def test_document_header_event_row_and_not_happened_section() -> None:
    out = io.StringIO()
    exp = PrettyExporter(out, width=100)
    hedged = make_event(event_id="h")
    hedged = dataclasses.replace(hedged, certainty=dataclasses.replace(hedged.certainty, hedges=(EV,)))
    exp.write(make_extraction(hedged, make_event(event_id="x", happened=False)))
    exp.close()
    text = out.getvalue()
    assert text.startswith("== a.txt  published 2020-09-28  claimant Ministry of Defence")
    assert (
        "2020-09-27 (day)  ASSAULT [heavy-weapons]  |  Explosions/Remote violence / Shelling/artillery/missile attack"
        in text
    )
    assert "Azerbaijan -> Civilians" in text
    assert "Stepanakert, Nagorno-Karabakh, AZE [de facto Artsakh] (39.8177, 46.7528, town)" in text
    assert "killed 13+; wounded -" in text and "weapons: artillery" in text and "hedged: x" in text
    happened_part, _, not_part = text.partition("reported as not happened")
    assert "DID NOT HAPPEN" not in happened_part
    assert "DID NOT HAPPEN: hypothetical" in not_part


def test_document_without_events() -> None:
    out = io.StringIO()
    PrettyExporter(out).write(make_extraction())
    assert "(no events)" in out.getvalue()
