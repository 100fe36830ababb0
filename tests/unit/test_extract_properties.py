"""Properties of a whole extraction, on texts stitched at random from conflict-report phrases.

Whatever the text, every evidence span slices back to its text and names its stage, and every
count keeps 0 <= low <= best <= high.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.ingest.documents import make_document
from sitrep.pipeline import Pipeline
from tests.golden.expectations import invariant_problems

SUBJECTS = [
    "Gunmen",
    "Rebel fighters",
    "The army",
    "Police",
    "Protesters",
    "Al-Shabaab militants",
    "A drone",
    "Unidentified assailants",
    "Russian forces",
    "Residents",
]
VERBS = [
    "attacked",
    "shelled",
    "stormed",
    "clashed with soldiers in",
    "marched through",
    "bombed",
    "abducted villagers in",
    "fired rockets at",
    "did not attack",
    "may attack",
]
PLACES = [
    "Kidal",
    "Marib",
    "Horlivka",
    "a market in Idlib",
    "the village of Katari",
    "Stepanakert",
    "Mogadishu",
    "the outskirts of Kandahar",
]
TAILS = ["on Monday", "yesterday", "last week", "on 3 May 2020", "", "late on Sunday night"]
TOLLS = [
    "killing over a dozen people",
    "wounding at least 20",
    "killing two children and a woman",
    "",
    "leaving dozens dead",
    "with no casualties reported",
    "killing 5 or 6 soldiers",
]
CLAIMS = [
    "officials said",
    "according to the ministry",
    "the group said in a statement",
    "",
    "witnesses told reporters",
]

sentence = st.builds(
    lambda s, v, p, t, k, c: (
        " ".join(x for x in (s, v, p, t) if x) + (", " + k if k else "") + (", " + c if c else "") + "."
    ),
    st.sampled_from(SUBJECTS),
    st.sampled_from(VERBS),
    st.sampled_from(PLACES),
    st.sampled_from(TAILS),
    st.sampled_from(TOLLS),
    st.sampled_from(CLAIMS),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(sentence, min_size=1, max_size=4), st.sampled_from(["\n\n", " "]))
def test_every_span_slices_back_and_every_count_is_ordered(pipeline: Pipeline, sentences: list[str], sep: str) -> None:
    x = pipeline(make_document(sep.join(sentences), published=dt.date(2020, 5, 5)))
    assert not invariant_problems(x)
    for e in x.events:
        for part in (e.killed, e.wounded):
            if part is not None and part.total is not None and part.total.high is not None:
                assert all(s.low <= part.total.high for s in part.subsets), "a subset outnumbers its total"
