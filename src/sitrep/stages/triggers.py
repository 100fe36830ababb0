"""Event words ("shelled", "air strike", "condemns", "appeals to") from the trigger lexicon."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Mention, Trigger
from ..parsed import doc_text
from ..registry import stage
from ..resolve.keyed_words import (
    BLOCKADE,
    BLOCKING,
    CLOSING,
    DISPLACEMENT,
    DOWNED,
    ENGAGE,
    NEUTRAL_CAPTURE,
    PATROL,
    RELEASE,
    WOUNDING,
    KeyedWords,
)
from ..resolve.syntax_cues import bomber_stopped
from ..resolve.trigger_lexicon import Family, lexicon
from ..resolve.wording import has_any_word
from ..span_index import SpanIndex
from .trigger_cues import (
    AIRCRAFT_WORDS,
    ARMED_PARTY_WORDS,
    CIVIL_MEANS,
    CONFLICT_CAUSES,
    NON_GROUND,
    ORDINARY_CRIME_WORDS,
    POLITICAL_ARREST_WORDS,
    PRISONER_WORDS,
    RIOT_GEAR_HEADS,
    WATCHING_VERBS,
    WEAPON_HEADS,
    a_parade,
    a_show_of_something,
    abstract_object,
    blocks_a_way,
    capture_of_no_ground,
    captured_people,
    crowd_subject,
    gathering_still_to_come,
    object_of,
    someone_hurt_someone,
    struck_by_nature,
    struck_by_traffic,
    thrown_by_hand,
    violence_signs,
)
from .trigger_frames import find_frames

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..annotated import Annotated

NAME = "triggers.lexicon.v1"


@dataclass(frozen=True, slots=True)
class _Hit:
    """A candidate event word: the matched tokens ``doc[start:end]``, its family and lexicon phrase."""

    doc: Doc
    start: int
    end: int
    family: Family
    phrase: str

    @property
    def single(self) -> bool:
        return self.end - self.start == 1

    @property
    def token(self) -> Token:
        return self.doc[self.start]

    def sentence(self) -> str:
        """The lower-cased sentence of the word."""
        return self.doc[self.start].sent.text.lower()

    def names(self, keyed: KeyedWords) -> bool:
        return keyed.names(self.family.name, self.phrase)


# Each rule below tells why a candidate is not an event word; a candidate any rule rejects is dropped.
# Words a rule singles out are declared in resolve/keyed_words.py, checked against the lexicon when it loads.


def _wrong_single_word(hit: _Hit) -> bool:
    if not hit.single:
        return False
    token = hit.token
    if token.pos_ not in hit.family.pos:
        return True
    if token.ent_type_ in {"PERSON", "ORG", "GPE", "DATE", "CARDINAL"} and token.pos_ == "PROPN":
        return True
    if (
        token.dep_ == "amod"
        and token.tag_ == "VBN"
        and hit.start + 1 < len(hit.doc)
        and hit.doc[hit.start + 1].tag_ == "HYPH"
    ):
        return True  # "a burnt-out truck", "bombed-out houses": a state of things, not an event told
    if hit.names(PATROL) and token.pos_ == "NOUN" and token.dep_ in {"nsubj", "nsubjpass"}:
        return True  # "as the patrol passed": the unit, not the act of patrolling
    if (
        hit.names(PATROL)
        and token.pos_ == "NOUN"
        and token.dep_ == "pobj"
        and token.head.lower_ == "on"
        and not has_any_word(hit.sentence(), ARMED_PARTY_WORDS)
    ):
        # "officers on patrol responded to a call": police at work, not a deployment ("militants wounded
        # while on patrol" may be all a report tells of an attack on them)
        return True
    return False


# People a protest word may name by their part in protests ("protest leaders", "a protest organiser").
PROTEST_PEOPLE = frozenset({"leader", "organiser", "organizer", "figure", "activist", "veteran", "icon", "movement"})


def _protest_not_held(hit: _Hit) -> bool:
    if hit.family.name != "protest":
        return False
    if a_parade(hit.doc[hit.end - 1]):
        return True  # "troops held a march-past": a parade
    if not hit.single:
        return False
    token = hit.token
    if token.dep_ in {"dobj", "pobj"} and token.head.lemma_.lower() in WATCHING_VERBS:
        return True  # "a journalist covering a protest": the protest is what was watched, not the event told
    if gathering_still_to_come(token):
        return True  # "arrested activists ahead of the protest": the protest had not been held
    if token.dep_ == "compound" and token.head.lemma_.lower() in PROTEST_PEOPLE:
        return True  # "three protest leaders were arrested": the people named, not a protest told
    if a_show_of_something(token):
        return True  # "a demonstration of close ties": a show, not a gathering
    return hit.phrase in lexicon().crowd_subject_words and not (
        crowd_subject(token) and has_any_word(token.sent.text.lower(), lexicon().protest_purpose)
    )


# What a demand to return "looted funds" names: money taken, not a looting told.
PLUNDERED_MONEY = frozenset({"fund", "money", "monies", "wealth", "asset", "resource", "cash", "billion", "million"})


def _plundered_money(hit: _Hit) -> bool:
    token = hit.token
    return hit.family.name == "loot" and token.dep_ == "amod" and token.head.lemma_.lower() in PLUNDERED_MONEY


def _firing_range(hit: _Hit) -> bool:
    doc, end = hit.doc, hit.end
    # "within the firing range of the troops": a distance, not fire
    return (
        end < len(doc) and doc[end].lower_ in {"range", "ranges"} and hit.token.lower_ in {"firing", "fire", "shooting"}
    )


def _tools_downed(hit: _Hit) -> bool:
    # "downed tools" is a strike; a downed drone is an interception
    return hit.names(DOWNED) and not has_any_word(hit.sentence(), AIRCRAFT_WORDS)


def _engaged_in_a_pursuit(hit: _Hit) -> bool:
    # "a gang engaged in stealing cars", "engaged in talks": taking part in something, not fighting
    return hit.names(ENGAGE) and any(c.dep_ == "prep" and c.lower_ == "in" for c in hit.token.children)


def _arrest_for_ordinary_crime(hit: _Hit) -> bool:
    # "police arrested ten persons and recovered counterfeit notes": police work, not a political arrest
    if hit.family.name != "arrest":
        return False
    sentence = hit.sentence()
    return has_any_word(sentence, ORDINARY_CRIME_WORDS) and not has_any_word(
        sentence, ARMED_PARTY_WORDS + POLITICAL_ARREST_WORDS
    )


# Goods whose seizure is police work against crime, not looting by a party to a conflict.
CONTRABAND_WORDS = (*ORDINARY_CRIME_WORDS, "drugs", "cocaine", "heroin", "cannabis", "marijuana", "methamphetamine")


def _seizure_for_ordinary_crime(hit: _Hit) -> bool:
    # "officers seized 40 kilograms of drugs": a seizure of contraband, not an armed group's looting
    if hit.family.name != "loot" or hit.token.lemma_.lower() not in {"seize", "confiscate", "seizure"}:
        return False
    sentence = hit.sentence()
    return has_any_word(sentence, CONTRABAND_WORDS) and not has_any_word(sentence, ARMED_PARTY_WORDS)


def _struck_by_nature(hit: _Hit) -> bool:
    # "an area recently hit by an earthquake", "floods destroyed crops": a disaster, not an attack
    if hit.family.kind == "verbal" or hit.token.pos_ != "VERB":
        return False
    root = hit.doc[hit.start : hit.end].root
    # "a woman was struck by a car": a road accident
    return struck_by_nature(root) or (hit.family.name == "attack" and struck_by_traffic(root))


def _means_mobilized(hit: _Hit) -> bool:
    # "the military mobilized efforts to help people trapped by the flood": no troops moved
    if hit.family.name == "mobilize" and hit.single and hit.token.dep_ == "compound":
        return True  # "a patrol vehicle", "a curfew pass": a kind of thing, not a move
    if hit.family.name != "mobilize" or hit.token.pos_ != "VERB":
        return False
    # "reinforcing and developing the friendship": the object may hang on the verb conjoined to it
    verbs = [hit.token, *(c for c in hit.token.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    acted_on = next((o for o in map(object_of, verbs) if o is not None), None)
    return acted_on is not None and acted_on.lemma_.lower() in CIVIL_MEANS


def _no_ground_taken(hit: _Hit) -> bool:
    # "a website taken over by a media group", "took over the leadership": a firm or a post, not ground
    if not hit.names(NEUTRAL_CAPTURE):
        return False
    acted_on = object_of(hit.doc[hit.start : hit.end].root)
    return acted_on is not None and acted_on.lower_ in NON_GROUND


def _pact_without_armed_party(hit: _Hit) -> bool:
    # a suspect surrendering to police, a trade accord: not an agreement between armed parties
    return hit.family.name == "pact" and not has_any_word(hit.sentence(), ARMED_PARTY_WORDS)


def _release_not_of_prisoners(hit: _Hit) -> bool:
    if not hit.names(RELEASE):
        return False
    sentence = hit.sentence()
    # only prisoners or captives set free are a strategic development
    return not (
        has_any_word(sentence, PRISONER_WORDS)
        and has_any_word(sentence, ARMED_PARTY_WORDS + ("soldiers", "peace", "political"))
        and not has_any_word(sentence, ("bail", "parole"))
    )


def _displaced_without_conflict(hit: _Hit) -> bool:
    # people displaced by a flood are not a conflict event
    return hit.names(DISPLACEMENT) and not has_any_word(hit.sentence(), CONFLICT_CAUSES)


def _fight_against_an_ill(hit: _Hit) -> bool:
    # "to combat the spread of the virus", "the fight against corruption"
    return hit.family.name == "clash" and hit.single and abstract_object(hit.doc, hit.end)


def _capture_of_people(hit: _Hit) -> bool:
    # people taken prisoner, or a building occupied by protesters: no ground changes hands
    return hit.family.name == "capture" and (
        captured_people(hit.token)
        or capture_of_no_ground(hit.token)
        or has_any_word(
            hit.sentence(), ("protest", "protests", "protesting", "protesters", "demonstrators", "demonstration")
        )
    )


def _people_intercepted(hit: _Hit) -> bool:
    # "intercepted 20 smugglers": people stopped, not a weapon
    return hit.family.name == "disrupt" and hit.token.lemma_.lower() == "intercept" and captured_people(hit.token)


# Objects that make a verb mean something else: "executed the projects", "withdrew the challenge",
# "handed over the petition", "engaged in talks", "demonstrated its resolve".
PAPERWORK = frozenset(
    "project projects plan plans order orders programme programmes program programs contract contracts strategy "
    "warrant warrants deal deals task tasks scheme schemes transaction transactions policy policies decision "
    "agreement trade trades motion motions petition petitions letter letters document documents report reports "
    "list lists cheque cheques bill bills challenge challenges case cases complaint complaints candidacy "
    "application applications offer offers support funding request requests award awards trophy cup keys "
    "journalists journalist correspondent correspondents staff resignation ambassador ambassadors diplomat diplomats "
    "envoy envoys".split()
)
# What one beats a rival by in a race, a vote or a match: a win, not a beating.
MARGINS = frozenset(
    "margin margins vote votes point points goal goals run runs wicket wickets second seconds stroke strokes "
    "length lengths seat seats percent".split()
)
TALK = frozenset(
    "dialogue dialog talks negotiations negotiation discussion discussions conversation debate diplomacy".split()
)
EXPLOSIVE_SUBJECTS = frozenset(
    "bomb bombs device devices explosive explosives ied ieds grenade grenades mine mines landmine landmines "
    "charge charges shell shells rocket rockets mortar mortars blast blasts explosion explosions".split()
)
# What burns or wrecks without a doer: a fire, a flood, a storm.
NATURAL_CAUSES = frozenset(
    "fire fires wildfire wildfires blaze blazes bushfire bushfires flame flames inferno lightning flood floods "
    "storm storms cyclone hurricane typhoon tornado earthquake quake landslide mudslide wind winds smoke heat".split()
)
# Measures of land: "500 square miles burning", "acres burned".
AREAS = frozenset(
    "acre acres hectare hectares mile miles kilometre kilometres kilometer kilometers forest forests".split()
)
FORCES = frozenset(
    "troop troops force forces soldier soldiers fighter fighters unit units army armies militant militants "
    "rebel rebels militia militias contingent contingents battalion battalions brigade brigades personnel "
    "peacekeeper peacekeepers marine marines police".split()
)


def _by_nature(token: Token) -> bool:
    """ "Fires burning across the state", "acres burned", "homes destroyed by the blaze": a wildfire, a
    flood or a storm, not people destroying property."""
    for c in token.children:
        lemma = c.lemma_.lower()
        if c.dep_ in {"nsubj", "nsubjpass"} and lemma in NATURAL_CAUSES | AREAS:
            return True
        if c.dep_ == "agent" and any(g.lemma_.lower() in NATURAL_CAUSES for g in c.children):
            return True
        if c.dep_ == "dobj" and lemma in AREAS:
            return True
    head = token.head
    # "2.3 million acres burned", "the Creek Fire was burning" (the participle hangs on what burned)
    return token.dep_ in {"amod", "acl", "relcl"} and head.lemma_.lower() in NATURAL_CAUSES | AREAS


def _argument_lemma(token: Token) -> str | None:
    found = object_of(token)
    return found.lemma_.lower() if found is not None else None


def _another_sense(hit: _Hit) -> bool:
    """An event word used in another sense, told by what the verb governs."""
    token, lemma = hit.token, hit.token.lemma_.lower()
    following = hit.doc[hit.end].lower_ if hit.end < len(hit.doc) else ""
    if hit.family.name == "attack" and token.lower_ == "wound" and following == "up":
        return True  # "she wound up on a plane to Paris"
    if hit.family.name == "attack" and lemma == "execute" and _argument_lemma(token) in PAPERWORK:
        return True  # "the projects were executed by army engineers"
    if hit.family.name == "explosion" and hit.phrase == "go off":
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        return subject is not None and subject.lemma_.lower() not in EXPLOSIVE_SUBJECTS  # "his car went off the ramp"
    if hit.family.name == "protest" and lemma == "demonstrate" and token.pos_ == "VERB":
        # "this was demonstrated by our decision", "the striker demonstrated why": a showing, not a protest
        if following in {"that", "why", "how", "what"} or any(
            c.dep_ in {"nsubjpass", "auxpass"} for c in token.children
        ):
            return True
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        crowd = subject is not None and (subject.tag_ == "NNS" or any(c.dep_ == "nummod" for c in subject.children))
        return not crowd and any(c.dep_ in {"dobj", "ccomp"} for c in token.children)
    if hit.family.name == "beat" and lemma == "beat" and token.pos_ == "VERB":
        # "beating his rival by a wide margin", "beat them by two goals": a win
        return any(
            c.dep_ == "prep" and c.lower_ == "by" and any(g.lemma_.lower() in MARGINS for g in c.subtree)
            for c in token.children
        )
    if hit.family.name == "clash" and lemma == "engage":
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"), None)
        objects = [c.lemma_.lower() for c in prep.children if c.dep_ == "pobj"] if prep is not None else []
        return any(o in TALK for o in objects)  # "engage in a dialogue"
    if hit.family.name == "loot" and lemma in {"burn", "destroy", "raze"}:
        return _by_nature(token)
    if hit.family.name == "withdraw" and lemma in {"withdraw", "hand"}:
        argument = _argument_lemma(token)
        return argument is not None and argument not in FORCES and argument in PAPERWORK  # "withdrew the challenge"
    return False


def _bomber_stopped(hit: _Hit) -> bool:
    return hit.family.name == "suicide" and bomber_stopped(hit.doc[hit.start : hit.end].root)


def _kind_of_weapon(hit: _Hit) -> bool:
    doc, end = hit.doc, hit.end
    # "assault rifles", "attack helicopters": a kind of weapon, not an act
    return (
        hit.family.name == "attack"
        and hit.single
        and end < len(doc)
        and hit.token.lower_ in {"assault", "attack"}
        and doc[end].lower_ in WEAPON_HEADS
    )


def _weapon_making(hit: _Hit) -> bool:
    doc, end = hit.doc, hit.end
    # "bomb-making materials", "an IED-making cell": the craft of making the weapon, not one going off
    return (
        hit.single
        and end + 1 < len(doc)
        and doc[end].tag_ == "HYPH"
        and doc[end + 1].lower_ in {"making", "maker", "makers", "factory", "factories", "workshop", "workshops"}
    )


def _riot_gear(hit: _Hit) -> bool:
    doc, end = hit.doc, hit.end
    # "riot police chased the crowd", "anti-riot units": the police who face riots, not a riot
    return (
        hit.family.name == "riot"
        and hit.single
        and hit.token.lower_ in {"riot", "anti-riot"}
        and end < len(doc)
        and doc[end].lower_ in RIOT_GEAR_HEADS
    )


def _shells_not_fired(hit: _Hit) -> bool:
    if hit.family.name != "shelling":
        return False
    if (
        hit.single
        and hit.token.pos_ == "NOUN"
        and has_any_word(
            hit.sentence(), ("recovered", "seized", "confiscated", "cache", "haul", "ammunition", "cartridges")
        )
    ):
        return True  # "recovered a rifle and 20 live shells": ammunition found, not artillery fired
    before = doc_text(hit.doc)[max(0, hit.token.idx - 12) : hit.token.idx]
    # "lobbed tear gas shells": crowd control, not artillery
    return re.search(r"\b(?:tear[- ]?gas|teargas|smoke|gas)\s*$", before, re.IGNORECASE) is not None


# Forces a vigilante may be named beside as one side ("the army and vigilantes mounted a campaign").
STATE_OR_ARMED = FORCES | frozenset({"military", "militants", "insurgents", "jihadists", "gunmen"})


def _vigilantes_named_only(hit: _Hit) -> bool:
    """ "Vigilante" names people: a mob act only when they act on their own. Quoted as a source ("according
    to vigilantes") or named beside armed forces as one side, they are a militia or a witness, and the
    sentence's own act words name the event."""
    if hit.family.name != "mob" or not hit.single or hit.token.lemma_.lower() != "vigilante":
        return False
    token = hit.token
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
        return True
    return any(t.lower_ in STATE_OR_ARMED for t in token.conjuncts)  # the words joined to it by "and"


def _thrown_by_hand(hit: _Hit) -> bool:
    # "projectiles were thrown at police", "petrol bombs": a crowd's missiles, not artillery or a bomb; the
    # sentence's other words (the demonstration, the riot, the attack) name the event
    return hit.family.name in {"shelling", "explosion", "bombard"} and hit.single and thrown_by_hand(hit.token)


def _done_without(hit: _Hit) -> bool:
    # "took the palace without a fight": the fight did not happen
    return hit.single and hit.token.dep_ == "pobj" and hit.token.head.lower_ == "without"


def _body_without_violence(hit: _Hit) -> bool:
    return hit.family.name == "body" and not violence_signs(hit.doc, hit.start, hit.end)


def _toll_not_wounding(hit: _Hit) -> bool:
    # "three were wounded": a toll for another event word, not an event of its own
    return hit.names(WOUNDING) and not someone_hurt_someone(hit.token)


def _way_not_blocked(hit: _Hit) -> bool:
    token = hit.token
    if hit.names(CLOSING) and not (blocks_a_way(token) and crowd_subject(token)):
        return True  # residents closing a highway protest; the authorities closing a road take a measure
    if hit.names(BLOCKING) and not blocks_a_way(token):
        return True  # "blocked the account", "blocked the bill": not a road
    # gunmen blocking a road are not protesting; students or villagers blocking it are
    return (
        hit.names(BLOCKADE) and not has_any_word(hit.sentence(), lexicon().protest_purpose) and not crowd_subject(token)
    )


# In the order they are asked (cheap and general first).
REJECTIONS: tuple[Callable[[_Hit], bool], ...] = (
    _wrong_single_word,
    _protest_not_held,
    _plundered_money,
    _firing_range,
    _tools_downed,
    _engaged_in_a_pursuit,
    _arrest_for_ordinary_crime,
    _seizure_for_ordinary_crime,
    _struck_by_nature,
    _means_mobilized,
    _no_ground_taken,
    _pact_without_armed_party,
    _release_not_of_prisoners,
    _displaced_without_conflict,
    _fight_against_an_ill,
    _capture_of_people,
    _people_intercepted,
    _another_sense,
    _bomber_stopped,
    _kind_of_weapon,
    _weapon_making,
    _riot_gear,
    _shells_not_fired,
    _thrown_by_hand,
    _vigilantes_named_only,
    _body_without_violence,
    _done_without,
    _toll_not_wounding,
    _way_not_blocked,
)


def _accept(doc: Doc, start: int, end: int, payload: tuple[Family, str]) -> bool:
    hit = _Hit(doc, start, end, *payload)
    return not any(rejects(hit) for rejects in REJECTIONS)


@stage(NAME, requires=(), assigns=("trigger",))
def find(annotated: Annotated) -> tuple[Mention, ...]:
    """Every event word in the text, typed by its family's defaults (refined at assembly)."""
    doc = annotated.doc
    found = []
    for hit in lexicon().matcher.find(doc, accept=_accept):
        family, phrase = hit.payload
        span = doc[hit.start : hit.end]
        found.append(_mention(span.start_char, span.end_char, span.text, family, phrase, span.root.pos_ == "VERB"))
    # a verb its argument makes an event word ("launched two missiles"): it replaces what the verb alone
    # gave, and a later frame's verb replaces an earlier frame's
    frames = [
        f for f in find_frames(doc) if _accept(doc, f.token.i, f.token.i + 1, (lexicon().family(f.family), f.phrase))
    ]
    spans = SpanIndex(
        range(len(frames)), lambda i: (frames[i].token.idx, frames[i].token.idx + len(frames[i].token.text))
    )
    found = [m for m in found if not spans.any_overlapping(m.start, m.end)]
    for i, frame in enumerate(frames):
        start, end = frame.token.idx, frame.token.idx + len(frame.token.text)
        if max(spans.overlapping(start, end), default=i) <= i:
            found.append(_mention(start, end, frame.token.text, lexicon().family(frame.family), frame.phrase, True))
    return tuple(sorted(found, key=lambda m: m.start))


def _mention(start: int, end: int, text: str, family: Family, phrase: str, verb: bool) -> Mention:
    return Mention(
        kind="trigger",
        start=start,
        end=end,
        text=text,
        value=Trigger(lemma=phrase, family=family.name, kind=family.kind, plover=family.plover, modes=family.modes),
        stage=NAME,
        score=0.9 if verb else 0.8,
    )
