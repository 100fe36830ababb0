"""Whether a text says a word of a list, the way assembly reads its word lists."""

from __future__ import annotations

import re
from functools import lru_cache


def words(text: str, vocab: frozenset[str]) -> bool:
    return vocabulary_pattern(vocab).search(text.lower()) is not None


@lru_cache(maxsize=32)
def vocabulary_pattern(vocab: frozenset[str]) -> re.Pattern[str]:
    """One pattern for a word list: a word of five letters or more also as the start of a longer word
    ("police" in "policemen"); a shorter one only alone or as a plural ("war", "wars", not "warned")."""
    ordered = sorted(vocab, key=len, reverse=True)
    long = "|".join(re.escape(w) for w in ordered if len(w) > 4)  # "police" covers "policemen"
    short = "|".join(re.escape(w) for w in ordered if len(w) <= 4)  # "war" must not cover "warned"
    parts = ([r"\b(?:" + long + ")"] if long else []) + ([r"\b(?:" + short + r")(?:s|es|'s)?\b"] if short else [])
    return re.compile("|".join(parts) or r"(?!)")
