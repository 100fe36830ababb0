"""Context filters: an event word told as setting, as a habit, as the past of someone, as the content of a
verbal event, pointing back at an event already told, or after a request, is no new incident."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Mention
from ..resolve.recall import RECALLED
from .context import Context
from .families import has_flag

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Verbs of saying: a date on one of them dates the statement.
SPEECH_VERBS = frozenset("say tell announce claim state report confirm deny add note write tweet".split())
# "A string of attacks", "a wave of bombings": many incidents summed up, not one.
AGGREGATE_HEADS = frozenset("string series wave spate spree rash succession campaign number handful litany".split())
AGGREGATE_MODIFIERS = frozenset(
    "recent previous past repeated frequent earlier several numerous multiple sporadic".split()
)
# Words of repetition that make a present perfect a pattern ("has used ... many times").
# Adjectives that make an event noun a pattern: "a frequent target", "a regular raid".
HABIT_MODIFIERS = frozenset({"frequent", "regular", "recurring", "constant", "usual", "favourite", "favorite"})
REPETITION = (
    "many times",
    "repeatedly",
    "often",
    "frequently",
    "regularly",
    "for years",
    "routinely",
    "time and again",
    "over the past",
    "over the last",
    "in recent years",
    "in recent months",
)
# How much of the sentence before a fight word is read for a setting cue ("amid", "as ... continue").
SETTING_BEFORE_CHARS = 60
# How much of the sentence from a fight word on is read for "continue" or "rage".
SETTING_AFTER_CHARS = 30


def content_of_verbal(ctx: Context, trig: Mention, verbal: Sequence[Mention]) -> bool:
    """A noun trigger inside the object of a verbal trigger is what is talked about, not a new event."""
    tok = ctx.token_at(trig.start, trig.end)
    if tok.pos_ not in {"NOUN", "PROPN"} and tok.dep_ not in {"xcomp", "pcomp"}:
        return False
    if tok.dep_ == "conj":  # "condemns ... and appeals": a second act, not the first one's object
        return False
    for v in verbal:
        vtok = ctx.token_at(v.start, v.end)
        if vtok.i == tok.i or vtok.pos_ != "VERB":
            continue
        if vtok.i < tok.i and tok in set(vtok.subtree):
            return True
    return False


def anaphoric(ctx: Context, trig: Mention) -> bool:
    """ "This attack", "the aggression": a generic noun pointing back at an event already told."""
    tok = ctx.token_at(trig.start, trig.end)
    if not has_flag(trig.value.family, "generic") or tok.pos_ != "NOUN":
        return False
    return any(
        c.dep_ in {"det", "poss"} and c.lower_ in {"this", "that", "the", "these", "those", "such", "its", "their"}
        for c in tok.children
    )


def after_request(trig: Mention, verbal: Sequence[Mention]) -> bool:
    """What a speaker asks for or threatens ("to resume negotiations") has not happened."""
    return any(v.value.plover in {"REQUEST", "THREATEN"} and v.start < trig.start for v in verbal)


# Fighting named as the setting of something else ("reinforcements arrived as battles continue",
# "deployed in connection with the ongoing clashes"): the other thing is the sentence's event.
_SETTING_BEFORE = re.compile(
    r"\b(?:amid(?:st)?|in connection (?:to|with)|in the context of|in light of|as|due to|because of|"
    r"ongoing|continuing|recent|days of|weeks of|months of|years of|decades of|tasked with|charged with)\s+(?:(?:the|a|an|of|recent|ongoing|continuing|heavy|renewed|start|outbreak|"
    r"beginning|escalation|resumption|wave|massive|fierce|intense|new|fresh|sporadic|large-scale|deadly)\s+){0,4}$",
    re.IGNORECASE,
)
_SETTING_AFTER = re.compile(r"^\w*\s+(?:continue|continues|go on|goes on|rage|rages)\b", re.IGNORECASE)


_DISPLACED = re.compile(r"\b(?:fle[ed]|fleeing|displaced|displacement|evacuat\w*)\b", re.IGNORECASE)
_DISPLACING = re.compile(
    r"^[^.;]{0,100}?\b(?:forced|forcing|drove|driving|displaced|displacing|caused)\b[^.;]{0,60}?\b"
    r"(?:flee|fled|leave their|displac\w*|evacuat\w*)",
    re.IGNORECASE,
)


def told_as_setting(ctx: Context, trig: Mention, sent: Span) -> bool:
    """Whether a generic fight word names the background of the sentence's event, not the event."""
    if not has_flag(trig.value.family, "generic"):
        return False
    text = ctx.text
    before = text[max(sent.start_char, trig.start - SETTING_BEFORE_CHARS) : trig.start]
    after = text[trig.start : min(sent.end_char, trig.end + SETTING_AFTER_CHARS)]
    if "operation" in trig.value.lemma and re.search(
        r"\b(?:during|in the course of)\s+(?:the\s+|a\s+|an\s+)?$", before, re.IGNORECASE
    ):
        return True  # "weapons found during military operations": the finding is the event
    if _SETTING_BEFORE.search(before) or _SETTING_AFTER.match(after):
        return True
    # fighting that drove people from their homes, in a sentence about the displacement: the
    # displacement is the event ("fighting between A and B forced 500 villagers to flee")
    sentence = text[sent.start_char : sent.end_char]
    if trig.value.family != "clash" or not _DISPLACED.search(sentence):
        return False
    return bool(
        _DISPLACING.match(text[trig.end : sent.end_char])
        or re.search(
            r"\b(?:following|after)\s+(?:(?:the|a|an|eruption|outbreak|of|heavy|renewed)\s+){0,4}$",
            before,
            re.IGNORECASE,
        )
    )


