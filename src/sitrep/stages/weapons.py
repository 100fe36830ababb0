"""Weapons named in the text ("heavy artillery", "drones", "an IED"), from sitrep's weapon lexicon.

Each hit becomes a :class:`~sitrep.model.Weapon` with a normalised name and its PLOVER ASSAULT mode
(the lexicon is ``data/weapons.json``). Matching compares each token's lower-case form and lemma, so
plurals ("tanks", "missiles") match; the longest phrase wins ("car bomb" over "bomb").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import TYPE_CHECKING

from ..model import Mention, Weapon
from ..registry import stage
from ..resolve.lexicon import PhraseMatcher

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..pipeline import Annotated

NAME = "weapons.lexicon.v1"


@dataclass(frozen=True, slots=True)
class WeaponEntry:
    name: str
    mode: str
    phrase: str
    pos: str | None  # a one-word phrase may be restricted to one part of speech


def split_phrase(phrase: str) -> tuple[str, ...]:
    """Split a lexicon phrase the way spaCy tokenises it ("ak-47" -> ak, -, 47)."""
    out: list[str] = []
    for word in phrase.lower().split():
        for k, part in enumerate(word.split("-")):
            if k:
                out.append("-")
            if part:
                out.append(part)
    return tuple(out)


@lru_cache(maxsize=1)
def lexicon() -> PhraseMatcher[WeaponEntry]:
    raw = json.loads(importlib_resources.files("sitrep.data").joinpath("weapons.json").read_text("utf-8"))
    entries = []
    for spec in raw["weapons"]:
        for item in spec["phrases"]:
            phrase, _, pos = item.partition("/")
            entry = WeaponEntry(name=spec["name"], mode=spec["mode"], phrase=phrase, pos=pos or None)
            entries.append((split_phrase(phrase), entry))
            if "-" in phrase:  # spaCy keeps some hyphenated words whole ("AK-47")
                entries.append((tuple(phrase.lower().split()), entry))
    return PhraseMatcher(entries)


def _accept(doc: Doc, start: int, end: int, entry: WeaponEntry) -> bool:
    if entry.pos is not None and end - start == 1 and doc[start].pos_ != entry.pos:
        return False
    # A proper name that happens to be a weapon word ("Grad" as a surname is rare; "Tank" as a place).
    if end - start == 1 and doc[start].ent_type_ in {"PERSON", "GPE", "ORG"} and entry.phrase not in {"grad", "iskander", "tochka", "scud", "bayraktar", "kalashnikov", "smerch", "uragan", "katyusha"}:
        return False
    return True


@stage(NAME, requires=(), assigns=("weapon",))
def find(annotated: Annotated) -> tuple[Mention, ...]:
    """Every weapon phrase in the text with its normalised name and PLOVER mode."""
    doc = annotated.doc
    found = []
    for hit in lexicon().find(doc, accept=_accept):
        entry = hit.payload
        span = doc[hit.start : hit.end]
        mention = Mention(kind="weapon", start=span.start_char, end=span.end_char, text=span.text,
                          value=None, stage=NAME, score=0.9 if hit.end - hit.start > 1 else 0.8)
        weapon = Weapon(name=entry.name, mode=entry.mode, evidence=mention.evidence())
        found.append(Mention(kind="weapon", start=mention.start, end=mention.end, text=mention.text,
                             value=weapon, stage=NAME, score=mention.score))
    return tuple(found)
