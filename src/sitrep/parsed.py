"""Fast access to a parsed document's text and sentences, shared by the stages.

spaCy's ``Doc.text`` joins every token on each call and ``Token.sent`` checks the whole document's
sentence annotation, so stages asking either once per word made extraction quadratic in the
length of an article. The pipeline indexes each parsed document once.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc


def index_sentences(doc: Doc) -> None:
    """Make ``Token.sent`` and ``Span.sent`` a lookup instead of a scan of the whole document.

    spaCy answers ``token.sent`` by checking the document's sentence annotation token by token, so
    stages asking it once per word made extraction quadratic in the length of an article.
    """
    sents = list(doc.sents)
    starts = [s.start for s in sents]

    def sentence(item: Any) -> Any:
        first = item.i if hasattr(item, "i") else item.start
        return sents[max(0, bisect.bisect_right(starts, first) - 1)]

    doc.user_token_hooks["sent"] = sentence
    doc.user_span_hooks["sent"] = sentence
    doc.user_data["sitrep.text"] = doc.text


def doc_text(doc: Doc) -> str:
    """The document's text, built once (``Doc.text`` joins every token on each call)."""
    text = doc.user_data.get("sitrep.text")
    if text is None:
        text = doc.text
        doc.user_data["sitrep.text"] = text
    return str(text)
