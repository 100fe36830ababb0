"""`sitrep eval quiet FILE.tsv`: false alarms on ordinary news (the BBC articles of ../shared/eval/quiet-news).

The file has two tab-separated columns and no header: the article text, then its label, ``1`` for
a politics article and ``0`` for business, entertainment, sport or tech. Each article is extracted
on its own, with no publication date.

A *false alarm* is a label-0 article in which sitrep finds any event that happened and carries an
ACLED type (sitrep.acled_view.coded_events): a match that "clashed", shares "hit", a star "shot"
by photographers. ``false_alarm_rate`` is the share of label-0 articles with one;
``quiet_share_without_event`` is one minus that, so that a floor reads "value >= floor". Politics
articles (label 1) sometimes do report a protest or an attack: their share with an event is
information, not a score. The table lists every event found in a false alarm with its sentence,
to be read before counting it as an error.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..acled_view import coded_events
from ..errors import EmptyInput, MalformedRecord, MissingField
from ..ingest.documents import make_document
from ..model import Event
from ..pipeline import Pipeline
from .gold_files import coded_tsv_errors, open_gold
from .metrics import ratio

LABELS = {"0": 0, "1": 1}
# How much of an offending sentence the table shows (characters).
SENTENCE_CHARS = 160


@dataclass(frozen=True, kw_only=True, slots=True)
class Article:
    line: int
    text: str
    label: int  # 1 politics, 0 anything else


@dataclass(frozen=True, kw_only=True, slots=True)
class Found:
    """An ACLED-typed event that happened, as the table shows it."""

    subtype: str | None
    trigger: str
    sentence: str


@dataclass(frozen=True, kw_only=True, slots=True)
class ArticleOutcome:
    line: int
    label: int
    events: tuple[Found, ...]


# ---------------------------------------------------------------- reading


def read_articles(path: Path) -> Iterator[Article]:
    """The rows of a two-column TSV (text, label). A row that cannot be read stops the evaluation with
    a coded error naming its line. Blank lines are skipped; cells are never quoted."""
    with open_gold(path) as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE, strict=True)
        with coded_tsv_errors(path, lambda: reader.line_num):
            rows = 0
            for cells in reader:
                if not cells or cells == [""]:
                    continue
                rows += 1
                yield _article(cells, reader.line_num, path)
            if not rows:
                raise EmptyInput("no article in the file", source=str(path))


def _article(cells: list[str], line: int, path: Path) -> Article:
    where = f"{path}:{line}"
    if len(cells) < 2:
        raise MissingField("no label column: want the text, a tab, then 0 or 1", source=where)
    if len(cells) > 2:
        raise MalformedRecord(f"{len(cells)} cells: want two, the text and the label 0 or 1", source=where)
    text, label = cells[0], cells[1].strip()
    if label not in LABELS:
        raise MalformedRecord(f"unknown label {label!r}: want 0 or 1", source=where)
    if not text.strip():
        raise MalformedRecord("empty article text", source=where)
    return Article(line=line, text=text, label=LABELS[label])


# ---------------------------------------------------------------- scoring


def trimmed(text: str, limit: int = SENTENCE_CHARS) -> str:
    """``text`` on one line, cut to at most ``limit`` characters (an ellipsis marks the cut)."""
    flat = re.sub(r"\s+", " ", text).strip()
    return flat if len(flat) <= limit else flat[: limit - 3].rstrip() + "..."


@dataclass
class QuietReport:
    file: str
    outcomes: list[ArticleOutcome] = field(default_factory=list)

    def add(self, article: Article, events: list[Event]) -> None:
        found = tuple(
            Found(subtype=e.acled_subtype, trigger=e.trigger.text, sentence=trimmed(e.sentence.text)) for e in events
        )
        self.outcomes.append(ArticleOutcome(line=article.line, label=article.label, events=found))

    @property
    def false_alarms(self) -> list[ArticleOutcome]:
        return [o for o in self.outcomes if o.label == 0 and o.events]

    def figures(self) -> dict[str, float | int]:
        quiet = [o for o in self.outcomes if o.label == 0]
        politics = [o for o in self.outcomes if o.label == 1]
        alarms = self.false_alarms
        rate = ratio(len(alarms), len(quiet))
        with_event = sum(bool(o.events) for o in politics)
        return {
            "false_alarm_rate": rate,
            "quiet_share_without_event": 1.0 - rate,
            "label1_event_share": ratio(with_event, len(politics)),
            "articles": len(self.outcomes),
            "label0_articles": len(quiet),
            "label0_articles_with_event": len(alarms),
            "label0_events": sum(len(o.events) for o in alarms),
            "label1_articles": len(politics),
            "label1_articles_with_event": with_event,
        }

    def table(self) -> str:
        f = self.figures()
        lines = [
            f"quiet news evaluation: {self.file} ({f['articles']} articles: "
            f"{f['label0_articles']} labelled 0, {f['label1_articles']} labelled 1 (politics))",
            "",
            f"{'measure':32} value",
        ]
        for key in ("false_alarm_rate", "quiet_share_without_event", "label1_event_share"):
            lines.append(f"{key:32} {f[key]:.3f}")
        for key in ("label0_articles_with_event", "label0_events", "label1_articles_with_event"):
            lines.append(f"{key:32} {f[key]}")
        lines += [
            "",
            "false alarms (label-0 articles with an ACLED event that happened): row, sub-type, trigger, sentence",
        ]
        for o in self.false_alarms:
            for e in o.events:
                lines.append(f"  row {o.line:<5} {e.subtype or '(no sub-type)':34} {e.trigger!r:16} {e.sentence}")
        if not self.false_alarms:
            lines.append("  none")
        return "\n".join(lines)


def evaluate_quiet(
    path: Path, pipeline: Pipeline, *, limit: int | None = None, progress: Callable[[int, int], None] | None = None
) -> QuietReport:
    articles = list(read_articles(path))
    if limit is not None:
        articles = articles[:limit]
    report = QuietReport(file=path.name)
    documents = [make_document(a.text, source=f"{path}:{a.line}") for a in articles]
    for i, (article, extraction) in enumerate(zip(articles, pipeline.pipe(documents)), start=1):
        report.add(article, coded_events(extraction))
        if progress is not None:
            progress(i, len(articles))
    return report
