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
    PATROL,
    RELEASE,
    WOUNDING,
    KeyedWords,
)
from ..resolve.lexicon import has_any_word
from ..resolve.syntax_cues import bomber_stopped
from ..resolve.trigger_lexicon import Family, lexicon
from .trigger_frames import find_frames

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..annotated import Annotated

NAME = "triggers.lexicon.v1"


# Nouns for a crowd of ordinary people: when they gather, demand or chant, it is a protest.
CROWD_NOUNS = frozenset(
    "people group members residents villagers workers employees staff students teachers parents farmers traders "
    "merchants vendors drivers neighbours neighbors activists supporters retirees pensioners doctors nurses "
    "relatives families women youths citizens inhabitants locals dozens hundreds thousands crowd protesters "
    "demonstrators community communities owners miners unions union journalists lawyers veterans fishermen "
    "shopkeepers sellers retirees protestors laborers labourers migrants lecturers".split()
)
# Verbs of watching or reporting: a gathering that is their object is where someone was, not the event.
WATCHING_VERBS = frozenset({"cover", "film", "photograph", "report", "document", "monitor", "livestream", "broadcast"})
# A former member of the forces is a citizen: "retired soldiers gathered" can be a protest.
FORMER = frozenset({"retired", "former", "ex", "demobilised", "demobilized", "discharged"})


# Nouns after "assault" or "attack" that make it a kind of weapon ("assault rifle", "attack helicopter").
WEAPON_HEADS = frozenset(
    "rifle rifles weapon weapons helicopter helicopters aircraft drone drones boat boats vehicle vehicles "
    "dog dogs submarine submarines craft".split()
)


# What can be brought down in flight: a downed one is a disrupted weapon.
AIRCRAFT_WORDS = (
    "drone",
    "drones",
    "uav",
    "uavs",
    "unmanned",
    "aircraft",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "projectile",
    "projectiles",
    "helicopter",
    "warplane",
    "jet",
    "plane",
)
# Parties to a conflict agreement (ACLED: agreements between armed actors, surrenders, prisoner exchanges).
ARMED_PARTY_WORDS = (
    "armed",
    "rebel",
    "rebels",
    "militants",
    "militant",
    "fighters",
    "insurgents",
    "militia",
    "militias",
    "army",
    "troops",
    "forces",
    "military",
    "ceasefire",
    "cease-fire",
    "truce",
    "war",
    "prisoners of war",
    "combatants",
    "commander",
    "faction",
    "factions",
    "group",
    "jihadists",
    "separatists",
    "hostilities",
)


PRISONER_WORDS = ("prisoners", "prisoner", "detainees", "captives", "hostages", "prison", "prisons", "prisoners of war")
# Causes that make a displacement part of a conflict.
CONFLICT_CAUSES = (
    "fighting",
    "clashes",
    "clash",
    "violence",
    "attack",
    "attacks",
    "armed",
    "militants",
    "war",
    "conflict",
    "military",
    "troops",
    "insecurity",
    "bombing",
    "shelling",
    "airstrikes",
    "gunmen",
    "rebels",
    "war-affected",
    "operations",
    "offensive",
)
# What one "combats" or "fights" when no one is fought: diseases, crimes, social ills.
ABSTRACT_FOES = frozenset(
    "spread virus coronavirus covid covid-19 pandemic epidemic disease diseases corruption poverty crime "
    "drugs trafficking unemployment hunger illiteracy climate fire fires wildfire wildfires flames "
    "infection infections outbreak malaria cancer fraud inflation impunity".split()
)


# Who is captured when people, not ground, are taken ("a mob tried to capture two men"). Captured
# fighters stay a capture: event typing reads that as fighting (resolve/event_types.py).
CAPTIVE_NOUNS = frozenset(
    "man men woman women thief thieves suspect suspects people person persons member members "
    "civilian civilians officer officers policeman policemen child children hostage hostages "
    "prisoner prisoners criminal criminals smuggler smugglers robber robbers boy boys girl girls "
    "journalist journalists worker workers".split()
)


def _captured_people(token: Token) -> bool:
    """Whether a capture word takes people who are not fighters ("tried to capture two thieves"),
    reading through conjoined verbs ("were beaten, robbed or captured")."""
    verb = token
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in {"dobj", "nsubjpass"}:
                return child.lower_ in CAPTIVE_NOUNS or child.ent_type_ in {"PERSON", "NORP"}
        if verb.dep_ in {"conj", "advcl"} and verb.head.i != verb.i:
            verb = verb.head
        else:
            break
    return False


