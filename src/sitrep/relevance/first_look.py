"""The first look: is a document worth parsing? Decided on its raw text, before spaCy runs.

Most of a real news stream reports no conflict event: sport, markets, films, software. The linear
model (``sitrep.relevance.model``) scores the whole text; a text under the model's threshold is
judged ordinary news and not read further, unless it holds a hard cue: a word that ordinary news
hardly ever uses outside a report of violence or protest ("gunmen", "air strike", "protesters",
"12 people were killed"). The cue keeps short reports in, where the model has few words to go on
(one-sentence reports score lowest). Either way the decision, its score and its reason are kept on
the extraction.

A document kept only by a cue is read, but then only events told in a sentence that holds a cue
itself stay: the rest of such a text was judged ordinary. A film review that mentions a hostage once
keeps no event for "the comedy fell to the number two spot". (A sentence is too short for the
model's score to decide on its own.)
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Event, Evidence, Extraction, Relevance
from .model import LinearModel, bundled

# Words that, anywhere in a text, keep it in whatever its score. Each is rare in ordinary news
# and common in reports of political violence, protest or strategic developments.
_NUMBER = r"(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds|thousands)"
HARD_CUES = re.compile(
    r"\b(?:suicide[ -]bomb\w*|car[ -]bomb\w*|gunm[ae]n|militants?|militia\w*|insurgen\w+|rebels?|jihadis\w*|"
    r"protests|protesters|demonstrators|rioters?|troops|soldiers|air[ -]?strikes?|drone strikes?|shelling|shelled|"
    r"ceasefire|hostages?|abduct\w*|kidnapp\w*|tear[ -]gas|armed (?:group|men)|security forces|massacre\w*|"
    r"terrorists?|" + _NUMBER + r" (?:\w+ ){0,3}(?:were |was |have been |had been )?(?:killed|wounded|injured)|"
    r"(?:killed|killing|wounded|wounding|injured|injuring) (?:\w+ ){0,3}" + _NUMBER + r")\b",
    re.IGNORECASE,
)


def first_look(text: str, model: LinearModel | None = None) -> Relevance:
    """The relevance of ``text`` as a whole, and whether to read it further."""
    model = model or bundled()
    score = round(model.score(text), 3)
    if score >= model.threshold:
        return Relevance(
            score=score,
            relevant=True,
            reason=f"the relevance model scores the text {score:.3f}, at or over its threshold {model.threshold:.3f}",
            stage=model.stage,
        )
    cue = HARD_CUES.search(text)
    if cue is not None:
        return Relevance(
            score=score,
            relevant=True,
            reason=f"scored {score:.3f}, under the threshold {model.threshold:.3f}, but kept for the word {cue.group(0)!r}",
            stage=model.stage,
            cue=Evidence(start=cue.start(), end=cue.end(), text=cue.group(0), stage=model.stage, reason="hard cue"),
        )
    return Relevance(
        score=score,
        relevant=False,
        reason=f"ordinary news: the relevance model scores the text {score:.3f}, under its threshold "
        f"{model.threshold:.3f}, and no word of violence or protest keeps it",
        stage=model.stage,
    )


def event_stays(event: Event, relevance: Relevance, model: LinearModel | None = None) -> bool:
    """Whether an event found in a document judged ``relevance`` is kept (see the module's docstring)."""
    model = model or bundled()
    if relevance.score >= model.threshold:
        return True
    return HARD_CUES.search(event.sentence.text) is not None


def relevant_enough(extraction: Extraction, minimum: float) -> Extraction:
    """``extraction`` without its events when its document's relevance score is under ``minimum``
    (a document read without a first look is kept whole)."""
    if minimum <= 0.0 or extraction.relevance is None or extraction.relevance.score >= minimum:
        return extraction
    return replace(extraction, events=())
