"""The event-word lexicon (data/triggers.json): families of words, each with its PLOVER event, kind
and modes, and the word lists that tell a conflict context from a quiet one. Read by the trigger
stage and by assembly."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources

from .lexicon import PhraseMatcher


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    kind: str
    plover: str
    modes: tuple[str, ...]
    pos: frozenset[str]


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    matcher: PhraseMatcher[tuple[Family, str]]
    conflict_words: frozenset[str]
    non_conflict_context: frozenset[str]
    # Protest words that name a protest only when a crowd of people does them ("workers gathered").
    crowd_subject_words: frozenset[str] = frozenset()
    # Words that make a body's discovery a killing ("gunshot wounds", "hands tied").
    violence_signs: tuple[str, ...] = ()
    # Words that give a gathering a grievance ("to demand", "against"); a picnic is not a protest.
    protest_purpose: tuple[str, ...] = ()
    families: tuple[Family, ...] = ()

    def family(self, name: str) -> Family:
        return next(f for f in self.families if f.name == name)


@lru_cache(maxsize=1)
def lexicon() -> TriggerLexicon:
    raw = json.loads(importlib_resources.files("sitrep.data").joinpath("triggers.json").read_text("utf-8"))
    entries = []
    families = []
    for name, spec in raw["families"].items():
        family = Family(
            name=name,
            kind=spec["kind"],
            plover=spec["plover"],
            modes=tuple(spec.get("modes", ())),
            pos=frozenset(spec.get("pos", ())),
        )
        families.append(family)
        for entry in spec["words"]:
            phrase, _, pos = entry.partition("/")
            fam = (
                family
                if not pos
                else Family(
                    name=family.name, kind=family.kind, plover=family.plover, modes=family.modes, pos=frozenset({pos})
                )
            )
            entries.append((_split(phrase), (fam, phrase)))
    return TriggerLexicon(
        matcher=PhraseMatcher(entries),
        conflict_words=frozenset(raw["conflict_words"]),
        non_conflict_context=frozenset(raw["non_conflict_context"]),
        crowd_subject_words=frozenset(raw.get("crowd_subject_words", ())),
        violence_signs=tuple(raw.get("violence_signs", ())),
        protest_purpose=tuple(raw.get("protest_purpose", ())),
        families=tuple(families),
    )


def _split(phrase: str) -> tuple[str, ...]:
    """Split a lexicon phrase the way spaCy tokenises it ("counter-attack" -> counter, -, attack)."""
    out: list[str] = []
    for word in phrase.lower().split():
        parts = word.split("-")
        for k, part in enumerate(parts):
            if k:
                out.append("-")
            if part:
                out.append(part)
    return tuple(out)
