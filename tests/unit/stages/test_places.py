from __future__ import annotations

from sitrep.model import Document, Place
from sitrep.registry import get_stage


def test_stage_registered() -> None:
    spec = get_stage("places.gazetteer.v1")
    assert spec.requires == () and spec.assigns == ("place", "note")


def test_stage_mentions(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijani forces shelled Stepanakert and villages near Martuni, officials in Yerevan said."
    spec = get_stage("places.gazetteer.v1")
    from sitrep.annotated import Annotated

    doc = resources.nlp(text)
    annotated = Annotated(document=Document(id="t", text=text), doc=doc, resources=resources)
    found = spec.fn(annotated)
    assert found
    for m in found:
        assert m.kind == "place" and isinstance(m.value, Place) and m.stage == "places.gazetteer.v1"
        assert text[m.start : m.end] == m.text and 0 < m.score <= 1
    assert {"Stepanakert", "Yerevan"} <= {m.text for m in found}


def test_unknown_name_does_not_empty_result(resources) -> None:  # type: ignore[no-untyped-def]
    from sitrep.annotated import Annotated

    text = "Fighters attacked Qwxzyville and then Mosul."
    doc = resources.nlp(text)
    annotated = Annotated(document=Document(id="t", text=text), doc=doc, resources=resources)
    assert [m.text for m in get_stage("places.gazetteer.v1").fn(annotated)] == ["Mosul"]


def test_a_named_group_evokes_its_country_for_ambiguous_places(resources) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers import annotate

    found = annotate("Hezbollah supporters rallied in Tripoli on Friday.", resources, ("places.gazetteer.v1",)).of(
        "place"
    )
    tripoli = [m.value for m in found if m.text == "Tripoli"]
    assert tripoli and tripoli[0].country == "LBN"


def test_a_long_proper_noun_run_leaves_a_note_and_places_beside_it_are_read(resources) -> None:  # type: ignore[no-untyped-def]
    from sitrep.annotated import Annotated
    from sitrep.resolve.place_spans import MAX_PLACE_TOKENS

    names = " ".join(f"Zq{chr(97 + i % 26)}{chr(97 + i // 26)}x" for i in range(MAX_PLACE_TOKENS * 3))
    text = f"{names}. Fighters attacked Mosul on Monday."
    doc = resources.nlp(text)
    annotated = Annotated(document=Document(id="t", text=text), doc=doc, resources=resources)
    found = get_stage("places.gazetteer.v1").fn(annotated)
    notes = [m for m in found if m.kind == "note"]
    assert len(notes) == 1 and f"up to {MAX_PLACE_TOKENS} tokens" in notes[0].value
    assert text[notes[0].start : notes[0].end] == notes[0].text
    assert "Mosul" in {m.text for m in found if m.kind == "place"}
