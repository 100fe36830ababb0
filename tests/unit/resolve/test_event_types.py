from __future__ import annotations

from sitrep.model import Actor, Evidence, Trigger, Weapon
from sitrep.resolve.event_types import classify

EV = Evidence(start=0, end=1, text="x", stage="test")


def actor(name: str, sector: str, inter: int | None) -> Actor:
    return Actor(name=name, country="SYR", sector=sector, acled_name=None, inter=inter, evidence=EV)


def trig(family: str, kind: str = "violent", plover: str = "ASSAULT") -> Trigger:
    return Trigger(lemma=family, family=family, kind=kind, plover=plover)


def weapon(name: str, mode: str) -> Weapon:
    return Weapon(name=name, mode=mode, evidence=EV)


def typed(t: Trigger, **kw):  # type: ignore[no-untyped-def]
    args = dict(weapons=(), actors=(), recipients=(), sentence="", killed=False)
    args.update(kw)
    return classify(t, **args)


def test_shelling_is_remote_violence() -> None:
    out = typed(trig("shelling"))
    assert (out.acled_type, out.acled_subtype) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_generic_attack_with_drones_is_an_air_or_drone_strike() -> None:
    out = typed(trig("attack"), weapons=(weapon("drone", "drone"),))
    assert out.acled_subtype == "Air/drone strike"
    assert "drone" in out.modes


def test_attack_with_ied_is_remote_explosive() -> None:
    out = typed(trig("attack"), weapons=(weapon("ied", "explosives"),))
    assert out.acled_subtype == "Remote explosive/landmine/IED"


def test_two_armed_sides_fight_a_battle() -> None:
    out = typed(trig("attack"), actors=(actor("Army", "MIL", 1),), recipients=(actor("Rebels", "REB", 2),))
    assert (out.acled_type, out.acled_subtype) == ("Battles", "Armed clash")


def test_gunmen_against_villagers_is_violence_against_civilians() -> None:
    out = typed(trig("attack"), actors=(actor("Gunmen", "UAF", 3),), recipients=(actor("Villagers", "CVL", 7),))
    assert (out.acled_type, out.acled_subtype) == ("Violence against civilians", "Attack")


def test_protest_subtypes_follow_the_force_used() -> None:
    assert typed(trig("protest", "material", "PROTEST"), sentence="People marched peacefully.").acled_subtype == "Peaceful protest"
    assert (
        typed(trig("protest", "material", "PROTEST"), sentence="Police fired tear gas to disperse them.").acled_subtype
        == "Protest with intervention"
    )
    assert (
        typed(trig("protest", "material", "PROTEST"), sentence="Security forces used live ammunition.").acled_subtype
        == "Excessive force against protesters"
    )
    assert typed(trig("protest", "material", "PROTEST"), sentence="Protesters threw stones at police.").acled_type == "Riots"


def test_verbal_events_have_no_acled_type() -> None:
    out = typed(trig("accuse", "verbal", "ACCUSE"))
    assert out.acled_type is None and out.kind == "verbal"


def test_capture_by_government_versus_by_rebels() -> None:
    assert typed(trig("capture"), actors=(actor("Army", "MIL", 1),)).acled_subtype == "Government regains territory"
    assert typed(trig("capture"), actors=(actor("Rebels", "REB", 2),)).acled_subtype == "Non-state actor overtakes territory"
