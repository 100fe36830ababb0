"""Who says so: "according to X", "X said ...", statements and quoted passages.

Each attribution names a claimant (an actor mention found by ``actors.lexicon.v1``) and the
stretch of text the claim covers:

- "X said/claimed/denied ..." and "according to X": the sentence;
- a quotation with a speaker right before ("X said: “...”") or after ("“...,” the statement also
  reads"): the quotation, however many sentences it spans;
- a statement introduced once ("X has noted this in a statement"): the preceding sentence, the
  sentence itself and a quotation that follows at once.

"The statement" or a pronoun as the speaker refers back to the latest claimant. When nothing
is said, nothing is emitted (event assembly then falls back to the publisher).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model import Actor, Attribution, Evidence, Mention
from ..parsed import doc_text
from ..registry import stage
from ..span_index import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..annotated import Annotated

NAME = "attribution.rules.v1"

SAY_VERBS = frozenset(
    "say state claim report announce tell add note allege deny confirm insist declare write tweet "
    "warn accuse blame assert reiterate stress emphasise emphasize explain indicate read quote "
    "affirm acknowledge admit maintain argue observe record document".split()
)
DOCUMENT_NOUNS = frozenset(
    "statement communique communiqué release report letter message post bulletin briefing declaration appeal".split()
)
PRONOUNS = frozenset("he she it they we i".split())
ANAPHORS = frozenset("this that it these those".split())
QUOTE_RE = re.compile(r"“[^“”]+”|\"[^\"]+\"|«[^«»]+»")
MIN_QUOTE_WORDS = 6  # shorter quoted text is a name or a phrase, not a statement
# Who informs a report without being a party the actor dictionary knows: "medical sources said",
# "according to witnesses", "state television reported". ("monitor" is left out: "a war monitor"
# stands for a monitor the report names in full a line later.)
SOURCE_NOUNS = frozenset(
    "source witness eyewitness resident villager official spokesman spokeswoman spokesperson television tv "
    "radio agency newspaper broadcaster media hospital doctor medic paramedic rescuer observer activist "
    "committee council elder chief mayor governor officer commander minister ministry prosecutor office".split()
)
# Common nouns a title-cased headline spells like names ("Monitor says ..."): no speaker of their own.
NOT_NAMES = frozenset("monitor monitors group groups report reports".split())
# Names that are no speaker: places, dates.
NOT_SPEAKER_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
# A speaker named in more words than this is named by its head and the words before it.
MAX_SPEAKER_TOKENS = 14


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # character offsets, quotation marks included
    end: int


class Quotes:
    """The quotations of a text, found by bisection: they never overlap, so in text order both their
    starts and their ends rise (a scan of every quotation for every reporting verb grew with the
    square of a long document)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quotes = [
            Quote(m.start(), m.end()) for m in QUOTE_RE.finditer(text) if len(m.group().split()) >= MIN_QUOTE_WORDS
        ]
        self._starts = [q.start for q in self.quotes]
        self._ends = [q.end for q in self.quotes]

    def ending_just_before(self, offset: int) -> Quote | None:
        """The first quotation ending at most 3 characters before ``offset``, with only spaces and commas
        between: '"...," the statement also reads'."""
        lo, hi = bisect.bisect_left(self._ends, offset - 3), bisect.bisect_right(self._ends, offset)
        return next((q for q in self.quotes[lo:hi] if not self.text[q.end : offset].strip(" ,")), None)

    def right_after(self, word_start: int, word_end: int, before: int) -> Quote | None:
        """The first quotation starting after ``word_start`` and before ``before``, with nothing but spaces,
        commas, colons and line breaks between ``word_end`` and it: 'X said: "..."'."""
        for i in range(bisect.bisect_right(self._starts, word_start), len(self.quotes)):
            q = self.quotes[i]
            if q.start >= before:
                return None  # the quotations after it start later still
            if not self.text[word_end : q.start].strip(" ,:\n"):
                return q
            return None  # words stand between ``word_end`` and this quotation, so before every later one too
        return None

    def next_from(self, offset: int) -> Quote | None:
        """The first quotation starting at or after ``offset`` with only whitespace before it."""
        i = bisect.bisect_left(self._starts, offset)
        if i < len(self.quotes) and not self.text[offset : self.quotes[i].start].strip():
            return self.quotes[i]
        return None  # words before the first quotation after ``offset`` stand before every later one too


