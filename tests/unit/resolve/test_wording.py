from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from sitrep.resolve.wording import has_any_word, matches, says_any

WORDS = st.lists(st.sampled_from(["war", "police", "road block", "al-Bab", "a.m.", "(IED)", "shot"]), max_size=4)
TEXTS = st.lists(
    st.sampled_from(
        [
            "war",
            "wars",
            "warned",
            "police",
            "policemen",
            "road block",
            "al-Bab",
            "a.m.",
            "(IED)",
            "shot",
            "shots",
            ",",
            " ",
            "x",
        ]
    ),
    max_size=8,
).map(" ".join)


@given(TEXTS, WORDS)
def test_one_pattern_finds_what_a_search_per_word_finds(text: str, words: list[str]) -> None:
    assert has_any_word(text, words) == any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


def test_plain_words_keep_their_case_and_need_their_whole() -> None:
    assert has_any_word("the war ended", ("war",)) and not has_any_word("the warden", ("war",))
    assert not has_any_word("The War", ("war",)) and not has_any_word("anything", ())


def test_patterns_match_whole_words_in_any_case() -> None:
    assert matches(r"shell(?:ed|ing)?", "Troops SHELLED the town") and not matches(r"shell", "a shellfish")


def test_a_vocabulary_reads_long_words_as_stems_and_short_ones_with_plurals() -> None:
    vocab = frozenset({"police", "war"})
    assert says_any("Policemen arrived", vocab) and says_any("two wars", vocab)
    assert not says_any("he warned them", vocab)
