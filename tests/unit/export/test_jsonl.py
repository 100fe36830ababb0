from __future__ import annotations

import io
import json

from sitrep.export.jsonl import JsonlExporter
from sitrep.registry import get_exporter
from tests.unit.test_serialize import TEXT, make_event, make_extraction


def test_registered() -> None:
    assert get_exporter("jsonl") is JsonlExporter


def test_one_object_per_event_per_line_with_evidence_offsets() -> None:
    out = io.StringIO()
    exp = JsonlExporter(out)
    exp.write(make_extraction(make_event(), make_event(event_id="e2")))
    exp.write(make_extraction())  # a document without events writes nothing
    exp.close()
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ["e1", "e2"]
    trig = records[0]["sitrep"]["evidence"]["event"]
    assert TEXT[trig["start"] : trig["end"]] == "shelled" == trig["text"]


def test_writes_as_it_goes() -> None:
    out = io.StringIO()
    exp = JsonlExporter(out)
    exp.write(make_extraction(make_event()))
    assert out.getvalue().count("\n") == 1  # before close
