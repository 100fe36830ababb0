"""ACLED's actor coding of an event: actor 1 and actor 2 the way ACLED names them.

An Event keeps what the text says: an attack whose perpetrator is not named has no actor, and
"protesters" in a report with no country named have no country. ACLED's coding fills such gaps
by convention, and the ACLED view (the acled-csv export and `sitrep eval acled`) follows it:

1. A role without a country ("Civilians", "Protesters", "Military Forces") takes the country
   of the event's place, or, with no place, the one country its named actors belong to.
2. In a Riots event the crowd is coded "Rioters (country)", in a Protests event "Protesters
   (country)"; when a protest or riot names no participants, they are added as actor 1. A protest
   met with force (intervention, excessive force) naming no force has the police as actor 2.
3. A violent event (Battles, Explosions/Remote violence, Violence against civilians) with no
   perpetrator named is coded to "Unidentified Armed Group (country)"; in a sentence about drugs,
   cartels, robbery, extortion or ransom, unidentified armed men are "Unidentified Gang (country)".
4. Violence against civilians with no civilian among its targets has "Civilians (country)" as
   actor 2: by ACLED's definition its targets are civilians.
5. In a violent event or a strategic development, a "regime" (a government named in loaded
   words) is its military forces.
6. Civilians, protesters and rioters take the country where the event happened, unless the text
   gave them a nationality of their own: a country read from the sentence's other names ("an
   anti-French rally in Karachi") is not theirs.
7. Civilians do not carry out violence in ACLED's coding, nor are they the ones who arrest: civilians
   (and medics, the press, clergy, rights groups) read as the doer of a violent event, and
   unorganised people read as the doer of arrests, are its
   targets, and an armed party read as a target is then the doer. Arrests naming no one who made them
   are the police's; arrests naming no one arrested are of civilians.
8. In a protest or riot the crowd is actor 1 and the force facing it actor 2; "security forces"
   facing a crowd are its police. An international body is no doer of violence (it reports it).
9. News agencies are sources, not actors. On each side a coded actor comes before a name the
   dictionary does not know and, in violent events, an armed party before a government.

Every filled side carries its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .actor_kinds import UNORGANISED_INTERS, Inter, is_armed, is_coded_civilian, is_crowd
from .model import Actor, Event, Evidence
from .resolve.actors import ActorDictionary, fold

STAGE = "acled.actors.v1"
INTERVENED = frozenset({"Protest with intervention", "Excessive force against protesters"})
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
CROWD_SECTORS = frozenset({"CVL", "OPP"})
# Words of organised crime: unidentified armed men in such a sentence are coded as a gang.
CRIME_WORDS = re.compile(
    r"\b(?:cartels?|gangs?|gangsters?|drugs?|narco\w*|criminals?|crime|robber(?:y|ies|s)?|extort\w*|"
    r"hitm[ae]n|sicarios?|traffick\w*|ransom|drive-by|thie(?:f|ves)|smuggl\w*)\b",
    re.IGNORECASE,
)
# Reasons the actors stage gives a role the country of its surroundings, not one the text gave it.
CONTEXT_COUNTRY = ("country from the places and names of the", "no country named in the text")
# Roles coded by where the event happened: ACLED's "Civilians (X)", "Protesters (X)", "Rioters (X)".
LOCAL_INTERS = frozenset({Inter.CIVILIANS, Inter.PROTESTERS, Inter.RIOTERS})
# Medics, the press, clergy, teachers and rights groups: never the doers of violence or arrests.
AID_SECTORS = frozenset({"MED", "JRN", "REL", "EDU", "SOC"})
# News agencies and broadcasters: the source of a report, never a party to its events.
PRESS = frozenset(
    {
        "afp",
        "agence france-presse",
        "agence france presse",
        "reuters",
        "ap",
        "associated press",
        "bbc",
        "cnn",
        "al jazeera",
        "xinhua",
        "tass",
        "ria novosti",
        "interfax",
        "anadolu",
        "anadolu agency",
        "efe",
        "dpa",
        "ani",
        "pti",
        "ians",
        "ndtv",
        "trt",
        "irna",
        "sana",
        "wafa",
        "ukrinform",
        "bernama",
        "kyodo",
        "yonhap",
    }
)


@dataclass(frozen=True, slots=True)
class AcledSides:
    """Actor 1 with its associates, actor 2 with its associates."""

    actor1: Actor | None
    assoc1: tuple[Actor, ...]
    actor2: Actor | None
    assoc2: tuple[Actor, ...]

    def names(self) -> list[str]:
        everyone = [self.actor1, *self.assoc1, self.actor2, *self.assoc2]
        return [acled_name(a) for a in everyone if a is not None]


@lru_cache(maxsize=1)
def _dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def acled_name(actor: Actor) -> str:
    return actor.acled_name or actor.name


def acled_sides(event: Event, dictionary: ActorDictionary | None = None) -> AcledSides:
    d = dictionary or _dictionary()
    iso3 = event.place.country if event.place is not None else None
    if iso3 is None:
        # No place resolved: the country the event's own actors belong to, if they agree on one.
        named = {
            a.country
            for a in event.actors + event.recipients
            if a.country and len(a.country) == 3 and a.country.isalpha() and d.country(a.country) is not None
        }
        iso3 = named.pop() if len(named) == 1 else None
    # In disputed land the people's side is not the de jure state's: their own country stays.
    local = iso3 if event.place is None or not (event.place.de_facto or event.place.disputed) else None
    actors = [_with_country(a, iso3, local, d) for a in event.actors if not _is_press(a)]
    recipients = [_with_country(a, iso3, local, d) for a in event.recipients if not _is_press(a)]
    if event.acled_type in VIOLENT_TYPES or event.acled_type == "Strategic developments":
        actors = [_regime_forces(a, d) for a in actors]
        recipients = [_regime_forces(a, d) for a in recipients]
    if event.acled_type in VIOLENT_TYPES:
        # an international body (a UN agency, the AU) reports violence; its forces are named as such
        actors = [a for a in actors if not (a.inter == Inter.EXTERNAL_FORCES and a.sector == "GOV")]
        actors, recipients = _targets_not_doers(actors, recipients, frozenset({Inter.CIVILIANS}))
    elif event.acled_subtype == "Arrests":
        actors, recipients = _targets_not_doers(actors, recipients, UNORGANISED_INTERS)
        if not actors:
            actors.insert(0, _filled(d, iso3, "police", "arrests naming no one who made them: the police"))
        if not recipients:
            recipients.append(_filled(d, iso3, "civilians", "arrests naming no one arrested: civilians"))
    if event.acled_type in ("Riots", "Protests"):
        role = "rioters" if event.acled_type == "Riots" else "protesters"
        actors, recipients = _crowd_first(actors, recipients)
        actors = [_as_police(a, d) for a in actors]
        recipients = [_as_police(a, d) for a in recipients]
        actors = [_as_crowd(a, role, iso3, d) for a in actors]
        if not any(_is_crowd(a) for a in actors + recipients):
            actors.insert(0, _filled(d, iso3, role, f"no participants named: {role} of the place's country"))
        actors, recipients = _forces_second(actors, recipients)
        if event.acled_subtype in INTERVENED and not any(a.sector in {"COP", "MIL"} for a in actors + recipients):
            recipients.insert(
                0, _filled(d, iso3, "police", "a protest met with force: the police, as no force is named")
            )
    elif event.acled_type in VIOLENT_TYPES and not actors:
        actors = [_filled(d, iso3, "armed group", "no perpetrator named: an unidentified armed group")]
    if event.acled_type == "Violence against civilians" and not any(is_coded_civilian(r) for r in recipients):
        # ACLED's definition: the target of violence against civilians is civilians.
        recipients.insert(
            0, _filled(d, iso3, "civilians", "violence against civilians with no civilian named: civilians")
        )
    if CRIME_WORDS.search(event.sentence.text):
        actors = [_as_gang(a, d) for a in actors]
        recipients = [_as_gang(a, d) for a in recipients]
    actors, recipients = _unique(actors), _unique(recipients)
    names1 = {acled_name(a) for a in actors}
    recipients = [r for r in recipients if acled_name(r) not in names1]
    violent = event.acled_type in VIOLENT_TYPES
    actors.sort(key=lambda a: _rank(a, violent))
    recipients.sort(key=lambda a: _rank(a, violent, civilians_first=event.acled_type == "Violence against civilians"))
    return AcledSides(
        actor1=actors[0] if actors else None,
        assoc1=tuple(actors[1:]),
        actor2=recipients[0] if recipients else None,
        assoc2=tuple(recipients[1:]),
    )


def _with_country(actor: Actor, iso3: str | None, local: str | None, d: ActorDictionary) -> Actor:
    """A role actor with no country ("Civilians") takes the place's country; so do civilians and
    crowds whose country was only read from their surroundings, outside disputed land (``local``)."""
    if actor.raw or iso3 is None or actor.country == iso3:
        return actor
    if actor.country is not None and not (local and actor.inter in LOCAL_INTERS and _context_country(actor, d)):
        return actor
    role = d.role_of(actor)
    if role is None:
        return actor
    filled = d.actor(iso3, role, evidence=actor.evidence, loaded=actor.loaded)
    return replace(filled, evidence=replace(actor.evidence, reason="the country of the event's place"))


def _context_country(actor: Actor, d: ActorDictionary) -> bool:
    """The actor's country was read from its surroundings: its own words name no country of it."""
    reason = actor.evidence.reason or ""
    if any(r in reason for r in CONTEXT_COUNTRY):
        return True
    return actor.country not in {c.iso3 for c in d.countries_in(actor.evidence.text)}


