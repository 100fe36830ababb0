"""Cues read from the dependency parse that more than one stage asks."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

STOPPING_VERBS = frozenset("kill shoot neutralise neutralize arrest capture intercept stop detain".split())


def bomber_stopped(token: Token) -> bool:
    """ "Forces killed 2 suicide bombers", "killed one of the suicide bombers": the bomber is the target."""
    tok = token
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        tok = tok.head.head
    if tok.dep_ in {"dobj", "nsubjpass"} and tok.head.lemma_.lower() in STOPPING_VERBS:
        return True
    # The parse may fail on an acronym ("killed 3 AQ suicide bombers", the acronym read as a verb): look left past the numbers,
    # names and articles of the noun phrase for the verb.
    first = min(t.i for t in token.subtree) if token.dep_ == "compound" else token.left_edge.i
    for left in reversed(token.doc[max(0, first - 6) : first]):
        if left.lemma_.lower() in STOPPING_VERBS and left.pos_ == "VERB":
            return True
        if not (
            left.pos_ in {"NUM", "DET", "PROPN", "ADJ"}
            or left.text.isupper()
            or left.lower_ in {"of", "one", "two", "both", "all"}
        ):
            return False
    return False
