"""sitrep's actor dictionary: countries, demonyms, role nouns, named groups and IGOs.

Data: ``data/actors.json`` (ACLED-style country names, demonyms, role nouns such as "troops" or
"protesters", named groups with aliases) plus every country in ``pycountry`` (ISO3, name, common and
official names). :meth:`ActorDictionary.actor` turns a country and a role into an :class:`Actor`
with an ACLED-style name ("Military Forces of Azerbaijan", "Protesters (Chile)").
"""

from __future__ import annotations

import importlib.resources
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..actor_kinds import Inter
from ..model import Actor, Evidence
from ..span_index import DisjointSpans


def fold(text: str) -> str:
    """Lower case, accents dropped, curly apostrophes straightened, spaces collapsed."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return " ".join(bare.replace("\u2019", "'").replace("\u2018", "'").split())


def split_phrase(phrase: str) -> tuple[str, ...]:
    """Split a dictionary phrase roughly the way spaCy tokenises it (hyphens and 's apart)."""
    out: list[str] = []
    for word in fold(phrase).split():
        if word.endswith("'s") and len(word) > 2:
            word, tail = word[:-2], "'s"
        else:
            tail = ""
        for k, part in enumerate(word.split("-")):
            if k:
                out.append("-")
            if part:
                out.append(part)
        if tail:
            out.append(tail)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class CountryInfo:
    iso3: str
    name: str  # the ACLED-style short name used in actor names
    names: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Role:
    """A kind of actor named by a noun: "troops", "police", "protesters", "regime"."""

    key: str
    sector: str
    inter: int
    acled: str  # template; "{X}" is the country's ACLED name
    loaded: bool = False


@dataclass(frozen=True, slots=True)
class Named:
    """A named group, IGO, NGO or disputed entity."""

    name: str
    country: str | None
    sector: str
    acled: str | None
    inter: int | None
    de_facto: str | None = None
    case: bool = False  # aliases must match with their case ("IS", "AU", "UN")
    evokes: str | None = None  # ISO3 of the country a mission works in ("OSCE SMM": Ukraine), for place hints


@dataclass(frozen=True, slots=True)
class Entry:
    """What a dictionary phrase stands for: kind is country, demonym, role or group."""

    kind: str
    key: str  # ISO3, role key or group name
    form: str  # the phrase as written in the data (for case-sensitive matching)
    case: bool = False


class ActorDictionary:
    """Countries, roles and named actors; built once with :meth:`load`."""

    def __init__(
        self,
        countries: dict[str, CountryInfo],
        roles: dict[str, Role],
        groups: dict[str, Named],
        loaded_adjectives: frozenset[str],
        aliases: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.countries = countries
        self.roles = roles
        self.groups = groups
        self.loaded_adjectives = loaded_adjectives
        self._by_name: dict[str, str] = {}
        self._by_demonym: dict[str, str] = {}
        for c in countries.values():
            for n in c.names:
                self._by_name.setdefault(fold(n), c.iso3)
            for d in c.demonyms:
                self._by_demonym.setdefault(fold(d), c.iso3)
        self._aliases = aliases or {}
        self._hints: list[tuple[re.Pattern[str], str]] | None = None
        self._group_alias: dict[str, str] = {}
        self._group_alias_cased: dict[str, str] = {}
        self._entries: list[tuple[tuple[str, ...], Entry]] = []
        for g in groups.values():
            for alias in (aliases or {}).get(g.name, (g.name,)):
                self._entries.append(
                    (split_phrase(alias), Entry("group", g.name, alias, g.case and _needs_case(alias)))
                )
                (self._group_alias_cased if g.case and _needs_case(alias) else self._group_alias).setdefault(
                    fold(alias) if not (g.case and _needs_case(alias)) else alias, g.name
                )
        for key in roles:
            self._entries.append((split_phrase(key), Entry("role", key, key)))
        for c in countries.values():
            for n in c.names:
                self._entries.append((split_phrase(n), Entry("country", c.iso3, n, _needs_case(n))))
            for d in c.demonyms:
                self._entries.append((split_phrase(d), Entry("demonym", c.iso3, d)))

    # ------------------------------------------------------------ building

    @classmethod
    def load(cls) -> ActorDictionary:
        raw = json.loads((importlib.resources.files("sitrep.data") / "actors.json").read_text(encoding="utf-8"))
        return cls.from_data(raw)

    @classmethod
    def from_data(cls, raw: dict[str, Any]) -> ActorDictionary:
        import pycountry

        countries: dict[str, CountryInfo] = {}
        curated: dict[str, Any] = raw["countries"]
        for pc in pycountry.countries:
            iso3 = pc.alpha_3
            spec = curated.get(iso3, {})
            names = [pc.name, getattr(pc, "common_name", None), getattr(pc, "official_name", None), spec.get("acled")]
            names += spec.get("names", [])
            name = spec.get("acled") or getattr(pc, "common_name", None) or pc.name
            countries[iso3] = CountryInfo(
                iso3=iso3, name=name, names=_unique(n for n in names if n), demonyms=_unique(spec.get("demonyms", []))
            )
        for iso3, spec in curated.items():  # entries pycountry lacks (Kosovo)
            if iso3 not in countries:
                countries[iso3] = CountryInfo(
                    iso3=iso3,
                    name=spec["acled"],
                    names=_unique([spec["acled"], *spec.get("names", [])]),
                    demonyms=_unique(spec.get("demonyms", [])),
                )
        roles: dict[str, Role] = {}
        for spec in raw["roles"]:
            for phrase in spec["phrases"]:
                roles.setdefault(
                    fold(phrase),
                    Role(
                        key=fold(phrase),
                        sector=spec["sector"],
                        inter=spec["inter"],
                        acled=spec["acled"],
                        loaded=bool(spec.get("loaded", False)),
                    ),
                )
        groups: dict[str, Named] = {}
        aliases: dict[str, tuple[str, ...]] = {}
        for spec in raw["groups"]:
            g = Named(
                name=spec["name"],
                country=spec.get("country"),
                sector=spec["sector"],
                acled=spec.get("acled"),
                inter=spec.get("inter"),
                de_facto=spec.get("de_facto"),
                case=bool(spec.get("case", False)),
                evokes=spec.get("evokes"),
            )
            groups[g.name] = g
            aliases[g.name] = _unique([g.name, *spec.get("aliases", [])])
        loaded = frozenset(fold(a) for a in raw.get("loaded_adjectives", ()))
        return cls(countries, roles, groups, loaded, aliases)

    # ------------------------------------------------------------ lookups

    def entries(self) -> tuple[tuple[tuple[str, ...], Entry], ...]:
        """Every phrase of the dictionary as (folded words, entry), for a phrase matcher."""
        return tuple(self._entries)

    def country(self, code: str | None) -> CountryInfo | None:
        return self.countries.get(code.upper()) if code else None

    def country_named(self, text: str) -> CountryInfo | None:
        return self.country(self._by_name.get(fold(text)))

    def country_of_demonym(self, text: str) -> CountryInfo | None:
        key = fold(text)
        return self.country(self._by_demonym.get(key) or self._by_demonym.get(key.removesuffix("s")))

    def group_named(self, text: str) -> Named | None:
        name = self._group_alias_cased.get(text.strip()) or self._group_alias.get(fold(text))
        return self.groups.get(name) if name else None

    def country_hints(self, text: str) -> dict[str, int]:
        """ISO3 -> how often the text names a group of that country ("the Houthis": Yemen), for places."""
        found = [(m.start(), m.end(), iso3) for pattern, iso3 in self._hint_patterns() for m in pattern.finditer(text)]
        taken = DisjointSpans()
        hints: dict[str, int] = {}
        for start, end, iso3 in sorted(found, key=lambda f: f[0] - f[1]):  # longest first; "SMM" inside "OSCE SMM" once
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            hints[iso3] = hints.get(iso3, 0) + 1
        return hints

    def _hint_patterns(self) -> list[tuple[re.Pattern[str], str]]:
        if self._hints is None:
            by_country: dict[tuple[str, bool], list[str]] = {}
            for g in self.groups.values():
                iso3 = g.evokes or g.country
                if not iso3 or iso3 not in self.countries:
                    continue
                for alias in self._aliases.get(g.name, (g.name,)):
                    cased = g.case and _needs_case(alias)
                    if len(alias) >= 3 or cased:
                        by_country.setdefault((iso3, cased), []).append(alias)
            self._hints = [
                (
                    re.compile(
                        r"\b(?:" + "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True)) + r")\b",
                        0 if cased else re.IGNORECASE,
                    ),
                    iso3,
                )
                for (iso3, cased), names in by_country.items()
            ]
        return self._hints

    def forces_of(self, de_facto: str) -> Named | None:
        """The armed forces of a de facto authority ("Artsakh" gives the Artsakh Defense Army), else its government.

        The authority is matched by its de facto name or by the name of its government entry; forces
        shared by several authorities list them with slashes ("DPR/LPR").
        """
        keys = {fold(de_facto)}
        keys |= {fold(g.de_facto) for g in self.groups.values() if g.de_facto and fold(g.name) == fold(de_facto)}
        held = [
            g
            for g in self.groups.values()
            if g.de_facto and keys & ({fold(part) for part in g.de_facto.split("/")} | {fold(g.de_facto)})
        ]
        armed = [g for g in held if g.acled and not g.acled.startswith("Government of")]
        found = armed or held
        return found[0] if found else None

    def role_of(self, actor: Actor) -> Role | None:
        """The role an actor was made from ("Civilians (Mali)" from the civilians role), if any."""
        info = self.country(actor.country)
        place = info.name if info else None
        for role in self.roles.values():
            if (
                role.sector == actor.sector
                and role.inter == actor.inter
                and _fill(role.acled, place) == actor.acled_name
            ):
                return role
        return None

    def role(self, phrase: str) -> Role | None:
        return self.roles.get(fold(phrase))

    def countries_in(self, text: str) -> list[CountryInfo]:
        """Countries named or evoked by a demonym inside a longer name ("Network of Armenian CSOs")."""
        words = split_phrase(text)
        found: list[CountryInfo] = []
        for n in range(min(4, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                piece = " ".join(words[i : i + n])
                c = self.country(self._by_demonym.get(piece) or self._by_name.get(piece))
                if c is not None and c not in found:
                    found.append(c)
        return found

    # ------------------------------------------------------------ making actors

    def actor(self, country: str | None, role: Role | None, *, evidence: Evidence, loaded: bool = False) -> Actor:
        """A country's actor in a role; no role means the state itself (GOV)."""
        info = self.country(country)
        place = info.name if info else None
        if role is None:
            name = place or "unknown"
            return Actor(
                name=name,
                country=info.iso3 if info else None,
                sector="GOV",
                acled_name=f"Government of {place}" if place else None,
                inter=int(Inter.STATE_FORCES) if info else None,
                loaded=loaded,
                evidence=evidence,
            )
        acled = _fill(role.acled, place)
        name = acled or role.key
        return Actor(
            name=name,
            country=info.iso3 if info else None,
            sector=role.sector,
            acled_name=acled,
            inter=role.inter,
            loaded=loaded or role.loaded,
            evidence=evidence,
        )

    def group_actor(
        self,
        group: Named,
        *,
        evidence: Evidence,
        country_hint: str | None = None,
        role: Role | None = None,
        loaded: bool = False,
    ) -> Actor:
        """A named group; a disputed entity's armed role gives its armed-forces name."""
        country = group.country or country_hint
        acled = group.acled
        if acled and "{X}" in acled:
            info = self.country(country)
            acled = _fill(acled, info.name if info else None)
        if role is not None and role.sector in {"MIL", "COP"} and acled and acled.startswith("Government of "):
            acled = "Military Forces of " + acled.removeprefix("Government of ")  # "forces of Artsakh"
        return Actor(
            name=group.name,
            country=country,
            sector=group.sector,
            acled_name=acled,
            inter=group.inter,
            de_facto=group.de_facto,
            loaded=loaded,
            evidence=evidence,
        )

    def raw_actor(self, name: str, *, evidence: Evidence) -> Actor:
        """An organisation not in the dictionary: kept as written, country from a name or demonym inside."""
        inside = self.countries_in(name)
        sector = _raw_sector(name)
        return Actor(
            name=name,
            country=inside[0].iso3 if inside else None,
            sector=sector,
            acled_name=None,
            inter=None,
            raw=True,
            evidence=evidence,
        )


_CIVIL_SOCIETY = (
    "cso",
    "csos",
    "civil society",
    "ngo",
    "ngos",
    "network",
    "human rights",
    "observatory",
    "foundation",
    "association",
    "coalition of",
    "committee for",
    "watch",
    "union of",
)


def _raw_sector(name: str) -> str:
    """SOC for names that read as civil-society groups (PLOVER has no CSO code), else UNK."""
    key = f" {fold(name)} "
    return "SOC" if any(f" {w} " in key or f" {w}" in key for w in _CIVIL_SOCIETY) else "UNK"


# Country names ACLED writes with the article after "Forces of" ("Military Forces of the Philippines").
WITH_ARTICLE = frozenset(
    {
        "Democratic Republic of Congo",
        "Republic of Congo",
        "Philippines",
        "United States",
        "United Kingdom",
        "Central African Republic",
        "United Arab Emirates",
        "Ivory Coast",
        "Netherlands",
    }
)


def _fill(template: str, place: str | None) -> str:
    if place is not None:
        if place in WITH_ARTICLE:
            template = template.replace("Forces of {X}", "Forces of the {X}")
        return template.replace("{X}", place)
    return template.replace(" ({X})", "").replace(" of {X}", "").replace("{X}", "").strip()


def _needs_case(alias: str) -> bool:
    """Short all-capital aliases ("IS", "UN", "AA") match only as written."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)


def _unique(items: Any) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return tuple(seen)
