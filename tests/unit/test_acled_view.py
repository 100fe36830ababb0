from __future__ import annotations

import datetime as dt

import pytest

from sitrep.acled_view import primary_event
from sitrep.ingest.documents import make_document


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    from sitrep.pipeline import Pipeline

    return Pipeline()


def _primary(pipeline, text: str):  # type: ignore[no-untyped-def]
    doc = make_document(text, published=dt.date(2021, 3, 2), source="test")
    return primary_event(next(iter(pipeline.pipe([doc]))))


def test_dispersal_in_the_next_sentence_makes_a_protest_with_intervention(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _primary(
        pipeline, "On 1 March 2021, nurses protested in Lagos over unpaid wages. Police dispersed them with tear gas."
    )
    assert event is not None
    assert (event.acled_type, event.acled_subtype) == ("Protests", "Protest with intervention")
    assert any("after the protest" in r for r in event.reasons)


def test_a_protest_told_alone_stays_peaceful(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _primary(
        pipeline, "On 1 March 2021, nurses protested in Lagos over unpaid wages. They plan another march next week."
    )
    assert event is not None
    assert event.acled_subtype == "Peaceful protest"


def test_a_detention_in_the_grievance_is_not_an_intervention(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _primary(
        pipeline,
        "On 1 March 2021, students protested in Accra. They demanded the release of classmates detained last week.",
    )
    assert event is not None
    assert event.acled_subtype == "Peaceful protest"


def test_told_as_response_reads_who_acted() -> None:
    from sitrep.acled_view import told_as_response
    from sitrep.resolve.event_words import INTERVENTION

    assert told_as_response(INTERVENTION, "The police detained five protesters.")
    assert not told_as_response(INTERVENTION, "Protesters carried photos of the detained director.")


def test_a_leftover_landmine_going_off_is_strategic_other(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _primary(
        pipeline,
        "On 1 March 2021, a landmine left over from the war exploded in a field near Kampot, injuring a farmer.",
    )
    assert event is not None
    assert (event.acled_type, event.acled_subtype) == ("Strategic developments", "Other")


def test_protesters_attacked_and_hospitalised_is_excessive_force(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _primary(
        pipeline,
        "On 1 March 2021, teachers protested in Lagos over unpaid wages. "
        "Unknown men attacked the protesters and four were hospitalised.",
    )
    assert event is not None
    assert event.acled_subtype == "Excessive force against protesters"


def test_the_arrest_behind_the_protest_told_again_is_no_intervention(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _primary(
        pipeline,
        "On 1 March 2021, reporters protested in Quetta against the arrest of their editor. "
        "She was detained over a fraud case.",
    )
    assert event is not None and event.acled_subtype == "Peaceful protest"


def test_clashes_with_the_police_make_a_violent_demonstration(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _primary(
        pipeline,
        "On 1 March 2021, thousands marched in Tbilisi against the new law. "
        "Clashes broke out between demonstrators and riot police near parliament.",
    )
    assert event is not None and (event.acled_type, event.acled_subtype) == ("Riots", "Violent demonstration")
    same = _primary(
        pipeline, "On 1 March 2021, workers protested in Gyumri and clashed with the police over the closure."
    )
    assert same is not None and same.acled_subtype == "Violent demonstration"


def test_things_burnt_after_a_protest_make_it_a_riot_even_when_force_followed() -> None:
    import datetime as dt

    import sitrep
    from sitrep.acled_view import primary_event

    x = sitrep.extract(
        "Inmates of the central prison in Kindu protested on Monday over the suspension of family visits. "
        "Mattresses were burnt and guards fired live rounds, killing two inmates.",
        published=dt.date(2023, 6, 14),
    )
    e = primary_event(x)
    assert e is not None and (e.acled_type, e.acled_subtype) == ("Riots", "Violent demonstration")


def test_an_effigy_burnt_at_a_protest_keeps_it_peaceful() -> None:
    import datetime as dt

    import sitrep
    from sitrep.acled_view import primary_event

    x = sitrep.extract(
        "Hundreds of traders marched through Kindu on Monday and burnt an effigy of the governor.",
        published=dt.date(2023, 6, 14),
    )
    e = primary_event(x)
    assert e is not None and e.acled_subtype == "Peaceful protest"


def test_violence_retold_in_a_relative_clause_after_the_protest_keeps_it_peaceful(pipeline) -> None:  # type: ignore[no-untyped-def]
    e = _primary(
        pipeline,
        "On 31 August, ten people held a protest in front of the embassy in Yerevan. The demonstrators "
        "called for the protection of the villagers, who attacked a group of activists on 3 August.",
    )
    assert (e.acled_type, e.acled_subtype) == ("Protests", "Peaceful protest")
    e = _primary(
        pipeline,
        "On 31 August, ten people held a protest in front of the embassy in Yerevan. The demonstrators "
        "then attacked the guards at the gate.",
    )
    assert e.acled_type == "Riots"


def test_clashes_in_the_grievance_do_not_make_a_protest_violent(pipeline) -> None:  # type: ignore[no-untyped-def]
    e = _primary(
        pipeline,
        "On 18 July, residents of the village blocked the road and demanded to free the demonstrators "
        "who had been arrested after the clashes with the police.",
    )
    assert (e.acled_type, e.acled_subtype) == ("Protests", "Peaceful protest")


def test_protesters_shot_at_or_killed_after_a_protest_suffer_excessive_force(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On 3 March 2021, residents held a protest in Barinas to demand power cuts end. "
        "Soldiers then began to shoot at the protesters' homes."
    )
    event = primary_event(pipeline(make_document(text, published=dt.date(2021, 3, 3))))
    assert event is not None and event.acled_subtype == "Excessive force against protesters"
    text = (
        "On 3 March 2021, residents held a protest in Barinas to demand power cuts end. "
        "Police fired at the protesters with rubber bullets."
    )
    event = primary_event(pipeline(make_document(text, published=dt.date(2021, 3, 3))))
    assert event is not None and event.acled_subtype == "Protest with intervention"


def test_a_protest_marred_by_violence_after_it_is_a_riot(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _primary(
        pipeline,
        "On 1 March 2021, dock workers marched in Mombasa over unpaid wages. "
        "The march was marred by violence near the port gate.",
    )
    assert event is not None and event.acled_subtype == "Violent demonstration"


def test_force_told_as_brutal_after_a_protest_is_excessive(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _primary(
        pipeline,
        "On 1 March 2021, dock workers marched in Mombasa over unpaid wages. "
        "Police violently dispersed them with batons.",
    )
    assert event is not None and event.acled_subtype == "Excessive force against protesters"


def test_ground_taken_in_the_lead_outranks_the_fighting(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _primary(
        pipeline,
        "On 1 March 2021, rebel fighters clashed with the army near Gao and captured the town after hours of fighting.",
    )
    assert event is not None
    assert event.acled_subtype == "Non-state actor overtakes territory"


def test_ground_taken_after_the_holders_left_is_a_peaceful_transfer(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _primary(
        pipeline, "On 1 March 2021, militants recaptured the town of Gao after government troops pulled out of it."
    )
    assert event is not None
    assert event.acled_subtype == "Non-violent transfer of territory"


def test_a_base_set_up_is_a_headquarters_established(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _primary(pipeline, "On 1 March 2021, the army set up a new observation post near the town of Gao.")
    assert event is not None
    assert event.acled_subtype == "Headquarters or base established"


def test_two_armed_sides_agreeing_a_truce_is_an_agreement(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _primary(pipeline, "On 1 March 2021, the army and the rebels agreed a 72-hour ceasefire around Gao.")
    assert event is not None
    assert event.acled_subtype == "Agreement"
