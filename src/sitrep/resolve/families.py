"""The event-family table: what each family of event words is, checked when it is loaded.

Each family in data/triggers.json ("families") declares, besides its words:

* ``kind``: ``violent``, ``material`` or ``verbal``;
* ``plover`` and ``modes``: the PLOVER event and modes its words give by default;
* ``typing``: the name of the rule that gives its ACLED event type (registered in
  :mod:`sitrep.resolve.event_typing.rules`; verbal families use ``verbal``);
* ``rank``: its place when several families' words name one sentence's event, most specific first
  (1 first; no two families share a rank);
* ``flags`` (optional), among :data:`FLAGS`.

:func:`load_table` checks all of it and raises :class:`sitrep.errors.BadFamilyTable` (E204) on the
first fault, so a family never falls silently into a default type or rank.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from ..errors import BadFamilyTable
from .event_typing.rules import TYPING_RULES
from .event_typing.typed import TypingRule

PACKAGED = "data/triggers.json"
KINDS = frozenset({"violent", "material", "verbal"})
FLAGS: Mapping[str, str] = {
    "generic": "its words say only that violence happened (attack, clash); a more specific word names the event",
    "remote": "its words tell a weapon fired from afar (shelling, air strikes, explosions)",
    "front_line": "its words may tell fighting along a front, where the sides need not be named",
    "context_immune": "it keeps its sense in a story about a business, a flood, an accident or a match",
}
FIELDS = frozenset({"kind", "plover", "modes", "typing", "rank", "flags", "pos", "words"})


@dataclass(frozen=True, kw_only=True, slots=True)
class FamilySpec:
    name: str
    kind: str
    plover: str
    modes: tuple[str, ...]
    typing: str  # the name of its typing rule
    rank: int  # lower first: the more specific family names the event
    flags: frozenset[str]
    words: frozenset[str]  # its words, without a part-of-speech mark


@dataclass(frozen=True, kw_only=True, slots=True)
class FamilyTable:
    families: tuple[FamilySpec, ...]  # by rank, most specific first
    source: str
    by_name: Mapping[str, FamilySpec] = field(repr=False, compare=False)
    # flag -> the families that carry it, made once: assembly asks for every event word
    by_flag: Mapping[str, frozenset[str]] = field(repr=False, compare=False)

    def family(self, name: str) -> FamilySpec:
        found = self.by_name.get(name)
        if found is None:
            raise BadFamilyTable(f"no event family '{name}' in the table", source=self.source)
        return found

    def rank(self, name: str) -> int:
        return self.family(name).rank

    def with_flag(self, flag: str) -> frozenset[str]:
        """The names of the families that carry ``flag``."""
        if flag not in FLAGS:
            raise BadFamilyTable(f"unknown family flag '{flag}'; flags are {_listed(FLAGS)}", source=self.source)
        return self.by_flag[flag]

    def typing_rule(self, name: str) -> TypingRule:
        return TYPING_RULES[self.family(name).typing]


def load_table(raw: Mapping[str, Any], *, source: str = PACKAGED) -> FamilyTable:
    """The checked table from the "families" object of a trigger lexicon."""
    specs = [_spec(name, entry, source) for name, entry in raw.items()]
    ranks: dict[int, str] = {}
    for spec in specs:
        if spec.rank in ranks:
            raise BadFamilyTable(
                f"families '{ranks[spec.rank]}' and '{spec.name}' share rank {spec.rank}; every family needs its own",
                source=source,
            )
        ranks[spec.rank] = spec.name
    ordered = tuple(sorted(specs, key=lambda s: s.rank))
    by_flag = {flag: frozenset(s.name for s in ordered if flag in s.flags) for flag in FLAGS}
    return FamilyTable(families=ordered, source=source, by_name={s.name: s for s in ordered}, by_flag=by_flag)


def read_table(path: Path) -> FamilyTable:
    """The checked table of a trigger lexicon file."""
    return load_table(json.loads(path.read_text("utf-8"))["families"], source=str(path))


@lru_cache(maxsize=1)
def packaged_lexicon() -> Mapping[str, Any]:
    """The trigger lexicon shipped with the package, as read from its JSON file."""
    data: Mapping[str, Any] = json.loads(
        importlib_resources.files("sitrep.data").joinpath("triggers.json").read_text("utf-8")
    )
    return data


@lru_cache(maxsize=1)
def family_table() -> FamilyTable:
    """The packaged table (checked on first use)."""
    return load_table(packaged_lexicon()["families"])


def family_rank(name: str) -> int:
    """Where the family stands when several name one sentence's event: lower is more specific."""
    return family_table().rank(name)


def families_with(flag: str) -> frozenset[str]:
    """The families that carry ``flag`` (one of :data:`FLAGS`)."""
    return family_table().with_flag(flag)


def _spec(name: str, entry: Any, source: str) -> FamilySpec:
    def fault(what: str) -> BadFamilyTable:
        return BadFamilyTable(f"family '{name}': {what}", source=source)

    if not isinstance(entry, Mapping):
        raise fault("its entry must be an object")
    unknown = sorted(set(entry) - FIELDS)
    if unknown:
        raise fault(f"unknown field {', '.join(repr(u) for u in unknown)}; fields are {_listed(FIELDS)}")
    kind = entry.get("kind")
    if kind not in KINDS:
        raise fault(f"kind {kind!r} is not one of {_listed(KINDS)}")
    if not isinstance(entry.get("plover"), str):
        raise fault('needs "plover": the PLOVER event its words give')
    typing = entry.get("typing")
    if typing is None:
        raise fault(f'needs "typing": the name of its typing rule, one of {_listed(TYPING_RULES)}')
    if typing not in TYPING_RULES:
        raise fault(
            f"typing rule {typing!r} is not registered; registered rules (resolve/event_typing/rules.py) "
            f"are {_listed(TYPING_RULES)}"
        )
    if (kind == "verbal") != (typing == "verbal"):
        raise fault('a verbal family, and only a verbal one, is typed by the "verbal" rule')
    rank = entry.get("rank")
    if not isinstance(rank, int) or isinstance(rank, bool) or rank < 1:
        raise fault('needs "rank": a whole number from 1, lower for a more specific family')
    for listed in ("modes", "flags", "pos", "words"):
        value = entry.get(listed, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fault(f'"{listed}" must be a list of strings')
    flags = entry.get("flags", [])
    bad = [f for f in flags if f not in FLAGS]
    if bad:
        raise fault(f"unknown flag {', '.join(repr(b) for b in bad)}; flags are {_listed(FLAGS)}")
    words = entry.get("words")
    if not isinstance(words, list) or not words:
        raise fault('needs "words": a list of its event words')
    return FamilySpec(
        name=name,
        kind=kind,
        plover=entry["plover"],
        modes=tuple(entry.get("modes", ())),
        typing=typing,
        rank=rank,
        flags=frozenset(flags),
        words=frozenset(w.partition("/")[0] for w in words),
    )


def _listed(names: Mapping[str, Any] | frozenset[str]) -> str:
    return ", ".join(sorted(names))