@stage(NAME, requires=("actor", "dateline"), assigns=("attribution",))
def find(annotated: Annotated) -> tuple[Mention, ...]:
    """Claimants and the text their claims cover."""
    furniture = [(m.start, m.end) for m in annotated.of("dateline")]
    return tuple(find_attributions(annotated.doc, annotated.of("actor"), furniture))


def find_attributions(
    doc: Doc, actors: tuple[Mention, ...] | list[Mention], furniture: Sequence[tuple[int, int]] = ()
) -> list[Mention]:
    """The attributions of ``doc``. No claimant is named in ``furniture`` (datelines, bylines, credits): the
    wire that filed a report ("(Valley Wire) -") or took its picture is its publisher, not a source it cites."""
    text = doc_text(doc)
    quotes = Quotes(text)

    def in_furniture(start: int, end: int) -> bool:
        return any(lo <= start and end <= hi for lo, hi in furniture)

    kept = [a for a in actors if not in_furniture(a.start, a.end)]
    ordered = SpanIndex(sorted(kept, key=lambda m: m.start), lambda m: (m.start, m.end))
    out: list[Mention] = []
    told: set[tuple[str, int, int]] = set()  # (claimant, scope start, scope end) of each attribution in ``out``
    last: list[Actor] = []  # claimants so far, latest last
    for tok in doc:
        made = None
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            made = _according_to(doc, tok, ordered)
        elif _is_reporting(tok):
            made = _reporting_verb(doc, tok, ordered, quotes, last, in_furniture)
        if made is None:
            continue
        claimant, cue_start, cue_end, scope_start, scope_end, cue = made
        if (
            in_furniture(claimant.evidence.start, claimant.evidence.end)
            and claimant.evidence.end > claimant.evidence.start
        ):
            continue
        claimant = _in_own_words(doc, claimant)
        if (claimant.name, scope_start, scope_end) in told:
            continue
        told.add((claimant.name, scope_start, scope_end))
        value = Attribution(claimant=claimant, scope_start=scope_start, scope_end=scope_end, cue=cue)
        out.append(
            Mention(
                kind="attribution",
                start=cue_start,
                end=cue_end,
                text=text[cue_start:cue_end],
                value=value,
                stage=NAME,
                score=claimant.evidence.confidence,
            )
        )
        last.append(claimant)
    return out


Made = tuple["Actor", int, int, int, int, str]
SPEAKER_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "case"})


def _in_own_words(doc: Doc, claimant: Actor) -> Actor:
    """A claimant named by a role ("the Kurdistan Region's interior ministry said") keeps the source's words.

    The dictionary resolves such a phrase to "Police Forces of Iraq"; as a claimant, the ministry
    that spoke matters, so its name is the phrase with its modifiers and the resolution stays in
    ``acled_name``, ``country`` and ``sector``.
    """
    ev = claimant.evidence
    if claimant.raw or ev.end <= ev.start or not claimant.acled_name or claimant.name != claimant.acled_name:
        return claimant
    span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
    if span is None:
        return claimant
    root = span.root
    left = [t for t in root.lefts if t.dep_ in SPEAKER_MODIFIERS]
    start = min([span.start] + [min(t.i for t in c.subtree) for c in left])
    while start < span.end and doc[start].dep_ == "det":
        start += 1
    words = doc[start : span.end].text.strip()
    if not words or words.lower() == claimant.name.lower():
        return claimant
    return replace(claimant, name=words)


def _is_reporting(tok: Token) -> bool:
    """A reporting verb in the active voice or a perfect tense ("said", "has noted") or an impersonal passive
    ("it is reported that"), not "the reported attack"."""
    if tok.lemma_.lower() not in SAY_VERBS or tok.pos_ not in {"VERB", "AUX"}:
        return False
    if tok.tag_ != "VBN" or any(c.dep_ in {"aux", "nsubj"} for c in tok.children):
        return True
    # "it is reported that ...": the report cited last goes on
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in tok.children) and any(
        c.dep_ == "ccomp" for c in tok.children
    )


def _according_to(doc: Doc, tok: Token, actors: SpanIndex[Mention]) -> Made | None:
    to = doc[tok.i + 1]
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    region = (to.i + 1, (max(t.i for t in obj.subtree) + 1) if obj is not None else min(len(doc), to.i + 12))
    lo, hi = doc[region[0]].idx, doc[region[1] - 1].idx + len(doc[region[1] - 1])
    actor = actors.first_starting_in(lo, hi)
    who = actor.value if actor is not None else _source(doc, obj) if obj is not None else None
    if who is None:
        return None
    if obj is not None:
        who = _as_named(doc, who, obj)
    sent = tok.sent
    end = actor.end if actor is not None else who.evidence.end
    return who, tok.idx, end, sent.start_char, sent.end_char, "according to"


