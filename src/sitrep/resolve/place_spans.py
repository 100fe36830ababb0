"""Spans of a document that may name a place: entities, proper-noun runs and supplement phrases,
less those that are months, common words, organisations, streets, buildings or currencies."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import accumulate

from spacy.tokens import Doc, Span

from ..parsed import doc_text
from .demonyms import DEMONYMS
from .gazetteer import Gazetteer
from .place_areas import PLACE_NOUN, area_list, named_area
from .place_candidate import SpanCandidate
from .place_cues import (
    AND_NAME,
    COMMON_WORDS,
    CURRENCY_AFTER,
    FACILITY_WORDS,
    LEADING_WORDS,
    LOCATIVE_BEFORE,
    LOWER_ARTICLE,
    MEDIA_AFTER,
    MONTHS,
    OF_NAME,
    OTHER_LABELS,
    PLACE_LABELS,
    PLACE_NOUN_TAIL,
    STREET_WORDS,
)
from .place_names import COUNTRY, REGION, fold
from .place_variants import may_be_spelt_otherwise
from .place_weights import CURRENCY_AFTER_CHARS, LOCATIVE_BEFORE_CHARS

# A proper-noun run is tried as a place in every span of up to this many tokens (a hyphen is a
# token): 1,120 of the gazetteer's 629,707 names have more than 8 words, nearly all of them strings
# of alternate spellings. Trying every span of a longer run grew with the square of its length.
MAX_PLACE_TOKENS = 10


def strip_entity(doc: Doc, span: Span) -> Span:
    """Drop a leading article/possessive and trailing punctuation from an entity."""
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return doc[start:end]


def _propn_runs(doc: Doc) -> Iterator[Span]:
    i = 0
    while i < len(doc):
        if doc[i].pos_ != "PROPN":
            i += 1
            continue
        j = i + 1
        while j < len(doc):
            tok = doc[j]
            if tok.pos_ == "PROPN":
                j += 1
            elif (
                tok.text in {"-", "‐"}
                and not doc[j - 1].whitespace_
                and j + 1 < len(doc)
                and doc[j + 1].pos_ == "PROPN"
            ):
                j += 2
            else:
                break
        yield doc[i:j]
        i = j


def long_runs(doc: Doc) -> list[Span]:
    """Proper-noun runs longer than ``MAX_PLACE_TOKENS``: only their shorter spans are tried as places."""
    return [run for run in _propn_runs(doc) if len(run) > MAX_PLACE_TOKENS]


def _raw_spans(doc: Doc, gazetteer: Gazetteer) -> Iterator[SpanCandidate]:
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS or ent.label_ in {"PERSON", "ORG"}:
            s = strip_entity(doc, ent)
            if len(s):
                yield SpanCandidate(s.start_char, s.end_char, ent.label_, len(s))
            if ent.label_ in PLACE_LABELS and len(s) > 1 and re.fullmatch(PLACE_NOUN, s[-1].lower_):
                bare = s[:-1]  # "Idleb city", "Tsrancha village": the name without its place noun
                yield SpanCandidate(bare.start_char, bare.end_char, ent.label_, len(bare))
    ent_label = {t.i: t.ent_type_ for t in doc}
    for run in _propn_runs(doc):
        labels = {ent_label[t.i] for t in run}
        # Inside a person's or organisation's name only the whole run may be a place.
        whole_only = bool(labels & {"PERSON", "ORG", "NORP"})
        if whole_only:
            if len(run) <= MAX_PLACE_TOKENS:
                yield SpanCandidate(run.start_char, run.end_char, "PROPN", len(run))
            continue
        words = [(t.idx, t.idx + len(t.text), t.text == "-") for t in run]
        for width in range(min(len(run), MAX_PLACE_TOKENS), 0, -1):
            for k in range(len(run) - width + 1):
                first, last = words[k], words[k + width - 1]
                if not (first[2] or last[2]):
                    yield SpanCandidate(first[0], last[1], "PROPN", width)
    for m in AND_NAME.finditer(doc_text(doc)):  # "Trinidad and Tobago", "Bosnia and Herzegovina", "Jammu and Kashmir"
        if any(e.kind in (COUNTRY, REGION) for e in gazetteer.lookup(m.group())):
            yield SpanCandidate(m.start(), m.end(), "GPE", len(m.group().split()))
    for m in OF_NAME.finditer(doc_text(doc)):
        if (known := known_tail(m.group(), gazetteer)) is not None:  # "In Heroica Puebla de Zaragoza": drop "In"
            yield SpanCandidate(m.end() - len(known), m.end(), "GPE", len(known.split()))
    low = doc_text(doc).lower()
    for key, idx in _phrase_entries(gazetteer):
        for m in re.finditer(r"\b" + re.escape(key) + r"\b", low):
            yield SpanCandidate(m.start(), m.end(), "PHRASE", len(key.split()))


def known_tail(name: str, gazetteer: Gazetteer) -> str | None:
    """The name the gazetteer knows once a capitalised sentence word is dropped ("In Utinga" -> "Utinga")."""
    words = name.split()
    while words:
        if gazetteer.has(known := " ".join(words)):
            return known
        if words[0].lower() not in LEADING_WORDS:
            return None
        words = words[1:]
    return None


def _phrase_entries(gazetteer: Gazetteer) -> tuple[tuple[str, int], ...]:
    """Supplement names that may appear in lower case ("line of contact"); they need a context country."""
    return gazetteer.phrases


def select_spans(doc: Doc, gazetteer: Gazetteer, blocked: list[tuple[int, int]]) -> list[SpanCandidate]:
    """Plausible place spans, longest first, without overlaps."""
    text = doc_text(doc)
    kept: list[SpanCandidate] = []
    taken = _Taken()
    inside_blocked = _containment(blocked)
    seen: set[tuple[int, int]] = set()
    raw = sorted(_raw_spans(doc, gazetteer), key=lambda s: (-(s.end - s.start), _label_rank(s.label), s.start))
    for span in raw:
        if (span.start, span.end) in seen:
            continue
        seen.add((span.start, span.end))
        if taken.overlaps(span.start, span.end):
            continue
        if inside_blocked(span.start, span.end):
            continue
        name = text[span.start : span.end]
        if not _plausible(name, span, text[max(0, span.start - LOCATIVE_BEFORE_CHARS) : span.start]):
            continue
        if CURRENCY_AFTER.match(text[span.end : span.end + CURRENCY_AFTER_CHARS]):
            continue  # "the US dollar", "Hong Kong dollars": a currency, not a place of the story
        if MEDIA_AFTER.match(text[span.end : span.end + CURRENCY_AFTER_CHARS]):
            continue  # "Maan news agency": a news outlet, not a place of the story
        tail = _name_tail(doc, span)
        if tail is not None and span.label != "PHRASE":
            if tail in STREET_WORDS:
                continue  # "Royal Street", "Collins Avenue": a street named after a town is not the town
            span = replace(span, facility=True)
        if not gazetteer.has(name) and (bare := PLACE_NOUN_TAIL.sub("", name)) != name and gazetteer.has(bare):
            continue  # "Douala city": the name without its place noun is the one to read
        if not gazetteer.has(name) and not (
            (_missing_but_located(name, span, text, gazetteer) or may_be_spelt_otherwise(name, span, gazetteer))
            and not _inside_person_or_org(doc, span)
        ):
            continue
        kept.append(span)
        taken.add(span.start, span.end)
    return sorted(kept, key=lambda s: s.start)


class _Taken:
    """Spans already kept (never overlapping each other), asked about by bisection rather than one by one."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # kept spans starting before ``end``: the last of them ends last
        return i > 0 and self.ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _containment(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether one of ``spans`` holds start..end: the furthest end among the spans starting at or before ``start``."""
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    furthest = list(accumulate((b for _, b in ordered), max))

    def inside(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, start)
        return i > 0 and furthest[i - 1] >= end

    return inside


def _inside_person_or_org(doc: Doc, span: SpanCandidate) -> bool:
    """Part of a person's name, or of an organisation's unless a place noun follows ("Goosu town")."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    if found is None:
        return True
    labels = {t.ent_type_ for t in found}
    if "PERSON" in labels:
        return True
    nxt = doc[found.end] if found.end < len(doc) else None
    place_noun = nxt is not None and re.fullmatch(PLACE_NOUN, nxt.lower_) is not None
    return bool(labels & OTHER_LABELS) and not place_noun


def _missing_but_located(name: str, span: SpanCandidate, text: str, gazetteer: Gazetteer) -> bool:
    """A name the gazetteer lacks, followed by areas it knows ("Muaja (Ancuabe, ...)", "X in Idlib")."""
    if span.label not in PLACE_LABELS and span.label not in {"PROPN", "ORG"}:
        return False
    found = area_list(text, span.end, loose=span.label in {"GPE", "LOC"})
    return (
        found is not None
        and fold(name) not in {fold(n) for n in found.names}
        and (named_area(found, gazetteer, Counter()) is not None)
    )


def _name_tail(doc: Doc, span: SpanCandidate) -> str | None:
    """The street or facility word among the capitalised words right after a span, if any."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    if found is None:
        return None
    lower_case_name = LOWER_ARTICLE.match(doc_text(doc)[span.start : span.end]) is not None
    for tok in doc[found.end : found.end + 4]:
        if tok.text in {"'s", "’s"}:
            continue
        if not tok.is_alpha or not (tok.text[:1].isupper() or lower_case_name):
            break  # after "al Alam" the words go on in lower case: "the al Alam square"
        low = tok.lower_
        if low in STREET_WORDS or low in FACILITY_WORDS:
            return low
    return None


def _label_rank(label: str) -> int:
    return {"GPE": 0, "LOC": 0, "FAC": 1, "PHRASE": 1, "PROPN": 2}.get(label, 3)


def _plausible(name: str, span: SpanCandidate, before: str = "") -> bool:
    if span.label == "PHRASE":
        return True
    if not (name[:1].isupper() or LOWER_ARTICLE.match(name)) or any(c.isdigit() for c in name):
        return False
    key = fold(name)
    if key in MONTHS or key in DEMONYMS:
        return False
    if span.tokens == 1 and key in COMMON_WORDS and span.label not in PLACE_LABELS:
        return False
    if len(key.replace(" ", "")) <= 3 and span.label not in PLACE_LABELS:
        # Acronyms and abbreviations ("UN", "EU", "Mo.") unless spaCy calls them places ("US"); a short
        # name in title case right after a word of place ("to Gao", "the city of Gao") is a place.
        return not name.isupper() and LOCATIVE_BEFORE.search(before) is not None
    return True
