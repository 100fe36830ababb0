from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import annotate

STAGE = ("triggers.lexicon.v1",)


def families(text: str, resources) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(m.text, m.value.family) for m in annotate(text, resources, STAGE).of("trigger")]


@pytest.mark.parametrize(
    ("text", "word", "family"),
    [
        ("Artillery shelled the village overnight.", "shelled", "shelling"),
        ("An air strike hit the market in the morning.", "air strike", "airstrike"),
        ("A roadside bomb exploded near the convoy.", "exploded", "explosion"),
        ("Gunmen abducted three aid workers.", "abducted", "abduct"),
        ("Hundreds of people protested outside parliament.", "protested", "protest"),
        ("Police arrested twelve activists.", "arrested", "arrest"),
        ("The two militias clashed near the river.", "clashed", "clash"),
        ("The ministry condemned the raid.", "condemned", "accuse"),
        ("The council appealed to the UN for help.", "appealed", "request"),
        ("Towns were bombed by warplanes.", "bombed", "bombard"),
    ],
)
def test_event_words_are_found_with_their_family(resources, text: str, word: str, family: str) -> None:
    assert (word, family) in families(text, resources)


def test_multiword_phrase_wins_over_its_first_word(resources) -> None:  # type: ignore[no-untyped-def]
    found = families("Workers went on a hunger strike on Monday.", resources)
    assert ("hunger strike", "protest") in found
    assert not any(f == "airstrike" for _, f in found)


def test_noun_bomb_is_an_explosion_and_verb_bomb_a_bombardment(resources) -> None:  # type: ignore[no-untyped-def]
    assert ("bomb", "explosion") in families("A bomb went off in the square.", resources)
    assert ("bombed", "bombard") in families("Jets bombed the town.", resources)


def test_ordinary_text_has_no_violent_event_words(resources) -> None:  # type: ignore[no-untyped-def]
    found = families("The bakery sold fresh bread and the weather was mild all week.", resources)
    assert found == []


@settings(max_examples=25, deadline=None)
@given(prefix=st.text(alphabet="abc XYZ,.", max_size=30), suffix=st.text(alphabet="abc XYZ,.", max_size=30))
def test_offsets_slice_back_to_the_text(resources, prefix: str, suffix: str) -> None:  # type: ignore[no-untyped-def]
    text = f"{prefix} Rebels attacked the base and shelled the town. {suffix}"
    annotated = annotate(text, resources, STAGE)
    assert annotated.of("trigger")
    for m in annotated.of("trigger"):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "word", "family"),
    [
        ("A shoot-out took place in the market district.", "shoot-out", "clash"),
        ("Two men threw a grenade at the checkpoint.", "threw", "attack"),  # the grenade frame reads the verb
        ("Farm workers held a sit-in outside the ministry.", "held a sit-in", "protest"),
        ("Taxi drivers drove in a motorcade to demand lower fuel prices.", "motorcade", "protest"),
        ("Residents blocked the road to demand clean water.", "blocked the road", "protest"),
        ("Hundreds of teachers gathered outside the ministry to demand their wages.", "gathered", "protest"),
        ("A man was found dead by the road. The body had gunshot wounds.", "found dead", "body"),
        ("Engineers carried out a controlled explosion of the device.", "controlled explosion", "disrupt"),
        ("The brigade brought reinforcements to the front line.", "reinforcements", "mobilize"),
    ],
)
def test_added_event_words(resources, text: str, word: str, family: str) -> None:  # type: ignore[no-untyped-def]
    assert (word, family) in families(text, resources)


