"""A stretch of text that may name a place, before any reading of it is chosen."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SpanCandidate:
    start: int  # character offsets
    end: int
    label: str  # spaCy entity label, "PROPN" for a proper-noun run, "PHRASE" for supplement phrases
    tokens: int
    facility: bool = False  # the first words of a building's or institution's name ("Rogers Centre")
