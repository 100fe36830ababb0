"""A readable listing for a terminal: per document a header, then one block per event.

Events that did not happen (negated, hypothetical, future) are listed apart under their own
heading so that they are never read as facts.
"""

from __future__ import annotations

import shutil
import textwrap
from collections import Counter
from typing import TextIO

from ..model import Actor, Casualties, Count, Event, Extraction
from ..registry import exporter
from ..safe_text import printable

INDENT = "      "


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


def event_lines(number: int, event: Event, width: int) -> list[str]:
    modes = f" [{', '.join(event.modes)}]" if event.modes else ""
    acled = f"{event.acled_type} / {event.acled_subtype}" if event.acled_type else "no ACLED type"
    fields = [
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
    lines = [f"  [{number}] {_date(event)}  {event.plover}{modes}  |  {acled}"]
    for field in fields:
        lines.extend(textwrap.wrap(field, width=max(40, width), initial_indent=INDENT, subsequent_indent=INDENT + "  "))
    return lines


def _document_claimant(extraction: Extraction) -> str:
    names = Counter(e.claimant.name for e in extraction.events if e.claimant is not None)
    return names.most_common(1)[0][0] if names else "-"


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
        lines.append(f"== {printable(doc.source)}  published {published}  claimant {_document_claimant(extraction)}")
        if doc.title:
            lines.append(f"   {printable(doc.title)}")
        happened = [e for e in extraction.events if e.happened]
        other = [e for e in extraction.events if not e.happened]
        if not extraction.events:
            lines.append("  (no events)")
        for i, event in enumerate(happened, start=1):
            lines.extend(event_lines(i, event, self.width))
        if other:
            lines.append("  -- reported as not happened (negated, hypothetical or future):")
            for i, event in enumerate(other, start=len(happened) + 1):
                lines.extend(event_lines(i, event, self.width))
        self.out.write("\n".join(lines) + "\n")
        self.out.flush()
        self.documents += 1

    def close(self) -> None:
        self.out.flush()
