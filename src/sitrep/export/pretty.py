"""A readable listing for a terminal: per document a header, then one block per event.

Each block starts with the event's sentence, its event word marked, so that a reader can check the
record against the text; a value that a stage chose by falling back (a publication date, the place
of the document's main event, the publisher as claimant) shows why. Events the report only recalls
(``window == "background"``) and events that did not happen (negated, hypothetical, future) are
listed apart under their own headings so that they are never read as this report's news.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from collections import Counter
from typing import TextIO

from ..model import Actor, Casualties, Count, Event, Evidence, Extraction
from ..registry import exporter
from ..safe_text import printable

INDENT = "      "
HANG = "  + "  # a joined telling, under its heading
# Characters of the evidence sentence shown around the event word, and of each joined telling.
SENTENCE_CHARS = 160
MENTION_CHARS = 100
# Joined tellings shown in full; the others are counted.
MENTIONS_SHOWN = 2
MARK_OPEN, MARK_CLOSE = "«", "»"
ELLIPSIS = "…"
_SPACE = re.compile(r"\s+")


def format_count(count: Count | None) -> str:
    """ "7", "3-5" or "12+" (no upper bound)."""
    if count is None:
        return "-"
    if count.high is None:
        return f"{count.low}+"
    if count.low == count.high:
        return str(count.low)
    return f"{count.low}-{count.high}"


def format_casualties(cas: Casualties | None) -> str:
    if cas is None or cas.total is None:
        return "-"
    text = format_count(cas.total)
    if cas.subsets:
        text += " (" + ", ".join(f"{c.group or 'of them'} {format_count(c)}" for c in cas.subsets) + ")"
    return text


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text)


def _keep_end(text: str, chars: int) -> str:
    """The last ``chars`` characters of ``text``, from a word start, with an ellipsis where cut."""
    if len(text) <= chars:
        return text
    kept = text[len(text) - chars :]
    if " " in kept and not text[len(text) - chars - 1].isspace():
        kept = kept[kept.index(" ") :]
    return ELLIPSIS + kept.lstrip()


def _keep_start(text: str, chars: int) -> str:
    """The first ``chars`` characters of ``text``, to a word end, with an ellipsis where cut."""
    if len(text) <= chars:
        return text
    kept = text[:chars]
    if " " in kept and not text[chars].isspace():
        kept = kept[: kept.rindex(" ")]
    return kept.rstrip() + ELLIPSIS


def trimmed(text: str, chars: int = MENTION_CHARS) -> str:
    """A sentence on one line: whitespace collapsed, cut after about ``chars`` characters, escaped."""
    return printable(_keep_start(_collapse(text).strip(), chars))


def marked_sentence(sentence: Evidence, word: Evidence, chars: int = SENTENCE_CHARS) -> str:
    """The sentence on one line with ``word`` marked «so», cut to about ``chars`` characters around it.

    The context kept on each side is shared out evenly, a side that needs less giving the rest to the
    other; a word outside the sentence (an event assembled from two) leaves the sentence unmarked.
    """
    lo, hi = word.start - sentence.start, word.end - sentence.start
    if not (0 <= lo < hi <= len(sentence.text)) or sentence.text[lo:hi] != word.text:
        return trimmed(sentence.text, chars)
    before = _collapse(sentence.text[:lo]).lstrip()
    after = _collapse(sentence.text[hi:]).rstrip()
    middle = _collapse(word.text)
    room = max(0, chars - len(middle))
    left = min(len(before), max(room // 2, room - len(after)))
    before, after = _keep_end(before, left), _keep_start(after, room - left)
    return printable(before) + MARK_OPEN + printable(middle) + MARK_CLOSE + printable(after)


def _actors(actors: tuple[Actor, ...]) -> str:
    return ", ".join(a.name for a in actors) or "?"


def _date(event: Event) -> str:
    if event.date is None or event.date.date is None:
        return "date unknown"
    return f"{event.date.date.isoformat()} ({event.date.precision.value})"


def _place(event: Event) -> str:
    p = event.place
    if p is None:
        return "place unknown"
    where = p.name
    if p.admin1 and p.admin1 != p.name:
        where += f", {p.admin1}"
    if p.country:
        where += f", {p.country}"
    if p.de_facto:
        where += f" [de facto {p.de_facto}]"
    coords = f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None else "no coordinates"
    return f"{where} ({coords}, {p.precision.value})"


def _not_happened(event: Event) -> str:
    c = event.certainty
    marks = [
        name for name, on in (("negated", c.negated), ("hypothetical", c.hypothetical), ("future", c.future)) if on
    ]
    return "/".join(marks)


def _whys(event: Event) -> list[str]:
    """``why FIELD VALUE: REASON`` for each value whose evidence carries a reason (a fallback or a choice)."""
    date, place = event.date, event.place
    whys: list[tuple[str, str, Evidence]] = []
    if date is not None:
        whys.append(("date", date.date.isoformat() if date.date else "unknown", date.evidence))
    if place is not None:
        whys.append(("place", place.name, place.evidence))
    for name, cas in (("killed", event.killed), ("wounded", event.wounded)):
        if cas is not None and cas.total is not None:
            whys.append((name, format_casualties(cas), cas.total.evidence))
    if event.claimant is not None:
        whys.append(("claimant", event.claimant.name, event.claimant.evidence))
    return [f"why {name} {value}: {ev.reason}" for name, value, ev in whys if ev.reason]


def _mentions(event: Event) -> list[str]:
    if not event.mentions:
        return []
    n = len(event.mentions)
    lines = [f"joined {n} other telling{'s' if n > 1 else ''}:"]
    lines += [f"{HANG}{trimmed(m.text)}" for m in event.mentions[:MENTIONS_SHOWN]]
    if n > MENTIONS_SHOWN:
        lines.append(f"{HANG}and {n - MENTIONS_SHOWN} more")
    return lines


def _is_background_reason(event: Event, reason: str) -> bool:
    return not event.is_news and reason.startswith("background")


def _reasons(event: Event) -> list[str]:
    """The event's reasons, each once ("(x2)" when repeated); a background reason is shown at the top."""
    counts = Counter(r for r in event.reasons if not _is_background_reason(event, r))
    return [f"reason: {r}" + (f" (x{n})" if n > 1 else "") for r, n in counts.items()]


