"""Whole-word tests over plain text: one home for the three ways the rules ask whether a text says
something.

* :func:`matches` takes a regular-expression alternation (the event-typing word patterns) and finds
  it as whole words, in any case.
* :func:`has_any_word` takes plain words or phrases, escaped, and finds them whole, case as written.
* :func:`says_any` takes a vocabulary and also finds its longer words as the start of a longer word
  ("police" in "policemen") and its short ones with a plural ending ("wars", not "warned").

Each compiles its pattern once per word list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# Words of more than this many letters also match as the start of a longer word in says_any.
PREFIX_MIN_LETTERS = 5


@lru_cache(maxsize=256)
def whole_words(alternation: str, *, ignore_case: bool = True) -> re.Pattern[str]:
    """The compiled pattern finding any alternative of ``alternation`` (a regex) as whole words."""
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE if ignore_case else 0)


def matches(alternation: str, text: str) -> bool:
    """Whether any alternative of ``alternation`` (a regex) occurs as whole words in ``text``, in any case."""
    return whole_words(alternation).search(text) is not None


@lru_cache(maxsize=256)
def _escaped(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


def has_any_word(text: str, words: Iterable[str]) -> bool:
    """Whether any of ``words`` (plain words or phrases, not patterns) occurs whole in ``text``."""
    listed = tuple(words)
    if not listed:
        return False
    return whole_words(_escaped(listed), ignore_case=False).search(text) is not None


def says_any(text: str, vocab: frozenset[str]) -> bool:
    """Whether the lower-cased ``text`` says a word of ``vocab`` (see :func:`vocabulary_pattern`)."""
    return vocabulary_pattern(vocab).search(text.lower()) is not None


@lru_cache(maxsize=32)
def vocabulary_pattern(vocab: frozenset[str]) -> re.Pattern[str]:
    """One pattern for a word list: a word of five letters or more also as the start of a longer word
    ("police" in "policemen"); a shorter one only alone or as a plural ("war", "wars", not "warned")."""
    ordered = sorted(vocab, key=len, reverse=True)
    long = "|".join(re.escape(w) for w in ordered if len(w) >= PREFIX_MIN_LETTERS)
    short = "|".join(re.escape(w) for w in ordered if len(w) < PREFIX_MIN_LETTERS)
    parts = ([r"\b(?:" + long + ")"] if long else []) + ([r"\b(?:" + short + r")(?:s|es|'s)?\b"] if short else [])
    return re.compile("|".join(parts) or r"(?!)")
