"""Linking a number phrase to the death or injury word it counts, and the figures stated without a
number: one named victim, reported zeros, deaths of unknown number, subsets of a figure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..resolve.quantities import EXACT, UNKNOWN, ZERO, Quantity
from .casualty_numbers import Phrase
from .casualty_words import (
    COLLECTIVE,
    DEFINITE,
    GENERIC_PEOPLE,
    INTRANSITIVE,
    NEEDS_NUMBER,
    PERSON_PRONOUNS,
    STATED_NOUNS,
    SUBSET_CUES,
    TRANSITIVE,
    group_of,
    outcome_of,
    root_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


Victims = dict[int, list[tuple["Token", str, "Token"]]]  # token index -> (victim, rule, death or injury word)


@dataclass(frozen=True, slots=True)
class Link:
    phrase: Phrase
    trigger: Token
    outcome: str  # killed, wounded, or "both" for a zero "casualties"
    how: str  # which rule joined them
    group: str | None = None


def _victims(tr: Token) -> list[tuple[Token, str]]:
    """Tokens that name the victims of trigger ``tr``, with the rule that joins them."""
    out: list[tuple[Token, str]] = []
    lemma = tr.lemma_.lower()
    children = list(tr.children)
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in children) or tr.tag_ == "VBN"
    if tr.pos_ in {"VERB", "AUX"} or tr.tag_.startswith("VB"):
        for c in children:
            if c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and (lemma in INTRANSITIVE or lemma not in TRANSITIVE)):
                out.append((c, "subject"))
            elif c.dep_ in {"dobj", "attr"} and (lemma in TRANSITIVE or not passive):
                out.append((c, "object"))
        if not out and tr.dep_ in {"conj", "xcomp"}:
            for c in tr.head.children:
                if c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and lemma in INTRANSITIVE):
                    out.append((c, "shared subject"))
        if tr.dep_ in {"acl", "relcl", "amod"} and tr.head.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}:
            out.append((tr.head, "modified noun"))
    else:
        if tr.dep_ in {"amod", "acl", "relcl"}:
            out.append((tr.head, "modified noun"))
        if tr.dep_ in {"oprd", "acomp", "xcomp", "attr", "advcl", "ccomp", "conj"} and tr.lower_ in {
            "dead",
            "injured",
            "wounded",
            "hurt",
        }:
            for c in tr.head.children:
                if c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c is not tr:
                    out.append((c, "predicate"))
        out.append((tr, "counted noun"))
        if tr.dep_ == "pobj" and tr.head.lower_ == "to" and tr.lemma_.lower() == "death":
            verb = tr.head.head  # "shot to death", "beaten to death"
            out.extend((c, "to death") for c in verb.children if c.dep_ in {"nsubjpass", "dobj"})
        out.extend((p, "death of") for c in children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj")
    if lemma == "life":
        verb = tr.head
        if verb.lemma_ == "lose":
            out.extend((c, "lost their lives") for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})
        out.extend((p, "the lives of") for c in children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj")
    return out


def unknowns(triggers: list[Token], links: list[Link]) -> list[Link]:
    """ "incurring fatalities", "deaths were reported": a plural death word with no number is an unknown number."""
    used = {lk.trigger.i for lk in links}
    out: list[Link] = []
    for tr in triggers:
        if tr.i in used or tr.tag_ != "NNS" or tr.lemma_.lower() not in {"fatality", "death"}:
            continue
        if any(c.dep_ in {"det", "nummod", "amod", "poss"} for c in tr.children):
            continue
        q = Quantity(1, 1, None, UNKNOWN, reason="deaths reported without a number: at least one")
        out.append(
            Link(
                phrase=Phrase(start=tr.i, end=tr.i + 1, quantity=q, noun=None, head=tr),
                trigger=tr,
                outcome="killed",
                how="unknown number",
            )
        )
    return out


def link_phrases(sent: Span, phrases: list[Phrase], triggers: list[Token]) -> list[Link]:
    victims: Victims = {}
    for tr in triggers:
        for v, how in _victims(tr):
            victims.setdefault(v.i, []).append((v, how, tr))
    links: list[Link] = []
    for ph in phrases:
        link = _link_one(sent, ph, victims, triggers)
        if link is not None:
            links.append(link)
    return links


def _is_single_person(v: Token) -> bool:
    if any(c.dep_ in {"nummod", "det"} and c.lower_ in {"no", "every", "each", "any"} for c in v.children):
        return False
    if any(c.dep_ == "nummod" for c in v.children):
        return False
    return (
        (v.tag_ == "NN" and v.pos_ == "NOUN" and v.lower_ not in COLLECTIVE)
        or (v.pos_ == "PROPN" and v.ent_type_ == "PERSON")
        or v.lower_ in PERSON_PRONOUNS
    )


def conjunct_singles(links: list[Link]) -> list[Link]:
    """ "the police chief and 2 policemen", "a farmer and his brother": each singular conjunct is one more."""
    anchors = {lk.phrase.anchor.i for lk in links}
    out = list(links)
    for link in links:
        if link.how == "including" or link.phrase.quantity.rule == ZERO:
            continue
        root = root_of(link.phrase.anchor)
        for member in (root, *root.conjuncts):
            if member.i in anchors or not _is_single_person(member):
                continue
            anchors.add(member.i)
            one = Quantity(1, 1, 1, EXACT, reason="one victim named without a number")
            ph = Phrase(
                start=member.left_edge.i if member.left_edge.i >= member.i - 4 else member.i,
                end=member.i + 1,
                quantity=one,
                noun=member,
                head=member,
            )
            out.append(Link(phrase=ph, trigger=link.trigger, outcome=link.outcome, how=link.how))
    return out


def _after_subset_cue(doc: Doc, ph: Phrase) -> bool:
    """ "..., among them three children": the figure counts part of the victims just named."""
    before = doc[max(0, ph.start - 4) : ph.start].text.lower()
    return any(before.endswith((cue, cue + ",")) for cue in SUBSET_CUES)


def _link_one(sent: Span, ph: Phrase, victims: Victims, triggers: list[Token]) -> Link | None:
    """The death or injury word a number phrase counts, by the first rule that joins them."""
    subset = _after_subset_cue(sent.doc, ph)
    return (
        _by_victim(ph, victims, subset=subset)
        or (_after_cue(ph, triggers) if subset else None)
        or _including(ph)
        or _stated_count(ph)
        or _death_toll(ph, triggers)
        or _side_by_side(sent, ph, triggers)
    )


def _subset_of(ph: Phrase, tr: Token) -> Link:
    return Link(
        phrase=ph,
        trigger=tr,
        outcome=outcome_of(tr) or "killed",
        how="including",
        group=group_of(ph.noun) or _noun_group(ph.noun),
    )


def _by_victim(ph: Phrase, victims: Victims, *, subset: bool) -> Link | None:
    """The phrase's noun (or its head, or the noun it is coordinated with) is a victim of the word."""
    for candidate in (ph.anchor, root_of(ph.anchor), ph.head):
        for _v, how, tr in victims.get(candidate.i, ()):
            if tr.lemma_.lower() in NEEDS_NUMBER and ph.quantity.rule == ZERO:
                continue
            if subset:
                return _subset_of(ph, tr)
            return Link(phrase=ph, trigger=tr, outcome=outcome_of(tr) or "killed", how=how)
    return None


