"""A small phrase matcher over spaCy tokens: phrases match a token's lower-case form or its lemma.

spaCy's own matchers compare one attribute per token; event words need either ("shelled" and
"shell" both start a shelling), so this matcher compares both, longest match first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span, Token

T = TypeVar("T")
# A whole parsed document, or one sentence or stretch of it.
Parsed = TypeVar("Parsed", Doc, Span)


@dataclass(frozen=True, slots=True)
class PhraseHit(Generic[T]):
    start: int  # token index
    end: int  # token index, exclusive
    payload: T


def token_forms(token: Token) -> tuple[str, str]:
    return token.lower_, token.lemma_.lower()


class PhraseMatcher(Generic[T]):
    def __init__(self, entries: Iterable[tuple[tuple[str, ...], T]]) -> None:
        by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        for words, payload in entries:
            if words:
                by_first.setdefault(words[0], []).append((words, payload))
        for items in by_first.values():
            items.sort(key=lambda item: -len(item[0]))
        self._by_first = by_first

    def _match_at(self, forms: list[tuple[str, str]], i: int) -> Iterator[tuple[int, T]]:
        seen: set[str] = set()
        for form in forms[i]:
            if form in seen:
                continue
            seen.add(form)
            for words, payload in self._by_first.get(form, ()):
                end = i + len(words)
                if end > len(forms):
                    continue
                if all(w in forms[i + k] for k, w in enumerate(words[1:], start=1)):
                    yield end, payload

    def find(self, doc: Parsed, accept: Callable[[Parsed, int, int, T], bool] | None = None) -> list[PhraseHit[T]]:
        """Leftmost-longest, non-overlapping hits. ``accept(doc, start, end, payload)`` may veto a hit."""
        hits: list[PhraseHit[T]] = []
        # each token's forms read once (reading them for every phrase tried made a Token object each time)
        forms = [token_forms(token) for token in doc]
        i = 0
        while i < len(doc):
            best: tuple[int, T] | None = None
            for end, payload in self._match_at(forms, i):
                if accept is not None and not accept(doc, i, end, payload):
                    continue
                if best is None or end > best[0]:
                    best = (end, payload)
            if best is not None:
                hits.append(PhraseHit(i, best[0], best[1]))
                i = best[0]
            else:
                i += 1
        return hits
