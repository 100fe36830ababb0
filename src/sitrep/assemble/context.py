"""A document's mentions indexed for the questions assembly asks, and where its dateline ends."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from ..model import Mention, PlacePrecision
from ..resolve.trigger_lexicon import lexicon
from ..span_index import SpanIndex
from .crime import crime_report

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..annotated import Annotated

# "KADUNA, Nigeria, June 14 (Sahel Courier) - ": a capitalised place, then at most a line, then a dash.
DATELINE = re.compile(r"^\s*[A-Z][A-Z' .-]{2,40}(?:,|\s\()[^\n]{0,100}?\s[-\u2013\u2014]{1,2}\s")
# How much text after a leading place is searched for the comma or dash that makes it a dateline.
DATELINE_TAIL_CHARS = 80
# A headline is the text before the first blank line, when that comes this early.
HEADLINE_CHARS = 300
# A document with this many distinct words of a flood, a crash, a match or a market is about one of them.
NON_CONFLICT_DOCUMENT_WORDS = 2


class Context:
    """The document's mentions, indexed for the questions assembly asks."""

    def __init__(self, annotated: Annotated) -> None:
        self.a = annotated
        self.text = annotated.text
        self.actors = annotated.of("actor")
        self.places = annotated.of("place")
        self.dates = annotated.of("date")
        self.casualties = annotated.of("casualty")
        self.weapons = annotated.of("weapon")
        self.attributions = annotated.of("attribution")
        self.marks = annotated.of("certainty")
        # datelines, bylines and picture credits (sitrep.stages.datelines): words that tell no event
        self.furniture = annotated.of("dateline")
        self.lex = lexicon()
        # each list of mentions indexed by its spans once, for in_sentence and the questions below
        self._indexes: dict[int, SpanIndex[Mention]] = {}
        self._dateline = self._find_dateline()
        head = DATELINE.match(self.text)
        # Where the dateline ends: its place and date say where and when the story was filed.
        self.dateline_end = head.end() if head else (self._dateline[1] if self._dateline else 0)
        # A story about a flood, a crash, a match or a market: generic violent words need an armed actor.
        low = self.text.lower()
        # (a plain substring test first: the expression runs only for words the text holds at all)
        hits = {w for w in self.lex.non_conflict_context if w in low and re.search(rf"\b{re.escape(w)}", low)}
        self.non_conflict_document = len(hits) >= NON_CONFLICT_DOCUMENT_WORDS
        # A police-and-court story with no political or armed side: its violence and arrests are crime.
        self.crime_report = crime_report(self.text)

    def _find_dateline(self) -> tuple[int, int] | None:
        """A place at the very start followed by a date and a dash is the dateline, not the event place."""
        first = min(self.places, key=lambda m: m.start, default=None)
        if first is None or self.text[: first.start].strip():
            return None
        tail = self.text[first.end : first.end + DATELINE_TAIL_CHARS]
        if re.match(r"^\s*(?:\([^)]{0,40}\))?\s*,", tail) or re.match(r"^[^\n.]{0,60}[-\u2013\u2014]\s", tail):
            return first.start, first.end
        return None

    @cached_property
    def headline_end(self) -> int:
        """Where the headline ends: the first blank line, when it comes within HEADLINE_CHARS; else 0."""
        at = self.text.find("\n\n", 0, HEADLINE_CHARS)
        return at if at > 0 and self.text[:at].strip() else 0

    def index(self, mentions: Sequence[Mention]) -> SpanIndex[Mention]:
        """``mentions`` (one of the lists above) indexed by their spans, built on first use.

        A scan of every mention for every sentence or every mention grew with the square of a long
        document; the index answers each question by bisection, with the scan's answer."""
        held = self._indexes.get(id(mentions))
        if held is None or held.items is not mentions:
            held = self._indexes[id(mentions)] = SpanIndex(mentions, lambda m: (m.start, m.end))
        return held

    def in_sentence(self, mentions: Sequence[Mention], sent: Span) -> list[Mention]:
        """The mentions starting inside ``sent``, in their given order."""
        return self.index(mentions).starting_in(sent.start_char, sent.end_char)

    @cached_property
    def _speakers(self) -> SpanIndex[Mention]:
        """The attributions with a claimant in the text, by the claimant's span."""
        said = [a for a in self.attributions if a.value.cue != "publisher"]
        return SpanIndex(said, lambda a: (a.value.claimant.evidence.start, a.value.claimant.evidence.end))

    @cached_property
    def scopes(self) -> SpanIndex[Mention]:
        """The attributions by the span of text their claim covers."""
        return SpanIndex(self.attributions, lambda a: (a.value.scope_start, a.value.scope_end))

    def token_at(self, start: int, end: int) -> Token:
        span = self.a.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return self.a.doc[min(len(self.a.doc) - 1, max(0, self._token_index(start)))]
        return span.root

    def _token_index(self, offset: int) -> int:
        """The first token ending after ``offset`` (tokens are in text order, so their ends rise)."""
        doc = self.a.doc
        i = bisect.bisect_right(doc, offset, key=lambda tok: tok.idx + len(tok.text))
        return i if i < len(doc) else len(doc) - 1

    def is_speaker(self, m: Mention) -> bool:
        """The actor who says something ("officials said"), not a party to what is told."""
        return self._speakers.any_covering(m.start)

    def names_place(self, m: Mention) -> bool:
        """A raw organisation that is really a place the gazetteer knows ("Erbil" tagged as an organisation)."""
        return m.value.raw and self.index(self.places).any_containing(m.start, m.end)

    def is_dateline(self, m: Mention) -> bool:
        return (
            m.start < self.dateline_end
            or (self._dateline is not None and (m.start, m.end) == self._dateline)
            or self.in_furniture(m)
        )

    def in_furniture(self, m: Mention) -> bool:
        """Whether ``m`` lies in a dateline, a byline or a credit: where and when a report was filed, and by
        whom, not an event's place, date or actor."""
        return bool(self.furniture) and self.index(self.furniture).any_overlapping(m.start, m.end)

    def overlaps_actor(self, m: Mention) -> bool:
        """A place inside a longer actor name, or a country name the actor stage read as an actor."""
        for a in self.index(self.actors).containing(m.start, m.end):
            if self.text[m.end : a.end].startswith(","):
                continue  # "Carora, Lara state, public transport drivers": a place and its region before the people
            if (a.start, a.end) == (m.start, m.end) and m.value.precision in (
                PlacePrecision.TOWN,
                PlacePrecision.NEAR_TOWN,
            ):
                continue  # "On Monday, Carora, ...": a town's bare name that the parse made a doer still says where
            if not a.value.raw:
                return True
            root = self.token_at(a.start, a.end)
            if "," in a.text:
                continue  # "Mirpurkhas, Sindh" taken for an organisation: a place and its province
            if re.search(r"\b(?:in|at)\s+$", self.text[a.start : m.start]):
                continue  # "the Court of Justice in Sofia": the place says where it stands
            if (a.end - a.start) > (m.end - m.start) and not (m.start <= root.idx < m.end):
                return True  # "Idlib Civil Monitoring Centre": the place names the organisation
        return False
