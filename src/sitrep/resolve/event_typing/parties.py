"""Who acts and who is hit: the actors' kinds, and where a sentence names its doers and its victims."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...actor_kinds import Inter, is_armed, is_civilian, is_crowd, is_state
from ...model import Actor, Trigger
from ..event_words import (
    ARMED_AGENT,
    ARMED_PEOPLE,
    CIVILIAN_PEOPLE,
    CROWD,
    DOER_AFTER,
    DRUG_TRADE_PERSON,
    NON_STATE_FIGHTERS,
    OFF_DUTY,
    ORGANISED_FIGHTERS,
    PEOPLE_SIDE,
    POLICE_SIDE,
    UNARMED_DOERS,
)
from ..wording import matches, whole_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def killed_civilians(sentence: str) -> bool:
    """Whether the sentence names civilian victims outright ("a civilian was wounded")."""
    return matches(r"civilians?|villagers?|residents?|child(?:ren)?|wom[ae]n|farmers?|shepherds?", sentence)


def without_actors(sentence: str, actors: tuple[Actor, ...]) -> str:
    """The sentence with the agents' own words blanked, so "militants killed a farmer" reads as "... farmer"."""
    out = sentence
    for a in actors:
        text = a.evidence.text
        if text and len(text) > 2:
            out = out.replace(text, " " * len(text))
    return out


def trigger_at(low: str, trigger: Trigger) -> int:
    """Where the trigger word starts in the lower-cased sentence (by its first four letters), or -1."""
    return low.find(trigger.lemma.split()[0][:4]) if trigger.lemma else -1


def target_text(sentence: str, trigger: Trigger, actors: tuple[Actor, ...]) -> str:
    """Where the victims are named: after an active trigger, before a passive one ("X was killed by")."""
    text = without_actors(sentence, actors)
    low = text.lower()
    at = trigger_at(low, trigger)
    if at < 0:
        return text
    before = low[max(0, at - 40) : at]
    if re.search(r"\b(?:was|were|been|being|got)\s+(?:\w+\s+)?$", before):
        return text[:at]
    return text[at:]


def victims_of(sentence: str, trigger: Trigger, actors: tuple[Actor, ...], recipients: tuple[Actor, ...]) -> str | None:
    """ "armed", "civilian" or None from the recipients, else from the nouns where the victims are named.

    ACLED counts government officials among civilians when they are attacked; a "regime" named in
    loaded words stands for its forces, so it stays armed."""
    if matches(OFF_DUTY, sentence) and not re.search(
        r"\b(?:if|whether|unclear|not clear)\b(?:\W+\w+){0,4}\W+(?:" + OFF_DUTY + r")", sentence, re.IGNORECASE
    ):
        return "civilian"  # ACLED counts off-duty soldiers and police among civilians
    # an international mission (inter 8) is an armed force even when its dictionary sector is GOV
    civil_targets = [
        r
        for r in recipients
        if is_civilian(r) or (r.sector == "GOV" and not r.loaded and r.inter != Inter.EXTERNAL_FORCES)
    ]
    armed_targets = [r for r in recipients if is_armed(r) and r not in civil_targets]
    if civil_targets and not armed_targets:
        return "civilian"
    if armed_targets and not civil_targets:
        return "armed"
    target = target_text(sentence, trigger, actors)
    armed = whole_words(ARMED_PEOPLE).search(target)
    civil = whole_words(CIVILIAN_PEOPLE).search(target)
    if armed and (not civil or armed.start() < civil.start()):
        return "armed"
    if civil:
        return "civilian"
    return None


def agent_text(sentence: str, trigger: Trigger) -> str:
    """Where the doers are named: before an active trigger, after a passive one ("beaten by a mob")."""
    low = sentence.lower()
    at = trigger_at(low, trigger)
    if at < 0:
        return sentence
    if re.search(r"\b(?:was|were|been|being|got)\s+(?:\w+\s+)?$", low[max(0, at - 40) : at]):
        return sentence[at:]
    return sentence[:at]