# A fight told as what came before ("agreed a truce after weeks of fighting", "shops were burnt following
# a clash between gangs"): read only beside a strategic word, which is then the sentence's event.
_CAUSE_BEFORE = re.compile(r"\b(?:after|following|in the wake of|since)\s+(?:[\w'-]+\s+){0,6}$", re.IGNORECASE)


def told_as_cause(ctx: Context, trig: Mention, sent: Span) -> bool:
    """Whether a generic fight word is what came before the sentence's event, not the event."""
    if not has_flag(trig.value.family, "generic"):
        return False
    before = ctx.text[max(sent.start_char, trig.start - SETTING_BEFORE_CHARS) : trig.start]
    return _CAUSE_BEFORE.search(before) is not None


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause a word sits in (the word itself when it is one; the root when none is found)."""
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def retold_of_someone(ctx: Context, trig: Mention) -> bool:
    """An earlier event told about a person in a relative clause, in the past perfect: "supporters of
    X, who had been arrested in June, gathered" (the gathering is the event, not the arrest). A
    gathering so told stays: "police used force against locals who had gathered" is the event."""
    if trig.value.family in {"protest", "riot"}:
        return False
    clause = _clause_verb(ctx.token_at(trig.start, trig.end))
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "who had been accused of corruption and arrested"
    if clause.dep_ != "relcl":
        return False
    return any(c.lower_ == "had" for c in clause.children if c.dep_ in {"aux", "auxpass"})


def habitual(ctx: Context, trig: Mention) -> bool:
    """A pattern, not an incident: "attacks on markets continue", "has used women as suicide bombers many times".

    The clause's verb is in the present tense, or in the present perfect with a word of repetition.
    """
    tok = ctx.token_at(trig.start, trig.end)
    if _aggregate(tok) or any(c.dep_ == "amod" and c.lower_ in HABIT_MODIFIERS for c in tok.children):
        return True  # (and "a frequent target of the insurgents": a pattern)
    verb = _clause_verb(tok)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i != verb.i:
        # "several protests by farmers demanding higher prices": the participle tells of the noun's clause
        if _aggregate(verb.head) or (verb.head.dep_ == "pobj" and _aggregate(verb.head.head.head)):
            return True
        verb = _clause_verb(verb.head)
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if verb.tag_ in {"VBZ", "VBP"} and not auxes and verb.lemma_.lower() not in SPEECH_VERBS:
        return True
    clause = ctx.text[verb.sent.start_char : verb.sent.end_char].lower()
    return bool(auxes & {"has", "have"}) and any(w in clause for w in REPETITION)


def _aggregate(tok: Token) -> bool:
    """ "A string of recent rocket attacks", "repeated raids": a plural event noun summing up many incidents."""
    if tok.tag_ != "NNS":
        return False
    if any(c.dep_ == "amod" and c.lower_ in AGGREGATE_MODIFIERS for c in tok.children):
        return True
    prep = tok.head if tok.dep_ == "pobj" else None
    return prep is not None and prep.lower_ == "of" and prep.head.lemma_.lower() in AGGREGATE_HEADS


# A claim of responsibility: "claimed responsibility for", "took credit for", "denied involvement in".
CLAIM_NOUNS = frozenset({"responsibility", "credit", "involvement", "complicity"})
# Verbs whose object is an act someone is said to have done ("claimed the murder", "accused Iran of bombing").
CLAIMING_VERBS = frozenset({"claim"})
# (and their nouns: "the allegations against the government of targeting civilians")
BLAMING_VERBS = frozenset({"accuse", "blame", "suspect", "allegation", "accusation"})
# How far up the parse a claimed event word is looked for (noun, preposition, noun, verb ...).
CLAIM_DEPTH = 6


def claimed(ctx: Context, trig: Mention, sent: Span) -> bool:
    """Whether an event word is told only as what a claim or an accusation is about: "X claimed
    responsibility for the attack", "took credit for the bombing", "has claimed the murder of",
    "accused Y of bombing", "bombers are suspected to be behind the blasts", "responsible for the
    attack". The claim is a verbal event; the act it is about is not told as happening here.

    A claim of responsibility dated before its verb ("On 3 May, IS claimed the firing of 3 missiles
    at a garrison in X", as ACLED's notes tell a claimed attack) reports the act itself."""
    tok = ctx.token_at(trig.start, trig.end)
    child, head = tok, tok.head
    for _ in range(CLAIM_DEPTH):
        if head.i == child.i or _own_clause(child):
            return False
        lemma = head.lemma_.lower()
        if child.dep_ == "dobj" and lemma in CLAIMING_VERBS:
            return not _dated_before(ctx, sent, head)
        if head.pos_ == "ADP":
            if head.lower_ in {"for", "in"} and (
                head.head.lemma_.lower() in CLAIM_NOUNS or head.head.lemma_.lower() == "responsible"
            ):
                claim = head.head
                return not (_claims_own(claim) and _dated_before(ctx, sent, claim))
            if head.lower_ in {"for", "in"} and any(
                c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS for c in head.head.children
            ):
                return not _dated_before(ctx, sent, head.head)
            if head.lower_ in {"of", "for"} and head.head.lemma_.lower() in BLAMING_VERBS:
                # "On 2 May, police are accused of assaulting a driver": a dated report of an act whose
                # doers stand accused tells the act, as ACLED's notes do; "X accused Y of bombing" does not
                accusation = head.head
                # (the report's own verb: "youths, who were accused of joining a protest" is not it)
                passive = any(c.dep_ == "auxpass" for c in accusation.children)
                told = passive and accusation.dep_ == "ROOT"
                return not (told and _dated_before(ctx, sent, accusation))
            if head.lower_ == "behind" and head.head.lemma_.lower() == "be":
                return True  # "are suspected to be behind the blasts", "who was behind the attack"
        if child.dep_ in {"nsubj", "nsubjpass"} and lemma in BLAMING_VERBS:
            return True  # "suicide bombers are suspected to be behind": the doers a claim names
        child, head = head, head.head
    return False


def _own_clause(token: Token) -> bool:
    """A clause of its own ("... accused of robbing when the police intervened and shot ..."): what it
    tells is not what the claim or accusation is about."""
    if token.dep_ in {"advcl", "ccomp", "parataxis"}:
        return True
    return token.dep_ == "conj" and token.tag_ in {"VBD", "VBZ", "VBP"}


def _claims_own(claim: Token) -> bool:
    """ "claimed responsibility": the claim noun is the object of claiming, not "denied involvement"."""
    return claim.dep_ == "dobj" and claim.head.lemma_.lower() in {"claim", "take", "accept", "assume"}


def _dated_before(ctx: Context, sent: Span, verb: Token) -> bool:
    """A date named in the sentence before the claim's verb ("On 3 May 2020, IS claimed ...")."""
    return any(sent.start_char <= d.start < verb.idx for d in ctx.in_sentence(ctx.dates, sent))


def timed_as_past(ctx: Context, trig: Mention, sent: Span) -> bool:
    """Whether a recall cue hangs on the event word of a clause on a noun ("a base vacated by the French
    last month"): beside another event word of the sentence, it is what the sentence recalls, not what
    it reports. (The cue on the sentence's main verb times the whole: "so far 20 were shot in raids".)"""
    token = ctx.token_at(trig.start, trig.end)
    if token.dep_ not in {"acl", "relcl"}:
        return False
    for found in RECALLED.finditer(ctx.text, sent.start_char, sent.end_char):
        cue = ctx.a.doc.char_span(found.start(), found.end(), alignment_mode="expand")
        if cue is not None and len(cue) and cue.root.head.i == token.i and not cue.start <= token.i < cue.end:
            return True
    return False