def _reporting_verb(
    doc: Doc,
    verb: Token,
    actors: SpanIndex[Mention],
    quotes: Quotes,
    last: list[Actor],
    in_furniture: Callable[[int, int], bool],
) -> Made | None:
    subj = _speaker(verb, in_furniture)
    if subj is None:
        return None
    sub_lo = min(t.i for t in subj.subtree)
    sub_hi = max(t.i for t in subj.subtree) + 1
    by_document = subj.lemma_.lower() in DOCUMENT_NOUNS
    claimant = _claimant(doc, subj, actors, last, by_document, sub_lo, sub_hi)
    if claimant is None:
        return None
    if not (by_document or subj.lower_ in PRONOUNS):
        claimant = _as_named(doc, claimant, subj)
    cue_start, cue_end, in_statement = _cue(doc, verb, by_document, sub_lo)
    cue = "statement" if in_statement or by_document else verb.lemma_.lower()
    first = min(verb.idx, doc[sub_lo].idx)
    # a quotation that ends just before the speaker: "“...,” the statement also reads"
    q = quotes.ending_just_before(first)
    if q is not None:
        return claimant, cue_start, cue_end, q.start, q.end, "quote" if not by_document else "statement"
    return _claim_scope(doc, verb, quotes, in_statement, (claimant, cue_start, cue_end, cue))


def _speaker(verb: Token, in_furniture: Callable[[int, int], bool]) -> Token | None:
    """The subject of a reporting verb, or the agent of a passive one ("was reported by X")."""
    # not a dateline's city that the parse made a second subject ("KABUL, May 2 (Wire): ..., police said"); after
    # the verb, the speaker of "..., said the ministry" (the clause before may hold a subject too)
    subjects = [
        c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and not in_furniture(c.idx, c.idx + len(c))
    ]
    after = [c for c in subjects if c.i > verb.i]
    subj = after[0] if after else subjects[0] if subjects else None
    if subj is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is None and verb.i > 1 and verb.dep_ == "ROOT":
        # "..., the town's defence force said.": a name the parse hung on the clause before, right before
        # the verb and after a comma, is its speaker
        before = verb.doc[verb.i - 1]
        start = min(t.i for t in before.subtree)
        last_word = before.i == max(t.i for t in before.subtree)
        if before.pos_ in {"PROPN", "NOUN"} and last_word and start > 0 and verb.doc[start - 1].text == ",":
            subj = before
    return subj


def _claimant(
    doc: Doc, subj: Token, actors: SpanIndex[Mention], last: list[Actor], by_document: bool, sub_lo: int, sub_hi: int
) -> Actor | None:
    """The actor who speaks: the one named as the subject, or for a pronoun or a document the last one named."""
    if by_document or subj.lower_ in PRONOUNS:
        return last[-1] if last else None
    lo, hi = doc[sub_lo].idx, doc[sub_hi - 1].idx + len(doc[sub_hi - 1])
    covering = actors.covering(subj.idx)
    hit = covering[0] if covering else actors.first_starting_in(lo, hi)
    return hit.value if hit is not None else _source(doc, subj)


def _as_named(doc: Doc, claimant: Actor, head: Token) -> Actor:
    """The claimant under the name the report gives its source ("a spokesman for the provincial governor,
    Jane Doe"), when that phrase holds the actor found; the dictionary's resolution stays in
    ``acled_name``, ``country`` and ``sector``."""
    lo, hi = _speaker_tokens(doc, head)
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    ev = claimant.evidence
    words = doc.text[start:end].strip()
    if not (start <= ev.start and ev.end <= end) or not words or words.lower() == claimant.name.lower():
        return claimant
    return replace(claimant, name=words)


def _source(doc: Doc, head: Token) -> Actor | None:
    """A speaker the actor dictionary does not know, kept as written: a name ("the FRC said") or an
    informant ("medical sources said", "according to witnesses"); None for anything else."""
    common = head.lemma_.lower() in SOURCE_NOUNS or head.lower_ in SOURCE_NOUNS
    if head.pos_ in {"NOUN", "PROPN"} and common:
        why = "an informant named by what they are"
    elif head.pos_ == "PROPN" and head.lower_ not in NOT_NAMES and head.ent_type_ not in NOT_SPEAKER_ENTITIES:
        why = "a named speaker the actor dictionary does not know"
    else:
        return None
    lo, hi = _speaker_tokens(doc, head)
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    return Actor(
        name=doc.text[start:end],
        country=None,
        sector=None,
        acled_name=None,
        inter=None,
        raw=True,
        evidence=Evidence(start=start, end=end, text=doc.text[start:end], stage=NAME, reason=why, confidence=0.6),
    )