# What a crowd blocks when it protests by blocking.
WAYS = frozenset(
    "road roads highway highways street streets route routes entrance entrances access rail rails railway "
    "track tracks traffic bridge junction crossing gate gates motorway expressway avenue intersection "
    "roundabout border office offices".split()
)


ROAD_NUMBER = re.compile(r"^[A-Z]{1,3}-?\d{1,4}$")


def _blocks_a_way(token: Token) -> bool:
    """Whether a "block" verb's object is a road, an entrance or an office ("blocked the national road")."""
    obj = next((c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if obj is None:
        # "blocked with two vehicles the highway": the parse loses the object after a phrase
        end = min(token.i + 9, token.sent.end)  # Token.sent scans the parse: asked once
        return any(t.pos_ == "NOUN" and t.lemma_.lower() in WAYS for t in token.doc[token.i + 1 : end])
    words = {obj.lower_, obj.lemma_.lower()} | {c.lower_ for c in obj.children if c.dep_ == "compound"}
    # a road's number: "the N7", "the A-1", "route 9"
    numbered = bool(ROAD_NUMBER.match(obj.text)) or (
        (obj.pos_ == "PROPN" or obj.text.isupper())
        and (any(c.like_num for c in obj.children) or any(t.like_num for t in obj.doc[obj.i + 1 : obj.i + 2]))
    )
    return bool(words & WAYS) or numbered


def _abstract_object(doc: Doc, end: int) -> bool:
    """Whether the words after a fight word name a disease or a social ill rather than an enemy."""
    window = [t.lower_ for t in doc[end : min(len(doc), end + 5)] if t.sent.start == doc[end - 1].sent.start]
    return any(w in ABSTRACT_FOES for w in window)


def _subject(token: Token) -> Token | None:
    """The subject of a verb, looking through conjoined and open-complement verbs ("gathered and demanded")."""
    verb = token
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
        if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.pos_ == "NOUN":
            return verb.head  # "a group of people gathered", parsed as a clause on "group"
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
            verb = verb.head
        else:
            break
    return None


def _governing_verb(token: Token) -> Token:
    """The verb whose object a noun event word is ("villagers staged a road blockade"), else the word itself."""
    noun = token.head if token.dep_ == "compound" else token
    return noun.head if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else token


def _crowd_subject(token: Token) -> bool:
    if token.pos_ in {"NOUN", "PROPN"}:
        token = _governing_verb(token)
    subject = _subject(token) or _noun_before(token)
    if subject is not None and subject.ent_type_ in {"PERSON", "GPE"}:
        # "..., in Minas Gerais, nurses gathered": the parse may take the place for the subject
        subject = next((c for c in subject.children if c.dep_ == "appos"), subject)
    if subject is None or subject.ent_type_ in {"PERSON", "GPE", "NORP"} or subject.pos_ == "PRON":
        return False
    if any(c.lower_ in FORMER for c in subject.children if c.dep_ in {"amod", "compound"}):
        return True
    return subject.lemma_.lower() in CROWD_NOUNS or subject.lower_ in CROWD_NOUNS


# Subjects that are themselves the event ("the blast wounded three"): their own words make the event.
EVENT_SUBJECTS = frozenset(
    "blast explosion attack shelling shell fire gunfire strike airstrike bomb mine clash clashes fighting "
    "raid assault bombing explosions blasts attacks shells rocket rockets missile missiles grenade".split()
)


def _someone_hurt_someone(token: Token) -> bool:
    """A wounding told in the active voice, with a doer that is not an event word: "gunmen wounded a farmer"."""
    if (
        any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)
        or token.tag_ == "VBN"
        and token.dep_ in {"acl", "amod"}
    ):
        return _hurt_by_someone(token)
    subject = _subject(token)
    return (
        subject is not None
        and subject.dep_ == "nsubj"
        and subject.lemma_.lower() not in EVENT_SUBJECTS
        and (subject.lower_ not in EVENT_SUBJECTS)
    )


# What a passive wounding may be "by" and still be a toll of another event word, not a doer.
HARMING_THINGS = EVENT_SUBJECTS | frozenset(
    "shrapnel bullet bullets mine landmine mines explosive explosives device debris fragments fragment "
    "ordnance projectile projectiles".split()
)


def _hurt_by_someone(token: Token) -> bool:
    """ "A civilian was wounded by Azerbaijani forces": the passive names its doers after "by"."""
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return (
        doer is not None
        and doer.pos_ in {"NOUN", "PROPN"}
        and doer.lemma_.lower() not in HARMING_THINGS
        and (doer.lower_ not in HARMING_THINGS)
    )


def _noun_before(token: Token, reach: int = 8) -> Token | None:
    """When the parse gives a verb no subject ("Veracruz, residents of Aquila blocked ..."), the crowd noun
    among the words just before it, if no other verb stands between."""
    for t in reversed(token.doc[max(token.sent.start, token.i - reach) : token.i]):
        if t.pos_ in {"VERB", "AUX"}:
            return None
        if t.pos_ == "NOUN" and (t.lemma_.lower() in CROWD_NOUNS or t.lower_ in CROWD_NOUNS):
            return t
    return None


def _violence_signs(doc: Doc, start: int, end: int) -> bool:
    """Signs of a killing in the sentence of a body's discovery or the next one."""
    sent = doc[start].sent
    stop = min(len(doc), sent.end + 60)
    nxt = doc[sent.end : stop]
    if nxt and nxt[0].sent.start == sent.end:
        text = doc_text(doc)[sent.start_char : nxt[0].sent.end_char].lower()
    else:
        text = sent.text.lower()
    return has_any_word(text, lexicon().violence_signs)


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
    return False


def _protest_not_held(hit: _Hit) -> bool:
    if hit.family.name != "protest" or not hit.single:
        return False
    token = hit.token
    if token.dep_ in {"dobj", "pobj"} and token.head.lemma_.lower() in WATCHING_VERBS:
        return True  # "a journalist covering a protest": the protest is what was watched, not the event told
    return hit.phrase in lexicon().crowd_subject_words and not (
        _crowd_subject(token) and has_any_word(token.sent.text.lower(), lexicon().protest_purpose)
    )


def _firing_range(hit: _Hit) -> bool:
    doc, end = hit.doc, hit.end
    # "within the firing range of the troops": a distance, not fire
    return (
        end < len(doc) and doc[end].lower_ in {"range", "ranges"} and hit.token.lower_ in {"firing", "fire", "shooting"}
    )


def _tools_downed(hit: _Hit) -> bool:
    # "downed tools" is a strike; a downed drone is an interception
    return hit.names(DOWNED) and not has_any_word(hit.sentence(), AIRCRAFT_WORDS)


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
    return hit.family.name == "clash" and hit.single and _abstract_object(hit.doc, hit.end)


def _capture_of_people(hit: _Hit) -> bool:
    # people taken prisoner, or a building occupied by protesters: no ground changes hands
    return hit.family.name == "capture" and (
        _captured_people(hit.token)
        or has_any_word(
            hit.sentence(), ("protest", "protests", "protesting", "protesters", "demonstrators", "demonstration")
        )
    )


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


def _body_without_violence(hit: _Hit) -> bool:
    return hit.family.name == "body" and not _violence_signs(hit.doc, hit.start, hit.end)


def _toll_not_wounding(hit: _Hit) -> bool:
    # "three were wounded": a toll for another event word, not an event of its own
    return hit.names(WOUNDING) and not _someone_hurt_someone(hit.token)


def _way_not_blocked(hit: _Hit) -> bool:
    token = hit.token
    if hit.names(CLOSING) and not (_blocks_a_way(token) and _crowd_subject(token)):
        return True  # residents closing a highway protest; the authorities closing a road take a measure
    if hit.names(BLOCKING) and not _blocks_a_way(token):
        return True  # "blocked the account", "blocked the bill": not a road
    # gunmen blocking a road are not protesting; students or villagers blocking it are
    return (
        hit.names(BLOCKADE)
        and not has_any_word(hit.sentence(), lexicon().protest_purpose)
        and not _crowd_subject(token)
    )


# In the order they are asked (cheap and general first).
REJECTIONS: tuple[Callable[[_Hit], bool], ...] = (
    _wrong_single_word,
    _protest_not_held,
    _firing_range,
    _tools_downed,
    _pact_without_armed_party,
    _release_not_of_prisoners,
    _displaced_without_conflict,
    _fight_against_an_ill,
    _capture_of_people,
    _bomber_stopped,
    _kind_of_weapon,
    _shells_not_fired,
    _body_without_violence,
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
    for frame in find_frames(doc):
        # a verb its argument makes an event word ("launched two missiles"): it replaces what the verb alone gave
        start, end = frame.token.idx, frame.token.idx + len(frame.token.text)
        found = [m for m in found if m.end <= start or m.start >= end]
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
