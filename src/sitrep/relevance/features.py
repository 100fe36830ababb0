"""The words a relevance model sees: lower-cased, apostrophes and punctuation dropped, digits as "0".

Training text comes in several forms (BBC news lower-cased without punctuation, MUC-4 wire copy in
capitals, ordinary mixed case), so every text is brought to the barest common form before its words
and word pairs are counted.
"""

from __future__ import annotations

import re
from itertools import pairwise

_WORD = re.compile(r"[a-z]+|[0-9]+")
_APOSTROPHE = re.compile(r"['\u2019](?=[a-z])")


def words(text: str) -> list[str]:
    """The text's words in order: "Al-Shabaab's 12 fighters" -> ["al", "shabaab", "s", "0", "fighters"]."""
    lowered = _APOSTROPHE.sub(" ", text.lower())
    return ["0" if w[0].isdigit() else w for w in _WORD.findall(lowered)]


def features(text: str) -> frozenset[str]:
    """Each distinct word and pair of neighbouring words."""
    found = words(text)
    return frozenset([*found, *(f"{a} {b}" for a, b in pairwise(found))])
