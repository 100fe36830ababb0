"""The worked examples of docs/extending.md, run as written there: a new family with its typing
rule, a new stage, a new exporter. If a way in changes, this fails and the document must follow."""

from __future__ import annotations

import copy
import io
from typing import Any

import pytest

from sitrep import config, registry
from sitrep.annotated import Annotated, Resources
from sitrep.errors import BadFamilyTable
from sitrep.ingest.documents import make_document
from sitrep.model import Extraction, Mention, Trigger
from sitrep.pipeline import Pipeline
from sitrep.registry import exporter, get_exporter, stage
from sitrep.resolve.event_typing import rules
from sitrep.resolve.event_typing.typed import Case, Typed
from sitrep.resolve.families import load_table, packaged_lexicon
from sitrep.resolve.trigger_lexicon import load_lexicon

# -- an event family (docs/extending.md, "An event family")

CYBER = {
    "kind": "material",
    "plover": "ASSAULT",
    "modes": ["cyber"],
    "typing": "cyber",
    "rank": 34,
    "flags": [],
    "words": ["hack", "cyber attack", "cyberattack"],
}


def cyber(case: Case) -> Typed:
    return Typed(
        kind="material",
        plover="ASSAULT",
        modes=("cyber",),
        acled_type="Strategic developments",
        acled_subtype="Other",
        reason="a cyber attack: no physical violence",
    )


@pytest.fixture
def with_cyber_rule() -> Any:
    rules.typing_rule("cyber")(cyber)
    yield
    rules._RULES.pop("cyber")  # the registry is global: the example's rule leaves with the test


def lexicon_with_cyber() -> dict[str, Any]:
    raw = copy.deepcopy(dict(packaged_lexicon()))
    raw["families"]["cyber"] = copy.deepcopy(CYBER)
    return raw


def test_a_family_with_its_typing_rule_loads_and_types(with_cyber_rule: None) -> None:
    raw = lexicon_with_cyber()
    load_lexicon(raw)  # the words its rules name and the table are checked
    table = load_table(raw["families"])
    trigger = Trigger(family="cyber", kind="material", plover="ASSAULT", modes=("cyber",), lemma="hack")
    case = Case(
        trigger=trigger,
        modes=("cyber",),
        weapons=(),
        actors=(),
        recipients=(),
        sentence="Hackers hit the ministry's servers.",
        killed=False,
    )
    typed = table.typing_rule("cyber")(case)
    assert (typed.acled_type, typed.acled_subtype) == ("Strategic developments", "Other")
    assert table.rank("cyber") > table.rank("attack")


def test_a_family_whose_rule_is_not_registered_is_refused() -> None:
    with pytest.raises(BadFamilyTable, match="cyber"):
        load_table(lexicon_with_cyber()["families"])


@pytest.fixture
def scratch_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """The registries as they are, copied: what a test registers leaves with it."""
    monkeypatch.setattr(registry, "_STAGES", dict(registry.all_stages()))
    registry.exporter_names()  # the built-in exporters loaded before the copy
    monkeypatch.setattr(registry, "_EXPORTERS", dict(registry._EXPORTERS))


# -- a stage (docs/extending.md, "A stage")

SIREN_STAGE = "sirens.example.v1"


def find_sirens(annotated: Annotated) -> tuple[Mention, ...]:
    """Air-raid sirens heard: a warning, not an event."""
    return tuple(
        Mention(kind="siren", start=t.idx, end=t.idx + len(t), text=t.text, value=None, stage=SIREN_STAGE)
        for t in annotated.doc
        if t.lower_ in {"siren", "sirens"}
    )


def test_a_registered_stage_runs_after_the_ones_it_requires(resources: Resources, scratch_registry: None) -> None:
    stage(SIREN_STAGE, requires=("place",), assigns=("siren",))(find_sirens)
    pipeline = Pipeline((*config.DEFAULT_STAGES, SIREN_STAGE), resources=resources)
    annotated = pipeline.annotate(make_document("Air raid sirens sounded in Kyiv on Monday night."))
    found = annotated.of("siren")
    assert [m.text for m in found] == ["sirens"] and annotated.text[found[0].start : found[0].end] == "sirens"


# -- an exporter (docs/extending.md, "An exporter")


class EventCountExporter:
    """One line at the end: how many events were written."""

    def __init__(self, out: io.TextIOBase) -> None:
        self.out = out
        self.events = 0

    def write(self, extraction: Extraction) -> None:
        self.events += len(extraction.events)

    def close(self) -> None:
        self.out.write(f"{self.events}\n")


def test_a_registered_exporter_is_found_by_its_format_name(scratch_registry: None) -> None:
    exporter("event-count")(EventCountExporter)
    out = io.StringIO()
    made = get_exporter("event-count")(out)
    made.write(Extraction(document=make_document("Nothing happened."), events=()))
    made.close()
    assert isinstance(made, EventCountExporter) and out.getvalue() == "0\n"


def test_the_examples_leave_nothing_registered() -> None:
    assert SIREN_STAGE not in registry.all_stages() and "event-count" not in registry.exporter_names()
