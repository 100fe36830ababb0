"""attribution.rules.v1's quotation lookups: each finds by bisection the quotation a scan of all finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sitrep.stages.attribution import Quote, Quotes

# Short texts of words, spaces, commas, colons, line breaks and quotation marks, balanced or not.
PARTS = st.sampled_from(["a", "said", " ", ", ", ": ", "\n", "“", "”", '"', "one two three four five six "])
TEXTS = st.lists(PARTS, max_size=30).map("".join)


def _offsets(text: str) -> st.SearchStrategy[int]:
    return st.integers(0, len(text))


@given(st.data(), TEXTS)
def test_lookups_agree_with_a_scan(data: st.DataObject, text: str) -> None:
    quotes = Quotes(text)
    offset = data.draw(_offsets(text))
    end = data.draw(st.integers(offset, len(text)))
    before = data.draw(st.integers(0, len(text) + 3))
    every: list[Quote] = quotes.quotes

    assert quotes.ending_just_before(offset) == next(
        (
            q
            for q in every
            if q.end <= offset and len(text[q.end : offset]) <= 3 and not text[q.end : offset].strip(" ,")
        ),
        None,
    )
    assert quotes.right_after(offset, end, before) == next(
        (q for q in every if offset < q.start and not text[end : q.start].strip(" ,:\n") and q.start < before),
        None,
    )
    assert quotes.next_from(offset) == next(
        (q for q in every if offset <= q.start and not text[offset : q.start].strip()), None
    )
