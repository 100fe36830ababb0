"""The event-word lexicon (data/triggers.json): families of words, each with its PLOVER event, kind
and modes, and the word lists that tell a conflict context from a quiet one. Read by the trigger
stage and by assembly.

Loading it checks the family table (:mod:`.families`) and that every word a rule names
(:mod:`.keyed_words`, and the crowd-gated protest words) is among its family's words.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import BadFamilyTable
from .families import PACKAGED, FamilyTable, load_table, packaged_lexicon
from .keyed_words import KEYED_WORDS, KeyedWords
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
        found = next((f for f in self.families if f.name == name), None)
        if found is None:
            raise BadFamilyTable(f"no event family '{name}' in the lexicon")
        return found


@lru_cache(maxsize=1)
def lexicon() -> TriggerLexicon:
    return load_lexicon(packaged_lexicon())


def read_lexicon(path: Path) -> TriggerLexicon:
    """A lexicon from another file laid out like data/triggers.json, checked the same way."""
    return load_lexicon(json.loads(path.read_text("utf-8")), source=str(path))


def load_lexicon(raw: Mapping[str, Any], *, source: str = PACKAGED) -> TriggerLexicon:
    table = load_table(raw["families"], source=source)
    crowd_words = frozenset(raw.get("crowd_subject_words", ()))
    _check_keyed(
        table,
        (*KEYED_WORDS, KeyedWords(family="protest", words=crowd_words, rule="crowd_subject_words")),
        source,
    )
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
        crowd_subject_words=crowd_words,
        violence_signs=tuple(raw.get("violence_signs", ())),
        protest_purpose=tuple(raw.get("protest_purpose", ())),
        families=tuple(families),
    )


def _check_keyed(table: FamilyTable, keyed: tuple[KeyedWords, ...], source: str) -> None:
    """Every word a rule names must be among its family's words, and every prefix must begin one."""
    for key in keyed:
        if key.family not in table.by_name:
            raise BadFamilyTable(
                f"a rule ({key.rule}) names family '{key.family}', which is not in the table", source=source
            )
        words = table.by_name[key.family].words
        missing = sorted(key.words - words) + [
            p + "..." for p in key.prefixes if not any(w.startswith(p) for w in words)
        ]
        if missing:
            raise BadFamilyTable(
                f"a rule ({key.rule}) names {', '.join(repr(m) for m in missing)}, not among the words of family "
                f"'{key.family}': rename the word in the rule (resolve/keyed_words.py) too, or keep the word",
                source=source,
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