def sides_text(sentence: str, trigger: Trigger) -> str:
    """Where a fight's sides are named: the doers' words, or a "between ... and ..." phrase."""
    between = re.search(r"\bbetween\b[^.;]{0,100}", sentence, re.IGNORECASE)
    return agent_text(sentence, trigger) + (" " + between.group() if between else "")


# People told as hurt before a noun event word: "14 persons were injured in grenade attacks",
# "several people suffered breathing difficulties after a gas attack": victims, not doers.
HURT_BEFORE = re.compile(
    r"\b(?:were|was|have been|has been|had been|got)\s+(?:\w+\s+)?(?:injured|wounded|hurt|killed|maimed|affected)\b|"
    r"\b(?:suffered|sustained|received)\b|\blost their lives\b",
    re.IGNORECASE,
)


# People named before a flight verb fled the violence, they did not do it ("residents flee the fighting").
FLED_FROM = re.compile(
    r"\b(?:flee|flees|fled|fleeing|escap(?:e|ed|es|ing)|evacuat\w+)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)


def crowd_agent(sentence: str, trigger: Trigger, actors: tuple[Actor, ...]) -> bool:
    """An unorganised crowd did it: no armed actor among the doers, and a crowd coded or named."""
    if any(is_armed(a) for a in actors):
        return False
    agent = agent_text(sentence, trigger)
    if matches(ARMED_AGENT, agent) or FLED_FROM.search(agent):
        return False
    if actors and any(is_crowd(a) for a in actors):
        return True
    hurt = HURT_BEFORE.search(agent)
    if hurt is not None and agent is not sentence:
        # the people named before the harm are its victims; doers may still follow: "an attack by a mob"
        at = trigger_at(sentence.lower(), trigger)
        by = re.match(r"\S+(?: \S+){0,2}? " + DOER_AFTER + r"(?:" + CROWD + r")\b", sentence[at:], re.IGNORECASE)
        return by is not None or matches(CROWD, agent[hurt.end() :])
    return matches(CROWD, agent)


def unarmed_doers(sentence: str, trigger: Trigger, actors: tuple[Actor, ...]) -> bool:
    """The doers are a people, a crowd or plain persons, and no armed actor or assailant is named as doing it.

    Looks where the doers are named: before an active trigger ("several residents beat up a
    commander"), or in a "by ..." phrase after it ("an attack by a mob", "beaten by three persons")."""
    agent = agent_text(sentence, trigger)
    at = trigger_at(sentence.lower(), trigger)
    after = sentence[at:] if at >= 0 else ""
    by = re.match(r"\S+(?: \S+){0,2}? " + DOER_AFTER + r"(?:" + UNARMED_DOERS + r")\b", after)
    doers = by.group() if by else agent
    if by is None and agent is sentence:
        return False
    if matches(ARMED_AGENT + "|" + ORGANISED_FIGHTERS + "|" + ARMED_PEOPLE, doers) or matches(
        NON_STATE_FIGHTERS, sentence
    ):
        return False
    if re.search(r"\b[Mm]embers of (?:the )?[A-Z]|\b[A-Z][\w-]+ members\b", doers):  # a named group's members
        return False
    if any(is_armed(a) and a.evidence.text and a.evidence.text in doers for a in actors):
        return False
    # a crowd coded as rioters or protesters, or named as a people, a crowd or several persons (one man is no mob)
    return matches(UNARMED_DOERS, doers) or any(
        is_crowd(a) and a.evidence.text and a.evidence.text in doers for a in actors
    )


def people_against_forces(sentence: str, named: tuple[Actor, ...]) -> bool:
    """A clash "between Palestinians and Israeli forces": one side a people or crowd that is no armed
    group (no actor was resolved from its words), the other the state's forces, and no fighters or
    firearms named."""
    if not any(is_armed(a) for a in named) or matches(NON_STATE_FIGHTERS, sentence):
        return False
    sides = re.search(
        rf"\bbetween (?:the )?(?:[\w-]+ ){{0,2}}?({PEOPLE_SIDE}) and (?:the )?(?:[\w-]+ ){{0,2}}?({POLICE_SIDE}|forces|soldiers|troops|army)\b|"
        rf"\bbetween (?:the )?(?:[\w-]+ ){{0,2}}?({POLICE_SIDE}|forces|soldiers|troops|army) and (?:the )?(?:[\w-]+ ){{0,2}}?({PEOPLE_SIDE})\b|"
        rf"(?:^|[,;] |\d{{4}},? )(?:the )?(?:[\w-]+ ){{0,3}}?({PEOPLE_SIDE}) clashed with (?:the )?(?:[\w-]+ ){{0,2}}?({POLICE_SIDE}|forces|soldiers|troops|army)\b",
        sentence,
    )
    if sides is None:
        return False
    people = next(g for g in (sides.group(1), sides.group(4), sides.group(5)) if g)
    return not any(
        people in a.evidence.text or a.evidence.text in people for a in named if is_armed(a) and a.evidence.text
    )


def without_doers(text: str) -> str:
    """The text with its "by ..." agent phrases blanked ("shot by gang members": the gang is the doer)."""
    return re.sub(
        r"\bby (?:the |a |an |several |two |three )?(?:[\w-]+ ){0,2}?(?:" + DRUG_TRADE_PERSON + r")",
        " ",
        text,
        flags=re.IGNORECASE,
    )


def without_agents(text: str) -> str:
    """The text with its "by <armed agent>" phrases blanked ("found dead, killed by unknown gunmen")."""
    return re.sub(
        r"\bby (?:[\w-]+ ){0,3}(?:" + ARMED_AGENT + r")\b(?: (?:officers|personnel|members|agents|men))?",
        " ",
        text,
        flags=re.IGNORECASE,
    )


def non_state_doers(actors: tuple[Actor, ...]) -> bool:
    """The doers include a non-state armed group (rebels, militias, gangs) and no state actor."""
    state = any(is_state(a) for a in actors)
    return not state and any(is_armed(a) and a.inter != Inter.EXTERNAL_FORCES for a in actors)


def doer_phrase(context: Span | None, trigger_span: tuple[int, int] | None, *, nouns: bool = True) -> str:
    """The words naming who did the trigger: the subject of its verb (read through "and"), or the "by"
    phrase of a passive; empty when the parse gives neither. With ``nouns``, a noun trigger is read
    too: its own "by" phrase ("raids by army helicopters"), or the subject of the verb it is the object
    of ("warplanes carried out combat sorties")."""
    if context is None or trigger_span is None:
        return ""
    word: Token | None = next((t for t in context if trigger_span[0] <= t.idx < trigger_span[1]), None)
    if word is None:
        return ""
    if nouns and word.pos_ in {"NOUN", "PROPN"}:
        by = _by_phrase(word)
        if by:
            return by
        if word.dep_ in {"compound", "amod"} and word.head.i != word.i:
            word = word.head
            by = _by_phrase(word)
            if by:
                return by
        if word.dep_ != "dobj":
            return ""
        word = word.head
    verb: Token | None = word
    for _ in range(3):
        if verb is None:
            return ""
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return " ".join(t.text for t in agent.subtree)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return " ".join(t.text for t in subject.subtree)
        verb = verb.head if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i else None
    return ""


def _by_phrase(noun: Token) -> str:
    """The noun's "by" phrase, or one right after it that the parse hung elsewhere ("losses in raids by ...")."""
    by = next((c for c in noun.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by"), None)
    if by is None and noun.i + 1 < len(noun.doc) and noun.nbor().lower_ == "by":
        by = noun.nbor()
    return " ".join(t.text for t in by.subtree) if by is not None else ""