def event_lines(number: int, event: Event, width: int) -> list[str]:
    modes = f" [{', '.join(event.modes)}]" if event.modes else ""
    acled = f"{event.acled_type} / {event.acled_subtype}" if event.acled_type else "no ACLED type"
    tag = "" if event.is_news else "[background] "
    fields = [r for r in event.reasons if _is_background_reason(event, r)]
    fields += [
        f'"{marked_sentence(event.sentence, event.trigger)}"',
        f"{_actors(event.actors)} -> {_actors(event.recipients)}",
        f"at {_place(event)}",
        f"killed {format_casualties(event.killed)}; wounded {format_casualties(event.wounded)}",
    ]
    if event.weapons:
        fields.append("weapons: " + ", ".join(dict.fromkeys(w.name for w in event.weapons)))
    if event.certainty.hedges:
        fields.append("hedged: " + ", ".join(h.text for h in event.certainty.hedges))
    if not event.happened:
        fields.append(f"DID NOT HAPPEN: {_not_happened(event)}")
    fields.append(f"claimant: {event.claimant.name if event.claimant else '-'}; confidence {event.confidence:.2f}")
    fields += _whys(event) + _mentions(event) + _reasons(event)
    lines = [printable(f"  [{number}] {tag}{_date(event)}  {event.plover}{modes}  |  {acled}")]
    for field in fields:
        hang = "    " if field.startswith(HANG) else "  "
        lines.extend(
            textwrap.wrap(
                printable(field), width=max(40, width), initial_indent=INDENT, subsequent_indent=INDENT + hang
            )
        )
    return lines


def _document_claimant(extraction: Extraction) -> str:
    names = Counter(e.claimant.name for e in extraction.events if e.claimant is not None)
    return names.most_common(1)[0][0] if names else "-"


BACKGROUND_HEADING = "  -- background (recalled for context, not this report's news):"
NOT_HAPPENED_HEADING = "  -- reported as not happened (negated, hypothetical or future):"


def _section(event: Event) -> str | None:
    """The heading an event is listed under: None for this report's news."""
    if not event.happened:
        return NOT_HAPPENED_HEADING
    return None if event.is_news else BACKGROUND_HEADING


@exporter("pretty")
class PrettyExporter:
    def __init__(self, out: TextIO, *, width: int | None = None) -> None:
        self.out = out
        self.width = width or shutil.get_terminal_size((100, 24)).columns
        self.documents = 0

    def write(self, extraction: Extraction) -> None:
        doc = extraction.document
        published = doc.published.isoformat() if doc.published else "unknown"
        lines = [] if self.documents == 0 else [""]
        claimant = printable(_document_claimant(extraction))
        lines.append(f"== {printable(doc.source)}  published {published}  claimant {claimant}")
        if doc.title:
            lines.append(f"   {printable(doc.title)}")
        if not extraction.events:
            lines.append("  (no events)")
        number = 0
        for heading in (None, BACKGROUND_HEADING, NOT_HAPPENED_HEADING):
            events = [e for e in extraction.events if _section(e) == heading]
            if events and heading:
                lines.append(heading)
            for event in events:
                number += 1
                lines.extend(event_lines(number, event, self.width))
        self.out.write("\n".join(lines) + "\n")
        self.out.flush()
        self.documents += 1

    def close(self) -> None:
        self.out.flush()
