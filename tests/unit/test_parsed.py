"""sitrep.parsed: the sentence lookup agrees with spaCy's own answer, the text is the document's."""

from __future__ import annotations

from sitrep.parsed import doc_text, index_sentences


def test_lookup_agrees_with_spacy(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen attacked a post. Two soldiers died! Was anyone arrested? Police said no.\n\nA new paragraph."
    plain = nlp(text)
    expected = [(t.sent.start, t.sent.end) for t in plain]
    indexed = nlp(text)
    index_sentences(indexed)
    assert [(t.sent.start, t.sent.end) for t in indexed] == expected
    assert [(indexed[a:b].sent.start) for a, b in [(0, 2), (5, 7), (12, 14)]] == [
        plain[a:b].sent.start for a, b in [(0, 2), (5, 7), (12, 14)]
    ]
    assert doc_text(indexed) == text
