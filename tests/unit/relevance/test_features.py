"""features.py: every form of a text (capitals, apostrophes, lower case without punctuation) gives the same words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sitrep.relevance.features import features, words


def test_forms_of_one_text_give_the_same_words() -> None:
    assert words("Al-Shabaab's 12 FIGHTERS attacked") == ["al", "shabaab", "s", "0", "fighters", "attacked"]
    assert words("al shabaab s 12 fighters attacked") == words("AL-SHABAAB'S 12 FIGHTERS ATTACKED")


def test_features_are_words_and_neighbouring_pairs() -> None:
    assert features("Gunmen attacked a bus") == frozenset(
        {"gunmen", "attacked", "a", "bus", "gunmen attacked", "attacked a", "a bus"}
    )
    assert features("") == frozenset()


@given(st.text(max_size=300))
def test_any_text_gives_lower_case_words(text: str) -> None:
    for word in words(text):
        assert word == "0" or (word.isascii() and word.isalpha() and word.islower())
