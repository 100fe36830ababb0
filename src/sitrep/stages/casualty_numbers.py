"""Number phrases of a sentence ("over a dozen", "two", "dozens of", "no one") and the noun each counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..resolve.quantities import Quantity, parse_quantity
from .casualty_words import GROUP_OF, MODIFIER_WORDS, MONTHS, NOT_COUNTS, UNIT_WORDS, VAGUE_HEADS, root_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True, slots=True)
class Phrase:
    """A number phrase: tokens ``start..end`` (exclusive), its quantity and the noun it counts."""

    start: int
    end: int
    quantity: Quantity
    noun: Token | None
    head: Token

    @property
    def anchor(self) -> Token:
        return self.noun if self.noun is not None else self.head


def counts_people(t: Token) -> bool:
    """A number tagged as a date that plainly counts a noun ("between 10 and 15 people")."""
    if t.ent_type_ != "DATE" or (t.i > 0 and t.nbor(-1).lower_ in MONTHS):
        return False
    head = root_of(t).head
    if head.pos_ == "NOUN" and head.lower_ not in UNIT_WORDS and head.lemma_ not in UNIT_WORDS:
        return True
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in UNIT_WORDS and nxt.ent_type_ != "DATE"


def _is_count_token(t: Token) -> bool:
    if t.ent_type_ in NOT_COUNTS and t.lower_ not in VAGUE_HEADS and not counts_people(t):
        return False
    if t.lower_ in VAGUE_HEADS:
        return t.lower_ != "number" or (t.i > 0 and t.nbor(-1).lower_ in {"a", "unknown", "unspecified", "undisclosed"})
    if not (t.like_num or t.pos_ == "NUM"):
        return False
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    if nxt is not None and (
        nxt.lower_ in UNIT_WORDS or (nxt.text == "-" and t.i + 2 < len(t.doc) and t.nbor(2).lower_ in UNIT_WORDS)
    ):
        return False
    if t.i > 0 and t.nbor(-1).text in {"$", "€", "£", "#", "No.", "no."}:
        return False
    text = t.text.replace(",", "")
    if text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100 and "," not in t.text:
        return False  # a year
    if "." in t.text or ":" in t.text:
        return False  # 12.7, 10:30
    return True


def _phrase_at(sent: Span, t: Token, taken: set[int]) -> Phrase | None:
    doc = sent.doc
    head = t
    end = t.i + 1
    # Glue number words and ranges on the right ("two hundred", "10 to 15", "between 10 and 15").
    while end < sent.end:
        nxt = doc[end]
        if nxt.like_num or nxt.lower_ in {"hundred", "thousand", "dozen"}:
            end += 1
            head = nxt
        elif (
            nxt.lower_ in {"to", "-", "–", "or", "and"}
            and end + 1 < sent.end
            and doc[end + 1].like_num
            and (doc[end + 1].ent_type_ not in NOT_COUNTS or counts_people(doc[end + 1]))
        ):
            end += 2
            head = doc[end - 1]
        else:
            break
    if end < sent.end and doc[end].lower_ == "number" and head.lower_ in VAGUE_HEADS:
        head = doc[end]
        end += 1
    if end < sent.end and doc[end].lower_ == "of" and head.lower_ in VAGUE_HEADS | {"dozen", "hundred", "thousand"}:
        end += 1
    start = t.i
    while (
        start - 1 >= sent.start
        and t.i - (start - 1) <= 5
        and doc[start - 1].lower_ in MODIFIER_WORDS
        and (start - 1) not in taken
    ):
        start -= 1
    for s in range(start, t.i + 1):
        words = [w.text for w in doc[s:end]]
        quantity = _parse_words(words)
        if quantity is not None:
            noun = _counted_noun(doc, head, end) or (_counted_noun(doc, t, end) if t.i != head.i else None)
            return Phrase(start=s, end=end, quantity=quantity, noun=noun, head=head)
    return None


def _parse_words(words: list[str]) -> Quantity | None:
    if words[-1].lower() in {"to", "and", "or", "-", "a", "an", "the"}:
        return None
    return parse_quantity(" ".join(words), strict=True)


def _counted_noun(doc: Doc, head: Token, end: int) -> Token | None:
    """The noun a number counts: its head for "3 soldiers", the object of "of" for "dozens of soldiers"."""
    if (
        head.dep_ in {"nummod", "quantmod", "amod", "det"}
        and head.head.pos_ in {"NOUN", "PROPN", "PRON"}
        and head.head.i >= end - 1
    ):
        noun = head.head
        while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in {"NOUN", "PROPN"}:
            noun = noun.head  # "14 Al Shabaab militants": the number hangs on a name inside the noun phrase
        return noun
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in {"NOUN", "PROPN", "PRON"}:
                    return pobj
    if (
        end < len(doc)
        and doc[end].pos_ == "NOUN"
        and doc[end].tag_ in {"NNS", "NN"}
        and doc[end].dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"}
    ):
        return doc[end]
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in GROUP_OF:
        return head.head.head  # "a family of three": the number counts the family's members
    return None


def number_phrases(sent: Span) -> list[Phrase]:
    found: list[Phrase] = []
    taken: set[int] = set()
    i = sent.start
    while i < sent.end:
        t = sent.doc[i]
        phrase = None
        if _is_count_token(t) or _zero_head(t):
            phrase = _phrase_at(sent, t, taken)
        if phrase is not None:
            found.append(phrase)
            taken.update(range(phrase.start, phrase.end))
            i = phrase.end
        else:
            i += 1
    return found


def _zero_head(t: Token) -> bool:
    """ "nobody", "none", "no one" as a number phrase."""
    if t.lower_ in {"nobody", "none"}:
        return True
    return t.lower_ == "one" and t.i > 0 and t.nbor(-1).lower_ == "no"
