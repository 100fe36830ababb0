"""Event coreference within one report: a headline, a lead, a caption and a retelling of one incident
make one event, which lists every sentence that tells it (``Event.mentions``).

Assembly already folds a retelling into the sentence before it when both give the same day and
place (sitrep.assemble.folding). What it leaves apart are tellings that differ in what they state:
a headline with no date or place of its own, a lead naming the town where the body names the
district, "the attack" told as an Attack after a drone strike, missiles intercepted during the strike
that fired them, arrests at the protest they broke up. Two events are one incident here when
nothing they state sets them apart:

* their types fit (the same ACLED type; a strike and the interception of its missiles; a protest and
  the arrests made at it; any two violent events when the later one is "the attack", "the strike"
  pointing back, or the earlier one is the headline);
* the dates the text states for each are at most a night apart (a date the text does not state,
  taken from the publication or an earlier sentence, sets nothing apart);
* the places the text names for each are the same, near each other or one within the other;
* the later one names no armed doer that the earlier one lacks;
* the later sentence does not announce another incident ("separately", "in another attack").

The joined event keeps the first telling's words and roles and fills what it lacks (a stated date,
a finer place, a toll, a claimant) from the tellings joined to it; every joined sentence stays as
evidence. Doers are not carried over: a later sentence's actors are too often another party's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..actor_kinds import is_armed
from ..assemble.dates import LEAD_DATE_REASON
from ..assemble.folding import another_incident
from ..distance import haversine_km
from ..model import Actor, DatePrecision, Event, Evidence, Place, PlacePrecision
from ..registry import document_stage

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..annotated import Annotated

NAME = "coreference.rules.v1"
# Two stated places this close (km) can be one incident's ("near Kunduz" and "in Kunduz").
SAME_PLACE_KM = 50.0
# Two stated dates this many days apart can be one incident's: none, since a report that dates two
# tellings on different days ("on Thursday night", "on Friday") tells two incidents.
SAME_INCIDENT_DAYS = 0
# Ground taken and ground lost are two incidents, however close.
TERRITORY = frozenset(
    {"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"}
)
# Ground taken by force: a Battles sub-type, the outcome of the fighting it was taken in.
TAKEN = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
# A headline is the text before the first blank line, when that comes this early.
HEADLINE_CHARS = 300
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
CROWD_TYPES = frozenset({"Protests", "Riots"})
# Force used on a protest, by its ACLED sub-type: a joined telling with more force raises the protest's.
PROTEST_FORCE = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2}
# Sub-types told by words that say more than their type's other tellings ("a suicide blast", "raped").
SPECIFIC = frozenset({"Suicide bomb", "Chemical weapon", "Sexual violence"})
# Nouns that point back at an incident already told ("the attack", "the strike").
POINTING_BACK = frozenset({"the", "this", "that", "these", "those"})
# A figure given as a number, in digits or words.
NUMBER_WORD = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b",
    re.IGNORECASE,
)
# Words on an event noun, or on a phrase hanging on its verb, that make it one more incident.
ORDINAL_OTHER = frozenset({"another", "second", "separate"})
# Nouns that "another" or "a second" make one more incident when they frame the event word.
INCIDENT_NOUNS = frozenset(
    "incident attack assault raid strike airstrike ambush clash bombing shooting killing case operation "
    "development shelling blast explosion".split()
)
# Adverbs on an event word that tell an incident after the one told.
LATER = frozenset({"later", "subsequently", "afterwards"})
# "Minutes later", "two hours later": still the incident being told (the same day and place decide the
# rest; a day or more later is another incident).
MOMENTS = frozenset({"minute", "moment", "second", "instant", "hour"})
# Adverbs that open one more incident, wherever they stand in its sentence.
OTHER_ADVERBS = frozenset({"separately", "elsewhere", "meanwhile"})
# A sentence opening with this tells of an incident before the one just told.
EARLIER_OPENING = re.compile(r"^\W*(?:earlier|previously|before that)\b", re.IGNORECASE)
# ACLED's names for a doer the text does not identify ("Unidentified Armed Group (Mali)").
UNIDENTIFIED = "Unidentified"
# People named one by one ("a principal and a teacher"): a toll as exact as a figure.
ENUMERATION = re.compile(r"\w\s*(?:,|\band\b)\s*\w", re.IGNORECASE)
# From finest to coarsest.
DATE_FINENESS = {DatePrecision.DAY: 0, DatePrecision.WEEK: 1, DatePrecision.MONTH: 2, DatePrecision.YEAR: 3}
# Places that hold others.
CONTAINERS = frozenset({PlacePrecision.REGION, PlacePrecision.COUNTRY})
# From finest to coarsest.
FINENESS = {PlacePrecision.TOWN: 0, PlacePrecision.NEAR_TOWN: 1, PlacePrecision.REGION: 2, PlacePrecision.COUNTRY: 3}


@document_stage(NAME, requires=("events", "window"), assigns=("mentions",))
def join_retellings(annotated: Annotated, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """One event per incident: later tellings join the first telling they fit (see the module's rules)."""
    headline_end = _headline_end(annotated.text)
    lead = (
        next((e for e in events if _joinable(e) and e.trigger.start >= headline_end), None)
        if _titled(annotated.text, headline_end)
        else None
    )
    kept: list[Event] = []
    for event in events:
        if not _joinable(event):
            kept.append(event)
            continue
        # The most recent telling first: a retelling points back at the incident told just before it.
        for i in range(len(kept) - 1, -1, -1):
            head = kept[i]
            if not _joinable(head):
                continue
            if _headline_and_lead(annotated, head, event, headline_end, lead):
                # a crowd and the violence it met or did: the crowd's reading names the incident
                crowd = _rank(head) != _rank(event) and 1 in {_rank(head), _rank(event)}
                kept[i] = joined(head, event, headline_end, retype=not crowd, lead_place=True)
                break
            if same_incident(annotated, head, event, headline_end):
                kept[i] = joined(head, event, headline_end)
                break
        else:
            kept.append(event)
    return tuple(_by_outcome(kept))


def _by_outcome(events: list[Event]) -> list[Event]:
    """A clash told after ground taken, on that day and at that place, is the fighting
    the ground was taken in: ACLED codes a battle by its outcome, so it takes the taking's sub-type (it
    stays its own record when the text names its own town)."""
    out: list[Event] = []
    for event in events:
        taken = next(
            (
                t
                for t in out
                if _joinable(t) and t.acled_subtype in TAKEN and _dates_fit(t, event) and _places_fit(t, event)
            ),
            None,
        )
        if (
            taken is not None
            and _joinable(event)
            and (event.acled_type, event.acled_subtype) == ("Battles", "Armed clash")
        ):
            reason = f"the fighting in which ground was taken, as told at {taken.trigger.text!r}"
            event = replace(event, acled_subtype=taken.acled_subtype, reasons=(*event.reasons, reason))
        out.append(event)
    return out


def _joinable(event: Event) -> bool:
    """Coded news: recalled events (sitrep.document.window runs first) stay apart."""
    return event.happened and event.acled_type is not None and event.kind != "verbal" and event.is_news


def _headline_and_lead(annotated: Annotated, a: Event, b: Event, headline_end: int, lead: Event | None) -> bool:
    """A headline and the lead under it tell the report's main incident, each in its own words: the
    headline's few words give a coarse place and loose doers ("Rebels kill 12 in Mali"), and may name
    the violence a crowd met where the lead names the crowd. So they join when their types are both
    violence or crowds and their stated dates fit; the lead may not announce another incident."""
    if b is not lead or a.trigger.start >= headline_end or b.trigger.start < headline_end:
        return False
    if {a.acled_type, b.acled_type} - (VIOLENT_TYPES | CROWD_TYPES) or _announces_another(annotated, b):
        return False
    return _dates_fit(a, b)


def _titled(text: str, headline_end: int) -> bool:
    """The first paragraph reads as a title, not as a short lead: it ends with no full stop."""
    return headline_end > 0 and not text[:headline_end].rstrip().endswith((".", '."', ".\u201d"))


def _headline_end(text: str) -> int:
    """Where the headline ends: the first blank line, when it comes within HEADLINE_CHARS; else 0."""
    at = text.find("\n\n", 0, HEADLINE_CHARS)
    return at if at > 0 and text[:at].strip() else 0


# ---------------------------------------------------------------- the tests


def same_incident(annotated: Annotated, a: Event, b: Event, headline_end: int = 0) -> bool:
    """Whether ``b`` (told later) tells the incident ``a`` tells."""
    if _announces_another(annotated, b) or b.sentence.start == a.sentence.start:
        return False  # (assembly made one event per place of a sentence naming several: they stay apart)
    if not _types_fit(annotated, a, b, headline_end):
        return False
    if _also(annotated, b) and (named(b) or stated(b)):
        return False  # "gunmen also attacked a village near X on Monday": one more incident, placed or dated
    if not _dates_fit(a, b):
        return False
    if not _places_fit(a, b) and not (_points_back(annotated, b) and _same_country(a, b)):
        return False  # ("the attack" in a town the first telling did not name: the same attack, placed finer)
    return a.acled_type != b.acled_type or _doers_fit(a, b)


def _types_fit(annotated: Annotated, a: Event, b: Event, headline_end: int) -> bool:
    ta, tb = a.acled_type, b.acled_type
    subtypes = {a.acled_subtype, b.acled_subtype}
    if ta == tb:
        if {a.acled_subtype, b.acled_subtype} & TERRITORY:
            return a.acled_subtype == b.acled_subtype or None in {a.acled_subtype, b.acled_subtype}
        if (
            ta == "Explosions/Remote violence"
            and None not in subtypes
            and len(subtypes) == 2
            and not subtypes & SPECIFIC
        ):
            # an air strike and a rocket attack are two weapons, so two incidents, unless "the strike" points
            # back (a suicide bomb is also a blast: its tellings differ in the words, not the weapon)
            return _points_back(annotated, b)
        # Strategic developments hold unlike things (an arrest, an agreement): only the same one joins.
        return ta != "Strategic developments" or a.acled_subtype == b.acled_subtype
    pair = {ta, tb}
    if "Disrupted weapons use" in subtypes and "Explosions/Remote violence" in pair:
        return True  # missiles intercepted during the strike that fired them
    if "Arrests" in subtypes and pair & CROWD_TYPES:
        return True  # arrests made at the protest
    if pair <= CROWD_TYPES:
        return True
    if pair <= VIOLENT_TYPES:
        return a.trigger.start < headline_end or _points_back(annotated, b)
    if pair == {"Battles", "Riots"}:
        return _bare_headline_clash(a, headline_end)  # "clashes in the capital", then the riot the lead tells
    return False


def _bare_headline_clash(event: Event, headline_end: int) -> bool:
    """A headline's clash word with no armed side named: the lead tells who clashed, and so its type."""
    return (
        event.trigger.start < headline_end
        and event.acled_subtype == "Armed clash"
        and not any(is_armed(x) for x in event.actors + event.recipients)
    )


def _announces_another(annotated: Annotated, event: Event) -> bool:
    """The sentence tells ``event`` as an incident other than the ones told (sitrep.assemble.folding's
    words), where the word that says so times this event: an opening adverb ("Separately,", "Earlier,"),
    "later" on the event word,
    or "another", "a second", "separate" on the event word, or on an incident noun framing it ("in another
    attack, gunmen killed"). "A second night of protests", "a second device exploded" (twin bombs of one
    attack) or "shot dead in separate incidents" in a clause of their own speak of something else."""
    span = annotated.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is not None and len(span) and any(_later(c) for c in span.root.children):
        return True  # "a man was later shot dead": an incident after the one told
    if not another_incident(event.sentence.text):
        return False
    if span is None or not len(span):
        return True
    root = span.root
    near = {root.i, root.head.i}
    sentence = annotated.doc.char_span(event.sentence.start, event.sentence.end, alignment_mode="expand")
    for token in sentence if sentence is not None else ():
        word = token.lower_
        if word in OTHER_ADVERBS or (
            word == "later" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "that"
        ):
            return True
        if word not in ORDINAL_OTHER or (word == "second" and (token.i == 0 or token.nbor(-1).lower_ != "a")):
            continue
        noun = token.head
        if noun.i == root.i:
            return True  # "another attack"
        # "in another incident, gunmen killed"; not "a second device exploded" (twin bombs of one attack)
        if noun.lemma_.lower() not in INCIDENT_NOUNS:
            continue
        if noun.dep_ in {"nsubj", "nsubjpass", "dobj"} and noun.head.i in near:
            return True
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i in near:
            return True
    return EARLIER_OPENING.match(event.sentence.text) is not None


def _later(token: Token) -> bool:
    """ "Later" on an event word, not "minutes later" (the same attack going on)."""
    return (
        token.dep_ == "advmod"
        and token.lower_ in LATER
        and not any(c.lemma_.lower() in MOMENTS for c in token.children)
    )


def _also(annotated: Annotated, event: Event) -> bool:
    """ "Also" on the event word or the verb it hangs on: the sentence adds an incident to those told."""
    span = annotated.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return any(c.dep_ == "advmod" and c.lower_ == "also" for t in (root, root.head) for c in t.children)


def _points_back(annotated: Annotated, event: Event) -> bool:
    """ "The attack", "this strike": an event noun pointing back at something already told."""
    span = annotated.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    if root.pos_ in {"NOUN", "PROPN"}:
        return _definite(root)
    # "were targeted in Tuesday's strike", "died in the attack": the verb's phrase points back
    return any(
        prep.dep_ == "prep" and prep.lower_ in {"in", "during"} and _definite(noun) and noun.lemma_ in INCIDENT_NOUNS
        for prep in root.children
        for noun in prep.children
        if noun.dep_ == "pobj"
    )


def _definite(noun: Token) -> bool:
    """ "The strike", "this attack", "Tuesday's strike"."""
    return any(
        (c.dep_ == "det" and c.lower_ in POINTING_BACK) or (c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN"})
        for c in noun.children
    )


def _told_in(event: Event, evidence: Evidence) -> bool:
    """Whether ``evidence`` is words in one of the sentences telling ``event`` (a value carried from
    another sentence or taken from the publication has its span elsewhere, or none)."""
    if evidence.end <= evidence.start:
        return False
    return any(t.start <= evidence.start < t.end for t in (event.sentence, *event.mentions))


def stated(event: Event) -> bool:
    """The text states this event's date where it tells the event (not the publication's date, nor one
    carried from an earlier sentence; a headline's day stated by its lead counts)."""
    d = event.date
    return (
        d is not None
        and d.date is not None
        and bool(d.raw)
        and (_told_in(event, d.evidence) or d.evidence.reason == LEAD_DATE_REASON)
    )


def named(event: Event) -> bool:
    """The text names this event's place where it tells the event (not one carried from elsewhere)."""
    return event.place is not None and _told_in(event, event.place.evidence)


def _dates_fit(a: Event, b: Event) -> bool:
    if not (stated(a) and stated(b)):
        return True
    da, db = a.date, b.date
    assert da is not None and db is not None and da.date is not None and db.date is not None
    gap = dt.timedelta(days=SAME_INCIDENT_DAYS)
    return da.date - gap <= (db.end or db.date) and db.date - gap <= (da.end or da.date)


def _places_fit(a: Event, b: Event) -> bool:
    if not (named(a) and named(b)):
        return True
    pa, pb = a.place, b.place
    assert pa is not None and pb is not None
    if pa.name == pb.name or (pa.geonameid is not None and pa.geonameid == pb.geonameid):
        return True
    fine = (PlacePrecision.TOWN, PlacePrecision.NEAR_TOWN)
    near = (
        pa.precision in fine
        and pb.precision in fine
        and pa.lat is not None
        and pa.lon is not None
        and pb.lat is not None
        and pb.lon is not None
        and haversine_km(pa.lat, pa.lon, pb.lat, pb.lon) <= SAME_PLACE_KM
    )
    return near or _within(pa, pb) or _within(pb, pa)


def _same_country(a: Event, b: Event) -> bool:
    return a.place is not None and b.place is not None and bool(a.place.country) and a.place.country == b.place.country


def _within(coarse: Place, fine: Place) -> bool:
    """``fine`` lies in ``coarse``: a town in its province or country."""
    if coarse.precision not in CONTAINERS or FINENESS[coarse.precision] <= FINENESS[fine.precision]:
        return False
    if coarse.country != fine.country:
        return False
    if coarse.precision == PlacePrecision.COUNTRY:
        return True
    return (
        bool(fine.admin1)
        and fine.admin1 in {coarse.admin1, coarse.name}
        or (bool(fine.admin2) and fine.admin2 in {coarse.admin2, coarse.name})
    )


def _doers_fit(a: Event, b: Event) -> bool:
    """The later telling names no armed doer the first one lacks (either side of the first may act)."""
    doers = {x.name for x in b.actors if _named_doer(x)}
    sides = {x.name for x in a.actors + a.recipients}
    return doers <= sides or not any(_named_doer(x) for x in a.actors)


def _named_doer(actor: Actor) -> bool:
    """An armed actor the text names: "gunmen" read as an unidentified group of some country names no one."""
    return is_armed(actor) and not actor.raw and not actor.name.startswith(UNIDENTIFIED)


# ---------------------------------------------------------------- joining


def joined(head: Event, other: Event, headline_end: int = 0, *, retype: bool = True, lead_place: bool = False) -> Event:
    """``head`` with ``other`` as one more telling of it: what ``head`` lacks comes from ``other``.

    A headline's words are few: the first telling after it (the lead) names the incident's type, unless
    ``retype`` is off (the first telling keeps its type and words). With ``lead_place`` (a title and
    its lead) the lead's place wins when it is as fine as the title's."""
    # Missiles intercepted, then the strike that fired them: the strike is the event; arrests, then the
    # protest they were made at: the protest is.
    swap = retype and _rank(other) < _rank(head)
    base, extra = (other, head) if swap else (head, other)
    told = Evidence(
        start=extra.sentence.start,
        end=extra.sentence.end,
        text=extra.sentence.text,
        stage=NAME,
        reason=f"the same incident told again at {extra.trigger.text!r} ({extra.acled_subtype})",
    )
    changes: dict[str, object] = {}
    notes: list[str] = []
    if not stated(base) and stated(extra) and _finer_date(extra, base):
        changes["date"] = extra.date
        notes.append(f"date from the telling at {extra.trigger.text!r}")
    headline_then_lead = base.trigger.start < headline_end <= extra.trigger.start and not base.mentions
    if named(extra) and (
        base.place is None
        or _within_places(base.place, extra.place)
        # a title's place yields to the lead's when that is as fine or finer
        or (headline_then_lead and lead_place and extra.place is not None and _as_fine(extra.place, base.place))
    ):
        changes["place"] = extra.place
        notes.append(f"place from the telling at {extra.trigger.text!r}")
    # (a crowd's headline keeps its own toll: a death told in the lead under it is often its cause)
    if (
        retype
        and _count(extra.killed) is not None
        and (_count(base.killed) is None or _vague(base.killed) and not _vague(extra.killed))
    ):
        changes["killed"] = extra.killed
        notes.append(f"killed from the telling at {extra.trigger.text!r}")
    if retype and _count(base.wounded) is None and _count(extra.wounded) is not None:
        changes["wounded"] = extra.wounded
    if lead_place and not swap and _named_sides(extra) > _named_sides(base):
        # the lead names the sides the title only hints at ("Rebels kill 12" over "fighters of X attacked")
        changes |= {"actors": extra.actors, "recipients": extra.recipients}
        notes.append(f"sides from the lead at {extra.trigger.text!r}")
    if base.claimant is None and extra.claimant is not None:
        changes["claimant"] = extra.claimant
    riot_told = extra.acled_type == "Riots" and _bare_headline_clash(base, headline_end)
    if (
        retype
        and base.trigger.start < headline_end <= extra.trigger.start
        and (not base.mentions or riot_told)
        and (_rank(extra) <= _rank(base) or riot_told)
        and not _more_specific(base, extra)
        and not _crowd_says_less(extra, base)
    ):
        if (base.acled_type, base.acled_subtype) != (extra.acled_type, extra.acled_subtype):
            changes |= {
                "kind": extra.kind,
                "plover": extra.plover,
                "modes": extra.modes,
                "acled_type": extra.acled_type,
                "acled_subtype": extra.acled_subtype,
            }
            notes.append(f"typed as the lead tells it at {extra.trigger.text!r}")
    elif not retype and base.acled_subtype == "Peaceful protest" and extra.acled_type == "Battles":
        # a crowd told as fighting in the lead: ACLED codes demonstrators who fight as a riot
        changes |= {"kind": "violent", "acled_type": "Riots", "acled_subtype": "Violent demonstration"}
        notes.append(f"a demonstration that fought, as told at {extra.trigger.text!r}")
    elif base.acled_subtype == "Mob violence" and extra.acled_subtype == "Violent demonstration":
        changes["acled_subtype"] = extra.acled_subtype
        notes.append(f"a demonstration, as told at {extra.trigger.text!r}")
    elif _more_specific(extra, base):
        changes["acled_subtype"] = extra.acled_subtype
        notes.append(f"the sub-type told at {extra.trigger.text!r} says more")
    elif base.acled_type == "Protests" and (extra.acled_type, extra.acled_subtype) == (
        "Riots",
        "Violent demonstration",
    ):
        # the participants' own violence, told in another sentence, makes the protest a riot
        changes |= {"kind": extra.kind, "acled_type": extra.acled_type, "acled_subtype": extra.acled_subtype}
        notes.append(f"the participants' violence told at {extra.trigger.text!r}")
    elif base.acled_type == "Protests" and _force_on_protest(extra) > PROTEST_FORCE.get(base.acled_subtype or "", 0):
        # "police detained dozens", told after the protest it broke up: the protest's sub-type says so
        changes["acled_subtype"] = (
            "Protest with intervention" if extra.acled_subtype == "Arrests" else extra.acled_subtype
        )
        notes.append(f"force on the protest told at {extra.trigger.text!r}")
    names = {w.name for w in base.weapons}
    mentions = tuple(sorted((*base.mentions, told, *extra.mentions), key=lambda m: m.start))
    reason = f"joined with the telling at {extra.trigger.text!r}" + (f": {'; '.join(notes)}" if notes else "")
    return replace(
        base,
        **changes,  # type: ignore[arg-type]
        weapons=base.weapons + tuple(w for w in extra.weapons if w.name not in names),
        claims=base.claims + extra.claims,
        confidence=max(base.confidence, extra.confidence),
        mentions=mentions,
        reasons=(*base.reasons, reason),
    )


def _force_on_protest(event: Event) -> int:
    """How much force a telling says was used on a protest (PROTEST_FORCE): arrests made at it intervene;
    deadly force is told outright. (A telling typed as an intervention alone reads too little to count.)"""
    if event.acled_subtype == "Arrests":
        return PROTEST_FORCE["Protest with intervention"]
    if (event.acled_type, event.acled_subtype) == ("Protests", "Excessive force against protesters"):
        return PROTEST_FORCE["Excessive force against protesters"]
    return 0


# What a crowd event tells was done, least first: a lead that tells a gathering as peaceful says less than
# a headline telling it broken up or violent.
CROWD_LEVEL = {
    ("Protests", "Peaceful protest"): 0,
    ("Protests", "Protest with intervention"): 1,
    ("Protests", "Excessive force against protesters"): 2,
    ("Riots", "Violent demonstration"): 2,
    ("Riots", "Mob violence"): 2,
}


def _crowd_says_less(a: Event, b: Event) -> bool:
    """``a`` tells the gathering ``b`` tells with less done at it ("protests" after "protesters overran")."""
    la, lb = (
        CROWD_LEVEL.get((a.acled_type or "", a.acled_subtype or "")),
        CROWD_LEVEL.get((b.acled_type or "", b.acled_subtype or "")),
    )
    return la is not None and lb is not None and la < lb


def _more_specific(a: Event, b: Event) -> bool:
    """``a`` names a sub-type of the same ACLED type that few words tell (a suicide bomb, not any blast)."""
    return a.acled_type == b.acled_type and a.acled_subtype in SPECIFIC and b.acled_subtype not in SPECIFIC


def _rank(event: Event) -> int:
    """Which of two joined tellings names the incident: violence, then a crowd, then the rest. Between
    a protest and a riot the first telling stays: what a protest became is read by the ACLED view
    (``acled_view.fold_protest_response``) from the words that tell it."""
    if event.acled_type in VIOLENT_TYPES:
        return 0
    return 1 if event.acled_type in CROWD_TYPES else 2


def _named_sides(event: Event) -> int:
    """How many sides an event names (an unidentified group or no one names none)."""
    return sum(not x.name.startswith(UNIDENTIFIED) for x in (*event.actors, *event.recipients))


def _as_fine(place: Place, other: Place) -> bool:
    return FINENESS[place.precision] <= FINENESS[other.precision]


def _finer_date(extra: Event, base: Event) -> bool:
    """A stated date says more than the one ``base`` has unless it is coarser ("this year" against the
    day of publication)."""
    if extra.date is None or base.date is None or base.date.date is None:
        return True
    return DATE_FINENESS.get(extra.date.precision, 4) <= DATE_FINENESS.get(base.date.precision, 4)


def _within_places(coarse: Place | None, fine: Place | None) -> bool:
    return coarse is not None and fine is not None and _within(coarse, fine)


def _count(casualties: object) -> object:
    return getattr(casualties, "total", None)


def _vague(casualties: object) -> bool:
    """A toll told without a number ("dozens", "scores"): a telling that gives one says more. People
    named one by one ("a principal and a teacher") are counted, not vague."""
    raw = getattr(_count(casualties), "raw", "") or ""
    return not NUMBER_WORD.search(raw) and not ENUMERATION.search(raw)