def _after_cue(ph: Phrase, triggers: list[Token]) -> Link | None:
    """ "killed nine civilians, among them three children": the nearest outcome word before it."""
    before = [tr for tr in triggers if tr.i < ph.start and outcome_of(tr) is not None]
    return _subset_of(ph, before[-1]) if before else None


def _including(ph: Phrase) -> Link | None:
    """ "including at least one child": a subset of the figure the preposition hangs on."""
    anchor = root_of(ph.anchor)
    if anchor.dep_ == "pobj" and anchor.head.lower_ in {"including", "among", "of"}:
        holder = anchor.head.head
        if outcome_of(holder) is not None:
            return _subset_of(ph, holder)
    return None


def _stated_count(ph: Phrase) -> Link | None:
    """ "Fatalities coded as 11", "deaths put at 40": a count stated for a casualty noun."""
    anchor_tok = ph.anchor
    if anchor_tok.dep_ == "pobj" and anchor_tok.head.lower_ in {"as", "at"}:
        verb = anchor_tok.head.head
        for noun in (verb, *verb.children):
            if noun.lemma_.lower() in STATED_NOUNS and noun.i < ph.start:
                return Link(phrase=ph, trigger=noun, outcome="killed", how="stated count")
    return None


TOLL_REACH = 10  # tokens after "toll" within which its number stands


def _death_toll(ph: Phrase, triggers: list[Token]) -> Link | None:
    """A death toll: the first number after "toll" inside the clause of its verb."""
    for tr in triggers:
        if (
            tr.lemma_.lower() == "toll"
            and tr.i < ph.start <= tr.i + TOLL_REACH
            and (tr.head in ph.head.ancestors or tr in ph.head.ancestors)
        ):
            return Link(phrase=ph, trigger=tr, outcome=outcome_of(tr) or "killed", how="death toll")
    return None


SIDE_BY_SIDE_GAP = 2  # words at most between a number and its outcome word ("4 people dead")