@pytest.mark.parametrize(
    "text",
    [
        "The body of a missing swimmer was found on the beach after a long search.",
        "Employees gathered for the annual company picnic on Saturday.",
        "The minister demanded a report from the regulator.",
    ],
)
def test_context_gated_words_need_their_context(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [f for _, f in families(text, resources) if f in {"body", "protest"}]


@pytest.mark.parametrize(
    ("text", "family", "found"),
    [
        ("Two drones were downed near the border town.", "disrupt", True),
        ("Workers downed tools over unpaid wages.", "disrupt", False),
        ("Fifty fighters of the armed group surrendered to the army.", "pact", True),
        ("A robbery suspect surrendered to police.", "pact", False),
        ("Floods displaced thousands of families.", "other", False),
        ("Fighting between the army and rebels displaced hundreds of families.", "other", True),
        ("The mayor urged people to combat the spread of the virus.", "clash", False),
        ("The government released 40 rebel prisoners as part of the peace process.", "other", True),
        ("The hospital released the patient on Monday.", "other", False),
    ],
)
def test_context_gated_strategic_words(text: str, family: str, found: bool, resources) -> None:  # type: ignore[no-untyped-def]
    assert any(f == family for _, f in families(text, resources)) is found


def test_a_firing_range_is_no_fire_and_a_covered_protest_no_protest(resources) -> None:  # type: ignore[no-untyped-def]
    assert families("The new post puts the village within the firing range of the troops.", resources) == []
    assert ("protest", "protest") not in families(
        "A man attacked a journalist covering a protest in the square.", resources
    )
    assert ("protest", "protest") in families("Hundreds joined a protest in the square.", resources)


def test_new_positions_and_a_cessation_of_hostilities_are_events(resources) -> None:  # type: ignore[no-untyped-def]
    assert families("Troops installed new positions near the border.", resources) == [
        ("installed new positions", "mobilize")
    ]
    assert ("cessation of hostilities", "pact") in families(
        "The group declared a cessation of hostilities with the government.", resources
    )


def test_ordinary_people_blocking_a_road_protest_even_with_no_purpose_told(resources) -> None:  # type: ignore[no-untyped-def]
    found = families("In the town of Pueblo Nuevo, teachers blocked with three buses the federal highway.", resources)
    assert ("blocked", "protest") in found
    found = families("In the hills, residents of two hamlets blocked the roads into the valley.", resources)
    assert any(f == "protest" for _, f in found)
    assert not any(f == "protest" for _, f in families("Gunmen blocked the road and robbed the travellers.", resources))


def test_a_crowd_gathering_parsed_as_a_clause_on_its_noun_still_protests(resources) -> None:  # type: ignore[no-untyped-def]
    found = families("In Cuiaba, a group of nurses gathered in front of the hospital to demand masks.", resources)
    assert ("gathered", "protest") in found


def test_someone_wounding_someone_is_an_event_but_a_toll_is_not(resources) -> None:  # type: ignore[no-untyped-def]
    assert ("wounded", "attack") in families("Bandits wounded two herders near the well.", resources)
    assert ("injured", "attack") in families("Police injured five marchers with batons.", resources)
    assert not any(w == "wounded" for w, _ in families("Two herders were wounded near the well.", resources))
    assert not any(w == "wounded" for w, _ in families("The blast wounded two herders near the well.", resources))
    assert ("wounded", "attack") in families("A herder was wounded by soldiers near the well.", resources)
    assert not any(w == "wounded" for w, _ in families("A herder was wounded by shrapnel near the well.", resources))


def test_residents_closing_a_highway_protest_but_police_closing_a_road_do_not(resources) -> None:  # type: ignore[no-untyped-def]
    assert ("closed", "protest") in families("Villagers closed the highway to demand clean water.", resources)
    assert not any(f == "protest" for _, f in families("Police closed the road after the landslide.", resources))


def test_a_crowd_staging_a_blockade_protests(resources) -> None:  # type: ignore[no-untyped-def]
    found = families("Villagers staged a road blockade outside the district office.", resources)
    assert ("road blockade", "protest") in found


def test_every_frame_names_a_family_of_the_table() -> None:
    from sitrep.resolve.families import family_table
    from sitrep.stages.trigger_frames import FRAMES

    assert all(family_table().family(frame.family) for frame in FRAMES)


def test_every_word_a_rule_names_is_a_word_of_its_family() -> None:
    from sitrep.resolve.families import family_table
    from sitrep.resolve.keyed_words import KEYED_WORDS

    for keyed in KEYED_WORDS:
        words = family_table().family(keyed.family).words
        assert keyed.words <= words, keyed.rule
        assert all(any(w.startswith(p) for w in words) for p in keyed.prefixes), keyed.rule


def test_riot_police_are_no_riot_and_protestors_protest(resources) -> None:  # type: ignore[no-untyped-def]
    found = families("Riot police chased the protestors from the square.", resources)
    assert not any(f == "riot" for _, f in found)
    assert ("protestors", "protest") in found
    assert ("riot", "riot") in families("A riot broke out in the prison on Sunday.", resources)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("She wound up on a plane to the wrong city after a booking error.", "wound"),
        ("The road projects were executed by army engineers last year.", "executed"),
        ("His car went off the ramp and crashed into the trees.", "went off"),
        ("This was demonstrated by our decision to keep the embassy open.", "demonstrated"),
        ("The striker demonstrated why he is the best finisher in the league.", "demonstrated"),
        ("Both governments are ready to engage in a dialogue on trade.", "engage"),
        ("The parents withdrew the challenge after the latest tests.", "withdrew"),
    ],
)
def test_event_words_in_another_sense_are_not_event_words(resources, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert word not in [w for w, _ in families(text, resources)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("A roadside bomb went off near the market on Monday.", "went off"),
        ("Thousands demonstrated outside parliament against the new law.", "demonstrated"),
        ("The army withdrew its troops from the border town.", "withdrew"),
        ("Gunmen executed three villagers in the square.", "executed"),
    ],
)
def test_the_same_words_in_their_conflict_sense_stay(resources, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert word in [w for w, _ in families(text, resources)]


def test_the_craft_of_making_a_weapon_is_not_the_weapon_going_off(resources) -> None:  # type: ignore[no-untyped-def]
    found = families("Police found bomb-making equipment in a flat used by the cell.", resources)
    assert not any(word == "bomb" for word, _ in found)


def test_contraband_seized_is_not_looting(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Border officials say 80 kilograms of smuggled drugs and cigarettes have been seized."
    assert not any(family == "loot" for _, family in families(text, resources))
    assert any(family == "loot" for _, family in families("Rebels seized grain and fuel from the depot.", resources))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Several projectiles were thrown at officers outside the town hall during the march.", "projectiles"),
        ("Youths hurled petrol bombs and bottles at the riot police lines.", "bombs"),
        ("Rioters attacked the station with rocks and petrol bombs overnight.", "bombs"),
    ],
)
def test_missiles_thrown_by_hand_are_no_shelling_or_bomb(resources, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    found = families(text, resources)
    assert not any(w == word and f in {"shelling", "explosion", "bombard"} for w, f in found)


def test_projectiles_fired_and_bombs_planted_stay_remote_violence(resources) -> None:  # type: ignore[no-untyped-def]
    assert any(f == "shelling" for _, f in families("Rebels fired projectiles at the army base overnight.", resources))
    assert ("bomb", "explosion") in families("A bomb planted under a car went off in the market.", resources)


@pytest.mark.parametrize(
    "text",
    [
        "Police detained six opposition members before the minister's rally in the market town.",
        "Officers arrested dozens of students ahead of planned protests over fees.",
        "Extra police were sent to the city centre in anticipation of more demonstrations.",
        "Security forces rounded up party workers on the eve of the march.",
    ],
)
def test_a_gathering_the_act_came_before_is_not_held(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(f == "protest" for _, f in families(text, resources))


def test_a_gathering_held_before_another_still_counts(resources) -> None:  # type: ignore[no-untyped-def]
    found = families("Thousands marched through the capital before the rally at the stadium.", resources)
    assert ("marched", "protest") in found


@pytest.mark.parametrize(
    "text",
    [
        "Militants raided two farming villages overnight, leaving nine people dead, according to vigilantes.",
        "Soldiers and vigilantes burned dozens of homes in the valley, residents said.",
    ],
)
def test_vigilantes_quoted_or_beside_forces_are_no_mob_act(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(f == "mob" for _, f in families(text, resources))


def test_vigilantes_acting_on_their_own_are_a_mob_act(resources) -> None:  # type: ignore[no-untyped-def]
    found = families("Vigilantes beat a suspected cattle thief to death near the market.", resources)
    assert ("Vigilantes", "mob") in found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The new teaching materials helped to capture the pupils' interest.", "capture"),
        ("The whole brawl was captured on camera by a neighbour.", "captured"),
        ("A reward is offered to find those responsible for Ms Lowe's capture.", "capture"),
        ("The three inmates and their accomplice have been captured in the next county.", "captured"),
        ("Officers on patrol answered a call about a break-in on Mill Road.", "patrol"),
        ("The envoy praised the country's role in the fight against terrorism.", "fight"),
        ("A cyclist was struck by a truck at the junction on Monday.", "struck"),
    ],
)
def test_capture_patrol_fight_and_strike_in_other_senses(resources, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert word not in [w for w, _ in families(text, resources)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The army's capture of the town followed weeks of fighting.", "capture"),
        ("Rebels captured the border town on Monday.", "captured"),
        ("Gunmen attacked a police patrol near the market.", "attacked"),
        ("A passer-by was struck by a stray bullet during the clashes.", "struck"),
    ],
)
def test_capture_and_strike_in_their_conflict_sense_stay(resources, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert word in [w for w, _ in families(text, resources)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("She won the seat with 40,000 votes, beating her rival by a wide margin.", "beating"),
        ("Several broadcasters decided to withdraw their journalists from the briefings.", "withdraw"),
        (
            "The minister stressed the value of reinforcing and developing the friendship between the two nations.",
            "reinforcing",
        ),
    ],
)
def test_a_win_a_recall_and_a_friendship_are_no_events(resources, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert word not in [w for w, _ in families(text, resources)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Soldiers were beating a trader at the checkpoint on Monday.", "beating"),
        ("The army began to reinforce its positions along the border.", "reinforce"),
    ],
)
def test_a_beating_and_reinforced_positions_stay(resources, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert word in [w for w, _ in families(text, resources)]


def test_fighters_on_patrol_keep_their_patrol(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Two militants were wounded while on patrol by a landmine near the river."
    assert "patrol" in [w for w, _ in families(text, resources)]


@pytest.mark.parametrize(
    "text",
    [
        "Crews said 40,000 acres were burning north of the lake by Tuesday evening.",
        "Two barns were destroyed by the blaze before firefighters arrived.",
        "The wildfire burned through the valley overnight, officials said.",
        "Floods destroyed the bridge on the river road last week.",
    ],
)
def test_what_a_fire_or_a_flood_burns_or_destroys_is_no_property_destruction(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(family == "loot" for _, family in families(text, resources))


def test_people_burning_property_still_destroy_it(resources) -> None:  # type: ignore[no-untyped-def]
    found = families("Gunmen burned houses and a clinic in the village before dawn.", resources)
    assert any(family == "loot" for _, family in found)


def test_protest_leaders_and_looted_funds_are_no_events(resources) -> None:  # type: ignore[no-untyped-def]
    found = families("Police arrested three protest leaders at their homes on Friday.", resources)
    assert not [f for _, f in found if f == "protest"]
    assert not [f for _, f in families("Marchers demanded the return of looted funds.", resources) if f == "loot"]
    assert [f for _, f in families("Rioters looted shops in the city centre.", resources) if f == "loot"]