def _speaker_tokens(doc: Doc, head: Token) -> tuple[int, int]:
    """The token range naming a speaker: ``head`` with its subtree and an apposition ("Jane Doe, a
    spokeswoman for the army"), without a leading article and without a relative clause, a bracket or
    what follows another comma."""
    lo = min(t.i for t in head.subtree)
    hi = max(t.i for t in head.subtree) + 1
    apposed = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
    for t in doc[head.i + 1 : hi]:
        dash = t.text in {"\u2014", "\u2013", "-"} and bool(doc[t.i - 1].whitespace_)  # not "al-Ayn"
        stop = dash or t.text in {"(", ";", ":"} or t.dep_ in {"relcl", "acl"}
        stop = stop or t.tag_ in {"WDT", "WP", "WRB"}
        stop = stop or t.dep_ == "prep" and any(c.ent_type_ in {"DATE", "TIME"} for c in t.children)  # "on Sunday"
        if t.text == "," and (t.i + 1 not in apposed or doc[t.i + 1].tag_ in {"WDT", "WP", "WRB"}):
            stop = True
        if stop:
            hi = t.i
            break
    while lo < head.i and (doc[lo].dep_ in {"det", "predet"} or doc[lo].tag_ == "PRP$" or doc[lo].is_punct):
        lo += 1
    while hi - 1 > head.i and (doc[hi - 1].is_punct or doc[hi - 1].is_quote):
        hi -= 1
    if hi - lo > MAX_SPEAKER_TOKENS:
        hi = head.i + 1
        lo = max(lo, hi - MAX_SPEAKER_TOKENS)
    return lo, hi


def _cue(doc: Doc, verb: Token, by_document: bool, sub_lo: int) -> tuple[int, int, bool]:
    """Character span of the cue, and whether it says "in a statement"."""
    # the cue: auxiliaries + verb (+ "in a statement"); a document as speaker starts the cue
    cue_lo = min([verb.i] + [c.i for c in verb.children if c.dep_ in {"aux", "auxpass", "advmod"} and c.i < verb.i])
    if by_document:
        cue_lo = min(cue_lo, sub_lo)
    cue_hi = verb.i + 1
    in_statement = False
    for c in verb.children:
        if c.dep_ == "prep" and c.i > verb.i and any(t.lemma_.lower() in DOCUMENT_NOUNS for t in c.subtree):
            cue_hi = max(cue_hi, max(t.i for t in c.subtree) + 1)
            in_statement = True
    return doc[cue_lo].idx, doc[cue_hi - 1].idx + len(doc[cue_hi - 1]), in_statement


def _claim_scope(doc: Doc, verb: Token, quotes: Quotes, in_statement: bool, said: tuple[Actor, int, int, str]) -> Made:
    """The text a reporting verb attributes: its sentence or clause, a quotation that follows it, or
    with "said this" the sentence before."""
    claimant, cue_start, cue_end, cue = said
    sent = verb.sent
    scope_start, scope_end = sent.start_char, sent.end_char
    if verb.dep_ in {"advcl", "conj"} and any(c.dep_ in {"ccomp", "dobj"} for c in verb.children):
        # "X said A, while Y said B": the second speaker's claim is its own clause, not the sentence
        scope_start = doc[min(t.i for t in verb.subtree)].idx
        last_tok = doc[max(t.i for t in verb.subtree)]
        scope_end = last_tok.idx + len(last_tok)
    # a quotation that follows at once: 'X said: “...”'
    q = quotes.right_after(verb.idx, verb.idx + len(verb), scope_end + 3)
    if q is not None:
        return claimant, cue_start, cue_end, min(scope_start, q.start), max(q.end, scope_end), "quote"
    anaphoric = any(c.dep_ == "dobj" and c.lower_ in ANAPHORS for c in verb.children)
    if anaphoric and sent.start > 0:
        scope_start = doc[sent.start - 1].sent.start_char
    if anaphoric or in_statement:
        follow = quotes.next_from(scope_end)
        if follow is not None:
            scope_end = follow.end
    return claimant, cue_start, cue_end, scope_start, scope_end, cue
