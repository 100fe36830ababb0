"""Weapons named in the text ("heavy artillery", "drones", "an IED"), from sitrep's weapon lexicon.

Each hit becomes a :class:`~sitrep.model.Weapon` with a normalised name and its PLOVER ASSAULT mode
(the lexicon is ``data/weapons.json``). Matching compares each token's lower-case form and lemma, so
plurals ("tanks", "missiles") match; the longest phrase wins ("car bomb" over "bomb").

Each lexicon phrase also has a kind: a weapon, a platform that carries weapons (tank, aircraft,
drone, warship), or a *use* — a word for firing or the one who fires ("shelling", "gunmen") that
tells the mode without naming a weapon. The kind does not change what this stage emits; it lets
an evaluation tell weapon names from the rest (:func:`kind_at`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..model import Mention, Weapon
from ..registry import stage
from ..resolve.lexicon import PhraseMatcher
from ..resolve.syntax_cues import bomber_stopped

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..annotated import Annotated

NAME = "weapons.lexicon.v1"
WEAPON = "weapon"
PLATFORM = "platform"
USE = "use"
KINDS = (WEAPON, PLATFORM)
# spaCy labels that make a single word a proper name rather than a weapon ("Tank" the place).
NAME_LABELS = frozenset({"PERSON", "GPE", "ORG"})
# A bare "strike" is an attack when it acts (subject) or is carried out (object) with one of these.
STRIKE_SUBJECT_VERBS = frozenset("destroy engage hit kill target damage wound strike suppress flatten level".split())
STRIKE_OBJECT_VERBS = frozenset("conduct launch carry order authorize authorise call deliver".split())
# ... and not when one of these says it is a labour or protest strike.
# Words of a ship's name after its prefix ("USS Carl Vinson") at most.
MAX_SHIP_NAME = 3
STRIKE_NOT = frozenset("hunger general labour labor worker workers union rail teacher teachers sit-down".split())


@dataclass(frozen=True, slots=True)
class WeaponEntry:
    name: str
    mode: str
    kind: str  # WEAPON, PLATFORM or USE
    phrase: str
    pos: str | None  # a one-word phrase may be restricted to one part of speech
    proper: bool = False  # a system's proper name: kept even when spaCy tags it as an entity
    in_context: bool = False  # counts only where the parse shows a military action


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


def _specs() -> list[dict[str, Any]]:
    raw = json.loads(importlib_resources.files("sitrep.data").joinpath("weapons.json").read_text("utf-8"))
    return list(raw["weapons"])


@lru_cache(maxsize=1)
def kinds() -> Mapping[str, str]:
    """Normalised weapon name -> kind ("weapon" or "platform")."""
    out: dict[str, str] = {}
    for spec in _specs():
        kind = spec.get("kind", WEAPON)
        if kind not in KINDS or out.get(spec["name"], kind) != kind:
            raise ValueError(f"weapons.json: bad or conflicting kind {kind!r} for {spec['name']!r}")
        out[spec["name"]] = kind
    return MappingProxyType(out)


def kind_of(name: str) -> str:
    """Whether a normalised weapon name is a weapon or a platform (an unknown name is a weapon)."""
    return kinds().get(name, WEAPON)


@lru_cache(maxsize=1)
def lexicon() -> PhraseMatcher[WeaponEntry]:
    entries = []
    for spec in _specs():
        proper = frozenset(spec.get("names", ()))
        in_context = frozenset(spec.get("in_context", ()))
        items = [(item, spec.get("kind", WEAPON)) for item in spec["phrases"]] + [
            (item, USE) for item in spec.get("uses", ())
        ]
        for item, kind in items:
            phrase, _, pos = item.partition("/")
            entry = WeaponEntry(
                name=spec["name"],
                mode=spec["mode"],
                kind=kind,
                phrase=phrase,
                pos=pos or None,
                proper=phrase in proper,
                in_context=item in in_context,
            )
            for variant in _variants(phrase, entry.proper):
                entries.append((split_phrase(variant), entry))
                if "-" in variant:  # spaCy keeps some hyphenated words whole ("AK-47")
                    entries.append((tuple(variant.lower().split()), entry))
    return PhraseMatcher(entries)


def _variants(phrase: str, proper: bool) -> tuple[str, ...]:
    """The phrase, and for a system's name or designation its plural too ("F-16s", "Kalashnikovs"):
    spaCy does not lemmatise the plural of a proper noun."""
    if proper or any(ch.isdigit() for ch in phrase):
        return (phrase, phrase + "s")
    return (phrase,)


@lru_cache(maxsize=1)
def ship_prefixes() -> Mapping[str, WeaponEntry]:
    """Navy ship prefixes ("USS", "HMS") -> the entry a ship named with one stands for."""
    out: dict[str, WeaponEntry] = {}
    for spec in _specs():
        for prefix in spec.get("prefixes", ()):
            out[prefix] = WeaponEntry(
                name=spec["name"],
                mode=spec["mode"],
                kind=spec.get("kind", WEAPON),
                phrase=prefix,
                pos=None,
                proper=True,
            )
    return MappingProxyType(out)


def named_ships(doc: Doc, taken: frozenset[int] = frozenset()) -> list[tuple[int, int, WeaponEntry]]:
    """Ships named with a navy prefix and a proper name ("USS Mahan", "HMS Ocean"): token spans and entry."""
    prefixes = ship_prefixes()
    out = []
    for i, token in enumerate(doc):
        entry = prefixes.get(token.text)  # case-sensitive: "uss" and "Fs" are not prefixes
        if entry is None or i in taken:
            continue
        end = i + 1
        while (
            end < len(doc)
            and end - i <= MAX_SHIP_NAME
            and end not in taken
            and doc[end].pos_ == "PROPN"
            and doc[end].text[:1].isupper()
        ):
            end += 1
        if end > i + 1:
            out.append((i, end, entry))
    return out


def _military_strike(token: Token) -> bool:
    """'15 strikes destroyed ...', 'conducted 34 strikes', 'the strikes were conducted' — not 'a general strike'."""
    if any(c.lower_ in STRIKE_NOT or c.lemma_.lower() in STRIKE_NOT for c in token.children):
        return False
    head = token.head.lemma_.lower()
    if token.dep_ == "nsubj":
        return head in STRIKE_SUBJECT_VERBS
    if token.dep_ == "nsubjpass":
        return head in STRIKE_OBJECT_VERBS or head in STRIKE_SUBJECT_VERBS
    if token.dep_ == "dobj":
        return head in STRIKE_OBJECT_VERBS
    return False


def _accept(doc: Doc | Span, start: int, end: int, entry: WeaponEntry) -> bool:
    first = doc[start]
    if entry.pos is not None and end - start == 1 and first.pos_ != entry.pos:
        return False
    if entry.in_context and not _military_strike(doc[end - 1]):
        return False
    if entry.mode == "suicide-attack" and entry.kind == USE and bomber_stopped(doc[start:end].root):
        return False  # "forces killed two suicide bombers": stopped, no bomb went off
    if entry.phrase == "bomber" and start > 0 and doc[start - 1].lower_ in {"suicide", "would-be", "bomber", "-"}:
        return False  # a suicide bomber is a person, not an aircraft
    if entry.phrase == "bomber" and "suicide bomber" in doc[start:end].doc.text[: doc[start].idx].lower():
        return False  # "the bomber refused to stop": the suicide bomber told of before
    # A title-case word the parser calls a name is a name ("Tank" the place, "Mortar" a surname);
    # an upper-case acronym ("VBIED", "UAV") and a system's own name ("Grad", "Scud") stay weapons.
    if end - start == 1 and first.ent_type_ in NAME_LABELS and not entry.proper and not first.text.isupper():
        return False
    # After another proper noun, a lone system's name is part of a longer name ("Stari Grad").
    if end - start == 1 and entry.proper and first.i > 0:
        before = first.doc[first.i - 1]
        if before.pos_ == "PROPN" and before.text[:1].isupper() and not before.is_sent_start:
            return False
    return True


def kind_at(doc: Doc, start: int, end: int) -> str | None:
    """The kind of the weapon phrase at characters ``start``..``end`` (a mention of this stage).

    A single word used as a verb ("shelled", "bombarding") is a use, whatever its entry says.
    None when no lexicon phrase starts there.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    hits = lexicon().find(span, accept=_accept)
    if not hits:
        return None
    if len(span) == 1 and span[0].pos_ in {"VERB", "AUX"}:
        return USE
    return hits[0].payload.kind


@stage(NAME, requires=(), assigns=("weapon",))
def find(annotated: Annotated) -> tuple[Mention, ...]:
    """Every weapon phrase in the text with its normalised name and PLOVER mode."""
    doc = annotated.doc
    found = []
    hits = [(h.start, h.end, h.payload) for h in lexicon().find(doc, accept=_accept)]
    taken = frozenset(i for start, end, _ in hits for i in range(start, end))
    for start, end, entry in sorted(hits + named_ships(doc, taken), key=lambda h: h[0]):
        span = doc[start:end]
        mention = Mention(
            kind="weapon",
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            value=None,
            stage=NAME,
            score=0.9 if end - start > 1 else 0.8,
        )
        weapon = Weapon(name=entry.name, mode=entry.mode, evidence=mention.evidence())
        found.append(
            Mention(
                kind="weapon",
                start=mention.start,
                end=mention.end,
                text=mention.text,
                value=weapon,
                stage=NAME,
                score=mention.score,
            )
        )
    return tuple(found)