def _side_by_side(sent: Span, ph: Phrase, triggers: list[Token]) -> Link | None:
    """Side by side: "1 killed, 7 injured", "4 people dead", "killing 3"."""
    for tr in triggers:
        gap = tr.i - ph.end
        between = sent.doc[ph.end : tr.i]
        if (
            0 <= gap <= SIDE_BY_SIDE_GAP
            and all(w.pos_ in {"NOUN", "ADJ", "AUX"} or w.lower_ in {"were", "are", "was"} for w in between)
            and tr.lemma_.lower() not in NEEDS_NUMBER
            and (tr.pos_ in {"ADJ", "NOUN"} or tr.tag_ == "VBN")
        ):
            return Link(phrase=ph, trigger=tr, outcome=outcome_of(tr) or "killed", how="side by side")
        if ph.start - tr.i == 1 and tr.lemma_.lower() in TRANSITIVE and tr.tag_ in {"VBG", "VBD"}:
            return Link(phrase=ph, trigger=tr, outcome=outcome_of(tr) or "killed", how="object by position")
    return None


def _noun_group(noun: Token | None) -> str | None:
    if noun is None or noun.lower_ in GENERIC_PEOPLE:
        return None
    return noun.lower_


def subsets(links: list[Link]) -> list[Link]:
    """Coordinated figures with one trigger become subsets; their sum is added as the total."""
    out: list[Link] = []
    by_root: dict[tuple[int, int], list[Link]] = {}
    for link in links:
        if link.how == "including":
            continue
        by_root.setdefault((root_of(link.phrase.anchor).i, link.trigger.i), []).append(link)
    coordinated = {id(lk) for group in by_root.values() if len(group) > 1 for lk in group}
    for link in links:
        if id(link) in coordinated:
            out.append(
                Link(
                    phrase=link.phrase,
                    trigger=link.trigger,
                    outcome=link.outcome,
                    how="coordinated",
                    group=group_of(link.phrase.noun) or _noun_group(link.phrase.noun) or "other",
                )
            )
        else:
            out.append(link)
    return out


def zeros(sent: Span, triggers: list[Token], links: list[Link]) -> list[Link]:
    """ "no casualties were reported", "without injuries", "did not cause any deaths", "were not killed"."""
    used = {lk.trigger.i for lk in links}
    out: list[Link] = []
    for tr in triggers:
        if tr.i in used:
            continue
        dets = {c.lower_ for c in tr.children if c.dep_ == "det"}
        negated_head = any(c.dep_ == "neg" for c in tr.head.children)
        zero = (
            "no" in dets
            or tr.head.lower_ == "without"
            or ("any" in dets and negated_head)
            or (tr.head.lower_ == "of" and any(c.lower_ == "no" for c in tr.head.head.children))
            or (
                tr.pos_ == "VERB"
                and any(c.dep_ == "neg" for c in tr.children)
                and not any(c.dep_ == "nsubjpass" and c.lower_ in DEFINITE for c in tr.children)
            )
        )
        if not zero or tr.lemma_.lower() in NEEDS_NUMBER | {"toll", "life"}:
            continue
        if tr.pos_ == "VERB" and not any(c.dep_ in {"nsubjpass", "nsubj", "dobj"} for c in tr.children):
            continue
        first = min(
            [tr.i]
            + [c.i for c in tr.children if c.dep_ in {"det", "neg"}]
            + ([tr.head.i] if tr.head.lower_ == "without" else [])
        )
        ph = Phrase(start=first, end=tr.i + 1, quantity=Quantity(0, 0, 0, ZERO), noun=None, head=tr)
        outcome = "both" if tr.lemma_.lower() == "casualty" else (outcome_of(tr) or "killed")
        out.append(Link(phrase=ph, trigger=tr, outcome=outcome, how="reported zero"))
    return out


def singles(sent: Span, triggers: list[Token], links: list[Link]) -> list[Link]:
    """One named or singular victim with no number: "a man was shot dead", "killing him"."""
    used = {lk.trigger.i for lk in links} | {lk.phrase.anchor.i for lk in links}
    out: list[Link] = []
    for tr in triggers:
        if tr.i in used or tr.lemma_.lower() in {"toll", "casualty", "injury", "fatality"}:
            continue
        for v, how in _victims(tr):
            if v is tr or v.i in used:
                continue
            if not _is_single_person(v):
                continue
            if any(c.dep_ == "neg" for c in tr.children):
                continue
            ph = Phrase(
                start=min(v.i, tr.i),
                end=v.i + 1,
                quantity=Quantity(1, 1, 1, EXACT, reason="one victim named without a number"),
                noun=v,
                head=v,
            )
            out.append(Link(phrase=ph, trigger=tr, outcome=outcome_of(tr) or "killed", how=f"single victim ({how})"))
            used.add(v.i)
            used.add(tr.i)
            break
    return out
