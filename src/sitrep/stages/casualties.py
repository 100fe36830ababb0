"""Killed and wounded figures read from the dependency parse (rules in docs/casualty-rules.md).

A figure is a number phrase ("over a dozen", "two", "dozens of", "no one") joined to a word of
death or injury ("killed", "dead", "deaths", "lost their lives", "death toll", "wounded",
"injuries") by a syntactic link: the victim of a passive or intransitive verb, the object of an
active one ("killed 3 soldiers", "killing one"), a noun counted by the number ("5 deaths"), a
noun the word modifies ("100 wounded", "people killed"), or, failing those, the words side by side
("1 killed, 7 injured"). "including at least one child" is a subset of the figure it follows;
"2 civilians and 3 soldiers were killed" gives two subsets and their sum as the total.

The words are in ``casualty_words``, number phrases in ``casualty_numbers``, the links in
``casualty_links``; this module is the stage, and turns the links into mentions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import CasualtyFigure, Count, Evidence, Mention
from ..registry import stage
from ..resolve.quantities import JOINT, MAX_PLAUSIBLE_COUNT, ZERO, Quantity
from .casualty_links import Link, conjunct_singles, link_phrases, singles, subsets, unknowns, zeros
from .casualty_numbers import number_phrases
from .casualty_words import DEFINITE, SHARED_OUTCOMES, group_of, outcome_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..annotated import Annotated

NAME = "casualties.rules.v1"


@stage(NAME, requires=(), assigns=("casualty", "note"))
def find(annotated: Annotated) -> tuple[Mention, ...]:
    """Killed and wounded figures, with subsets (children, civilians, soldiers) and reported zeros;
    a note for each number beside a word of death or injury that is too large to be a toll."""
    found: list[Mention] = []
    for sent in annotated.doc.sents:
        found.extend(_sentence(annotated, sent))
    return tuple(found)


def _sentence(annotated: Annotated, sent: Span) -> list[Mention]:
    triggers = [t for t in sent if outcome_of(t) is not None]
    if not triggers:
        return []
    refused = _implausible_numbers(sent)
    links = link_phrases(sent, number_phrases(sent), triggers)
    links += singles(sent, triggers, links)
    links = subsets(conjunct_singles(links))
    links += zeros(sent, triggers, links)
    links += unknowns(triggers, links)
    return refused + _emit(annotated, sent, links)


def _implausible_numbers(sent: Span) -> list[Mention]:
    """Notes for the numbers of a casualty sentence over ``MAX_PLAUSIBLE_COUNT``: never read as figures
    (sitrep.resolve.quantities), and said so on the record rather than dropped in silence."""
    notes: list[Mention] = []
    for t in sent:
        digits = t.text.replace(",", "")
        if not digits.isdigit() or len(digits) < len(str(MAX_PLAUSIBLE_COUNT)):
            continue
        if len(digits.lstrip("0")) <= len(str(MAX_PLAUSIBLE_COUNT)) and int(digits) <= MAX_PLAUSIBLE_COUNT:
            continue
        shown = t.text if len(t.text) <= 30 else f"{t.text[:12]}...({len(digits):,} digits)"
        reason = (
            f"{shown} at {t.idx:,} was not read as a toll: over {MAX_PLAUSIBLE_COUNT:,}, more than any report counts"
        )
        notes.append(
            Mention(
                kind="note", start=t.idx, end=t.idx + len(t.text), text=t.text, value=reason, stage=NAME, reason=reason
            )
        )
    return notes


def _joint(link: Link) -> str | None:
    """ "killed and wounded 7", "killed, injured or captured": one figure shared by several outcomes."""
    tr = link.trigger
    partners = [c for c in tr.conjuncts if (outcome_of(c) not in {None, link.outcome}) or c.lemma_ in SHARED_OUTCOMES]
    if not partners or any(c.dep_ in {"dobj", "nsubjpass", "nsubj"} for p in partners for c in p.children):
        return None
    words = {c.lower_ for t in (tr, *partners) for c in t.children if c.dep_ == "cc"}
    return "or" if "or" in words else "and"


def _emit(annotated: Annotated, sent: Span, links: list[Link]) -> list[Mention]:
    doc = sent.doc
    mentions: list[Mention] = []
    seen: set[tuple[str, str | None, int, int, int | None]] = set()
    totals: dict[int, list[Link]] = {}
    for link in sorted(links, key=lambda lk: lk.phrase.start):
        q = link.phrase.quantity
        outcomes = ("killed", "wounded") if link.outcome == "both" else (link.outcome,)
        reason: str | None
        if link.how != "reported zero" and link.trigger.lemma_.lower() == "casualty":
            reason = "'casualties' may include the dead; counted as wounded"
        else:
            reason = q.reason
        joint = _joint(link) if q.rule != ZERO else None
        if joint is not None:
            # ACLED halves a joint "killed and wounded" figure; with "or" nothing is known to be dead.
            share = q.low // 2 if joint == "and" else 0
            q = Quantity(
                0,
                share,
                q.high,
                f"{JOINT}-{joint}:{q.rule}",
                reason=f"one figure for killed {joint} other outcomes: best is {'half the low' if joint == 'and' else 0}",
            )
            reason = q.reason
        for outcome in outcomes:
            key = (outcome, link.group, q.low, q.best, q.high)
            definite = doc[link.phrase.start].lower_ in DEFINITE
            if key in seen and (
                definite or (link.phrase.noun is not None and link.phrase.noun.lemma_ in {"victim", "body"})
            ):
                continue  # the same victims mentioned again ("the three victims")
            seen.add(key)
            mentions.append(_mention(annotated, doc, link, outcome, q, reason))
        if link.how == "coordinated":
            totals.setdefault(link.trigger.i, []).append(link)
    for parts in totals.values():
        mentions.append(_sum_mention(annotated, doc, parts))
    return mentions


def _span(doc: Doc, link: Link) -> tuple[int, int]:
    ph, tr = link.phrase, link.trigger
    first, last = ph.start, ph.end - 1
    if ph.noun is not None and ph.noun.i >= ph.end and ph.noun.i - ph.end <= 3:
        last = ph.noun.i
    if link.how != "including" and abs(tr.i - first) <= 8 and abs(tr.i - last) <= 8:
        first, last = min(first, tr.i), max(last, tr.i)
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _mention(annotated: Annotated, doc: Doc, link: Link, outcome: str, q: Quantity, reason: str | None) -> Mention:
    start, end = _span(doc, link)
    text = annotated.text[start:end]
    score = {"side by side": 0.7, "object by position": 0.75}.get(
        link.how, 0.6 if link.how.startswith("single") else 0.9
    )
    raw = doc[link.phrase.start : link.phrase.end].text
    evidence = Evidence(start=start, end=end, text=text, stage=NAME, reason=reason, confidence=score)
    count = Count(low=q.low, best=q.best, high=q.high, raw=raw, rule=q.rule, group=link.group, evidence=evidence)
    victims = link.group or group_of(link.phrase.noun)
    figure = CasualtyFigure(outcome=outcome, count=count, victims=victims, additional=_additional(link))
    return Mention(
        kind="casualty", start=start, end=end, text=text, value=figure, stage=NAME, score=score, reason=reason
    )


def _additional(link: Link) -> bool:
    """ "A motorcyclist was also hurt", "two more died", "another soldier was killed": more victims."""
    near = [link.trigger, *link.trigger.children, *(link.phrase.head.doc[link.phrase.start : link.phrase.end])]
    return any(t.lower_ in {"also", "more", "another", "additional", "further"} for t in near)


def _sum_mention(annotated: Annotated, doc: Doc, parts: list[Link]) -> Mention:
    spans = [_span(doc, p) for p in parts]
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    highs = [p.phrase.quantity.high for p in parts]
    total = Quantity(
        low=sum(p.phrase.quantity.low for p in parts),
        best=sum(p.phrase.quantity.best for p in parts),
        high=None if any(h is None for h in highs) else sum(h for h in highs if h is not None),
        rule="sum of subsets",
    )
    text = annotated.text[start:end]
    reason = "total is the sum of the coordinated subsets"
    evidence = Evidence(start=start, end=end, text=text, stage=NAME, reason=reason, confidence=0.85)
    count = Count(low=total.low, best=total.best, high=total.high, raw=text, rule=total.rule, evidence=evidence)
    return Mention(
        kind="casualty",
        start=start,
        end=end,
        text=text,
        value=CasualtyFigure(outcome=parts[0].outcome, count=count),
        stage=NAME,
        score=0.85,
        reason=reason,
    )
