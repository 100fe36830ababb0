"""Certainty marks: hedges, negation, and future or hypothetical talk, each with the clause it covers.

The scope of a mark is the subtree of the word it modifies, so "did not shell" covers the shelling,
"may expand ... resulting in atrocities" covers the expansion, and "reportedly killed" covers the
killing. Assembly applies a mark to every trigger inside its scope.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import CertaintyMark, Mention
from ..registry import stage

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..annotated import Annotated

NAME = "certainty.rules.v1"

HEDGES = frozenset(
    {
        "reportedly",
        "allegedly",
        "apparently",
        "apparent",
        "alleged",
        "purported",
        "purportedly",
        "suspected",
        "unconfirmed",
        "possibly",
        "presumably",
        "likely",
        "probably",
        "unverified",
        "rumoured",
        "rumored",
        "supposedly",
        "ostensibly",
    }
)
HYPOTHETICAL_MODALS = frozenset({"may", "might", "could", "would", "should"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll"})
# Verbs whose complement has not happened (yet): "threatened to strike", "plans to attack".
INTENT_VERBS = frozenset(
    {
        "threaten",
        "plan",
        "intend",
        "prepare",
        "vow",
        "pledge",
        "promise",
        "seek",
        "aim",
        "want",
        "hope",
        "expect",
        "consider",
        "contemplate",
        "plot",
        "conspire",
        "propose",
        "warn",
        "risk",
        "fear",
        "prevent",
        "avert",
        "avoid",
        "await",
        "wait",
    }
)
# Intent verbs whose direct object is what is intended ("were planning attacks"); not "prevented the patrol
# from entering" or "warned residents", whose object is someone, and whose act still happens.
INTENDED_OBJECT = frozenset("plan plot prepare threaten intend consider propose fear expect await conspire".split())
# Verbs of carrying out: "carried out a planned attack" is an attack done.
CARRYING_OUT = frozenset("carry launch stage conduct execute mount perpetrate commit".split())
# Words of readiness whose complement has not happened ("ready to counter an air strike", "poised to attack").
READY_WORDS = frozenset("ready poised set prepared".split())
# Nouns of waiting for something: what they are "of" or "for" has not happened ("in anticipation of more
# demonstrations", "in preparation for an offensive", "with the aim of repelling an assault").
AWAITING_NOUNS = frozenset(
    "anticipation expectation preparation preparations readiness aim goal intention purpose".split()
)
# Verbs of getting ready: what they are "for" has not happened yet ("mobilising its fighters for attacking
# the town", "massed troops for an offensive").
PREPARING_VERBS = frozenset(
    "mobilize mobilise prepare gather amass mass deploy send reinforce train recruit equip arm ready".split()
)
# Verbs whose object, not only their complement, has not happened ("plotted an attack", "prevent attacks");
# not "thwart", which ACLED codes as the clash that stopped the attack.
MINDED_VERBS = frozenset({"contemplate", "plot", "conspire", "prevent", "avert"})
NEGATION_VERBS = frozenset({"deny", "refute", "reject", "dismiss"})
CONDITIONAL_MARKERS = frozenset({"if", "unless", "should"})


def _scope(token: Token) -> tuple[int, int]:
    sub = list(token.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1].text)


def _mark(kind: str, cue: Token, scope_of: Token) -> Mention:
    start, end = _scope(scope_of)
    return Mention(
        kind="certainty",
        start=cue.idx,
        end=cue.idx + len(cue.text),
        text=cue.text,
        value=CertaintyMark(kind=kind, cue=cue.lower_, scope_start=start, scope_end=end),
        stage=NAME,
        score=0.8,
    )


@stage(NAME, requires=(), assigns=("certainty",))
def find(annotated: Annotated) -> tuple[Mention, ...]:
    """Hedge, negation, future and hypothetical marks with the span of text each one governs."""
    found: list[Mention] = []
    for tok in annotated.doc:
        low = tok.lower_
        if low in HEDGES:
            # "apparent support": the noun; "reportedly killed": the verb.
            found.append(_mark("hedge", tok, tok.head if tok.dep_ != "ROOT" else tok))
        elif tok.dep_ == "neg" or (low in {"no", "never"} and tok.dep_ in {"det", "neg", "advmod"}):
            head = tok.head
            # "no casualties" negates the casualties (handled by the casualty stage), not an event verb.
            if low == "no" and head.pos_ == "NOUN" and head.lemma_ in {"casualty", "injury", "death", "one"}:
                continue
            found.append(_mark("negated", tok, head))
        elif tok.lemma_.lower() in NEGATION_VERBS and tok.pos_ == "VERB":
            for child in tok.children:
                if child.dep_ in {"ccomp", "xcomp", "dobj", "pcomp"}:
                    found.append(_mark("negated", tok, child))
        elif tok.tag_ == "MD" or (tok.dep_ == "aux" and low in HYPOTHETICAL_MODALS | FUTURE_MODALS):
            if low in FUTURE_MODALS:
                found.append(_mark("future", tok, tok.head))
            elif low in HYPOTHETICAL_MODALS:
                found.append(_mark("hypothetical", tok, tok.head))
        elif tok.dep_ == "mark" and low in CONDITIONAL_MARKERS:
            found.append(_mark("hypothetical", tok, tok.head))
        elif tok.lemma_.lower() in INTENT_VERBS and tok.pos_ == "VERB":
            for child in tok.children:
                # "plans to attack", "warned of attacks", "were planning attacks", "waiting for the assault"
                if (
                    child.dep_ == "xcomp"
                    or (child.dep_ == "dobj" and tok.lemma_.lower() in INTENDED_OBJECT)
                    or (child.dep_ == "prep" and child.lower_ in {"against", "of", "for"})
                ):
                    found.append(_mark("future", tok, child))
                elif (
                    child.dep_ == "dobj"
                    and tok.lemma_.lower() in MINDED_VERBS
                    and not any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children)
                ):
                    # "contemplated a hunger strike", "to prevent attacks"; not "prevented a patrol from
                    # entering", where the patrol was there and only its entering did not happen
                    found.append(_mark("future", tok, child))
        elif low == "going" and tok.nbor(1).lower_ == "to" if tok.i + 1 < len(tok.doc) else False:
            found.append(_mark("future", tok, tok.head if tok.head.i != tok.i else tok))
        found.extend(_intended(tok))
    return tuple(found)


def _intended(tok: Token) -> list[Mention]:
    """What an intent told as a modifier, a readiness, an anticipation or the purpose of getting ready covers."""
    found = []
    lemma = tok.lemma_.lower()
    if (
        lemma in INTENDED_OBJECT - {"prepare"}
        and tok.dep_ == "amod"
        and tok.tag_ in {"VBN", "VBG"}
        and not (tok.head.dep_ == "dobj" and tok.head.head.lemma_.lower() in CARRYING_OUT)
    ):
        found.append(_mark("future", tok, tok.head))  # "a planned attack", "for planning attacks"
    if tok.lower_ in READY_WORDS and tok.pos_ == "ADJ":
        found.extend(_mark("future", tok, c) for c in tok.children if c.dep_ == "xcomp")
    if tok.lower_ == "any" and tok.dep_ == "det" and tok.head.pos_ == "NOUN":
        found.append(_mark("hypothetical", tok, tok.head))  # "to foil any possible attack": no attack in particular
    if lemma in AWAITING_NOUNS and tok.pos_ == "NOUN":
        found.extend(_mark("future", tok, c) for c in tok.children if c.dep_ == "prep" and c.lower_ in {"of", "for"})
    if lemma in PREPARING_VERBS and tok.pos_ == "VERB":
        # "mobilising fighters for attacking the town", "sent reinforcements for the offensive"
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        for child in (*tok.children, *(c for o in objects for c in o.children)):
            if child.dep_ == "prep" and child.lower_ == "for":
                found.append(_mark("future", tok, child))
    return found
