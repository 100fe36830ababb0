"""spaCy parsing in work and memory linear in the text, whatever its length or shape.

Three things made parsing grow faster than the text, each bounded here by a named cap; a cap that
cut something leaves a note, which the pipeline keeps on the extraction:

- Memory: one ``nlp`` call holds the intermediate arrays of the whole text (a 1,000,000-character
  article peaked at 3.26 GB), and ``nlp.pipe`` holds a whole batch. A long text is parsed in
  pieces cut at paragraph breaks and joined back into one ``Doc`` whose text is the document's;
  a batch is bounded by characters as well as by count.
- Tokenizing: spaCy splits a stretch without whitespace one affix at a time, each split searching
  the rest of the stretch, so 10,000 "!" took 9 s and 20,000 four times that. A longer stretch is
  tokenized in parts.
- Sentences: the stages look at a sentence's words once per event word, and the parser left 10,000
  "!" or "killed killed ..." as one sentence. A sentence the parser leaves longer than the cap is
  parsed again with sentence starts set every ``MAX_SENTENCE_TOKENS`` tokens.

A text within every cap is parsed as ``nlp(text)`` parses it, except that a blank line always ends a
sentence (a headline or a caption has no full stop to end it). A text of many pieces may have
some of them parsed by a helper process (``sitrep.parse_helper``): the result is the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import groupby, islice, pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Future

    from spacy.language import Language
    from spacy.tokens import Doc

    from .parse_helper import ParseHelper

# A text of more tokens than this is parsed in pieces (about 200 MB of parser memory for a piece).
PIECE_TOKENS = 10_000
# One nlp.pipe batch holds at most this many tokens (or one piece). Memory follows tokens, not
# characters: 40,000 characters of "!" are 40,000 tokens.
BATCH_TOKENS = 10_000
# A stretch without whitespace longer than this is tokenized in parts of this size: the longest
# web addresses and hashtag chains of real news stay whole, and a part costs the tokenizer little.
STRETCH_CHARS = 200
# In such a stretch, a run of one punctuation mark this long or longer is made tokens of up to
# STRETCH_CHARS characters each rather than one token per mark ("!!!!!!!!" 100,000 times).
PUNCT_RUN = 20
# No sentence is longer than this many tokens: real news sentences stay far below it, and the
# stages' work per sentence stays small. Where the tokens before parsing go on this long with no
# full stop or line break, a sentence start is set; a sentence the parser still leaves longer is
# parsed again with starts every MAX_SENTENCE_TOKENS tokens.
MAX_SENTENCE_TOKENS = 250
# A text of at least this many pieces is shared with the helper process, when there is one: starting
# it and loading its model costs about as much as parsing two pieces.
HELPER_MIN_PIECES = 4
# Pieces waiting for the helper at once, so that it never waits for this process to hand it work.
HELPER_QUEUE = 2

_LONG_STRETCH = re.compile(r"\S{" + str(STRETCH_CHARS + 1) + ",}")
_PUNCT_RUN = re.compile(r"([^\w\s])\1{" + str(PUNCT_RUN - 1) + ",}")
_SENTENCE_END = frozenset({".", "!", "?"})
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_PRESET = "sitrep.sentence_starts_set"  # user_data key: a start was set before parsing


@dataclass(frozen=True, slots=True)
class _Piece:
    owner: int  # which text of the batch
    start: int  # character offset of the piece in its text
    doc: Doc
    notes: tuple[str, ...]
    of: int = 1  # how many pieces its text has


def parse(nlp: Language, text: str, *, helper: ParseHelper | None = None) -> tuple[Doc, tuple[str, ...]]:
    """``text`` parsed, and a note for each cap that cut something."""
    return next(parse_many(nlp, [text], batch_size=1, helper=helper))


def parse_many(
    nlp: Language, texts: Iterable[str], *, batch_size: int, helper: ParseHelper | None = None
) -> Iterator[tuple[Doc, tuple[str, ...]]]:
    """Each text parsed, in order, with its notes; lazily, a bounded batch at a time. A text of many
    pieces is shared with ``helper`` when one is given."""
    from spacy.tokens import Doc

    pieces = (piece for owner, text in enumerate(texts) for piece in _pieces(nlp, owner, text))
    for _, group in groupby(_parsed(nlp, pieces, batch_size, helper), key=lambda p: p.owner):
        parts = list(group)
        notes = tuple(n for p in parts for n in p.notes)
        if len(parts) == 1:
            yield parts[0].doc, notes
        else:
            yield Doc.from_docs([p.doc for p in parts], ensure_whitespace=False), notes


def piece_bounds(doc: Doc, limit: int) -> list[tuple[int, int]]:
    """(start, end) token indices of pieces of at most ``limit`` tokens covering ``doc``, each cut
    after a line break, else after a full stop, else anywhere; never in the first half of a piece."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(doc) - start > limit:
        end = start + limit
        breaks = [i for i in range(start + limit // 2, end) if "\n" in doc[i].text or doc[i].text in _SENTENCE_END]
        lines = [i for i in breaks if "\n" in doc[i].text]
        if lines or breaks:
            end = (lines or breaks)[-1] + 1
        bounds.append((start, end))
        start = end
    bounds.append((start, len(doc)))
    return bounds


def _pieces(nlp: Language, owner: int, text: str) -> Iterator[_Piece]:
    doc, notes = _tokenize(nlp, text, 0)
    if len(doc) <= PIECE_TOKENS:
        yield _Piece(owner=owner, start=0, doc=_preset_sentences(doc), notes=notes)
        return
    bounds = piece_bounds(doc, PIECE_TOKENS)
    notes = (f"text of {len(doc):,} tokens parsed in {len(bounds)} pieces of at most {PIECE_TOKENS:,}", *notes)
    for a, b in bounds:
        piece = _preset_sentences(doc[a:b].as_doc())
        yield _Piece(owner=owner, start=doc[a].idx, doc=piece, notes=notes if a == 0 else (), of=len(bounds))


def _tokenize(nlp: Language, text: str, offset: int) -> tuple[Doc, tuple[str, ...]]:
    """The tokens of ``text``; a stretch without whitespace over ``STRETCH_CHARS`` is tokenized in parts."""
    long = list(_LONG_STRETCH.finditer(text))
    if not long:
        return nlp.make_doc(text), ()
    from spacy.tokens import Doc

    parts: list[Doc] = []
    done = 0
    for m in long:
        for run in _PUNCT_RUN.finditer(text, m.start(), m.end()):
            parts.extend(_plain_parts(nlp, text, done, run.start()))
            parts.append(_run_tokens(nlp, text, run.start(), run.end()))
            done = run.end()
        parts.extend(_plain_parts(nlp, text, done, m.end()))
        done = m.end()
    parts.extend(_plain_parts(nlp, text, done, len(text)))
    what = _counted(len(long), "stretch", "stretches")
    longest = max(m.end() - m.start() for m in long)
    note = (
        f"{what} without a space (longest {longest:,} characters, first at {offset + long[0].start():,}) "
        f"tokenized in parts of {STRETCH_CHARS} characters"
    )
    return Doc.from_docs(parts, ensure_whitespace=False), (note,)


def _plain_parts(nlp: Language, text: str, start: int, end: int) -> list[Doc]:
    """``text[start:end]`` tokenized by spaCy in parts of at most ``STRETCH_CHARS`` characters."""
    cuts = [*range(start, end, STRETCH_CHARS), end]
    return [nlp.make_doc(text[a:b]) for a, b in pairwise(cuts) if b > a]


def _run_tokens(nlp: Language, text: str, start: int, end: int) -> Doc:
    """A run of one punctuation mark as tokens of up to ``STRETCH_CHARS`` marks."""
    from spacy.tokens import Doc

    words = [text[a : min(a + STRETCH_CHARS, end)] for a in range(start, end, STRETCH_CHARS)]
    return Doc(nlp.vocab, words=words, spaces=[False] * len(words))


def _preset_sentences(doc: Doc) -> Doc:
    """``doc`` with a sentence start after every blank line, and wherever ``MAX_SENTENCE_TOKENS``
    tokens go by with no full stop or line break (none in real news).

    A blank line ends a headline, a dateline, a caption or a paragraph, none of which a parser left
    alone reliably ends: a headline has no full stop, and read as one sentence with the lead it lent
    the lead's words its own event, or took the lead's date and place.
    """
    since = 0
    for token in doc:
        if token.i and not token.is_space and _after_blank_line(doc, token.i):
            token.is_sent_start = True
        if since >= MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            doc.user_data[_PRESET] = True
            since = 0
        since = 0 if token.text in _SENTENCE_END or "\n" in token.text else since + 1
    return doc


def _after_blank_line(doc: Doc, i: int) -> bool:
    """Whether the whitespace between token ``i`` and the word before it holds a blank line."""
    gap = []
    j = i - 1
    while j >= 0 and doc[j].is_space:
        gap.append(doc[j].text_with_ws)
        j -= 1
    if j >= 0:
        gap.append(doc[j].whitespace_)
    return bool(_BLANK_LINE.search("".join(reversed(gap))))


def _parsed(nlp: Language, pieces: Iterable[_Piece], batch_size: int, helper: ParseHelper | None) -> Iterator[_Piece]:
    """The pieces parsed, in order, in batches of at most ``batch_size`` pieces and ``BATCH_TOKENS``
    tokens; all the pieces of a text of ``HELPER_MIN_PIECES`` or more shared with ``helper``."""
    batch: list[_Piece] = []
    tokens = 0
    pieces = iter(pieces)
    for piece in pieces:
        if helper is not None and piece.of >= HELPER_MIN_PIECES and helper.start():
            if batch:
                yield from _parse_batch(nlp, batch)
                batch, tokens = [], 0
            yield from _parse_shared(nlp, [piece, *islice(pieces, piece.of - 1)], helper)
            continue
        if batch and (len(batch) >= batch_size or tokens + len(piece.doc) > BATCH_TOKENS):
            yield from _parse_batch(nlp, batch)
            batch, tokens = [], 0
        batch.append(piece)
        tokens += len(piece.doc)
    if batch:
        yield from _parse_batch(nlp, batch)


def _parse_shared(nlp: Language, pieces: list[_Piece], helper: ParseHelper) -> Iterator[_Piece]:
    """The pieces of one text parsed, this process taking them from the front and the helper from the
    back; a piece the helper fails on is parsed here."""
    parsed: dict[int, Doc] = {}
    front, back = 0, len(pieces) - 1
    waiting: list[tuple[int, Future[bytes]]] = []
    while front <= back or waiting:
        while len(waiting) < HELPER_QUEUE and front <= back and not helper.failed:
            future = helper.submit(pieces[back].doc)
            if future is None:
                break
            waiting.append((back, future))
            back -= 1
        if waiting and (waiting[0][1].done() or front > back):
            index, future = waiting.pop(0)
            doc = helper.result(future, nlp)
            parsed[index] = doc if doc is not None else _parse_one(nlp, pieces[index].doc)
        elif front <= back:
            parsed[front] = _parse_one(nlp, pieces[front].doc)
            front += 1
    for index, piece in enumerate(pieces):
        yield _bounded_sentences(nlp, replace(piece, doc=parsed[index]))


def _parse_one(nlp: Language, doc: Doc) -> Doc:
    """One piece parsed as ``_parse_batch`` and the helper parse it."""
    return next(iter(nlp.pipe([doc], batch_size=1)))


def _parse_batch(nlp: Language, batch: list[_Piece]) -> Iterator[_Piece]:
    for piece, doc in zip(batch, nlp.pipe([p.doc for p in batch], batch_size=len(batch)), strict=True):
        yield _bounded_sentences(nlp, replace(piece, doc=doc))


def _bounded_sentences(nlp: Language, piece: _Piece) -> _Piece:
    """The piece, with a note when a sentence start was set before parsing; parsed again with starts
    every ``MAX_SENTENCE_TOKENS`` tokens when the parser still left a sentence longer than that."""
    from spacy.tokens import Doc

    doc = piece.doc
    sentences = [(s.start, s.end, s.start_char) for s in doc.sents]
    long = [(a, b, c) for a, b, c in sentences if b - a > MAX_SENTENCE_TOKENS]
    preset = bool(doc.user_data.get(_PRESET))
    if long:
        again = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        for a, _, _ in sentences:
            again[a].is_sent_start = True
        for a, b, _ in long:
            for i in range(a + MAX_SENTENCE_TOKENS, b, MAX_SENTENCE_TOKENS):
                again[i].is_sent_start = True
        doc = nlp(again)
    if not (long or preset):
        return piece
    note = f"text running over {MAX_SENTENCE_TOKENS} tokens without a full stop cut into sentences for parsing"
    if long:
        where = piece.start + long[0][2]
        note = f"{_counted(len(long), 'sentence', 'sentences')} over {MAX_SENTENCE_TOKENS} tokens (first at {where:,}) cut for parsing"
    return replace(piece, doc=doc, notes=(*piece.notes, note))


def _counted(n: int, one: str, many: str) -> str:
    return f"1 {one}" if n == 1 else f"{n:,} {many}"
