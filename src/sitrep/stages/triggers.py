"""Event words ("shelled", "air strike", "condemns", "appeals to") from the trigger lexicon."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import TYPE_CHECKING

from ..model import Mention, Trigger
from ..registry import stage
from ..resolve.lexicon import PhraseMatcher

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..pipeline import Annotated

NAME = "triggers.lexicon.v1"


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


@lru_cache(maxsize=1)
def lexicon() -> TriggerLexicon:
    raw = json.loads(importlib_resources.files("sitrep.data").joinpath("triggers.json").read_text("utf-8"))
    entries = []
    for name, spec in raw["families"].items():
        family = Family(
            name=name,
            kind=spec["kind"],
            plover=spec["plover"],
            modes=tuple(spec.get("modes", ())),
            pos=frozenset(spec.get("pos", ())),
        )
        for entry in spec["words"]:
            phrase, _, pos = entry.partition("/")
            fam = family if not pos else Family(
                name=family.name, kind=family.kind, plover=family.plover, modes=family.modes, pos=frozenset({pos})
            )
            entries.append((_split(phrase), (fam, phrase)))
    return TriggerLexicon(
        matcher=PhraseMatcher(entries),
        conflict_words=frozenset(raw["conflict_words"]),
        non_conflict_context=frozenset(raw["non_conflict_context"]),
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


def _accept(doc: Doc, start: int, end: int, payload: tuple[Family, str]) -> bool:
    family, _ = payload
    if end - start == 1:
        token = doc[start]
        if token.pos_ not in family.pos:
            return False
        if token.ent_type_ in {"PERSON", "ORG", "GPE", "DATE", "CARDINAL"} and token.pos_ == "PROPN":
            return False
    return True


@stage(NAME, requires=(), assigns=("trigger",))
def find(annotated: Annotated) -> tuple[Mention, ...]:
    """Every event word in the text, typed by its family's defaults (refined at assembly)."""
    doc = annotated.doc
    found = []
    for hit in lexicon().matcher.find(doc, accept=_accept):
        family, phrase = hit.payload
        span = doc[hit.start : hit.end]
        head = span.root
        found.append(
            Mention(
                kind="trigger",
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                value=Trigger(lemma=phrase, family=family.name, kind=family.kind, plover=family.plover, modes=family.modes),
                stage=NAME,
                score=0.9 if head.pos_ == "VERB" else 0.8,
            )
        )
    return tuple(found)
