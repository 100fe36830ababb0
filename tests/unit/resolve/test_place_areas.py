from __future__ import annotations

import pytest

from sitrep.resolve.place_areas import COMPASS, area_list, key_forms
from sitrep.resolve.place_names import skeleton


def test_area_list_parses_names_and_offsets() -> None:
    text = "Unrest was reported in Foo village (Bar District, Baz, Qux) at dawn."
    found = area_list(text, text.index(" village"))
    assert found is not None and found.names == ("Bar District", "Baz", "Qux")
    for name, start in zip(found.names, found.starts):
        assert text[start : start + len(name)] == name
    assert area_list("He spoke (briefly) there.", 8) is None
    assert area_list("Kabul, the capital", 5) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [("Ash Shaddadah", "Shadadah"), ("Al-Hasakeh", "Al Hasaka"), ("Kadıköy", "Kadikoy"), ("Qamishli", "Kamishly")],
)
def test_skeleton_matches_transliterations(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


def test_skeleton_keeps_different_names_apart() -> None:
    assert skeleton("Homs") != skeleton("Hama") and skeleton("Aden") != skeleton("Adan Yabal")


def test_compass_words_give_an_english_form() -> None:
    assert "north west" in key_forms("Nord-Ouest") and "south kivu" in key_forms("Sud-Kivu")
    assert set(COMPASS.values()) <= {"north", "south", "east", "west", "far", "centre"}
