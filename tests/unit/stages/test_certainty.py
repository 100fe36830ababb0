from __future__ import annotations

import pytest

from tests.helpers import annotate

STAGE = ("certainty.rules.v1",)


def marks_over(text: str, word: str, resources) -> set[str]:  # type: ignore[no-untyped-def]
    """The kinds of marks whose scope covers the first occurrence of ``word``."""
    at = text.index(word)
    annotated = annotate(text, resources, STAGE)
    return {m.value.kind for m in annotated.of("certainty") if m.value.scope_start <= at < m.value.scope_end}


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("Troops reportedly shelled the village.", "shelled", "hedge"),
        ("The army did not shell the village.", "shell", "negated"),
        ("The ministry denied that its forces shelled the village.", "shelled", "negated"),
        ("The rebels could attack the city next week.", "attack", "hypothetical"),
        ("If talks fail, the army would launch an offensive.", "offensive", "hypothetical"),
        ("The group threatened to bomb the bridge.", "bomb", "future"),
        ("The army will attack at dawn.", "attack", "future"),
        ("It was prepared with the apparent support of the regime.", "support", "hedge"),
        ("Three men were held for plotting to bomb the stadium.", "bomb", "future"),
        ("The cell was planning attacks on two churches.", "attacks", "future"),
        ("The militia is mobilising its members for attacking the port.", "attacking", "future"),
        ("The army sent more troops for the offensive in the east.", "offensive", "future"),
        ("Police say the planned assault on the prison was called off.", "assault", "future"),
        ("Units were waiting for the order to begin the assault.", "assault", "future"),
        ("Air defence crews are ready to repel an air raid during the drill.", "raid", "future"),
        ("Extra police were sent to the centre in anticipation of a march on Sunday.", "march", "future"),
        ("Both armies massed tanks in preparation for an offensive.", "offensive", "future"),
        ("Troops were reinforced with the aim of repelling an assault on the dam.", "assault", "future"),
        ("Extra checkpoints were set up to deter any attack during the vote.", "attack", "hypothetical"),
        ("He contemplated a hunger strike before he was allowed to leave.", "strike", "future"),
        ("The man admitted he had plotted to kill a police officer.", "kill", "future"),
        ("The cell plotted an attack on the town hall.", "attack", "future"),
        ("Informants were placed in mosques to try to prevent terrorist attacks.", "attacks", "future"),
    ],
)
def test_marks_cover_the_event_word(resources, text: str, word: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert kind in marks_over(text, word, resources)


def test_plain_statement_of_fact_has_no_marks(resources) -> None:  # type: ignore[no-untyped-def]
    assert marks_over("Troops shelled the village on Sunday.", "shelled", resources) == set()


def test_no_casualties_is_not_a_negated_event(resources) -> None:  # type: ignore[no-untyped-def]
    text = "The shelling hit the depot and no casualties were reported."
    assert "negated" not in marks_over(text, "shelling", resources)


def test_threat_itself_happened_only_its_content_is_future(resources) -> None:  # type: ignore[no-untyped-def]
    text = "The group threatened to bomb the bridge."
    assert "future" not in marks_over(text, "threatened", resources)


def test_arrested_for_an_attack_done_is_no_intent(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Two soldiers were arrested for attacking a police post."
    assert marks_over(text, "attacking", resources) == set()


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Soldiers prevented a foreign patrol from entering the town.", "patrol"),
        ("Government forces thwarted a rebel attack on the front, killing ten fighters.", "attack"),
        ("The militants carried out a planned attack on the barracks.", "attack"),
    ],
)
def test_what_was_stopped_or_carried_out_still_happened(resources, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert "future" not in marks_over(text, word, resources)
