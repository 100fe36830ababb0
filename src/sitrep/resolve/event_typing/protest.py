"""Protests and riots: what a gathering is about (its grievance), what was done at it, and the
Protests and Riots sub-event types that follow."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...actor_kinds import is_armed
from ...model import Actor
from ..event_words import (
    ARMED_AGENT,
    ATTACK_ON_GATHERING,
    BLOCKADE,
    BRUTAL_FORCE,
    CLASH_WITH_POLICE,
    CLASH_WORDS,
    CROWD_ATTACKERS,
    CROWD_FOUGHT_FORCES,
    CROWD_SIDE,
    DISRUPTION,
    GATHERING_VIOLENT,
    GRIEVANCE,
    INTERVENTION,
    LETHAL_FORCE,
    LINKED_TO_PROTESTS,
    MOB_NAMED,
    PARTICIPANT_VIOLENCE,
    PROTEST_CONTEXT,
    PROTESTS,
    RIOTS,
    SERIOUS_HARM,
)
from ..wording import matches, whole_words
from .typed import Typed

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


GRIEVANCE_HEADS = frozenset(
    {
        "against",
        "over",
        "for",
        "about",
        "after",
        "following",
        "of",
        "accuse",
        "demand",
        "denounce",
        "condemn",
        "protest",
        "blame",
        "reject",
        "release",
    }
)


# Nouns whose "of" tells no grievance: amounts of what was used ("rounds of tear gas", "volleys of rubber
# bullets") and consequence ("as a result of attacks on the march").
AMOUNT_NOUNS = frozenset(
    {"round", "canister", "cloud", "volley", "barrage", "hail", "shell", "cartridge", "use", "result", "consequence"}
)
# Words opening a clause that tells when something happened ("... as police fired tear gas"): what such a
# clause tells happened at the gathering, wherever the parser hangs it.
TIME_MARKS = frozenset({"as", "when", "while", "whilst"})


def _time_clause(token: Token) -> bool:
    return token.dep_ in {"advcl", "acl"} and any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in token.children)


def in_grievance(token: Token) -> bool:
    """Whether a word sits in what a protest is about ("against the arrest of men who hurled stones")."""
    if _time_clause(token) or any(_time_clause(anc) for anc in token.ancestors):
        return False
    for anc in token.ancestors:
        if anc.lower_ == "of" and anc.head.lemma_.lower() in AMOUNT_NOUNS:
            continue  # "rounds of tear gas": an amount of it, not what the gathering is about
        if anc.lemma_.lower() in GRIEVANCE_HEADS and anc.dep_ != "ROOT":
            return True
        if anc.dep_ == "relcl" and anc.head.dep_ == "pobj":
            return (
                True  # told of someone the gathering is with or for: "in solidarity with a teenager, who was assaulted"
            )
        if anc.dep_ == "ROOT":
            return False
    return False


def in_grievance_at(context: Span | None, span: tuple[int, int] | None) -> bool:
    if context is None or span is None:
        return False
    found = context.doc.char_span(span[0], span[1], alignment_mode="expand")
    return found is not None and in_grievance(found.root)


def _armed_doer_before(sentence: str, at: int) -> bool:
    """Whether an armed agent is named just before position `at` ("Israeli forces stormed")."""
    found = re.search(rf"\b(?:{ARMED_AGENT})((?: \w+){{0,2}}) *$", sentence[max(0, at - 40) : at], re.IGNORECASE)
    return found is not None and not matches(CROWD_SIDE + r"|they|who|said|says|say|reported|claimed", found.group(1))


def told_as_act(words: str, sentence: str, context: Span | None, skip_armed_doer: bool = False) -> bool:
    """Whether `words` occur as something done at the gathering, not in its grievance ("demanding the
    release of the arrested activists") nor as a modifier ("the detained director"); needs the parse."""
    found = list(whole_words(words).finditer(sentence))
    if skip_armed_doer:
        # neither "forces stormed ..." nor "two of them were attacked by a man with a knife"
        found = [
            m
            for m in found
            if not _armed_doer_before(sentence, m.start()) and not re.match(r"\s+by\b", sentence[m.end() :])
        ]
    if not found:
        return False
    if context is None or context.text != sentence:
        return True
    doc = context.doc
    for m in found:
        span = doc.char_span(context.start_char + m.start(), context.start_char + m.end(), alignment_mode="expand")
        if span is None:
            return True
        root = span.root
        if root.dep_ == "amod" or in_grievance(root):
            continue
        return True
    return False


def participants_violent(sentence: str, context: Span | None) -> bool:
    """Violence by the gathering itself; "forces stormed the town and dispersed the march" is force on it."""
    return told_as_act(PARTICIPANT_VIOLENCE, sentence, context, skip_armed_doer=True)


# "Armed with sticks and stones": a crowd's own weapons, which make no armed group of it.
HAND_ARMED = re.compile(
    r" ?\barmed with (?:[\w,-]+ ){0,4}?(?:sticks|stones|rocks|clubs|batons|rods|bats|bricks|machetes|knives|cudgels)\b",
    re.IGNORECASE,
)


def crowd_attacked_gathering(sentence: str, actors: tuple[Actor, ...]) -> bool:
    """Whether a crowd of ordinary people, not the state's forces nor an armed group, attacked the gathering:
    named just before the attack words ("a group of men attacked the rally") or after "by" ("the march was
    attacked by a mob")."""
    sentence = HAND_ARMED.sub("", sentence)
    if any(is_armed(a) for a in actors) or matches(ARMED_AGENT, sentence):
        return False
    for m in whole_words(ATTACK_ON_GATHERING).finditer(sentence):
        before = sentence[max(0, m.start() - 60) : m.start()]
        if re.search(rf"\b(?:{CROWD_ATTACKERS})\b(?: \w+){{0,2}} *$", before, re.IGNORECASE):
            return True
    passive = r"(?:attacked|assaulted|beaten|stormed) (?:by) (?:an? |the |some )?(?:[\w-]+ ){0,2}?"
    return re.search(rf"\b{passive}(?:{CROWD_ATTACKERS})\b", sentence, re.IGNORECASE) is not None and matches(
        PROTEST_CONTEXT, sentence
    )


def _force(subtype: str, reason: str) -> Typed:
    return Typed(
        kind="material", plover="PROTEST", modes=("demo",), acled_type=PROTESTS, acled_subtype=subtype, reason=reason
    )


def protest_typed(sentence: str, actors: tuple[Actor, ...], killed: bool, context: Span | None = None) -> Typed:
    lethal = (
        told_as_act(LETHAL_FORCE, sentence, context)
        or (
            killed and any(is_armed(a) for a in actors) and matches(r"shot|fired|opened fire|gunfire|bullets", sentence)
        )
        # deaths told with an attack on the gathering: "killed as forces attacked the peaceful march"
        or (killed and told_as_act(ATTACK_ON_GATHERING, sentence, context))
    )
    # Violence by the participants makes a riot whatever force met it (ACLED keeps excessive force
    # for peaceful gatherings); a clash told at the gathering is a fight the crowd took part in.
    clash = matches(r"rioters", sentence) or told_as_act(
        CLASH_WITH_POLICE + "|" + CLASH_WORDS, sentence, context
    )  # not a clash in the grievance
    violent = participants_violent(sentence, context) or told_as_act(GATHERING_VIOLENT, sentence, context)
    if crowd_attacked_gathering(sentence, actors):
        # ACLED: people who are not demonstrators attacking a gathering are rioters, with no state force on it;
        # the stones and sticks told are theirs, not the gathering's
        return Typed.assault(("primitive",), RIOTS, "Mob violence", reason="a crowd attacked the gathering")
    if (violent or clash) and not matches(r"peaceful(?:ly)?", sentence):
        return Typed.violent_demonstration("protest with violence by participants")
    if lethal:
        return _force("Excessive force against protesters", "lethal force on the protest")
    force = told_as_act(INTERVENTION, sentence, context) or told_as_act(
        ATTACK_ON_GATHERING, sentence, context, skip_armed_doer=False
    )
    if force and told_as_act(BRUTAL_FORCE + "|" + SERIOUS_HARM, sentence, context):
        # news tells serious force on a gathering by its brutality: "violently dispersed", "used excessive force"
        return _force("Excessive force against protesters", "force on the protest told as brutal or seriously harming")
    if force:
        return _force("Protest with intervention", "force used on the protest")
    return Typed(
        kind="material", plover="PROTEST", modes=("demo",), acled_type=PROTESTS, acled_subtype="Peaceful protest"
    )


def riot_typed(sentence: str, modes: tuple[str, ...], reason: str | None = None, after: str = "") -> Typed:
    """Violence by an unorganised crowd: a violent demonstration if it voices a grievance; else mob violence
    when a mob is named (a mob wrecking temples is no demonstration); else a violent demonstration if it
    disrupts (burning tyres, barricades, blocking roads) or fights troops (or is called rioters and fights
    the police); else mob violence (a crowd attacking people)."""
    if matches(PROTEST_CONTEXT + "|" + GRIEVANCE, sentence) or matches(LINKED_TO_PROTESTS, after):
        return Typed.violent_demonstration(reason)
    if matches(MOB_NAMED, sentence):
        return Typed.assault(modes or ("primitive",), RIOTS, "Mob violence", reason=reason or "a mob, no protest told")
    if matches(DISRUPTION + "|" + BLOCKADE, sentence):
        return Typed.violent_demonstration(reason)
    if matches(CROWD_FOUGHT_FORCES, sentence):
        return Typed.violent_demonstration(reason or "a crowd fought troops, or rioters the police")
    return Typed.assault(modes or ("primitive",), RIOTS, "Mob violence", reason=reason)