def _is_press(actor: Actor) -> bool:
    return actor.raw and fold(actor.name) in PRESS


def _targets_not_doers(
    actors: list[Actor], recipients: list[Actor], unarmed: frozenset[Inter]
) -> tuple[list[Actor], list[Actor]]:
    """People who neither fight nor arrest, read as the doer, are the targets; an armed party read as a
    target is then the doer (the roles were read the wrong way round)."""
    targets = [a for a in actors if (a.inter in unarmed or a.sector in AID_SECTORS) and not a.raw]
    if not targets:
        return actors, recipients
    doers = [a for a in actors if a not in targets]
    if not doers:
        doers = [r for r in recipients if is_armed(r) and not r.raw and r.inter not in unarmed]
        recipients = [r for r in recipients if r not in doers]
    return doers, targets + recipients


def _crowd_first(actors: list[Actor], recipients: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """A crowd read as the target of a protest goes to actor 1."""
    unorganised = [r for r in recipients if r.inter in UNORGANISED_INTERS and not r.raw]
    if not any(a.inter in UNORGANISED_INTERS for a in actors) and any(is_crowd(r) for r in unorganised):
        actors = [*unorganised, *actors]
        recipients = [r for r in recipients if r not in unorganised]
    return actors, recipients


def _as_police(actor: Actor, d: ActorDictionary) -> Actor:
    """ "Security forces" facing a crowd are coded as its police, as ACLED codes most of them."""
    if actor.sector != "MIL" or "security" not in actor.evidence.text.lower() or actor.country is None:
        return actor
    police = d.role("police")
    if police is None:
        return actor
    made = d.actor(actor.country, police, evidence=actor.evidence, loaded=actor.loaded)
    return replace(made, evidence=replace(actor.evidence, reason="security forces facing a crowd: its police"))


def _forces_second(actors: list[Actor], recipients: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """The police or army facing a crowd are actor 2, whichever side the sentence put them on."""
    forces = [a for a in actors if a.sector in {"COP", "MIL"}]
    if forces and any(_is_crowd(a) for a in actors):
        actors = [a for a in actors if a not in forces]
        recipients = [*forces, *recipients]
    return actors, recipients


def _rank(actor: Actor, violent: bool, *, civilians_first: bool = False) -> int:
    """The order of one side: coded actors before unknown names; in violence, armed parties before a
    government or an IGO (a spokesman's ministry, a reporting mission); the victims first in violence
    against civilians."""
    if actor.raw or actor.acled_name is None:
        return 3
    if civilians_first and is_coded_civilian(actor):
        return 0
    if violent and (actor.sector == "GOV" or actor.sector in AID_SECTORS):
        return 2
    return 1


def _regime_forces(actor: Actor, d: ActorDictionary) -> Actor:
    """A "regime" that fights, shells or loots is its armed forces (ACLED: "Military Forces of X")."""
    if not (actor.loaded and actor.sector == "GOV" and actor.country):
        return actor
    military = d.role("military")
    if military is None:
        return actor
    made = d.actor(actor.country, military, evidence=actor.evidence, loaded=True)
    return replace(made, evidence=replace(actor.evidence, reason="a regime acting by force: its military forces"))


def _is_crowd(actor: Actor) -> bool:
    return is_crowd(actor) or (actor.acled_name or "").startswith(("Rioters", "Protesters"))


def _as_crowd(actor: Actor, role: str, iso3: str | None, d: ActorDictionary) -> Actor:
    """Civilians, protesters or rioters taking part in a protest or riot are coded as its crowd."""
    if actor.raw or actor.sector not in CROWD_SECTORS or actor.inter not in UNORGANISED_INTERS:
        return actor
    r = d.role(role)
    if r is None:
        return actor
    return d.actor(actor.country or iso3, r, evidence=actor.evidence, loaded=actor.loaded)


def _as_gang(actor: Actor, d: ActorDictionary) -> Actor:
    """Unidentified armed men in a story of drugs, cartels, robbery or ransom are a criminal gang."""
    if not (actor.acled_name or "").startswith("Unidentified Armed Group"):
        return actor
    gang = d.role("gang")
    if gang is None:
        return actor
    made = d.actor(actor.country, gang, evidence=actor.evidence, loaded=actor.loaded)
    return replace(
        made, evidence=replace(actor.evidence, reason="unidentified armed men in a criminal context: a gang")
    )


def _filled(d: ActorDictionary, iso3: str | None, role_phrase: str, reason: str) -> Actor:
    role = d.role(role_phrase)
    ev = Evidence(start=0, end=0, text="", stage=STAGE, reason=reason, confidence=0.3)
    return d.actor(iso3, role, evidence=ev)


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for a in actors:
        seen.setdefault(acled_name(a), a)
    return list(seen.values())
